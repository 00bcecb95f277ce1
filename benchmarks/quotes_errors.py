"""Dump and count ``framing.quotes`` errors on a PolNeAR split (for error analysis).

Usage (from the repository root)::

    .venv/bin/python benchmarks/quotes_errors.py --split train              # counts by class
    .venv/bin/python benchmarks/quotes_errors.py --split train --show speaker:previous --n 30
    .venv/bin/python benchmarks/quotes_errors.py --split train --show fp --n 30

Error classes:

* ``speaker:<speaker_source>``: a matched quote whose speaker is wrong, keyed by
  how the extractor found it (``previous``, ``pronoun``, ``named``, ``""`` for
  no speaker, ...), with a sub-key telling where the gold speaker is
  (``same-sent``: inside the quote's sentence window; ``prev-para``: the
  paragraph before; ``far``: further back; ``after``: later in the text);
* ``fp:<kind>`` / ``fn``: span errors (unmatched predictions / gold units).

Study errors on ``train`` only; never run this on ``test``.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "src"))

import bench_quotes as B  # noqa: E402
from framing import clean, corpus, quotes  # noqa: E402


def where(doc, p, g):
    t = doc["text"]
    gs = g["speaker_start"]
    if gs >= p["end"]:
        return "after"
    lo = t.rfind("\n", 0, p["start"])
    if gs > lo:
        return "same-para"
    lo2 = t.rfind("\n", 0, max(lo, 0))
    if gs > lo2:
        return "prev-para"
    return "far"


def classify(kind, doc, p, g):
    if kind == "speaker":
        src = p["speaker_source"] or "none"
        sub = "gold-pron" if g["pronoun"] else "gold-named"
        return f"speaker:{src}:{where(doc, p, g)}:{sub}"
    if kind == "fp":
        return f"fp:{p['kind']}"
    return "fn"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="train", choices=["train", "dev"])
    ap.add_argument("--data", default=os.environ.get("FRAMING_BENCHMARKS", str(ROOT.parent.parent / "shared" / "benchmarks")))
    ap.add_argument("--show", default="", help="prefix of the error classes to print")
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--skip", type=int, default=0)
    ap.add_argument("--width", type=int, default=300)
    args = ap.parse_args(argv)
    B.DATA_ROOT = Path(args.data)
    path = B.DATA_ROOT / "polnear" / f"{args.split}.jsonl"
    docs = [json.loads(line) for line in path.open(encoding="utf-8")]
    arts = corpus.load(path)
    segs = clean.segment(arts)
    q = quotes.extract(arts, segs)
    tot, errors = B.score(docs, q)
    counts = collections.Counter(classify(*e) for e in errors)
    print(f"{args.split}: gold {tot['gold']} pred {tot['pred']} exact {tot['ex']} overlap {tot['ov']} "
          f"named {tot['named_ok']}/{tot['named']} pron {tot['pron_ok']}/{tot['pron']}")
    for k, v in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"  {v:5d}  {k}")
    if not args.show:
        return
    shown = 0
    seen = 0
    for e in errors:
        cls = classify(*e)
        if not cls.startswith(args.show):
            continue
        seen += 1
        if seen <= args.skip:
            continue
        kind, doc, p, g = e
        t = doc["text"]
        print("-" * 100)
        print(cls, doc["id"])
        if kind == "speaker":
            lo = max(0, min(p["start"], g["speaker_start"], p["speaker_start"] if p["speaker_start"] >= 0 else 10**9)
                     - 150)
            hi = max(p["end"], g["speaker_end"]) + 80
            snippet = t[lo:hi]
            if len(snippet) > 3 * args.width:
                snippet = snippet[:args.width] + " [...] " + t[max(lo, min(p["start"], hi - 2 * args.width)):hi]
            print(f"  pred={p['speaker']!r} mention={p['speaker_mention']!r}@{p['speaker_start']} "
                  f"src={p['speaker_source']} verb={p['verb']}")
            print(f"  gold={g['speaker']!r}@{g['speaker_start']}  quote@{p['start']}: {p['text'][:60]!r}")
            print("  " + snippet.replace("\n", " ¶ "))
        elif kind == "fp":
            print(f"  FP [{p['kind']}] {p['text'][:80]!r} sp={p['speaker']!r}")
            print("  " + t[max(0, p["start"] - 150):p["end"] + 80].replace("\n", " ¶ "))
        else:
            print(f"  FN {t[g['start']:g['end']][:80]!r}")
            print("  " + t[max(0, g["start"] - 150):g["end"] + 80].replace("\n", " ¶ "))
        shown += 1
        if shown >= args.n:
            break


if __name__ == "__main__":
    main()
