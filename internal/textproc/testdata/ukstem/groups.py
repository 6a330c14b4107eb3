#!/usr/bin/env python3
"""Writes inflection groups for evaluating the Ukrainian stemmer (BenchmarkUkrainianStemmer).

Each output line holds every form of one randomly chosen entry of the hunspell-uk dictionary,
expanded with hunspell's unmunch. Needs Debian's hunspell-uk and hunspell-tools:

    apt-get install hunspell-uk hunspell-tools
    python3 groups.py 7 > /tmp/uk-groups.txt         # seed 7: the set the rules were tuned on
    python3 groups.py 20261126 > /tmp/uk-heldout.txt  # a held-out set
    QA_UK_STEM_GROUPS=/tmp/uk-heldout.txt go test -run '^$' -bench UkrainianStemmer ./internal/textproc/
"""
import os, random, subprocess, sys, tempfile

DIC, AFF = "/usr/share/hunspell/uk_UA.dic", "/usr/share/hunspell/uk_UA.aff"

def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    entries = [l.rstrip("\n") for l in open(DIC, encoding="utf-8")][1:]
    entries = [e for e in entries
               if "/" in e and e[0].islower() and "-" not in e.split("/")[0] and len(e.split("/")[0]) >= 4]
    random.seed(seed)
    with tempfile.TemporaryDirectory() as tmp:
        one = os.path.join(tmp, "one.dic")
        for entry in random.sample(entries, 1500):
            with open(one, "w", encoding="utf-8") as f:
                f.write("1\n" + entry + "\n")
            out = subprocess.run(["unmunch", one, AFF], capture_output=True).stdout.decode("utf-8", "replace")
            forms = sorted(set(w for w in out.split() if w and w[0].islower()))
            if len(forms) >= 2:
                print(" ".join(forms))

if __name__ == "__main__":
    main()
