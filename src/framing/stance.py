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
``outlets.csv``. The README says what each measure means and its limits.

Lexicons, the referent table and the target cues are data files in
``framing/data/stance`` (each with a ``.SOURCE.md``); replacements are passed
in as arguments.

How matching works (and why it is fast): a batch of articles is turned into
one array of code points (typography and accents folded, lower-cased); the
words are the runs of word characters, found with numpy; each word gets the
id of the lexicon word it spells (a sorted-array look-up); multi-word terms
are then found by walking a trie over word ids, all positions at once. No
regular expression runs over the text except the sentence splitter.

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

import itertools
import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Mapping

import numpy as np
import pandas as pd

from .clean import _FOLD, normalize

__all__ = ["score", "distinctive_terms", "outlet_summary", "sentences", "quote_spans",
           "load_lexicon", "load_referents", "load_targets", "compile_terms", "fold", "TermTable",
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

# The columns named in the issue come first, in its order; the others follow.
STANCE_COLUMNS = ["article_id", "outlet", "voice", "measure", "count", "per_1000_words",
                  "n_words", "family", "target", "referent", "variant"]
EVIDENCE_COLUMNS = ["article_id", "voice", "measure", "term", "start", "end",
                    "outlet", "family", "entry", "target", "referent", "variant"]
DISTINCTIVE_COLUMNS = ["term", "delta", "z", "count", "count_other"]

#: Articles matched together, and their most characters (bound the memory of one batch).
CHUNK_ARTICLES = 500
CHUNK_CHARS = 1000000

_WORD = re.compile(r"\w+")
_SEPS = re.compile(r"[\s-]+")


# --------------------------------------------------------------------------- text folding
def _fold_table() -> dict:
    """Code point -> folded character: accents removed (é -> e) and typography
    folded as :func:`framing.clean.normalize` (curly quotes, dashes, odd spaces)."""
    table = {}
    for cp in range(0x80, 0x250):
        base = unicodedata.normalize("NFD", chr(cp))
        if len(base) > 1 and base[0].isascii() and base[0].isalpha():
            table[cp] = base[0]
    for ch, to in _FOLD.items():
        if len(ch) == 1 and len(to) == 1:
            table[ord(ch)] = to
    return table


_FOLD_TABLE = _fold_table()


def fold(text: str) -> str:
    """Typography folded (as :func:`framing.clean.normalize`) and accents
    removed, one character for one, so offsets are unchanged.

    >>> fold("“Sánchez’s” — 17\u00a0Feb")
    '"Sanchez\\'s" - 17 Feb'
    """
    return text.translate(_FOLD_TABLE)


@lru_cache(maxsize=None)
def _code_class(cp: int) -> tuple[int, int, bool, bool]:
    """(folded code, folded lower-case code, is a word character, is a space
    or hyphen) of one code point."""
    ch = chr(cp).translate(_FOLD_TABLE)
    low = ch.lower()
    low = low if len(low) == 1 else ch
    return ord(ch), ord(low), bool(_WORD.match(ch)), ch.isspace() or ch == "-"


def _codes(text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Folded code points, their lower case, and the masks of word characters
    and of separators (spaces, hyphens) of ``text``: arrays of ``len(text)``.

    >>> f, low, w, sep = _codes("Día-X")
    >>> "".join(map(chr, low)), w.tolist(), sep.tolist()
    ('dia-x', [True, True, True, False, True], [False, False, False, True, False])
    """
    raw = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    # ASCII by arithmetic (fast); the few distinct other characters one by one.
    folded = raw.copy()
    folded[(raw == 9) | (raw == 11) | (raw == 12)] = 32     # as clean.normalize
    folded[raw == 96] = 39
    low = folded + np.uint32(32) * ((folded >= 65) & (folded <= 90))
    word = ((low >= 97) & (low <= 122)) | ((low >= 48) & (low <= 57)) | (low == 95)
    sep = (folded == 32) | (folded == 45) | ((folded >= 9) & (folded <= 13)) | ((folded >= 28) & (folded <= 31))
    high = np.flatnonzero(raw >= 128)
    if len(high):
        uniq, inv = np.unique(raw[high], return_inverse=True)
        cls = np.array([_code_class(int(c)) for c in uniq], dtype=np.uint32)[inv]
        folded[high], low[high], word[high], sep[high] = cls[:, 0], cls[:, 1], cls[:, 2], cls[:, 3]
    return folded, low, word, sep


# --------------------------------------------------------------------------- term tables
def _key(s: str) -> str:
    """A term's look-up key: folded, lower case, runs of spaces and hyphens as one space."""
    return _SEPS.sub(" ", fold(s).strip().lower())


def _plurals(term: str) -> list[str]:
    """The term and its regular plural form (for nouns in the referent and target tables)."""
    if not term or not term[-1].isalpha():
        return [term]
    low = term.lower()
    if low.endswith(("s", "x", "z", "ch", "sh")):
        return [term, term + "es"]
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        return [term, term[:-1] + "ies"]
    return [term, term + "s"]


class TermTable:
    """A compiled term table: look-up key -> payload, plus the spellings a
    case-sensitive key must have.

    ``keys`` maps each key (see :func:`_key`) to the payload of the first row
    that gave it; ``exact`` maps the keys of case-sensitive rows to their
    allowed spellings (folded, case kept, separators as one space).
    """

    __slots__ = ("keys", "exact", "_matcher")

    def __init__(self, keys: dict, exact: dict):
        self.keys = keys
        self.exact = exact
        self._matcher = None

    def finditer(self, text: str):
        """Yield ``(start, end, payload)`` for each term in ``text``, left to
        right, the longest term first at each position, without overlaps."""
        if self._matcher is None:
            self._matcher = _Matcher({"t": self})
        folded, low, word, sep = _codes(text)
        tokens = _Tokens(low, word, sep, np.array([0]), np.array([len(text)]))
        hits = self._matcher.match(tokens, folded=folded)["t"]
        for s, e, p in zip(hits.start.tolist(), hits.end.tolist(), hits.payload.tolist()):
            yield s, e, self._matcher.payloads["t"][p]


def compile_terms(rows: Iterable[tuple[str, bool, object]], *, plural: bool = False) -> TermTable:
    """Compile ``(term, case_sensitive, payload)`` rows into a :class:`TermTable`.

    Matching is on whole words, ignores case (except for case-sensitive
    rows, which must match their spelling exactly, e.g. ``may`` but not the
    month ``May``), accents and typography; any run of spaces and hyphens
    matches a space or hyphen of a term; the longest term at a position wins.
    With ``plural=True`` regular plurals of every term match too. The first
    row of a key gives its payload.

    >>> m = compile_terms([("child porn", False, "a"), ("child pornography", False, "b")])
    >>> list(m.finditer("no Child  Pornography here"))
    [(3, 21, 'b')]
    >>> m = compile_terms([("may", True, "hedge")])
    >>> [p for _, _, p in m.finditer("In May it may rain")]
    ['hedge']
    """
    keys: dict = {}
    loose: set = set()
    forms: dict = defaultdict(set)
    for term, case, payload in rows:
        term = str(term).strip()
        for form in (_plurals(term) if plural else [term]):
            key = _key(form)
            if not key:
                continue
            keys.setdefault(key, payload)
            if case:
                forms[key].add(_SEPS.sub(" ", fold(form).strip()))
            else:
                loose.add(key)
    return TermTable(keys, {k: frozenset(v) for k, v in forms.items() if k not in loose})


def _read_table(source, name: str) -> pd.DataFrame:
    """A term table from a DataFrame, a path, a list of terms, or the shipped file ``name``."""
    if isinstance(source, pd.DataFrame):
        return source.copy()
    if source is None:
        with resources.files("framing").joinpath("data", "stance", name).open(encoding="utf-8") as fh:
            return pd.read_csv(fh, dtype=str, keep_default_na=False)
    if isinstance(source, (str, Path)):
        return pd.read_csv(source, dtype=str, keep_default_na=False)
    return pd.DataFrame({"term": [str(t) for t in source]})


def _case_column(frame: pd.DataFrame) -> list[bool]:
    """The ``case`` column as booleans (``sensitive`` marks a case-sensitive row)."""
    if "case" not in frame.columns:
        return [False] * len(frame)
    return [str(v).strip().lower() in {"sensitive", "cs", "true", "1", "yes"} for v in frame["case"]]


def load_lexicon(source=None, *, measure: str = "hedge") -> TermTable:
    """One stance lexicon (columns ``term`` and optional ``case``) compiled;
    the payload of a term is its key.

    ``source`` is a path, a DataFrame, a list of terms, or None for the
    shipped file of ``measure``.

    >>> sorted(load_lexicon(["Tyrant", "war on"]).keys)
    ['tyrant', 'war on']
    """
    if source is None:
        return _default_table("lexicon", measure)
    return _lexicon(_read_table(source, ""))


def _lexicon(frame: pd.DataFrame) -> TermTable:
    terms = frame["term" if "term" in frame.columns else frame.columns[0]].astype(str).tolist()
    return compile_terms((t, c, _key(t)) for t, c in zip(terms, _case_column(frame)))


def load_referents(source=None) -> TermTable:
    """The term-choice table (columns ``referent, variant, term[, case]``)
    compiled; payload ``(referent, variant)``; regular plurals match."""
    if source is None:
        return _default_table("referents", "")
    return _referents(_read_table(source, "referents.csv"))


def _referents(frame: pd.DataFrame) -> TermTable:
    terms = frame["term"] if "term" in frame.columns else frame["variant"]
    return compile_terms(zip(terms, _case_column(frame), zip(frame["referent"], frame["variant"])),
                         plural=True)


def load_targets(source=None) -> TermTable:
    """The target cues (columns ``target, cue[, case]``) compiled; payload the
    target name. Rows with target ``none`` claim a phrase for no side (e.g.
    "child sexual abuse material" is not a sentence about children)."""
    if source is None:
        return _default_table("targets", "")
    return _targets(_read_table(source, "targets.csv"))


def _targets(frame: pd.DataFrame) -> TermTable:
    cues = frame["cue"] if "cue" in frame.columns else frame["term"]
    return compile_terms(zip(cues, _case_column(frame), frame["target"]), plural=True)


@lru_cache(maxsize=None)
def _default_table(kind: str, measure: str) -> TermTable:
    if kind == "lexicon":
        return _lexicon(_read_table(None, DEFAULT_LEXICONS[measure]))
    if kind == "referents":
        return _referents(_read_table(None, "referents.csv"))
    return _targets(_read_table(None, "targets.csv"))


def _lexicons(lexicons) -> dict[str, TermTable]:
    """The marker lexicons to use: the shipped ones, replaced, added to or
    dropped (value False) by ``lexicons``."""
    spec: dict = dict.fromkeys(DEFAULT_LEXICONS)
    spec.update(lexicons or {})
    return {m: load_lexicon(src, measure=m) for m, src in spec.items() if src is not False}


# --------------------------------------------------------------------------- matching
_GAP_SEP, _GAP_APOS, _GAP_BREAK = 0, 1, 2
_KEY_PART = re.compile(r"\w+|[^\w]+")


def _split_key(key: str) -> list[tuple[str, int]]:
    """A key as ``(word, gap kind before it)`` pairs.

    >>> _split_key("public prosecutor's office")
    [('public', 0), ('prosecutor', 0), ('s', 1), ('office', 0)]
    """
    out, gap = [], _GAP_SEP
    for part in _KEY_PART.findall(key):
        if _WORD.fullmatch(part):
            out.append((part, gap))
            gap = _GAP_SEP
        elif part == "'" and out:
            gap = _GAP_APOS
        elif part != " " or not out:
            raise ValueError(f"term {key!r}: words may be joined only by spaces, hyphens or an "
                             "apostrophe, and must start and end with a letter or digit")
    if not out:
        raise ValueError(f"term {key!r} has no word")
    return out


def _advance(mask: np.ndarray, pos: np.ndarray) -> np.ndarray:
    """For each offset, the first offset at or after it where ``mask`` is
    False (``len(mask)`` if none). Runs are short, so step the few that move."""
    pos = pos.copy()
    live = np.flatnonzero(pos < len(mask))
    while len(live):
        live = live[mask[pos[live]]]
        pos[live] += 1
        live = live[pos[live] < len(mask)]
    return pos


class _Tokens:
    """The words of a batch of text inside its kept segments: start/end
    offsets, 64-bit hash (:func:`_hash` of the lower-cased word), and the
    kind of gap before each word (separator, apostrophe, or a break: other
    characters, or another segment), which decides whether a term may run on.
    """

    __slots__ = ("low", "start", "end", "gap", "_hashes")

    def __init__(self, low: np.ndarray, word: np.ndarray, sep: np.ndarray,
                 seg_start: np.ndarray, seg_end: np.ndarray):
        edge = np.diff(word.view(np.int8), prepend=np.int8(0), append=np.int8(0))
        start, end = np.flatnonzero(edge == 1), np.flatnonzero(edge == -1)
        # Only kept segments are read (a word cut by a segment's end is cut there too).
        seg = _count_le(seg_start, start) - 1
        keep = (seg >= 0) & (start < seg_end[np.maximum(seg, 0)]) if len(seg_start) else seg >= 0
        start, seg = start[keep], seg[keep]
        end = np.minimum(end[keep], seg_end[seg]) if len(seg_start) else end[keep]
        self.low, self.start, self.end = low, start, end
        self._hashes = None
        # A gap is a separator when all its characters are spaces or hyphens inside
        # one segment; a single apostrophe is kept apart ("prosecutor's").
        gap = np.full(len(start), _GAP_BREAK, dtype=np.int8)
        if len(start) > 1:
            a, b = end[:-1], start[1:]
            all_sep = _advance(sep, a) >= b
            g = np.where(all_sep, _GAP_SEP, _GAP_BREAK)
            g = np.where((b - a == 1) & (low[a] == 39), _GAP_APOS, g)
            gap[1:] = np.where(seg[:-1] == seg[1:], g, _GAP_BREAK)
        self.gap = gap

    @property
    def hash(self) -> np.ndarray:
        """The words' hashes, computed when first needed (why: only the
        matcher needs them all; sentence cuts alone, as for the distinctive
        terms' documents, hash just the few words before a full stop)."""
        if self._hashes is None:
            self._hashes = _word_hashes(self.low, self.start, self.end)
        return self._hashes


_BUCKET_BITS = 18
_P = 0x100000001B3          # an odd multiplier (the 64-bit FNV prime)
_P_INV = pow(_P, -1, 2 ** 64)


def _hash(word: str) -> int:
    """sum(code[k] * P**k) mod 2**64, as :func:`_word_hashes` computes it."""
    return sum(ord(c) * pow(_P, k, 2 ** 64) for k, c in enumerate(word)) % 2 ** 64


def _word_hashes(codes: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """:func:`_hash` of every ``codes[start:end]``, from one prefix sum (uint64
    arithmetic wraps around, i.e. works mod 2**64).

    >>> c = np.array([ord(x) for x in "ab cd"], dtype=np.uint32)
    >>> _word_hashes(c, np.array([3]), np.array([5])).tolist() == [_hash("cd")]
    True
    """
    powers, inverse = _powers(len(codes))
    prefix = np.concatenate(([np.uint64(0)], np.cumsum(codes * powers, dtype=np.uint64)))
    return (prefix[end] - prefix[start]) * inverse[start]


def _span_hashes(codes: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """:func:`_hash` of each short span ``codes[start:end]``, a character column at a time.

    >>> c = np.array([ord(x) for x in "ab cd"], dtype=np.uint32)
    >>> _span_hashes(c, np.array([3]), np.array([5])).tolist() == [_hash("cd")]
    True
    """
    h = np.zeros(len(start), dtype=np.uint64)
    size = end - start
    power = 1
    for k in range(int(size.max(initial=0))):
        live = np.flatnonzero(size > k)
        h[live] += codes[start[live] + k].astype(np.uint64) * np.uint64(power)
        power = power * _P % 2 ** 64
    return h


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """P**k and P**-k mod 2**64 for k < n.

    Computed per call (a few ms per batch) rather than kept in a module-level
    cache, which grew to the longest batch text seen and stayed there.

    >>> p, q = _powers(3)
    >>> (p * q).tolist()
    [1, 1, 1]
    """
    out = []
    for base in (_P, _P_INV):
        out.append(np.concatenate(([np.uint64(1)], np.cumprod(np.full(max(n - 1, 0), base, dtype=np.uint64))))[:n])
    return out[0], out[1]


class _Hits:
    """Matches of one table: character offsets, token index and payload index."""

    __slots__ = ("start", "end", "token", "payload", "phrase")

    def __init__(self, start, end, token, payload, phrase):
        self.start, self.end, self.token, self.payload, self.phrase = start, end, token, payload, phrase


class _Matcher:
    """Several term tables compiled into one word vocabulary and one trie over words.

    ``match`` finds, for every table, the longest term starting at each word
    (left to right, no overlaps within a table), in a whole batch at once.
    """

    def __init__(self, tables: dict[str, TermTable]):
        self.names = list(tables)
        parts = {key: _split_key(key) for t in tables.values() for key in t.keys}
        words = sorted({w for p in parts.values() for w, _ in p})
        # Word look-up: a direct-address table on the top bits of the hash;
        # buckets holding two words (-2) fall back to a sorted search.
        self.vocab_hash = np.array([_hash(w) for w in words], dtype=np.uint64)
        self.vocab_len = np.array([len(w) for w in words], dtype=np.int64)
        self.bucket = np.full(1 << _BUCKET_BITS, -1, dtype=np.int64)
        for i, b in enumerate((self.vocab_hash >> np.uint64(64 - _BUCKET_BITS)).tolist()):
            self.bucket[b] = i if self.bucket[b] == -1 else -2
        self.sorted_hash_order = np.argsort(self.vocab_hash, kind="stable")
        self.sorted_hash = self.vocab_hash[self.sorted_hash_order]
        wid = {w: i for i, w in enumerate(words)}
        # A trie over symbols (word id * 2 + apostrophe gap); node 0 is the root.
        children: list[dict] = [{}]
        phrase_of_node: dict = {}
        self.phrases: list[str] = []
        for key, p in parts.items():
            node = 0
            for w, gap in p:
                sym = wid[w] * 2 + gap
                if sym not in children[node]:
                    children[node][sym] = len(children)
                    children.append({})
                node = children[node][sym]
            if node not in phrase_of_node:
                phrase_of_node[node] = len(self.phrases)
                self.phrases.append(key)
        self.n_sym = 2 * len(words) + 2
        edges = sorted((node * self.n_sym + sym, child) for node, ch in enumerate(children)
                       for sym, child in ch.items())
        self.edge_code = np.array([e for e, _ in edges] or [-1], dtype=np.int64)
        self.edge_child = np.array([c for _, c in edges] or [0], dtype=np.int64)
        self.node_phrase = np.full(len(children), -1, dtype=np.int64)
        for node, ph in phrase_of_node.items():
            self.node_phrase[node] = ph
        self.depth = max((len(p) for p in parts.values()), default=0)
        # Per table: phrase -> payload index (-1: not in the table), the payloads,
        # and which phrases must be checked for case.
        phrase_index = {k: i for i, k in enumerate(self.phrases)}
        self.payloads: dict[str, list] = {}
        self.payload_matrix = np.full((len(self.phrases) + 1, len(tables)), -1, dtype=np.int64)
        self.table_exact: dict[str, dict] = {}
        self.exact_keys: dict[str, np.ndarray] = {}
        for col, (name, t) in enumerate(tables.items()):
            for i, key in enumerate(t.keys):
                self.payload_matrix[phrase_index[key], col] = i
            self.payloads[name] = list(t.keys.values())
            self.table_exact[name] = {phrase_index[k]: v for k, v in t.exact.items()}
            # (hash of a one-word spelling) xor (phrase number * P), as _spelled_right computes it.
            self.exact_keys[name] = np.array(sorted(_hash(s) ^ (phrase_index[k] * _P % 2 ** 64)
                                                    for k, v in t.exact.items() for s in v if " " not in s),
                                             dtype=np.uint64)

    def word_ids(self, tokens: _Tokens) -> np.ndarray:
        """Vocabulary id of every word (-1 when it is no lexicon word).

        Words are compared by length and a 64-bit polynomial hash of their
        code points, computed for all words at once from prefix sums; a false
        match would need two words of the same length with the same hash.
        """
        ids = np.full(len(tokens.start), -1, dtype=np.int64)
        if not len(ids):
            return ids
        if not len(self.vocab_hash):
            return ids
        h = tokens.hash
        at = self.bucket[(h >> np.uint64(64 - _BUCKET_BITS)).astype(np.int64)]
        shared = np.flatnonzero(at == -2)
        if len(shared):
            k = np.minimum(np.searchsorted(self.sorted_hash, h[shared]), len(self.sorted_hash) - 1)
            at[shared] = self.sorted_hash_order[k]
        ok = at >= 0
        at = np.maximum(at, 0)
        found = ok & (self.vocab_hash[at] == h) & (self.vocab_len[at] == tokens.end - tokens.start)
        ids[found] = at[found]
        return ids

    def match(self, tokens: _Tokens, *, folded: np.ndarray) -> dict[str, _Hits]:
        """Every table's matches in the batch (see the class docstring).
        ``folded`` (code points folded, case kept) serves the case-sensitive terms."""
        ids = self.word_ids(tokens)
        n_tok = len(ids)
        found_pos, found_len, found_phrase = [], [], []
        pos = np.flatnonzero(ids >= 0)
        node = np.zeros(len(pos), dtype=np.int64)
        for n in range(1, self.depth + 1):
            j = pos + (n - 1)
            if n > 1:
                ok = j < n_tok
                pos, node, j = pos[ok], node[ok], j[ok]
                ok = (tokens.gap[j] != _GAP_BREAK) & (ids[j] >= 0)
                pos, node, j = pos[ok], node[ok], j[ok]
            code = node * self.n_sym + ids[j] * 2 + (tokens.gap[j] == _GAP_APOS if n > 1 else 0)
            at = np.minimum(np.searchsorted(self.edge_code, code), len(self.edge_code) - 1)
            ok = self.edge_code[at] == code
            pos, node = pos[ok], self.edge_child[at[ok]]
            phrase = self.node_phrase[node]
            end = phrase >= 0
            found_pos.append(pos[end])
            found_len.append(np.full(int(end.sum()), n, dtype=np.int64))
            found_phrase.append(phrase[end])
            if not len(pos):
                break
        cat = (lambda xs: np.concatenate(xs) if xs else np.zeros(0, dtype=np.int64))
        # By word, and at one word from the shortest term to the longest.
        order = np.argsort(cat(found_pos), kind="stable")
        all_pos, all_len, all_phrase = cat(found_pos)[order], cat(found_len)[order], cat(found_phrase)[order]
        payloads = self.payload_matrix[all_phrase]
        return {name: self._table_hits(name, tokens, all_pos, all_len, all_phrase, payloads[:, i], folded)
                for i, name in enumerate(self.names)}

    def _table_hits(self, name, tokens, pos, length, phrase, payload, folded) -> _Hits:
        keep = payload >= 0
        pos, length, phrase, payload = pos[keep], length[keep], phrase[keep], payload[keep]
        # The longest term at each word (the last one there)...
        last = np.concatenate((pos[1:] != pos[:-1], [True])) if len(pos) else np.zeros(0, bool)
        pos, length, phrase, payload = pos[last], length[last], phrase[last], payload[last]
        # ...and, left to right, none starting inside an earlier match.
        multi = length > 1
        if multi.any():
            mp, ml = pos[multi], length[multi]
            reach = np.maximum.accumulate(mp + ml)
            if (mp[1:] < reach[:-1]).any():      # multi-word matches overlap: resolve in order
                kept, last = [], -1
                for i, (p, ln) in enumerate(zip(mp.tolist(), ml.tolist())):
                    if p >= last:
                        kept.append(i)
                        last = p + ln
                mp, ml = mp[kept], ml[kept]
            keep = ~_inside(pos, mp + 1, mp + ml)
            pos, length, phrase, payload = pos[keep], length[keep], phrase[keep], payload[keep]
        start, end = tokens.start[pos], tokens.end[pos + length - 1]
        if self.table_exact[name]:
            keep = self._spelled_right(name, phrase, start, end, length, folded)
            start, end, pos, payload, phrase = start[keep], end[keep], pos[keep], payload[keep], phrase[keep]
        return _Hits(start, end, pos, payload, phrase)

    def _spelled_right(self, name, phrase, start, end, length, folded) -> np.ndarray:
        """Whether case-sensitive terms are spelled as listed (by hash for
        one-word terms, one by one for longer ones)."""
        exact = self.table_exact[name]
        keep = np.ones(len(phrase), dtype=bool)
        check = np.flatnonzero(np.isin(phrase, np.array(list(exact), dtype=np.int64)))
        one = check[length[check] == 1]
        spelled = _span_hashes(folded, start[one], end[one]) ^ (phrase[one].astype(np.uint64) * np.uint64(_P))
        keep[one] = np.isin(spelled, self.exact_keys[name])
        for i in check[length[check] > 1].tolist():
            text = "".join(map(chr, folded[start[i]:end[i]].tolist()))
            keep[i] = _SEPS.sub(" ", text) in exact[int(phrase[i])]
        return keep
# --------------------------------------------------------------------------- sentences & quotes
_ABBREV = frozenset("""mr mrs ms dr prof st gen gov sen rep jr sr inc ltd co corp vs no nos approx
est dept fig jan feb mar apr jun jul aug sep sept oct nov dec mt ft lt col capt sgt rev hon
pres supt cmdr adm maj messrs etc al cf""".split())
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_ABBREV_HASH = np.array([_hash(a) for a in sorted(_ABBREV)], dtype=np.uint64)
_NUMERIC_ABBREV_HASH = np.array([_hash(a) for a in ("no", "nos", "fig")], dtype=np.uint64)


def _in_class(codes: np.ndarray, chars: str) -> np.ndarray:
    return np.isin(codes, np.array([ord(c) for c in chars], dtype=codes.dtype))


def _sentence_cuts(folded: np.ndarray, tokens: _Tokens) -> np.ndarray:
    """Offsets where a sentence ends (see :func:`sentences`), for a whole
    text at once: the stop runs are found and checked with array operations.

    The rule, as a regular expression on the folded text: a run of ``.!?``
    and any closing ``'")]`` (the cut comes after them), followed by spaces,
    an optional opening ``'"([`` and a capital or digit; or, with no space
    ("platforms.The"), after two lower-case letters and before an optional
    quote and a capitalised word. A full stop does not end a sentence after a
    known abbreviation ("Mr."), a single capital (an initial) or dotted
    initials ("U.S."). ``tokens`` (the words) serve the abbreviation check.
    """
    n = len(folded)
    pad = np.concatenate((folded, np.zeros(2, dtype=folded.dtype)))     # look-ahead past the end
    stop = (folded == 46) | (folded == 33) | (folded == 63)
    p = np.flatnonzero(stop[1:] & ~stop[:-1]) + 1
    p = np.concatenate(([0], p)) if n and stop[0] else p
    q = _advance(_in_class(folded, "'\")]"), _advance(stop, p))
    upper = (pad >= 65) & (pad <= 90)
    lower = (pad >= 97) & (pad <= 122)
    digit = (pad >= 48) & (pad <= 57)
    space = ((pad >= 9) & (pad <= 13)) | ((pad >= 28) & (pad <= 32))
    k = _advance(space[:n], q)
    k = np.where(_in_class(pad[k], "'\"([") & (k < n), k + 1, k)
    spaced = space[q] & (q < n) & (upper[k] | digit[k])
    m = np.where(_in_class(pad[q], "'\"") & (q < n), q + 1, q)
    glued = ~space[q] & (q < n) & upper[m] & lower[m + 1] & (p >= 2) \
        & lower[np.maximum(p - 1, 0)] & lower[np.maximum(p - 2, 0)]
    ok = spaced | glued
    # A full stop right after a word: is the word an abbreviation or an initial?
    dot = np.flatnonzero(ok & (folded[p] == 46))
    w = np.searchsorted(tokens.end, p[dot]) if len(tokens.end) else np.zeros(0, np.int64)
    w = np.minimum(w, max(len(tokens.end) - 1, 0))
    after_word = (tokens.end[w] == p[dot]) if len(tokens.end) else np.zeros(len(dot), bool)
    dot, w = dot[after_word], w[after_word]
    w0, length = tokens.start[w], tokens.end[w] - tokens.start[w]
    # The same hashes as tokens.hash[w], of these few words only.
    hashes = _span_hashes(tokens.low, w0, tokens.end[w])
    skip = np.isin(hashes, _ABBREV_HASH) | ((length == 1) & upper[w0])
    # "No." and "Fig." abbreviate only before a number ("said no. Then" ends a sentence).
    numeric = np.isin(hashes, _NUMERIC_ABBREV_HASH)
    skip &= ~numeric | digit[_advance(space[:n], q[dot])]
    # Dotted initials ("U.S."): the word is preceded by a dot; checked one by one (rare).
    for i in np.flatnonzero(~skip & (w0 >= 2) & (pad[np.maximum(w0 - 1, 0)] == 46)).tolist():
        j = w0[i]
        while j > 0 and (pad[j - 1] == 46 or (chr(pad[j - 1]).isalnum())):
            j -= 1
        skip[i] = bool(_INITIALS.fullmatch("".join(map(chr, folded[j:p[dot[i]]].tolist()))))
    ok[dot[skip]] = False
    return q[ok]


def _cuts(text: str, start: int, end: int) -> list[int]:
    """Offsets where a sentence ends in ``text[start:end]`` (see :func:`sentences`)."""
    folded, low, word, sep = _codes(text[start:end])
    tokens = _Tokens(low, word, sep, np.array([0]), np.array([len(folded)]))
    return (_sentence_cuts(folded, tokens) + start).tolist()


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentences, as ``(start, end)`` offsets.

    A sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or
    brackets) before a capital or a digit, not after a known abbreviation
    ("Mr.", "U.S.") or an initial; a missing space after the full stop
    ("platforms.The move") still ends it. Curly quotes count as quotes.

    >>> t = 'Mr. Sanchez spoke. "It must end," he said.The U.S. firm said no.'
    >>> [t[s:e] for s, e in sentences(t)]
    ['Mr. Sanchez spoke.', '"It must end," he said.', 'The U.S. firm said no.']
    >>> t = 'Is it?  “Yes.” (No!) J. Doe met Dr. Who at 5 p.m. in the U.K. 3 left.'
    >>> [t[s:e] for s, e in sentences(t)]
    ['Is it?', '“Yes.”', '(No!)', 'J. Doe met Dr. Who at 5 p.m. in the U.K. 3 left.']
    """
    end = len(text) if end is None else end
    bounds, s = [], start
    for cut in _cuts(text, start, end) + [end]:
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


def _usable(articles: pd.DataFrame) -> pd.DataFrame:
    if "status" in articles.columns:
        return articles[articles["status"].isin(["ok", "warning"])]
    return articles


def _outlets(articles: pd.DataFrame):
    return articles["outlet"] if "outlet" in articles.columns else articles["article_id"]


# --------------------------------------------------------------------------- scoring
_REF, _TGT = "\x00referents", "\x00targets"


@lru_cache(maxsize=None)
def _default_matcher() -> _Matcher:
    return _Matcher({**_lexicons(None), _REF: load_referents(), _TGT: load_targets()})


def _count_le(bounds: np.ndarray, pos: np.ndarray) -> np.ndarray:
    """How many of the sorted ``bounds`` are <= each of the sorted offsets
    ``pos`` (searching the shorter array in the longer one).

    >>> _count_le(np.array([0, 5, 9]), np.array([0, 4, 5, 10])).tolist()
    [1, 1, 2, 3]
    """
    if len(pos) <= len(bounds):
        return np.searchsorted(bounds, pos, side="right")
    edges = np.searchsorted(pos, bounds, side="left")
    return np.cumsum(np.bincount(edges, minlength=len(pos) + 1))[:len(pos)]


def _inside(pos: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Whether each of the sorted offsets lies in one of the sorted, disjoint spans."""
    return _count_le(starts, pos) > _count_le(ends, pos)


def _merge_spans(start: np.ndarray, end: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Overlapping or touching spans merged; sorted.

    >>> [x.tolist() for x in _merge_spans(np.array([5, 0, 2, 9]), np.array([7, 3, 5, 10]))]
    [[0, 9], [7, 10]]
    """
    keep = end > start
    start, end = start[keep], end[keep]
    order = np.lexsort((end, start))
    start, end = start[order], end[order]
    if not len(start):
        return start, end
    reach = np.maximum.accumulate(end)
    first = np.flatnonzero(np.concatenate(([True], start[1:] > reach[:-1])))
    return start[first], np.maximum.reduceat(end, first)


class _Batch:
    """A batch of articles as one text: offsets are into ``text``, the
    articles joined by a newline; ``base[a]`` is where article ``a`` starts.

    ``segs`` and ``quoted`` are ``(article, start, end)`` arrays in article
    offsets: the kept segments and the quoted-voice spans.
    """

    def __init__(self, texts: list[str], segs: tuple, quoted: tuple):
        lengths = np.array([len(t) + 1 for t in texts], dtype=np.int64)
        self.base = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        self.text = "\n".join(texts)
        a, s, e = segs
        order = np.argsort(self.base[a] + s, kind="stable")
        self.seg_start, self.seg_end = (self.base[a] + s)[order], (self.base[a] + e)[order]
        a, s, e = quoted
        limit = self.base[a] + lengths[a] - 1
        self.q_start, self.q_end = _merge_spans(np.minimum(self.base[a] + s, limit),
                                                np.minimum(self.base[a] + e, limit))
        folded, low, word, sep = _codes(self.text)
        self.raw = np.frombuffer(self.text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        self.high = np.flatnonzero(self.raw >= 128)
        self.folded_codes = folded
        self.tokens = _Tokens(low, word, sep, self.seg_start, self.seg_end)
        cuts = _sentence_cuts(folded, self.tokens)
        self.sent_start = np.unique(np.concatenate((self.seg_start, cuts)))
        self.sent_article = self.article_of(self.sent_start)

    def normalized(self) -> str:
        """The text with typography folded as :func:`framing.clean.normalize` (accents kept)."""
        raw = np.frombuffer(self.text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).copy()
        high = np.flatnonzero(raw >= 128)
        fixes = (raw == 9) | (raw == 11) | (raw == 12)
        raw[raw == 96] = 39
        raw[fixes] = 32
        if len(high):
            uniq, inv = np.unique(raw[high], return_inverse=True)
            raw[high] = np.array([ord(normalize(chr(c))) for c in uniq.tolist()], dtype=np.uint32)[inv]
        return raw.tobytes().decode("utf-32-le", "surrogatepass")

    def slices(self, start: np.ndarray, end: np.ndarray):
        """``text[start:end]`` for each span: an Arrow string array cut from
        the UTF-8 bytes (no Python string per span) when pandas' strings are
        Arrow-backed, else a list."""
        try:
            data = np.frombuffer(self.text.encode("utf-8"), dtype=np.uint8)
        except UnicodeEncodeError:      # lone surrogates: no UTF-8
            data = None
        if data is None or not _arrow_strings():
            return [self.text[s:e] for s, e in zip(start.tolist(), end.tolist())]
        import pyarrow as pa
        # Character -> byte offset: the character offset plus the extra bytes
        # of the (few) non-ASCII characters before it.
        high = self.high
        extra = np.concatenate(([0], np.cumsum((self.raw[high] >= 0x80).astype(np.int64)
                                              + (self.raw[high] >= 0x800) + (self.raw[high] >= 0x10000))))
        first = start + extra[np.searchsorted(high, start)]
        size = end + extra[np.searchsorted(high, end)] - first
        out = np.concatenate(([0], np.cumsum(size))).astype(np.int64)
        picked = data[np.repeat(first - out[:-1], size) + np.arange(out[-1])]
        return pa.LargeStringArray.from_buffers(len(size), pa.py_buffer(out), pa.py_buffer(picked))

    # The three look-ups below take sorted offsets.
    def article_of(self, pos: np.ndarray) -> np.ndarray:
        return _count_le(self.base, pos) - 1

    def sentence_of(self, pos: np.ndarray) -> np.ndarray:
        return _count_le(self.sent_start, pos) - 1

    def voice_of(self, pos: np.ndarray) -> np.ndarray:
        """0 (author) or 1 (quoted) for each offset."""
        return _inside(pos, self.q_start, self.q_end).astype(np.int64)


class _Measures:
    """The measures of a run, numbered: name, family, target, referent,
    variant of each, and the order of the rows of one article and voice
    (markers, then each side with its markers, then terms by name)."""

    def __init__(self, markers: list[str], sides: list[str], terms: list[tuple[str, str]]):
        rows = [(m, "marker", "", "", "") for m in markers]
        for t in sides:
            rows.append((f"target_{t}", "target", t, "", ""))
            rows.extend((f"{m}_on_{t}", "marker_on_target", t, "", "") for m in markers)
        self.term0 = len(rows)
        rows.extend((f"term:{r}:{v}", "term", "", r, v) for r, v in terms)
        rows.append(("target_cue", "target_cue", "", "", ""))
        self.cue = len(rows) - 1
        self.rows = rows
        self.n_markers, self.n_sides = len(markers), len(sides)
        names = [r[0] for r in rows]
        rank = np.arange(len(rows))
        term_names = names[self.term0:self.cue]
        rank[self.term0:self.cue] = self.term0 + np.argsort(np.argsort(term_names, kind="stable"), kind="stable")
        self.row_rank = rank                        # stance row order within (article, voice)
        self.name_rank = np.argsort(np.argsort(names, kind="stable"), kind="stable")   # evidence tie order

    def target(self, t: int) -> int:
        return self.n_markers + t * (self.n_markers + 1)

    def on_target(self, m: int, t: int) -> int:
        return self.target(t) + 1 + m

    def column(self, i: int) -> list[str]:
        return [r[i] for r in self.rows]


def _score_batch(batch: _Batch, matcher: _Matcher, measures: _Measures, cue_side: np.ndarray,
                 term_measure: np.ndarray, markers: list[str]) -> tuple[dict, dict]:
    """Stance rows and evidence rows of one batch, as integer-coded arrays
    (article index in the batch, voice, measure number, ...). ``cue_side``
    and ``term_measure`` map the payloads of target cues and of terms to a
    side (-1: none) and to a measure number."""
    n_art, n_sent, n_side = len(batch.base), len(batch.sent_start), measures.n_sides
    hits = matcher.match(batch.tokens, folded=batch.folded_codes)
    tok = batch.tokens
    t_voice = batch.voice_of(tok.start)
    words = np.bincount(batch.article_of(tok.start) * 2 + t_voice, minlength=2 * n_art)
    sent_words = np.bincount(batch.sentence_of(tok.start) * 2 + t_voice,
                             minlength=2 * n_sent).reshape(n_sent, 2)

    # Which sides each sentence is about: a target cue in it (cues of "none" claim no side).
    th = hits[_TGT]
    side = cue_side[th.payload]
    cue = side >= 0
    about = np.zeros((n_sent, n_side + 1), dtype=bool)
    about[batch.sentence_of(th.start[cue]), side[cue]] = True
    about = about[:, :n_side]
    about_mask = about.astype(np.int64) @ (1 << np.arange(n_side, dtype=np.int64))

    rows = {k: [] for k in ("a", "v", "measure", "count", "n_words")}
    ev = {k: [] for k in ("a", "v", "measure", "start", "end", "phrase", "mask")}

    def add_rows(measure, count, n_words, keep=None):
        av = np.arange(2 * n_art)
        if keep is not None:
            av, count, n_words = av[keep], count[keep], n_words[keep]
        for k, val in (("a", av // 2), ("v", av % 2), ("measure", np.broadcast_to(measure, av.shape)),
                       ("count", count), ("n_words", n_words)):
            rows[k].append(np.asarray(val, dtype=np.int64))

    def add_evidence(h: _Hits, measure, mask):
        for k, val in (("a", batch.article_of(h.start)), ("v", batch.voice_of(h.start)),
                       ("measure", np.broadcast_to(measure, h.start.shape)), ("start", h.start),
                       ("end", h.end), ("phrase", h.phrase), ("mask", mask)):
            ev[k].append(np.asarray(val, dtype=np.int64))

    add_evidence(_Hits(th.start[cue], th.end[cue], th.token[cue], th.payload[cue], th.phrase[cue]),
                 measures.cue, 1 << side[cue])
    on_target = np.zeros((len(markers), 2 * n_art, n_side))
    for mi, name in enumerate(markers):
        h = hits[name]
        av = batch.article_of(h.start) * 2 + batch.voice_of(h.start)
        s = batch.sentence_of(h.start)
        add_rows(mi, np.bincount(av, minlength=2 * n_art), words)
        for t in range(n_side):
            on_target[mi, :, t] = np.bincount(av, weights=about[s, t], minlength=2 * n_art)
        add_evidence(h, mi, about_mask[s])

    for t in range(n_side):
        sentences_about = np.zeros(2 * n_art, dtype=np.int64)
        side_words = np.zeros(2 * n_art, dtype=np.int64)
        for v in range(2):
            has = about[:, t] & (sent_words[:, v] > 0)
            sentences_about[v::2] = np.bincount(batch.sent_article[has], minlength=n_art)
            side_words[v::2] = np.bincount(batch.sent_article, weights=sent_words[:, v] * about[:, t],
                                           minlength=n_art)
        add_rows(measures.target(t), sentences_about, words)
        # Markers in sentences about the side, per 1,000 of the voice's words there.
        for mi in range(len(markers)):
            add_rows(measures.on_target(mi, t), on_target[mi, :, t], side_words, keep=side_words > 0)

    rh = hits[_REF]
    measure = term_measure[rh.payload]
    add_evidence(rh, measure, about_mask[batch.sentence_of(rh.start)])
    if len(rh.start):
        av = batch.article_of(rh.start) * 2 + batch.voice_of(rh.start)
        used, count = np.unique(av * (len(measures.rows) + 1) + measure, return_counts=True)
        av, measure = used // (len(measures.rows) + 1), used % (len(measures.rows) + 1)
        for k, val in (("a", av // 2), ("v", av % 2), ("measure", measure), ("count", count),
                       ("n_words", words[av])):
            rows[k].append(np.asarray(val, dtype=np.int64))
    return ({k: np.concatenate(v) for k, v in rows.items()},
            {k: np.concatenate(v) for k, v in ev.items()})


_STR = pd.Series([""]).dtype


def _strings(codes: np.ndarray, names: list[str]):
    """``names[codes]`` as a column of pandas' default string type (built
    from a dictionary array, without a Python string per row, when that type
    is Arrow-backed)."""
    if _arrow_strings():
        import pyarrow as pa
        arr = pa.DictionaryArray.from_arrays(pa.array(codes, pa.int32()),
                                             pa.array(names, pa.large_string())).cast(pa.large_string())
        return pd.arrays.ArrowStringArray(arr, dtype=_STR)
    return np.array(names, dtype=object)[codes] if len(names) else np.zeros(len(codes), dtype=object)


def _arrow_strings() -> bool:
    return isinstance(_STR, pd.StringDtype) and _STR.storage == "pyarrow"


def _text_column(parts: list, order: np.ndarray):
    """Concatenated :meth:`_Batch.slices` results, rows put in ``order``, as
    a column of pandas' default string type."""
    if parts and all(not isinstance(p, list) for p in parts):
        import pyarrow as pa
        return pd.arrays.ArrowStringArray(pa.chunked_array(parts, pa.large_string()).take(order), dtype=_STR)
    values = [s for p in parts for s in (p if isinstance(p, list) else p.to_pylist())]
    return np.array(values, dtype=object)[order] if values else np.zeros(0, dtype=object)


def _article_spans(frame: pd.DataFrame, index: pd.Index, kinds=None) -> tuple:
    """``(article number, start, end)`` arrays of the rows of ``frame`` whose
    article is in ``index`` (and whose ``kind`` is in ``kinds``)."""
    if frame is None or not len(frame) or "start" not in frame.columns:
        return tuple(np.zeros(0, dtype=np.int64) for _ in range(3))
    f = frame
    if kinds is not None and "kind" in f.columns:
        f = f[f["kind"].astype(str).isin(kinds).to_numpy()]
    if "kept" in f.columns:
        kept = f["kept"]
        if kept.dtype != bool:
            kept = kept.astype(str).str.strip().str.lower().isin(["true", "1", "yes"])
        f = f[kept.to_numpy(dtype=bool)]
    a = index.get_indexer(f["article_id"])
    s = pd.to_numeric(f["start"], errors="coerce").to_numpy(dtype=float)
    e = pd.to_numeric(f["end"], errors="coerce").to_numpy(dtype=float)
    ok = (a >= 0) & ~np.isnan(s) & ~np.isnan(e)
    return a[ok].astype(np.int64), s[ok].astype(np.int64), e[ok].astype(np.int64)


def _marked_quotes(texts, segs: tuple) -> tuple:
    """``(article, start, end)`` of the spans inside quotation marks
    (:func:`quote_spans`) of each text, given its kept segments."""
    a, s, e = segs
    order = np.lexsort((s, a))
    a, s, e = a[order], s[order], e[order]
    bounds = np.searchsorted(a, np.arange(len(texts) + 1))
    spans = [(k, qs, qe) for k, text in enumerate(texts)
             for qs, qe in quote_spans(text, list(zip(s[bounds[k]:bounds[k + 1]].tolist(),
                                                       e[bounds[k]:bounds[k + 1]].tolist())))]
    return tuple(np.array([x[j] for x in spans], dtype=np.int64) for j in range(3))


def _chunks(items: np.ndarray, sizes: np.ndarray) -> list[np.ndarray]:
    """Consecutive runs of ``items`` of at most :data:`CHUNK_ARTICLES` items
    and (unless one item is larger) :data:`CHUNK_CHARS` total size.

    >>> [c.tolist() for c in _chunks(np.arange(5), np.array([1, 4_000_000, 5, 6, 7]))]
    [[0], [1], [2, 3, 4]]
    """
    out, start, total = [], 0, 0
    for i, size in enumerate(sizes.tolist()):
        if i > start and (i - start >= CHUNK_ARTICLES or total + size > CHUNK_CHARS):
            out.append(items[start:i])
            start, total = i, 0
        total += size
    if start < len(items):
        out.append(items[start:])
    return out


def _batches(articles: pd.DataFrame, segments: pd.DataFrame, quotes: pd.DataFrame | None):
    """Yield ``(article numbers, _Batch, article ids, outlets)`` for chunks of
    :data:`CHUNK_ARTICLES` usable articles that have kept segments; article
    numbers index the ids and outlets of all usable articles."""
    usable = _usable(articles).drop_duplicates("article_id")
    index = pd.Index(usable["article_id"])
    seg_a, seg_s, seg_e = _article_spans(segments, index)
    has_text = usable["text"].map(lambda t: isinstance(t, str) and len(t) > 0).to_numpy(dtype=bool)
    todo = np.flatnonzero(has_text & np.isin(np.arange(len(usable)), seg_a))
    texts, ids = usable["text"].to_numpy(dtype=object), index.to_numpy(dtype=object)
    outlets = _outlets(usable).astype(str).to_numpy(dtype=object)
    table_quotes = quotes is not None and len(quotes.columns) > 0
    q_a, q_s, q_e = _article_spans(quotes, index, QUOTED_KINDS) if table_quotes else (None,) * 3
    for chunk in _chunks(todo, np.array([len(texts[i]) + 1 for i in todo], dtype=np.int64)):
        local = np.full(len(usable), -1, dtype=np.int64)
        local[chunk] = np.arange(len(chunk))
        sel = local[seg_a] >= 0
        segs = (local[seg_a[sel]], seg_s[sel], seg_e[sel])
        if table_quotes:
            sel = local[q_a] >= 0
            quoted = (local[q_a[sel]], q_s[sel], q_e[sel])
        else:   # quotation marks, article by article
            quoted = _marked_quotes(texts[chunk], segs)
        yield chunk, _Batch(list(texts[chunk]), segs, quoted), ids, outlets


def score(articles: pd.DataFrame, segments: pd.DataFrame, quotes: pd.DataFrame | None = None, *,
          lexicons: Mapping | None = None, referents=None, targets=None
          ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Stance markers, targets and term choice per article and voice.

    Parameters
    ----------
    articles : DataFrame
        ``article_id``, ``outlet`` (else the article_id is the outlet),
        ``text``; rows with ``status`` other than ok/warning are skipped, and
        so are articles without kept segments.
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
        voice's words in those sentences; rows only where there are such
        words) or ``term`` (``term:<referent>:<variant>``, rows only where used).
        ``per_1000_words = 1000 * count / n_words`` (NaN when no words).
    stance_evidence : DataFrame, :data:`EVIDENCE_COLUMNS`
        One row per matched word or phrase (target cues too, as family
        ``target_cue``); ``term == text[start:end]``; ``target`` lists the
        sentence's sides joined by ``;``; ``entry`` is the matched lexicon key.
    """
    tables = _lexicons(lexicons)
    markers = list(tables)
    if lexicons is None and referents is None and targets is None:
        matcher = _default_matcher()
    else:
        matcher = _Matcher({**tables, _REF: load_referents(referents), _TGT: load_targets(targets)})
    sides = list(TARGETS) if targets is None else \
        sorted({str(p) for p in matcher.payloads[_TGT] if p and p != "none"})
    side_index = {name: i for i, name in enumerate(sides)}
    cue_side = np.array([side_index.get(p, -1) for p in matcher.payloads[_TGT]] + [-1], dtype=np.int64)
    pairs = [(str(r), str(v)) for r, v in matcher.payloads[_REF]]
    variants = list(dict.fromkeys(pairs))
    measures = _Measures(markers, sides, variants)
    # Several terms can spell one variant: payload -> measure number.
    term_measure = measures.term0 + np.array([variants.index(p) for p in pairs] + [0], dtype=np.int64)

    rows, ev, term_text = [], [], []
    ids, outlets = None, None
    for chunk, batch, ids, outlets in _batches(articles, segments, quotes):
        r, e = _score_batch(batch, matcher, measures, cue_side, term_measure, markers)
        r["a"] = chunk[r["a"]]
        term_text.append(batch.slices(e["start"], e["end"]))
        e["start"], e["end"] = e["start"] - batch.base[e["a"]], e["end"] - batch.base[e["a"]]
        e["a"] = chunk[e["a"]]
        rows.append(r)
        ev.append(e)
    if ids is None:
        ids = outlets = np.zeros(0, dtype=object)
    join = (lambda parts, k: np.concatenate([p[k] for p in parts]) if parts else np.zeros(0, dtype=np.int64))
    return _stance_frame({k: join(rows, k) for k in ("a", "v", "measure", "count", "n_words")},
                         ids, outlets, measures), \
        _evidence_frame({k: join(ev, k) for k in ("a", "v", "measure", "start", "end", "phrase", "mask")},
                        term_text, ids, outlets, measures, matcher.phrases, sides)


def _stance_frame(r: dict, ids, outlets, measures: _Measures) -> pd.DataFrame:
    """The stance table from coded rows, in reading order (article, voice, measure order)."""
    order = np.lexsort((measures.row_rank[r["measure"]], r["v"], r["a"]))
    r = {k: v[order] for k, v in r.items()}
    out = pd.DataFrame({
        "article_id": _strings(r["a"], [str(x) for x in ids]),
        "outlet": _strings(r["a"], list(outlets)),
        "voice": _strings(r["v"], list(VOICES)),
        **{c: _strings(r["measure"], measures.column(i))
           for i, c in enumerate(("measure", "family", "target", "referent", "variant"))},
        "count": r["count"], "n_words": r["n_words"],
    })
    with np.errstate(divide="ignore", invalid="ignore"):
        out["per_1000_words"] = np.where(r["n_words"] > 0, 1000.0 * r["count"] / np.maximum(r["n_words"], 1),
                                         np.nan)
    return out[STANCE_COLUMNS]


def _evidence_frame(e: dict, term_text: list, ids, outlets, measures: _Measures, phrases: list,
                    sides: list) -> pd.DataFrame:
    """The evidence table from coded rows, sorted by article, start, end, measure."""
    order = np.lexsort((measures.name_rank[e["measure"]], e["end"], e["start"], e["a"]))
    e = {k: v[order] for k, v in e.items()}
    masks, mask_codes = np.unique(e["mask"], return_inverse=True)
    labels = [";".join(sorted(s for i, s in enumerate(sides) if m >> i & 1)) for m in masks.tolist()]
    out = pd.DataFrame({
        "article_id": _strings(e["a"], [str(x) for x in ids]),
        "outlet": _strings(e["a"], list(outlets)),
        "voice": _strings(e["v"], list(VOICES)),
        "measure": _strings(e["measure"], measures.column(0)),
        "family": _strings(e["measure"], measures.column(1)),
        "term": _text_column(term_text, order),
        "start": e["start"], "end": e["end"],
        "entry": _strings(e["phrase"], phrases),
        "target": _strings(mask_codes.reshape(-1), labels),
        "referent": _strings(e["measure"], measures.column(3)),
        "variant": _strings(e["measure"], measures.column(4)),
    })
    return out[EVIDENCE_COLUMNS]


# --------------------------------------------------------------------------- per outlet
def _slug(s: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", fold(str(s)).lower()).strip("_")


def outlet_partial(stance: pd.DataFrame) -> dict | None:
    """The sums behind :func:`outlet_summary`, so that the summary of a corpus
    can be computed chunk by chunk of whole articles (:func:`outlet_combine`,
    then :func:`outlet_finish`). None when there is nothing to summarise.

    ``totals``: words per outlet x voice (each article's once); ``rated``:
    counts and words per voice x measure x outlet; ``terms``: counts per
    voice x referent x variant x outlet.
    """
    if stance is None or not len(stance) or "measure" not in stance.columns:
        return None
    s = stance.copy()
    s["outlet"] = s["outlet"].astype(str)
    s["count"] = pd.to_numeric(s["count"], errors="coerce").fillna(0)
    s["n_words"] = pd.to_numeric(s["n_words"], errors="coerce").fillna(0)
    family = s["family"].fillna("").astype(str) if "family" in s.columns else pd.Series("marker", index=s.index)
    s["family"] = family
    marker = s[s["family"] == "marker"]
    totals = marker.drop_duplicates(["article_id", "voice"]).groupby(["outlet", "voice"])["n_words"].sum()
    rated = s[s["family"].isin(["marker", "target", "marker_on_target"])]
    rated = rated.groupby(["voice", "measure", "outlet"], sort=True)[["count", "n_words"]].sum()
    terms = s[s["family"] == "term"]
    terms = terms.groupby(["voice", "referent", "variant", "outlet"], sort=True)["count"].sum() if len(terms) else None
    return {"totals": totals, "rated": rated, "terms": terms}


def outlet_combine(partials: list) -> dict | None:
    """One :func:`outlet_partial` for the union of the partials' chunks
    (exact: sums added; the groups stay sorted)."""
    parts = [p for p in partials if p is not None]
    if not parts:
        return None

    def add(pieces):
        keep = [x for x in pieces if x is not None and len(x)] or [x for x in pieces if x is not None][:1]
        if not keep:
            return None
        joined = pd.concat(keep)
        return joined.groupby(level=list(range(joined.index.nlevels)), sort=True).sum()

    return {key: add([p[key] for p in parts]) for key in ("totals", "rated", "terms")}


def outlet_finish(partial: dict | None, articles: pd.DataFrame) -> pd.DataFrame:
    """:func:`outlet_summary` from an :func:`outlet_partial` of the whole corpus."""
    outlets = sorted(set(_outlets(articles).astype(str)))
    out = pd.DataFrame(index=pd.Index(outlets, name="outlet"))
    if partial is None:
        return out.reset_index()
    totals = partial["totals"]
    cols: dict = {}
    for voice in VOICES:
        tv = totals.xs(voice, level="voice") if voice in totals.index.get_level_values(1) else pd.Series(dtype=float)
        cols[f"stance_{voice}_n_words"] = tv.reindex(outlets).fillna(0).astype("int64")
    both = cols["stance_author_n_words"] + cols["stance_quoted_n_words"]
    cols["stance_quoted_word_share"] = (cols["stance_quoted_n_words"] / both.replace(0, np.nan))
    # Each (voice, measure) and (voice, referent, variant) is a row of an
    # outlets-wide matrix (why: one unstack and array arithmetic instead of
    # a group, a reindex and a division per measure; the same element-wise
    # operations on the same values, missing outlets NaN, groups sorted).
    agg = partial["rated"]
    if agg is not None and len(agg):
        wide = agg[["count", "n_words"]].unstack(level=2).astype(float)
        count = wide["count"].reindex(columns=outlets).to_numpy()
        n_words = wide["n_words"].reindex(columns=outlets).to_numpy()
        with np.errstate(divide="ignore", invalid="ignore"):
            rate = 1000.0 * count / np.where(n_words > 0, n_words, np.nan)
        for k, (voice, measure) in enumerate(wide.index.tolist()):
            cols[f"stance_{voice}_{measure}_per_1000"] = rate[k]
    agg = partial["terms"]
    if agg is not None and len(agg):
        ref_tot = agg.groupby(level=[0, 1, 3], sort=True).sum()
        used = agg.unstack(level=3).astype(float).reindex(columns=outlets).fillna(0)
        tot = ref_tot.unstack(level=2).astype(float).reindex(columns=outlets)
        n = used.to_numpy()
        t = tot.to_numpy()[tot.index.get_indexer(used.index.droplevel(2))]
        with np.errstate(divide="ignore", invalid="ignore"):
            share = n / np.where(t > 0, t, np.nan)
        for k, (voice, ref, var) in enumerate(used.index.tolist()):
            name = f"stance_{voice}_term_{_slug(ref)}_{_slug(var)}"
            cols[f"{name}_n"] = n[k].astype("int64")
            cols[f"{name}_share"] = share[k]
    out = pd.concat([out, pd.DataFrame(cols, index=out.index)], axis=1)
    return out.reset_index()


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
    return outlet_finish(outlet_partial(stance), articles)


# --------------------------------------------------------------------------- distinctive vocabulary
_TOKEN_PATTERN = r"(?u)\b\w+(?:[-']\w+)*\b"


# Defaults of distinctive_terms (framing.scale counts terms per batch with the
# same settings). Function words are dropped: on news-length texts they top the
# z-scores ("or", "be", "which") and say little about framing.
DISTINCTIVE_NGRAMS = (1, 2)
DISTINCTIVE_STOP_WORDS = "english"


def _analyzer(ngram_range: tuple[int, int], stop_words=None):
    """A ``CountVectorizer`` analyzer with its default word analysis
    (lower case, :data:`_TOKEN_PATTERN`, stop words dropped before n-grams),
    whose n-grams never cross a NUL (the joint between two sentence pieces).

    >>> _analyzer((1, 2))("The firm" + chr(0) + "Acts now")
    ['the', 'firm', 'the firm', 'acts', 'now', 'acts now']
    """
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
    stop = frozenset(ENGLISH_STOP_WORDS) if stop_words == "english" else frozenset(stop_words or ())
    lo, hi = ngram_range
    token = re.compile(_TOKEN_PATTERN)

    def analyze(doc: str) -> list[str]:
        features: list[str] = []
        for piece in doc.lower().split("\x00"):
            words = token.findall(piece)
            if stop:
                words = [w for w in words if w not in stop]
            for n in range(lo, hi + 1):
                features.extend(words if n == 1 else map(" ".join, zip(*(words[k:] for k in range(n)))))
        return features

    return analyze


def _voice_documents(articles, segments, quotes, voice):
    """Texts of one voice (``author``, ``quoted``, or None/"all": both), one per
    sentence piece (a sentence's run of one voice, typography normalised as
    :func:`framing.clean.normalize`), with their article ids."""
    docs, doc_ids = [], []
    for chunk, batch, ids, _ in _batches(articles, segments, quotes):
        cuts = np.unique(np.concatenate((batch.sent_start, batch.q_start, batch.q_end, batch.seg_end)))
        start, end = cuts[:-1], cuts[1:]
        keep = _inside(start, batch.seg_start, batch.seg_end)
        if voice not in (None, "all"):
            keep &= batch.voice_of(start) == VOICES.index(voice)
        start, end = start[keep], end[keep]
        norm = batch.normalized()
        docs.extend(norm[a:b] for a, b in zip(start.tolist(), end.tolist()))
        doc_ids.extend(ids[chunk[batch.article_of(start)]].tolist())
    return docs, doc_ids


def distinctive_terms(articles: pd.DataFrame, segments: pd.DataFrame, quotes: pd.DataFrame | None = None,
                      *, group: str = "outlet", prior=None, ngram_range: tuple[int, int] = DISTINCTIVE_NGRAMS,
                      voice: str | None = "author", min_count: int = 1, stop_words=DISTINCTIVE_STOP_WORDS,
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
    stop_words : "english", iterable or None
        Words dropped before n-grams are formed (default scikit-learn's English
        list); None keeps function words, whose differences are style, not framing.
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
    # One document per article (its pieces joined by NUL), cut back into pieces by
    # the analyzer: far fewer documents for scikit-learn to walk.
    article_docs, article_labels = [], []
    for aid, pieces in itertools.groupby(zip(ids, docs), key=lambda x: x[0]):
        article_docs.append("\x00".join(d for _, d in pieces))
        article_labels.append(labels_by_id[aid])
    docs, labels = article_docs, article_labels
    vec = CountVectorizer(analyzer=_analyzer(tuple(ngram_range), stop_words))
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
