"""Command line: ``framing analyze CORPUS --out DIR`` and friends.

Errors are one line each (what, which file, what to do). ``analyze`` exits
non-zero only when nothing could be analysed, or with ``--strict`` when any
article could not be read.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

from . import __version__, corpus, pipeline

__all__ = ["main", "summary"]


def _fail(message: str, code: int = 2) -> int:
    print(f"framing: error: {message}", file=sys.stderr)
    return code


def summary(tables: dict[str, pd.DataFrame], *, seconds: float | None = None, out: Path | None = None) -> str:
    """A one-screen plain-text summary of an analysis."""
    arts = tables["articles"]
    lines = []
    counts = arts["status"].value_counts()
    status = ", ".join(f"{counts.get(s, 0)} {s}" for s in corpus.STATUSES if counts.get(s, 0))
    lines.append(f"articles: {len(arts)} ({status or 'none'}); outlets: {arts['outlet'].nunique()}")
    segs = tables.get("segments", pd.DataFrame())
    if len(segs):
        dropped = segs[~segs["kept"]]
        why = dropped["reason"].str.replace(r"\s*\(.*$", "", regex=True) \
            .str.replace(r" of segment \d+", "", regex=True).value_counts()
        lines.append(f"segments: {len(segs)}, kept {int(segs['kept'].sum())}, set aside {len(dropped)}"
                     + (": " + "; ".join(f"{n} {r}" for r, n in why.items()) if len(why) else ""))
    quotes = tables.get("quotes", pd.DataFrame())
    if len(quotes.columns):
        kinds = quotes["kind"].value_counts() if len(quotes) else pd.Series(dtype=int)
        lines.append(f"quotes: {len(quotes)}" + (" (" + ", ".join(f"{n} {k}" for k, n in kinds.items()) + ")"
                                                 if len(kinds) else ""))
    people = tables.get("people", pd.DataFrame())
    if len(people.columns) and len(people):
        persons = people[people["entity_type"] == "person"] if "entity_type" in people else people
        officials = persons[persons["is_official"].astype(str).str.lower() == "true"] if "is_official" in persons else persons.iloc[:0]
        lines.append(f"people: {persons['entity_id'].nunique()} persons "
                     f"({officials['entity_id'].nunique()} officials) in {persons['article_id'].nunique()} articles")
    stance = tables.get("stance", pd.DataFrame())
    if len(stance.columns) and len(stance):
        lines.append(f"stance: {int(stance['count'].sum())} marker hits over {stance['measure'].nunique()} measures")
    bad = arts[arts["status"].isin(["error", "skipped"])]
    for row in bad.head(8).itertuples():
        lines.append(f"  {row.status}: {row.article_id} ({row.source}): {row.error}")
    if len(bad) > 8:
        lines.append(f"  ... and {len(bad) - 8} more; see articles.csv")
    if out is not None:
        lines.append(f"tables written to {out}/")
    if seconds is not None:
        lines.append(f"time: {seconds:.1f} s")
    return "\n".join(lines)


def _cmd_analyze(args) -> int:
    source = Path(args.corpus)
    if not source.exists():
        return _fail(f"{source}: no such file or folder; give a folder of .txt files, a .jsonl or a .csv file")
    started = time.perf_counter()
    roster = None
    if args.roster:
        from . import people
        try:
            roster = people.load_roster(args.roster)
        except (OSError, ValueError, KeyError) as exc:
            return _fail(f"{args.roster}: roster could not be read ({exc}); it needs columns name, aliases, "
                         "role, institution, country, is_official")
    progress = sys.stderr.isatty() and not args.quiet and not args.no_progress
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        return _fail(f"{out}: exists and is not a folder; give --out a new or existing folder")
    # Streaming: batches of the corpus are read, analysed (here or on Dask)
    # and written as partitions under OUT/parts; an interrupted run resumes.
    from . import scale
    try:
        tables = scale.run(source, out, engine=args.engine, workers=args.workers, scheduler=args.scheduler,
                           roster=roster, batch_size=args.batch_size, fmt=args.format, progress=progress,
                           resume=not args.restart, keep_parts=args.keep_parts, max_bytes=args.max_bytes)
    except OSError as exc:
        return _fail(f"{source}: could not be read ({exc}); check the path and permissions")
    except KeyboardInterrupt:
        return _fail(f"interrupted; finished batches are kept in {out}/parts: run the same command again "
                     "to resume", 130)
    if not len(tables["articles"]):
        return _fail(f"{source}: no articles found (.txt files, or records in a .jsonl/.csv); nothing to analyse", 1)
    if not args.quiet:
        print(summary(tables, seconds=time.perf_counter() - started, out=out))
    status = tables["articles"]["status"]
    if not status.isin(pipeline.ANALYSED).any():
        return _fail(f"{source}: none of the {len(status)} articles could be analysed; see {out}/articles.csv", 1)
    if args.strict and (status == "error").any():
        first = tables["articles"][status == "error"].iloc[0]
        return _fail(f"{first['source']}: {first['error']} (--strict: {int((status == 'error').sum())} "
                     "article(s) could not be read; fix or remove them, or run without --strict)", 1)
    return 0


def _cmd_figures(args) -> int:
    try:
        from . import plots
    except ImportError:
        return _fail("figures need framing.plots, which is not installed in this version")
    results = Path(args.results)
    if not results.is_dir():
        return _fail(f"{results}: no such folder; run 'framing analyze CORPUS --out {results}' first")
    try:
        written = plots.write_figures(results, args.out)
    except FileNotFoundError as exc:  # e.g. a folder without the analysis tables
        return _fail(str(exc))
    if not args.quiet:
        print(f"{len(written)} figure files written to {args.out}/")
    return 0


def _cmd_synth(args) -> int:
    try:
        from . import synth
    except ImportError:
        return _fail("synth needs framing.synth, which is not installed in this version")
    written = synth.write_corpus(args.n, args.out, seeds=args.seeds, seed=args.seed, fmt=args.format)
    if not args.quiet:
        print(f"{args.n} synthetic articles written to {written}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="framing", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("analyze", help="analyse a corpus into tidy tables")
    p.add_argument("corpus", help="folder of .txt files (optional manifest.csv), or a .jsonl / .csv file")
    p.add_argument("--out", default="results", help="folder for the tables (default: results)")
    p.add_argument("--format", choices=["csv", "parquet"], default="csv")
    p.add_argument("--roster", help="CSV of known actors: name, aliases, role, institution, country, is_official")
    p.add_argument("--strict", action="store_true", help="exit non-zero when any article cannot be read")
    p.add_argument("--engine", choices=["local", "dask"], default="local")
    p.add_argument("--workers", type=int, default=None, help="dask: workers of the local cluster")
    p.add_argument("--scheduler", default=None, help="dask: address of an existing scheduler")
    p.add_argument("--batch-size", type=int, default=500, help="articles per batch (default: 500)")
    p.add_argument("--max-bytes", type=int, default=corpus.DEFAULT_MAX_BYTES,
                   help="largest single article read, in bytes")
    p.add_argument("--restart", action="store_true",
                   help="ignore finished partitions of an interrupted run and start afresh")
    p.add_argument("--keep-parts", action="store_true",
                   help="keep the Parquet partitions in OUT/parts (e.g. to read them with Dask)")
    p.add_argument("--no-progress", action="store_true")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=_cmd_analyze)

    p = sub.add_parser("figures", help="write the paper figures from analysis tables")
    p.add_argument("results", help="folder written by 'framing analyze'")
    p.add_argument("--out", default="figures")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=_cmd_figures)

    p = sub.add_parser("synth", help="generate a large synthetic corpus from the seeds for benchmarks")
    p.add_argument("n", type=int, help="number of articles")
    p.add_argument("--out", required=True, help="output .jsonl file or folder")
    p.add_argument("--seeds", default=None, help="seed corpus (default: the packaged seeds)")
    p.add_argument("--seed", type=int, default=0, help="random seed")
    p.add_argument("--format", choices=["jsonl", "txt"], default="jsonl")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=_cmd_synth)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)


if __name__ == "__main__":
    sys.exit(main())
