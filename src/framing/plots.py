"""Paper figures: one function per figure, each from the tidy tables to a Figure.

Every function takes the tables it needs (plus ``articles`` or ``outlets`` for
the full list of outlets, so an outlet with nothing to show still gets its row
and its colour) and returns a :class:`matplotlib.figure.Figure`. They share one
paper style (:data:`STYLE`): DejaVu Sans at 7 pt, widths for a single
(:data:`SINGLE` = 3.5 in) or double (:data:`DOUBLE` = 7.1 in) column, fonts
embedded as TrueType in PDF. Outlets always get the same colour from the
colour-blind-safe Okabe–Ito palette (:func:`outlet_colors`; the ninth outlet
reuses the first colour, so every outlet is also labelled by name); categories
(speaker types, reasons, verb classes) use Paul Tol's colour-blind-safe
"muted" scheme, so they never look like an outlet. Order is deterministic:
outlets sorted by label, categories in the order of the data contract.

:func:`write_figures` reads a results folder and writes each figure as PDF
and PNG with fixed metadata, so a re-run on the same tables is byte-identical.

Examples
--------
>>> from framing import corpus, pipeline, plots            # doctest: +SKIP
>>> tables = pipeline.analyze(corpus.load("seeds"))          # doctest: +SKIP
>>> fig = plots.quoted_sources(tables["quotes"], tables["articles"])  # doctest: +SKIP
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np
import pandas as pd

import matplotlib
import matplotlib.pyplot as plt
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.transforms import blended_transform_factory

__all__ = [
    "STYLE", "SINGLE", "DOUBLE", "OKABE_ITO", "TOL_MUTED", "FIGURES",
    "outlet_order", "outlet_colors", "style",
    "corpus_cleaning", "quoted_sources", "reporting_verbs", "officials", "stance_voices",
    "term_choice", "distinctive_vocabulary", "outlet_similarity",
    "cleaning_words", "quoted_word_shares", "verb_class_counts", "officials_matrix",
    "term_choice_counts", "term_table", "top_distinctive", "measure_columns", "similarity_matrix", "write_figures",
]

#: Figure widths in inches: one column and two columns of a two-column paper.
SINGLE = 3.5
DOUBLE = 7.1
#: Okabe & Ito (2008) colour-blind-safe palette, yellow moved last (weak on white).
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#000000",
             "#F0E442"]
#: Paul Tol's "muted" colour-blind-safe qualitative scheme, for categories.
TOL_MUTED = ["#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677",
             "#882255", "#AA4499"]
GREY = "#BBBBBB"
DARK = "#4D4D4D"

#: The paper style, applied with :func:`style` (``matplotlib.rc_context``).
STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 7,
    "axes.titlesize": 7.5,
    "axes.titleweight": "bold",
    "axes.labelsize": 7,
    "xtick.labelsize": 6.5,
    "ytick.labelsize": 6.5,
    "legend.fontsize": 6.5,
    "legend.frameon": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.linewidth": 0.6,
    "xtick.major.width": 0.6,
    "ytick.major.width": 0.6,
    "xtick.major.size": 2.5,
    "ytick.major.size": 2.5,
    "lines.linewidth": 1.0,
    "axes.prop_cycle": matplotlib.cycler(color=OKABE_ITO),
    "figure.dpi": 100,
    "savefig.dpi": 300,
    "pdf.fonttype": 42,
    "ps.fonttype": 42,
    "svg.fonttype": "none",
    "svg.hashsalt": "framing",
    "image.cmap": "RdBu_r",
    "text.usetex": False,
    "axes.unicode_minus": True,
}

SPEAKER_TYPES = ("official", "regulator_or_body", "company_or_platform", "tech_owner",
                 "expert_or_report", "civil_society", "media", "anonymous", "unknown")
VERB_CLASSES = ("neutral", "assertive", "evaluative", "no verb")
#: Reasons for setting text aside, in the order they are stacked.
REASONS = ("page chrome", "photo caption", "repeated text", "appended story", "FAQ block",
           "other")


def style():
    """The paper style as a context manager: ``with plots.style(): ...``."""
    return plt.rc_context(STYLE)


# --------------------------------------------------------------------------- outlets
def outlet_order(*tables: pd.DataFrame) -> list[str]:
    """Every outlet in the given tables, sorted: the order used by every figure."""
    names: set[str] = set()
    for t in tables:
        if t is not None and "outlet" in getattr(t, "columns", ()):
            names.update(str(o) for o in t["outlet"].dropna().unique())
    return sorted(names)


def outlet_colors(outlets: Iterable[str]) -> dict[str, str]:
    """A fixed Okabe–Ito colour per outlet, by its position in the sorted list."""
    return {o: OKABE_ITO[i % len(OKABE_ITO)] for i, o in enumerate(sorted(set(map(str, outlets))))}


def _category_colors(categories: Sequence[str]) -> dict[str, str]:
    colors = {}
    for i, c in enumerate(categories):
        colors[c] = GREY if c in ("unknown", "other", "no verb") else TOL_MUTED[i % len(TOL_MUTED)]
    return colors


def _figure(width: float, height: float, nrows: int = 1, ncols: int = 1, **kw):
    fig = plt.figure(figsize=(width, height), layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=False, **kw)
    return fig, axes


def _outlet_swatches(ax, outlets: Sequence[str], colors: dict[str, str], y=None):
    """Colour squares left of the y tick labels, one per outlet."""
    y = np.arange(len(outlets)) if y is None else y
    trans = blended_transform_factory(ax.transAxes, ax.transData)
    ax.scatter(np.full(len(outlets), -0.015), y, marker="s", s=14,
               c=[colors[o] for o in outlets], transform=trans, clip_on=False, zorder=5,
               linewidths=0)
    ax.tick_params(axis="y", pad=9, length=0)


def _empty(fig, ax, message: str):
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color=DARK)
    return fig


def _height(n_rows: int, per_row: float = 0.22, extra: float = 0.75) -> float:
    return round(extra + per_row * max(n_rows, 1), 2)


def _stacked_barh(ax, frame: pd.DataFrame, colors: dict[str, str], *, share: bool):
    """Horizontal stacked bars: rows of ``frame`` bottom-up in reverse order."""
    outlets = list(frame.index)
    y = np.arange(len(outlets))[::-1]
    left = np.zeros(len(outlets))
    values = frame.to_numpy(dtype=float)
    if share:
        totals = values.sum(axis=1, keepdims=True)
        values = np.divide(values, totals, out=np.zeros_like(values), where=totals > 0)
    for j, col in enumerate(frame.columns):
        ax.barh(y, values[:, j], left=left, height=0.7, color=colors[col], label=col,
                edgecolor="white", linewidth=0.4)
        left += values[:, j]
    ax.set_yticks(y, outlets)
    ax.set_ylim(-0.6, len(outlets) - 0.4)
    return y


def _legend_below(fig, ax, handles=None, ncol=4, **kw):
    handles = handles if handles is not None else ax.get_legend_handles_labels()[0]
    fig.legend(handles=handles, loc="outside lower center", ncol=ncol, handlelength=1.0,
               columnspacing=1.0, **kw)


# --------------------------------------------------------------------------- 1 corpus
def _reason_group(reason: str) -> str:
    r = str(reason or "").lower()
    if not r:
        return "kept"
    if "chrome" in r:
        return "page chrome"
    if "caption" in r:
        return "photo caption"
    if "duplicate" in r or "repeated" in r:
        return "repeated text"
    if "appended" in r:
        return "appended story"
    if "faq" in r:
        return "FAQ block"
    return "other"


def cleaning_words(articles: pd.DataFrame, segments: pd.DataFrame) -> pd.DataFrame:
    """Words per outlet kept and set aside, by reason group (one column each).

    The reason text of ``segments.csv`` is grouped: ``page chrome``, ``photo
    caption``, ``repeated text`` (duplicates and near-duplicates), ``appended
    story``, ``FAQ block``, ``other``. Words are ``\\w+`` runs, as in
    ``articles.n_words_kept``.
    """
    outlets = outlet_order(articles)
    cols = ["kept", *REASONS]
    if segments is None or not len(segments):
        return pd.DataFrame(0, index=pd.Index(outlets, name="outlet"), columns=cols)
    seg = segments.merge(articles[["article_id", "outlet"]], on="article_id", how="left")
    seg = seg.assign(group=seg["reason"].fillna("").map(_reason_group),
                     words=seg["text"].fillna("").str.count(r"\w+"))
    seg.loc[seg["kept"].astype(bool), "group"] = "kept"
    table = seg.pivot_table(index="outlet", columns="group", values="words", aggfunc="sum",
                            fill_value=0)
    return table.reindex(index=pd.Index(outlets, name="outlet"), columns=cols, fill_value=0) \
        .fillna(0).astype("int64").rename_axis(columns=None)


def corpus_cleaning(articles: pd.DataFrame, segments: pd.DataFrame, *,
                    width: float = DOUBLE) -> plt.Figure:
    """Words per outlet: kept for analysis vs set aside, by reason."""
    with style():
        words = cleaning_words(articles, segments)
        fig, axes = _figure(width, _height(len(words), extra=0.95))
        ax = axes[0, 0]
        if not len(words):
            return _empty(fig, ax, "no articles")
        used = ["kept"] + [c for c in REASONS if words[c].sum() > 0]
        colors = {"kept": DARK, **_category_colors(REASONS)}
        y = _stacked_barh(ax, words[used], colors, share=False)
        _outlet_swatches(ax, list(words.index), outlet_colors(words.index), y)
        for yi, (o, row) in zip(y, words.iterrows()):
            total = int(row.sum())
            pct = 100 * (total - row["kept"]) / total if total else 0
            ax.text(total, yi, f"  {pct:.0f}% set aside", va="center", fontsize=6, color=DARK)
        ax.set_xlabel("words in the article text")
        ax.set_xlim(0, words.sum(axis=1).max() * 1.22 or 1)
        ax.set_title("What cleaning kept and set aside", loc="left")
        _legend_below(fig, ax, ncol=len(used))
    return fig


# --------------------------------------------------------------------------- 2 sources
def _speech(quotes: pd.DataFrame) -> pd.DataFrame:
    """Quotes that carry speech (scare quotes excluded)."""
    if quotes is None or not len(quotes) or "kind" not in quotes:
        return pd.DataFrame(columns=["outlet", "speaker_type", "verb_class", "n_words", "kind"])
    return quotes[quotes["kind"] != "scare"]


def quoted_word_shares(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Quoted words per outlet and speaker type (scare quotes excluded), as counts."""
    outlets = outlet_order(articles, quotes)
    q = _speech(quotes)
    q = q.assign(speaker_type=q["speaker_type"].fillna("unknown").replace("", "unknown"))
    table = q.pivot_table(index="outlet", columns="speaker_type", values="n_words",
                          aggfunc="sum", fill_value=0) if len(q) else pd.DataFrame()
    types = list(SPEAKER_TYPES) + sorted(set(table.columns) - set(SPEAKER_TYPES))
    return table.reindex(index=pd.Index(outlets, name="outlet"), columns=types, fill_value=0) \
        .fillna(0).astype("int64").rename_axis(columns=None)


def quoted_sources(quotes: pd.DataFrame, articles: pd.DataFrame, *,
                   width: float = DOUBLE) -> plt.Figure:
    """Who gets a voice: share of each outlet's quoted words by speaker type."""
    with style():
        words = quoted_word_shares(quotes, articles)
        fig, axes = _figure(width, _height(len(words), extra=1.0))
        ax = axes[0, 0]
        if not len(words):
            return _empty(fig, ax, "no quotes")
        used = [c for c in words.columns if words[c].sum() > 0] or ["unknown"]
        colors = _category_colors(words.columns)
        y = _stacked_barh(ax, words[used], colors, share=True)
        _outlet_swatches(ax, list(words.index), outlet_colors(words.index), y)
        for yi, total in zip(y, words.sum(axis=1)):
            ax.text(1.01, yi, f"{int(total)} words" if total else "no quotes", va="center",
                    fontsize=6, color=DARK)
        ax.set_xlim(0, 1.12)
        ax.set_xticks([0, 0.25, 0.5, 0.75, 1], ["0", "25%", "50%", "75%", "100%"])
        ax.set_xlabel("share of quoted words (direct, partial and indirect quotes)")
        ax.set_title("Quoted sources by speaker type", loc="left")
        _legend_below(fig, ax, ncol=min(len(used), 5))
    return fig


def verb_class_counts(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Quotes per outlet by reporting-verb class (``no verb`` when none was found)."""
    outlets = outlet_order(articles, quotes)
    q = _speech(quotes)
    q = q.assign(verb_class=q["verb_class"].fillna("").replace("", "no verb"))
    table = pd.crosstab(q["outlet"], q["verb_class"]) if len(q) else pd.DataFrame()
    classes = list(VERB_CLASSES) + sorted(set(table.columns) - set(VERB_CLASSES))
    return table.reindex(index=pd.Index(outlets, name="outlet"), columns=classes, fill_value=0) \
        .fillna(0).astype("int64").rename_axis(columns=None)


def reporting_verbs(quotes: pd.DataFrame, articles: pd.DataFrame, *,
                    width: float = SINGLE) -> plt.Figure:
    """How quotes are introduced: share of quotes per reporting-verb class."""
    with style():
        counts = verb_class_counts(quotes, articles)
        fig, axes = _figure(width, _height(len(counts), extra=1.05))
        ax = axes[0, 0]
        if not len(counts):
            return _empty(fig, ax, "no quotes")
        used = [c for c in counts.columns if counts[c].sum() > 0] or ["no verb"]
        colors = dict(zip(VERB_CLASSES, [GREY, TOL_MUTED[5], TOL_MUTED[7], "#EEEEEE"]))
        colors.update({c: TOL_MUTED[i] for i, c in enumerate(counts.columns) if c not in colors})
        y = _stacked_barh(ax, counts[used], colors, share=True)
        _outlet_swatches(ax, list(counts.index), outlet_colors(counts.index), y)
        for yi, total in zip(y, counts.sum(axis=1)):
            ax.text(1.01, yi, f"n={int(total)}", va="center", fontsize=6, color=DARK)
        ax.set_xlim(0, 1.14)
        ax.set_xticks([0, 0.5, 1], ["0", "50%", "100%"])
        ax.set_xlabel("share of quotes")
        ax.set_title("Reporting verbs", loc="left")
        _legend_below(fig, ax, ncol=len(used))
    return fig


# --------------------------------------------------------------------------- 3 officials
def _truthy(s: pd.Series) -> pd.Series:
    if s.dtype == bool:
        return s
    return s.astype(str).str.strip().str.lower().isin(["true", "1", "yes", "y", "t"])


def officials_matrix(people: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Officials (rows) by outlet (columns): mentions, and whether quoted.

    One row per official and outlet with ``name``, ``outlet``, ``mentions``,
    ``quoted`` (bool), ``role``, ``first_paragraph``, ordered by the number of
    outlets naming the official (most first), then name, then outlet.
    """
    cols = ["name", "outlet", "role", "mentions", "quoted", "first_paragraph"]
    if people is None or not len(people) or "is_official" not in people:
        return pd.DataFrame(columns=cols)
    p = people[_truthy(people["is_official"])]
    if "entity_type" in p:
        p = p[p["entity_type"].fillna("person") == "person"]
    if not len(p):
        return pd.DataFrame(columns=cols)
    p = p.assign(quoted=_truthy(p["quoted"]) if "quoted" in p else False,
                 mentions=pd.to_numeric(p.get("mentions", 1), errors="coerce").fillna(1),
                 role=p["role"].fillna("") if "role" in p else "",
                 first_paragraph=pd.to_numeric(p.get("first_paragraph", np.nan), errors="coerce"))
    key = "entity_id" if "entity_id" in p else "name"
    agg = p.groupby([key, "outlet"], sort=True).agg(
        name=("name", "first"), role=("role", "first"), mentions=("mentions", "sum"),
        quoted=("quoted", "any"), first_paragraph=("first_paragraph", "min")).reset_index()
    reach = agg.groupby(key)["outlet"].transform("nunique")
    agg = agg.assign(_reach=reach).sort_values(["_reach", "name", "outlet"],
                                               ascending=[False, True, True])
    return agg[cols].reset_index(drop=True)


def officials(people: pd.DataFrame, articles: pd.DataFrame, *,
              width: float = DOUBLE) -> plt.Figure:
    """Which officials each outlet names; filled = quoted, ring = only named."""
    with style():
        m = officials_matrix(people, articles)
        outlets = outlet_order(articles, people)
        names = list(dict.fromkeys(m["name"]))
        fig, axes = _figure(width, _height(len(names), per_row=0.2, extra=1.25))
        ax = axes[0, 0]
        if not len(m):
            return _empty(fig, ax, "no officials named" if people is not None and len(people)
                          else "no people table")
        colors = outlet_colors(outlets)
        ypos = {n: i for i, n in enumerate(reversed(names))}
        xpos = {o: i for i, o in enumerate(outlets)}
        for row in m.itertuples():
            size = 10 + 12 * min(float(row.mentions), 8)
            c = colors[row.outlet]
            ax.scatter(xpos[row.outlet], ypos[row.name], s=size,
                       facecolors=c if row.quoted else "white", edgecolors=c, linewidths=1.0,
                       zorder=3)
        labels = []
        for n in reversed(names):
            role = m.loc[m["name"] == n, "role"].iloc[0]
            labels.append(f"{n} ({role})" if role else n)
        ax.set_yticks(range(len(names)), labels)
        ax.set_xticks(range(len(outlets)), outlets, rotation=30, ha="right")
        for lab, o in zip(ax.get_xticklabels(), outlets):
            lab.set_color("black")
        ax.set_xlim(-0.6, len(outlets) - 0.4)
        ax.set_ylim(-0.6, len(names) - 0.4)
        ax.grid(True, color="#EEEEEE", linewidth=0.5, zorder=0)
        ax.set_axisbelow(True)
        ax.set_title("Officials named, and whether they are quoted", loc="left")
        handles = [Line2D([], [], ls="", marker="o", mfc=DARK, mec=DARK, ms=5, label="quoted"),
                   Line2D([], [], ls="", marker="o", mfc="white", mec=DARK, ms=5,
                          label="named, not quoted"),
                   Line2D([], [], ls="", marker="o", mfc="white", mec=DARK, ms=3,
                          label="marker area: mentions")]
        _legend_below(fig, ax, handles=handles, ncol=3)
    return fig


# --------------------------------------------------------------------------- 4 stance
#: Order of the stance-marker panels (others follow, sorted).
STANCE_ORDER = ("hedge", "booster", "attitude_positive", "attitude_negative", "loaded_term")


def _stance_measures(stance: pd.DataFrame) -> list[str]:
    """The stance-marker measures (``family == "marker"`` when the table says)."""
    s = stance[stance["family"] == "marker"] if "family" in stance else stance
    ms = set(s["measure"].dropna().astype(str))
    return [m for m in STANCE_ORDER if m in ms] + sorted(ms - set(STANCE_ORDER))


def stance_voices(stance: pd.DataFrame, articles: pd.DataFrame, *, measures=None,
                  width: float = DOUBLE) -> plt.Figure:
    """Stance markers per 1,000 words: the outlet's own voice vs the voices it quotes.

    One panel per measure; per outlet a filled dot (author) and a ring
    (quoted), joined by a line.
    """
    with style():
        outlets = outlet_order(articles, stance)
        if stance is None or not len(stance) or "measure" not in stance:
            fig, axes = _figure(width, 1.5)
            return _empty(fig, axes[0, 0], "no stance table")
        s = stance.copy()
        s["per_1000_words"] = pd.to_numeric(s["per_1000_words"], errors="coerce").fillna(0)
        measures = list(measures) if measures is not None else _stance_measures(s)
        s = s[s["measure"].isin(measures)]
        rate = s.groupby(["measure", "outlet", "voice"])["per_1000_words"].mean()
        ncols = min(len(measures), 5) or 1
        nrows = int(np.ceil(len(measures) / ncols)) or 1
        fig, axes = _figure(width, round(0.45 + nrows * _height(len(outlets), 0.17, 0.55), 2),
                            nrows, ncols, sharey=True)
        colors = outlet_colors(outlets)
        y = np.arange(len(outlets))[::-1]
        for k, ax in enumerate(axes.flat):
            if k >= len(measures):
                ax.set_axis_off()
                continue
            m = measures[k]
            for o, yi in zip(outlets, y):
                a = rate.get((m, o, "author"), 0.0)
                q = rate.get((m, o, "quoted"), 0.0)
                ax.plot([a, q], [yi, yi], color=GREY, lw=0.8, zorder=1)
                ax.scatter([a], [yi], s=18, color=colors[o], zorder=3)
                ax.scatter([q], [yi], s=18, facecolors="white", edgecolors=colors[o],
                           linewidths=1.0, zorder=3)
            ax.set_title(m.replace("_", " "), loc="left", fontweight="normal")
            ax.set_yticks(y, outlets)
            ax.set_ylim(-0.6, len(outlets) - 0.4)
            ax.set_xlim(left=0)
            ax.margins(x=0.15)
            ax.grid(True, axis="x", color="#EEEEEE", linewidth=0.5)
            ax.set_axisbelow(True)
            if k % ncols == 0:
                _outlet_swatches(ax, outlets, colors, y)
        fig.supxlabel("per 1,000 words in that voice", fontsize=7)
        handles = [Line2D([], [], ls="", marker="o", mfc=DARK, mec=DARK, ms=4,
                          label="outlet's own words"),
                   Line2D([], [], ls="", marker="o", mfc="white", mec=DARK, ms=4,
                          label="quoted words")]
        fig.suptitle("Stance markers: author vs quoted voice", x=0.01, ha="left",
                     fontsize=7.5, fontweight="bold")
        fig.legend(handles=handles, loc="outside upper right", ncol=2, handlelength=1.0)
    return fig


def term_choice_counts(terms: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Uses of each variant per outlet and voice: ``referent, variant, outlet, voice, count``.

    ``terms`` is the term-choice table of :mod:`framing.stance` (one row per
    match, or already counted with a ``count`` column): it needs ``referent``,
    ``variant`` (or ``term``), ``voice`` and ``outlet`` (or ``article_id``).
    """
    cols = ["referent", "variant", "outlet", "voice", "count"]
    if terms is None or not len(terms):
        return pd.DataFrame(columns=cols)
    t = terms.copy()
    if "variant" not in t and "term" in t:
        t["variant"] = t["term"]
    if "outlet" not in t:
        t = t.merge(articles[["article_id", "outlet"]], on="article_id", how="left")
    if "voice" not in t:
        t["voice"] = "author"
    if "count" not in t:
        t["count"] = 1
    t["variant"] = t["variant"].astype(str)
    out = t.groupby(["referent", "variant", "outlet", "voice"], sort=True)["count"].sum() \
        .astype("int64").reset_index()
    return out[cols]


def term_choice(terms: pd.DataFrame, articles: pd.DataFrame, *,
                width: float = DOUBLE) -> plt.Figure:
    """Which variant of each referent each outlet uses (own voice solid, quotes hatched)."""
    with style():
        counts = term_choice_counts(terms, articles)
        outlets = outlet_order(articles, counts)
        referents = sorted(counts["referent"].unique()) if len(counts) else []
        if not referents:
            fig, axes = _figure(width, 1.5)
            return _empty(fig, axes[0, 0], "no term-choice table")
        ncols = min(len(referents), 3)
        nrows = int(np.ceil(len(referents) / ncols))
        fig, axes = _figure(width, round(0.55 + nrows * (0.5 + 0.2 * len(outlets)), 2),
                            nrows, ncols, sharey=True)
        colors = outlet_colors(outlets)
        y = np.arange(len(outlets))[::-1]
        for k, ax in enumerate(axes.flat):
            if k >= len(referents):
                ax.set_axis_off()
                continue
            r = counts[counts["referent"] == referents[k]]
            variants = sorted(r["variant"].unique())
            vcolors = {v: TOL_MUTED[i % len(TOL_MUTED)] for i, v in enumerate(variants)}
            table = r.pivot_table(index="outlet", columns=["variant", "voice"], values="count",
                                  aggfunc="sum", fill_value=0)
            left = np.zeros(len(outlets))
            for v in variants:
                for voice, hatch in (("author", None), ("quoted", "//////")):
                    if (v, voice) not in table.columns:
                        continue
                    vals = table[(v, voice)].reindex(outlets, fill_value=0).to_numpy(float)
                    ax.barh(y, vals, left=left, height=0.7,
                            color=vcolors[v] if hatch is None else "white",
                            edgecolor=vcolors[v] if hatch else "white", hatch=hatch,
                            linewidth=0.6)
                    left += vals
            ax.set_yticks(y, outlets)
            ax.set_ylim(-0.6, len(outlets) - 0.4)
            ax.set_xlim(0, max(left.max(), 1) * 1.05)
            ax.set_title(str(referents[k]), loc="left", fontweight="normal")
            ax.xaxis.get_major_locator().set_params(integer=True)
            ax.legend(handles=[Patch(color=vcolors[v], label=v) for v in variants],
                      loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=2, fontsize=5.5,
                      handlelength=0.8, columnspacing=0.8)
            if k % ncols == 0:
                _outlet_swatches(ax, outlets, colors, y)
        fig.suptitle("Term choice (uses; solid: the outlet's own words, hatched: in quotes)",
                     x=0.01, ha="left", fontsize=7.5, fontweight="bold")
    return fig


def _distinctive_cols(distinctive: pd.DataFrame) -> tuple[str, str]:
    zcol = "z" if "z" in distinctive else next(c for c in distinctive.columns
                                                if c.lower().startswith("z"))
    tcol = next(c for c in ("term", "ngram", "word") if c in distinctive)
    return zcol, tcol


def top_distinctive(distinctive: pd.DataFrame, top: int = 8) -> pd.DataFrame:
    """The ``top`` terms per outlet by z-score (positive only), as ``outlet, rank, term, z``."""
    if distinctive is None or not len(distinctive):
        return pd.DataFrame(columns=["outlet", "rank", "term", "z"])
    zcol, tcol = _distinctive_cols(distinctive)
    d = distinctive.assign(z=pd.to_numeric(distinctive[zcol], errors="coerce"),
                           term=distinctive[tcol].astype(str))
    d = d[d["z"] > 0].sort_values(["outlet", "z", "term"], ascending=[True, False, True])
    d = d.groupby("outlet", sort=True).head(top)
    d = d.assign(rank=d.groupby("outlet").cumcount() + 1)
    return d[["outlet", "rank", "term", "z"]].reset_index(drop=True)


def distinctive_vocabulary(distinctive: pd.DataFrame, articles: pd.DataFrame, *, top: int = 8,
                           width: float = DOUBLE) -> plt.Figure:
    """The words that set each outlet apart: top weighted log-odds z-scores."""
    with style():
        outlets = outlet_order(articles, distinctive)
        if distinctive is None or not len(distinctive) or "outlet" not in distinctive:
            fig, axes = _figure(width, 1.5)
            return _empty(fig, axes[0, 0], "no distinctive-vocabulary table")
        d = top_distinctive(distinctive, top)
        ncols = min(len(outlets), 5)
        nrows = int(np.ceil(len(outlets) / ncols))
        fig, axes = _figure(width, round(0.45 + nrows * (0.3 + 0.13 * top), 2), nrows, ncols,
                            sharex=True)
        colors = outlet_colors(outlets)
        for k, ax in enumerate(axes.flat):
            if k >= len(outlets):
                ax.set_axis_off()
                continue
            o = outlets[k]
            rows = d[d["outlet"] == o]
            y = np.arange(top)[::-1][:len(rows)]
            ax.barh(y, rows["z"], color=colors[o], height=0.7)
            ax.set_yticks(y, rows["term"].tolist(), fontsize=6)
            ax.tick_params(axis="y", length=0)
            ax.set_ylim(-0.6, top - 0.4)
            ax.set_title(o, loc="left", fontweight="normal", color="black", fontsize=6.5)
            ax.axvline(1.96, color=GREY, lw=0.6, ls="--")
        fig.supxlabel("z-score of the weighted log-odds (dashed: 1.96)", fontsize=7)
        fig.suptitle("Distinctive vocabulary", x=0.01, ha="left", fontsize=7.5,
                     fontweight="bold")
    return fig


# --------------------------------------------------------------------------- 5 comparison
_COUNT_TOKEN = re.compile(r"(^|_)n(_|$)")
_BASE = {"n_articles", "n_analysed", "n_words_kept"}


def measure_columns(outlets: pd.DataFrame) -> list[str]:
    """Numeric outlet measures that are rates or shares (raw counts left out).

    Counts (any column with an ``n`` token: ``quotes_n_direct``,
    ``quotes_n_speakers``) grow with the amount of text, so they are not
    compared; breakdowns of a measure by term variant (``_term_``) or by target
    (``_on_``) are left out so that no measure counts many times over; columns
    that are constant across outlets carry no information.
    """
    cols = []
    for c in outlets.columns:
        if c == "outlet" or c in _BASE or _COUNT_TOKEN.search(c):
            continue
        if "_term_" in c or "_on_" in c or c.endswith("_mentions"):  # breakdowns, counts
            continue
        v = pd.to_numeric(outlets[c], errors="coerce")
        if v.notna().sum() == len(outlets) and v.std(ddof=0) > 0:
            cols.append(c)
    return cols


def similarity_matrix(outlets: pd.DataFrame, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Cosine similarity of the outlets' standardized measures (z-scores per column)."""
    cols = list(columns) if columns is not None else measure_columns(outlets)
    o = outlets.sort_values("outlet")
    names = o["outlet"].astype(str).tolist()
    if not cols:
        return pd.DataFrame(np.eye(len(names)), index=names, columns=names)
    x = o[cols].apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float)
    x = (x - x.mean(axis=0)) / x.std(axis=0)
    norm = np.linalg.norm(x, axis=1, keepdims=True)
    x = np.divide(x, norm, out=np.zeros_like(x), where=norm > 0)
    sim = np.round(x @ x.T, 10)
    return pd.DataFrame(sim, index=pd.Index(names, name="outlet"), columns=names)


def outlet_similarity(outlets: pd.DataFrame, *, columns=None, width: float = SINGLE) -> plt.Figure:
    """Heatmap of the cosine similarity of standardized outlet measures."""
    with style():
        sim = similarity_matrix(outlets, columns)
        n = len(sim)
        fig, axes = _figure(width, round(width * 0.78 + 0.1 * max(0, n - 5), 2))
        ax = axes[0, 0]
        if n < 2:
            return _empty(fig, ax, "need two outlets")
        im = ax.imshow(sim.to_numpy(), cmap="RdBu_r", vmin=-1, vmax=1)
        for i in range(n):
            for j in range(n):
                v = sim.iat[i, j]
                ax.text(j, i, f"{v:.2f}", ha="center", va="center", fontsize=5.5,
                        color="white" if abs(v) > 0.6 else "black")
        colors = outlet_colors(sim.index)
        ax.set_xticks(range(n), sim.columns, rotation=40, ha="right")
        ax.set_yticks(range(n), sim.index)
        for lab in ax.get_yticklabels():
            lab.set_color("black")
        _outlet_swatches(ax, list(sim.index), colors)
        ax.tick_params(axis="x", length=0)
        ax.spines[:].set_visible(False)
        cols = columns if columns is not None else measure_columns(outlets)
        cb = fig.colorbar(im, ax=ax, shrink=0.8, ticks=[-1, 0, 1])
        cb.outline.set_visible(False)
        cb.ax.tick_params(labelsize=6)
        cb.set_label(f"cosine similarity of {len(cols)} standardized measures", fontsize=6)
        ax.set_title("Outlet similarity", loc="left")
    return fig


# --------------------------------------------------------------------------- writing
def _table(tables: dict, name: str) -> pd.DataFrame:
    t = tables.get(name)
    return t if t is not None else pd.DataFrame()


def term_table(tables: dict) -> pd.DataFrame:
    """The term-choice rows, from a ``terms`` table or from stance_evidence."""
    for name in ("terms", "term_choice"):
        if name in tables and len(tables[name]):
            return tables[name]
    ev = _table(tables, "stance_evidence")
    if len(ev) and "family" in ev:
        ev = ev[ev["family"] == "term"]
    if len(ev) and "referent" in ev:
        return ev[ev["referent"].fillna("").astype(str) != ""]
    return pd.DataFrame()


#: name -> function(tables) -> Figure, in the order of the notebooks.
FIGURES: dict[str, Callable[[dict], plt.Figure]] = {
    "fig1_corpus_cleaning": lambda t: corpus_cleaning(t["articles"], _table(t, "segments")),
    "fig2_quoted_sources": lambda t: quoted_sources(_table(t, "quotes"), t["articles"]),
    "fig3_reporting_verbs": lambda t: reporting_verbs(_table(t, "quotes"), t["articles"]),
    "fig4_officials": lambda t: officials(_table(t, "people"), t["articles"]),
    "fig5_stance_voices": lambda t: stance_voices(_table(t, "stance"), t["articles"]),
    "fig6_term_choice": lambda t: term_choice(term_table(t), t["articles"]),
    "fig7_distinctive_vocabulary": lambda t: distinctive_vocabulary(_table(t, "distinctive"),
                                                                    t["articles"]),
    "fig8_outlet_similarity": lambda t: outlet_similarity(t["outlets"]),
}

_PDF_META = {"CreationDate": None, "ModDate": None, "Producer": "framing.plots (matplotlib)",
             "Creator": "framing figures"}
_PNG_META = {"Software": None}


def save(fig: plt.Figure, path_stem, *, dpi: int = 300) -> list[Path]:
    """Write ``fig`` as ``<stem>.pdf`` and ``<stem>.png`` with fixed metadata (Agg canvas)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    stem = Path(path_stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    FigureCanvasAgg(fig)
    written = []
    with style():
        pdf, png = stem.with_suffix(".pdf"), stem.with_suffix(".png")
        fig.savefig(pdf, format="pdf", metadata=_PDF_META)
        fig.savefig(png, format="png", dpi=dpi, metadata=_PNG_META)
        written += [pdf, png]
    return written


def write_figures(results, out, *, tables: dict | None = None) -> list[Path]:
    """Read the tables in ``results`` and write every figure to ``out`` as PDF and PNG.

    Parameters
    ----------
    results : path
        A folder written by ``framing analyze`` (CSV or Parquet).
    out : path
        Folder for ``fig<N>_<name>.pdf`` and ``.png``.
    tables : dict, optional
        Tables already in memory (then ``results`` is not read).

    Returns
    -------
    list of Path, the files written, in figure order. A figure whose table is
    missing is still written, with a note saying what is missing.
    """
    from . import pipeline

    if tables is None:
        tables = pipeline.read_tables(results)
    if "articles" not in tables:
        raise FileNotFoundError(f"{results}: no articles table; run 'framing analyze' first")
    if "outlets" not in tables:
        from . import compare
        tables = {**tables, "outlets": compare.outlets(tables, tables["articles"])}
    out = Path(out)
    written: list[Path] = []
    for name, make in FIGURES.items():
        fig = make(tables)
        try:
            written += save(fig, out / name)
        finally:
            plt.close(fig)
    return written
