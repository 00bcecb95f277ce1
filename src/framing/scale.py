"""Large corpora: streaming, resumable and distributed (Dask) execution.

:func:`run` analyses a corpus on disk batch by batch. Memory is bounded by a
batch, not by the corpus:

1. :func:`framing.stream.iter_batches` reads ``batch_size`` articles at a time
   (a ``.jsonl`` file or a folder is never held in memory whole);
2. the per-article stages (:func:`framing.pipeline.analyze_batch`) run on each
   batch, in this process (``engine="local"``) or on a Dask cluster
   (``engine="dask"``: a ``LocalCluster`` of ``workers`` processes with one
   thread each, or an existing cluster at ``scheduler``);
3. each batch's tables are written as Parquet partitions
   ``OUT/parts/<table>/part-00000.parquet`` and recorded in
   ``OUT/parts/_manifest.json`` (keyed by a hash of the input, the batch size,
   the options and the stages installed, plus the batch index);
4. the corpus-wide steps (:func:`framing.pipeline.finalize`: merging people
   across outlets, speakers to people, distinctive terms, per-outlet totals)
   run at the end on the tables they need, and the final tables are written to
   ``OUT`` partition by partition, never concatenated in memory: the
   distinctive terms are merged a chunk of outlets at a time
   (:func:`_write_distinctive`), the outlets table is folded partition by
   partition into each stage's exact partial sums (:func:`_streamed_outlets`),
   and freed memory is given
   back to the system after each batch and step (:func:`_release_memory`).

The final step is kept short, since it is serial: the tables copied as they
are (segments, stance evidence, stance) are rendered as CSV by each batch
where it is analysed (:data:`CSV_BODIES`) and only concatenated at the end;
with a local Dask cluster the per-partition people, speaker mapping and
per-partition outlet partials of the final step also run on the workers.
Peak memory is that of a batch: the outlets table is built from small
per-partition partials, never from an outlet's rows at once.

An interrupted run (Ctrl-C, a crash, a lost worker) keeps its finished
partitions: run the same command again and only the missing batches are
analysed. ``OUT/parts`` is removed once the final tables are written (pass
``keep_parts=True`` to keep it, e.g. to read it with Dask).

Rows are in corpus order (article by article, each stage's order within an
article), so the written tables are byte-identical whatever the engine, the
number of workers or the batch size.

Dask collections
----------------
:func:`read_parts` opens a kept ``parts`` folder (or a Parquet results folder)
as a Dask DataFrame. Functions that summarise per outlet
(:func:`framing.compare.outlets`, :func:`outlets`) and
:func:`framing.compare.article_totals` accept Dask DataFrames: segment totals
are computed partition by partition, the other (small) tables are computed
to pandas for the stage summaries.

Examples
--------
>>> from framing import scale
>>> tables = scale.run("big.jsonl", "results", engine="dask", workers=2)   # doctest: +SKIP
>>> segs = scale.read_parts("results", "segments")                       # doctest: +SKIP
"""
from __future__ import annotations

import importlib
import json
import os
import shutil
import sys
import time
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import pandas as pd

from . import __version__, compare, pipeline, stream
from .corpus import DEFAULT_MAX_BYTES

__all__ = ["run", "analyze_dask", "process_batch", "read_parts", "compute", "outlets", "PART_TABLES"]

#: Tables written per batch (``mentions`` is intermediate, for people.resolve).
PART_TABLES = ["articles", "segments", "quotes", "mentions", "stance", "stance_evidence", "term_counts"]
#: Per-article tables copied to the final output partition by partition.
STREAMED = ["segments", "stance_evidence"]
MANIFEST = "_manifest.json"
#: Columns of the large tables :func:`framing.cli.SummaryTotals` reads, one
#: partition at a time.
SUMMARY_COLUMNS = {"segments": ["kept", "reason"],
                   "quotes": ["kind"],
                   "people": ["article_id", "entity_id", "entity_type", "is_official"],
                   "stance": ["measure", "count"]}
#: Columns of the ``articles`` table :func:`run` returns (and the outlets
#: table reads): the full table is in ``out``.
ARTICLE_COLUMNS = ["article_id", "outlet", "status", "error", "source", "n_words_kept"]


# --------------------------------------------------------------------------- per batch
def process_batch(batch: pd.DataFrame, *, clean_options: dict | None = None) -> dict[str, pd.DataFrame]:
    """The per-article stages on one batch, rows in corpus order, plus the
    batch's rows of the ``articles`` table (with segment totals, no text)."""
    parts = pipeline.analyze_batch(batch, clean_options=clean_options)
    ids = batch["article_id"]
    parts = {name: pipeline.order_by_article(frame, ids) for name, frame in parts.items()}
    parts["articles"] = compare.article_totals(batch, parts["segments"]).drop(columns=["text"]) \
        .reset_index(drop=True)
    if pipeline._stage("stance", "distinctive_terms") is not None:
        parts["term_counts"] = _term_counts(batch, parts["segments"], parts["quotes"])
    return parts


# --------------------------------------------------------------------------- distinctive terms, map-reduce
# framing.stance.distinctive_terms needs every article's text at once. For a
# streamed corpus the same figures come from per-batch term counts (the map,
# here) merged at the end (the reduce, :func:`_distinctive_from_counts`), with
# distinctive_terms' default settings: outlet groups, the author's voice, word
# 1-2-grams, the pooled corpus as prior. tests/test_scale.py checks the result
# equals stance.distinctive_terms.
_TERM_COUNT_COLUMNS = ["outlet", "term", "count"]


#: Articles whose author-voice documents are built and counted at once by
#: :func:`_term_counts` (the counts are sums, so any cut gives the same table;
#: smaller pieces keep the batch's peak memory low).
TERM_COUNT_ARTICLES = 100


def _term_counts(articles: pd.DataFrame, segments: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Term counts per outlet in the author's voice, with the very tokens,
    stop words and n-grams of the analyzer stance.distinctive_terms gives its
    CountVectorizer; rows sorted by outlet, term. The documents are built
    :data:`TERM_COUNT_ARTICLES` articles at a time, kept as one NUL-joined
    text per outlet and chunk (the batch's author-voice text), and each
    outlet's texts counted once (documents never span articles)."""
    from . import stance
    empty = pd.DataFrame({"outlet": pd.Series(dtype="str"), "term": pd.Series(dtype="str"),
                          "count": pd.Series(dtype="int64")})
    if not len(segments):
        return empty
    outlet_of = dict(zip(articles["article_id"], articles["outlet"].astype(str)))
    by_outlet: dict = {}
    has_quotes = quotes is not None and "article_id" in quotes.columns
    for k in range(0, len(articles), TERM_COUNT_ARTICLES):
        chunk = articles.iloc[k:k + TERM_COUNT_ARTICLES]
        keep = set(chunk["article_id"])
        segs = segments[segments["article_id"].isin(keep)]
        if not len(segs):
            continue
        quoted = quotes[quotes["article_id"].isin(keep)] if has_quotes else quotes
        docs, ids = stance._voice_documents(chunk, segs, quoted, "author")
        # Each outlet's documents of the chunk joined with NUL (where n-grams
        # stop): the text is counted once per outlet at the end (why: one
        # count per outlet, not a Counter per chunk merged term by term).
        docs_of: dict[str, list[str]] = {}
        for doc, aid in zip(docs, ids):
            docs_of.setdefault(outlet_of[aid], []).append(doc)
        del docs, ids
        for outlet, outlet_docs in docs_of.items():
            by_outlet.setdefault(outlet, []).append("\x00".join(outlet_docs))
        del docs_of
    outlet_col, term_col, count_col = [], [], []
    for outlet in sorted(by_outlet):
        counts = _count_features(by_outlet.pop(outlet))
        terms = sorted(counts)
        outlet_col.extend([outlet] * len(terms))
        term_col.extend(terms)
        count_col.extend(map(counts.__getitem__, terms))
    if not term_col:
        return empty
    return pd.DataFrame({"outlet": outlet_col, "term": term_col, "count": count_col}).astype({"count": "int64"})


@lru_cache(maxsize=1)
def _english_stop_words() -> frozenset:
    """scikit-learn's English stop words (those CountVectorizer uses), read
    from their own small module without importing the sklearn package: the
    package import costs about 2 CPU seconds per process (each Dask worker
    pays it), the list a millisecond. Falls back to the ordinary import."""
    import importlib.util
    try:
        spec = importlib.util.find_spec("sklearn")  # locates, does not import
        path = Path(spec.submodule_search_locations[0]) / "feature_extraction" / "_stop_words.py"
        module_spec = importlib.util.spec_from_file_location("_framing_sklearn_stop_words", path)
        module = importlib.util.module_from_spec(module_spec)
        module_spec.loader.exec_module(module)
        return frozenset(module.ENGLISH_STOP_WORDS)
    except (AttributeError, ImportError, OSError, TypeError):
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
        return frozenset(ENGLISH_STOP_WORDS)


@lru_cache(maxsize=1)
def _feature_settings():
    """(token-or-NUL pattern, stop words) of distinctive_terms' defaults."""
    import re
    from . import stance
    if stance.DISTINCTIVE_NGRAMS != (1, 2) or stance.DISTINCTIVE_STOP_WORDS != "english":
        return None  # other defaults: _count_features falls back to the analyzer itself
    return re.compile(stance._TOKEN_PATTERN + "|\x00"), _english_stop_words()


def _count_features(docs: list[str]):
    """The summed counts of stance._analyzer(DISTINCTIVE_NGRAMS,
    DISTINCTIVE_STOP_WORDS) over ``docs``, in one pass: the documents are
    joined with NUL (where the analyzer stops n-grams), tokenized with NUL
    kept as a token, and bigrams counted as word pairs, joined once per
    distinct pair (not once per occurrence).

    >>> sorted(_count_features(["The firm acts", "firm acts" + chr(0) + "today"]).items())
    [('acts', 2), ('firm', 2), ('firm acts', 2), ('today', 1)]
    """
    from collections import Counter
    from . import stance
    settings = _feature_settings()
    if settings is None:
        analyze = stance._analyzer(stance.DISTINCTIVE_NGRAMS, stance.DISTINCTIVE_STOP_WORDS)
        out: Counter = Counter()
        for doc in docs:
            out.update(analyze(doc))
        return out
    token, stop = settings
    words = [w for w in token.findall("\x00".join(docs).lower()) if w not in stop]
    unigrams = Counter(words)
    unigrams.pop("\x00", None)
    pairs = Counter(zip(words, words[1:]))
    out = unigrams
    for (a, b), n in pairs.items():
        if a != "\x00" and b != "\x00":
            out[a + " " + b] = n
    return out


def _merged_term_counts(parts_dir: Path) -> pd.DataFrame:
    """The term counts of every partition summed per (outlet, term), one
    partition at a time: memory grows with the vocabulary, not the corpus."""
    import pyarrow.parquet as pq
    total = None
    for f in _part_files(parts_dir, "term_counts"):
        part = pq.read_table(f).to_pandas()
        if not len(part):
            continue
        part = part.groupby(["outlet", "term"], sort=False)["count"].sum()
        total = part if total is None else total.add(part, fill_value=0)
    if total is None:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "count" else "object") for c in _TERM_COUNT_COLUMNS})
    return total.astype("int64").rename("count").reset_index()


def _distinctive_from_counts(counts: pd.DataFrame) -> pd.DataFrame:
    """stance.distinctive_terms (default settings) from merged term counts."""
    import numpy as np
    from .stance import DISTINCTIVE_COLUMNS
    group = "outlet"
    columns = [group] + DISTINCTIVE_COLUMNS
    empty = pd.DataFrame({c: pd.Series(dtype="float64" if c in ("delta", "z") else
                                       ("int64" if c.startswith("count") else "object")) for c in columns})
    if not len(counts):
        return empty
    merged = counts.groupby([group, "term"], sort=True)["count"].sum()
    labels, terms = merged.index.get_level_values(0), merged.index.get_level_values(1)
    groups = labels.unique()  # sorted, each group's rows contiguous and sorted by term
    if len(groups) < 2:
        return empty
    # Sparse: only each group's own terms are scored (the output keeps only
    # those), so memory is the merged counts, not groups x vocabulary (a
    # corpus where each outlet-less article is its own group has thousands).
    # Counts are whole numbers, so every sum below is exact, as in the dense
    # formula of stance.distinctive_terms.
    t_codes, vocab = pd.factorize(terms, sort=True)
    y = merged.to_numpy(dtype=float)
    corpus = np.bincount(t_codes, weights=y, minlength=len(vocab))
    alpha_all = np.maximum(corpus, 1e-9)
    a0 = alpha_all.sum()
    bounds = np.searchsorted(pd.factorize(labels, sort=True)[0], np.arange(len(groups) + 1))
    n = np.add.reduceat(y, bounds[:-1])
    total = n.sum()
    vocab = np.asarray(vocab, dtype=object)
    out = [_score_group(g, vocab[t_codes[bounds[i]:bounds[i + 1]]], y[bounds[i]:bounds[i + 1]],
                        corpus[t_codes[bounds[i]:bounds[i + 1]]], alpha_all[t_codes[bounds[i]:bounds[i + 1]]],
                        a0, n[i], total) for i, g in enumerate(groups)]
    return pd.concat(out, ignore_index=True)[columns]


def _log_odds_z(yi, corpus_i, alpha, ni, a0: float, total: float):
    """(other groups' counts, log-odds ratio, z) of stance.distinctive_terms'
    formula, element-wise over numpy arrays (one place for both scorers, so
    they give the same floats)."""
    import numpy as np
    yj = corpus_i - yi
    nj = total - ni
    delta = (np.log((yi + alpha) / (ni + a0 - yi - alpha))
             - np.log((yj + alpha) / (nj + a0 - yj - alpha)))
    var = 1.0 / (yi + alpha) + 1.0 / (yj + alpha)
    return yj, delta, delta / np.sqrt(var)


def _score_group(g, terms, yi, corpus_i, alpha, a0: float, ni: float, total: float) -> pd.DataFrame:
    """One group's rows of the distinctive table (the formula of
    stance.distinctive_terms): its terms, their counts ``yi``, corpus counts
    and prior ``alpha``; ``a0`` the prior's total, ``ni``/``total`` the
    group's and the corpus's number of terms. Sorted by z, then term."""
    yj, delta, z = _log_odds_z(yi, corpus_i, alpha, ni, a0, total)
    frame = pd.DataFrame({"outlet": g, "term": terms, "delta": delta, "z": z,
                          "count": yi.astype("int64"), "count_other": yj.astype("int64")})
    return frame.sort_values(["z", "term"], ascending=[False, True], kind="stable")


def _score_chunk(labels, codes, y, vocab, y_corpus, alpha_all, a0: float, n_of, total: float) -> pd.DataFrame:
    """:func:`_score_group` of every group of a chunk at once (why: one
    vectorised pass and one sort instead of a frame and a sort per group):
    ``labels``/``codes`` the groups and vocabulary positions of the merged
    (group, term) counts ``y``, sorted by group then term. The same
    element-wise arithmetic, with each group's ``n_of`` repeated over its
    rows, so the same floats; rows ordered by group, z descending, then term
    (``vocab`` is sorted, so a term's position orders it as its text does).
    """
    import numpy as np
    g_codes, groups = pd.factorize(labels, sort=True)
    ni = n_of.reindex(groups).to_numpy(dtype=float)[g_codes]
    yi = y
    corpus_i = y_corpus[codes]
    alpha = alpha_all[codes]
    yj, delta, z = _log_odds_z(yi, corpus_i, alpha, ni, a0, total)
    order = np.lexsort((codes, -z, g_codes))
    return pd.DataFrame({"outlet": np.asarray(groups, dtype=object)[g_codes[order]],
                         "term": np.asarray(vocab, dtype=object)[codes[order]],
                         "delta": delta[order], "z": z[order],
                         "count": yi[order].astype("int64"), "count_other": yj[order].astype("int64")})


#: Upper bound on the (outlet, term) rows merged at once by _write_distinctive.
DISTINCTIVE_CHUNK_ROWS = 200_000


def _write_distinctive(parts_dir: Path, out: Path, fmt: str) -> Path | None:
    """The distinctive table from the per-partition term counts, written
    group by group, with memory bounded by the vocabulary plus a chunk of
    :data:`DISTINCTIVE_CHUNK_ROWS` rows (not by the corpus): the same
    table as ``_distinctive_from_counts(_merged_term_counts(parts_dir))``.

    1. one pass sums the counts per term (the corpus prior) and per outlet,
       and bounds each outlet's rows;
    2. a second pass splits each partition by chunk of outlets (consecutive
       in sorted order) into one spill file per chunk;
    3. each chunk is merged per (outlet, term) and scored, and its rows
       written in order.
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq
    files = _part_files(parts_dir, "term_counts")
    corpus = None
    rows_of: dict = {}
    n_of = None
    for f in files:
        part = pq.read_table(f).to_pandas()
        if not len(part):
            continue
        by_term = part.groupby("term", sort=False)["count"].sum()
        corpus = by_term if corpus is None else corpus.add(by_term, fill_value=0)
        by_outlet = part.groupby("outlet", sort=False)["count"].agg(["sum", "size"])
        n_of = by_outlet["sum"] if n_of is None else n_of.add(by_outlet["sum"], fill_value=0)
        for o, k in by_outlet["size"].items():
            rows_of[o] = rows_of.get(o, 0) + int(k)
        del part, by_term, by_outlet
    writer = _TableWriter(out, "distinctive", fmt)
    from .stance import DISTINCTIVE_COLUMNS
    columns = ["outlet"] + DISTINCTIVE_COLUMNS
    if corpus is None or len(rows_of) < 2:
        writer.write(_distinctive_from_counts(pd.DataFrame(columns=_TERM_COUNT_COLUMNS)))
        return writer.close()
    # As _distinctive_from_counts: vocabulary and groups in sorted order,
    # sums of whole numbers (exact), the prior's total over sorted terms.
    corpus = corpus.sort_index()
    vocab = corpus.index
    y_corpus = corpus.to_numpy(dtype=float)
    alpha_all = np.maximum(y_corpus, 1e-9)
    a0 = alpha_all.sum()
    groups = sorted(rows_of)
    n_of = n_of.astype(float)
    total = n_of.reindex(groups).to_numpy().sum()
    chunks, size = [[]], 0
    for g in groups:
        if chunks[-1] and size + rows_of[g] > DISTINCTIVE_CHUNK_ROWS:
            chunks.append([])
            size = 0
        chunks[-1].append(g)
        size += rows_of[g]
    spill_dir = parts_dir / "_distinctive"
    shutil.rmtree(spill_dir, ignore_errors=True)
    spill_dir.mkdir()
    schema = pa.schema([("outlet", pa.string()), ("term", pa.string()), ("count", pa.int64())])
    spills = [pq.ParquetWriter(spill_dir / f"chunk-{k:05d}.parquet", schema) for k in range(len(chunks))]
    try:
        for f in files:
            table = pq.read_table(f).select(_TERM_COUNT_COLUMNS).cast(schema)
            for k, chunk in enumerate(chunks):
                piece = table.filter(pc.is_in(table["outlet"], value_set=pa.array(chunk, pa.string())))
                if piece.num_rows:
                    spills[k].write_table(piece)
            del table
    finally:
        for w in spills:
            w.close()
    for k in range(len(chunks)):
        merged = pq.read_table(spill_dir / f"chunk-{k:05d}.parquet").to_pandas() \
            .groupby(["outlet", "term"], sort=True)["count"].sum()
        labels = merged.index.get_level_values(0)
        codes = vocab.get_indexer(merged.index.get_level_values(1))
        frame = _score_chunk(labels, codes, merged.to_numpy(dtype=float), vocab, y_corpus, alpha_all, a0,
                             n_of, total)[columns]
        if fmt == "csv":  # one write per chunk: CSV rows do not depend on their neighbours
            writer.write(frame)
        else:  # a row group per group, as before
            cuts = np.flatnonzero(frame["outlet"].to_numpy()[1:] != frame["outlet"].to_numpy()[:-1]) + 1
            for a, b in zip([0, *cuts.tolist()], [*cuts.tolist(), len(frame)]):
                writer.write(frame.iloc[a:b])
        del merged, labels, codes, frame
        _release_memory()
    shutil.rmtree(spill_dir, ignore_errors=True)
    return writer.close()


@contextmanager
def _frozen_gc():
    """Leave the objects alive before the run (modules, the caller's data)
    out of the garbage collector's passes while it lasts: each
    :func:`_release_memory` then costs about a millisecond instead of tens
    (a full pass over every imported module's objects)."""
    import gc
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _release_memory() -> None:
    """Give freed memory back to the system: Python's garbage, Arrow's pool
    and glibc's free lists (what a batch or a step freed otherwise stays in
    the process, and the next step's peak adds to it)."""
    import gc
    gc.collect()
    try:
        import pyarrow as pa
        pa.default_memory_pool().release_unused()
    except (ImportError, AttributeError):
        pass
    _malloc_trim()


@lru_cache(maxsize=1)
def _libc():
    import ctypes
    import ctypes.util
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc if hasattr(libc, "malloc_trim") else None
    except OSError:  # not glibc (macOS, Windows): nothing to trim
        return None


def _malloc_trim() -> None:
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)


def _part_path(parts_dir: Path, table: str, index: int) -> Path:
    return parts_dir / table / f"part-{index:05d}.parquet"


#: Per-article tables copied verbatim to the final output: when the final
#: format is CSV, each batch also renders its rows as CSV text (no header)
#: where it is analysed, so that this costly formatting is done on the
#: workers, in parallel, and the final step only concatenates text.
CSV_BODIES = ["segments", "stance_evidence", "stance"]


def _csv_body_path(parts_dir: Path, table: str, index: int) -> Path:
    return parts_dir / "_csv" / table / f"part-{index:05d}.csv"


def _write_parts(parts: dict[str, pd.DataFrame], parts_dir: Path, index: int, *,
                 csv_bodies: bool = False) -> dict[str, int]:
    """Write one batch's partitions atomically; returns rows per table (-1:
    stage not installed, nothing written). With ``csv_bodies``, the tables of
    :data:`CSV_BODIES` are also written as CSV rows (see :func:`_copy_table`)."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    rows = {}
    for name in PART_TABLES:
        frame = parts.get(name)
        if frame is None or not len(frame.columns):
            rows[name] = -1
            continue
        path = _part_path(parts_dir, name, index)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        # What DataFrame.to_parquet(index=False) does, keeping the Arrow table.
        table = pa.Table.from_pandas(frame, preserve_index=False)
        pq.write_table(table, tmp)
        if csv_bodies and name in CSV_BODIES and len(frame):
            # Rendered from the Arrow table (what the final step reads back),
            # not from ``frame``: the same dtypes, hence the same text.
            body = _csv_body_path(parts_dir, name, index)
            body.parent.mkdir(parents=True, exist_ok=True)
            body_tmp = body.with_suffix(f".tmp{os.getpid()}")
            with open(body_tmp, "w", encoding="utf-8", newline="") as fh:
                pipeline.to_csv(table.to_pandas(), fh, header=False)
            os.replace(body_tmp, body)
        del table
        os.replace(tmp, path)
        rows[name] = len(frame)
    return rows


def _task_write(batch, index, parts_dir, clean_options, csv_bodies=False):
    """Worker task when workers share the output folder: analyse and write."""
    rows = _write_parts(process_batch(batch, clean_options=clean_options), Path(parts_dir), index,
                        csv_bodies=csv_bodies)
    return index, len(batch), rows


def _task_return(batch, index, clean_options):
    """Worker task for a remote cluster: analyse and send the tables back."""
    parts = process_batch(batch, clean_options=clean_options)
    return index, len(batch), parts


# --------------------------------------------------------------------------- manifest
def _stages_signature() -> str:
    names = [("quotes", "extract"), ("people", "mentions"), ("stance", "score"), ("people", "resolve"),
             ("aliases", "canonicalize_speakers"), ("stance", "distinctive_terms")]
    return ",".join(f"{m}.{f}" for m, f in names if pipeline._stage(m, f) is not None)


class _Manifest:
    """Finished partitions, keyed by the input's fingerprint and batch index."""

    def __init__(self, parts_dir: Path, key: str, *, resume: bool):
        self.path = parts_dir / MANIFEST
        self.key = key
        self.batches: dict[int, dict] = {}
        old = None
        if resume and self.path.exists():
            try:
                old = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                old = None
        if old and old.get("key") == key:
            self.batches = {int(k): v for k, v in old.get("batches", {}).items()}
        elif parts_dir.exists():
            shutil.rmtree(parts_dir)  # another input or other options: start afresh
        parts_dir.mkdir(parents=True, exist_ok=True)
        self.parts_dir = parts_dir
        self._save()

    def done(self, index: int) -> bool:
        entry = self.batches.get(index)
        if entry is None:
            return False
        return all(_part_path(self.parts_dir, t, index).exists() for t, n in entry["rows"].items() if n >= 0)

    def add(self, index: int, n_articles: int, rows: dict[str, int]) -> None:
        self.batches[index] = {"n_articles": n_articles, "rows": rows}
        self._save()

    def _save(self) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"key": self.key, "framing": __version__,
                                   "batches": {str(k): v for k, v in sorted(self.batches.items())}},
                                  indent=1), encoding="utf-8")
        os.replace(tmp, self.path)


# --------------------------------------------------------------------------- reading parts
def _part_files(parts_dir: Path, table: str) -> list[Path]:
    return sorted((parts_dir / table).glob("part-*.parquet"))


def _schema(files: list[Path]):
    import pyarrow as pa
    import pyarrow.parquet as pq
    schemas = [pq.read_schema(f) for f in files]
    return pa.unify_schemas(schemas, promote_options="permissive") if schemas else None


def _read(parts_dir: Path, table: str, *, columns: list[str] | None = None) -> pd.DataFrame:
    """One table from its partitions, in batch order (empty frame with no
    columns when the stage did not run)."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    files = _part_files(parts_dir, table)
    if not files:
        return pd.DataFrame()
    schema = _schema(files)
    names = schema.names if columns is None else [c for c in columns if c in schema.names]
    target = schema if columns is None else pa.schema([schema.field(c) for c in names])
    pieces = []
    for f in files:
        t = pq.read_table(f, columns=names).cast(target)
        # Whole tables: to pandas one partition at a time (with its pandas
        # metadata), so the Arrow copy of only one partition is alive.
        pieces.append(t if columns is not None else t.to_pandas())
        del t
    if columns is not None:  # no pandas metadata for a subset: plain conversion
        return pa.concat_tables(pieces).to_pandas()
    frames = pieces
    non_empty = [f for f in frames if len(f)]
    return pd.concat(non_empty or frames[:1], ignore_index=True)


def _copy_table(parts_dir: Path, table: str, out: Path, fmt: str) -> Path | None:
    """Write a final table from its partitions, one partition in memory at a time."""
    import pyarrow.parquet as pq
    files = _part_files(parts_dir, table)
    if not files:
        return None
    schema = _schema(files)
    dest = out / f"{table}.{fmt}"
    tmp = dest.with_suffix(dest.suffix + ".tmp")
    if fmt == "csv":
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            wrote_header = False
            for f in files:
                body = _csv_body_path(parts_dir, table, int(f.stem.split("-")[1]))
                # A batch's own CSV rows are the text below exactly when its
                # schema (types and pandas metadata) is the unified one: the
                # cast is then a no-op and the conversion to pandas the same.
                if body.exists() and pq.read_schema(f).equals(schema, check_metadata=True):
                    if not wrote_header:  # the header line alone, from the schema (no rows read)
                        pipeline.to_csv(schema.empty_table().to_pandas(), fh)
                        wrote_header = True
                    with open(body, encoding="utf-8", newline="") as src:
                        shutil.copyfileobj(src, fh, 1 << 20)
                    continue
                frame = pq.read_table(f).cast(schema).to_pandas()
                if len(frame) or not wrote_header:
                    pipeline.to_csv(frame, fh, header=not wrote_header)
                    wrote_header = True
    elif fmt == "parquet":
        with pq.ParquetWriter(tmp, schema) as writer:
            for f in files:
                writer.write_table(pq.read_table(f).cast(schema))
    else:
        raise ValueError(f"unknown format {fmt!r}; use 'csv' or 'parquet'")
    os.replace(tmp, dest)
    return dest


# --------------------------------------------------------------------------- run
def _progress_bar(progress: bool, total: int | None = None):
    if not progress:
        return None
    from tqdm.auto import tqdm
    return tqdm(total=total, unit=" articles", desc="analysing", smoothing=0.1)


def _dask_client(workers: int | None, scheduler: str | None):
    """(client, cluster): an existing cluster at ``scheduler``, else a local one."""
    import logging
    from distributed import Client, LocalCluster
    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=int(workers or os.cpu_count() or 1), threads_per_worker=1,
                           processes=True, dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster), cluster


def _warm_up() -> bool:
    """Run once on each worker when the cluster starts: import the stages and
    build the term-count settings, so that no batch pays for them and the
    cluster's start-up is over before the first batch."""
    for module, name in [("quotes", "extract"), ("people", "mentions"), ("stance", "score")]:
        pipeline._stage(module, name)
    if pipeline._stage("stance", "distinctive_terms") is not None:
        _feature_settings()
    return True


def _start(workers: int | None, scheduler: str | None):
    """(client, cluster, seconds): :func:`_dask_client` with every worker
    warmed up (:func:`_warm_up`), and the seconds that took."""
    started = time.perf_counter()
    client, cluster = _dask_client(workers, scheduler)
    try:
        client.run(_warm_up)
    except Exception:
        _close(client, cluster)
        raise
    return client, cluster, time.perf_counter() - started


def _close(client, cluster) -> None:
    if client is not None:
        client.close()
    if cluster is not None:
        cluster.close()


def run(source, out, *, engine: str = "local", workers: int | None = None, scheduler: str | None = None,
        roster: pd.DataFrame | None = None, batch_size: int = 500, fmt: str = "csv", progress: bool = False,
        resume: bool = True, keep_parts: bool = False, max_bytes: int = DEFAULT_MAX_BYTES,
        clean_options: dict | None = None, max_in_flight: int | None = None,
        stop_after: int | None = None) -> dict[str, pd.DataFrame]:
    """Analyse the corpus at ``source`` into tables under ``out``, streaming.

    Parameters
    ----------
    source : str or Path
        Anything :func:`framing.corpus.load` reads.
    out : str or Path
        Folder for the tables; partitions go to ``out/parts``.
    engine : ``"local"`` or ``"dask"``
        One process, or a Dask cluster (see ``workers``, ``scheduler``).
    workers : int, optional
        Worker processes of the local Dask cluster (default: CPU count).
    scheduler : str, optional
        Address of an existing Dask scheduler (``tcp://host:8786``). Its
        workers send their tables back to this process, which writes them.
    roster : DataFrame, optional
        Known actors, for :func:`framing.people.resolve`.
    batch_size : int
        Articles per batch (and per partition). Memory grows with it.
    fmt : ``"csv"`` or ``"parquet"``
        Format of the final tables.
    progress : bool
        A tqdm progress bar.
    resume : bool
        Reuse finished partitions of an interrupted run of the same input with
        the same options (default). False starts afresh.
    keep_parts : bool
        Keep ``out/parts`` after the final tables are written.
    max_in_flight : int, optional
        Batches queued on the cluster at once (default: twice the workers);
        bounds this process's memory.
    stop_after : int, optional
        Stop (as if interrupted) after this many batches were analysed in this
        call; for tests of resuming.

    Returns
    -------
    dict of DataFrame
        ``articles`` (only the columns :data:`ARTICLE_COLUMNS`), ``outlets``
        and ``"_summary"``, the running totals :func:`framing.cli.summary`
        prints (a :class:`framing.cli.SummaryTotals`), so that memory does
        not grow with the corpus: read the full tables from ``out``
        (:func:`framing.pipeline.read_tables`).
        Key ``"_run"`` holds one row of run statistics: batches analysed and
        reused, ``seconds`` (wall), ``finish_seconds`` and
        ``finish_cpu_seconds`` (the corpus-wide steps and final tables), and
        ``startup_seconds`` (Dask: cluster start and worker warm-up; 0 for
        the local engine).
    """
    with _frozen_gc():
        return _run(source, out, engine=engine, workers=workers, scheduler=scheduler, roster=roster,
                    batch_size=batch_size, fmt=fmt, progress=progress, resume=resume, keep_parts=keep_parts,
                    max_bytes=max_bytes, clean_options=clean_options, max_in_flight=max_in_flight,
                    stop_after=stop_after)


def _run(source, out, *, engine, workers, scheduler, roster, batch_size, fmt, progress, resume, keep_parts,
         max_bytes, clean_options, max_in_flight, stop_after) -> dict[str, pd.DataFrame]:
    """:func:`run`, its body. A Dask cluster serves the batches and, when its
    workers share this folder (a local cluster), the final step's
    per-partition work."""
    started = time.perf_counter()
    source, out = Path(source), Path(out)
    if engine not in ("local", "dask"):
        raise ValueError(f"unknown engine {engine!r}; use 'local' or 'dask'")
    out.mkdir(parents=True, exist_ok=True)
    parts_dir = out / "parts"
    options = json.dumps({"batch_size": batch_size, "max_bytes": max_bytes, "clean": clean_options or {},
                          "stages": _stages_signature(), "framing": __version__}, sort_keys=True)
    manifest = _Manifest(parts_dir, stream.input_fingerprint(source, extra=options), resume=resume)
    bar = _progress_bar(progress, stream.estimate_count(source) if progress else None)
    analysed = reused = 0
    startup = 0.0
    batches = stream.iter_batches(source, batch_size, max_bytes=max_bytes)
    client = cluster = None
    try:
        try:
            if engine == "local":
                for index, batch in enumerate(batches):
                    if manifest.done(index):
                        reused += 1
                    else:
                        if stop_after is not None and analysed >= stop_after:
                            raise KeyboardInterrupt
                        rows = _write_parts(process_batch(batch, clean_options=clean_options), parts_dir, index,
                                            csv_bodies=fmt == "csv")
                        manifest.add(index, len(batch), rows)
                        analysed += 1
                        _release_memory()  # the next batch starts from the same footprint
                    if bar is not None:
                        bar.update(len(batch))
            else:
                client, cluster, startup = _start(workers, scheduler)
                # The client's own long-lived objects join the frozen ones (why:
                # else every _release_memory of the final step walks them all,
                # some 50 ms each; see _frozen_gc).
                import gc
                gc.freeze()
                analysed, reused = _run_dask(batches, manifest, parts_dir, client=client,
                                             shared=scheduler is None, workers=workers,
                                             clean_options=clean_options, bar=bar, max_in_flight=max_in_flight,
                                             stop_after=stop_after, csv_bodies=fmt == "csv")
        finally:
            if bar is not None:
                bar.close()
        if not manifest.batches:  # no articles at all: nothing to write
            shutil.rmtree(parts_dir, ignore_errors=True)
            from .corpus import COLUMNS
            return {"articles": pd.DataFrame(columns=[c for c in COLUMNS if c != "text"]),
                    "_run": pd.DataFrame([{"batches_analysed": 0, "batches_reused": 0,
                                           "seconds": time.perf_counter() - started}])}
        if progress:
            print("corpus-wide steps and final tables...", file=sys.stderr, flush=True)
        finish_wall, finish_cpu = time.perf_counter(), time.process_time()
        tables = _finish(parts_dir, out, roster=roster, fmt=fmt, client=client if scheduler is None else None)
    finally:
        _close(client, cluster)
    if not keep_parts:
        shutil.rmtree(parts_dir, ignore_errors=True)
    now = time.perf_counter()
    tables["_run"] = pd.DataFrame([{"batches_analysed": analysed, "batches_reused": reused,
                                    "seconds": now - started, "finish_seconds": now - finish_wall,
                                    "finish_cpu_seconds": time.process_time() - finish_cpu,
                                    "startup_seconds": startup}])
    return tables


def _run_dask(batches: Iterable[pd.DataFrame], manifest: _Manifest, parts_dir: Path, *, client, shared: bool,
              workers, clean_options, bar, max_in_flight, stop_after, csv_bodies: bool = False) -> tuple[int, int]:
    """The batches on a Dask cluster (``shared``: its workers write the
    partitions themselves); returns (batches analysed, batches reused)."""
    from distributed import as_completed
    n_workers = max(1, len(client.scheduler_info().get("workers", {})) or int(workers or 1))
    limit = max_in_flight or 2 * n_workers
    analysed = reused = submitted = 0
    pending = as_completed()
    in_flight = 0

    def collect(future):
        nonlocal analysed
        index, n, result = future.result()
        rows = result if shared else _write_parts(result, parts_dir, index)
        manifest.add(index, n, rows)
        analysed += 1
        if bar is not None:
            bar.update(n)
        future.release()

    # (On an error or interruption the caller closes the client, which
    # cancels what is still queued.)
    for index, batch in enumerate(batches):
        if manifest.done(index):
            reused += 1
            if bar is not None:
                bar.update(len(batch))
            continue
        if stop_after is not None and submitted >= stop_after:
            for future in pending:
                collect(future)
            raise KeyboardInterrupt
        if shared:
            future = client.submit(_task_write, batch, index, str(parts_dir), clean_options, csv_bodies,
                                   pure=False)
        else:
            future = client.submit(_task_return, batch, index, clean_options, pure=False)
        pending.add(future)
        submitted += 1
        in_flight += 1
        while in_flight >= limit:
            collect(next(pending))
            in_flight -= 1
    for future in pending:
        collect(future)
    return analysed, reused


#: Columns the per-outlet summaries (framing.compare.outlets) read from the
#: corpus-wide tables: only these are kept in memory for the outlets table
#: (and returned by :func:`run`). tests/test_scale.py checks the streamed
#: outlets table equals the in-memory one.
OUTLET_COLUMNS = {
    "quotes": ["article_id", "outlet", "kind", "n_words", "speaker", "speaker_type", "verb_class"],
    "people": ["article_id", "outlet", "entity_id", "name", "entity_type", "institution", "country",
               "is_official", "mentions", "quoted", "first_offset"],
    "stance": ["article_id", "outlet", "voice", "measure", "count", "n_words", "family", "referent", "variant"],
}
#: Mention columns people.resolve reads (the others stay on disk).
_MENTION_COLUMNS = ["article_id", "outlet", "paragraph", "start", "text", "name", "canonical", "entity_type",
                    "role", "institution", "country", "official"]
_CONTEXT_ARTICLE = "\x00corpus-context"
#: Mention fields kept per person name for the context (what people._best_role
#: and :func:`_context_row` read).
_ROLE_FIELDS = ["name", "role", "institution", "country", "official"]


def _read_part(path: Path, schema, columns: list[str] | None = None) -> pd.DataFrame:
    """One partition as pandas, cast to the table's unified schema (the same
    dtypes as the concatenated table)."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    if columns is None:
        return pq.read_table(path).cast(schema).to_pandas()
    names = [c for c in columns if c in schema.names]
    return pq.read_table(path, columns=names).cast(pa.schema([schema.field(c) for c in names])).to_pandas()


def _person_names(parts_dir: Path, client=None) -> tuple[dict, dict]:
    """Corpus-wide facts people.resolve needs about person names, one mention
    partition at a time: name -> number of mentions, and name -> (position,
    its most informative role mention, as people._best_role picks it: the
    best score, the earliest on ties). Memory grows with distinct names."""
    from collections import Counter
    from . import people
    files = _part_files(parts_dir, "mentions")
    schema = _schema(files)
    counts: Counter = Counter()
    best: dict = {}
    items = list(enumerate(files))
    # Locally one partition's facts at a time, merged as they come.
    facts = (_name_facts(item, schema) for item in items) if client is None else \
        _map(client, _name_facts, items, schema)
    for part_counts, part_best in facts:
        counts.update(part_counts)
        for name, (pos, cand) in part_best.items():
            old = best.get(name)
            if old is not None:
                # Earlier partition first: ties keep the earlier mention.
                if people._best_role([old[1], cand]) is old[1]:
                    continue
            best[name] = (pos, cand)
    return dict(counts), best


def _name_facts(item: tuple[int, Path], schema) -> tuple[dict, dict]:
    """One mention partition's share of :func:`_person_names`: person name
    -> mentions, and name -> (position, its best role mention here)."""
    from collections import Counter
    from . import people
    p, f = item
    m = _read_part(f, schema, ["canonical", "entity_type"] + _ROLE_FIELDS)
    m = m[m["entity_type"] == "person"]
    names = m["canonical"].tolist()
    counts = Counter(names)
    rows: dict = {}
    # Only the fields people._best_role and _context_row read are kept. The
    # row dicts are built from column lists (why: DataFrame.to_dict("records")
    # boxes value by value, several times slower; the same values).
    fields = [c for c in _ROLE_FIELDS if c in m.columns]
    records = [dict(zip(fields, values)) for values in zip(*(m[c].tolist() for c in fields))] if fields \
        else [{} for _ in names]
    for k, (name, r) in enumerate(zip(names, records)):
        rows.setdefault(name, []).append(((p, k), r))
    best: dict = {}
    for name, found in rows.items():
        by_id = {id(r): pos for pos, r in found}
        cand = people._best_role([r for _, r in found])
        if cand:
            best[name] = (by_id[id(cand)], cand)
    return dict(counts), best


def _context_row(name: str, row: dict | None = None) -> dict:
    base = {"article_id": _CONTEXT_ARTICLE, "outlet": _CONTEXT_ARTICLE, "paragraph": 0, "start": 0,
            "text": name, "name": name, "canonical": name, "entity_type": "person", "role": "",
            "institution": "", "country": "", "official": ""}
    if row is not None:
        base.update({c: row.get(c) for c in ("name", "role", "institution", "country", "official")})
    return base


def _people_context(counts: dict, best: dict, roster) -> tuple[list[dict], dict, dict]:
    """The compact stand-in for the rest of the corpus given to people.resolve
    with each partition's mentions, and each cluster's canonical form.

    One mention per distinct person name (its best role mention, in corpus
    order, so resolve picks the same corpus-wide role per cluster), under a
    placeholder article dropped afterwards. Clusters depend only on the set
    of names (and the roster); their canonical form also on mention counts,
    which :func:`_resolve_part` reproduces by repeating each cluster's
    corpus-wide winner.

    The third value maps each name to its group (see :func:`_name_groups`):
    a partition is given only the context rows of its own names' groups."""
    from . import aliases as A
    from . import people
    ranked = sorted(best, key=lambda n: best[n][0])
    unranked = sorted(set(counts) - set(best))
    rows = [_context_row(n, best[n][1]) for n in ranked] + [_context_row(n) for n in unranked]
    if not rows:
        return rows, {}, {}
    probe = people.resolve(pd.DataFrame([_context_row(n) for n in sorted(counts)]), None, None, roster=roster)
    rindex = people._roster_index(roster)
    group_of = _name_groups(ranked + unranked, rindex)
    winner_of: dict = {}
    for name, alias_text in zip(probe["name"], probe["aliases"]):
        if A.fold(name) in rindex:  # roster clusters take the roster's name, whatever the counts
            continue
        members = [m for m in [name] + (alias_text.split("|") if alias_text else []) if m in counts]
        if len(members) < 2:
            continue
        win = A.prefer(members, counts)
        winner_of[win] = members
    return rows, winner_of, group_of


def _name_groups(names: list[str], rindex: dict) -> dict:
    """name -> group number, such that people.resolve clusters a name, and
    picks its cluster's canonical form and corpus-wide role, from the names
    of its group alone (why: each partition then needs only those context
    rows, not one per distinct name in the corpus).

    In resolve, a name is looked up under its surname key (aliases.name_key)
    among the clusters filed under the name_key of their folded key: its
    accent-folded form, or a roster entry's folded name for the names the
    roster maps to it; names with the same folded form share one cluster.
    So the names sharing any of these keys (name_key of the name and of its
    folded form, the roster name's key, the folded form) are joined, and
    the groups are the connected components of that relation."""
    from . import aliases as A
    parent: dict = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for n in names:
        folded = A.fold(n)
        keys = ["k:" + A.name_key(n), "k:" + A.name_key(folded), "f:" + folded]
        rr = rindex.get(folded)
        if rr is not None:
            keys.append("k:" + A.name_key(A.fold(rr["name"])))
        root = find("n:" + n)
        for k in keys:
            other = find(k)
            if other != root:
                parent[other] = root
    roots: dict = {}
    return {n: roots.setdefault(find("n:" + n), len(roots)) for n in names}


def _resolve_part(mentions: pd.DataFrame, articles: pd.DataFrame, quotes: pd.DataFrame, context: list[dict],
                  winner_of: dict, roster, group_of: dict | None = None) -> pd.DataFrame:
    """people.resolve for one partition, identical to its rows in the
    corpus-wide people table: the partition's mentions after the context
    rows, plus repeats of each cluster's winner so that it also outnumbers
    its variants here (people's canonical form: most words, accented, then
    most frequent).

    With ``group_of`` (:func:`_people_context`), only the context rows of
    the groups of the partition's own names are given, in the same order
    (why: the full context makes each partition cost grow with the corpus)."""
    from collections import Counter
    from . import people
    here = Counter(mentions.loc[mentions["entity_type"] == "person", "canonical"].tolist()) if len(mentions) else {}
    if group_of is not None and context:
        # "canonical" missing reads as "" in resolve; unknown names keep the full context
        names = [n if isinstance(n, str) else "" for n in here]
        if all(n in group_of for n in names):
            groups = {group_of[n] for n in names}
            kept = [r for r in context if group_of.get(r["canonical"]) in groups]
            # at least one row, so that the frame is built as before (its rows do not reach the output)
            context = kept or context[:1]
    extra = []
    for win, members in winner_of.items():
        if not any(m in here for m in members):
            continue
        need = max(1 + here.get(m, 0) for m in members if m != win) + 1 - (1 + here.get(win, 0))
        extra += [_context_row(win)] * max(0, need)
    frame = pd.concat([pd.DataFrame(context + extra), mentions], ignore_index=True) if context else mentions
    out = people.resolve(frame, articles, quotes, roster=roster)
    return out[out["article_id"] != _CONTEXT_ARTICLE].reset_index(drop=True)


def _n_rows(files: list[Path]) -> int:
    import pyarrow.parquet as pq
    return sum(pq.read_metadata(f).num_rows for f in files)


class _TableWriter:
    """A final table written partition by partition (CSV: header once, the
    same formatting as pipeline.write_tables; Parquet: one row group each)."""

    def __init__(self, out: Path, name: str, fmt: str):
        if fmt not in ("csv", "parquet"):
            raise ValueError(f"unknown format {fmt!r}; use 'csv' or 'parquet'")
        self.dest = out / f"{name}.{fmt}"
        self.tmp = self.dest.with_suffix(self.dest.suffix + ".tmp")
        self.fmt, self.columns, self.fh, self.writer, self.schema = fmt, None, None, None, None
        self.pending_empty = None

    def write(self, frame: pd.DataFrame) -> None:
        if self.columns is None and not len(frame):
            self.pending_empty = frame if self.pending_empty is None else self.pending_empty
            return
        if not len(frame):
            return
        self._write(frame)

    def _write(self, frame: pd.DataFrame) -> None:
        if self.fmt == "csv":
            if self.fh is None:
                self.fh = open(self.tmp, "w", encoding="utf-8", newline="")
            pipeline.to_csv(frame, self.fh, header=self.columns is None)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq
            table = pa.Table.from_pandas(frame, schema=self.schema, preserve_index=False)
            if self.writer is None:
                self.schema = table.schema
                self.writer = pq.ParquetWriter(self.tmp, self.schema)
            self.writer.write_table(table)
        self.columns = list(frame.columns)

    def close(self) -> Path | None:
        if self.columns is None:
            if self.pending_empty is None or not len(self.pending_empty.columns):
                return None
            self._write(self.pending_empty)  # an empty table: its header only
        if self.fh is not None:
            self.fh.close()
        if self.writer is not None:
            self.writer.close()
        os.replace(self.tmp, self.dest)
        return self.dest


def _map(client, fn, items: list, *args) -> list:
    """``[fn(item, *args) for item in items]``, on the Dask workers when a
    ``client`` is given (in order; the workers read and write the same
    folders as this process)."""
    if client is None:
        return [fn(item, *args) for item in items]
    if not items:
        return []
    # Larger arguments are sent to each worker once, not once per task
    # (scattered inside a list: a list or dict alone would be scattered
    # item by item).
    shared = [client.scatter([a], broadcast=True)[0] if isinstance(a, (list, dict, pd.DataFrame)) else a
              for a in args]
    futures = [client.submit(fn, item, *shared, pure=False) for item in items]
    try:
        return client.gather(futures)
    finally:
        for future in futures:
            future.release()


def _people_task(index: str, parts_dir: Path, schemas: tuple, context: list[dict], winner_of: dict,
                 roster, group_of: dict | None = None) -> Path:
    """The people rows of one partition (:func:`_resolve_part`), written to
    ``parts/_people/<index>``; returns the path."""
    mention_schema, art_schema, quote_schema = schemas
    mentions = _read_part(parts_dir / "mentions" / index, mention_schema)
    arts = _read_part(parts_dir / "articles" / index, art_schema, ["article_id", "outlet"])
    quotes = _read_part(parts_dir / "quotes" / index, quote_schema, ["article_id", "speaker", "kind"]) \
        if quote_schema is not None else None
    part = _resolve_part(mentions, arts, quotes, context, winner_of, roster, group_of)
    path = parts_dir / "_people" / index
    part.to_parquet(path, index=False)
    return path


def _canonical_quotes(index: str, parts_dir: Path, quote_schema, do_canonical: bool) -> pd.DataFrame:
    """One partition of the final quotes table (speakers mapped to the
    people table when ``do_canonical``); its columns for the outlets table
    are written to ``parts/_summary/quotes/<index>``."""
    part = _read_part(parts_dir / "quotes" / index, quote_schema)
    if do_canonical:
        people_path = parts_dir / "_people" / index
        people_part = pd.read_parquet(people_path) if people_path.exists() else pd.DataFrame()
        part = pipeline._stage("aliases", "canonicalize_speakers")(part, people_part)
    part[[c for c in OUTLET_COLUMNS["quotes"] if c in part.columns]] \
        .to_parquet(parts_dir / "_summary" / "quotes" / index, index=False)
    return part


def _quotes_task(index: str, parts_dir: Path, quote_schema, do_canonical: bool):
    """:func:`_canonical_quotes` on a worker, its rows rendered as CSV to
    ``parts/_csv_final/quotes/<index>``: (rows, header line, its
    :class:`framing.cli.SummaryTotals`)."""
    import io
    from .cli import SummaryTotals
    part = _canonical_quotes(index, parts_dir, quote_schema, do_canonical)
    header = io.StringIO()
    pipeline.to_csv(part.iloc[:0], header)
    if len(part):
        body = parts_dir / "_csv_final" / "quotes" / index
        body.parent.mkdir(parents=True, exist_ok=True)
        with open(body, "w", encoding="utf-8", newline="") as fh:
            pipeline.to_csv(part, fh, header=False)
    totals = SummaryTotals()
    totals.add("quotes", part[SUMMARY_COLUMNS["quotes"]])
    return len(part), header.getvalue(), totals


def _concat_csv(dest: Path, pieces: list[tuple[int, str, Path]]) -> Path | None:
    """A CSV table from rendered pieces (rows, header line, body file), as
    :class:`_TableWriter` writes the frames: the header of the first piece
    with rows (of the first piece when none has rows), then the bodies."""
    if not pieces or not pieces[0][1].strip():
        return None  # no columns: the stage did not run
    with_rows = [p for p in pieces if p[0]]
    tmp = dest.with_suffix(dest.suffix + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        fh.write((with_rows or pieces)[0][1])
        for _, _, body in with_rows:
            with open(body, encoding="utf-8", newline="") as src:
                shutil.copyfileobj(src, fh, 1 << 20)
    os.replace(tmp, dest)
    return dest


def _finish(parts_dir: Path, out: Path, *, roster, fmt: str, client=None) -> dict[str, pd.DataFrame]:
    """Corpus-wide steps over the partitions, then the final tables, written
    partition by partition.

    The same tables as :func:`framing.pipeline.finalize` on the concatenated
    partitions, but only compact data is held for the whole corpus: the
    articles table's :data:`ARTICLE_COLUMNS`, per-name facts for
    people.resolve, the vocabulary's counts and running totals for the
    summary (:class:`framing.cli.SummaryTotals`). The distinctive table is
    merged and written chunk by chunk (:func:`_write_distinctive`), the
    outlets table from per-partition partials (:func:`_streamed_outlets`).

    With a Dask ``client`` whose workers share this folder, the people of
    each partition and the outlet partials are computed on the
    workers, in parallel, and the distinctive table is written by a worker
    while the rest runs (the same tables).

    Returns ``articles`` (:data:`ARTICLE_COLUMNS`), ``outlets`` and
    ``"_summary"`` (the :class:`framing.cli.SummaryTotals`).
    """
    from .cli import SummaryTotals
    out.mkdir(parents=True, exist_ok=True)
    totals = SummaryTotals()
    resolve = pipeline._stage("people", "resolve")
    canonical = pipeline._stage("aliases", "canonicalize_speakers")
    quote_files, mention_files = _part_files(parts_dir, "quotes"), _part_files(parts_dir, "mentions")
    quote_schema, mention_schema = _schema(quote_files), _schema(mention_files)
    art_parts = _part_files(parts_dir, "articles")
    art_schema = _schema(art_parts)

    # The distinctive table needs only the term counts: with a Dask client it
    # is written by a worker while this process does the rest (why: it is
    # the longest serial piece of the final step; the same file).
    distinctive = None
    if client is not None and _part_files(parts_dir, "term_counts"):
        distinctive = client.submit(_write_distinctive, parts_dir, out, fmt, pure=False)

    # people: per partition, with a compact context for the rest of the corpus
    people_parts: list[Path] = []
    if resolve is not None and mention_files:
        counts, best = _person_names(parts_dir, client)
        context, winner_of, group_of = _people_context(counts, best, roster)
        del counts, best
        people_dir = parts_dir / "_people"
        people_dir.mkdir(exist_ok=True)
        schemas = (mention_schema, art_schema, quote_schema if quote_files else None)
        people_parts = _map(client, _people_task, [f.name for f in mention_files], parts_dir, schemas,
                            context, winner_of, roster, group_of)
        del context, winner_of, group_of
        _release_memory()
    # As in pipeline.finalize: speakers are mapped when both whole tables have rows.
    do_canonical = canonical is not None and _n_rows(quote_files) > 0 and _n_rows(people_parts) > 0

    # Per-outlet inputs, one file per partition: the outlets table is then
    # folded partition by partition (see _streamed_outlets).
    summary_files: dict[str, list[Path]] = {}
    for name in pipeline.TABLE_ORDER:
        if name in STREAMED:
            _copy_table(parts_dir, name, out, fmt)
            if name in SUMMARY_COLUMNS:
                _add_totals(totals, parts_dir, name)
        elif name == "articles":
            if fmt == "csv":  # rows rendered partition by partition: the same text
                _copy_table(parts_dir, name, out, fmt)
            else:  # one row group, as pipeline.write_tables writes it
                pipeline.write_tables({name: _read(parts_dir, name)}, out, fmt=fmt)
        elif name == "quotes" and quote_files:
            kept_dir = parts_dir / "_summary" / name
            kept_dir.mkdir(parents=True, exist_ok=True)
            if client is not None and fmt == "csv":
                # On the workers: each partition's speakers mapped and its rows
                # rendered; here the rendered rows are only concatenated.
                done = _map(client, _quotes_task, [f.name for f in quote_files], parts_dir, quote_schema,
                            do_canonical)
                _concat_csv(out / f"{name}.csv", [(n, header, parts_dir / "_csv_final" / name / index)
                                                  for index, (n, header, _) in zip([f.name for f in quote_files],
                                                                                   done)])
                for _, _, part_totals in done:
                    totals.update(part_totals)
                del done
            else:
                writer = _TableWriter(out, name, fmt)
                for f in quote_files:
                    part = _canonical_quotes(f.name, parts_dir, quote_schema, do_canonical)
                    writer.write(part)
                    totals.add(name, part[SUMMARY_COLUMNS[name]])
                    del part
                writer.close()
            summary_files[name] = sorted(kept_dir.glob("part-*.parquet"))
        elif name == "people" and people_parts:
            writer = _TableWriter(out, name, fmt)
            for path in people_parts:
                part = pd.read_parquet(path)
                writer.write(part)
                totals.add(name, part[[c for c in SUMMARY_COLUMNS[name] if c in part.columns]])
                del part
            writer.close()
            summary_files[name] = people_parts
        elif name == "stance":
            files = _part_files(parts_dir, name)
            if files:
                _copy_table(parts_dir, name, out, fmt)
                summary_files[name] = files
                _add_totals(totals, parts_dir, name)
        _release_memory()
    if distinctive is None and _part_files(parts_dir, "term_counts"):
        _write_distinctive(parts_dir, out, fmt)
        _release_memory()
    articles = _read_articles(parts_dir, art_parts, art_schema)
    outlets_table = _streamed_outlets(summary_files, articles, client=client)
    pipeline.write_tables({"outlets": outlets_table}, out, fmt=fmt)
    if distinctive is not None:
        distinctive.result()
        distinctive.release()
    shutil.rmtree(parts_dir / "_people", ignore_errors=True)
    shutil.rmtree(parts_dir / "_summary", ignore_errors=True)
    return {"articles": articles, "outlets": outlets_table, "_summary": totals}


def _read_articles(parts_dir: Path, files: list[Path], schema) -> pd.DataFrame:
    """The :data:`ARTICLE_COLUMNS` of the articles table, with the dtypes of
    the whole table (each partition converted with its pandas metadata)."""
    import pyarrow.parquet as pq
    frames = []
    for f in files:
        frame = pq.read_table(f).cast(schema).to_pandas()
        frames.append(frame[[c for c in ARTICLE_COLUMNS if c in frame.columns]])
        del frame
    non_empty = [f for f in frames if len(f)]
    return pd.concat(non_empty or frames[:1], ignore_index=True) if frames else pd.DataFrame()


def _add_totals(totals, parts_dir: Path, table: str) -> None:
    """Each partition of ``table`` (its :data:`SUMMARY_COLUMNS`) added to the
    summary's running totals."""
    files = _part_files(parts_dir, table)
    schema = _schema(files)
    for f in files:
        totals.add(table, _read_part(f, schema, SUMMARY_COLUMNS[table]))


def _outlet_partial_task(module: str, path: Path, target) -> object:
    """The stage's ``outlet_partial`` of one partition, read with the
    summaries' columns cast to the partitions' unified schema ``target``."""
    import pyarrow.parquet as pq
    frame = pq.read_table(path, columns=target.names).cast(target).to_pandas()
    return importlib.import_module(f"framing.{module}").outlet_partial(frame)


def _streamed_outlets(summary_files: dict[str, list[Path]], articles: pd.DataFrame, client=None) -> pd.DataFrame:
    """compare.outlets over the whole corpus, with memory bounded by a
    partition: each partition is folded into its stage's small, exact
    ``outlet_partial`` (sums, counts, distinct sets), the partials are
    combined in corpus order and finished once
    (:func:`framing.compare.outlets_from_partials`). With a Dask client the
    partials are computed on the workers."""
    import pyarrow as pa
    module_of = {table: module for module, table in compare.SUMMARIES}
    partials = {}
    for name, files in summary_files.items():
        if name not in module_of or not files:
            continue
        schema = _schema(files)
        target = pa.schema([schema.field(c) for c in OUTLET_COLUMNS[name] if c in schema.names])
        if not len(target.names):
            continue
        mod = importlib.import_module(f"framing.{module_of[name]}")
        if client is None:
            pieces = (_outlet_partial_task(module_of[name], f, target) for f in files)
        else:
            pieces = client.gather(client.map(_outlet_partial_task, [module_of[name]] * len(files), files,
                                              [target] * len(files), pure=False))
        combined = None
        for i, piece in enumerate(pieces):
            combined = piece if i == 0 else mod.outlet_combine([combined, piece])
        partials[name] = combined
        _release_memory()
    return compare.outlets_from_partials(partials, articles)


# --------------------------------------------------------------------------- in memory
def analyze_dask(articles: pd.DataFrame, *, roster: pd.DataFrame | None = None, workers: int | None = None,
                 scheduler: str | None = None, batch_size: int = 500, progress: bool = False,
                 clean_options: dict | None = None) -> dict[str, pd.DataFrame]:
    """:func:`framing.pipeline.analyze` with the per-article stages on Dask.

    The same tables, row for row, as the single-process run: batches are
    analysed on the workers and put back in corpus order before the
    corpus-wide steps. For a corpus that does not fit in memory use
    :func:`run` (``framing analyze CORPUS --engine dask``), which streams.
    """
    from distributed import as_completed
    client, cluster, _ = _start(workers, scheduler)
    bar = _progress_bar(progress, total=len(articles))
    results: dict[int, dict] = {}
    try:
        batches = list(pipeline.iter_batches(articles, batch_size))
        futures = [client.submit(pipeline.analyze_batch, batch, clean_options=clean_options, pure=False)
                   for batch in batches]
        index_of = {f.key: i for i, f in enumerate(futures)}
        for future in as_completed(futures):
            index = index_of[future.key]
            results[index] = future.result()
            if bar is not None:
                bar.update(len(batches[index]))
            future.release()
    finally:
        if bar is not None:
            bar.close()
        _close(client, cluster)
    merged = {}
    for name in pipeline.BATCH_TABLES:
        frames = [results[i][name] for i in sorted(results)]
        merged[name] = pipeline.order_by_article(pipeline._concat(frames), articles["article_id"])
    return pipeline.finalize(merged, articles, roster=roster)


# --------------------------------------------------------------------------- Dask collections
def read_parts(results, table: str):
    """A table as a Dask DataFrame, one partition per batch.

    ``results`` is a folder written by :func:`run` with ``keep_parts=True``
    (``results/parts/<table>/``) or with ``fmt="parquet"``
    (``results/<table>.parquet``).
    """
    import dask.dataframe as dd
    results = Path(results)
    parts = results / "parts" / table
    if parts.is_dir():
        return dd.read_parquet(sorted(str(p) for p in parts.glob("part-*.parquet")))
    single = results / f"{table}.parquet"
    if single.exists():
        return dd.read_parquet(str(single))
    raise FileNotFoundError(f"{results}: no Parquet partitions or file for table {table!r}")


def compute(tables: dict) -> dict[str, pd.DataFrame]:
    """The same dict with every Dask collection computed to pandas."""
    return {name: compare.to_pandas(frame) for name, frame in tables.items()}


def outlets(tables: dict, articles=None) -> pd.DataFrame:
    """:func:`framing.compare.outlets` on pandas or Dask tables (``articles``
    defaults to ``tables["articles"]``).

    >>> tables = {n: read_parts("results", n) for n in ("articles", "quotes", "stance")}  # doctest: +SKIP
    >>> outlets(tables)                                                                # doctest: +SKIP
    """
    return compare.outlets(tables, tables.get("articles") if articles is None else articles)
