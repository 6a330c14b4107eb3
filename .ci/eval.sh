#!/usr/bin/env bash
# Score each labelled set with rubrics/standard.yaml and print the referee's table.
# External MultiWOZ dev sets (../shared/eval/external) and our own dev sets (testdata/labelled).
# Held-out test sets are scored only with EVAL_TEST=1.
set -euo pipefail
cd "$(dirname "$0")/.."
ext=../shared/eval/external
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
go build -o "$out/qa" ./cmd/qa
run() { # name dialogs gold
  echo "== $1"
  "$out/qa" score --rubric standard --format jsonl "$2" > "$out/cards.jsonl" || true
  python3 "$ext/../evaluate.py" "$3" "$out/cards.jsonl"
  echo
}
for lang in en ru; do
  [ -f "$ext/multiwoz-$lang-dev.dialogs.jsonl" ] && run "multiwoz-$lang-dev" "$ext/multiwoz-$lang-dev.dialogs.jsonl" "$ext/multiwoz-$lang-dev.gold.jsonl"
done
splits="dev dev2 dev3"
[ "${EVAL_TEST:-0}" = 1 ] && splits="dev dev2 dev3 test"
for split in $splits; do
  for lang in en ru uk ro; do
    f=testdata/labelled/$lang.$split.jsonl
    [ -f "$f" ] && run "own-$lang-$split" "$f" "testdata/labelled/$lang.$split.gold.jsonl"
  done
done
