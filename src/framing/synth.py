"""Generate a large, realistic synthetic corpus from the seed articles.

For speed and memory benchmarks without external data: ``framing synth
100000 --out big.jsonl``. Each synthetic article recombines sentences of the
seeds' *kept* paragraphs (so quotes, officials and stance words occur at seed
rates), varies the people's names and the outlet, and carries the seeds'
messiness at about their rate: page chrome, photo captions, repeated
paragraphs and summary bullets, an unrelated story appended after a
timestamp, a machine-generated FAQ block, and syndicated copies of an earlier
article under another outlet.

Generation is deterministic: the same ``n``, seeds and ``seed`` give the same
bytes. Article ``i`` depends only on ``(seed, i)``, so a prefix of a larger
corpus equals the smaller corpus.

The seed text is read at run time from ``seeds`` (default: the repository's
``seeds/`` folder when present); the package ships no third-party text. The
invented outlet and person names below are made up from common words and
names.

Examples
--------
>>> from framing import synth
>>> path = synth.write_corpus(100, "/tmp/synth.jsonl", seed=1)   # doctest: +SKIP
"""
from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["write_corpus", "generate", "SeedPool", "default_seeds"]

# Invented outlets (adjective x noun) and person names (common given names and
# surnames); none refers to a real outlet.
_OUTLET_A = ["Daily", "Morning", "Evening", "Northern", "Southern", "Coastal", "Capital", "Metro",
             "Continental", "Harbour", "Valley", "Central"]
_OUTLET_B = ["Ledger", "Courier", "Dispatch", "Chronicle", "Observer", "Bulletin", "Gazette", "Wire",
             "Review", "Tribune"]
_FIRST = ["Ana", "Luis", "Marta", "Jorge", "Clara", "Pablo", "Irene", "Tomas", "Nadia", "Omar",
          "Elena", "Victor", "Sofia", "Hugo", "Lena", "Marco", "Rosa", "Diego", "Alba", "Karim",
          "Julia", "Andres", "Noor", "Felix"]
_LAST = ["Morales", "Varga", "Lindqvist", "Okafor", "Castell", "Brennan", "Moreau", "Ferreira",
         "Navarro", "Kowalski", "Haddad", "Ibarra", "Delgado", "Novak", "Serrano", "Quintana",
         "Aldana", "Rivas", "Bertrand", "Mendez", "Soler", "Arroyo", "Fuentes", "Lozano"]
_ROLE = (r"(?:Minister|President|Commissioner|Prosecutor|General|Chancellor|spokesperson|spokesman|"
         r"spokeswoman|founder|CEO|chief|leader|owner|Judge|Senator|Secretary)")
_NAME = r"[A-Z][a-zá-úñç'-]+ [A-Z][a-zá-úñç'-]+"
_NAME_AFTER_ROLE = re.compile(rf"\b{_ROLE},? ({_NAME})\b")
_NAME_BEFORE_SAID = re.compile(rf"\b({_NAME}),?(?: [a-z]+){{0,1}} (?:said|says|told|wrote|added)\b")
_SENT = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z“\"‘'])")
# A full stop after these is not the end of a sentence ("Mr. Sánchez").
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Jr|Sr|No|Inc|Corp|Co|vs)"
                     r"|\b[A-Z]|\b[A-Z]\.[A-Z])\.$")
_OPEN, _CLOSE = "“\"", "”\""
_TIMESTAMPS = ["Updated {d} February 2026", "Published {d} Feb 2026, {h}:{m:02d}", "Updated {h} min ago"]


def default_seeds() -> Path | None:
    """The repository's ``seeds/`` folder, when the package runs from a checkout."""
    here = Path(__file__).resolve()
    for parent in here.parents[:4]:
        candidate = parent / "seeds"
        if candidate.is_dir() and any(candidate.glob("*.txt")):
            return candidate
    return None


def _sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences, never inside a double-quoted stretch
    nor after an abbreviation.

    >>> _sentences('Mr. Ruiz met U.S. officials. "We agree. Fully," he said. Talks end.')
    ['Mr. Ruiz met U.S. officials.', '"We agree. Fully," he said.', 'Talks end.']
    """
    parts = [p for p in _SENT.split(paragraph) if p.strip()]
    out: list[str] = []
    for p in parts:
        if out and (out[-1].count("“") > out[-1].count("”") or out[-1].count('"') % 2
                    or _ABBREV.search(out[-1])):
            out[-1] = f"{out[-1]} {p}"
        else:
            out.append(p)
    return out


@dataclass
class SeedPool:
    """What the generator draws from, taken from the seed corpus."""
    sentences: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    chrome: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    appended: list[str] = field(default_factory=list)
    faq: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)

    @classmethod
    def from_seeds(cls, seeds) -> "SeedPool":
        from . import clean, corpus
        arts = corpus.load(seeds)
        arts = arts[arts["status"].isin(["ok", "warning"])]
        segs = clean.segment(arts)
        pool = cls()
        texts = dict(zip(arts["article_id"], arts["text"]))
        for aid, group in segs.groupby("article_id", sort=True):
            text = texts[aid]
            for row in group.itertuples():
                if row.kept and row.kind == "paragraph":
                    pool.sentences.extend(_sentences(row.text))
                elif row.kept and row.kind == "title":
                    pool.titles.append(row.text)
                elif row.kept and row.kind == "heading":
                    pool.headings.append(row.text)
                elif row.kind == "chrome" and row.reason.startswith("page chrome"):
                    pool.chrome.append(row.text)
                elif row.kind == "caption":
                    pool.captions.append(row.text)
            for label, target in (("appended unrelated story", pool.appended),
                                  ("machine-generated", pool.faq)):
                block = group[group["reason"].str.startswith(label)]
                if len(block):
                    target.append(text[int(block["start"].iloc[0]):].strip())
        pool.titles += [t for t in arts["title"] if t and t not in pool.titles]
        if not pool.titles:
            pool.titles = [s for s in pool.sentences if len(s.split()) <= 20][:5]
        all_text = "\n".join(texts.values())
        names = set(_NAME_AFTER_ROLE.findall(all_text)) | set(_NAME_BEFORE_SAID.findall(all_text))
        pool.names = sorted(n for n in names if not n.split()[0] in ("The", "On", "In", "Spanish"))
        if not pool.sentences:
            raise ValueError(f"{seeds}: no kept paragraphs to recombine")
        return pool


def _rename(text: str, mapping: dict[str, str]) -> str:
    for old, new in mapping.items():
        text = text.replace(old, new)
        text = re.sub(rf"\b{re.escape(old.split()[-1])}\b", new.split()[-1], text)
    return text


def _article(pool: SeedPool, rng: random.Random, words_target: int) -> tuple[str, str]:
    """One article: (title, text)."""
    mapping = {n: f"{rng.choice(_FIRST)} {rng.choice(_LAST)}" for n in pool.names if rng.random() < 0.5}
    title = rng.choice(pool.titles)
    paragraphs: list[str] = []
    words = 0
    # Each sentence at most once per article (repeats are added on purpose
    # below); consecutive seed sentences read like a paragraph.
    order = list(range(len(pool.sentences)))
    rng.shuffle(order)
    used: set[int] = set()
    for start in order:
        if words >= words_target:
            break
        if start in used:
            continue
        picked = []
        for j in range(start, min(start + rng.choice((1, 2, 2, 3)), len(pool.sentences))):
            if j in used:
                break
            used.add(j)
            picked.append(pool.sentences[j])
        para = " ".join(picked)
        paragraphs.append(para)
        words += len(para.split())
        if pool.headings and rng.random() < 0.04:
            paragraphs.append(rng.choice(pool.headings))
    lines = [title]
    if pool.chrome and rng.random() < 0.15:
        lines += rng.sample(pool.chrome, k=min(len(pool.chrome), rng.randint(1, 3)))
    if pool.captions and rng.random() < 0.08:
        lines.insert(1, rng.choice(pool.captions))
    if rng.random() < 0.05:
        lines.append(title)  # repeated headline
    if rng.random() < 0.06 and len(paragraphs) > 3:
        lines.append("• " + paragraphs[rng.randrange(2, len(paragraphs))])  # summary bullet
    body = list(paragraphs)
    if rng.random() < 0.08 and len(body) > 4:
        i = rng.randrange(1, len(body) - 1)
        body.insert(rng.randrange(i + 1, len(body) + 1), body[i])  # repeated paragraph
    lines += body
    if pool.appended and rng.random() < 0.04:
        stamp = rng.choice(_TIMESTAMPS).format(d=rng.randint(1, 28), h=rng.randint(1, 23), m=rng.randint(0, 59))
        lines += [stamp, rng.choice(pool.appended)]
    elif pool.faq and rng.random() < 0.03:
        lines.append(rng.choice(pool.faq))
    text = _rename("\n".join(lines), mapping) + "\n"
    return _rename(title, mapping), text


def generate(n: int, *, seeds=None, seed: int = 0, pool: SeedPool | None = None):
    """Yield ``n`` synthetic article dicts (id, outlet, title, date, url, text)."""
    if pool is None:
        seeds = seeds if seeds is not None else default_seeds()
        if seeds is None:
            raise FileNotFoundError("no seed corpus found; pass seeds= (a folder of .txt articles)")
        pool = SeedPool.from_seeds(seeds)
    outlets = [f"The {a} {b}" for a in _OUTLET_A for b in _OUTLET_B]
    outlets = random.Random(seed).sample(outlets, 40)
    weights = [1 / (k + 1) for k in range(len(outlets))]  # a few big outlets, a long tail
    previous: dict | None = None
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        # A few records lack an outlet, as in real exports (each becomes its own group).
        outlet = rng.choices(outlets, weights)[0] if rng.random() > 0.03 else ""
        ident = f"synth-{seed}-{i:07d}"
        if previous is not None and rng.random() < 0.02:
            title, text = previous["title"], previous["text"]  # syndicated copy
        else:
            title, text = _article(pool, rng, rng.randint(420, 660))
        slug = re.sub(r"\W+", "-", outlet.lower()).strip("-") or "unknown"
        rec = {"id": ident, "outlet": outlet, "title": title if rng.random() < 0.8 else "",
               "date": f"2026-02-{rng.randint(1, 28):02d}", "url": f"https://example.org/{slug}/{i}",
               "text": text}
        # Only the previous article may be syndicated: memory stays bounded.
        previous = rec
        yield rec


def write_corpus(n: int, out, *, seeds=None, seed: int = 0, fmt: str = "jsonl") -> Path:
    """Write ``n`` synthetic articles; returns the path written.

    Parameters
    ----------
    n : int
        Number of articles.
    out : str or Path
        For ``fmt="jsonl"``: a ``.jsonl`` file, or a folder (``corpus.jsonl``
        is written inside). For ``fmt="txt"``: a folder of ``.txt`` files
        plus ``manifest.csv``.
    seeds : str or Path, optional
        Seed corpus (default: the repository's ``seeds/``).
    seed : int
        Random seed; the output is byte-identical for the same arguments.
    fmt : ``"jsonl"`` or ``"txt"``
    """
    out = Path(out)
    records = generate(n, seeds=seeds, seed=seed)
    if fmt == "jsonl":
        if out.suffix.lower() not in (".jsonl", ".ndjson"):
            out.mkdir(parents=True, exist_ok=True)
            out = out / "corpus.jsonl"
        out.parent.mkdir(parents=True, exist_ok=True)
        with open(out, "w", encoding="utf-8", newline="\n") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        return out
    if fmt == "txt":
        import csv
        out.mkdir(parents=True, exist_ok=True)
        with open(out / "manifest.csv", "w", encoding="utf-8", newline="") as mf:
            writer = csv.writer(mf, lineterminator="\n")
            writer.writerow(["article_id", "outlet", "title", "date", "url"])
            for rec in records:
                (out / f"{rec['id']}.txt").write_text(rec["text"], encoding="utf-8", newline="\n")
                writer.writerow([rec["id"], rec["outlet"], rec["title"], rec["date"], rec["url"]])
        return out
    raise ValueError(f"unknown format {fmt!r}; use 'jsonl' or 'txt'")
