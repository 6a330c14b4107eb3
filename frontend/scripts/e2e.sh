#!/usr/bin/env bash
# End-to-end tests of the web app in Debian's Chromium (driven by playwright-core; no browser
# download). Installs what it needs, builds the app, then runs e2e/scenario.test.mjs against the
# real `qa serve` when cmd/qa has a serve command, else against the development mock.
#
#   frontend/scripts/e2e.sh                  # auto: real server if available
#   QA_E2E_SERVER=mock frontend/scripts/e2e.sh
#   QA_E2E_BASE_URL=http://127.0.0.1:8080 frontend/scripts/e2e.sh   # a server you started
#
# Screenshots of the main pages are written to frontend/e2e/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  echo "e2e: installing Debian's chromium" >&2
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
fi
# Emoji in transcripts render as boxes without a colour emoji font (screenshots only).
if ! fc-list 2>/dev/null | grep -qi 'emoji'; then
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq fonts-noto-color-emoji >/dev/null 2>&1 || true
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run build

node --test --test-concurrency=1 e2e/scenario.test.mjs
