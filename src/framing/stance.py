"""Stance and word choice: the outlet's own voice, apart from the voices it quotes.

:func:`score` reads the kept segments of every article, splits them into
sentences, tells the writer's words (``author`` voice) from the words inside
quotation marks (``quoted`` voice) and counts, per voice:

* stance markers from shipped lexicons: ``hedge``, ``booster``,
  ``attitude_positive``, ``attitude_negative``, ``loaded_term``;
* the sentences about each side of the story (``target_<side>``: government
  and regulators, platforms and their owners, children and victims) and the
  stance markers inside those sentences (``<marker>_on_<side>``);
* term choice: which variant of a referent the text uses
  (``term:<referent>:<variant>``, e.g. ``term:csam:child porn``).

Every count is traced to its words in ``stance_evidence`` (article offsets).
:func:`distinctive_terms` finds the words that set each outlet apart
(weighted log-odds with an informative Dirichlet prior, Monroe, Colaresi &
Quinn 2008) and :func:`outlet_summary` gives one row per outlet for
``outlets.csv``.

Lexicons, the referent table and the target cues are data files in
``framing/data/stance`` (each with a ``.SOURCE.md``); replacements are passed
in as arguments. Each lexicon is compiled into one regular expression (a
character trie, so alternation cost does not grow with the lexicon).

Examples
--------
>>> import pandas as pd
>>> text = 'The firm allegedly erred. "We may never know," she said.'
>>> arts = pd.DataFrame({"article_id": ["a"], "outlet": ["o"], "text": [text]})
>>> segs = pd.DataFrame({"article_id": ["a"], "segment_id": [0], "start": [0],
...                      "end": [len(text)], "kept": [True]})
>>> stance, evidence = score(arts, segs)
>>> evidence[["voice", "measure", "term"]].values.tolist()
[['author', 'hedge', 'allegedly'], ['quoted', 'hedge', 'may'], ['quoted', 'booster', 'never']]
"""
from __future__ import annotations

import bisect
import csv
import io
import math
import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Mapping

import numpy as np
import pandas as pd

from .clean import normalize

__all__ = ["score", "distinctive_terms", "outlet_summary", "sentences", "quote_spans",
           "load_lexicon", "load_referents", "load_targets", "compile_terms", "fold",
           "MARKERS", "TARGETS", "VOICES", "STANCE_COLUMNS", "EVIDENCE_COLUMNS",
           "DISTINCTIVE_COLUMNS", "DEFAULT_LEXICONS"]

#: Stance-marker measures and their shipped lexicon files (framing/data/stance).
DEFAULT_LEXICONS = {
    "hedge": "hedges.csv",
    "booster": "boosters.csv",
    "attitude_positive": "attitude_positive.csv",
    "attitude_negative": "attitude_negative.csv",
    "loaded_term": "loaded_terms.csv",
}
MARKERS = tuple(DEFAULT_LEXICONS)
TARGETS = ("government_regulators", "platforms_owners", "children_victims")
VOICES = ("author", "quoted")
#: Quote kinds whose span is the speaker's words (indirect speech is the writer's paraphrase).
QUOTED_KINDS = ("direct", "partial", "scare")

STANCE_COLUMNS = ["article_id", "outlet", "voice", "measure", "family", "target", "referent",
                  "variant", "count", "n_words", "per_1000_words"]
EVIDENCE_COLUMNS = ["article_id", "outlet", "voice", "measure", "family", "term", "start", "end",
                    "entry", "target", "referent", "variant"]
DISTINCTIVE_COLUMNS = ["term", "delta", "z", "count", "count_other"]

_WORD = re.compile(r"\w+")


# --------------------------------------------------------------------------- text folding
def _build_fold() -> dict:
    from .clean import _FOLD
    table = {}
    for cp in range(0x80, 0x250):
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)
        if len(base) > 1 and base[0].isascii() and base[0].isalpha():
            table[ch] = base[0]
    for ch, to in _FOLD.items():
        if len(ch) == 1 and len(to) == 1 and not ch.isascii():
            table[ch] = to
    return table


_FOLD_MAP = _build_fold()
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_char(m: re.Match) -> str:
    ch = m.group(0)
    return _FOLD_MAP.get(ch, ch)


def fold(text: str) -> str:
    """Typography folded (as :func:`framing.clean.normalize`) and accents
    removed, one character for one, so offsets are unchanged.

    >>> fold("“Sánchez’s” — 17\u00a0Feb")
    '"Sanchez\\'s" - 17 Feb'
    """
    if text.isascii():
        return normalize(text) if ("\t" in text or "\x0b" in text or "\x0c" in text
                                   or "`" in text) else text
    return normalize(_NON_ASCII.sub(_fold_char, text)) if ("\t" in text or "`" in text) \
        else _NON_ASCII.sub(_fold_char, text)


# --------------------------------------------------------------------------- matchers
def _key(s: str) -> str:
    return re.sub(r"[\s-]+", " ", fold(s).strip().lower())


def _plurals(term: str) -> list[str]:
    """The term and its regular plural forms (for nouns in the referent and target tables)."""
    forms = [term]
    if not term or not term[-1].isalpha():
        return forms
    low = term.lower()
    if low.endswith(("s", "x", "z", "ch", "sh")):
        forms.append(term + "es")
    elif low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        forms.append(term[:-1] + "ies")
    else:
        forms.append(term + "s")
    return forms


_SEP = r"[\s-]+"


def _trie_regex(keys: Iterable[str]) -> str:
    """A regex matching exactly the given (folded, lower-case) keys, built as a
    character trie so that the engine never tries the alternatives one by one.
    A space or hyphen in a key matches any run of spaces and hyphens."""
    trie: dict = {}
    for k in keys:
        node = trie
        for ch in k:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        alts = []
        for ch in sorted(c for c in node if c):
            piece = _SEP if ch in " -" else re.escape(ch)
            alts.append(piece + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            # Greedy optional: the longer term is tried first.
            return "(?:" + body + ")?"
        return body

    return build(trie)


def _lower(folded: str) -> str:
    """Lower case without changing the length (folded text has no 'İ')."""
    low = folded.lower()
    return low if len(low) == len(folded) else "".join(c.lower()[:1] or c for c in folded)


_SEPS = re.compile(r"[\s-]+")


def _fast_key(low: str) -> str:
    return low if low.isalnum() else _SEPS.sub(" ", low.strip())


class Matcher:
    """A compiled term table.

    ``regex`` (on lower-cased folded text) finds the longest term at each
    word start; ``lookup`` maps a match's key (lower case, accents and
    typography folded, runs of spaces and hyphens as one space) to the payload
    of its table row; ``exact`` holds the spellings (folded, case kept) that a
    case-sensitive key must match.
    """

    __slots__ = ("regex", "lookup", "exact")

    def __init__(self, regex, lookup: dict, exact: dict):
        self.regex = regex
        self.lookup = lookup
        self.exact = exact

    def accept(self, folded: str, start: int, end: int, key: str):
        """The payload of the term ``folded[start:end]`` (key ``key``), or None
        when a case-sensitive term is spelled otherwise."""
        payload = self.lookup.get(key)
        if payload is not None and self.exact and key in self.exact \
                and _SEPS.sub(" ", folded[start:end]) not in self.exact[key]:
            return None
        return payload

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        """Yield ``(start, end, payload)`` for each term in ``text[pos:endpos]``,
        scanning left to right, longest term first."""
        if self.regex is None:
            return
        folded = fold(text)
        low = _lower(folded)
        endpos = len(text) if endpos is None else endpos
        for m in self.regex.finditer(low, pos, endpos):
            payload = self.accept(folded, m.start(), m.end(), _fast_key(m.group(0)))
            if payload is not None:
                yield m.start(), m.end(), payload


def compile_terms(rows: Iterable[tuple[str, bool, object]], *, plural: bool = False) -> Matcher:
    """Compile ``(term, case_sensitive, payload)`` rows into one :class:`Matcher`.

    Matching is on word boundaries, ignores case (except for case-sensitive
    rows, which must match their spelling exactly, e.g. ``may`` but not the
    month ``May``), accents and typography, and prefers the longest term at a
    position. With ``plural=True`` regular plurals of every term match too.
    The first row of a key gives its payload.

    >>> m = compile_terms([("child porn", False, "a"), ("child pornography", False, "b")])
    >>> [(s, e, p) for s, e, p in m.finditer("no Child  Pornography here")]
    [(3, 21, 'b')]
    >>> m = compile_terms([("may", True, "hedge")])
    >>> [p for _, _, p in m.finditer("In May it may rain")]
    ['hedge']
    """
    lookup: dict = {}
    loose: set = set()
    forms: dict = defaultdict(set)
    for term, case, payload in rows:
        term = str(term).strip()
        if not term:
            continue
        for form in (_plurals(term) if plural else [term]):
            key = _key(form)
            if not key:
                continue
            lookup.setdefault(key, payload)
            if case:
                forms[key].add(_SEPS.sub(" ", fold(form).strip()))
            else:
                loose.add(key)
    exact = {k: frozenset(v) for k, v in forms.items() if k not in loose}
    if not lookup:
        return Matcher(None, {}, {})
    pattern = r"(?<!\w)" + _trie_regex(lookup) + r"(?!\w)"
    return Matcher(re.compile(pattern), lookup, exact)


_WORDCHAR = re.compile(r"\w")


class _Bundle:
    """Several term tables scanned in one pass.

    One regex over the union of all keys reports, at every word start, the
    longest key of any table (a zero-width lookahead, so starts inside an
    earlier match are seen too). Each table then takes that key if it has it,
    else (only where the table has a shorter key that is a prefix of it) its
    own longest match there; a table skips starts inside its previous match.
    The result is the same as scanning each table on its own.
    """

    def __init__(self, tables: dict[str, Matcher]):
        self.tables = {k: m for k, m in tables.items() if m.regex is not None}
        keys = set()
        for m in self.tables.values():
            keys.update(m.lookup)
        self.direct: dict = {}
        self.partial: dict = {}
        for key in keys:
            self.direct[key] = [(name, m) for name, m in self.tables.items() if key in m.lookup]
            cuts = [i for i in range(1, len(key)) if not _WORDCHAR.match(key[i])
                    and _WORDCHAR.match(key[i - 1])]
            part = []
            for name, m in self.tables.items():
                if key in m.lookup:
                    continue
                if any(key[:i].strip() in m.lookup for i in cuts):
                    part.append((name, m))
            if part:
                self.partial[key] = part
        self.regex = re.compile(r"(?<!\w)(?=(" + _trie_regex(keys) + r")(?!\w))") if keys else None

    def scan(self, folded: str, low: str, spans):
        """Yield ``(table, start, end, payload)`` in ``spans`` of the text."""
        last = dict.fromkeys(self.tables, -1)
        direct, partial = self.direct, self.partial
        for a, b in spans:
            for m in self.regex.finditer(low, a, b):
                p = m.start()
                surface = m.group(1)
                key = _fast_key(surface)
                e = p + len(surface)
                for name, table in direct.get(key, ()):
                    if p < last[name]:
                        continue
                    last[name] = e
                    payload = table.accept(folded, p, e, key)
                    if payload is not None:
                        yield name, p, e, payload
                for name, table in partial.get(key, ()):
                    if p < last[name]:
                        continue
                    mm = table.regex.match(low, p, b)
                    if mm is None:
                        continue
                    last[name] = mm.end()
                    payload = table.accept(folded, p, mm.end(), _fast_key(mm.group(0)))
                    if payload is not None:
                        yield name, p, mm.end(), payload


def _read_table(source, name: str) -> pd.DataFrame:
    """A term table from a DataFrame, a path, a list of terms, or the shipped file ``name``."""
    if isinstance(source, pd.DataFrame):
        return source.copy()
    if source is None:
        with resources.files("framing").joinpath("data", "stance", name).open(encoding="utf-8") as fh:
            return pd.read_csv(fh, dtype=str, keep_default_na=False, comment=None)
    if isinstance(source, (str, Path)):
        return pd.read_csv(source, dtype=str, keep_default_na=False)
    return pd.DataFrame({"term": [str(t) for t in source]})


def _is_sensitive(value) -> bool:
    return str(value).strip().lower() in {"sensitive", "cs", "true", "1", "yes"}


def _case_column(frame: pd.DataFrame) -> list[bool]:
    if "case" not in frame.columns:
        return [False] * len(frame)
    return [_is_sensitive(v) for v in frame["case"]]


def load_lexicon(source=None, *, measure: str = "hedge") -> Matcher:
    """One stance lexicon (columns ``term`` and optional ``case``) compiled.

    ``source`` is a path, a DataFrame, a list of terms, or None for the
    shipped file of ``measure``.
    """
    if source is None:
        return _default_lexicon(measure)
    return _lexicon(_read_table(source, ""))


def _lexicon(frame: pd.DataFrame) -> Matcher:
    col = "term" if "term" in frame.columns else frame.columns[0]
    terms = frame[col].astype(str).tolist()
    return compile_terms(((t, c, _key(t)) for t, c in zip(terms, _case_column(frame))))


@lru_cache(maxsize=None)
def _default_lexicon(measure: str) -> Matcher:
    return _lexicon(_read_table(None, DEFAULT_LEXICONS[measure]))


def load_referents(source=None) -> Matcher:
    """The term-choice table (columns ``referent, variant, term[, case]``) compiled;
    payload ``(referent, variant)``; regular plurals match."""
    if source is None:
        return _default_referents()
    return _referents(_read_table(source, "referents.csv"))


def _referents(frame: pd.DataFrame) -> Matcher:
    terms = frame["term"] if "term" in frame.columns else frame["variant"]
    return compile_terms(((t, c, (r, v)) for t, c, r, v in
                          zip(terms, _case_column(frame), frame["referent"], frame["variant"])),
                         plural=True)


@lru_cache(maxsize=None)
def _default_referents() -> Matcher:
    return _referents(_read_table(None, "referents.csv"))


def load_targets(source=None) -> Matcher:
    """The target cues (columns ``target, cue[, case]``) compiled; payload the
    target name. Rows with target ``none`` claim a phrase for no side (e.g.
    "child sexual abuse material" is not a sentence about children)."""
    if source is None:
        return _default_targets()
    return _targets(_read_table(source, "targets.csv"))


def _targets(frame: pd.DataFrame) -> Matcher:
    cues = frame["cue"] if "cue" in frame.columns else frame["term"]
    return compile_terms(((t, c, g) for t, c, g in zip(cues, _case_column(frame), frame["target"])),
                         plural=True)


@lru_cache(maxsize=None)
def _default_targets() -> Matcher:
    return _targets(_read_table(None, "targets.csv"))


def _lexicons(lexicons) -> dict[str, Matcher]:
    spec: dict = dict.fromkeys(DEFAULT_LEXICONS)
    if lexicons is not None:
        spec.update(lexicons)
    out = {}
    for measure, source in spec.items():
        if source is None and measure not in DEFAULT_LEXICONS:
            continue
        if source is False:
            continue
        out[measure] = load_lexicon(source, measure=measure)
    return out


# --------------------------------------------------------------------------- sentences & quotes
_ABBREV = frozenset("""mr mrs ms dr prof st gen gov sen rep jr sr inc ltd co corp vs no nos approx
est dept fig jan feb mar apr jun jul aug sep sept oct nov dec mt ft lt col capt sgt rev hon
pres supt cmdr adm maj messrs etc al cf""".split())
_BOUNDARY = re.compile(r"[.!?]+['\")\]]*(?=\s+['\"(\[]?[A-Z0-9])|(?<=[a-z]{2})[.!?]+['\")\]]*(?=['\"]?[A-Z][a-z])")


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentences, as ``(start, end)`` offsets.

    A sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or
    brackets) before a capital or a digit, not after a known abbreviation
    ("Mr.", "U.S.") or an initial; a missing space after the full stop
    ("platforms.The move") still ends it.

    >>> t = 'Mr. Sanchez spoke. "It must end," he said.The U.S. firm said no.'
    >>> [t[s:e] for s, e in sentences(t)]
    ['Mr. Sanchez spoke.', '"It must end," he said.', 'The U.S. firm said no.']
    """
    end = len(text) if end is None else end
    out = []
    s = start
    for m in _BOUNDARY.finditer(text, start, end):
        p = m.start()
        if m.group(0)[0] == ".":
            j = p
            while j > s and (text[j - 1].isalnum() or text[j - 1] == "."):
                j -= 1
            word = text[j:p]
            if word.lower() in _ABBREV or (len(word) == 1 and word.isupper()) \
                    or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
                continue
        cut = m.end()
        out.append(cut)
    bounds = []
    for cut in out + [end]:
        a, b = s, cut
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            bounds.append((a, b))
        s = cut
    return bounds


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = sorted((int(a), int(b)) for a, b in spans if b > a)
    out: list[list[int]] = []
    for a, b in spans:
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


_OPEN_SINGLE = "\u2018'\u2039\u201b"
_CLOSE_SINGLE = "\u2019'\u203a"
_MARKS = re.compile("[\"'\u2018\u2019\u201b\u2039\u203a\u201c\u201d\u201e\u201f\u00ab\u00bb\u301d\u301e\uff02\u275d\u275e]")


def quote_spans(text: str, segments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans inside quotation marks, found from the marks alone (the fallback
    when no quotes table is given).

    Double marks of every style (“ ” " „ « ») are paired in order within a
    paragraph; an opening mark left unclosed runs to the paragraph's end (a
    quote continued in the next paragraph reopens there). Single marks
    (‘ ’ ' ‹ ›) count outside double quotes when the opening one starts a word
    and the closing one ends one, so apostrophes ("Spain’s") are not quotes.
    Spans exclude the marks.

    >>> t = 'He said “we act” and «they» too, plus ‘this’ but not Spain’s.'
    >>> [t[a:b] for a, b in quote_spans(t, [(0, len(t))])]
    ['we act', 'they', 'this']
    """
    spans = []
    for a, b in segments:
        marks = [(m.start(), m.group(0)) for m in _MARKS.finditer(text, a, b)]
        if not marks:
            continue
        doubles = [i for i, ch in marks if ch not in _OPEN_SINGLE and ch not in _CLOSE_SINGLE]
        inside = []
        for k in range(0, len(doubles), 2):
            open_ = doubles[k]
            close = doubles[k + 1] if k + 1 < len(doubles) else b
            inside.append((open_ + 1, close))
        spans.extend(inside)
        opening = None
        d = 0
        for i, ch in marks:
            while d < len(inside) and inside[d][1] < i:
                d += 1
            if d < len(inside) and inside[d][0] - 1 <= i <= inside[d][1]:
                opening = None
                continue
            if opening is None and ch in _OPEN_SINGLE:
                prev = text[i - 1] if i > a else " "
                nxt = text[i + 1] if i + 1 < b else " "
                if (prev.isspace() or prev in "([-\u2014") and nxt.isalpha():
                    opening = i
                    continue
            if opening is not None and ch in _CLOSE_SINGLE:
                prev = text[i - 1]
                nxt = text[i + 1] if i + 1 < b else " "
                if not prev.isspace() and not nxt.isalnum():
                    spans.append((opening + 1, i))
                    opening = None
    return _merge(spans)


def _quoted_from_table(quotes: pd.DataFrame) -> dict:
    q = quotes
    if "kind" in q.columns:
        q = q[q["kind"].astype(str).isin(QUOTED_KINDS)]
    out: dict = defaultdict(list)
    for aid, s, e in zip(q["article_id"], q["start"], q["end"]):
        if pd.notna(s) and pd.notna(e):
            out[aid].append((int(s), int(e)))
    return {aid: _merge(v) for aid, v in out.items()}


def _kept_segments(segments: pd.DataFrame) -> dict:
    segs = segments
    if "kept" in segs.columns:
        kept = segs["kept"]
        if kept.dtype != bool:
            kept = kept.astype(str).str.strip().str.lower().isin(["true", "1", "yes"])
        segs = segs[kept.to_numpy()]
    out: dict = defaultdict(list)
    for aid, s, e in zip(segs["article_id"], segs["start"], segs["end"]):
        out[aid].append((int(s), int(e)))
    for v in out.values():
        v.sort()
    return out


def _usable(articles: pd.DataFrame) -> pd.DataFrame:
    if "status" in articles.columns:
        return articles[articles["status"].isin(["ok", "warning"])]
    return articles


def _outlets(articles: pd.DataFrame):
    return articles["outlet"] if "outlet" in articles.columns else articles["article_id"]


def _pieces(sents, qspans):
    """Split each sentence into voice runs: yields (sentence index, start, end, voice)."""
    starts = [a for a, _ in qspans]
    for k, (s, e) in enumerate(sents):
        j = max(bisect.bisect_right(starts, s) - 1, 0)
        pos = s
        while j < len(qspans) and qspans[j][0] < e:
            qa, qb = qspans[j]
            if qb <= pos:
                j += 1
                continue
            qa = max(qa, pos)
            if qa > pos:
                yield k, pos, qa, "author"
            qb = min(qb, e)
            yield k, qa, qb, "quoted"
            pos = qb
            if qspans[j][1] <= e:
                j += 1
            else:
                break
        if pos < e:
            yield k, pos, e, "author"


def _voice_at(i: int, qstarts: list, qspans: list) -> str:
    j = bisect.bisect_right(qstarts, i) - 1
    return "quoted" if j >= 0 and qspans[j][0] <= i < qspans[j][1] else "author"


# --------------------------------------------------------------------------- scoring
def _rate(count, n_words):
    return 1000.0 * count / n_words if n_words else float("nan")


_REF, _TGT = "\x00referents", "\x00targets"


def _bundle(lexicons, referents, targets, matchers, ref_m, tgt_m) -> _Bundle:
    if lexicons is None and referents is None and targets is None:
        return _default_bundle()
    return _Bundle({**matchers, _REF: ref_m, _TGT: tgt_m})


@lru_cache(maxsize=None)
def _default_bundle() -> _Bundle:
    return _Bundle({**_lexicons(None), _REF: load_referents(), _TGT: load_targets()})


def score(articles: pd.DataFrame, segments: pd.DataFrame, quotes: pd.DataFrame | None = None, *,
          lexicons: Mapping | None = None, referents=None, targets=None
          ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Stance markers, targets and term choice per article and voice.

    Parameters
    ----------
    articles : DataFrame
        ``article_id``, ``outlet`` (else the article_id is the outlet),
        ``text``; rows with ``status`` other than ok/warning are skipped.
    segments : DataFrame
        The segments table; only ``kept`` segments are read.
    quotes : DataFrame, optional
        The quotes table; the spans of ``direct``, ``partial`` and ``scare``
        quotes are the quoted voice (indirect speech is the writer's words).
        When None (or a frame without columns), spans inside quotation marks
        are found from the marks (:func:`quote_spans`).
    lexicons : mapping, optional
        ``measure -> source`` (path, DataFrame with a ``term`` column, or a
        list of terms) replacing or adding to :data:`DEFAULT_LEXICONS`; a
        value of False drops a shipped measure.
    referents, targets : path or DataFrame, optional
        Replacement term-choice table (``referent, variant, term[, case]``)
        and target cues (``target, cue[, case]``).

    Returns
    -------
    stance : DataFrame, :data:`STANCE_COLUMNS`
        One row per article, voice and measure. ``family`` is ``marker``
        (``count`` markers, ``n_words`` words of that voice in the article),
        ``target`` (``target_<side>``: sentences about that side holding
        words of that voice; ``n_words`` as for markers), ``marker_on_target``
        (``<marker>_on_<side>``: markers in those sentences; ``n_words`` the
        voice's words in those sentences) or ``term``
        (``term:<referent>:<variant>``, rows only where used).
        ``per_1000_words = 1000 * count / n_words`` (NaN when no words).
    stance_evidence : DataFrame, :data:`EVIDENCE_COLUMNS`
        One row per matched word or phrase (target cues too, as family
        ``target_cue``); ``term == text[start:end]``; ``target`` lists the
        sentence's sides joined by ``;``.
    """
    matchers = _lexicons(lexicons)
    ref_m = load_referents(referents)
    tgt_m = load_targets(targets)
    target_names = list(TARGETS)
    if targets is not None:
        target_names = sorted({p for p in tgt_m.lookup.values() if p and p != "none"})
    bundle = _bundle(lexicons, referents, targets, matchers, ref_m, tgt_m)
    kept = _kept_segments(segments)
    table_quotes = quotes is not None and len(quotes.columns) > 0
    qmap = _quoted_from_table(quotes) if table_quotes else {}

    rows: list[tuple] = []
    ev: list[tuple] = []
    usable = _usable(articles)
    for aid, outlet, text in zip(usable["article_id"], _outlets(usable), usable["text"]):
        if not isinstance(text, str) or not text or aid not in kept:
            continue
        segs = kept[aid]
        work = fold(text)
        low = _lower(work)
        qspans = qmap.get(aid, []) if table_quotes else quote_spans(text, segs)
        qstarts = [a for a, _ in qspans]
        sents = [se for a, b in segs for se in sentences(work, a, b)]
        sstarts = [a for a, _ in sents]
        n = len(sents)
        words = {v: np.zeros(n, dtype=np.int64) for v in VOICES}
        for k, a, b, voice in _pieces(sents, qspans):
            words[voice][k] += len(_WORD.findall(work, a, b))

        hits = defaultdict(list)
        for name, s, e, payload in bundle.scan(work, low, segs):
            k = bisect.bisect_right(sstarts, s) - 1
            if k < 0 or s >= sents[k][1]:
                continue
            hits[name].append((s, e, payload, k, _voice_at(s, qstarts, qspans)))

        # which sides each sentence is about
        about = [set() for _ in range(n)]
        for s, e, tgt, k, voice in hits.get(_TGT, ()):
            if tgt == "none":
                continue
            about[k].add(tgt)
            ev.append((aid, outlet, voice, "target_cue", "target_cue", text[s:e], s, e,
                       _fast_key(low[s:e]), tgt, "", ""))
        labels = [";".join(sorted(t)) for t in about]

        counts: dict = defaultdict(int)          # (voice, measure) -> count
        on_target: dict = defaultdict(int)       # (voice, measure, target) -> count
        for measure in matchers:
            for s, e, entry, k, voice in hits.get(measure, ()):
                counts[(voice, measure)] += 1
                for t in about[k]:
                    on_target[(voice, measure, t)] += 1
                ev.append((aid, outlet, voice, measure, "marker", text[s:e], s, e, entry,
                           labels[k], "", ""))
        terms: dict = defaultdict(int)
        for s, e, (ref, var), k, voice in hits.get(_REF, ()):
            measure = f"term:{ref}:{var}"
            terms[(voice, measure, ref, var)] += 1
            ev.append((aid, outlet, voice, measure, "term", text[s:e], s, e, _fast_key(low[s:e]),
                       labels[k], ref, var))

        for voice in VOICES:
            total = int(words[voice].sum())
            for measure in matchers:
                c = counts.get((voice, measure), 0)
                rows.append((aid, outlet, voice, measure, "marker", "", "", "", c, total, _rate(c, total)))
            for t in target_names:
                mask = np.fromiter((t in ab for ab in about), dtype=bool, count=n)
                n_sent = int(((words[voice] > 0) & mask).sum())
                rows.append((aid, outlet, voice, f"target_{t}", "target", t, "", "", n_sent, total,
                             _rate(n_sent, total)))
                tw = int(words[voice][mask].sum())
                if not tw:
                    continue
                for measure in matchers:
                    c = on_target.get((voice, measure, t), 0)
                    rows.append((aid, outlet, voice, f"{measure}_on_{t}", "marker_on_target", t, "", "",
                                 c, tw, _rate(c, tw)))
            for (v, measure, ref, var), c in sorted(terms.items()):
                if v == voice:
                    rows.append((aid, outlet, voice, measure, "term", "", ref, var, c, total,
                                 _rate(c, total)))

    stance = pd.DataFrame.from_records(rows, columns=STANCE_COLUMNS)
    stance = stance.astype({"count": "int64", "n_words": "int64", "per_1000_words": "float64"})
    evidence = pd.DataFrame.from_records(ev, columns=EVIDENCE_COLUMNS)
    evidence = evidence.astype({"start": "int64", "end": "int64"})
    if len(evidence):
        order = {a: i for i, a in enumerate(dict.fromkeys(evidence["article_id"]))}
        evidence = evidence.assign(_o=evidence["article_id"].map(order)) \
            .sort_values(["_o", "start", "end", "measure"], kind="stable") \
            .drop(columns="_o").reset_index(drop=True)
    return stance, evidence


# --------------------------------------------------------------------------- per outlet
def _slug(s: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", fold(str(s)).lower()).strip("_")


def outlet_summary(stance: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per outlet: pooled rates per measure and voice.

    * ``stance_<voice>_n_words`` and ``stance_quoted_word_share``;
    * ``stance_<voice>_<measure>_per_1000`` for markers, ``target_<side>`` and
      ``<marker>_on_<side>``: the outlet's summed counts per 1,000 of its
      summed words (of that voice; for ``_on_`` measures, of that voice in
      sentences about the side); NaN when there are no such words;
    * ``stance_<voice>_term_<referent>_<variant>_n`` and ``..._share``: uses of
      each variant and its share of all uses of that referent in that voice.
    """
    outlets = sorted(set(_outlets(articles).astype(str)))
    out = pd.DataFrame(index=pd.Index(outlets, name="outlet"))
    if stance is None or not len(stance) or "measure" not in stance.columns:
        return out.reset_index()
    s = stance.copy()
    s["outlet"] = s["outlet"].astype(str)
    s["count"] = pd.to_numeric(s["count"], errors="coerce").fillna(0)
    s["n_words"] = pd.to_numeric(s["n_words"], errors="coerce").fillna(0)
    family = s["family"].fillna("").astype(str) if "family" in s.columns else pd.Series("marker", index=s.index)
    s["family"] = family
    marker = s[s["family"] == "marker"]
    totals = marker.drop_duplicates(["article_id", "voice"]).groupby(["outlet", "voice"])["n_words"].sum()
    cols: dict = {}
    for voice in VOICES:
        tv = totals.xs(voice, level="voice") if voice in totals.index.get_level_values(1) else pd.Series(dtype=float)
        cols[f"stance_{voice}_n_words"] = tv.reindex(outlets).fillna(0).astype("int64")
    both = cols["stance_author_n_words"] + cols["stance_quoted_n_words"]
    cols["stance_quoted_word_share"] = (cols["stance_quoted_n_words"] / both.replace(0, np.nan))
    rated = s[s["family"].isin(["marker", "target", "marker_on_target"])]
    if len(rated):
        agg = rated.groupby(["voice", "measure", "outlet"], sort=True)[["count", "n_words"]].sum()
        for (voice, measure), g in agg.groupby(level=[0, 1], sort=True):
            g = g.droplevel([0, 1]).reindex(outlets)
            rate = 1000.0 * g["count"] / g["n_words"].where(g["n_words"] > 0)
            cols[f"stance_{voice}_{measure}_per_1000"] = rate
    terms = s[s["family"] == "term"]
    if len(terms):
        agg = terms.groupby(["voice", "referent", "variant", "outlet"], sort=True)["count"].sum()
        ref_tot = terms.groupby(["voice", "referent", "outlet"])["count"].sum()
        for (voice, ref, var), g in agg.groupby(level=[0, 1, 2], sort=True):
            g = g.droplevel([0, 1, 2]).reindex(outlets).fillna(0)
            tot = ref_tot.loc[(voice, ref)].reindex(outlets)
            name = f"stance_{voice}_term_{_slug(ref)}_{_slug(var)}"
            cols[f"{name}_n"] = g.astype("int64")
            cols[f"{name}_share"] = g / tot.where(tot > 0)
    out = pd.concat([out, pd.DataFrame(cols, index=out.index)], axis=1)
    return out.reset_index()


# --------------------------------------------------------------------------- distinctive vocabulary
_TOKEN_PATTERN = r"(?u)\b\w+(?:[-']\w+)*\b"


def _voice_documents(articles, segments, quotes, voice):
    """Texts of one voice, one per sentence piece, with their article ids."""
    kept = _kept_segments(segments)
    table_quotes = quotes is not None and len(quotes.columns) > 0
    qmap = _quoted_from_table(quotes) if table_quotes else {}
    docs, ids = [], []
    usable = _usable(articles)
    for aid, text in zip(usable["article_id"], usable["text"]):
        if not isinstance(text, str) or not text or aid not in kept:
            continue
        segs = kept[aid]
        norm = normalize(text)
        qspans = qmap.get(aid, []) if table_quotes else quote_spans(text, segs)
        sents = [se for a, b in segs for se in sentences(norm, a, b)]
        for _, a, b, v in _pieces(sents, qspans):
            if voice in (None, "all", v):
                docs.append(norm[a:b])
                ids.append(aid)
    return docs, ids


def distinctive_terms(articles: pd.DataFrame, segments: pd.DataFrame, quotes: pd.DataFrame | None = None,
                      *, group: str = "outlet", prior=None, ngram_range: tuple[int, int] = (1, 2),
                      voice: str | None = "author", min_count: int = 1, stop_words=None,
                      top: int | None = None) -> pd.DataFrame:
    """Words and phrases that set each group apart: weighted log-odds ratios
    with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, eq. 22).

    For group *i* against all other groups pooled (*j*), with counts ``y``,
    totals ``n`` and prior pseudo-counts ``a_w`` (summing to ``a0``)::

        delta_w = log((y_iw + a_w) / (n_i + a0 - y_iw - a_w))
                - log((y_jw + a_w) / (n_j + a0 - y_jw - a_w))
        var_w   ~ 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
        z_w     = delta_w / sqrt(var_w)

    Parameters
    ----------
    group : str
        Column of ``articles`` that names the groups (default ``outlet``).
    prior : None, float or mapping
        None: the prior is the pooled counts of the whole corpus (``a_w`` =
        corpus count of *w*). A float ``a0``: that total prior mass spread in
        proportion to the corpus counts. A mapping or Series term -> pseudo-count
        (a background corpus); terms absent from it get 0.01.
    ngram_range : tuple
        Passed to scikit-learn's ``CountVectorizer``; n-grams never cross a
        sentence or a change of voice.
    voice : "author", "quoted" or None
        Whose words (default the outlet's own; None: all kept words).
    min_count : int
        Report a term for a group only when the group uses it this often.
    top : int, optional
        Keep only the ``top`` terms per group by z.

    Returns
    -------
    DataFrame with columns ``<group>, term, delta, z, count, count_other``,
    sorted by group and descending z. Empty when there are fewer than two groups.
    """
    from sklearn.feature_extraction.text import CountVectorizer
    from scipy import sparse

    columns = [group] + DISTINCTIVE_COLUMNS
    empty = pd.DataFrame({c: pd.Series(dtype="float64" if c in ("delta", "z") else
                                       ("int64" if c.startswith("count") else "object")) for c in columns})
    docs, ids = _voice_documents(articles, segments, quotes, voice)
    if not docs:
        return empty
    labels_by_id = dict(zip(articles["article_id"], (articles[group] if group in articles.columns
                                                     else articles["article_id"]).astype(str)))
    labels = [labels_by_id[a] for a in ids]
    groups = sorted(set(labels))
    if len(groups) < 2:
        return empty
    vec = CountVectorizer(ngram_range=tuple(ngram_range), token_pattern=_TOKEN_PATTERN,
                          lowercase=True, stop_words=stop_words)
    try:
        x = vec.fit_transform(docs)
    except ValueError:          # empty vocabulary
        return empty
    gidx = {g: i for i, g in enumerate(groups)}
    rows = np.fromiter((gidx[l] for l in labels), dtype=np.int64, count=len(labels))
    ind = sparse.csr_matrix((np.ones(len(labels)), (rows, np.arange(len(labels)))),
                            shape=(len(groups), len(labels)))
    y = np.asarray((ind @ x).todense(), dtype=float)           # groups x vocabulary
    vocab = vec.get_feature_names_out()
    corpus = y.sum(axis=0)
    if prior is None:
        alpha = corpus.copy()
    elif isinstance(prior, (int, float)) and not isinstance(prior, bool):
        alpha = float(prior) * corpus / corpus.sum()
    else:
        mapping = prior.to_dict() if isinstance(prior, pd.Series) else dict(prior)
        alpha = np.array([float(mapping.get(t, 0.01)) for t in vocab])
    alpha = np.maximum(alpha, 1e-9)
    a0 = alpha.sum()
    n = y.sum(axis=1)
    total = n.sum()
    out = []
    for i, g in enumerate(groups):
        yi = y[i]
        yj = corpus - yi
        ni, nj = n[i], total - n[i]
        delta = (np.log((yi + alpha) / (ni + a0 - yi - alpha))
                 - np.log((yj + alpha) / (nj + a0 - yj - alpha)))
        var = 1.0 / (yi + alpha) + 1.0 / (yj + alpha)
        z = delta / np.sqrt(var)
        keep = np.nonzero(yi >= max(min_count, 1))[0]
        frame = pd.DataFrame({group: g, "term": vocab[keep], "delta": delta[keep], "z": z[keep],
                              "count": yi[keep].astype("int64"), "count_other": yj[keep].astype("int64")})
        frame = frame.sort_values(["z", "term"], ascending=[False, True], kind="stable")
        if top is not None:
            frame = frame.head(top)
        out.append(frame)
    result = pd.concat(out, ignore_index=True)
    return result[columns]
