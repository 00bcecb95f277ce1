"""Load a corpus of news articles into one tidy ``articles`` table.

Accepted inputs
---------------
* a folder of ``.txt`` files (``article_id`` = file stem), with an optional
  ``manifest.csv`` (article_id, outlet, title, date, url, optional ``file``);
* a single ``.txt`` file;
* a ``.jsonl`` file, one article per line;
* a ``.csv`` file with a ``text`` column.

JSONL and CSV records need ``text`` and ``id`` or ``article_id``; ``outlet`` (or
``publisher``), ``title``, ``date`` and ``url`` are read when present, any other
field is ignored. A record that names a file (``file``/``path`` field) instead
of giving its text is refused: no file named inside a record is ever opened.
A manifest's ``file`` column may only point inside the corpus folder, and
symlinks out of it are refused; symlink loops are reported, never followed.

Nothing is dropped: a file that cannot be read becomes a row with
``status="error"`` and a message in plain words; the rest of the corpus loads.

Examples
--------
>>> from framing.corpus import load
>>> articles = load("seeds")                                   # doctest: +SKIP
>>> articles[["article_id", "status", "encoding"]].head(2)     # doctest: +SKIP
"""
from __future__ import annotations

import codecs
import csv
import errno
import html
import io
import json
import os
import re
import stat
import functools
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator

import numpy as np
import pandas as pd

__all__ = ["load", "from_texts", "decode", "clean_text", "html_to_text", "looks_english", "COLUMNS", "STATUSES"]

#: Columns of the articles table, in order (``text`` is kept in memory only).
COLUMNS = [
    "article_id", "outlet", "outlet_known", "title", "date", "url", "n_chars",
    "n_words", "encoding", "language", "status", "error", "source", "text",
]
#: ``ok``: analysed; ``warning``: analysed, but something was odd (message in
#: ``error``); ``skipped``: read but deliberately not analysed (e.g. not
#: English); ``error``: could not be read.
STATUSES = ("ok", "warning", "skipped", "error")

META_FIELDS = ("outlet", "title", "date", "url")
#: Record fields that name a file; such paths are reported and never opened.
_PATH_FIELDS = ("file", "path", "filename", "filepath")
DEFAULT_MAX_BYTES = 10_000_000

_WORD = re.compile(r"\w+")
_MAGIC = [
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\x7fELF", "a program binary"),
    (b"\x1f\x8b", "a gzip archive"),
]
_XML_START = re.compile(r"^\s*(<\?xml\b|<(rss|feed|rdf:RDF|urlset)\b)", re.I)
_HTML_START = re.compile(r"^\s*(<!doctype\s+html|<html|<\?xml[^>]*>\s*<html)", re.I)
_HTML_TAG = re.compile(r"</?(p|div|body|head|span|a|br|h[1-6]|li|ul|script|style|article)\b[^>]*>", re.I)
# Function words: a cheap, dependency-free check that a text is English.
_EN_FUNCTION = frozenset(
    "the of and to in a is that for on with as was by it he said at from his be "
    "are this have an has not but they who their were its will would or been "
    "which after had more than about her she we".split()
)


# --------------------------------------------------------------------------- decoding
def _cp1252_fallback(exc: UnicodeDecodeError):
    """Codec error handler: a byte that is not UTF-8 is read as cp1252 (or
    latin-1 where cp1252 has no character), one character per byte."""
    bad = exc.object[exc.start:exc.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), exc.end


codecs.register_error("framing-cp1252", _cp1252_fallback)


def _printable_share(text: str) -> float:
    sample = text[:4000]
    if not sample:
        return 1.0
    return sum(c.isprintable() or c in "\n\t\r\f\v" for c in sample) / len(sample)


def _decode(raw: bytes) -> tuple[str, str, str, list[str]]:
    """:func:`decode` plus warnings (things fixed on the way, in plain words)."""
    for magic, what in _MAGIC:
        if raw.startswith(magic):
            return "", "", f"binary file ({what}), not text", []
    if raw.startswith(codecs.BOM_UTF8):
        body = raw[len(codecs.BOM_UTF8):]
        try:
            return body.decode("utf-8"), "utf-8-sig", "", []
        except UnicodeDecodeError:
            text = body.decode("utf-8", errors="framing-cp1252")
            return text, "utf-8-sig", "", ["some bytes are not valid UTF-8; read as cp1252"]
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "utf-16", "", []
        except UnicodeDecodeError:
            return "", "", "starts with a UTF-16 mark but is not valid UTF-16", []
    head = raw[:4096]
    if head.count(b"\x00") > len(head) // 4 and len(head) >= 4:
        # UTF-16 without a byte-order mark: NULs in every other byte.
        even, odd = head[0::2].count(0), head[1::2].count(0)
        enc = "utf-16-le" if odd > even else "utf-16-be"
        try:
            text = raw.decode(enc)
            if _printable_share(text) > 0.95:
                return text, enc, "", []
        except UnicodeDecodeError:
            pass
    warnings: list[str] = []
    if b"\x00" in raw:
        # A few stray NUL bytes in a text file are dropped; many mean binary data.
        n_nul = raw.count(b"\x00")
        stripped = raw.replace(b"\x00", b"")
        if n_nul > max(2, len(raw) // 200) or _printable_share(stripped.decode("utf-8", errors="replace")) < 0.95:
            return "", "", "binary file (contains NUL bytes), not text", []
        raw = stripped
        warnings.append(f"{n_nul} NUL byte{'s' if n_nul > 1 else ''} removed")
    try:
        text, encoding = raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        lenient = raw.decode("utf-8", errors="replace")
        n_bad = lenient.count("\ufffd")
        n_good = sum(ord(c) > 127 for c in lenient) - n_bad
        if n_good >= 2 * n_bad:
            # Mostly UTF-8 with a few stray single-byte characters (pasted
            # from a Windows program): keep the UTF-8, read the strays as cp1252.
            text, encoding = raw.decode("utf-8", errors="framing-cp1252"), "utf-8"
            warnings.append(f"{n_bad} byte{'s' if n_bad > 1 else ''} not valid UTF-8; read as cp1252")
        else:
            try:
                text, encoding = raw.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, encoding = raw.decode("latin-1"), "latin-1"
    if _printable_share(text) < 0.85:
        return "", "", "binary data (mostly unprintable characters), not text", []
    return text, encoding, "", warnings


def decode(raw: bytes) -> tuple[str, str, str]:
    """Decode bytes as text.

    Returns ``(text, encoding, problem)``; ``problem`` is "" when the bytes
    are text, otherwise a plain-words reason and ``text`` is "".

    >>> decode("Sánchez".encode("utf-8"))[:2]
    ('Sánchez', 'utf-8')
    >>> decode("“quoted”".encode("cp1252"))[:2]
    ('“quoted”', 'cp1252')
    >>> decode("“Sánchez” said".encode("utf-8") + b" caf\\xe9")[:2]
    ('“Sánchez” said café', 'utf-8')
    """
    text, encoding, problem, _ = _decode(raw)
    return text, encoding, problem


# Line and paragraph separators other than "\n" become "\n" (one character
# for one); other control characters, ANSI colour codes included, become
# spaces, one for each character, so that the text keeps its length and
# offsets given against the raw text (a gold annotation, a reader's note)
# still point at the same characters of the cleaned text.
# (a regex, not str.translate: translate with a dict table costs ~1 ms per article)
_LINE_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")


def clean_text(text: str) -> tuple[str, int]:
    """Line endings to ``\\n``, other line separators to ``\\n``, every other
    control character to a space (one for one, so the length and the offsets
    after ``\\r\\n`` folding are kept); returns ``(text, n_replaced)``.

    >>> clean_text("a\\r\\nb\\u2028c\\x1b[31md\\x07")
    ('a\\nb\\nc     d ', 6)
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _needs_cleaning(text):  # most articles: skip two regex scans of the whole text
        return text, 0
    text = _LINE_BREAKS.sub("\n", text)
    n = 0

    def blank(m: re.Match) -> str:
        nonlocal n
        n += len(m.group())
        return " " * len(m.group())

    return _CONTROL.sub(blank, text), n


# The ASCII characters _LINE_BREAKS and _CONTROL match (ESC starts the colour codes).
_BAD_ASCII = bytes(range(0x00, 0x09)) + b"\x0b\x0c" + bytes(range(0x0e, 0x20)) + b"\x7f"


def _needs_cleaning(text: str) -> bool:
    """Whether ``text`` holds a character :data:`_LINE_BREAKS` or :data:`_CONTROL`
    match, tested on the UTF-8 bytes (C-speed ``bytes`` methods, not a regex
    scan): an ASCII one, U+0080..U+009F (UTF-8 ``C2 80``..``C2 9F``), U+2028 or U+2029.

    >>> _needs_cleaning("plain “text” é"), _needs_cleaning("a\x85b"), _needs_cleaning("a\u2029")
    (False, True, True)
    """
    raw = text.encode("utf-8", "surrogatepass")
    if len(raw.translate(None, _BAD_ASCII)) != len(raw):
        return True
    if text.isascii():
        return False
    if b"\xe2\x80\xa8" in raw or b"\xe2\x80\xa9" in raw:
        return True
    # 0xC2 is only ever the lead byte of U+0080..U+00BF; few texts have many.
    i = raw.find(b"\xc2")
    while i >= 0:
        if raw[i + 1] <= 0x9f:
            return True
        i = raw.find(b"\xc2", i + 1)
    return False


class _TextExtractor(HTMLParser):
    """Collect visible text; never runs scripts, drops script/style/head."""

    _SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe"}
    _BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
              "article", "section", "header", "footer", "blockquote", "figcaption",
              "table", "ul", "ol", "title", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
        if tag in self._SKIP:
            self._skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag in self._SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_title:
            self.title.append(data)
        if not self._skip:
            self.parts.append(data)


def looks_like_html(text: str) -> bool:
    """True when a "text" file is really an HTML page."""
    head = text[:20000]
    if "<" not in head:  # most articles: skip the case-insensitive tag scan
        return False
    return bool(_HTML_START.match(head)) or len(_HTML_TAG.findall(head)) >= 3


def html_to_text(markup: str) -> tuple[str, str]:
    """Strip tags from HTML with the standard parser; returns ``(text, title)``.

    Scripts, styles and the ``<head>`` are dropped, entities are decoded,
    block elements become line breaks. Nothing is executed.

    >>> html_to_text("<html><head><title>T</title></head><body><p>A &amp; B</p><script>x()</script></body></html>")
    ('A & B', 'T')
    """
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text, html.unescape("".join(parser.title)).strip()


@functools.lru_cache(maxsize=4096)
def _script_of(c: str) -> str:
    """First word of a letter's Unicode name ("LATIN", "ARABIC", "CJK"); cached, as the lookup is slow."""
    name = unicodedata.name(c, "")
    return name.split(" ")[0] if name else "unknown"


_ASCII_LETTERS = re.compile(r"[A-Za-z]+")
_NON_ASCII_LETTERS = re.compile(r"[^\x00-\x7f]")


def _main_script(text: str) -> str:
    """The writing system of most letters in ``text`` ("LATIN", "ARABIC", "CJK", ...)."""
    sample = text[:5000]
    # ASCII letters are Latin: count them at C speed and look up only the rest.
    counts: dict[str, int] = {}
    n_ascii = len(sample) - len(_ASCII_LETTERS.sub("", sample))
    if n_ascii:
        counts["LATIN"] = n_ascii
    if not sample.isascii():
        for c in _NON_ASCII_LETTERS.findall(sample):
            if c.isalpha():
                script = _script_of(c)
                counts[script] = counts.get(script, 0) + 1
    return max(sorted(counts), key=counts.get) if counts else ""


class _Profile:
    """What the language test and the word count need from a text, from its
    code points in a few array operations (no Python object per word).

    ``mask``: which code points are ``\\w`` characters; ``same``: whether
    lower-casing keeps every non-ASCII character one non-ASCII character of
    the same class (then the words of ``text.lower()`` are those of ``text``);
    ``high``/``counts``: the distinct non-ASCII code points and how often each occurs.
    """

    __slots__ = ("codes", "mask", "same", "high", "counts")

    def __init__(self, text: str):
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        self.codes = codes
        mask = _ASCII_WORD[np.minimum(codes, 128)]
        self.same = True
        self.high = self.counts = None
        if not text.isascii():
            at = np.flatnonzero(codes >= 128)
            uniq, inv, counts = np.unique(codes[at], return_inverse=True, return_counts=True)
            cls = [_char_class(c) for c in uniq.tolist()]
            mask[at] = np.array([w for w, _ in cls], dtype=bool)[inv]
            self.same = all(x for _, x in cls)
            self.high, self.counts = uniq.tolist(), counts.tolist()
        self.mask = mask

    def n_words(self) -> int:
        """Runs of word characters: ``len(_WORD.findall(text))``."""
        mask = self.mask
        if not len(mask):
            return 0
        return int(np.count_nonzero(mask[1:] > mask[:-1])) + bool(mask[0])

    def script(self) -> str:
        """:func:`_main_script` of the text."""
        sample = self.codes[:5000]
        counts: dict[str, int] = {}
        folded = sample | 32
        n_ascii = int(np.count_nonzero((folded >= 97) & (folded <= 122)))
        if n_ascii:
            counts["LATIN"] = n_ascii
        if self.high is not None:
            if len(self.codes) <= 5000:
                pairs = zip(self.high, self.counts)
            else:
                uniq, n = np.unique(sample[sample >= 128], return_counts=True)
                pairs = zip(uniq.tolist(), n.tolist())
            for cp, k in pairs:
                c = chr(cp)
                if c.isalpha():
                    script = _script_of(c)
                    counts[script] = counts.get(script, 0) + k
        return max(sorted(counts), key=counts.get) if counts else ""

    def english_counts(self) -> tuple[int, int] | None:
        """``(words, function words)`` among the first 2,000 words of
        ``text[:20000].lower()``, as :func:`looks_english` counts them; None
        when lower-casing could change the words (the regex path answers then)."""
        if not self.same:
            return None
        mask = self.mask[:20000]
        padded = np.zeros(len(mask) + 2, dtype=bool)
        padded[1:-1] = mask
        edges = np.flatnonzero(padded[1:] != padded[:-1])      # start, end, start, end, ...
        start, end = edges[0::2][:2000], edges[1::2][:2000]
        size = end - start
        short = size <= _EN_MAX
        start, size = start[short], size[short]
        # Each short word's characters, lower-cased, as a base-128 integer; a
        # non-ASCII character becomes 127 (in no function word).
        codes = np.concatenate((self.codes[:20000], np.zeros(_EN_MAX, dtype=np.uint32)))
        key = np.zeros(len(start), dtype=np.int64)
        for k in range(_EN_MAX):
            c = np.minimum(codes[start + k], 127).astype(np.int64)
            c += 32 * ((c >= 65) & (c <= 90))
            key |= c << (7 * k)
        key &= (np.int64(1) << (7 * size)) - 1
        at = np.minimum(np.searchsorted(_EN_KEYS, key), len(_EN_KEYS) - 1)
        return len(end), int(np.count_nonzero(_EN_KEYS[at] == key))


# Word characters (regex ``\w``) among ASCII; index 128 stands for any other code point.
_ASCII_WORD = np.array([bool(_WORD.fullmatch(chr(c))) for c in range(128)] + [False])
_EN_MAX = max(map(len, _EN_FUNCTION))
# Each function word as an integer, its code points in base 128 (exact, no hashing).
_EN_KEYS = np.array(sorted(sum(ord(ch) << (7 * k) for k, ch in enumerate(w)) for w in _EN_FUNCTION),
                    dtype=np.int64)


@functools.lru_cache(maxsize=8192)
def _char_class(cp: int) -> tuple[bool, bool]:
    """(is a ``\\w`` character, lower-casing keeps it one non-ASCII
    character of the same class) for a non-ASCII code point."""
    c = chr(cp)
    word = _WORD.fullmatch(c) is not None
    low = c.lower()
    same = len(low) == 1 and not low.isascii() and (_WORD.fullmatch(low) is not None) == word
    return word, same


def _english(text: str, profile: _Profile | None, min_words: int, threshold: float) -> tuple[bool, float]:
    """:func:`looks_english`, from the text's :class:`_Profile` when given (a
    vectorised count, same answer), else with regular expressions."""
    script = _main_script(text) if profile is None else profile.script()
    if script and script != "LATIN":
        return False, 0.0
    counted = None if profile is None else profile.english_counts()
    if counted is None:
        words = _WORD.findall(text[:20000].lower())[:2000]
        n_words, n_function = len(words), sum(map(_EN_FUNCTION.__contains__, words))
    else:
        n_words, n_function = counted
    if n_words < 12:
        return True, float("nan")
    share = n_function / n_words
    return share >= (threshold if n_words >= min_words else min(threshold, 0.08)), share


def looks_english(text: str, *, min_words: int = 30, threshold: float = 0.12) -> tuple[bool, float]:
    """Share of common English function words among the first 2,000 words.

    Returns ``(is_english, share)``. Text mostly in a non-Latin script is not
    English (share 0.0). Texts of fewer than ``min_words`` words need a lower
    share (0.08 from 12 words up); under 12 words they are given the benefit
    of the doubt.

    >>> looks_english("The minister said that the plan would be ready by the end of the year " * 3)[0]
    True
    >>> looks_english("El presidente del Gobierno anunció que la fiscalía investigará a las plataformas " * 3)[0]
    False
    >>> looks_english("西班牙政府周二表示，将要求检察机关调查社交平台。")
    (False, 0.0)
    """
    return _english(text, _Profile(text), min_words, threshold)


# --------------------------------------------------------------------------- records
def _record(article_id, text="", *, encoding="", status="ok", error="", source="", meta=None):
    meta = meta or {}
    return {
        "article_id": str(article_id),
        "outlet": _clean_meta(meta.get("outlet")),
        "title": _clean_meta(meta.get("title")),
        "date": _clean_meta(meta.get("date")),
        "url": _clean_meta(meta.get("url")),
        "text": text,
        "encoding": encoding,
        "status": status,
        "error": error,
        "source": source,
    }


def _clean_meta(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN
        return ""
    return str(value).strip()


def _add_problem(rec: dict, message: str, status: str = "warning") -> None:
    rec["error"] = f"{rec['error']}; {message}" if rec["error"] else message
    if STATUSES.index(status) > STATUSES.index(rec["status"]):
        rec["status"] = status


class _TooBig(bytes):
    """Empty bytes standing in for a file over the size limit, which is never
    read; ``size`` is the file's real size, for the message."""

    size: int = 0


def _read_capped(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, or a :class:`_TooBig` when it is over ``max_bytes``
    (so a 20 GB file is reported with its size, not loaded)."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        # Reading a named pipe or a device would block or never end.
        raise OSError(errno.EINVAL, "not a regular file (a folder, pipe, socket or device)")
    size = info.st_size
    if size > max_bytes:
        marker = _TooBig()
        marker.size = size
        return marker
    return path.read_bytes()


def _text_record(article_id, raw: bytes, *, source: str, meta=None, max_bytes=DEFAULT_MAX_BYTES):
    """Turn one file's bytes into a record, with every problem in plain words."""
    size = raw.size if isinstance(raw, _TooBig) else len(raw)
    if size > max_bytes:
        return _record(article_id, status="error", source=source, meta=meta,
                       error=f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB "
                             "limit for one article; split it, or raise max_bytes (--max-bytes)")
    if not raw:
        return _record(article_id, status="error", source=source, meta=meta, error="empty file")
    text, encoding, problem, warnings = _decode(raw)
    if problem:
        return _record(article_id, status="error", source=source, meta=meta, error=problem)
    return _finish_text(article_id, text, encoding=encoding, source=source, meta=meta, warnings=warnings)


def _finish_text(article_id, text: str, *, encoding: str, source: str, meta=None, warnings=(), english=None):
    meta = dict(meta or {})
    rec = _record(article_id, encoding=encoding, source=source, meta=meta)
    text = text.lstrip("\ufeff")
    text, n_control = clean_text(text)
    if encoding in ("cp1252", "latin-1"):
        _add_problem(rec, f"not valid UTF-8; decoded as {encoding}")
    for warning in warnings:
        _add_problem(rec, warning)
    if n_control:
        _add_problem(rec, f"{n_control} control character{'s' if n_control > 1 else ''} removed "
                          f"(replaced by spaces)")
    if _XML_START.match(text) and not looks_like_html(text):
        rec["status"], rec["text"] = "skipped", ""
        _add_problem(rec, "an XML document (a feed or export?), not an article's text; read but not "
                          "analysed: convert it to one .txt per article or a .jsonl", "skipped")
        return rec
    if looks_like_html(text):
        text, html_title = html_to_text(text)
        if html_title and not rec["title"]:
            rec["title"] = html_title
        _add_problem(rec, "HTML page: tags stripped, text kept")
    if not text.strip():
        rec["status"], rec["text"] = "error", ""
        _add_problem(rec, "no text (empty or whitespace only)", "error")
        return rec
    rec["text"] = text
    # The code points and word mask, computed once, serve the word test, the
    # language test and the word count (kept for _frame with the text it counts).
    profile = _Profile(text)
    n_words = profile.n_words()
    rec["_n_words"] = (text, n_words)
    if not n_words:
        # Only punctuation or symbols: nothing for the stages to read.
        _add_problem(rec, "no words (only punctuation or symbols); read but not analysed", "skipped")
        return rec
    share = float("nan")
    if english is None:
        english, share = _english(text, profile, 30, 0.12)
    if not english:
        script = _main_script(text)
        why = (f"mostly {script if len(script) <= 3 else script.title()} script"
               if share == 0 and script not in ("", "LATIN") else f"{share:.0%} English function words")
        _add_problem(rec, f"does not look like English ({why}); read but not analysed", "skipped")
    return rec


# --------------------------------------------------------------------------- readers
def _read_manifest(path: Path) -> tuple[dict[str, dict], list[str]]:
    problems: list[str] = []
    # Decoded like an article, so a manifest saved as cp1252 or UTF-16 (Excel)
    # is read, and a binary file is named for what it is.
    text, encoding, problem = decode(path.read_bytes())
    if problem:
        return {}, [f"manifest.csv: {problem}; ignored"]
    if encoding not in ("utf-8", "utf-8-sig"):
        problems.append(f"manifest.csv decoded as {encoding}")
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except Exception as exc:  # a broken manifest must not stop the corpus
        return {}, [f"manifest.csv could not be read ({exc.__class__.__name__}: {exc}); ignored"]
    frame.columns = [c.strip().lower() for c in frame.columns]
    if "article_id" not in frame.columns and "id" in frame.columns:
        frame = frame.rename(columns={"id": "article_id"})
    if "outlet" not in frame.columns and "publisher" in frame.columns:
        frame = frame.rename(columns={"publisher": "outlet"})
    if "article_id" not in frame.columns:
        return {}, ["manifest.csv has no article_id column; ignored"]
    missing = [c for c in META_FIELDS if c not in frame.columns]
    if missing:
        problems.append("manifest.csv has no " + ", ".join(missing) + " column")
    rows: dict[str, dict] = {}
    for row in frame.to_dict("records"):
        key = row["article_id"].strip()
        if key in rows:
            problems.append(f"manifest.csv lists {key!r} twice; first row used")
            continue
        rows[key] = row
    return rows, problems


def _inside(root: Path, path: Path) -> bool:
    try:
        path.resolve(strict=True).relative_to(root.resolve())
        return True
    except (ValueError, OSError, RuntimeError):
        return False


def list_files(root: Path, pattern: str = ".txt") -> dict[str, Path]:
    """The corpus files under ``root``, article id -> path, in a stable order.

    The id is the file stem at the top level and the relative path without the
    suffix below it (``2024/jan/a``), so files in sub-folders never collide.
    """
    files: dict[str, Path] = {}
    # os.walk with followlinks=False cannot loop through symlinked folders.
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        for name in sorted(filenames):
            if not name.endswith(pattern):
                continue
            path = Path(dirpath) / name
            rel = path.relative_to(root).as_posix()
            stem = path.stem if Path(dirpath) == root else rel[: -len(pattern)]
            files.setdefault(stem, path)
    return files


def _iter_folder(root: Path, *, max_bytes: int, pattern: str = ".txt") -> Iterator[dict]:
    """The records of a folder corpus, one file at a time (``framing.stream`` reads
    a large folder through this without holding every text)."""
    manifest_path = root / "manifest.csv"
    manifest, manifest_problems = ({}, [])
    if manifest_path.exists():
        manifest, manifest_problems = _read_manifest(manifest_path)

    def finish(rec):
        for problem in manifest_problems:
            _add_problem(rec, problem)
        return rec

    files = list_files(root, pattern)
    for key, row in manifest.items():
        target = (row.get("file") or "").strip()
        if not target:
            continue
        candidate = root / target
        if not _inside(root, candidate):
            yield finish(_record(key, status="error", source=target, meta=row,
                                 error=f"manifest path {target!r} is outside the corpus folder; refused"))
            files.pop(key, None)
            manifest[key] = {**row, "_done": True}
        else:
            files[key] = candidate
    for stem in sorted(files):
        path = files[stem]
        source = path.relative_to(root).as_posix() if _inside(root, path) or path.is_symlink() else str(path)
        meta = manifest.get(stem)
        if path.is_symlink():
            try:
                path.resolve(strict=True)
            except (OSError, RuntimeError):
                yield finish(_record(stem, status="error", source=source, meta=meta,
                                     error="broken symlink or symlink loop; not read"))
                continue
            if not _inside(root, path):
                yield finish(_record(stem, status="error", source=source, meta=meta,
                                     error="symlink points outside the corpus folder; refused"))
                continue
        try:
            raw = _read_capped(path, max_bytes)
        except OSError as exc:
            yield finish(_record(stem, status="error", source=source, meta=meta,
                                 error=f"could not read file ({exc.strerror or exc})"))
            continue
        rec = _text_record(stem, raw, source=source, meta=meta, max_bytes=max_bytes)
        if manifest and meta is None:
            _add_problem(rec, "no row in manifest.csv; outlet unknown")
        yield finish(rec)
    for key, row in manifest.items():
        if key not in files and not row.get("_done"):
            yield finish(_record(key, status="error", source="manifest.csv", meta=row,
                                 error="listed in manifest.csv but no file found"))


def _read_folder(root: Path, *, max_bytes: int, pattern: str = ".txt") -> list[dict]:
    return list(_iter_folder(root, max_bytes=max_bytes, pattern=pattern))


def _meta_from_mapping(obj: dict) -> dict:
    meta = {k: obj.get(k) for k in META_FIELDS}
    if not _clean_meta(meta["outlet"]):
        meta["outlet"] = obj.get("publisher")
    return meta


def _record_from_mapping(obj, fallback_id: str, source: str) -> dict:
    if not isinstance(obj, dict):
        return _record(fallback_id, status="error", source=source,
                       error="record is not a JSON object; skipped")
    ident = obj.get("article_id", obj.get("id"))
    ident = fallback_id if ident is None or str(ident).strip() == "" else str(ident).strip()
    meta = _meta_from_mapping(obj)
    text = obj.get("text")
    missing = text is None or (isinstance(text, float) and text != text)
    if missing or (isinstance(text, str) and not text.strip()):
        pointer = next((str(obj[k]).strip() for k in _PATH_FIELDS if _clean_meta(obj.get(k))), "")
        if pointer:
            # Never open a path named inside a record: it could point anywhere
            # (``../../etc/passwd``); the text must be in the record itself.
            return _record(ident, status="error", source=source, meta=meta,
                           error=f"record points at a file ({pointer!r}) instead of giving its text; refused: "
                                 "files named in .jsonl/.csv records are never read, put the text in a 'text' field")
    if missing:
        return _record(ident, status="error", source=source, meta=meta, error="record has no text field")
    if not isinstance(text, str):
        text = str(text)
    return _finish_text(ident, text, encoding="utf-8", source=source, meta=meta)


def _parse_json_line(line: str) -> tuple[object, str]:
    """``(object, "")`` or ``(None, problem in plain words)``.

    >>> _parse_json_line('{"id": 1')[1]
    "not valid JSON (Expecting ',' delimiter at column 9)"
    >>> _parse_json_line("[" * 100000 + "]" * 100000)[1]
    'not valid JSON (nested too deeply)'
    """
    try:
        return json.loads(line), ""
    except json.JSONDecodeError as exc:
        return None, f"not valid JSON ({exc.msg} at column {exc.colno})"
    except RecursionError:  # json.loads recurses once per nesting level
        return None, "not valid JSON (nested too deeply)"


def _read_jsonl(path: Path, *, max_bytes: int) -> list[dict]:
    raw = path.read_bytes()
    text, encoding, problem = decode(raw)
    if problem:
        return [_record(path.stem, status="error", source=path.name, error=problem)]
    records = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        source = f"{path.name}:{lineno}"
        if len(line) * 4 > max_bytes and len(line.encode("utf-8", "replace")) > max_bytes:
            records.append(_record(f"{path.stem}:{lineno}", status="error", source=source,
                                   error=f"line is over the {max_bytes / 1e6:.0f} MB limit for one article"))
            continue
        obj, problem = _parse_json_line(line)
        if problem:
            records.append(_record(f"{path.stem}:{lineno}", status="error", source=source, error=problem))
            continue
        records.append(_record_from_mapping(obj, f"{path.stem}:{lineno}", source))
        if encoding != "utf-8" and records[-1]["status"] != "error":
            _add_problem(records[-1], f"file decoded as {encoding}")
    return records


def _read_csv(path: Path, *, max_bytes: int) -> list[dict]:
    raw = path.read_bytes()
    text, encoding, problem = decode(raw)
    if problem:
        return [_record(path.stem, status="error", source=path.name, error=problem)]
    csv.field_size_limit(max(max_bytes, 131072))
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, engine="python")
    except Exception as exc:
        return [_record(path.stem, status="error", source=path.name,
                        error=f"CSV could not be parsed ({exc.__class__.__name__}: {exc})")]
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    if "text" not in frame.columns:
        return [_record(path.stem, status="error", source=path.name,
                        error="CSV has no 'text' column; nothing to analyse")]
    records = []
    for i, row in enumerate(frame.to_dict("records"), start=2):
        records.append(_record_from_mapping(row, f"{path.stem}:{i}", f"{path.name}:{i}"))
        if encoding not in ("utf-8", "utf-8-sig") and records[-1]["status"] != "error":
            _add_problem(records[-1], f"file decoded as {encoding}")
    return records


def _dedupe_ids(records: list[dict]) -> None:
    """Keep ids unique: a repeated id gets a ``~N`` suffix and a warning."""
    seen: dict[str, int] = {}
    for rec in records:
        key = rec["article_id"]
        if key in seen:
            seen[key] += 1
            new = f"{key}~{seen[key]}"
            while new in seen:
                seen[key] += 1
                new = f"{key}~{seen[key]}"
            rec["article_id"] = new
            seen[new] = 1
            _add_problem(rec, f"duplicate article_id {key!r}; renamed to {new!r}")
        else:
            seen[key] = 1


def _frame(records: list[dict]) -> pd.DataFrame:
    _dedupe_ids(records)
    frame = pd.DataFrame.from_records(records, columns=[c for c in COLUMNS if c not in
                                                        ("outlet_known", "n_chars", "n_words", "language")])
    if frame.empty:
        return pd.DataFrame({c: pd.Series(dtype=_dtype(c)) for c in COLUMNS})
    frame["outlet_known"] = frame["outlet"] != ""
    # An article with no known outlet is its own group; no outlet is invented.
    frame["outlet"] = frame["outlet"].where(frame["outlet_known"], frame["article_id"])
    frame["n_chars"] = frame["text"].str.len().astype("int64")
    frame["n_words"] = np.array([_count_words(r) for r in records], dtype=np.int64)
    frame["language"] = [
        "" if st == "error" else ("en" if st != "skipped" else "not en")
        for st in frame["status"]
    ]
    return frame[COLUMNS].reset_index(drop=True)


def _count_words(rec: dict) -> int:
    """Words (regex ``\\w+`` runs) of a record's text: the count
    :func:`_finish_text` made, if it counted this very text, else counted now."""
    done = rec.get("_n_words")
    if done is not None and done[0] is rec["text"]:
        return done[1]
    return len(_WORD.findall(rec["text"]))


def _dtype(column: str) -> str:
    return {"n_chars": "int64", "n_words": "int64", "outlet_known": "bool"}.get(column, "object")


def from_texts(texts, *, ids=None, outlets=None, check_language: bool = True) -> pd.DataFrame:
    """The ``articles`` table for texts already in memory.

    Each text goes through the same steps as a file read by :func:`load`
    (line endings, control characters, HTML, empty text, language), so the
    table is what the pipeline would see.

    Parameters
    ----------
    texts : sequence of str
    ids : sequence of str, optional
        Article ids (default ``"t0"``, ``"t1"``, ...); repeated ids are renamed.
    outlets : sequence of str, optional
    check_language : bool
        False analyses text that does not look like English (for tests of the
        stages on arbitrary text).

    >>> from_texts(["The mayor said yes.", "  "])[["article_id", "status", "error"]].values.tolist()
    [['t0', 'ok', ''], ['t1', 'error', 'no text (empty or whitespace only)']]
    """
    texts = list(texts)
    ids = [f"t{i}" for i in range(len(texts))] if ids is None else list(ids)
    outlets = [""] * len(texts) if outlets is None else list(outlets)
    records = []
    for ident, text, outlet in zip(ids, texts, outlets):
        rec = _finish_text(ident, str(text), encoding="utf-8", source="<memory>", meta={"outlet": outlet},
                           english=None if check_language else True)
        records.append(rec)
    return _frame(records)


def load(path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> pd.DataFrame:
    """Load a corpus into the ``articles`` table.

    Parameters
    ----------
    path : str or Path
        A folder of ``.txt`` files (plus optional ``manifest.csv``), a single
        ``.txt`` file, a ``.jsonl`` file or a ``.csv`` file.
    max_bytes : int
        Larger single articles are reported as errors rather than read.

    Returns
    -------
    pandas.DataFrame
        One row per input article, columns :data:`COLUMNS`; ``status`` tells
        whether it was read and ``error`` says what went wrong in plain words.

    Raises
    ------
    FileNotFoundError
        When ``path`` does not exist (nothing could be read at all).
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file or folder")
    if path.is_dir():
        records = _read_folder(path, max_bytes=max_bytes)
    else:
        suffix = path.suffix.lower()
        if suffix == ".jsonl" or suffix == ".ndjson":
            records = _read_jsonl(path, max_bytes=max_bytes)
        elif suffix == ".csv":
            records = _read_csv(path, max_bytes=max_bytes)
        else:
            raw = _read_capped(path, max_bytes)
            records = [_text_record(path.stem, raw, source=path.name, max_bytes=max_bytes)]
    return _frame(records)
