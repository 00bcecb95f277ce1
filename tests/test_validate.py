"""framing.validate: Krippendorff's alpha, matching, and the seed annotations."""
import math

import pandas as pd
import pytest

import framing
from framing import clean
from framing.validate import (disagreements, krippendorff_alpha, match, normalize_code,
                              seed_annotations, unmatched, validate)

nan = None


# --------------------------------------------------------------------------- alpha
def test_alpha_worked_example_four_coders_missing_data():
    """Krippendorff (2011), 'Computing Krippendorff's Alpha-Reliability', section C:
    4 observers, 12 units, missing values; nominal alpha = 0.743."""
    data = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
        [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan],
    ]
    assert round(krippendorff_alpha(data), 3) == 0.743


def test_alpha_worked_example_two_coders_binary():
    """Krippendorff (2011), section A: two observers, binary data, no missing; alpha = 0.095."""
    data = [[0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
            [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]]
    assert round(krippendorff_alpha(data), 3) == 0.095


def test_alpha_hand_computed_coincidence_matrix():
    """Two coders, four units: (a,a) (a,b) (b,b) (b,b).

    Coincidences: o_aa = 2, o_ab = o_ba = 1, o_bb = 4; n_a = 3, n_b = 5, n = 8.
    D_o = o_ab + o_ba = 2; D_e = (n² - n_a² - n_b²) / (n - 1) = (64 - 9 - 25) / 7 = 30/7.
    alpha = 1 - D_o / D_e = 1 - 14/30 = 8/15.
    """
    assert krippendorff_alpha([["a", "a", "b", "b"], ["a", "b", "b", "b"]]) == \
        pytest.approx(8 / 15)
    # a unit coded by one coder only is not pairable: it changes nothing
    assert krippendorff_alpha([["a", "a", "b", "b", "a"], ["a", "b", "b", "b", nan]]) == \
        pytest.approx(8 / 15)


def test_alpha_edge_cases():
    assert krippendorff_alpha([["a", "b", "c"], ["a", "b", "c"]]) == 1.0
    assert math.isnan(krippendorff_alpha([["a", "a"], ["a", "a"]]))  # no variation: undefined
    assert math.isnan(krippendorff_alpha([[1, nan], [nan, 2]]))  # nothing pairable
    # systematic disagreement is worse than chance
    assert krippendorff_alpha([["a", "b", "a", "b"], ["b", "a", "b", "a"]]) < 0
    # string codes and numeric codes give the same answer
    assert krippendorff_alpha([["x", "y", "x"], ["x", "y", "y"]]) == \
        krippendorff_alpha([[1, 2, 1], [1, 2, 2]])
    with pytest.raises(ValueError):
        krippendorff_alpha([[1, 2]], level="interval")


def test_normalize_code():
    assert normalize_code("Pedro Sánchez’s", "speaker") == "pedro sanchez"
    assert normalize_code("Mr. Sánchez", "speaker") == "sanchez"
    assert normalize_code("TRUE", "is_official") == "true"
    assert normalize_code(False, "is_official") == "false"
    assert normalize_code(None, "kind") == ""


# --------------------------------------------------------------------------- matching
@pytest.fixture
def toy():
    text = 'Ann Lee said "we will act now" and Bo Chan said "never". Critics called it "a sham".'
    articles = pd.DataFrame({"article_id": ["t"], "outlet": ["T"], "text": [text]})

    def span(s):
        i = text.index(s)
        return i, i + len(s)

    tool = pd.DataFrame([
        dict(article_id="t", start=span("we will act now")[0], end=span("we will act now")[1],
             text="we will act now", kind="direct", speaker="Lee", speaker_type="official"),
        dict(article_id="t", start=span("never")[0], end=span("never")[1], text="never",
             kind="partial", speaker="Ann Lee", speaker_type="official"),
        dict(article_id="t", start=span("a sham")[0], end=span("a sham")[1], text="a sham",
             kind="partial", speaker="Critics", speaker_type="unknown"),
    ])
    coded = pd.DataFrame([
        dict(article_id="t", text="we will act now", kind="direct", speaker="Ann Lee",
             speaker_type="official"),
        dict(article_id="t", text="never", kind="direct", speaker="Bo Chan",
             speaker_type="civil_society"),
    ])
    return coded, {"quotes": tool, "articles": articles}


def test_validate_counts_units_and_codes(toy):
    coded, tables = toy
    out = validate(coded, tables).set_index("column")
    units = out.loc["(units)"]
    assert (units["n_coded"], units["n_tool"], units["n_both"]) == (2, 3, 2)
    assert units["precision"] == pytest.approx(2 / 3) and units["recall"] == 1.0
    # "Lee" is the head of "Ann Lee": same speaker; "Ann Lee" is not "Bo Chan"
    assert out.loc["speaker", "agreement"] == 0.5
    assert out.loc["speaker", "precision"] == pytest.approx(1 / 3)
    assert out.loc["speaker", "recall"] == pytest.approx(1 / 2)
    assert out.loc["kind", "agreement"] == 0.5
    assert out.loc["speaker_type", "alpha"] == pytest.approx(krippendorff_alpha(
        [["official", "civil_society"], ["official", "official"]]))


def test_match_finds_offsets_and_reports_both_sides(toy):
    coded, tables = toy
    pairs = match(coded, tables)
    assert pairs["found"].tolist() == ["both", "both", "tool only"]
    assert pairs["coded_start"].iloc[0] == tables["quotes"]["start"].iloc[0]
    missing = unmatched(pairs)
    assert missing[["found", "tool_text", "tool_speaker"]].values.tolist() == [
        ["tool only", "a sham", "Critics"]]
    diff = disagreements(pairs)
    assert diff["coded_text"].tolist() == ["never"]
    assert {"coded_kind", "tool_kind", "coded_speaker", "tool_speaker"} <= set(diff.columns)


def test_validate_people_is_official_as_positive_class():
    tool = pd.DataFrame([
        dict(article_id="a", name="Pedro Sánchez", entity_type="person", is_official=True,
             role="Prime Minister", aliases="Sanchez|Mr. Sánchez"),
        dict(article_id="a", name="Elon Musk", entity_type="person", is_official=True,
             role="owner", aliases=""),
        dict(article_id="a", name="Meta", entity_type="organisation", is_official=False,
             role="", aliases=""),
    ])
    coded = pd.DataFrame([
        dict(article_id="a", name="Pedro Sanchez", is_official="true", role="prime minister"),
        dict(article_id="a", name="Musk", is_official="false", role="owner"),
        dict(article_id="a", name="Sira Rego", is_official="true", role="Youth Minister"),
    ])
    out = validate(coded, {"people": tool}, kind="people").set_index("column")
    units = out.loc["(units)"]
    assert (units["n_coded"], units["n_tool"], units["n_both"]) == (3, 2, 2)  # Meta left out
    off = out.loc["is_official"]
    assert (off["n_coded"], off["n_tool"]) == (2, 2)
    assert off["precision"] == 0.5 and off["recall"] == 0.5
    assert out.loc["role", "agreement"] == 1.0


def test_validate_needs_the_table():
    with pytest.raises(ValueError, match="people"):
        validate(pd.DataFrame({"article_id": ["a"], "name": ["X"]}), {}, kind="people")
    with pytest.raises(ValueError):
        validate(pd.DataFrame(), {}, kind="speakers")


def test_framing_validate_is_exported():
    assert framing.validate is validate


# --------------------------------------------------------------------------- seed annotations
def test_seed_quote_annotation_is_anchored_in_kept_text(seed_articles, seed_segments, seed_text):
    coded = seed_annotations("quotes")
    assert len(coded) >= 50
    assert set(coded["article_id"]) == set(seed_articles["article_id"])
    kept = clean.kept(seed_segments)
    for row in coded.itertuples():
        assert seed_text[row.article_id][row.start:row.end] == row.text
        segs = kept[kept["article_id"] == row.article_id]
        assert ((segs["start"] <= row.start) & (segs["end"] >= row.end)).any(), row.text
    assert set(coded["kind"]) <= {"direct", "partial", "scare", "indirect"}
    assert set(coded["speaker_type"]) <= {
        "official", "regulator_or_body", "company_or_platform", "tech_owner",
        "expert_or_report", "civil_society", "media", "anonymous", "unknown"}
    assert not coded.duplicated(["article_id", "start"]).any()


def test_seed_people_annotation(seed_text):
    coded = seed_annotations("people")
    assert set(coded["is_official"].astype(str)) <= {"true", "false", "True", "False"}
    for row in coded.itertuples():
        assert row.first_offset < len(seed_text[row.article_id])
    # nobody from the story appended to 004 (France and Algeria) is coded
    assert not coded["name"].str.contains("Nunez|Tebboune|Gleizes").any()
    officials = set(coded.loc[coded["is_official"].astype(str).str.lower() == "true", "name"])
    assert {"Pedro Sánchez", "Graham Doyle", "Elma Saiz", "Sira Rego", "Yolanda Díaz"} <= officials
    assert "Elon Musk" not in officials and "Pavel Durov" not in officials


def test_validate_on_seeds_runs_for_every_available_table(seed_articles):
    from framing import pipeline

    tables = pipeline.analyze(seed_articles)
    out = validate(seed_annotations("quotes"), tables)
    assert list(out["column"]) == ["(units)", "kind", "speaker", "speaker_type", "verb"]
    numeric = out[["precision", "recall", "agreement"]].stack().dropna()
    assert ((numeric >= 0) & (numeric <= 1)).all()
    if len(tables.get("people", pd.DataFrame()).columns):
        people = validate(seed_annotations("people"), tables, kind="people")
        assert {"(units)", "is_official", "role"} <= set(people["column"])
