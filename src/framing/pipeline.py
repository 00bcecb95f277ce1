"""Run every stage over a corpus and collect the tidy tables.

The work is split the way a large corpus needs it:

* :func:`analyze_batch` runs the per-article stages on a batch of articles
  (segments, quotes, person mentions, stance) and can be mapped over
  partitions of a corpus that does not fit in memory;
* :func:`finalize` runs the few corpus-wide steps (merging one person's names
  across outlets, mapping speakers to people, distinctive vocabulary, per-outlet
  totals) on the concatenated per-article tables.

Examples
--------
>>> from framing import corpus, pipeline
>>> tables = pipeline.analyze(corpus.load("seeds"))          # doctest: +SKIP
>>> sorted(tables)                                            # doctest: +SKIP
['articles', 'distinctive', 'outlets', 'people', 'quotes', 'segments', 'stance', 'stance_evidence']
"""
from __future__ import annotations

import importlib
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from . import clean, compare

__all__ = ["analyze", "analyze_batch", "finalize", "write_tables", "read_tables", "iter_batches", "to_csv",
           "order_by_article", "TABLE_ORDER", "BATCH_TABLES", "ANALYSED"]

#: Statuses whose articles go through the stages.
ANALYSED = ("ok", "warning")
#: Tables in the order they are written.
TABLE_ORDER = ["articles", "segments", "quotes", "people", "stance", "stance_evidence",
               "distinctive", "outlets"]
#: Per-article tables that analyze_batch returns (mentions is intermediate).
BATCH_TABLES = ["segments", "quotes", "mentions", "stance", "stance_evidence"]


def _stage(module: str, name: str) -> Callable | None:
    """A stage function if its module is installed, else None."""
    try:
        mod = importlib.import_module(f"framing.{module}")
    except ImportError:
        return None
    return getattr(mod, name, None)


def analyze_batch(articles: pd.DataFrame, *, clean_options: dict | None = None) -> dict[str, pd.DataFrame]:
    """Per-article stages for one batch of articles.

    Parameters
    ----------
    articles : DataFrame
        A slice of the ``articles`` table.
    clean_options : dict, optional
        Keyword arguments for :func:`framing.clean.segment`.

    Returns
    -------
    dict of DataFrame
        ``segments``, ``quotes``, ``mentions``, ``stance``, ``stance_evidence``
        (an empty frame for a stage that is not available).
    """
    usable = articles[articles["status"].isin(ANALYSED)]
    out: dict[str, pd.DataFrame] = {name: pd.DataFrame() for name in BATCH_TABLES}
    out["segments"] = clean.segment(usable, **(clean_options or {}))
    extract_quotes = _stage("quotes", "extract")
    if extract_quotes is not None:
        out["quotes"] = extract_quotes(usable, out["segments"])
    mentions = _stage("people", "mentions")
    if mentions is not None:
        out["mentions"] = mentions(usable, out["segments"], out["quotes"])
    score = _stage("stance", "score")
    if score is not None:
        out["stance"], out["stance_evidence"] = score(usable, out["segments"], out["quotes"])
    return out


def order_by_article(frame: pd.DataFrame, article_ids) -> pd.DataFrame:
    """Rows in the order of their article in ``article_ids`` (the corpus
    order), keeping each article's rows in the order its stage gave them.

    This makes the per-article tables independent of how the corpus was cut
    into batches and of the order in which batches finished.
    """
    if not len(frame) or "article_id" not in frame.columns:
        return frame
    # Positions by one hash look-up of the whole column (why: Series.map with
    # a dict goes value by value); the dict below where ids repeat or are
    # missing (its last-wins and NaN-last rules).
    ids = pd.Index(article_ids)
    if ids.is_unique:
        key = pd.Series(ids.get_indexer(frame["article_id"]), index=frame.index)
        if (key.to_numpy() >= 0).all():
            if key.is_monotonic_increasing:
                return frame.reset_index(drop=True)
            return frame.iloc[key.argsort(kind="stable")].reset_index(drop=True)
    position = {aid: i for i, aid in enumerate(article_ids)}
    key = frame["article_id"].map(position)
    if key.is_monotonic_increasing:
        return frame.reset_index(drop=True)
    return frame.iloc[key.argsort(kind="stable")].reset_index(drop=True)


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if f is not None and len(f.columns)]
    if not frames:
        return pd.DataFrame()
    non_empty = [f for f in frames if len(f)]
    return pd.concat(non_empty or frames[:1], ignore_index=True)


def finalize(parts: dict[str, pd.DataFrame], articles: pd.DataFrame, *,
             roster: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Corpus-wide steps on the concatenated per-article tables."""
    segments = parts.get("segments", pd.DataFrame())
    quotes = parts.get("quotes", pd.DataFrame())
    tables: dict[str, pd.DataFrame] = {}
    # Streaming runs add the per-article totals batch by batch.
    totals_done = {"n_segments", "n_segments_kept", "n_words_kept"} <= set(articles.columns)
    tables["articles"] = articles if totals_done else compare.article_totals(articles, segments)
    tables["segments"] = segments
    resolve = _stage("people", "resolve")
    people = pd.DataFrame()
    if resolve is not None and "mentions" in parts:
        people = resolve(parts["mentions"], articles, quotes, roster=roster)
    canonical = _stage("aliases", "canonicalize_speakers")
    if canonical is not None and len(quotes) and len(people):
        quotes = canonical(quotes, people)
    tables["quotes"] = quotes
    tables["people"] = people
    tables["stance"] = parts.get("stance", pd.DataFrame())
    tables["stance_evidence"] = parts.get("stance_evidence", pd.DataFrame())
    distinctive = _stage("stance", "distinctive_terms")
    if "distinctive" in parts:  # computed from merged per-batch counts (framing.scale)
        tables["distinctive"] = parts["distinctive"]
    elif distinctive is not None and len(segments):
        usable = articles[articles["status"].isin(ANALYSED)]
        tables["distinctive"] = distinctive(usable, segments, quotes)
    tables["outlets"] = compare.outlets(tables, articles)
    return {name: tables[name] for name in TABLE_ORDER if name in tables}


def iter_batches(articles: pd.DataFrame, batch_size: int) -> Iterable[pd.DataFrame]:
    """Consecutive slices of at most ``batch_size`` articles."""
    for start in range(0, len(articles), max(1, batch_size)):
        yield articles.iloc[start:start + batch_size]


def analyze(articles: pd.DataFrame, *, roster: pd.DataFrame | None = None, batch_size: int = 500,
            progress: bool = False, clean_options: dict | None = None) -> dict[str, pd.DataFrame]:
    """Run every available stage over ``articles``.

    Parameters
    ----------
    articles : DataFrame
        The ``articles`` table from :func:`framing.corpus.load`.
    roster : DataFrame, optional
        Known actors (:func:`framing.people.load_roster`).
    batch_size : int
        Articles per batch of per-article work.
    progress : bool
        Show a progress bar (tqdm).
    clean_options : dict, optional
        Keyword arguments for :func:`framing.clean.segment`.

    Returns
    -------
    dict of DataFrame, keyed by table name (see :data:`TABLE_ORDER`).
    """
    batches = list(iter_batches(articles, batch_size))
    if progress:
        from tqdm.auto import tqdm
        bar = tqdm(total=len(articles), unit="article", desc="analysing")
    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in BATCH_TABLES}
    for batch in batches:
        for name, frame in analyze_batch(batch, clean_options=clean_options).items():
            parts[name].append(frame)
        if progress:
            bar.update(len(batch))
    if progress:
        bar.close()
    merged = {name: order_by_article(_concat(frames), articles["article_id"]) for name, frames in parts.items()}
    return finalize(merged, articles, roster=roster)


def _tidy_for_disk(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    if name == "articles":
        frame = frame.drop(columns=["text"], errors="ignore")
    return frame


#: How every CSV table is written (float columns with 6 significant digits).
FLOAT_FORMAT = "%.6g"


def _format_floats(values) -> "np.ndarray":
    """The strings ``DataFrame.to_csv(float_format=FLOAT_FORMAT)`` writes for
    a float column (pandas' FloatArrayFormatter: ``FLOAT_FORMAT % v``, and
    "" for NaN), built without pandas' per-value calls and NA checks."""
    import numpy as np
    values = np.asarray(values)
    if len(values) > 64 and not (np.signbit(values) & (values == 0)).any():
        # Each distinct value formatted once (why: a column repeats values,
        # such as counts per 1,000 words, and "%" per value is the cost);
        # -0.0 (written "-0", equal to 0.0) never takes this path.
        uniq, inverse = np.unique(values, return_inverse=True)
        if len(uniq) * 2 <= len(values):
            return _format_floats(uniq)[inverse.reshape(-1)]
    out = np.array([FLOAT_FORMAT % v for v in values.tolist()], dtype=object)
    out[np.isnan(values)] = ""
    return out


def to_csv(frame: pd.DataFrame, target, *, header: bool = True) -> None:
    """``frame.to_csv(target, index=False, lineterminator="\\n",
    float_format=FLOAT_FORMAT, header=header)``, byte for byte, faster.

    Frames whose columns are all numpy integers, floats and booleans or
    pandas strings (the tables of this package) are rendered column by
    column with Arrow (:func:`_csv_text`): the very text of the csv module
    pandas uses. Plain float columns of other frames are formatted
    beforehand (:func:`_format_floats`), as strings that need no quoting, so
    the CSV writer gets the very strings pandas would make. Other frames
    (float extension dtypes) go to pandas unchanged. tests/test_scale.py
    compares the three."""
    import numpy as np
    options = {"index": False, "lineterminator": "\n", "header": header}
    if len(frame.columns) > 1 and not frame.columns.has_duplicates and _arrow_writable(frame):
        if isinstance(target, (str, Path)):
            with open(target, "w", encoding="utf-8", newline="") as fh:
                _write_csv_text(frame, fh, header)
        else:
            _write_csv_text(frame, target, header)
        return
    dtypes = list(frame.dtypes)
    plain = [i for i, d in enumerate(dtypes) if isinstance(d, np.dtype) and d.kind == "f"]
    # Only numpy columns and pandas strings are known to be written alike
    # with and without float_format once the floats are strings.
    known = all((isinstance(d, np.dtype) and d.kind != "c") or isinstance(d, pd.StringDtype) for d in dtypes)
    if not plain or not known or not len(frame) or frame.columns.has_duplicates:
        frame.to_csv(target, float_format=FLOAT_FORMAT, **options)
        return
    formatted = frame.copy(deep=False)
    for i in plain:
        formatted.isetitem(i, _format_floats(frame.iloc[:, i].to_numpy()))
    formatted.to_csv(target, **options)


#: Rows rendered at once by :func:`_write_csv_text` (bounds the text in memory).
CSV_CHUNK_ROWS = 50_000


def _arrow_writable(frame: pd.DataFrame) -> bool:
    """True when :func:`_csv_text` renders ``frame`` as pandas would: string
    column labels (a flat index), and columns of numpy int, uint, float or
    bool dtype, or pandas strings."""
    import numpy as np
    if isinstance(frame.columns, pd.MultiIndex) or not all(type(c) is str for c in frame.columns):
        return False
    for d in frame.dtypes:
        if isinstance(d, np.dtype):
            if d.kind not in "iub" and not (d.kind == "f" and d.itemsize in (4, 8)):
                return False
        elif not isinstance(d, pd.StringDtype):
            return False
    return True


def _csv_field(text: str) -> str:
    """One field as the csv module writes it (QUOTE_MINIMAL, line terminator
    "\\n"): quoted when it holds a comma, a quote or a line feed, quotes doubled."""
    if "," in text or '"' in text or "\n" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def _csv_column(series: pd.Series):
    """A column's CSV fields as an Arrow string array (what pandas' writer
    makes of it: ``FLOAT_FORMAT`` for floats and "" for NaN, ``str`` for
    integers, True/False, strings quoted as the csv module quotes them and
    "" for missing ones)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc
    dtype = series.dtype
    if isinstance(dtype, np.dtype):
        values = series.to_numpy()
        if dtype.kind == "f":  # never quoted: digits, sign, point, e, inf, nan
            return pa.array(_format_floats(values), pa.string())
        if dtype.kind == "b":
            return pa.array(np.where(values, "True", "False").astype(object), pa.string())
        return pc.cast(pa.array(values), pa.string())
    arr = pa.array(series.array)  # pandas strings: NA becomes null
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    arr = pc.fill_null(arr.cast(pa.string()), "")
    # Most columns (ids, labels) hold no comma, quote or line feed at all: a
    # look at the column's bytes settles it (why: the per-value regex below
    # is most of the cost of rendering a table).
    if not _has_special_bytes(arr):
        return arr
    special = pc.match_substring_regex(arr, '[,"\n]')
    if pc.any(special).as_py():
        quoted = pc.binary_join_element_wise('"', pc.replace_substring(arr, '"', '""'), '"', "")
        arr = pc.if_else(special, quoted, arr)
    return arr


def _value_bytes(arr):
    """The UTF-8 bytes of the values of a ``pa.string()`` array (no nulls),
    one after another, as a numpy view (None when there are none)."""
    import numpy as np
    offsets_buf, data_buf = arr.buffers()[1], arr.buffers()[2]
    if data_buf is None or not len(arr):
        return None
    offsets = np.frombuffer(offsets_buf, dtype=np.int32)[arr.offset:arr.offset + len(arr) + 1]
    return np.frombuffer(data_buf, dtype=np.uint8)[offsets[0]:offsets[-1]]


def _has_special_bytes(arr) -> bool:
    """Whether any value of a ``pa.string()`` array holds a comma, a double
    quote or a line feed (bytes that never occur inside another UTF-8
    character)."""
    data = _value_bytes(arr)
    return data is not None and bool(((data == 44) | (data == 34) | (data == 10)).any())


def _csv_text(frame: pd.DataFrame) -> str:
    """The CSV rows of ``frame`` (no header), each ending in a line feed."""
    import pyarrow as pa
    import pyarrow.compute as pc
    if not len(frame):
        return ""
    columns = [_csv_column(frame.iloc[:, i]) for i in range(len(frame.columns))]
    rows = pc.binary_join_element_wise(*columns, ",")
    rows = pc.binary_join_element_wise(rows, "\n", "")  # each row ends in a line feed
    if rows.type == pa.string() and not rows.null_count:
        # The rows' bytes are consecutive in the array's data buffer: the
        # text is read from there (why: cheaper than joining them again).
        data = _value_bytes(rows)
        return "" if data is None else data.tobytes().decode("utf-8")
    whole = pa.ListArray.from_arrays(pa.array([0, len(rows)], pa.int32()), rows)
    return pc.binary_join(whole, "")[0].as_py()


def _write_csv_text(frame: pd.DataFrame, fh, header: bool) -> None:
    if header:
        fh.write(",".join(_csv_field(c) for c in frame.columns) + "\n")
    for start in range(0, len(frame), CSV_CHUNK_ROWS):
        fh.write(_csv_text(frame.iloc[start:start + CSV_CHUNK_ROWS]))


def write_tables(tables: dict[str, pd.DataFrame], out, *, fmt: str = "csv") -> list[Path]:
    """Write each table as ``<name>.csv`` (or ``.parquet``) under ``out``.

    Output is byte-identical for the same input: rows are already in a stable
    order, floats are written with a fixed format and line ending.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TABLE_ORDER:
        if name not in tables:
            continue
        frame = _tidy_for_disk(name, tables[name])
        if not len(frame.columns):  # a stage that is not available
            continue
        if fmt == "parquet":
            path = out / f"{name}.parquet"
            frame.to_parquet(path, index=False)
        elif fmt == "csv":
            path = out / f"{name}.csv"
            to_csv(frame, path)
        else:
            raise ValueError(f"unknown format {fmt!r}; use 'csv' or 'parquet'")
        written.append(path)
    return written


def read_tables(results, names: Iterable[str] = TABLE_ORDER) -> dict[str, pd.DataFrame]:
    """Read tables written by :func:`write_tables` (CSV or Parquet)."""
    results = Path(results)
    tables = {}
    for name in names:
        csv_path, pq_path = results / f"{name}.csv", results / f"{name}.parquet"
        if csv_path.exists():
            try:
                tables[name] = pd.read_csv(csv_path, keep_default_na=False, na_values=[""])
            except pd.errors.EmptyDataError:
                tables[name] = pd.DataFrame()
        elif pq_path.exists():
            tables[name] = pd.read_parquet(pq_path)
    return tables
