"""Bad input through the real ``framing analyze``: every run finishes, the bad
article's row says what happened in plain words, every other article is
analysed, and no output table loses or duplicates a row.

Each case is a real file mixed with the five seed articles. Small cases share
one corpus folder (one run); cases that need their own folder layout
(manifests, symlinks, JSONL records) get their own run. Big inputs (20 MB, a
1 MB line, 100,000 articles) are generated into ``tmp_path`` at test time.
"""
import json
import os
import shutil
import threading

import pandas as pd
import pytest

from framing import cli, corpus, stream
from conftest import DATA, SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))
SEED_IDS = [p.stem for p in SEED_FILES]
ANALYSED = {"ok", "warning"}
#: Every table's row key: duplicated keys would mean a row written twice.
KEYS = {
    "segments": ["article_id", "segment_id"],
    "quotes": ["quote_id"],
    "people": ["article_id", "entity_id"],
    "stance": ["article_id", "voice", "measure", "target", "referent", "variant"],
    "stance_evidence": None,  # whole row
    "outlets": ["outlet"],
}
SENTENCE = "The minister said the plan would work and officials agreed. "
NEUTRAL = "The bridge over the river was closed for repairs all week and traffic moved slowly. "
QUOTED = "The engineer said \u201cit will reopen on Monday\u201d. "

# ---------------------------------------------------------------- the mixed folder
# file name in the corpus -> (where its bytes come from, status, words the
# articles.csv ``error`` column must contain)
MIXED = {
    "empty.txt": (DATA / "bad" / "empty.txt", "error", "empty file"),
    "whitespace.txt": (DATA / "bad" / "whitespace.txt", "error", "no text (empty or whitespace only)"),
    "binary.txt": (DATA / "bad" / "binary.txt", "error", "binary file (contains NUL bytes), not text"),
    "pdf_renamed.txt": (DATA / "bad" / "pdf_renamed.txt", "error", "binary file (a PDF document), not text"),
    "png_renamed.txt": (DATA / "bad" / "png_renamed.txt", "error", "binary file (a PNG image), not text"),
    "jpeg_renamed.txt": (DATA / "robust" / "jpeg_renamed.txt", "error", "binary file (a JPEG image)"),
    "docx_renamed.txt": (DATA / "robust" / "docx_renamed.txt", "error", "a ZIP archive or Office document"),
    "gzip_renamed.txt": (DATA / "robust" / "gzip_renamed.txt", "error", "binary file (a gzip archive)"),
    "utf16.txt": (DATA / "bad" / "utf16.txt", "ok", ""),
    "utf16_nobom.txt": (DATA / "bad" / "utf16_nobom.txt", "ok", ""),
    "cp1252_smart_quotes.txt": (DATA / "bad" / "cp1252_smart_quotes.txt", "warning",
                                "not valid UTF-8; decoded as cp1252"),
    "latin1_bytes.txt": (DATA / "robust" / "latin1_bytes.txt", "warning", "not valid UTF-8; decoded as latin-1"),
    "utf8_one_bad_byte.txt": (DATA / "robust" / "utf8_one_bad_byte.txt", "warning",
                              "1 byte not valid UTF-8; read as cp1252"),
    "bom.txt": (DATA / "bad" / "bom.txt", "ok", ""),
    "nul_byte.txt": (DATA / "robust" / "nul_byte.txt", "warning", "1 NUL byte removed"),
    "control_chars.txt": (DATA / "robust" / "control_chars.txt", "warning", "10 control characters removed"),
    "crlf_windows.txt": (DATA / "robust" / "crlf_windows.txt", "warning", "1 control character removed"),
    "page_html.txt": (DATA / "bad" / "page_html.txt", "warning", "HTML page: tags stripped, text kept"),
    "html_fragment.txt": (DATA / "robust" / "html_fragment.txt", "warning", "HTML page: tags stripped"),
    "rss_feed.txt": (DATA / "robust" / "rss_feed.txt", "skipped", "an XML document (a feed or export?)"),
    "unbalanced_quotes.txt": (DATA / "bad" / "unbalanced_quotes.txt", "ok", ""),
    "mismatched_quotes.txt": (DATA / "robust" / "mismatched_quotes.txt", "ok", ""),
    "nested_quotes.txt": (DATA / "bad" / "nested_quotes.txt", "ok", ""),
    "quotes_three_deep.txt": (DATA / "robust" / "quotes_three_deep.txt", "ok", ""),
    "punctuation_only.txt": (DATA / "robust" / "punctuation_only.txt", "skipped",
                             "no words (only punctuation or symbols)"),
    "rtl_emoji.txt": (DATA / "robust" / "rtl_emoji.txt", "ok", ""),
    "spanish.txt": (DATA / "bad" / "spanish.txt", "skipped", "does not look like English (4% English"),
    "french.txt": (DATA / "robust" / "french.txt", "skipped", "does not look like English"),
    "french_short.txt": (DATA / "robust" / "french_short.txt", "skipped", "does not look like English"),
    "arabic.txt": (DATA / "robust" / "arabic.txt", "skipped", "does not look like English (mostly Arabic script)"),
    "chinese.txt": (DATA / "robust" / "chinese.txt", "skipped", "does not look like English (mostly CJK script)"),
    # generated at test time (see _generated)
    "big_20mb.txt": (None, "error", "file is 20.0 MB, over the 10 MB limit for one article; split it"),
    "line_1mb.txt": (None, "ok", ""),
}


def _generated(name: str) -> bytes:
    if name == "big_20mb.txt":
        return (SENTENCE + "\n\n").encode() * (20_000_000 // (len(SENTENCE) + 2) + 1)
    if name == "line_1mb.txt":  # one line of about 1 MB, no newline at all, a quote now and then
        block = NEUTRAL * 49 + QUOTED
        return block.encode() * (1_000_000 // len(block) + 1)
    raise KeyError(name)


# ---------------------------------------------------------------- helpers
def _seed_corpus(root, extra: dict | None = None):
    """The seed articles (without their manifest) plus ``extra`` name -> bytes."""
    root.mkdir(parents=True, exist_ok=True)
    for path in SEED_FILES:
        shutil.copyfile(path, root / path.name)
    for name, data in (extra or {}).items():
        (root / name).write_bytes(data)
    return root


def _analyze(source, out, *extra) -> dict[str, pd.DataFrame]:
    code = cli.main(["analyze", str(source), "--out", str(out), "--quiet", *extra])
    assert code == 0, "the run did not finish"
    return _tables(out)


def _tables(out) -> dict[str, pd.DataFrame]:
    tables = {}
    for path in sorted(out.glob("*.csv")):
        try:
            tables[path.stem] = pd.read_csv(path, dtype={"article_id": str, "quote_id": str},
                                            keep_default_na=False)
        except pd.errors.EmptyDataError:  # a table with no columns at all
            tables[path.stem] = pd.DataFrame()
    return tables


def assert_nothing_lost(tables, input_ids, texts=None):
    """One articles row per input, unique row keys everywhere, every analysed
    article present downstream and nothing else; with ``texts`` (article_id
    -> text) every reported span is checked against the text."""
    arts = tables["articles"]
    assert len(arts) == len(input_ids)
    assert sorted(arts["article_id"]) == sorted(input_ids)
    assert arts["article_id"].is_unique
    assert set(arts["status"]) <= set(corpus.STATUSES)
    assert (arts.loc[arts["status"] != "ok", "error"] != "").all(), "a problem row without words"
    analysed = set(arts.loc[arts["status"].isin(ANALYSED), "article_id"])
    for name, key in KEYS.items():
        table = tables.get(name, pd.DataFrame())
        if not len(table):
            continue
        assert not table.duplicated(subset=key).any(), f"{name} has a duplicated row"
        if "article_id" in table.columns:
            assert set(table["article_id"]) <= analysed, f"{name} has rows for an article not analysed"
    # every analysed article went through segmentation and stance scoring
    assert set(tables["segments"]["article_id"]) == analysed
    assert set(tables["stance"]["article_id"]) == analysed
    outlets = tables["outlets"]
    assert outlets["n_articles"].sum() == len(arts)
    if texts is not None:
        for name, text_col in (("segments", "text"), ("quotes", "text"), ("stance_evidence", "term")):
            table = tables.get(name, pd.DataFrame())
            for aid, start, end, span in zip(table.get("article_id", []), table.get("start", []),
                                             table.get("end", []), table.get(text_col, [])):
                assert texts[aid][start:end] == span, f"{name}: span of {aid} at {start} is not the text"


# ---------------------------------------------------------------- the mixed run
@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    root = tmp_path_factory.mktemp("mixed") / "corpus"
    extra = {name: (src.read_bytes() if src is not None else _generated(name))
             for name, (src, _, _) in MIXED.items()}
    _seed_corpus(root, extra)
    out = root.parent / "out"
    tables = _analyze(root, out)
    texts = dict(zip(*corpus.load(root)[["article_id", "text"]].T.values))
    return tables, texts


def test_mixed_run_loses_and_duplicates_nothing(mixed):
    tables, texts = mixed
    ids = SEED_IDS + [name[:-4] for name in MIXED]
    assert_nothing_lost(tables, ids, texts)
    seeds = tables["articles"].set_index("article_id").loc[SEED_IDS]
    assert (seeds["status"] == "ok").all()


@pytest.mark.parametrize("name", sorted(MIXED))
def test_bad_file_row_says_what_happened(mixed, name):
    tables, _ = mixed
    _, status, message = MIXED[name]
    row = tables["articles"].set_index("article_id").loc[name[:-4]]
    assert row["status"] == status
    assert message in row["error"]
    assert row["source"] == name
    for table in ("segments", "quotes", "stance"):
        has_rows = name[:-4] in set(tables[table]["article_id"])
        if status not in ANALYSED:
            assert not has_rows, f"{table} has rows for a {status} article"
    assert (name[:-4] in set(tables["segments"]["article_id"])) == (status in ANALYSED)


def test_encodings_are_decoded_to_the_same_words(mixed):
    tables, texts = mixed
    arts = tables["articles"].set_index("article_id")
    assert arts.loc["utf16", "encoding"] == "utf-16"
    assert arts.loc["utf16_nobom", "encoding"] == "utf-16-le"
    expected = "The minister said the reform was \u201cnecessary\u201d and that it would pass."
    assert texts["utf16"].strip() == texts["utf16_nobom"].strip() == expected
    assert arts.loc["bom", "encoding"] == "utf-8-sig"
    assert texts["bom"].startswith("The regulator said")   # no U+FEFF left in the text
    assert "\u201cunworkable\u201d \u2013 and \u2018unfair\u2019" in texts["cp1252_smart_quotes"]
    quotes = tables["quotes"]
    assert set(quotes.loc[quotes["article_id"] == "cp1252_smart_quotes", "text"]) == {"unworkable", "unfair"}
    assert "caf\u00e9" in texts["utf8_one_bad_byte"] and "S\u00e1nchez" in texts["utf8_one_bad_byte"]


def test_html_tags_stripped_and_scripts_never_kept(mixed):
    tables, texts = mixed
    arts = tables["articles"].set_index("article_id")
    assert arts.loc["page_html", "title"] == "Regulator opens inquiry"
    page = texts["page_html"]
    assert page == ("The regulator said it would open an inquiry & report soon.\n\n"
                    "\u201cWe take this seriously,\u201d a spokesperson said.")
    # script/style/iframe/comment content is not text and is not counted
    assert arts.loc["page_html", "n_words"] == 17
    fragment = texts["html_fragment"]
    for never in ("alert", "document", "fetch", "color", "iframe text", "hidden comment", "<p>"):
        assert never not in page and never not in fragment
    assert "\u00a32m & ordered changes" in fragment
    assert "<script> is shown, not run." in fragment      # an escaped tag is text
    quotes = tables["quotes"]
    said = quotes[quotes["article_id"].isin(["page_html", "html_fragment"]) & (quotes["kind"] == "direct")]
    assert sorted(said["text"]) == ["We take this seriously,", "We will comply,"]


def test_quotes_three_deep_are_one_outer_quote(mixed):
    tables, _ = mixed
    quotes = tables["quotes"].set_index("quote_id")
    outer = quotes.loc["quotes_three_deep:q0"]
    assert outer["text"] == ("My deputy told me \u2018the minister said \u201cwe will never fund it\u201d "
                             "and walked out\u2019 before the vote,")
    assert outer["speaker"] == "Maria Lopez" and outer["kind"] == "direct"
    assert quotes.loc["nested_quotes:q0", "text"] == "She told me \u2018he said \u201cno\u201d twice\u2019 yesterday,"
    assert quotes.loc["nested_quotes:q0", "speaker"] == "witness"


def test_unbalanced_quotes_are_flagged_not_lost(mixed):
    tables, _ = mixed
    quotes = tables["quotes"]
    unclosed = quotes[(quotes["article_id"] == "unbalanced_quotes")
                      & (quotes["problem"] == "unclosed quotation mark")]
    assert list(unclosed["text"]) == ["the plan will work and then left.", "at all."]
    mismatched = quotes[quotes["article_id"] == "mismatched_quotes"]
    assert {"the budget is fine", "we are reviewing it", "Das ist falsch"} <= set(mismatched["text"])


def test_other_languages_are_skipped_not_scored(mixed):
    tables, _ = mixed
    arts = tables["articles"].set_index("article_id")
    foreign = ["spanish", "french", "french_short", "arabic", "chinese"]
    assert (arts.loc[foreign, "language"] == "not en").all()
    assert (arts.loc[foreign, "error"].str.endswith("read but not analysed")).all()
    for table in ("segments", "quotes", "people", "stance", "stance_evidence"):
        assert not set(foreign) & set(tables[table]["article_id"])


def test_one_megabyte_line_is_analysed_whole(mixed):
    tables, texts = mixed
    arts = tables["articles"].set_index("article_id")
    assert arts.loc["line_1mb", "n_chars"] == len(texts["line_1mb"]) >= 1_000_000
    assert "\n" not in texts["line_1mb"]
    segs = tables["segments"]
    # segments cover the whole line (up to its trailing space)
    assert segs.loc[segs["article_id"] == "line_1mb", "end"].max() == len(texts["line_1mb"].rstrip())
    # and the quotes are found all along it, up to the last one
    quotes = tables["quotes"]
    quotes = quotes[(quotes["article_id"] == "line_1mb") & (quotes["kind"] != "indirect")]
    n_blocks = len(texts["line_1mb"]) // len(NEUTRAL * 49 + QUOTED)
    assert len(quotes) == n_blocks
    assert set(quotes["text"]) == {"it will reopen on Monday"} and set(quotes["speaker"]) == {"engineer"}
    assert quotes["end"].max() > len(texts["line_1mb"]) - len(QUOTED)


def test_twenty_megabyte_article_is_read_whole_when_allowed(tmp_path):
    # Over the default limit it is an error row (above); with --max-bytes
    # raised, the reader `framing analyze` uses takes it whole, every word.
    root = tmp_path / "corpus"
    root.mkdir()
    data = _generated("big_20mb.txt")
    (root / "big.txt").write_bytes(data)
    batch = next(stream.iter_batches(root, 10, max_bytes=25_000_000))
    row = batch.iloc[0]
    assert (row["status"], row["error"], row["n_chars"]) == ("ok", "", len(data))
    n_sentences = data.count(SENTENCE.encode())
    assert row["text"].count(SENTENCE.strip()) == n_sentences > 300_000
    assert row["n_words"] == 10 * n_sentences        # ten words a sentence


# ---------------------------------------------------------------- own layouts
def test_manifest_with_missing_columns(tmp_path):
    root = _seed_corpus(tmp_path / "corpus")
    rows = "".join(f"{sid},Title {i}\n" for i, sid in enumerate(SEED_IDS))
    (root / "manifest.csv").write_text("article_id,title\n" + rows, encoding="utf-8")
    tables = _analyze(root, tmp_path / "out")
    assert_nothing_lost(tables, SEED_IDS)
    arts = tables["articles"]
    assert (arts["status"] == "warning").all()          # analysed, with the reason
    assert (arts["error"] == "manifest.csv has no outlet, date, url column").all()
    assert list(arts["title"]) == [f"Title {i}" for i in range(5)]


def test_manifest_without_article_id_is_ignored(tmp_path):
    root = _seed_corpus(tmp_path / "corpus")
    (root / "manifest.csv").write_text("name,outlet\nx,Paper\n", encoding="utf-8")
    tables = _analyze(root, tmp_path / "out")
    assert_nothing_lost(tables, SEED_IDS)
    assert (tables["articles"]["error"] == "manifest.csv has no article_id column; ignored").all()


def test_manifest_saved_as_cp1252_is_read(tmp_path):
    root = _seed_corpus(tmp_path / "corpus")
    rows = "".join(f"{sid},Le Monde \u2013 \u00e9dition,,,\n" for sid in SEED_IDS)
    (root / "manifest.csv").write_bytes(("article_id,outlet,title,date,url\n" + rows).encode("cp1252"))
    tables = _analyze(root, tmp_path / "out")
    assert_nothing_lost(tables, SEED_IDS)
    arts = tables["articles"]
    assert (arts["outlet"] == "Le Monde \u2013 \u00e9dition").all()
    assert (arts["error"] == "manifest.csv decoded as cp1252").all()


def test_manifest_that_is_an_image_is_ignored(tmp_path):
    root = _seed_corpus(tmp_path / "corpus")
    shutil.copyfile(DATA / "bad" / "png_renamed.txt", root / "manifest.csv")
    tables = _analyze(root, tmp_path / "out")
    assert_nothing_lost(tables, SEED_IDS)
    assert (tables["articles"]["error"] == "manifest.csv: binary file (a PNG image), not text; ignored").all()


def test_manifest_listing_an_id_twice(tmp_path):
    root = _seed_corpus(tmp_path / "corpus")
    first, second = SEED_IDS[:2]
    (root / "manifest.csv").write_text(
        "article_id,outlet,title,date,url\n"
        + "".join(f"{sid},Paper,,,\n" for sid in SEED_IDS) + f"{first},Other,,,\n", encoding="utf-8")
    tables = _analyze(root, tmp_path / "out")
    assert_nothing_lost(tables, SEED_IDS)
    arts = tables["articles"].set_index("article_id")
    assert (arts["outlet"] == "Paper").all()               # the first row wins
    assert f"manifest.csv lists '{first}' twice; first row used" in arts.loc[second, "error"]


def _jsonl_with_seeds(path, bad_records: list):
    lines = [json.dumps({"id": p.stem, "outlet": f"Outlet {i}", "text": p.read_text(encoding="utf-8")})
             for i, p in enumerate(SEED_FILES)]
    lines += [r if isinstance(r, str) else json.dumps(r) for r in bad_records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_duplicate_article_ids_are_renamed_not_merged(tmp_path):
    dup = SEED_IDS[0]
    source = _jsonl_with_seeds(tmp_path / "corpus.jsonl", [
        {"id": dup, "text": "The mayor said the bridge would reopen on Monday after repairs."},
        {"id": dup, "text": "The council said the budget was approved by a large majority."},
    ])
    tables = _analyze(source, tmp_path / "out")
    ids = SEED_IDS + [f"{dup}~2", f"{dup}~3"]
    assert_nothing_lost(tables, ids)
    arts = tables["articles"].set_index("article_id")
    assert arts.loc[f"{dup}~2", "error"] == f"duplicate article_id '{dup}'; renamed to '{dup}~2'"
    assert arts.loc[f"{dup}~3", "status"] == "warning"
    assert arts.loc[dup, "status"] == "ok" and arts.loc[dup, "n_words"] > 500
    segs = tables["segments"]
    assert segs.loc[segs["article_id"] == f"{dup}~2", "text"].tolist() == [
        "The mayor said the bridge would reopen on Monday after repairs."]


def _no_passwd_anywhere(out):
    for path in out.rglob("*"):
        if path.is_file():
            assert "root:x:0:0" not in path.read_text(encoding="utf-8", errors="replace")


def test_path_outside_the_corpus_in_a_manifest_is_refused(tmp_path):
    root = _seed_corpus(tmp_path / "a" / "b" / "corpus")
    (root / "manifest.csv").write_text(
        "article_id,outlet,title,date,url,file\n"
        + "".join(f"{sid},Paper,,,,{sid}.txt\n" for sid in SEED_IDS)
        + "sneaky,Paper,,,,../../etc/passwd\nabsolute,Paper,,,,/etc/passwd\n", encoding="utf-8")
    tables = _analyze(root, tmp_path / "out")
    assert_nothing_lost(tables, SEED_IDS + ["sneaky", "absolute"])
    arts = tables["articles"].set_index("article_id")
    assert arts.loc["sneaky", "error"] == "manifest path '../../etc/passwd' is outside the corpus folder; refused"
    assert arts.loc["absolute", "error"] == "manifest path '/etc/passwd' is outside the corpus folder; refused"
    assert (arts.loc[SEED_IDS, "status"] == "ok").all()
    _no_passwd_anywhere(tmp_path / "out")


def test_path_field_in_a_jsonl_record_is_refused(tmp_path):
    source = _jsonl_with_seeds(tmp_path / "corpus.jsonl", [
        {"id": "sneaky", "path": "../../etc/passwd"},
        {"id": "absolute", "file": "/etc/passwd"},
        '{"id": "broken", "text": "unterminated',
        "[" * 100_000 + "]" * 100_000,                  # deeper than Python's recursion limit
    ])
    tables = _analyze(source, tmp_path / "out")
    assert_nothing_lost(tables, SEED_IDS + ["sneaky", "absolute", "corpus:8", "corpus:9"])
    arts = tables["articles"].set_index("article_id")
    assert arts.loc["sneaky", "status"] == "error"
    assert arts.loc["sneaky", "error"].startswith("record points at a file ('../../etc/passwd') instead of "
                                                  "giving its text; refused")
    assert "put the text in a 'text' field" in arts.loc["absolute", "error"]
    assert arts.loc["corpus:8", "error"].startswith("not valid JSON")
    assert arts.loc["corpus:9", "error"] == "not valid JSON (nested too deeply)"
    _no_passwd_anywhere(tmp_path / "out")


def test_csv_corpus_with_bad_rows(tmp_path):
    # Saved from a spreadsheet: cp1252, quoted line breaks, an empty text, a
    # row naming a file instead of giving its text, a repeated id.
    frame = pd.DataFrame({
        "id": SEED_IDS + ["blank", "pointer", SEED_IDS[1]],
        "outlet": ["Caf\u00e9 News"] * 5 + ["Paper"] * 3,
        "path": [""] * 6 + ["../../etc/passwd", ""],
        "text": [p.read_text(encoding="utf-8").encode("cp1252", "replace").decode("cp1252") for p in SEED_FILES]
        + ["   ", "", "The mayor said \u201cyes\u201d.\nThen she left."],
    })
    source = tmp_path / "corpus.csv"
    source.write_bytes(frame.to_csv(index=False).encode("cp1252", "replace"))
    tables = _analyze(source, tmp_path / "out")
    ids = SEED_IDS + ["blank", "pointer", f"{SEED_IDS[1]}~2"]
    assert_nothing_lost(tables, ids)
    arts = tables["articles"].set_index("article_id")
    assert (arts.loc[SEED_IDS, "outlet"] == "Caf\u00e9 News").all()
    assert (arts.loc[SEED_IDS, "error"] == "file decoded as cp1252").all()
    assert arts.loc["blank", "error"] == "no text (empty or whitespace only)"
    assert arts.loc["pointer", "error"].startswith("record points at a file ('../../etc/passwd')")
    assert arts.loc[f"{SEED_IDS[1]}~2", "status"] == "warning"
    segs = tables["segments"]
    assert segs.loc[segs["article_id"] == f"{SEED_IDS[1]}~2", "text"].tolist() == [
        "The mayor said \u201cyes\u201d.", "Then she left."]
    _no_passwd_anywhere(tmp_path / "out")


def test_symlink_loops_and_links_outside(tmp_path):
    root = _seed_corpus(tmp_path / "corpus")
    os.symlink("loop_b.txt", root / "loop_a.txt")
    os.symlink("loop_a.txt", root / "loop_b.txt")
    os.symlink("self.txt", root / "self.txt")
    os.symlink("missing.txt", root / "dangling.txt")
    os.symlink("/etc/passwd", root / "leak.txt")
    os.symlink(".", root / "again")                    # a folder loop: never walked into
    os.symlink(SEED_FILES[0].name, root / "alias.txt")  # a link inside the folder is fine
    tables = _analyze(root, tmp_path / "out")
    ids = SEED_IDS + ["loop_a", "loop_b", "self", "dangling", "leak", "alias"]
    assert_nothing_lost(tables, ids)
    arts = tables["articles"].set_index("article_id")
    for name in ("loop_a", "loop_b", "self", "dangling"):
        assert arts.loc[name, "error"] == "broken symlink or symlink loop; not read"
    assert arts.loc["leak", "error"] == "symlink points outside the corpus folder; refused"
    assert arts.loc["alias", "status"] == "ok"
    assert arts.loc["alias", "n_words"] == arts.loc[SEED_IDS[0], "n_words"]
    _no_passwd_anywhere(tmp_path / "out")


def test_pipes_and_folders_are_not_read(tmp_path):
    # A named pipe called .txt would block a reader forever; a manifest row
    # pointing at a folder cannot be read. Both are rows that say so.
    root = _seed_corpus(tmp_path / "corpus")
    os.mkfifo(root / "pipe.txt")
    (root / "sub").mkdir()
    (root / "manifest.csv").write_text("article_id,outlet,title,date,url,file\n"
                                       + "".join(f"{sid},Paper,,,,\n" for sid in SEED_IDS)
                                       + "folder,Paper,,,,sub\n", encoding="utf-8")
    done = {}
    worker = threading.Thread(target=lambda: done.update(tables=_analyze(root, tmp_path / "out")), daemon=True)
    worker.start()
    worker.join(timeout=120)
    assert "tables" in done, "the run hung (or failed) on a named pipe"
    tables = done["tables"]
    assert_nothing_lost(tables, SEED_IDS + ["pipe", "folder"])
    arts = tables["articles"].set_index("article_id")
    message = "could not read file (not a regular file (a folder, pipe, socket or device))"
    assert arts.loc["pipe", "error"].startswith(message)
    assert arts.loc["folder", "error"] == message


# ---------------------------------------------------------------- 100,000 articles
def _tiny_jsonl(path, n: int):
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"t{i:06d}", "outlet": f"Wire {i % 7}",
                                 "text": f"The mayor said bridge {i} would reopen."}) + "\n")
    return path


def test_100000_tiny_articles_stream_without_loss(tmp_path):
    # The reader `framing analyze` streams from: every record becomes exactly
    # one row, in order, ids unique, a bounded number of rows per batch.
    source = _tiny_jsonl(tmp_path / "tiny.jsonl", 100_000)
    sizes, ids, statuses = [], [], set()
    for batch in stream.iter_batches(source, 5000):
        sizes.append(len(batch))
        ids.extend(batch["article_id"])
        statuses |= set(batch["status"])
    assert sizes == [5000] * 20
    assert ids == [f"t{i:06d}" for i in range(100_000)]
    assert statuses == {"ok"}


def test_thousands_of_tiny_articles_through_analyze(tmp_path):
    # The full pipeline on a slice of the same corpus (all 100,000 take about
    # 95 s of CPU: too slow for a unit test).
    source = _tiny_jsonl(tmp_path / "tiny.jsonl", 1000)
    tables = _analyze(source, tmp_path / "out", "--batch-size", "300")
    assert_nothing_lost(tables, [f"t{i:06d}" for i in range(1000)])
    quotes = tables["quotes"]
    assert len(quotes) == 1000 and quotes["article_id"].is_unique
    assert (quotes["text"] == [f"bridge {i} would reopen" for i in range(1000)]).all()
    assert sorted(tables["outlets"]["outlet"]) == [f"Wire {i}" for i in range(7)]


# ---------------------------------------------------------------- CLI errors
def _one_line_error(capsys) -> str:
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("framing: error: ")
    return lines[0]


def test_strict_makes_an_article_error_fatal(tmp_path, capsys):
    root = tmp_path / "corpus"
    root.mkdir()
    shutil.copyfile(SEED_FILES[0], root / SEED_FILES[0].name)
    (root / "empty.txt").write_bytes(b"")
    assert cli.main(["analyze", str(root), "--out", str(tmp_path / "lenient"), "--quiet"]) == 0
    assert capsys.readouterr().err == ""
    assert cli.main(["analyze", str(root), "--out", str(tmp_path / "strict"), "--quiet", "--strict"]) == 1
    line = _one_line_error(capsys)
    assert line == ("framing: error: empty.txt: empty file (--strict: 1 article(s) could not be read; "
                    "fix or remove them, or run without --strict)")
    # the tables are still written, for CI to show what failed
    assert len(pd.read_csv(tmp_path / "strict" / "articles.csv")) == 2


def test_strict_does_not_fail_on_warnings_or_skipped_articles(tmp_path, capsys):
    root = _seed_corpus(tmp_path / "corpus", {
        "french.txt": (DATA / "robust" / "french.txt").read_bytes(),
        "cp1252.txt": (DATA / "bad" / "cp1252_smart_quotes.txt").read_bytes()})
    assert cli.main(["analyze", str(root), "--out", str(tmp_path / "out"), "--quiet", "--strict"]) == 0
    assert capsys.readouterr().err == ""
    arts = _tables(tmp_path / "out")["articles"].set_index("article_id")
    assert arts.loc["french", "status"] == "skipped" and arts.loc["cp1252", "status"] == "warning"


def test_nothing_analysable_is_the_only_nonzero_exit(tmp_path, capsys):
    root = tmp_path / "corpus"
    root.mkdir()
    for name in ("empty.txt", "pdf_renamed.txt", "spanish.txt"):
        shutil.copyfile(DATA / "bad" / name, root / name)
    out = tmp_path / "out"
    assert cli.main(["analyze", str(root), "--out", str(out), "--quiet"]) == 1
    line = _one_line_error(capsys)
    assert line == f"framing: error: {root}: none of the 3 articles could be analysed; see {out}/articles.csv"
    assert list(pd.read_csv(out / "articles.csv")["status"]) == ["error", "error", "skipped"]


@pytest.mark.parametrize("case", ["missing corpus", "out is a file", "missing roster", "roster without names",
                                  "empty folder", "missing results", "results without tables"])
def test_cli_errors_are_one_clear_line(tmp_path, capsys, case):
    seed = tmp_path / "one"
    seed.mkdir()
    shutil.copyfile(SEED_FILES[0], seed / SEED_FILES[0].name)
    afile = tmp_path / "afile.txt"
    afile.write_text("x")
    roster = tmp_path / "roster.csv"
    roster.write_text("who,role\nX,minister\n")
    empty = tmp_path / "empty"
    empty.mkdir()
    out = str(tmp_path / "out")
    # argv, exit code, the file the line must name, what it must tell the user to do
    argv, code, named, todo = {
        "missing corpus": (["analyze", str(tmp_path / "nope"), "--out", out], 2, tmp_path / "nope",
                           "give a folder of .txt files, a .jsonl or a .csv file"),
        "out is a file": (["analyze", str(seed), "--out", str(afile)], 2, afile, "give --out a new or existing folder"),
        "missing roster": (["analyze", str(seed), "--out", out, "--roster", str(tmp_path / "r.csv")], 2,
                           tmp_path / "r.csv", "it needs columns name, aliases"),
        "roster without names": (["analyze", str(seed), "--out", out, "--roster", str(roster)], 2, roster,
                                 "it needs columns name, aliases"),
        "empty folder": (["analyze", str(empty), "--out", out], 1, empty, "nothing to analyse"),
        "missing results": (["figures", str(tmp_path / "nope"), "--out", out], 2, tmp_path / "nope",
                            "run 'framing analyze CORPUS --out"),
        "results without tables": (["figures", str(empty), "--out", out], 2, empty, "framing analyze"),
    }[case]
    assert cli.main(argv + ["--quiet"]) == code
    line = _one_line_error(capsys)
    assert line.startswith(f"framing: error: {named}: ")
    assert todo in line
    assert capsys.readouterr().out == ""
