#!/usr/bin/env python3
"""Label distribution of the labelled set: counts per check and label, per language.

usage: python3 stats.py [DIR] [--split dev|test]

Reads DIR/{lang}.{dev,test}.gold.jsonl (DIR defaults to this script's folder) and prints one
table per language plus a total. Each cell is "all (dev/test)" unless --split picks one split.
It also checks that every gold line has all 15 standard check ids with a valid result, that ids
are unique, and that every gold id has a dialog in the matching {lang}.{split}.jsonl (and back).
Standard library only.
"""
import glob
import json
import os
import sys
from collections import Counter, defaultdict

CHECKS = ["greeting", "greeting_time", "clarifying_question", "empathy", "apology",
          "bad_news_first", "complete_answer", "responded", "response_time", "closing",
          "personalization", "hold_etiquette", "transfer_repeat", "expectations",
          "forbidden_phrases"]
RESULTS = ["pass", "fail", "na", "review"]


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    only = None
    for i, a in enumerate(argv):
        if a == "--split" and i + 1 < len(argv):
            only = argv[i + 1]
            args = [x for x in args if x != only]
    here = args[0] if args else os.path.dirname(os.path.abspath(__file__))
    counts = defaultdict(Counter)   # (lang, split) -> Counter((check, result))
    convs = Counter()
    problems = []
    seen = set()
    for path in sorted(glob.glob(os.path.join(here, "*.gold.jsonl"))):
        lang, split = os.path.basename(path).split(".")[:2]
        dialogs = read_jsonl(os.path.join(here, f"{lang}.{split}.jsonl"))
        dialog_ids = [d["id"] for d in dialogs]
        gold = read_jsonl(path)
        gold_ids = [g["id"] for g in gold]
        if sorted(dialog_ids) != sorted(gold_ids):
            problems.append(f"{lang}.{split}: dialog ids and gold ids differ")
        for g in gold:
            if g["id"] in seen:
                problems.append(f"duplicate id {g['id']}")
            seen.add(g["id"])
            labels = g["labels"]
            if set(labels) != set(CHECKS):
                problems.append(f"{g['id']}: checks {sorted(set(CHECKS) ^ set(labels))}")
            for c, r in labels.items():
                if r not in RESULTS:
                    problems.append(f"{g['id']}: {c}={r}")
                counts[(lang, split)][(c, r)] += 1
            convs[(lang, split)] += 1

    langs = sorted({l for l, _ in counts}, key=lambda l: ["en", "ru", "uk", "ro"].index(l)
                   if l in ("en", "ru", "uk", "ro") else 99)

    def table(title, keys):
        n = {s: sum(convs[k] for k in keys if k[1] == s) for s in ("dev", "test")}
        print(f"\n{title}: {n['dev'] + n['test']} conversations ({n['dev']} dev / {n['test']} test)")
        print(f"{'check':<20}" + "".join(f"{r:>14}" for r in RESULTS))
        for c in CHECKS:
            cells = []
            for r in RESULTS:
                d = sum(counts[k][(c, r)] for k in keys if k[1] == "dev")
                t = sum(counts[k][(c, r)] for k in keys if k[1] == "test")
                if only == "dev":
                    cells.append(f"{d:>14}")
                elif only == "test":
                    cells.append(f"{t:>14}")
                else:
                    cells.append(f"{f'{d + t} ({d}/{t})':>14}")
            print(f"{c:<20}" + "".join(cells))

    for l in langs:
        table(l, [k for k in counts if k[0] == l])
    table("all languages", list(counts))
    if problems:
        print("\nPROBLEMS:", *problems, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
