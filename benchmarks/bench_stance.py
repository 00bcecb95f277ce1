"""Time the stance stage (``framing.stance.score``) in articles per second.

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench_stance.py                    # the seeds repeated to 2,000
    .venv/bin/python benchmarks/bench_stance.py --corpus /tmp/c.jsonl   # e.g. from `framing synth`

The corpus goes through ``framing.corpus.load`` -> ``framing.clean.segment``
-> ``framing.quotes.extract`` once (not timed); then ``stance.score`` (the
per-article stage the pipeline maps over batches) and, separately,
``stance.distinctive_terms`` (corpus-wide) are timed on one core. Each is run
``--repeat`` times and the best wall-clock and CPU (process) times are
reported: on a shared machine the CPU time is the steadier figure. The seeds are repeated under new article ids (each copy
its own outlet group of five) so that there is as much text as in a real run.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from framing import clean, corpus, quotes, stance  # noqa: E402


def prepared(path: Path, n_articles: int) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Articles, segments and quotes of ``path``, repeated to ``n_articles`` when smaller."""
    arts = corpus.load(path)
    segs = clean.segment(arts)
    qs = quotes.extract(arts, segs)
    copies = max(1, -(-n_articles // len(arts)))
    if copies == 1:
        return arts, segs, qs

    def repeat(frame: pd.DataFrame) -> pd.DataFrame:
        parts = [frame.assign(article_id=frame["article_id"] + f"~{k}") for k in range(copies)]
        return pd.concat(parts, ignore_index=True)

    arts = repeat(arts)
    arts["outlet"] = arts["article_id"].str.slice(0, 3)     # five outlets, as in the seeds
    return arts.head(n_articles), repeat(segs), repeat(qs)


def best_time(fn, repeat: int) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds of ``repeat`` calls."""
    wall, cpu = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return min(wall), min(cpu)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "seeds")
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    arts, segs, qs = prepared(args.corpus, args.articles)
    n = len(arts)
    words = int(arts["text"].str.count(r"\w+").sum())
    stance.score(arts.head(5), segs, qs)        # compile the lexicons outside the timing
    print(f"corpus: {args.corpus} ({n} articles, {words / n:.0f} words/article)")
    for name, fn in (("stance.score", lambda: stance.score(arts, segs, qs)),
                     ("stance.distinctive_terms", lambda: stance.distinctive_terms(arts, segs, qs))):
        wall, cpu = best_time(fn, args.repeat)
        print(f"{name + ':':26s}{n / wall:7.0f} articles/s wall ({wall:.2f} s), "
              f"{n / cpu:7.0f} articles/s CPU ({cpu:.2f} s)")


if __name__ == "__main__":
    main()
