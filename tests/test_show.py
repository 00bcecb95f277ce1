"""framing.show: one article as HTML, coding on the text, everything escaped."""
import pandas as pd
import pytest

import framing
from framing.show import render


@pytest.fixture
def tiny():
    text = 'Title <b>bold</b>\nThe minister Ann Lee said "we <script>x</script> act" clearly.\nFollow'
    articles = pd.DataFrame({"article_id": ["t"], "outlet": ["T & Co"], "text": [text]})
    q0 = text.index("we <script>")
    sp = text.index("Ann Lee")
    segments = pd.DataFrame({
        "article_id": ["t", "t", "t"], "segment_id": [0, 1, 2],
        "start": [0, 18, text.index("Follow")], "end": [17, text.index("\nFollow"), len(text)],
        "kind": ["title", "paragraph", "chrome"], "kept": [True, True, False],
        "reason": ["", "", "page chrome: follow button"]})
    quotes = pd.DataFrame([dict(article_id="t", start=q0, end=q0 + len("we <script>x</script> act"),
                                kind="direct", speaker="Ann Lee", speaker_type="official",
                                verb="say", speaker_start=sp, speaker_end=sp + 7)])
    people = pd.DataFrame([dict(article_id="t", name="Ann Lee", is_official=True,
                                role="minister", aliases="Lee")])
    cl = text.index("clearly")
    evidence = pd.DataFrame([dict(article_id="t", voice="author", measure="booster",
                                  term="clearly", start=cl, end=cl + 7)])
    tables = {"articles": articles, "segments": segments, "quotes": quotes, "people": people,
              "stance_evidence": evidence}
    return tables


def test_everything_is_escaped(tiny):
    html = render("t", tiny)
    assert "<script>" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;" in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "T &amp; Co" in html


def test_coding_is_marked(tiny):
    html = render("t", tiny)
    assert 'class="q"' in html and "direct quote · Ann Lee (official) · verb: say" in html
    assert "sp" in html and "official: Ann Lee (minister)" in html
    assert 'class="st-author"' in html and "booster (author voice): clearly" in html
    assert 'class="seg chrome dropped"' in html
    assert "set aside: page chrome: follow button" in html


def test_show_returns_html_object(tiny):
    out = framing.show("t", tiny)
    assert type(out).__name__ == "HTML"
    assert out.data == render("t", tiny)
    with pytest.raises(KeyError):
        framing.show("nope", tiny)


def test_show_on_seeds(seed_articles):
    from framing import pipeline

    tables = pipeline.analyze(seed_articles)
    html = render("004_8b33301d76d4a184", tables)
    assert "set aside: appended unrelated story" in html
    assert "set aside: photo caption" in html
    # every quote of the article is drawn
    n_quotes = int((tables["quotes"]["article_id"] == "004_8b33301d76d4a184").sum())
    assert html.count("quote ·") >= n_quotes
