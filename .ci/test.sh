#!/usr/bin/env bash
# Every test of the project, as CI runs it on a clean clone (`make test`):
#   static checks, Go tests on SQLite and on a throwaway PostgreSQL that this script starts,
#   10,000 executions of every fuzz target, the web app's unit tests and its end-to-end tests in
#   Debian's Chromium against a real `qa serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
export GOFLAGS=${GOFLAGS:-}

step() { printf '\n== %s\n' "$*"; }

step "gofmt, go vet, layering"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './frontend/node_modules/*'))
if [ -n "$unformatted" ]; then echo "gofmt would change: $unformatted"; exit 1; fi
go vet ./...
make --no-print-directory layering

step "PostgreSQL (throwaway cluster)"
eval "$(.ci/pg.sh start)"
trap '.ci/pg.sh stop "$QA_PG_DIR"' EXIT
export QA_REQUIRE_POSTGRES=1
echo "$QA_TEST_POSTGRES_DSN"

step "web app: install from the lock file, unit tests, build into the binary's embed folder"
(cd frontend && npm ci --no-audit --no-fund && npm test && npm run build)

step "Go tests (SQLite and PostgreSQL)"
go test -count=1 ./...

step "fuzz targets, ${FUZZTIME:-10000x} each (an execution count, see the Makefile)"
make --no-print-directory fuzz FUZZTIME="${FUZZTIME:-10000x}"

step "web app: end-to-end in Debian's Chromium against a real qa serve"
QA_E2E_SERVER=real bash frontend/scripts/e2e.sh
step "all tests passed"
