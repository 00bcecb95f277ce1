"""framing.plots: each figure against its committed baseline, plus the writer.

The baseline tests draw each figure from small fixed tables written here (so a
change in an extractor does not move them; nbval on the notebooks checks the
numbers). Regenerate the baselines after an intended change of a figure with
``.venv/bin/pytest tests/test_plots.py --mpl-generate-path=tests/baseline`` and look at them.
"""
import hashlib

import numpy as np
import pandas as pd
import pytest

from framing import pipeline, plots

MPL = dict(baseline_dir="baseline", tolerance=5, style="default",
           savefig_kwargs={"dpi": 100})

OUTLETS = ["Alpha Daily", "Beta News", "Gamma Post"]


@pytest.fixture
def articles():
    return pd.DataFrame({
        "article_id": ["a1", "a2", "b1", "c1"],
        "outlet": ["Alpha Daily", "Alpha Daily", "Beta News", "Gamma Post"],
        "status": ["ok"] * 4,
        "n_words_kept": [120, 80, 150, 90],
        "text": ["x"] * 4,
    })


@pytest.fixture
def segments():
    rows = [
        ("a1", 0, True, "", "one two three four five six seven eight nine ten " * 12),
        ("a1", 1, False, "page chrome: share link", "Short Url"),
        ("a2", 0, True, "", "word " * 80),
        ("a2", 1, False, "duplicate of segment 0", "word " * 20),
        ("b1", 0, True, "", "word " * 150),
        ("b1", 1, False, "photo caption", "word " * 25),
        ("b1", 2, False, "appended unrelated story (starts at segment 2)", "word " * 60),
        ("c1", 0, True, "", "word " * 90),
        ("c1", 1, False, "machine-generated FAQ block", "word " * 40),
    ]
    return pd.DataFrame(rows, columns=["article_id", "segment_id", "kept", "reason", "text"])


@pytest.fixture
def quotes():
    rows = [
        ("a1", "Alpha Daily", "direct", "Ana Minister", "official", "say", "neutral", 20),
        ("a1", "Alpha Daily", "partial", "Ana Minister", "official", "insist", "assertive", 4),
        ("a2", "Alpha Daily", "indirect", "Big Platform", "company_or_platform", "deny",
         "evaluative", 12),
        ("b1", "Beta News", "direct", "Tech Owner", "tech_owner", "write", "neutral", 15),
        ("b1", "Beta News", "direct", "government sources", "anonymous", "say", "neutral", 10),
        ("b1", "Beta News", "scare", "", "unknown", "", "", 2),
        ("b1", "Beta News", "partial", "Regulator", "regulator_or_body", "warn", "evaluative", 6),
    ]
    return pd.DataFrame(rows, columns=["article_id", "outlet", "kind", "speaker", "speaker_type",
                                       "verb", "verb_class", "n_words"])


@pytest.fixture
def people():
    rows = [
        ("a1", "Alpha Daily", "p1", "Ana Minister", "person", "Prime Minister", True, 4, True, 0),
        ("b1", "Beta News", "p1", "Ana Minister", "person", "Prime Minister", True, 2, False, 1),
        ("c1", "Gamma Post", "p1", "Ana Minister", "person", "Prime Minister", True, 1, False, 2),
        ("a2", "Alpha Daily", "p2", "Bo Regulator", "person", "Commissioner", True, 1, True, 3),
        ("b1", "Beta News", "p3", "Tech Owner", "person", "owner", False, 3, True, 0),
        ("c1", "Gamma Post", "o1", "Big Platform", "organisation", "", False, 2, False, 0),
    ]
    return pd.DataFrame(rows, columns=["article_id", "outlet", "entity_id", "name", "entity_type",
                                       "role", "is_official", "mentions", "quoted",
                                       "first_paragraph"])


@pytest.fixture
def stance():
    rng = np.random.default_rng(7)
    rows = []
    for o in OUTLETS:
        for m in ["attitude_negative", "booster", "hedge", "loaded"]:
            for v in ["author", "quoted"]:
                rows.append((o, v, m, float(np.round(rng.uniform(0, 20), 2))))
    return pd.DataFrame(rows, columns=["outlet", "voice", "measure", "per_1000_words"])


@pytest.fixture
def terms():
    rows = [
        ("csam", "child sexual abuse material", "Alpha Daily", "author", 3),
        ("csam", "CSAM", "Alpha Daily", "author", 1),
        ("csam", "child pornography", "Beta News", "author", 2),
        ("csam", "child pornography", "Beta News", "quoted", 1),
        ("csam", "child sexual abuse material", "Gamma Post", "quoted", 2),
        ("investigation", "probe", "Alpha Daily", "author", 2),
        ("investigation", "investigation", "Beta News", "author", 3),
        ("investigation", "crackdown", "Gamma Post", "author", 1),
    ]
    return pd.DataFrame(rows, columns=["referent", "variant", "outlet", "voice", "count"])


@pytest.fixture
def distinctive():
    rows = []
    for i, o in enumerate(OUTLETS):
        for j, t in enumerate(["platform", "minister", "probe", "giants", "impunity", "deepfake"]):
            rows.append((o, t, round(3.0 - 0.45 * j + 0.3 * i - (0.9 if (i + j) % 3 == 0 else 0), 3)))
    return pd.DataFrame(rows, columns=["outlet", "term", "z"])


@pytest.fixture
def outlets():
    return pd.DataFrame({
        "outlet": OUTLETS,
        "n_articles": [2, 1, 1],
        "n_words_kept": [200, 150, 90],
        "quotes_n": [3, 4, 0],
        "quotes_words_share_official": [0.67, 0.0, 0.0],
        "quotes_words_share_tech_owner": [0.0, 0.48, 0.0],
        "quotes_share_nonneutral_verbs": [0.67, 0.25, 0.0],
        "stance_author_hedge_per_1000": [4.0, 9.5, 2.0],
        "constant_measure": [1.0, 1.0, 1.0],
    })


# --------------------------------------------------------------------------- baselines
@pytest.mark.mpl_image_compare(filename="corpus_cleaning.png", **MPL)
def test_corpus_cleaning(articles, segments):
    return plots.corpus_cleaning(articles, segments)


@pytest.mark.mpl_image_compare(filename="quoted_sources.png", **MPL)
def test_quoted_sources(quotes, articles):
    return plots.quoted_sources(quotes, articles)


@pytest.mark.mpl_image_compare(filename="reporting_verbs.png", **MPL)
def test_reporting_verbs(quotes, articles):
    return plots.reporting_verbs(quotes, articles)


@pytest.mark.mpl_image_compare(filename="officials.png", **MPL)
def test_officials(people, articles):
    return plots.officials(people, articles)


@pytest.mark.mpl_image_compare(filename="stance_voices.png", **MPL)
def test_stance_voices(stance, articles):
    return plots.stance_voices(stance, articles)


@pytest.mark.mpl_image_compare(filename="term_choice.png", **MPL)
def test_term_choice(terms, articles):
    return plots.term_choice(terms, articles)


@pytest.mark.mpl_image_compare(filename="distinctive_vocabulary.png", **MPL)
def test_distinctive_vocabulary(distinctive, articles):
    return plots.distinctive_vocabulary(distinctive, articles, top=5)


@pytest.mark.mpl_image_compare(filename="outlet_similarity.png", **MPL)
def test_outlet_similarity(outlets):
    return plots.outlet_similarity(outlets)


# --------------------------------------------------------------------------- the tables behind them
def test_outlet_colors_fixed_and_colour_blind_safe():
    colors = plots.outlet_colors(["b", "a", "c"])
    assert colors == {"a": plots.OKABE_ITO[0], "b": plots.OKABE_ITO[1], "c": plots.OKABE_ITO[2]}
    # the same outlet keeps its colour whatever order it arrives in
    assert plots.outlet_colors(["c", "a", "b"]) == colors


def test_cleaning_words_groups_reasons(articles, segments):
    words = plots.cleaning_words(articles, segments)
    assert list(words.index) == OUTLETS
    assert words.loc["Alpha Daily", "kept"] == 200
    assert words.loc["Alpha Daily", "page chrome"] == 2
    assert words.loc["Alpha Daily", "repeated text"] == 20
    assert words.loc["Beta News", "appended story"] == 60
    assert words.loc["Gamma Post", "FAQ block"] == 40


def test_cleaning_words_match_articles_on_seeds(seed_articles, seed_segments):
    from framing import compare

    arts = compare.article_totals(seed_articles, seed_segments)
    words = plots.cleaning_words(arts, seed_segments)
    assert words["kept"].to_dict() == dict(zip(arts["outlet"], arts["n_words_kept"]))
    # the FAQ block of 000 and the appended story of 004 are the biggest set-aside parts
    assert words.loc["000_711510e4aacadad0", "FAQ block"] > 300
    assert words.loc["004_8b33301d76d4a184", "appended story"] > 300


def test_quoted_word_shares_skip_scare_quotes(quotes, articles):
    words = plots.quoted_word_shares(quotes, articles)
    assert words.loc["Beta News"].sum() == 31  # 15 + 10 + 6, the scare quote left out
    assert words.loc["Gamma Post"].sum() == 0  # an outlet with no quotes keeps its row
    assert words.loc["Alpha Daily", "official"] == 24


def test_verb_class_counts(quotes, articles):
    counts = plots.verb_class_counts(quotes, articles)
    assert counts.loc["Alpha Daily"].to_dict()["assertive"] == 1
    assert counts.loc["Beta News", "evaluative"] == 1
    assert counts.loc["Beta News"].sum() == 3


def test_officials_matrix(people, articles):
    m = plots.officials_matrix(people, articles)
    assert m["name"].iloc[0] == "Ana Minister"  # named by three outlets, first
    assert "Tech Owner" not in set(m["name"]) and "Big Platform" not in set(m["name"])
    row = m[(m["name"] == "Ana Minister") & (m["outlet"] == "Alpha Daily")].iloc[0]
    assert bool(row["quoted"]) and row["mentions"] == 4


def test_term_choice_counts(terms, articles):
    c = plots.term_choice_counts(terms, articles)
    beta = c[(c["outlet"] == "Beta News") & (c["variant"] == "child pornography")]
    assert beta.set_index("voice")["count"].to_dict() == {"author": 2, "quoted": 1}


def test_top_distinctive(distinctive):
    top = plots.top_distinctive(distinctive, top=2)
    assert top.groupby("outlet").size().tolist() == [2, 2, 2]
    assert (top["z"] > 0).all()


def test_similarity_matrix(outlets):
    cols = plots.measure_columns(outlets)
    assert "quotes_n" not in cols and "n_words_kept" not in cols  # counts left out
    assert "constant_measure" not in cols  # no variation, no information
    sim = plots.similarity_matrix(outlets)
    assert np.allclose(np.diag(sim), 1.0)
    assert np.allclose(sim.to_numpy(), sim.to_numpy().T)
    assert ((sim.to_numpy() >= -1) & (sim.to_numpy() <= 1)).all()


def test_empty_tables_still_draw(articles):
    empty = pd.DataFrame()
    for fig in (plots.quoted_sources(empty, articles), plots.officials(empty, articles),
                plots.stance_voices(empty, articles), plots.term_choice(empty, articles),
                plots.distinctive_vocabulary(empty, articles)):
        assert fig.get_axes()
        plots.plt.close(fig)


# --------------------------------------------------------------------------- writing
def _digest(paths):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def test_write_figures_byte_identical(tmp_path, seed_articles):
    results = tmp_path / "results"
    pipeline.write_tables(pipeline.analyze(seed_articles), results)
    first = plots.write_figures(results, tmp_path / "a")
    second = plots.write_figures(results, tmp_path / "b")
    assert [p.name for p in first] == [p.name for p in second]
    assert len(first) == 2 * len(plots.FIGURES)
    assert {p.suffix for p in first} == {".pdf", ".png"}
    assert _digest(first) == _digest(second)
    pdf = (tmp_path / "a" / "fig2_quoted_sources.pdf").read_bytes()
    assert b"/CreationDate" not in pdf
    assert b"FontFile2" in pdf  # TrueType fonts embedded (pdf.fonttype 42)
    assert not plots.plt.get_fignums()  # every figure closed


def test_write_figures_needs_results(tmp_path):
    with pytest.raises(FileNotFoundError):
        plots.write_figures(tmp_path, tmp_path / "out")


# --------------------------------------------------------------------------- notebook tables
def test_quoted_word_shares_kinds_and_shares(quotes, articles):
    words = plots.quoted_word_shares(quotes, articles)
    # the indirect quote of Big Platform is the writer's paraphrase: not counted by default
    assert words.loc["Alpha Daily", "company_or_platform"] == 0
    both = plots.quoted_word_shares(quotes, articles, kinds=("direct", "partial", "indirect"))
    assert both.loc["Alpha Daily", "company_or_platform"] == 12
    shares = plots.quoted_word_shares(quotes, articles, share=True, drop_empty=True)
    assert list(shares.columns) == ["official", "regulator_or_body", "tech_owner", "anonymous"]
    assert shares.loc["Beta News", "tech_owner"] == pytest.approx(15 / 31)
    assert shares.loc["Alpha Daily"].sum() == pytest.approx(1.0)
    assert shares.loc["Gamma Post"].sum() == 0  # no quoted words: zeros, not NaN


def test_quoted_word_shares_are_the_outlet_measure_on_seeds(seed_articles):
    """The figure and outlets.csv count the same words (inside quotation marks)."""
    tables = pipeline.analyze(seed_articles)
    shares = plots.quoted_word_shares(tables["quotes"], tables["articles"], share=True)
    outlets = tables["outlets"].set_index("outlet")
    for typ in ("official", "tech_owner", "anonymous"):
        expected = outlets[f"quotes_words_share_{typ}"].fillna(0)
        assert np.allclose(shares[typ].reindex(expected.index), expected), typ


def test_set_aside_segments(segments):
    t = plots.set_aside_segments(segments)
    assert t.loc[("b1", "appended unrelated story"), "words"] == 60  # reason cut at "("
    assert t.loc[("a1", "page chrome: share link"), "segments"] == 1
    assert t.loc[("c1", "machine-generated FAQ block"), "first_segment"] == 1
    assert len(t) == 5  # one row per dropped segment group, kept text not listed


def test_reporting_verb_table(quotes, articles):
    t = plots.reporting_verb_table(quotes, articles)
    assert list(t.columns) == OUTLETS
    assert t.loc[("neutral", "say"), "Beta News"] == 1
    assert t.loc[("assertive", "insist"), "Alpha Daily"] == 1
    assert [k[0] for k in t.index] == ["neutral", "neutral", "assertive", "evaluative",
                                       "evaluative"]
    assert t.to_numpy().sum() == 6  # the scare quote is not reported speech


def test_organisations_named(people, articles):
    t = plots.organisations_named(people, articles)
    assert t.index.tolist() == ["Big Platform"]
    assert t.loc["Big Platform"].tolist() == [0, 0, 2]


def test_stance_table_pools_counts_over_articles():
    stance = pd.DataFrame([
        dict(outlet="A", voice="author", measure="hedge", family="marker", count=1, n_words=100),
        dict(outlet="A", voice="author", measure="hedge", family="marker", count=1, n_words=300),
        dict(outlet="A", voice="quoted", measure="hedge", family="marker", count=0, n_words=0),
        dict(outlet="B", voice="author", measure="booster", family="marker", count=3,
             n_words=200),
        dict(outlet="B", voice="author", measure="booster", family="marker_on_target",
             target="platforms_owners", count=3, n_words=50),
    ])
    t = plots.stance_table(stance)
    # 2 hedges in 400 words, not the mean (10 + 3.33) / 2 of the two articles' rates
    assert t.loc[("hedge", "author"), "A"] == pytest.approx(5.0)
    assert t.loc[("hedge", "quoted"), "A"] == 0.0  # no quoted words: 0, not NaN
    assert t.loc[("booster", "author"), "B"] == pytest.approx(15.0)
    assert t.index[0][0] == "hedge"  # the order of STANCE_ORDER
    on = plots.stance_table(stance, family="marker_on_target")
    assert on.loc[("platforms_owners", "booster"), "B"] == pytest.approx(60.0)


def test_stance_words():
    ev = pd.DataFrame([
        dict(outlet="A", voice="author", family="marker", measure="loaded_term", term="Giants"),
        dict(outlet="B", voice="author", family="marker", measure="loaded_term", term="giants"),
        dict(outlet="B", voice="quoted", family="marker", measure="loaded_term", term="tyrant"),
    ])
    w = plots.stance_words(ev)
    assert w.loc[("loaded_term", "giants")].tolist() == [2, "A, B"]
    assert "tyrant" not in w.index.get_level_values("term")
    assert plots.stance_words(ev, voice="quoted").index.tolist() == [("loaded_term", "tyrant")]


def test_term_choice_table(terms, articles):
    t = plots.term_choice_table(terms, articles)
    assert t.loc[("csam", "child pornography"), ("Beta News", "quoted")] == 1
    assert t.loc[("csam", "CSAM"), ("Alpha Daily", "author")] == 1


def test_measure_labels():
    assert plots.measure_label("quotes_share_nonneutral_verbs") == \
        "share of quotes with an assertive or evaluative verb"
    assert plots.measure_label("stance_quoted_loaded_term_per_1000") == \
        "loaded term per 1,000 words, quoted voice"
    assert plots.measure_label("stance_author_target_platforms_owners_per_1000") == \
        "words about platforms and owners per 1,000 words, own voice"
    assert plots.measure_label("quotes_words_share_regulator_or_body") == \
        "share of quoted words: regulator or body"


def test_measure_columns_keep_loaded_terms_drop_breakdowns():
    o = pd.DataFrame({"outlet": ["A", "B"],
                      "stance_author_loaded_term_per_1000": [1.0, 2.0],
                      "stance_author_term_csam_csam_share": [0.2, 0.9],
                      "stance_author_hedge_on_platforms_owners_per_1000": [1.0, 3.0]})
    assert plots.measure_columns(o) == ["stance_author_loaded_term_per_1000"]


def test_measure_table(outlets):
    t = plots.measure_table(outlets)
    assert t.columns.tolist() == OUTLETS
    assert t.index[:2].get_level_values("measure").tolist() == [
        "articles", "words analysed (kept by cleaning)"]
    assert t.loc[("quoted sources", "quotes (direct, partial, indirect)")].tolist() == [3, 4, 0]
    assert t.loc[("quoted sources", "share of quoted words: tech owner"), "Beta News"] == 0.48
    assert ("stance, own voice", "hedge per 1,000 words, own voice") in t.index
    # every measure of the fixture but the two that are not rates (n_articles, n_words_kept
    # are sizes, listed first)
    assert len(t) == len(outlets.columns) - 1
    paper = plots.paper_table(outlets)
    assert paper.index.get_level_values("measure")[0] == "words analysed (kept by cleaning)"


@pytest.fixture
def report_tables(articles, people, terms, outlets):
    arts = articles.assign(n_words=[150, 120, 200, 100])
    return {"articles": arts, "people": people, "terms": terms,
            "outlets": outlets.assign(people_n_officials=[2, 1, 1],
                                      people_first_person_is_official=[True, False, True])}


def test_findings_are_written_from_the_tables(report_tables):
    f = plots.findings(report_tables).set_index("finding")["topic"]
    text = "\n".join(f.index)
    assert "3 outlets, 4 articles; 440 of 570 words (77%) are analysed" in text
    assert ("Officials speak from 0% (Beta News) to 67% (Alpha Daily) of the words inside "
            "quotation marks; they are the most quoted speaker type in 1 of 2 outlets with "
            "quoted words.") in text
    assert ("The share of quotes introduced by an assertive or evaluative verb rather than a "
            "neutral one runs from 0% (Gamma Post) to 67% (Alpha Daily).") in text
    assert "Outlets name from 1 (Beta News) to 2 (Alpha Daily) officials; Ana Minister is " \
           "named by 3 of 3 outlets." in text
    # 5: three shares, the hedge rate and first-person-is-official (0/1); counts left out
    assert ("Over 5 standardized measures no two outlets have similar profiles (the highest "
            "cosine is -0.26, Alpha Daily and Gamma Post); the least similar are Alpha Daily "
            "and Beta News (-0.68).") in text
    assert "The first person an article names is an official in 2 of 3 outlets." in text
    # three outlets, three words for the investigation (two for CSAM: Gamma only quotes one)
    assert ("Outlets differ most in how they name investigation: in their own words the most "
            "used term is “crackdown” (Gamma Post); “investigation” (Beta News); “probe” "
            "(Alpha Daily).") in text
    # a changed number in the table changes the sentence: nothing is typed by hand
    changed = dict(report_tables, outlets=report_tables["outlets"].assign(
        quotes_share_nonneutral_verbs=[0.5, 0.25, 0.1]))
    assert "from 10% (Gamma Post) to 50% (Alpha Daily)" in plots.findings_markdown(changed)


def test_findings_on_seeds(seed_articles):
    tables = pipeline.analyze(seed_articles)
    f = plots.findings(tables)
    assert {"corpus", "quoted sources", "officials", "stance", "term choice",
            "similarity"} <= set(f["topic"])
    n_first = int(tables["outlets"]["people_first_person_is_official"].astype(bool).sum())
    assert f"is an official in {n_first} of 5 outlets" in "\n".join(f["finding"])
    assert plots.findings_markdown(tables).startswith("- **corpus**: 5 outlets, 5 articles")


@pytest.mark.mpl_image_compare(filename="measure_profile.png", **MPL)
def test_measure_profile(outlets):
    return plots.measure_profile(outlets)
