"""Quoted sources: find every quote, attribute it to a speaker, classify the source.

:func:`extract` reads the ``articles`` and ``segments`` tables (only kept
segments are looked at) and returns the ``quotes`` table, one row per quote:

``article_id, outlet, quote_id, segment_id, text, kind, start, end, speaker,
speaker_mention, speaker_start, speaker_end, speaker_type, speaker_source,
verb, verb_class, n_words, marks, problem``

* ``kind``: ``direct`` (a full quoted sentence), ``partial`` (quoted words in
  the writer's sentence), ``scare`` (quotation marks that carry no speech:
  scare quotes, quoted titles and names), ``indirect`` ("X said that ...").
* ``start``/``end`` are offsets into the article text. For quotes in marks
  ``text == article_text[start:end]``: the words between the marks, without
  the marks. A quote that runs over several paragraphs (a paragraph opening a
  quote without closing it, continued by the next) is one row whose text
  includes the paragraph break and the continuation mark.
* ``speaker`` is a canonical name *within the article*: "Sánchez", "Mr.
  Sánchez", "he" and "the prime minister" all become the fullest name seen
  ("Pedro Sánchez"); an organisation's spokesperson becomes
  "<organisation> spokesperson" ("European Commission spokesperson"); a
  definite description points back to the earlier speaker or mention with the
  same head ("the report" -> "expert report"); anonymous sources keep their
  description ("Spanish government sources"). Cross-article alias merging is
  done later by :mod:`framing.aliases`.
* ``speaker_mention``/``speaker_start``/``speaker_end``: the words the
  attribution rests on (a name, a pronoun, "the spokesperson"); for a quote
  with no attribution in its own sentence that continues the previous
  speaker, they point at that speaker's mention.
* ``speaker_source``: ``named``, ``pronoun``, ``title`` (a description resolved
  to a named person), ``description``, ``according_to``, ``previous``
  (inherited from the previous quote), or ``""`` (no speaker found).
* ``marks``: the opening and closing marks (e.g. ``“”``); ``problem``: ""
  or a plain-words note (``unclosed quotation mark``).

Everything is regular expressions over the text: no model, no network.
Lexicons: ``data/reporting_verbs.csv`` and ``data/speaker_types.csv``.
"""
from __future__ import annotations

import bisect
import csv
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["extract", "outlet_summary", "COLUMNS", "KINDS", "SPEAKER_TYPES",
           "load_verbs", "load_speaker_types"]

COLUMNS = [
    "article_id", "outlet", "quote_id", "segment_id", "text", "kind", "start", "end",
    "speaker", "speaker_mention", "speaker_start", "speaker_end", "speaker_type",
    "speaker_source", "verb", "verb_class", "n_words", "marks", "problem",
]
KINDS = ("direct", "partial", "scare", "indirect")
SPEAKER_TYPES = ("official", "regulator_or_body", "company_or_platform", "tech_owner",
                 "expert_or_report", "civil_society", "media", "anonymous", "unknown")
#: Order in which speaker types win when several cues match.
_TYPE_PRIORITY = ("anonymous", "tech_owner", "expert_or_report", "media", "regulator_or_body",
                  "company_or_platform", "official", "civil_society")

_DATA = Path(__file__).with_name("data")

# --------------------------------------------------------------------------- characters
_DQ = '"“”„‟«»〝〞＂❝❞'
_SQ = "'‘’‚‛‹›"
_FOLD_TABLE = str.maketrans({
    **dict.fromkeys(_DQ, '"'), **dict.fromkeys(_SQ + "`´", "'"),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    **dict.fromkeys("\u00a0\u2002\u2003\u2009\u200a\u202f\u200b\t", " "),
    "\u2026": ".",
})
_FOLD_PAIRS = tuple((chr(a), b) for a, b in _FOLD_TABLE.items())
_FOLD_ANY_RE = re.compile("[" + re.escape("".join(a for a, _b in _FOLD_PAIRS)) + "]")


def _fold(text: str) -> str:
    """Same-length typographic folding (curly quotes, dashes, odd spaces); faster
    than ``str.translate`` because only the characters present are replaced."""
    if not _FOLD_ANY_RE.search(text):
        return text
    for a, b in _FOLD_PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


_OPEN_DEFAULT = set("“„«〝❝‟")
_CLOSE_DEFAULT = set("”»〞❞")
_ALL_QUOTES = set(_DQ + _SQ)
_OPEN_CTX = set("([{-/–—:;") | _ALL_QUOTES
_CLOSE_CTX = set(".,;:!?)]}-–—…") | _ALL_QUOTES
_DQ_RE = re.compile("[" + re.escape(_DQ) + "]")
_SQ_RE = re.compile("[" + re.escape(_SQ) + "]")
_TAG_RE = re.compile(r"<[^<>\n]{0,600}>")
_MASK = "\x00"

_ABBREV = {
    "mr", "mrs", "ms", "dr", "sen", "rep", "reps", "sens", "gov", "gen", "lt", "col", "sgt", "st",
    "jr", "sr", "prof", "rev", "hon", "no", "vs", "inc", "corp", "co", "ltd", "jan", "feb",
    "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "a.m", "p.m",
    "d.c", "e.g", "i.e", "mt", "ft", "ave", "capt", "cmdr", "adm", "maj", "supt", "det",
    "pres", "atty", "messrs", "fig", "approx", "etc", "ariz", "calif", "fla", "mass", "mich",
    "minn", "penn", "tenn", "tex", "va", "wash", "wis", "ky", "la", "md", "mo", "nev", "okla",
    "ore", "conn", "colo", "ga", "ill", "ind", "kan", "neb", "del", "n.y", "n.j", "n.c", "s.c",
    "n.h", "w.va", "r", "d", "i",
}

# A sentence end: ``[.!?]+`` then closing marks and space before a capital, or
# closing quotes glued to a capital. Written with a plain character class first
# (not ``[.!?]+``, not two branches) so the regex engine can skip ahead to the
# next [.!?] instead of trying every position: same matches, ~4x faster.
_BOUNDARY_RE = re.compile(r"[.!?][.!?]*(?:[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9\x00])|[\"']+(?=[A-Z]))")
# Tokens: a word (a letter, then word characters, with inner ' - & between
# them), a run of masked quote characters, one letter or digit, one mark.
# (Earlier written "\x00+|[^\W\d_][\w'\-&]*[\w]|[^\W_]|\d[\d,.:]*\d|\d|[^\s\w]":
# the same tokens, numbers included, since "[^\W_]" always took a digit before
# the number branches; this form does not backtrack at each word end.)
# possessive quantifiers: the same matches as the greedy pattern (what follows
# each part can never start inside what it gave back), without backtracking
# accents stay inside words: combining marks (decomposed "José"), and a UTF-8
# letter read as Latin-1 ("FranÃ§ois", also decomposed "FranA\u0303\x83A\u0302§ois"):
# a Latin-1 sign or C1 code (U+0080-U+00BF) right after "Ã", "Â" or a combining
# mark continues the word; the text and offsets are untouched
_TOKEN_RE = re.compile(r"[^\W\d_](?:\w|[\u0300-\u036f]|(?<=[ÃÂ\u0300-\u036f])[\u0080-\u00bf])*+"
                       r"(?:['\-&]++\w++)*+|\x00++|[^\W_]|[^\s\w]")
_WORD_RE = re.compile(r"\w+(?:['’\-]\w+)*")

# --------------------------------------------------------------------------- lexicons
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
_DETS = {"the", "a", "an", "another", "one", "two", "three", "four", "five", "several", "some",
         "many", "other", "his", "her", "their", "its", "our", "this", "these", "those", "both",
         "all", "most", "few", "any", "each", "my", "your"}
_ADVS = {"also", "later", "then", "previously", "recently", "once", "repeatedly", "frequently",
         "often", "publicly", "privately", "specifically", "again", "further", "quickly", "simply",
         "even", "never", "has", "had", "have", "was", "were", "is", "are", "would", "will", "had",
         "did", "does", "do", "not", "himself", "herself", "themselves", "itself", "reportedly",
         "allegedly", "separately", "similarly", "already", "earlier", "subsequently", "first",
         "last", "finally", "famously", "flatly", "angrily", "bluntly", "simply",
         "clearly", "openly", "explicitly", "initially", "originally", "still", "just", "only",
         "could", "might", "may", "must", "should", "can", "be", "been", "being", "then-",
         "sarcastically", "jokingly", "wryly", "proudly", "curtly", "succinctly", "memorably",
         "now",
         }
_TITLE_WORDS = {
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "representative", "gov", "governor",
    "president", "prime", "minister", "secretary", "mayor", "chairman", "chairwoman", "chair",
    "deputy", "commissioner", "spokesperson", "spokesman", "spokeswoman", "judge", "justice",
    "gen", "general", "lt", "col", "sgt", "attorney", "speaker", "leader", "chief", "director",
    "ceo", "founder", "co-founder", "owner", "professor", "prof", "pm", "ambassador",
    "candidate", "nominee", "former", "vice", "assistant", "rev", "sir", "lord", "lady", "king",
    "queen", "pope", "chancellor", "premier", "foreign", "interior", "defense", "defence",
    "finance", "health", "justice", "youth", "labor", "labour", "economy", "education",
    "majority", "minority", "house", "senate", "state", "national", "executive", "head",
    "acting", "interim", "then", "then-", "congressman", "congresswoman", "socialist",
    "conservative", "liberal", "democratic", "republican", "democrat", "gop", "presidential",
    "hopeful", "billionaire", "businessman", "businesswoman", "entrepreneur", "tech",
    "mogul", "first", "white", "campaign", "manager", "adviser", "advisor", "aide", "strategist",
    "chairperson", "lawmaker", "councillor", "councilman", "councilwoman", "sheriff", "officer",
    "secretary-general", "commander", "admiral", "rabbi", "bishop", "cardinal", "father",
    "brother", "sister", "coach", "host", "anchor", "columnist", "reporter", "author", "writer",
    "analyst", "economist", "activist", "actor", "actress", "singer", "star", "u.s", "us",
    "government", "govt", "party", "co-chair", "frontrunner", "front-runner", "contender",
    "challenger", "incumbent", "leftist", "far-right", "right-wing", "left-wing", "populist",
}
_GEO_ADJ_LIST_RE = re.compile(
    r"^(?:U\.?S\.?|UK|EU|American|British|French|"
    r"German|Spanish|Irish|Dutch|Greek|Swiss|Israeli|Iraqi|Russian|Chinese|European|Roman)$")
_GEO_ADJ_SHAPE_RE = re.compile(r"^[A-Z][a-z]+(?:ian|ean|ese|ish|ch|an|i|ic)$")


def _given_names() -> frozenset:
    """Common given names (lower case) from the name lists beside this module:
    "Brian", "Ryan", "Susan", "Eric", "Mitch" have the shape of a nationality
    adjective ("Canadian", "Korean", "Italic") but open a person's name."""
    out = set()
    for fn in ("people_given_names.txt", "people_given_names_world.txt"):
        path = _DATA / fn
        if path.exists():
            out.update(path.read_text(encoding="utf-8").split())
    return frozenset(out)


_GIVEN_NAMES = _given_names()


class _GeoAdj:
    """``match(word)``: a nationality or place adjective opening a name
    ("Spanish", "Canadian", "U.S."), not a given name of that shape ("Brian")."""

    @staticmethod
    def match(w: str) -> bool:
        return bool(_GEO_ADJ_LIST_RE.match(w) or _GEO_ADJ_SHAPE_RE.match(w) and w.lower() not in _GIVEN_NAMES)


_GEO_ADJ_RE = _GeoAdj()
_ORG_WORDS = {
    "commission", "committee", "council", "government", "ministry", "department", "agency",
    "authority", "party", "union", "university", "institute", "foundation", "association",
    "court", "office", "bureau", "board", "house", "senate", "congress", "parliament",
    "administration", "campaign", "company", "corporation", "corp", "inc", "group", "news",
    "times", "post", "journal", "press", "network", "center", "centre", "fund", "bank",
    "service", "services", "police", "army", "force", "forces", "league", "society", "club",
    "platforms", "media", "network", "coalition", "organization", "organisation", "alliance",
    "tribune", "herald", "guardian", "telegraph", "channel", "radio", "tv", "daily", "magazine",
    "republicans", "democrats", "states", "nations", "kingdom", "republic", "federation",
}
_NON_NAME_FIRST = {
    "the", "a", "an", "in", "on", "at", "for", "and", "but", "or", "of", "to", "by", "with",
    "from", "as", "after", "before", "when", "while", "if", "this", "that", "these", "those",
    "his", "her", "their", "its", "our", "my", "it", "he", "she", "they", "we", "i", "you",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "there", "here", "what", "who", "how", "why", "where", "yes", "no",
    "under", "over", "about", "against", "during", "since", "until", "meanwhile", "however",
    "earlier", "later", "last", "next", "both", "all", "some", "many", "most", "such",
    "according", "following", "despite", "although", "though", "because", "so", "then",
    "frequently", "further", "interestingly", "just", "along", "responding", "known", "invited",
    "separate", "background", "short", "updated", "follow", "madrid", "spain", "europe",
    "given",
}
_SPEAKER_NOUNS = {
    "spokesperson", "spokesman", "spokeswoman", "spokespeople", "official", "officials", "source",
    "sources", "aide", "aides", "adviser", "advisers", "advisor", "advisors", "report", "reports",
    "study", "statement", "survey", "poll", "polls", "analysis", "document", "documents", "memo",
    "letter", "filing", "complaint", "release", "campaign", "committee", "commission", "agency",
    "ministry", "government", "administration", "office", "department", "company", "firm",
    "group", "party", "minister", "president", "leader", "chairman", "director", "expert",
    "experts", "analyst", "analysts", "researcher", "researchers", "professor", "lawmaker",
    "lawmakers", "senator", "congressman", "governor", "mayor", "candidate", "nominee", "critics",
    "critic", "supporters", "supporter", "voters", "voter", "residents", "resident", "people",
    "person", "insider", "insiders", "observers", "observer", "staff", "staffer", "staffers",
    "member", "members", "representative", "representatives", "executive", "executives", "ceo",
    "founder", "owner", "crowd", "audience", "protesters", "activists", "advocates", "police",
    "prosecutors", "prosecutor", "judge", "court", "authorities", "regulator", "regulators",
    "watchdog", "organizers", "organization", "ad", "ads", "video", "post", "tweet", "website",
    "book", "article", "editorial", "newspaper", "paper", "reporter", "reporters", "journalist",
    "pollster", "strategist", "strategists", "operative", "operatives", "consultant", "diplomat",
    "diplomats", "friend", "friends", "father", "mother", "wife", "husband", "son", "daughter",
    "family", "employee", "employees", "worker", "workers", "officer", "officers", "agent",
    "agents", "spokespersons", "directors", "ministers", "leaders", "republicans", "democrats",
    "conservatives", "liberals", "economists", "scientists", "scientist", "doctors", "doctor",
    "lawyer", "lawyers", "attorney", "attorneys", "man", "woman", "men", "women", "delegates",
    "delegate", "chair", "host", "moderator", "anchor", "message", "data", "figures", "manager",
    "administrator", "secretary", "ambassador", "cabinet", "board", "union", "council",
    "platform", "platforms", "companies", "firms", "governments", "countries", "country",
    "governor", "counsel", "surrogate", "surrogates", "allies", "ally", "opponents", "opponent",
    "rivals", "rival", "backers", "donors", "donor", "fans", "guests", "panel", "survey",
    "poll", "polling", "researchers", "insiders", "figure", "figures", "memo", "filing",
}
_NOT_NAMES = (_NON_NAME_FIRST - {"the", "a", "an", "his", "her", "their", "its", "our", "my", "this", "these",
                                   "those", "both", "all", "some", "many", "most", "such", "another", "madrid",
                                   "spain", "europe"}) | {
    "indeed", "ask", "asked", "when", "if", "yet", "still", "now", "well", "also", "instead", "today",
    "tonight", "so", "thus", "hence", "therefore", "moreover", "besides", "otherwise", "perhaps", "maybe",
    "sure", "oh", "please", "let", "now", "even", "only", "not", "never", "always", "again", "once",
    "finally", "first", "second", "third", "next", "then", "meanwhile", "still", "every", "each",
    "nobody", "everyone", "someone", "anyone", "nothing", "everything", "something", "whether",
    "unlike", "like", "among", "within", "without", "near", "toward", "towards", "upon", "amid",
    "ahead", "across", "beyond", "behind", "below", "above", "inside", "outside", "speaking",
    "asked", "told", "writing", "reached", "contacted", "reacting", "commenting", "pressed",
    # contractions and sentence openers that are never a speaker's name
    "it's", "there's", "that's", "here's", "what's", "between", "likewise",
}
_PLURAL_HINT = re.compile(r"(?:s|people|staff|police|media)$")
_PREPS = {"on", "in", "at", "during", "after", "before", "with", "to", "from", "about", "into",
          "via", "through", "over", "under", "by", "when", "while", "as", "last", "this", "that",
          "which", "who", "because", "than", "since", "today", "yesterday", "tonight", "monday",
          "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "earlier", "later"}
_NAME_JOIN = {"de", "del", "la", "le", "van", "von", "der", "den", "bin", "al", "da", "di", "dos",
              "du", "el", "ibn", "st", "of", "&", "-"}
_NOMINAL_CUES = {"accusation": "accuse", "accusations": "accuse", "pledge": "pledge",
                 "promise": "promise", "statement": "state", "warning": "warn", "claim": "claim",
                 "claims": "claim", "remarks": "say", "words": "say", "comments": "comment",
                 "description": "describe", "call": "call", "vow": "vow", "criticism": "criticize",
                 "insistence": "insist", "assertion": "assert", "message": "say"}
#: the nominal cues, and nouns for a person's public wording, that name the owner's words
#: from up to two words away ("Obama's “isolationist” foreign policy pronouncements")
_SPEECH_NOUNS = {**_NOMINAL_CUES, "pronouncements": "say", "pronouncement": "say", "rhetoric": "say",
                 "mantra": "say", "slogan": "say", "catchphrase": "say"}
_INDIRECT_VERBS = {"say", "tell", "add", "claim", "insist", "argue", "assert", "warn", "note",
                   "state", "announce", "explain", "acknowledge", "admit", "deny", "suggest",
                   "report", "write", "confirm", "predict", "promise", "vow", "stress",
                   "emphasize", "contend", "allege", "concede", "complain", "reveal", "maintain",
                   "declare", "respond", "reply", "tweet", "post", "conclude", "find", "show",
                   "urge"}


@lru_cache(maxsize=8192)
def _fold_accents(s: str) -> str:
    """Lower case, accents removed ("Sánchez" -> "sanchez")."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


# --------------------------------------------------------------------------- data files
@lru_cache(maxsize=None)
def load_verbs(path: str | None = None) -> dict:
    """Map every reporting-verb form (lower case) to ``(lemma, verb_class)``."""
    out: dict[str, tuple[str, str]] = {}
    with open(path or _DATA / "reporting_verbs.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for form in row["forms"].split():
                out.setdefault(form.lower(), (row["lemma"], row["verb_class"]))
            out.setdefault(row["lemma"], (row["lemma"], row["verb_class"]))
    out.pop("according", None)
    out.pop("to", None)
    return out


@lru_cache(maxsize=None)
def load_speaker_types(path: str | None = None) -> tuple:
    """Return ``(names, words, phrases)``: cue -> speaker_type maps."""
    names, words, phrases = {}, {}, {}
    with open(path or _DATA / "speaker_types.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            cue, typ, how = row["cue"].strip(), row["speaker_type"].strip(), row["match"].strip()
            if how == "name":
                names.setdefault(cue, typ)
            elif how == "phrase":
                phrases.setdefault(cue.lower(), typ)
            else:
                words.setdefault(cue.lower(), typ)
    phrase_re = None
    if phrases:
        phrase_re = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in
                                                   sorted(phrases, key=len, reverse=True)) + r")\b")
    return names, words, phrases, phrase_re


_TYPE_WORD_RE = re.compile(r"[\w.\-]+")
_TYPE_CAPS_RE = re.compile(r"[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*")
_POSS_END_RE = re.compile(r"['’]s?$")
_PART_RE = re.compile(r"[^\s](?:.*?)(?:'s(?=\s)|$)")
_ACRONYM_RE = re.compile(r"\s*\(([A-Z]{2,8})\)")
_PRE_ROLE_RE = re.compile(r"(?:the\s+|[A-Z][\w]*'s\s+)((?:[a-z][\w\-]*\s+){0,3}[a-z][\w\-]*),\s*$")
_LAST_WORD_RE = re.compile(r"[\w.]+$")
_INITIALS_RE = re.compile(r"(?:\w\.)+\w")
_LAST_WORD_REV_RE = re.compile(r"\n?([\w.]+)")


def _last_word(text: str, end: int) -> str | None:
    """What ``_LAST_WORD_RE.search(text, max(0, end - 40), end)`` finds (the run
    of word characters and dots ending at ``end``, or before a final newline),
    read backwards from ``end``: the forward search retries at every position of
    the window, the backward match runs once.

    >>> _last_word("said Sen. Smith", 8), _last_word("the U.S", 7), _last_word("ok, ", 4)
    ('Sen', 'U.S', None)
    """
    m = _LAST_WORD_REV_RE.match(text[max(0, end - 40):end][::-1])
    return m.group(1)[::-1] if m else None


# A capitalised word not glued to a word before it. The capital is matched
# first and the "nothing before it" check comes after it, as a lookbehind over
# two characters: a pattern that opens with a plain character class lets the
# regex engine jump from capital to capital (same matches, ~1.6x faster than
# opening with the lookbehind).
_CAPWORD_RE = re.compile(r"[A-Z\u00C0-\u00D6\u00D8-\u00DE\u0100-\u024F](?<![\w'].)[\w'\-]*")


def _trie_regex(words) -> str:
    """A regular expression matching any of ``words``, factored by common
    prefixes (much faster than a flat alternation of hundreds of words)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node):
        alts = []
        end = "" in node
        for ch in sorted(k for k in node if k):
            alts.append(re.escape(ch) + walk(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            body = "(?:" + body + ")?"
        return body
    return walk(trie)


def _type_of(texts, canonical: str, names: dict, words: dict, phrases: dict, phrase_re) -> str:
    """Speaker type from the speaker's mentions and roles (cached: the same
    speaker comes back quote after quote)."""
    return _type_of_cached(tuple(texts), canonical, id(names), id(words))


_TYPE_TABLES: dict = {}


@lru_cache(maxsize=65536)
def _type_of_cached(texts: tuple, canonical: str, names_id: int, words_id: int) -> str:
    return _type_of_uncached(texts, canonical, *_TYPE_TABLES[(names_id, words_id)])


def _type_of_uncached(texts, canonical: str, names: dict, words: dict, phrases: dict,
                      phrase_re) -> str:
    if canonical in names:
        return names[canonical]
    last = canonical.split()[-1] if canonical else ""
    found = set()
    tables = (id(names), id(words))
    _TYPE_TABLES.setdefault(tables, (names, words, phrases, phrase_re))   # for _text_cues
    for t in texts:
        if not t:
            continue
        cues, named = _text_cues(t, *tables)
        found |= cues
        for tok, typ in named:
            if tok != canonical:
                # an organisation named inside a description ("a Meta spokesperson")
                found.add(typ)
    for typ in _TYPE_PRIORITY:
        if typ in found:
            return typ
    if last in names and len(canonical.split()) > 1 and names[last] == "tech_owner":
        return names[last]
    return "unknown"


@lru_cache(maxsize=65536)
def _text_cues(t: str, names_id: int, words_id: int) -> tuple:
    """The speaker-type cues in one mention or role: ``(types of its cue words
    and phrases, ((capitalised name, type), ...))`` (cached per text: roles
    such as "the prime minister" come back for many speakers)."""
    names, words, phrases, phrase_re = _TYPE_TABLES[(names_id, words_id)]
    found = set()
    low = t.lower()
    for w in _TYPE_WORD_RE.findall(low):
        w2 = w.rstrip(".") if w not in words else w
        if w2 in words:
            found.add(words[w2])
        elif w2.endswith("'s") and w2[:-2] in words:
            found.add(words[w2[:-2]])
    if phrase_re is not None:
        for m in phrase_re.finditer(low):
            found.add(phrases[m.group(0)])
    named = tuple((tok, names[tok]) for tok in _TYPE_CAPS_RE.findall(t) if tok in names)
    return frozenset(found), named


# --------------------------------------------------------------------------- tokens
class _Tok:
    __slots__ = ("s", "e", "t", "low", "cap", "word")

    def __init__(self, s, e, t):
        self.s, self.e, self.t = s, e, t
        self.low = t.lower()
        self.word = t[0].isalnum()
        self.cap = self.word and t[0].isupper()


#: token text -> (lower case, is a word, is capitalised); bounded, see _tokens
_TOKEN_INFO: dict = {}


def _tokens(masked: str, offset: int) -> list:
    """Tokens of ``masked`` with offsets shifted by ``offset``.

    >>> [(t.t, t.s, t.cap) for t in _tokens("Kelly said.", 10)]
    [('Kelly', 10, True), ('said', 16, False), ('.', 20, False)]
    """
    # attributes set inline: this runs for every word of every attributed
    # sentence, and skipping ``__init__`` saves a fifth of the time; the word
    # properties come from a cache (the same words come back all the time)
    out = []
    append = out.append
    new = _Tok.__new__
    info = _TOKEN_INFO
    if len(info) > 200_000:
        info.clear()          # keep memory bounded on huge corpora (results do not change)
    for m in _TOKEN_RE.finditer(masked):
        t = m.group()
        a, b = m.span()
        o = new(_Tok)
        o.s = a + offset
        o.e = b + offset
        o.t = t
        try:
            o.low, o.word, o.cap = info[t]
        except KeyError:
            c = t[0]
            w = c.isalnum()
            o.low, o.word, o.cap = info[t] = (t.lower(), w, w and c.isupper())
        append(o)
    return out


def _is_poss(tok) -> bool:
    return tok.low.endswith("'s") or (tok.low.endswith("s'") and len(tok.low) > 2)


#: sentence openers that are never a name: numbers and units of time ("Eight
#: years ago, he said", "Minutes later, she wrote")
_COUNT_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds "
    "thousand thousands million millions dozens dozen".split())
_TIME_UNITS = frozenset("seconds minutes hours days weeks months years decades moments".split())


def _decapped(tok) -> bool:
    """A sentence-initial word that :meth:`_Article.sent_tokens` found to be a
    common word ("Hours later, she ...") rather than a name."""
    return not tok.cap and tok.t[:1].isupper()


_TITLE_SMALL_WORDS = ("of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "with", "or", "from", "by", "is")


def _all_capitalised(words: list) -> bool:
    """True when the quoted words read like a title: at least one word, and every
    word but the small ones capitalised.

    >>> _all_capitalised(["The", "Art", "of", "the", "Deal"]), _all_capitalised(["a", "deal"])
    (True, False)
    """
    cap_words = [w for w in words if w[:1].isalpha() and w.lower() not in _TITLE_SMALL_WORDS]
    return bool(cap_words) and all(w[0].isupper() for w in cap_words)


def _strip_poss(s: str) -> str:
    return _POSS_END_RE.sub("", s)


# --------------------------------------------------------------------------- marks
#: format characters that can come before a mark without being text
_INVISIBLE = "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\ufeff"


def _mark_dir(text: str, i: int, lo: int, hi: int) -> str:
    """'open', 'close' or 'toggle' for the double mark at ``text[i]``."""
    ch = text[i]
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    left = prev.isspace() or prev in _OPEN_CTX
    right = nxt.isspace() or nxt in _CLOSE_CTX
    if ch in _OPEN_DEFAULT:
        if (prev.isalnum() or prev in ".,!?") and right and not nxt.isalnum():
            return "close"
        return "open"
    if ch in _CLOSE_DEFAULT:
        if (prev.isspace() or prev in "([" or prev in _INVISIBLE) and nxt.isalnum():
            return "open"
        if i - lo < 6 and nxt != "\n" and not text[lo:i].strip(" \t\u00a0" + _INVISIBLE):
            return "open"       # a paragraph opening with ” (“” … the case of ...”): its opening mark
        return "close"
    can_open = left and not nxt.isspace()
    can_close = right and not prev.isspace()
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    return "toggle"


_FEET_INCHES_RE = re.compile(r"(?<!\d)\d['’]\d{1,2}$")


def _tag_spans(text, lo, hi):
    return [(m.start(), m.end()) for m in _TAG_RE.finditer(text, lo, hi)]


def _in_spans(i, spans):
    for a, b in spans:
        if a <= i < b:
            return True
        if a > i:
            return False
    return False


def _double_regions(text: str, paras: list) -> list:
    """Pair double quotation marks over the kept paragraphs.

    Returns a list of regions ``(open_pos, close_pos, problem)``; close_pos is
    the index of the closing mark (or the paragraph end for an unclosed quote).
    Only outermost regions are returned (nested pairs are part of their quote).
    """
    regions = []
    carry = None            # open position carried over from the previous paragraph
    n = len(paras)
    for k, (ps, pe) in enumerate(paras):
        tags = _tag_spans(text, ps, pe)
        stack = [carry] if carry is not None else []
        skip_first_open = carry is not None
        skip_attr = False
        carry = None
        for m in _DQ_RE.finditer(text, ps, pe):
            i = m.start()
            if tags and _in_spans(i, tags):
                continue
            if text[i - 1:i].isdigit() and _FEET_INCHES_RE.search(text, max(ps, i - 5), i):
                continue           # a height in feet and inches: 6’2”
            if skip_attr:
                skip_attr = False
                continue           # the mark closing a markup attribute value
            if i > ps and text[i - 1] == "=" and text[i - 2:i - 1].isalnum():
                skip_attr = True   # author="@jdoe": a markup attribute, not a quotation
                continue
            if text[i + 1:i + 2] == ">" and (i == ps or text[i - 1] != " "):
                continue           # ...2016">: the end of an attribute cut by a line break
            d = _mark_dir(text, i, ps, pe)
            if skip_first_open:
                skip_first_open = False
                if d in ("open", "toggle") and not text[ps:i].strip():
                    continue       # the continuation mark of a quote running over paragraphs
            if d == "toggle":
                d = "close" if stack else "open"
            if d == "open":
                stack.append(i)
            elif stack:
                o = stack.pop()
                regions.append((o, i, "", len(stack)))
            # a stray closing mark with nothing open is ignored
        if stack:
            o = stack[0]
            nxt = paras[k + 1] if k + 1 < n else None
            cont = False
            if nxt is not None:
                body = text[nxt[0]:nxt[1]]
                first = body.lstrip()[:1]
                if first and first in _DQ:
                    cont = True
                else:
                    # a closing mark before any opening one in the next paragraph
                    for m in _DQ_RE.finditer(text, nxt[0], nxt[1]):
                        cont = _mark_dir(text, m.start(), nxt[0], nxt[1]) == "close"
                        break
            if cont and len(text[o:pe]) < 6000:
                carry = o
            else:
                end = pe
                while end > o + 1 and text[end - 1].isspace():
                    end -= 1
                regions.append((o, end, "unclosed quotation mark", 0))
            # inner unclosed openers: dropped silently, their text is inside the outer quote
    regions.sort()
    out = []
    last_end = -1
    for o, c, prob, _depth in regions:
        if o < last_end:
            continue           # nested inside the previous region
        out.append((o, c, prob))
        last_end = c
    return out


def _single_regions(text: str, paras: list, doubles: list) -> list:
    """Single-quote pairs outside double-quoted regions (apostrophes left alone)."""
    out = []
    di = 0
    for ps, pe in paras:
        cands = []
        for m in _SQ_RE.finditer(text, ps, pe):
            i = m.start()
            prev = text[i - 1] if i > ps else " "
            nxt = text[i + 1] if i + 1 < pe else " "
            if prev.isalnum() and nxt.isalnum():
                continue                       # apostrophe inside a word
            ch = text[i]
            is_open = (prev.isspace() or prev in "([-—–/:" or prev in _DQ) and nxt.isalnum() \
                and ch in "'‘‚‛‹"
            is_close = (not prev.isspace()) and (nxt.isspace() or nxt in ".,;:!?)]-—–" or nxt in _DQ) \
                and ch in "'’›" and not (prev == "s" and nxt == " " and ch != "›" and False)
            if is_open or is_close:
                cands.append((i, is_open, is_close))
        j = 0
        while j < len(cands):
            i, op, _cl = cands[j]
            if op:
                for k in range(j + 1, len(cands)):
                    i2, op2, cl2 = cands[k]
                    if i2 - i > 300:
                        break
                    if cl2 and i2 > i + 1:
                        out.append((i, i2, ""))
                        j = k
                        break
            j += 1
    # keep only those outside double regions
    res = []
    for o, c, p in out:
        inside = False
        for a, b, _ in doubles:
            if a <= o <= b or a <= c <= b:
                inside = True
                break
        if not inside:
            res.append((o, c, p))
    return res


# --------------------------------------------------------------------------- article-level name tables
_CAPWORD = r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|Jr|Lt|Col|Prof|Rev|Sgt|Capt)\.|[A-Z]\.|[A-Z][\w'’\-]*)"
_CAPSEQ_TITLES = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "St", "Jr", "Lt", "Col", "Prof", "Rev",
                  "Sgt", "Capt")
# The first word of a capitalised sequence is _CAPWORD written from its second
# letter on, after a leading ``[A-Z]`` (see _CAPWORD_RE for why): the title
# alternatives check their first letter with a lookbehind and keep their order.
_CAPWORD_AFTER_FIRST = ("(?:(?:" + "|".join(f"(?<={t[0]}){t[1:]}" for t in _CAPSEQ_TITLES) + r")\.|\.|[\w'’\-]*)")
_CAPSEQ_RE = re.compile(
    r"[A-Z](?<![\w'’].)" + _CAPWORD_AFTER_FIRST
    + r"(?:[ \t]+(?:(?:de|del|la|van|von|der|bin|al|da|di|dos|du|el)[ \t]+)?" + _CAPWORD + r")*")
_ROLE_AFTER_RE = re.compile(r"\s*,\s+((?:the|a|an)\s+)?([^,.;:\n\x00\"]{2,80}?)(?=,|\.|;|\s+(?:said|says|told|wrote|added)\b)")


@lru_cache(maxsize=65536)
def _is_lead_word(w: str) -> bool:
    """A word that opens a capitalised sequence without being part of a name:
    a title, a function word, a nationality, a possessive (cached: the same
    words come back in every article).

    >>> _is_lead_word("Sen."), _is_lead_word("Spanish"), _is_lead_word("Pedro")
    (True, True, False)
    """
    return bool(w.lower().rstrip(".") in _TITLE_WORDS or w.lower() in _NON_NAME_FIRST
                or _GEO_ADJ_RE.match(w) or w.endswith("'s"))


@lru_cache(maxsize=65536)
def _seq_parts(g: str) -> tuple:
    """The pieces of a capitalised sequence worth classifying, as
    ``(start, end, text)`` relative to the sequence: split at inner possessives
    ("Elon Musk's X" -> "Elon Musk's", "X"); none for one plain word, which is
    neither a person nor an organisation (cached: sequences repeat).

    >>> _seq_parts("Elon Musk's X"), _seq_parts("Monday")
    (((0, 11, "Elon Musk's"), (12, 13, 'X')), ())
    """
    if "'s" not in g:
        if " " not in g and "\t" not in g and g.lower() not in _ORG_WORDS and \
                not (g.isupper() and len(g) > 1 and "." not in g):
            return ()
        return ((0, len(g), g),)
    return tuple((part.start(), part.end(), part.group(0)) for part in _PART_RE.finditer(g))


@lru_cache(maxsize=65536)
def _classify_seq(seq: str) -> tuple | None:
    """``("org", name)``, ``("person", full name, title, possessive)`` or None
    for one piece of a capitalised sequence (cached: the same names come back
    paragraph after paragraph).

    >>> _classify_seq("Prime Minister Pedro Sánchez"), _classify_seq("the European Commission")
    (('person', 'Pedro Sánchez', 'Prime Minister', False), ('org', 'European Commission'))
    """
    words = seq.split()
    # strip possessive on last word
    poss = False
    if words[-1].endswith("'s") or words[-1].endswith("’s"):
        words[-1] = words[-1][:-2]
        poss = True
    # strip leading titles / geo adjectives / function words
    k = 0
    while k < len(words) and _is_lead_word(words[k]):
        k += 1
    title = " ".join(words[:k])
    name = words[k:]
    if not name:
        return None
    low = [w.lower() for w in name]
    if any(w in _ORG_WORDS for w in low) or any(w.isupper() and len(w) > 1 and "." not in w
                                                 for w in name):
        k2 = 0
        while k2 < len(words) and (words[k2].lower() in _NON_NAME_FIRST or words[k2].endswith("'s")
                                   or words[k2].endswith("’s")):
            k2 += 1
        org = " ".join(words[k2:]) if k2 < len(words) else ""
        return ("org", org) if org else None
    if len(name) >= 2 and len(name) <= 4 and all(len(w) > 1 or w.endswith(".") for w in name[-1:]):
        last = low[-1]
        if last in _NOT_PERSON_LAST and (len(name) > 2 or low[0] not in _GIVEN_NAMES) \
                or last.endswith("s") and _GEO_ADJ_SHAPE_RE.match(name[-1][:-1]) \
                or any(w in _PREPS for w in low[1:]):
            return None     # a place, a people or a headline: "Capitol Hill", "Kent County Republican",
                            # "Nagorno-Karabakh Armenians", "Railing Against Trump"
        return ("person", " ".join(name), title, poss)
    return None


_NOT_PERSON_LAST = frozenset("hill county street avenue square park hall republican democrat road bridge "
                             "island islands valley beach airport station tower plaza mall stadium arena "
                             "coliseum garden gardens".split())


@lru_cache(maxsize=65536)
def _only_title_words(words: tuple) -> bool:
    """A "name" made of title words only (with determiners, nationalities and
    possessives around them) is a description: "Spain's Prime Minister".

    >>> _only_title_words(("Spain's", "Prime", "Minister")), _only_title_words(("Prime", "Minister", "Sánchez"))
    (True, False)
    """
    return bool(any(w.lower().rstrip(".") in _TITLE_WORDS for w in words) and all(
        (w.lower().rstrip(".") in _TITLE_WORDS or _GEO_ADJ_RE.match(w) or w.lower() in _DETS
         or w.endswith("'s") or w.endswith("’s"))
        for w in words if w[:1].isalpha()))


class _Names:
    """Per-article tables of person names, organisations, titles and mentions."""

    def __init__(self, folded: str, paras: list, names_cues: dict):
        self.full_by_key: dict[str, str] = {}     # folded surname -> fullest name
        self.first_seen: dict[str, int] = {}
        self.roles: dict[str, list[str]] = {}
        self.title_to: list[tuple[int, str, str]] = []   # (pos, title words, person)
        self.orgs: list[tuple[int, str]] = []
        self.acronyms: dict[str, str] = {}
        self.names_cues = names_cues
        self._person_memo: dict = {}
        persons = []
        for ps, pe in paras:
            for m in _CAPSEQ_RE.finditer(folded, ps, pe):
                parts = _seq_parts(m.group(0))
                if not parts:
                    continue
                start = m.start()
                for a, b, part in parts:
                    what = _classify_seq(part)
                    if what is None:
                        continue
                    s, e = start + a, start + b
                    if what[0] == "org":
                        org = what[1]
                        self.orgs.append((s, org))
                        after = folded[e:e + 12]
                        am = _ACRONYM_RE.match(after)
                        if am:
                            self.acronyms[am.group(1)] = org
                    else:
                        persons.append((s, e) + what[1:])
        for s, e, full, title, poss in persons:
            key = _fold_accents(full.split()[-1])
            cur = self.full_by_key.get(key)
            if cur is None or len(full.split()) > len(cur.split()):
                self.full_by_key[key] = full
                self.first_seen.setdefault(key, s)
        for s, e, full, title, poss in persons:
            canon = self.full_by_key[_fold_accents(full.split()[-1])]
            if title:
                self.roles.setdefault(canon, []).append(title)
                tw = " ".join(w for w in title.lower().split() if w.rstrip(".") in _TITLE_WORDS)
                if tw:
                    self.title_to.append((s, tw, canon))
            if not poss:
                rm = _ROLE_AFTER_RE.match(folded, e)
                if rm and (rm.group(1) or rm.group(2).split()[0].lower() in _TITLE_WORDS
                           or rm.group(2).split()[0].lower() in _SPEAKER_NOUNS) and \
                        not any(w.lower() in _VERBS or w.lower() in _EXTRA_CUES for w in rm.group(2).split()):
                    role = rm.group(2)
                    if len(role.split()) <= 8 and not role[:1].isupper() or (rm.group(1) and len(role.split()) <= 8):
                        self.roles.setdefault(canon, []).append(role)
                        tw = " ".join(w for w in role.lower().split() if w in _TITLE_WORDS)
                        if tw:
                            self.title_to.append((s, tw, canon))
            # "Spain's prime minister, Pedro Sánchez"
            pre = folded[max(0, s - 60):s]
            # the pattern ends in ",\s*$": test that cheaply before searching
            pm = _PRE_ROLE_RE.search(pre) if pre.rstrip().endswith(",") else None
            if pm and any(w in _TITLE_WORDS for w in pm.group(1).split()):
                self.roles.setdefault(canon, []).append(pm.group(1))
                self.title_to.append((s, pm.group(1), canon))
        self.folded, self.paras = folded, paras
        # the mention scan is only needed to resolve "he"/"she": done on first use
        self._mentions = None

    @property
    def person_mentions(self) -> list:
        """``(position, person)`` for every mention of a known person, in reading order."""
        if self._mentions is None:
            self._load_mentions()
        return self._mentions

    @property
    def mention_pos(self) -> list:
        """The positions of :attr:`person_mentions` (for bisection)."""
        if self._mentions is None:
            self._load_mentions()
        return self._mention_pos

    def _load_mentions(self) -> None:
        self._mentions = self._scan_mentions(self.folded, self.paras)
        self._mention_pos = [p for p, _ in self._mentions]

    def _scan_mentions(self, folded: str, paras: list) -> list:
        found: list = []
        # mentions of persons (full names or surnames) in reading order
        if self.full_by_key:
            variants = {}
            for key, full in self.full_by_key.items():
                variants[full] = full
                variants[full.split()[-1]] = full
            # Every key looked up below is a prefix of the capitalised word, and
            # every variant has at least two characters: a word whose first two
            # characters open no variant cannot match (skips most words cheaply).
            heads = {v[:2] for v in variants}
            if any(len(v) < 2 for v in variants):
                heads = None          # (cannot happen today; keeps the filter exact)
            # a mention is a surname, or a full name ending in one (reported at its start)
            for ps, pe in paras:
                for m in _CAPWORD_RE.finditer(folded, ps, pe):
                    w = m.group(0)
                    if heads is not None and w[:2] not in heads:
                        continue
                    full = variants.get(w)
                    if full is None:
                        w = w.rstrip("'")
                        if w.endswith("'s"):
                            w = w[:-2]
                        full = variants.get(w)
                        if full is None:
                            continue
                    we = m.start() + len(w)
                    if we < pe and (folded[we].isalnum() or folded[we] == "_"):
                        continue
                    pos = m.start()
                    if full != w and full.endswith(" " + w) and folded.startswith(full, we - len(full)):
                        pos = we - len(full)
                    elif w != full and w not in variants:
                        continue
                    found.append((pos, full))
        return found

    def person(self, name: str) -> str | None:
        """Canonical person for a name mention, or None (memoised per article:
        the same mentions come back quote after quote)."""
        try:
            return self._person_memo[name]
        except KeyError:
            found = self._person_memo[name] = self._person(name)
            return found

    def _person(self, name: str) -> str | None:
        words = [w for w in name.replace("’", "'").split()]
        while words and (words[0].lower().rstrip(".") in _TITLE_WORDS or _GEO_ADJ_RE.match(words[0])
                         or words[0].lower() in ("the", "a", "an") or words[0].endswith("'s")):
            words = words[1:]
        if not words:
            return None
        last = _strip_poss(words[-1])
        full = self.full_by_key.get(_fold_accents(last))
        if full is None:
            return None
        if len(words) >= 2:
            # the first name must agree when one is given
            if _fold_accents(words[0]) not in _fold_accents(full) and words[0][:1].isupper():
                return None
        return full

    def last_person_before(self, pos: int) -> tuple[int, str] | None:
        import bisect
        k = bisect.bisect_left(self.mention_pos, pos) - 1
        if k >= 0:
            return self.person_mentions[k]
        return None

    def person_with_title(self, desc: str, pos: int) -> str | None:
        words = set(desc.lower().replace("pm", "prime minister").split())
        best = None
        for p, tw, canon in self.title_to:
            tws = set(tw.replace("pm", "prime minister").split()) - {"former", "deputy", "vice"} \
                if "deputy" not in words and "vice" not in words else set(tw.split())
            head = [w for w in tw.split() if w not in ("former", "then", "acting")]
            if not head:
                continue
            key = head[-1]
            if key in words and tws and tws <= words | {"spanish", "the"} | tws and (
                    ("deputy" in tw) == ("deputy" in words)) and (("vice" in tw) == ("vice" in words)):
                if p <= pos or best is None:
                    best = canon
        return best

    def org_for_word(self, word: str, pos: int) -> str | None:
        wl = word.lower()
        best = None
        after = None
        for p, org in self.orgs:
            ow = org.split()
            if ow[-1].lower() == wl and len(ow) > 1:
                if p <= pos:
                    best = org
                elif after is None:
                    after = org
        return best or after


# --------------------------------------------------------------------------- NP parsing
_TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
               "yesterday", "tonight", "week", "month", "year", "morning", "evening", "afternoon", "night",
               "weekend", "january", "february", "march", "april", "june", "july", "august", "september",
               "october", "november", "december"}


# Places that speak for their government or institution ("the White House said",
# "Moscow denied"): never rejected as speakers.
_SPEAKING_PLACES = {
    "washington", "washington d.c.", "washington dc", "white house", "pentagon", "kremlin",
    "downing street", "moncloa", "elysee", "vatican", "vatican city", "capitol hill", "wall street",
    "hollywood", "silicon valley", "whitehall", "westminster", "beijing", "moscow", "tehran",
    "pyongyang", "brussels", "berlin", "paris", "london", "madrid", "tokyo", "seoul", "jerusalem",
    "damascus", "kyiv", "kiev", "ankara", "riyadh", "kabul", "islamabad", "cairo", "havana",
    "caracas", "ottawa", "canberra", "taipei", "rome", "dublin", "new delhi", "delhi", "the hague",
}


@lru_cache(maxsize=1)
def _silent_places() -> frozenset:
    """Places that do not speak (US states, regions, most cities), from the
    shared ``people_places.txt`` list, folded to lower case without accents:
    a capitalised place read as a speaker ("in Salem, New Hampshire, Trump
    went after Bush, calling him “...”") is a parsing slip."""
    out = set()
    try:
        lines = (_DATA / "people_places.txt").read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#"):
            out.add(_fold_accents(line))
    return frozenset(out - _SPEAKING_PLACES)


@lru_cache(maxsize=1)
def _silent_place_ends() -> frozenset:
    """Last words of :func:`_silent_places` ("hampshire"), for a cheap first test."""
    out = set()
    for p in _silent_places():
        out.add(p.split()[-1])
    return frozenset(out)


def _place_or_time(toks, i, j) -> bool:
    """True when tokens i..j (a leading determiner and a possessive aside) name
    a silent place or a time ("California", "New Hampshire Monday", "Wednesday").

    >>> _place_or_time(_tokens("New Hampshire Monday", 0), 0, 2), _place_or_time(_tokens("Jan Ohio", 0), 0, 1)
    (True, False)
    """
    last = toks[j].low
    if last not in _TIME_WORDS and _fold_accents(_strip_poss(last)) not in _silent_place_ends():
        return False            # the cheap test first: most names end in no place word
    if i < j + 1 and toks[i].low in _DETS:
        i += 1
    words = [_strip_poss(t.low) for t in toks[i:j + 1] if t.word]
    while words and words[-1] in _TIME_WORDS:
        words.pop()
    if not words:
        return j >= i
    return _fold_accents(" ".join(words)) in _silent_places()


_LY_NOUNS = frozenset({"family", "ally", "rally", "supply", "assembly", "italy", "july", "anomaly", "monopoly",
                       "melancholy", "homily", "folly", "lily", "belly", "jelly", "bully", "tally"})


def _is_ly_adverb(t) -> bool:
    """A lower-case word in -ly that is no noun ("vehemently", not "family")."""
    return not t.cap and len(t.low) > 4 and t.low.endswith("ly") and t.low not in _LY_NOUNS \
        and t.low not in _SPEAKER_NOUNS


def _skip_back_adverbs(toks, j, lo, ly: bool = False):
    """The index before the adverbs ending at ``j`` ("has also", "on Monday");
    ``ly``: any lower-case word in -ly counts as one ("subsequently")."""
    while j >= lo:
        t = toks[j]
        if t.low in _ADVS and not t.cap and t.low != "told":
            j -= 1
        elif ly and _is_ly_adverb(t):
            j -= 1          # "Jane Doe, subsequently testified": an adverb in -ly
        elif t.low in _TIME_WORDS and j - 1 >= lo and toks[j - 1].low in ("on", "last", "this", "early",
                                                                           "late", "earlier", "on"):
            j -= 2
        elif t.low in _TIME_WORDS and j - 2 >= lo and toks[j - 2].low in ("on", "last", "this") :
            j -= 3
        else:
            break
    return j


def _in_opening_phrase(toks, i) -> bool:
    """Whether token ``i`` sits in a phrase opening the sentence or clause (from
    the start or a comma) with a preposition or an "-ing" word: "In an
    interview with Jane Doe, ...", "After meeting Jane Doe, ..."."""
    b = i - 1
    while b > 0 and toks[b - 1].t not in (",", ";", ":"):
        b -= 1
    return b < i and (toks[b].low in _PREPS or toks[b].low in ("with", "for", "of", "among", "despite", "unlike")
                      or toks[b].low.endswith("ing")) and b < i - 1


#: irregular past tenses that end a subject noun phrase ("his campaign sent out ...")
_IRREGULAR_PAST = frozenset({"sent", "made", "took", "gave", "put", "told", "wrote", "said", "spoke", "went",
                             "came", "got", "held", "led", "left", "met", "ran", "saw", "set", "won", "began",
                             "brought", "bought", "kept", "lost", "paid", "sought", "thought", "felt", "knew"})
#: prepositions missing from _PREPS that never open a speaker's noun phrase
_NP_BAD_START = frozenset({"without", "despite", "unlike", "like", "against", "amid", "among", "toward", "towards",
                           "within", "except", "besides", "including", "than", "beyond", "behind", "upon",
                           "alongside", "amongst", "beside", "throughout", "regarding", "concerning", "beneath",
                           "underneath"})


_PLACE_PREPS = frozenset("through across at in on outside near around inside along from into".split())
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten half".split())


def _share_start(toks, j, lo):
    """First token of a poll share ending at ``j`` ("41 percent", "49.5%",
    "six in 10", "four in 10"), or None."""
    i = j
    if toks[j].low in ("percent", "%"):
        i = j - 1
    else:                               # "... in 10"
        while i >= lo and toks[i].t.isdigit():
            i -= 1
        if i - 1 < lo or toks[i].low != "in":
            return None
        i -= 1
        if toks[i].low in _NUMBER_WORDS:
            return i
    if i < lo or not toks[i].t.isdigit():
        return None
    while i - 1 >= lo and (toks[i - 1].t.isdigit() or toks[i - 1].t == "." and i - 2 >= lo
                           and toks[i - 2].t.isdigit()):
        i -= 1
    return i


_NAME_PREFIXES = ("al-", "el-", "ad-", "as-", "ash-", "abu-", "bin-", "ibn-")


def _prefixed_name(tok) -> bool:
    """A surname written with a lower-case article prefix: "al-Assad", "el-Sisi"."""
    t = tok.t
    if not tok.word or tok.cap or "-" not in t[:5]:
        return False
    h = t.index("-") + 1
    return t[:h].lower() in _NAME_PREFIXES and h < len(t) and t[h].isupper()


def _share_object(toks, k) -> bool:
    """True when the word at ``k`` ends the object of a share, a noun not a
    verb: "rated 32% of Republican claims as false", "half of the reports"."""
    b = k - 1
    while b >= 0 and k - b <= 3 and toks[b].word and toks[b].low != "of" and toks[b].low not in _VERBS:
        b -= 1
    return 1 <= b < k and toks[b].low == "of" and (
        toks[b - 1].t.isdigit() or toks[b - 1].low in ("%", "percent", "half", "most", "many", "some", "all"))


def _np_back(toks, j, lo):
    """Parse a speaker noun phrase ending at token j (inclusive). Returns (i, j, kind, head_i, head_j)."""
    if j < lo:
        return None
    t = toks[j]
    if t.t == ")":
        # skip a parenthetical acronym/party: "Commission (DPC)", "Issa (R-Calif.)"
        k = j - 1
        while k >= lo and toks[k].t != "(" and j - k < 8:
            k -= 1
        if k >= lo and toks[k].t == "(":
            r = _np_back(toks, k - 1, lo)
            if r:
                return (r[0], j, r[2], r[3], r[4])
        return None
    if t.low in _PRONOUNS and not (t.low == "i" and t.t == "I" and False):
        if t.low == "it" and j - 1 >= lo and toks[j - 1].low in ("make", "made", "put"):
            return None
        return (j, j, "pronoun", j, j)
    if t.low in _QUANTIFIER_SUBJECTS and (j == lo or not toks[j - 1].word or toks[j - 1].low in _CONJ):
        # "Another said ...", "Several said ...": a quantifier standing for people
        return (j, j, "description", j, j)
    if t.low in ("who", "which") and j - 1 >= lo:
        k = j - 1
        if toks[k].t == ",":
            k -= 1
        return _np_back(toks, k, lo)
    if (t.low in ("percent", "%") or t.t.isdigit()) and j - 1 >= lo:
        # a share of those polled speaks: "41 percent said", "55% say", "six in 10 said"
        i = _share_start(toks, j, lo)
        if i is not None:
            return (i, j, "description", i, j)
    if (t.cap or _prefixed_name(t)) and t.low not in _DETS:
        i = j
        while i - 1 >= lo:
            p = toks[i - 1]
            if (p.cap or _prefixed_name(p)) and p.low not in ("the",) and \
                    not (p.low in _NON_NAME_FIRST and p.low not in _TITLE_WORDS and i - 1 == lo):
                i -= 1
            elif p.t == "." and i - 2 >= lo and (toks[i - 2].low in _ABBREV or len(toks[i - 2].t) == 1):
                i -= 1
            elif p.low in _NAME_JOIN and i - 2 >= lo and toks[i - 2].cap and p.low != "of":
                i -= 1
            elif p.low in ("of", "for") and i - 2 >= lo and (toks[i - 2].low in _SPEAKER_NOUNS or toks[i - 2].low in _TITLE_WORDS) and not toks[i - 2].cap:
                # "a spokesman for House Speaker Paul Ryan": continue as a description
                r = _desc_back(toks, i - 2, lo)
                if r:
                    return (r[0], j, "description", r[0], r[1])
                break
            elif p.low in _TITLE_WORDS and not p.cap:
                i -= 1
            else:
                break
        if i == j and (t.low in _NOT_NAMES or t.low in ("given", "good", "hours")) and \
                t.low not in ("someone", "everyone", "anyone", "nobody"):
            return None         # "However, ...", "Given his comments ...": no name
        if i - 1 >= lo and toks[i - 1].low in _DETS:
            i -= 1
        if _place_or_time(toks, i, j):
            # a place does not speak ("in Salem, New Hampshire, Trump ..."), but it
            # can end a speaker's noun phrase: "Paul Ryan of Wisconsin", "the
            # senator from Vermont", "a woman in Worcester, Massachusetts"
            k = i - 1
            if k - 1 >= lo and toks[k].t == "," and toks[k - 1].cap:
                k -= 1
                while k - 1 >= lo and toks[k - 1].cap:
                    k -= 1
                k -= 1
            if k - 1 >= lo and toks[k].low in ("of", "from", "in"):
                p = toks[k - 1]
                if p.cap and toks[k].low != "in" and not _place_or_time(toks, k - 1, k - 1):
                    r = _np_back(toks, k - 1, lo)
                    if r is not None and r[2] == "named":
                        return r        # the name without its place: "Paul Ryan"
                elif p.word and not p.cap and (p.low in _SPEAKER_NOUNS or p.low in _TITLE_WORDS):
                    r = _desc_back(toks, k - 1, lo)
                    if r is not None:
                        return (r[0], j, "description", r[0], r[1])
            return None
        # head: the capitalised run at the end
        return (i, j, "named", i, j)
    if t.word and not t.cap:
        r = _desc_back(toks, j, lo)
        if r:
            return (r[0], j, "description", r[0], j)
    return None


#: words a description does not run back over: a relative word or a form of
#: "be"/"have" opens the clause it ends ("The mayor had what aides described")
_DESC_BACK_STOP = frozenset({"what", "which", "whom", "whose", "when", "where", "why", "how", "whether",
                             "is", "was", "were", "are", "has", "had", "have", "be", "been"})


def _desc_back(toks, j, lo):
    t = toks[j]
    if t.low not in _SPEAKER_NOUNS:
        if t.low in _PREPS or t.low in _NP_STOP_NEXT or t.low in _ROLE_STOP or \
                t.low in ("without", "who", "which") or t.low in _ADVS or _is_ly_adverb(t):
            return None     # "the campaign and", "a leader to", "the council vehemently": no noun at the end
        # allow "the crowd", "the ad": a determiner within two words
        ok = False
        for k in (j - 1, j - 2, j - 3):
            if k >= lo and toks[k].low in ("the", "a", "an") and all(toks[m].word for m in range(k, j + 1)) \
                    and (k > j - 3 or toks[k + 1].cap and toks[k + 2].cap):
                # (three words back when a capitalised pair stands between: "the New York businessman")
                ok = True
        if not ok:
            return None
    i = j
    n = 0
    while i - 1 >= lo and n < 6:
        p = toks[i - 1]
        if p.low in _DETS:
            i -= 1
            break
        if _is_poss(p) and p.word:
            i -= 1
            continue
        if p.word and p.low not in _PREPS and p.low not in ("and", "but", "or", "that", "who", "not", "said",
                                                             "says", "told", "also") and \
                p.low not in _DESC_BACK_STOP and \
                not (p.low in _INDIRECT_VERB_FORMS):
            i -= 1
            n += 1
            continue
        if p.t == "-" and i - 2 >= lo and toks[i - 2].word:
            i -= 1
            continue
        break
    return (i, j)


# words that cannot be a lower-case role before a name ("until Haley said")
_ROLE_STOP = {"but", "that", "who", "which", "then", "so", "until", "unless", "whom", "whose", "than",
              "where", "whether", "because", "although", "though", "while", "once", "if", "nor", "yet",
              "how", "what", "why", "when", "like", "unlike", "says", "said", "see", "saw", "backs",
              "endorse", "endorses", "beat", "beats", "let", "lets", "join", "joins", "ask", "asks"}


def _adverb_like(toks, i, hi) -> bool:
    """A capitalised -ly word that is an adverb ("Clearly, ..."), not a name
    ("Kelly", "Connolly", "Emily")."""
    low = toks[i].low
    if not low.endswith("ly"):
        return False
    if i + 1 <= hi and toks[i + 1].t == ",":
        # "Clearly, ..." opens a clause; after a word ("said Skelly, ...") it is a name
        return i == 0 or not toks[i - 1].word
    return len(low) >= 7 and low.endswith(("ally", "ously", "ently", "antly", "ately", "ively", "ingly",
                                            "fully", "lessly", "edly"))


#: past participles used as adjectives before a noun ("GOP elected officials")
_ADJ_PARTICIPLES = frozenset({"elected", "appointed", "retired", "registered", "unnamed", "unidentified",
                              "concerned", "armed", "organized", "organised", "unaffiliated", "affiliated",
                              "based", "aligned", "backed", "funded", "owned", "related", "named", "embattled",
                              "disgraced", "detained", "jailed", "indicted", "convicted", "accused", "wounded",
                              "injured", "displaced", "undocumented", "talented", "celebrated", "respected",
                              "renowned", "noted", "acclaimed", "trusted", "veiled", "hooded", "masked",
                              "uniformed", "licensed", "certified", "qualified", "skilled", "experienced",
                              "unnamed", "selected", "invited", "assembled", "gathered", "frustrated", "worried",
                              "disappointed", "disaffected", "dedicated", "devoted", "committed", "interested"})
_QUANTITY_LEADS = frozenset({"at", "more", "less", "fewer", "nearly", "almost", "about", "roughly", "over",
                             "only", "just", "around", "half", "majority"})


def _quantity_np(toks, i, hi):
    """A share of a group as a speaker: "At least half of voters", "73 percent
    of Americans", "Six in 10 Republicans", "nearly two-thirds of donors" (the
    polled group says what the poll reports). None when toks[i:] is no such
    phrase."""
    k = i
    if toks[k].low == "at" and k + 1 <= hi and toks[k + 1].low in ("least", "most"):
        k += 2
    elif toks[k].low in ("more", "less", "fewer") and k + 1 <= hi and toks[k + 1].low == "than":
        k += 2
    elif toks[k].low in _QUANTITY_LEADS and toks[k].low not in ("half", "majority", "at", "more", "less", "fewer"):
        k += 1
    if k > hi:
        return None
    w = toks[k]
    if w.low in ("half", "majority") or w.low.endswith(("-third", "-thirds", "-quarter", "-quarters", "-half")):
        k += 1
    elif w.t[0].isdigit() or w.low in _COUNT_WORDS:
        k += 1
        while k <= hi and toks[k].t in (".", ",") and k + 1 <= hi and toks[k + 1].t[0].isdigit():
            k += 2      # "1.5", "2,000"
        if k <= hi and toks[k].low in ("percent", "%"):
            k += 1
        elif k + 1 <= hi and toks[k].low in ("in", "out") and (
                toks[k + 1].t[0].isdigit() or toks[k + 1].low in _COUNT_WORDS or toks[k + 1].low == "of"):
            k += 2 if toks[k].low == "in" else 3        # "six in 10", "six out of 10"
        elif k <= hi and toks[k].low != "of":
            return None
    else:
        return None
    if k <= hi and toks[k].low == "of":
        k += 1
    if k > hi:
        return None
    r = _np_fwd(toks, k, hi)
    if r is None or r[2] == "pronoun":
        return None
    return (i, r[1], "description", r[3], r[4])


#: US state abbreviations of news style ("Calif.", "Fla."): never a speaker alone
def _state_abbreviations() -> frozenset:
    """The AP-style US state abbreviations of the people word lists (one
    list for both stages), as tokens carry them: "calif", "n.y"."""
    with open(_DATA / "people_word_lists.csv", encoding="utf-8", newline="") as fh:
        return frozenset(r["word"].rstrip(".") for r in csv.DictReader(fh) if r["list"] == "us_state_abbrevs")


_STATE_ABBREV = _state_abbreviations()
#: past participles of seeing or calling that take "by X as Y"
_SEEN_AS = {"seen": "see", "viewed": "view", "regarded": "regard", "considered": "consider",
            "described": "describe", "characterized": "characterize", "portrayed": "portray", "hailed": "hail",
            "branded": "brand", "dismissed": "dismiss", "denounced": "denounce", "criticized": "criticize"}
#: words naming a part of a group ("one of the aides", "two of his advisers")
_PART_OF_WORDS = frozenset({"one", "two", "three", "four", "five", "several", "some", "many", "most", "each",
                            "both", "few", "none", "another", "any", "either", "neither", "dozens"})


def _np_fwd(toks, i, hi):
    """Parse a speaker noun phrase starting at token i. Returns (i, j, kind, head_i, head_j)."""
    if i > hi:
        return None
    t = toks[i]
    if t.low in _PRONOUNS:
        return (i, i, "pronoun", i, i)
    if t.low in _QUANTITY_LEADS or t.t[0].isdigit() or t.low in _COUNT_WORDS:
        q = _quantity_np(toks, i, hi)
        if q is not None:
            return q
    if t.t[0].isdigit():
        # a number modifying a role before a name: "9/11 widow Terry Strada"
        k = i
        while k <= hi and k - i < 4 and (toks[k].t[0].isdigit() or toks[k].t in ("/", "-")):
            k += 1
        r = _np_fwd(toks, k, hi) if k <= hi and toks[k].word and not toks[k].cap else None
        if r is not None and r[2] == "description" and toks[k].low.endswith("-old") and toks[k - 1].t == "-":
            return (i, r[1], "description", r[3], r[4])     # "71-year-old diplomat"
        return r if r is not None and r[2] == "named" else None
    if t.cap and (t.low in _NOT_NAMES or t.low in _VERBS or t.low in _EXTRA_CUES or _adverb_like(toks, i, hi)):
        return None
    if t.low in _NP_BAD_START:
        return None         # "... without reporters asking": a preposition opens no speaker
    if t.low in _PART_OF_WORDS and i + 2 <= hi and toks[i + 1].low == "of" and \
            (toks[i + 2].low in _DETS or _is_poss(toks[i + 2])):
        # "said one of those advisers", "Two of the senator's aides said": the
        # part stands for the group it is taken from; the head is the group's
        r = _np_fwd(toks, i + 2, hi)
        if r is not None and r[2] != "pronoun":
            return (i, r[1], "description", r[3], r[4])
    if t.word and not t.cap and t.low not in _DETS and t.low not in _PREPS and t.low not in _VERBS \
            and t.low not in _EXTRA_CUES and t.low not in _ADVS and t.low not in _NP_STOP_NEXT \
            and t.low not in _ROLE_STOP and not t.low.endswith(("ing", "ly")) and i + 1 <= hi:
        # a lower-case role before a name: "councilmember Mark Levine", "retired
        # neurosurgeon Ben Carson"
        m = i + 1
        while m < hi and m - i < 3 and toks[m].word and not toks[m].cap and toks[m].low not in _VERBS \
                and toks[m].low not in _PREPS and toks[m].low not in _DETS and toks[m].low not in _NP_STOP_NEXT:
            m += 1
        if toks[m].cap and toks[m].low not in _NOT_NAMES and toks[m].low not in _VERBS:
            r = _np_fwd(toks, m, hi)
            if r is not None and r[2] == "named":
                return (i, r[1], "named", i, r[1])
    j = i
    has_cap = False
    has_noun = False
    n_low = 0
    # a common word opening the sentence ("Nuclear experts", "One such
    # document") starts a description, as a determiner would
    det_first = toks[i].low in _DETS or _decapped(toks[i])
    desc_head = False
    while j <= hi:
        p = toks[j]
        if j == i and det_first:
            j += 1
            continue
        if p.cap or j > i and toks[j - 1].cap and _prefixed_name(p):
            if p.low in _PREPS and j > i and not has_noun:
                break
            has_cap = True
            j += 1
            continue
        if p.t == "." and j > i and (toks[j - 1].low in _ABBREV or len(toks[j - 1].t) == 1) and j + 1 <= hi and (
                toks[j + 1].cap or j >= i + 2 and toks[j - 2].t == "." and len(toks[j - 1].t) == 1
                and toks[j - 1].cap and toks[j + 1].word):
            # (and the last dot of an initialism before a noun: "U.S. officials")
            j += 1
            continue
        if p.word and not p.cap and p.low not in _PREPS and (p.low not in _INDIRECT_VERB_FORMS or
                                                             p.low in _SPEAKER_NOUNS and j > i) and \
                p.low not in ("and", "or", "but", "that", "who", "which", "of", "for") and n_low < 5:
            if has_cap and p.low not in _VERBS and p.low not in _EXTRA_CUES and p.low not in _ADVS:
                # "Daily News opinion editor Josh Greenman"
                la = j + 1
                while la <= hi and la - j < 3 and toks[la].word and not toks[la].cap and \
                        toks[la].low not in _VERBS and toks[la].low not in _PREPS:
                    la += 1
                if la <= hi and toks[la].cap and toks[la].low not in _PREPS:
                    j = la
                    continue
                if det_first and not has_noun and j + 1 <= hi and toks[j + 1].low in _VERBS and \
                        not toks[j + 1].cap and not p.low.endswith(("ed", "ly")) and p.low not in _ADVS:
                    # a noun after a name, right before the verb: "this Trump look-alike declared"
                    has_noun = desc_head = True
                    j += 1
                    continue
            if det_first and not has_cap and (p.low not in _VERBS or p.low in _SPEAKER_NOUNS) \
                    and p.low not in _EXTRA_CUES and p.low not in _ADVS and not (j > i + 1 and p.low in _DETS and toks[j - 1].low not in ("of", "for")) \
                    and not (has_noun and (p.low.endswith("ed") or p.low in _IRREGULAR_PAST)
                             and p.low not in _SPEAKER_NOUNS):
                # ("both men issued a statement": a verb after the head ends the phrase)
                has_noun = True
                j += 1
                n_low += 1
                continue
            if p.low in _SPEAKER_NOUNS or p.low in _TITLE_WORDS:
                has_noun = True
                j += 1
                n_low += 1
                continue
            if j + 1 <= hi and (toks[j + 1].word and not toks[j + 1].cap and
                                (toks[j + 1].low in _SPEAKER_NOUNS or toks[j + 1].low in _TITLE_WORDS)) \
                    and not (has_noun and p.low.endswith("ed")) \
                    and not (has_cap and p.low in _VERBS and (p.low.endswith("ed") or p.low in _IRREGULAR_PAST)) \
                    and not (has_cap and p.low.endswith("ed") and p.low not in _ADJ_PARTICIPLES):
                # (nor "Cole rallied supporters": a past tense after a name is its verb,
                # but "GOP elected officials" keeps its adjective)
                # ("a retired general", but "her aide rallied supporters", "Jane Doe
                # asked reporters": a verb after the head)
                j += 1
                n_low += 1
                continue
            if has_cap or has_noun:
                break
            if det_first:
                j += 1
                n_low += 1
                has_noun = True
                continue
            break
        if p.low in ("of", "for") and j > i and (has_noun or has_cap) and j + 1 <= hi and \
                (toks[j + 1].cap or toks[j + 1].low in ("the", "a", "an")):
            j += 1
            continue
        if p.t == "-" and j > i and j + 1 <= hi and toks[j + 1].word:
            j += 1
            continue
        if p.t == "(" and j > i:
            k = j + 1
            while k <= hi and toks[k].t != ")" and k - j < 8:
                k += 1
            if k <= hi and toks[k].t == ")":
                j = k + 1
                continue
        break
    j -= 1
    if j < i or (not has_cap and not has_noun):
        if j <= i and (toks[i].low in _QUANTIFIER_SUBJECTS or toks[i].low == "one") and \
                (i + 1 > hi or toks[i + 1].t in (".", ",", ";", "!", "?")):
            return (i, i, "description", i, i)      # "..., tweeted another."
        return None
    if toks[j].low in _DETS and not (j == i + 1 and toks[i].low == "the" and toks[j].low in _NUMBER_WORDS):
        return None         # (but "the two write")
    if has_cap and _place_or_time(toks, i, j):
        return None
    if j == i and toks[i].low in _STATE_ABBREV:
        return None         # "San Bernardino, Calif., and his call for": a state, no speaker
    return (i, j, "named" if has_cap and not desc_head else "description", i, j)


_VERBS = load_verbs()
#: characterising verbs ("portrayed X as", "derided", "deemed"): cues of a partial quote
#: only with an actor as subject (data/quotes_framing_verbs.csv)
_FRAMING_VERBS = {f: v for f, v in load_verbs(str(_DATA / "quotes_framing_verbs.csv")).items() if f not in _VERBS}
_INDIRECT_VERB_FORMS = {f for f, (lem, _c) in _VERBS.items() if lem in _INDIRECT_VERBS}
# a sentence can hold indirect speech only if one of these words occurs (prefilter)
_INDIRECT_CUE_RE = re.compile(r"\b" + _trie_regex(set(_INDIRECT_VERB_FORMS) | {"according", "According"}) + r"\b")
_PARTICIPLE_OK = {"saying", "stating", "declaring", "adding", "noting", "telling", "warning",
                  "arguing", "insisting", "claiming", "writing", "calling", "accusing",
                  "explaining", "asking", "urging", "describing", "tweeting", "posting",
                  "emphasizing", "stressing", "asserting", "suggesting", "responding", "replying",
                  "acknowledging", "admitting", "denying", "lamenting", "complaining", "vowing",
                  "pledging", "promising", "predicting", "recalling", "announcing", "blasting",
                  "criticizing", "mocking", "joking", "quipping", "boasting", "threatening"}


_EXTRA_CUES = {
    "exclaim": "exclaim", "exclaimed": "exclaim", "thanked": "thank", "thanks": "thank", "thank": "thank",
    "referred": "refer", "refers": "refer", "referring": "refer", "labeled": "label", "labelled": "label",
    "labeling": "label", "labels": "label", "coined": "coin", "echoed": "echo", "echoing": "echo",
    "dubbed": "dub", "dubs": "dub", "termed": "term", "cited": "cite", "citing": "cite", "cites": "cite",
    "blamed": "blame", "blames": "blame", "questioned": "question", "hailed": "hail", "touted": "tout",
    "hopes": "hope", "hoped": "hope", "believes": "believe", "believed": "believe", "thinks": "think",
    "thought": "think", "wants": "want", "wanted": "want", "fears": "fear", "feared": "fear",
    "considers": "consider", "considered": "consider", "agreed": "agree", "agrees": "agree",
    "sees": "see", "saw": "see", "views": "view", "viewed": "view", "expects": "expect",
    "expected": "expect", "likes": "like", "liked": "like", "seeks": "seek", "sought": "seek",
    "offered": "offer", "proposed": "propose", "defended": "defend", "defends": "defend",
    "ripped": "rip", "fired": "fire", "pushed": "push", "touts": "tout", "welcomed": "welcome",
    "accusations": "accuse", "accusation": "accuse", "allegations": "allege", "allegation": "allege",
    "claims": "claim", "comment": "comment", "comments": "comment", "remarks": "say", "remark": "say",
    "statement": "state", "statements": "state", "tweet": "tweet", "email": "write", "emails": "write",
    "letter": "write", "speech": "say", "interview": "say", "testimony": "testify", "message": "say",
    "promised": "promise", "vowed": "vow", "insists": "insist", "complaint": "complain",
    "asserts": "assert", "notes": "note", "argument": "argue", "contention": "contend",
    "criticism": "criticize", "warnings": "warn", "description": "describe", "praise": "praise",
    "called": "call", "calls": "call", "calling": "call", "named": "name", "feels": "feel",
    "felt": "feel", "knows": "know", "knew": "know", "wrote": "write", "writes": "write",
    "reads": "read", "read": "read", "tells": "tell", "spoke": "speak", "speaks": "speak",
    "talked": "talk", "talks": "talk", "talking": "talk", "mocked": "mock", "attacked": "attack",
    "slammed": "slam", "blasted": "blast", "demanded": "demand", "urged": "urge", "pleaded": "plead",
    "begged": "beg", "hinted": "hint", "signaled": "signal", "signalled": "signal", "vowing": "vow",
    "predicted": "predict", "conceded": "concede", "insisting": "insist", "promising": "promise",
}
_NOUNABLE = {"report", "reports", "call", "calls", "claim", "claims", "post", "posts", "tweet", "tweets",
             "promise", "promises", "pledge", "pledges", "vow", "vows", "warning", "comment", "comments",
             "answer", "reply", "quote", "note", "notes", "charge", "charges", "demand", "demands",
             "stress", "attack", "attacks", "joke", "jokes", "boast", "read", "shows", "remark",
             "remarks", "voice", "finds", "concerns", "statement", "response", "denial", "threat"}


def _made_clear(toks, x) -> bool:
    """"made clear" / "made it clear" ending at token ``x`` ("She made it clear
    that she has “doubts”"): a statement verb spread over two or three words."""
    if toks[x].low != "clear" or x < 1:
        return False
    m = x - 2 if toks[x - 1].low == "it" else x - 1
    return m >= 1 and toks[m].low in ("made", "make", "makes", "making")


def _verb_at(toks, k):
    """(lemma, class) if token k is a reporting verb used as a verb."""
    t = toks[k]
    if t.cap and k > 0 and toks[k - 1].t not in (".", '"', ":"):
        return None
    v = _VERBS.get(t.low)
    if v is None:
        return None
    if " " in v[0] and v[0] != "according to":
        # a phrasal verb listed by its verb form ("shot" for "shoot back"):
        # only with its particle ("shot back"), not "being shot in the head"
        if k + 1 >= len(toks) or toks[k + 1].low != v[0].split()[-1]:
            return None
    if k > 0 and toks[k - 1].low in ("the", "a", "an", "this", "that", "his", "her", "their", "its",
                                     "whose", "our", "of", "in", "new", "first", "latest"):
        return None
    if k > 1 and toks[k - 2].low in ("the", "a", "an", "his", "her", "their", "its") and not toks[k - 1].cap \
            and toks[k - 1].low not in _ADVS and toks[k - 1].low not in _SPEAKER_NOUNS \
            and not (t.low in _PAST_FORMS and toks[k - 1].word and not toks[k - 1].low.endswith(("ing", "'s"))
                     and toks[k - 1].low not in _NOT_AGENTS and (k < 3 or toks[k - 3].low not in ("what", "how"))):
        return None             # "the latest report", but "a protester yelled"
    if k + 1 < len(toks) and toks[k + 1].low in ("by", "of") and v[0] not in ("say", "tell", "write") and not (
            toks[k + 1].low == "of" and v[0] in _SPEAK_OF and (t.low.endswith("ed") or t.low in ("spoke", "wrote"))):
        return None             # "accused of", "a warning by", but "X stated of the scandal that"
    if t.low in _NOUNABLE and _share_object(toks, k):
        return None
    if t.low in _NOUNABLE:
        for b in range(k - 1, max(-1, k - 4), -1):
            p = toks[b]
            if p.low in _DETS or _is_poss(p):
                return None
            if p.low in _SPEAKER_NOUNS and not t.low.endswith("s") and not p.low.endswith("s"):
                continue        # "an expert report analyzing": a singular subject needs "reports"
            if not p.word or p.cap or p.low in _SPEAKER_NOUNS or p.low in _TITLE_WORDS or p.low in _ADVS \
                    or p.low in _PRONOUNS:
                break
    if v[0] in ("call",) and k + 1 < len(toks) and toks[k + 1].low in ("for", "on", "up", "off"):
        return None
    if v[0] == "agree" and k + 1 < len(toks) and toks[k + 1].low in ("to", "on", "upon"):
        return None             # consent, not speech: "agreed to pay"
    return v


_NAMING_PARTICIPLES = {"called", "dubbed", "named", "titled", "entitled", "labeled", "labelled", "nicknamed"}
#: participles whose "by" agent sits inside a subject ("a letter obtained by the AP warns")
_AGENT_PARTICIPLES = {"obtained", "seen", "reviewed", "published", "released", "issued", "commissioned",
                      "conducted", "filed", "sent", "signed", "written", "posted", "shared", "provided",
                      "prepared", "led", "organized", "sponsored", "funded", "paid"}
#: verbs that take "of" for their topic ("she stated of the scandal that ...")
_SPEAK_OF = {"state", "speak", "remark", "add", "comment", "joke", "boast", "write", "observe", "warn"}
#: adverbs set off by commas between a subject and its verb ("X, however, said")
_ASIDE_ADVS = {"however", "meanwhile", "though", "too", "instead", "nonetheless", "also", "moreover", "therefore",
               "likewise", "similarly", "meantime", "conversely", "again", "separately"}
#: nouns that a relative "that" may follow in an attribution ("in an interview that aired")
_MEDIUM_NOUNS = {"interview", "statement", "show", "program", "programme", "video", "ad", "letter", "email",
                 "post", "speech", "broadcast", "podcast", "op-ed", "column", "tweet", "message", "rally", "event"}
#: nouns after "the" that are no subject of a verb after them ("in the past described")
_NOT_AGENTS = {"so", "past", "end", "time", "way", "meantime", "interim", "moment", "process", "morning",
               "evening", "night", "day", "week", "month", "year", "days", "weeks", "months", "years"}
#: past-tense reporting forms: after "a/the + noun" they are the noun's verb
_PAST_FORMS = {f for f in _VERBS if f.endswith("ed") and f not in _NOUNABLE and f not in _NAMING_PARTICIPLES} | {
    "said", "told", "wrote", "spoke", "thought", "felt", "knew", "saw"}
_QUANTIFIER_SUBJECTS = {"another", "several", "some", "many", "others", "most", "both", "few", "all"}
_COORD_LINKS = {"of", "for", "the", "and", "at", "in", "on", "s", "'s"}


def _verb_after_apposition(toks, j, hi):
    """toks[j] is a comma after a noun phrase: the index of the reporting verb
    after the closing comma of the apposition ("X, the head of Y, said"), or None."""
    m = j + 1
    stop = min(hi, j + 30)
    while m <= stop:
        t = toks[m]
        if t.t in (".", ";", "?", "!", ":") and not (t.t == "." and m + 1 <= hi and toks[m + 1].t == ",") \
                and not (t.t == "." and (toks[m - 1].low in _ABBREV or len(toks[m - 1].t) == 1 and toks[m - 1].cap
                                         or toks[m - 1].t[-2:-1] == "-" and toks[m - 1].t[-1:].isupper())) \
                and not (toks[m - 1].t[0] == _MASK and m + 1 <= hi and toks[m + 1].t in ('"', "'")):
            # (nor the end of a quoted title: "The ad, titled “Why?”, concludes")
            return None     # (an abbreviation's dot, "R-Ky.,", "Raleigh, N.C., who", ends nothing)
        if t.t == ",":
            v = m + 1
            while v <= hi and toks[v].low in _ADVS and toks[v].low not in _VERBS:
                v += 1
            if v <= hi and toks[v].low in _VERBS and (v + 1 > hi or toks[v + 1].low not in ("by", "of")
                                                      or toks[v + 1].low == "of" and toks[v].low in _SAY_FORMS):
                return v        # ("X, the head of Y, said of the plan": "said of" still attributes)
        elif m > j + 1 and t.low in _VERBS and t.low in ("said", "says", "told", "tells", "added", "wrote"):
            return None
        m += 1
    return None


def _relative_pronoun(toks, j):
    """Index of "who"/"which" right after the noun phrase ending at token ``j``
    when the reporting verb of ``toks`` (which end at a quote) sits inside the
    relative clause, else None. "X, who ..., said" (the clause closed by a
    comma before the verb) gives None: there X is the subject.

    >>> _relative_pronoun(_tokens("Beck, who has called Trump", 0), 0)
    2
    >>> _relative_pronoun(_tokens("Beck, who was there, said", 0), 0) is None
    True
    """
    m = j + 1
    n = len(toks)
    if m + 1 < n and toks[m].low in ("of", "from") and toks[m + 1].cap:
        m += 1          # "Sen. Marco Rubio of Florida, who mused ..."
        while m < n and toks[m].cap:
            m += 1
    if m < n and toks[m].t == ",":
        m += 1
        # past an apposition: "said Scott Reed, the group's strategist, who added"
        for x in range(m, min(n - 1, m + 12)):
            t = toks[x]
            if t.t == "," and toks[x + 1].low in ("who", "which"):
                m = x + 1
                break
            if t.low in _VERBS or not (t.word or t.t in ("-", "'", ".")):
                break
    if m >= n or toks[m].low not in ("who", "which"):
        return None
    has_verb = False
    for x in range(m + 1, n):
        t = toks[x]
        if t.t == "," and x + 1 < n and toks[x + 1].low in _VERBS:
            return None
        if t.low in _VERBS or t.low in _EXTRA_CUES or t.low in _FRAMING_VERBS:
            has_verb = True
    return m if has_verb else None


#: verbs of "..., as X said" ("as his top shows" is a noun phrase, not an attribution)
_AS_LEMMAS = {"say", "tell", "write", "put it", "note", "add", "explain", "argue", "claim", "report",
              "describe", "call", "state", "suggest", "tweet", "insist", "acknowledge", "admit", "warn"}


_PP_AFTER_SPEAKER = {"in", "at", "from", "of", "with", "for", "on"}


#: words opening the object of a verb after a quote ("..., Lopez assured the host.")
_OBJECT_WORDS = {"the", "a", "an", "his", "her", "their", "him", "them", "me", "us", "reporters", "voters",
                 "supporters", "viewers", "listeners", "everyone"}


def _is_unknown_past(tok) -> bool:
    """A lower-case past-tense form that is not in the verb lexicon ("remembered")."""
    return (not tok.cap and tok.word and len(tok.low) > 4 and tok.low.endswith("ed")
            and tok.low not in _VERBS and tok.low not in _SPEAKER_NOUNS and tok.low not in _ADVS)


_SAY_FORMS = {"said", "says", "say", "told", "tells", "wrote", "writes", "argued", "argues", "added",
              "claimed", "claims", "insisted", "insists", "noted", "notes", "stated", "warned", "warns"}
_CONJ = {"and", "but", "so", "yet", "or", "then", "still", "also", "now", "instead"}


#: words opening a clause of its own after "X said": "X said as a protester yelled “...”"
_TIME_CLAUSE = {"as", "while", "when", "whereas", "until"}
#: words that open a new clause after a comma ("..., to which X replied")
_CLAUSE_OPENERS = {"to", "which", "who", "when", "while", "whereas", "as", "after", "before", "where"}
_BE_FORMS = {"is", "was", "were", "are", "be", "been", "being", "'s", "am"}


def _passive_at(toks, k) -> bool:
    """The verb at token ``k`` is a passive participle: a form of "be" before
    it, adverbs aside ("was asked", "has been repeatedly called"), or a
    naming participle ("a plan dubbed", "often labeled").

    >>> toks = _tokens("Ruiz was later asked by", 0)
    >>> _passive_at(toks, 3), _passive_at(_tokens("Ruiz asked by", 0), 1)
    (True, False)
    """
    low = toks[k].low
    if not (low.endswith("ed") or low in ("told", "known", "said", "written", "seen")):
        return False
    m = k - 1
    while m >= 0 and (toks[m].low in _ADVS or toks[m].low == "as") and toks[m].low not in _BE_FORMS:
        m -= 1
    if m >= 0 and toks[m].low in _BE_FORMS:
        return True
    return low in _NAMING_PARTICIPLES or low in ("described", "known")


def _nearest_actor(toks, hi, lo=0):
    """The closest noun phrase before token ``hi`` that a verb follows:
    a subject pronoun or a capitalised name ("... when Cruz knocked Rubio and
    called him a “moderate”" -> Cruz). Looks at most 20 tokens back.

    >>> [t.t for t in _tokens("Then he cut into Bush, calling him", 0)][1]
    'he'
    """
    for m in range(hi - 1, max(lo - 1, hi - 21), -1):
        t = toks[m]
        nxt = toks[m + 1]
        if not nxt.word or nxt.cap or nxt.low in _PREPS or nxt.low in _DETS or nxt.low in _NP_STOP_NEXT:
            continue
        if t.low in ("he", "she", "they", "we", "i"):
            return (m, m, "pronoun", m, m)
        if t.cap and t.low not in _NOT_NAMES and t.low not in _TIME_WORDS and not _is_poss(t):
            np = _np_back(toks, m, lo)
            if np is not None and np[2] == "named":
                return np
    return None


def _participle_opener(toks, i, hi) -> bool:
    """A past participle opening an introductory phrase ("Horrified at ...",
    "Led by ...", "Based on ..."), not a name: an -ed word before a preposition.

    >>> toks = _tokens("Led by Jo Ray, the rally", 0)
    >>> _participle_opener(toks, 0, 5)
    True
    """
    low = toks[i].low
    return (low.endswith("ed") or low == "led") and len(low) >= 3 and low not in _VERBS \
        and i + 1 <= hi and toks[i + 1].low in _PREPS


def _sentence_subject(toks, lo, hi):
    """The subject noun phrase at the start of the clause toks[lo..hi]."""
    i = _after_dateline(toks, lo, hi)
    while i < hi and toks[i].low in _CONJ:
        i += 1          # "And he made a point of saying ..."
    if i <= hi and toks[i].low in _DETS and toks[i].low not in _PRONOUNS:
        # "The ad, titled “X”, concludes ...", "The delegate, who backs Y, warned":
        # a noun phrase set off by an apposition, then the verb, is the subject
        # (not an opening phrase to skip, as "In 2010," is)
        np = _np_fwd(toks, i, hi)
        if np is not None and np[2] == "description" and np[1] + 2 <= hi and toks[np[1] + 1].low == "and" \
                and not toks[np[1] + 2].cap:
            np2 = _np_fwd(toks, np[1] + 2, hi)      # "The delegate and party activist, who ..."
            if np2 is not None and np2[2] == "description" and np2[1] + 1 <= hi and toks[np2[1] + 1].t == ",":
                np = (np[0], np2[1], "description", np[3], np[4])
        if np is not None and np[2] != "pronoun" and np[1] + 1 <= hi and toks[np[1] + 1].t == "," \
                and not any(toks[x].low in _TIME_UNIT_WORDS or toks[x].low in _TIME_WORDS
                            for x in range(i, np[1] + 1)) \
                and _verb_after_apposition(toks, np[1] + 1, hi) is not None:
            np2 = _np_fwd(toks, np[1] + 2, hi) if np[2] == "description" and np[1] + 2 <= hi else None
            if np2 is not None and np2[2] == "named" and np2[1] + 1 <= hi and toks[np2[1] + 1].t == ",":
                return np2      # "The party chairman, Kelly Armstrong, said": the name
            return np
    # skip a leading adverbial phrase closed by a comma
    if i <= hi and (toks[i].low in _PREPS or toks[i].low in _NON_NAME_FIRST or toks[i].low.endswith("ing")
                    or toks[i].low in _ADVS or _participle_opener(toks, i, hi)
                    or toks[i].low.endswith("ly") or _decapped(toks[i])) and toks[i].low not in _PRONOUNS:
        for k in range(i, min(hi, i + 25) + 1):
            if toks[k].t == ",":
                i = k + 1
                break
    elif _time_opener(toks, i, hi):
        # "A month later, she ...", "Three years earlier, he ...": a span of time
        # opening the sentence is an adverbial, not its subject
        for k in range(i, min(hi, i + 25) + 1):
            if toks[k].t == ",":
                i = k + 1
                break
    if i > hi:
        return None
    r = _np_fwd(toks, i, hi)
    return r


_TIME_UNIT_WORDS = _TIME_UNITS | {"second", "minute", "hour", "day", "week", "month", "year", "decade", "moment"}
_TIME_RELATIONS = frozenset({"later", "earlier", "ago", "before", "after", "on", "since"})


def _owner_opens_clause(toks, k) -> bool:
    """The noun toks[k] has an owner ("X's call", "X's clarion call") that
    opens the clause (after "while", "but", ... only): the owner is the subject,
    not the object of another speaker's verb ("Y blasted X's call for")."""
    b = k - 1
    if b >= 1 and toks[b].word and not toks[b].cap and not _is_poss(toks[b]):
        b -= 1          # one modifier: "X's clarion call"
    if b < 0 or not _is_poss(toks[b]) or not toks[b].cap:
        return False
    return all(x.low in _CONJ or x.low in _TIME_CLAUSE or x.low in ("although", "though") for x in toks[:b])


_PARTY_STATE_RE = re.compile(r"^[RDI]-[A-Z]")


def _skip_party_apposition(toks, k, hi) -> int:
    """toks[k] is a comma after a name: the index after a party-and-state
    apposition (", R-Ky.,", ", D-N.Y.,"), which US news sets off with commas
    between a lawmaker and the verb; else k."""
    if k + 2 > hi or toks[k].t != "," or not _PARTY_STATE_RE.match(toks[k + 1].t):
        return k
    for m in range(k + 2, min(hi, k + 8) + 1):
        if toks[m].t == ",":
            return m + 1 if m + 1 <= hi else k
        if not (toks[m].t in (".", "-") or toks[m].cap):
            return k
    return k


def _say_before_that(toks, t) -> bool:
    """toks[t] is "that": a say-verb and its object come before it with no
    clause boundary ("he told ABC's “This Week” that ...", "she told reporters
    on Monday that ...")."""
    for x in range(t - 1, max(-1, t - 9), -1):
        if toks[x].t in (",", ";", ":", "-") or toks[x].low in _TIME_CLAUSE or toks[x].low in ("who", "which"):
            return False
        if toks[x].low in ("told", "tells", "tell", "telling") and not toks[x].cap:
            return True
    return False


def _after_dateline(toks, lo, hi) -> int:
    """Index after a dateline opening the sentence ("JACKSON, Miss. -- ",
    "WASHINGTON - "): a place in capitals, an optional state, then a dash."""
    if lo > hi or not (toks[lo].t.isupper() and len(toks[lo].t) > 2 and toks[lo].word):
        return lo
    for k in range(lo + 1, min(hi, lo + 8) + 1):
        if toks[k].t == "-":
            while k + 1 <= hi and toks[k + 1].t == "-":
                k += 1
            return k + 1 if k + 1 <= hi else lo
        if not (toks[k].t in (",", ".") or toks[k].cap):
            return lo
    return lo


def _np_fwd_after_cap(toks, i, hi):
    """A name opened by a capitalised word that _np_fwd refuses as a verb
    ("Post bureau chief Jane Doe", "Report host Jane Doe"): after a reporting
    verb, a capitalised word is part of the name (not a function word)."""
    if i + 1 > hi or not toks[i].cap or not toks[i].word or toks[i].low in _PRONOUNS \
            or toks[i].low in _CONJ or toks[i].low in _DETS or toks[i].low in _NON_NAME_FIRST:
        return None
    k = i + 1
    while k <= hi and k - i < 3 and toks[k].cap and toks[k].word:
        k += 1          # "Post White House bureau chief Jane Doe": more capitalised words
    for s0 in sorted({i + 1, k}):
        if s0 <= hi:
            r = _np_fwd(toks, s0, hi)
            if r is not None and r[2] == "named":
                return (i, r[1], "named", i, r[1])
    return None


def _time_opener(toks, i, hi) -> bool:
    """toks[i:] opens with a span of time before a relation word: "A month
    later", "Three years earlier", "Two days after the vote"."""
    for k in range(i, min(hi, i + 3)):
        if toks[k].low in _TIME_UNIT_WORDS:
            return k > i and k + 1 <= hi and toks[k + 1].low in _TIME_RELATIONS and (
                toks[i].low in ("a", "an", "some", "several", "many", "few", "the") or toks[i].low in _COUNT_WORDS
                or toks[i].t[0].isdigit())
    return False


_DASH_SIGN_RE = re.compile(r"\s*-{1,3}\s*([A-Z][^\n]{1,150}?)\s*\.?\s*$")
_NP_STOP_NEXT = {"and", "or", "of", "for", "in", "on", "at", "to", "from", "with", "by", "as"}


def _verb_after_aside(toks, j, hi):
    """toks[j] is a comma after a subject noun phrase: the index of the verb-like
    lower-case word after the comma closing the apposition or relative clause
    ("Sen. Jane Doe (Ore.), who lost the primary, named ..."), or None."""
    for m in range(j + 1, min(hi, j + 25) + 1):
        t = toks[m]
        if t.t in (";", ":", "?", "!") or t.t[0] == _MASK or t.t in ('"', "'"):
            return None
        if t.t == "." and not (toks[m - 1].low in _ABBREV or len(toks[m - 1].t) == 1 and toks[m - 1].cap):
            return None
        if t.t == "," and m + 1 <= hi:
            v = toks[m + 1]
            if v.word and not v.cap and not v.t[0].isdigit() and v.low not in _PREPS and v.low not in _DETS \
                    and v.low not in _CONJ and v.low not in _ROLE_STOP and v.low not in _NP_STOP_NEXT \
                    and v.low not in _PRONOUNS and not v.low.endswith("ing") \
                    and (v.low not in _ADVS or v.low in _BE_FORMS or v.low in ("has", "had", "have")):
                return m + 1
    return None


#: focus words that may stand before a clause's subject ("even the mayor said")
_FOCUS_WORDS = frozenset({"even", "only", "especially", "particularly", "notably"})


def _clause_subject(toks, lo, hi, aside=False):
    """The subject of the clause toks[lo..hi]: the first noun phrase (at the
    start, or after a comma closing an introductory phrase) that a verb-like
    word follows ("Horrified at X, Ramos believes ..." -> Ramos). ``aside``:
    the verb may also follow an apposition or relative clause of any verb
    ("Jane Doe, who lost in May, named ...")."""
    starts = []
    lo = _after_dateline(toks, lo, hi)
    first = toks[lo] if lo <= hi else None
    if first is None:
        return None
    if not (first.low in _PREPS or first.low.endswith("ing") or first.low.endswith("ly")) or \
            first.low in _PRONOUNS:
        starts.append(lo)
    for k in range(lo, min(hi, lo + 30) + 1):
        if toks[k].t == ",":
            starts.append(k + 1)
        elif aside and toks[k].t in ('"', "'") and k >= 1 and toks[k - 1].t[0] == _MASK:
            starts.append(k + 1)    # after a quoted title closing a phrase: "On “Meet the Press,” X ..."
        elif toks[k].t == "-" and k + 1 <= hi and toks[k + 1].t != "-":
            starts.append(k + 1)
        elif toks[k].t in (":", ";"):
            break
    for i in starts:
        if i < hi and toks[i].low in _FOCUS_WORDS:
            i += 1      # "..., even a senior aide said": a focus word before the subject
        if i > hi:
            break
        if _time_opener(toks, i, hi):
            continue    # "Three years earlier, she ...": a span of time, not the subject
        np = _np_fwd(toks, i, hi)
        if np is None:
            continue
        nx = np[1] + 1
        if nx > hi:
            continue
        if toks[nx].low == "and" and np[2] == "named" and nx + 1 <= hi and toks[nx + 1].cap:
            # "Trump and Ryan issued a statement": a coordinated subject
            np2 = _np_fwd(toks, nx + 1, hi)
            if np2 is not None and np2[2] == "named" and np2[1] + 1 <= hi:
                np = (np[0], np2[1], "named", np[0], np2[1])
                nx = np2[1] + 1
        if np[2] == "named":
            nx = _skip_party_apposition(toks, nx, hi)
        t = toks[nx]
        if t.low in _VERBS or t.low in _EXTRA_CUES or (t.low in _ADVS and t.low not in _PRONOUNS) or \
                (t.word and not t.cap and t.low not in _PREPS and t.low not in _NP_STOP_NEXT
                 and t.low not in _DETS):
            return np
        if t.t == "," and np[2] != "pronoun" and nx + 1 <= hi and \
                (not toks[nx + 1].cap or toks[nx + 1].low in _DETS) and \
                _verb_after_apposition(toks, nx, hi) is not None:
            return np
        if aside and t.t == "," and np[2] == "named" and _verb_after_aside(toks, nx, hi) is not None:
            return np
    return None


#: sentence openers the noun-phrase rules already know (function words, titles)
_KNOWN_OPENERS = frozenset(_PRONOUNS | _DETS | _ADVS | _CONJ | _PREPS | _NOT_NAMES | _NON_NAME_FIRST
                           | _TITLE_WORDS | _QUANTIFIER_SUBJECTS | _NP_STOP_NEXT | _ROLE_STOP)


class _LazySentences(dict):
    """paragraph index -> sentence spans, split only when first asked for."""

    def __init__(self, art, masked):
        super().__init__()
        self.art, self.masked = art, masked

    def __missing__(self, k):
        if k not in self.masked:
            raise KeyError(k)
        v = self[k] = self.art.sentences(k, self.masked[k])
        return v

    def get(self, k, default=None):
        try:
            return self[k]
        except KeyError:
            return default


# --------------------------------------------------------------------------- the extractor
class _Article:
    def __init__(self, aid, outlet, text, paras, verbs, types, want_indirect):
        self.aid, self.outlet, self.text = aid, outlet, text
        self.folded = _fold(text)
        self.paras = paras           # list of (segment_id, start, end)
        self.spans = [(s, e) for _sid, s, e in paras]
        self.starts = [s for s, _e in self.spans]
        self.verbs = verbs
        self.types = types
        self.want_indirect = want_indirect
        self.speakers: list[dict] = []   # timeline of attributions (for back-reference)
        self._common: dict = {}          # memo of common_word

    # ---------------------------------------------------------------- helpers
    def sent_tokens(self, masked: str, offset: int) -> list:
        """:func:`_tokens` of a sentence's opening words, with a capitalised
        first word that is only capitalised because it opens the sentence
        ("Hours later, she said", "Given his record, ...") marked as a
        common word (``cap`` false), so it is never read as a name."""
        toks = _tokens(masked, offset)
        if len(toks) > 2 and toks[0].t in ("(", "[") and toks[1].word:
            # a parenthesised sentence: "(Her aide disputed that ...)": the
            # bracket is not part of the subject
            del toks[0]
        if toks and toks[0].cap and (len(toks) == 1 or not toks[1].cap) and "." not in toks[0].t \
                and "'" not in toks[0].t \
                and (toks[0].low in _TIME_UNITS or toks[0].low in _COUNT_WORDS and len(toks) > 1
                     and toks[1].low in _TIME_UNITS or self.common_word(toks[0].t)):
            t0 = toks[0]
            t = _Tok.__new__(_Tok)
            t.s, t.e, t.t, t.low, t.word, t.cap = t0.s, t0.e, t0.t, t0.low, True, False
            toks[0] = t
        return toks

    def common_word(self, word: str) -> bool:
        """True when ``word`` (capitalised, opening a sentence) is written in
        lower case elsewhere in the article and never capitalised inside a
        sentence, and names no known person: a common word, not a name. News
        text capitalises names everywhere, common words only at a sentence
        start (memoised per article)."""
        memo = self._common
        try:
            return memo[word]
        except KeyError:
            pass
        low = word.lower()
        f = self.folded
        esc = re.escape(low)
        found = low != word and len(low) > 1 and low not in _KNOWN_OPENERS and low in f and \
            re.search(r"(?<![\w'\-])" + esc + r"(?![\w'\-])", f) is not None and \
            re.search(r"[a-z,;]\s+" + re.escape(word) + r"(?![\w\-])", f) is None and \
            self.names.person(word) is None
        memo[word] = found
        return found

    def para_index(self, pos):
        k = bisect.bisect_right(self.starts, pos) - 1
        if k >= 0:
            s, e = self.spans[k]
            if s <= pos <= e:
                return k
        if k - 1 >= 0 and self.spans[k - 1][1] == pos:
            return k - 1
        return None

    def masked_para(self, k, regions):
        s, e = self.spans[k]
        if not regions:
            return self.folded[s:e]      # most paragraphs hold no quote: no copy needed
        chars = list(self.folded[s:e])
        for o, c, _p, _kind in regions:
            a, b = max(o + 1, s), min(c, e)
            if a < b:
                inner = self.folded[o + 1:c].rstrip()
                chars[a - s:b - s] = _MASK * (b - a)      # one slice, not a loop per character
                # keep a final full stop inside a quote so sentence boundaries survive
                if inner and inner[-1] in ".!?" and b - 1 >= a:
                    last = o + 1 + len(inner) - 1
                    if a <= last < b:
                        chars[last - s] = inner[-1]
        return "".join(chars)

    def sentences(self, k, masked):
        s, _e = self.spans[k]
        bounds = [0]
        for m in _BOUNDARY_RE.finditer(masked):
            dot = m.start()
            word = _last_word(masked, dot)
            if word is not None:
                word = word.lower()
                if word in _ABBREV or (len(word) == 1 and word.isalpha()) or _INITIALS_RE.fullmatch(word):
                    nxt = masked[m.end():m.end() + 1]
                    if word not in ("u.s", "u.k", "d.c", "a.m", "p.m") or not nxt.isupper():
                        continue
                    if word in ("u.s", "u.k") and _AFTER_US_RE.match(masked, m.end()):
                        continue    # "U.S. Attorney Jane Doe", "the U.S. Senate": a name goes on
                    # "U.S." at a sentence end: accept only when a capital follows a space
            bounds.append(m.end())
        bounds.append(len(masked))
        return [(s + a, s + b) for a, b in zip(bounds, bounds[1:]) if b > a]

    # ---------------------------------------------------------------- speakers
    def resolve(self, toks, np, names: _Names, pos: int, source_hint: str = ""):
        """Turn a parsed NP into a speaker dict."""
        i, j, kind, hi_, hj = np
        mention_s, mention_e = toks[i].s, toks[j].e
        mention = self.text[mention_s:mention_e]
        words = [t.t for t in toks[i:j + 1]]
        sp = {"mention": mention, "start": mention_s, "end": mention_e, "source": kind,
              "canonical": "", "roles": [mention], "person": False, "plural": False}
        if kind == "pronoun":
            low = toks[i].low
            sp["source"] = "pronoun"
            if low in ("he", "she"):
                hit = names.last_person_before(mention_s)
                if hit is not None and pos <= hit[0] < mention_s:
                    # “Never Again,” she said: the capitalised words of the quote
                    # before the pronoun are not its antecedent
                    hit = names.last_person_before(pos)
                prev_sp = self.last_speaker(mention_s, person=True)
                cand = hit[1] if hit else None
                if prev_sp is not None and (cand is None or (hit and prev_sp["start"] > hit[0])):
                    cand = prev_sp["canonical"]
                subj = self.sentence_subject_person(mention_s, names)
                if subj is None and hit is not None:
                    subj = self.speaking_person_before(mention_s, names)
                if subj is not None and hit is not None and subj[0] < hit[0]:
                    # "Cross said he would vote for Clinton, whom he called ...":
                    # a pronoun prefers the subject of its own sentence over a
                    # name nearer to it in the same sentence
                    cand = subj[1]
                if cand and self.gender(cand, names) not in ("", "m" if low == "he" else "f"):
                    # "Feinstein said ..., she said": the pronoun's gender rules out a
                    # person whom the article calls the other; take the nearest
                    # earlier person it does not rule out
                    cand = self.person_of_gender(mention_s, "m" if low == "he" else "f", names) or cand
                if cand:
                    sp["canonical"] = cand
                    sp["person"] = True
                    sp["roles"] = [mention] + names.roles.get(cand, [])
            elif low in ("they", "it", "we"):
                prev_sp = self.last_speaker(mention_s, plural=(low != "it"), person=False)
                if prev_sp is not None:
                    sp["canonical"] = prev_sp["canonical"]
                    sp["roles"] = [mention] + prev_sp["roles"]
                    sp["plural"] = prev_sp["plural"]
            return sp
        # appositions: "Doug Andres, a spokesman ..." / "Spain's prime minister, Pedro Sánchez"
        if kind == "named" and _only_title_words(tuple(words)):
            kind = "description"
        if kind == "named":
            person = names.person(_strip_poss(self.folded[mention_s:mention_e]))
            if person:
                sp["canonical"] = person
                sp["person"] = True
                sp["roles"] = [mention] + names.roles.get(person, [])
                sp["source"] = "named"
                return sp
            # an organisation or unknown single name
            name = self.folded[mention_s:mention_e]
            ws = name.split()
            while ws and (ws[0].lower() in ("the", "a", "an") or ws[0].endswith("'s") and len(ws) > 1):
                ws = ws[1:]
            name = " ".join(ws)
            name = _PAREN_END_RE.sub("", name)
            if name in names.acronyms:
                name = names.acronyms[name]
            # a title with a single unknown name: keep the name without the title
            ws = name.split()
            k = 0
            while k < len(ws) - 1 and (ws[k].lower().rstrip(".") in _TITLE_WORDS or _GEO_ADJ_RE.match(ws[k])):
                k += 1
            if k == len(ws) - 1 and ws[-1].lower() in _ORG_WORDS:
                k = 0       # an organisation keeps its words: "State Department", "Senate Republicans"
            if k:
                sp["roles"].append(" ".join(ws[:k]))
                name = " ".join(ws[k:])
            if any(w.lower() in _SPEAKER_NOUNS and not w[0].isupper() for w in name.split()):
                kind = "description"
            else:
                sp["canonical"] = _clean_name(self.text, mention_s, mention_e, name)
                sp["source"] = "named"
                sp["person"] = len(name.split()) >= 2 and not any(
                    w.lower() in _ORG_WORDS for w in name.split())
                return sp
        # description
        sp["source"] = "description"
        desc = self.folded[mention_s:mention_e]
        dws = desc.split()
        if len(dws) > 2 and dws[0].lower() in _PART_OF_WORDS and dws[1].lower() == "of":
            dws = dws[2:]       # "one of the mayor's aides": the group is the speaker
        det = dws[0].lower() if dws else ""
        body = dws[1:] if det in _DETS and dws[1:2] != ["in"] else dws     # (not "three in 10")
        head = _strip_poss(body[-1]).lower() if body else ""
        sp["plural"] = bool(_PLURAL_HINT.search(head)) and head not in ("press", "news")
        # a person by title: "the prime minister", "Spain's prime minister"
        if any(w.lower() in _TITLE_WORDS for w in body) and head not in ("sources", "source", "officials", "office",
                                                                          "campaign", "aides", "aide"):
            if det in ("the", "his", "her") or (dws and dws[0].endswith("'s")) or det not in _DETS:
                p = names.person_with_title(" ".join(dws), mention_s)
                if p:
                    sp["canonical"] = p
                    sp["person"] = True
                    sp["source"] = "title"
                    sp["roles"] = [mention] + names.roles.get(p, [])
                    return sp
        # possessive person: "Sanchez's office"
        if dws and dws[0].endswith("'s"):
            p = names.person(dws[0][:-2])
            if p:
                rest = " ".join(dws[1:])
                sp["canonical"] = f"{p}'s {rest}"
                sp["roles"] = [mention] + names.roles.get(p, [])
                return sp
        # definite description pointing back: "the spokesperson", "the report"
        if det in ("the", "this", "that") and head:
            for prev in reversed(self.speakers):
                if prev["start"] >= mention_s:
                    continue
                pc = prev["canonical"].lower()
                if pc.split() and (pc.split()[-1] == head or prev["mention"].lower().split()[-1:] == [head]):
                    sp["canonical"] = prev["canonical"]
                    sp["roles"] = [mention] + prev["roles"]
                    return sp
            # an earlier indefinite mention "an expert report"
            back = self.folded[max(0, mention_s - 3000):mention_s]
            ms = list(_indefinite_re(head).finditer(back))
            if ms:
                mods = ms[-1].group(1).strip()
                mods = " ".join(w for w in mods.split() if w.lower() not in ("new", "recent", "joint"))
                canon = (mods + " " + head).strip()
                sp["canonical"] = canon
                return sp
        # organisation words: "a commission spokesperson" -> "European Commission spokesperson"
        out = []
        for w in body:
            org = names.org_for_word(w, mention_s) if w.islower() and w in _ORG_WORDS else None
            out.append(org if org else w)
        canon = " ".join(out)
        sp["canonical"] = canon
        return sp

    def gender(self, person, names) -> str:
        """"m", "f" or "" for a person of this article, from its own words: an
        honorific before a mention ("Mr.", "Mrs.", "Ms."), and the he/his or
        she/her that follow a mention up to the next person named (within two
        sentences). Computed once per article."""
        g = getattr(self, "_genders", None)
        if g is None:
            votes = {}
            folded = self.folded
            pm = names.person_mentions
            # one pass each over the article: pronoun positions and sentence ends
            pron = [(m.start(), m.group(0)[0] in "Hh" and m.group(0)[:3].lower() != "her")
                    for m in _GENDER_PRON_RE.finditer(folded)]
            ppos = [a for a, _m in pron]
            ends = [m.end() for m in _BOUNDARY_RE.finditer(folded)] if pron else []
            for x, (mp, p) in enumerate(pm):
                v = votes.setdefault(p, [0, 0])
                pre = folded[max(0, mp - 6):mp].split()
                hon = pre[-1].lower() if pre else ""
                if hon in ("mr.", "mr"):
                    v[0] += 3
                elif hon in ("mrs.", "mrs", "ms.", "ms", "miss"):
                    v[1] += 3
                if not pron:
                    continue
                nxt = pm[x + 1][0] if x + 1 < len(pm) else len(folded)
                e = bisect.bisect_right(ends, mp)
                end = ends[e + 1] if e + 1 < len(ends) else len(folded)      # two sentence ends on
                for y in range(bisect.bisect_left(ppos, mp), bisect.bisect_left(ppos, min(nxt, end, mp + 800))):
                    v[0 if pron[y][1] else 1] += 1
            g = self._genders = {p: ("m" if m >= 2 and m >= 2 * f else "f" if f >= 2 and f >= 2 * m else "")
                                 for p, (m, f) in votes.items()}
        return g.get(person, "")

    def _name_like(self, p) -> bool:
        """A person's name, not "Second Amendment", "Southern California" or
        "Neither Jane Doe": it opens with a known given name, or with a word
        that is no function word, place adjective or common word."""
        ws = p.split()
        first = ws[0].lower()
        if ws[-1].lower() in _NOT_PERSON_LAST or ws[-1].lower() in ("democratic", "says", "said"):
            return False        # ("Jefferson County", "Nevada Democratic")
        if first in _GIVEN_NAMES:
            return True
        return len(ws) > 1 and not (first in _NOT_NAMES or first in _NON_NAME_FIRST or _GEO_ADJ_RE.match(ws[0])
                                    or first in ("southern", "northern", "eastern", "western", "central")
                                    or self.common_word(ws[0]))

    def person_of_gender(self, pos, want, names):
        """The nearest earlier speaker, else the nearest person named before
        ``pos`` by a given name (within 1,500 characters), whose gender is
        ``want``."""
        for sp in reversed(self.speakers):
            if sp["start"] >= pos:
                continue
            if sp["start"] < pos - 1500:
                break
            if sp["person"] and sp["canonical"] and self.gender(sp["canonical"], names) == want \
                    and self._name_like(sp["canonical"]):
                return sp["canonical"]
        k = bisect.bisect_left(names.mention_pos, pos) - 1
        while k >= 0 and names.person_mentions[k][0] >= pos - 1500:
            p = names.person_mentions[k][1]
            if self.gender(p, names) == want and self._name_like(p):
                return p
            k -= 1
        return None

    def sentence_start(self, pos):
        """Start offset of the sentence holding ``pos`` (None when unknown)."""
        k = self.para_index(pos)
        sents = getattr(self, "sent_lists", None)
        if k is None or sents is None or sents.get(k) is None:
            return None
        return next((a for a, b in sents[k] if a <= pos < b), None)

    def sentence_subject_person(self, pos, names):
        """``(position, person)`` when the sentence holding ``pos`` opens with a
        person's name (after at most a conjunction), else None."""
        sa = self.sentence_start(pos)
        if sa is None:
            return None
        i = bisect.bisect_left(names.mention_pos, sa)
        if i >= len(names.mention_pos) or names.mention_pos[i] >= pos:
            return None
        mp, person = names.person_mentions[i]
        lead = self.folded[sa:mp].strip().lower()
        if lead and lead not in _CONJ and lead not in ("mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov."):
            return None
        return mp, person

    def speaking_person_before(self, pos, names):
        """``(position, person)`` for a person named earlier in the sentence of
        ``pos`` as the subject of a reporting verb ("With a vote for Trump ruled
        out, Cross said he ... Clinton, whom he called ..."), else None."""
        sa = self.sentence_start(pos)
        if sa is None:
            return None
        i = bisect.bisect_left(names.mention_pos, sa)
        while i < len(names.mention_pos) and names.mention_pos[i] < pos:
            mp, person = names.person_mentions[i]
            if _SAYS_AFTER_NAME_RE.match(self.folded, mp, pos):
                return mp, person
            i += 1
        return None

    def last_speaker(self, pos, person=None, plural=None):
        for sp in reversed(self.speakers):
            if sp["start"] >= pos or not sp["canonical"]:
                continue
            if person is True and not sp["person"]:
                continue
            if plural is True and not sp["plural"]:
                continue
            if plural is False and sp["plural"]:
                continue
            if person is False and sp["person"]:
                continue
            return sp
        return None

    # ---------------------------------------------------------------- attribution of one window
    def attribute_after(self, toks, speech_end=False):
        """Tokens following a closing mark: ', he said', ', said X', ', X said', 'according to X'.
        ``speech_end``: the quote is a spoken sentence closed by "," "!" or "?"
        (then "X <unlisted verb> the host" attributes it too)."""
        k = 0
        n = len(toks)
        while k < n and toks[k].t in (",", "-", "'", '"'):
            k += 1
        if k >= n or k > 2:
            return None
        if toks[k].low == "as" and k + 2 < n and toks[k + 1].word and toks[k + 1].low not in _VERBS:
            # "..., as Cruz said on Monday": "as" opens the attribution clause
            got = self.attribute_after(toks[k + 1:])
            if got is None or got[2] == "according_to" or got[0][0] != 0 or got[1][0] not in _AS_LEMMAS:
                return None         # ("as his top shows": a noun, not a verb)
            i, j, kind, hi_, hj = got[0]
            return (i + k + 1, j + k + 1, kind, hi_ + k + 1, hj + k + 1), got[1], got[2]
        hi = min(n - 1, k + 25)
        # according to X
        if toks[k].low == "according" and k + 1 < n and toks[k + 1].low == "to":
            np = _np_fwd(toks, k + 2, hi)
            if np:
                return np, ("according to", "neutral"), "according_to"
        v = _verb_at(toks, k) if not toks[k].cap or toks[k].low in _VERBS else None
        if v is None and toks[k].low in _VERBS and toks[k].t[0].isupper() is False:
            v = _VERBS[toks[k].low]
        if v is not None and (v[0] == "tell" or toks[k].low.endswith("ing")):
            return None        # "..., telling reporters": the noun phrase after is not the speaker
        if v is not None and toks[k].low not in ("calling", "called"):
            m = k + 1
            while m <= hi and toks[m].low in _ADVS and toks[m].low not in _PRONOUNS:
                m += 1
            np = _np_fwd(toks, m, hi) or _np_fwd_after_cap(toks, m, hi)
            if np:
                np = self.apposition_fwd(toks, np, hi)
                return np, v, ""
            return None
        if v is None and _is_unknown_past(toks[k]) and k + 1 <= hi and toks[k + 1].cap:
            # "...,” remembered Roy Verley": an unlisted past-tense verb, then a name
            np = _np_fwd(toks, k + 1, hi)
            if np is not None and np[2] == "named":
                return self.apposition_fwd(toks, np, hi), (toks[k].low, "evaluative"), ""
        np = _np_fwd(toks, k, hi)
        if np is None and k + 2 <= hi and toks[k].cap:
            np = _np_fwd_after_cap(toks, k, hi)
            if np is not None and not (np[1] + 1 <= hi and toks[np[1] + 1].low in _VERBS):
                np = None       # (only right before a verb: "CBS This Morning co-anchor Jane Doe said")
        if np is None:
            if k == 0 and 1 <= hi and toks[0].cap and toks[0].word and toks[0].low not in _PRONOUNS \
                    and toks[0].low not in _DETS and toks[1].low in _SAY_FORMS and not toks[1].cap \
                    and (2 > hi or toks[2].t in (".", ",") or toks[2].low in _PREPS):
                before = self.text[:toks[0].s].rstrip()
                if before[-1:] in _DQ + _SQ and before[:-1].rstrip()[-1:] in (",", "!", "?"):
                    # ',” From said.': mid-sentence, right after a quote closed by a
                    # comma, a capitalised word before "said" is a name, even one
                    # spelled like a common word (From, Will, Song)
                    return (0, 0, "named", 0, 0), _VERBS[toks[1].low], ""
            return None
        np2 = self.apposition_fwd(toks, np, hi)
        m = np2[1] + 1
        if m + 1 <= hi and toks[np[1] + 1].t == ",":
            # "Brent Bozell III, founder of the Media Research Center, tells"
            np3 = _np_fwd(toks, np[1] + 2, hi)
            if np3 is not None and np3[2] != "pronoun":
                m3 = np3[1] + 1
                if m3 <= hi and toks[m3].t == ",":
                    m3 += 1
                while m3 <= hi and toks[m3].low in _ADVS:
                    m3 += 1
                if m3 <= hi and toks[m3].low in _VERBS:
                    head = np if (np[2] == "named" or np3[2] != "named") else np3
                    if np[2] == np3[2] == "description" and toks[np3[0]].low not in _DETS:
                        # "the bespectacled, 71-year-old diplomat said": two adjectives
                        # of one noun phrase, not an apposition
                        head = (np[0], np3[1], "description", np3[3], np3[4])
                    return head, _VERBS[toks[m3].low], ""
        if m <= hi and toks[m].t == ",":
            m += 1
        while m <= hi and toks[m].low in _ADVS:
            m += 1
        if m <= hi:
            v = _VERBS.get(toks[m].low)
            if v is not None:
                return np2, v, ""
        if m <= hi and toks[m].low in _PP_AFTER_SPEAKER and np2[2] != "pronoun":
            # a prepositional phrase between the speaker and the verb: "a woman in
            # Worcester, Massachusetts, told", "a narrator in the Clinton ad asks"
            x = m + 1
            while x <= hi and x - m <= 8 and toks[x].low not in _VERBS and toks[x].low not in _ROLE_STOP \
                    and (toks[x].word or toks[x].t in (",", "-", ".")) and toks[x].t[0] != _MASK:
                x += 1
            if x <= hi and x > m + 1 and toks[x].low in _VERBS and not toks[x].cap and \
                    (toks[x - 1].word or toks[x - 1].t == ",") and _verb_at(toks, x) is not None:
                return np2, _VERBS[toks[x].low], ""
        if m <= hi and toks[m].low == "and" and np2[2] != "pronoun":
            # coordinated speakers: "X and Y of the Z Institute wrote": the first
            # conjunct stands for the group (a run of names and linking words only)
            x = m + 1
            while x <= hi and x - m < 20 and toks[x].low not in _VERBS and \
                    (toks[x].cap or toks[x].low in _COORD_LINKS or toks[x].t in ("'", "-")):
                x += 1
            if x <= hi and x > m + 1 and toks[x].low in _VERBS and not toks[x].cap and toks[x - 1].cap:
                return np2, _VERBS[toks[x].low], ""
        if m <= hi and np2[2] == "named" and _is_unknown_past(toks[m]) and \
                (m + 1 > hi or toks[m + 1].t in (".", ",", "!", "?") or toks[m + 1].low in _PREPS
                 or speech_end and toks[m + 1].low in _OBJECT_WORDS):
            # "...,” Trump barked." with a verb the lexicon lacks
            return np2, (toks[m].low, "evaluative"), ""
        if np[1] + 1 <= hi and toks[np[1] + 1].t == "," and np[2] != "pronoun":
            # a long apposition: "X, 69, told ...", "X, a close adviser to Y, said"
            vk = _verb_after_apposition(toks, np[1] + 1, hi)
            if vk is not None:
                return np, _VERBS[toks[vk].low], ""
        return None

    def final_attribution(self, toks):
        """An attribution closing the sentence after a comma (", X said in a
        statement." / ", said X."): ``(att, tokens)`` or None."""
        n = len(toks)
        seen = 0
        for m in range(n - 2, 0, -1):
            if toks[m].t != ",":
                if toks[m].t == '"' and toks[m - 1].t[0] == _MASK and self.folded[toks[m].s - 1] == ",":
                    # a later quote closing with a comma: “...,” X said.
                    sub = toks[m + 1:]
                    got = self.attribute_after(sub)
                    if got is not None and got[2] != "according_to" and got[0][0] == 0 and \
                            len(sub) <= got[0][1] + 4 and sub[-1].t in (".", "!", "?"):
                        return got, sub
                    break
                continue
            seen += 1
            if seen > 3:
                break
            sub = toks[m:]
            got = self.attribute_after(sub)
            if got is None or got[2] == "according_to":
                continue
            vk = next((x for x in range(got[0][1] + 1, len(sub)) if sub[x].low in _VERBS), None)
            if vk is None:
                vk = next((x for x in range(1, got[0][0]) if sub[x].low in _VERBS), None)
            if vk is None:
                continue
            tail = sub[max(vk, got[0][1]) + 1:]
            if len(tail) <= 9 and not any(x.low == "that" or x.t[0] == _MASK for x in tail):
                return got, sub
            cut = next((i for i, x in enumerate(tail) if x.t == ","), None)
            if cut is not None and cut <= 9 and cut + 1 < len(tail) and tail[cut + 1].low in _PARTICIPLE_OK \
                    and not any(x.low == "that" or x.t[0] == _MASK for x in tail[:cut]):
                # ", Jane Doe said Tuesday, noting ...": the participle is hers too
                return got, sub
            if tail and tail[0].t == "," and len(tail) <= 30 and got[0][2] == "named" and \
                    not any(x.low in ("that", "who", "which") and (i < 3 or tail[i - 1].t == ",")
                            or x.t[0] == _MASK or x.low in _VERBS or x.t in (";", ":")
                            for i, x in enumerate(tail)):
                # ", said Steve Elmendorf, deputy campaign manager for John Kerry's
                # 2004 campaign.": a long apposition after the name, no new clause
                return got, sub
            return None
        return None

    def apposition_fwd(self, toks, np, hi):
        """'X, the Y of Z,' -> keep the named part as head."""
        i, j, kind, _hi, _hj = np
        if j + 2 <= hi and toks[j + 1].t == ",":
            np2 = _np_fwd(toks, j + 2, hi)
            if np2 and np2[2] != "pronoun":
                end2 = np2[1]
                ok_end = end2 + 1 > hi or toks[end2 + 1].t in (",", ".", ";") or \
                    toks[end2 + 1].low in _VERBS or toks[end2 + 1].low in _PREPS
                if ok_end:
                    if kind == "description" and np2[2] == "named":
                        return np2
                    if kind == "named" and np2[2] == "description":
                        return (i, j, kind, i, j)
                    if kind == "named" and np2[2] == "named" and toks[i].low in _DETS:
                        return np2
        return np

    def attribute_before(self, toks, sent_lo_tok):
        """Tokens from the sentence start up to an opening mark."""
        n = len(toks)
        # according to X
        for k in range(n - 2, -1, -1):
            if toks[k].low == "according" and toks[k + 1].low == "to":
                np = _np_fwd(toks, k + 2, n - 1)
                if np:
                    return np, ("according to", "neutral"), "according_to"
        for k in range(n - 1, -1, -1):
            if k + 3 < n and toks[k + 1].low == "by" and toks[k].low in _SEEN_AS and \
                    any(toks[x].low == "as" for x in range(k + 3, min(n, k + 12))):
                # "an option seen by organizers as a “lifeboat”": the agent of a
                # verb of seeing or calling, with "as", judges the thing so
                np = _np_fwd(toks, k + 2, n - 1)
                if np is not None and np[2] != "pronoun" and np[1] + 1 < n and toks[np[1] + 1].low == "as":
                    lem = _SEEN_AS[toks[k].low]
                    return np, (lem, self.verbs.get(lem, (lem, "neutral"))[1]), ""
            if k + 2 < n and toks[k + 1].low == "by" and not toks[k].cap and toks[k].low in _VERBS \
                    and " " not in _VERBS[toks[k].low][0] and _passive_at(toks, k):
                # "X was asked by host Y whether ...": the agent after "by"
                # speaks, not the passive subject
                np = _np_fwd(toks, k + 2, n - 1)
                if np is not None:
                    return np, _VERBS[toks[k].low], ""
            v = _verb_at(toks, k)
            if v is None:
                t = toks[k]
                if t.low in _NOMINAL_CUES and k + 1 < n and (
                        toks[k + 1].low in ("of", "by", "to", "that")
                        # "X's call for a “...”", "in X's words, “...”": the noun
                        # right before the quote
                        or toks[k + 1].low == "for" and k + 3 >= n - 1 and _owner_opens_clause(toks, k)
                        or t.low == "words" and toks[k + 1].t == "," and k + 2 >= n - 1):
                    # "X's accusation of", "a pledge by X to"
                    if toks[k + 1].low == "by":
                        np = _np_fwd(toks, k + 2, n - 1)
                        if np:
                            return np, (_NOMINAL_CUES[t.low], self.verbs.get(_NOMINAL_CUES[t.low], ("", "neutral"))[1]), ""
                    for b in range(k - 1, max(-1, k - 4), -1):
                        if _is_poss(toks[b]) and toks[b].cap and not any(
                                toks[x].low in _SAY_FORMS and any(toks[y].low == "that" for y in range(x + 1, min(x + 4, b)))
                                for x in range(b - 1)):
                            # (not inside what an earlier speaker says: "X said that Y's claim was")
                            np = (b, b, "named", b, b)
                            lem = _NOMINAL_CUES[t.low]
                            return np, (lem, self.verbs.get(lem, (lem, "neutral"))[1]), ""
                continue
            # subject before the verb
            j = _skip_back_adverbs(toks, k - 1, 0, ly=True)
            if j >= 0 and toks[j].t == ",":
                # "X, who ..., said" / apposition before the verb: "Andres, a spokesman, said"
                jj = j - 1
                if jj >= 2 and toks[jj].low in _ASIDE_ADVS and toks[jj - 1].t == ",":
                    # "Proponents of the bill, however, say ...": an adverb set off by commas
                    npa = _np_back(toks, jj - 2, 0)
                    if npa is not None and npa[0] >= 2 and toks[npa[0] - 1].low == "of" and toks[npa[0] - 2].word:
                        b = npa[0] - 2          # "Proponents of the new bill"
                        if b >= 1 and toks[b - 1].low in _DETS:
                            b -= 1
                        npa = (b, npa[1], "description", b, npa[1])
                    if npa is not None:
                        return npa, v, ""
                np = _np_back(toks, jj, 0) if jj >= 0 else None
                if np is not None and np[2] != "pronoun" and not toks[k].low.endswith("ing") and \
                        (np[0] == 0 or toks[np[0] - 1].t != ",") and any(
                            toks[x].t == "," for x in range(np[0], np[1])):
                    # "a woman in Salem, Oregon, told him ...": the comma closes a place
                    return np, v, ""
                if np and np[2] != "pronoun" and np[0] - 2 >= 0 and toks[np[0] - 1].t == ",":
                    np0 = _np_back(toks, np[0] - 2, 0)
                    if np0 and np0[2] == "named" and (np0[0] == 0 or toks[np0[0] - 1].low not in _PREPS):
                        # (not the end of an opening phrase: "In a reply to Canada, her aide said")
                        return np0, v, ""
                    if np[2] == "named" and not toks[k].low.endswith("ing") and (
                            np0 is None and _verb_at(toks, np[0] - 2) is None
                            or np0 is not None and np0[2] == "description"):
                        # "her senior policy adviser, Jane Doe, said": the name in the apposition
                        return np, v, ""
                if jj >= 2 and toks[jj].low in _SAY_FORMS and not toks[k].low.endswith("ing") \
                        and _verb_at(toks, jj) is not None:
                    # "CNN, Cruz said, called it “...”": a parenthetical attribution
                    # speaks for the whole sentence
                    npp = _np_back(toks, jj - 1, 0)
                    if npp is not None and npp[0] >= 1 and toks[npp[0] - 1].t == ",":
                        return npp, _VERBS[toks[jj].low], ""
                # "Lisa Moreno, a spokeswoman for the agency, said"
                for c1 in range(jj - 1, max(0, jj - 14), -1):
                    if toks[c1].t == ",":
                        np0 = _np_back(toks, c1 - 1, 0) if c1 >= 1 else None
                        pb = np0[0] - 2 if np0 else -1
                        while pb >= 3 and toks[pb].t == "," and toks[pb - 1].t[0].isdigit():
                            q0 = pb - 1     # "Jane Doe, 34, of Salem, Ore., said": skip the age
                            while q0 >= 0 and toks[q0].t[0].isdigit():
                                q0 -= 1
                            if q0 < 1 or toks[q0].t != ",":
                                break
                            pb = q0 - 1
                        if np0 and np0[2] == "named" and pb >= 0 and toks[np0[0] - 1].low == "of" \
                                and toks[pb].cap:
                            # "Paul Ryan of Janesville, Wisconsin, said": the name before the place
                            r = _np_back(toks, pb, 0)
                            if r is not None and r[2] == "named":
                                if toks[r[0]].low in _DETS or r[0] == r[1]:
                                    r = (r[0], np0[1], "named", r[0], np0[1])   # "the Bank of England"
                                return r, v, ""
                        if np0 and np0[2] == "named" and (np0[0] == 0 or toks[np0[0] - 1].low not in _PREPS):
                            return np0, v, ""
                        break
                if toks[k].low in _PARTICIPLE_OK and jj >= 1 and _verb_at(toks, jj) is not None:
                    # "“...,” Jane Doe added, saying ...": the subject of the verb before
                    np = _np_back(toks, _skip_back_adverbs(toks, jj - 1, 0), 0)
                    if np is not None:
                        return np, v, ""
                if toks[k].low in _PARTICIPLE_OK:
                    np = _clause_subject(toks, 0, k - 1) or _sentence_subject(toks, 0, k - 1)
                    if np:
                        return np, v, ""
                elif not toks[k].cap and not toks[k].low.endswith("ing"):
                    # "In the end, said Jane Doe, “...”": a verb-first attribution
                    # after an opening phrase, right before the quote
                    np = _np_fwd(toks, k + 1, n - 1)
                    if np is not None and np[2] != "pronoun":
                        end = np[1]
                        if end + 2 < n and toks[end + 1].t == ",":
                            app = _np_fwd(toks, end + 2, n - 1)     # "said Jane Doe, the mayor,"
                            if app is not None and app[2] != "pronoun":
                                end = app[1]
                        if all(t.t in (",", ":") for t in toks[end + 1:]) or toks[np[1] + 1].t == ",":
                            # (or a parenthetical: "The paradox, says Jane Doe, a historian, is ...")
                            return self.apposition_fwd(toks, np, n - 1), v, ""
                continue
            if j >= 0 and toks[j].low in ("by", "after", "before", "while", "when") and toks[k].low.endswith("ing"):
                np = _sentence_subject(toks, 0, j - 1)
                if np:
                    return np, v, ""
                continue
            if j < 0:
                # verb first: "Said Trump: ..." / "Asked about X, Y said"
                np = _np_fwd(toks, k + 1, n - 1)
                if np and toks[k].low not in _PARTICIPLE_OK:
                    return self.apposition_fwd(toks, np, n - 1), v, ""
                continue
            np = _np_back(toks, j, 0)
            d = None
            if np is not None and np[2] == "description":
                d = next((x for x in range(np[0], max(-1, np[0] - 3), -1)
                          if toks[x].low in _DETS and all(toks[m].word for m in range(x, np[0] + 1))), None)
            if d is not None and d >= 2 and toks[d - 1].low in ("in", "during", "at"):
                # "The clerk, in a later interview, said" without commas: the
                # preposition's object is not the subject; the noun before it is
                b = d - 2
                np2 = _np_back(toks, b, 0) if toks[b].word and toks[b].low not in _CONJ else None
                if np2 is None:
                    np2 = _clause_subject(toks, 0, b) if b >= 1 else None
                    while np2 is not None and np2[1] > np2[0] and toks[np2[1]].low in _ADVS:
                        np2 = (np2[0], np2[1] - 1, np2[2], np2[3], min(np2[4], np2[1] - 1))    # "The clerk first"
                if np2 is not None:
                    np = np2
            if np is not None and np[2] == "description" and toks[k].low in _NAMING_PARTICIPLES and \
                    toks[np[0]].low in ("a", "an") and np[0] >= 2:
                # "his campaign broadcast a short film called “...”": a reduced
                # relative naming a thing; the clause subject is the speaker
                cs = _clause_subject(toks, 0, np[0] - 1) or _sentence_subject(toks, 0, np[0] - 1)
                if cs is not None:
                    return cs, v, ""
            if toks[k].low in _PARTICIPLE_OK and (np is None or np[2] != "pronoun") and not (
                    np is not None and np[2] == "named" and np[1] == j and np[0] >= 1
                    and (toks[np[0] - 1].low in ("with", "-") or toks[np[0] - 1].low == "and" and np[0] >= 2
                         and (toks[np[0] - 2].t[0] == _MASK or toks[np[0] - 2].t in ('"', "'")))):
                # (but "with Sen. Jane Doe telling reporters", "- Jane Doe saying": the name
                # right before the participle is its subject)
                # "The town released a statement Wednesday saying ...": the clause subject
                cs = _clause_subject(toks, 0, j)
                if cs is not None and cs[0] < (np[0] if np else j + 1):
                    np = cs
            if np is not None and np[2] != "pronoun" and np[0] >= 2 and toks[np[0] - 1].low in ("to", "for") \
                    and toks[np[0] - 2].word and not toks[np[0] - 2].cap and toks[np[0] - 2].low not in _VERBS \
                    and not toks[np[0] - 2].low.endswith(("ed", "ing")):
                # "Jane Doe's email to her supporters notes": the object of "to" is
                # inside the subject
                np2 = _np_back(toks, np[0] - 2, 0)
                if np2 is None:
                    # "Jane Doe's fundraising email to ...": from the possessive name
                    b = next((x for x in range(np[0] - 2, max(-1, np[0] - 6), -1)
                              if _is_poss(toks[x]) and toks[x].cap), None)
                    if b is not None:
                        b0 = b
                        while b0 > 0 and toks[b0 - 1].cap:
                            b0 -= 1
                        np2 = (b0, np[0] - 2, "description", b0, np[0] - 2)
                if np2 is not None and np2[2] != "pronoun" and (
                        np2[0] == 0 or toks[np2[0] - 1].t in (",", ";", ":", "-") or toks[np2[0] - 1].low in _CONJ):
                    np = np2        # (a subject: not "his campaign sent a message to supporters saying")
            if np is not None and np[2] in ("description", "named") and np[0] >= 2 and \
                    (toks[np[0] - 1].low in _PLACE_PREPS or toks[np[0] - 1].low in ("to", "with")) and \
                    toks[np[0] - 2].word and not toks[np[0] - 2].cap and toks[np[0] - 2].low.endswith("ing"):
                # "Protesters marching through the streets chanted": the object of a
                # participle's preposition is not the subject; the noun before it is
                cs = _clause_subject(toks, 0, np[0] - 2)
                if cs is not None and cs[2] != "pronoun" and cs[1] == np[0] - 2 and cs[1] > cs[0]:
                    cs = (cs[0], cs[1] - 1, cs[2], cs[3], min(cs[4], cs[1] - 1))    # (without the participle)
                if cs is not None and cs[2] != "pronoun" and cs[1] + 1 == np[0] - 2:
                    np = cs
            if np is not None and np[0] >= 3 and toks[np[0] - 1].low == "by" and \
                    toks[np[0] - 2].low in _AGENT_PARTICIPLES:
                # "A letter from the union obtained by the AP warns": the agent of
                # a participle inside the subject is not the subject
                np2 = _np_back(toks, np[0] - 3, 0)
                if np2 is not None and np2[2] != "pronoun":
                    np = np2
            if np is not None:
                # apposition before: "Doug Andres, a spokesman for ..."
                if np[2] == "description" and np[0] - 2 >= 0 and toks[np[0] - 1].t == "," and \
                        not (k + 1 < n and toks[k + 1].t == "," and j == np[1]):
                    # (not a parenthetical "Reyes, a top aide said, “...”")
                    np0 = _np_back(toks, np[0] - 2, 0)
                    if np0 and np0[2] == "named" and (np0[0] == 0 or toks[np0[0] - 1].low not in _PREPS) \
                            and toks[np0[0]].low not in _NOT_NAMES and not (
                                np0[0] > 0 and not toks[np0[0] - 1].cap and (
                                    toks[np0[0] - 1].low in _VERBS or toks[np0[0] - 1].low.endswith("ed"))) \
                            and not _in_opening_phrase(toks, np0[0]):
                        # (not the object of an opening clause: "As Lee attacked Ruiz, the crowd chanted",
                        # "In an interview with host Jim Oakes, the candidate stated")
                        return np0, v, ""
                if np[2] == "pronoun" and toks[np[0]].low in ("it", "they") and np[0] >= 2:
                    # "X said it found ...": the outer speaker
                    outer = self.attribute_before(toks[:np[0]], 0)
                    if outer is not None and outer[0][2] != "pronoun":
                        return outer
                if np[2] == "pronoun" and toks[np[0]].low in ("he", "she") and np[0] >= 2 and \
                        (toks[np[0] - 1].low in _SAY_FORMS or toks[np[0] - 1].low == "that"
                         and (toks[np[0] - 2].low in _SAY_FORMS or _say_before_that(toks, np[0] - 1))):
                    # "Another said he hoped with his “whole heart”": the quoted words
                    # are the outer speaker's, whoever the pronoun points to
                    outer = self.attribute_before(toks[:np[0] - (toks[np[0] - 1].low == "that")], 0)
                    if outer is not None and (outer[0][2] != "pronoun" or toks[outer[0][0]].low in ("he", "she")):
                        return outer    # (also "he did say he found it “...”": the outer "he" reports)
                if np[2] == "description" and np[0] >= 2 and \
                        (toks[np[0] - 1].low == "that" or toks[np[0] - 1].low in _SAY_FORMS):
                    # "X said (that) the platform should reiterate ...": a thing
                    # inside reported speech does not speak; the outer speaker does
                    outer = self.attribute_before(toks[:np[0]], 0)
                    if outer is not None and outer[0][2] != "description":
                        return outer
                if np[2] == "named" and np[0] >= 2 and toks[np[0] - 1].low == "that" and \
                        toks[np[0] - 2].low not in ("so", "such", "now"):
                    # "Obama said he expected that Americans will say “no”": the
                    # speaker of the sentence is the outer one
                    outer = self.attribute_before(toks[:np[0] - 1], 0)
                    if outer is not None and outer[0][2] != "description":
                        return outer
                if np[2] != "pronoun" and np[0] >= 2 and toks[k].low not in _SAY_FORMS:
                    # "Cruz said he is certain Rubio will continue to be “...”": a
                    # name inside what an earlier subject says is reported by that
                    # subject; the outer speaker is the source of the quoted words
                    sf = next((x for x in range(np[0] - 1, 0, -1) if toks[x].low in _SAY_FORMS
                               and not toks[x].cap), None)
                    if sf is not None and not any(
                            toks[x].t in (";", ":") or x > sf and toks[x].low in _TIME_CLAUSE or toks[x].t == "," and (
                                toks[x + 1].low in _CONJ or toks[x + 1].low in _CLAUSE_OPENERS
                                or x + 1 == np[0] or toks[x + 1].low in _DETS and x + 2 == np[0])
                            for x in range(sf, np[0])):
                        outer = self.attribute_before(toks[:sf + 1], 0)
                        if outer is not None and outer[0][1] < sf and outer[2] != "according_to":
                            return outer
                return np, v, ""
            if toks[j].low in _CONJ and toks[j].low not in ("and", "but") and j >= 2 \
                    and toks[j - 1].low in ("and", "but"):
                j -= 1          # "..., but now said X had “...”": coordinated, as "but said"
            if toks[j].low in ("and", "but") and j >= 1:
                # a coordinated verb phrase ("Wilson praised Rubio and said the
                # senator can ..."): the speaker is the clause subject, not the
                # noun phrase after the verb; first the subject of the verb
                # coordinated with this one ("when X lamented ... and criticized")
                prev = self.attribute_before(toks[:j], 0)
                if prev is not None and prev[2] != "according_to" and prev[0][2] != "pronoun" and not (
                        toks[0].low in _CLAUSE_OPENERS | {"if", "because", "since", "although", "though"}
                        and any(t.t == "," for t in toks[prev[0][1]:j])):
                    # (not the subject of an opening "As the crowd began to chant, ...")
                    return prev[0], v, ""
                np = _clause_subject(toks, 0, j - 1) or _sentence_subject(toks, 0, j - 1)
                if np is not None:
                    return np, v, ""
                continue
            if toks[j].t == "-" and toks[k].low in _SAY_FORMS:
                # "A former candidate -- John McCain, who lost in 2008 -- said the
                # president ...": the subject sits before the dashed aside
                c0 = j
                while c0 > 0 and toks[c0 - 1].t == "-":
                    c0 -= 1
                d = next((x for x in range(c0 - 2, max(0, c0 - 30), -1) if toks[x].t == "-"), None)
                if d is not None:
                    while d > 0 and toks[d - 1].t == "-":
                        d -= 1
                    np0 = _np_back(toks, d - 1, 0) if d >= 1 else None
                    if np0 is not None and np0[2] != "pronoun" and (np0[0] == 0 or toks[np0[0] - 1].word is False
                                                                    or toks[np0[0] - 1].low in _CONJ):
                        return np0, v, ""
            # inverted "..., said X, ..."
            np = _np_fwd(toks, k + 1, n - 1)
            if np and toks[k].low in ("said", "says", "wrote", "added", "asked") and \
                    (toks[j].word is False or toks[j].low in _CONJ):
                return self.apposition_fwd(toks, np, n - 1), v, ""
            if np and toks[k].low in ("said", "says", "wrote", "added", "asked"):
                # "the former secretary of state said the U.S. ...": a word before
                # the verb ends its subject, so the noun phrase after it is reported
                sub = _sentence_subject(toks, 0, k - 1)
                if sub is None and j >= 1:
                    # "While those surveyed said Jane Doe has the “...”": after a
                    # subordinating word, the words up to the verb are its subject
                    s0 = 0
                    while s0 < j and (toks[s0].low in _TIME_CLAUSE or toks[s0].low in _CONJ
                                      or toks[s0].low in ("although", "though", "because", "since", "if")):
                        s0 += 1
                    sub = _np_fwd(toks, s0, j) if s0 > 0 else None
                    if sub is not None and (sub[1] != j or sub[2] == "pronoun"):
                        sub = None
                return (sub, v, "") if sub else (self.apposition_fwd(toks, np, n - 1), v, "")
            # "went on to say", "is expected to say": the clause subject
            np = _sentence_subject(toks, 0, k - 1)
            if np:
                return np, v, ""
        return None

    # ---------------------------------------------------------------- main
    def run(self, max_gap_paragraphs=2, min_partial_words=4):
        text, folded = self.text, self.folded
        spans = self.spans
        if not spans:
            return []
        doubles = _double_regions(text, spans)
        singles = _single_regions(text, spans, doubles)
        regions = sorted([(o, c, p, "double") for o, c, p in doubles] +
                         [(o, c, p, "single") for o, c, p in singles])
        names = self.names = _Names(folded, spans, self.types[0])
        masked = {}
        para_regions = {}
        ends = [e for _s, e in spans]
        for r in regions:
            # paragraphs overlapping the region, found by bisection (not a scan of all)
            k = bisect.bisect_right(ends, r[0])
            while k < len(spans) and spans[k][0] <= r[1]:
                if r[0] < spans[k][1]:
                    para_regions.setdefault(k, []).append(r)
                k += 1
        sent_of = {}
        for k in range(len(spans)):
            masked[k] = self.masked_para(k, para_regions.get(k, []))
        rows = []
        # ---- indirect attributions (also feed pronoun / back-reference resolution)
        indirect = []
        quote_spans = [(o, c) for o, c, _p, _k in regions]
        sent_lists = self.sent_lists = _LazySentences(self, masked)
        for k in range(len(spans)):
            s0 = spans[k][0]
            if k not in para_regions and not _INDIRECT_CUE_RE.search(masked[k]):
                continue               # no quote and no reporting verb in this paragraph
            for a, b in sent_lists[k]:
                seg = masked[k][a - s0:b - s0]
                if _MASK in seg or not _INDIRECT_CUE_RE.search(seg):
                    continue           # indirect() would find nothing: skip tokenising
                toks = self.sent_tokens(seg, a)
                if not toks:
                    continue
                found = self.indirect(toks, names, a, b, quote_spans)
                if found:
                    indirect.append(found)
                # "A has suggested X, while B has left the platform, urging Y": the
                # writer's "while" clause is a clause of its own with its own
                # subject; read it apart so B's words are not given to A
                wm = _WRITER_CLAUSE_RE.search(seg)
                if wm is not None:
                    sub = [t for t in toks if t.s >= a + wm.end()]
                    if len(sub) > 3:
                        found2 = self.indirect(sub, names, sub[0].s, b, quote_spans)
                        if found2 and (not found or found2["start"] >= found["end"]):
                            indirect.append(found2)
        ind_iter = iter(sorted(indirect, key=lambda r: r["pos"]))
        pending = next(ind_iter, None)
        prev_quote = None
        for o, c, prob, family in regions:
            # feed speakers of indirect attributions that come before this quote
            while pending is not None and pending["pos"] < o:
                if pending["_sp"] and pending["_sp"]["canonical"]:
                    self.speakers.append(pending["_sp"])
                rows.append(pending)
                pending = next(ind_iter, None)
            k = self.para_index(o)
            if k is None:
                continue
            kc = self.para_index(c) if prob == "" else k
            kc = k if kc is None else kc
            s0 = spans[k][0]
            # sentence containing the opening mark
            sa = s0
            for a, b in sent_lists[k]:
                if a <= o:
                    sa = a
            before_toks = self.sent_tokens(masked[k][sa - s0:o - s0], sa)
            colon_intro = False
            if not before_toks and k > 0 and masked[k - 1].rstrip().endswith(":") and not text[s0:o].strip():
                # "Cruz continued:" / "he declared:" then the quote as the next paragraph
                pa = spans[k - 1][0]
                for a, b in sent_lists[k - 1]:
                    pa = a
                pm = masked[k - 1].rstrip()
                before_toks = self.sent_tokens(pm[pa - spans[k - 1][0]:], pa)
                colon_intro = True
            # after window: from the closing mark to the sentence end
            s1 = spans[kc][0]
            after_toks = []
            after_next = False      # the after window is the next sentence, not this one
            inner = text[o + 1:c]
            inner_f = folded[o + 1:c].rstrip()
            if prob == "":
                se = spans[kc][1]
                for a, b in sent_lists[kc]:
                    if a <= c < b:
                        se = b
                        break
                after_str = masked[kc][c + 1 - s1:se - s1]
                if inner_f[-1:] == "." and not _ATTRIB_OPEN_RE.match(after_str):
                    after_str = ""
                after_toks = _tokens(after_str[:300], c + 1)
                if not after_toks and inner_f[-1:] in (".", "!", "?", ","):
                    # the sentence ends at the closing mark ("...!” Sessions said."):
                    # look at the next sentence when it is a bare attribution
                    nxt = None
                    for a, b in sent_lists[kc]:
                        if a >= se:
                            nxt = (a, b)
                            break
                    if nxt is not None and nxt[0] - c < 4:
                        cand = _tokens(masked[kc][c + 1 - s1:nxt[1] - s1][:300], c + 1)
                        got = self.attribute_after(cand)
                        if got is not None and got[2] != "according_to":
                            vk = next((x for x in range(got[0][1] + 1, len(cand)) if cand[x].low in _VERBS or (
                                cand[x].low == got[1][0] and x == got[0][1] + 1 and x + 1 < len(cand)
                                and cand[x + 1].t in (".", ","))), None)     # (“...?” Jane Doe pressed.)
                            tail = cand[vk + 1:] if vk is not None else []
                            if tail and tail[0].t == ",":
                                # "...!” LeVell declared, a point he likes to make ...": the
                                # attribution ends at the comma after its verb
                                tail = []
                            if vk is not None and len(tail) <= 25 and not any(
                                    x.low == "that" and (i < 2 or tail[i - 1].low not in _MEDIUM_NOUNS)
                                    for i, x in enumerate(tail)) \
                                    and not any(x.t == "\x00" * len(x.t) and "," not in (y.t for y in tail[:i])
                                                for i, x in enumerate(tail)):
                                # (a quote later in an aside is no obstacle: "..., alluding to “The Film.”")
                                after_toks = cand
                                after_next = True
            # ---- classification
            words = _WORD_RE.findall(inner)
            n_words = len(words)
            first_alpha = _LETTER_RE.search(inner)
            starts_upper = bool(first_alpha) and first_alpha.group(0).isupper()
            bstr = folded[sa:o].strip() if not colon_intro else ":"
            sentence_start = bstr == "" or bstr[-1] in ":,-" or (bool(before_toks) and _verb_at(before_toks, len(before_toks) - 1) is not None)
            ends_sentence = inner_f[-1:] in (".", "!", "?") or bool(_INNER_SENTENCE_END_RE.search(inner_f))
            att = None
            how = ""
            att_toks = None
            if after_next and before_toks:
                # "Christie bristled ..., saying, “...” He also said ...": an
                # attribution in the quote's own sentence beats the next sentence's
                att = self.attribute_before(before_toks, 0)
                att_toks = before_toks if att is not None else None
            if att is None and len(after_toks) > 1 and after_toks[0].low == "by" and before_toks:
                # "a plan often labeled a “giveaway” by critics": the agent of a
                # passive naming verb before the quote speaks the quoted words
                pv = next((x for x in range(len(before_toks) - 1, max(-1, len(before_toks) - 5), -1)
                           if before_toks[x].low in _VERBS and _passive_at(before_toks, x)), None)
                if pv is not None and all(t.low in ("as", "a", "an", "the") or t.low in _ADVS
                                          for t in before_toks[pv + 1:]):
                    np = _np_fwd(after_toks, 1, min(len(after_toks) - 1, 15))
                    if np is not None:
                        att, att_toks = (np, _VERBS[before_toks[pv].low], ""), after_toks
            if att is None and len(after_toks) > 3 and after_toks[0].low in ("and", "or"):
                # "“A” and “B,” X said": the first of two quotes shares the
                # attribution that follows the second
                x = 1
                while x < len(after_toks) and after_toks[x].t in ('"', "'"):
                    x += 1
                if x < len(after_toks) and after_toks[x].t[0] == _MASK:
                    got = self.attribute_after(after_toks[x + 1:])
                    if got is not None and got[2] != "according_to":
                        att, att_toks = got, after_toks[x + 1:]
            if att is None and after_toks:
                att = self.attribute_after(after_toks, speech_end=inner_f[-1:] in (",", "!", "?") and
                                           inner_f[:1].isupper())
                att_toks = after_toks
            nj = next((j for j in range(min(3, len(after_toks))) if after_toks[j].low in _SPEECH_NOUNS
                       or not (after_toks[j].word and not after_toks[j].cap)), None) if after_toks else None
            if att is None and before_toks and nj is not None and after_toks[nj].low in _SPEECH_NOUNS \
                    and before_toks[-1].cap and _is_poss(before_toks[-1]):
                # "Obama's “if you like your plan” promise": the owner of the
                # promise, claim or call said the quoted words (also with a modifier
                # between: "her “reckless” foreign policy pronouncements")
                lem = _SPEECH_NOUNS[after_toks[nj].low]
                x = len(before_toks) - 1
                att, att_toks = ((x, x, "named", x, x), (lem, self.verbs.get(lem, (lem, "neutral"))[1]), ""), \
                    before_toks
            if att is None and before_toks:
                att = self.attribute_before(before_toks, 0)
                att_toks = before_toks
            if att is None and after_toks:
                # "... “quoted words” in the middle, he said in a statement."
                fin = self.final_attribution(after_toks)
                if fin is not None:
                    att, att_toks = fin
            if att is None and after_toks:
                att_toks = after_toks
                # according to X later in the sentence
                for m in range(len(after_toks) - 1):
                    if after_toks[m].low == "according" and after_toks[m + 1].low == "to":
                        np = _np_fwd(after_toks, m + 2, len(after_toks) - 1)
                        if np:
                            att = (np, ("according to", "neutral"), "according_to")
                        break
            # the cheap tests first: most quotes are long or end a sentence
            title_like = n_words <= 12 and not ends_sentence and not (bstr[-1:] == ":") \
                and _all_capitalised(words)
            if not title_like and ends_sentence and n_words <= 12 and bstr[-1:] != ":" and starts_upper \
                    and _names_a_title(before_toks, (), works_only=True) and _all_capitalised(words):
                title_like = True   # "the reality show “Cake Boss.”", "her memoir, “Tough Choices.”"
            direct = starts_upper and (sentence_start or ends_sentence and n_words >= 4) and not title_like
            cue = None
            if att is None:
                for t in before_toks[::-1] + after_toks:
                    # a phrasal verb's form is a cue only with its particle ("put it", not "put the")
                    if not t.cap and (t.low in _VERBS and " " not in _VERBS[t.low][0] or t.low in _EXTRA_CUES):
                        cue = t
                        break
            immediate = bool(after_toks) and att is not None and att_toks is after_toks or (
                bool(before_toks) and _verb_at(before_toks, len(before_toks) - 1) is not None) or (
                bstr[-1:] in (":",) and att is not None)
            if family == "single" and att is None and not direct:
                kind = "scare"
            elif title_like and (not immediate or _names_a_title(before_toks, after_toks)):
                kind = "scare"
            elif direct:
                kind = "direct"
            elif att is not None:
                kind = "partial"
            elif cue is not None or n_words >= min_partial_words:
                kind = "partial"
                np = _sentence_subject(before_toks, 0, len(before_toks) - 1) if before_toks else None
                if np is None and cue is not None and before_toks and cue is not before_toks[0]:
                    ci = next((x for x in range(len(before_toks)) if before_toks[x] is cue), None)
                    if ci is not None:
                        np = _nearest_actor(before_toks, ci)
                if np is not None and cue is not None:
                    v = _VERBS.get(cue.low) or (_EXTRA_CUES[cue.low], self.verbs.get(_EXTRA_CUES[cue.low], ("", "neutral"))[1])
                    att = (np, v, "")
                    att_toks = before_toks
            else:
                kind = "scare"
                fv = next((x for x in range(len(before_toks) - 1, 0, -1)
                           if before_toks[x].low in _FRAMING_VERBS and not before_toks[x].cap
                           or _made_clear(before_toks, x)), None) if before_toks else None
                if fv is not None:
                    # "the senator portrayed the bill as a “giveaway”": a short quoted
                    # stretch after a characterising verb with an actor as subject is
                    # that actor's wording (a partial quote), not the writer's scare quote.
                    # The verb's own subject first: the nearest actor ("Clinton backed the
                    # deal, although she made it clear ..."), the name before ", who"
                    # ("his daughter Jane Roe, who portrayed him as ..."), else the
                    # sentence's subject ("The mayor derided ...")
                    vs = fv
                    if _made_clear(before_toks, fv):
                        vs = fv - 2 if before_toks[fv - 1].low == "it" else fv - 1
                    j = _skip_back_adverbs(before_toks, vs - 1, 0)
                    np = None
                    if j >= 2 and before_toks[j].low == "who" and before_toks[j - 1].t == ",":
                        np = _np_back(before_toks, j - 2, 0)
                    elif before_toks[vs].low.endswith("ing"):
                        # (a participle's subject is the sentence's: "X wrote an op-ed
                        # in The Paper, hammering his “...”" is X's wording)
                        np = _sentence_subject(before_toks, 0, len(before_toks) - 1) or _nearest_actor(before_toks, vs)
                    elif j >= 0:
                        np = _nearest_actor(before_toks, vs)
                    if np is None:
                        np = _sentence_subject(before_toks, 0, len(before_toks) - 1)
                    if np is not None:
                        kind = "partial"
                        att, att_toks = (np, _FRAMING_VERBS.get(before_toks[fv].low, ("make clear", "neutral")),
                                         ""), before_toks
            if kind == "partial" and n_words <= 3 and att is not None and att[1][0] not in ("call",) \
                    and _NAMING_END_RE.search(bstr, max(0, len(bstr) - 64)):
                kind = "scare"      # the cheap tests first: the search runs on short quotes only
            # ---- speaker
            speaker = None
            verb, vclass = "", ""
            if kind in ("direct", "partial"):
                if att is not None:
                    np, (verb, vclass), how = att
                    speaker = self.resolve(att_toks, np, names, o)
                    if att_toks is before_toks and np[2] != "pronoun":
                        rel = _relative_pronoun(before_toks, np[1])
                        if rel is not None:
                            # "Beck, who has called Trump “...”": the verb's subject is
                            # "who"; the mention runs from the name to it
                            speaker["end"] = before_toks[rel].e
                            speaker["mention"] = text[speaker["start"]:speaker["end"]]
                    if how == "according_to":
                        speaker["source"] = "according_to" if speaker["source"] in ("named", "description") else speaker["source"]
                elif kind == "direct" and (dash := self.dash_attribution(kc, c)) is not None:
                    speaker = dash          # a quote paragraph signed by the next one: "- Jane Doe."
                elif (ctx := self.context_speaker(k, sa, o, before_toks, colon_intro, kind, prev_quote,
                                                  names, sent_lists, masked)) is not None:
                    speaker, verb, vclass = ctx
                elif kind == "direct" and prev_quote is not None and prev_quote.get("_sp") is not None and \
                        (k - prev_quote["_para"]) <= max_gap_paragraphs:
                    prev_sp = prev_quote["_sp"]
                    speaker = dict(prev_sp)
                    speaker["source"] = "previous"
                    verb, vclass = prev_quote["verb"], prev_quote["verb_class"]
                elif kind == "direct":
                    # the last attribution (often indirect) before this quote
                    prev_sp = self.speakers[-1] if self.speakers else None
                    pk_sp = self.para_index(prev_sp["start"]) if prev_sp is not None else None
                    if pk_sp is not None and (k - pk_sp <= 1 or k - pk_sp == 2 and prev_sp["person"]
                                              and self.named_in_para(prev_sp["canonical"], k - 1)):
                        speaker = dict(prev_sp)
                        speaker["source"] = "previous"
                elif (carried := self.carried_speaker(k, sa)) is not None:
                    # "Hennessey added ... . But that's not the same thing as “...”":
                    # a partial quote in the sentence right after an attribution
                    # continues that speaker's words
                    speaker = dict(carried)
                    speaker["source"] = "previous"
            if speaker is not None and speaker["canonical"]:
                self.speakers.append(speaker)
            row = self.make_row(o + 1, c, inner, kind, speaker, verb, vclass, n_words,
                                text[o] + (text[c] if prob == "" and c < len(text) else ""), prob, k)
            row["_sp"] = speaker if kind in ("direct", "partial") else None
            row["_para"] = kc
            row["pos"] = o
            rows.append(row)
            if kind in ("direct", "partial"):
                prev_quote = row
        while pending is not None:
            rows.append(pending)
            pending = next(ind_iter, None)
        return rows

    def named_in_para(self, canonical, k):
        """True when paragraph ``k`` names the person ``canonical`` by surname
        ("..., since Jane Doe spoke only in slogans."): a quote paragraph after
        it, with no attribution, goes on with that person's words."""
        ws = canonical.split()
        if not ws or k < 0:
            return False
        s, e = self.spans[k]
        return re.search(r"(?<![\w'\-])" + re.escape(ws[-1]) + r"(?![\w\-])", self.text[s:e]) is not None

    def carried_speaker(self, k, sa):
        """The last speaker attributed in the sentence just before ``sa`` in the
        same paragraph (a quote's or an indirect attribution's), else None."""
        prev_a = None
        for a, b in self.sent_lists[k]:
            if b <= sa and a < sa:
                prev_a = a
        if prev_a is None:
            return None
        for sp in self.speakers[:-6:-1]:        # the few latest attributions
            if prev_a <= sp["start"] < sa and sp["canonical"]:
                return sp
        return None

    def dash_attribution(self, kc, c):
        """A quote that closes its paragraph, signed after a dash at the end of
        that paragraph ("“...” ― Jane Doe") or by the next paragraph ("- Jane
        Doe." / "-- Sen. Jane Doe, D-Mass."): the speaker, or None."""
        ps, pe = self.spans[kc]
        # signed in its own paragraph: "“...” ― Jane Doe" closing the paragraph
        m = _DASH_SIGN_RE.match(self.folded, c + 1, pe)
        if m is None:
            if kc + 1 >= len(self.spans) or self.folded[c + 1:pe].strip(" .,\"'"):
                return None
            # from the end of this paragraph: the dash may fall outside the next
            # segment when cleaning reads "- Jane Doe." as a bullet
            m = _DASH_SIGN_RE.match(self.folded, pe, self.spans[kc + 1][1])
            if m is None:
                return None
        if m.group(1).rstrip(" .").endswith("-"):
            return None         # "- An immigrant himself -.": a section heading, not a signature
        toks = _tokens(self.folded[m.start(1):m.end(1)], m.start(1))
        np = _np_fwd(toks, 0, len(toks) - 1) if toks else None
        if np is None or np[2] == "pronoun":
            return None
        names = self.names
        sp = self.resolve(toks, np, names, toks[0].s)
        return sp if sp["canonical"] else None

    def context_speaker(self, k, sa, o, before_toks, colon_intro, kind, prev_quote, names, sent_lists, masked):
        """Speaker of a quote with no attribution in its own window, from its context.

        * words before the quote in its sentence: the subject of that clause
          ("Rubio also bemoaned ... “literally hate each other”"), or the noun
          phrase before a colon ("Pollster Jane Doe: “...”");
        * a quote opening its sentence: the previous quote's speaker when that
          quote is in the sentence just before; otherwise the speaker that
          sentence introduces ("X told reporters." / "The judge turned to me.").
        Returns ``(speaker, verb, verb_class)`` or None.
        """
        verb, vclass = "", ""
        if before_toks:
            # (a colon closing the paragraph before: "X released the following statement:")
            n = len(before_toks)
            np = None
            if before_toks[-1].t == ":" and n >= 2:
                j = _skip_back_adverbs(before_toks, n - 2, 0)
                np = _np_back(before_toks, j, 0) if j >= 0 else None
                if np is not None and np[2] == "pronoun" and before_toks[np[0]].low in ("it", "them", "him", "me", "us") \
                        and np[0] >= 1 and before_toks[np[0] - 1].word:
                    np = None       # an object: "... worded it carefully: “...”"
                if np is not None and np[2] == "description" and before_toks[np[0]].low not in _DETS \
                        and not any(before_toks[x].low in _SPEAKER_NOUNS for x in range(np[0], np[1] + 1)):
                    np = None
                if np is not None and np[0] >= 2:
                    # "Kaine has adopted the stance common among Catholics in public
                    # office: “...”": a whole clause before the colon; its subject
                    # speaks, not the noun phrase that ends it
                    cs = _clause_subject(before_toks, 0, np[0] - 1)
                    if cs is not None and cs[1] < np[0] - 1:
                        np = cs
            if np is None:
                np = _clause_subject(before_toks, 0, n - 1, aside=before_toks[-1].t == ":")
            if np is None and before_toks[-1].t == ":" and n >= 4:
                # "The campaign, in a note on its site, worded it carefully: “...”":
                # the subject opening the sentence, past an apposition or aside
                np = _np_fwd(before_toks, 0, n - 2) if before_toks[0].low in _DETS or before_toks[0].cap else None
                if np is not None and np[1] + 2 < n - 1 and before_toks[np[1] + 1].word and \
                        not before_toks[np[1] + 1].cap and before_toks[np[1] + 1].low not in _VERBS and \
                        before_toks[np[1] + 2].t == ",":
                    np = (np[0], np[1] + 1, "description", np[0], np[1] + 1)     # "The Harte campaign,"
                if np is not None and (np[1] + 1 >= n - 1 or before_toks[np[1] + 1].t != ","):
                    np = None
            if np is None:
                return None
            sp = self.resolve(before_toks, np, names, o)
            if not sp["canonical"] and sp["source"] != "pronoun":
                return None
            return sp, verb, vclass
        if kind != "direct" or before_toks:
            return None
        # the sentence just before this one
        s0 = self.spans[k][0]
        prev_sent = None
        for a, b in sent_lists[k]:
            if b <= sa and a < sa:
                prev_sent = (k, a, b)
        same_para = prev_sent is not None
        if prev_sent is None and k > 0 and sent_lists.get(k - 1):
            a, b = sent_lists[k - 1][-1]
            prev_sent = (k - 1, a, b)
        if prev_sent is None:
            return None
        pk, a, b = prev_sent
        if prev_quote is not None and prev_quote.get("_sp") is not None and prev_quote["end"] >= a - 1 \
                and prev_quote["_para"] >= pk:
            sp = dict(prev_quote["_sp"])
            sp["source"] = "previous"
            return sp, prev_quote["verb"], prev_quote["verb_class"]
        ps0 = self.spans[pk][0]
        toks = self.sent_tokens(masked[pk][a - ps0:b - ps0], a)
        if not toks or any(t.t[0] == _MASK for t in toks) and (
                prev_quote is None or prev_quote["end"] >= a - 1 or pk != k):
            return None     # (a title in quotes, a scare quote, is no speech: "On “Face the Nation,” X ...")
        att = self.attribute_before(toks, 0)
        if att is not None and att[2] != "according_to":
            np, (verb, vclass), _how = att
        elif same_para:
            np = _clause_subject(toks, 0, len(toks) - 1, aside=True)
            if np is None:
                return None
        else:
            return None
        sp = self.resolve(toks, np, names, toks[np[0]].s)
        if not sp["canonical"]:
            return None
        sp["source"] = "previous" if sp["source"] in ("named", "description", "title") else sp["source"]
        return sp, verb, vclass

    def make_row(self, start, end, text, kind, speaker, verb, vclass, n_words, marks, problem, k):
        sp = speaker or {}
        canonical = sp.get("canonical", "")
        stype = ""
        if kind != "scare":
            stype = _type_of(sp.get("roles", []) + [canonical], canonical, *self.types) if canonical else "unknown"
            if stype == "unknown" and sp and sp.get("source") == "description" and canonical:
                stype = "unknown"
        return {
            "article_id": self.aid, "outlet": self.outlet, "segment_id": self.paras[k][0],
            "text": text, "kind": kind, "start": start, "end": end,
            "speaker": canonical, "speaker_mention": sp.get("mention", ""),
            "speaker_start": sp.get("start", -1) if sp else -1,
            "speaker_end": sp.get("end", -1) if sp else -1,
            "speaker_type": stype, "speaker_source": sp.get("source", "") if sp else "",
            "verb": verb, "verb_class": vclass, "n_words": n_words, "marks": marks,
            "problem": problem,
        }

    def indirect(self, toks, names, a, b, quote_spans):
        """'X said (that) CONTENT.' / 'CONTENT, X said.' / 'According to X, CONTENT.'

        ``toks`` come from a sentence with no masked quote in it (the caller checks).
        """
        n = len(toks)
        # "CONTENT, X said (in a statement)." at the end of the sentence
        for k in range(n - 1, 1, -1):
            if n - k > 8:
                break
            t = toks[k]
            if t.cap or t.low not in _INDIRECT_VERB_FORMS or _verb_at(toks, k) is None:
                continue
            tail = toks[k + 1:]
            if any(x.low in ("that", "to") or x.low in _VERBS for x in tail):
                break
            j = _skip_back_adverbs(toks, k - 1, 0)
            np = _np_back(toks, j, 0) if j >= 0 else None
            if np and np[0] >= 2 and toks[np[0] - 1].t == ",":
                sp = self.resolve(toks, np, names, toks[np[0]].s)
                return self.indirect_row(toks[0].s, toks[np[0] - 1].s, sp, _VERBS[t.low])
            if j >= 1 and toks[j].t == ",":
                np = _np_fwd(toks, k + 1, n - 1)
                if np:
                    sp = self.resolve(toks, np, names, toks[np[0]].s)
                    return self.indirect_row(toks[0].s, toks[j].s, sp, _VERBS[t.low])
            break
        for k in range(n):
            t = toks[k]
            if t.low == "according" and k + 1 < n and toks[k + 1].low == "to":
                np = _np_fwd(toks, k + 2, n - 1)
                if np is None:
                    return None
                if k == 0:
                    m = np[1] + 1
                    if m < n and toks[m].t == ",":
                        cs, ce = toks[m + 1].s if m + 1 < n else b, toks[-1].e
                    else:
                        return None
                else:
                    cs, ce = toks[0].s, toks[k - 1].s
                sp = self.resolve(toks, np, names, toks[k].s)
                sp["source"] = "according_to" if sp["source"] in ("named", "description") else sp["source"]
                return self.indirect_row(cs, ce, sp, ("according to", "neutral"))
            if t.cap or t.low not in _INDIRECT_VERB_FORMS:
                continue
            v = _verb_at(toks, k)
            if v is None:
                continue
            j = _skip_back_adverbs(toks, k - 1, 0, ly=True)
            # CONTENT, X said.
            if j >= 0 and k + 1 < n and toks[k + 1].t in (".", "!", "?") or (k + 1 == n):
                np = _np_back(toks, j, 0) if j >= 0 else None
                if np and np[0] >= 2 and toks[np[0] - 1].t == ",":
                    sp = self.resolve(toks, np, names, toks[np[0]].s)
                    return self.indirect_row(toks[0].s, toks[np[0] - 1].s, sp, v)
                continue
            if j >= 0 and toks[j].t == "," and k + 1 < n:
                # "CONTENT, said X." inverted
                np = _np_fwd(toks, k + 1, n - 1)
                if np and (np[1] + 1 >= n or toks[np[1] + 1].t in (".", ",")):
                    sp = self.resolve(toks, np, names, toks[np[0]].s)
                    return self.indirect_row(toks[0].s, toks[j].s, sp, v)
                if toks[k].low in _PARTICIPLE_OK:
                    np = _clause_subject(toks, 0, k - 1) or _sentence_subject(toks, 0, k - 1)
                    if np:
                        sp = self.resolve(toks, np, names, toks[np[0]].s)
                        c0 = k + 1
                        if c0 < n and toks[c0].low == "that":
                            c0 += 1
                        if c0 < n:
                            return self.indirect_row(toks[c0].s, toks[-1].e if toks[-1].t not in ".!?" else toks[-1].s, sp, v)
                continue
            if j < 0:
                continue
            np = _np_back(toks, j, 0)
            if np is None and toks[j].low in ("by",) and toks[k].low.endswith("ing"):
                np = _sentence_subject(toks, 0, j - 1)
            if np is None:
                continue
            c0 = k + 1
            if v[0] == "tell":
                # "told reporters (that)"
                m = c0
                while m < n and m - c0 < 4 and toks[m].low not in ("that",) and toks[m].t not in (",", ":"):
                    m += 1
                if m < n and toks[m].low == "that":
                    c0 = m
                else:
                    continue
            if c0 < n and toks[c0].low == "that":
                c0 += 1
            elif c0 < n and toks[c0].t in (",", ":"):
                c0 += 1
            elif c0 < n and (toks[c0].low in _PREPS or toks[c0].low in _NP_STOP_NEXT or toks[c0].t in (".",)):
                continue        # "responded for comment", "said on Monday.": no reported content
            if c0 >= n - 1:
                continue
            end = toks[-1].s if toks[-1].t in (".", "!", "?") else toks[-1].e
            if end - toks[c0].s < 12:
                continue
            sp = self.resolve(toks, np, names, toks[np[0]].s)
            return self.indirect_row(toks[c0].s, end, sp, v)
        return None

    def indirect_row(self, cs, ce, sp, v):
        m = _WRITER_CLAUSE_RE.search(self.folded, cs, ce)
        if m is not None:
            ce = m.start()      # "..., while Díaz has left the platform": the writer's own clause
        while ce > cs and self.text[ce - 1] in " ,;:":
            ce -= 1
        k = self.para_index(cs)
        txt = self.text[cs:ce]
        row = self.make_row(cs, ce, txt, "indirect", sp, v[0], v[1], len(_WORD_RE.findall(txt)), "", "",
                            k if k is not None else 0)
        row["pos"] = cs
        row["_sp"] = sp
        return row


_WRITER_CLAUSE_RE = re.compile(r", (?:while|whereas) ")
#: words that go on a name after "U.S." ("U.S. Attorney", "the U.S. Senate"), not
#: a new sentence
_AFTER_US_RE = re.compile(
    r"(?:Attorney|Attorneys|Ambassador|Senator|Sen\.|Rep\.|Representative|Secretary|District|Army|Navy|Air Force|"
    r"Marine|Marines|Coast Guard|Court|Supreme|Department|Embassy|Congress|Senate|House|Chamber|Capitol|"
    r"Military|Customs|Border|Treasury|Intelligence|Census|Olympic|Trade|Agency|Government|Attorney's|"
    r"Marshal|Marshals|Commission|Conference|Postal|Forest|Special|Central|Southern|Northern|Eastern|"
    r"Western|Naval|Defense|State Department|Justice|Consulate|Mission|Envoy)\b")
# he/his/him/himself, she/her/hers/herself as whole words; written to start with
# a character class so the engine skips fast to the next h or s
_GENDER_PRON_RE = re.compile(r"[HhSs](?<![\w][HhSs])(?:(?<=[Ss])he|(?<=[Hh])(?:e|is|im|imself|er|ers|erself))\b")
# a name (up to four capitalised words) directly followed by a reporting verb
_SAYS_AFTER_NAME_RE = re.compile(r"(?:[A-Z][\w.'\-]*\s+){1,4}(?:said|says|told|tells|added|argued|wrote|insisted|claimed)\b")
# compiled once here rather than looked up in the ``re`` cache on every quote
_PAREN_END_RE = re.compile(r"\s*\([^)]*\)$")
_ATTRIB_OPEN_RE = re.compile(r"\s*,?\s*(?:[a-z]|said|says)")
_LETTER_RE = re.compile(r"[^\W\d_]")
_INNER_SENTENCE_END_RE = re.compile(r"[.!?]\s+[A-Z]")


@lru_cache(maxsize=4096)
def _indefinite_re(head: str) -> re.Pattern:
    """An indefinite mention of ``head``: "an expert report", "a new report"."""
    return re.compile(r"\b(?i:an?|one)\s+((?:[\w\-]+\s+){0,2}?)" + re.escape(head) + r"\b")


# a naming word right before the quote ("so-called", "dubbed"). It is searched in
# the stripped words before the quote, so a match lies within the last few
# characters: the search starts 64 characters from the end, not at the start.
#: words right before a quoted title that make it the name of a show, book or
#: film ("on CNN's “State of the Union”", "the podcast “...”", "told “Today”")
_TITLE_BEFORE = {"show", "program", "programme", "podcast", "broadcast", "series", "film", "movie", "book",
                 "memoir", "song", "album", "column", "newsletter", "documentary", "sitcom", "novel",
                 "musical", "play", "episode", "segment", "titled", "entitled", "told", "tells", "telling",
                 "visited", "hosts", "hosted", "hosting", "starred", "stars", "starring"}
_WORK_NOUNS = {"show", "program", "programme", "podcast", "series", "film", "movie", "book", "memoir", "song",
               "album", "newsletter", "documentary", "sitcom", "novel", "musical", "play", "episode"}
#: words right after one ("“Morning Joe” host", "the “Avatar” star")
_TITLE_AFTER = {"host", "hosts", "co-host", "anchor", "star", "stars", "show", "program", "programme",
                "podcast", "broadcast", "series", "film", "movie", "book", "memoir", "song", "album",
                "reboot", "episode", "segment", "sitcom", "actor", "actress", "creator", "producer"}


def _names_a_title(before_toks, after_toks, works_only: bool = False) -> bool:
    """Whether capitalised quoted words are the title of a show, book or film by
    their context, even next to an attribution: after a possessive ("CNN's
    “State of the Union,”"), after a word naming a work or an addressee
    ("the podcast “...”", "told “Today”"), or before one ("“Morning Joe” host").
    ``works_only``: only a word naming a work right before, or before a comma
    ("the memoir, “...”"), counts (for quoted words that end a sentence)."""
    if before_toks:
        b = before_toks[-1]
        if works_only:
            if b.t == "," and len(before_toks) > 1:
                b = before_toks[-2]
            return b.low in _WORK_NOUNS
        if _is_poss(b) or b.low in _TITLE_BEFORE:
            return True
    for t in after_toks[:2]:
        if t.word:
            return t.low in _TITLE_AFTER
    return False


_NAMING_END_RE = re.compile(r"(?:so-called|dubbed|nicknamed|known as|termed|labeled|labelled|titled|entitled)\s*$",
                            re.I)


def _clean_name(text, s, e, name):
    return name.strip(" ,.;:")


def _kept_paragraphs(segments: pd.DataFrame) -> dict:
    segs = segments
    if "kept" in segs.columns:
        segs = segs[segs["kept"].astype(bool)]
    out: dict = {}
    # plain lists iterate much faster than (Arrow-backed) Series
    for aid, sid, s, e in zip(segs["article_id"].tolist(), segs["segment_id"].tolist(),
                              segs["start"].tolist(), segs["end"].tolist()):
        out.setdefault(aid, []).append((int(sid), int(s), int(e)))
    for v in out.values():
        v.sort(key=lambda x: x[1])
    return out


def extract(articles: pd.DataFrame, segments: pd.DataFrame, *, indirect: bool = True,
            max_gap_paragraphs: int = 2, min_partial_words: int = 4, verbs_path: str | None = None,
            speaker_types_path: str | None = None) -> pd.DataFrame:
    """Extract every quote from the kept segments of every article.

    Parameters
    ----------
    articles : DataFrame
        The ``articles`` table (``article_id``, ``outlet``, ``text``; rows
        with ``status == "error"`` are skipped).
    segments : DataFrame
        The ``segments`` table; only rows with ``kept`` true are read.
    indirect : bool
        Also report indirect speech ("X said that ...") as ``kind="indirect"``.
    max_gap_paragraphs : int
        A direct quote with no attribution in its sentence inherits the
        previous quote's speaker when that quote is at most this many
        paragraphs back.
    min_partial_words : int
        Quoted words inside the writer's sentence with no reporting cue in the
        sentence count as speech (``partial``) from this many words up;
        shorter ones are ``scare`` quotes.
    verbs_path, speaker_types_path : str, optional
        Replacement lexicons (same columns as the shipped CSV files).

    Returns
    -------
    DataFrame with columns :data:`COLUMNS`, one row per quote, in reading
    order; ``quote_id`` is ``"<article_id>:q<n>"``.
    """
    verbs = load_verbs(verbs_path)
    types = load_speaker_types(speaker_types_path)
    _TYPE_TABLES[(id(types[0]), id(types[1]))] = types      # kept alive by load_speaker_types' cache
    paras = _kept_paragraphs(segments)
    rows = []
    status = articles["status"] if "status" in articles.columns else pd.Series("ok", index=articles.index)
    outlets = articles["outlet"] if "outlet" in articles.columns else articles["article_id"]
    for aid, outlet, text, st in zip(articles["article_id"].tolist(), outlets.tolist(),
                                     articles["text"].tolist(), status.tolist()):
        if st == "error" or not isinstance(text, str) or not text or aid not in paras:
            continue
        art = _Article(aid, outlet, text, paras[aid], verbs, types, indirect)
        art_rows = art.run(max_gap_paragraphs=max_gap_paragraphs, min_partial_words=min_partial_words)
        # break the article <-> sentence-table reference cycle: the article's
        # tokens and tables are then freed at once by reference counting
        # instead of piling up for the cyclic garbage collector
        art.sent_lists = None
        if not indirect:
            art_rows = [r for r in art_rows if r["kind"] != "indirect"]
        art_rows.sort(key=lambda r: (r["start"], r["end"]))
        for n, r in enumerate(art_rows):
            r["quote_id"] = f"{aid}:q{n}"
            rows.append(r)
    frame = pd.DataFrame.from_records(rows, columns=COLUMNS)
    if frame.empty:
        frame = pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})
    return frame.astype({"segment_id": "int64", "start": "int64", "end": "int64",
                         "speaker_start": "int64", "speaker_end": "int64", "n_words": "int64"})


#: Keys of :func:`outlet_partial`'s counts: every quote measure of
#: :func:`outlet_summary` is a sum over these groups.
_OUTLET_KEYS = ["outlet", "kind", "speaker_type", "verb_class"]


def outlet_partial(quotes: pd.DataFrame) -> dict:
    """The quote measures of :func:`outlet_summary` as additive counts, so
    that the summary of a corpus can be computed chunk by chunk of whole
    articles (:func:`outlet_combine`, then :func:`outlet_finish`).

    ``rows``: quotes and their words per outlet x kind x speaker type x verb
    class (missing values kept as keys); ``speakers``: distinct (article,
    speaker) pairs per outlet, which add up across chunks because an
    article's quotes are all in one chunk.
    """
    q = quotes
    rows = q.assign(_n=1).groupby(_OUTLET_KEYS, dropna=False, sort=False) \
        .agg(n=("_n", "sum"), n_words=("n_words", "sum")).reset_index()
    speech = q[q["kind"].isin(["direct", "partial", "indirect"])]
    spk = speech[speech["speaker"] != ""]
    pairs = spk[["outlet", "article_id", "speaker"]].drop_duplicates()
    speakers = pairs.groupby("outlet").size().rename("n").reset_index()
    return {"rows": rows, "speakers": speakers}


def _concat_nonempty(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Concatenated frames, empty ones left out (they may carry other dtypes)."""
    keep = [f for f in frames if len(f)] or frames[:1]
    return pd.concat(keep, ignore_index=True)


def outlet_combine(partials: list[dict]) -> dict:
    """One :func:`outlet_partial` for the union of the partials' chunks (exact:
    counts and word sums added)."""
    rows = _concat_nonempty([p["rows"] for p in partials])
    rows = rows.groupby(_OUTLET_KEYS, dropna=False, sort=False)[["n", "n_words"]].sum().reset_index()
    speakers = _concat_nonempty([p["speakers"] for p in partials])
    speakers = speakers.groupby("outlet", sort=False)["n"].sum().reset_index()
    return {"rows": rows, "speakers": speakers}


def outlet_finish(partial: dict, articles: pd.DataFrame) -> pd.DataFrame:
    """:func:`outlet_summary` from an :func:`outlet_partial` of the whole corpus."""
    outlets = articles["outlet"] if "outlet" in articles.columns else articles["article_id"]
    n_articles = outlets.value_counts()
    q = partial["rows"]
    speech = q[q["kind"].isin(["direct", "partial", "indirect"])]
    marked = q[q["kind"].isin(["direct", "partial"])]
    out = pd.DataFrame({"outlet": sorted(set(outlets))})
    out = out.set_index("outlet")
    out["quotes_n"] = speech.groupby("outlet")["n"].sum()
    for kind in KINDS:
        out[f"quotes_n_{kind}"] = q[q["kind"] == kind].groupby("outlet")["n"].sum()
    count_cols = [c for c in out.columns if c.startswith("quotes_n")]
    out[count_cols] = out[count_cols].fillna(0).astype("int64")
    out["quotes_per_article"] = out["quotes_n"] / n_articles.reindex(out.index).astype(float)
    words = marked.groupby("outlet")["n_words"].sum()
    by_type = marked.groupby(["outlet", "speaker_type"])["n_words"].sum()
    for typ in SPEAKER_TYPES:
        num = by_type.xs(typ, level="speaker_type") if typ in by_type.index.get_level_values(1) else pd.Series(dtype=float)
        share = num.reindex(out.index).fillna(0) / words.reindex(out.index)
        out[f"quotes_words_share_{typ}"] = share.where(words.reindex(out.index) > 0)
    out["quotes_n_speakers"] = partial["speakers"].groupby("outlet")["n"].sum().reindex(out.index).fillna(0) \
        .astype("int64")
    n_speech = speech.groupby("outlet")["n"].sum().reindex(out.index)
    for typ in ("official", "regulator_or_body", "company_or_platform", "tech_owner"):
        num = speech[speech["speaker_type"] == typ].groupby("outlet")["n"].sum().reindex(out.index).fillna(0)
        out[f"quotes_share_{typ}"] = (num / n_speech).where(n_speech > 0)
    att = speech[speech["verb_class"] != ""]
    n_att = att.groupby("outlet")["n"].sum().reindex(out.index)
    nonneutral = att[att["verb_class"] != "neutral"].groupby("outlet")["n"].sum().reindex(out.index).fillna(0)
    out["quotes_share_nonneutral_verbs"] = (nonneutral / n_att).where(n_att > 0)
    return out.reset_index()


def outlet_summary(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per outlet with the quote measures (columns prefixed ``quotes_``).

    * ``quotes_n_<kind>`` for each kind, ``quotes_n`` (direct + partial +
      indirect, i.e. reported speech) and ``quotes_per_article``;
    * ``quotes_words_share_<type>``: share of the words inside quotation marks
      (direct + partial) spoken by each speaker type;
    * ``quotes_n_speakers``: distinct canonical speakers (per article, so the
      same name in two articles counts twice until aliases are resolved);
    * ``quotes_share_official`` / ``_regulator_or_body`` /
      ``_company_or_platform`` / ``_tech_owner``: share of reported-speech
      quotes given to each of these types;
    * ``quotes_share_nonneutral_verbs``: share of attributed quotes whose
      reporting verb is assertive or evaluative.
    Shares are NaN for an outlet with no quote to divide by.
    """
    return outlet_finish(outlet_partial(quotes), articles)
