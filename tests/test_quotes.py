"""Tests for framing.quotes: hand-made sentences and the five real seed articles."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from framing import quotes as Q
from helpers import one_article

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


_frames = one_article


def run(text: str, indirect: bool = False) -> pd.DataFrame:
    arts, segs = _frames(text)
    q = Q.extract(arts, segs, indirect=indirect)
    for r in q.itertuples():          # the offset contract
        assert text[r.start:r.end] == r.text
    return q


def one(q, needle):
    hits = q[q["text"].str.contains(needle, regex=False)]
    assert len(hits) == 1, (needle, q[["text", "kind"]].to_dict("records"))
    return hits.iloc[0]


# --------------------------------------------------------------------------- marks
@pytest.mark.parametrize("opening,closing", [
    ("“", "”"), ('"', '"'), ("«", "»"), ("„", "“"), ("‘", "’"), ("“", '"'), ("«", "”"),
])
def test_every_mark_style(opening, closing):
    text = f"{opening}We will not back down,{closing} said Maria Lopez, the mayor of Springfield."
    q = run(text)
    assert len(q) == 1
    r = q.iloc[0]
    assert r["text"] == "We will not back down,"
    assert r["kind"] == "direct"
    assert r["speaker"] == "Maria Lopez"
    assert r["verb"] == "say" and r["verb_class"] == "neutral"
    assert r["marks"] == opening + closing


def test_nested_quotes_are_one_quote():
    q = run("“He told me ‘never again’ and meant it,” said Tom Baker.")
    assert len(q) == 1
    assert q.iloc[0]["text"] == "He told me ‘never again’ and meant it,"
    assert q.iloc[0]["speaker"] == "Tom Baker"


def test_quote_across_paragraphs():
    text = ("Ann Lee, the council leader, spoke at length.\n"
            "“The first paragraph of the statement ends here.\n"
            "“The second paragraph closes it,” she said.")
    q = run(text)
    assert len(q) == 1
    r = q.iloc[0]
    assert r["text"].startswith("The first paragraph") and r["text"].endswith("closes it,")
    assert r["problem"] == ""
    assert r["speaker"] == "Ann Lee" and r["speaker_source"] == "pronoun"


def test_unbalanced_mark_reported_not_crashed():
    text = "He said “this never closes and the paragraph ends\nA new paragraph without quotes."
    q = run(text)
    assert len(q) == 1
    assert q.iloc[0]["problem"] == "unclosed quotation mark"
    assert q.iloc[0]["text"] == "this never closes and the paragraph ends"
    # a stray closing mark alone produces nothing and does not raise
    assert run("Nothing opened here” at all.").empty


def test_apostrophes_are_not_quotes():
    q = run("The company’s chief said the workers’ pay won’t rise in the ’90s style.")
    assert q.empty


# --------------------------------------------------------------------------- speakers
def test_speaker_positions_and_titles():
    text = ("Spain’s prime minister, Pedro Sánchez, criticised the platforms.\n"
            "“These platforms are harmful,” wrote Spain’s prime minister, Pedro Sánchez, on social media.\n"
            "Sánchez said: “The impunity must end.”\n"
            "“We will act,” the prime minister added.\n"
            "“It is a good day,” Mr. Sánchez told reporters.")
    q = run(text)
    assert len(q) == 4
    assert set(q["speaker"]) == {"Pedro Sánchez"}
    assert list(q["verb"]) == ["write", "say", "add", "tell"]
    assert one(q, "We will act")["speaker_source"] == "title"
    assert one(q, "We will act")["speaker_mention"] == "the prime minister"
    assert (q["speaker_type"] == "official").all()


def test_pronoun_back_reference_and_continuation():
    text = ("Elon Musk, the owner of X, attacked the plan.\n"
            "“This is tyranny,” he said.\n"
            "“Nobody voted for it.”")
    q = run(text)
    first, second = one(q, "tyranny"), one(q, "Nobody")
    assert first["speaker"] == "Elon Musk" and first["speaker_source"] == "pronoun"
    assert first["speaker_mention"] == "he"
    assert text[first["speaker_start"]:first["speaker_end"]] == "he"
    assert second["speaker"] == "Elon Musk" and second["speaker_source"] == "previous"
    assert first["speaker_type"] == "tech_owner"


def test_according_to_and_organisations():
    text = ("The European Commission opened a probe.\n"
            "According to Jane Roe, the fund is “almost empty.”\n"
            "“We work closely with member states,” a commission spokesperson said.\n"
            "“We hold platforms accountable,” the spokesperson added.\n"
            "Ireland’s Data Protection Commission said it found “serious failings.”")
    q = run(text)
    r = one(q, "almost empty")
    assert (r["speaker"], r["speaker_source"], r["kind"]) == ("Jane Roe", "according_to", "partial")
    r1, r2 = one(q, "member states"), one(q, "accountable")
    assert r1["speaker"] == r2["speaker"] == "European Commission spokesperson"
    assert r1["speaker_type"] == "regulator_or_body"
    r = one(q, "serious failings")
    assert r["speaker"] == "Data Protection Commission" and r["speaker_type"] == "regulator_or_body"


def test_documents_and_anonymous_sources():
    text = ("An expert report was published on Monday.\n"
            "“The risk is extreme,” the report warned.\n"
            "“We will not allow it,” Spanish government sources said.")
    q = run(text)
    r = one(q, "risk is extreme")
    assert (r["speaker"], r["speaker_type"], r["verb"], r["verb_class"]) == \
        ("expert report", "expert_or_report", "warn", "evaluative")
    r = one(q, "not allow")
    assert (r["speaker"], r["speaker_type"]) == ("Spanish government sources", "anonymous")


def test_scare_quotes_and_titles():
    text = ("The so-called “reform” was debated on “Meet the Press” last week.\n"
            "Officials said the plan was “dead on arrival.”")
    q = run(text)
    assert one(q, "reform")["kind"] == "scare"
    assert one(q, "Meet the Press")["kind"] == "scare"
    assert one(q, "Meet the Press")["speaker"] == ""
    r = one(q, "dead on arrival")
    assert r["kind"] == "partial" and r["speaker_type"] == "official"


def test_characterising_verb_makes_partial_quote():
    # a short quoted stretch after "portrayed ... as", "derided", "deemed" with an
    # actor as subject is that actor's wording, not the writer's scare quote
    text = ("Senator Mara Quill portrayed the toll bill as a “giveaway” to road builders.\n"
            "The mayor derided the “old guard” at the town fair.\n"
            "The review board deemed her “fit to serve” after a long hearing.\n"
            "A “pop-up” market opened in the square on Friday.")
    q = run(text)
    r = one(q, "giveaway")
    assert r["kind"] == "partial" and r["speaker"] == "Mara Quill" and r["verb"] == "portray"
    r = one(q, "old guard")
    assert r["kind"] == "partial" and r["speaker"] == "mayor"
    r = one(q, "fit to serve")
    assert r["kind"] == "partial" and r["verb"] == "deem"
    # no characterising verb, no actor: still a scare quote
    assert one(q, "pop-up")["kind"] == "scare"
    # the verb's own subject, not the sentence's: a relative clause, a pronoun
    # after "although", "made it clear"; a participle takes the sentence's subject
    text = ("Mr. Vole’s gloomy mood was far from the warm welcome by his niece Ada Vole, "
            "who portrayed him as a “true friend” of farmers.\n"
            "Ada Vole backed the plan, although she made it clear that she has “grave doubts” about its cost.\n"
            "Tom Birch took a full page in The Harbour Times, hammering the “lazy thinking” of the board.\n"
            "Mr. Birch’s “timid” budget pronouncements drew jeers.")
    q = run(text)
    r = one(q, "true friend")
    assert (r["kind"], r["speaker"], r["speaker_mention"]) == ("partial", "Ada Vole", "Ada Vole, who")
    r = one(q, "grave doubts")
    assert (r["kind"], r["speaker"], r["speaker_mention"], r["verb"]) == ("partial", "Ada Vole", "she", "make clear")
    r = one(q, "lazy thinking")
    assert (r["kind"], r["speaker"], r["verb"]) == ("partial", "Tom Birch", "hammer")
    # the owner of the pronouncements, two words away, spoke the quoted word
    r = one(q, "timid")
    assert (r["kind"], r["speaker_mention"], r["verb"]) == ("partial", "Birch’s", "say")


def test_indirect_speech():
    q = run("The minister said that the new law would take effect in March.", indirect=True)
    r = one(q, "new law")
    assert r["kind"] == "indirect"
    assert r["text"] == "the new law would take effect in March"


# --------------------------------------------------------------------------- seeds
@pytest.fixture(scope="module")
def seed_quotes():
    from framing.clean import segment
    from framing.corpus import load
    arts = load(SEEDS)
    segs = segment(arts)
    q = Q.extract(arts, segs)
    texts = dict(zip(arts["article_id"], arts["text"]))
    for r in q.itertuples():
        assert texts[r.article_id][r.start:r.end] == r.text
    return q


# (article prefix, start of the quoted words, kind, speaker, verb lemma, speaker_type)
SEED_QUOTES = [
    ("000", "the mental health, dignity and rights", "partial", "Pedro Sánchez", "say", "official"),
    ("000", "impunity", "partial", "Pedro Sánchez", "say", "official"),
    ("000", "large-scale", "partial", "Data Protection Commission", "announce", "regulator_or_body"),
    ("000", "amplified or protected", "partial", "Elma Saiz", "state", "official"),
    ("000", "digital wild west", "partial", "Pedro Sánchez", "call", "official"),
    ("000", "failed state where laws", "partial", "Pedro Sánchez", "argue", "official"),
    ("000", "amplify disinformation", "partial", "Pedro Sánchez", "criticize", "official"),
    ("000", "a tyrant and a traitor", "partial", "Elon Musk", "call", "tech_owner"),
    ("000", "true fascist totalitarian", "partial", "Elon Musk", "call", "tech_owner"),
    ("000", "pushing dangerous new regulations", "partial", "Pavel Durov", "accuse", "tech_owner"),
    ("000", "into a surveillance state", "partial", "Pavel Durov", "warn", "tech_owner"),
    ("000", "Spaniards cannot live", "direct", "Spanish government sources", "say", "anonymous"),
    ("001", "The impunity of the giants must end", "direct", "Pedro Sánchez", "state", "official"),
    ("001", "characterized by impunity", "partial", "technical report", "describe", "expert_or_report"),
    ("002", "These platforms are undermining", "direct", "Pedro Sánchez", "write", "official"),
    ("002", "The state cannot allow this", "direct", "Pedro Sánchez", "add", "official"),
    ("002", "We work closely with member states", "direct", "European Commission spokesperson", "say",
     "regulator_or_body"),
    ("002", "If a government, if a national", "direct", "European Commission spokesperson", "add",
     "regulator_or_body"),
    ("002", "bring order", "partial", "Pedro Sánchez", "pledge", "official"),
    ("002", "Dirty Sánchez is a tyrant", "direct", "Elon Musk", "write", "tech_owner"),
    ("003", "These platforms are undermining", "direct", "Pedro Sánchez", "state", "official"),
    ("003", "The impunity of these giants must end", "direct", "Pedro Sánchez", "declare", "official"),
    ("003", "investigate the crimes that X", "partial", "Pedro Sánchez", "urge", "official"),
    ("003", "We will protect them", "direct", "Pedro Sánchez", "declare", "official"),
    ("003", "crimes committed", "partial", "Pedro Sánchez", "accuse", "official"),
    ("004", "they may be committing", "partial", "Pedro Sanchez", "announce", "official"),
    ("004", "These platforms are harming", "direct", "Pedro Sanchez", "write", "official"),
    ("004", "techno-oligarchs", "partial", "Pedro Sanchez", "call", "official"),
]


def test_seed_quotes_found_once_with_speaker(seed_quotes):
    marked = seed_quotes[seed_quotes["kind"].isin(["direct", "partial"])]
    for prefix, start, kind, speaker, verb, stype in SEED_QUOTES:
        hits = marked[marked["article_id"].str.startswith(prefix) & marked["text"].str.startswith(start)]
        assert len(hits) == 1, (prefix, start, len(hits))
        r = hits.iloc[0]
        assert (r["kind"], r["speaker"], r["verb"], r["speaker_type"]) == (kind, speaker, verb, stype), \
            (prefix, start, r[["kind", "speaker", "verb", "speaker_type"]].to_dict())
    # nothing else in quotation marks counts as speech, and no scare quotes in the seeds
    assert len(marked) == len(SEED_QUOTES)
    assert (seed_quotes["kind"] != "scare").all()


# (article prefix, start of the reported content, speaker, verb lemma): indirect speech in the seeds
SEED_INDIRECT = [
    ("000", "social media firms could be involved", "expert report", "warn"),
    ("000", "it could not comment on the proposed investigation", "Meta", "say"),
    ("001", "platform operators could face criminal liability", "officials", "argue"),
    ("004", "it would ask prosecutors to investigate X, Meta and TikTok", "Spain's leftist government", "say"),
    # "Sira Rego has suggested ..., while Yolanda Díaz has publicly left the platform,
    # urging stronger regulation ...": the "while" clause has its own speaker
    ("001", "stronger regulation of major U.S. technology firms", "Yolanda Díaz", "urge"),
]


def test_seed_indirect_speech(seed_quotes):
    ind = seed_quotes[seed_quotes["kind"] == "indirect"]
    for prefix, start, speaker, verb in SEED_INDIRECT:
        hits = ind[ind["article_id"].str.startswith(prefix) & ind["text"].str.startswith(start)]
        assert len(hits) == 1, (prefix, start)
        assert (hits.iloc[0]["speaker"], hits.iloc[0]["verb"]) == (speaker, verb)
    # known false positives: a noun read as a verb ("an expert report analyzing"),
    # a verb with no reported content ("responded for comment"), the writer's
    # own "while ..." clause glued to the content
    assert not ind["text"].str.startswith("analyzing").any()
    assert not ind["text"].str.contains("for comment").any()
    assert not ind["text"].str.contains("Yolanda Díaz has publicly left").any()
    rego = ind[ind["speaker"] == "Sira Rego"]
    assert list(rego["text"]) == ["a potential ban on X"]
    # "None of the social media platforms responded for comment ...": no quote of any kind
    assert not seed_quotes["text"].str.contains("responded|None of the", regex=True).any()


def test_false_indirect_sentences():
    q = run("The action is based on an expert report analyzing the liability of platforms.\n"
            "None of the platforms responded for comment in time for publication.\n"
            "Ann Lee has suggested a ban on X, while Tom Ray has publicly left the platform.", indirect=True)
    assert list(q["text"]) == ["a ban on X"]
    assert q.iloc[0]["speaker"] == "Ann Lee"


def test_while_clause_has_its_own_speaker():
    q = run("Ann Lee has suggested a ban on X, while Tom Ray has publicly left the platform, "
            "urging stronger rules for large technology firms.", indirect=True)
    assert list(zip(q["text"], q["speaker"], q["verb"])) == [
        ("a ban on X", "Ann Lee", "suggest"),
        ("stronger rules for large technology firms", "Tom Ray", "urge")]


def test_speaker_names_and_clauses():
    text = ("Hillary Clinton was joined by her husband, retired astronaut Mark Kelly.\n"
            "\"Elections matter,\" Kelly said.\n"
            "Wilson praised Rubio's record and said the Florida senator can \"bring positive change\" to Washington.\n"
            "Sims says he was \"kind of riding the fence\" until Haley said she was backing Rubio.\n"
            "Richard Cross said he will vote for Clinton, whom he called \"the most divisive figure\" in politics.\n"
            "Trump survived being shot at, he said, \"and that was scary for everybody in the room.\"")
    q = run(text)
    assert one(q, "Elections matter")["speaker"] == "Mark Kelly"
    assert one(q, "positive change")["speaker"] == "Wilson"
    assert one(q, "riding the fence")["speaker"] == "Sims"
    assert one(q, "most divisive")["speaker"] == "Richard Cross"
    assert one(q, "scary")["verb"] == "say"


def test_seed_dropped_segments_give_no_quotes(seed_quotes):
    s4 = seed_quotes[seed_quotes["article_id"].str.startswith("004")]
    assert not s4["text"].str.contains("reactivate|glorifying|restoring normal", regex=True).any()
    assert (s4["start"] < 2219).all()        # the appended France-Algeria story starts at 2219
    s0 = seed_quotes[seed_quotes["article_id"].str.startswith("000")]
    assert (s0["start"] < 4082).all()        # the FAQ block starts at 4082


def test_outlet_summary(seed_quotes):
    from framing.corpus import load
    arts = load(SEEDS)
    summ = Q.outlet_summary(seed_quotes, arts)
    assert list(summ["outlet"]) == sorted(arts["outlet"])
    assert all(c == "outlet" or c.startswith("quotes_") for c in summ.columns)
    row = summ.set_index("outlet").loc[arts["outlet"][arts["article_id"].str.startswith("002")].iloc[0]]
    assert row["quotes_n_direct"] == 5 and row["quotes_n_partial"] == 1
    assert row["quotes_share_tech_owner"] == pytest.approx(
        (seed_quotes[seed_quotes.article_id.str.startswith("002") & seed_quotes.kind.isin(["direct", "partial", "indirect"])]
         ["speaker_type"] == "tech_owner").mean())
    words = summ[[c for c in summ.columns if c.startswith("quotes_words_share_")]]
    assert ((words.sum(axis=1) - 1).abs() < 1e-9).all()


def test_empty_and_error_articles():
    arts = pd.DataFrame({"article_id": ["x", "y"], "outlet": ["o", "o"], "text": ["", "text"],
                         "status": ["error", "ok"]})
    segs = pd.DataFrame({"article_id": ["y"], "segment_id": [0], "start": [0], "end": [4], "kept": [True]})
    q = Q.extract(arts, segs)
    assert list(q.columns) == Q.COLUMNS and q.empty


def test_relative_clause_speaker_mention():
    # the verb's subject is "who": the mention runs from the name to it
    q = run("Glenn Beck, who has in the past described Trump as “a dangerous man,” spoke on Friday.\n"
            "“We lost,” said Tom Baker, who was at the rally, in an interview.")
    r = one(q, "dangerous man")
    assert (r["speaker"], r["speaker_mention"]) == ("Glenn Beck", "Glenn Beck, who")
    r = one(q, "We lost")
    assert (r["speaker"], r["speaker_mention"]) == ("Tom Baker", "Tom Baker")


def test_places_and_days_do_not_speak():
    q = run("Speaking at a town hall in Salem, New Hampshire, Trump went after Bush, calling him “a total stiff.”\n"
            "At the meeting in Hudson, New Hampshire Monday, the Christie supporter retorted: “There is a special place for them.”\n"
            "House Speaker Paul Ryan of Wisconsin lamented the “disheartened” state of the campaign.")
    assert one(q, "total stiff")["speaker"] == "Trump"
    assert one(q, "special place")["speaker_mention"] == "the Christie supporter"
    assert one(q, "disheartened")["speaker"] == "Paul Ryan"


def test_dash_signature_in_the_same_paragraph():
    q = run("“He represents our greatest shame.” ― Sonya Herridge\n"
            "“He is ignorant of our culture.”― Pamela Padilla.")
    assert one(q, "greatest shame")["speaker"] == "Sonya Herridge"
    assert one(q, "ignorant")["speaker"] == "Pamela Padilla"


def test_final_attribution_with_a_long_apposition():
    q = run("\"He can assert it, but it seems extremely unlikely\" that Sanders can catch Clinton, said Steve "
            "Elmendorf, deputy campaign manager for John Kerry's 2004 Democratic presidential campaign.")
    assert one(q, "extremely unlikely")["speaker"] == "Steve Elmendorf"


def test_dash_signature_read_as_a_bullet():
    # cleaning may keep "- Bernie Sanders." as a bullet segment starting after the dash
    text = "\"Almost all new income is going to the top 1 percent.\"\n\n- Bernie Sanders.\n\n- An aside -.\n"
    arts = pd.DataFrame({"article_id": ["a"], "outlet": ["o"], "text": [text], "status": ["ok"]})
    i = text.index("Bernie")
    segs = pd.DataFrame({"article_id": ["a", "a"], "segment_id": [0, 1], "start": [0, i],
                         "end": [text.index("\n"), i + len("Bernie Sanders.")], "kept": [True, True]})
    q = Q.extract(arts, segs)
    assert list(q["speaker"]) == ["Bernie Sanders"]
    q = run("\"So there is resistance among many Americans.\"\n- An immigrant himself -.")
    assert list(q["speaker"]) == [""]


def test_number_before_a_role_and_abbreviation_in_an_apposition():
    q = run("“They are 100 percent wrong,” said 9/11 widow Terry Strada.\n"
            "“Our assumption is that the veto will be overridden,” Senate leader Mitch McConnell, R-Ky., said Tuesday.")
    assert one(q, "100 percent")["speaker"] == "Terry Strada"
    assert one(q, "overridden")["speaker_mention"] == "Senate leader Mitch McConnell"
    # a number alone is no speaker
    assert run("“It was 50 percent more,” said 76 people.").iloc[0]["speaker"] == ""


def test_description_needs_a_noun_at_its_end():
    # "a leader to" / "the party to" are no speakers: the clause subject is
    q = run("McConnell says that the American people are seeking a leader to counter threats, but instead "
            "Obama is giving them “lectures, distractions, and attempts to undermine their rights.”\n"
            "A letter to committee members calls for the party to respond by recognizing that "
            "“radical Islamic terrorism” poses an “existential threat” to freedom.")
    assert one(q, "lectures")["speaker"] == "McConnell"
    assert one(q, "existential")["speaker_mention"] == "A letter"


def test_as_x_put_it():
    q = run("As the columnist Dana Milbank puts it, “Senate Republicans are unmoved.”\n"
            "He put the bill “on hold” last week.")
    r = one(q, "unmoved")
    assert (r["speaker"], r["verb"], r["verb_class"]) == ("Dana Milbank", "put it", "neutral")
    assert one(q, "on hold")["kind"] == "scare"


def test_surname_ending_in_ly_after_said():
    # "Skelly," after "said" is a name, not a sentence adverb like "Clearly,"
    q = run("“Having access to the file is valuable,” said Skelly, explaining he worked with her.")
    assert one(q, "Having access")["speaker"] == "Skelly"


def test_coordinated_speakers_before_verb():
    q = run("“Tritium would enable bigger weapons,” nuclear experts David Albright and "
            "Serena Kelleher of the Institute for Science wrote in September.")
    r = one(q, "Tritium")
    assert r["speaker"] == "David Albright" and r["verb"] == "write"


def test_noun_after_said_is_not_the_speaker():
    # the subject ends at "state"; "the U.S." is inside the reported clause
    q = run("The former secretary of state said the U.S. “clearly” needed a stronger air campaign.")
    r = one(q, "clearly")
    assert r["speaker_mention"].startswith("The former secretary") and r["verb"] == "say"


def test_outer_speaker_of_a_that_clause():
    q = run("Barack Obama said he expected that Americans will say “no” to the plan.")
    assert one(q, "no")["speaker"] == "Barack Obama"


def test_thing_called_a_title_is_not_the_speaker():
    q = run("Ivanka Trump, the eldest daughter, has been busy writing a book called “Women Who Work” this year.")
    assert one(q, "Women Who Work")["speaker"] == "Ivanka Trump"


def test_pronoun_after_said_keeps_the_outer_speaker():
    # "he" is Tom Baker, but the quoted words are Mary Cole's
    q = run("Kate Lin praised Tom Baker on Monday. Mary Cole said he was “a strong leader” of the group.")
    assert one(q, "a strong leader")["speaker"] == "Mary Cole"


def test_quantifier_subject_speaks():
    q = run("Several said they would rather fund schools through “block grants” to states.")
    assert one(q, "block grants")["speaker_mention"] == "Several"


def test_partial_quote_continues_the_previous_sentences_speaker():
    q = run("Maria Lopez added that the rules were written in haste. But that is not the same thing "
            "as “properly chargeable under the law.”")
    r = one(q, "properly chargeable")
    assert (r["kind"], r["speaker"], r["speaker_source"]) == ("partial", "Maria Lopez", "previous")


def test_subject_before_a_dashed_aside():
    q = run("Paul Ryan -- whose aides were furious -- said the bill “is a real mess and we all know it.”")
    r = one(q, "real mess")
    assert (r["speaker"], r["speaker_mention"]) == ("Paul Ryan", "Paul Ryan")


def test_said_of_after_a_long_apposition():
    q = run("“They are very open to trying new things,” Jenna Golden, the director of political "
            "advertising at the firm, said of the campaign.")
    assert one(q, "open to trying")["speaker"] == "Jenna Golden"


def test_own_sentence_attribution_beats_the_next_sentence():
    q = run("Chris Christie bristled at the suggestion, saying, “The advice I give to Donald is to Donald.” "
            "Mike Pence also said the plan would not change.")
    assert one(q, "advice I give")["speaker"] == "Chris Christie"


def test_pronoun_prefers_the_speaking_subject_of_its_sentence():
    q = run("Tom Cross met voters. With a vote for Donald Trump ruled out, Cross said he is left with two "
            "options: Hillary Clinton, whom he called “the most divisive political figure in the past 25 years.”")
    assert one(q, "most divisive")["speaker"] == "Tom Cross"


def test_clause_before_a_colon_speaks_not_its_last_noun_phrase():
    q = run("Tim Kaine has adopted the stance common among some Catholics in public office: "
            "“I am personally opposed, but I support the law.”")
    assert one(q, "personally opposed")["speaker"] == "Tim Kaine"


def test_as_x_said_attributes_the_quote():
    q = run("Ferrer said the plan was sound. “We will not wait,” as Ribera said on Monday.")
    assert one(q, "We will not wait")["speaker"] == "Ribera"
    # a noun after "as" is not an attribution verb
    q = run("Nobody in the room was surprised. “It was a gift,” as his brother's letter shows.")
    assert one(q, "It was a gift")["speaker"] != "his brother"


def test_place_between_speaker_and_verb():
    q = run("“I have never voted for him,” a woman in Worcester, Massachusetts, told the reporter.")
    row = one(q, "never voted for him")
    assert row["speaker_mention"] == "a woman" and row["verb"] == "tell"


def test_abbreviation_dot_inside_an_apposition():
    q = run("Ann Wills, a teacher from Raleigh, N.C. and a union member, said: “The vote is a disgrace.”")
    assert one(q, "vote is a disgrace")["speaker"] == "Ann Wills"


# --------------------------------------------------------------------------- speaker rules (PolNeAR error study)
def test_sentence_initial_common_word_is_not_a_name():
    # "Hours" is only capitalised because it opens the sentence ("hours" is
    # written in lower case elsewhere): the speaker is the pronoun after it
    q = run("Governor Rita Vance spent two hours at the flooded school. She met parents there.\n"
            "Hours later, she issued a statement calling for “calm and patience in the days ahead.”")
    row = one(q, "calm and patience")
    assert row["speaker_mention"] == "she"
    assert row["speaker"] == "Rita Vance"


def test_common_word_opening_a_description_still_speaks():
    # the same capitalised common word can open a speaker description
    q = run("Several nuclear plants reopened. Nuclear experts warned of “a long and costly repair.”")
    assert one(q, "costly repair")["speaker_mention"] == "Nuclear experts"


def test_passive_agent_before_the_quote_speaks():
    q = run("Ruiz was asked by radio host Mary Tolland whether his plan would mean "
            "“a tax increase for every family in the state.”")
    row = one(q, "tax increase")
    assert row["speaker"] == "Mary Tolland" and row["verb"] == "ask"


def test_passive_agent_after_the_quote_speaks():
    q = run("The new law was called “a disaster for renters” by Mayor Jim Oakes on Friday.")
    row = one(q, "disaster for renters")
    assert row["speaker"] == "Jim Oakes" and row["verb"] == "call"
    # a "by" that belongs to the writer's noun phrase is not an agent
    q = run("Lopez called it a smear that was reported in a “hit piece” by The Valley Times.")
    assert one(q, "hit piece")["speaker"] != "Valley Times"


def test_final_said_x_with_a_relative_clause_in_the_apposition():
    q = run("Tom Reyes spoke first.\n"
            "“We are extremely pleased” with the ruling, said Ann Harte, director of the Valley Tenants "
            "Union, a group that sued the city.")
    assert one(q, "extremely pleased")["speaker"] == "Ann Harte"


def test_unlisted_verb_with_an_object_after_a_spoken_quote():
    q = run("Mayor Tom Reyes spoke first.\n“Your record is amazing,” Lopez assured the host.")
    assert one(q, "record is amazing")["speaker"] == "Lopez"


def test_name_inside_reported_speech_is_not_the_speaker():
    q = run("Ruiz said he is certain Lopez will continue to be “a friend of the workers.”")
    assert one(q, "friend of the workers")["speaker"] == "Ruiz"
    # a new clause after a comma has its own subject
    q = run("Ruiz said the plan was fine, and Lopez vowed to “fight it in every court.”")
    assert one(q, "every court")["speaker"] == "Lopez"


def test_two_quotes_share_the_attribution_after_the_second():
    q = run("Guns are “a public health crisis” and “a threat to our children,” Mary Tolland, "
            "the former governor of Utah, told the crowd on Tuesday.")
    assert one(q, "public health crisis")["speaker"] == "Mary Tolland"
    assert one(q, "threat to our children")["speaker"] == "Mary Tolland"


def test_coordinated_verb_takes_the_subject_of_the_first_verb():
    q = run("The anxiety was clear when House Speaker Tom Rand of Ohio lamented the “sorry” state of the "
            "race and criticized the “identity politics” on display in the campaign.")
    assert one(q, "identity politics")["speaker"] == "Tom Rand"
    # the subject of an opening "As ..." clause is not the subject of the main clause
    q = run("As the crowd began to chant, Sara Mills was joined on stage by a friend and joked, "
            "“You are all being ridiculous tonight.”")
    assert one(q, "ridiculous tonight")["speaker"] == "Sara Mills"


def test_point_out_and_assure_are_reporting_verbs():
    q = run("Tom Reyes spoke first.\nAs the auditor Ann Harte pointed out last week, "
            "“the books do not balance and never did.”")
    row = one(q, "books do not balance")
    assert (row["speaker"], row["verb"], row["verb_class"]) == ("Ann Harte", "point out", "neutral")
    q = run("Tom Reyes spoke first.\nMayor Ann Harte assured reporters that the budget was "
            "“fully funded and ready to go.”")
    row = one(q, "fully funded")
    assert (row["speaker"], row["verb"], row["verb_class"]) == ("Ann Harte", "assure", "assertive")
    # "pointed" without "out" is no reporting verb
    q = run("Tom Reyes spoke first.\nAnn Harte pointed to the “fully funded” budget.")
    assert one(q, "fully funded")["verb"] != "point out"


def test_a_show_or_book_title_next_to_an_attribution_is_no_quote():
    q = run("“We will win this state,” Ann Harte said on WXYZ’s “Valley Morning Live,” adding that "
            "turnout would be high.")
    assert one(q, "Valley Morning Live")["kind"] == "scare"
    assert one(q, "We will win")["speaker"] == "Ann Harte"
    q = run("“Nobody reads the fine print,” Tom Reyes told “Good Day Springfield” on Monday.")
    assert one(q, "Good Day Springfield")["kind"] == "scare"
    q = run("Ann Harte said on the podcast “Tenants Talk” that the rents were “simply too high.”")
    assert one(q, "Tenants Talk")["kind"] == "scare"
    assert one(q, "simply too high")["speaker"] == "Ann Harte"
    q = run("Tom Reyes said the mayor was “Out of Touch” with renters, “Valley Hour” host Ann Harte wrote.")
    assert one(q, "Valley Hour")["kind"] == "scare"
    # a title that ends the sentence after a word naming a work
    q = run("Ann Harte once starred in the cable show “Rent Wars.” She later wrote a memoir, “Paper Walls.”")
    assert one(q, "Rent Wars")["kind"] == "scare"
    assert one(q, "Paper Walls")["kind"] == "scare"
    # capitalised words that are speech stay quotes
    q = run("Ann Harte raised her fist. “Never Again,” she told the crowd.")
    row = one(q, "Never Again")
    assert row["kind"] != "scare" and row["speaker"] == "Ann Harte"


def test_a_paragraph_opening_with_a_closing_mark_opens_the_quote():
    q = run("Ann Harte, the mayor, spoke on Monday.\n"
            "” … in the case of the bridge, the money has already left the station,” she said.\n"
            "\u202a”We are not giving up,” said Tom Reyes.")
    row = one(q, "money has already left")
    assert row["text"] == " … in the case of the bridge, the money has already left the station,"
    assert row["speaker"] == "Ann Harte"
    assert one(q, "not giving up")["speaker"] == "Tom Reyes"


def test_a_height_in_feet_and_inches_is_no_quotation_mark():
    q = run("Tom Reyes spoke first.\n“He keeps calling me short. He is like 6’2”,” Reyes said.\n"
            "“I am 5’11” and proud of it,” said Ann Harte.")
    assert q["text"].tolist() == ["He keeps calling me short. He is like 6’2”,", "I am 5’11” and proud of it,"]
    assert q["speaker"].tolist() == ["Tom Reyes", "Ann Harte"]


def test_coordinated_said_after_but_now_keeps_the_clause_subject():
    q = run("Ann Harte used to back the plan, but now said Reyes had “no idea what he was doing.”")
    assert one(q, "no idea")["speaker"] == "Ann Harte"


def test_verb_first_attribution_after_an_opening_phrase():
    q = run("Tom Reyes spoke first.\nBecause of how the council drafted the budget, explained Ann Harte, "
            "“nobody will get a raise this year.”")
    row = one(q, "nobody will get a raise")
    assert (row["speaker"], row["verb"]) == ("Ann Harte", "explain")
    q = run("Tom Reyes spoke first.\nIn the end, said Ann Harte, the mayor of Springfield, "
            "“nobody will get a raise this year.”")
    assert one(q, "nobody will get a raise")["speaker"] == "Ann Harte"


def test_a_second_speaker_in_an_as_clause_and_a_noun_subject_with_a_past_verb():
    q = run("Tom Reyes spoke first.\n“Thank you,” Reyes said as a protester yelled: “Go home!”")
    assert one(q, "Thank you")["speaker"] == "Tom Reyes"
    row = one(q, "Go home")
    assert (row["speaker_mention"], row["verb"]) == ("a protester", "yell")
    # but a time word is no subject: "in the past described"
    q = run("Ann Harte, who has in the past described Reyes as “a menace to the city,” spoke first.")
    assert one(q, "menace")["speaker"] == "Ann Harte"


def test_the_object_of_an_opening_clause_is_no_apposition():
    q = run("Tom Reyes spoke first.\nAs Ann Harte attacked Reyes, the attendees chanted, “Out, out, out!”")
    assert one(q, "Out, out")["speaker_mention"] == "the attendees"


def test_possessive_subject_with_a_verb_after_its_head_and_a_saying_clause():
    q = run("Tom Reyes spoke first.\nIn response to the plan to close the bridge to trucks from Canada, "
            "Ann Harte’s top aide rallied supporters, saying: “We have to be ready to stop him.”")
    assert one(q, "ready to stop him")["speaker_mention"] == "Ann Harte’s top aide"


def test_saying_after_a_postposed_attribution_belongs_to_its_speaker():
    q = run("Tom Reyes spoke first.\nReyes cannot say that “from his seat,” Ann Harte added, saying it "
            "should be “up to the voters to decide.”")
    assert one(q, "from his seat")["speaker"] == "Ann Harte"
    assert one(q, "up to the voters")["speaker"] == "Ann Harte"


def test_a_parenthetical_attribution_speaks_for_the_sentence():
    q = run("Tom Reyes spoke first.\nThe Times, Ann Harte said, called the announcement “highly significant.”")
    assert one(q, "highly significant")["speaker"] == "Ann Harte"
    q = run("Tom Reyes spoke first.\nReyes, a top aide said, “is very confident in the contrast” with the mayor.")
    assert one(q, "very confident")["speaker_mention"] == "a top aide"
    # an apposition closed by a comma still names the speaker
    q = run("Tom Reyes spoke first.\nLisa Moreno, a spokeswoman for the agency, said it was “a good day.”")
    assert one(q, "a good day")["speaker"] == "Lisa Moreno"


def test_places_and_agents_inside_the_subject_do_not_speak():
    q = run("Tom Reyes spoke first.\nReyes is assuring voters he is tough after a woman in Salem, Oregon, "
            "told him she worries he is “too nice” to win.")
    assert one(q, "too nice")["speaker_mention"] == "a woman in Salem, Oregon"
    q = run("Tom Reyes spoke first.\nPaul Ryan of Janesville, Wisconsin, said the plan was “dead on arrival.”")
    assert one(q, "dead on arrival")["speaker"] == "Paul Ryan"
    q = run("Tom Reyes spoke first.\nA letter from the Valley Tenants Union obtained by The Associated Press "
            "warns that “any further delay will be challenged in court.”")
    assert one(q, "further delay")["speaker"] == "Valley Tenants Union"


def test_verb_first_parenthetical_attribution_mid_sentence():
    q = run("Tom Reyes spoke first.\nThe paradox of the plan, says Ann Harte, a historian at Valley College, "
            "is that it was “one of the most ambitious plans ever.”")
    assert one(q, "most ambitious")["speaker"] == "Ann Harte"
    q = run("Tom Reyes spoke first.\nIn the end, said Ann Harte, the plan was “dead on arrival.”")
    assert one(q, "dead on arrival")["speaker"] == "Ann Harte"


def test_an_earlier_partial_quote_shares_the_closing_attribution():
    q = run("Tom Reyes spoke first.\nThe program was a “good thing” that yielded “frankly good information,” "
            "Ann Harte said.")
    assert one(q, "good thing")["speaker"] == "Ann Harte"
    assert one(q, "frankly good")["speaker"] == "Ann Harte"


def test_the_name_in_an_apposition_after_a_role_speaks():
    q = run("Tom Reyes spoke first.\nIn a statement to the Observer, her senior policy adviser, Ann Harte, "
            "said: “The mayor believes in cooperation.”")
    assert one(q, "believes in cooperation")["speaker"] == "Ann Harte"
    q = run("Tom Reyes spoke first.\nThe mayor’s campaign chairman, Ann Harte, said in a statement: "
            "“Tonight the council failed us.”")
    assert one(q, "council failed us")["speaker"] == "Ann Harte"


def test_age_and_hometown_appositions_and_long_roles_before_a_name():
    q = run("Tom Reyes spoke first.\nAnn Harte, 34, of Salem, Ore., said the rent was “simply too high.”")
    assert one(q, "simply too high")["speaker"] == "Ann Harte"
    q = run("Tom Reyes spoke first.\n“I am not going to say it is a mistake,” said retired neurosurgeon Ann Harte.")
    assert one(q, "not going to say")["speaker"] == "Ann Harte"


def test_a_possessive_claim_inside_reported_speech_is_not_the_speaker():
    q = run("Tom Reyes spoke first.\nValley spokeswoman Ann Harte said Thursday that Reyes’s claim that the "
            "city was broke was “absolutely false.”")
    assert "Ann Harte" in one(q, "absolutely false")["speaker"]
    # without an outer speaker the possessive still speaks
    q = run("Tom Reyes spoke first.\nReyes’s claim that the city was broke was “absolutely false.”")
    assert one(q, "absolutely false")["speaker"] == "Tom Reyes"


def test_name_in_commas_with_an_adverb_before_the_verb():
    q = run("Tom Reyes spoke first.\nOne of the firm’s top executives, Ann Harte, subsequently testified in "
            "court that “none of the staff” were trained.")
    row = one(q, "none of the staff")
    assert (row["speaker"], row["verb"]) == ("Ann Harte", "testify")


def test_colon_after_a_clause_whose_subject_has_an_aside():
    q = run("Tom Reyes spoke first.\nThe Harte campaign, in a note on its website, worded it even more "
            "carefully: “The mayor never saw the files.”")
    assert one(q, "never saw the files")["speaker_mention"] == "The Harte campaign"


def test_stated_of_a_topic_is_still_an_attribution():
    q = run("Tom Reyes spoke first.\nLater in the show, after the Reyes interview concluded, Ann Harte stated "
            "of the scandal that the council’s report “wasn’t good.”")
    row = one(q, "wasn’t good")
    assert (row["speaker"], row["verb"]) == ("Ann Harte", "state")
    # a noun "state of" is no verb
    q = run("Tom Reyes spoke first.\nAnn Harte lamented the “sorry” state of the budget and criticized the "
            "“identity politics” on display.")
    assert one(q, "identity politics")["speaker"] == "Ann Harte"


def test_a_coordinated_subject_issuing_a_statement():
    q = run("Tom Reyes spoke first.\nReyes and Harte issued a statement describing their meeting as a "
            "“very positive step toward unity.”")
    assert one(q, "positive step")["speaker_mention"] == "Reyes and Harte"


def test_a_paragraph_ending_with_a_colon_introduces_the_quote_paragraph():
    q = run("Tom Reyes spoke first. When Reyes resigned in 1998, Mayor Ann Harte released the following "
            "statement:\n“We wish him well and thank him for his service.”")
    assert one(q, "wish him well")["speaker"] == "Ann Harte"
    # but only for a quote opening its paragraph
    q = run("Do you support the mayor? Like the page:\nThe former governor spoke next. “Nobody wants that,” "
            "Ann Harte said. “But the voters decide.”")
    assert one(q, "voters decide")["speaker"] == "Ann Harte"


def test_an_adverb_in_ly_does_not_hide_the_speaker_of_indirect_speech():
    q = run("City leaders consistently maintain that the new rules are solely about safety.", indirect=True)
    row = one(q, "new rules")
    assert (row["kind"], row["speaker"], row["verb"]) == ("indirect", "City leaders", "maintain")
    # and an opening phrase before "X vehemently denied" is not what X said
    q = run("At that time, the council vehemently denied any wrongdoing.", indirect=True)
    assert "At that time" not in q["text"].tolist()


def test_a_name_ending_an_opening_phrase_is_no_apposition():
    q = run("Tom Reyes spoke first.\nIn an interview with Valley Radio hosts Tom Reyes and Jim Oakes, the "
            "Democratic candidate stated that the mayor’s “divisive” comments were wrong.")
    assert one(q, "divisive")["speaker_mention"] == "the Democratic candidate"


def test_next_sentence_attribution_with_a_relative_clause_on_the_interview():
    q = run("Tom Reyes spoke first.\n“It looks like we will not have a good relationship, who knows?” "
            "Ann Harte told Canada’s CBC television station in an interview that aired on Monday.")
    assert one(q, "good relationship")["speaker"] == "Ann Harte"


def test_closing_attribution_followed_by_a_participle_covers_the_earlier_quote():
    q = run("Tom Reyes spoke first.\nReyes’s “excesses” are sickening, Ann Harte said Tuesday in Paris, "
            "noting the mayor “makes you want to retch.”")
    assert q["speaker"].tolist() == ["Ann Harte", "Ann Harte"]


def test_objects_of_to_and_asides_inside_the_subject():
    q = run("Tom Reyes spoke first.\nAnn Harte’s fundraising email to her supporters notes that the mayor "
            "“is a civil rights attorney who fought for housing.”")
    assert one(q, "civil rights")["speaker_mention"] == "Ann Harte’s fundraising email"
    q = run("Tom Reyes spoke first.\nProponents of the new bill, however, say it would keep "
            "“enough federal safeguards in place.”")
    assert one(q, "safeguards")["speaker_mention"] == "Proponents of the new bill"


def test_time_openers_with_numbers_are_not_names():
    q = run("Tom Reyes spoke first.\nEight years ago, he supported Ann Harte over Jim Oakes and said, "
            "“Oakes has never done anything for us.”")
    assert one(q, "never done anything")["speaker"] == "Tom Reyes"
    q = run("Tom Reyes spoke first.\nMinutes later, he sent an email saying, “done and dusted.”")
    assert one(q, "done and dusted")["speaker"] == "Tom Reyes"
    # a count that is the subject stays one
    q = run("Tom Reyes spoke first.\nHundreds of tenants marched downtown, chanting “no more rent hikes.”")
    assert one(q, "no more rent")["speaker_mention"].startswith("Hundreds")


def test_markup_attribute_values_are_no_quotes():
    q = run('Tom Reyes spoke first.\n<tweet tweet-author="@annharte" tweet-date="January 19, 2016\n'
            '">I love this city. Whatever happens, I will always be a big fan.<tweet/>\n'
            '“We will win,” said Ann Harte.')
    assert q["text"].tolist() == ["We will win,"]
    assert q["speaker"].tolist() == ["Ann Harte"]


def test_a_bare_next_sentence_attribution_with_an_unlisted_verb():
    q = run("Tom Reyes spoke first. “It is negotiable,” Reyes said.\n"
            "“Would it be negotiable about the budget?” Ann Harte pressed. “Maybe some people could stay.”")
    assert one(q, "negotiable about the budget")["speaker"] == "Ann Harte"
    # not a new sentence about something else
    q = run("“We need to act,” said Ann Harte. “Nobody else will.” Bills were introduced last year.")
    assert one(q, "Nobody else will")["speaker"] == "Ann Harte"


def test_prepositions_and_verbs_end_a_speaker_phrase():
    q = run("Tom Reyes spoke first.\nFrustrated, Ann Harte said she “cannot walk down the street” without "
            "reporters asking her about the mayor.")
    assert one(q, "walk down the street")["speaker"] == "Ann Harte"
    q = run("Tom Reyes spoke first.\nEven before Reyes took the stage Tuesday night, his campaign sent out a "
            "text message to supporters saying: “We won big tonight.”")
    assert one(q, "won big tonight")["speaker_mention"] == "his campaign"
    q = run("Tom Reyes spoke first.\nA fundraising email sent out by Ann Harte on Tuesday night warned of the "
            "tough fight ahead: “There are fourteen votes over the next three weeks.”")
    assert one(q, "fourteen votes")["speaker"] == "Ann Harte"


def test_a_name_right_before_a_participle_after_with_or_a_dash_speaks():
    q = run("Tom Reyes spoke first.\nThe debate went on, with Republican Senator Ann Harte telling reporters "
            "on Thursday she viewed Reyes as “directly responsible” for the mess.")
    assert one(q, "directly responsible")["speaker"] == "Ann Harte"
    q = run("Tom Reyes spoke first.\nAfter the meeting, both men issued a statement expressing hope – Reyes "
            "saying he was “very encouraged” and Harte calling it a “great meeting.”")
    assert one(q, "very encouraged")["speaker"] == "Tom Reyes"
    assert one(q, "great meeting")["speaker"] == "Harte"


def test_a_share_of_those_polled_speaks():
    text = ("The survey of farmers was released on Monday.\n"
            "However, 41 percent said the mayor was “out of touch” with rural towns, and 55% say the "
            "budget is “too large.” About three in 10 said the fee was “unfair.”")
    q = run(text)
    r = one(q, "out of touch")
    assert (r["speaker_mention"], r["speaker"]) == ("41 percent", "41 percent")
    assert one(q, "too large")["speaker_mention"] == "55%"
    assert one(q, "unfair")["speaker"] == "three in 10"


def test_a_parenthesised_sentence_keeps_its_subject():
    q = run("The council met on Tuesday.\n(Harte's spokeswoman brushed aside the charge that Harte "
            "had ever “insulted” the mayor. The office declined to say more.)")
    assert one(q, "insulted")["speaker_mention"] == "Harte's spokeswoman"


def test_the_previous_sentence_subject_past_a_relative_clause_and_a_quoted_title():
    q = run("The council met on Tuesday. “We will see,” said Tom Reyes.\n"
            "On the radio, Sen. Ann Harte (Ore.), who lost the primary to Reyes, named the budget as one "
            "reason to vote. “The young people are more engaged than ever before.”")
    assert one(q, "young people")["speaker"] == "Ann Harte"
    q = run("The council met on Tuesday. “We will see,” said Tom Reyes.\n"
            "On “Meet the Town,” Sen. Ann Harte (Ore.), who lost the primary to Reyes, named the budget as "
            "one reason to vote. “The young people are more engaged than ever before.”")
    assert one(q, "young people")["speaker"] == "Ann Harte"


def test_a_past_verb_after_a_name_ends_the_name():
    q = run("The council met on Tuesday and Tom Reyes spoke first.\n"
            "“You think I am going to quit?” Harte asked reporters angrily during a news conference last week.")
    r = one(q, "going to quit")
    assert (r["speaker"], r["speaker_mention"], r["verb"]) == ("Harte", "Harte", "ask")


def test_a_noun_after_a_share_is_no_verb():
    q = run("The council met on Tuesday.\n"
            "FactFinder rated 22% of Democratic claims as “entirely true” compared to 11% of the others.")
    assert one(q, "entirely true")["speaker"] == "FactFinder"


def test_quote_paragraphs_go_on_with_a_speaker_named_in_the_paragraph_between():
    text = ("The council met on Tuesday and the mayor left early.\n"
            "Instead, Tom Harte told the paper, his plan would be “to fix the roads” if he wins.\n"
            "What “fix the roads” means is anyone's guess, since Harte spoke only in slogans during the "
            "interview.\n"
            "“We have to do something and it is the only way to stop it.”\n"
            "“We have to be a lot tougher.”")
    q = run(text)
    assert one(q, "only way to stop it")["speaker"] == "Tom Harte"
    assert one(q, "a lot tougher")["speaker"] == "Tom Harte"
    # a paragraph between that does not name the speaker breaks the chain
    q = run(text.replace("since Harte spoke", "since nobody spoke"))
    assert one(q, "only way to stop it")["speaker"] == ""


def test_given_names_shaped_like_nationalities_open_a_name():
    q = run("Mary Clinton said the plan was “a disaster.”\n"
            "Then the mayor's spokesman, Brian Fallon, fired back: “As a friend of the mayor,” he wrote, "
            "“we know you are rooting for him, too.”")
    assert one(q, "friend of the mayor")["speaker"] == "Brian Fallon"
    assert one(q, "rooting for him")["speaker"] == "Brian Fallon"
    assert Q._GEO_ADJ_RE.match("Canadian") and Q._GEO_ADJ_RE.match("Roman")
    assert not Q._GEO_ADJ_RE.match("Ryan") and not Q._GEO_ADJ_RE.match("Eric")


def test_bare_numbers_and_quantifiers_after_the_verb_speak():
    q = run("Tom Reyes and Ann Harte sent a letter to the mayor on Monday.\n"
            "“You seem to have picked a new standard out of thin air,” the two write.\n"
            "“Better watch out for the council,” tweeted another. “Nobody listens to us,” said one.")
    assert one(q, "new standard")["speaker_mention"] == "the two"
    assert one(q, "watch out")["speaker_mention"] == "another"
    assert one(q, "Nobody listens")["speaker_mention"] == "one"


def test_a_next_sentence_attribution_with_a_quoted_title_in_its_aside():
    q = run("Tom Reyes spoke first.\n"
            "“I am not sure the mayor is available, but we will see, right?” Harte remarked, alluding to "
            "the mayor's role in “The Long Road.”")
    assert one(q, "not sure the mayor")["speaker"] == "Harte"


def test_agree_laud_and_brand_attribute_but_agree_to_is_no_verb():
    q = run("The council met on Tuesday and Tom Reyes spoke first.\n"
            "“Our ideas of success are different,” agrees Lisa Stone, a student at the college.\n"
            "In May, Gov. Ann Harte lauded the mayor for bringing “new and innovative ideas.”\n"
            "Canada branded the plan an “outlaw scheme.”")
    assert one(q, "ideas of success")["speaker"] == "Lisa Stone"
    assert one(q, "innovative ideas")["speaker"] == "Ann Harte"
    assert one(q, "outlaw scheme")["speaker"] == "Canada"
    assert Q._verb_at(Q._tokens("The town agreed to pay", 0), 2) is None


def test_surnames_with_an_article_prefix_and_a_colon_after_a_relative_clause():
    q = run("The council met on Tuesday and Tom Reyes spoke first.\n"
            "“We will fight,” Bashar al-Assad told the agency.\n"
            "Abdel Fattah el-Sisi said the deal was “very fair.”\n"
            "Before the vote, the cleric Anwar al-Awlaki, who was killed in 2011, is shown lecturing: "
            "“Take heed and learn from history.”")
    assert one(q, "We will fight")["speaker"] == "Bashar al-Assad"
    assert one(q, "very fair")["speaker"] == "Abdel Fattah el-Sisi"
    assert one(q, "Take heed")["speaker_mention"].endswith("Anwar al-Awlaki")


def test_a_noun_after_a_name_before_the_verb_heads_the_speaker():
    q = run("The council met on Tuesday and Tom Reyes spoke first.\n"
            "“In this town, every family is welcome,” this Reyes look-alike declared in Boston.")
    r = one(q, "every family")
    assert (r["speaker_mention"], r["speaker_source"]) == ("this Reyes look-alike", "description")


def test_the_object_of_a_participle_preposition_is_not_the_subject():
    q = run("The council met on Tuesday and Tom Reyes spoke first.\n"
            "Neighbours standing outside the hall shouted “Shame on you!” at the mayor.")
    assert one(q, "Shame on you")["speaker_mention"] == "Neighbours"


def test_places_and_peoples_are_no_antecedents():
    q = run("Mayor Tom Reyes has needled his critics, as he did on a recent visit to Capitol Hill, where he "
            "attacked some lawmakers. “You have been very critical of me,” he told Sen. Ann Harte.")
    assert one(q, "very critical")["speaker"] == "Tom Reyes"
    assert Q._classify_seq("Kent County Republican") is None and Q._classify_seq("Nagorno-Karabakh Armenians") is None
    assert Q._classify_seq("Jim Hill")[:2] == ("person", "Jim Hill")


# --------------------------------------------------------------------------- mis-encoded accents
@pytest.mark.parametrize("name", [
    "Fran\u00c3\u00a7ois Marchand",                            # UTF-8 read as Latin-1 ("François")
    "Andr\u00c3\u00a9 Marchand",                               # "André"
    "Fran\u0041\u0303\u0083\u0041\u0302\u00a7ois Marchand",    # read twice over, then decomposed
    "Jose\u0301 Marchand",                                      # a decomposed accent
])
def test_mis_encoded_accents_keep_the_name(name):
    text = f"The summit opened on Monday.\n\n\u201cWe can pay for our own defence,\u201d Finance Minister {name} said on Tuesday."
    r = one(run(text), "pay for our own defence")
    assert r["speaker"] == name          # the text is kept as it is: offsets hold
    assert r["speaker_source"] == "named"


# --------------------------------------------------------------------------- nested sources
@pytest.mark.parametrize("tail", [", according to the Daily Star.", ", reports the Daily Star.",
                                  ", the Daily Star reported."])
def test_the_person_quoted_stays_the_speaker_when_a_source_reports_it(tail):
    # PolNeAR gives such quotes to the outlet; we keep the person whose words they are
    # (README, "Quotes and speakers") and the outlet does not replace them.
    text = ("The council met on Monday.\n\n"
            f"\u201cWe will not raise the bus fares this year,\u201d said Linda Park, the mayor{tail}")
    r = one(run(text), "bus fares")
    assert r["speaker"] == "Linda Park" and r["speaker_source"] != "according_to"


# --------------------------------------------------------------------------- descriptions
def test_description_with_a_two_word_place_before_its_noun():
    text = ("The forum ran late.\n\n"
            "\u201cWe need a change,\u201d the San Diego restaurateur said, arguing that she would bring a "
            "\u201cplain-spoken\u201d style to the council.")
    q = run(text)
    r = one(q, "plain-spoken")
    assert r["speaker_mention"] == "the San Diego restaurateur"
    assert r["verb"] == "argue"


# --------------------------------------------------------------------------- subjects behind modifiers
@pytest.mark.parametrize("opener", ["Alongside NATO statements, a", "Despite NATO statements, even a"])
def test_opening_preposition_and_focus_word_do_not_hide_the_subject(opener):
    text = ("Officials were worried.\n\n"
            f"{opener} senior Navy commander said, \u201cWe are ready for anything.\u201d")
    r = one(run(text), "ready for anything")
    assert r["speaker_mention"] == "a senior Navy commander"


@pytest.mark.parametrize("middle,mention", [
    ("speaking to the Daily Courier", "Another city official"),
    ("talking with Channel Four", "Another city official"),
])
def test_object_of_a_participle_is_not_the_speaker(middle, mention):
    text = ("The mayor spoke on Monday.\n\n"
            f"{mention} {middle} said, \u201cThe bridge will be closed for a month.\u201d")
    r = one(run(text), "bridge will be closed")
    assert r["speaker_mention"] == mention


@pytest.mark.parametrize("sentence,needle,mention", [
    ("The clerk first denied it but in a later interview said, \u201cI panicked.\u201d", "panicked", "The clerk"),
    ("The senator in an interview on Sunday said the plan was \u201cdead on arrival.\u201d", "dead on arrival",
     "The senator"),
])
def test_object_of_an_in_phrase_is_not_the_speaker(sentence, needle, mention):
    r = one(run("Details were unclear.\n\n" + sentence), needle)
    assert r["speaker_mention"] == mention


# --------------------------------------------------------------------------- part of a group
@pytest.mark.parametrize("attribution,mention,speaker", [
    ("said one of those aides, who asked not to be named.", "one of those aides", "aides"),
    ("one of Cole\u2019s aides said.", "one of Cole\u2019s aides", "Ann Cole's aides"),
])
def test_one_of_a_group_speaks_for_the_group(attribution, mention, speaker):
    text = ("Mayor Ann Cole spoke on Monday.\n\n"
            f"\u201cWe will build the bridge,\u201d {attribution}")
    r = one(run(text), "build the bridge")
    assert r["speaker_mention"] == mention
    assert r["speaker"] == speaker
    assert r["speaker_source"] == "description"


@pytest.mark.parametrize("quote,needle", [
    ("Voters see the plan as \u201ca waste of money,\u201d From said.", "waste of money"),
    ("\u201cThe plan is a waste of money,\u201d From said on Friday.", "plan is a waste"),
])
def test_name_spelled_like_a_common_word_after_a_quote(quote, needle):
    text = "Al From led the council for years.\n\n" + quote
    r = one(run(text), needle)
    assert r["speaker_mention"] == "From"
    assert r["speaker_source"] == "named" and r["verb"] == "say"


def test_capitalised_word_after_a_sentence_end_is_not_a_name():
    # a quote closed by a full stop: the next sentence's first word is no speaker
    q = run("Ann Cole spoke first. \u201cThe plan is a waste of money.\u201d Still said nothing new.")
    assert one(q, "plan is a waste")["speaker_mention"] != "Still"


@pytest.mark.parametrize("opener", ["Three years earlier", "A month later", "Two weeks after the vote"])
def test_span_of_time_opening_a_sentence_is_not_the_speaker(opener):
    text = ("Ann Cole ran for mayor in 2010.\n\n"
            f"{opener}, she had backed the bridge as \u201cthe best deal we could get.\u201d")
    r = one(run(text), "best deal")
    assert r["speaker_mention"] == "she"
    assert r["speaker"] == "Ann Cole"


@pytest.mark.parametrize("sentence,needle,verb", [
    ("While Cole\u2019s bold call for a \u201cfresh start\u201d draws crowds, her rivals struggle.", "fresh start", "call"),
    ("It is the pull of Cole\u2019s \u201cwe fix what we break\u201d promise.", "we fix what", "promise"),
    ("The city is, in Cole\u2019s words, \u201ca place that works.\u201d", "a place that works", "say"),
])
def test_owner_of_a_call_promise_or_words_is_the_speaker(sentence, needle, verb):
    r = one(run("Ann Cole ran for mayor in 2010.\n\n" + sentence), needle)
    assert r["speaker"] == "Ann Cole"
    assert r["verb"] == verb


def test_object_of_another_speakers_verb_keeps_the_subject():
    text = "Ann Cole ran for mayor in 2010.\n\nHer rival Tom Ring mocked Cole\u2019s call for a \u201cfresh start\u201d on Monday."
    r = one(run(text), "fresh start")
    assert r["speaker"] == "Tom Ring"


@pytest.mark.parametrize("sentence,needle", [
    ("Senate leader Tom Ring, R-Ohio, delivered a blunt message to Cole: \u201cIt is time to stop.\u201d", "time to stop"),
    ("\u201cThe plan is a disaster,\u201d Tom Ring, D-N.Y., said on Monday.", "plan is a disaster"),
])
def test_party_and_state_apposition_does_not_hide_the_speaker(sentence, needle):
    r = one(run("Ann Cole ran for mayor in 2010.\n\n" + sentence), needle)
    assert r["speaker"] == "Tom Ring"


def test_past_tense_after_a_name_ends_the_speaker_phrase():
    text = ("Ann Cole ran for mayor in 2010.\n\n"
            "In response to the plan, Cole rallied supporters, saying: \u201cWe have to be ready.\u201d")
    r = one(run(text), "be ready")
    assert r["speaker"] == "Ann Cole" and r["speaker_mention"] == "Cole"
    q = run("The vote is near. \u201cWe have to be ready,\u201d GOP elected officials said.")
    assert one(q, "be ready")["speaker_mention"] == "GOP elected officials"


@pytest.mark.parametrize("sentence,needle,mention", [
    ("At least half of voters in each ward say the plans are \u201cabout right,\u201d though many disagree.",
     "about right", "At least half of voters"),
    ("In the poll, 73 percent of residents said the plan was the \u201cright direction\u201d for the town.",
     "right direction", "73 percent of residents"),
])
def test_share_of_a_group_is_the_speaker(sentence, needle, mention):
    r = one(run("Ann Cole ran for mayor in 2010.\n\n" + sentence), needle)
    assert r["speaker_mention"] == mention
    assert r["speaker_source"] == "description"


@pytest.mark.parametrize("sentence,needle,speaker", [
    ("The ad, titled \u201cUnifier?\u201d, concludes that Cole is too \u201cdangerous and reckless\u201d to lead.",
     "dangerous and reckless", "ad"),
    ("The party activist, who backs Cole, warned of a \u201cferocious\u201d battle ahead.", "ferocious", "party activist"),
    ("The delegate and party activist, who backs Cole, warned of a \u201cferocious\u201d battle.", "ferocious",
     "delegate and party activist"),
    ("The party chairman, Tom Ring, warned of a \u201cferocious\u201d battle ahead.", "ferocious", "Tom Ring"),
])
def test_subject_set_off_by_an_apposition(sentence, needle, speaker):
    r = one(run("Ann Cole ran for mayor in 2010.\n\n" + sentence), needle)
    assert r["speaker"] == speaker


def test_clause_after_said_is_what_was_said_not_who_said_it():
    text = ("Ann Cole ran for mayor in 2010.\n\n"
            "While those surveyed said former governor Tom Ring has the \u201cbest experience,\u201d Cole leads.")
    r = one(run(text), "best experience")
    assert r["speaker_mention"] == "those surveyed"


def test_outer_pronoun_reports_the_inner_clause():
    text = ("Ann Cole worked at a firm, Moore & Lane, for years.\n\n"
            "She said she recalls the partners being \u201cconfused\u201d by the case.")
    r = one(run(text), "confused")
    assert r["speaker_mention"] == "She"
    assert r["speaker_source"] == "pronoun"


def test_outer_pronoun_of_told_that():
    text = ("Ann Cole worked at a firm for years.\n\n"
            "But she told the Daily Courier on Monday that she agrees the plan is a \u201ctotal mess\u201d now.")
    r = one(run(text), "total mess")
    assert r["speaker_mention"] == "she" and r["verb"] == "tell"
    assert r["speaker_start"] == text.index("she told")


def test_pronoun_skips_a_person_of_the_other_gender():
    text = ("Mary Lane runs the clinic. She says her staff is tired.\n\n"
            "Tom Ring visited on Monday. He said his office would help. Ring left at noon.\n\n"
            "\u201cYou can't build trust a week before a vote,\u201d she said.")
    r = one(run(text), "build trust")
    assert r["speaker_mention"] == "she"
    assert r["speaker"] == "Mary Lane"


def test_us_before_a_title_does_not_end_the_sentence():
    text = "The vote is near. \u201cWe are ready,\u201d Assistant U.S. Attorney Maya D. Song wrote in the filing."
    r = one(run(text), "We are ready")
    assert r["speaker_mention"] == "Assistant U.S. Attorney Maya D. Song"
    assert r["verb"] == "write"


def test_dateline_is_not_the_subject():
    text = ("PORTLAND, Ore. \u2014 Tom Ring, a self-styled \u201cnew-media\u201d reporter, was named in an "
            "indictment last week.")
    r = one(run(text), "new-media")
    assert r["speaker"] == "Tom Ring"


def test_capitalised_word_spelled_like_a_verb_opens_a_name_after_wrote():
    text = "The vote is near. \u201cWe are ready,\u201d wrote Post bureau chief Dana Moore, citing aides."
    r = one(run(text), "We are ready")
    assert r["speaker_mention"] == "Post bureau chief Dana Moore"
    assert r["verb"] == "write"


@pytest.mark.parametrize("attribution,mention", [
    ("the bespectacled, 71-year-old diplomat said in an interview.", "the bespectacled, 71-year-old diplomat"),
    ("a 71-year-old retiree said.", "a 71-year-old retiree"),
])
def test_age_and_coordinate_adjectives_in_a_description(attribution, mention):
    text = f"The vote is near. \u201cWe are ready for the fight ahead of us,\u201d {attribution}"
    r = one(run(text), "We are ready")
    assert r["speaker_mention"] == mention
    assert r["speaker_source"] == "description"


@pytest.mark.parametrize("attribution", ["U.S. officials said.", "said U.S. officials familiar with the talks."])
def test_initialism_before_a_noun(attribution):
    text = f"The vote is near. \u201cWe are ready for the fight ahead,\u201d {attribution}"
    r = one(run(text), "We are ready")
    assert r["speaker_mention"] == "U.S. officials"


@pytest.mark.parametrize("attribution,speaker", [
    ("the State Department said in a statement.", "State Department"),
    ("Senate Republicans said.", "Senate Republicans"),
])
def test_organisation_keeps_its_name(attribution, speaker):
    text = f"The vote is near. \u201cWe are ready for the fight ahead,\u201d {attribution}"
    assert one(run(text), "We are ready")["speaker"] == speaker


def test_description_does_not_run_back_over_a_relative_word():
    r = one(run("The vote is near. The mayor had what aides described as a \u201crough week.\u201d"), "rough week")
    assert r["speaker_mention"] == "aides"


def test_attribution_sentence_after_an_exclamation_ends_at_its_comma():
    text = ("Tom Ring spoke first.\n\n\u201cAnd I'm not being paid!\u201d LeVell declared, a point he likes to make "
            "after a recent appearance on a radio show in the city where he grew up and still lives today.")
    r = one(run(text), "not being paid")
    assert r["speaker"] == "LeVell" and r["verb"] == "declare"


def test_adverb_now_between_speaker_and_verb():
    text = ("Tom Ring spoke first. On its website, the campaign has changed.\n\n"
            "\u201cThis is your movement,\u201d it now says, showing a montage of faces.")
    r = one(run(text), "your movement")
    assert r["speaker_mention"] == "it" and r["verb"] == "say"


def test_given_opening_a_sentence_is_not_a_name():
    text = ("Tom Ring spoke on Monday. He was angry.\n\n"
            "Given his past comments on the rivals as \u201cliars\u201d and \u201ccheats\u201d in the race, "
            "it is safe to say he means them.")
    q = run(text)
    assert "Given" not in set(q["speaker"]) and "Given" not in set(q["speaker_mention"])


def test_honorifics_tell_the_pronouns_gender():
    text = ("Tom Ring and Ann Cole met on Monday. Mrs. Cole stayed. Mr. Ring left early.\n\n"
            "\u201cWe can't do this,\u201d she said.")
    r = one(run(text), "can't do this")
    assert r["speaker"] == "Ann Cole"
    assert r["speaker_source"] == "pronoun"


def test_state_abbreviation_is_not_a_speaker():
    text = ("Ring spoke on Monday.\n\nHis standing improved after the storm in Springfield, Ill., "
            "and his call for \u201ca total rebuild\u201d of the levees.")
    r = one(run(text), "total rebuild")
    assert r["speaker"] != "Ill" and r["speaker_mention"] != "Ill"


def test_agent_of_seen_by_as_is_the_speaker():
    text = ("The vote is near.\n\nThe talks will focus on ballot access, an option seen by organizers "
            "as a \u201clifeboat\u201d for the party.")
    r = one(run(text), "lifeboat")
    assert r["speaker_mention"] == "organizers" and r["verb"] == "see"
