"""Read a corpus in batches, without holding every text in memory.

:func:`iter_batches` yields consecutive slices of the ``articles`` table that
:func:`framing.corpus.load` would return, each at most ``batch_size`` rows:
concatenating the batches gives exactly ``corpus.load(path)`` (same rows, same
order, same ids, statuses and messages). Only one batch of texts is in memory
at a time for a ``.jsonl`` file and a folder of ``.txt`` files; what is kept
across batches is small (the ids seen so far, to keep them unique, and a
folder's file list and manifest).

A ``.csv`` file, a single ``.txt`` file and a ``.jsonl`` file in UTF-16 are read
whole (the CSV parser needs the whole file to find quoted line breaks), then
sliced.

Examples
--------
>>> from framing.stream import iter_batches
>>> for batch in iter_batches("seeds", 2):                     # doctest: +SKIP
...     print(len(batch))
2
2
1
"""
from __future__ import annotations

import codecs
import hashlib
import os
from pathlib import Path
from typing import Iterator

import numpy as np
import pandas as pd

from . import corpus
from .corpus import (_MAGIC, DEFAULT_MAX_BYTES, _add_problem, _frame, _record,
                     _record_from_mapping, _text_record)

__all__ = ["iter_batches", "iter_records", "input_fingerprint", "estimate_count"]


class _IdSet:
    """A set of strings held as 64-bit hashes (BLAKE2b), 8 bytes an entry in
    a sorted array plus a small buffer of recent ones, instead of the
    strings themselves: what is kept to make ids unique grows by 8 bytes an
    article, not by its id. (Two distinct ids share a hash with probability
    about n**2 / 2**65: 3e-10 for a million articles.)

    >>> ids = _IdSet()
    >>> ids.add("a"); ids.add("b"); ids.add("a")
    >>> ("a" in ids, "c" in ids, len(ids))
    (True, False, 2)
    """

    #: Hashes buffered in a Python set before they are merged into the array.
    BUFFER = 4096

    def __init__(self):
        self._sorted = np.empty(0, dtype=np.uint64)
        self._recent: set[int] = set()

    @staticmethod
    def _hash(key: str) -> int:
        return int.from_bytes(hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest(),
                              "little")

    def _has(self, h: int) -> bool:
        if h in self._recent:
            return True
        arr = self._sorted
        i = int(arr.searchsorted(np.uint64(h)))
        return i < len(arr) and int(arr[i]) == h

    def __contains__(self, key: str) -> bool:
        return self._has(self._hash(key))

    def add(self, key: str) -> None:
        h = self._hash(key)
        if self._has(h):
            return
        self._recent.add(h)
        if len(self._recent) >= self.BUFFER:
            recent = np.fromiter(self._recent, dtype=np.uint64, count=len(self._recent))
            self._sorted = np.union1d(self._sorted, recent)
            self._recent = set()

    def __len__(self) -> int:
        return len(self._sorted) + len(self._recent)


class _Dedupe:
    """:func:`framing.corpus._dedupe_ids`, applied record by record across
    batches. The ids seen are kept as hashes (:class:`_IdSet`); only the ids
    met more than once keep their string (with the last suffix given)."""

    def __init__(self):
        self.seen = _IdSet()
        self.repeats: dict[str, int] = {}  # id -> its last "~N" suffix

    def __call__(self, rec: dict) -> dict:
        seen, key = self.seen, rec["article_id"]
        if key in seen:
            n = self.repeats.get(key, 1) + 1
            new = f"{key}~{n}"
            while new in seen:
                n += 1
                new = f"{key}~{n}"
            self.repeats[key] = n
            rec["article_id"] = new
            seen.add(new)
            _add_problem(rec, f"duplicate article_id {key!r}; renamed to {new!r}")
        else:
            seen.add(key)
        return rec


# --------------------------------------------------------------------------- jsonl
def _stream_encoding(path: Path) -> str | None:
    """The encoding :func:`framing.corpus.decode` would pick for the whole file,
    found in one bounded-memory pass; None when the file must be read whole
    (binary, UTF-16, a byte-order mark)."""
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if any(head.startswith(m) for m, _ in _MAGIC) or head.startswith(
            (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head:
        return None
    for encoding in ("utf-8", "cp1252"):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            with open(path, "rb") as fh:
                while chunk := fh.read(1 << 20):
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
            return encoding
        except UnicodeDecodeError:
            continue
    return "latin-1"


def _iter_jsonl(path: Path, *, max_bytes: int) -> Iterator[dict]:
    encoding = _stream_encoding(path)
    if encoding is None:
        yield from corpus._read_jsonl(path, max_bytes=max_bytes)
        return
    lineno = 0
    with open(path, "rb") as fh:
        for raw in fh:  # physical lines; str.splitlines() also breaks on \r, \u2028, ...
            for line in raw.decode(encoding).splitlines() or [""]:
                lineno += 1
                if not line.strip():
                    continue
                source = f"{path.name}:{lineno}"
                if len(line) * 4 > max_bytes and len(line.encode("utf-8", "replace")) > max_bytes:
                    yield _record(f"{path.stem}:{lineno}", status="error", source=source,
                                  error=f"line is over the {max_bytes / 1e6:.0f} MB limit for one article")
                    continue
                obj, problem = corpus._parse_json_line(line)
                if problem:
                    yield _record(f"{path.stem}:{lineno}", status="error", source=source, error=problem)
                    continue
                rec = _record_from_mapping(obj, f"{path.stem}:{lineno}", source)
                if encoding != "utf-8" and rec["status"] != "error":
                    _add_problem(rec, f"file decoded as {encoding}")
                yield rec


# --------------------------------------------------------------------------- folder
# --------------------------------------------------------------------------- public
def iter_records(path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[dict]:
    """Article records (dicts, ids not yet made unique) in corpus order."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file or folder")
    if path.is_dir():
        yield from corpus._iter_folder(path, max_bytes=max_bytes)
        return
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from _iter_jsonl(path, max_bytes=max_bytes)
    elif suffix == ".csv":
        yield from corpus._read_csv(path, max_bytes=max_bytes)
    else:
        raw = corpus._read_capped(path, max_bytes)
        yield _text_record(path.stem, raw, source=path.name, max_bytes=max_bytes)


def iter_batches(path, batch_size: int = 500, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[pd.DataFrame]:
    """Consecutive batches of the ``articles`` table, read lazily.

    Parameters
    ----------
    path : str or Path
        What :func:`framing.corpus.load` accepts.
    batch_size : int
        Articles per batch (the last batch may be smaller).
    max_bytes : int
        As in :func:`framing.corpus.load`.

    Yields
    ------
    DataFrame
        Columns :data:`framing.corpus.COLUMNS`, a fresh 0-based index per batch;
        ``pd.concat`` of all batches equals ``corpus.load(path)`` (index aside).
    """
    batch_size = max(1, int(batch_size))
    dedupe = _Dedupe()
    records: list[dict] = []
    for rec in iter_records(path, max_bytes=max_bytes):
        records.append(dedupe(rec))
        if len(records) >= batch_size:
            yield _frame(records)
            records = []
    if records:
        yield _frame(records)


def estimate_count(path) -> int | None:
    """About how many articles ``path`` holds, cheaply, for a progress bar:
    the non-blank lines of a ``.jsonl`` file (read in blocks, not parsed),
    the ``.txt`` files of a folder; None for other inputs.

    >>> estimate_count("no/such/file.csv") is None
    True
    """
    path = Path(path)
    try:
        if path.is_dir():
            return sum(name.endswith(".txt") for _, _, names in os.walk(path) for name in names)
        if path.suffix.lower() in (".jsonl", ".ndjson"):
            with open(path, "rb") as fh:
                return sum(1 for line in fh if line.strip())
    except OSError:
        return None
    return None


def input_fingerprint(path, *, extra: str = "") -> str:
    """A short hash identifying an input corpus (path, sizes and modification
    times of its files) plus ``extra`` (e.g. the batch size and options).

    Cheap: file contents are not read. Used to key the resume manifest.
    """
    path = Path(path).resolve()
    h = hashlib.sha256(f"{path}\n{extra}\n".encode())
    entries = []
    if path.is_dir():
        for dirpath, dirnames, filenames in os.walk(path, followlinks=False):
            dirnames.sort()
            for name in sorted(filenames):
                entries.append(Path(dirpath) / name)
    else:
        entries.append(path)
    for entry in entries:
        try:
            st = entry.stat()
            h.update(f"{entry.relative_to(path) if path.is_dir() else entry.name}\t{st.st_size}\t"
                     f"{st.st_mtime_ns}\n".encode())
        except OSError:
            h.update(f"{entry}\tmissing\n".encode())
    return h.hexdigest()[:16]
