"""Rebuild attitude_positive.csv and attitude_negative.csv from the VADER lexicon.

Usage (from a folder holding the unpacked vaderSentiment-3.3.2 wheel)::

    pip download vaderSentiment==3.3.2 --no-deps -d /tmp/vader
    cd /tmp/vader && unzip -q vaderSentiment-3.3.2-py2.py3-none-any.whl
    python build_attitude.py /tmp/vader/vaderSentiment/vader_lexicon.txt OUT_DIR

The rules are the ones documented in attitude_positive.csv.SOURCE.md; this
script is the exact record of them. It is not imported by the package.
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

# VADER's file lists emoticons and chat acronyms first; its word list starts here.
FIRST_WORD = "abandon"
WORD = re.compile(r"[a-z]+(?:[-'][a-z]+)*")
# Chat slang and emoticons that also appear inside VADER's word list.
CHAT = {"lmao", "lol", "haha", "wow", "yeah", "x-d", "x-p", "damn"}
# Words that name the events of a news story rather than evaluate them.
EVENT_STEMS = re.compile(
    r"^(?:abus|crim|illegal|violen|victim|penalt|prosecut|terroris[mt]|kill|dead|death|guilt|innocen|"
    r"porn|sex|nude|rape|rapin|rapist|murder|assault|arrest|jail|prison|fraud|steal|stole|drug|"
    r"disease|cancer|injur)")
EVENT_WORDS = {"ban", "bans", "banned", "banning", "offence", "offences", "offense", "offenses",
               "offending", "war", "wars", "weapon", "weapons", "naked", "thief", "theft",
               "harm", "harms", "harmed", "harming", "lawsuit", "lawsuits", "sue", "sued", "suing",
               "fine", "fined", "fines", "charge", "charges", "charged", "charging"}
EVENT_PREFIX = re.compile(r"^(?:sentenc|convict)")
# Polysemous or grammatical words rarely evaluative in news, and reporting verbs.
POLYSEMOUS = {
    "like", "liked", "likes", "no", "yes", "ok", "well", "kind", "please", "share", "shared",
    "shares", "united", "care", "party", "parties", "play", "played", "plays", "fan", "god",
    "hell", "agree", "agreed", "agreement", "approval", "approve", "approved", "support",
    "supported", "supports", "supporting", "interest", "interests", "interested", "credit",
    "credits", "save", "saved", "win", "wins", "winner", "won", "lose", "losing", "lost", "loss",
    "losses", "major", "matter", "reach", "reached", "grant", "granted", "right", "rights",
    "order", "ordered", "commit", "committed", "commitment", "joint", "want", "welcome",
    "welcomed", "block", "blocked", "limit", "fire", "fired", "firing", "shoot", "shot", "cut",
    "cuts", "hit", "create", "created", "creates", "creating", "creation", "creations",
    "intelligence", "supreme", "argue", "argued", "argues", "arguing", "argument", "arguments",
    "critic", "critics", "combat", "warn", "warned", "warning", "warnings", "cool", "pretty",
    "super", "sexy", "deadlock", "killdeer", "killjoy", "killjoys",
}
# Already boosters (boosters.csv): not counted twice.
BOOSTERS = {"clear", "clearly", "true", "truly", "certain", "certainly", "sure", "surely",
            "strong", "strongly"}


def keep(term: str, mean: float, sd: float) -> bool:
    """Whether a VADER entry (a word list entry) joins an attitude list."""
    if not WORD.fullmatch(term) or len(term) < 3 or abs(mean) < 1.0 or sd > 1.5:
        return False
    if term in CHAT or term in EVENT_WORDS or term in POLYSEMOUS or term in BOOSTERS:
        return False
    return not (EVENT_STEMS.match(term) or EVENT_PREFIX.match(term))


def build(lexicon: Path) -> tuple[list, list]:
    rows, started, seen = [], False, set()
    for line in lexicon.read_text(encoding="utf-8").splitlines():
        term, mean, sd = line.split("\t")[:3]
        started = started or term == FIRST_WORD
        if not started or term in seen:     # VADER repeats a few entries: the first stays
            continue
        seen.add(term)
        if keep(term, float(mean), float(sd)):
            rows.append((term, mean, sd, "vader-3.3.2"))
    rows.sort()
    return [r for r in rows if float(r[1]) > 0], [r for r in rows if float(r[1]) < 0]


def main(lexicon: str, out_dir: str) -> None:
    pos, neg = build(Path(lexicon))
    for name, rows in (("attitude_positive.csv", pos), ("attitude_negative.csv", neg)):
        with open(Path(out_dir) / name, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["term", "valence", "sd", "source"])
            w.writerows(rows)
        print(name, len(rows))


if __name__ == "__main__":
    main(*sys.argv[1:3])
