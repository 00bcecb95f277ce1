"""Per-article totals and the per-outlet comparison table (``outlets.csv``).

Each stage module offers ``outlet_summary(table, articles)`` returning one row
per outlet; :func:`outlets` puts them side by side with the corpus totals.
"""
from __future__ import annotations

import importlib

import pandas as pd

__all__ = ["article_totals", "outlets", "outlets_from_partials", "to_pandas", "SUMMARIES"]

#: (module, table) pairs whose ``outlet_summary`` joins the outlets table.
SUMMARIES = [("quotes", "quotes"), ("people", "people"), ("stance", "stance")]


def _is_dask(obj) -> bool:
    return hasattr(obj, "dask") and hasattr(obj, "compute")


def to_pandas(frame, columns: list[str] | None = None) -> pd.DataFrame:
    """A pandas DataFrame from pandas or a Dask DataFrame (only ``columns``,
    when given and present, are computed).

    >>> to_pandas(pd.DataFrame({"a": [1], "b": [2]}), ["a"]).columns.tolist()
    ['a', 'b']
    """
    if not _is_dask(frame):
        return frame
    if columns is not None:
        frame = frame[[c for c in columns if c in frame.columns]]
    return frame.compute().reset_index(drop=True)


def _segment_totals(segments: pd.DataFrame) -> pd.DataFrame:
    """Per article: segments, kept segments, words in kept segments."""
    words = segments["text"].str.count(r"\w+")
    return segments.assign(_w=words.where(segments["kept"], 0), _k=segments["kept"].astype(int)) \
        .groupby("article_id", sort=False).agg(n_segments=("kept", "size"), n_segments_kept=("_k", "sum"),
                                               n_words_kept=("_w", "sum"))


def article_totals(articles: pd.DataFrame, segments) -> pd.DataFrame:
    """The articles table with segment counts and words in kept segments.

    ``segments`` may be a Dask DataFrame (e.g. :func:`framing.scale.read_parts`):
    the counts are then computed partition by partition on the cluster and
    only the per-article totals come back.

    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a"], "text": ["x"], "status": ["ok"]})
    >>> segs = pd.DataFrame({"article_id": ["a", "a"], "kept": [True, False], "text": ["Two words", "gone"]})
    >>> article_totals(arts, segs)[["n_segments", "n_segments_kept", "n_words_kept"]].values.tolist()
    [[2, 1, 2]]
    """
    out = to_pandas(articles).copy()
    if _is_dask(segments):
        meta = _segment_totals(segments._meta[["article_id", "kept", "text"]])
        # An article's segments may span partitions: add the partial totals up.
        grouped = segments[["article_id", "kept", "text"]].map_partitions(_segment_totals, meta=meta) \
            .compute().groupby(level=0, sort=False).sum()
    else:
        grouped = _segment_totals(segments) if len(segments) else None
    if grouped is not None and len(grouped):
        # The key keeps the articles' dtype (Parquet may give object strings).
        grouped.index = grouped.index.astype(out["article_id"].dtype)
        out = out.merge(grouped, how="left", left_on="article_id", right_index=True)
    for col in ("n_segments", "n_segments_kept", "n_words_kept"):
        if col not in out:
            out[col] = 0
        out[col] = out[col].fillna(0).astype("int64")
    return out


def outlets(tables: dict[str, pd.DataFrame], articles: pd.DataFrame) -> pd.DataFrame:
    """One row per outlet: article counts, kept words, and every stage's measures.

    Tables may be Dask DataFrames (e.g. :func:`framing.scale.read_parts`);
    they are computed first: the stage summaries need pandas, and the tables
    they read (articles without text, quotes, people, stance) are small next
    to the corpus.
    """
    tables = {name: to_pandas(frame) for name, frame in tables.items() if name in
              {"articles"} | {table for _, table in SUMMARIES}}
    arts = to_pandas(tables.get("articles", articles), None)
    summaries = []
    for module, table in SUMMARIES:
        frame = tables.get(table)
        if frame is None or not len(frame.columns):
            continue
        try:
            summary = importlib.import_module(f"framing.{module}").outlet_summary
        except (ImportError, AttributeError):
            continue
        summaries.append(summary(frame, arts))
    return _joined(arts, summaries)


def outlets_from_partials(partials: dict, articles: pd.DataFrame) -> pd.DataFrame:
    """:func:`outlets` from each stage's combined ``outlet_partial`` (keyed by
    table name, as in :data:`SUMMARIES`) instead of the tables themselves.

    A streamed corpus folds every partition into a small partial
    (``outlet_partial`` then ``outlet_combine``), so memory does not grow with
    the corpus or with its largest outlet; the result equals :func:`outlets`
    on the whole tables (tests/test_scale.py).
    """
    summaries = []
    for module, table in SUMMARIES:
        if table not in partials:
            continue
        summaries.append(importlib.import_module(f"framing.{module}").outlet_finish(partials[table], articles))
    return _joined(articles, summaries)


def _joined(arts: pd.DataFrame, summaries: list) -> pd.DataFrame:
    """Corpus totals per outlet with the stage summaries joined on."""
    base = arts.groupby("outlet", sort=True).agg(
        n_articles=("article_id", "size"),
        n_analysed=("status", lambda s: int(s.isin(["ok", "warning"]).sum())),
        n_words_kept=("n_words_kept", "sum") if "n_words_kept" in arts else ("article_id", "size"),
    ).reset_index()
    for part in summaries:
        if part is not None and len(part):
            base = base.merge(part, on="outlet", how="left")
    return base.sort_values("outlet").reset_index(drop=True)
