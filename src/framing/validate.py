"""Compare the tool's coding with a researcher's hand-coded sample.

A researcher codes a sample by hand (a CSV of quotes with their speakers, or
of the people named with ``is_official``) and asks how far to trust each
measure. :func:`validate` answers per column:

* the **unit** row: how many hand-coded units the tool found (recall) and how
  many of the tool's units the coder also coded (precision), with F1;
* one row per **code column** (``kind``, ``speaker``, ``speaker_type``,
  ``verb`` for quotes; ``is_official``, ``role`` for people): on the units both
  found, the share coded the same (``agreement``) and Krippendorff's alpha for
  nominal data (coder and tool as two coders), plus precision and recall that
  count a unit as correct only when it was found *and* coded the same. For a
  true/false column (``is_official``) precision and recall are for the
  ``true`` class: of the people the tool flags, how many the coder flags too.

How units are matched
    *Quotes*: same ``article_id`` and character spans that overlap by at least
    half of the shorter span (``start``/``end`` in the coded file; when they
    are missing the coded ``text`` is looked up in the article), one to one,
    largest overlap first. *People*: same ``article_id`` and the same name
    after folding case and accents, or one name the final words of the other
    ("Sánchez" ~ "Pedro Sánchez"), or the coded name among the tool's aliases.

How codes are compared
    Case, accents, curly apostrophes and a final possessive ("Sánchez's") are
    folded. Speakers also match when one is the final words of the other
    ("technical report" ~ "joint technical report", "Sánchez" ~ "Pedro
    Sánchez"): English noun phrases end in their head. Everything else must be
    equal after folding.

Krippendorff's alpha (:func:`krippendorff_alpha`) is computed here from the
coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
Alpha-Reliability"); it is ``nan`` when the codes do not vary at all (alpha is
undefined then: use ``agreement``).

Examples
--------
>>> krippendorff_alpha([[1, 1, 2], [1, 1, 2]])
1.0
"""
from __future__ import annotations

import re
import unicodedata
from importlib import resources
from pathlib import Path
from typing import Sequence

import numpy as np
import pandas as pd

__all__ = ["validate", "match", "unmatched", "disagreements", "krippendorff_alpha", "seed_annotations", "normalize_code",
           "QUOTE_COLUMNS", "PEOPLE_COLUMNS"]

#: Code columns compared by default.
QUOTE_COLUMNS = ("kind", "speaker", "speaker_type", "verb")
PEOPLE_COLUMNS = ("is_official", "role")
_BOOL_COLUMNS = {"is_official", "quoted", "outlet_known"}
_SPEAKER_COLUMNS = {"speaker", "name"}


# --------------------------------------------------------------------------- alpha
def krippendorff_alpha(data, level: str = "nominal") -> float:
    """Krippendorff's alpha for nominal data.

    Parameters
    ----------
    data : array-like, coders x units
        One row per coder, one column per unit; ``None``/``NaN`` where a coder
        gave no value. Values may be any hashable codes.
    level : str
        Only ``"nominal"`` is implemented.

    Returns
    -------
    float
        ``1 - D_o / D_e``; ``nan`` when fewer than two pairable values exist or
        the values do not vary (expected disagreement 0).

    Examples
    --------
    Krippendorff (2011), section C: four coders, twelve units, missing values.

    >>> nan = None
    >>> round(krippendorff_alpha([
    ...     [1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
    ...     [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
    ...     [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
    ...     [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan]]), 3)
    0.743
    """
    if level != "nominal":
        raise ValueError("only level='nominal' is implemented")
    rows = [list(r) for r in (data.to_numpy().tolist() if hasattr(data, "to_numpy") else data)]
    if not rows:
        return float("nan")
    n_units = max(len(r) for r in rows)

    def missing(v) -> bool:
        return v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NA

    coincidence: dict[tuple, float] = {}
    for u in range(n_units):
        values = [r[u] for r in rows if u < len(r) and not missing(r[u])]
        m = len(values)
        if m < 2:
            continue
        for i, a in enumerate(values):
            for j, b in enumerate(values):
                if i != j:
                    coincidence[(a, b)] = coincidence.get((a, b), 0.0) + 1.0 / (m - 1)
    if not coincidence:
        return float("nan")
    n_c: dict = {}
    for (a, _b), w in coincidence.items():
        n_c[a] = n_c.get(a, 0.0) + w
    n = sum(n_c.values())
    observed = sum(w for (a, b), w in coincidence.items() if a != b)
    expected = (n * n - sum(v * v for v in n_c.values())) / (n - 1)
    if expected == 0:
        return float("nan")
    return float(1.0 - observed / expected)


# --------------------------------------------------------------------------- normalising
_POSSESSIVE = re.compile(r"['’]s?$")


def normalize_code(value, column: str = "") -> str:
    """Fold a code for comparison: case, accents, apostrophes, final possessive."""
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return ""
    if column in _BOOL_COLUMNS or isinstance(value, (bool, np.bool_)):
        s = str(value).strip().lower()
        return "true" if s in ("true", "1", "yes", "y", "t", "1.0") else "false"
    s = unicodedata.normalize("NFKD", str(value))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("’", "'").replace("‘", "'").lower()
    s = re.sub(r"\s+", " ", s).strip()
    if column in _SPEAKER_COLUMNS:
        s = _POSSESSIVE.sub("", s).strip()
        s = re.sub(r"^(the|a|an|mr\.?|mrs\.?|ms\.?|dr\.?) ", "", s)
    return s


def _head_match(a: str, b: str) -> bool:
    """Equal, or one is the final words of the other."""
    if not a or not b:
        return a == b
    if a == b:
        return True
    ta, tb = a.split(), b.split()
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return long_[-len(short):] == short


def _same(column: str, a, b) -> bool:
    na, nb = normalize_code(a, column), normalize_code(b, column)
    if column in _SPEAKER_COLUMNS:
        return _head_match(na, nb)
    return na == nb


# --------------------------------------------------------------------------- matching
def _locate(coded: pd.DataFrame, articles: pd.DataFrame | None) -> pd.DataFrame:
    """Fill missing start/end of coded quotes by finding their text in the article."""
    coded = coded.copy()
    if "start" in coded and "end" in coded and coded[["start", "end"]].notna().all().all():
        coded["start"] = coded["start"].astype("int64")
        coded["end"] = coded["end"].astype("int64")
        return coded
    if articles is None or "text" not in articles:
        raise ValueError("coded quotes need start/end, or the articles table (with text) "
                         "to find them")
    text = dict(zip(articles["article_id"], articles["text"]))
    starts, ends, seen = [], [], {}
    for row in coded.itertuples():
        body = text.get(row.article_id, "")
        key = (row.article_id, row.text)
        pos = body.find(str(row.text), seen.get(key, 0))
        seen[key] = pos + 1 if pos >= 0 else 0
        starts.append(pos if pos >= 0 else -1)
        ends.append(pos + len(str(row.text)) if pos >= 0 else -1)
    coded["start"], coded["end"] = starts, ends
    return coded


def _match_quotes(coded: pd.DataFrame, tool: pd.DataFrame) -> list[tuple[int | None, int | None]]:
    candidates = []
    for aid, c_rows in coded.groupby("article_id", sort=True):
        t_rows = tool[tool["article_id"] == aid]
        for ci, c in c_rows.iterrows():
            for ti, t in t_rows.iterrows():
                overlap = min(c["end"], t["end"]) - max(c["start"], t["start"])
                shorter = min(c["end"] - c["start"], t["end"] - t["start"])
                if overlap > 0 and shorter > 0 and overlap >= 0.5 * shorter:
                    candidates.append((-overlap, ci, ti))
    return _greedy_pairs(candidates, coded.index, tool.index)


def _greedy_pairs(candidates, coded_index, tool_index) -> list[tuple]:
    """One-to-one pairs from ``(rank, coded row, tool row)`` candidates, best
    (lowest) rank first with ties broken by row labels, then the unpaired rows
    of each side paired with None."""
    used_c, used_t, pairs = set(), set(), []
    for _rank, ci, ti in sorted(candidates, key=lambda x: (x[0], str(x[1]), str(x[2]))):
        if ci in used_c or ti in used_t:
            continue
        used_c.add(ci)
        used_t.add(ti)
        pairs.append((ci, ti))
    pairs += [(ci, None) for ci in coded_index if ci not in used_c]
    pairs += [(None, ti) for ti in tool_index if ti not in used_t]
    return pairs


def _aliases(value) -> list[str]:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return []
    return [a for a in re.split(r"\s*[|;]\s*", str(value)) if a]


def _match_people(coded: pd.DataFrame, tool: pd.DataFrame) -> list[tuple[int | None, int | None]]:
    candidates = []
    for aid, c_rows in coded.groupby("article_id", sort=True):
        t_rows = tool[tool["article_id"] == aid]
        for ci, c in c_rows.iterrows():
            cn = normalize_code(c["name"], "name")
            for ti, t in t_rows.iterrows():
                tn = normalize_code(t["name"], "name")
                names = [tn] + [normalize_code(a, "name") for a in _aliases(t.get("aliases"))]
                if cn == tn:
                    score = 0
                elif cn in names:
                    score = 1
                elif _head_match(cn, tn):
                    score = 2
                else:
                    continue
                candidates.append((score, ci, ti))
    return _greedy_pairs(candidates, coded.index, tool.index)


def _tool_table(tables, kind: str) -> pd.DataFrame:
    if isinstance(tables, pd.DataFrame):
        return tables
    name = "quotes" if kind == "quotes" else "people"
    t = tables.get(name)
    if t is None or not len(t.columns):
        raise ValueError(f"the tables have no {name} table: is framing.{name} installed?")
    return t


def _read(coded) -> pd.DataFrame:
    if isinstance(coded, pd.DataFrame):
        return coded.copy()
    return pd.read_csv(coded, keep_default_na=False, na_values=[""], dtype={"article_id": str})


def match(coded, tables, *, kind: str = "quotes", articles: pd.DataFrame | None = None
          ) -> pd.DataFrame:
    """Pair each hand-coded unit with the tool's unit, side by side.

    Returns one row per pair, per unmatched coded unit and per unmatched tool
    unit: ``article_id``, ``found`` (``both`` | ``coded only`` | ``tool only``)
    and for each compared column ``coded_<col>``, ``tool_<col>`` and
    ``same_<col>`` (None unless both found it), plus the spans for quotes, the
    names for people. Restricted to the articles that
    were coded: a coded sample says nothing about articles nobody read.
    """
    if kind not in ("quotes", "people"):
        raise ValueError("kind must be 'quotes' or 'people'")
    coded = _read(coded).reset_index(drop=True)
    tool = _tool_table(tables, kind)
    if articles is None and isinstance(tables, dict):
        articles = tables.get("articles")
    tool = tool[tool["article_id"].isin(set(coded["article_id"]))].reset_index(drop=True)
    if kind == "quotes":
        coded = _locate(coded, articles)
        pairs = _match_quotes(coded, tool)
        ident = ["start", "end", "text"]
        cols = [c for c in QUOTE_COLUMNS if c in coded or c in tool]
    else:
        if "entity_type" in tool:  # compare like with like: the kinds of entity coded
            kinds = set(coded["entity_type"].dropna()) if "entity_type" in coded else {"person"}
            tool = tool[tool["entity_type"].fillna("person").isin(kinds)].reset_index(drop=True)
        pairs = _match_people(coded, tool)
        ident = ["name"]
        cols = [c for c in PEOPLE_COLUMNS if c in coded or c in tool]
        cols += [c for c in ("institution", "country")
                 if c in coded and c in tool and c not in cols]
    records = []
    for ci, ti in pairs:
        c = coded.loc[ci] if ci is not None else None
        t = tool.loc[ti] if ti is not None else None
        rec = {"article_id": (c if c is not None else t)["article_id"],
               "found": "both" if c is not None and t is not None else
                        ("coded only" if c is not None else "tool only")}
        for col in ident + cols:
            rec[f"coded_{col}"] = c.get(col) if c is not None else None
            rec[f"tool_{col}"] = t.get(col) if t is not None else None
        for col in cols:
            rec[f"same_{col}"] = (_same(col, c.get(col), t.get(col))
                                  if c is not None and t is not None else None)
        records.append(rec)
    out = pd.DataFrame.from_records(records)
    sort = "start" if kind == "quotes" else "name"
    pos = out[f"coded_{sort}"].where(out[f"coded_{sort}"].notna(), out[f"tool_{sort}"])
    out["_pos"] = pd.to_numeric(pos) if kind == "quotes" else pos.astype(str)
    out = out.sort_values(["article_id", "_pos", "found"], kind="stable").drop(columns="_pos")
    out.attrs["columns"] = cols
    return out.reset_index(drop=True)


def unmatched(pairs: pd.DataFrame) -> pd.DataFrame:
    """The units only one side found (from :func:`match`): what the tool missed
    (``coded only``) and what it found that the coder did not code (``tool only``).

    Shows ``article_id``, ``found``, both sides' text (quotes) or name (people)
    and speaker (quotes), in text order.
    """
    ident = "text" if "coded_text" in pairs else "name"
    show = ["article_id", "found", f"coded_{ident}", f"tool_{ident}"]
    show += [c for c in ("coded_speaker", "tool_speaker") if c in pairs]
    return pairs.loc[pairs["found"] != "both", show].reset_index(drop=True)


def disagreements(pairs: pd.DataFrame) -> pd.DataFrame:
    """The units both found but coded differently in at least one column (from :func:`match`).

    Shows ``article_id``, the coded text (quotes) or name (people) and, for each
    column coded differently somewhere, the coder's and the tool's code.
    """
    cols = [c for c in pairs.attrs.get("columns", []) if f"same_{c}" in pairs]
    both = pairs[pairs["found"] == "both"]
    if not cols or not len(both):
        return both.iloc[:0]
    same = both[[f"same_{c}" for c in cols]].astype(bool)
    rows = both[~same.all(axis=1)]
    differing = [c for c in cols if not same.loc[rows.index, f"same_{c}"].all()]
    ident = "coded_text" if "coded_text" in pairs else "coded_name"
    show = ["article_id", ident] + [f"{side}_{c}" for c in differing for side in ("coded", "tool")]
    return rows[show].reset_index(drop=True)


def validate(coded, tables, *, kind: str = "quotes", columns: Sequence[str] | None = None,
             articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Precision, recall, agreement and Krippendorff's alpha, per column.

    Parameters
    ----------
    coded : DataFrame or path
        The hand-coded sample. Quotes: ``article_id``, ``text`` (and ideally
        ``start``, ``end``) plus any of ``kind``, ``speaker``, ``speaker_type``,
        ``verb``. People: ``article_id``, ``name`` plus any of
        ``is_official``, ``role`` (``institution`` and ``country`` are
        compared when both sides have them; the tool's rows are restricted to
        the ``entity_type`` values coded, persons when there is no such column).
    tables : dict of DataFrame, or the tool's quotes/people table
        What :func:`framing.pipeline.analyze` returns.
    kind : ``"quotes"`` or ``"people"``
    columns : list of str, optional
        The code columns to compare (default: every known one present).
    articles : DataFrame, optional
        Needed only when coded quotes have no offsets (taken from ``tables``).

    Returns
    -------
    DataFrame, one row for the units (``column == "(units)"``) and one per
    code column: ``column, n_coded, n_tool, n_both, precision, recall, f1,
    agreement, alpha``.
    """
    pairs = match(coded, tables, kind=kind, articles=articles)
    cols = list(columns) if columns is not None else pairs.attrs["columns"]
    both = pairs[pairs["found"] == "both"]
    n_coded = int((pairs["found"] != "tool only").sum())
    n_tool = int((pairs["found"] != "coded only").sum())

    def prf(tp, n_pred, n_true):
        p = tp / n_pred if n_pred else float("nan")
        r = tp / n_true if n_true else float("nan")
        f = 2 * p * r / (p + r) if n_pred and n_true and (p + r) else float("nan")
        return p, r, f

    rows = []
    p, r, f = prf(len(both), n_tool, n_coded)
    rows.append(dict(column="(units)", n_coded=n_coded, n_tool=n_tool, n_both=len(both),
                     precision=p, recall=r, f1=f, agreement=float("nan"), alpha=float("nan")))
    for col in cols:
        if f"coded_{col}" not in pairs or f"tool_{col}" not in pairs:
            continue
        cv = [normalize_code(v, col) for v in both[f"coded_{col}"]]
        tv = [normalize_code(v, col) for v in both[f"tool_{col}"]]
        same = [_same(col, a, b) for a, b in zip(both[f"coded_{col}"], both[f"tool_{col}"])]
        # a speaker the tool names by its head word counts as the coder's code
        tv = [a if s else b for a, b, s in zip(cv, tv, same)]
        agreement = float(np.mean(same)) if same else float("nan")
        alpha = krippendorff_alpha([cv, tv]) if same else float("nan")
        if col in _BOOL_COLUMNS:
            c_all = [normalize_code(v, col) for v in pairs.loc[pairs["found"] != "tool only",
                                                               f"coded_{col}"]]
            t_all = [normalize_code(v, col) for v in pairs.loc[pairs["found"] != "coded only",
                                                               f"tool_{col}"]]
            tp = sum(1 for a, b in zip(cv, tv) if a == b == "true")
            p, r, f = prf(tp, t_all.count("true"), c_all.count("true"))
            nc, nt = c_all.count("true"), t_all.count("true")
        else:
            p, r, f = prf(sum(same), n_tool, n_coded)
            nc, nt = n_coded, n_tool
        rows.append(dict(column=col, n_coded=nc, n_tool=nt, n_both=len(same), precision=p,
                         recall=r, f1=f, agreement=agreement, alpha=alpha))
    return pd.DataFrame(rows)


def seed_annotations(kind: str = "quotes") -> pd.DataFrame:
    """The project's own hand annotation of the seed articles (see SOURCE.md)."""
    if kind not in ("quotes", "people"):
        raise ValueError("kind must be 'quotes' or 'people'")
    path = resources.files("framing") / "data" / "annotations" / f"seed_{kind}.csv"
    with resources.as_file(path) as p:
        return _read(Path(p))
