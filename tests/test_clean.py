"""Segmentation and cleaning, on the real seed files and on made-up text."""
import pandas as pd
import pytest

from framing import clean

A000, A001, A002, A003, A004 = (
    "000_711510e4aacadad0", "001_b5203cee47071987", "002_0e219b31352d4ab9",
    "003_547d1ed95a012116", "004_8b33301d76d4a184")


def _art(text, aid="x"):
    return pd.DataFrame({"article_id": [aid], "text": [text], "status": ["ok"]})


def _lines(text):
    return [line.strip(" \u00a0\t•") for line in text.split("\n") if line.strip()]


def test_normalize_keeps_length_and_folds_typography():
    s = "“Sánchez’s” — «non» „low“ ‘x’ 17\u00a0Feb…"
    n = clean.normalize(s)
    assert len(n) == len(s)
    assert n == '"Sánchez\'s" - "non" "low" \'x\' 17 Feb.'


def test_offsets_point_at_the_segment_text(seed_segments, seed_text):
    for row in seed_segments.itertuples():
        assert seed_text[row.article_id][row.start:row.end] == row.text


def test_every_line_of_every_seed_is_a_segment(seed_segments, seed_text):
    for aid, text in seed_text.items():
        got = list(seed_segments.loc[seed_segments.article_id == aid, "text"].str.strip(" •"))
        assert got == _lines(text)


@pytest.mark.parametrize("aid", [A001, A002, A003])
def test_clean_articles_keep_every_segment(seed_segments, aid):
    segs = seed_segments[seed_segments.article_id == aid]
    assert segs["kept"].all()
    assert (segs["reason"] == "").all()


def test_faq_block_is_set_aside_and_story_kept(seed_segments, seed_text):
    segs = seed_segments[seed_segments.article_id == A000].reset_index(drop=True)
    faq_at = segs.index[segs.text == "Frequently Asked Questions"][0]
    assert faq_at == 11
    assert segs.loc[:faq_at - 1, "kept"].all()                      # the 11 story paragraphs
    faq = segs.loc[faq_at:]
    assert len(faq) == 22 and not faq["kept"].any()
    assert (faq["reason"] == "machine-generated FAQ block").all()
    assert faq["text"].str.contains("Here is a list of FAQs").any()
    assert segs.loc[faq_at - 1, "text"].startswith("Growing concerns over the harmful effects")


def test_appended_story_chrome_caption_and_duplicates_in_004(seed_segments):
    segs = seed_segments[seed_segments.article_id == A004].reset_index(drop=True)
    by_text = lambda prefix: segs[segs.text.str.startswith(prefix)]
    # chrome and caption
    assert by_text("Short Url").iloc[0]["reason"] == "page chrome: share link"
    assert by_text("Follow").iloc[0]["reason"] == "page chrome: follow button"
    assert by_text("Updated 17 February 2026").iloc[0]["reason"] == "page chrome: update timestamp"
    caption = by_text("Spanish Prime Minister Pedro Sanchez speaks")
    assert caption.iloc[0]["kind"] == "caption" and caption.iloc[0]["reason"] == "photo caption"
    # repeated headline, repeated paragraph, summary bullet repeated in the body
    heads = by_text("Spanish govt seeks probe")
    assert list(heads["kept"]) == [True, False] and heads.iloc[1]["reason"] == "duplicate of segment 0"
    probes = by_text("Separate probes in Britain")
    assert list(probes["kept"]) == [True, False]
    assert probes.iloc[1]["reason"] == f"duplicate of segment {probes.iloc[0]['segment_id']}"
    bullet = segs[segs.kind == "bullet"].iloc[0]
    assert bullet["text"].startswith("Socialist PM Pedro Sanchez")
    assert not bullet["kept"] and "summary bullet repeated in the body" in bullet["reason"]
    body = by_text("Socialist Prime Minister Pedro Sanchez announced")
    assert body.iloc[0]["kept"]
    assert f"near-duplicate of segment {body.iloc[0]['segment_id']}" in bullet["reason"]
    # the France–Algeria story, from its headline to the end
    start = segs.index[segs.text.str.startswith("France, Algeria to resume")][0]
    tail = segs.loc[start:]
    assert not tail["kept"].any()
    assert tail["reason"].str.startswith("appended unrelated story").all()
    assert tail["text"].str.contains("Nunez").any()
    # every paragraph of the real story is kept
    story = segs.loc[:start - 1]
    kept_texts = list(story.loc[story.kept, "text"])
    assert kept_texts[0] == "Spanish govt seeks probe into X, Meta, TikTok over AI child porn"
    assert kept_texts[-1].startswith("Earlier this month, he sparred with X owner Elon Musk")
    assert len(kept_texts) == 9


def test_seed_totals(seed_segments):
    kept = seed_segments.groupby("article_id")["kept"].sum().to_dict()
    assert kept == {A000: 11, A001: 14, A002: 15, A003: 11, A004: 9}


def test_headings_and_titles_are_recognised(seed_segments):
    kinds = seed_segments.set_index(["article_id", "segment_id"])["kind"]
    assert kinds[(A001, 3)] == "heading"       # "Government Push for Criminal Accountability"
    assert kinds[(A002, 0)] == "title"
    assert kinds[(A000, 0)] == "paragraph"     # a lead sentence is not a title


APPENDED = """City council approves new bus lanes on Main Street
The city council voted on Monday to approve dedicated bus lanes on Main Street, a plan transit officials say will cut commute times.
Council member Dana Ortiz said the bus lanes would be painted by the spring and that buses would run every six minutes.
Shop owners on Main Street opposed the bus lanes, saying parking for customers would disappear.
The transit agency said bus ridership on the Main Street route has grown every year since the plan was first proposed.
Updated 2 hours ago
Share
Storm floods coastal villages as rivers burst their banks
Heavy rain flooded three coastal villages overnight after two rivers burst their banks, forcing hundreds of residents to flee.
Rescue teams used boats to reach stranded families, and the weather service warned of more rain and rising rivers.
Farmers said the flooding destroyed crops and drowned livestock across the valley.
"""


def test_appended_story_is_found_from_the_text_itself():
    segs = clean.segment(_art(APPENDED))
    dropped = segs[~segs.kept]
    assert dropped.iloc[0]["text"] == "Updated 2 hours ago" or dropped.iloc[0]["text"].startswith("Updated")
    storm = segs[segs.text.str.startswith(("Storm floods", "Heavy rain", "Rescue teams", "Farmers said"))]
    assert not storm["kept"].any()
    assert storm["reason"].str.startswith("appended unrelated story").all()
    assert segs[segs.text.str.contains("bus lanes")]["kept"].all()


def test_same_topic_after_a_timestamp_is_kept():
    text = APPENDED.split("Storm floods")[0] + (
        "Bus lanes on Main Street will be enforced by cameras, the council said.\n"
        "Transit officials said the council vote on the bus lanes was the first step toward a citywide network.\n"
        "Council member Dana Ortiz said bus riders on Main Street had waited years for the lanes.\n")
    segs = clean.segment(_art(text))
    assert not segs["reason"].str.startswith("appended").any()


def test_summary_bullet_repeated_in_body_counts_once():
    text = ("Budget passes\n"
            "  • The parliament approved the budget on Friday after a long debate over defence spending and taxes\n"
            "The finance minister said the budget would reduce the deficit.\n"
            "The parliament approved the budget on Friday after a long debate over defence spending and new taxes.\n")
    segs = clean.segment(_art(text))
    assert list(segs["kind"]) == ["title", "bullet", "paragraph", "paragraph"]
    assert list(segs["kept"]) == [True, False, True, True]
    assert segs.loc[1, "reason"].startswith("near-duplicate of segment 3")


def test_hard_wrapped_paragraph_is_one_segment():
    text = "The minister said the plan would\ncut costs and that it would start\nnext year.\nA second paragraph.\n"
    segs = clean.segment(_art(text))
    assert list(segs["text"]) == ["The minister said the plan would\ncut costs and that it would start\nnext year.",
                                  "A second paragraph."]


def test_a_question_or_two_in_the_story_is_not_an_faq():
    text = ("The minister faced questions on Monday.\nReporters asked about the budget.\n"
            "What happens next is unclear?\nThe minister did not say.\nWho pays remains open?\n")
    assert clean.segment(_art(text))["kept"].all()


def test_question_run_after_the_story_is_an_faq_block():
    text = ("The minister faced questions on Monday.\nReporters asked about the budget.\n"
            "Q: What is in the budget?\nMore money for schools.\nQ: Who pays for it?\nTaxpayers.\n"
            "Q: When does it start?\nIn January.\n")
    segs = clean.segment(_art(text))
    assert list(segs["kept"]) == [True, True] + [False] * 6
    assert (segs.loc[2:, "reason"] == "machine-generated FAQ block").all()


def test_options_switch_rules_off(seed_articles):
    segs = clean.segment(seed_articles, drop_faq=False, drop_appended=False, drop_chrome=False,
                         drop_captions=False, drop_duplicates=False)
    assert segs["kept"].all()


def test_error_and_skipped_articles_have_no_segments():
    arts = pd.DataFrame({"article_id": ["a", "b", "c"], "text": ["Text here.", "", "Otro texto."],
                         "status": ["ok", "error", "skipped"]})
    assert set(clean.segment(arts)["article_id"]) == {"a"}


# The same boilerplate sentence opens every paragraph; only the speaker differs.
_BOILERPLATE = "The city council met on Tuesday to discuss the annual budget and the new parking rules."


def _council_article(n_paragraphs: int, extra: str = "") -> str:
    paras = [f"{_BOILERPLATE} Speaker number {i} spoke." for i in range(n_paragraphs)]
    return "Council budget meeting\n" + "\n".join(paras) + "\n" + extra


def test_shared_boilerplate_makes_near_duplicates_in_a_short_article():
    segs = clean.segment_text(_council_article(5))
    assert [s["kept"] for s in segs] == [True, True, False, False, False, False]
    assert segs[2]["reason"] == "near-duplicate of segment 1 (0.89 of word 3-grams shared)"


def test_huge_article_ignores_3grams_shared_by_over_50_paragraphs():
    # In 60 paragraphs the boilerplate 3-grams are too frequent to count, so the
    # paragraphs are distinct; a real copy is still found through the index.
    lead = "Mayor Ana Ruiz said the plan would cut traffic in the old town by half within two years."
    copy = lead[:-1] + ", officials added."
    segs = clean.segment_text(_council_article(60, f"{lead}\n{copy}\n"))
    assert len(segs) == 63
    assert all(s["kept"] for s in segs[:62])
    assert not segs[62]["kept"]
    assert segs[62]["reason"] == "near-duplicate of segment 61 (1.00 of word 3-grams shared)"


def test_chrome_prefilter_agrees_with_each_pattern():
    chrome, blocks = clean.load_patterns()
    any_chrome = clean._any_of(tuple(p for p, _ in chrome))
    for line in ["Short Url", "Follow", "Updated 9 sec ago", "Share on Facebook", "Getty Images",
                 "The minister said he would follow the rules.", "Short urls are banned, he said."]:
        assert bool(any_chrome(line)) == any(p.search(line) for p, _ in chrome), line
    question = clean._any_of(tuple(blocks["question_line"]))
    assert question("Q: What is in the budget?") and not question("The budget grew.")
