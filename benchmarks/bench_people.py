"""Score framing.people on GUM news (person and official detection).

Runs the project's own code path -- ``framing.corpus.load`` on
``gum_news/people.jsonl``, ``framing.clean.segment``, ``framing.quotes.extract``
(when installed) and ``framing.people.extract`` -- and scores the people table
by the benchmark README's rule: per document, the set of last tokens of the
names predicted as persons against the last tokens of ``scored`` gold people
(micro-averaged over documents); officials the same with ``is_official``.

Predictions whose key matches a *non-scored* named gold entity (a group, a
fictional character, a name inside an institution's name) are IGNORED (neither
correct nor wrong), as the README allows; the figure that counts them as false
positives is printed too. For officials, predictions whose key belongs to a
scored person with ``is_official: null`` are ignored, as the README says.

The whole benchmark is a test set: nothing in framing is tuned on it, and this
script prints only numbers, never the articles' text.

Usage::

    .venv/bin/python benchmarks/bench_people.py [--data DIR_OR_FILE] [--keep-all] [--json]

``--data`` defaults to ``$FRAMING_BENCHMARKS/gum_news`` or
``../shared/benchmarks/gum_news`` relative to the repository root.
``--keep-all`` keeps every segment (the cleaner sets image credits and captions
aside, but GUM scores the people named in credits); the default is the
pipeline's own behaviour.

Texts: Wikinews (https://en.wikinews.org), CC BY 2.5.
Annotations: the GUM corpus (Zeldes 2017; https://github.com/amir-zeldes/gum), CC BY 4.0.
People/official labels derived for this benchmark.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from framing import clean, corpus, people  # noqa: E402


def last_token(name: str) -> str:
    """The README's key: the last word of a name, lower case, no possessive."""
    tok = name.split()[-1].lower()
    tok = re.sub(r"['\u2019]s?$", "", tok)
    return tok.strip(".,;:!?\"'()[]")


def default_data() -> Path:
    env = os.environ.get("FRAMING_BENCHMARKS")
    base = Path(env) if env else ROOT.parent / "shared" / "benchmarks"
    return base / "gum_news"


def gold_sets(doc: dict) -> dict:
    scored = [p for p in doc["people"] if p.get("scored")]
    named_unscored = [p for p in doc["people"] if p.get("name") and not p.get("scored")]
    return {
        "person": {last_token(p["name"]) for p in scored},
        "official": {last_token(p["name"]) for p in scored if p.get("is_official") is True},
        "official_null": {last_token(p["name"]) for p in scored if p.get("is_official") is None},
        "ignorable": {last_token(p["name"]) for p in named_unscored},
    }


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(docs: list[dict], table, *, exclude: tuple = ()) -> dict:
    persons = table[table["entity_type"] == "person"] if len(table) else table
    pred_by_doc: dict = {}
    off_by_doc: dict = {}
    for r in persons.itertuples(index=False):
        key = last_token(r.name) if isinstance(r.name, str) and r.name.strip() else ""
        if not key:
            continue
        pred_by_doc.setdefault(r.article_id, set()).add(key)
        if bool(r.is_official):
            off_by_doc.setdefault(r.article_id, set()).add(key)
    c = {k: 0 for k in ("tp", "pred", "gold", "pred_strict", "otp", "opred", "ogold")}
    for doc in docs:
        if doc["id"] in exclude:
            continue
        g = gold_sets(doc)
        pred = pred_by_doc.get(doc["id"], set())
        counted = {k for k in pred if k in g["person"] or k not in g["ignorable"]}
        c["tp"] += len(pred & g["person"])
        c["pred"] += len(counted)
        c["pred_strict"] += len(pred)
        c["gold"] += len(g["person"])
        opred = {k for k in off_by_doc.get(doc["id"], set()) if k not in g["official_null"]}
        c["otp"] += len(opred & g["official"])
        c["opred"] += len(opred)
        c["ogold"] += len(g["official"])
    return {"person": prf(c["tp"], c["pred"], c["gold"]),
            "person_strict": prf(c["tp"], c["pred_strict"], c["gold"]),
            "official": prf(c["otp"], c["opred"], c["ogold"]),
            "counts": c}


def run(path: Path, *, keep_all: bool = False) -> dict:
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    t0 = time.perf_counter()
    articles = corpus.load(path)
    t1 = time.perf_counter()
    segments = clean.segment(articles)
    dropped = segments[~segments["kept"]]
    if keep_all:
        segments = segments.assign(kept=True, reason="")
    try:
        from framing import quotes as Q
        qt = Q.extract(articles, segments)
    except ImportError:
        qt = None
    table = people.extract(articles, segments, qt)
    t2 = time.perf_counter()
    t_people0 = time.perf_counter()
    people.extract(articles, segments, qt)
    t_people = time.perf_counter() - t_people0
    return {"docs": docs, "table": table, "n": len(articles), "seconds": t2 - t1, "load_seconds": t1 - t0,
            "people_seconds": t_people, "dropped_segments": len(dropped),
            "dropped_reasons": dropped["reason"].str.split(" \\(").str[0].value_counts().to_dict()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=None, help="gum_news folder or its people.jsonl")
    ap.add_argument("--keep-all", action="store_true", help="keep every segment (credits and captions too)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    path = args.data or default_data()
    if path.is_dir():
        path = path / "people.jsonl"
    if not path.exists():
        print(f"{path}: not found; give --data or set FRAMING_BENCHMARKS", file=sys.stderr)
        return 2
    res = run(path, keep_all=args.keep_all)
    docs, table = res["docs"], res["table"]
    all_s = score(docs, table)
    no_el = score(docs, table, exclude=("GUM_news_election",))
    out = {
        "articles": res["n"], "keep_all": args.keep_all,
        "person": dict(zip("prf", all_s["person"])),
        "person_counting_unscored_as_wrong": dict(zip("prf", all_s["person_strict"])),
        "official": dict(zip("prf", all_s["official"])),
        "official_without_election": dict(zip("prf", no_el["official"])),
        "person_without_election": dict(zip("prf", no_el["person"])),
        "counts": all_s["counts"],
        "articles_per_second_segment_quotes_people": res["n"] / res["seconds"] if res["seconds"] else None,
        "articles_per_second_people_only": res["n"] / res["people_seconds"] if res["people_seconds"] else None,
        "segments_set_aside": res["dropped_segments"], "set_aside_reasons": res["dropped_reasons"],
    }
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    print(f"gum_news: {res['n']} articles ({'every segment kept' if args.keep_all else 'pipeline segments'}; "
          f"{res['dropped_segments']} segments set aside by clean.segment: {res['dropped_reasons']})")
    for label, key in (("person", "person"), ("person (unscored matches counted wrong)", "person_counting_unscored_as_wrong"),
                       ("person without election", "person_without_election"),
                       ("official", "official"), ("official without election", "official_without_election")):
        v = out[key]
        print(f"  {label:42s} P {v['p']:.3f}  R {v['r']:.3f}  F1 {v['f']:.3f}")
    c = out["counts"]
    print(f"  keys: person tp {c['tp']} / pred {c['pred']} (raw {c['pred_strict']}) / gold {c['gold']}; "
          f"official tp {c['otp']} / pred {c['opred']} / gold {c['ogold']}")
    print(f"  speed: {out['articles_per_second_segment_quotes_people']:.0f} articles/s (segment+quotes+people), "
          f"{out['articles_per_second_people_only']:.0f} articles/s (people only), one core")
    print("Texts: Wikinews, CC BY 2.5. Annotations: the GUM corpus (Zeldes 2017), CC BY 4.0. "
          "People/official labels derived for this benchmark.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
