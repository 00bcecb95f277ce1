"""Who is named: people, organisations, titles, institutions, officials, prominence.

Two steps, as :mod:`framing.pipeline` runs them:

* :func:`mentions` (per article, kept segments only): one row per mention of
  a person or an organisation, with the surface text and its offsets, the
  candidate name, entity type, the role/institution/country read from the
  context ("Deputy Prime Minister Yolanda Díaz", "Musk, owner of X",
  "Telegram co-founder Pavel Durov"), and the in-article canonical name
  (surnames, "Mr. Sánchez" and "the prime minister" point back to the full
  name).
* :func:`resolve` (corpus-wide): merges spellings across articles (accents,
  surname-only articles) into one ``entity_id`` per person, and returns the
  ``people`` table, one row per entity per article (:data:`COLUMNS`).

Roles are read per article, from that article's text (``role_source``
"article"). Only when an article gives none *and* names the person by the
same full name as elsewhere (equal up to accents, two words or more) is the
role read in another article carried over, flagged ``role_source`` "corpus";
a surname alone never carries a role (another "Clinton" may be meant).
A roster's role wins and is flagged "roster"; "" when no role is known.

:func:`extract` does both. Everything is regular expressions and word lists
(``data/people_*``): no model, no network. A person is told from places,
organisations and platforms by lists (countries, cities, known platforms),
by the head word (Commission, Palace, Act ...), and by evidence that the
words name a human being: a title or honorific, a known given name, a role
noun before it, an apposition or "who" after it, a reporting verb, a pronoun
that follows, a credit line ("Image: ...").

Officials follow the rule written in ``data/people_titles.SOURCE.md``: a title
decides alone or from its context (a state modifier, a state body after it);
staff and heads take the status of whom they serve or lead ("Merkel's
spokesman" is an official, "the Clinton campaign's spokesman" and "the
president of Planned Parenthood" are not); appositions and descriptions on
either side of a name ("X, the interior minister,", "Afghan President X",
"Minister for Immigration X") give the role; "the minister" points to the last
person named with that title.

Speed: one compiled regex finds the capitalised sequences; each distinct
sequence is split once (``_split_sequence``) and each distinct word sequence is
parsed once (``_parse_tokens``), both cached on the lexicon, so only the
context checks run per mention.
"""
from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

import pandas as pd

from . import aliases as A

__all__ = ["mentions", "resolve", "extract", "load_roster", "outlet_summary", "COLUMNS",
           "MENTION_COLUMNS"]

_DATA = Path(__file__).with_name("data")

COLUMNS = ["article_id", "outlet", "entity_id", "name", "entity_type", "aliases", "role",
           "institution", "country", "is_official", "mentions", "first_offset", "first_paragraph",
           "quoted", "n_quotes", "role_source"]
MENTION_COLUMNS = ["article_id", "outlet", "segment_id", "paragraph", "start", "end", "text",
                   "name", "canonical", "entity_type", "mention_kind", "role", "institution",
                   "country", "official", "evidence"]


def _alternation(words: list, tail: tuple | None = None, not_after: str = "") -> str:
    """A regex group matching any of the literal ``words``, tried in the given
    order, with the first character factored out: "(?:A(?:labama|rizona)|B(?:...))".
    Words with different first characters never match at the same place, so
    the match is the plain alternation's, found without trying every word at
    every capital letter. ``tail`` = (first character, regex for the rest) is
    an extra alternative tried after all the words. ``not_after`` (a character
    class) is the plain pattern's "(?<!not_after)" before the group, moved
    after the first character so that the regex engine can scan for the
    first characters fast.

    >>> _alternation(["Ohio", "Oregon", "Iowa"])
    '(?:O(?:hio|regon)|I(?:owa))'
    >>> _alternation(["Ohio"], not_after="[.]")
    '(?:O(?<![.].)(?:hio))'
    """
    groups: dict[str, list[str]] = {}
    for w in words:
        if w:
            groups.setdefault(w[0], []).append(re.escape(w[1:]))
    if tail is not None:
        groups.setdefault(tail[0], []).append(tail[1])
    guard = f"(?<!{not_after}.)" if not_after else ""
    return "(?:" + "|".join(re.escape(f) + guard + "(?:" + "|".join(rest) + ")" for f, rest in groups.items()) + ")"


# --------------------------------------------------------------------------- lexicons
def _words_file(name: str) -> frozenset:
    out = set()
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.update(A.fold(w) for w in line.split())
    return frozenset(out)


def _lines_file(name: str) -> frozenset:
    out = set()
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.add(A.fold(line))
    return frozenset(out)


class _Lex:
    def __init__(self):
        self.given = (_words_file("people_given_names.txt") | _words_file("people_given_names_world.txt")
                      | _words_file("people_given_names_faker.txt"))
        self.nonname = _words_file("people_nonname_words.txt")
        self.places = set(_lines_file("people_places.txt")) | set(_lines_file("people_cities.txt"))
        self.adj_country: dict[str, str] = {}
        self.country_names: dict[str, str] = {}
        with open(_DATA / "people_countries.csv", encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                c = row["country"].strip()
                self.country_names[A.fold(c)] = c
                for a in filter(None, row["aliases"].split("|")):
                    self.country_names[A.fold(a.strip())] = c
                for a in filter(None, row["adjectives"].split("|")):
                    self.adj_country[A.fold(a.strip())] = c
        self.known: dict[str, tuple[str, str, str, str]] = {}
        with open(_DATA / "people_known_entities.csv", encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                self.known[A.fold(row["name"].strip())] = (row["name"].strip(), row["entity_type"].strip(),
                                                           row["kind"].strip(), row["country"].strip())
        self.cues: dict[str, str] = {}
        with open(_DATA / "people_org_cues.csv", encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                self.cues[row["word"].strip().lower()] = row["kind"].strip()
        self.titles = A.titles()
        self.honorifics = A.honorifics()
        # (words, sentence start) -> _parse_tokens(...): names recur within and across articles
        self.parse_cache: dict = {}
        self.seq_cache: dict = {}         # capitalised sequence -> _split_sequence(...)
        self.suffix_cache: dict = {}      # word tuple -> _title_suffix(...)
        self.role_cache: dict = {}        # (title, modifiers) -> _describe_role(...)
        self.name_country_cache: dict = {}    # (name words, possessor) -> country they name
        self.title_words = frozenset(w for t in self.titles for w in t.split())
        self.max_title = max(len(t.split()) for t in self.titles)
        # country names and adjectives as written (capitalised), for counting in a text
        forms = set()
        with open(_DATA / "people_countries.csv", encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                forms.add(row["country"].strip())
                forms.update(a.strip() for a in row["adjectives"].split("|") + row["aliases"].split("|") if a.strip())
        self.country_re = re.compile(_alternation(sorted(forms, key=len, reverse=True), not_after=r"[\w.]")
                                     + r"(?![\w])")


@lru_cache(maxsize=None)
def _lex() -> _Lex:
    return _Lex()


@lru_cache(maxsize=None)
def _word_lists() -> dict:
    """The small closed word lists of ``data/people_word_lists.csv`` (list, word,
    value), read once: list name -> tuple of (word, value) in file order.

    >>> ("ohio", "") in _word_lists()["us_states"]
    True
    """
    out: dict = {}
    with open(_DATA / "people_word_lists.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["list"], []).append((row["word"], row["value"]))
    return {k: tuple(v) for k, v in out.items()}


def _wset(name: str) -> frozenset:
    """One word list as a set: ``_wset("weekdays")``."""
    return frozenset(w for w, _ in _word_lists()[name])


def _wlist(name: str) -> list:
    """One word list in file order (for regex alternations)."""
    return [w for w, _ in _word_lists()[name]]


def _wmap(name: str) -> dict:
    """One two-column list as a mapping: ``_wmap("plural_titles")["senators"] == "senator"``."""
    return dict(_word_lists()[name])


# Words that are also common surnames: an org/place head word after a known given
# name ("Stuart Hall", "Bill Day") still makes a person.
_SURNAME_CUES = _wset("surname_cues")
# last words of newspaper and broadcaster names: "X Times" is a paper, not Mr. Times; the ones that
# are also surnames ("Emily Post", "Rick Star") count only after a place or an opener word
_MEDIA_HEADS = _wset("media_heads")
# religion, region and movement adjectives: a sequence holding one describes a group, not a person
# ("Christian" is also a given name, so a first word that is a given name is let through)
_GROUP_ADJECTIVES = _wset("group_adjectives")
# places that are also common surnames: never cut from the end of a name
_PLACE_SURNAMES = _wset("place_surnames")
# US states, the places most often glued to names in US headlines and datelines ("Sanders Iowa")
_US_STATES = _wset("us_states")
# "Santa Monica, Calif.", "St. Clairsville, Ohio,": a US place as datelines and locations write it
_US_STATE_AFTER_RE = re.compile(
    r",\s+(?:" + _alternation(sorted({w.title() if "." not in w[:-1] else w.upper() for w in _wset("us_state_abbrevs")}
                                      | {w.title() for w in _US_STATES}, key=len, reverse=True))
    + r")(?:(?<=\.)|(?=[,;:)]|\.(?:\s|$)|\s+[a-z]|\s*$))")
_MEDIA_SURNAMES = _wset("media_surnames")
_MEDIA_OPENERS = _wset("media_openers")
_MODIFIERS = _wset("modifiers")
_DESCRIPTORS = _wset("descriptors")
# words after a place that name a constituency or district: "Bristol North"
_COMPASS_WORDS = _wset("compass_words")
# words before a given name that make a nickname or slogan: "Crazy Bernie", "Hail Carly"
_EPITHETS = _wset("epithets")
_DERIVED_RE = re.compile(r"-(?:based|born|led|backed|owned|run|made|style|era|funded|linked|affiliated|controlled|"
                         r"bound|speaking|american|british|winning|nominated|sponsored|inspired|themed|related|"
                         r"friendly|minded|oriented|focused)$")
_WEEKDAYS = _wset("weekdays")
# function words that never end a name, even capitalised after a given name ("John Of")
_NEVER_SURNAMES = _wset("never_surnames")
_JOB_NOUNS = _wset("job_nouns")
_PRONOUN_NAMES = _wset("pronoun_names")
_ROYAL_TITLES = _wset("royal_titles")
_NAME_SYLLABLES = _wset("name_syllables")
_LEGISLATURE_HEADS = _wset("legislature_heads")
_SHIP_PREFIXES = _wset("ship_prefixes")
_MEMBER_OF_RE = re.compile(r"(?:(?:a|an|the)\s+)?(?:former\s+|veteran\s+|sitting\s+)?member\s+of\s+(?:the\s+)?"
                           r"((?:[\w'-]+\s+){0,5}([\w'-]+))$", re.I)
# a member of a committee of a chamber: "the top Democrat on the House Intelligence Committee"
_COMMITTEE_MEMBER_RE = re.compile(r"(?:(?:a|an|the)\s+)?(?:(?:former|senior|veteran|top|ranking|leading)\s+)*"
                                  r"(?:member|Democrat|Republican|Democratic\s+member|Republican\s+member)\s+"
                                  r"(?:of|on)\s+the\s+(?:House|Senate)\s+(?:[A-Z][\w,&-]*\s+(?:and\s+)?){0,4}"
                                  r"(?:Committee|Subcommittee)\b")
# a seat held in a legislature, as Westminster-system news write it: "the member for Wentworth"
_MEMBER_FOR_RE = re.compile(r"(?:(?:a|the)\s+)?(?:former\s+|federal\s+|state\s+|local\s+)?member\s+for\s+(?:the\s+)?[A-Z]")
# the service before a rank: "Army Capt. X", "Navy Adm. Y", "Border Patrol agent Z"
_SERVICE_WORDS = _wset("service_words")
# what may follow a title in an apposition: "owner of X", "spokesman for Y", "aide to Z",
# "congressman and critic", "(an) official with the ministry"
_APPOS_TITLE_NEXT = _wset("appos_title_next")
_CLAUSE_WORDS = _wset("clause_words")
_PLACE_ARTICLES = _wset("place_articles")
_PARTY_MEMBER = _wset("party_member")
_GROUP_WORDS = _wset("group_words")
_GOV_WORDS = _wset("gov_words")
_NOT_YET = _wset("not_yet")
# titles that make a holder official with no state word around them ("President X", "Governor Y")
_STATE_TITLES_ALONE = _wset("state_titles_alone")
_STATE_KINDS = _wset("state_kinds")
_PARTY_WORDS = _wset("party_words")
_COMPANY_WORDS = _wset("company_words")
_REPORT_VERBS = "(?:" + "|".join(_wlist("report_verbs")) + ")"
_AFTER_VERB_RE = re.compile(r"\s*(?:,\s*)?(?:(?:also|later|then|previously|has|had|have)\s+)?" + _REPORT_VERBS + r"\b")
_AFTER_WHO_RE = re.compile(r"\s*,\s*(?:who|whose|whom)\b([^.;!?\n]{0,160})")
# an apposition ends at punctuation or where a relative clause starts ("Cruz, the Texas senator whom ...")
_AFTER_APPOS_RE = re.compile(r"\s*,\s*((?:the|a|an|his|her|its|their)\s+)?([^,;.!?\n\"()]{2,130}?)"
                             r"(?=\s*(?:,|\.|;|\)|$)|\s+(?:who|whom|whose)\b)")
# dots of abbreviations inside an apposition or a clause after a name ("a spokesman for Mr. Obama",
# "the U.S. ambassador", "a former C.I.A. director"): masked (same length) so that the patterns above,
# which end at a full stop, read on; an initialism before a sentence opener keeps its dot ("... in the U.S. He")
_ABBREV_DOT = "\u2024"
_ABBREV_RE = re.compile(r"\b(?:(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Rev|Hon|St|Ft|Mt|Prof|"
                        r"Atty|Supt|Insp|Det|Cmdr|Maj|Cpl|Pvt|Gens)\.(?=\s+[A-Z])|(?:[A-Z]\.){2,}(?!\s+(?:He|She|It|"
                        r"They|The|But|And|In|A|An|This|That|We|I|His|Her|Its|Their|On|At|As|If|When|Some|Many)\b)(?!\s*$))")
# a middle initial after a capitalised given name: "John F. Kennedy"
_INITIAL_DOT_RE = re.compile(r"(\b[A-Z][a-z]+ [A-Z])\.(?= [A-Z][a-z])")
# (the look-ahead lets the engine skip to capital letters fast)
_ABBREV_ANY_RE = re.compile("(?=[A-Z])(?:" + _INITIAL_DOT_RE.pattern + "|" + _ABBREV_RE.pattern + ")")


# the abbreviated titles of _ABBREV_RE, lower case, without the dot
_TITLE_ABBREVS = frozenset("mr mrs ms dr sen sens rep reps gov govs gen lt col capt sgt adm rev hon st ft mt prof atty supt "
                           "insp det cmdr maj cpl pvt gens".split())


def _mask_abbrev(s: str) -> str:
    """``s`` with the dots of honorifics, initialisms and middle initials replaced by
    :data:`_ABBREV_DOT` (same length, so match offsets hold for ``s`` too).

    >>> _mask_abbrev("a spokesman for Mr. Obama. He") == "a spokesman for Mr\u2024 Obama. He"
    True
    """
    if "." not in s:
        return s
    return _ABBREV_ANY_RE.sub(_abbrev_repl, s)


def _abbrev_repl(m) -> str:
    return m.group(1) + _ABBREV_DOT if m.group(1) else m.group(0).replace(".", _ABBREV_DOT)


class _Unmasked:
    """A match on a :func:`_mask_abbrev` text whose groups read as the original text."""
    __slots__ = ("m",)

    def __init__(self, m):
        self.m = m

    def group(self, i=0):
        g = self.m.group(i)
        return g.replace(_ABBREV_DOT, ".") if g else g

    def end(self, i=0):
        return self.m.end(i)

    def start(self, i=0):
        return self.m.start(i)


def _match_masked(rx: re.Pattern, s: str):
    """``rx.match`` on the masked ``s``, groups unmasked (None when no match)."""
    m = rx.match(s)
    return _Unmasked(m) if m is not None else None


# a predicate that describes the name as an apposition would: "X is the Republican governor of
# Florida", "X, who is a former senator", "X served as mayor of Y" (the article or "served as" needed:
# "X is running for president" is no description)
_COPULA_AFTER_RE = re.compile(r"\s*(?:,\s*who\s+)?(?:(?:is|was|has\s+been|had\s+been|became|remains)\s+"
                              r"(?:now\s+|also\s+|still\s+|currently\s+)?(?=(?:the|a|an|his|her|their)\s|"
                              # "who was French president until 2012": a country adjective, no article
                              r"(?:former\s+)?[A-Z][\w.-]+\s+[a-z])|"
                              # "served as labor secretary", "served as White House counsel"
                              r"(?:served|serves|serving)\s+(?:[a-z]+ly\s+)?as\s+(?=[A-Za-z])|"
                              # "X resigned as prime minister", "X was appointed foreign minister"
                              r"(?:resigned|resigns|stepped\s+down|steps\s+down|retired|quit)\s+as\s+(?=[a-zA-Z])|"
                              r"(?:was|were|has\s+been|had\s+been|is)\s+(?:appointed|named|installed|re-?elected|"
                              r"elected|sworn\s+in)\s+(?:as\s+)?(?=(?:the\s+)?(?:[A-Z][\w.-]+\s+)?[a-z]))")
# a police force named after a titled name: "Sergeant X of the Wellington police"
_POLICE_AFTER_RE = re.compile(r"\s+(?:of|with|from)\s+(?:the\s+)?(?:[A-Z][\w.'-]*\s+){0,4}(?:[Pp]olice|Constabulary|"
                              r"Sheriff's\s+(?:Office|Department)|Highway\s+Patrol|State\s+Patrol)\b")
# capitalised words and a lower-case joining word just before a name sequence ("Centers for ")
_BODY_BEFORE_RE = re.compile(r"(?<![\w.])((?:[A-Z][\w.&'-]*\s+){1,4}(?:for|of|on|and)\s+(?:the\s+)?)$")
# the first words of a predicate too long for _AFTER_APPOS_RE (groups as there)
_COPULA_PHRASE_RE = re.compile(r"\s*,\s*((?:the|a|an|his|her|its|their)\s+)?((?:[^\s,;.!?\n\"()]+\s+){0,7}"
                               r"[^\s,;.!?\n\"()]+)")
# "X, who was press secretary to the president": a title with no article (only modifiers may
# come before it: "who is now deputy mayor", not "who is running for president")
_BARE_COPULA_RE = re.compile(r"\s*,\s*who\s+(?:is|was)\s+(?:now\s+|also\s+|then\s+|once\s+)?(?=[A-Za-z])")
# the words before a staff title in an apposition: whom it serves and what kind of job it is
# ("a McConnell spokesman", "a senior Obama adviser", "a Trump campaign aide")
_APPOS_PRINCIPAL_RE = re.compile(r"(?:[a-z][\w-]*\s+){0,2}((?:[A-Z][\w.'-]*\s+){0,2}[A-Z][\w.'-]*)((?:\s+[a-z][\w-]*){0,3})$")
# a legislator's seat title before a constituency name: "MP for ", "the member of parliament for "
_SEAT_FOR_BEFORE_RE = re.compile(r"\b(?:MPs?|MLAs?|MSPs?|MEPs?|TDs?|[Mm]ember(?:\s+of\s+[Pp]arliament)?|"
                                 r"[Aa]ssembly(?:man|woman|member)|[Cc]ouncill?or)\s+for\s+(?:the\s+)?$")
_PARTY_FROM_STATE_RE = re.compile(r"(?:Democrat|Republican)\s+(?:from|of)\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)$"
                                  # the same in the other order: "a California Democrat", "a Texas Republican"
                                  r"|(?:(?:former|veteran|longtime|conservative|liberal|moderate)\s+)*"
                                  r"([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?:Democrat|Republican)$")
_AFTER_AGE_RE = re.compile(r"\s*,\s*(?:aged\s+)?\d{1,3}\s*,")
_PRONOUN_RE = re.compile(r"\b(?:he|she|his|her|him|himself|herself)\b", re.I)
_CREDIT_RE = re.compile(r"(?:^|[\s(\[])(?:image|images|photo|photos|photograph|picture|video|audio|credit|"
                        r"credits|photographer|illustration|graphic|map|source)s?(?:\s+(?:credit|by|courtesy))?"
                        r"\s*(?:[:|]|by)\s*(?:[^\s:/]{1,40}/)?\s*$", re.I)
_LOWER_BEFORE_RE = re.compile(r"((?:[\w.'-]+\s+){0,6})$")
_PREPOSITION_BEFORE_RE = re.compile(r"\b(?:in|at|from|near|to|into|across|outside|inside|around|of|for)\s+$")
_BY_BEFORE_RE = re.compile(r"\bby\s+$")
_POSSESSOR_BEFORE_RE = re.compile(r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})'s\s+((?:[a-z][\w-]*\s+){0,4}[a-z][\w-]*)\s*,\s*$")
_THE_ROLE_BEFORE_RE = re.compile(r"(?<![\w'.-])(?:[Tt]he|[Aa]nother|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w.-]*'s)\s+"
                                 r"((?:[A-Za-z][\w.'-]*\s+){0,4}[A-Za-z][\w-]*)"
                                 r"\s*,\s*$")     # "the court's chief judge, X": a possessive inside
# (the article starts a word: not the "a" ending "Florida" in "Florida Gov. X for president, Y")
_TITLECASE_RE = re.compile(r"\b[A-Za-z][\w'-]*\b")
_OFFICIAL_CLAUSE_RE = re.compile(
    r"\b(?:consult|chair|chairs|chaired|head|heads|headed|lead|leads|led|oversee|oversees|preside|presides|"
    r"appointed|nominated|elected|sworn|serves|served|serving)\b[^.;]*\b(?:prosecutor|prosecutors|court|"
    r"ministry|minister|government|parliament|senate|congress|cabinet|council|commission|police|"
    r"department|agency)", re.I)


# "X, who represents Ohio in the Senate", "Y, who sits in parliament": a legislator's seat
_SEAT_CLAUSE_RE = re.compile(r"\b(?:represents|represented|representing|sits|sat)\b[^.;]{0,60}\b(?:in|on)\s+(?:the\s+)?"
                             r"(?:[A-Z][\w-]*\s+)?(?:[Ss]enate|[Cc]ongress|[Pp]arliament|[Aa]ssembly|[Ll]egislature|"
                             r"House of (?:Representatives|Commons|Lords|Delegates)|Bundestag|Knesset|Duma|"
                             # "who sits on the House Judiciary Committee"
                             r"(?:House|Senate)\s+(?:[A-Z][\w-]*\s+(?:and\s+)?){0,4}(?:Committee|Subcommittee))\b|"
                             # "who served in the House from 1995 to 2001", "served two terms in the state Senate"
                             # "who has been in Congress since 2005"
                             r"\b(?:serves|served|serving|sat|has\s+been|had\s+been|spent\s+[\w-]+\s+years)\s+"
                             r"(?:[a-z]+\s+){0,3}in\s+(?:the\s+)?(?:U\.S\.\s+|state\s+|[A-Z][a-z]+\s+)?"
                             r"(?:House|Senate|Assembly|Legislature|Congress)\b(?!\s+(?:[Cc]ommittee|[Cc]hamber|[Ss]eat|"
                             r"[Oo]ffice|[Pp]ress|[Cc]afeteria|[Gg]allery|[Ss]taff|[Bb]uilding|[Rr]ace|[Pp]rimary))|"
                             # "who represented the district for a decade", "who represents Ohio's 9th District"
                             r"\brepresent(?:s|ed|ing)\s+(?:the|a|his|her|its|[A-Z][\w.]*(?:'s)?)\s+(?:[\w-]+\s+){0,3}?"
                             r"(?:district|District|congressional\s+seat)\b")


_STATE_CLAUSE_RE = re.compile(
    r"\b(?:chair|chairs|chaired|head|heads|headed|lead|leads|led|oversee|oversees|preside|presides|appointed|"
    r"nominated|elected|sworn|serves|served|serving)\b[^.;]*\b(?:government|ministry|parliament|senate|congress|"
    r"cabinet|police|court|prosecutors?|legislature|council of ministers|"
    # a named state department (capitalised): "who served as deputy chief of staff at the State Department"
    r"(?-i:(?:[A-Z][\w.]*\s+)+Department\b|Department\s+of\s+[A-Z]|White\s+House))", re.I)


def _cap_class() -> str:
    return "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper())


_UP = _cap_class()
_PARTICLES = r"(?:de|del|della|di|da|dos|das|du|des|la|le|van|von|der|den|ter|bin|ibn|al|el|y)"
_ORDINAL_RE = re.compile(r"(?:first|second|third|fifth|eighth|ninth|twelfth|\w+(?:th|teenth))$")


def _not_a_name_word(w: str, lex: _Lex) -> bool:
    """A word that a name listed with others ("X and Y") should not hold: a
    function word, a title, a plural office, a department word or an ordinal."""
    return (w in lex.nonname or w in lex.title_words or w[:-1] in lex.title_words or w in _PLURAL_TITLES or w in _DEPARTMENT_WORDS
            or w in lex.places or bool(_ORDINAL_RE.match(w)))


_LIST_JOINS = frozenset({" and ", ", and ", ", ", " or ", ", or "})
_LETTER_NOUN_RE = re.compile(r"[A-Z]-[a-z]{3,}$")
_PARTICLE_WORDS = frozenset(_PARTICLES[3:-1].split("|"))
_WORD = rf"(?:(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Cmdr|Adm|Rev|Hon|Mme|Messrs|Det|Supt|Insp|Maj)\.(?=[ ][{_UP}])|[{_UP}]\.(?:[{_UP}]\.)+|[{_UP}]\.(?=\s)|[{_UP}][\w]*(?:['\-][\w]+)*|[a-z]{{1,3}}-[{_UP}][\w]*(?:-[\w]+)*|[a-z][{_UP}][\w]+)"
# The first word of a sequence starts with a capital (a plain character class first lets the
# regex engine skip ahead fast); lower-case-initial forms ("al-Assad", "iPhone") only continue one.
_WORD_HEAD = (rf"[{_UP}](?:(?<=[MDPSRGCLAHTI])(?:r|rs|s|x|rof|en|ep|ov|ol|t|gt|apt|mdr|dm|ev|on|me|essrs|et|upt|nsp|aj)"
              rf"\.(?=[ ][{_UP}])|\.(?:[{_UP}]\.)+|\.(?=\s)|[\w]*(?:['\-][\w]+)*)")
_SEQ_RE = re.compile(rf"{_WORD_HEAD}(?:[ ]+(?:{_PARTICLES}[ ]+){{0,2}}{_WORD})*")
_SEQ_BEFORE_BAD = frozenset("'.-")


# --------------------------------------------------------------------------- helpers
def _is_acronym(tok: str) -> bool:
    t = tok.replace(".", "")
    return len(t) >= 2 and t.isupper() and t.isalpha()


def _poss(tok: str) -> bool:
    return tok.endswith("'s") or (tok.endswith("s'") and len(tok) > 3)


def _strip_poss(tok: str) -> str:
    if tok.endswith("'s"):
        return tok[:-2]
    if tok.endswith("'"):
        return tok[:-1]
    return tok


def _sentence_start(norm: str, pos: int, seg_start: int) -> bool:
    j = pos - 1
    while j >= seg_start and norm[j] in " \t\"'([•*-":
        j -= 1
    return j < seg_start or norm[j] in ".!?:\n•"


_HEADLINE_LOWER = frozenset("a an and as at but by for in of on or the to vs via".split())


def _title_case_paragraph(seg_text: str, first: bool = False) -> bool:
    words = _TITLECASE_RE.findall(seg_text)
    if len(words) < 3 or len(words) > 20:
        return False
    if seg_text.rstrip().endswith("."):           # headlines carry no full stop; name-dense sentences do
        if not first:
            return False
        # an article's first line may be its headline with a full stop added by the feed ("Senate
        # Aide Shrugs, Skips Question."): then every word but the short function words is capitalised
        content = [w for w in words if w.lower() not in _HEADLINE_LOWER]
        return len(content) >= 4 and sum(1 for w in content if w[0].isupper()) >= 0.9 * len(content)
    # short function words ("of", "the", "at") are lower case in title case too: judge the long words
    long_words = [w for w in words if len(w) > 3]
    if len(long_words) < 3:
        return False
    caps = sum(1 for w in long_words if w[0].isupper())
    return caps / len(long_words) >= 0.8


# a common noun naming a place or a body just before a capitalised sequence: the sequence is its name
_PLACE_NOUN_BEFORE_RE = re.compile(r"\b(?:suburbs?|towns?|city|cities|village|neighbou?rhood|county|province|region|"
                                   r"borough|municipality|island|township|hamlet|community|enclave)\s+of\s+$")
_LOCATIVE_BEFORE_RE = re.compile(r"\b(?:in|at|near|outside|inside|across|around|through|into|toward|towards)\s+"
                                 r"(?:the\s+)?$")
_ORG_NOUN_BEFORE_RE = re.compile(r"(?:^|[\s(])(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|local|[\w-]+-based)\s+"
                                 r"(?:[a-z][\w-]*\s+){0,2}(?:group|organi[sz]ation|company|firm|brewery|charity|"
                                 r"coalition|nonprofit|non-profit|think\s+tank|band|startup|start-up|website|"
                                 r"newspaper|magazine|publisher|militia|retailer|label|studio|restaurant|hotel|"
                                 r"outlet|PAC)\s+$")
_ORG_OF_BEFORE_RE = re.compile(r"(?<![\w-])[A-Z][\w-]*\s+([A-Z][\w-]*)\s+of\s+(?:the\s+)?$")
_OF_TITLE_AFTER_RE = re.compile(r"\s+of\s+([A-Z][\w-]*)\s+[A-Z]")
_TITLE_PREFIX_BEFORE_RE = re.compile(r"(?<![\w-])(?:then|ex)$")
# the rest of a body's name after a possessive: "People's Republic", "Officers' Training Corps"
_BODY_AFTER_POSS_RE = re.compile(r"['\u2019]s?\s+(?:[A-Z][\w-]*\s+){0,3}(?:Republic|Corps|Party|Union|League|"
                                 r"Association|Front|Council|Army|Movement|Fund|Church|College|School|University|"
                                 r"Hospital|Day|Committee|Alliance|Federation|Congress|Assembly)\b")
# a common noun right after a capitalised sequence that names a place, venue, event or programme
_THING_NOUN_AFTER_RE = re.compile(r"(?:'s?)?\s+(?:restaurants?|hotels?|motels?|cafes?|caf\u00e9s?|diners?|bars?|pubs?|"
                                  r"stores?|shops?|malls?|chats?|programs?|programmes?|meals?|festivals?|parade|"
                                  r"awards?|medals?|prize|stadium|arena|casino|resort|golf\s+course|"
                                  r"museum|airport|highway|expressway|bridge|ranch|plantation)\b")
_FOUNDER_VERB_AFTER_RE = re.compile(r"\s+(?:founded|co-founded|started|created|launched|built|runs|ran|leads|led|"
                                    r"owns|owned|heads|headed|joined|left|chairs|chaired|bought|sold|manages|managed|"
                                    r"hosts|hosted|set|formed|represents|represented|works|worked|directs|directed|"
                                    r"fronts|fronted)\b")
# a line of a list, not a headline: "Paul Hines (Liberal)", "Ward 3: Paul Hines (Green), 3,402 votes"
_LIST_ENTRY_RE = re.compile(r"[^\w\n]{0,3}(?:[\w.'-]+(?:\s+[\w.'-]+){0,3}\s*:\s*)?[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,3}"
                            r"\s*\([^()\n]{1,40}\)")


class _Cand:
    __slots__ = ("start", "end", "tokens", "offs", "name", "title", "title_off", "poss", "possessor",
                 "sent_start", "para", "seg_id", "seg_lo", "seg_hi", "kind", "evidence", "role",
                 "institution", "country", "official", "canonical", "heading")

    def __init__(self):
        self.evidence: list[str] = []
        self.role = self.institution = self.country = self.official = ""
        self.title = ""
        self.possessor = ""
        self.canonical = ""
        self.kind = ""


def _match_title(words_low: list[str], i: int, lex: _Lex) -> int:
    """Length of the longest title phrase starting at words_low[i] (0 if none)."""
    for n in range(min(lex.max_title, len(words_low) - i), 0, -1):
        if " ".join(words_low[i:i + n]) in lex.titles:
            return n
    return 0


def _inner_title(low: list[str], i: int, lex: _Lex):
    """(start, length) of the rightmost title phrase in ``low[i:]`` that leaves
    one to four name words after it (extended left to the longest phrase
    ending at the same word), or None.

    >>> _inner_title("texas senator ted cruz".split(), 0, _lex())
    (1, 1)
    """
    end = len(low)
    for j in range(end - 2, i, -1):
        n = _match_title(low, j, lex)
        if not n or not 1 <= end - (j + n) <= 4:
            continue
        rest = low[j + n:]
        if low[j] in lex.honorifics and n == 1:
            continue                   # "State Senator Dr. Kelli Ward": the title is before the honorific
        while rest and rest[0] in lex.honorifics and len(rest) > 1:
            rest = rest[1:]
        if any(w in lex.title_words or w in lex.nonname for w in rest):
            continue
        stop = j + n
        for k in range(i, j):                  # longest phrase ending at the same word
            if " ".join(low[k:stop]) in lex.titles:
                return k, stop - k
        return j, n
    return None


def _title_suffix(words: list[str], lex: _Lex):
    """Longest title phrase ending the word list (lower-cased), with the
    modifier words before it: returns (start index of modifiers, start of
    title, title phrase) or None. Cached per word tuple on the lexicon."""
    key = tuple(words)
    hit = lex.suffix_cache.get(key, _MISSING)
    if hit is _MISSING:
        if len(lex.suffix_cache) > 200_000:
            lex.suffix_cache.clear()
        hit = lex.suffix_cache[key] = _title_suffix_uncached(words, lex)
    return hit


_MISSING = object()


def _title_suffix_uncached(words: list[str], lex: _Lex):
    """:func:`_title_suffix` without the cache."""
    low = [w.lower().rstrip(",") for w in words]
    best = None
    for n in range(min(lex.max_title, len(low)), 0, -1):
        phrase = " ".join(low[len(low) - n:])
        if phrase in lex.titles:
            best = (len(low) - n, phrase)
            break
    if best is None:
        return None
    k = best[0]
    m = k
    while m > 0:
        w = low[m - 1]
        wf = A.fold(_strip_poss(words[m - 1]))
        if m > 1:                        # two-word countries and adjectives: "North Korean", "South Africa's"
            pair = A.fold(words[m - 2] + " " + _strip_poss(words[m - 1]))
            if pair in lex.adj_country or pair in lex.country_names:
                m -= 2
                continue
        if (w in _MODIFIERS or wf in lex.adj_country or wf in lex.known or wf in lex.country_names
                or w in lex.title_words or _poss(words[m - 1]) or w in ("and", "of", "the")):
            m -= 1
        else:
            break
    while m < k and low[m] in ("and", "of", "the"):
        m += 1
    return m, k, best[1]


def _government_of(country: str) -> str:
    """ "Spain" -> "Government of Spain", "United States" -> "Government of the United States"."""
    if not country:
        return ""
    the = country.startswith(("United ", "Netherlands", "Philippines", "Czech", "European", "Central African"))
    return f"Government of {'the ' if the else ''}{country}"


def _describe_role(title_phrase: str, modifiers: list[str], lex: _Lex, after_text: str = ""):
    """(role, official, institution, country, institution kind) for a title and its
    modifiers. Cached per (title, modifiers) on the lexicon."""
    key = (title_phrase, tuple(modifiers))
    hit = lex.role_cache.get(key)
    if hit is None:
        if len(lex.role_cache) > 200_000:
            lex.role_cache.clear()
        hit = lex.role_cache[key] = _describe_role_uncached(title_phrase, modifiers, lex)
    return hit


def _describe_role_uncached(title_phrase: str, modifiers: list[str], lex: _Lex):
    """:func:`_describe_role` without the cache."""
    role, official, inst_kind = lex.titles.get(title_phrase, (title_phrase, "ctx", ""))
    mods_low = [A.fold(_strip_poss(m)) for m in modifiers]
    country = ""
    institution = ""
    for m, ml in zip(modifiers, mods_low):
        if ml in lex.adj_country:
            country = lex.adj_country[ml]
        elif ml in lex.country_names and ml != "europe":
            country = lex.country_names[ml]      # ("Europe director", "Europe minister": a region's brief)
    for a, b in zip(mods_low, mods_low[1:]):
        pair = a + " " + b
        country = lex.adj_country.get(pair) or lex.country_names.get(pair) or country
    for m, ml in zip(modifiers, mods_low):
        if ml in lex.known and lex.known[ml][1] == "organisation":
            institution = lex.known[ml][0]
    if not institution and len(mods_low) > 1:
        # a body named in several words: "Centers for Disease Control Director X"
        for i in range(len(mods_low)):
            for j in range(len(mods_low), i + 1, -1):
                k = lex.known.get(" ".join(mods_low[i:j]))
                if k is not None and k[1] == "organisation":
                    institution = k[0]
                    break
            if institution:
                break
    if set(mods_low) & _NOT_YET:
        official = "false"               # "the next president", "a would-be mayor": no office yet
    if "former" in mods_low or "ex" in mods_low:
        role = "former " + role
    elif "acting" in mods_low:
        role = "acting " + role
    if "deputy" in mods_low and not role.lower().startswith("deputy"):
        role = "Deputy " + role if role[:1].isupper() else "deputy " + role
    mod_words = {w for ml in mods_low for w in ml.split()}
    gov = bool(mod_words & _GOV_WORDS) or bool(country and inst_kind in ("government", "legislature"))
    # a committee of a legislature: "House Oversight Committee Chairman", "Senate committee chairman"
    gov = gov or bool(mod_words & {"house", "senate"} and mod_words & {"committee", "subcommittee"})
    # a city, county or state before a local or police title: "San Francisco Supervisor", "a Dallas officer"
    if not gov and (inst_kind in ("local government", "police") or title_phrase == "official") and mods_low:
        gov = any(ml in lex.places or ml in _US_STATES for ml in mods_low) or any(
            a + " " + b in lex.places for a, b in zip(mods_low, mods_low[1:]))
    # a state body named before the title: "former CIA director", "FBI spokesman"
    gov = gov or bool(institution and lex.known[A.fold(institution)][2] in _STATE_KINDS)
    if official == "ctx":
        if institution and lex.known[A.fold(institution)][2] in ("platform", "company", "media"):
            official = "false"
        elif mod_words & _COMPANY_WORDS:
            official = "false"
        elif ("House" in modifiers or "Senate" in modifiers) and not mod_words & {"campaign", "party"}:
            official = "true"            # "House Democratic Leader X", "Senate Republican whip X": a chamber
        elif mod_words & _PARTY_WORDS and inst_kind not in ("legislature", "government"):
            official = "false"           # "county GOP chairman", "Democratic strategist"
        elif gov or country:
            official = "true"
        elif title_phrase in _STATE_TITLES_ALONE:
            official = "true"
        else:
            official = "false"
    if not institution:
        if "government" in mods_low or "govt" in mods_low or (inst_kind == "government" and official == "true"):
            institution = _government_of(country)
    if official == "true" and inst_kind == "government" and not institution and country:
        institution = _government_of(country)
    return role, official, institution, country, inst_kind


# --------------------------------------------------------------------------- per article
def _kept_segments(segments: pd.DataFrame) -> dict:
    segs = segments
    if segs is None or not len(segs):
        return {}
    if "kept" in segs.columns:
        segs = segs[segs["kept"].astype(bool)]
    kinds = segs["kind"].tolist() if "kind" in segs.columns else ["paragraph"] * len(segs)
    out: dict = {}
    # plain lists: iterating Arrow-backed columns value by value is slow
    for aid, sid, s, e, k in zip(segs["article_id"].tolist(), segs["segment_id"].tolist(), segs["start"].tolist(),
                                 segs["end"].tolist(), kinds):
        out.setdefault(aid, []).append((int(sid), int(s), int(e), str(k)))
    for v in out.values():
        v.sort(key=lambda x: x[1])
    return out


# function words that are also syllables of romanised given names ("Ip Kwok-him", "James To-man")
_SYLLABLE_TAILS = _wset("syllable_tails")


def _split_sequence(seq: str, lex: _Lex):
    """A capitalised sequence as name candidates, cached per distinct string by
    :func:`_candidates`: a list of ``(offsets relative to the sequence, tokens,
    possessive)`` parts, split after possessive words ("Spain's" | "Prime
    Minister Pedro Sánchez"); or a string when the sequence is one word that
    never names a person (the country it names, or "").

    >>> _split_sequence("Spain's Prime Minister", _lex())
    [((0,), ('Spain',), True), ((8, 14), ('Prime', 'Minister'), False)]
    """
    fold = A.fold
    if " " not in seq and "'" not in seq:
        f = fold(seq)
        if f in lex.nonname:
            return ""                            # "The", "On", "However": the commonest case
        k = lex.known.get(f)
        if (k is not None and k[1] != "organisation") or (k is None and (f in lex.places or f in lex.country_names
                                                                          or f in lex.adj_country)):
            cc = lex.adj_country.get(f) or lex.country_names.get(f) or ""
            return "" if cc == "European Union" else cc
    toks = []
    pos = 0
    for tok in seq.split(" "):
        if tok:
            toks.append((pos, tok))
        pos += len(tok) + 1
    # split after possessive words: "Spain's Prime Minister Pedro" -> "Spain's" | "Prime ..."
    parts, cur = [], []
    for off, tok in toks:
        if "-" in tok:
            # "Cruz-who", "Rubio-as": a dash written as a hyphen before a function word ends the name
            head, _, tail = tok.partition("-")
            if head and fold(tail.split("-")[0]) in lex.nonname and tail not in _SYLLABLE_TAILS:
                cur.append((off, head))
                parts.append(cur)
                cur = []
                continue
        cur.append((off, tok))
        if tok[-2:] == "'s" or tok[-1] == "'":
            parts.append(cur)
            cur = []
    if cur:
        parts.append(cur)
    out = []
    for part in parts:
        ptoks = [t for _, t in part]
        poss = _poss(ptoks[-1])
        if poss:
            ptoks[-1] = _strip_poss(ptoks[-1])
        out.append((tuple(o for o, _ in part), tuple(ptoks), poss))
    return out


# kinds that never become a mention row (only the country they name is counted)
_THING_KINDS = frozenset({"place", "other", "product", "group"})


def _candidates(norm: str, segs: list, lex: _Lex, countries: Counter | None = None,
                listed: set = frozenset()) -> list[_Cand]:
    """Capitalised sequences of the kept segments as candidates. Single words
    that are places, countries, nationalities or known non-organisations are
    not returned (they never name a person); the countries they name are
    counted into ``countries`` instead.

    With ``countries`` given, candidates whose words alone settle them (no
    title, no portfolio before them) are settled here from the cached
    :func:`_parse_tokens` (as :func:`_analyse` would), and those that can only
    name a place or a thing ("other", "place", "product") are not returned:
    only the country they name is counted. The rest have ``kind`` "" and go
    through :func:`_analyse`.
    """
    cands = []
    seq_cache = lex.seq_cache
    parse_cache = lex.parse_cache
    settle = countries is not None
    fold = A.fold
    honorifics = lex.honorifics
    country_names, adj_country = lex.country_names, lex.adj_country
    for para, (sid, lo, hi, kind) in enumerate(segs):
        heading = (kind in ("title", "heading") or hi - lo < 160) \
            and _title_case_paragraph(norm[lo:hi], para == 0 and len(segs) > 1) \
            and sid not in listed and not _LIST_ENTRY_RE.match(norm, lo, hi) and not _BYLINE_RE.match(norm, lo, hi) \
            and not norm[lo:hi].rstrip().endswith(":")    # "From Andrea Peyser writing at The New York Post:"
        for m in _SEQ_RE.finditer(norm, lo, hi):
            base = m.start()
            b = base - 1
            if b >= 0:
                ch = norm[b]
                if (ch.isalnum() or ch in "_'.-") and not (ch == "-" and (b == 0 or norm[b - 1] in " \n\t")) \
                        and not (ch == "-" and _TITLE_PREFIX_BEFORE_RE.search(norm, max(0, b - 6), b)):
                    continue                    # inside a word ("McDonald" is matched whole from "M");
                                                # a dash after a space is a bullet: "-Philip Bump explains";
                                                # "then-President George W. Bush": a title after "then-"/"ex-"
            seq = m.group(0)
            parts = seq_cache.get(seq)
            if parts is None:
                parts = _split_sequence(seq, lex)
                if len(seq_cache) > 200_000:
                    seq_cache.clear()
                seq_cache[seq] = parts
            if parts.__class__ is str:           # not a name: a function word, place or country
                if parts and settle:
                    countries[parts] += 1
                continue
            possessor = ""
            for rel, ptoks, poss in parts:
                start = base + rel[0]
                j = start - 1                   # sentence start (as _sentence_start)
                while j >= lo and norm[j] in " \t\"'([•*-":
                    j -= 1
                sent_start = j < lo or norm[j] in ".!?:\n•"
                parsed = None
                if settle and (sent_start or len(ptoks) < 2 or start - lo < 8
                               or not norm.endswith(("for ", "of ", "to ", "the "), 0, start)):
                    # no portfolio can come before (see _split_portfolio): the words alone decide
                    key = (ptoks, sent_start)
                    parsed = parse_cache.get(key)
                    if parsed is None:
                        if len(parse_cache) > 200_000:        # bounded memory on very large corpora
                            parse_cache.clear()
                        parsed = parse_cache[key] = _parse_tokens(ptoks, sent_start, lex)
                    pkind = parsed[0]
                    if pkind in _THING_KINDS and not parsed[3]:
                        # a place or a thing: only the country it names counts (as in _article_mentions)
                        i, jj = parsed[1], parsed[2]
                        ntoks = ptoks[i:jj] if jj > i else ptoks
                        f = fold(" ".join(ntoks)) if ntoks else ""
                        cc = adj_country.get(f) or country_names.get(f)
                        if not cc and ntoks:
                            f0 = fold(ntoks[0])
                            cc = adj_country.get(f0) or country_names.get(f0)
                        if not cc and possessor:
                            cc = country_names.get(fold(possessor))
                        if cc and cc != "European Union":
                            countries[cc] += 1
                        possessor = " ".join(ptoks) if poss else ""
                        continue
                c = _Cand()
                c.para, c.seg_id, c.seg_lo, c.seg_hi, c.heading = para, sid, lo, hi, heading
                offs = [base + o for o in rel]
                c.poss = poss
                c.possessor = possessor
                c.sent_start = sent_start
                if parsed is not None and parsed[0] and (parsed[0] == "none" or not parsed[3]):
                    # settled by its words: what _analyse does for a parse with a final kind and no title
                    pkind, i, jj, _, _, evidence, _, name_over = parsed
                    if evidence:
                        c.evidence.extend(evidence)
                    if jj <= i:
                        c.kind = "none"
                        c.tokens, c.offs = list(ptoks), offs
                        c.start = offs[0]
                        c.end = offs[-1] + len(ptoks[-1])
                    else:
                        ntoks = list(ptoks[i:jj])
                        noffs = offs[i:jj]
                        c.start = noffs[0]
                        c.end = noffs[-1] + len(ntoks[-1])
                        if i > 0:
                            ft = fold(ptoks[i - 1])
                            if ft in honorifics or ft.rstrip(".") in honorifics:
                                c.start = offs[i - 1]    # "Mr. Sánchez": the honorific is part of the alias
                        c.tokens, c.offs = ntoks, noffs
                        c.name = name_over or " ".join(ntoks)
                        c.kind = pkind
                        if pkind == "organisation" and possessor and not name_over:
                            c.country = country_names.get(fold(possessor), "")
                else:
                    c.offs = offs
                    c.tokens = list(ptoks)
                    c.start = offs[0]
                    c.end = offs[-1] + len(ptoks[-1])
                cands.append(c)
                possessor = " ".join(ptoks) if poss else ""
    return cands


_FAST_FOLD = (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u00a0", " "),
              ("\u02bc", "'"), ("\u2032", "'"), ("\u2013", "-"), ("\u2014", ","))


def _normalize(text: str) -> str:
    """The few foldings name matching needs (same length as the text):
    much faster than :func:`framing.clean.normalize` on long texts."""
    for a, b in _FAST_FOLD:
        if a in text:
            text = text.replace(a, b)
    # a spaced hyphen is a dash, as the em dash: "Daniel Tarullo - a fellow governor -" is an apposition
    if " -" in text:
        text = text.replace(" -- ", " ,  ").replace(" - ", " , ")
    return text


_ROLE_FOR_BEFORE_RE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+((?:[A-Za-z][\w-]*\s+){0,3}[A-Za-z][\w-]*)\s+(?:for|to|of|at)\s+"
                                 r"((?:the\s+)?(?:[A-Z][\w.&'-]*|[a-z]+)(?:\s+(?:of|for|and|the|[A-Z][\w.&'-]*|[a-z][\w-]*)){0,6})"
                                 r"\s*,\s*$")
_ROLE_FOR_START_RE = re.compile(r"(?<![\w'])([A-Z][\w-]*(?:\s+[a-z][\w-]*){0,2})\s+(?:for|to|of|at)\s+"
                                r"((?:the\s+)?(?:[A-Z][\w.&'-]*|[a-z]+)(?:\s+(?:of|for|and|the|[A-Z][\w.&'-]*|[a-z][\w-]*)){0,6})"
                                r"\s*,\s*$")


# the second description of an apposition: "... and former director of the Congressional Budget Office"
_AND_ROLE_RE = re.compile(r"\band\s+(?:(?:a|an|the)\s+)?((?:former|then|ex|onetime|one-time)[\s-]+)?"
                          r"([a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})\s+(?:of|at|for|to|in)\s+((?:the\s+)?[^,;()]{2,70})$")


def _title_and(before: str, lex: _Lex):
    """(modifiers, title phrase) of a capitalised title that ends just before
    "and <description>" at the end of ``before``, or None.

    >>> _title_and("Former Secretary of State and Democratic frontrunner ", _lex())
    (['Former'], 'secretary of state')
    """
    if not before[-1:].isspace():
        return None
    for conn in (" and ", " to "):
        k = before.rfind(conn)
        if k < 0:
            continue
        tail = before[k + len(conn):].split()
        if conn == " to ":
            if tail[:1] == ["the"]:
                tail = tail[1:]          # "Ambassador to the UN": the body is named
            if not all(w[:1].isupper() for w in tail):
                continue
        if not 1 <= len(tail) <= 4:
            continue
        words = before[:k].split()[-6:]
        if not words or not words[-1][:1].isupper():
            continue                     # the title is written as a name part: "Secretary of State"
        suf = _title_suffix(words, lex)
        if suf is not None:
            m0, k0, phrase = suf
            return words[m0:k0], phrase
    return None


_POSTNOMINAL_TITLES = frozenset({"mp", "mep", "msp", "mla", "mpp", "td", "mhk"})


def _parse_tokens(toks: tuple, sent_start: bool, lex: _Lex) -> tuple:
    """The part of a candidate's analysis that depends on its words alone, so
    that it can be cached per distinct word sequence: strip openers,
    honorifics and titles, and classify the remaining name words by lists.

    Returns ``(kind, i, j, title_phrase, title_mods, evidence, kept_word, name)``:
    the name is ``toks[i:j]``; ``kind`` is "" when the words may name a person
    (the context decides), else the final kind ("organisation", "place",
    "other", "acronym", "none" ...); ``name`` overrides the written form
    (a known entity's canonical spelling) or is "".

    >>> _parse_tokens(("Prime", "Minister", "Pedro", "Sánchez"), False, _lex())[:4]
    ('', 2, 4, 'prime minister')
    """
    low = [A.fold(t) for t in toks]
    for k, w in enumerate(low):
        # "Then-President X", "Ex-Governor Y": the title is read without its prefix
        if w[:3] in ("the", "ex-") and w.startswith(("then-", "ex-")) and w.partition("-")[2] in lex.titles:
            low[k] = w.partition("-")[2]
    n_t = len(toks)
    i = 0
    title_mods: list[str] = []
    title_phrase = ""
    evidence: list[str] = []
    # leading function words / sentence openers ("The", "On", "According")
    while i < n_t and low[i] in lex.nonname and not (low[i] in lex.given and i + 1 < n_t and not sent_start):
        if low[i] in _PLACE_ARTICLES and i + 1 < n_t:
            break                        # "Los Angeles Times", "Las Vegas": the article is part of the name
        if i + 1 < n_t and (low[i] + " " + low[i + 1] in lex.places or low[i] + " " + low[i + 1] in lex.country_names):
            break                        # "New Hampshire Union Leader": the word opens a place name
        i += 1
    if i + 1 < n_t and low[i] == "gen" and low[i + 1].rstrip("s") in ("x", "y", "z", "xer", "zer"):
        return ("other", i, n_t, "", (), (), False, "")    # "Gen X", "Gen Xers": a generation, not a general
    if i + 1 < n_t and low[i] in _SHIP_PREFIXES:
        return ("other", i, n_t, "", (), (), False, "")    # "HMS Queen Elizabeth", "USS Gerald R. Ford": a ship
    # a whole known entity or place ("European Commission", "Hong Kong") is never a title + name
    rest_f = " ".join(low[i:])
    if rest_f in lex.known or rest_f in lex.places or rest_f in lex.country_names:
        k = lex.known.get(rest_f)
        return (k[1] if k else "place", i, n_t, "", (), (), False, k[0] if k else "")
    # honorifics, country adjectives, modifiers and title phrases
    while i < n_t:
        li = low[i]
        if li in lex.honorifics or li.rstrip(".") in lex.honorifics:
            evidence.append("honorific")
            i += 1
            continue
        if li in _PLURAL_TITLES and not title_phrase and n_t - i >= 3:
            title_phrase = _PLURAL_TITLES[li]     # "Senators Harry Reid of Nevada, ... and ..."
            evidence.append("title")
            i += 1
            continue
        # a run of modifiers counts only when a title phrase and a name follow it
        j = i
        while j < n_t and (low[j] in lex.adj_country or low[j] in _MODIFIERS or low[j] in lex.country_names
                           or low[j] in _SERVICE_WORDS) and not _match_title(low, j, lex):
            j += 1
        n = _match_title(low, j, lex) if j < n_t else 0
        if n and j + n < n_t:
            title_mods.extend(toks[i:j])
            title_phrase = " ".join(low[j:j + n])
            evidence.append("title")
            i = j + n
            continue
        break
    if not title_phrase and n_t - i >= 3:
        # a title deeper in the sequence, after descriptive words: "Texas Senator Ted Cruz",
        # "U.S. House Speaker Paul Ryan", "Supreme Court Justice Ruth Bader Ginsburg"
        hit = _inner_title(low, i, lex)
        if hit is not None:
            j, n = hit
            title_mods.extend(toks[i:j])
            title_phrase = " ".join(low[j:j + n])
            evidence.append("title")
            i = j + n
            while i < n_t - 1 and (low[i] in lex.honorifics or low[i].rstrip(".") in lex.honorifics):
                evidence.append("honorific")       # "State Senator Dr. Kelli Ward"
                i += 1
    if not title_phrase and n_t - i >= 3:
        # a known organisation glued before a name: "Fox News Sean Hannity", "CNN's" is split earlier
        for k in (3, 2, 1):
            if n_t - i - k >= 2 and low[i + k] in lex.given and lex.known.get(" ".join(low[i:i + k]), ("", ""))[1] \
                    == "organisation":
                title_mods.extend(toks[i:i + k])
                i += k
                break
    if (not title_phrase and n_t - i >= 3 and _is_acronym(toks[i]) and low[i + 1] in lex.given
            and not sent_start):
        title_mods.append(toks[i])        # "... to the UN Nikki Haley": the body is not part of the name
        i += 1
    while i < n_t - 2 and (low[i] in _DESCRIPTORS or low[i] in _GROUP_WORDS):     # "Democrats Hillary Clinton"
        title_mods.append(toks[i])
        i += 1
    if i < n_t - 2 and low[i] in _OF_TITLE_TAILS and low[i + 1] in lex.given and low[i] not in lex.given \
            and not title_phrase:
        i += 1                           # "(secretary of) State Ann Lowe", "(Chief of) Staff Rhoda Menzies":
                                         # the end of a title written with "of", then the name
    if i < n_t - 2 and low[i] in _JOB_NOUNS and not title_phrase:
        i += 1                           # "Shooter Dylann Roof", "Gunman Omar Mateen": a description, not a name
    # "South Korean-born Monte Haines": a derived adjective before the name is a description
    for k in range(n_t - 2, i - 1, -1):
        if _DERIVED_RE.search(toks[k]):
            title_mods.extend(toks[i:k + 1])
            i = k + 1
            break
    if sent_start and n_t - i == 3 and low[i] not in lex.given and low[i + 1] in lex.given and not title_phrase \
            and low[i] not in lex.honorifics and not _is_acronym(toks[i]) and low[i] not in _PLACE_ARTICLES \
            and not (low[i] in _FAMILY_FIRST and _east_asian_given(toks[i + 1:])):    # "Nguyen Tan Dung said"
        i += 1                           # "Moderator Hugh Hewitt asked": a common noun opens the sentence
    if not title_phrase and title_mods:
        # "House Republican Thomas Massie", "Senate Democrat X": a member of that chamber
        mset = {A.fold(m) for m in title_mods}
        if mset & _PARTY_MEMBER:
            chamber = "senator" if "senate" in mset else "representative" if "house" in mset else ""
            if chamber:
                title_phrase = chamber
                title_mods = [m for m in title_mods if A.fold(m) not in ("house", "senate")]
                evidence.append("title")
    j = n_t
    while j > i + 1 and _LETTER_NOUN_RE.match(toks[j - 1]):
        j -= 1                           # "Bernie Sanders T-shirts", "X-rays": a letter and a noun, not a name
    # trailing function words / dates ("Sánchez Monday")
    kept_word = False
    while j > i and low[j - 1] in lex.nonname and j - i > 1:
        if (j - i == 2 and low[i] in lex.given and title_phrase and low[j - 1] not in _WEEKDAYS
                and len(low[j - 1]) > 2):
            kept_word = True             # "Home Secretary Theresa May": a surname that is also a month
            break
        if (j == n_t and j - i == 2 and toks[j - 1] == toks[j - 1].capitalize() and low[j - 1] in _PRONOUN_NAMES
                and low[i] not in lex.title_words and low[i] not in lex.cues):
            kept_word = True             # "Liu He": a given name that is also a pronoun, inside the sequence
            break
        if (j == n_t and j - i == 2 and low[i] in lex.given and len(low[j - 1]) <= 3
                and toks[j - 1][1:].islower() and low[j - 1] not in _WEEKDAYS
                and low[j - 1] not in _NEVER_SURNAMES):
            kept_word = True             # "James To", "David On": a short surname that is a function word,
            break                        # capitalised after a given name (the sequence ends there)
        j -= 1
    # a place glued after a name (headlines, datelines): "Ted Cruz South Carolina"; not a surname
    # that is also a place ("Denzel Washington", "Joe Montana"): only after two words or more
    for k in (2, 1):
        if j - i >= k + 2 and " ".join(low[j - k:j]) in _US_STATES and low[j - k] not in _PLACE_SURNAMES \
                and not toks[j - k - 1].endswith("."):        # "John F. Kennedy": an initial, not a name end
            j -= k
            break
    # a post-nominal legislator's title: "Tony Blaine MP", "Ann Hale MEP" (British and Irish usage)
    if j - i >= 3 and not title_phrase and low[j - 1] in _POSTNOMINAL_TITLES and toks[j - 1].isupper() \
            and low[j - 1] in lex.titles:
        title_phrase = low[j - 1]
        evidence.append("title")
        j -= 1
    # generational suffixes are not part of the surname key: "Charles Elliott III"
    if j - i > 2 and toks[j - 1].lower().rstrip(".,") in _SUFFIXES:
        j -= 1
    out = (title_phrase, tuple(title_mods), tuple(evidence), kept_word)
    if j <= i:
        return ("none", i, j) + out + ("",)
    name_toks = toks[i:j]
    nlow = low[i:j]
    fname = " ".join(nlow)
    if j - i >= 2 and all(t in _NAME_SYLLABLES for t in nlow) and all(not t[1:] or t[1:].islower() for t in name_toks):
        # a name of Burmese shape, all of its syllables ("Aung San Suu Kyi", "Thein Sein"): a person,
        # even where two syllables also name a place
        return ("", i, j, title_phrase, tuple(title_mods), tuple(evidence) + ("given",), kept_word, "")
    # ---- negative evidence: known entities, places, head words, acronyms
    if fname in lex.known:
        return (lex.known[fname][1], i, j) + out + (lex.known[fname][0],)    # organisation / product / place
    if fname in lex.places or fname in lex.country_names or fname in lex.adj_country:
        return ("place", i, j) + out + ("",)
    head = nlow[-1].rstrip(".")
    given_first = nlow[0] in lex.given
    if len(nlow) >= 2 and head in _MEDIA_HEADS and (head not in _MEDIA_SURNAMES or nlow[0] in _MEDIA_OPENERS
                                                    or " ".join(nlow[:-1]) in lex.places
                                                    or nlow[0] in lex.places and nlow[0] not in lex.given):
        return ("organisation", i, j) + out + ("",)     # "Charlotte Observer", "Denver Post": a newspaper
    if head in lex.cues and not (given_first and len(nlow) >= 2 and head in _SURNAME_CUES):
        kind = lex.cues[head]
        kind = "organisation" if kind == "organisation" and len(nlow) >= 2 else (
            kind if kind != "organisation" else "other")
        return (kind, i, j) + out + ("",)
    other = ("other", i, j) + out + ("",)
    if len(nlow) >= 2 and head in _COMPASS_WORDS and " ".join(nlow[:-1]) in lex.places:
        return ("place", i, j) + out + ("",)    # "Bristol North", "Leeds Central": a constituency
    if fname in _ADDRESS_TITLES and "honorific" in evidence:
        return ("none", i, j) + out + ("",)     # "Mr. President", "Madam Speaker": an address, not a name
    if len(nlow) == 1 and (nlow[0] in _DESCRIPTORS or nlow[0] in _PARTY_MEMBER):
        return other                     # "the Republican, a former governor": a party word, not a name
    if _DERIVED_RE.search(name_toks[-1]):
        return other                     # "Arkansas-based", "Russian-born": an adjective, not a name
    if any(_is_acronym(t) for t in name_toks) or any(ch.isdigit() for t in name_toks for ch in t):
        return ("acronym" if len(name_toks) == 1 and _is_acronym(name_toks[0]) else "other", i, j) + out + ("",)
    if any(t in lex.adj_country or t in lex.country_names or (t.endswith("s") and t[:-1] in lex.adj_country)
           for t in nlow) or head in _GROUP_WORDS:
        # "Rep. Nina Israel", "owner Dana Cuban", "editor Colin French": a given name, then a surname
        # that is also a nationality or a country (after a title or honorific, or mid-sentence for a
        # nationality word)
        if not (2 <= len(nlow) <= 3 and given_first and head not in _GROUP_WORDS and nlow[0] not in lex.nonname
                and not any(t in lex.places or t in lex.country_names or t in lex.adj_country for t in nlow[:-1])
                and name_toks[-1][1:].islower()
                and (("honorific" in evidence or "title" in evidence)
                     or (len(nlow) == 2 and head in lex.adj_country and not sent_start and i == 0))):
            return other
    if len(nlow) == 2 and not given_first and nlow[1] in lex.given and (
            nlow[0] in _EPITHETS or (nlow[0].endswith("ing") and len(nlow[0]) > 5)):
        return other                     # "Crazy Bernie", "Electing Hillary": a nickname or a slogan
    if any(t in _GROUP_ADJECTIVES and not (k == 0 and t in lex.given) for k, t in enumerate(nlow)):
        return other                     # "Radical Islamic", "Messianic Jewish", "Southeast Asian"
    if len(nlow) == 2 and head in _US_STATES and head not in _PLACE_SURNAMES and not given_first:
        return other                     # "Republican Iowa", "Sanders Iowa": a word and a place
    if len(nlow) > 1 and (head in _PARTY_MEMBER or head in _DESCRIPTORS):
        return other                     # "Florida Republican", "Blue Dog Democrat"
    if len(nlow) == 2 and head in lex.titles and (nlow[0] in _US_STATES or nlow[0] in lex.places
                                                   or nlow[0] in lex.adj_country):
        return other                     # "The Florida Senator lost": an office, no name after it
    if any(t in _HOLIDAY_WORDS for t in nlow) and not (given_first and len(nlow) == 2 and nlow[1] in _HOLIDAY_WORDS
                                                          and nlow[0] not in _HOLIDAY_WORDS):
        return other                     # "Christmas Day", "a Ramadan Iftar supper": a day or a meal
    if len(nlow) == 1 and len(head) > 5 and head.endswith("ism"):
        return other                     # "Judaism", "Trumpism": a creed or movement
    if len(nlow) > 1 and (nlow[0] in _STORM_HEADS or (i > 0 and low[i - 1] in _STORM_HEADS)):
        return other                     # "Tropical Storm Fay", "Hurricane Katrina": a storm, even after a given name
    if len(nlow) > 1 and not given_first and (nlow[0] in _PLACE_HEADS or nlow[0] in _ORG_HEADS
                                              or any(t in lex.places for t in nlow[:-1])):
        return other                     # "Kentucky Republican", "West Roxbury", "Team Inferno"
    if len(nlow) > 2 and any(a + " " + b in lex.places or a + " " + b in lex.country_names
                             for a, b in zip(nlow, nlow[1:-1])):
        return other                     # "Near East Policy", "New Hampshire Union Leader", "United States
                                         # Mint": a place or a country inside
    if len(nlow) > 1 and any(t in lex.nonname for t in nlow[1:]) and not kept_word:
        return other
    if len(nlow) > 4 and sum(1 for t in nlow if t not in _PARTICLE_WORDS) > 4:
        return other                     # (particles do not count: "Luiz Inácio Lula da Silva")
    if any(t in lex.title_words and t not in lex.given for t in nlow[:-1]) and not title_phrase:
        return other
    if 2 <= len(nlow) <= 3 and nlow[0] in _FAMILY_FIRST and "given" not in evidence and _east_asian_given(name_toks[1:]):
        # "met Hu Jintao", "Nguyen Tan Dung said": a family name first, then a romanised given name
        return ("", i, j, title_phrase, tuple(title_mods), tuple(evidence) + ("given",), kept_word, "")
    return ("", i, j) + out + ("",)


# last words of titles written with "of" ("chief of staff", "secretary of state")
_OF_TITLE_TAILS = frozenset(t.rsplit(" of ", 1)[1] for t in A.titles()
                            if " of " in t and " " not in t.rsplit(" of ", 1)[1])
_HOLIDAY_WORDS = _wset("holidays")
_FAMILY_FIRST = _words_file("people_family_first.txt")
# a romanised Chinese syllable (pinyin, also the Vietnamese and Korean spellings it covers)
_PINYIN_SYL = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxzcsrwy])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ao|an|ei|"
               r"en|er|ia|ie|in|iu|ou|ua|uo|ui|un|ue|a|e|i|o|u)(?:ng|n)?")
_GIVEN_EA_RE = re.compile(rf"(?:{_PINYIN_SYL}){{1,2}}|[a-z]{{1,5}}-[a-z]{{1,5}}")


def _east_asian_given(toks) -> bool:
    """Whether words read as a romanised East Asian given name: "Jintao", "Keqiang",
    "Tan Dung", "Geun-hye" (one or two words of at most two syllables, or a hyphenated pair)."""
    if not 1 <= len(toks) <= 2 or any(len(t) > 8 for t in toks):
        return False
    return all(t[:1].isupper() and (t[1:].islower() or "-" in t) and (
        _GIVEN_EA_RE.fullmatch(t.lower()) or A.fold(t) in _VIETNAMESE_GIVEN) for t in toks)


_VIETNAMESE_GIVEN = _wset("vietnamese_given")


_PORTFOLIO_BEFORE_RE = re.compile(r"\b((?:[A-Z][\w-]*\s+){0,3}(?:Minister|Secretary|Undersecretary|Commissioner|"
                                  r"Ambassador|"
                                  r"Envoy|Spokes(?:man|woman|person)|Minister of State|Secretary of State|"
                                  # heads of a body: "President of the European Commission X"
                                  r"President|Chair(?:man|woman|person)?|Director(?:-General)?|"
                                  r"Secretary-General|Governor|Head|Speaker|Mayor|Chief|Inspector-General|"
                                  r"Inspector General))\s+(for|of|to)\s+"
                                  r"(the\s+)?$")


# heads whose status is that of the body they lead (see _analyse): "President of X"
# last words of a department's name, not a body's: "Director of Government Affairs"
_DEPARTMENT_WORDS = frozenset({"affairs", "relations", "policy", "communications", "operations", "programs",
                               "programmes", "strategy", "development", "research", "marketing", "sales", "outreach"})
_BODY_HEADS = frozenset({"president", "vice president", "chair", "chairman", "chairwoman", "chairperson", "director",
                         "director-general", "director general", "head"})


def _split_portfolio(c: _Cand, norm: str, lex: _Lex) -> tuple | None:
    """ "Minister for Immigration Chris Bowen": the candidate starts with the
    portfolio of a title written before it. Moves the candidate past the
    portfolio words and returns (title phrase, role as written), or None."""
    toks = c.tokens
    if len(toks) < 2 or c.start - c.seg_lo < 8 or not norm.endswith(("for ", "of ", "to ", "the "), 0, c.start):
        return None
    pm = _PORTFOLIO_BEFORE_RE.search(norm, max(c.seg_lo, c.start - 60), c.start)
    if pm is None:
        return None
    k = 0
    while k < min(3, len(toks) - 1) and A.fold(toks[k]) not in lex.given:
        k += 1
    rest = [A.fold(t) for t in toks[k:]]
    if k == 0 or not rest or rest[0] not in lex.given:
        return None
    title_words = pm.group(1).split()
    suf = _title_suffix(title_words, lex)
    if suf is None:
        # a title written with "of" whose last word opens the candidate: "Chief of | Staff Rhoda Menzies"
        full = title_words + [pm.group(2)] + ([pm.group(3).strip()] if pm.group(3) else []) + list(toks[:k])
        suf = _title_suffix(full, lex)
        if suf is None or " of " not in suf[2]:
            return None
        c.tokens, c.offs = toks[k:], c.offs[k:]
        c.start = c.offs[0]
        mods = " ".join(full[suf[0]:suf[1]])
        return suf[2], "", mods, mods
    role = f"{pm.group(2)} {pm.group(3) or ''}{' '.join(toks[:k])}"     # "for Immigration", "to the UN"
    body = " ".join(toks[:k])
    c.tokens, c.offs = toks[k:], c.offs[k:]
    c.start = c.offs[0]
    return suf[2], role, body, " ".join(title_words[:suf[1]])


def _analyse(c: _Cand, norm: str, lex: _Lex) -> None:
    """Strip titles, classify the candidate, collect evidence."""
    portfolio = _split_portfolio(c, norm, lex) if not c.sent_start else None
    toks, offs = c.tokens, c.offs
    key = (tuple(toks), c.sent_start)
    parsed = lex.parse_cache.get(key)
    if parsed is None:
        if len(lex.parse_cache) > 200_000:        # bounded memory on very large corpora
            lex.parse_cache.clear()
        parsed = lex.parse_cache[key] = _parse_tokens(key[0], c.sent_start, lex)
    kind, i, j, title_phrase, title_mods, evidence, kept_word, name_over = parsed
    title_mods = list(title_mods)
    c.evidence.extend(evidence)
    if j <= i:
        c.kind = "none"
        return
    name_toks, name_offs = toks[i:j], offs[i:j]
    c.start = name_offs[0]
    c.end = name_offs[-1] + len(name_toks[-1])
    if i > 0 and (A.fold(toks[i - 1]) in lex.honorifics or A.fold(toks[i - 1]).rstrip(".") in lex.honorifics):
        c.start = offs[i - 1]            # "Mr. Sánchez": the honorific is part of the alias
    c.tokens, c.offs = name_toks, name_offs
    c.name = name_over or " ".join(name_toks)
    if title_phrase:
        prev = norm[max(c.seg_lo, offs[0] - 12):offs[0]].lower().split()
        if prev and prev[-1] in ("former", "then", "ex-", "late", "acting", "interim"):
            title_mods.insert(0, prev[-1])
        c.title = title_phrase
        role, off, inst, ctry, _ = _describe_role(title_phrase, ([c.possessor] if c.possessor else []) + title_mods,
                                                  lex)
        c.role, c.official, c.institution, c.country = role, off, inst, ctry
        if off != "true" and title_mods and lex.titles.get(title_phrase, ("", "ctx", ""))[1] == "ctx":
            # a body's name cut by a lower-case word before the sequence: "Centers for Disease Control
            # Director X" (the sequence starts at "Disease")
            bm = _BODY_BEFORE_RE.search(norm, max(c.seg_lo, offs[0] - 60), offs[0])
            if bm is not None:
                body = bm.group(1) + " ".join(title_mods)
                k = lex.known.get(A.fold(body))
                if k is not None and k[1] == "organisation" and k[2] in _STATE_KINDS:
                    c.official, c.institution = "true", k[0]
                    c.country = c.country or k[3]
        if c.official != "true" and _POLICE_AFTER_RE.match(norm, c.end, min(c.seg_hi, c.end + 80)):
            c.official = "true"          # "Sergeant Tom Doyle of the Wellington police"
        if A.fold(toks[0]) in ("imagine", "envision", "picture") or \
                _HYPOTHETICAL_TITLE_RE.search(norm, max(c.seg_lo, offs[0] - 40), offs[0]):
            # "what a President Trump would do", "imagine President Sanders": an office imagined, not held
            c.title, c.role, c.official, c.institution, c.country = "", "", "", "", ""
            c.evidence.append("hypothetical")
    if portfolio is not None and not title_phrase:
        title_phrase = c.title = portfolio[0]
        role, off, inst, ctry, _ = _describe_role(title_phrase, [], lex)
        if title_phrase in _BODY_HEADS:
            # a head of a body takes the body's status ("President of the European Commission X",
            # not "President of Planned Parenthood X"); of a place, its office ("Governor of Bavaria X")
            body = A.fold(portfolio[2].removeprefix("the "))
            if body.split()[-1] in _DEPARTMENT_WORDS:
                # "UMWA Director of Government Affairs X": a unit of whoever is named before the title
                off = _principal_status(portfolio[3], c, {}, lex, []) or "false"
            else:
                off = _principal_status(portfolio[2], c, {}, lex, []) or (
                    "true" if body in lex.places or body in lex.country_names else "false")
        elif off != "true" and _principal_status(portfolio[2], c, {}, lex, []) == "true":
            off = "true"                 # "Inspector-General of Police X": a state body named
        c.role, c.official, c.institution, c.country = f"{role} {portfolio[1]}".rstrip(), off, inst, ctry
        c.evidence.append("title")
    if kind:
        c.kind = kind
        if kind == "organisation" and c.possessor and not name_over:
            c.country = lex.country_names.get(A.fold(c.possessor), "")
        return
    if not title_phrase and _SEAT_FOR_BEFORE_RE.search(norm, max(c.seg_lo, c.start - 40), c.start):
        c.kind = "place"                 # "the MP for Bristol West": a constituency, not a person
        return
    if not title_phrase and not c.poss and "honorific" not in c.evidence and len(c.tokens) >= 2:
        bwin = norm[max(c.seg_lo, c.start - 60):c.start]
        if _PLACE_NOUN_BEFORE_RE.search(bwin) or (
                lex.cues.get(A.fold(c.tokens[-1]).lower()) == "place" and _LOCATIVE_BEFORE_RE.search(bwin)):
            c.kind = "place"             # "the suburb of Santa Rosalia", "a rally in Jackson Park"
            return
        if _ORG_NOUN_BEFORE_RE.search(bwin) and not _FOUNDER_VERB_AFTER_RE.match(norm, c.end) \
                and A.fold(c.tokens[0]) not in lex.given:
            c.kind = "organisation"      # "the group Mi Gente Unida", "investment firm Kessler Moore Brand"
            return                       # (not "the firm John Smith founded", "a group Barack Obama won")
    name_toks = c.tokens
    given_first = A.fold(name_toks[0]) in lex.given
    if (not given_first and offs[0] > 0 and norm[offs[0] - 1] in "\"'" and c.end < len(norm) and not c.poss
            and (norm[c.end] in "\"'" or (norm[c.end] in ",.!?" and norm[c.end + 1:c.end + 2] in ("\"", "'")))):
        # (American punctuation puts the comma inside: '"Criminal Minds," "Veep"')
        c.kind = "other"                 # a whole quoted title: "Twin Peaks", "Choose Life"
        return
    after = norm[c.end + (2 if c.poss else 0):min(c.seg_hi, c.end + 200)]
    before = norm[max(c.seg_lo, c.start - 80):c.start]
    if not title_phrase:
        # strip what was dropped (honorifics etc.) from the "before" window
        before = norm[max(c.seg_lo, offs[0] - 80):offs[0]] if i == 0 else norm[max(c.seg_lo, c.start - 80):c.start]
    # credit lines: "Image: Nick Moreau."
    tail_b = before.rstrip()
    if (tail_b[-1:] in (":", "|", "/") or tail_b[-2:].lower() == "by") and _CREDIT_RE.search(before):
        c.evidence.append("credit")
    if given_first and len(name_toks) >= 2:
        c.evidence.append("given")
    elif 2 <= len(name_toks) <= 3 and _SYLLABLE_GIVEN_RE.match(name_toks[-1]):
        # romanised Chinese/Korean given names: "Moon Jae-in", "Leung Kwok-hung"
        c.evidence.append("given")
    comma_after = after.lstrip()[:1] == ","      # the "who", age and apposition patterns all need one
    # (only an apposition, a "who" clause or a predicate starting with a lower-case verb is read masked)
    after_m = _mask_abbrev(after) if comma_after or after[1:2].islower() else after
    if not c.poss:
        if comma_after and _AFTER_WHO_RE.match(after):
            c.evidence.append("who")
        if comma_after and _AFTER_AGE_RE.match(after):
            c.evidence.append("age")
        if _AFTER_VERB_RE.match(after):
            c.evidence.append("verb")
    # lower-case role noun just before: "founder Pavel Durov", "spokesperson Elma Saiz"
    if not title_phrase:
        words = before.split()
        if words and words[-1].lower().startswith(("then-", "ex-")) and words[-1].partition("-")[2][:1].islower():
            pre, _, rest_w = words[-1].partition("-")   # "the then-governor X", "ex-president X"
            words = words[:-1] + ["former" if pre.lower() == "ex" else "then", rest_w]
        if words and not before.endswith((",", ":", ";")) and before[-1:].isspace() \
                and words[-1][-1] not in ",;:" and words[-1].lower() in lex.title_words:
            # cheap test first: a title word just before ("... for president, Mike Murphy": the comma
            # ends a phrase, the title is not Murphy's)
            tail = words[-7:]
            suf = _title_suffix(tail, lex)
            if suf is not None:
                m0, k0, phrase = suf
                # the word just before the name is lower case ("Crown prosecutor X"): a capitalised
                # title is part of the name sequence and was read there
                if tail[-1][:1].islower() or tail[-1].lower() in ("pm", "ceo", "mp", "mep"):
                    role, off, inst, ctry, _ = _describe_role(phrase, tail[m0:k0], lex)
                    c.title = phrase
                    c.role, c.official, c.institution, c.country = role, off, inst, ctry
                    c.evidence.append("role-before")
        # "a spokesman for the State Department, John Kirby": the role and whom it serves, before
        if not c.title and len(c.tokens) > 1 and before.rstrip().endswith(","):
            fm = _ROLE_FOR_BEFORE_RE.search(before)      # one word after "the mayor of Burlington," is a place
            if fm is None or _title_suffix(fm.group(1).split(), lex) is None:
                # "Spokesperson for the Ministry of Defence, Mark Smith, said": the role opens the sentence
                fm = _ROLE_FOR_START_RE.search(before)
                if fm is not None and not ((fm.start(1) == 0 and c.start - len(before) == c.seg_lo)
                                           or before[:fm.start(1)].rstrip()[-1:] in (".", "!", "?", ":", '"')):
                    fm = None
            if fm is not None:
                words = fm.group(1).split()
                suf = _title_suffix(words, lex)
                if suf is not None:
                    m0, k0, phrase = suf
                    role, off, inst, ctry, _ = _describe_role(phrase, words[m0:k0], lex)
                    st = "" if {w.lower() for w in words} & _NOT_YET else _principal_status(fm.group(2), c, {}, lex, [])
                    c.title = phrase
                    c.role, c.official = role, st or off
                    c.institution = inst or (fm.group(2).removeprefix("the ") if fm.group(2)[:1].isupper()
                                             or fm.group(2).startswith("the ") and fm.group(2)[4:5].isupper() else "")
                    c.country = ctry
                    c.evidence.append("role-appos-before")
        # "Spain's prime minister, Pedro Sánchez" / "the owner of X, Elon Musk"
        pm = None
        if not c.title and before.rstrip().endswith(","):    # both patterns end in a comma: skip the search
            pm = _POSSESSOR_BEFORE_RE.search(before) or _THE_ROLE_BEFORE_RE.search(before)
        if pm is not None and not c.title:
            words = pm.group(pm.lastindex).split()
            suf = _title_suffix(words, lex)
            if suf is not None:
                m0, k0, phrase = suf
                mods = words[m0:k0] + ([pm.group(1)] if pm.re is _POSSESSOR_BEFORE_RE else [])
                role, off, inst, ctry, _ = _describe_role(phrase, mods, lex)
                c.title = phrase
                c.role, c.official, c.institution, c.country = role, off, inst, ctry
                c.evidence.append("role-appos-before")
    # an official title joined to a second description: "Former Secretary of State and
    # Democratic presidential frontrunner Hillary Clinton"
    if c.official != "true" and (" and " in before or " to " in before):
        hit = _title_and(before, lex)
        if hit is not None:
            role, off, inst, ctry, _ = _describe_role(hit[1], hit[0], lex)
            if off == "true":
                c.title = c.title or hit[1]
                c.role, c.official = role, off
                c.institution, c.country = c.institution or inst, c.country or ctry
                c.evidence.append("title-and")
    # a private role noun before the name may come with a state job in an apposition after: "the
    # economist X, a former adviser in the Obama White House" (kept only when it makes X an official)
    redo = bool(not c.poss and c.title and c.official == "false" and "role-before" in c.evidence and comma_after)
    if redo:
        saved = (c.title, c.role, c.official, c.institution, c.country, c.possessor, list(c.evidence))
        c.title = ""
    # apposition after: "Musk, owner of X," / "Teresa Peramato, who must consult ..."
    if not c.poss and not c.title:
        # "Castro, 41, the secretary of housing": the apposition follows the age
        age_m = _AFTER_AGE_RE.match(after) if comma_after else None
        appos_after = after_m[age_m.end() - 1:] if age_m else after_m
        am = _match_masked(_AFTER_APPOS_RE, appos_after) if comma_after else None
        if am is not None and am.group(2).startswith(("who ", "whom ", "whose ")):
            am = None                    # ", who is the foreign minister,": read as a copula below
        copula = bare = False
        if am is None:
            cm = _COPULA_AFTER_RE.match(after_m)
            if cm is None:
                cm = _BARE_COPULA_RE.match(after_m)
                bare = cm is not None
            if cm is not None:
                appos_after = ", " + after_m[cm.end():]
                # a long predicate may run on past a comma-free clause ("who served as labor secretary
                # during Mr. Clinton's first term yet endorsed ..."): its first words hold the title
                am = _match_masked(_AFTER_APPOS_RE, appos_after) or _match_masked(_COPULA_PHRASE_RE, appos_after)
                copula = am is not None
        if am and A.fold(am.group(2).split()[0]) in lex.honorifics and len(am.group(2).split()) > 1 \
                and not any(_poss(w) for w in am.group(2).split()[1:4]):
            am = None                    # "Cheers, Ms. Yellen": an address or a list, not a description
                                         # (but "X, Mr. Netanyahu's adviser" is one)
        if am and appos_after[am.end():am.end() + 2] == ". " and len(am.group(2).split()[-1]) <= 4 \
                and am.group(2).split()[-1].lower() in _TITLE_ABBREVS:
            am = None                    # "Mitt Romney, Arizona Sen. John McCain": a list, not an apposition
                                         # (only a title's abbreviation: "envoy to the Middle East." ends one)
        if am and len(c.tokens) == 1 and _PREPOSITION_BEFORE_RE.search(before[-12:]) \
                and _NAME_AFTER_APPOS_RE.match(appos_after, am.end()):
            am = None                    # "in Tamarac, the owner of the club, Mark Schmidt, said": the
                                         # description is the name's after it, not the place's before it
        psm = _PARTY_FROM_STATE_RE.match(am.group(2)) if am and am.group(1) else None
        if psm and A.fold(psm.group(1) or psm.group(2)) in (_US_STATES | {"virginia", "georgia", "montana",
                                                                          "washington", "west virginia"}):
            # "X, a Democrat from Ohio": how US news give a member of Congress's party and state
            c.title = "legislator"
            c.role, c.official = "legislator", "true"
            c.country = c.country or "United States"
            c.evidence.append("appos")
            am = None
        if am and _MEMBER_FOR_RE.match(am.group(0).strip(" ,")):
            # "X, the member for Wentworth": a legislator and the seat held
            c.title = "legislator"
            c.role, c.official = "legislator", "true"
            c.evidence.append("appos")
            am = None
        if am and _COMMITTEE_MEMBER_RE.match(am.group(0).strip(" ,")):
            # "X, the top Democrat on the House Intelligence Committee", "X, a member of the Senate
            # Armed Services Committee": a member of that chamber
            c.title = "legislator"
            c.role, c.official = "legislator", "true"
            c.evidence.append("appos")
            am = None
        mm = _MEMBER_OF_RE.match(am.group(0).strip(" ,")) if am else None
        if mm and A.fold(mm.group(2)) in _LEGISLATURE_HEADS:
            # "X, a member of the Legislative Council": a legislator
            c.title = "legislator"
            c.role, c.official = "member of " + mm.group(1), "true"
            c.institution = mm.group(1) if mm.group(1)[:1].isupper() else ""
            c.evidence.append("appos")
            am = None
        if am:
            words = []
            for w in am.group(2).split():
                # "then-administrator of the agency", "ex-minister": the prefix is a modifier
                pre, dash, rest_w = w.partition("-")
                if dash and pre.lower() in ("then", "ex") and rest_w[:1].islower():
                    words.extend(("former" if pre.lower() == "ex" else "then", rest_w))
                else:
                    words.append(w)
            # "owner of X" -> title at the front, institution after "of"
            low_words = [w.lower() for w in words]
            n = 0
            for k in range(min(len(words), 6)):
                if low_words[k] in _CLAUSE_WORDS:
                    break                # "Mr. Trump, saying that he ... president": a clause, not an apposition
                n = _match_title(low_words, k, lex)
                if n and k + n < len(words) and low_words[k + n] not in _APPOS_TITLE_NEXT and not (
                        low_words[k + n].endswith("ing") and len(low_words[k + n]) > 5):
                    # (a participle may follow: "a State Department official overseeing Lebanon")
                    if words[k][:1].isupper() and words[k + n][:1].isupper() and k + n + 1 < len(words):
                        n = 0            # "President Obama's special envoy": a title before a name, read on
                        continue
                    n = 0                # "Sure, official data show": the title word is an adjective here
                    break
                if n and any(w in ("for", "to", "of", "at", "with", "by", "from", "against") for w in low_words[:k]):
                    n = 0                # "a serious contender for U.S. president": the title is the object
                    break
                if n and bare and not all(w in _MODIFIERS or w in lex.title_words or A.fold(w) in lex.adj_country
                                          or w in _GOV_WORDS or w in _PARTY_MEMBER or A.fold(w) in lex.places
                                          for w in low_words[:k]):
                    n = 0                # "X, who is running for president": no description
                    break
                if n:
                    phrase = " ".join(low_words[k:k + n])
                    mods = words[:k]
                    rest = words[k + n:]
                    body_ok = _state_mods(words[:k + n], lex) if any(w[:1].isupper() for w in mods) else ()
                    inst = ""
                    state_rest = []
                    if rest and rest[0].lower() in ("in", "with"):
                        # "an official in the Obama administration": the body's words tell a state job
                        # (but "the far-right leader in France" names no office)
                        state_rest = [w for w in rest[1:] if w.lower() in _STRICT_GOV_WORDS]
                    if rest and rest[0].lower() in ("of", "at", "for"):
                        state_rest = [w for w in rest[1:] if w.lower() in _STRICT_GOV_WORDS]
                        body_words = rest[1:]
                        for k2 in range(1, len(body_words) - 1):
                            if body_words[k2] == "and" and body_words[k2 + 1][:1].islower():
                                body_words = body_words[:k2]    # "mayor of Nice and currently president of
                                break                            # X": a second description starts
                        inst_words = [w for w in body_words if w[:1].isupper() or w.lower() in ("of", "the")]
                        while inst_words and inst_words[0].lower() in ("of", "the"):
                            inst_words = inst_words[1:]        # "for the ministry" names no body
                        inst = " ".join(inst_words).strip()
                    # words up to a possessive name the principal: "the State Department's climate envoy"
                    last_poss = max((k2 for k2, w in enumerate(mods) if _poss(w)), default=-1)
                    if all(k2 <= last_poss or k2 in body_ok or w[:1].islower() or A.fold(_strip_poss(w)) in lex.adj_country
                           or A.fold(_strip_poss(w)) in lex.known or A.fold(_strip_poss(w)) in lex.country_names
                           or A.fold(_strip_poss(w)) in lex.places or w.lower() in lex.title_words
                           or (w.lower() in _PARTY_MEMBER         # "the Republican mayor of Miami"
                               and (len(c.tokens) >= 2 or "honorific" in c.evidence))
                           or (k2 > 0 and A.fold(mods[k2 - 1] + " " + w) in lex.places)
                           or (k2 + 1 < len(mods) and A.fold(w + " " + mods[k2 + 1]) in lex.places)
                           for k2, w in enumerate(mods)):
                        # (a body the lists know as private gives no state word: "director of X Studies at
                        # the Royal United Services Institute" is not "united" as in the United Nations)
                        role, off, inst2, ctry, _ = _describe_role(phrase, mods + ([inst] if inst else [])
                                                                   + state_rest, lex)
                        if off == "true" and inst and _principal_status(inst, c, {}, lex, []) == "false" \
                                and not _countries_in(inst, lex):
                            off = _describe_role(phrase, mods + state_rest, lex)[1]
                        if any(w.lower() in _PARTY_MEMBER for w in mods) and \
                                lex.titles.get(phrase, ("", "ctx", ""))[1] == "ctx":
                            # "a Republican representative", "a former Democratic governor" hold an
                            # elected office; "the Democratic chair of Jefferson County" a party post
                            off = "true" if lex.titles.get(phrase, ("", "", ""))[2] in (
                                "legislature", "government", "local government") else "false"
                        if inst and A.fold(inst) in lex.known:
                            inst2 = lex.known[A.fold(inst)][0]
                            if lex.known[A.fold(inst)][2] in ("platform", "company", "media") and off != "true":
                                off = "false"
                        elif inst and not inst2 and not _constituency(phrase, rest, inst, lex):
                            inst2 = inst
                        prep = rest[0].lower() if rest else ""
                        body = " ".join(rest[1:])
                        if off != "true" and (prep in ("with", "at", "during", "under") or (
                                prep in ("of", "for") and phrase not in _PRINCIPAL_TITLES) or (
                                prep == "in" and A.fold(body.removeprefix("the ")) not in lex.country_names
                                and A.fold(body) not in lex.places)) \
                                and lex.titles.get(phrase, ("", "ctx", ""))[1] == "ctx" \
                                and not set(low_words[:k]) & _NOT_YET \
                                and _principal_status(body, c, {}, lex, []) == "true":
                            # "an official with the State Department", "at the Treasury", "a press official
                            # in the White House", "a security official during the Bush administration"
                            off = "true"
                        if copula and phrase in _PRINCIPAL_TITLES and off != "false" and rest \
                                and rest[0].lower() in ("of", "for", "to", "at"):
                            # "X is the president of Planned Parenthood": a head or staff member takes
                            # the status of the body served (for a comma apposition _mark_principals does)
                            off = _principal_status(" ".join(rest[1:]), c, {}, lex, []) or off
                        c.title = phrase
                        c.role, c.official, c.institution, c.country = role, off, inst2, ctry
                        c.evidence.append("copula" if copula else "appos")
                        if copula and off == "true":
                            pe = _PRIVATE_ELECTED_RE.search(after_m, 0, 160)
                            if pe is not None and pe.start() < 30:
                                # "X was elected president of the student union": a members' vote, no office
                                c.official = "false"
                        if last_poss >= 0 and phrase in _PRINCIPAL_TITLES and not c.possessor:
                            # "X, Sanders's spokesman": whom the staff member serves (_mark_principals)
                            c.possessor = _strip_poss(" ".join(mods[:last_poss + 1]))
                        elif (am.group(1) or "").strip().lower() in ("his", "her") and phrase in _PRINCIPAL_TITLES \
                                and not rest and not c.possessor and not copula:
                            # "X, his chief of staff": the person named last before (_mark_principals)
                            c.possessor = am.group(1).strip().lower()
                    elif phrase in _PRINCIPAL_TITLES and not rest:
                        # "X, a McConnell spokesman": a staff title after whom it serves; the
                        # principal's status is settled by _mark_principals (via the possessor)
                        pm = _APPOS_PRINCIPAL_RE.match(" ".join(mods))
                        if pm and set(pm.group(2).lower().split()) <= (_STAFF_MODIFIERS | _COMPANY_WORDS
                                                                        | _PARTY_WORDS) and A.fold(pm.group(1).split()[-1]) not in lex.nonname:
                            role, off, _, _, _ = _describe_role(phrase, [], lex)
                            c.title = phrase
                            private = set(pm.group(2).lower().split()) & (_COMPANY_WORDS | _PARTY_WORDS)
                            c.role, c.official = role, ("false" if private else off)
                            c.possessor = "" if private else pm.group(1)
                            c.evidence.append("appos")
                    break
        if _ELECTED_AFTER_RE.match(after) and c.official != "false" \
                and not _HYPOTHETICAL_BEFORE_RE.search(before[-40:]) and not _NOT_ELECTED_RE.match(after[:40]) \
                and not _ELECTORATE_BEFORE_RE.search(before[-40:]) \
                and _ELECTED_AFTER_RE.match(_not_an_election(after[:160])):
            c.official = "true"                 # "X won a seat", "X, 54, was re-elected"
            c.evidence.append("elected")
        elif c.official != "false" and after[:1] in " (" and _INCUMBENT_AFTER_RE.match(after):
            c.official = "true"                 # "X (incumbent)", "X (Liberal, incumbent)" in a results list
            c.role = c.role or "incumbent"
            c.evidence.append("elected")
        wm = _AFTER_WHO_RE.match(after_m) if comma_after else None
        if wm and (_OFFICIAL_CLAUSE_RE.search(wm.group(1)) or _SEAT_CLAUSE_RE.search(wm.group(1))) and not c.title:
            c.official = "true"
            c.evidence.append("official-clause")
        if (not c.title or c.official == "false") and am is not None and " and " in am.group(2):
            # a second description: "X, an economic adviser to Republicans and former director of the
            # Congressional Budget Office": an office of a state body after "and"
            sm = _AND_ROLE_RE.search(am.group(2))
            suf = _title_suffix(sm.group(2).split(), lex) if sm else None
            if suf is not None:
                m0, k0, phrase = suf
                words = sm.group(2).split()
                mods = ([sm.group(1).strip()] if sm.group(1) else []) + words[m0:k0]
                role, off, inst, ctry, _ = _describe_role(phrase, mods, lex)
                body = _principal_body(sm.group(3).strip(), lex)
                kind = lex.titles.get(phrase, ("", "ctx", ""))[1]
                if (kind == "true" and off == "true") or (kind == "ctx" and _principal_status(body, c, {}, lex, []) == "true"):
                    c.title, c.role, c.official, c.country = phrase, role, "true", ctry
                    bw = body.split()
                    while bw and not bw[0][:1].isupper():
                        bw = bw[1:]      # "the nonpartisan Congressional Budget Office"
                    c.institution = inst or " ".join(bw)
                    c.evidence.append("appos")
    if redo and c.official != "true":
        c.title, c.role, c.official, c.institution, c.country, c.possessor, c.evidence[:] = saved
    if c.title and c.official != "true" and not c.poss and comma_after:
        wm = _AFTER_WHO_RE.match(after_m)
        if wm and _STATE_CLAUSE_RE.search(wm.group(1)):
            c.official = "true"          # "Professor X, who chairs the government's flag panel"
            c.evidence.append("official-clause")
    if len(c.tokens) > 1 and "given" not in c.evidence and not _strong(c) and _PRONOUN_RE.search(after[:160]):
        c.evidence.append("pronoun")     # read only where it can decide: multi-word names without other evidence
    if _PREPOSITION_BEFORE_RE.search(before[-12:]) and not c.title:
        c.evidence.append("after-preposition")
    if c.official != "true" and not c.poss and _PARTY_STATE_AFTER_RE.match(after):
        # "Bob Goodlatte (R-Va.)", "Sen. Ted Cruz (R-TX)": the party-and-place tag of a US legislator
        c.official = "true"
        if not c.role:
            c.role = "legislator"           # Congress or a state legislature ("(D-Richmond)")
            c.country = c.country or "United States"
        c.evidence.append("party-state")
    c.kind = "maybe"


# a full name right after an apposition: "..., the owner of the club, Mark Schmidt, ..."
_NAME_AFTER_APPOS_RE = re.compile(r"\s*,\s+[A-Z][a-z]+\.?\s+(?:[A-Z]\.\s+)?[A-Z][\w'-]+\s*[,;.]")
# the tag US news give members of Congress: "(R-Texas)", "(D-N.Y.)", "(I-Vt.)"
_PARTY_STATE_AFTER_RE = re.compile(r"\s*(?:\((?:R|D|I|Rep|Dem|Ind)\.?\s?-\s?[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?"
                                   r"(?:,\s*[\w\s.-]{1,40})?\)|"
                                   # without brackets, between commas: ", R-Tenn.,"
                                   r",\s*[RDI]-[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?(?=[,;)]|\.?\s|$))")
_ELECTED_SENT_RE = re.compile(
    r"\b(?:re-?elected|were elected|was elected|been elected|sworn in|took office|"
    # "Wisconsin voters elected X to a full term": the person elected is the object
    r"(?:voters|electors|the\s+electorate|constituents)\s+(?:(?:have|had|on\s+\w+)\s+)?(?:re-?)?elected\b|"
    r"(?:won|secured|retained|kept|held|lost|regained|gained|captured|clinched|took|defended)\s+(?:back\s+)?"
    r"(?:a|the|his|her|their|its)?\s*(?:[\w-]+\s+){0,3}(?:seats?|wards?|ridings?|electorates?)\b|"
    # "won Bristol West with 45 per cent", "won Ward 3 by 200 votes": a seat by its name
    r"(?-i:won\s+(?:(?:in|the)\s+)?[A-Z][\w'-]*(?:\s+[A-Z0-9][\w'-]*){0,3}\s+(?:with|by)\s+(?:about\s+|nearly\s+|over\s+)?"
    r"\d[\d,.]*\s*(?:per\s*cent|percent|%|votes|ballots))|"
    r"(?:was|were)\s+declared\s+(?:the\s+)?winners?\s+(?:of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:election|race|seat|poll|"
    r"vote|ballot)|after\s+(?:a|the)\s+recount)|"
    r"(?:won|secured|retained)\s+re-?election|"
    # "the first woman elected to the seat", "newly elected to the council"
    r"elected\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:seat|council|parliament|assembly|legislature|senate|congress|"
    r"office|board)\b|"
    r"(?:won|secured|earned|clinched|serving|began|started)\s+(?:a|his|her|their)\s+(?:second|third|fourth|fifth|"
    r"sixth|new|another|\d+(?:st|nd|rd|th))\s+(?:(?:[\w-]+-year|consecutive|straight|full)\s+)?term\b|(?:won|topped)\s+(?:in\s+)?(?:the\s+)?(?:[\w-]+\s+){0,4}?"
    r"(?:constituency|constituencies|district|by-election|general election|legislative election|poll)\b|"
    r"voted\s+(?:back\s+)?into\s+(?:office|parliament|the\s+\w+)|"
    r"(?:was|were|been)\s+returned\s+(?:unopposed|as\s+(?:an?\s+)?(?:member|mp|mla|councillor|legislator)|"
    r"for\s+(?:the\s+)?[\w-]+\s+(?:constituency|district|seat|ward))|"
    r"won\s+(?:the|his|her|their|a)\s+(?:[\w-]+\s+){0,3}?(?:election|race|mandate|by-election|vote)\b|"
    # "was declared elected", "won unopposed", "was voted in as mayor", "returned with a majority of 900"
    r"declared\s+(?:re-?)?elected|won\s+unopposed|(?:was|were|been|got|get)\s+voted\s+(?:back\s+)?in\b|"
    r"returned\s+with\s+(?:a|an)\s+(?:[\w-]+\s+)?majority|"
    # "won with 4,210 votes", "won with 52 per cent of the vote"
    r"won\s+(?:it\s+|easily\s+|comfortably\s+|narrowly\s+)?with\s+(?:about\s+|nearly\s+|over\s+|more\s+than\s+|just\s+)?"
    r"\d[\d,.]*\s*(?:votes|ballots|(?:per\s*cent|percent|%)\s+of\s+the\s+(?:vote|votes|ballots)\b)|"
    # "was the winner in Ward 4", "were the winners of the by-election"
    r"(?:was|were|is|are)\s+(?:the\s+)?winners?\s+(?:in|of|for)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?"
    r"(?:ward|district|riding|constituency|seat|election|by-election|poll|vote)\b|"
    # "X unseated Y", "X defeated the sitting councillor Y": the winner and the former holder
    r"unseat\w*|(?:defeat\w*|beat|beating|ousted|ousting|toppled|toppling)\s+(?:the\s+)?(?:[\w-]+\s+)?"
    r"(?:incumbent|sitting)\b|"
    # "defeated Lara Voss by 312 votes", "won by 300 votes", "held on by 40 votes", "received the most votes"
    r"(?:defeated|beat|beating|edged(?:\s+out)?|outpolled)\s+[^.;]{1,60}?\s+by\s+(?:just\s+|only\s+|about\s+|some\s+|"
    r"nearly\s+|a\s+mere\s+)?\d[\d,]*\s+votes|"
    r"(?:won|held\s+on|scraped\s+(?:home|in|through)|squeaked\s+(?:by|in|through))\s+(?:[\w-]+\s+){0,3}?by\s+"
    r"(?:just\s+|only\s+|about\s+|some\s+|nearly\s+|a\s+mere\s+)?\d[\d,]*\s+votes|"
    r"(?:received|got|won|took|garnered|polled|gained|drew)\s+the\s+(?:most|highest\s+number\s+of)\s+votes|"
    r"top\s+vote-?getters?|"
    # "won a landslide victory", "secured victory in the Hillside riding"
    r"won\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:landslide|electoral|election)\s+(?:victory|win)|"
    r"(?:won|secured|claimed|clinched|scored)\s+(?:a\s+)?(?:[\w-]+\s+)?victory\s+in\s+(?:the\s+)?(?:[\w'-]+\s+){0,4}?"
    r"(?:ward|district|riding|constituency|electorate|election|by-election|poll|vote|race)\b|"
    # "will represent the Hillside ward", "are the new councillors for Hillside"
    r"will\s+(?:now\s+)?represent\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?(?:ward|district|riding|constituency|electorate|"
    r"division)\b|"
    r"(?:are|were|become|became)\s+the\s+(?:new|newly\s+elected)\s+(?:[\w-]+\s+)?(?:councillors|councilors|mps|"
    r"legislators|senators|representatives|aldermen|trustees|deputies|lawmakers)\b|"
    # a seat by its name: "gained Eastgate from the Liberals", "retained Eastgate with a majority of 900"
    r"(?-i:(?:gained|took|captured|won)\s+(?:[A-Z][\w'-]*\s+){1,4}from\s+(?:the\s+)?[A-Z])|"
    r"(?-i:(?:retained|held|kept|won|gained|took|captured)\s+(?:[A-Z][\w'-]*\s+){1,4}(?:for\s+(?:the\s+)?[A-Z][\w-]*\s+)?"
    r"with\s+(?:a|an)\s+(?:[\w-]+\s+)?majority)|"
    r"(?:came|finished|placed)\s+first\s+(?:in\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:vote|ballot|poll|election|count|ward|"
    r"district|riding|constituency)\b|with\s+\d[\d,]*\s+votes)|"
    r"among\s+(?:the\s+)?(?:winners|those\s+(?:re-?)?elected|(?:newly\s+)?elected\s+\w+)|"
    r"seats?\s+went\s+to|beat\s+[^.]{1,60}?\s+to\s+(?:the\s+)?(?:[\w-]+\s+){0,2}seat\b|"
    # "won 4,100 votes"; not "received 1,200 votes": a loser receives votes too (a results line or
    # "the most votes" decides who won)
    r"won\s+(?:about\s+|some\s+|nearly\s+|over\s+|more\s+than\s+)?"
    r"\d[\d,.]*\s+(?:votes|ballots)\b|"
    r"returned\s+to\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)*(?:[Cc]ouncil|[Pp]arliament|[Ll]egislature|[Aa]ssembly|"
    r"[Cc]ongress|[Ss]enate|LegCo|office))", re.I)
# words one of which every match of _ELECTED_SENT_RE contains (a cheap test per paragraph first)
_ELECTION_CUES = ("elect", "seat", "sworn in", "took office", "constituenc", "district", "poll", "voted", "returned",
                  "race", "mandate", "winner", "votes", "ballots", "term", "ward", "riding", "won ", "unseat",
                  "incumbent", "sitting", "vote", "victory", "represent", "council", "majority", "came first",
                  "ed first", "gain", "took", "captur")
# characters that re.IGNORECASE matches to an ASCII letter but str.lower() does not fold to one
_CASE_ODD = ("\u017f", "\u0131", "\u0130", "\u212a")


def _has_election_cue(seg: str) -> bool:
    """Whether a paragraph may hold a match of :data:`_ELECTED_SENT_RE`
    (False means it cannot: no sentence in it needs the costly regex)."""
    if any(ch in seg for ch in _CASE_ODD):
        return True
    low = seg.lower()
    return any(w in low for w in _ELECTION_CUES)

_NOT_ELECTED_RE = re.compile(r"\b(?:fail\w*|unsuccessful\w*|defeated by|lost to|not elected|if elected|primary|"
                             r"if\b[^.]{0,60}\belected|is elected|gets? elected|until\b[^.]{0,40}\belected|"
                             r"primaries|caucus\w*|nominat\w+|"
                             r"to be elected|would be elected|could be elected|hopes? to|seeking|seeks?|"
                             r"(?:would|could|might|may|to|if\b[^.]{0,60})\s+win|wins? the nomination)\b", re.I)
# "X elected to stay home": a choice, not an election ("elected to the council", "elected to serve" are)
_CHOSE_TO_RE = re.compile(r"(?<![\w-])(?:re-?)?[Ee]lected\s+to\s+(?!(?:the|a|an|his|her|their|its|this|that|one|two|"
                          r"three|four|five|six|seven|eight|nine|ten|office|parliament|congress|council|power|"
                          r"government|legislature|represent|serve|succeed|replace|fill|lead|head|chair|sit)\b)"
                          r"[a-z][\w-]*")
# a party or private post won in a members' vote, not a public office: "was elected party leader",
# "elected Labour leader", "elected chairman of the Rotary Club" (the words are taken out of the
# sentence before it is read for an election)
_PARTY_ADJ = _alternation(sorted(_wset("party_adjectives"), key=len, reverse=True))
_PRIVATE_ELECTED_RE = re.compile(
    r"(?<![\w-])(?:re-?)?[Ee]lected\s+(?:as\s+)?(?:(?:the|its|their|a)\s+)?(?:(?:new|deputy|interim|first|next)\s+)*"
    r"(?:(?:(?i:" + _PARTY_ADJ + r")\s+(?:[Pp]arty\s+)?|[Pp]arty\s+|[Uu]nion\s+|[Cc]lub\s+)"
    r"(?:leader|chair\w*|president|secretary(?:[- ]general)?|treasurer|whip|head|boss)\b|"
    r"(?:leader|chair\w*|president|secretary(?:[- ]general)?|treasurer|head|captain|director|governor|"
    r"trustee)s?\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w'&-]+\s+){0,4}?(?:[Pp]arty|[Cc]lub|[Uu]nion|"
    r"[Aa]ssociation|[Ss]ociety|[Ll]eague|[Ff]ederation|[Cc]hamber\s+of\s+[Cc]ommerce|[Aa]cademy|[Ss]ynod|[Gg]uild|"
    r"[Ff]raternity|[Ss]orority|[Cc]ongregation|[Bb]oard\s+of\s+[Dd]irectors|[Cc]ompany|[Cc]orporation|[Ff]oundation|"
    r"(?i:" + _PARTY_ADJ + r")s?)\b)")


def _not_an_election(sent: str) -> str:
    """``sent`` with the words that say "elected" but name no public election
    blanked out ("elected to stay home", "was elected party leader")."""
    if "lected" not in sent:
        return sent
    return _CHOSE_TO_RE.sub(" ", _PRIVATE_ELECTED_RE.sub(" ", sent))


# "X (incumbent)", "X (Green, incumbent)", "X (inc.)": how a results list marks a seat's holder
_INCUMBENT_AFTER_RE = re.compile(r"\s*\((?:[^()]{1,40}?[,;]\s*)?(?:the\s+)?(?:incumbent|inc\.)(?:[,;][^()]{0,40})?\)")
# "Winners: X (Green), Y (Labour)", "The elected members are X, Y and Z", "Elected were X and Y": the
# names after such an opening in its sentence (up to a word for the losers: "; defeated: Z")
_WINNERS_INLINE_RE = re.compile(
    r"\b(?:(?:winners|winning\s+candidates|successful\s+candidates|new\s+members|newly\s+elected\s+\w+|"
    r"(?:re-?)?elected\s+(?:members|candidates|councillors|councilors|representatives|legislators|deputies|mps|"
    r"senators|officials|mayors|trustees))\s*(?::|(?:were|are|include|included|includes)\b)|"
    r"(?:(?:also|newly)\s+)?(?:re-?)?elected\s*(?::|were\b)|(?:were|was|been)\s+(?:re-?)?elected\s*:)", re.I)
_LOSERS_RE = re.compile(r";|\b(?:lost|losers?|losing|defeated|runners?-up|unsuccessful|came\s+second|trailed|beat|"
                        r"beating|defeating|ahead\s+of|not\s+elected|failed)\b", re.I)
# the person a winner beat: "won the seat, beating Lara Voss", "ahead of the Green candidate Omar Said"
_BEATEN_BEFORE_RE = re.compile(r"\b(?:beat(?:ing|en)?|defeat(?:ed|ing)|edg(?:ed|ing)\s+out|ahead\s+of|over|against)"
                               r"\s+(?:(?:the|a|an|his|her|their)\s+)?(?:[\w.-]+\s+){0,3}$", re.I)
_CHALLENGER_TITLES = frozenset({"candidate", "challenger", "contender", "hopeful", "nominee", "newcomer"})
# "won the race" is an election only when the paragraph speaks of one ("won the race by four seconds" is not)
_RACE_FOR_RE = re.compile(r"\brace\s+(?:for|to\s+(?:be|become|lead|represent|succeed|replace))\b|\b(?:mayoral|"
                          r"presidential|senate|senatorial|gubernatorial|congressional|council|parliamentary|"
                          r"legislative|house|assembly|governor's|mayor's)\s+race\b", re.I)
# the person after "lost to", "conceded defeat to", "was unseated by": the winner
_WINNER_AFTER_LOSS_RE = re.compile(r"\b(?:lost|conceded(?:\s+defeat)?|(?:was|were)\s+(?:defeated|beaten|unseated|ousted)|"
                                   r"lost\s+(?:his|her|their|the)\s+(?:[\w-]+\s+)?seat)\s+(?:to|by)\s+"
                                   r"(?:(?:the|a)\s+)?(?:[\w-]+\s+){0,3}?$", re.I)
_LOSS_WORDS_RE = re.compile(r"\b(?:lost\s+to|defeated\s+by)\b", re.I)
# a vote count right after a name (and its party): "Paul Hines (Liberal) 3,402 votes", "Hines, with 3,402 votes"
_VOTES_AFTER_RE = re.compile(r"(?:\s*\([^()]{1,40}\))?\s*[,:\u2013-]?\s*(?:with\s+|received\s+|got\s+|polled\s+|"
                             r"took\s+|had\s+)?(\d{1,3}(?:,\d{3})+|\d{1,7})\s+votes\b")
# words of a sports race or contest ("won the race by four seconds")
_SPORT_RE = re.compile(r"\b(?:seconds?|minutes?|laps?|metres|meters|km|kilometres|miles|marathon|sprint|finish\s+line|"
                       r"podium|medal|stage|grand\s+prix|rider|driver|horse|cup|championship|title)\b", re.I)
# "X defeated Y", "X unseated Y" in a paragraph about an election: X won it
_DEFEATED_RE = re.compile(r"\b(?:defeated|beat|trounced|routed|edged\s+out|outpolled)\s+(?:(?:the\s+)?[a-z-]+\s+){0,2}"
                          r"[A-Z]")
_RESULTS_CONTEXT_RE = re.compile(r"\b(?:elect\w*|seats?|votes?|voters|constituenc\w+|ballots?|polls?|wards?|ridings?|"
                                 r"electorates?|incumbents?|candidates?|councill?ors?|by-election)\b", re.I)
_FIRST_TO_WIN_RE = re.compile(r"\b(?:first|only|youngest|oldest)\s+(?:[\w-]+\s+){0,3}?to\s+(?:win|hold|take)\s+"
                              r"(?:the|a|this|that|her|his)\s+(?:[\w-]+\s+){0,2}?seat\b", re.I)
_ELECTION_STORY_RE = re.compile(r"\b(?:[Ee]lections?|[Bb]y-elections?|[Ee]lectoral)\b")
_ELECTION_WORDS_RE = re.compile(r"\b(?:elect\w*|seats?|votes?|voters|constituenc\w+|ballot|poll|polls)\b", re.I)
_HYPOTHETICAL_BEFORE_RE = re.compile(r"\b(?:if|when|unless|once|until|whether|should)\s+(?:[\w.'-]+\s+){0,3}$", re.I)
# a title before a name that imagines the office: "a President Trump", "a future President Clinton",
# "imagine President Sanders" (but not "if President Trump signs it": the office is held)
_HYPOTHETICAL_TITLE_RE = re.compile(
    r"(?:(?<![\w'])(?:[Aa]n?|[Ii]magine|[Ee]nvision|[Pp]icture)\s+(?:(?:future|hypothetical|potential|possible|"
    r"prospective|would-be|eventual)\s+)?|(?<![\w'])(?:[Ff]uture|[Hh]ypothetical|[Pp]otential|[Pp]ossible|"
    r"[Pp]rospective|[Ww]ould-be|[Ee]ventual)\s+)$")
_SENT_END_RE = re.compile(r"[.!?](?=\s|$)")
_WINNERS_RE = re.compile(r"\b(?:winners|winning candidates|elected members|new members|were returned|"
                         r"newly elected|successful candidates)\b", re.I)


def _sentence_bounds(norm: str, pos: int, lo: int, hi: int) -> tuple[int, int]:
    """Start and end of the sentence around ``pos`` within one segment."""
    a = max(norm.rfind(". ", lo, pos), norm.rfind("! ", lo, pos), norm.rfind("? ", lo, pos))
    a = lo if a < 0 else a + 2
    m = _SENT_END_RE.search(norm, pos, hi)
    return a, (m.end() if m else hi)


def _listed_segments(norm: str, segs: list | None) -> set:
    """Ids of the short paragraphs that follow one saying, and ending in a
    colon, that the people listed next were elected ("The winners were:")."""
    listed: set = set()
    if segs:
        open_list = False
        for sid, lo, hi, kind in segs:
            if not open_list and norm[hi - 1:hi] != ":" and not norm[lo:hi].rstrip().endswith(":"):
                continue
            seg = norm[lo:hi].rstrip()
            if open_list and (hi - lo < 240 or kind in ("list", "list_item")) and not seg.endswith(":"):
                listed.add(sid)
                continue
            # "The winners were:" counts only in an election paragraph (not "This year's award winners are:")
            open_list = seg.endswith(":") and bool(_ELECTED_SENT_RE.search(seg) or (
                _WINNERS_RE.search(seg) and _ELECTION_WORDS_RE.search(seg)) or (
                # "Elected:", "Winners:" as a heading in an election story
                len(seg) < 60 and _WINNERS_INLINE_RE.search(seg) and _ELECTION_STORY_RE.search(norm))) \
                and not _NOT_ELECTED_RE.search(seg)
    return listed


def _mark_elected(persons: list, norm: str, segs: list | None = None, listed: set | None = None) -> None:
    """People named in a sentence that says someone was elected or won, kept or
    lost a seat hold (or held) elected office: "A, B and C were elected".
    A paragraph saying so that ends in a colon ("The winners were:") extends to
    the short list-like paragraphs that follow it."""
    cache: dict = {}
    listed = _listed_segments(norm, segs) if listed is None else listed
    cue_in_seg: dict = {}
    inline: dict = {}
    titles = A.titles()
    for c in persons:
        if c.official and not (c.official == "false" and c.title and titles.get(c.title, ("", "", ""))[1] == "false"
                               and "hypothetical" not in c.evidence
                               and (titles[c.title][2] != "party" or c.title in _CAMPAIGN_TITLES)):
            continue                    # a private job ("Attorney X was elected governor") yields to the election
                                        # (not a party post: "X, the party leader, was elected in a members' vote")
        if c.seg_id in listed:
            c.official = "true"
            c.evidence.append("elected-list")
            continue
        cued = cue_in_seg.get(c.seg_lo)
        if cued is None:
            cued = cue_in_seg[c.seg_lo] = _has_election_cue(norm[c.seg_lo:c.seg_hi])
        if not cued:
            continue                    # no sentence of the paragraph can say so: skip the costly regex
        a, b = _sentence_bounds(norm, c.start, c.seg_lo, c.seg_hi)
        if (a, b) not in cache:
            sent = norm[a:b]
            cache[(a, b)] = _elected_sentence(sent, norm[c.seg_lo:c.seg_hi])
            low = sent.lower()
            if "elect" in low or "winn" in low or "members" in low or "candidates" in low:
                inline[(a, b)] = _winners_span(norm, a, b, c.seg_lo, c.seg_hi)
        span = inline.get((a, b))
        if span and span[0] <= c.start < span[1]:
            c.official = "true"         # "Winners: X (Green), Y (Labour)"
            c.evidence.append("elected-list")
        elif cache[(a, b)] is True or (cache[(a, b)] is not False and c.start < a + cache[(a, b)]):
            if c.title in _CHALLENGER_TITLES and _BEATEN_BEFORE_RE.search(norm, max(a, c.start - 60), c.start):
                continue                # "won the seat, beating the Green candidate Lara Voss": no office
            c.official = "true"
            c.evidence.append("elected-sentence")
        elif _WINNER_AFTER_LOSS_RE.search(norm, max(a, c.start - 70), c.start) \
                and _ELECTION_WORDS_RE.search(norm, a, b) \
                and not _NOT_ELECTED_RE.search(_LOSS_WORDS_RE.sub(" ", norm[a:b])):
            c.official = "true"         # "Paul Hines conceded defeat to Lara Voss" in an election story
            c.evidence.append("elected-winner")
    # a results line: "Eastgate: Paul Hines (Liberal) 3,402 votes; Lara Voss (Green) 1,201 votes"
    counts: dict = {}
    for c in persons:
        if c.seg_lo in cue_in_seg and cue_in_seg[c.seg_lo] and c.official != "false":
            m = _VOTES_AFTER_RE.match(norm, c.end, min(c.seg_hi, c.end + 80))
            if m:
                counts.setdefault(_sentence_bounds(norm, c.start, c.seg_lo, c.seg_hi), []).append(
                    (int(m.group(1).replace(",", "")), c))
    for (a, b), got in counts.items():
        if len(got) < 2 or _NOT_ELECTED_RE.search(norm, a, b):
            continue
        got.sort(key=lambda x: -x[0])
        if got[0][0] > got[1][0] and got[0][1].official != "true":
            got[0][1].official = "true"  # the most votes in the seat's line won it
            got[0][1].evidence.append("elected-most-votes")
    if segs and len(segs) > 2 and _ELECTION_STORY_RE.search(norm):
        _mark_results_table(persons, norm, segs)


# a results table split into lines, one candidate a line: "Paul Hines (Liberal) 3,402", "Lara Voss - 1,201
# votes (38.5%)", "Omar Said, Green, 977 (elected)": after the name, at most a party (in brackets or up to
# four capitalised words), then the count, "votes", a share and a mark of the winner
_RESULT_LINE_RE = re.compile(
    r"(?:\s*[,;:|\u2013\u2014-]?\s*(?:\([^()\n]{1,40}\)|[A-Z][\w.'&-]*))?(?:\s+[A-Z][\w.'&-]*){0,3}"
    r"\s*[,;:|\u2013\u2014-]?\s*(\d{1,3}(?:,\d{3})+|\d{1,7})(?!\s*%|[\d.,]*\d)(?:\s+votes)?"
    r"(?:\s*[,;|\u2013\u2014-]?\s*\(?\d{1,3}(?:\.\d+)?\s*(?:%|per\s*cent|percent)\)?)?"
    r"\s*(\((?:re-?)?elected\)|[*\u2713\u2714]|[\u2013\u2014-]\s*(?:re-?)?elected)?\s*[.;]?\s*$", re.I)
# words before a results table that make its top name no office holder: an opinion poll, a primary
_NOT_RESULTS_RE = re.compile(r"\b(?:polls?|polling|opinion|survey\w*|projected|projections?|exit)\b", re.I)


def _mark_results_table(persons: list, norm: str, segs: list) -> None:
    """Winners in a results table written one candidate a line: in each run
    of such lines (a line without a count, such as the seat's name, ends a
    run), the lines marked "(elected)" when any is, else the one with the
    most votes when it has strictly more than the next."""
    by_seg: dict = {}
    for c in persons:
        by_seg.setdefault(c.seg_id, []).append(c)
    runs: list = []
    run: list = []
    prev_text = ""
    for sid, lo, hi, _kind in segs:
        got = by_seg.get(sid)
        m = None
        if got and hi - lo <= 120:
            c = min(got, key=lambda x: x.start)
            head = norm[lo:c.start]
            if len(head) <= 4 and not any(ch.isalnum() for ch in head):
                m = _RESULT_LINE_RE.match(norm, c.end, hi)     # (a party after the name may read as a name)
        if m:
            if not run:
                run.append(prev_text)
            run.append((int(m.group(1).replace(",", "")), bool(m.group(2)), c))
            continue
        if len(run) > 2:
            runs.append(run)
        run = []
        prev_text = norm[lo:hi]
    if len(run) > 2:
        runs.append(run)
    for run in runs:
        heading, rows = run[0], run[1:]
        if _NOT_ELECTED_RE.search(heading) or _NOT_RESULTS_RE.search(heading):
            continue
        marked = [c for _, mk, c in rows if mk]
        if not marked:
            rows = sorted(rows, key=lambda x: -x[0])
            marked = [rows[0][2]] if rows[0][0] > rows[1][0] else []
        for c in marked:
            if c.official != "false":
                c.official = "true"
                c.evidence.append("elected-results-table")


def _elected_sentence(sent: str, para: str) -> bool | int:
    """Whether a sentence says that someone in it was elected or won, kept or
    lost a seat (and not a failed or hoped-for bid, a choice, a party post or a
    sports race). An offset instead of True: only the people named before it
    in the sentence won ("X defeated Y")."""
    orig = sent
    sent = _not_an_election(sent)
    hits = [m.group(0) for m in _ELECTED_SENT_RE.finditer(sent)]
    first = _FIRST_TO_WIN_RE.search(sent) if "to " in sent else None
    if first:                           # "the first woman to win the seat": won, not hoped for
        hits.append(first.group(0))
        sent = sent[:first.start()] + " " + sent[first.end():]
    if not hits and not _NOT_ELECTED_RE.search(sent):
        d = _DEFEATED_RE.search(orig) if "e" in orig else None
        if d and _RESULTS_CONTEXT_RE.search(para) and not _SPORT_RE.search(orig):
            return d.start()            # "In the Eastgate ward, Paul Hines defeated Lara Voss": the winner,
                                        # named before the verb (the loser may never have held the seat)
    if not hits or _NOT_ELECTED_RE.search(sent):
        return False
    if all(h.lower().rstrip().endswith("race") or " from " in h for h in hits):
        # "won the race for mayor", or a race in a paragraph about votes; not "won the race by four seconds";
        # "gained Eastgate from the Liberals" only in a paragraph about votes (not "took Crimea from Ukraine")
        return bool((_RACE_FOR_RE.search(sent) and not any(" from " in h for h in hits))
                    or (_ELECTION_WORDS_RE.search(para) and not _SPORT_RE.search(sent)))
    if all(h[:4].lower() in ("defe", "beat", "edge", "outp") for h in hits) and orig.find(hits[0]) > 0:
        return orig.find(hits[0])       # "X defeated Y by 312 votes": X won
    return True


def _winners_span(norm: str, a: int, b: int, lo: int, hi: int) -> tuple | None:
    """Where the names of an inline list of winners lie in the sentence
    ``norm[a:b]`` ("Winners: X (Green), Y (Labour)"), or None."""
    m = _WINNERS_INLINE_RE.search(norm, a, b)
    if m is None:
        return None
    if "elect" not in m.group(0).lower() and not _ELECTION_WORDS_RE.search(norm, lo, hi) \
            and not _ELECTION_STORY_RE.search(norm):
        return None                     # "This year's winners are X and Y": an award, not an election
    if _NOT_ELECTED_RE.search(norm, a, b) or _HYPOTHETICAL_BEFORE_RE.search(norm[a:m.start()]):
        return None
    stop = _LOSERS_RE.search(norm, m.end(), b)
    return m.end(), (stop.start() if stop else b)


# a sentence opening that names an office instead of its holder: "The minister said", "The Ohio
# senator has", "The senator from Texas continues" (group 1 the words, group 2 the title words)
_BACK_TITLE_RE = re.compile(r"[Tt]he\s+((?:[A-Z][\w.-]*\s+){0,2}?)((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)"
                            r"(?=[\s,.;:!?]|$)")
# the attribution after a quote: '"...," the senator said' (the office names the speaker)
_QUOTE_THE_RE = re.compile(r"[,?!]\"?\s+(?=the\s)")
_SPEECH_VERBS = _wset("speech_verbs")
# a sentence opening with a subject pronoun that says its subject was elected: "She was re-elected in 2012."
_BACK_PRONOUN_RE = re.compile(r"(?:He|She)\s")
_BACK_MODIFIERS = frozenset({"former", "veteran", "longtime", "outgoing", "then", "new", "current", "incumbent"})
_SENT_START_RE = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[A-Z])")


# what may stand before a sentence's subject name: nothing, capitalised title words, a time phrase
_SUBJECT_OPENING_RE = re.compile(r"(?:(?:On|In|Last|This|Earlier|Later)\s+[\w,]+\s+)?(?:[A-Z][\w.'-]*\s*)*")


def _antecedent(norm: str, c_list: list, pos: int, segs_before: tuple, keys: dict):
    """The last person named before ``pos`` (full name or surname of a full name) in the same or
    the previous paragraph, as (full-name candidate, mention), or None; the mention must be
    the subject of its sentence (only capitalised title words or a time phrase before it), not
    a possessive."""
    lo = segs_before[0]
    last = None
    for x in c_list:
        if x.start >= pos:
            break
        if x.start >= lo:
            last = x
    if last is None or last.poss:
        return None
    a = max(norm.rfind(". ", lo, last.start), norm.rfind("! ", lo, last.start), norm.rfind("? ", lo, last.start),
            norm.rfind("\n", lo, last.start))
    opening = norm[(a + 1 if a >= 0 else lo):last.start].strip(" \n\"'")
    if not _SUBJECT_OPENING_RE.fullmatch(opening):
        return None                      # "the daughter of Eric Garner": not the subject of its sentence
    head = keys.get(A.fold(last.tokens[-1]).strip("."))
    return (head, last) if head is not None else None


def _mark_back_references(full: list, cands: list, norm: str, segs: list, lex: _Lex) -> None:
    """Roles given in a later sentence: "Ann Lee spoke on Monday. The minister said ..." and
    "Ann Lee said ... She was re-elected in 2012." give Ann Lee the office when she is the
    last person named before (in the same or the previous paragraph), is the subject of her
    sentence, has no title of her own, and no one named in the article holds that title.
    Only titles that are official alone ("minister", "senator", not "president") count, and
    the elected sentence must not be a failed or hoped-for bid."""
    if not full or not segs:
        return
    keys: dict[str, _Cand] = {}
    titled: set = set()
    for c in sorted(full, key=lambda c: c.start):
        k = A.fold(c.tokens[-1]).strip(".")
        keys.setdefault(k, c)
        if c.title:
            titled.add(k)
    heads = {c.title.split()[-1] for c in full if c.title}
    people = sorted((c for c in cands if c.tokens and (c.kind == "person" or (
        c.kind == "maybe" and len(c.tokens) == 1 and A.fold(c.tokens[0]).strip(".") in keys))),
        key=lambda c: c.start)
    prev_lo = None
    for sid, lo, hi, kind in segs:
        window = (prev_lo if prev_lo is not None else lo,)
        prev_lo = lo
        seg = norm[lo:hi]
        quoted = ', the ' in seg or '" the ' in seg
        if not quoted and not any(w in seg for w in ("The ", "He ", "She ")):
            continue
        starts = [lo] + [m.end() for m in _SENT_START_RE.finditer(norm, lo, hi)]
        n_sent = len(starts)
        if quoted:
            starts += [m.end() for m in _QUOTE_THE_RE.finditer(norm, lo, hi)]
        for si, a in enumerate(starts):
            bm = _BACK_TITLE_RE.match(norm, a, hi)
            if bm is not None:
                words = bm.group(2).split()
                # the first title the words reach, at its longest ("foreign minister said" -> "foreign
                # minister"); the words after it start the predicate
                span = next(((k, j) for j in range(1, len(words) + 1) for k in range(j)
                             if " ".join(words[k:j]) in lex.titles), None)
                if span is None:
                    continue
                if si >= n_sent and (span[1] >= len(words) or words[span[1]] not in _SPEECH_VERBS):
                    continue             # after a quote only "the senator said": the office is the speaker
                title = " ".join(words[span[0]:span[1]])
                mods = bm.group(1).split() + words[:span[0]]
                # a title official alone ("minister") or with its modifiers ("the French president"),
                # or a head of state's ("the president")
                if title.split()[-1] in heads or _describe_role(title, mods, lex)[1] != "true" \
                        or any(w[:1].isupper() and A.fold(w) not in lex.adj_country and A.fold(w) not in
                               lex.country_names and A.fold(w) not in _US_STATES for w in mods) \
                        or any(w[:1].islower() and w not in _BACK_MODIFIERS and w not in lex.title_words
                               for w in mods):
                    continue
                hit = _antecedent(norm, people, a, window, keys)
                if hit is None or A.fold(hit[0].tokens[-1]).strip(".") in titled:
                    continue
                c = hit[0]
                role, off, inst, ctry, _ = _describe_role(title, mods, lex)
                c.title, c.role, c.official = title, role, "true"
                c.institution, c.country = c.institution or inst, c.country or ctry
                c.evidence.append("back-title")
                titled.add(A.fold(c.tokens[-1]).strip("."))
                heads.add(title.split()[-1])
            elif _BACK_PRONOUN_RE.match(norm, a, hi):
                b = _SENT_END_RE.search(norm, a, hi)
                sent = norm[a:b.end() if b else hi]
                if not _elected_sentence(sent, norm[lo:hi]) or _HYPOTHETICAL_BEFORE_RE.search(sent[:40]):
                    continue
                hit = _antecedent(norm, people, a, window, keys)
                if hit is not None and hit[0].official != "false" and not any(
                        x.start >= a and x.start < a + len(sent) for x in people):
                    hit[0].official = "true"
                    hit[0].evidence.append("back-elected")


# first words of place names in several languages ("San Bernardino", "Boca Raton", "Fort Worth")
_PLACE_HEADS = _wset("place_heads")
# first words of organisation and event names ("Team Inferno", "Operation Desert Storm")
_ORG_HEADS = _wset("org_heads")
# words that open a storm's name ("Hurricane Katrina", "Tropical Storm Fay")
_STORM_HEADS = _wset("storm_heads")
_PLURAL_TITLES = _wmap("plural_titles")


def _plural_alt(t: str) -> str:
    """Case-sensitive form of a plural title: "[Ss]enators", "MPs"."""
    if t in ("mps", "meps"):
        return t[:-1].upper() + "s"
    return f"[{t[0].upper()}{t[0]}]" + re.escape(t[1:])


def _plural_forms(t: str) -> list:
    """The written forms :func:`_plural_alt` allows: ["Senators", "senators"], ["MPs"]."""
    if t in ("mps", "meps"):
        return [t[:-1].upper() + "s"]
    return [t[0].upper() + t[1:], t]


# the same alternation as "|".join(_plural_alt(t) ...), first letters factored out (see _alternation)
# groups of office holders as written: "Senate Democrats", "members of Congress" -> the title each holds
_PLURAL_GROUPS = _wmap("plural_groups")
_PLURAL_ALT = _alternation([f for t in sorted(_PLURAL_TITLES, key=len, reverse=True) for f in _plural_forms(t)]
                           + sorted(_PLURAL_GROUPS, key=len, reverse=True))
_PLURAL_BEFORE_RE = re.compile(r"(" + _PLURAL_ALT
                               + r")(?:\s+(?:from|of|in)\s+(?:[A-Z][\w.]*\s?){1,3})?"     # "... from Florida"
                               r"(?:\s*,?\s+(?:include|included|including|are|were|such as|like|namely))?"
                               r"(?:\s+|\s*[,:]\s*)$")
# the plural title may end a clause that a colon closes: "two other Republican lawmakers this cycle: A in
# Texas and B in Illinois", "Among the senators who stayed away: A, B and C" (the colon opens the list)
_PLURAL_COLON_RE = re.compile(r"(" + _PLURAL_ALT + r")[^.:;!?\"\n]{1,90}:\s*$")
_LIST_SEP_RE = re.compile(r"(?:,?\s*(?:Jr|Sr)\.?|\s+I{2,3})?\s*(?:\([^()]{1,30}\)|(?:of|in|from)\s+(?:[A-Z][\w.]*\s?){1,3})?\s*"
                          r"(?:,\s*(?:and\s+)?|and\s+)")


def _mark_plural_titles(persons: list, norm: str, segs: list, lex: _Lex, cands: list = ()) -> None:
    """A plural title before a list of names gives each its title:
    "Sens. John McCain (Ariz.) and Kelly Ayotte (N.H.)", "ministers A, B and C". A surname
    not yet read as a person (``cands`` of kind "maybe") may start or continue the list
    ("senators who stayed away: McCain, Pat Toomey and Lisa Murkowski"); only persons are marked."""
    if not persons:
        return
    chain = persons + [c for c in cands if c.kind == "maybe" and c.tokens]
    at = {c.start: c for c in chain}
    for first in sorted(chain, key=lambda c: c.start):
        # only the few person starts are tested, not the whole text
        m = _PLURAL_BEFORE_RE.search(norm, max(first.seg_lo, first.start - 40), first.start)
        if m is None and norm[first.start - 2:first.start].strip() == ":":
            m = _PLURAL_COLON_RE.search(norm, max(first.seg_lo, first.start - 130), first.start)
        if m is None or (m.start() > 0 and norm[m.start() - 1].isalnum()):
            continue
        title = _PLURAL_GROUPS.get(m.group(1)) or _PLURAL_TITLES[m.group(1).lower()]
        role, official, _, _, _ = _describe_role(title, [], lex)
        c = first
        while c is not None:
            if not c.title and c.kind == "person":
                c.title, c.role = title, role
                if not c.official:
                    c.official = official
                c.evidence.append("plural-title")
            sep = _LIST_SEP_RE.match(norm, c.end + (2 if c.poss else 0), c.seg_hi)
            c = at.get(sep.end()) if sep is not None else None


# Staff and head-of-body roles whose public status is that of the person or body they serve
# or lead: "Merkel's spokesman", "an aide to the president", "Planned Parenthood's president".
_PRINCIPAL_TITLES = _wset("principal_titles")
# titles whose holders' staff act for the state ("Merkel's spokesman"); a bare "Secretary Clinton"
# or a former office does not make a campaign spokesman an official
_PRINCIPAL_HEADS = _wset("principal_heads")
_STAFF_MODIFIERS = _wset("staff_modifiers")


@lru_cache(maxsize=512)
def _principal_before_re(title: str) -> re.Pattern:
    """Regex for whom a title before a name serves: "Merkel's spokesman ", "Obama economic
    adviser ", "the president's chief of staff ", "his aide " (group 1 the principal,
    group 2 the words between)."""
    mods = "|".join(sorted(_STAFF_MODIFIERS | _COMPANY_WORDS))
    tw = r"\s+".join(re.escape(w) for w in title.split())
    return re.compile(r"((?:[A-Z][\w.&-]*\s+){0,2}[A-Z][\w.&-]*(?=(?:'s|')?\s)"
                      r"|(?<![\w])the\s+(?:[a-z-]+\s+){0,2}[a-z-]+(?='s?\s)"
                      r"|(?<![\w])(?:[Hh]is|[Hh]er)(?=\s))(?:'s|')?\s+((?:(?:" + mods + r")\s+){0,3})"
                      + tw + r",?\s+$")     # "his chief strategist, X": the comma of an apposition


_AFTER_PRINCIPAL_RE = re.compile(r"\s*,\s*(?:(?:the|a|an|his|her|its|their)\s+)?([^,.;()\"]{1,60}?)\s+(?:for|to|of|at)\s+"
                                 r"((?:the\s+)?[^,.;()\"]{1,60}?)(?=\s*(?:[,.;()\"]|$|\s(?:who|and|said|says|told)\b))")
_PRINCIPAL_GOV_WORDS = _GOV_WORDS - {"public", "official", "officials", "united", "european", "city", "state"}
_STRICT_GOV_WORDS = _wset("strict_gov_words")
_STATE_TITLE_WORDS = _wset("state_title_words")
# a state body written in lower case: "the governor of the central bank"
_STATE_PHRASES = _wset("state_phrases")


_THEN_PREFIX_RE = re.compile(r"^(?:[Tt]hen-|[Ff]ormer\s+)")
# last words of the names of private bodies, even with a state word inside ("Congressional Leadership Fund")
_PRIVATE_HEADS = _wset("private_heads")


def _principal_status(principal: str, c: _Cand, officials: dict, lex: _Lex, before_people: list) -> str:
    """ "true"/"false"/"" for whether ``principal`` (the person or body a staff
    member serves, or the body a head leads) is part of the state."""
    p = principal.strip()
    low = p.lower()
    if low in ("his", "her"):
        return officials.get(before_people[-1], "") if before_people else ""
    if low.startswith("the "):
        p = p[4:]
    # "an adviser to President Bill Clinton": a serving head's title written before the name decides,
    # whoever else of that surname the article names (not "former President X": a former office's staff)
    pw = p.split()
    if len(pw) >= 2 and pw[0][:1].isupper() and pw[0].lower() in _PRINCIPAL_HEADS and pw[1][:1].isupper() \
            and pw[0].lower() not in ("leader", "general", "king", "queen") \
            and all(w[:1].isupper() and not _poss(w) for w in pw[1:4]) and len(pw) <= 4:
        return "true"                  # (not "Sen. X's presidential campaign")
    # "then-President George W. Bush", "Presidents Reagan and Bush": the office is named
    p = _THEN_PREFIX_RE.sub("", p)
    if p.split()[:1] and p.split()[0].lower() in ("presidents", "governors", "senators", "ministers", "mayors"):
        return "true"
    # "Sanders's" -> "Sanders", "Jones'" -> "Jones" (not str.rstrip, which eats every trailing s)
    p = p[:-2] if p.endswith("'s") else p[:-1] if p.endswith("'") else p
    pf = A.fold(p)
    if pf in lex.country_names or pf in lex.adj_country:
        return "true"
    words = [A.fold(w) for w in p.split()]
    if not words:
        return ""
    for n in range(len(words), 0, -1):     # the longest known body the phrase starts with
        k = lex.known.get(" ".join(words[:n]))
        if k is not None and k[1] == "organisation":
            return "true" if k[2] in _STATE_KINDS else "false"
    if words[-1] in officials and p[:1].isupper():
        return officials[words[-1]]
    joined = " ".join(words)
    if p[:1].isupper() and len(words) >= 2 and words[-1] in _PRIVATE_HEADS:
        return "false"                 # "the Congressional Leadership Fund", "the Heritage Foundation"
    if any(ph in joined for ph in _STATE_PHRASES):
        return "true"                  # before the company words: "bank" is one
    if {_strip_poss(w) for w in words} & (_COMPANY_WORDS | _PARTY_WORDS):
        return "false"                 # (also "the Indiana GOP's district organization")
    # a capitalised state word names a state body ("the Interior Department"); a lower-case one only
    # when it cannot be a private body's unit ("the ministry", not "the computer science department")
    raw = p.split()
    if any(w in _PRINCIPAL_GOV_WORDS and (r[:1].isupper() or w in _STRICT_GOV_WORDS) for w, r in zip(words, raw)) \
            or set(words) & _STATE_TITLE_WORDS:
        return "true"
    if p[:1].isupper() and len(words) >= 2 and any(w in lex.cues for w in words):
        return "false"                 # a named non-state body: "Priests for Life", "Acme Foundation"
    return ""


# roles of well-known office holders (people_known_officials.csv) whose staff act for the state
# when the article names the holder with no title ("a spokesman for Barack Obama")
_KNOWN_PRINCIPAL_ROLES = frozenset({"president", "prime minister", "chancellor", "premier", "king", "queen"})


@lru_cache(maxsize=512)
def _after_principal_title_re(title: str) -> re.Pattern:
    """Like :data:`_AFTER_PRINCIPAL_RE`, with the description ending in ``title`` just before
    "for/to/of/at": "X, chief of staff to the governor," (group 1 the description, 2 the principal)."""
    tw = r"\s+".join(re.escape(w) for w in title.split())
    return re.compile(r"\s*,\s*(?:(?:the|a|an|his|her|its|their)\s+)?([^,.;()\"]{0,50}?(?i:" + tw + r"))"
                      r"\s+(?:for|to|of|at)\s+((?:the\s+)?[^,.;()\"]{1,60}?)"
                      r"(?=\s*(?:[,.;()\"]|$|\s(?:who|said|says|told)\b))")


def _principal_body(body: str, lex: _Lex) -> str:
    """The body or person after "for/to/of/at" in a staff or head apposition, cut before " and "
    unless the "and" is part of a known body's name ("an adviser to President Obama and a
    professor" -> "President Obama"; "the Office of Management and Budget" is kept whole).

    >>> _principal_body("the Office of Management and Budget in the Reagan administration", _lex())
    'the Office of Management and Budget in the Reagan administration'
    >>> _principal_body("President Obama and a professor at the University of Chicago", _lex())
    'President Obama'
    """
    if " and " not in body:
        return body
    words = A.fold(body).split()
    if words[:1] == ["the"]:
        words = words[1:]
    for n in range(len(words), 1, -1):
        k = lex.known.get(" ".join(words[:n]))
        if k is not None and "and" in words[:n]:
            return body
    return body.split(" and ")[0]


def _state_mods(mods: list, lex: _Lex) -> set:
    """Indices of the words before a title in an apposition that name a state body
    ("a Justice Department official", "a former Bush administration official",
    "the House Oversight Committee chairman"): runs of capitalised words (with "of",
    "and", "the" inside and a lower-case state word such as "administration" after)
    that :func:`_principal_status` reads as the state.

    >>> sorted(_state_mods(["former", "Bush", "administration"], _lex()))
    [1, 2]
    >>> sorted(_state_mods(["Clinton", "campaign"], _lex()))
    []
    """
    ok: set = set()
    n = len(mods)
    k = 0
    while k < n:
        if not mods[k][:1].isupper():
            k += 1
            continue
        b = k + 1
        while b < n and (mods[b][:1].isupper() or (mods[b].lower() in ("of", "and", "the") and b + 1 < n
                                                   and mods[b + 1][:1].isupper())):
            if _poss(mods[b - 1]):
                break
            b += 1
        if b < n and mods[b].lower() in _STRICT_GOV_WORDS:
            b += 1                       # "Bush administration", "Obama government"
        run = " ".join(_strip_poss(w) for w in mods[k:b])
        words = set(A.fold(run).split())
        committee = bool(words & {"house", "senate"}) and bool(words & {"committee", "subcommittee"})
        if committee or _principal_status(run, _Cand(), {}, lex, []) == "true":
            ok.update(range(k, b))
        k = b
    return ok


@lru_cache(maxsize=None)
def _known_principal_surnames() -> dict:
    """Surname (folded) -> year from which every well-known office holder of that surname in
    ``people_known_officials.csv`` held an office whose staff act for the state (president,
    prime minister ...): "Obama" -> 1997 ... Surnames shared with a holder of another office
    ("Clinton": a president and a secretary of state; "Bush": presidents and a governor) are left out:
    "a Clinton aide" in 2016 may be a campaign's."""
    roles: dict = defaultdict(set)
    since: dict = {}
    with open(_DATA / "people_known_officials.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            words = _official_key(row["name"].strip()).split()
            if len(words) < 2:
                continue
            last = words[-1]
            roles[last].add(row["role"].strip().lower())
            since[last] = max(since.get(last, 0), int(row["since"] or 0))
    return {k: since[k] for k, r in roles.items() if r <= _KNOWN_PRINCIPAL_ROLES}


def _mark_principals(full: list, cands: list, norm: str, lex: _Lex, year: int | None = None) -> None:
    """Staff take the public status of whom they serve, heads that of the body
    they lead: "Merkel's spokesman X", "X, an aide to the president",
    "X, a spokeswoman for the ministry" (official) but "the Clinton campaign's
    spokesman X", "X, president of Planned Parenthood" (not)."""
    officials: dict[str, str] = {}
    holders: dict[str, list] = {}        # surname key -> [(name, serving principal?)]
    for c in full:
        key = A.fold(c.tokens[-1]) if c.tokens else ""
        if key:
            # only a serving official's staff act for the state: a former one's aides do not; the head
            # of a state body counts too ("chief of staff to Leon Panetta, then the C.I.A. director")
            head = c.title.split()[-1:] or (c.role.lower().split()[-1:] if "known-official" in c.evidence
                                            and c.role.lower() in _KNOWN_PRINCIPAL_ROLES else [])
            serving = (c.official == "true" and not c.role.startswith("former")
                       and bool(head) and (head[0] in _PRINCIPAL_HEADS or c.title in _BODY_HEADS))
            holders.setdefault(key, []).append((c.name, serving))
    for key, hs in holders.items():
        groups: list = []                # the persons of that surname: compatible names are one
        for name, serving in hs:
            g = next((g for g in groups if A.compatible(name, g[0])), None)
            if g is None:
                groups.append([name, serving, 1])
            else:
                g[1] = g[1] or serving
                g[2] += 1
        st = {g[1] for g in groups}
        if len(st) > 1:
            # "Mrs. Clinton's spokesman" with President Bill Clinton named too: the one the article
            # names more often is meant; a tie leaves it open
            ranked = sorted((-g[2], not g[1]) for g in groups)
            officials[key] = "" if ranked[0][0] == ranked[1][0] else ("false" if ranked[0][1] else "true")
        else:
            officials[key] = "true" if True in st else "false"
    seen: list[str] = []
    for c in sorted(full, key=lambda c: c.start):
        if c.title and c.title in _PRINCIPAL_TITLES and lex.titles.get(c.title, ("", "ctx", ""))[1] == "ctx":
            principal = between = ""
            after_body = False
            if not c.poss:
                window = _mask_abbrev(norm[c.end:min(c.seg_hi, c.end + 140)])
                # the title itself before "for/to/of/at" ("chief of staff to the governor"), else the first one
                am = _match_masked(_after_principal_title_re(c.title), window) or \
                    _match_masked(_AFTER_PRINCIPAL_RE, window)
                if am and (A.fold(am.group(1)).endswith(c.title) or A.fold(am.group(1)).startswith(c.title + " and")):
                    desc = am.group(1)
                    if set(desc.lower().split()) & _PARTY_WORDS and \
                            lex.titles.get(c.title, ("", "", ""))[2] != "legislature":
                        between = desc           # "the Democratic chair of X County": a party post
                    # "X, Facebook's vice president of public policy": the possessor is the principal
                    principal = desc.split("'")[0] if "'" in desc else _principal_body(am.group(2), lex)
                    after_body = "'" not in desc
            if not principal:
                if c.possessor:
                    principal = c.possessor
                else:
                    before = norm[max(c.seg_lo, c.start - 90):c.start]
                    pm = _principal_before_re(c.title).search(before)
                    if pm:
                        principal, between = pm.group(1), pm.group(2) or ""
            if principal:
                if set(between.lower().split()) & (_COMPANY_WORDS | _PARTY_WORDS):
                    st = "false"                 # "Clinton campaign spokesman": a party or company job
                else:
                    st = _principal_status(principal, c, officials, lex, seen)
                    pw = principal.split()
                    if not st and len(pw) == 1 and pw[0][:1].isupper() and A.fold(_strip_poss(pw[0])) not in officials:
                        # "former Obama adviser X" with Obama not named in full: a well-known head of
                        # government's staff act for the state (once the article's year is in office)
                        since = _known_principal_surnames().get(A.fold(_strip_poss(pw[0])))
                        if since is not None and (year is None or year >= since):
                            st = "true"
                    body = principal[4:] if principal.startswith("the ") else principal
                    caps = [w for w in body.split() if w[:1].isupper()]
                    if not st and after_body and c.title in ("president", "vice president", "vice-president") \
                            and c.official == "true" and caps and not (len(caps) == 1 and caps[0].isupper()) \
                            and not {A.fold(w) for w in caps} & _PUBLIC_BODY_HEADS \
                            and A.fold(" ".join(caps)) not in lex.places and A.fold(" ".join(caps)) not in lex.country_names:
                        st = "false"     # "X, president of NARAL Pro-Choice America", "president of entertainment
                                         # at Fox": a named body not known as the state's is a private one (not a
                                         # country, place, acronym or "... Authority/Council/Bank")
                if st and not (st == "false" and "official-clause" in c.evidence):
                    # (a clause naming a state body outweighs a private principal: "Clinton aide X, who
                    # served as deputy chief of staff at the State Department")
                    c.official = st
                    c.evidence.append("principal")
        if c.tokens:
            seen.append(A.fold(c.tokens[-1]))


# head words of public bodies a president may lead ("President of the Palestinian Authority")
_PUBLIC_BODY_HEADS = frozenset({"authority", "republic", "region", "province", "state", "states", "territory",
                                "government", "council", "assembly", "parliament", "bank", "commission", "court",
                                "senate", "congress", "chamber", "federation", "union", "committee", "board",
                                "tribunal", "agency"})
_SUFFIXES = _wset("suffixes")
# offices used in address after an honorific ("Mr. President"): no name follows
_ADDRESS_TITLES = _wset("address_titles")
_SYLLABLE_GIVEN_RE = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{1,5}$")
# "Voters in X elected", "the people of X re-elected": X is where the voters live, not who was elected
_ELECTORATE_BEFORE_RE = re.compile(r"\b(?:voters|electors|electorate|residents|people|citizens|constituents|"
                                   r"ratepayers|locals|inhabitants)\s+(?:in|of|from|across|throughout)\s+(?:the\s+)?$",
                                   re.I)
_ELECTED_AFTER_RE = re.compile(
    r"\s*(?:\([^()]{1,60}\)\s*)?(?:,[^,.;]{1,80},\s*)?(?:,\s*(?=(?:who\s+|first\s+|re-?elected|elected)))?"
    # "X, who was first elected in 2004", "X, elected in 2004,"
    r"(?:(?:who|has|had|have|was|were|is|also|been|first|narrowly|easily|comfortably)\s+){0,3}"
    r"(?:re-?elected|elected|sworn in|took office|"
    r"(?:won|retained|kept|held|lost|regained|took)\s+(?:a|the|his|her|their|one|its)?\s*(?:[\w-]+\s+){0,3}seats?\b)",
    re.I)


def _strong(c: _Cand) -> bool:
    return any(e in ("honorific", "title", "credit", "role-before", "role-appos-before", "appos", "copula", "who",
                     "age", "official-clause", "elected") for e in c.evidence)


# words that place a story in US politics ("U.S.", "White House", "Republican", a state name)
# (the plain form: "(?=[A-Z(])(?<![\w.])(?:cue|cue|...|\([DR]-[A-Z][\w.]*\))(?![\w])")
_US_CUE_RE = re.compile(_alternation([w for w in _wlist("us_cues") + [w.title() for w in sorted(
                            _US_STATES | {"virginia", "georgia", "montana", "washington"})]
                            if w and ("A" <= w[0] <= "Z" or w[0] == "(")],
                            tail=("(", r"[DR]-[A-Z][\w.]*\)"), not_after=r"[\w.]")
                        + r"(?![\w])")
# titles held in the US political system: their holder's country is the US only when the
# article has a US cue, never the article's main country ("Governor X" in a story on Israel)
_US_TITLES = _wset("us_titles")


def _countries_in(text: str, lex: _Lex) -> frozenset:
    """Countries a text names (by name, alias or adjective), US cues counting as the US.

    >>> sorted(_countries_in("The Spanish cabinet met in Madrid; the White House said", _lex()))
    ['Spain', 'United States']
    """
    out = set()
    for m in lex.country_re.finditer(text):
        f = A.fold(m.group(0))
        c = lex.adj_country.get(f) or lex.country_names.get(f)
        if c and c != "European Union":
            out.add(c)
    if _US_CUE_RE.search(text):
        out.add("United States")
    return frozenset(out)


def _fallback_country(title: str, local: frozenset, counts: Counter, us_cues: int) -> str:
    """Country for an official whose title and context name none, or "" when unsure.

    ``local`` are the countries named in the official's own paragraph, ``counts`` the
    article's country mentions, ``us_cues`` how often it names US politics. A US title
    ("senator", "governor") gets the US only with a US cue; any other title gets the
    article's main country only when that country dominates the article (at least two
    mentions, half as many again as the runner-up, US politics counting as the US) and
    the official's paragraph names it or none (or others, when it leads three to one).

    >>> _fallback_country("minister", frozenset(), Counter({"Spain": 5, "France": 1}), 0)
    'Spain'
    >>> _fallback_country("president", frozenset(), Counter({"Libya": 4}), 3)
    ''
    >>> _fallback_country("president", frozenset({"United States"}), Counter({"Libya": 6}), 1)
    ''
    >>> _fallback_country("governor", frozenset(), Counter({"Israel": 6}), 0)
    ''
    """
    if title in _US_TITLES:
        return "United States" if us_cues or "United States" in local else ""
    counts = Counter(counts)
    counts["United States"] = max(counts["United States"], us_cues)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    main, n = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if n < 2 or 2 * n < 3 * runner_up:       # no country clearly leads the article
        return ""
    if local and main not in local:          # the official's paragraph is about elsewhere
        return ""
    if len(local) > 1 and n < 3 * runner_up:  # ... or also about elsewhere, in a two-country story
        return ""
    return main


def _constituency(title: str, rest: list, inst: str, lex: _Lex) -> bool:
    """True when the words after "for" name the seat a legislator holds, not a body:
    "member of parliament for Leeds", "assemblyman for the 5th district".

    >>> _constituency("member of parliament", ["for", "Leeds"], "Leeds", _lex())
    True
    >>> _constituency("spokesman", ["for", "Meta"], "Meta", _lex())
    False
    """
    kind = lex.titles.get(title, ("", "", ""))[2]
    if not rest or rest[0].lower() != "for" or kind not in ("legislature", "local government"):
        return False
    return lex.cues.get(A.fold(inst.split()[-1]).lower(), "") == "" and A.fold(inst) not in lex.known


_INITIAL_RE = re.compile(r"^(?:[a-z]\.)+$|^[a-z]$")


def _official_key(name: str) -> str:
    """Gazetteer key of a name: folded, middle initials and "Jr." dropped
    ("Donald J. Trump" -> "donald trump").

    >>> _official_key("Vladimir V. Putin")
    'vladimir putin'
    """
    words = [w for w in A.fold(name).replace(",", " ").split()
             if not _INITIAL_RE.match(w) and w.rstrip(".") not in ("jr", "sr")]
    return " ".join(words)


@lru_cache(maxsize=None)
def _known_officials() -> dict:
    """``data/people_known_officials.csv``: gazetteer key -> (role, country, year of first office)
    for well-known holders of public office, named in news with no title ("Angela Merkel said")."""
    out: dict = {}
    with open(_DATA / "people_known_officials.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            val = (row["role"].strip(), row["country"].strip(), int(row["since"] or 0))
            for n in [row["name"]] + row["aliases"].split("|"):
                k = _official_key(n.strip())
                if len(k.split()) >= 2:
                    out.setdefault(k, val)
    return out


# "Conservative leader X", "opposition leader X": a party's leader, who may also hold a seat (a known
# office holder keeps the office); not "the far-right leader", "the protest leader"
_PARTY_LEADER_WORDS = _PARTY_WORDS | _wset("party_adjectives") | {"opposition"}
# a title the text gives that does not rule out a past office ("Hillary Clinton, the nominee")
_CAMPAIGN_TITLES = frozenset({"candidate", "presidential candidate", "nominee", "presidential nominee",
                              "frontrunner", "front-runner", "hopeful", "challenger", "contender", ""})


# words after "next"/"potential"/... that make it an office not yet held; the other words of title
# phrases ("of", "the") and plain nouns do not ("the potential change", "the future of the party")
_NOT_YET_HEADS = frozenset({"presidential", "pick", "choice", "mate", "cabinet", "successor", "nominee",
                            "appointee"})
_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "to", "in", "a", "an", "on", "at", "with"})


def _not_yet_office(sent: str) -> bool:
    """Whether a sentence speaks of an office not yet held: a "not yet" word ("next", "future",
    "would-be", "potential") with an office word among the three words after it ("the next
    president", "a possible vice presidential pick"). Not "The potential change hasn't ...".

    >>> _not_yet_office("She hopes to be the next president of the country.")
    True
    >>> _not_yet_office("The potential change has not yet become a talking point for X.")
    False
    """
    words = [w.strip(".,;:!?\"'()").lower() for w in sent.split()]
    titles = _lex().title_words
    for k, w in enumerate(words):
        if w in _NOT_YET:
            for w2 in words[k + 1:k + 4]:
                if w2 in _NOT_YET_HEADS or (w2 in titles and w2 not in _FUNCTION_WORDS):
                    return True
    return False


def _mark_known_officials(full: list, cands: list, year: int | None, norm: str) -> None:
    """Full names (two words or more) of well-known office holders are officials
    even where the article gives no title: "Angela Merkel said". Not when the
    article's year is before the office was first taken (Donald Trump in 2016),
    when the article imagines the person in office ("a President X": written
    before), nor when the text gives another job or says the office is not yet
    held ("X, a baker": someone else; "X, the next president")."""
    known = _known_officials()
    titles = A.titles()
    imagined = {A.fold(c.tokens[-1]) for c in cands if c.tokens and "hypothetical" in c.evidence}
    for c in full:
        if imagined and A.fold(c.tokens[-1]) in imagined:
            continue
        if c.official == "true" or len(c.tokens) < 2:
            continue
        hit = known.get(_official_key(c.name))
        if hit is None or (year is not None and year < hit[2]):
            continue
        if c.title and c.official == "false" and c.title not in _CAMPAIGN_TITLES and (
                titles.get(c.title, ("", "false", ""))[1] != "ctx"
                or (c.title == "leader" and not set(norm[max(c.seg_lo, c.start - 40):c.start].lower().replace(
                    "'s", " ").split()[-3:]) & _PARTY_LEADER_WORDS)
                or set(c.role.lower().split()) & _NOT_YET):
            continue                     # "X, the next president", "X, a baker": the text says otherwise
                                         # (a context title read as private by default does not, but
                                         # "leader" of a party or movement does)
        a, b = _sentence_bounds(norm, c.start, c.seg_lo, c.seg_hi)
        if _not_yet_office(norm[a:b]):
            continue                     # "X, who is vying to be the next president": written before
        c.official = "true"
        if not c.title or c.title in _CAMPAIGN_TITLES:
            c.role, c.country = hit[0], c.country or hit[1]
        c.evidence.append("known-official")


def _honorific_sex(norm: str, c) -> str:
    """ "m" for a mention written "Mr. X", "f" for "Mrs./Ms./Miss X", else ""."""
    t = norm[c.start:c.start + 5].lower()
    if t.startswith(("mrs.", "mrs ", "ms.", "ms ", "miss ")):
        return "f"
    if t.startswith(("mr.", "mr ")):
        return "m"
    return ""


@lru_cache(maxsize=None)
def _known_by_surname() -> dict:
    """Folded surname -> ((name, role lower case, since), ...) of ``people_known_officials.csv``."""
    out: dict = defaultdict(list)
    with open(_DATA / "people_known_officials.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            words = _official_key(row["name"].strip()).split()
            if len(words) >= 2:
                out[A.surname_key(words[-1])].append((row["name"].strip(), row["role"].strip().lower(),
                                                      int(row["since"] or 0)))
    return {k: tuple(v) for k, v in out.items()}


def _known_titled_holder(surname: str, title: str, year: int | None) -> str:
    """The full name of the one well-known holder of ``title`` with that surname ("obama",
    "president" -> "Barack Obama"), "" when none or several ("bush", "president")."""
    hits = {n for n, role, since in _known_by_surname().get(surname, ())
            if role.split()[-1:] == title.split()[-1:] and (year is None or year >= since)}
    return next(iter(hits)) if len(hits) == 1 else ""


# "the Obama administration", "the Reagan White House": an administration named after the person who
# headed it (a president, governor or mayor); not "a Trump administration" (imagined)
_ADMINISTRATION_RE = re.compile(r"(?<![\w-])(?:[Tt]he|[Hh]is|[Hh]er)\s+(?:(?:first|second|early|late|former)\s+)?"
                                r"([A-Z][\w'-]+)\s+(?:administration|White\s+House)\b")
_IMAGINED_RE = re.compile(r"\b(?:would|will|could|might|'d|future|next|potential|possible|hypothetical)\b", re.I)


def _mark_administrations(full: list, norm: str) -> None:
    """A person whose surname names an administration in the article ("the Obama administration",
    "the Reagan White House") headed one: an official (present or former). Only when one person
    of that surname is named (not "the Bush administration" with two Bushes) and the sentence
    does not imagine it ("what the X administration would do")."""
    if "dministration" not in norm and "White House" not in norm:
        return
    by_last: dict = {}
    for c in full:
        if c.tokens:
            by_last.setdefault(A.fold(c.tokens[-1]), []).append(c)
    heads: set = set()
    for m in _ADMINISTRATION_RE.finditer(norm):
        key = A.fold(m.group(1))
        if key not in by_last:
            continue
        a = max(norm.rfind(". ", 0, m.start()), norm.rfind("\n", 0, m.start())) + 1
        b = norm.find(". ", m.end())
        if not _IMAGINED_RE.search(norm[a:b if b >= 0 else len(norm)]):
            heads.add(key)
    for key in heads:
        cs = by_last[key]
        names = {A.fold(" ".join(c.tokens)) for c in cs if len(c.tokens) >= 2}
        if len(names) != 1 or not all(A.compatible(c.name, cs[0].name) for c in cs):
            continue                     # two persons of that surname: which one headed it is open
        known = [n for n, _, _ in _known_by_surname().get(A.surname_key(key), ())]
        if known and not any(A.compatible(n, next(iter(names))) for n in known):
            continue                     # "Michelle Obama" and "the Obama administration": another Obama's
        for c in cs:
            if c.official != "false" or not c.title:
                if c.official != "true":
                    c.official = "true"
                    c.evidence.append("administration")


# a sentence about affairs of state: a country's possessive before a name then names its leader
# or envoy ("Germany's Angela Merkel met ..."); sport and culture sentences do not ("Kenya's X won")
_STATE_SENT_RE = re.compile(r"\b(?:government|governments|minist\w+|president\w*|parliament\w*|summit|talks|"
                            r"treaty|sanctions|diplomat\w*|embassy|leaders?|cabinet|state visit|bilateral|"
                            r"negotiat\w+|legislat\w+|congress|senate|officials?|ceasefire|accord|coalition|"
                            r"foreign policy|prime|chancellor|counterparts?|nato|united nations|un|eu|g7|g20)\b", re.I)
_NOT_STATE_SENT_RE = re.compile(r"\b(?:won|wins|medal\w*|race|match|goals?|cup|championship|tournament|olympic\w*|"
                                r"marathon|seed(?:ed)?|finals?|film|album|novel|season|coach|player|striker|"
                                r"athlete|singer|sang|sings|concert|festival|band|team|club|actor|actress|artist|author|champion|record)\b", re.I)


def _mark_country_possessors(full: list, norm: str, lex: _Lex) -> None:
    """ "Germany's Angela Merkel", "Iran's Hassan Rouhani": a country's possessive
    written straight before a name with no title makes that person the
    country's official when the sentence is about affairs of state (summit,
    talks, government ...) and not about sport or culture."""
    for c in full:
        if c.title or c.official or not c.possessor or len(c.tokens) < 2:
            continue
        country = lex.country_names.get(A.fold(c.possessor))
        if not country or country == "European Union":
            continue
        a, b = _sentence_bounds(norm, c.start, c.seg_lo, c.seg_hi)
        sent = norm[a:b]
        if _STATE_SENT_RE.search(sent) and not _NOT_STATE_SENT_RE.search(sent):
            c.official = "true"
            c.country = c.country or country
            c.evidence.append("country-possessor")


# a byline with the names in capitals: "By JOHN SMITH and MARIA GARCIA", "BY PAUL HINES, Associated Press"
_BYLINE_RE = re.compile(r"[ \t\"'(]*(?:BY|By)\s+")
_CAPS_NAME_RE = re.compile(r"[A-Z][A-Z'.-]+(?:\s+(?:[A-Z]\.|[A-Z][A-Z'.-]+)){1,3}(?![\w])")


def _title_case_bylines(norm: str, segs: list, lex: _Lex) -> str:
    """``norm`` with the capitalised names of short byline paragraphs written
    in title case ("By JOHN SMITH" -> "By John Smith"; same length), so that
    they read as names, not acronyms. Only names whose first word is a known
    given name change."""
    out = None
    for _, lo, hi, _ in segs:
        if hi - lo > 160:
            continue
        m = _BYLINE_RE.match(norm, lo, hi)
        if m is None:
            continue
        for nm in _CAPS_NAME_RE.finditer(norm, m.end(), hi):
            words = nm.group(0).split()
            if A.fold(words[0]) not in lex.given:
                continue
            fixed = " ".join(w if len(w) <= 2 and w.endswith(".") else w[0] + w[1:].lower() for w in words)
            fixed = re.sub(r"(?<=[-'])[a-z]|(?<=\bMc)[a-z]", lambda x: x.group(0).upper(), fixed)
            if out is None:
                out = list(norm)
            out[nm.start():nm.end()] = fixed if len(fixed) == nm.end() - nm.start() else nm.group(0)
    return norm if out is None else "".join(out)


def _in_quoted_title(c, norm: str) -> bool:
    """Whether the candidate stands inside a short quotation written in title case (the title of a
    song, book or film: "Let's Stay Loud", "Nine Hard Lessons the Press Ignores")."""
    before = norm[c.seg_lo:c.start]
    if before.count('"') % 2 == 0:
        return False
    op = before.rfind('"') + c.seg_lo
    cl = norm.find('"', c.end, c.seg_hi)
    if cl < 0 or cl - op > 90:
        return False
    words = _TITLECASE_RE.findall(norm[op + 1:cl])
    content = [w for w in words if w.lower() not in _HEADLINE_LOWER]
    return len(words) >= 3 and len(content) >= 3 and all(w[0].isupper() or w[0].isdigit() for w in content)


def _named_in_body(word: str, norm: str, segs: list, cands: list) -> bool:
    """Whether ``word`` is written, capitalised, outside the article's headings."""
    pat = re.compile(r"(?<![\w'-])" + re.escape(_strip_poss(word)) + r"(?![\w-])")
    heads = {c.seg_id for c in cands if c.heading}
    return any(sid not in heads and pat.search(norm, lo, hi) for sid, lo, hi, _ in segs)


def _article_mentions(aid: str, outlet: str, text: str, segs: list, lex: _Lex, year: int | None = None) -> list[tuple]:
    """Mention rows of one article (tuples in :data:`MENTION_COLUMNS` order, reading order);
    ``year`` (the article's, when known) limits :data:`people_known_officials` to offices taken by then."""
    norm = _normalize(text)
    if "BY " in norm or "By " in norm:
        norm = _title_case_bylines(norm, segs, lex)
    ctry = Counter()
    listed = _listed_segments(norm, segs)
    cands = _candidates(norm, segs, lex, ctry, listed)
    for c in cands:
        if not c.kind:                  # not settled by its words alone
            _analyse(c, norm, lex)
    # ---- pass 1: full names. Strong evidence first; weak multi-word names
    # that share a surname with a strong one are that person ("Dirty Sánchez").
    persons: dict[str, list[_Cand]] = {}
    single_counts = Counter(A.fold(c.name) for c in cands if c.kind == "maybe" and len(c.tokens) == 1
                            and not c.sent_start)
    weak = []
    known_off = _known_officials()
    # the leading words of an organisation's or place's longer name in the same article ("Sandy Hook" with
    # "Sandy Hook Elementary School" named): not a person unless strong evidence says so
    org_prefixes = set()
    for c in cands:
        if c.kind in ("organisation", "place") and len(c.tokens) >= 3:
            f = [A.fold(t) for t in c.tokens]
            org_prefixes.update(" ".join(f[:k]) for k in range(2, len(f)))
    if org_prefixes:                     # a name that acts anywhere in the article ("Eric Trump said") stays
        org_prefixes -= {" ".join(A.fold(t) for t in c.tokens) for c in cands if c.kind == "maybe" and (
            _strong(c) or "verb" in c.evidence or "pronoun" in c.evidence)}
    for c in cands:
        if c.kind != "maybe":
            continue
        n = len(c.tokens)
        ev = set(c.evidence)
        if c.heading and not _strong(c):
            continue
        if c.heading and "given" not in ev and not (ev & {"honorific", "credit", "age"}) \
                and _official_key(c.name) not in known_off and not _named_in_body(c.tokens[-1], norm, segs, cands):
            c.kind = "other"             # "Senate Aide Shrugs", "Running Mate Pick": in a title-case headline a
            continue                     # title is followed by any capitalised word; a person named there
                                         # is named again in the story
        if n >= 2 and A.fold(c.tokens[-1]) in lex.title_words and not _strong(c):
            om = _OF_TITLE_AFTER_RE.match(norm, c.end)
            if om and A.fold(c.tokens[-1]) + " of " + A.fold(om.group(1)) in lex.titles:
                c.kind = "other"         # "Garcia Chief | of Staff Rhoda Menzies": a title's first word ends
                continue                 # the sequence; the name comes after the title
        if "given" not in ev and "honorific" not in ev and "title" not in ev:
            om = _ORG_OF_BEFORE_RE.search(norm, max(c.seg_lo, c.start - 40), c.start)
            if om and lex.cues.get(A.fold(om.group(1))) in ("organisation", "place"):
                c.kind = "other"         # "the Harbor Museum of Art", "the Lakeside Institute of Technology": the
                continue                 # end of a body's name, not a person (whatever apposition follows)
        if "given" not in ev and not _strong(c) and _in_quoted_title(c, norm):
            c.kind = "other"             # the hit "Let's Stay Loud", the film "Lava Bay 2: Oh Boy No!": words of
            continue                     # a title-case quotation name a work, not a person
        if "given" not in ev and not _strong(c) and _BODY_AFTER_POSS_RE.match(norm, c.end):
            c.kind = "other"             # "the Democratic People's Republic", "the Reserve Officers' Training
            continue                     # Corps": a plural noun's possessive inside a body's name
        if "given" not in ev and not _strong(c) and _THING_NOUN_AFTER_RE.match(norm, c.end):
            c.kind = "other"             # "the Silver Otter restaurant", "a Vimeo Livestream chat": the name of
            continue                     # a place, event or programme, told by the common noun after it
        if "after-preposition" in ev and ev <= {"given", "honorific", "after-preposition"} and norm[c.end:c.end + 1] == "," \
                and _US_STATE_AFTER_RE.match(norm, c.end, min(len(norm), c.end + 24)):
            c.kind = "place"             # "in Santa Monica, Calif.", "in St. Clairsville, Ohio" ("Santa" a given
                                         # name, "St." an honorific: the preposition and the state decide)
            continue
        if n >= 2 and org_prefixes and not _strong(c) and " ".join(A.fold(t) for t in c.tokens) in org_prefixes \
                and _official_key(c.name) not in known_off:
            c.kind = "other"
            continue
        if n >= 2:
            if _strong(c) or "given" in ev:
                c.kind = "person"
            elif _official_key(c.name) in known_off:
                c.kind = "person"       # "met Hu Jintao": a well-known office holder's full name is a person
                c.evidence.append("known-official")
            else:
                surname_recurs = single_counts.get(A.fold(c.tokens[-1]), 0) > 0
                recurs_often = single_counts.get(A.fold(c.tokens[-1]), 0) >= 2    # "backing of Mitt Romney"
                if ("after-preposition" not in ev or recurs_often) and ("verb" in ev or surname_recurs
                                                                        or "pronoun" in ev):
                    weak.append(c)
        elif n == 1 and _strong(c) and (c.tokens[0][1:].islower() or "-" in c.tokens[0] or "'" in c.tokens[0]) \
                and A.fold(c.tokens[0]) not in lex.nonname \
                and not (c.sent_start and len(c.tokens[0]) > 6 and c.tokens[0].endswith("ly")
                         and A.fold(c.tokens[0]) not in lex.given):      # "Collectively, former governor X"
            c.kind = "person"
    strong_keys = {A.fold(c.tokens[-1]) for c in cands if c.kind == "person" and len(c.tokens) >= 2}
    strong_names = {A.fold(" ".join(c.tokens)) for c in cands if c.kind == "person" and len(c.tokens) >= 2}
    for c in weak:
        if A.fold(c.tokens[-1]) in strong_keys and A.fold(c.tokens[0]) not in lex.given \
                and A.fold(" ".join(c.tokens)) not in strong_names:    # "Liu He" again is Liu He
            # an epithet before a known surname: a surname mention
            c.start, c.offs, c.tokens = c.offs[-1], c.offs[-1:], c.tokens[-1:]
            c.name = c.tokens[0]
            c.kind = "maybe"
        else:
            c.kind = "person"
    # a weak name listed with a person: "Dilma Rousseff and Luiz Inácio Lula da Silva spoke"
    for k in [*range(len(cands) - 1, -1, -1), *range(len(cands))]:      # both ways along a list
        c = cands[k]
        if c.kind != "maybe" or len(c.tokens) < 2 or len(c.tokens) > 3 or c.heading or c.poss \
                or not all(t[:1].isupper() and t[1:].isalpha() and not t[1:].isupper() for t in c.tokens) \
                or any(_not_a_name_word(A.fold(t), lex) for t in c.tokens):
            continue
        for o, gap in ((cands[k + 1] if k + 1 < len(cands) else None, (c.end, None)),
                       (cands[k - 1] if k > 0 else None, (None, c.start))):
            if o is None or o.kind != "person" or len(o.tokens) < 2 or o.seg_id != c.seg_id:
                continue
            between = norm[c.end:o.start] if gap[0] is not None else norm[o.end:c.start]
            if between in _LIST_JOINS:
                c.kind = "person"
                c.evidence.append("listed-with-person")
                break
    full = [c for c in cands if c.kind == "person"]
    _mark_known_officials(full, cands, year, norm)
    _mark_country_possessors(full, norm, lex)
    _mark_administrations(full, norm)
    # acronyms defined in the article: "Data Protection Commission (DPC)"
    acronyms = {}
    for c in cands:
        if c.kind == "organisation":
            am = _ACRONYM_DEF_RE.match(norm, c.end)
            if am:
                acronyms[am.group(1)] = c
    for c in cands:
        if c.kind == "acronym":
            org = acronyms.get(c.name.replace(".", ""))
            if org is not None:
                c.kind = "organisation"
                c.name = org.name
                c.country = org.country
            else:
                known = lex.known.get(A.fold(c.name))
                c.kind = known[1] if known else "other"
                if known:
                    c.name = known[0]
    # country the article names most often (for officials whose title names none)
    name_country = lex.name_country_cache
    for c in cands:
        key = (" ".join(c.tokens), c.possessor)
        cc = name_country.get(key, _MISSING)
        if cc is _MISSING:
            f = A.fold(key[0]) if c.tokens else ""
            cc = lex.adj_country.get(f) or lex.country_names.get(f)
            if not cc and c.tokens:
                f0 = A.fold(c.tokens[0])
                cc = lex.adj_country.get(f0) or lex.country_names.get(f0)
            if not cc and c.possessor:
                cc = lex.country_names.get(A.fold(c.possessor))
            if len(name_country) > 200_000:
                name_country.clear()
            name_country[key] = cc
        if cc and cc != "European Union":
            ctry[cc] += 1
        if c.country and c.country != "European Union":
            ctry[c.country] += 1
    _mark_elected(full, norm, segs, listed)
    _mark_plural_titles(full, norm, segs, lex, cands)
    _mark_back_references(full, cands, norm, segs, lex)
    orgs = [c for c in cands if c.kind == "organisation"]
    us_cues = us_any = None     # how often (whether) the article names US politics: read when first needed
    seg_countries: dict = {}
    for c in full:
        if c.official == "true" and not c.country:
            if c.seg_lo not in seg_countries:
                seg_countries[c.seg_lo] = _countries_in(norm[c.seg_lo:c.seg_hi], lex)
            if c.title in _US_TITLES:        # only whether the article names US politics matters
                if us_any is None:
                    us_any = us_cues if us_cues is not None else int(_US_CUE_RE.search(norm) is not None)
                cues = us_any
            else:
                if us_cues is None:
                    us_cues = len(_US_CUE_RE.findall(norm))
                cues = us_cues
            country = _fallback_country(c.title, seg_countries[c.seg_lo], ctry, cues)
            if country:
                c.country = country
                if not c.institution and c.title and lex.titles.get(c.title, ("", "", ""))[2] == "government":
                    c.institution = _government_of(country)
        if c.title and not c.institution:
            kind = lex.titles.get(c.title, ("", "", ""))[2]
            head = _INST_HEAD.get(kind)
            if head:
                near = [o for o in orgs if o.start < c.start and c.start - o.end < 600
                        and A.fold(o.name.split()[-1]) == head]
                if near:
                    c.institution = near[-1].name
                    if near[-1].country:
                        c.country = near[-1].country
    # canonical names in the article: group by surname key, compatible given names
    groups: list[list[_Cand]] = []
    override: dict = {}                  # id(group) -> canonical name from the known office holders
    by_last: dict[str, list[list[_Cand]]] = defaultdict(list)    # compatible names share the last word
    for c in sorted(full, key=lambda c: (-len(c.tokens), c.start)):
        last = A.surname_key((A.strip_name(c.name).split() or [""])[-1])
        hits = [g for g in by_last[last] if A.compatible(c.name, g[0].name)]
        if hits and len(c.tokens) == 1 and c.title in _ROYAL_TITLES:
            # "King Salman" after "Crown Prince Mohammed bin Salman": another royal title, another person
            hits = [g for g in hits if not any(x.title in _ROYAL_TITLES and x.title != c.title for x in g)]
        if hits and len(c.tokens) == 1 and c.title and not any(x.title for g in hits for x in g):
            # "President Obama" where only "Michelle Obama" is named in full: the one well-known holder of
            # that office with that surname, not her (who holds no title in the article)
            kn = _known_titled_holder(last, c.title, year)
            if kn and not any(A.compatible(kn, g[0].name) for g in hits):
                groups.append([c])
                by_last[last].append(groups[-1])
                override[id(groups[-1])] = kn
                continue
        if not hits:
            groups.append([c])
            by_last[last].append(groups[-1])
            continue
        if len(hits) > 1 and c.title:
            # "President Obama" with Barack and Michelle Obama named: the one who holds that title
            same = [g for g in hits if any(x.title == c.title or (x.official == "true" and x.role.lower().split()[-1:]
                                                                  == c.title.split()[-1:]) for x in g)]
            if len(same) == 1:
                hits = same
        if len(hits) > 1:              # "Clinton" with Bill and Hillary named: the nearest one before
            before = [(max((x.start for x in g if x.start <= c.start), default=-1), k) for k, g in enumerate(hits)]
            hits = [hits[max(before)[1]]]
        hits[0].append(c)
    # "Mr. Obama" put with "Michelle Obama" (the nearest before) where the article also names another Obama
    # called "Mr.": a group called both "Mr." and "Mrs." gives the surname mentions of the other sex to the
    # one other group of that surname that is called only so
    for gs in by_last.values():
        if len(gs) < 2:
            continue
        for g in gs:
            sexes = {_honorific_sex(norm, x) for x in g} - {""}
            if len(sexes) < 2:
                continue
            for x in [x for x in g if len(x.tokens) == 1 and _honorific_sex(norm, x)]:
                h = _honorific_sex(norm, x)
                others = [o for o in gs if o is not g and {_honorific_sex(norm, y) for y in o} - {""} == {h}]
                if len(others) == 1 and A.compatible(x.name, others[0][0].name):
                    g.remove(x)
                    others[0].append(x)
    key_to_canon: dict[str, list[str]] = defaultdict(list)
    for g in groups:
        counts = Counter(x.name for x in g)
        canon = override.get(id(g)) or A.prefer([x.name for x in g], counts)
        for x in g:
            x.canonical = canon
        key_to_canon[A.name_key(canon)].append(canon)
        persons[canon] = g
    _mark_principals(full, cands, norm, lex, year)
    # ---- pass 2: surname-only and partial mentions of known persons
    for c in cands:
        if c.kind not in ("maybe", "none") or not c.tokens:
            continue
        key = A.surname_key(c.tokens[-1].strip("."))
        if len(c.tokens) == 1 and key in _PRONOUN_NAMES:
            continue                     # "He" alone is the pronoun, not Liu He
        opts = key_to_canon.get(key)
        hits = [o for o in opts if A.compatible(c.name, o)] if opts else []
        if not hits and len(c.tokens) == 1 and c.kind == "maybe":
            # family name first ("Xi Jinping" ... "Xi told reporters", "Liu He" ... "Liu said"): the first
            # word of one full name in the article that is not a known given name
            f = A.fold(c.tokens[0])
            if f not in lex.given and f not in lex.nonname and len(f) <= 5 and f.isalpha():
                hits = [canon for canon, g in persons.items()
                        if len(canon.split()) == 2 and A.fold(canon.split()[0]) == f]
        if len(hits) == 1:
            c.kind = "person"
            c.canonical = hits[0]
            persons[hits[0]].append(c)
    # ---- role aliases: "the prime minister", "the Spanish PM"
    rows = []
    role_heads: dict[str, list[tuple[int, str]]] = defaultdict(list)    # head word -> (offset, holder)
    for canon, g in persons.items():
        for x in g:
            if x.title:
                role_heads[x.title.split()[-1]].append((x.start, canon))
                if x.title in ("pm", "prime minister"):
                    role_heads["pm"].append((x.start, canon))
                    role_heads["minister"].append((x.start, canon))
    alias_rows = []
    # only heads the alias regex can end on can give a row
    heads = [h for h in role_heads if h != "pm" and h in _ALIAS_HEADS] + (["pm"] if "pm" in role_heads else [])
    if heads:
        low_text = norm.lower()
        for para, (sid, lo, hi, kind) in enumerate(segs):
            seg_low = low_text[lo:hi]
            if not any(h in seg_low for h in heads):
                continue                  # the costly alias regex only where a holder's title word occurs
            for m in _ROLE_ALIAS_RE.finditer(norm, lo, hi):
                phrase = m.group(2).lower()
                head = phrase.split()[-1]
                if head not in role_heads:
                    continue
                holders = role_heads[head]
                who = {h for _, h in holders}
                if len(who) != 1:
                    # several holders of the title: "the minister" is the one named last before it
                    prior = [(o, h) for o, h in holders if o < m.start()]
                    if not prior:
                        continue
                    who = {max(prior)[1]}
                after = norm[m.end():m.end() + 40]
                if re.match(r"\s*,?\s*[A-Z][\w]+", after):       # "the prime minister, Pedro Sánchez"
                    continue
                whole = phrase.split()
                # the title of the holder must contain the alias' title words
                holder = next(iter(who))
                tw = {w for x in persons[holder] if x.title for w in x.title.split()}
                if "pm" in whole:
                    whole = [w for w in whole if w != "pm"] + ["prime", "minister"]
                need = {w for w in whole if w in lex.title_words}
                if not need or not need <= tw | {"prime", "minister"} & (tw | ({"prime", "minister"} if "pm" in tw else set())):
                    continue
                alias_rows.append((para, sid, m.start(), m.end(), holder))
    outlet = outlet if isinstance(outlet, str) else aid
    for c in cands:
        if c.kind == "person":
            rows.append(_row(aid, outlet, text, c, c.canonical or c.name, "person", "name"))
        elif c.kind == "organisation":
            rows.append(_row(aid, outlet, text, c, _org_name(c, lex), "organisation", "name"))
    for para, sid, s, e, holder in alias_rows:
        rows.append((aid, outlet, sid, para, s, e, text[s:e], text[s:e], holder, "person", "role", "", "", "", "",
                     "role-alias"))
    rows.sort(key=_ROW_ORDER)
    return rows


_ROW_ORDER = itemgetter(4, 5)       # (start, end) of a row tuple


_ACRONYM_DEF_RE = re.compile(r"\s*\(([A-Z][A-Z.&]{1,9})\)")
_INST_HEAD = _wmap("inst_head")


# "(?<![\w])(?:[Tt]he|[A-Z][\w.]*'s)" with the look-behind after the first character (see _alternation)
_ROLE_ALIAS_RE = re.compile(
    r"(?:[Tt](?<![\w].)he|[A-Z](?<![\w].)[\w.]*'s)\s+((?:(?:[A-Z][a-z]+|former|then|current|deputy|vice|Spanish|"
    r"prime|Prime)\s+)*((?:[Pp]rime\s+){1,2}[Mm]inister|PM|[Pp]resident|[Cc]hancellor|[Pp]remier|"
    r"[Ss]pokesperson|[Ss]pokesman|[Ss]pokeswoman|[Cc]ommissioner|[Mm]ayor|[Gg]overnor|[Ss]enator|"
    r"[Aa]ttorney [Gg]eneral|[Mm]inister|[Ss]ecretary|[Aa]mbassador|[Oo]wner|[Ff]ounder|[Cc]o-founder|"
    r"CEO|[Cc]hief [Ee]xecutive|[Bb]illionaire|[Ee]ntrepreneur))\b")


# the last words (lower case) that _ROLE_ALIAS_RE's title group can end on
_ALIAS_HEADS = frozenset({"minister", "pm", "president", "chancellor", "premier", "spokesperson", "spokesman",
                          "spokeswoman", "commissioner", "mayor", "governor", "senator", "general", "secretary",
                          "ambassador", "owner", "founder", "co-founder", "ceo", "executive", "billionaire",
                          "entrepreneur"})


def _org_name(c: _Cand, lex: _Lex) -> str:
    f = A.fold(c.name)
    if f in lex.known:
        return lex.known[f][0]
    return c.name


def _row(aid, outlet, text, c: _Cand, canonical, etype, mkind) -> tuple:
    """One mention row: a tuple in :data:`MENTION_COLUMNS` order (cheaper than a dict)."""
    return (aid, outlet, c.seg_id, c.para, c.start, c.end, text[c.start:c.end], c.name, canonical, etype,
            mkind if len(c.tokens) > 1 or etype != "person" else
            ("honorific" if "honorific" in c.evidence else "surname" if c.canonical and c.canonical != c.name
             else "name"),
            c.role, c.institution, c.country, c.official, ",".join(c.evidence))


_YEAR_RE = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")


def _year(date) -> int | None:
    """The year of an article's date ("2016-07-19", "17 February 2026"), or None.

    >>> _year("2016-07-19"), _year(""), _year(None)
    (2016, None, None)
    """
    m = _YEAR_RE.search(str(date)) if isinstance(date, str) else None
    return int(m.group(1)) if m else None


def _empty_mentions() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype="object") for c in MENTION_COLUMNS})
    return frame.astype({"segment_id": "int64", "paragraph": "int64", "start": "int64", "end": "int64"})


def mentions(articles: pd.DataFrame, segments: pd.DataFrame, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per-article mentions of people and organisations in kept segments.

    Parameters
    ----------
    articles : DataFrame
        ``articles`` table (``article_id``, ``outlet``, ``text``, ``status``).
    segments : DataFrame
        ``segments`` table; only ``kept`` rows are read.
    quotes : DataFrame, optional
        Not needed to find mentions (accepted for the pipeline's signature;
        quote counts are joined in :func:`resolve`).

    Returns
    -------
    DataFrame with :data:`MENTION_COLUMNS`: one row per mention, in reading
    order. ``text == article_text[start:end]``; ``canonical`` is the
    in-article canonical name; ``mention_kind`` is ``name``, ``surname``,
    ``honorific`` or ``role`` ("the prime minister"); ``official`` is
    ``"true"``/``"false"``/``""`` as read from this mention's context.
    """
    lex = _lex()
    segs = _kept_segments(segments)
    rows: list[dict] = []
    status = articles["status"] if "status" in articles.columns else pd.Series("ok", index=articles.index)
    outlets = articles["outlet"] if "outlet" in articles.columns else articles["article_id"]
    dates = articles["date"].tolist() if "date" in articles.columns else [None] * len(articles)
    for aid, outlet, text, st, date in zip(articles["article_id"].tolist(), outlets.tolist(),
                                           articles["text"].tolist(), status.tolist(), dates):
        if st == "error" or not isinstance(text, str) or not text or aid not in segs:
            continue
        rows.extend(_article_mentions(aid, outlet, text, segs[aid], lex, _year(date)))
    if not rows:
        return _empty_mentions()
    frame = pd.DataFrame.from_records(rows, columns=MENTION_COLUMNS)
    return frame.astype({"segment_id": "int64", "paragraph": "int64", "start": "int64", "end": "int64"})


# --------------------------------------------------------------------------- roster
def load_roster(path) -> pd.DataFrame:
    """Read a roster CSV of known actors.

    Columns: ``name`` (required), ``aliases`` (``|`` or ``;`` separated),
    ``role``, ``institution``, ``country``, ``is_official`` (true/false/1/0/yes/no,
    empty = unknown), optional ``entity_type`` (default ``person``).
    Raises ``ValueError`` when ``name`` is missing.
    """
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    frame.columns = [c.strip().lower() for c in frame.columns]
    if "name" not in frame.columns:
        raise ValueError("the roster has no 'name' column")
    for col in ("aliases", "role", "institution", "country", "is_official", "entity_type"):
        if col not in frame.columns:
            frame[col] = ""
    frame = frame[frame["name"].str.strip() != ""].copy()
    frame["name"] = frame["name"].str.strip()
    frame["entity_type"] = frame["entity_type"].replace("", "person")
    flag = frame["is_official"].str.strip().str.lower()
    frame["is_official"] = flag.map(lambda v: "true" if v in ("true", "1", "yes", "y", "t")
                                    else "false" if v in ("false", "0", "no", "n", "f") else "")
    return frame[["name", "aliases", "role", "institution", "country", "is_official", "entity_type"]] \
        .reset_index(drop=True)


def _roster_index(roster: pd.DataFrame | None) -> dict:
    """folded form -> roster row (dict)."""
    idx = {}
    if roster is None or not len(roster):
        return idx
    for r in roster.to_dict("records"):
        forms = [r["name"]] + [a.strip() for a in re.split(r"[|;]", r.get("aliases", "") or "") if a.strip()]
        for f in forms:
            idx[A.fold(f)] = r
    return idx


# --------------------------------------------------------------------------- corpus-wide
def _best_role(rows: list[dict]) -> dict:
    """The most informative role among mentions: official titles first, then
    those with an institution, then the earliest."""
    scored = []
    for k, r in enumerate(rows):
        if not r.get("role") and r.get("official") != "true":
            continue
        score = (" " in (r.get("name") or "").strip(), bool(r.get("role")), bool(r.get("institution")),
                 bool(r.get("country")), -k)
        scored.append((score, r))
    if not scored:
        return {}
    return max(scored, key=lambda x: x[0])[1]


def _same_full_name(rows: list[dict], name: str) -> bool:
    """Whether an article names the corpus entity ``name`` by its full name
    (two words or more, equal up to accents), so that a role read in another
    article may be carried here. A surname alone ("Clinton") or a shorter
    form is not enough: it may be another person of that name.

    >>> _same_full_name([{"canonical": "Pedro Sanchez"}], "Pedro Sánchez")
    True
    >>> _same_full_name([{"canonical": "Sánchez"}], "Pedro Sánchez")
    False
    """
    target = A.fold(A.strip_name(name))
    return len(target.split()) >= 2 and any(A.fold(A.strip_name(r.get("canonical") or "")) == target for r in rows)


def _quote_counts(quotes: pd.DataFrame | None) -> dict:
    """(article_id, speaker) -> number of quotes (scare quotes excluded)."""
    out: dict = {}
    if quotes is None or not len(quotes) or "speaker" not in quotes.columns:
        return out
    q = quotes
    if "kind" in q.columns:
        q = q[q["kind"] != "scare"]
    for aid, spk in zip(q["article_id"].tolist(), q["speaker"].tolist()):
        if isinstance(spk, str) and spk:
            out[(aid, spk)] = out.get((aid, spk), 0) + 1
    return out


def resolve(mentions: pd.DataFrame, articles: pd.DataFrame, quotes: pd.DataFrame | None = None,
            roster: pd.DataFrame | None = None) -> pd.DataFrame:
    """Corpus-wide people table from the mentions table.

    Merges spellings across articles (accent-folded full names; a surname-only
    person in one article joins the one full name elsewhere in the corpus with
    that surname), gives each entity a stable ``entity_id`` derived from its
    canonical name, and fills role, institution, country and ``is_official``
    from the article's own mentions, then from the same person's mentions in
    other articles, then from the roster (which wins when given).

    Returns one row per entity per article with :data:`COLUMNS`, ordered by
    article (corpus order) then first mention.
    """
    if mentions is None or not len(mentions):
        return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})
    ridx = _roster_index(roster)
    cols = list(mentions.columns)
    # plain lists are much faster to walk than DataFrame.to_dict on Arrow-backed strings
    columns = {c: mentions[c].tolist() for c in cols}
    for col in ("role", "institution", "country", "official", "canonical", "name", "evidence"):
        if col in columns:      # missing values (NaN, None) read as ""
            columns[col] = [v if isinstance(v, str) else "" for v in columns[col]]
        else:
            columns[col] = [""] * len(mentions)
    cols = list(columns)
    recs = [dict(zip(cols, vals)) for vals in zip(*columns.values())]
    # ---- corpus-wide canonical person names
    persons = [r for r in recs if r["entity_type"] == "person"]
    names = Counter(r["canonical"] for r in persons)
    # group by folded full name first
    by_fold: dict[str, list[str]] = defaultdict(list)
    for n in names:
        by_fold[A.fold(n)].append(n)
    # roster: a name or alias maps to the roster's canonical name
    clusters: dict[str, str] = {}       # in-article canonical -> corpus cluster key
    for f, forms in by_fold.items():
        rr = ridx.get(f)
        clusters.update({n: ("R:" + A.fold(rr["name"])) if rr else f for n in forms})
    # surname-only / shorter names join a unique compatible fuller cluster
    fuller = sorted({k for k in clusters.values()}, key=lambda k: (-len(k.split()), k))
    by_surname: dict[str, list[str]] = defaultdict(list)     # compatible names share the surname key
    for k2 in fuller:
        by_surname[A.name_key(k2.replace("R:", ""))].append(k2)
    members: dict[str, list[str]] = defaultdict(list)
    for m, km in clusters.items():
        members[km].append(m)
    royal: dict[str, set] = defaultdict(set)     # in-article canonical -> royal titles it was given
    for r in persons:
        if r["role"] and r["role"].lower() in _ROYAL_TITLES:
            royal[r["canonical"]].add(r["role"].lower())
    for n in sorted(names, key=lambda n: (len(n.split()), n)):
        k = clusters[n]
        if k.startswith("R:"):
            continue
        cands = [k2 for k2 in by_surname.get(A.name_key(n), ()) if k2 != k
                 and len(k2.replace("R:", "").split()) > len(k.split()) and A.compatible(k2.replace("R:", ""), n)]
        if royal.get(n) and " " not in n:
            # "King Salman" is not "Crown Prince Mohammed bin Salman": another royal title, another person
            cands = [k2 for k2 in cands
                     if not (other := set().union(*(royal.get(m, set()) for m in members.get(k2, ()))))
                     or other & royal[n]]
        cands = sorted(set(cands))
        if len(cands) == 1:
            target = cands[0]
            for m in members.pop(k, []):
                clusters[m] = target
                members[target].append(m)
    cluster_forms: dict[str, Counter] = defaultdict(Counter)
    for n, c in names.items():
        cluster_forms[clusters[n]][n] += c
    canon_of_cluster = {}
    for k, forms in cluster_forms.items():
        if k.startswith("R:"):
            rr = ridx[k[2:]] if k[2:] in ridx else None
            canon_of_cluster[k] = rr["name"] if rr else A.prefer(list(forms), forms)
        else:
            canon_of_cluster[k] = A.prefer(list(forms), forms)
    # corpus-wide role per cluster (fallback when an article gives none)
    cluster_rows: dict[str, list[dict]] = defaultdict(list)
    for r in persons:
        cluster_rows[clusters[r["canonical"]]].append(r)
    cluster_role = {k: _best_role(v) for k, v in cluster_rows.items()}
    qcount = _quote_counts(quotes)
    # quotes' speakers per article, for matching to people
    speakers_by_article: dict = defaultdict(list)
    for (aid, spk), n in qcount.items():
        speakers_by_article[aid].append((spk, A.fold(spk), spk[:1].isupper(), n))
    outlet_of = {}
    if articles is not None and len(articles) and "article_id" in articles.columns:
        col = articles["outlet"] if "outlet" in articles.columns else articles["article_id"]
        outlet_of = dict(zip(articles["article_id"], col))
    # ---- one row per (article, entity)
    groups: dict[tuple, list[dict]] = defaultdict(list)
    order: dict = {}
    for r in recs:
        if r["entity_type"] == "person":
            key = (r["article_id"], "person", clusters[r["canonical"]])
        else:
            key = (r["article_id"], "organisation", A.fold(r["canonical"] or r["name"]))
        groups[key].append(r)
    art_order = {a: i for i, a in enumerate(dict.fromkeys(columns["article_id"]))}
    out = []
    for (aid, etype, ck), rows in groups.items():
        rows.sort(key=lambda r: r["start"])
        if etype == "person":
            name = canon_of_cluster[ck]
            role = _best_role(rows)
            role_source = "article" if role else ""
            if not role and cluster_role.get(ck) and _same_full_name(rows, name) \
                    and not any("hypothetical" in r["evidence"] for r in rows):    # "a President Trump" here
                role, role_source = cluster_role[ck], "corpus"
            rr = ridx.get(A.fold(name))
        else:
            name = A.prefer([r["canonical"] or r["name"] for r in rows])
            role = {}
            role_source = ""
            rr = ridx.get(A.fold(name))
        forms = list(dict.fromkeys(r["text"] for r in rows))
        alias_list = [f for f in forms if f != name]
        rec = {"article_id": aid, "outlet": outlet_of.get(aid, rows[0].get("outlet", aid)),
               "entity_id": A.entity_id(name, etype), "name": name, "entity_type": etype,
               "aliases": "|".join(alias_list), "role": role.get("role", ""),
               "institution": role.get("institution", ""), "country": role.get("country", ""),
               "is_official": role.get("official", "") == "true" or (
                   etype == "person" and any(r["official"] == "true" for r in rows)),
               "mentions": len(rows), "first_offset": int(rows[0]["start"]),
               "first_paragraph": int(rows[0]["paragraph"]), "role_source": role_source}
        if rr is not None:
            rec["name"] = rr["name"]
            rec["entity_id"] = A.entity_id(rr["name"], rr.get("entity_type") or etype)
            for col in ("role", "institution", "country"):
                if rr.get(col):
                    rec[col] = rr[col]
                    rec["role_source"] = "roster"
            if rr.get("is_official") in ("true", "false"):
                rec["is_official"] = rr["is_official"] == "true"
        # quotes whose speaker is this entity
        n_q = 0
        speakers = speakers_by_article.get(aid)
        if speakers:
            own = {A.fold(rec["name"])} | {A.fold(a) for a in alias_list} | {A.fold(r["canonical"]) for r in rows}
            person = etype == "person"
            for spk, spk_fold, spk_cap, n in speakers:
                if spk_fold in own:
                    n_q += n
                elif person and spk_cap and A.compatible(spk, rec["name"]):
                    n_q += n
        rec["quoted"] = n_q > 0
        rec["n_quotes"] = n_q
        out.append(rec)
    # institution / country fallback for officials with a government title but no country:
    # the country the article names most often.
    frame = pd.DataFrame.from_records(out, columns=COLUMNS)
    frame["_a"] = frame["article_id"].map(art_order)
    frame = frame.sort_values(["_a", "first_offset", "entity_type", "name"], kind="stable") \
        .drop(columns="_a").reset_index(drop=True)
    return frame.astype({"mentions": "int64", "first_offset": "int64", "first_paragraph": "int64",
                         "n_quotes": "int64", "is_official": "bool", "quoted": "bool"})


def extract(articles: pd.DataFrame, segments: pd.DataFrame, quotes: pd.DataFrame | None = None,
            roster: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ``people`` table: :func:`resolve` of :func:`mentions`."""
    return resolve(mentions(articles, segments, quotes), articles, quotes, roster=roster)


# --------------------------------------------------------------------------- per outlet
def outlet_partial(people: pd.DataFrame) -> dict | None:
    """What :func:`outlet_summary` needs of a chunk of whole articles, so
    that the summary of a corpus can be computed chunk by chunk
    (:func:`outlet_combine`, then :func:`outlet_finish`). None when empty.

    ``ents``: distinct (outlet, person); ``off_ents``: each official's first
    row per outlet (institution, country); ``off_stats``: per outlet, rows,
    mentions and quoted rows of officials; ``firsts``: per outlet x name,
    articles naming that person first and the smallest offset;
    ``names_off``: per outlet x name, whether any row is an official.
    """
    if people is None or not len(people):
        return None
    p = people[people["entity_type"] == "person"]
    p = p.assign(_off=p["is_official"].astype(str).str.lower().isin(["true", "1"]))
    off = p[p["_off"]]
    # The first person of each article: the row with the smallest offset
    # (stable sort: on ties, the first row).
    firsts = p.sort_values(["outlet", "article_id", "first_offset"]).groupby(["outlet", "article_id"]).head(1)
    return {
        "ents": p[["outlet", "entity_id"]].drop_duplicates(),
        "off_ents": off.drop_duplicates(["outlet", "entity_id"])[["outlet", "entity_id", "institution", "country"]],
        "off_stats": off.assign(_q=off["quoted"].astype(bool).astype("int64"), _n=1).groupby("outlet", sort=False)
        .agg(n=("_n", "sum"), mentions=("mentions", "sum"), quoted=("_q", "sum")).reset_index(),
        "firsts": firsts.assign(_n=1).groupby(["outlet", "name"], sort=False)
        .agg(n=("_n", "sum"), offset=("first_offset", "min")).reset_index(),
        "names_off": p.groupby(["outlet", "name"], sort=False)["_off"].any().reset_index(),
    }


def outlet_combine(partials: list) -> dict | None:
    """One :func:`outlet_partial` for the union of the partials' chunks, in
    order (exact: distinct sets united keeping first rows, counts added,
    offsets' minimum)."""
    parts = [p for p in partials if p is not None]
    if len(parts) <= 1:
        return parts[0] if parts else None

    def cat(key):
        frames = [p[key] for p in parts]
        return pd.concat([f for f in frames if len(f)] or frames[:1], ignore_index=True)

    return {
        "ents": cat("ents").drop_duplicates(),
        "off_ents": cat("off_ents").drop_duplicates(["outlet", "entity_id"]),
        "off_stats": cat("off_stats").groupby("outlet", sort=False)[["n", "mentions", "quoted"]].sum().reset_index(),
        "firsts": cat("firsts").groupby(["outlet", "name"], sort=False)
        .agg(n=("n", "sum"), offset=("offset", "min")).reset_index(),
        "names_off": cat("names_off").groupby(["outlet", "name"], sort=False)["_off"].any().reset_index(),
    }


def outlet_finish(partial: dict | None, articles: pd.DataFrame) -> pd.DataFrame:
    """:func:`outlet_summary` from an :func:`outlet_partial` of the whole corpus."""
    cols = ["outlet", "people_n_people", "people_n_officials", "people_officials_by_institution",
            "people_officials_by_country", "people_official_mentions", "people_official_quoted_share",
            "people_first_person", "people_first_person_is_official"]
    if partial is None:
        return pd.DataFrame(columns=cols)
    off_ents = dict(tuple(partial["off_ents"].groupby("outlet", sort=False)))
    off_stats = partial["off_stats"].set_index("outlet")
    firsts = dict(tuple(partial["firsts"].groupby("outlet", sort=False)))
    names_off = {(o, n): bool(v) for o, n, v in partial["names_off"][["outlet", "name", "_off"]].itertuples(index=False)}
    empty = partial["off_ents"].iloc[:0]
    rows = []
    for outlet, g in partial["ents"].groupby("outlet", sort=True):
        off = off_ents.get(outlet, empty)
        by_inst = off["institution"].replace("", "unknown").value_counts()
        by_ctry = off["country"].replace("", "unknown").value_counts()
        fs = firsts.get(outlet)
        # Most articles first; ties: the smallest offset, then the name.
        first = min(zip(fs["n"], fs["offset"], fs["name"]), key=lambda t: (-t[0], t[1], t[2]))[2] \
            if fs is not None and len(fs) else ""
        n_off = int(off_stats.at[outlet, "n"]) if outlet in off_stats.index else 0
        rows.append({
            "outlet": outlet,
            "people_n_people": int(g["entity_id"].nunique()),
            "people_n_officials": int(off["entity_id"].nunique()),
            "people_officials_by_institution": "; ".join(f"{k}: {v}" for k, v in sorted(by_inst.items())),
            "people_officials_by_country": "; ".join(f"{k}: {v}" for k, v in sorted(by_ctry.items())),
            "people_official_mentions": int(off_stats.at[outlet, "mentions"]) if n_off else 0,
            "people_official_quoted_share": float(off_stats.at[outlet, "quoted"] / n_off) if n_off else float("nan"),
            "people_first_person": first,
            "people_first_person_is_official": names_off.get((outlet, first), False) if first else False,
        })
    return pd.DataFrame(rows, columns=cols)


def outlet_summary(people: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per outlet: who it names.

    Columns: ``outlet``, ``people_n_people`` (distinct persons named),
    ``people_n_officials`` (distinct officials named), ``people_officials_by_institution``
    and ``people_officials_by_country`` ("Government of Spain: 2; ..." counts of
    distinct officials), ``people_official_mentions`` (mentions of officials),
    ``people_official_quoted_share`` (share of officials named who are also quoted),
    ``people_first_person`` (the person named first, most often across the
    outlet's articles) and ``people_first_person_is_official``.
    """
    return outlet_finish(outlet_partial(people), articles)
