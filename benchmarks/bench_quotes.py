"""Score ``framing.quotes.extract`` on PolNeAR and time it on the seeds.

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench_quotes.py --split dev
    .venv/bin/python benchmarks/bench_quotes.py --split test      # once per release

The corpus goes through the same path as ``framing analyze FILE.jsonl``:
``framing.corpus.load`` -> ``framing.clean.segment`` -> ``framing.quotes.extract``.

Scoring (see the issue and ``../shared/benchmarks/polnear/README.md``):

* gold quote units: the double-quoted stretches inside annotated contents of
  type ``direct`` or ``mixed`` (the words between the marks);
* predictions: rows of kind ``direct`` or ``partial`` whose marks are double
  quotation marks (PolNeAR's gold has no single-quote units);
* span P/R/F1 twice: exact (same start and end) and overlap (the prediction
  covers at least half of the gold characters), one-to-one;
* speaker accuracy on overlap-matched quotes whose gold has a speaker span:
  correct when the predicted speaker span overlaps the gold one, or when the
  canonical speaker shares the gold speaker's surname (last capitalised word),
  reported for named and pronoun gold speakers separately;
* full attribution (indirect speech included): gold = every annotated
  content; a prediction of kind direct/partial/indirect matches a content when
  they overlap by at least half of the shorter of the two; P = matched
  predictions / predictions, R = matched contents / contents.
* speed: articles per second on one core (one process), the five seeds
  repeated to at least ``--speed-articles`` articles.

The benchmark data is research-only; it is read from ``--data`` (default:
``$FRAMING_BENCHMARKS`` or ``../shared/benchmarks`` next to the repository)
and never copied into the project.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import unicodedata
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from framing import corpus, clean, quotes  # noqa: E402

DQ = '"“”„‟«»〝〞＂'
_DQ_RE = re.compile("[" + re.escape(DQ) + "]")


def fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


def gold_units(doc: dict) -> list[dict]:
    """Double-quoted stretches inside direct/mixed contents (deduplicated)."""
    text = doc["text"]
    seen = {}
    for q in doc["quotes"]:
        if q["type"] not in ("direct", "mixed"):
            continue
        marks = [m.start() for m in _DQ_RE.finditer(text, q["start"], q["end"])]
        for a, b in zip(marks[0::2], marks[1::2]):
            key = (a + 1, b)
            if b <= a + 1 or key in seen:
                continue
            seen[key] = {"start": a + 1, "end": b, "speaker": q.get("speaker"),
                         "speaker_start": q.get("speaker_start"), "speaker_end": q.get("speaker_end"),
                         "pronoun": bool(q.get("speaker_is_pronoun"))}
    return sorted(seen.values(), key=lambda g: g["start"])


def overlap(a0, a1, b0, b1) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


_NOT_SURNAMES = {"the", "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "jr", "sr", "ii", "iii", "iv"}
_APPOSITION_RE = re.compile(r"\s*(?:,|—|–|--|\s-\s|\bwho\b|\bwhose\b)")


def surname(s: str | None) -> str:
    """The gold speaker's surname: the last capitalised word of the name the
    span is about. Parentheticals ("(R-Texas)"), name suffixes ("Jr.") and
    possessives ("Trump's campaign" has no surname) are left out, and an
    apposition after the name is cut off ("Jason Sims — a teacher from Mount
    Pleasant" -> "sims"; "Priebus, the party chairman" -> "priebus").

    >>> surname("Sen. Ted Cruz (R-Texas)"), surname("Jason Sims — a teacher from Mount Pleasant")
    ('cruz', 'sims')
    """
    if not s:
        return ""
    s = re.sub(r"\([^)]*\)?", " ", s)
    s = re.split(r"\S+['’]s?\s", s)[-1]       # "Hillary Clinton’s right-hand woman": no surname
    cut = _APPOSITION_RE.search(s)
    if cut and re.search(r"[A-Z][\w.'’\-]*\s*$", s[:cut.start()]) and _caps(s[:cut.start()]):
        s = s[:cut.start()]           # "Jason Sims — a teacher from ...", not "state director, Mike Rubino"
    caps = _caps(s)
    return fold(caps[-1]) if caps else ""


def _caps(s: str) -> list[str]:
    return [c for c in re.findall(r"[A-Z][\w'’\-]+", s)
            if c.lower() not in _NOT_SURNAMES and not re.search(r"['’]s?$", c)]


def speaker_ok(pred: dict, gold: dict) -> bool:
    ps, pe = pred["speaker_start"], pred["speaker_end"]
    if ps >= 0 and overlap(ps, pe, gold["speaker_start"], gold["speaker_end"]) > 0:
        return True
    sur = surname(gold["speaker"])
    if sur and pred["speaker"]:
        return sur in {fold(re.sub(r"['’]s$", "", w)) for w in re.findall(r"[\w'’\-]+", pred["speaker"])}
    return False


def match(preds: list[dict], golds: list[dict], exact: bool) -> list[tuple[int, int]]:
    """Greedy one-to-one matching in reading order."""
    used = set()
    pairs = []
    for gi, g in enumerate(golds):
        best, best_ov = None, 0
        for pi, p in enumerate(preds):
            if pi in used:
                continue
            if exact:
                if p["start"] == g["start"] and p["end"] == g["end"]:
                    best = pi
                    break
            else:
                ov = overlap(p["start"], p["end"], g["start"], g["end"])
                if ov * 2 >= (g["end"] - g["start"]) and ov > best_ov:
                    best, best_ov = pi, ov
        if best is not None:
            used.add(best)
            pairs.append((best, gi))
    return pairs


def prf(tp_p, n_p, tp_g, n_g):
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(docs: list[dict], q: pd.DataFrame, show_errors: int = 0):
    by_doc = {aid: g for aid, g in q.groupby("article_id")}
    tot = dict(gold=0, pred=0, ex=0, ov=0, named=0, named_ok=0, pron=0, pron_ok=0,
               fa_gold=0, fa_pred=0, fa_gold_hit=0, fa_pred_hit=0, fa_sp=0, fa_sp_ok=0)
    errors = []
    for doc in docs:
        golds = gold_units(doc)
        qd = by_doc.get(doc["id"])
        rows = qd.to_dict("records") if qd is not None else []
        preds = [r for r in rows if r["kind"] in ("direct", "partial") and r["marks"][:1] in DQ]
        tot["gold"] += len(golds)
        tot["pred"] += len(preds)
        tot["ex"] += len(match(preds, golds, True))
        pairs = match(preds, golds, False)
        tot["ov"] += len(pairs)
        for pi, gi in pairs:
            g = golds[gi]
            if g["speaker_start"] is None:
                continue
            ok = speaker_ok(preds[pi], g)
            key = "pron" if g["pronoun"] else "named"
            tot[key] += 1
            tot[key + "_ok"] += ok
            if not ok:
                errors.append(("speaker", doc, preds[pi], g))
        matched_p = {pi for pi, _ in pairs}
        matched_g = {gi for _, gi in pairs}
        for pi, p in enumerate(preds):
            if pi not in matched_p:
                errors.append(("fp", doc, p, None))
        for gi, g in enumerate(golds):
            if gi not in matched_g:
                errors.append(("fn", doc, None, g))
        # full attribution
        contents = doc["quotes"]
        fpreds = [r for r in rows if r["kind"] in ("direct", "partial", "indirect")]
        tot["fa_gold"] += len(contents)
        tot["fa_pred"] += len(fpreds)
        hit_g = set()
        for r in fpreds:
            hit = False
            for gi, c in enumerate(contents):
                ov = overlap(r["start"], r["end"], c["start"], c["end"])
                if ov and ov * 2 >= min(r["end"] - r["start"], c["end"] - c["start"]):
                    hit = True
                    if gi not in hit_g and c.get("speaker_start") is not None:
                        tot["fa_sp"] += 1
                        tot["fa_sp_ok"] += speaker_ok(r, {"speaker": c["speaker"],
                                                          "speaker_start": c["speaker_start"],
                                                          "speaker_end": c["speaker_end"]})
                    hit_g.add(gi)
            tot["fa_pred_hit"] += hit
        tot["fa_gold_hit"] += len(hit_g)
    return tot, errors


def baselines() -> list[str]:
    out = []
    for path in (DATA_ROOT / "README.md", DATA_ROOT / "polnear" / "README.md"):
        if not path.exists():
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        grab = False
        for line in lines:
            if line.lower().startswith("baselines"):
                grab = True
                continue
            if grab:
                if line.startswith("- "):
                    out.append(line[2:].strip())
                elif line.strip() and not line.startswith("  "):
                    grab = False
                elif line.startswith("  ") and out:
                    out[-1] += " " + line.strip()
    return out


def speed(n_target: int, seeds: Path) -> tuple[float, float, int]:
    base = corpus.load(seeds)
    reps = -(-n_target // len(base))
    arts = pd.concat([base.assign(article_id=base["article_id"] + f"_{i}",
                                  outlet=base["outlet"] + f"_{i % 7}") for i in range(reps)],
                     ignore_index=True)
    t0 = time.perf_counter()
    segs = clean.segment(arts)
    t1 = time.perf_counter()
    quotes.extract(arts, segs)
    t2 = time.perf_counter()
    return len(arts) / (t2 - t1), len(arts) / (t2 - t0), len(arts)


def show(errors, kinds, n):
    k = 0
    for kind, doc, p, g in errors:
        if kind not in kinds:
            continue
        t = doc["text"]
        if kind == "fp":
            ctx = t[max(0, p["start"] - 100):p["end"] + 60]
            print(f"FP [{p['kind']}] {p['text'][:60]!r} sp={p['speaker']!r}\n    ...{ctx!r}")
        elif kind == "fn":
            ctx = t[max(0, g["start"] - 100):g["end"] + 60]
            print(f"FN {t[g['start']:g['end']][:60]!r}\n    ...{ctx!r}")
        else:
            ctx = t[max(0, min(p["start"], g["speaker_start"]) - 60):max(p["end"], g["speaker_end"]) + 40]
            print(f"SPK pred={p['speaker']!r} [{p['speaker_mention']!r} {p['speaker_source']}] gold={g['speaker']!r}"
                  f"\n    q={p['text'][:50]!r}\n    ...{ctx[:400]!r}")
        k += 1
        if k >= n:
            break


def main(argv=None):
    global DATA_ROOT
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train", "test"])
    ap.add_argument("--data", default=os.environ.get("FRAMING_BENCHMARKS", str(ROOT.parent / "shared" / "benchmarks")),
                    help="folder holding polnear/ (default: $FRAMING_BENCHMARKS or ../shared/benchmarks)")
    ap.add_argument("--speed-articles", type=int, default=5000)
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--errors", type=int, default=0, help="print this many errors of each kind")
    ap.add_argument("--error-kinds", default="fp,fn,speaker")
    args = ap.parse_args(argv)
    DATA_ROOT = Path(args.data)
    path = DATA_ROOT / "polnear" / f"{args.split}.jsonl"
    docs = [json.loads(line) for line in path.open(encoding="utf-8")]
    t0 = time.perf_counter()
    arts = corpus.load(path)
    segs = clean.segment(arts)
    q = quotes.extract(arts, segs)
    elapsed = time.perf_counter() - t0
    tot, errors = score(docs, q)
    ex = prf(tot["ex"], tot["pred"], tot["ex"], tot["gold"])
    ov = prf(tot["ov"], tot["pred"], tot["ov"], tot["gold"])
    fa = prf(tot["fa_pred_hit"], tot["fa_pred"], tot["fa_gold_hit"], tot["fa_gold"])
    acc = lambda a, b: (a / b if b else float("nan"))  # noqa: E731
    named = acc(tot["named_ok"], tot["named"])
    pron = acc(tot["pron_ok"], tot["pron"])
    allsp = acc(tot["named_ok"] + tot["pron_ok"], tot["named"] + tot["pron"])
    print(f"PolNeAR {args.split}: {len(docs)} articles, {tot['gold']} gold quote units, "
          f"{tot['pred']} predicted direct+partial (analysed in {elapsed:.1f}s)")
    print()
    print(f"{'measure':44} {'P':>6} {'R':>6} {'F1':>6}   target (test)")
    print(f"{'quote spans, exact':44} {ex[0]:6.3f} {ex[1]:6.3f} {ex[2]:6.3f}   F1 >= 0.95")
    print(f"{'quote spans, overlap >= half':44} {ov[0]:6.3f} {ov[1]:6.3f} {ov[2]:6.3f}   F1 >= 0.97")
    print(f"{'full attribution incl. indirect (overlap)':44} {fa[0]:6.3f} {fa[1]:6.3f} {fa[2]:6.3f}")
    print()
    print(f"{'speaker accuracy on matched quotes':44} {'acc':>6} {'n':>6}")
    print(f"{'  named / description gold speakers':44} {named:6.3f} {tot['named']:6d}   >= 0.92")
    print(f"{'  pronoun gold speakers':44} {pron:6.3f} {tot['pron']:6d}   >= 0.85")
    print(f"{'  all':44} {allsp:6.3f} {tot['named'] + tot['pron']:6d}")
    print(f"{'  full attribution (matched contents)':44} {acc(tot['fa_sp_ok'], tot['fa_sp']):6.3f} {tot['fa_sp']:6d}")
    if not args.no_speed:
        seeds = ROOT / "seeds"
        q_rate, all_rate, n = speed(args.speed_articles, seeds)
        print()
        print(f"speed on {n} seed articles, one core: quotes.extract {q_rate:,.0f} articles/s; "
              f"clean.segment + quotes.extract {all_rate:,.0f} articles/s")
    print()
    print("Published baselines (from the benchmarks README; other corpora, context only):")
    for b in baselines():
        print(f"  - {b}")
    if args.errors:
        print()
        show(errors, set(args.error_kinds.split(",")), args.errors)


DATA_ROOT = Path(".")

if __name__ == "__main__":
    main()
