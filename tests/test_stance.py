"""framing.stance: stance markers by voice, targets, term choice, distinctive vocabulary.

Counts are asserted on hand-made sentences (small enough to count by eye)
and on the five seed articles (counted by reading them; see the comments).
"""
import numpy as np
import pandas as pd
import pytest

from framing import quotes as quotes_mod
from framing import stance
from framing.stance import EVIDENCE_COLUMNS, STANCE_COLUMNS

A000, A001, A002, A003, A004 = ("000_711510e4aacadad0", "001_b5203cee47071987", "002_0e219b31352d4ab9",
                                "003_547d1ed95a012116", "004_8b33301d76d4a184")


def one(text, article_id="a", outlet="o"):
    """An articles and a segments table holding ``text`` as one kept segment."""
    arts = pd.DataFrame({"article_id": [article_id], "outlet": [outlet], "text": [text]})
    segs = pd.DataFrame({"article_id": [article_id], "segment_id": [0], "start": [0], "end": [len(text)],
                         "kept": [True]})
    return arts, segs


def count(table, measure, voice="author", article_id=None):
    rows = table[(table["measure"] == measure) & (table["voice"] == voice)]
    if article_id is not None:
        rows = rows[rows["article_id"] == article_id]
    return int(rows["count"].sum())


@pytest.fixture(scope="module")
def seed_quotes(seed_articles, seed_segments):
    return quotes_mod.extract(seed_articles, seed_segments)


@pytest.fixture(scope="module")
def seed_scored(seed_articles, seed_segments):
    """Scored with the quotation marks themselves (no quotes table)."""
    return stance.score(seed_articles, seed_segments)


@pytest.fixture(scope="module")
def seed_scored_table(seed_articles, seed_segments, seed_quotes):
    """Scored as the pipeline does, with the quotes table."""
    return stance.score(seed_articles, seed_segments, seed_quotes)


# --------------------------------------------------------------------------- voices
def test_words_in_quotation_marks_are_the_speakers_not_the_outlets():
    text = 'Officials allegedly erred. "We clearly must act, and it may work," she said.'
    s, ev = stance.score(*one(text))
    assert count(s, "hedge", "author") == 1            # allegedly
    assert count(s, "hedge", "quoted") == 1            # may
    assert count(s, "booster", "author") == 0
    assert count(s, "booster", "quoted") == 2          # clearly, must
    author_terms = set(ev.loc[ev["voice"] == "author", "term"])
    assert author_terms.isdisjoint({"clearly", "must", "may"})
    n_words = s[s["measure"] == "hedge"].set_index("voice")["n_words"]
    assert n_words.to_dict() == {"author": 5, "quoted": 8}   # "Officials allegedly erred", "she said"


def test_quotes_table_decides_the_voice_and_indirect_speech_stays_the_writers():
    text = 'She said the firm clearly failed. "It must end," she added.'
    arts, segs = one(text)
    direct = text.index("It must end")
    quotes = pd.DataFrame({"article_id": ["a", "a"], "kind": ["indirect", "direct"],
                           "start": [text.index("the firm"), direct],
                           "end": [text.index("."), direct + len("It must end,")]})
    s, ev = stance.score(arts, segs, quotes)
    assert count(s, "booster", "author") == 1          # clearly (paraphrase: the writer's words)
    assert count(s, "booster", "quoted") == 1          # must
    assert ev.loc[ev["term"] == "failed", "voice"].tolist() == ["author"]


def test_seed_quoted_loaded_terms_are_not_the_outlets(seed_scored, seed_text):
    s, ev = seed_scored
    # 000 quotes "impunity", "digital wild west", "a tyrant and a traitor", "true fascist
    # totalitarian", "surveillance state", "tech oligarchs", "propaganda"... but its own
    # sentences use no loaded term.
    assert count(s, "loaded_term", "author", A000) == 0
    assert count(s, "loaded_term", "quoted", A000) == 10
    quoted = ev[(ev["article_id"] == A000) & (ev["measure"] == "loaded_term")]
    assert {"impunity", "wild west", "tyrant", "traitor", "surveillance state", "tech oligarchs",
            "propaganda"} <= set(quoted["term"])
    # 002: "The impunity of these giants must end," he added -> quoted, not author.
    e002 = ev[(ev["article_id"] == A002) & (ev["family"] == "marker")]
    assert e002.loc[e002["term"] == "impunity", "voice"].tolist() == ["quoted"]
    assert e002.loc[e002["voice"] == "author", "term"].tolist() == \
        ["potentially", "escalation", "tension", "especially", "gained", "safety"]


def test_author_evidence_never_inside_a_quote_of_the_quotes_table(seed_scored_table, seed_quotes):
    _, ev = seed_scored_table
    q = seed_quotes[seed_quotes["kind"].isin(stance.QUOTED_KINDS)]
    spans = {aid: list(zip(g["start"], g["end"])) for aid, g in q.groupby("article_id")}
    assert len(q) > 20
    inside = [any(a <= row.start < b for a, b in spans.get(row.article_id, ()))
              for row in ev.itertuples()]
    assert (ev["voice"] == "quoted").tolist() == inside


# --------------------------------------------------------------------------- markers & evidence
def test_marker_offsets_point_at_the_words():
    text = 'The firm reportedly failed. Critics say it is a “crackdown”, clearly.'
    s, ev = stance.score(*one(text))
    got = ev[ev["family"] == "marker"][["voice", "measure", "term", "start", "end"]]
    assert got.values.tolist() == [
        ["author", "hedge", "reportedly", 9, 19],
        ["author", "attitude_negative", "failed", 20, 26],
        ["quoted", "loaded_term", "crackdown", 49, 58],
        ["author", "booster", "clearly", 61, 68],
    ]
    assert all(text[a:b] == t for a, b, t in zip(ev["start"], ev["end"], ev["term"]))


def test_seed_evidence_offsets_and_columns(seed_scored, seed_text):
    s, ev = seed_scored
    assert list(s.columns) == STANCE_COLUMNS and list(ev.columns) == EVIDENCE_COLUMNS
    assert len(ev) == 562
    assert all(seed_text[a][b:e] == t for a, b, e, t in zip(ev["article_id"], ev["start"], ev["end"], ev["term"]))
    # Accents and curly quotes are folded for matching, not in the evidence.
    assert "Sánchez" in set(ev.loc[ev["family"] == "target_cue", "term"])
    markers = s[s["family"] == "marker"]
    assert markers.pivot_table(index="article_id", columns="voice", values="n_words", aggfunc="first") \
        .to_dict("index")[A004] == {"author": 195, "quoted": 42}
    assert count(s, "hedge", "author", A000) == 7
    # 003: "X vehemently denied", "consistently maintain", "precisely what", "especially
    # amidst" ("notably" and "specifically" are not in the list).
    assert count(s, "booster", "author", A003) == 4
    assert set(ev[(ev["article_id"] == A003) & (ev["measure"] == "booster") & (ev["voice"] == "author")]["term"]) \
        == {"vehemently", "consistently", "precisely", "especially"}


def test_per_1000_words_is_count_over_words():
    s, _ = stance.score(*one("Clearly, it is true. It may rain."))
    row = s[(s["measure"] == "booster") & (s["voice"] == "author")].iloc[0]
    assert (row["count"], row["n_words"]) == (1, 7)
    assert row["per_1000_words"] == pytest.approx(1000 / 7)
    quoted = s[(s["measure"] == "booster") & (s["voice"] == "quoted")].iloc[0]
    assert quoted["n_words"] == 0 and np.isnan(quoted["per_1000_words"])


def test_case_sensitive_and_longest_terms():
    s, ev = stance.score(*one("In May it may rain on child sexual abuse material, not child porn."))
    assert ev.loc[ev["measure"] == "hedge", "term"].tolist() == ["may"]
    terms = ev.loc[ev["family"] == "term", "measure"].tolist()
    assert terms == ["term:csam:child sexual abuse material", "term:csam:child porn"]


# --------------------------------------------------------------------------- targets
def test_each_sentence_is_assigned_its_sides():
    text = ("The regulator clearly failed the platform. Children were hurt. "
            "Nothing else happened. Musk praised the ministers.")
    s, ev = stance.score(*one(text))
    targets = s[(s["family"] == "target") & (s["voice"] == "author")].set_index("target")["count"]
    assert targets.to_dict() == {"government_regulators": 2, "platforms_owners": 2, "children_victims": 1}
    labels = ev[ev["family"] == "marker"].set_index("term")["target"].to_dict()
    assert labels == {"clearly": "government_regulators;platforms_owners",
                      "failed": "government_regulators;platforms_owners",
                      "hurt": "children_victims", "praised": "government_regulators;platforms_owners"}
    on = s[s["family"] == "marker_on_target"].set_index("measure")
    assert on.loc["attitude_negative_on_children_victims", ["count", "n_words"]].tolist() == [1, 3]
    assert on.loc["attitude_positive_on_platforms_owners", ["count", "n_words"]].tolist() == [1, 10]
    assert on.loc["attitude_negative_on_platforms_owners", "count"] == 1


def test_subject_matter_phrases_do_not_make_a_sentence_about_children():
    s, _ = stance.score(*one("The report covers child sexual abuse material. Kids use apps."))
    targets = s[(s["family"] == "target") & (s["voice"] == "author")].set_index("target")["count"]
    assert targets["children_victims"] == 1          # the second sentence only


def test_seed_targets(seed_scored):
    s, ev = seed_scored
    t = s[(s["family"] == "target") & (s["voice"] == "author") & (s["article_id"] == A004)]
    # 004's kept sentences holding words of the writer (counted by reading): the headline,
    # "MADRID: ...", "Separate probes ...", "Socialist Prime Minister ...", "The impunity of
    # (tech) giants must end," Sanchez wrote. (the sentence is about both the platforms and
    # the government), "One in five young people ...", "Sanchez is an outspoken critic ...",
    # "Earlier this month, he sparred with X owner ...". The two wholly quoted sentences
    # ("These platforms are harming ...", "The state cannot allow it.") are not the writer's.
    assert t.set_index("target")["count"].to_dict() == \
        {"government_regulators": 7, "platforms_owners": 7, "children_victims": 2}
    # Sentences holding quoted words: "Socialist Prime Minister ... “they may be committing
    # ...”", "“These platforms are harming ... sons and daughters.", "The state cannot allow
    # it.", "The impunity of (tech) giants must end,”", "Sanchez ... calls “techno-oligarchs,”".
    q = s[(s["family"] == "target") & (s["voice"] == "quoted") & (s["article_id"] == A004)]
    assert q.set_index("target")["count"].to_dict() == \
        {"government_regulators": 4, "platforms_owners": 4, "children_victims": 1}
    cues = ev[(ev["article_id"] == A004) & (ev["family"] == "target_cue")]
    assert {"Sanchez", "X", "Meta", "TikTok", "minors"} <= set(cues["term"])


# --------------------------------------------------------------------------- term choice
def test_seed_term_choice_for_csam(seed_scored):
    s, _ = seed_scored
    t = s[(s["family"] == "term") & (s["referent"] == "csam")]
    got = {(a[:3], v, var): c for a, v, var, c in zip(t["article_id"], t["voice"], t["variant"], t["count"])}
    assert got == {
        ("000", "author", "child sexual abuse material"): 2,   # the FAQ block's use is set aside
        ("000", "author", "child sexual abuse"): 1,
        ("000", "author", "child sexual exploitation"): 1,     # Meta's statement, reported
        ("001", "author", "child sexual abuse material"): 1,
        ("002", "author", "CSAM"): 2,
        ("002", "author", "child sexual abuse material"): 2,
        ("002", "author", "child sexual abuse"): 1,            # the headline
        ("002", "quoted", "child pornography"): 1,             # the Commission spokesperson
        ("003", "author", "child sexual abuse material"): 1,
        ("003", "author", "child pornography"): 1,             # the French investigation
        ("003", "quoted", "child pornography"): 1,             # Sanchez
        ("004", "author", "AI child porn"): 1,                 # the headline
        ("004", "author", "child pornography"): 1,
        ("004", "quoted", "child pornography"): 1,             # Sanchez
    }


def test_seed_term_choice_for_the_investigation(seed_scored):
    s, _ = seed_scored
    t = s[(s["family"] == "term") & (s["referent"] == "investigation") & (s["voice"] == "author")]
    probe = t[t["variant"] == "probe"].set_index("article_id")["count"].to_dict()
    assert probe == {A001: 1, A002: 2, A004: 2}
    assert t[t["article_id"] == A003].set_index("variant")["count"].to_dict() == \
        {"inquiry": 1, "investigation": 3, "raid": 1, "scrutiny": 1}


def test_outlet_summary_shares(seed_scored, seed_articles):
    s, _ = seed_scored
    out = stance.outlet_summary(s, seed_articles).set_index("outlet")
    assert out.loc[A002, "stance_author_term_csam_csam_n"] == 2
    assert out.loc[A002, "stance_author_term_csam_csam_share"] == pytest.approx(2 / 5)
    assert out.loc[A004, "stance_author_n_words"] == 195
    assert out.loc[A000, "stance_author_loaded_term_per_1000"] == 0
    assert out.loc[A000, "stance_quoted_loaded_term_per_1000"] == pytest.approx(1000 * 10 / 95)


# --------------------------------------------------------------------------- configuration
def test_configuration_changes_the_result():
    text = "The firm erred. The probe widened into a crackdown."
    arts, segs = one(text)
    base, _ = stance.score(arts, segs)
    assert count(base, "hedge") == 0 and "term:investigation:probe" in set(base["measure"])
    lex, ev = stance.score(arts, segs, lexicons={"hedge": ["erred"], "booster": False,
                                                 "blame": pd.DataFrame({"term": ["widened"]})})
    assert count(lex, "hedge") == 1 and count(lex, "blame") == 1
    assert "booster" not in set(lex["measure"])
    refs = pd.DataFrame({"referent": ["action", "action"], "variant": ["probe", "crackdown"],
                         "term": ["probe", "crackdown"]})
    s, _ = stance.score(arts, segs, referents=refs)
    terms = s[s["family"] == "term"].set_index("measure")["count"].to_dict()
    assert terms == {"term:action:crackdown": 1, "term:action:probe": 1}
    tg = pd.DataFrame({"target": ["firms", "enforcers"], "cue": ["firm", "probe"]})
    s, _ = stance.score(arts, segs, targets=tg)
    sides = s[(s["family"] == "target") & (s["voice"] == "author")].set_index("target")["count"].to_dict()
    assert sides == {"enforcers": 1, "firms": 1}


def test_lexicon_from_a_file(tmp_path):
    path = tmp_path / "hedges.csv"
    path.write_text("term,case\nerred,\nMay,sensitive\n", encoding="utf-8")
    s, ev = stance.score(*one("In May the firm erred; it may again."), lexicons={"hedge": path})
    assert ev.loc[ev["measure"] == "hedge", "term"].tolist() == ["May", "erred"]


# --------------------------------------------------------------------------- dropped segments
def test_nothing_from_dropped_segments_is_counted(seed_scored, seed_segments, seed_text):
    s, ev = seed_scored
    dropped = seed_segments[~seed_segments["kept"]]
    for row in ev.itertuples():
        d = dropped[dropped["article_id"] == row.article_id]
        assert not ((d["start"] <= row.start) & (row.start < d["end"])).any(), row
    # 000's FAQ block says "Absolutely", "illegal", "child sexual abuse material";
    # 004's appended story has "terrorist violence" and "glorifying terrorism".
    assert "Absolutely" in seed_text[A000] and count(s, "booster", "author", A000) == 0
    faq = seed_text[A000].index("Frequently Asked Questions")
    assert ev[ev["article_id"] == A000]["start"].max() < faq
    story = seed_text[A004].index("France, Algeria to resume")
    assert ev[ev["article_id"] == A004]["start"].max() < story


def test_articles_without_kept_text_give_no_rows():
    arts, segs = one("Clearly so.")
    segs["kept"] = False
    s, ev = stance.score(arts, segs)
    assert len(s) == 0 and len(ev) == 0 and list(s.columns) == STANCE_COLUMNS


# --------------------------------------------------------------------------- distinctive vocabulary
def test_distinctive_terms_hand_made():
    arts = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["left", "right"],
                         "text": ["The leftist government acts. The plan works.",
                                  "The government acts. The plan fails."]})
    segs = pd.DataFrame({"article_id": ["a", "b"], "segment_id": [0, 0], "start": [0, 0],
                         "end": [len(t) for t in arts["text"]], "kept": [True, True]})
    d = stance.distinctive_terms(arts, segs, stop_words=None)
    z = d.set_index(["outlet", "term"])["z"]
    assert z[("left", "leftist")] > 0 and z[("right", "fails")] > 0
    assert z[("left", "the")] < z[("left", "leftist")]
    # by default function words are dropped before n-grams are formed
    default = stance.distinctive_terms(arts, segs)
    assert "the" not in set(default["term"]) and "leftist government" in set(default["term"])
    assert ("right", "leftist") not in z.index          # a group's terms are the ones it uses
    row = d[(d["outlet"] == "left") & (d["term"] == "leftist government")].iloc[0]
    assert (row["count"], row["count_other"]) == (1, 0)


def test_distinctive_terms_on_the_seeds(seed_articles, seed_segments):
    d = stance.distinctive_terms(seed_articles, seed_segments)
    z = d.set_index(["outlet", "term"])["z"]
    assert z[(A002, "csam")] > 1.0                      # only 002 writes "CSAM"
    assert z[(A004, "leftist")] > 0                     # only 004 says "leftist government"
    assert (A002, "csam") in z.index and not any(t == "csam" for o, t in z.index if o != A002)
    top = d[d["outlet"] == A002].head(20)["term"].tolist()
    assert "csam" in top
    # n-grams never cross a sentence or a quote: "platforms.The" (002) gives no "platforms the".
    assert not (d["term"] == "platforms the").any()


# --------------------------------------------------------------------------- sentences, determinism
def test_sentences():
    t = 'Mr. Sanchez spoke. "It must end," he said.The U.S. firm said no. Is it?  See No. 5 (Fig. 2).'
    assert [t[a:b] for a, b in stance.sentences(t)] == \
        ['Mr. Sanchez spoke.', '"It must end," he said.', 'The U.S. firm said no.', 'Is it?',
         'See No. 5 (Fig. 2).']
    assert stance.sentences(t, 19, 42) == [(19, 42)]


def test_deterministic(seed_articles, seed_segments, seed_quotes):
    a = stance.score(seed_articles, seed_segments, seed_quotes)
    b = stance.score(seed_articles, seed_segments, seed_quotes)
    pd.testing.assert_frame_equal(a[0], b[0])
    pd.testing.assert_frame_equal(a[1], b[1])
    ev = a[1]
    key = ev.assign(_a=ev["article_id"].map({x: i for i, x in enumerate(seed_articles["article_id"])}))
    assert key.sort_values(["_a", "start", "end", "measure"], kind="stable").index.tolist() == list(ev.index)


def test_batches_do_not_change_the_result(seed_articles, seed_segments, seed_quotes, monkeypatch):
    whole = stance.score(seed_articles, seed_segments, seed_quotes)
    monkeypatch.setattr(stance, "CHUNK_ARTICLES", 2)
    parts = stance.score(seed_articles, seed_segments, seed_quotes)
    pd.testing.assert_frame_equal(whole[0], parts[0])
    pd.testing.assert_frame_equal(whole[1], parts[1])
    d_whole = stance.distinctive_terms(seed_articles, seed_segments, seed_quotes)
    monkeypatch.setattr(stance, "CHUNK_ARTICLES", 1)
    pd.testing.assert_frame_equal(d_whole, stance.distinctive_terms(seed_articles, seed_segments, seed_quotes))


def test_outlet_summary_pools_counts_per_outlet():
    """outlet_summary (all measures at once) gives, for each outlet, the
    pooled rate 1000 * sum(count) / sum(n_words) of every marker and voice,
    NaN where an outlet has no words of a voice, and term counts and shares
    with 0 for variants an outlet never uses."""
    texts = {"north": ["The firm allegedly erred. It was a crackdown.", "Officials may act soon."],
             "south": ['The minister said "we will never give up" and left.'],
             "west": ["Nothing to report today."]}
    arts = pd.DataFrame([{"article_id": f"{o}-{k}", "outlet": o, "text": t}
                         for o, ts in texts.items() for k, t in enumerate(ts)])
    segs = pd.DataFrame({"article_id": arts["article_id"], "segment_id": 0, "start": 0,
                         "end": arts["text"].str.len(), "kept": True})
    table, _ = stance.score(arts, segs)
    out = stance.outlet_summary(table, arts).set_index("outlet")
    assert sorted(out.index) == ["north", "south", "west"]
    markers = table[table["family"] == "marker"]
    checked = 0
    for (voice, measure), rows in markers.groupby(["voice", "measure"]):
        column = f"stance_{voice}_{measure}_per_1000"
        for outlet in out.index:
            mine = rows[rows["outlet"] == outlet]
            words = mine["n_words"].sum()
            expected = 1000 * mine["count"].sum() / words if words else np.nan
            got = out.loc[outlet, column]
            assert (np.isnan(got) and np.isnan(expected)) or got == pytest.approx(expected)
            checked += 1
    assert checked > 10
    assert out.loc["north", "stance_author_n_words"] == 12  # 4 + 4 + 4 words
    assert out.loc["west", "stance_quoted_n_words"] == 0
    assert np.isnan(out.loc["west", "stance_quoted_hedge_per_1000"])
    terms = [c for c in out.columns if "_term_" in c and c.endswith("_n")]
    assert terms and all(out[c].dtype == "int64" for c in terms)
    assert (out.loc["west", terms] == 0).all()
