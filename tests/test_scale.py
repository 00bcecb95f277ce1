"""Streaming and Dask engine (framing.scale), the synthetic corpus (framing.synth).

The engines must give byte-identical tables: on the seeds and on a small
generated corpus, local vs Dask, streamed vs in memory, interrupted and
resumed vs run at once.
"""
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from framing import clean, compare, corpus, pipeline, scale, synth

from conftest import SEEDS


def _files(folder: Path) -> dict[str, bytes]:
    """Every final table of a results folder, as bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def synth_corpus(tmp_path_factory):
    """30 generated articles (about 600 words each) as one .jsonl file."""
    return synth.write_corpus(30, tmp_path_factory.mktemp("synth") / "corpus.jsonl", seeds=SEEDS, seed=7)


@pytest.fixture(scope="module")
def in_process_cluster():
    """A 2-worker Dask cluster in this process (threads): quick to start."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        yield cluster.scheduler_address


# --------------------------------------------------------------------------- identical results
def test_seeds_local_and_dask_worker_processes_identical(tmp_path):
    """The CLI's default Dask path: a local cluster of 2 worker processes that
    write the partitions themselves."""
    local = scale.run(SEEDS, tmp_path / "local", batch_size=2)
    dask = scale.run(SEEDS, tmp_path / "dask", engine="dask", workers=2, batch_size=2)
    assert _files(tmp_path / "local") == _files(tmp_path / "dask")
    assert set(_files(tmp_path / "local")) >= {"articles.csv", "segments.csv", "quotes.csv", "outlets.csv"}
    assert int(local["_run"]["batches_analysed"].iloc[0]) == 3  # 5 seeds in batches of 2
    assert int(dask["_run"]["batches_analysed"].iloc[0]) == 3
    assert not (tmp_path / "local" / "parts").exists()  # removed once the tables are written


def test_seeds_streamed_equals_in_memory(tmp_path):
    """scale.run (batches, partitions, merged term counts) writes exactly what
    pipeline.analyze on the whole corpus writes."""
    pipeline.write_tables(pipeline.analyze(corpus.load(SEEDS)), tmp_path / "memory")
    scale.run(SEEDS, tmp_path / "streamed", batch_size=2)
    assert _files(tmp_path / "memory") == _files(tmp_path / "streamed")


def test_synth_local_and_dask_identical(tmp_path, synth_corpus, in_process_cluster):
    """A generated corpus, batches of 6, on an existing cluster (its workers
    send their tables back and this process writes them), and in Parquet."""
    scale.run(synth_corpus, tmp_path / "local", batch_size=6)
    scale.run(synth_corpus, tmp_path / "dask", engine="dask", scheduler=in_process_cluster, batch_size=6)
    local, dask = _files(tmp_path / "local"), _files(tmp_path / "dask")
    assert local == dask
    arts = pd.read_csv(tmp_path / "local" / "articles.csv")
    assert len(arts) == 30 and arts["article_id"].iloc[0] == "synth-7-0000000"
    # The batch size does not change the result either, and streaming (with
    # distinctive terms from merged per-batch counts) equals the in-memory run.
    scale.run(synth_corpus, tmp_path / "big_batches", batch_size=20)
    assert _files(tmp_path / "big_batches") == local
    pipeline.write_tables(pipeline.analyze(corpus.load(synth_corpus)), tmp_path / "memory")
    assert _files(tmp_path / "memory") == local
    assert pd.read_csv(tmp_path / "local" / "distinctive.csv")["outlet"].nunique() >= 10


def test_streamed_outlets_and_chunked_distinctive_equal_in_memory(tmp_path, synth_corpus, monkeypatch):
    """The outlets table folded partition by partition (never from an
    outlet's rows at once) and the distinctive table merged a few hundred
    rows at a time (as on a large corpus) are the tables of the in-memory run."""
    monkeypatch.setattr(scale, "DISTINCTIVE_CHUNK_ROWS", 500)
    calls = []
    monkeypatch.setattr(compare, "outlets", lambda *a: calls.append(1))  # the whole-table path is not taken
    scale.run(synth_corpus, tmp_path / "streamed", batch_size=6)
    assert not calls
    monkeypatch.undo()
    pipeline.write_tables(pipeline.analyze(corpus.load(synth_corpus)), tmp_path / "memory")
    assert _files(tmp_path / "memory") == _files(tmp_path / "streamed")


def test_term_counts_equal_the_distinctive_analyzer():
    """The one-pass counts (documents joined at NUL, bigrams as pairs) are
    the summed counts of stance's analyzer, document by document: no bigram
    across documents or across a NUL, stop words dropped before bigrams."""
    from collections import Counter
    from framing import stance
    docs = ["The minister's data-protection plan, he said, was \"unfair\".",
            "Plan" + chr(0) + "was unfair to Meta and Meta's users",
            "", "and the", "Sánchez   criticised   the plan again"]
    analyze = stance._analyzer(stance.DISTINCTIVE_NGRAMS, stance.DISTINCTIVE_STOP_WORDS)
    expected = Counter()
    for doc in docs:
        expected.update(analyze(doc))
    got = scale._count_features(docs)
    assert dict(got) == dict(expected)
    # "Plan" NUL "was unfair": the stop word goes, but the NUL still parts them.
    assert "plan unfair" not in got and got["unfair meta"] == 1
    assert got["meta"] == 1 and got["meta's"] == 1 and got["sánchez criticised"] == 1
    assert "and" not in got and "users sánchez" not in got  # no bigram across documents


def test_analyze_dask_equals_analyze(seed_articles, in_process_cluster):
    expected = pipeline.analyze(seed_articles)
    got = scale.analyze_dask(seed_articles, scheduler=in_process_cluster, batch_size=2)
    assert list(got) == list(expected)
    for name in expected:
        pd.testing.assert_frame_equal(got[name], expected[name], obj=name)


# --------------------------------------------------------------------------- resume
def test_interrupted_run_resumes_without_redoing_partitions(tmp_path, synth_corpus, monkeypatch):
    out = tmp_path / "out"
    calls = []
    real = scale.process_batch

    def counting(batch, **kw):
        calls.append(batch["article_id"].iloc[0])
        return real(batch, **kw)

    monkeypatch.setattr(scale, "process_batch", counting)
    with pytest.raises(KeyboardInterrupt):
        scale.run(synth_corpus, out, batch_size=6, stop_after=2)
    # Partitions are written batch by batch, each recorded in the manifest.
    manifest = json.loads((out / "parts" / scale.MANIFEST).read_text())
    assert sorted(manifest["batches"]) == ["0", "1"]
    assert manifest["batches"]["0"]["n_articles"] == 6
    assert sorted(p.name for p in (out / "parts" / "segments").iterdir()) == \
        ["part-00000.parquet", "part-00001.parquet"]
    assert not (out / "segments.csv").exists()
    assert calls == ["synth-7-0000000", "synth-7-0000006"]

    calls.clear()
    tables = scale.run(synth_corpus, out, batch_size=6)
    # Only the three missing batches of five were analysed.
    assert calls == ["synth-7-0000012", "synth-7-0000018", "synth-7-0000024"]
    assert tables["_run"][["batches_analysed", "batches_reused"]].iloc[0].tolist() == [3, 2]

    monkeypatch.setattr(scale, "process_batch", real)
    scale.run(synth_corpus, tmp_path / "at_once", batch_size=6)
    assert _files(out) == _files(tmp_path / "at_once")


def test_resume_ignores_partitions_of_other_options(tmp_path, synth_corpus):
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        scale.run(synth_corpus, out, batch_size=6, stop_after=1)
    # Another batch size: the old partitions cannot be reused.
    tables = scale.run(synth_corpus, out, batch_size=20)
    assert tables["_run"][["batches_analysed", "batches_reused"]].iloc[0].tolist() == [2, 0]
    # --restart: start afresh even with the same options.
    with pytest.raises(KeyboardInterrupt):
        scale.run(synth_corpus, out, batch_size=20, stop_after=1)
    tables = scale.run(synth_corpus, out, batch_size=20, resume=False)
    assert tables["_run"][["batches_analysed", "batches_reused"]].iloc[0].tolist() == [2, 0]


def test_dask_resume_after_interruption(tmp_path, synth_corpus, in_process_cluster):
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        scale.run(synth_corpus, out, engine="dask", scheduler=in_process_cluster, batch_size=6, stop_after=2)
    done = json.loads((out / "parts" / scale.MANIFEST).read_text())["batches"]
    assert len(done) == 2
    tables = scale.run(synth_corpus, out, engine="dask", scheduler=in_process_cluster, batch_size=6)
    assert tables["_run"][["batches_analysed", "batches_reused"]].iloc[0].tolist() == [3, 2]
    scale.run(synth_corpus, tmp_path / "at_once", batch_size=6)
    assert _files(out) == _files(tmp_path / "at_once")


# --------------------------------------------------------------------------- Dask collections
def test_outlets_from_dask_collections(tmp_path):
    scale.run(SEEDS, tmp_path, batch_size=2, keep_parts=True)
    segs = scale.read_parts(tmp_path, "segments")
    assert segs.npartitions == 3
    assert len(segs) == len(pd.read_csv(tmp_path / "segments.csv"))
    expected = pd.read_csv(tmp_path / "outlets.csv")
    dask_tables = {name: scale.read_parts(tmp_path, name) for name in ("articles", "quotes", "stance")}
    dask_tables["people"] = pd.read_csv(tmp_path / "people.csv")  # corpus-wide: no partitions
    for got in (scale.outlets(dask_tables), compare.outlets(dask_tables, dask_tables["articles"])):
        assert got["outlet"].tolist() == expected["outlet"].tolist()
        assert got["n_articles"].tolist() == expected["n_articles"].tolist() == [1, 1, 1, 1, 1]
        assert got["n_words_kept"].tolist() == expected["n_words_kept"].tolist()
        assert list(got.columns) == list(expected.columns)


def test_article_totals_on_dask_segments(tmp_path, seed_articles, seed_segments):
    scale.run(SEEDS, tmp_path, batch_size=2, keep_parts=True, fmt="parquet")
    segs = scale.read_parts(tmp_path, "segments")
    got = compare.article_totals(seed_articles, segs)
    expected = compare.article_totals(seed_articles, seed_segments)
    pd.testing.assert_frame_equal(got, expected)
    # fmt="parquet" final tables are readable as Dask too.
    assert (tmp_path / "segments.parquet").exists()
    assert len(scale.read_parts(tmp_path, "quotes")) == len(pd.read_parquet(tmp_path / "quotes.parquet"))


# --------------------------------------------------------------------------- synth
def test_synth_is_deterministic_and_prefix_stable(tmp_path):
    a = synth.write_corpus(12, tmp_path / "a.jsonl", seeds=SEEDS, seed=3)
    b = synth.write_corpus(12, tmp_path / "b.jsonl", seeds=SEEDS, seed=3)
    c = synth.write_corpus(5, tmp_path / "c.jsonl", seeds=SEEDS, seed=3)
    d = synth.write_corpus(12, tmp_path / "d.jsonl", seeds=SEEDS, seed=4)
    assert a.read_bytes() == b.read_bytes()
    assert a.read_text().splitlines()[:5] == c.read_text().splitlines()
    assert a.read_bytes() != d.read_bytes()


def test_synth_articles_are_realistic(seed_text):
    records = list(synth.generate(150, seeds=SEEDS, seed=11))
    arts = pd.DataFrame(records)
    words = arts["text"].str.split().str.len()
    assert 500 <= words.mean() <= 750 and words.min() >= 400
    assert arts["id"].is_unique and arts["outlet"].nunique() >= 15
    assert (arts["outlet"] == "").any()  # some articles lack an outlet, as in real exports
    # Sentences come from the seeds' paragraphs; whole sentences, not cut after "Mr.".
    seed_words = set(re.findall(r"[a-z]{6,}", " ".join(seed_text.values()).lower()))
    synth_words = set(re.findall(r"[a-z]{6,}", " ".join(arts["text"]).lower()))
    assert synth_words <= seed_words | {w.lower() for w in synth._LAST + synth._FIRST}
    assert not arts["text"].str.contains(r"\bMr\.\n").any()
    assert arts["text"].str.contains("“").mean() > 0.8  # quotes in most articles
    # Names vary: invented names replace seed people in many articles.
    assert arts["text"].str.contains("|".join(synth._LAST)).mean() > 0.5
    # The seeds' messiness is there for the cleaner to set aside.
    table = pd.DataFrame({"article_id": arts["id"], "status": "ok", "text": arts["text"]})
    segs = clean.segment(table)
    reasons = segs.loc[~segs["kept"], "reason"].str.extract(r"^(page chrome|photo caption|duplicate|"
                                                            r"near-duplicate|appended|machine)")[0]
    assert {"page chrome", "photo caption", "duplicate", "appended"} <= set(reasons.dropna())
    assert segs["kept"].mean() > 0.85


# --------------------------------------------------------------------------- progress, command line
def test_progress_bar_counts_articles(tmp_path, capsys):
    scale.run(SEEDS, tmp_path, batch_size=2, progress=True)
    err = capsys.readouterr().err
    assert "analysing" in err and "5/5" in err  # the total is known before the run
    assert "corpus-wide steps" in err


def test_cli_keep_parts_and_restart(tmp_path):
    from framing import cli
    out = tmp_path / "out"
    assert cli.main(["analyze", str(SEEDS), "--out", str(out), "--batch-size", "2", "--keep-parts",
                     "--quiet"]) == 0
    manifest = json.loads((out / "parts" / scale.MANIFEST).read_text())
    assert sorted(manifest["batches"]) == ["0", "1", "2"]
    assert scale.read_parts(out, "quotes").npartitions == 3
    first = _files(out)
    assert cli.main(["analyze", str(SEEDS), "--out", str(out), "--batch-size", "2", "--restart",
                     "--quiet"]) == 0
    assert not (out / "parts").exists()
    assert _files(out) == first


# --------------------------------------------------------------------------- cost of the final step
def test_to_csv_writes_what_pandas_writes():
    """pipeline.to_csv formats float columns itself (faster); the bytes are
    those of DataFrame.to_csv with the project's float format, NaN, infinities,
    negative zero, huge and tiny values, quoted strings and other dtypes."""
    import io
    import numpy as np
    x = np.array([0.1 + 0.2, np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, 5e-324, 123456.5, 1234567.0,
                  -2.5e-7, 1 / 3])
    frame = pd.DataFrame({"text": pd.Series(['a, b', 'say "no"', "two\nlines", None, "x", "y"] * 2, dtype="str"),
                          "z": x, "n": np.arange(12), "ok": x > 0,
                          "f32": np.clip(x, -1e30, 1e30).astype("float32"),
                          "mixed": [None, 1.5, "s", 2, 0.1 + 0.2, np.nan] * 2})
    for header in (True, False):
        expected, got = io.StringIO(), io.StringIO()
        frame.to_csv(expected, index=False, lineterminator="\n", float_format="%.6g", header=header)
        pipeline.to_csv(frame, got, header=header)
        assert got.getvalue() == expected.getvalue()
    first = got.getvalue().split("\n", 1)[0]
    assert first.startswith('"a, b",0.3,0,True,0.3,')  # 6 significant digits, ints as they are
    assert ",1.23457e+06," in got.getvalue() and ",-0," in got.getvalue()


def test_to_csv_arrow_path_writes_what_pandas_writes(monkeypatch):
    """Frames of the package's own column types take the Arrow path of
    pipeline.to_csv (rows rendered by chunks); the bytes are still those of
    DataFrame.to_csv: quoting of commas, quotes and line feeds (not carriage
    returns), empty and missing strings, accents, every integer width,
    booleans, float32 and float64."""
    import io
    import numpy as np
    monkeypatch.setattr(pipeline, "CSV_CHUNK_ROWS", 5)  # several chunks
    x = np.array([0.1 + 0.2, np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, 5e-324, 123456.5, 1234567.0,
                  -2.5e-7, 1 / 3])
    text = ['a, b', 'say "no"', "two\nlines", None, "", "carriage\rreturn", "Sánchez", "«x»", ",", '"',
            "plain", "€ 5"]
    frame = pd.DataFrame({"text": pd.Series(text, dtype="string"), "z": x, "n": np.arange(12),
                          "u8": np.arange(12, dtype="uint8"), "i32": -np.arange(12, dtype="int32"),
                          "ok": x > 0, "f32": np.clip(x, -1e30, 1e30).astype("float32"),
                          "tail": pd.Series(text[::-1], dtype="string")})
    assert pipeline._arrow_writable(frame)
    for header in (True, False):
        expected, got = io.StringIO(), io.StringIO()
        frame.to_csv(expected, index=False, lineterminator="\n", float_format="%.6g", header=header)
        pipeline.to_csv(frame, got, header=header)
        assert got.getvalue() == expected.getvalue()
    assert '\n"two\nlines",' in got.getvalue() and "\ncarriage\rreturn," in got.getvalue()
    empty = frame.iloc[:0]
    expected, got = io.StringIO(), io.StringIO()
    empty.to_csv(expected, index=False, lineterminator="\n", float_format="%.6g")
    pipeline.to_csv(empty, got)
    assert got.getvalue() == expected.getvalue() == ",".join(frame.columns) + "\n"


def test_csv_bodies_written_by_batches_are_used(tmp_path, synth_corpus):
    """Each batch renders its rows of the copied tables as CSV where it is
    analysed; the final table is the header then those bodies in order (and
    a batch whose body is missing is rendered at the end, the same)."""
    out = tmp_path / "out"
    scale.run(synth_corpus, out, batch_size=6, keep_parts=True)
    bodies = sorted((out / "parts" / "_csv" / "stance_evidence").glob("part-*.csv"))
    assert len(bodies) == 5
    text = (out / "stance_evidence.csv").read_text(encoding="utf-8")
    header = text.split("\n", 1)[0] + "\n"
    assert header.startswith("article_id,")
    assert text == header + "".join(b.read_text(encoding="utf-8") for b in bodies)
    # Without one body the table is rendered from its partition: same bytes.
    bodies[2].unlink()
    before = _files(out)
    assert scale._copy_table(out / "parts", "stance_evidence", out, "csv") == out / "stance_evidence.csv"
    assert _files(out) == before
    # Parquet output: no CSV rendered by the batches.
    scale.run(synth_corpus, tmp_path / "pq", batch_size=6, keep_parts=True, fmt="parquet")
    assert not (tmp_path / "pq" / "parts" / "_csv").exists()


def test_run_reports_its_steps_and_leaves_gc_as_it_was(tmp_path, synth_corpus, in_process_cluster):
    """The run's statistics give the final step's and the Dask start-up's
    seconds; the garbage collector is unfrozen afterwards, also when a run
    is interrupted."""
    import gc
    tables = scale.run(synth_corpus, tmp_path / "local", batch_size=10)
    stats = tables["_run"].iloc[0]
    assert 0 < stats["finish_seconds"] < stats["seconds"] and stats["finish_cpu_seconds"] > 0
    assert stats["startup_seconds"] == 0
    assert gc.get_freeze_count() == 0
    with pytest.raises(KeyboardInterrupt):
        scale.run(synth_corpus, tmp_path / "stopped", batch_size=10, stop_after=1)
    assert gc.get_freeze_count() == 0
    stats = scale.run(synth_corpus, tmp_path / "dask", engine="dask", scheduler=in_process_cluster,
                      batch_size=10)["_run"].iloc[0]
    assert 0 < stats["startup_seconds"] < stats["seconds"]


def test_stop_words_without_importing_sklearn():
    """The term counts' stop words are scikit-learn's English list, read
    without importing the sklearn package (seconds per worker process)."""
    import subprocess
    import sys
    code = ("import sys; from framing import scale; words = scale._feature_settings()[1]; "
            "print(len(words), 'sklearn' in sys.modules, 'the' in words, 'minister' in words)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["318", "False", "True", "False"]
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
    assert scale._english_stop_words() == frozenset(ENGLISH_STOP_WORDS)


def test_final_step_on_dask_workers_equals_local(tmp_path, synth_corpus, in_process_cluster, monkeypatch):
    """With a client, the people of each partition and each
    partition's outlet partials are computed on the workers: the same tables."""
    distributed = pytest.importorskip("distributed")
    scale.run(synth_corpus, tmp_path / "run", batch_size=6, keep_parts=True)
    parts = tmp_path / "run" / "parts"
    local = scale._finish(parts, tmp_path / "local", roster=None, fmt="csv")
    with distributed.Client(in_process_cluster) as client:
        on_dask = scale._finish(parts, tmp_path / "dask", roster=None, fmt="csv", client=client)
    assert _files(tmp_path / "dask") == _files(tmp_path / "local") == _files(tmp_path / "run")
    pd.testing.assert_frame_equal(on_dask["outlets"], local["outlets"])
    assert len(scale._part_files(parts, "quotes")) > 3


def test_outlet_partials_merged_over_article_chunks_equal_direct(synth_corpus):
    """Each stage's outlet summary from per-chunk partials (chunks of whole
    articles, so that outlets span several chunks) combined equals the
    summary of the whole table."""
    import importlib
    tables = pipeline.analyze(corpus.load(synth_corpus))
    arts = tables["articles"]
    ids = arts["article_id"].tolist()
    chunks = [set(ids[i:i + 4]) for i in range(0, len(ids), 4)]
    biggest = arts["outlet"].value_counts().index[0]
    assert sum(bool(c & set(arts.loc[arts["outlet"] == biggest, "article_id"])) for c in chunks) > 1
    for module, table in compare.SUMMARIES:
        mod = importlib.import_module(f"framing.{module}")
        frame = tables[table]
        parts = [mod.outlet_partial(frame[frame["article_id"].isin(c)]) for c in chunks]
        merged = mod.outlet_finish(mod.outlet_combine(parts), arts)
        direct = mod.outlet_summary(frame, arts)
        assert len(direct) and len(direct.columns) > 3
        pd.testing.assert_frame_equal(merged, direct)


# --------------------------------------------------------------------------- memory that does not grow with the corpus
def test_run_returns_running_totals_not_rows(tmp_path, synth_corpus):
    """scale.run keeps counts, not the rows of the large tables: it returns
    the articles' few columns, the outlets table and the summary's running
    totals, which print the same summary as the whole written tables."""
    from framing import cli
    out = tmp_path / "out"
    tables = scale.run(synth_corpus, out, batch_size=6)  # 5 partitions
    assert set(tables) == {"articles", "outlets", "_summary", "_run"}
    assert list(tables["articles"].columns) == scale.ARTICLE_COLUMNS
    totals = tables["_summary"]
    assert isinstance(totals, cli.SummaryTotals)
    written = pipeline.read_tables(out)
    assert cli.summary(tables) == cli.summary(written)
    assert totals.rows["segments"] == len(written["segments"]) > 100
    assert totals.kept == int(written["segments"]["kept"].sum())
    persons = written["people"][written["people"]["entity_type"] == "person"]
    assert len(totals.persons) == persons["entity_id"].nunique() > 3
    # Partition by partition, by hand: a person met in two partitions counts once.
    hand = cli.SummaryTotals()
    hand.add("segments", pd.DataFrame({"kept": [True, False, False],
                                       "reason": [None, "photo caption", "duplicate of segment 2"]}))
    hand.add("segments", pd.DataFrame({"kept": [False, False, True],
                                       "reason": ["duplicate of segment 7", "page chrome (share link)", None]}))
    hand.add("people", pd.DataFrame({"article_id": ["a1", "a1", "a2"], "entity_id": ["p1", "p2", "p1"],
                                     "entity_type": ["person", "person", "person"],
                                     "is_official": [True, False, True]}))
    hand.add("people", pd.DataFrame({"article_id": ["a3", "a3"], "entity_id": ["p1", "o1"],
                                     "entity_type": ["person", "organization"], "is_official": [True, False]}))
    assert hand.lines() == ["segments: 6, kept 2, set aside 4: 2 duplicate; 1 photo caption; 1 page chrome",
                            "people: 2 persons (1 officials) in 3 articles"]
    # The name facts keep only the fields of a role, not whole mention rows.
    parts = tmp_path / "kept"
    scale.run(synth_corpus, parts, batch_size=6, keep_parts=True)
    files = scale._part_files(parts / "parts", "mentions")
    counts, best = scale._name_facts((0, files[0]), scale._schema(files))
    assert best and all(set(cand) <= set(scale._ROLE_FIELDS) for _, cand in best.values())


def test_ids_seen_across_batches_are_hashes(tmp_path, monkeypatch):
    """The ids kept to make them unique across batches are 64-bit hashes
    (merged into a sorted array every BUFFER ids), and repeated ids are
    renamed exactly as corpus.load renames them."""
    from framing import stream
    monkeypatch.setattr(stream._IdSet, "BUFFER", 2)
    texts = ["The mayor said the bridge would reopen on Monday.",
             "The council approved the budget by a wide margin.",
             "Farmers blocked the road for a second day, police said."]
    ids = ["north-1", "north-1", "north-1~2", "south-9", "north-1", "south-9", "east-3"]
    source = tmp_path / "corpus.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": texts[k % 3]}) + "\n" for k, i in enumerate(ids)),
                      encoding="utf-8")
    streamed = pd.concat(list(stream.iter_batches(source, 2)), ignore_index=True)
    whole = corpus.load(source)
    assert streamed["article_id"].tolist() == whole["article_id"].tolist() == \
        ["north-1", "north-1~2", "north-1~2~2", "south-9", "north-1~3", "south-9~2", "east-3"]
    assert streamed["error"].tolist() == whole["error"].tolist()
    seen = stream._IdSet()
    for key in ids:
        seen.add(key)
    assert len(seen) == 4 and len(seen._sorted) == 4 and not seen._recent
    assert "south-9" in seen and "north-1~3" not in seen and "" not in seen


def test_term_counts_by_article_chunks_equal_whole(synth_corpus, monkeypatch):
    """A batch's term counts built a few articles at a time (to bound the
    batch's memory) are the counts of the whole batch at once."""
    arts = corpus.load(synth_corpus)
    parts = pipeline.analyze_batch(arts)
    monkeypatch.setattr(scale, "TERM_COUNT_ARTICLES", 1000)
    whole = scale._term_counts(arts, parts["segments"], parts["quotes"])
    monkeypatch.setattr(scale, "TERM_COUNT_ARTICLES", 4)
    chunked = scale._term_counts(arts, parts["segments"], parts["quotes"])
    assert len(whole) > 1000 and whole["outlet"].nunique() > 1
    pd.testing.assert_frame_equal(chunked, whole)


# --------------------------------------------------------------------------- faster paths, same results
def test_score_chunk_equals_group_by_group():
    """The distinctive rows of a chunk of outlets scored at once
    (scale._score_chunk) are those of scale._score_group outlet by outlet:
    the same floats, each outlet's rows by z descending, then term; ties in
    z (equal counts) ordered by term."""
    import numpy as np
    vocab = pd.Index(sorted(["border", "crisis", "deal", "migrants", "police", "talks", "vote"]))
    counts = pd.DataFrame({"outlet": ["north"] * 4 + ["south"] * 5 + ["west"] * 2,
                           "term": ["border", "crisis", "deal", "vote",
                                    "border", "migrants", "police", "talks", "vote",
                                    "deal", "talks"],
                           "count": [3, 5, 2, 2, 1, 4, 2, 2, 7, 6, 1]})
    merged = counts.groupby(["outlet", "term"], sort=True)["count"].sum()
    corpus = counts.groupby("term")["count"].sum().reindex(vocab).to_numpy(dtype=float)
    alpha = np.maximum(corpus, 1e-9)
    n_of = counts.groupby("outlet")["count"].sum().astype(float)
    total = n_of.to_numpy().sum()
    labels = merged.index.get_level_values(0)
    codes = vocab.get_indexer(merged.index.get_level_values(1))
    y = merged.to_numpy(dtype=float)
    got = scale._score_chunk(labels, codes, y, vocab, corpus, alpha, alpha.sum(), n_of, total)
    expected = []
    for g in ["north", "south", "west"]:
        rows = np.flatnonzero(np.asarray(labels) == g)
        expected.append(scale._score_group(g, np.asarray(vocab, dtype=object)[codes[rows]], y[rows],
                                           corpus[codes[rows]], alpha[codes[rows]], alpha.sum(), n_of[g], total))
    expected = pd.concat(expected, ignore_index=True)
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    # "deal" and "vote" have 2 uses each in north (equal z): alphabetical.
    north = got[got["outlet"] == "north"]["term"].tolist()
    assert north.index("deal") < north.index("vote")


def test_csv_fast_paths_write_what_pandas_writes(monkeypatch):
    """pipeline.to_csv's shortcuts give pandas' bytes: a float column with
    many repeated values (formatted once per value), with and without a
    negative zero; string columns without any comma, quote or line feed
    (no per-value check) next to ones with them; a frame cut in chunks."""
    import io
    import numpy as np
    monkeypatch.setattr(pipeline, "CSV_CHUNK_ROWS", 37)
    rng = np.random.default_rng(3)
    rate = rng.choice([0.0, 2.5, 1000 / 3, np.nan, 12.75, 1e-7], size=200)
    with_neg_zero = rate.copy()
    with_neg_zero[5] = -0.0
    labels = rng.choice(["hedge", "booster", "term:migrants:illegal", "Sánchez"], size=200)
    notes = rng.choice(["plain", 'he said "no"', "a, b", "two\nlines", ""], size=200)
    frame = pd.DataFrame({"measure": pd.Series(labels, dtype="str"), "rate": rate, "neg": with_neg_zero,
                          "count": rng.integers(0, 9, size=200), "note": pd.Series(notes, dtype="str"),
                          "id": pd.Series([f"a-{i % 17}" for i in range(200)], dtype="str")})
    assert pipeline._arrow_writable(frame)
    written = []
    for part in (frame, frame.iloc[50:130]):
        expected, got = io.StringIO(), io.StringIO()
        part.to_csv(expected, index=False, lineterminator="\n", float_format="%.6g")
        pipeline.to_csv(part, got)
        assert got.getvalue() == expected.getvalue()
        written.append(got.getvalue())
    assert len(written[0]) > len(written[1]) > 0
    neg = pipeline._format_floats(with_neg_zero)
    assert neg[5] == "-0" and "0" in set(neg) and "333.333" in set(neg)
    assert list(pipeline._format_floats(np.array([2.5] * 70 + [np.nan]))[-2:]) == ["2.5", ""]


def test_order_by_article_equals_position_map():
    """order_by_article puts rows in corpus order; the vectorised look-up
    gives what the position dict gives, and repeated or unknown article ids
    keep the dict's rules (the last position of a repeated id wins, unknown
    ids last)."""
    frame = pd.DataFrame({"article_id": pd.Series(["b", "a", "c", "a", "b", "c"], dtype="str"),
                          "row": range(6)})
    assert pipeline.order_by_article(frame, ["a", "b", "c"])["row"].tolist() == [1, 3, 0, 4, 2, 5]
    assert pipeline.order_by_article(frame, ["c", "b", "a", "b"])["row"].tolist() == [2, 5, 1, 3, 0, 4]
    assert pipeline.order_by_article(frame, ["c", "a"])["row"].tolist() == [2, 5, 1, 3, 0, 4]
    in_order = frame.iloc[[1, 3, 0, 4]].reset_index(drop=True)
    assert pipeline.order_by_article(in_order, ["a", "b"])["row"].tolist() == [1, 3, 0, 4]


def test_people_context_filtered_by_name_group_equals_full(tmp_path):
    """Each partition's people are resolved with only the context rows of its
    own names' groups (same surname key, folded form or roster entry): the
    same rows as with one context row per distinct name in the corpus, and
    a name in another partition still joins its fuller name or roster entry."""
    from framing import people

    def mention(aid, name, start, role="", institution="", country="", official=""):
        return {"article_id": aid, "outlet": "Daily " + aid[0], "paragraph": 1, "start": start, "text": name,
                "name": name, "canonical": name, "entity_type": "person", "role": role,
                "institution": institution, "country": country, "official": official, "evidence": ""}

    # invented articles: a full name and its surname alone in other partitions, two people
    # with one surname, a roster alias, an Arabic article, a royal title, unrelated names
    parts = [
        [mention("a1", "Pedro Sánchez", 0, "prime minister", "government", "Spain", "true"),
         mention("a1", "Bibi", 40), mention("a1", "Bashar al-Assad", 80, "president", "government", "Syria", "true"),
         mention("a1", "Jane Doe", 120)],
        [mention("b1", "Sanchez", 0), mention("b1", "Netanyahu", 30), mention("b1", "Assad", 60),
         mention("b1", "Carlos Sánchez", 90), mention("b1", "Salman", 130, "king")],
        [mention("c1", "Pedro Sanchez", 0), mention("c1", "Mohammed bin Salman", 40, "crown prince"),
         mention("c1", "Tom Okafor", 90), mention("c1", "Okafor", 120)],
    ]
    mention_dir = tmp_path / "mentions"
    mention_dir.mkdir()
    for i, rows in enumerate(parts):
        pd.DataFrame(rows).to_parquet(mention_dir / f"part-{i:05d}.parquet", index=False)
    roster = pd.DataFrame([{"name": "Benjamin Netanyahu", "aliases": "Bibi", "role": "prime minister",
                            "institution": "government", "country": "Israel", "is_official": "true"}])
    counts, best = scale._person_names(tmp_path, None)
    context, winner_of, group_of = scale._people_context(counts, best, roster)
    assert group_of["Sanchez"] == group_of["Pedro Sánchez"] == group_of["Carlos Sánchez"]
    assert group_of["Netanyahu"] == group_of["Bibi"]          # by the roster entry's surname
    assert group_of["Assad"] == group_of["Bashar al-Assad"]
    assert group_of["Jane Doe"] != group_of["Sanchez"] and group_of["Okafor"] != group_of["Assad"]
    names = {}
    for rows in parts:
        frame = pd.DataFrame(rows)
        arts = pd.DataFrame({"article_id": [rows[0]["article_id"]], "outlet": [rows[0]["outlet"]]})
        full = scale._resolve_part(frame, arts, None, context, winner_of, roster)
        filtered = scale._resolve_part(frame, arts, None, context, winner_of, roster, group_of)
        pd.testing.assert_frame_equal(full, filtered)
        names.update(zip(filtered["aliases"].where(filtered["aliases"] != "", filtered["name"]), filtered["name"]))
    assert names["Netanyahu"] == "Benjamin Netanyahu"     # "Bibi" is in another partition
    assert names["Assad"] == "Bashar al-Assad"
    assert names["Okafor"] == "Tom Okafor"
    # two Sánchez in the corpus: the surname alone is not merged into either
    assert names["Sanchez"] == "Sanchez"
    # the whole corpus resolved at once gives the same people
    whole = people.resolve(pd.DataFrame([r for rows in parts for r in rows]), None, None, roster=roster)
    assert dict(zip(whole["aliases"].where(whole["aliases"] != "", whole["name"]), whole["name"])) == names
