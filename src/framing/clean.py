"""Split articles into segments and set aside what is not the outlet's story.

Every article is split into segments (title, headings, paragraphs, bullets,
captions, chrome) with character offsets into the article text. Each segment
is either ``kept`` or set aside with a ``reason``:

* page chrome ("Short Url", "Follow", "Updated 9 sec ago", photo credits);
* photo captions;
* exact and near-duplicate paragraphs (a summary bullet repeated in the body
  counts once: the bullet is set aside, the body paragraph kept);
* a machine-generated FAQ / Q&A block glued to the article;
* an unrelated story appended after the real one, found by its low topical
  similarity to the article's lead.

Nothing is deleted: the ``segments`` table lists every segment. Downstream
stages read :func:`kept`.

Examples
--------
>>> import pandas as pd
>>> arts = pd.DataFrame({"article_id": ["a"], "status": ["ok"],
...     "text": ["Spain acts\\nShort Url\\nThe government said it would act.\\n"]})
>>> segment(arts)[["kind", "kept", "reason"]].values.tolist()
[['title', True, ''], ['chrome', False, 'page chrome: share link'], ['paragraph', True, '']]
"""
from __future__ import annotations

import csv
import math
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

import pandas as pd

__all__ = ["normalize", "segment", "segment_text", "kept", "COLUMNS", "load_patterns"]

COLUMNS = ["article_id", "segment_id", "start", "end", "kind", "kept", "reason", "text"]

# One character in, one character out: offsets survive normalisation.
_FOLD = {
    **dict.fromkeys("“”„‟«»〝〞＂❝❞", '"'),
    **dict.fromkeys("‘’‚‛‹›′`´❛❜", "'"),
    **dict.fromkeys("‐‑‒–—―−﹘﹣－", "-"),
    **dict.fromkeys("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
                    "\u200a\u202f\u205f\u3000\t\x0b\x0c", " "),
    "\u200b": " ", "\u2028": "\n", "\u2029": "\n", "\u2026": ".",
}
# str.translate with a dict looks up every character; a regex over the few
# characters to fold skips the rest in C (about ten times faster on news text).
_FOLD_RE = re.compile("[" + re.escape("".join(_FOLD)) + "]")


def _fold(match: re.Match) -> str:
    return _FOLD[match.group()]


def normalize(text: str) -> str:
    """Fold typography for matching without changing the length of the text.

    >>> normalize("“Sánchez’s” — 17\u00a0Feb")
    '"Sánchez\\'s" - 17 Feb'
    >>> len(normalize("„low-high“ «guillemets»")) == len("„low-high“ «guillemets»")
    True
    """
    return _FOLD_RE.sub(_fold, text)


# --------------------------------------------------------------------------- patterns
@lru_cache(maxsize=None)
def load_patterns(chrome_path: str | None = None, block_path: str | None = None):
    """Compile the chrome and block (FAQ, machine text) patterns.

    Paths default to the data files shipped in ``framing/data``.
    """
    def read(path, default):
        if path is None:
            with resources.files("framing").joinpath("data", default).open(encoding="utf-8") as fh:
                return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
        with open(path, encoding="utf-8") as fh:
            return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))

    chrome = [(re.compile(r["pattern"], re.I), r["label"]) for r in read(chrome_path, "chrome_patterns.tsv")]
    blocks: dict[str, list[re.Pattern]] = {}
    for r in read(block_path, "block_patterns.tsv"):
        blocks.setdefault(r["kind"], []).append(re.compile(r["pattern"], re.I))
    return chrome, blocks


_BULLET = re.compile(r"^[ \t]*([•·▪●◦‣∙*]|[-–—](?=\s))[ \t\u00a0]*")
_WORDS = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*")
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”’]$")
_DATELINE = re.compile(r"^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}(?:,? [A-Z][a-z]+\.?)?(?:\s*\([\w .]+\))?\s*(?::|—|–| - )\s*[\"“‘']?[A-Z]?[a-z]")
_CAPTION_CREDIT = re.compile(
    r"\((?:[^()]{0,40}/)?\s*(reuters|afp|ap|ap photo|getty images?|epa|file|photo|pool|anadolu|"
    r"afp via getty images|xinhua|efe|europa press|bloomberg)\s*\)\.?$", re.I)
_CAPTION_VERB = re.compile(r"\b(speaks|gestures|looks on|attends|arrives|poses|waves|is seen|are seen|"
                           r"delivers a speech|addresses|listens|smiles|walks)\b", re.I)
_DATE = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}, \d{4}\b", re.I)
# What every _DATE match contains (", " then a four-digit year): a quick
# search that rules out most paragraphs before the slower _DATE search.
_YEAR_AFTER_COMMA = re.compile(r", \d{4}")
_STOP = frozenset(
    "a about above after again against all also am an and any are as at be because been before being "
    "below between both but by can could did do does doing down during each few for from further had "
    "has have having he her here hers him his how i if in into is it its itself just me more most my "
    "no nor not now of off on once only or other our out over own same she should so some such than "
    "that the their them then there these they this those through to too under until up very was we "
    "were what when where which while who whom why will with would you your said says say told on "
    "mr ms mrs tuesday monday wednesday thursday friday saturday sunday".split()
)


# --------------------------------------------------------------------------- splitting
def _split(text: str) -> list[dict]:
    """Lines -> segments with offsets; hard-wrapped lines are joined."""
    segs: list[dict] = []
    offset, prev_line_was_segment = 0, False
    for raw in text.split("\n"):
        line_start, offset = offset, offset + len(raw) + 1
        if not raw.strip():
            prev_line_was_segment = False
            continue
        bullet = _BULLET.match(raw)
        is_bullet = bool(bullet) and bool(raw[bullet.end():].strip())
        lead = bullet.end() if is_bullet else len(raw) - len(raw.lstrip())
        start, end = line_start + lead, line_start + len(raw.rstrip())
        body = text[start:end]
        # A line that stops mid-sentence, followed directly by a lower-case
        # line, is one paragraph wrapped at a fixed width.
        if (prev_line_was_segment and not is_bullet and body[:1].islower()
                and segs[-1]["kind"] == "paragraph" and not _ends_sentence(segs[-1]["text"])):
            segs[-1]["end"] = end
            segs[-1]["text"] = text[segs[-1]["start"]:end]
        else:
            segs.append({"start": start, "end": end, "text": body,
                         "kind": "bullet" if is_bullet else "paragraph"})
        prev_line_was_segment = True
    return segs


def _n_words(s: str) -> int:
    """``len(_WORDS.findall(s))``, counted without building the list of words
    (why: a third cheaper; the pattern never matches an empty string, so
    the matches counted are the same)."""
    return _WORDS.subn("", s)[1]


_CLOSERS = "\"'”’)]"


def _ends_sentence(s: str) -> bool:
    """``_TERMINAL.search(s)``, without scanning the whole string: the end,
    less closing quotes and brackets, is ``.!?…``, or ``s`` ends with a quote.

    >>> [_ends_sentence(x) for x in ["Done.", 'He said "no."', "(Yes!)", "None", 'x"', ""]]
    [True, True, True, False, True, False]
    """
    if s.endswith("\n"):       # "$" also matches before a final newline
        return _TERMINAL.search(s) is not None
    body = s.rstrip(_CLOSERS)
    return (bool(body) and body[-1] in ".!?…") or s[-1:] in ("\"", "”", "’")


def _is_headingish(norm: str) -> bool:
    words = norm.split()
    if not words or len(words) > 12 or _ends_sentence(norm) or norm.endswith((",", ";", ":")):
        return False
    if norm.isupper() and any(c.isalpha() for c in norm):
        return True
    long_words = [w for w in words if len(w) > 3 and w[0].isalpha()]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) / len(long_words) >= 0.6


@lru_cache(maxsize=16)
def _any_of(patterns: tuple):
    """A test ``f(text)`` that is truthy where any of ``patterns`` (compiled,
    case-insensitive) matches: one regex, a cheap first test since most
    segments match none of them. When every pattern is anchored at the start
    it only tries position 0 (``search`` would try every position).

    >>> f = _any_of((re.compile("^follow$", re.I), re.compile("^short url$", re.I)))
    >>> bool(f("Follow")), bool(f("Please follow"))
    (True, False)
    """
    def combined(group):
        return re.compile("|".join(f"(?:{p.pattern})" for p in group) or r"(?!)", re.I)

    anchored = [p for p in patterns if _anchored(p)]
    rest = [p for p in patterns if not _anchored(p)]
    if not rest:
        return combined(anchored).match
    if not anchored:
        return combined(rest).search
    # A mixed group: the anchored patterns are tried at the start only, and
    # only the others are searched for (a simpler regex to scan with).
    match, search = combined(anchored).match, combined(rest).search

    def test(text: str):
        return match(text) or search(text)

    return test


def _anchored(pattern: re.Pattern) -> bool:
    """Whether ``pattern`` can only match at the start of the text: it opens
    with ``^`` (not in multi-line mode) and has no top-level ``|``."""
    if not pattern.pattern.startswith("^") or pattern.flags & re.M:
        return False
    from re import _constants as c, _parser
    parsed = list(_parser.parse(pattern.pattern, pattern.flags))
    return bool(parsed) and parsed[0] == (c.AT, c.AT_BEGINNING) and all(op is not c.BRANCH for op, _ in parsed)


def _classify(segs: list[dict], chrome, norm_text: str) -> None:
    """Kind, kept and reason of each segment; ``norm_text`` is the article's
    normalised text (:func:`normalize` maps one character to one, so it is
    sliced per segment)."""
    chrome_any = _any_of(tuple(p for p, _ in chrome))
    for i, s in enumerate(segs):
        norm = norm_text[s["start"]:s["end"]].strip()
        s["norm"], s["n_words"] = norm, _n_words(norm)
        s["kept"], s["reason"] = True, ""
        if chrome_any(norm):  # then the first pattern in file order gives the label
            for pattern, label in chrome:
                if pattern.search(norm):
                    s["kind"], s["kept"], s["reason"] = "chrome", False, f"page chrome: {label}"
                    break
        if s["kind"] == "chrome":
            continue
        # Cheapest tests first: most paragraphs have no ", " before a year.
        # The credit pattern ends in ")" or ")." at the end of the text.
        if (norm.endswith((")", ").")) and _CAPTION_CREDIT.search(norm)) or ('"' not in norm and ", " in norm
                                                                            and _YEAR_AFTER_COMMA.search(norm)
                                                                            and _DATE.search(norm)
                                            and _CAPTION_VERB.search(norm)):
            s["kind"], s["kept"], s["reason"] = "caption", False, "photo caption"
            continue
        if s["kind"] == "bullet":
            continue
        if i == 0 and s["n_words"] <= 25 and not norm.endswith(".") and not _DATELINE.match(norm):
            s["kind"] = "title"
        elif _is_headingish(norm):
            s["kind"] = "heading"


# --------------------------------------------------------------------------- duplicates
_TOKEN = re.compile(r"\w+")


def _tokens(seg: dict) -> list[str]:
    """Lower-cased word tokens of a segment, computed once (for the exact
    key and the 3-grams)."""
    toks = seg.get("toks")
    if toks is None:
        toks = seg["toks"] = _TOKEN.findall(seg["norm"].lower())
    return toks


def _key(toks: list[str]) -> str:
    return " ".join(toks)


def _shingles(toks: list[str]) -> set:
    """Word 3-grams, as tuples (cheaper than joined strings; same sets)."""
    return set(zip(toks, toks[1:], toks[2:]))


def _mark_duplicates(segs: list[dict], threshold: float, max_postings: int = 50) -> None:
    first: dict[str, int] = {}
    for i, s in enumerate(segs):
        if s["kind"] == "chrome":
            continue
        key = _key(_tokens(s))
        if not key:
            continue
        if key in first:
            if s["kept"]:
                s["kept"], s["reason"] = False, f"duplicate of segment {first[key]}"
        else:
            first[key] = i
    # Near duplicates: shared word 3-grams. A 3-gram found in more than
    # ``max_postings`` paragraphs (boilerplate in a huge article) is not
    # counted, and only paragraphs sharing a counted 3-gram are compared, so
    # a huge article is not compared pair by pair. The shared counts are set
    # intersections (in C), not a Python loop over every 3-gram.
    shingles = {i: _shingles(_tokens(s)) for i, s in enumerate(segs)
                if s["kept"] and s["kind"] in ("paragraph", "bullet") and s["n_words"] >= 8}
    if len(shingles) < 2:
        return
    ids = sorted(shingles)
    if len(ids) <= max_postings:  # no 3-gram can be too frequent: compare all pairs
        counted = shingles
        # Only paragraphs holding a 3-gram that another one holds too can
        # share any: found with a few set operations (in C); most articles have
        # none, and then no pair is compared. Pairs sharing nothing are skipped
        # below anyway, so comparing only these gives the same result.
        seen: set = set()
        repeated: set = set()
        for i in ids:
            sh = shingles[i]
            if not seen.isdisjoint(sh):
                repeated |= seen & sh
            seen |= sh
        if not repeated:
            return
        ids = [i for i in ids if not repeated.isdisjoint(shingles[i])]
        candidates = {i: ids for i in ids}
        # Two paragraphs share only repeated 3-grams: intersect those (small sets).
        counted = {i: shingles[i] & repeated for i in ids}
    else:
        index: dict[tuple, list[int]] = {}
        for i in ids:
            for g in shingles[i]:
                index.setdefault(g, []).append(i)
        frequent = {g for g, postings in index.items() if len(postings) > max_postings}
        counted = {i: sh - frequent for i, sh in shingles.items()}
        candidates = {i: sorted(set().union(*(index[g] for g in counted[i]))) for i in ids}
    for i in ids:
        if not segs[i]["kept"]:
            continue
        for j in candidates[i]:
            if j == i or not segs[j]["kept"] or not segs[i]["kept"]:
                continue
            ci, cj = counted[i], counted[j]
            if not ci or not cj:
                continue
            smaller = min(len(shingles[i]), len(shingles[j]))
            # An upper bound first: the shared count is at most the smaller set.
            if min(len(ci), len(cj)) / smaller < threshold:
                continue
            shared = len(ci & cj)
            if not shared:
                continue
            containment = shared / smaller
            if containment < threshold:
                continue
            a, b = (i, j) if i < j else (j, i)
            # Drop the summary bullet if there is one, else the later copy.
            if segs[a]["kind"] == "bullet" and segs[b]["kind"] != "bullet":
                drop, keep = a, b
                why = f"near-duplicate of segment {keep} (summary bullet repeated in the body, {containment:.2f})"
            else:
                drop, keep = b, a
                why = f"near-duplicate of segment {keep} ({containment:.2f} of word 3-grams shared)"
            segs[drop]["kept"], segs[drop]["reason"] = False, why


# --------------------------------------------------------------------------- FAQ block
def _mark_faq(segs: list[dict], blocks, min_body: int = 2) -> None:
    faq_heading = _any_of(tuple(blocks.get("faq_heading", [])))
    question = _any_of(tuple(blocks.get("question_line", [])))
    preamble = _any_of(tuple(blocks.get("machine_preamble", [])))
    body_seen = 0
    for i, s in enumerate(segs):
        norm = s["norm"]
        start_here = None
        if body_seen >= min_body:
            if faq_heading(norm):
                start_here = "machine-generated FAQ block"
            elif preamble(norm):
                start_here = "machine-generated text block"
            elif question(norm):
                window = [t["norm"] for t in segs[i:i + 8]]
                if sum(question(w) is not None for w in window) >= 3:
                    start_here = "machine-generated FAQ block"
        if start_here:
            for t in segs[i:]:
                t["kept"], t["reason"] = False, start_here
            return
        if s["kept"] and s["kind"] == "paragraph":
            body_seen += 1


# --------------------------------------------------------------------------- appended story
def _bag(norm: str) -> Counter:
    return Counter(w for w in re.findall(r"[^\W\d_]{3,}", norm.lower()) if w not in _STOP)


def _cosine(a: Counter, b: Counter, idf: dict) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b[w] * idf[w] ** 2 for w, v in a.items() if w in b)
    na = math.sqrt(sum((v * idf[w]) ** 2 for w, v in a.items()))
    nb = math.sqrt(sum((v * idf[w]) ** 2 for w, v in b.items()))
    return dot / (na * nb) if na and nb else 0.0


def _mark_appended(segs: list[dict], *, cue_threshold: float, plain_threshold: float,
                   lead_size: int = 3) -> None:
    body = [i for i, s in enumerate(segs) if s["kept"] and s["kind"] in ("paragraph", "bullet")]
    if len(body) < 4:
        return
    titles = [i for i, s in enumerate(segs) if s["kind"] == "title" and s["kept"]]
    lead_ids = titles[:1] + body[:lead_size]
    has_bag = [s["kept"] and s["kind"] != "chrome" for s in segs]

    # Word and paragraph counts of every tail, as suffix sums (one pass);
    # the tail's bag of words is only built where a similarity is needed.
    in_tail = [has_bag[i] and s["kind"] in ("paragraph", "bullet") for i, s in enumerate(segs)]
    tail_words, tail_paras = [0] * (len(segs) + 1), [0] * (len(segs) + 1)
    for i in range(len(segs) - 1, -1, -1):
        tail_words[i] = tail_words[i + 1] + (segs[i]["n_words"] if in_tail[i] else 0)
        tail_paras[i] = tail_paras[i + 1] + in_tail[i]

    # Where a new story could start; most articles have no such place, and
    # then no bag of words is needed at all.
    last_lead = max(lead_ids)
    places = []
    for j in range(last_lead + 1, len(segs)):
        s = segs[j]
        structural = (s["kind"] == "chrome" and ("timestamp" in s["reason"] or "follow" in s["reason"])) or \
                     (s["kind"] == "paragraph" and _DATELINE.match(s["norm"]) is not None)
        if s["kind"] == "chrome" and not structural:
            continue
        words, paras = tail_words[j], tail_paras[j]
        if paras < 2 or words < 40:
            break
        plain_candidate = (plain_threshold is not None and paras >= 3 and words >= 100
                           and s["kind"] in ("paragraph", "bullet"))
        if structural or plain_candidate:
            places.append((j, structural, plain_candidate))
    if not places:
        return

    bags = {i: _bag(segs[i]["norm"]) for i in range(len(segs)) if has_bag[i]}
    n = len(bags)
    df: Counter = Counter()
    for bag in bags.values():
        df.update(bag.keys())
    idf = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}
    lead = Counter()
    for i in lead_ids:
        lead.update(bags[i])

    def tail_bag(j):
        bag = Counter()
        for i in range(j, len(segs)):
            if in_tail[i]:
                bag.update(bags[i])
        return bag

    def tail_from(j):
        return tail_bag(j), tail_words[j], tail_paras[j]

    cued, plain = [], []
    for j, structural, plain_candidate in places:
        sim = _cosine(lead, tail_bag(j), idf)
        if structural and sim < cue_threshold:
            cued.append((j, sim))
        elif plain_candidate and sim < plain_threshold:
            plain.append((j, sim))
    if cued:
        # The earliest cue (timestamp, follow button, dateline) that opens an
        # off-topic tail; its headline stands just before it.
        start, sim = cued[0]
        while start - 1 > last_lead and segs[start - 1]["kind"] != "caption" and (
                segs[start - 1]["kind"] == "chrome" or
                (segs[start - 1]["n_words"] <= 15 and not _ends_sentence(segs[start - 1]["norm"]))):
            start -= 1
    elif plain:
        # No cue: from the first off-topic tail, move the boundary forward
        # past paragraphs that are at least as close to the text before them
        # as to the tail after them (ties stay with the article).
        start, sim = plain[0]
        passing = dict(plain)
        while start in passing:
            before = Counter()
            for i in bags:
                if i < start and segs[i]["kind"] in ("paragraph", "bullet", "title"):
                    before.update(bags[i])
            after, _, paras = tail_from(start + 1)
            if paras and _cosine(bags.get(start, Counter()), after, idf) > \
                    _cosine(bags.get(start, Counter()), before, idf):
                break
            start += 1
        if start not in passing:
            return
        sim = passing[start]
    else:
        return
    headline = segs[start]["norm"][:60]
    for t in segs[start:]:
        t["kept"] = False
        t["reason"] = (f"appended unrelated story (starts at segment {start}: {headline!r}; "
                       f"similarity to the lead {sim:.2f})")


# --------------------------------------------------------------------------- public
def segment_text(text: str, **options) -> list[dict]:
    """Segment one article's text; returns a list of segment dicts.

    Parameters are those of :func:`segment`.
    """
    return [{k: s[k] for k in ("start", "end", "kind", "kept", "reason", "text")}
            for s in _segment_text(text, **options)]


# Column types of the segments table (the others are pandas' default string type).
_DTYPES = {"segment_id": "int64", "start": "int64", "end": "int64", "kept": "bool"}


def _segment_text(text: str, *, drop_chrome: bool = True, drop_captions: bool = True,
                 drop_duplicates: bool = True, drop_faq: bool = True, drop_appended: bool = True,
                 near_duplicate: float = 0.8, appended_similarity: float = 0.12,
                 appended_similarity_no_cue: float | None = None,
                 chrome_patterns: str | None = None, block_patterns: str | None = None) -> list[dict]:
    """:func:`segment_text`, with the working fields of each segment dict left in."""
    chrome, blocks = load_patterns(chrome_patterns, block_patterns)
    segs = _split(text)
    _classify(segs, chrome, normalize(text))
    if drop_faq:
        _mark_faq(segs, blocks)
    if drop_appended:
        _mark_appended(segs, cue_threshold=appended_similarity, plain_threshold=appended_similarity_no_cue)
    if drop_duplicates:
        _mark_duplicates(segs, near_duplicate)
    for s in segs:
        if not drop_chrome and s["kind"] == "chrome" and s["reason"].startswith("page chrome"):
            s["kept"], s["reason"] = True, ""
        if not drop_captions and s["kind"] == "caption" and s["reason"] == "photo caption":
            s["kept"], s["reason"] = True, ""
    return segs


def segment(articles: pd.DataFrame, **options) -> pd.DataFrame:
    """Segment every readable article into the ``segments`` table.

    Parameters
    ----------
    articles : DataFrame
        The ``articles`` table (:func:`framing.corpus.load`); rows whose
        ``status`` is ``error`` or ``skipped`` produce no segments.
    drop_chrome, drop_captions, drop_duplicates, drop_faq, drop_appended : bool
        Which kinds of non-story text to set aside (all on by default).
    near_duplicate : float
        Share of word 3-grams of the shorter paragraph found in the other one
        above which two paragraphs count as one.
    appended_similarity : float
        Cosine similarity (TF-IDF, content words) to the lead below which the
        text after a new-story cue (timestamp, follow button, dateline) is an
        appended unrelated story.
    appended_similarity_no_cue : float or None
        The same test where no cue marks the boundary. Off by default: on
        PolNeAR it cut real articles whose later paragraphs change subject.
    chrome_patterns, block_patterns : str, optional
        Paths to replacement pattern files (defaults ship in ``framing/data``).

    Returns
    -------
    DataFrame with columns :data:`COLUMNS`.
    """
    usable = articles
    if "status" in articles.columns:
        usable = articles[articles["status"].isin(["ok", "warning"])]
    # Column lists, filled segment by segment, make one frame (no dict per row).
    cols: dict[str, list] = {c: [] for c in COLUMNS}
    fields = [(cols[c], c) for c in COLUMNS[2:]]
    aids, seg_ids = cols["article_id"], cols["segment_id"]
    for aid, text in zip(usable["article_id"], usable["text"]):
        segs = _segment_text(text, **options)
        aids.extend([aid] * len(segs))
        seg_ids.extend(range(len(segs)))
        for column, key in fields:
            column.extend([s[key] for s in segs])
    frame = pd.DataFrame({c: pd.Series(cols[c], dtype=_DTYPES.get(c)) for c in COLUMNS})
    return frame


def kept(segments: pd.DataFrame) -> pd.DataFrame:
    """The segments downstream stages read."""
    return segments[segments["kept"]].reset_index(drop=True)
