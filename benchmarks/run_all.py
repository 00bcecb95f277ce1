"""`make bench`: every benchmark in turn, each in its own process.

Accuracy: quotes and speakers on PolNeAR (dev by default; ``--test`` also
scores the held-out test split, which is for the figures of a release, not for
tuning), people and officials on GUM news. Speed: the stance stage, and the
scale section (one core, a 2-worker Dask cluster, peak memory by corpus size,
and the read-and-tokenize floor).

The annotated benchmarks are read from ``../shared/benchmarks`` (or
``$FRAMING_BENCHMARKS``); they are never copied into this repository, so on a
machine without them the accuracy sections say so and the speed sections run.

Usage::

    python benchmarks/run_all.py [--test] [--sizes 1000,10000,100000] [--only quotes,people,stance,scale]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = Path(os.environ.get("FRAMING_BENCHMARKS", HERE.parent.parent / "shared" / "benchmarks"))


def _run(title: str, args: list[str]) -> int:
    print(f"\n=== {title} ===", flush=True)
    return subprocess.call([sys.executable, *args], cwd=HERE.parent)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--test", action="store_true", help="also score PolNeAR test (held out: once per release)")
    ap.add_argument("--sizes", default="1000,10000", help="corpus sizes for the memory section of the scale benchmark")
    ap.add_argument("--only", default="quotes,people,stance,scale", help="comma-separated sections to run")
    args = ap.parse_args(argv)
    only = set(args.only.split(","))
    failed = []

    if only & {"quotes", "people"} and not DATA.is_dir():
        print(f"benchmark data not found at {DATA}: accuracy sections skipped "
              "(set FRAMING_BENCHMARKS to the folder holding polnear/ and gum_news/)")
        only -= {"quotes", "people"}
    steps = []
    if "quotes" in only:
        steps.append(("quotes and speakers: PolNeAR dev", ["benchmarks/bench_quotes.py", "--split", "dev",
                                                           "--data", str(DATA)]))
        if args.test:
            steps.append(("quotes and speakers: PolNeAR test (held out)",
                          ["benchmarks/bench_quotes.py", "--split", "test", "--data", str(DATA), "--no-speed"]))
    if "people" in only:
        steps.append(("people and officials: GUM news", ["benchmarks/bench_people.py", "--data",
                                                         str(DATA / "gum_news")]))
    if "stance" in only:
        steps.append(("stance: speed", ["benchmarks/bench_stance.py"]))
    if "scale" in only:
        steps.append(("scale: speed, Dask, memory, floor", ["benchmarks/bench_scale.py", "--sizes", args.sizes]))
    for title, cmd in steps:
        if not (HERE.parent / cmd[0]).exists():
            print(f"\n=== {title} ===\n{cmd[0]} is missing")
            failed.append(title)
            continue
        if _run(title, cmd) != 0:
            failed.append(title)
    if failed:
        print("\nfailed: " + "; ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
