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
from matplotlib.transforms import ScaledTranslation, blended_transform_factory

__all__ = [
    "STYLE", "SINGLE", "DOUBLE", "OKABE_ITO", "TOL_MUTED", "FIGURES",
    "outlet_order", "outlet_colors", "style",
    "corpus_cleaning", "quoted_sources", "reporting_verbs", "officials", "stance_voices",
    "term_choice", "distinctive_vocabulary", "outlet_similarity",
    "cleaning_words", "quoted_word_shares", "verb_class_counts", "officials_matrix",
    "term_choice_counts", "term_table", "top_distinctive", "measure_columns", "similarity_matrix",
    "set_aside_segments", "reporting_verb_table", "organisations_named", "stance_table",
    "stance_words", "term_choice_table", "measure_label", "measure_table", "paper_table",
    "PAPER_MEASURES", "findings", "findings_markdown", "measure_profile", "write_figures",
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


_WORDS = {"csam": "CSAM", "ai imagery": "AI imagery",
          # the stance targets: two-word names of one side each
          "children victims": "children and victims",
          "government regulators": "government and regulators",
          "platforms owners": "platforms and owners"}


def _label(code) -> str:
    """A code as words for a legend or title: ``regulator_or_body`` -> ``regulator or body``."""
    text = str(code).replace("_", " ")
    for short, words in _WORDS.items():
        text = re.sub(rf"\b{short}\b", words, text)
    return text


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
    # 5 pt left of the spine in every panel (a fraction of the axes would
    # collide with the spine in narrow panels and with the labels in wide ones)
    shift = ScaledTranslation(-5 / 72, 0, ax.figure.dpi_scale_trans)
    trans = blended_transform_factory(ax.transAxes + shift, ax.transData)
    ax.scatter(np.zeros(len(outlets)), y, marker="s", s=14,
               c=[colors[o] for o in outlets], transform=trans, clip_on=False, zorder=5,
               linewidths=0)
    ax.tick_params(axis="y", pad=10, length=0)


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
        ax.barh(y, values[:, j], left=left, height=0.7, color=colors[col], label=_label(col),
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


#: The quote kinds whose words are the source's own: inside quotation marks.
MARKED_KINDS = ("direct", "partial")


def quoted_word_shares(quotes: pd.DataFrame, articles: pd.DataFrame, *,
                       kinds: Sequence[str] = MARKED_KINDS, share: bool = False,
                       drop_empty: bool = False) -> pd.DataFrame:
    """Quoted words per outlet (rows) and speaker type (columns).

    By default the words inside quotation marks (``direct`` and ``partial``
    quotes), the same words as ``outlets.quotes_words_share_<type>``: an
    indirect quote is the writer's paraphrase, so its words are not the
    source's. Pass ``kinds=("direct", "partial", "indirect")`` to count them
    too. ``share=True`` divides each row by its total (an outlet without
    quoted words gets zeros); ``drop_empty=True`` leaves out speaker types no
    outlet quotes.

    >>> q = pd.DataFrame({"outlet": ["A", "A"], "kind": ["direct", "indirect"],
    ...                   "speaker_type": ["official", "anonymous"], "n_words": [6, 4]})
    >>> quoted_word_shares(q, q, drop_empty=True).to_dict()
    {'official': {'A': 6}}
    """
    outlets = outlet_order(articles, quotes)
    q = _speech(quotes)
    q = q[q["kind"].isin(kinds)] if len(q) else q
    q = q.assign(speaker_type=q["speaker_type"].fillna("unknown").replace("", "unknown"))
    table = q.pivot_table(index="outlet", columns="speaker_type", values="n_words",
                          aggfunc="sum", fill_value=0) if len(q) else pd.DataFrame()
    types = list(SPEAKER_TYPES) + sorted(set(table.columns) - set(SPEAKER_TYPES))
    words = table.reindex(index=pd.Index(outlets, name="outlet"), columns=types, fill_value=0) \
        .fillna(0).astype("int64").rename_axis(columns=None)
    if drop_empty:
        words = words[[c for c in words.columns if words[c].sum() > 0]]
    if share:
        totals = words.sum(axis=1)
        words = words.div(totals.where(totals > 0), axis=0).fillna(0.0)
    return words


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
        ax.set_xlabel("share of the words inside quotation marks (direct and partial quotes)")
        ax.set_title("Quoted sources by speaker type", loc="left")
        _legend_below(fig, ax, ncol=len(used) if len(used) <= 6 else int(np.ceil(len(used) / 2)))
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
            # a little room left of 0, so a zero rate is a whole dot, not half of one
            hi = max([rate.get((m, o, v), 0.0) for o in outlets for v in ("author", "quoted")]
                     + [1.0])
            ax.set_xlim(-0.06 * hi, 1.08 * hi)
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
            ax.set_title(_label(referents[k]), loc="left", fontweight="normal")
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
            # right-aligned: a long outlet name runs left over the term labels,
            # not past the figure's right edge
            ax.set_title(o, loc="right", fontweight="normal", color="black", fontsize=6.5)
            ax.axvline(1.96, color=GREY, lw=0.6, ls="--")
        fig.supxlabel("z-score of the weighted log-odds (dashed: 1.96)", fontsize=7)
        fig.suptitle("Distinctive vocabulary", x=0.01, ha="left", fontsize=7.5,
                     fontweight="bold")
    return fig


# --------------------------------------------------------------------------- 5 comparison
_COUNT_TOKEN = re.compile(r"(^|_)n(_|$)")
# per-variant term choices ("stance_author_term_csam_csam_share") and per-target
# breakdowns ("..._hedge_on_platforms_owners_per_1000"); not "loaded_term_per_1000"
_BREAKDOWN = re.compile(r"_(author|quoted)_term_|_on_")


def _breakdown(column: str) -> bool:
    """A breakdown of another measure (by term variant or target), or a mention count."""
    return bool(_BREAKDOWN.search(column)) or column.endswith("_mentions")
_BASE = {"n_articles", "n_analysed", "n_words_kept"}


def measure_columns(outlets: pd.DataFrame) -> list[str]:
    """Numeric outlet measures that are rates or shares (raw counts left out).

    Counts (any column with an ``n`` token: ``quotes_n_direct``,
    ``quotes_n_speakers``) grow with the amount of text, so they are not
    compared; breakdowns of a measure by term variant (``stance_author_term_...``)
    or by target (``..._on_<target>_...``) are left out so that no measure counts
    many times over; columns
    that are constant across outlets carry no information.
    """
    cols = []
    for c in outlets.columns:
        if c == "outlet" or c in _BASE or _COUNT_TOKEN.search(c):
            continue
        if _breakdown(c):
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


# --------------------------------------------------------------------------- tables for the notebooks
# The notebooks only call these: every table a reader sees is built here, where
# a test can reach it.
def set_aside_segments(segments: pd.DataFrame) -> pd.DataFrame:
    """The segments cleaning set aside, per article and reason.

    Index ``article_id, reason`` (the reason's first clause: "appended unrelated
    story (starts at segment 16 ...)" -> "appended unrelated story"); columns
    ``segments``, ``words`` and ``first_segment``.
    """
    cols = ["segments", "words", "first_segment"]
    if segments is None or not len(segments):
        return pd.DataFrame(columns=cols, index=pd.MultiIndex.from_arrays(
            [[], []], names=["article_id", "reason"]))
    dropped = segments[~segments["kept"].astype(bool)]
    dropped = dropped.assign(reason=dropped["reason"].fillna("").str.split(" [(]").str[0],
                             words=dropped["text"].fillna("").str.count(r"\w+"))
    return dropped.groupby(["article_id", "reason"], sort=True).agg(
        segments=("segment_id", "size"), words=("words", "sum"),
        first_segment=("segment_id", "min"))


def reporting_verb_table(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Quotes per reporting verb (rows: ``verb_class, verb``) and outlet (columns).

    Scare quotes are left out; a quote without a verb is ``(no verb)``.
    """
    outlets = outlet_order(articles, quotes)
    q = _speech(quotes)
    if not len(q):
        return pd.DataFrame(columns=outlets)
    q = q.assign(verb=q["verb"].fillna("").replace("", "(no verb)"),
                 verb_class=q["verb_class"].fillna("").replace("", "no verb"))
    table = pd.crosstab([q["verb_class"], q["verb"]], q["outlet"])
    order = {c: i for i, c in enumerate(VERB_CLASSES)}
    keys = sorted(table.index, key=lambda k: (order.get(k[0], len(order)), k[0], k[1]))
    return table.reindex(index=keys, columns=outlets, fill_value=0).rename_axis(columns="outlet")


def organisations_named(people: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Mentions of each organisation (rows) per outlet (columns); persons left out."""
    outlets = outlet_order(articles, people)
    if people is None or not len(people) or "entity_type" not in people:
        return pd.DataFrame(columns=outlets)
    orgs = people[people["entity_type"].fillna("person") != "person"]
    table = orgs.pivot_table(index="name", columns="outlet", values="mentions", aggfunc="sum",
                             fill_value=0) if len(orgs) else pd.DataFrame()
    return table.reindex(columns=outlets, fill_value=0).fillna(0).astype("int64") \
        .rename_axis(index="organisation", columns="outlet")


def stance_table(stance: pd.DataFrame, *, family: str = "marker",
                 voice: str | None = None) -> pd.DataFrame:
    """Stance rates per 1,000 words: rows ``measure, voice`` (or ``target, measure``
    for ``family="marker_on_target"``), columns outlets.

    An outlet's rate is its count over its words in that voice (summed over its
    articles, not an average of article rates).
    """
    if stance is None or not len(stance) or "family" not in stance:
        return pd.DataFrame()
    s = stance[stance["family"] == family]
    if voice is not None:
        s = s[s["voice"] == voice]
    if not len(s):
        return pd.DataFrame()
    rows = ["target", "measure"] if family == "marker_on_target" else ["measure", "voice"]
    sums = s.groupby(rows + ["outlet"], sort=True)[["count", "n_words"]].sum()
    rate = (1000 * sums["count"] / sums["n_words"].where(sums["n_words"] > 0)).fillna(0.0)
    table = rate.unstack("outlet", fill_value=0.0)
    if family != "marker_on_target":
        order = {m: i for i, m in enumerate(STANCE_ORDER)}
        table = table.loc[sorted(table.index, key=lambda k: (order.get(k[0], 99), k))]
    return table


def stance_words(evidence: pd.DataFrame, *, voice: str = "author",
                 family: str = "marker") -> pd.DataFrame:
    """The words behind the stance rates: index ``measure, term`` (lower-cased),
    columns ``n`` (matches) and ``outlets`` (which outlets use it, sorted)."""
    cols = ["n", "outlets"]
    if evidence is None or not len(evidence) or "family" not in evidence:
        return pd.DataFrame(columns=cols)
    ev = evidence[(evidence["family"] == family) & (evidence["voice"] == voice)]
    if not len(ev):
        return pd.DataFrame(columns=cols)
    ev = ev.assign(term=ev["term"].astype(str).str.lower())
    return ev.groupby(["measure", "term"], sort=True).agg(
        n=("outlet", "size"), outlets=("outlet", lambda s: ", ".join(sorted(set(map(str, s))))))


def term_choice_table(terms: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Uses of each variant: rows ``referent, variant``, columns ``outlet, voice``."""
    counts = term_choice_counts(terms, articles)
    if not len(counts):
        return pd.DataFrame()
    return counts.pivot_table(index=["referent", "variant"], columns=["outlet", "voice"],
                              values="count", aggfunc="sum", fill_value=0).astype("int64")


# --------------------------------------------------------------------------- 5 side by side
_KIND_WORDS = {"author": "own voice", "quoted": "quoted voice"}
_FIXED_LABELS = {
    "n_articles": "articles", "n_analysed": "articles analysed",
    "n_words_kept": "words analysed (kept by cleaning)",
    "quotes_n": "quotes (direct, partial, indirect)", "quotes_per_article": "quotes per article",
    "quotes_n_speakers": "distinct speakers quoted",
    "quotes_share_nonneutral_verbs": "share of quotes with an assertive or evaluative verb",
    "people_n_people": "people named", "people_n_officials": "officials named",
    "people_official_mentions": "mentions of officials",
    "people_official_quoted_share": "share of officials named who are also quoted",
    "people_first_person": "first person named",
    "people_first_person_is_official": "first person named is an official",
    "stance_quoted_word_share": "share of the words that are inside quotes",
}


def measure_label(column: str) -> str:
    """A column of ``outlets.csv`` in words, for tables a reader sees.

    >>> measure_label("quotes_words_share_tech_owner")
    'share of quoted words: tech owner'
    >>> measure_label("stance_author_hedge_per_1000")
    'hedge per 1,000 words, own voice'
    """
    if column in _FIXED_LABELS:
        return _FIXED_LABELS[column]
    for prefix, text in (("quotes_words_share_", "share of quoted words: "),
                         ("quotes_share_", "share of quotes: "),
                         ("quotes_n_", "quotes: ")):
        if column.startswith(prefix):
            return text + _label(column[len(prefix):])
    m = re.fullmatch(r"stance_(author|quoted)_(.+)_per_1000", column)
    if m:
        what = m.group(2)
        what = f"words about {_label(what[len('target_'):])}" if what.startswith("target_") \
            else _label(what).replace(" on ", " about ")
        return f"{what} per 1,000 words, {_KIND_WORDS[m.group(1)]}"
    return _label(column)


def _measure_group(column: str) -> str:
    if column.startswith("quotes_"):
        return "quoted sources"
    if column.startswith("people_"):
        return "officials"
    if column.startswith("stance_author_"):
        return "stance, own voice"
    if column.startswith("stance_"):
        return "stance, quoted voice"
    return "corpus"


#: The measures of the table a paper would report, in order (those present are used).
PAPER_MEASURES = (
    "n_words_kept", "quotes_n", "quotes_words_share_official",
    "quotes_words_share_company_or_platform", "quotes_words_share_tech_owner",
    "quotes_share_nonneutral_verbs", "people_n_officials", "people_official_quoted_share",
    "people_first_person", "stance_quoted_word_share", "stance_author_hedge_per_1000",
    "stance_author_booster_per_1000", "stance_author_attitude_negative_per_1000",
    "stance_author_loaded_term_per_1000")


def measure_table(outlets: pd.DataFrame, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """All measures side by side: rows ``group, measure`` (in words), columns outlets.

    By default the size columns (articles, words, quotes, officials named) and
    every rate or share of ``outlets.csv`` except the per-term and per-target
    breakdowns (see :func:`measure_columns`), leaving out measures that are 0
    or missing for every outlet. Values are numbers except text measures such
    as ``people_first_person``.
    """
    if columns is None:
        size = [c for c in ("n_articles", "n_words_kept", "quotes_n", "people_n_officials")
                if c in outlets]
        rates = [c for c in outlets.columns if c not in size and c != "outlet"
                 and c not in _BASE and not _COUNT_TOKEN.search(c)
                 and not _breakdown(c)
                 and pd.api.types.is_numeric_dtype(outlets[c])]
        keep = [c for c in rates
                if pd.to_numeric(outlets[c], errors="coerce").fillna(0).abs().sum() > 0]
        columns = size + keep
    columns = [c for c in columns if c in outlets]
    table = outlets.sort_values("outlet").set_index("outlet")[columns].T
    table.index = pd.MultiIndex.from_arrays(
        [[_measure_group(c) for c in columns], [measure_label(c) for c in columns]],
        names=["group", "measure"])
    order = ["corpus", "quoted sources", "officials", "stance, own voice", "stance, quoted voice"]
    rank = {g: i for i, g in enumerate(order)}
    pos = sorted(range(len(columns)), key=lambda i: (rank[table.index[i][0]], i))
    return table.iloc[pos].rename_axis(columns="outlet")


def paper_table(outlets: pd.DataFrame) -> pd.DataFrame:
    """The main measures (:data:`PAPER_MEASURES`), one column per outlet, in words."""
    return measure_table(outlets, [c for c in PAPER_MEASURES if c in outlets])

def _format_value(column: str, value: float) -> str:
    if pd.isna(value):
        return "–"
    return f"{100 * value:.0f}%" if "share" in column else f"{value:.1f}"


def measure_profile(outlets: pd.DataFrame, *, columns: Sequence[str] | None = None,
                    width: float = DOUBLE) -> plt.Figure:
    """All measures side by side: one row per measure, one column per outlet.

    The colour is the outlet's z-score on that measure (how far above or below
    the other outlets it lies, the input of :func:`outlet_similarity`); the
    number in the cell is the measure itself (shares in %, rates per 1,000
    words). Rows are the :func:`measure_columns`, grouped as in
    :func:`measure_table`.
    """
    with style():
        cols = list(columns) if columns is not None else measure_columns(outlets)
        o = outlets.sort_values("outlet")
        names = o["outlet"].astype(str).tolist()
        fig, axes = _figure(width, round(1.1 + 0.15 * max(len(cols), 1), 2))
        ax = axes[0, 0]
        if not cols or len(names) < 2:
            return _empty(fig, ax, "need two outlets and a measure that varies")
        group_rank = {g: i for i, g in enumerate(
            ["corpus", "quoted sources", "officials", "stance, own voice", "stance, quoted voice"])}
        cols = sorted(cols, key=lambda c: (group_rank[_measure_group(c)], cols.index(c)))
        x = o[cols].apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float)
        sd = x.std(axis=0)
        z = np.divide(x - x.mean(axis=0), sd, out=np.zeros_like(x), where=sd > 0)
        im = ax.imshow(z.T, cmap="RdBu_r", vmin=-2, vmax=2, aspect="auto")
        for i, c in enumerate(cols):
            for j in range(len(names)):
                ax.text(j, i, _format_value(c, x[j, i]), ha="center", va="center",
                        fontsize=5.5, color="white" if abs(z[j, i]) > 1.3 else "black")
        ax.set_yticks(range(len(cols)), [measure_label(c) for c in cols], fontsize=6)
        ax.set_xticks(range(len(names)), names, rotation=30, ha="right")
        ax.tick_params(length=0)
        ax.spines[:].set_visible(False)
        # outlet colours: a swatch above each column
        trans = blended_transform_factory(ax.transData, ax.transAxes)
        ax.scatter(range(len(names)), np.full(len(names), 1.02), marker="s", s=14,
                   c=[outlet_colors(names)[n] for n in names], transform=trans,
                   clip_on=False, linewidths=0)
        # thin white lines between the groups of measures
        groups = [_measure_group(c) for c in cols]
        for i in range(1, len(cols)):
            if groups[i] != groups[i - 1]:
                ax.axhline(i - 0.5, color="white", lw=2)
        cb = fig.colorbar(im, ax=ax, shrink=0.9 if len(cols) < 10 else 0.5, ticks=[-2, 0, 2],
                          aspect=15)
        cb.outline.set_visible(False)
        cb.ax.tick_params(labelsize=6)
        cb.set_label("z-score across outlets", fontsize=6)
        ax.set_title("All measures side by side", loc="left", pad=10)
    return fig


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _names(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _range(outlets: pd.DataFrame, column: str, fmt) -> str | None:
    """'from <low> (<outlet>) to <high> (<outlet>)' over the outlets that have a value."""
    v = pd.to_numeric(outlets.set_index("outlet")[column], errors="coerce").dropna()
    if not len(v):
        return None
    v = v.sort_index()
    lo, hi = v.idxmin(), v.idxmax()  # first outlet by name on ties: deterministic
    return f"from {fmt(v[lo])} ({lo}) to {fmt(v[hi])} ({hi})"


def findings(tables: dict) -> pd.DataFrame:
    """What a paper would report, as sentences written from the tables.

    One row per finding: ``topic`` and ``finding``. Every number is read from
    the tables (``outlets``, ``articles``, ``people``, the term choices and
    :func:`similarity_matrix`); a finding whose columns are missing is left
    out. Ranges name the outlets at both ends, so each number can be traced.
    """
    outlets = tables["outlets"].sort_values("outlet").reset_index(drop=True)
    articles = tables.get("articles")
    n = len(outlets)
    rows: list[tuple[str, str]] = []
    if articles is not None and {"n_words", "n_words_kept"} <= set(articles.columns):
        total, kept = int(articles["n_words"].sum()), int(articles["n_words_kept"].sum())
        rows.append(("corpus", f"{n} outlets, {len(articles)} articles; {kept:,} of {total:,} "
                               f"words ({_pct(kept / total if total else 0)}) are analysed, "
                               f"the rest was set aside by cleaning."))
    if "n_articles" in outlets and (outlets["n_articles"] == 1).all():
        rows.append(("corpus", "Each outlet is one article here: the measures describe "
                               "articles, not outlets' habits."))
    share_cols = [c for c in outlets.columns if c.startswith("quotes_words_share_")]
    if "quotes_words_share_official" in outlets:
        shares = outlets.set_index("outlet")[share_cols].apply(pd.to_numeric, errors="coerce")
        has = shares.fillna(0).sum(axis=1) > 0  # an outlet without quoted words has no top type
        top = shares[has].fillna(0).idxmax(axis=1)
        n_off = int((top == "quotes_words_share_official").sum())
        rows.append(("quoted sources",
                     f"Officials speak {_range(outlets, 'quotes_words_share_official', _pct)} of "
                     f"the words inside quotation marks; they are the most quoted speaker type in "
                     f"{n_off} of {int(has.sum())} outlets with quoted words."))
    for col, who in (("quotes_share_tech_owner", "Tech owners"),
                     ("quotes_share_company_or_platform", "The platforms themselves")):
        if col in outlets:
            v = pd.to_numeric(outlets.set_index("outlet")[col], errors="coerce").fillna(0)
            quoting = sorted(v[v > 0].index)
            rows.append(("quoted sources",
                         f"{who} are quoted in {len(quoting)} of {n} outlets"
                         + (f" ({_names(quoting)})." if quoting else ".")))
    if "quotes_share_nonneutral_verbs" in outlets:
        rows.append(("reporting verbs",
                     f"The share of quotes introduced by an assertive or evaluative verb rather "
                     f"than a neutral one runs "
                     f"{_range(outlets, 'quotes_share_nonneutral_verbs', _pct)}."))
    if "people_n_officials" in outlets:
        text = (f"Outlets name {_range(outlets, 'people_n_officials', lambda x: f'{x:.0f}')} "
                f"officials")
        m = officials_matrix(tables.get("people"), articles if articles is not None else outlets)
        if len(m):
            reach = m.groupby("name")["outlet"].nunique()
            name = sorted(reach.index, key=lambda k: (-reach[k], k))[0]
            text += f"; {name} is named by {reach[name]} of {n} outlets"
        rows.append(("officials", text + "."))
    if "people_official_quoted_share" in outlets:
        rows.append(("officials", f"The share of named officials who are also quoted runs "
                                  f"{_range(outlets, 'people_official_quoted_share', _pct)}."))
    if "people_first_person_is_official" in outlets:
        first = _truthy(outlets["people_first_person_is_official"])
        rows.append(("officials", f"The first person an article names is an official in "
                                  f"{int(first.sum())} of {n} outlets."))
    per = {v: [f"stance_{v}_{m}_per_1000" for m in STANCE_ORDER
               if f"stance_{v}_{m}_per_1000" in outlets] for v in ("author", "quoted")}
    if per["author"] and per["quoted"]:
        own = outlets[per["author"]].apply(pd.to_numeric, errors="coerce").sum(axis=1)
        quoted = outlets[per["quoted"]].apply(pd.to_numeric, errors="coerce").sum(axis=1)
        rows.append(("stance", f"Stance markers (hedges, boosters, attitude and loaded words) "
                               f"are denser in the quoted voice than in the outlet's own in "
                               f"{int((quoted > own).sum())} of {n} outlets (median "
                               f"{quoted.median():.1f} vs {own.median():.1f} per 1,000 words)."))
    if "stance_author_loaded_term_per_1000" in outlets:
        rows.append(("stance", "Loaded terms in the outlets' own words run "
                     + _range(outlets, "stance_author_loaded_term_per_1000",
                              lambda x: f"{x:.1f}") + " per 1,000 words."))
    counts = term_choice_counts(term_table(tables), articles) if articles is not None \
        else pd.DataFrame()
    own = counts[counts["voice"] == "author"] if len(counts) else counts
    if len(own):
        # per referent, each outlet's most used variant; report the referent on which
        # the outlets differ most
        top = own.sort_values(["referent", "outlet", "count", "variant"],
                              ascending=[True, True, False, True]) \
            .groupby(["referent", "outlet"], sort=True).head(1)
        spread = top.groupby("referent")["variant"].nunique()
        ref = sorted(spread.index, key=lambda r: (-spread[r], r))[0]
        parts = [f"“{v}” ({_names(sorted(g['outlet']))})"
                 for v, g in top[top["referent"] == ref].groupby("variant", sort=True)]
        rows.append(("term choice", f"Outlets differ most in how they name {_label(ref)}: "
                                    f"in their own words the most used term is "
                                    + "; ".join(parts) + "."))
    cols = measure_columns(outlets)
    if n >= 2 and cols:
        sim = similarity_matrix(outlets, cols)
        pairs = [(sim.iat[i, j], sim.index[i], sim.index[j])
                 for i in range(n) for j in range(i + 1, n)]
        hi = sorted(pairs, key=lambda p: (-p[0], p[1], p[2]))[0]  # ties: first by name
        lo = sorted(pairs, key=lambda p: (p[0], p[1], p[2]))[0]
        # 0.3 is a weak similarity: say so rather than call the pair "similar"
        most = (f"the most similar outlets are {hi[1]} and {hi[2]} (cosine {hi[0]:.2f})"
                if hi[0] >= 0.3 else
                f"no two outlets have similar profiles (the highest cosine is {hi[0]:.2f}, "
                f"{hi[1]} and {hi[2]})")
        rows.append(("similarity", f"Over {len(cols)} standardized measures {most}; the least "
                                   f"similar are {lo[1]} and {lo[2]} ({lo[0]:.2f})."))
    return pd.DataFrame(rows, columns=["topic", "finding"])


def findings_markdown(tables: dict) -> str:
    """:func:`findings` as a Markdown bullet list, for ``IPython.display.Markdown``."""
    f = findings(tables)
    return "\n".join(f"- **{t}**: {s}" for t, s in zip(f["topic"], f["finding"])) + "\n"


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
    "fig9_measure_profile": lambda t: measure_profile(t["outlets"]),
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
