"""Per-article totals and the per-outlet comparison table (``outlets.csv``).

Each stage module offers ``outlet_summary(table, articles)`` returning one row
per outlet; :func:`outlets` puts them side by side with the corpus totals.
"""
from __future__ import annotations

import importlib

import pandas as pd

__all__ = ["article_totals", "outlets", "SUMMARIES"]

#: (module, table) pairs whose ``outlet_summary`` joins the outlets table.
SUMMARIES = [("quotes", "quotes"), ("people", "people"), ("stance", "stance")]


def article_totals(articles: pd.DataFrame, segments: pd.DataFrame) -> pd.DataFrame:
    """The articles table with segment counts and words in kept segments.

    >>> import pandas as pd
    >>> arts = pd.DataFrame({"article_id": ["a"], "text": ["x"], "status": ["ok"]})
    >>> segs = pd.DataFrame({"article_id": ["a", "a"], "kept": [True, False], "text": ["Two words", "gone"]})
    >>> article_totals(arts, segs)[["n_segments", "n_segments_kept", "n_words_kept"]].values.tolist()
    [[2, 1, 2]]
    """
    out = articles.copy()
    if len(segments):
        words = segments["text"].str.count(r"\w+")
        grouped = segments.assign(_w=words.where(segments["kept"], 0), _k=segments["kept"].astype(int)) \
            .groupby("article_id").agg(n_segments=("kept", "size"), n_segments_kept=("_k", "sum"),
                                       n_words_kept=("_w", "sum"))
        out = out.merge(grouped, how="left", left_on="article_id", right_index=True)
    for col in ("n_segments", "n_segments_kept", "n_words_kept"):
        if col not in out:
            out[col] = 0
        out[col] = out[col].fillna(0).astype("int64")
    return out


def outlets(tables: dict[str, pd.DataFrame], articles: pd.DataFrame) -> pd.DataFrame:
    """One row per outlet: article counts, kept words, and every stage's measures."""
    arts = tables.get("articles", articles)
    base = arts.groupby("outlet", sort=True).agg(
        n_articles=("article_id", "size"),
        n_analysed=("status", lambda s: int(s.isin(["ok", "warning"]).sum())),
        n_words_kept=("n_words_kept", "sum") if "n_words_kept" in arts else ("article_id", "size"),
    ).reset_index()
    for module, table in SUMMARIES:
        frame = tables.get(table)
        if frame is None or not len(frame.columns):
            continue
        try:
            summary = importlib.import_module(f"framing.{module}").outlet_summary
        except (ImportError, AttributeError):
            continue
        part = summary(frame, arts)
        if part is not None and len(part):
            base = base.merge(part, on="outlet", how="left")
    return base.sort_values("outlet").reset_index(drop=True)
