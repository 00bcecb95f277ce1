"""`framing analyze`: tables written, summary printed, exit codes, re-runs identical."""
import filecmp
import subprocess
import sys

import pandas as pd
import pytest

from framing import cli
from conftest import DATA, SEEDS


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("results")
    code = cli.main(["analyze", str(SEEDS), "--out", str(out), "--quiet"])
    return code, out


def test_analyze_seeds_writes_the_tables(seed_run):
    code, out = seed_run
    assert code == 0
    arts = pd.read_csv(out / "articles.csv", keep_default_na=False)
    assert list(arts.columns[:12]) == ["article_id", "outlet", "outlet_known", "title", "date", "url",
                                       "n_chars", "n_words", "encoding", "language", "status", "error"]
    assert len(arts) == 5 and (arts["status"] == "ok").all()
    assert "text" not in arts.columns
    segs = pd.read_csv(out / "segments.csv", keep_default_na=False)
    assert list(segs.columns) == ["article_id", "segment_id", "start", "end", "kind", "kept", "reason", "text"]
    assert len(segs) == 106 and int(segs["kept"].sum()) == 60
    outlets = pd.read_csv(out / "outlets.csv")
    assert len(outlets) == 5 and outlets["n_articles"].eq(1).all()


def test_rerun_is_byte_identical(seed_run, tmp_path):
    _, first = seed_run
    assert cli.main(["analyze", str(SEEDS), "--out", str(tmp_path), "--quiet"]) == 0
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in tmp_path.iterdir())
    match, mismatch, errors = filecmp.cmpfiles(first, tmp_path, names, shallow=False)
    assert mismatch == [] and errors == []


def test_parquet_output(tmp_path):
    assert cli.main(["analyze", str(SEEDS), "--out", str(tmp_path), "--format", "parquet", "--quiet"]) == 0
    segs = pd.read_parquet(tmp_path / "segments.parquet")
    assert len(segs) == 106


def test_bad_inputs_run_on_and_every_file_is_a_row(tmp_path, capsys):
    assert cli.main(["analyze", str(DATA / "bad"), "--out", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert "articles: 14" in printed and "error: empty" in printed
    arts = pd.read_csv(tmp_path / "articles.csv", keep_default_na=False)
    assert len(arts) == len(list((DATA / "bad").glob("*.txt")))
    assert arts["article_id"].is_unique
    segs = pd.read_csv(tmp_path / "segments.csv", keep_default_na=False)
    analysed = set(arts.loc[arts.status.isin(["ok", "warning"]), "article_id"])
    assert set(segs["article_id"]) == analysed


def test_strict_fails_on_any_error(tmp_path, capsys):
    assert cli.main(["analyze", str(DATA / "bad"), "--out", str(tmp_path), "--strict", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("framing: error: ") and "--strict" in err and len(err.strip().splitlines()) == 1


def test_nothing_analysable_exits_nonzero(tmp_path, capsys):
    only_bad = tmp_path / "corpus"
    only_bad.mkdir()
    (only_bad / "empty.txt").write_bytes(b"")
    assert cli.main(["analyze", str(only_bad), "--out", str(tmp_path / "out"), "--quiet"]) == 1
    assert "none of the 1 articles could be analysed" in capsys.readouterr().err


def test_missing_corpus_is_one_clear_line(tmp_path, capsys):
    assert cli.main(["analyze", str(tmp_path / "nope"), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "no such file or folder" in err


def test_console_script_runs(tmp_path):
    done = subprocess.run([sys.executable, "-m", "framing.cli", "analyze", str(DATA / "formats" / "articles.jsonl"),
                           "--out", str(tmp_path), "--no-progress"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "articles: 4 (2 ok, 2 error)" in done.stdout
