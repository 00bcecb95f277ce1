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

__all__ = ["main", "summary", "SummaryTotals"]


def _fail(message: str, code: int = 2) -> int:
    print(f"framing: error: {message}", file=sys.stderr)
    return code


class SummaryTotals:
    """The running totals :func:`summary` prints for the tables other than
    ``articles``, fed partition by partition (:meth:`add`), so that a
    streamed run keeps counts, not rows: segments kept and set aside (by
    reason), quotes by kind, distinct persons and officials (as 64-bit
    hashes), stance marker hits and measures.

    Partitions are added in corpus order, and an article's rows are in one
    partition (people: persons' articles are counted per partition).

    >>> t = SummaryTotals()
    >>> t.add("quotes", pd.DataFrame({"kind": ["direct", "indirect", "direct"]}))
    >>> t.add("quotes", pd.DataFrame({"kind": ["indirect", "mixed"]}))
    >>> t.lines()
    ['quotes: 5 (2 direct, 2 indirect, 1 mixed)']
    """

    def __init__(self):
        from .stream import _IdSet
        self.present: set[str] = set()  # tables with columns (the stage ran)
        self.rows = {"segments": 0, "quotes": 0, "people": 0, "stance": 0}
        self.kept = 0
        self.set_aside: dict[str, int] = {}  # reason -> segments, in order of first appearance
        self.kinds: dict[str, int] = {}
        self.persons, self.officials = _IdSet(), _IdSet()
        self.person_articles = 0
        self.hits = 0
        self.measures: set[str] = set()

    @classmethod
    def from_tables(cls, tables: dict) -> "SummaryTotals":
        totals = cls()
        for name in ("segments", "quotes", "people", "stance"):
            frame = tables.get(name)
            if frame is not None:
                totals.add(name, frame)
        return totals

    def add(self, name: str, frame: pd.DataFrame) -> None:
        """Add one partition of table ``name`` (other tables are ignored)."""
        if name not in self.rows or not len(frame.columns):
            return
        self.present.add(name)
        self.rows[name] += len(frame)
        if not len(frame):
            return
        if name == "segments":
            kept = frame["kept"]
            self.kept += int(kept.sum())
            dropped = frame.loc[~kept.astype(bool), "reason"]
            why = dropped.str.replace(r"\s*\(.*$", "", regex=True) \
                .str.replace(r" of segment \d+", "", regex=True)
            for reason, n in why.value_counts(sort=False).items():  # in order of first appearance
                self.set_aside[reason] = self.set_aside.get(reason, 0) + int(n)
        elif name == "quotes":
            for kind, n in frame["kind"].value_counts(sort=False).items():
                self.kinds[kind] = self.kinds.get(kind, 0) + int(n)
        elif name == "people":
            persons = frame[frame["entity_type"] == "person"] if "entity_type" in frame else frame
            officials = persons[persons["is_official"].astype(str).str.lower() == "true"] \
                if "is_official" in persons else persons.iloc[:0]
            for ids, frame_ in ((self.persons, persons), (self.officials, officials)):
                for entity in frame_["entity_id"].dropna().unique().tolist():
                    ids.add(str(entity))
            self.person_articles += int(persons["article_id"].nunique())
        elif name == "stance":
            self.hits += frame["count"].sum()
            self.measures.update(frame["measure"].dropna().unique().tolist())

    def update(self, other: "SummaryTotals") -> None:
        """Add the totals of the next partitions (counted elsewhere)."""
        self.present |= other.present
        for name, n in other.rows.items():
            self.rows[name] += n
        self.kept += other.kept
        for mine, theirs in ((self.set_aside, other.set_aside), (self.kinds, other.kinds)):
            for key, n in theirs.items():
                mine[key] = mine.get(key, 0) + n
        if len(other.persons) or len(other.officials):
            raise ValueError("people totals cannot be merged; add the people partitions here")
        self.person_articles += other.person_articles
        self.hits += other.hits
        self.measures |= other.measures

    def lines(self) -> list[str]:
        lines = []
        n = self.rows["segments"]
        if n:
            # Most frequent first; ties in order of first appearance (as value_counts).
            why = sorted(self.set_aside.items(), key=lambda kv: -kv[1])
            lines.append(f"segments: {n}, kept {self.kept}, set aside {n - self.kept}"
                         + (": " + "; ".join(f"{k} {r}" for r, k in why) if why else ""))
        if "quotes" in self.present:
            # Most frequent first; ties by kind (the kinds are categoricals).
            kinds = sorted(self.kinds.items(), key=lambda kv: (-kv[1], kv[0]))
            lines.append(f"quotes: {self.rows['quotes']}"
                         + (" (" + ", ".join(f"{k} {kind}" for kind, k in kinds) + ")" if kinds else ""))
        if "people" in self.present and self.rows["people"]:
            lines.append(f"people: {len(self.persons)} persons ({len(self.officials)} officials) "
                         f"in {self.person_articles} articles")
        if "stance" in self.present and self.rows["stance"]:
            lines.append(f"stance: {int(self.hits)} marker hits over {len(self.measures)} measures")
        return lines


def summary(tables: dict[str, pd.DataFrame], *, seconds: float | None = None, out: Path | None = None) -> str:
    """A one-screen plain-text summary of an analysis: ``tables`` as
    :func:`framing.pipeline.analyze` returns them, or as
    :func:`framing.scale.run` does (the articles and a ``"_summary"`` of
    :class:`SummaryTotals`)."""
    arts = tables["articles"]
    lines = []
    counts = arts["status"].value_counts()
    status = ", ".join(f"{counts.get(s, 0)} {s}" for s in corpus.STATUSES if counts.get(s, 0))
    lines.append(f"articles: {len(arts)} ({status or 'none'}); outlets: {arts['outlet'].nunique()}")
    totals = tables.get("_summary")
    if not isinstance(totals, SummaryTotals):
        totals = SummaryTotals.from_tables(tables)
    lines.extend(totals.lines())
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
