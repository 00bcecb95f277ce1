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

:func:`extract` does both. Everything is regular expressions and word lists
(``data/people_*``): no model, no network. A person is told from places,
organisations and platforms by lists (countries, cities, known platforms),
by the head word (Commission, Palace, Act ...), and by evidence that the
words name a human being: a title or honorific, a known given name, a role
noun before it, an apposition or "who" after it, a reporting verb, a pronoun
that follows, a credit line ("Image: ...").
"""
from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import aliases as A

__all__ = ["mentions", "resolve", "extract", "load_roster", "outlet_summary", "COLUMNS",
           "MENTION_COLUMNS"]

_DATA = Path(__file__).with_name("data")

COLUMNS = ["article_id", "outlet", "entity_id", "name", "entity_type", "aliases", "role",
           "institution", "country", "is_official", "mentions", "first_offset", "first_paragraph",
           "quoted", "n_quotes"]
MENTION_COLUMNS = ["article_id", "outlet", "segment_id", "paragraph", "start", "end", "text",
                   "name", "canonical", "entity_type", "mention_kind", "role", "institution",
                   "country", "official", "evidence"]


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
        self.given = _words_file("people_given_names.txt")
        self.nonname = _words_file("people_nonname_words.txt")
        self.places = set(_lines_file("people_places.txt"))
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
        self.title_words = frozenset(w for t in self.titles for w in t.split())
        self.max_title = max(len(t.split()) for t in self.titles)
        # country names and adjectives as written (capitalised), for counting in a text
        forms = set()
        with open(_DATA / "people_countries.csv", encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                forms.add(row["country"].strip())
                forms.update(a.strip() for a in row["adjectives"].split("|") + row["aliases"].split("|") if a.strip())
        self.country_re = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
                                     + r")(?![\w])")


@lru_cache(maxsize=None)
def _lex() -> _Lex:
    return _Lex()


# Words that are also common surnames: an org/place head word after a known given
# name ("Stuart Hall", "Bill Day") still makes a person.
_SURNAME_CUES = {"hall", "park", "day", "law", "post", "guard", "bay", "lake", "street", "ford", "banks",
                 "church", "cross", "mount", "rivers", "bridges", "castle", "wood", "woods", "field",
                 "fields", "gates", "house", "court", "young", "black", "brown", "white", "green",
                 "king", "bishop", "cook", "baker", "hunter", "fisher", "temple", "tower", "port",
                 "times", "union", "fund", "trust", "press", "front", "council", "parsons", "moore"}
_MODIFIERS = {"former", "then", "acting", "interim", "late", "outgoing", "incoming", "deputy", "vice",
              "assistant", "senior", "chief", "top", "first", "new", "current", "ex", "socialist",
              "conservative", "liberal", "labour", "leftist", "rightist", "democratic", "republican",
              "tech", "government", "state", "federal", "national", "regional", "local", "foreign",
              "opposition", "party", "presidential", "data", "protection", "digital", "media",
              "russian-born", "veteran", "longtime", "billionaire", "company", "commission", "ministry",
              "eu", "un", "u.s.", "us", "uk"}
_DESCRIPTORS = {"democrat", "democratic", "republican", "gop", "house", "senate", "socialist", "conservative",
                "liberal", "labour", "tory", "centrist", "leftist", "populist", "independent", "progressive",
                "veteran", "miss", "mister"}
_GROUP_WORDS = {"republicans", "democrats", "americans", "europeans", "conservatives", "liberals", "socialists",
                "muslims", "christians", "jews", "catholics", "protestants", "latinos", "hispanics", "africans",
                "asians", "arabs", "blacks", "whites", "millennials", "evangelicals", "tories", "greens"}
_GOV_WORDS = {"government", "govt", "ministry", "minister", "cabinet", "state", "federal", "council",
              "commission", "parliament", "senate", "congress", "police", "court", "prosecutor",
              "prosecutors", "prosecution", "embassy", "department", "agency", "authority", "white",
              "kremlin", "regulator", "administration", "municipal", "city", "county", "army", "military",
              "navy", "un", "united", "nations", "eu", "european", "public", "official", "officials"}
_COMPANY_WORDS = {"company", "firm", "corporation", "inc", "inc.", "corp", "group", "platform", "bank",
                  "startup", "network", "club", "team", "university", "school", "church", "party",
                  "campaign", "foundation", "newspaper", "magazine", "museum"}
_REPORT_VERBS = r"(?:said|says|say|told|tells|added|adds|wrote|writes|stated|states|explained|argued|" \
                r"noted|insisted|warned|claimed|announced|asked|replied|responded|tweeted|posted|" \
                r"according|believes|believed|thinks|thought|described|called|urged|admitted|denied|" \
                r"confirmed|acknowledged|recalled|continued|agreed|suggested|has|had|was|is|will|would|" \
                r"did|does|who|whose)"
_AFTER_VERB_RE = re.compile(r"\s*(?:,\s*)?(?:(?:also|later|then|previously|has|had|have)\s+)?" + _REPORT_VERBS + r"\b")
_AFTER_WHO_RE = re.compile(r"\s*,\s*(?:who|whose|whom)\b([^.;!?\n]{0,160})")
_AFTER_APPOS_RE = re.compile(r"\s*,\s*((?:the|a|an|his|her|its|their)\s+)?([^,;.!?\n\"()]{2,90}?)(?=\s*(?:,|\.|;|\)|$))")
_AFTER_AGE_RE = re.compile(r"\s*,\s*(?:aged\s+)?\d{1,3}\s*,")
_PRONOUN_RE = re.compile(r"\b(?:he|she|his|her|him|himself|herself)\b", re.I)
_CREDIT_RE = re.compile(r"(?:^|[\s(\[])(?:image|images|photo|photos|photograph|picture|video|audio|credit|"
                        r"credits|photographer|illustration|graphic|map|source)s?(?:\s+(?:credit|by|courtesy))?"
                        r"\s*(?:[:|]|by)\s*(?:[^\s:/]{1,40}/)?\s*$", re.I)
_LOWER_BEFORE_RE = re.compile(r"((?:[\w.'-]+\s+){0,6})$")
_PREPOSITION_BEFORE_RE = re.compile(r"\b(?:in|at|from|near|to|into|across|outside|inside|around|of)\s+$")
_BY_BEFORE_RE = re.compile(r"\bby\s+$")
_POSSESSOR_BEFORE_RE = re.compile(r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})'s\s+((?:[a-z][\w-]*\s+){0,4}[a-z][\w-]*)\s*,\s*$")
_THE_ROLE_BEFORE_RE = re.compile(r"(?:the|a|an|[A-Z][\w.-]*'s)\s+((?:[A-Za-z][\w.-]*\s+){0,4}[a-z][\w-]*)\s*,\s*$")
_TITLECASE_RE = re.compile(r"\b[A-Za-z][\w'-]*\b")
_OFFICIAL_CLAUSE_RE = re.compile(
    r"\b(?:consult|chair|chairs|chaired|head|heads|headed|lead|leads|led|oversee|oversees|preside|presides|"
    r"appointed|nominated|elected|sworn|serves|served|serving)\b[^.;]*\b(?:prosecutor|prosecutors|court|"
    r"ministry|minister|government|parliament|senate|congress|cabinet|council|commission|police|"
    r"department|agency|state|office)", re.I)


def _cap_class() -> str:
    return "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper())


_UP = _cap_class()
_PARTICLES = r"(?:de|del|della|di|da|dos|das|du|des|la|le|van|von|der|den|ter|bin|ibn|al|el|y)"
_WORD = rf"(?:(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Cmdr|Adm|Rev|Hon|Mme|Messrs|Det|Supt|Insp)\.(?=[ ][{_UP}])|[{_UP}]\.(?:[{_UP}]\.)+|[{_UP}]\.(?=\s)|[{_UP}][\w]*(?:['\-][\w]+)*|[a-z]{{1,3}}-[{_UP}][\w]*(?:-[\w]+)*|[a-z][{_UP}][\w]+)"
_SEQ_RE = re.compile(rf"(?=[{_UP}a-z])(?<![\w'.\-]){_WORD}(?:[ ]+(?:{_PARTICLES}[ ]+){{0,2}}{_WORD})*")


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


def _title_case_paragraph(seg_text: str) -> bool:
    words = _TITLECASE_RE.findall(seg_text)
    if len(words) < 3:
        return False
    caps = sum(1 for w in words if w[0].isupper() or len(w) <= 3)
    return caps / len(words) >= 0.8 and len(words) <= 20


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


def _title_suffix(words: list[str], lex: _Lex):
    """Longest title phrase ending the word list (lower-cased), with the
    modifier words before it: returns (start index of modifiers, start of
    title, title phrase) or None."""
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
    """(role, official, institution, country) for a title and its modifiers."""
    role, official, inst_kind = lex.titles.get(title_phrase, (title_phrase, "ctx", ""))
    mods_low = [A.fold(_strip_poss(m)) for m in modifiers]
    country = ""
    institution = ""
    for m, ml in zip(modifiers, mods_low):
        if ml in lex.adj_country:
            country = lex.adj_country[ml]
        elif ml in lex.country_names:
            country = lex.country_names[ml]
    for m, ml in zip(modifiers, mods_low):
        if ml in lex.known and lex.known[ml][1] == "organisation":
            institution = lex.known[ml][0]
    if "former" in mods_low or "ex" in mods_low:
        role = "former " + role
    elif "acting" in mods_low:
        role = "acting " + role
    if "deputy" in mods_low and not role.lower().startswith("deputy"):
        role = "Deputy " + role if role[:1].isupper() else "deputy " + role
    gov = any(ml in _GOV_WORDS for ml in mods_low) or bool(country and inst_kind in ("government", "legislature"))
    if official == "ctx":
        if institution and lex.known[A.fold(institution)][2] in ("platform", "company", "media"):
            official = "false"
        elif any(ml in _COMPANY_WORDS for ml in mods_low):
            official = "false"
        elif gov or country:
            official = "true"
        elif title_phrase in ("president", "governor", "secretary", "speaker", "justice", "inspector",
                              "officer", "representative", "secretary-general", "secretary general",
                              "vice president", "vice-president", "superintendent", "commander"):
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
    kinds = segs["kind"] if "kind" in segs.columns else pd.Series("paragraph", index=segs.index)
    out: dict = {}
    for aid, sid, s, e, k in zip(segs["article_id"], segs["segment_id"], segs["start"], segs["end"], kinds):
        out.setdefault(aid, []).append((int(sid), int(s), int(e), str(k)))
    for v in out.values():
        v.sort(key=lambda x: x[1])
    return out


def _candidates(norm: str, segs: list, lex: _Lex) -> list[_Cand]:
    cands = []
    nonname = lex.nonname
    fold = A.fold
    for para, (sid, lo, hi, kind) in enumerate(segs):
        heading = (kind in ("title", "heading") or hi - lo < 160) and _title_case_paragraph(norm[lo:hi])
        for m in _SEQ_RE.finditer(norm, lo, hi):
            seq = m.group(0)
            if " " not in seq and "'" not in seq and fold(seq) in nonname:
                continue                        # "The", "On", "However": the commonest case, skipped early
            toks = []
            pos = m.start()
            for tok in seq.split(" "):
                if tok:
                    toks.append((pos, tok))
                pos += len(tok) + 1
            # split after possessive words: "Spain's Prime Minister Pedro" -> "Spain's" | "Prime ..."
            parts, cur = [], []
            for off, tok in toks:
                cur.append((off, tok))
                if tok[-2:] == "'s" or tok[-1] == "'":
                    parts.append(cur)
                    cur = []
            if cur:
                parts.append(cur)
            possessor = ""
            for part in parts:
                c = _Cand()
                c.para, c.seg_id, c.seg_lo, c.seg_hi, c.heading = para, sid, lo, hi, heading
                c.offs = [o for o, _ in part]
                c.tokens = [t for _, t in part]
                c.poss = _poss(c.tokens[-1])
                if c.poss:
                    c.tokens[-1] = _strip_poss(c.tokens[-1])
                c.possessor = possessor
                c.start = c.offs[0]
                c.end = c.offs[-1] + len(c.tokens[-1])
                c.sent_start = _sentence_start(norm, c.start, lo)
                cands.append(c)
                possessor = " ".join(c.tokens) if c.poss else ""
    return cands


_FAST_FOLD = (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u00a0", " "),
              ("\u02bc", "'"), ("\u2032", "'"), ("\u2013", "-"), ("\u2014", "-"))


def _normalize(text: str) -> str:
    """The few foldings name matching needs (same length as the text):
    much faster than :func:`framing.clean.normalize` on long texts."""
    for a, b in _FAST_FOLD:
        if a in text:
            text = text.replace(a, b)
    return text


def _analyse(c: _Cand, norm: str, lex: _Lex) -> None:
    """Strip titles, classify the candidate, collect evidence."""
    toks, offs = c.tokens, c.offs
    low = [A.fold(t) for t in toks]
    i = 0
    title_mods: list[str] = []
    title_phrase = ""
    # leading function words / sentence openers ("The", "On", "According")
    while i < len(toks) and low[i] in lex.nonname and not (low[i] in lex.given and i + 1 < len(toks)
                                                          and not c.sent_start):
        i += 1
    # a whole known entity or place ("European Commission", "Hong Kong") is never a title + name
    rest_f = " ".join(low[i:])
    if rest_f in lex.known or rest_f in lex.places or rest_f in lex.country_names:
        c.name = " ".join(toks[i:])
        c.start, c.end = offs[i], offs[-1] + len(toks[-1])
        c.tokens, c.offs = toks[i:], offs[i:]
        c.kind = lex.known[rest_f][1] if rest_f in lex.known else "place"
        if rest_f in lex.known:
            c.name = lex.known[rest_f][0]
        return
    # honorifics, country adjectives, modifiers and title phrases
    while i < len(toks):
        li = low[i]
        if li in lex.honorifics or li.rstrip(".") in lex.honorifics:
            c.evidence.append("honorific")
            i += 1
            continue
        # a run of modifiers counts only when a title phrase and a name follow it
        j = i
        while j < len(toks) and (low[j] in lex.adj_country or low[j] in _MODIFIERS or low[j] in lex.country_names) \
                and not _match_title(low, j, lex):
            j += 1
        n = _match_title(low, j, lex) if j < len(toks) else 0
        if n and j + n < len(toks):
            title_mods.extend(toks[i:j])
            title_phrase = " ".join(low[j:j + n])
            c.evidence.append("title")
            i = j + n
            continue
        break
    if title_phrase:
        prev = norm[max(c.seg_lo, offs[0] - 12):offs[0]].lower().split()
        if prev and prev[-1] in ("former", "then", "ex-", "late", "acting", "interim"):
            title_mods.insert(0, prev[-1])
    while i < len(toks) - 2 and low[i] in _DESCRIPTORS:
        title_mods.append(toks[i])
        i += 1
    name_toks = toks[i:]
    name_offs = offs[i:]
    # trailing function words / dates ("Sánchez Monday")
    while name_toks and A.fold(name_toks[-1]) in lex.nonname and len(name_toks) > 1:
        name_toks, name_offs = name_toks[:-1], name_offs[:-1]
    if not name_toks:
        c.kind = "none"
        return
    c.start = name_offs[0]
    c.end = name_offs[-1] + len(name_toks[-1])
    if i > 0 and (low[i - 1] in lex.honorifics or low[i - 1].rstrip(".") in lex.honorifics):
        c.start = offs[i - 1]            # "Mr. Sánchez": the honorific is part of the alias
    c.tokens, c.offs = name_toks, name_offs
    c.name = " ".join(name_toks)
    if title_phrase:
        c.title = title_phrase
        role, off, inst, ctry, _ = _describe_role(title_phrase, ([c.possessor] if c.possessor else []) + title_mods,
                                                  lex)
        c.role, c.official, c.institution, c.country = role, off, inst, ctry
    fname = A.fold(c.name)
    nlow = [A.fold(t) for t in name_toks]
    # ---- negative evidence: known entities, places, head words, acronyms
    if fname in lex.known:
        c.kind = lex.known[fname][1]           # organisation / product / place
        c.name = lex.known[fname][0] if lex.known[fname][0] else c.name
        return
    if fname in lex.places or fname in lex.country_names or fname in lex.adj_country:
        c.kind = "place"
        return
    head = nlow[-1].rstrip(".")
    given_first = nlow[0] in lex.given
    if head in lex.cues and not (given_first and len(nlow) >= 2 and head in _SURNAME_CUES):
        kind = lex.cues[head]
        c.kind = "organisation" if kind == "organisation" and len(nlow) >= 2 else (
            kind if kind != "organisation" else "other")
        if c.kind == "organisation" and c.possessor:
            pf = A.fold(c.possessor)
            c.country = lex.country_names.get(pf, "")
        return
    if any(_is_acronym(t) for t in name_toks) or any(ch.isdigit() for ch in c.name):
        c.kind = "acronym" if len(name_toks) == 1 and _is_acronym(name_toks[0]) else "other"
        return
    if any(t in lex.adj_country or t in lex.country_names or (t.endswith("s") and t[:-1] in lex.adj_country)
           for t in nlow) or head in _GROUP_WORDS:
        c.kind = "other"
        return
    if len(name_toks) > 1 and any(t in lex.nonname for t in nlow[1:]):
        c.kind = "other"
        return
    if len(name_toks) > 4:
        c.kind = "other"
        return
    if any(t in lex.title_words and t not in lex.given for t in nlow[:-1]) and "title" not in c.evidence:
        c.kind = "other"
        return
    after = norm[c.end + (2 if c.poss else 0):min(c.seg_hi, c.end + 200)]
    before = norm[max(c.seg_lo, c.start - 80):c.start]
    if not title_phrase:
        # strip what was dropped (honorifics etc.) from the "before" window
        before = norm[max(c.seg_lo, offs[0] - 80):offs[0]] if i == 0 else norm[max(c.seg_lo, c.start - 80):c.start]
    # credit lines: "Image: Nick Moreau."
    if _CREDIT_RE.search(before):
        c.evidence.append("credit")
    if given_first and len(name_toks) >= 2:
        c.evidence.append("given")
    if not c.poss:
        if _AFTER_WHO_RE.match(after):
            c.evidence.append("who")
        if _AFTER_AGE_RE.match(after):
            c.evidence.append("age")
        if _AFTER_VERB_RE.match(after):
            c.evidence.append("verb")
    # lower-case role noun just before: "founder Pavel Durov", "spokesperson Elma Saiz"
    if not title_phrase:
        words = before.split()
        if words and not before.endswith((",", ":", ";")) and before[-1:].isspace():
            tail = words[-7:]
            suf = _title_suffix(tail, lex)
            if suf is not None:
                m0, k0, phrase = suf
                if tail[k0][:1].islower() or tail[k0].lower() in ("pm", "ceo", "mp", "mep"):
                    role, off, inst, ctry, _ = _describe_role(phrase, tail[m0:k0], lex)
                    c.title = phrase
                    c.role, c.official, c.institution, c.country = role, off, inst, ctry
                    c.evidence.append("role-before")
        # "Spain's prime minister, Pedro Sánchez" / "the owner of X, Elon Musk"
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
    # apposition after: "Musk, owner of X," / "Teresa Peramato, who must consult ..."
    if not c.poss and not c.title:
        am = _AFTER_APPOS_RE.match(after)
        if am:
            words = am.group(2).split()
            # "owner of X" -> title at the front, institution after "of"
            low_words = [w.lower() for w in words]
            n = 0
            for k in range(len(words)):
                n = _match_title(low_words, k, lex)
                if n:
                    phrase = " ".join(low_words[k:k + n])
                    mods = words[:k]
                    rest = words[k + n:]
                    inst = ""
                    if rest and rest[0].lower() in ("of", "at", "for"):
                        inst_words = [w for w in rest[1:] if w[:1].isupper() or w.lower() in ("of", "the")]
                        inst = " ".join(inst_words).strip()
                    if all(w[:1].islower() or A.fold(_strip_poss(w)) in lex.adj_country
                           or A.fold(_strip_poss(w)) in lex.known or A.fold(_strip_poss(w)) in lex.country_names
                           or w.lower() in lex.title_words for w in mods):
                        role, off, inst2, ctry, _ = _describe_role(phrase, mods + ([inst] if inst else []), lex)
                        if inst and A.fold(inst) in lex.known:
                            inst2 = lex.known[A.fold(inst)][0]
                            if lex.known[A.fold(inst)][2] in ("platform", "company", "media") and off != "true":
                                off = "false"
                        elif inst and not inst2:
                            inst2 = inst
                        c.title = phrase
                        c.role, c.official, c.institution, c.country = role, off, inst2, ctry
                        c.evidence.append("appos")
                    break
        wm = _AFTER_WHO_RE.match(after)
        if wm and _OFFICIAL_CLAUSE_RE.search(wm.group(1)) and not c.title:
            c.official = "true"
            c.evidence.append("official-clause")
    if _PRONOUN_RE.search(after[:160]):
        c.evidence.append("pronoun")
    if _PREPOSITION_BEFORE_RE.search(before[-12:]) and not c.title:
        c.evidence.append("after-preposition")
    c.kind = "maybe"


def _strong(c: _Cand) -> bool:
    return any(e in ("honorific", "title", "credit", "role-before", "role-appos-before", "appos", "who", "age",
                     "official-clause") for e in c.evidence)


def _article_mentions(aid: str, outlet: str, text: str, segs: list, lex: _Lex) -> list[dict]:
    norm = _normalize(text)
    cands = _candidates(norm, segs, lex)
    for c in cands:
        _analyse(c, norm, lex)
    # ---- pass 1: full names. Strong evidence first; weak multi-word names
    # that share a surname with a strong one are that person ("Dirty Sánchez").
    persons: dict[str, list[_Cand]] = {}
    single_counts = Counter(A.fold(c.name) for c in cands if c.kind == "maybe" and len(c.tokens) == 1
                            and not c.sent_start)
    weak = []
    for c in cands:
        if c.kind != "maybe":
            continue
        n = len(c.tokens)
        ev = set(c.evidence)
        if c.heading and not _strong(c):
            continue
        if n >= 2:
            if _strong(c) or "given" in ev:
                c.kind = "person"
            else:
                surname_recurs = single_counts.get(A.fold(c.tokens[-1]), 0) > 0
                if "after-preposition" not in ev and ("verb" in ev or surname_recurs or "pronoun" in ev):
                    weak.append(c)
        elif n == 1 and _strong(c) and (c.tokens[0][1:].islower() or "-" in c.tokens[0] or "'" in c.tokens[0]) \
                and A.fold(c.tokens[0]) not in lex.nonname:
            c.kind = "person"
    strong_keys = {A.fold(c.tokens[-1]) for c in cands if c.kind == "person" and len(c.tokens) >= 2}
    for c in weak:
        if A.fold(c.tokens[-1]) in strong_keys and A.fold(c.tokens[0]) not in lex.given:
            # an epithet before a known surname: a surname mention
            c.start, c.offs, c.tokens = c.offs[-1], c.offs[-1:], c.tokens[-1:]
            c.name = c.tokens[0]
            c.kind = "maybe"
        else:
            c.kind = "person"
    full = [c for c in cands if c.kind == "person"]
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
    ctry = Counter()
    for c in cands:
        f = A.fold(" ".join(c.tokens)) if c.tokens else ""
        cc = lex.adj_country.get(f) or lex.country_names.get(f)
        if not cc and c.tokens:
            f0 = A.fold(c.tokens[0])
            cc = lex.adj_country.get(f0) or lex.country_names.get(f0)
        if not cc and c.possessor:
            cc = lex.country_names.get(A.fold(c.possessor))
        if cc and cc != "European Union":
            ctry[cc] += 1
        if c.country and c.country != "European Union":
            ctry[c.country] += 1
    main_country = ctry.most_common(1)[0][0] if ctry else ""
    orgs = [c for c in cands if c.kind == "organisation"]
    for c in full:
        if c.official == "true" and not c.country and main_country:
            c.country = main_country
            if not c.institution and c.title and lex.titles.get(c.title, ("", "", ""))[2] == "government":
                c.institution = _government_of(main_country)
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
    for c in sorted(full, key=lambda c: (-len(c.tokens), c.start)):
        hits = [g for g in groups if A.compatible(c.name, g[0].name)]
        if not hits:
            groups.append([c])
            continue
        if len(hits) > 1:              # "Clinton" with Bill and Hillary named: the nearest one before
            before = [(max((x.start for x in g if x.start <= c.start), default=-1), k) for k, g in enumerate(hits)]
            hits = [hits[max(before)[1]]]
        hits[0].append(c)
    key_to_canon: dict[str, list[str]] = defaultdict(list)
    for g in groups:
        counts = Counter(x.name for x in g)
        canon = A.prefer([x.name for x in g], counts)
        for x in g:
            x.canonical = canon
        key_to_canon[A.name_key(canon)].append(canon)
        persons[canon] = g
    # ---- pass 2: surname-only and partial mentions of known persons
    for c in cands:
        if c.kind not in ("maybe", "none") or not c.tokens:
            continue
        key = A.fold(c.tokens[-1]).strip(".")
        opts = key_to_canon.get(key)
        if not opts:
            continue
        hits = [o for o in opts if A.compatible(c.name, o)]
        if len(hits) == 1:
            c.kind = "person"
            c.canonical = hits[0]
            persons[hits[0]].append(c)
    # ---- role aliases: "the prime minister", "the Spanish PM"
    rows = []
    role_heads: dict[str, list[str]] = defaultdict(list)
    for canon, g in persons.items():
        for x in g:
            if x.title:
                role_heads[x.title.split()[-1]].append(canon)
                if x.title in ("pm", "prime minister"):
                    role_heads["pm"].append(canon)
                    role_heads["minister"].append(canon)
    alias_rows = []
    if role_heads:
        for para, (sid, lo, hi, kind) in enumerate(segs):
            for m in _ROLE_ALIAS_RE.finditer(norm, lo, hi):
                phrase = m.group(2).lower()
                head = phrase.split()[-1]
                if head not in role_heads:
                    continue
                who = set(role_heads[head])
                if len(who) != 1:
                    continue
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
        rows.append({"article_id": aid, "outlet": outlet, "segment_id": sid, "paragraph": para, "start": s,
                     "end": e, "text": text[s:e], "name": text[s:e], "canonical": holder,
                     "entity_type": "person", "mention_kind": "role", "role": "", "institution": "",
                     "country": "", "official": "", "evidence": "role-alias"})
    rows.sort(key=lambda r: (r["start"], r["end"]))
    return rows


_ACRONYM_DEF_RE = re.compile(r"\s*\(([A-Z][A-Z.&]{1,9})\)")
_INST_HEAD = {"commission": "commission", "police": "police", "court": "court", "prosecution": "office",
              "legislature": "parliament", "regulator": "authority"}


_ROLE_ALIAS_RE = re.compile(
    r"(?<![\w])(?:[Tt]he|[A-Z][\w.]*'s)\s+((?:(?:[A-Z][a-z]+|former|then|current|deputy|vice|Spanish|"
    r"prime|Prime)\s+)*((?:[Pp]rime\s+){1,2}[Mm]inister|PM|[Pp]resident|[Cc]hancellor|[Pp]remier|"
    r"[Ss]pokesperson|[Ss]pokesman|[Ss]pokeswoman|[Cc]ommissioner|[Mm]ayor|[Gg]overnor|[Ss]enator|"
    r"[Aa]ttorney [Gg]eneral|[Mm]inister|[Ss]ecretary|[Aa]mbassador|[Oo]wner|[Ff]ounder|[Cc]o-founder|"
    r"CEO|[Cc]hief [Ee]xecutive|[Bb]illionaire|[Ee]ntrepreneur))\b")


def _org_name(c: _Cand, lex: _Lex) -> str:
    f = A.fold(c.name)
    if f in lex.known:
        return lex.known[f][0]
    return c.name


def _row(aid, outlet, text, c: _Cand, canonical, etype, mkind) -> dict:
    return {"article_id": aid, "outlet": outlet, "segment_id": c.seg_id, "paragraph": c.para,
            "start": c.start, "end": c.end, "text": text[c.start:c.end], "name": c.name,
            "canonical": canonical, "entity_type": etype,
            "mention_kind": mkind if len(c.tokens) > 1 or etype != "person" else
            ("honorific" if "honorific" in c.evidence else "surname" if c.canonical and c.canonical != c.name
             else "name"),
            "role": c.role, "institution": c.institution, "country": c.country, "official": c.official,
            "evidence": ",".join(c.evidence)}


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
    for aid, outlet, text, st in zip(articles["article_id"], outlets, articles["text"], status):
        if st == "error" or not isinstance(text, str) or not text or aid not in segs:
            continue
        rows.extend(_article_mentions(aid, outlet, text, segs[aid], lex))
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


def _quote_counts(quotes: pd.DataFrame | None) -> dict:
    """(article_id, speaker) -> number of quotes (scare quotes excluded)."""
    out: dict = {}
    if quotes is None or not len(quotes) or "speaker" not in quotes.columns:
        return out
    q = quotes
    if "kind" in q.columns:
        q = q[q["kind"] != "scare"]
    for aid, spk in zip(q["article_id"], q["speaker"]):
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
    recs = mentions.to_dict("records")
    for r in recs:
        for col in ("role", "institution", "country", "official", "canonical", "name", "evidence"):
            v = r.get(col)
            r[col] = v if isinstance(v, str) else ""
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
    for n in sorted(names, key=lambda n: (len(n.split()), n)):
        k = clusters[n]
        if k.startswith("R:"):
            continue
        cands = [k2 for k2 in fuller if k2 != k and len(k2.replace("R:", "").split()) > len(k.split())
                 and A.compatible(k2.replace("R:", ""), n)]
        cands = sorted(set(cands))
        if len(cands) == 1:
            target = cands[0]
            for m, km in clusters.items():
                if km == k:
                    clusters[m] = target
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
        speakers_by_article[aid].append((spk, n))
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
    art_order = {a: i for i, a in enumerate(dict.fromkeys(mentions["article_id"]))}
    out = []
    for (aid, etype, ck), rows in groups.items():
        rows.sort(key=lambda r: r["start"])
        if etype == "person":
            name = canon_of_cluster[ck]
            role = _best_role(rows) or cluster_role.get(ck, {})
            rr = ridx.get(A.fold(name))
        else:
            name = A.prefer([r["canonical"] or r["name"] for r in rows])
            role = {}
            rr = ridx.get(A.fold(name))
        forms = list(dict.fromkeys(r["text"] for r in rows))
        alias_list = [f for f in forms if f != name]
        rec = {"article_id": aid, "outlet": outlet_of.get(aid, rows[0].get("outlet", aid)),
               "entity_id": A.entity_id(name, etype), "name": name, "entity_type": etype,
               "aliases": "|".join(alias_list), "role": role.get("role", ""),
               "institution": role.get("institution", ""), "country": role.get("country", ""),
               "is_official": role.get("official", "") == "true",
               "mentions": len(rows), "first_offset": int(rows[0]["start"]),
               "first_paragraph": int(rows[0]["paragraph"])}
        if rr is not None:
            rec["name"] = rr["name"]
            rec["entity_id"] = A.entity_id(rr["name"], rr.get("entity_type") or etype)
            for col in ("role", "institution", "country"):
                if rr.get(col):
                    rec[col] = rr[col]
            if rr.get("is_official") in ("true", "false"):
                rec["is_official"] = rr["is_official"] == "true"
        # quotes whose speaker is this entity
        n_q = 0
        for spk, n in speakers_by_article.get(aid, []):
            if A.fold(spk) in {A.fold(rec["name"])} | {A.fold(a) for a in alias_list} | \
                    {A.fold(r["canonical"]) for r in rows}:
                n_q += n
            elif etype == "person" and spk[:1].isupper() and A.compatible(spk, rec["name"]):
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
    cols = ["outlet", "people_n_people", "people_n_officials", "people_officials_by_institution",
            "people_officials_by_country", "people_official_mentions", "people_official_quoted_share",
            "people_first_person", "people_first_person_is_official"]
    if people is None or not len(people):
        return pd.DataFrame(columns=cols)
    p = people[people["entity_type"] == "person"].copy()
    official = p["is_official"].astype(str).str.lower().isin(["true", "1"])
    p["_off"] = official
    rows = []
    for outlet, g in p.groupby("outlet", sort=True):
        off = g[g["_off"]]
        by_inst = off.drop_duplicates("entity_id")["institution"].replace("", "unknown").value_counts()
        by_ctry = off.drop_duplicates("entity_id")["country"].replace("", "unknown").value_counts()
        firsts = g.sort_values(["article_id", "first_offset"]).groupby("article_id").head(1)
        fc = Counter(firsts["name"])
        first = sorted(fc.items(), key=lambda kv: (-kv[1], firsts[firsts["name"] == kv[0]]["first_offset"].min(),
                                                    kv[0]))[0][0] if len(fc) else ""
        first_off = bool(g[g["name"] == first]["_off"].any()) if first else False
        rows.append({
            "outlet": outlet,
            "people_n_people": int(g["entity_id"].nunique()),
            "people_n_officials": int(off["entity_id"].nunique()),
            "people_officials_by_institution": "; ".join(f"{k}: {v}" for k, v in sorted(by_inst.items())),
            "people_officials_by_country": "; ".join(f"{k}: {v}" for k, v in sorted(by_ctry.items())),
            "people_official_mentions": int(off["mentions"].sum()),
            "people_official_quoted_share": float(off["quoted"].astype(bool).mean()) if len(off) else float("nan"),
            "people_first_person": first,
            "people_first_person_is_official": first_off,
        })
    return pd.DataFrame(rows, columns=cols)
