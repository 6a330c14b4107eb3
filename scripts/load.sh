#!/usr/bin/env bash
# Load benchmark of the QA server (docs/performance.md, "Server load"), on this machine only.
#
#   scripts/load.sh --clients 1,10,50                # full scale: 100,000 conversations, 1,000,000 scorecards (about an hour)
#   scripts/load.sh --conversations 2000 --scorecards 24000 --clients 5,20 --duration 10s   # quick check, 2-3 minutes
#
# It starts a throwaway PostgreSQL (.ci/pg.sh, with pg_stat_statements), migrates it, creates an
# administrator and an API token, starts `qa serve` on 127.0.0.1 (a free port), then:
#   1. seed: cmd/qa-seed COPYs scored conversations so that the database holds about --scorecards
#      scorecards after the ingest (once; the query phase reuses them);
#   2. ingest: cmd/qa-load POSTs --conversations synthesised conversations (JSON Lines bodies) and
#      waits until every one is scored (conversations/s, time until all are scored);
#   3. query: cmd/qa-load runs --clients concurrent clients against GET /api/v1/stats/agents for
#      --duration (p50/p95/p99, requests/s).
# Each phase also reports the CPU time of qa serve, PostgreSQL and qa-load, and the top statements
# by total execution time. Everything is bounded in count and time and stops by itself; the
# server and the database are stopped and removed on exit, the results are kept in --out.
#
# Flags: --conversations N (100000)  --scorecards N (1000000, total after the ingest; 0 skips
# seeding)  --clients LIST (50; "1,10,50" runs once per count)  --duration D (60s)  --warmup D
# (5s)  --workers N (qa serve --workers; default: the server's own, 16 on PostgreSQL)  --senders N
# (4)  --batch N (1000)  --poll D (5s, how often the scoring progress is read)
# --skip-ingest  --skip-query  --cpuprofile FILE (qa-load's own: FILE.ingest, FILE.query)  --out DIR (/tmp/qa-load-results.TIME)
# --rev REV (build qa and qa-seed from that commit, via git archive, instead of the work tree)
set -euo pipefail
cd "$(dirname "$0")/.."

conversations=100000 scorecards=1000000 clients=50 duration=60s warmup=5s workers="" senders=4 batch=1000
poll=5s skip_ingest=0 skip_query=0 cpuprofile="" rev="" out="/tmp/qa-load-results.$(date +%Y%m%d-%H%M%S)"
while [ $# -gt 0 ]; do
  case "$1" in
    --conversations) conversations=$2; shift 2 ;;
    --scorecards) scorecards=$2; shift 2 ;;
    --clients) clients=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --workers) workers=$2; shift 2 ;;
    --senders) senders=$2; shift 2 ;;
    --batch) batch=$2; shift 2 ;;
    --poll) poll=$2; shift 2 ;;
    --skip-ingest) skip_ingest=1; shift ;;
    --skip-query) skip_query=1; shift ;;
    --cpuprofile) cpuprofile=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --rev) rev=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "load.sh: unknown flag $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$scorecards$conversations$workers$senders$batch" in *[!0-9]*) echo "load.sh: counts must be numbers" >&2; exit 2 ;; esac

mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d /tmp/qa-load.XXXXXX)
serve_pid="" QA_PG_DIR=""
log() { printf '%s load.sh: %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$out/summary.txt" >&2; }

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$serve_pid" ] && kill -0 "$serve_pid" 2>/dev/null; then
    kill -TERM "$serve_pid" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$serve_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$serve_pid" 2>/dev/null || true
    wait "$serve_pid" 2>/dev/null || true
  fi
  [ -f "$work/serve.log" ] && cp "$work/serve.log" "$out/serve.log"
  [ -n "$QA_PG_DIR" ] && .ci/pg.sh stop "$QA_PG_DIR"
  rm -rf "$work"
  echo "load.sh: results in $out" >&2
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -n "$rev" ]; then
  log "building qa and qa-seed at $(git rev-parse --short "$rev"), qa-load from the work tree"
  mkdir "$work/src"
  git archive "$rev" | tar -x -C "$work/src"
  (cd "$work/src" && go build -o "$work/qa" ./cmd/qa && go build -o "$work/qa-seed" ./cmd/qa-seed)
else
  log "building qa, qa-seed and qa-load from the work tree ($(git rev-parse --short HEAD) + local changes)"
  go build -o "$work/qa" ./cmd/qa
  go build -o "$work/qa-seed" ./cmd/qa-seed
fi
go build -o "$work/qa-load" ./cmd/qa-load

log "starting PostgreSQL"
eval "$(.ci/pg.sh start)"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
dsn="${QA_TEST_POSTGRES_DSN%/*}/qa_load?sslmode=disable"
psql -q "$QA_TEST_POSTGRES_DSN" -c 'CREATE DATABASE qa_load'
# pg_stat_statements shows where the database time goes; a restart loads it (pg_ctl restart keeps
# the options of the start: port, socket, listen address, fsync off).
stats=0
if psql -q "$dsn" -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" &&
  as_pg "$QA_PG_CTL" -D "$QA_PG_DIR/data" -l "$QA_PG_DIR/log" -w restart >/dev/null &&
  psql -q "$dsn" -c 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements' 2>/dev/null; then
  stats=1
else
  log "pg_stat_statements unavailable: no statement figures"
fi
pg_pid=$(head -1 "$QA_PG_DIR/data/postmaster.pid")
psql -Atq "$dsn" -c 'SHOW shared_buffers' | sed 's/^/postgres shared_buffers: /' >>"$out/summary.txt"

statements() { # statements NAME: top statements by total time since the last reset
  [ "$stats" = 1 ] || return 0
  psql -q "$dsn" -P pager=off -c "SELECT calls, round(total_exec_time) AS total_ms, round(mean_exec_time::numeric, 2) AS mean_ms,
      rows, left(regexp_replace(query, '\s+', ' ', 'g'), 150) AS query
    FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 15" >"$out/statements-$1.txt"
  psql -q "$dsn" -P pager=off -c "SELECT sessions, round(session_time) AS session_ms, round(active_time) AS active_ms,
      xact_commit, blks_read, blks_hit FROM pg_stat_database WHERE datname = 'qa_load'" >>"$out/statements-$1.txt"
  log "top statements of $1 in $out/statements-$1.txt"
}
reset_statements() {
  [ "$stats" = 1 ] || return 0
  psql -q "$dsn" -c 'SELECT pg_stat_statements_reset()' -c "SELECT pg_stat_reset()" >/dev/null
}

log "migrating; creating an administrator and an API token"
"$work/qa" migrate --database "$dsn" --log-level warn >/dev/null
"$work/qa" user add --database "$dsn" --log-level warn --email load@localhost --name Load --role admin >/dev/null
token=$("$work/qa" user token --database "$dsn" --log-level warn --email load@localhost --name load)

log "starting qa serve (${workers:-its default number of} scoring workers)"
"$work/qa" serve --database "$dsn" --addr 127.0.0.1:0 ${workers:+--workers "$workers"} >"$work/serve.out" 2>"$work/serve.log" &
serve_pid=$!
url=""
for _ in $(seq 120); do
  url=$(sed -n 's/^qa serve: listening on \(http:\/\/127\.0\.0\.1:[0-9]*\)$/\1/p' "$work/serve.out")
  [ -n "$url" ] && break
  kill -0 "$serve_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.5
done
[ -n "$url" ] || { echo "load.sh: qa serve did not start" >&2; exit 1; }
for _ in $(seq 60); do curl -fsS "$url/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
log "qa serve at $url (pid $serve_pid), postgres pid $pg_pid; load average $(cut -d' ' -f1-3 /proc/loadavg)"

load=("$work/qa-load" --url "$url" --token "$token" --dsn "$dsn" --serve-pid "$serve_pid" --pg-pid "$pg_pid" --year 2026)

# Seed first: qa-seed numbers scorecards after the conversation keys, so it must run before the
# API has saved any scorecard; the ingest then runs against a database of production size.
# Each ingested conversation gets about 2 scorecards (the standard rubric and its channel's).
target=$scorecards
[ "$skip_ingest" = 0 ] && target=$((scorecards - 2 * conversations))
have=$(psql -Atq "$dsn" -c 'SELECT count(*) FROM scorecards')
if [ "$target" -gt "$have" ]; then
  log "seed: $((target - have)) scored conversations with COPY"
  start=$(date +%s)
  "$work/qa-seed" --dsn "$dsn" --scorecards $((target - have)) >"$out/seed.log" 2>&1 ||
    { tail -5 "$out/seed.log" >&2; echo "load.sh: qa-seed failed (see $out/seed.log)" >&2; exit 1; }
  grep -E 'seed complete|msg=stats' "$out/seed.log" | tee -a "$out/summary.txt" >&2 || true
  log "seed took $(($(date +%s) - start))s"
fi

if [ "$skip_ingest" = 0 ]; then
  reset_statements
  log "ingest: $conversations conversations, $senders senders, bodies of $batch"
  "${load[@]}" --phase ingest ${cpuprofile:+--cpuprofile "$cpuprofile.ingest"} --conversations "$conversations" --senders "$senders" --batch "$batch" --poll "$poll" \
    --out "$out/ingest.json" | tee -a "$out/summary.txt"
  statements ingest
fi

log "VACUUM ANALYZE (as autovacuum would) so that the stats queries scan only indexes"
psql -q "$dsn" -c 'VACUUM ANALYZE conversations, scorecards, scorecard_agents, scorecard_items'
psql -Atq "$dsn" -c "SELECT 'scorecards ' || (SELECT count(*) FROM scorecards) || ', scorecard_agents ' || (SELECT count(*) FROM scorecard_agents)
  || ', scorecard_items ' || (SELECT count(*) FROM scorecard_items) || ', database ' || pg_size_pretty(pg_database_size('qa_load'))" |
  tee -a "$out/summary.txt" >&2

if [ "$skip_query" = 0 ]; then
  reset_statements
  log "query: $clients clients, $duration after a $warmup warm-up"
  "${load[@]}" --phase query ${cpuprofile:+--cpuprofile "$cpuprofile.query"} --clients "$clients" --duration "$duration" --warmup "$warmup" \
    --out "$out/query.json" | tee -a "$out/summary.txt"
  statements query
fi
log "done; load average $(cut -d' ' -f1-3 /proc/loadavg)"
