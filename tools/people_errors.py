"""Study people extraction on PolNeAR train by eye (prints names, never scores).

Runs ``framing.people.extract`` on the first N PolNeAR *train* articles and
prints, per article, each person found (with role and official flag) and the
organisations, so an engineer can read the false positives and the missed
officials. Train only: dev and test are not for reading.

Usage::

    .venv/bin/python tools/people_errors.py [--n 60] [--skip 0] [--officials]
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from framing import clean, corpus, people  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--skip", type=int, default=0)
    ap.add_argument("--officials", action="store_true", help="print only officials")
    args = ap.parse_args(argv)
    base = Path(os.environ.get("FRAMING_BENCHMARKS", ROOT.parent / "shared" / "benchmarks"))
    articles = corpus.load(base / "polnear" / "train.jsonl")
    articles = articles.iloc[args.skip:args.skip + args.n].reset_index(drop=True)
    segments = clean.segment(articles)
    table = people.extract(articles, segments)
    for aid, g in table.groupby("article_id", sort=False):
        print(f"== {aid}")
        for r in g.itertuples(index=False):
            if args.officials and not r.is_official:
                continue
            flag = "OFF" if r.is_official else "   "
            kind = "P" if r.entity_type == "person" else "O"
            print(f"  {kind} {flag} {r.name!s:32s} | {r.role!s:28s} | {r.institution!s}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
