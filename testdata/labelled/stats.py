#!/usr/bin/env python3
"""Label distribution of the labelled set: counts per check and label, per language.

usage: python3 stats.py [DIR] [--split dev|dev2|dev3|test]

Reads DIR/{lang}.{split}.gold.jsonl for every split present (dev, dev2, dev3, test; DIR defaults to
this script's folder) and prints one table per language plus a total. Each cell is
"all (dev/dev2/dev3/test)", one number per split found, unless --split picks one split.
It also checks that every gold line has all 15 standard check ids with a valid result, that ids
are unique across all files, that every gold id has a dialog in the matching
{lang}.{split}.jsonl (and back), and that every dialog has the required transcript fields
(id, channel, turns with speaker, text for customer/agent/bot turns, event for system turns,
agent_id on agent turns when several agents take part). Standard library only.
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
SPLIT_ORDER = ["dev", "dev2", "dev3", "test"]
CHANNELS = {"chat", "messenger", "email", "social", "sms", "voice"}
SPEAKERS = {"customer", "agent", "bot", "system"}
EVENTS = {"transfer", "hold", "unhold", "join", "leave", "close"}


def dialog_problems(d):
    """Required fields of the canonical transcript format (../../../shared/spec/transcript.md)."""
    out = []
    cid = d.get("id", "?")
    if not d.get("id"):
        out.append(f"{cid}: missing id")
    if d.get("channel") not in CHANNELS:
        out.append(f"{cid}: channel {d.get('channel')!r}")
    turns = d.get("turns")
    if not isinstance(turns, list) or not turns:
        return out + [f"{cid}: no turns"]
    several = len(d.get("agents") or []) > 1
    for i, t in enumerate(turns):
        sp = t.get("speaker")
        if sp not in SPEAKERS:
            out.append(f"{cid}: turn {i} speaker {sp!r}")
        if sp in ("customer", "agent", "bot") and not isinstance(t.get("text"), str):
            out.append(f"{cid}: turn {i} has no text")
        if sp == "system" and t.get("event") not in EVENTS:
            out.append(f"{cid}: turn {i} event {t.get('event')!r}")
        if sp == "agent" and several and not t.get("agent_id"):
            out.append(f"{cid}: turn {i} agent_id missing")
    return out


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
        for d in dialogs:
            problems.extend(dialog_problems(d))
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

    splits = sorted({s for _, s in counts},
                    key=lambda s: SPLIT_ORDER.index(s) if s in SPLIT_ORDER else 99)
    shown = [only] if only else splits

    def table(title, keys):
        n = {s: sum(convs[k] for k in keys if k[1] == s) for s in splits}
        parts = " / ".join(f"{n[s]} {s}" for s in splits)
        total = sum(n.get(s, 0) for s in shown)
        print(f"\n{title}: {total} conversations" + ("" if only else f" ({parts})"))
        print(f"{'check':<20}" + "".join(f"{r:>{width}}" for r in RESULTS))
        for c in CHECKS:
            cells = []
            for r in RESULTS:
                per = [sum(counts[k][(c, r)] for k in keys if k[1] == s) for s in splits]
                if only:
                    cells.append(f"{per[splits.index(only)] if only in splits else 0:>{width}}")
                else:
                    cells.append(f"{f'{sum(per)} (' + '/'.join(map(str, per)) + ')':>{width}}")
            print(f"{c:<20}" + "".join(cells))

    width = 8 if only else 8 + 3 * len(splits)
    for l in langs:
        table(l, [k for k in counts if k[0] == l])
    table("all languages", list(counts))
    if problems:
        print("\nPROBLEMS:", *problems, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
