"""Corpus loading: every input format, every bad input, nothing lost."""
import json
import os

import pandas as pd
import pytest

from framing import clean, corpus, quotes
from conftest import DATA, SEEDS


def test_seed_folder_reads_all_five_with_manifest(seed_articles):
    assert list(seed_articles["article_id"]) == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert (seed_articles["status"] == "ok").all()
    assert (seed_articles["encoding"] == "utf-8").all()
    # No outlet is named in the texts: each article is its own group.
    assert not seed_articles["outlet_known"].any()
    assert (seed_articles["outlet"] == seed_articles["article_id"]).all()
    reuters_like = seed_articles.set_index("article_id").loc["004_8b33301d76d4a184"]
    assert reuters_like["title"] == "Spanish govt seeks probe into X, Meta, TikTok over AI child porn"
    assert reuters_like["date"] == "2026-02-17"


def test_seed_text_is_the_file_decoded(seed_articles):
    for row in seed_articles.itertuples():
        raw = (SEEDS / f"{row.article_id}.txt").read_text(encoding="utf-8")
        assert row.text == raw
        assert row.n_chars == len(raw)


def test_folder_with_manifest_reports_missing_and_unlisted_files():
    arts = corpus.load(DATA / "formats" / "folder").set_index("article_id")
    assert arts.loc["alpha", "outlet"] == "Daily Example"
    assert arts.loc["alpha", "url"] == "https://example.org/a"
    assert arts.loc["beta", "title"] == ""
    assert arts.loc["gamma", "status"] == "warning"
    assert "no row in manifest.csv" in arts.loc["gamma", "error"]
    assert arts.loc["missing", "status"] == "error"
    assert "no file found" in arts.loc["missing", "error"]


def test_jsonl_reads_id_text_publisher_and_reports_bad_lines():
    arts = corpus.load(DATA / "formats" / "articles.jsonl").set_index("article_id")
    assert arts.loc["j1", "outlet"] == "wire-a"          # publisher is read as outlet
    assert arts.loc["j2", "outlet"] == "wire-b"
    assert arts.loc["j2", "text"].startswith("\u201cIt is over")
    assert arts.loc["articles:3", "status"] == "error"
    assert "not valid JSON" in arts.loc["articles:3", "error"]
    assert arts.loc["j4", "error"] == "record has no text field"
    assert "extra" not in arts.columns


def test_csv_reads_text_column_and_ignores_others():
    arts = corpus.load(DATA / "formats" / "articles.csv").set_index("article_id")
    assert arts.loc["c1", "text"] == 'The mayor said, "We are ready."'
    assert arts.loc["c1", "outlet"] == "Paper One"
    assert not arts.loc["c2", "outlet_known"]
    assert "ignored" not in arts.columns


@pytest.mark.parametrize("stem, status, encoding, message", [
    ("empty", "error", "", "empty file"),
    ("whitespace", "error", "utf-8", "whitespace only"),
    ("binary", "error", "", "binary file"),
    ("pdf_renamed", "error", "", "a PDF document"),
    ("png_renamed", "error", "", "a PNG image"),
    ("utf16", "ok", "utf-16", ""),
    ("utf16_nobom", "ok", "utf-16-le", ""),
    ("cp1252_smart_quotes", "warning", "cp1252", "decoded as cp1252"),
    ("bom", "ok", "utf-8-sig", ""),
    ("page_html", "warning", "utf-8", "HTML page"),
    ("spanish", "skipped", "utf-8", "does not look like English"),
    ("long_line", "ok", "utf-8", ""),
    ("unbalanced_quotes", "ok", "utf-8", ""),
])
def test_bad_inputs_get_a_status_and_a_plain_message(stem, status, encoding, message):
    arts = corpus.load(DATA / "bad").set_index("article_id")
    row = arts.loc[stem]
    assert row["status"] == status
    assert row["encoding"] == encoding
    assert message in row["error"]


def test_decoded_texts_are_right():
    arts = corpus.load(DATA / "bad").set_index("article_id")
    assert "\u201cunworkable\u201d \u2013 and \u2018unfair\u2019" in arts.loc["cp1252_smart_quotes", "text"]
    assert arts.loc["utf16", "text"] == arts.loc["utf16_nobom", "text"]
    assert arts.loc["bom", "text"].startswith("The regulator")
    html_text = arts.loc["page_html", "text"]
    assert "alert" not in html_text and "document.write" not in html_text
    assert "The regulator said it would open an inquiry & report soon." in html_text
    assert arts.loc["page_html", "title"] == "Regulator opens inquiry"


def test_every_bad_file_is_a_row():
    files = sorted(p.stem for p in (DATA / "bad").glob("*.txt"))
    arts = corpus.load(DATA / "bad")
    assert sorted(arts["article_id"]) == files


def test_manifest_with_missing_columns_is_used_and_reported():
    arts = corpus.load(DATA / "bad_manifest" / "missing_columns")
    assert arts.loc[0, "title"] == "Only a title"
    assert "manifest.csv has no outlet, date, url column" in arts.loc[0, "error"]


def test_manifest_path_outside_the_folder_is_refused():
    arts = corpus.load(DATA / "bad_manifest" / "outside").set_index("article_id")
    assert arts.loc["sneaky", "status"] == "error"
    assert "outside the corpus folder; refused" in arts.loc["sneaky", "error"]
    assert arts.loc["sneaky", "text"] == ""
    assert arts.loc["fine", "status"] == "ok"


def test_duplicate_ids_are_renamed_not_lost():
    arts = corpus.load(DATA / "bad_manifest" / "dup_ids" / "articles.jsonl")
    assert list(arts["article_id"]) == ["same", "same~2"]
    assert "renamed to 'same~2'" in arts.loc[1, "error"]
    assert arts.loc[1, "text"].startswith("The second article")


def test_symlink_loop_and_link_outside_are_rows(tmp_path):
    (tmp_path / "good.txt").write_text("The minister said the plan was ready.")
    os.symlink(tmp_path / "loop.txt", tmp_path / "loop.txt")
    outside = tmp_path.parent / f"{tmp_path.name}_outside.txt"
    outside.write_text("secret")
    os.symlink(outside, tmp_path / "escape.txt")
    arts = corpus.load(tmp_path).set_index("article_id")
    assert arts.loc["good", "status"] == "ok"
    assert "symlink loop" in arts.loc["loop", "error"]
    assert "outside the corpus folder" in arts.loc["escape", "error"]
    assert arts.loc["escape", "text"] == ""


def test_huge_file_is_an_error_row_not_a_crash(tmp_path):
    (tmp_path / "huge.txt").write_bytes(b"The minister said so. " * 1_000_000)  # 22 MB
    (tmp_path / "small.txt").write_text("The minister said so.")
    arts = corpus.load(tmp_path).set_index("article_id")
    assert arts.loc["huge", "status"] == "error"
    assert "over the 10 MB limit" in arts.loc["huge", "error"]
    assert arts.loc["small", "status"] == "ok"


def test_missing_path_raises():
    with pytest.raises(FileNotFoundError):
        corpus.load(DATA / "no-such-folder")


def test_decode_and_english_check_examples():
    assert corpus.decode("“x”".encode("cp1252"))[1] == "cp1252"
    assert corpus.looks_english("Le gouvernement a annoncé que la justice enquêtera sur les plateformes " * 4)[0] is False
    assert isinstance(corpus.load(SEEDS), pd.DataFrame)


def test_control_characters_become_spaces_so_offsets_are_kept(tmp_path):
    # A mis-decoded name (a C1 control byte inside it) and a stray ESC before
    # the quote: offsets given against the raw text must still hold after cleaning.
    raw = ("Councillor Jos\u00c3\x83\u00a9 Ortega\x1b said: \u201cThe bridge stays shut until May.\u201d "
           "The vote is on \x1b[1mTuesday\x1b[0m.")
    start = raw.index("The bridge")
    end = raw.index("\u201d")
    path = tmp_path / "one.jsonl"
    path.write_text('{"id": "a1", "text": %s}\n' % json.dumps(raw), encoding="utf-8")
    for arts in (corpus.load(path), corpus.from_texts([raw])):
        row = arts.iloc[0]
        assert row["status"] == "warning"
        assert row["error"] == "10 control characters removed (replaced by spaces)"
        assert len(row["text"]) == len(raw)
        assert row["text"][start:end] == "The bridge stays shut until May."
        assert row["text"][:32] == "Councillor Jos\u00c3 \u00a9 Ortega  said: "
        assert row["text"].endswith("The vote is on     Tuesday    .")
    assert corpus.clean_text("a\x07b\r\nc") == ("a b\nc", 1)
    arts = corpus.from_texts([raw])
    q = quotes.extract(arts, clean.segment(arts))
    q = q[q["kind"] == "direct"]
    assert [(r.start, r.end, r.text) for r in q.itertuples()] == [(start, end, raw[start:end])]
