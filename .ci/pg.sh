#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL cluster for tests, on a Unix socket and 127.0.0.1.
#   eval "$(.ci/pg.sh start)"   # exports QA_TEST_POSTGRES_DSN and QA_PG_DIR
#   .ci/pg.sh stop "$QA_PG_DIR"
# Installs PostgreSQL from Debian when initdb is missing. As root, the server runs as postgres.
set -euo pipefail

find_bin() {
  for d in /usr/local/bin /usr/lib/postgresql/*/bin; do
    [ -x "$d/$1" ] && { echo "$d/$1"; return; }
  done
  command -v "$1" 2>/dev/null || true
}

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  local initdb pg_ctl
  initdb=$(find_bin initdb)
  if [ -z "$initdb" ]; then
    echo "initdb not found: installing postgresql" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
    initdb=$(find_bin initdb)
  fi
  pg_ctl=$(dirname "$initdb")/pg_ctl
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres >&2
  fi
  local dir port
  dir=$(mktemp -d /tmp/qa-pg.XXXXXX)
  chmod 755 "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  port=${QA_PG_PORT:-$((20000 + RANDOM % 20000))}
  as_pg "$initdb" -D "$dir/data" -U postgres -A trust --no-sync >/dev/null
  as_pg "$pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
  as_pg psql -h "$dir" -p "$port" -U postgres -qc "CREATE DATABASE qa_test" >/dev/null
  echo "export QA_PG_DIR=$dir"
  echo "export QA_PG_CTL=$pg_ctl"
  echo "export QA_TEST_POSTGRES_DSN='postgres://postgres@127.0.0.1:$port/qa_test?sslmode=disable'"
}

stop() {
  local dir=${1:-${QA_PG_DIR:-}}
  [ -n "$dir" ] && [ -d "$dir/data" ] || return 0
  local pg_ctl=${QA_PG_CTL:-$(dirname "$(find_bin initdb)")/pg_ctl}
  as_pg "$pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start|stop [DIR]" >&2; exit 2 ;;
esac
