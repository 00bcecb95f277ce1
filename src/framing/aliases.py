"""One alias resolver for people and speakers.

Shared by :mod:`framing.people` (who is named) and :mod:`framing.quotes` (who
speaks), so that "Pedro Sánchez", "Pedro Sanchez", "Sánchez", "Mr. Sánchez"
and "the prime minister" end up as one person with one ``entity_id``.

* :func:`fold` lower-cases and removes accents ("Sánchez" -> "sanchez").
* :func:`strip_name` removes honorifics, leading titles and the possessive
  ("Mr. Sánchez's" -> "Sánchez").
* :func:`name_key` is the folded last word of a name (the surname key).
* :func:`prefer` picks the canonical form among several spellings: the
  fullest (most words), then the accented one, then the most frequent.
* :func:`compatible` tells whether two names can be one person ("Sánchez" and
  "Pedro Sanchez" can; "Pedro Sánchez" and "Carlos Sánchez" cannot).
* :func:`entity_id` derives a stable id from a canonical name.
* :func:`canonicalize_speakers` maps the quotes table's ``speaker`` to the
  people table's canonical name and adds ``speaker_entity_id``.

Pure functions, no model; word lists live in ``framing/data``.
"""
from __future__ import annotations

import csv
import re
from collections import namedtuple
import unicodedata
from functools import lru_cache
from pathlib import Path

import pandas as pd

__all__ = ["fold", "strip_name", "name_key", "surname_key", "prefer", "compatible", "entity_id",
           "canonicalize_speakers", "honorifics", "titles", "match_name"]

_DATA = Path(__file__).with_name("data")
_POSS_RE = re.compile(r"['’]s?$")
_SPACE_RE = re.compile(r"\s+")
_SLUG_RE = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Lower case, accents removed, typographic apostrophes straightened.

    >>> fold("Sánchez’s")
    "sanchez's"
    """
    s = s.replace("’", "'").replace("‘", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=None)
def honorifics() -> frozenset:
    """Honorifics stripped from the front of a name (``data/people_honorifics.txt``)."""
    words = set()
    for line in (_DATA / "people_honorifics.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(line.lower())
    return frozenset(words)


@lru_cache(maxsize=None)
def titles() -> dict:
    """Title phrase (lower case) -> (role, official, institution kind) from ``data/people_titles.csv``."""
    out = {}
    with open(_DATA / "people_titles.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out[row["title"].strip().lower()] = (row["role"].strip(), row["official"].strip(),
                                                 row["institution"].strip())
    # an elected office won but not yet taken: "Legislator-elect X", "X, the councillor-elect"
    for t, (role, off, inst) in list(out.items()):
        if off == "true" and inst in _ELECTED_INSTITUTIONS and "-" not in t and "." not in t:
            out.setdefault(t + "-elect", (role + "-elect", "true", inst))
    return out


# the kinds of body whose offices are won at elections (their titles take "-elect")
_ELECTED_INSTITUTIONS = frozenset({"government", "legislature", "local government"})


@lru_cache(maxsize=None)
def _title_words() -> frozenset:
    words = set()
    for t in titles():
        words.update(t.split())
    return frozenset(words | {"former", "then", "acting", "interim", "late", "outgoing", "incoming",
                              "the", "a", "an"})


@lru_cache(maxsize=65536)
def strip_name(name: str) -> str:
    """A name without honorifics, leading titles, determiners or possessive.

    >>> strip_name("Mr. Sánchez's")
    'Sánchez'
    >>> strip_name("Deputy Prime Minister Yolanda Díaz")
    'Yolanda Díaz'
    """
    words = _SPACE_RE.split(name.strip().replace("’", "'"))
    words = [w for w in words if w]
    if not words:
        return ""
    words[-1] = _POSS_RE.sub("", words[-1]) or words[-1]
    hon, tw = honorifics(), _title_words()
    k = 0
    while k < len(words) - 1 and (words[k].lower() in hon or words[k].lower().rstrip(".") in hon
                                  or words[k].lower() in tw or words[k].endswith("'s")):
        k += 1
    return " ".join(words[k:]).strip(" ,.;:")


# Arabic articles glued to a surname: "al-Assad" is also written "Assad" ("Mr. Assad")
_ARTICLE_PREFIX_RE = re.compile(r"^(?:al|el|ul|ad|ar|as|ash|at|az|ad-d)-(?=\w{3})")


def surname_key(word: str) -> str:
    """A folded surname without a glued Arabic article, so that "al-Assad" and
    "Assad" share one key.

    >>> surname_key("al-Assad")
    'assad'
    >>> surname_key("Al-Sisi")
    'sisi'
    """
    return _ARTICLE_PREFIX_RE.sub("", fold(word))


def name_key(name: str) -> str:
    """Folded last word of a (stripped) name: the surname key.

    >>> name_key("Mr. Sánchez's")
    'sanchez'
    >>> name_key("Bashar al-Assad")
    'assad'
    """
    bare = strip_name(name)
    if not bare:
        return ""
    return surname_key(bare.split()[-1].strip(".,;:!?\"'()[]"))


def _has_accent(s: str) -> bool:
    return any(ord(c) > 127 for c in s)


def prefer(forms, counts: dict | None = None) -> str:
    """The canonical form among spellings of one name: most words, then
    accented, then most frequent, then alphabetical (deterministic).

    >>> prefer(["Sanchez", "Pedro Sanchez", "Pedro Sánchez"])
    'Pedro Sánchez'
    """
    counts = counts or {}
    forms = [f for f in forms if f]
    if not forms:
        return ""
    first = forms[0]
    if all(f == first for f in forms):
        return first                     # one spelling (the common case): nothing to rank
    return sorted(set(forms), key=lambda f: (-len(f.split()), not _has_accent(f), -counts.get(f, 0), f))[0]


@lru_cache(maxsize=65536)
def _folded_words(name: str) -> tuple:
    """fold(strip_name(name)).split() as a tuple (the last word as :func:`surname_key`), cached:
    the same names are compared again and again."""
    words = fold(strip_name(name)).split()
    if words:
        words[-1] = surname_key(words[-1])
    return tuple(words)


def compatible(a: str, b: str) -> bool:
    """Can the two names be one person? Same surname key, and the given names
    (when both have them) agree on their first letters.

    >>> compatible("Sánchez", "Pedro Sanchez")
    True
    >>> compatible("Pedro Sánchez", "Carlos Sánchez")
    False
    >>> compatible("Ms. Le Pen", "Marine Le Pen")
    True
    >>> compatible("Mr. Assad", "Bashar al-Assad")
    True
    """
    fa, fb = _folded_words(a), _folded_words(b)
    if not fa or not fb or fa[-1] != fb[-1]:
        return False
    short, long_ = (fa, fb) if len(fa) < len(fb) else (fb, fa)
    if len(short) > 1 and long_[len(long_) - len(short):] == short:
        return True                      # a compound surname alone: "Le Pen", "Wasserman Schultz"
    if len(fa) > 1 and len(fb) > 1:
        ga, gb = fa[0].rstrip("."), fb[0].rstrip(".")
        if not (ga.startswith(gb) or gb.startswith(ga)):
            return False
    return True


@lru_cache(maxsize=65536)
def entity_id(name: str, entity_type: str = "person") -> str:
    """Stable id from a canonical name ("Pedro Sánchez" -> "person:pedro-sanchez")."""
    slug = _SLUG_RE.sub("-", fold(name)).strip("-") or "unnamed"
    prefix = "person" if entity_type == "person" else "org"
    return f"{prefix}:{slug}"


def match_name(mention: str, candidates) -> str | None:
    """The one candidate canonical name that ``mention`` can refer to, or None.

    ``candidates`` is an iterable of canonical names (one article's people).
    Exact folded full-name match wins; else a unique compatible surname match.
    """
    bare = strip_name(mention)
    if not bare:
        return None
    fb = fold(bare)
    cands = list(candidates)
    for c in cands:
        if fold(c) == fb:
            return c
    hits = [c for c in cands if compatible(bare, c)]
    if len(set(hits)) == 1:
        return hits[0]
    return None


def _split_aliases(value) -> list[str]:
    if not isinstance(value, str) or not value:
        return []
    return [a.strip() for a in re.split(r"[|;]", value) if a.strip()]


def canonicalize_speakers(quotes: pd.DataFrame, people: pd.DataFrame) -> pd.DataFrame:
    """Map ``quotes.speaker`` to the people table's canonical names.

    For each quote, the speaker is looked up among the people of the same
    article: exact name, accent-folded name, a compatible surname ("Sánchez"
    for "Pedro Sánchez"), or one of the person's aliases ("the prime
    minister"). A match replaces ``speaker`` by the canonical ``name`` and sets
    ``speaker_entity_id``; otherwise ``speaker`` is kept and
    ``speaker_entity_id`` is "". The original value is kept in
    ``speaker_in_article``.

    Returns a new DataFrame; the input is not changed.
    """
    out = quotes.copy()
    if not len(out) or "speaker" not in out.columns:
        out["speaker_entity_id"] = pd.Series([""] * len(out), index=out.index, dtype="object")
        return out
    by_article: dict = {}
    if people is not None and len(people):
        for r in _people_rows(people):
            by_article.setdefault(r.article_id, []).append(r)
    index: dict = {}                 # article -> _ArticleIndex, built when the article is first quoted
    memo: dict = {}                  # (article, speaker) -> row: speakers are quoted again and again
    names, ids = [], []
    for aid, spk in zip(out["article_id"].tolist(), out["speaker"].tolist()):
        if isinstance(spk, str) and spk:
            key = (aid, spk)
            if key in memo:
                hit = memo[key]
            else:
                idx = index.get(aid)
                if idx is None:
                    idx = index[aid] = _ArticleIndex(by_article.get(aid, []))
                hit = memo[key] = idx.lookup(spk)
        else:
            hit = None
        if hit is None:
            names.append(spk)
            ids.append("")
        else:
            names.append(hit.name)
            ids.append(hit.entity_id)
    if "speaker_in_article" not in out.columns:
        out["speaker_in_article"] = out["speaker"]
    out["speaker"] = names
    out["speaker_entity_id"] = ids
    return out


_Person = namedtuple("_Person", ["article_id", "name", "entity_id", "entity_type", "aliases"])


def _people_rows(people: pd.DataFrame):
    """The people table's rows with the columns speaker matching reads (much
    cheaper than ``itertuples`` over the whole table)."""
    if not {"article_id", "name", "entity_id"} <= set(people.columns):
        return list(people.itertuples(index=False))
    n = len(people)
    cols = [people[c].tolist() if c in people.columns else [default] * n
            for c, default in (("article_id", None), ("name", None), ("entity_id", None),
                               ("entity_type", "person"), ("aliases", ""))]
    return [_Person(*vals) for vals in zip(*cols)]


class _ArticleIndex:
    """One article's people prepared for :func:`_lookup`: the same answers,
    without folding every name and alias again for every quote."""

    def __init__(self, rows):
        self.rows = rows
        self.persons = [r for r in rows if getattr(r, "entity_type", "person") == "person"]
        self.exact: dict = {}        # folded name or alias -> first row (in table order) that has it
        for r in rows:
            for f in [fold(r.name)] + [fold(a) for a in _split_aliases(getattr(r, "aliases", ""))]:
                self.exact.setdefault(f, r)

    def lookup(self, speaker: str):
        """:func:`_lookup` of ``speaker`` among this article's rows."""
        if not self.rows:
            return None
        hit = self.exact.get(fold(speaker.strip()))
        if hit is not None:
            return hit
        bare = strip_name(speaker)
        if bare and bare[:1].isupper():
            hits = [r for r in self.persons if compatible(bare, r.name)]
            if len({r.name for r in hits}) == 1:
                return hits[0]
        return None


def _lookup(speaker: str, rows):
    if not rows:
        return None
    fs = fold(speaker.strip())
    persons = [r for r in rows if getattr(r, "entity_type", "person") == "person"]
    for r in rows:                               # exact (folded) canonical name or alias
        if fold(r.name) == fs or fs in {fold(a) for a in _split_aliases(getattr(r, "aliases", ""))}:
            return r
    bare = strip_name(speaker)
    if bare and bare[:1].isupper():
        hits = [r for r in persons if compatible(bare, r.name)]
        if len({r.name for r in hits}) == 1:
            return hits[0]
    return None
