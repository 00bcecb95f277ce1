"""Tests for framing.people and framing.aliases: hand-made sentences and the five seed articles."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from framing import aliases as A
from framing import clean, corpus
from framing import people as P

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def _frames(text: str, aid: str = "a", outlet: str = "o"):
    """One article; every non-empty line is a kept paragraph."""
    arts = pd.DataFrame({"article_id": [aid], "outlet": [outlet], "text": [text], "status": ["ok"]})
    rows, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            rows.append({"article_id": aid, "segment_id": len(rows), "start": pos, "end": pos + len(line),
                         "kind": "paragraph", "kept": True})
        pos += len(line) + 1
    return arts, pd.DataFrame(rows)


def people_of(text: str) -> pd.DataFrame:
    arts, segs = _frames(text)
    m = P.mentions(arts, segs)
    for r in m.itertuples():                      # the offset contract
        assert text[r.start:r.end] == r.text
    return P.resolve(m, arts)


def persons(table: pd.DataFrame) -> dict:
    t = table[table["entity_type"] == "person"]
    return {r.name: r for r in t.itertuples()}


# --------------------------------------------------------------------------- aliases
def test_fold_and_strip():
    assert A.fold("Sánchez") == A.fold("Sanchez") == "sanchez"
    assert A.strip_name("Mr. Sánchez's") == "Sánchez"
    assert A.strip_name("Deputy Prime Minister Yolanda Díaz") == "Yolanda Díaz"
    assert A.name_key("Ms. Díaz") == "diaz"


def test_prefer_fullest_accented():
    assert A.prefer(["Sanchez", "Pedro Sanchez", "Pedro Sánchez", "Sánchez"]) == "Pedro Sánchez"


def test_compatible_names():
    assert A.compatible("Sánchez", "Pedro Sanchez")
    assert A.compatible("P. Sánchez", "Pedro Sánchez")
    assert not A.compatible("Carlos Sánchez", "Pedro Sánchez")
    assert not A.compatible("Díaz", "Pedro Sánchez")


def test_entity_id_stable_and_accent_free():
    assert A.entity_id("Pedro Sánchez") == A.entity_id("Pedro Sanchez") == "person:pedro-sanchez"
    assert A.entity_id("Meta", "organisation") == "org:meta"


def test_canonicalize_speakers():
    quotes = pd.DataFrame({"article_id": ["a", "a", "a", "b"],
                           "speaker": ["Sanchez", "the prime minister", "Unknown Group", "Sánchez"]})
    ppl = pd.DataFrame({"article_id": ["a", "b"], "entity_id": ["person:pedro-sanchez"] * 2,
                        "name": ["Pedro Sánchez"] * 2, "entity_type": ["person"] * 2,
                        "aliases": ["Sanchez|the prime minister", "Sánchez"]})
    out = A.canonicalize_speakers(quotes, ppl)
    assert out["speaker"].tolist() == ["Pedro Sánchez", "Pedro Sánchez", "Unknown Group", "Pedro Sánchez"]
    assert out["speaker_entity_id"].tolist() == ["person:pedro-sanchez", "person:pedro-sanchez", "",
                                                 "person:pedro-sanchez"]
    assert len(quotes.columns) == 2               # input untouched


# --------------------------------------------------------------------------- hand-made sentences
def test_titled_name_and_surname_and_honorific_merge():
    t = persons(people_of("Spanish Prime Minister Pedro Sánchez spoke on Monday.\n"
                          "Later Sanchez said more. Critics of Mr. Sánchez were unmoved, the prime minister noted."))
    assert list(t) == ["Pedro Sánchez"]
    r = t["Pedro Sánchez"]
    assert r.role == "Prime Minister" and r.country == "Spain" and r.is_official
    assert r.mentions == 4
    forms = set(r.aliases.split("|"))
    assert {"Sanchez", "Mr. Sánchez", "the prime minister"} <= forms


def test_people_vs_orgs_places_platforms():
    tab = people_of("Elon Musk's X and Meta were criticised in Madrid. Grok, the chatbot, was named. "
                    "Officials met at Moncloa Palace and on Telegram. The European Commission agreed.")
    t = persons(tab)
    assert list(t) == ["Elon Musk"]
    orgs = set(tab[tab["entity_type"] == "organisation"]["name"])
    assert {"X", "Meta", "European Commission", "Telegram"} <= orgs
    assert not {"Grok", "Moncloa Palace", "Madrid"} & set(tab["name"])


def test_role_before_and_apposition_after():
    t = persons(people_of("Telegram co-founder Pavel Durov sent a message. "
                          "Musk, owner of X, replied. Elon Musk then left."))
    assert t["Pavel Durov"].role == "co-founder" and t["Pavel Durov"].institution == "Telegram"
    assert not t["Pavel Durov"].is_official
    assert t["Elon Musk"].role == "owner" and t["Elon Musk"].institution == "X"
    assert not t["Elon Musk"].is_official


def test_single_word_person_needs_evidence():
    t = persons(people_of("Known for challenging former U.S. President Trump, he spoke. Reform is slow."))
    assert list(t) == ["Trump"]
    assert t["Trump"].role == "former President" and t["Trump"].is_official


def test_possessive_and_who_clause():
    t = persons(people_of("Sánchez's office said the decision rests with Teresa Peramato, who must consult "
                          "the Prosecutors' Board of the Supreme Court. Pedro Sánchez agreed."))
    assert set(t) == {"Pedro Sánchez", "Teresa Peramato"}
    assert t["Teresa Peramato"].is_official
    assert t["Pedro Sánchez"].mentions == 2


def test_empty_and_none_quotes():
    arts, segs = _frames("Prime Minister Pedro Sánchez spoke.")
    a = P.extract(arts, segs, None)
    b = P.extract(arts, segs, pd.DataFrame())
    pd.testing.assert_frame_equal(a, b)
    assert list(a.columns) == P.COLUMNS


def test_no_text_no_rows():
    arts = pd.DataFrame({"article_id": ["e"], "outlet": ["o"], "text": [""], "status": ["error"]})
    segs = pd.DataFrame(columns=["article_id", "segment_id", "start", "end", "kind", "kept"])
    out = P.extract(arts, segs)
    assert len(out) == 0 and list(out.columns) == P.COLUMNS


def test_roster_overrides(tmp_path):
    path = tmp_path / "officials.csv"
    path.write_text("name,aliases,role,institution,country,is_official\n"
                    "Teresa Peramato,Peramato,Attorney General,Public Prosecutor's Office,Spain,true\n",
                    encoding="utf-8")
    roster = P.load_roster(path)
    arts, segs = _frames("The decision rests with Teresa Peramato. Peramato did not comment, he said.")
    t = persons(P.extract(arts, segs, roster=roster))
    r = t["Teresa Peramato"]
    assert r.role == "Attorney General" and r.institution == "Public Prosecutor's Office" and r.is_official


def test_load_roster_requires_name(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("who,role\nX,Y\n", encoding="utf-8")
    with pytest.raises(ValueError):
        P.load_roster(path)


# --------------------------------------------------------------------------- seeds
@pytest.fixture(scope="module")
def seed_tables():
    arts = corpus.load(SEEDS)
    segs = clean.segment(arts)
    try:
        from framing import quotes as Q
        q = Q.extract(arts, segs)
    except ImportError:
        q = None
    m = P.mentions(arts, segs, q)
    ppl = P.resolve(m, arts, q)
    return arts, segs, m, ppl


# article -> {person: (is_official, role, institution, country)}; None = not asserted
SEED_PEOPLE = {
    "000_711510e4aacadad0": {
        "Pedro Sánchez": (True, "Prime Minister", "Government of Spain", "Spain"),
        "Graham Doyle": (True, "Deputy Commissioner", "Data Protection Commission", "Ireland"),
        "Elma Saiz": (True, "government spokesperson", "Government of Spain", "Spain"),
        "Elon Musk": (False, "owner", "X", None),
        "Pavel Durov": (False, "co-founder", "Telegram", "Russia"),
    },
    "001_b5203cee47071987": {
        "Pedro Sánchez": (True, "Prime Minister", "Government of Spain", "Spain"),
        "Teresa Peramato": (True, None, None, "Spain"),
        "Elon Musk": (False, None, None, None),
        "Pavel Durov": (False, None, None, None),
        "Sira Rego": (True, "Youth Minister", "Government of Spain", "Spain"),
        "Yolanda Díaz": (True, "Deputy Prime Minister", "Government of Spain", "Spain"),
    },
    "002_0e219b31352d4ab9": {
        "Pedro Sánchez": (True, "Prime Minister", "Government of Spain", "Spain"),
        "Elon Musk": (False, "owner", "X", None),
    },
    "003_547d1ed95a012116": {
        "Pedro Sánchez": (True, "Prime Minister", "Government of Spain", "Spain"),
        "Elon Musk": (False, None, None, None),
        "Trump": (True, "former President", None, "United States"),
    },
    "004_8b33301d76d4a184": {
        "Pedro Sánchez": (True, "Prime Minister", "Government of Spain", "Spain"),
        "Elon Musk": (False, "owner", "X", None),
        "Pavel Durov": (False, "founder", "Telegram", None),
    },
}


@pytest.mark.parametrize("aid", sorted(SEED_PEOPLE))
def test_seed_people_and_officials(seed_tables, aid):
    ppl = seed_tables[3]
    got = persons(ppl[ppl["article_id"] == aid])
    want = SEED_PEOPLE[aid]
    assert set(got) == set(want), (aid, sorted(got))
    for name, (official, role, inst, country) in want.items():
        r = got[name]
        assert bool(r.is_official) is official, (aid, name)
        if role is not None:
            assert r.role == role, (aid, name, r.role)
        if inst is not None:
            assert r.institution == inst, (aid, name, r.institution)
        if country is not None:
            assert r.country == country, (aid, name, r.country)


def test_seed_sanchez_one_entity_everywhere(seed_tables):
    ppl = seed_tables[3]
    s = ppl[ppl["entity_id"] == "person:pedro-sanchez"]
    assert sorted(s["article_id"]) == sorted(SEED_PEOPLE)
    assert set(s["name"]) == {"Pedro Sánchez"}
    forms = set("|".join(s["aliases"]).split("|"))
    assert {"Sánchez", "Mr. Sánchez", "Sanchez", "Pedro Sanchez"} <= forms
    # Musk and Durov: one id each across the corpus
    assert ppl[ppl["name"] == "Elon Musk"]["entity_id"].nunique() == 1
    assert ppl[ppl["name"] == "Pavel Durov"]["entity_id"].nunique() == 1


def test_seed_not_people(seed_tables):
    ppl = seed_tables[3]
    names = set(ppl[ppl["entity_type"] == "person"]["name"])
    assert not names & {"Meta", "X", "Grok", "Moncloa Palace", "Telegram", "TikTok", "Madrid", "Spain"}
    orgs = set(ppl[ppl["entity_type"] == "organisation"]["name"])
    assert {"Meta", "X", "TikTok", "Telegram"} <= orgs


def test_seed_dropped_segments_ignored(seed_tables):
    arts, segs, m, ppl = seed_tables
    text = " ".join(ppl["name"]) + " " + " ".join(m["text"])
    for gone in ("Nunez", "Tebboune", "Sayoud", "Gleizes", "Moncloa"):
        assert gone not in text
    dropped = segs[~segs["kept"]]
    for r in m.itertuples():
        d = dropped[dropped["article_id"] == r.article_id]
        assert not ((d["start"] <= r.start) & (r.end <= d["end"])).any(), r


def test_seed_offsets_and_prominence(seed_tables):
    arts, segs, m, ppl = seed_tables
    texts = dict(zip(arts["article_id"], arts["text"]))
    for r in m.itertuples():
        assert texts[r.article_id][r.start:r.end] == r.text
    first = ppl[ppl["entity_type"] == "person"].sort_values("first_offset").groupby("article_id").head(1)
    assert set(first["name"]) == {"Pedro Sánchez"}
    assert (ppl["first_offset"] >= 0).all()


def test_seed_deterministic(seed_tables):
    arts, segs, m, ppl = seed_tables
    again = P.extract(arts, segs, None)
    assert again["entity_id"].tolist() == ppl["entity_id"].tolist()


def test_outlet_summary(seed_tables):
    arts, segs, m, ppl = seed_tables
    s = P.outlet_summary(ppl, arts)
    assert s.columns[0] == "outlet" and all(c.startswith("people_") for c in s.columns[1:])
    assert len(s) == arts["outlet"].nunique()
    row = s.set_index("outlet").loc["001_b5203cee47071987"]
    assert row["people_n_officials"] == 4
    assert "Government of Spain: 3" in row["people_officials_by_institution"]
    assert row["people_first_person"] == "Pedro Sánchez"


# --------------------------------------------------------------------------- titles, lists, elections
@pytest.mark.parametrize("text, name, role", [
    ("Texas Senator Ted Cruz spoke on Monday.", "Ted Cruz", "Senator"),
    ("U.S. House Speaker Paul Ryan disagreed.", "Paul Ryan", "House Speaker"),
])
def test_title_after_descriptive_words(text, name, role):
    t = persons(people_of(text))
    assert list(t) == [name]
    assert t[name].role == role and t[name].is_official


def test_plural_title_gives_each_listed_name_its_title():
    t = persons(people_of("Sens. John Harlow (Ariz.) and Kelly Brandt (N.H.) objected."))
    assert {n: (r.role, bool(r.is_official)) for n, r in t.items()} == \
        {"John Harlow": ("Senator", True), "Kelly Brandt": ("Senator", True)}


def test_elected_sentence_marks_officials_but_not_failed_bids():
    t = persons(people_of("Maria Ortega and Daniel Whitfield were re-elected on Sunday."))
    assert set(t) == {"Maria Ortega", "Daniel Whitfield"}
    assert all(r.is_official for r in t.values())
    t = persons(people_of("Maria Ortega failed to win a seat on Sunday."))
    assert list(t) == ["Maria Ortega"] and not t["Maria Ortega"].is_official


def test_name_boundaries_suffix_and_dash():
    assert list(persons(people_of("Charles Elliott III said the plan would work."))) == ["Charles Elliott"]
    assert list(persons(people_of("Voters liked Ted Cruz\u2014who spoke last\u2014more than anyone."))) == ["Ted Cruz"]


def test_romanised_given_name_and_census_given_name():
    assert list(persons(people_of("Lam Wai-keung said the plan would fail."))) == ["Lam Wai-keung"]
    # "Dwayne" comes from the Census given-name list; a name-dense sentence is not a headline
    assert list(persons(people_of("We met Dwayne Okafor at the market."))) == ["Dwayne Okafor"]


def test_places_and_party_labels_are_not_people():
    tab = people_of("The Kentucky Republican said the plan would fail. Residents of San Bernardino agreed.")
    assert persons(tab) == {}


def test_given_names_list_is_generated_and_documented():
    data = ROOT / "src" / "framing" / "data"
    words = set((data / "people_given_names.txt").read_text(encoding="utf-8").split())
    assert {"dwayne", "mary", "james"} <= words and not {"may", "king", "royal"} & words
    source = (data / "people_given_names.SOURCE.md").read_text(encoding="utf-8")
    assert "Census" in source and "tools/make_people_given_names.py" in source and "Licence" in source
