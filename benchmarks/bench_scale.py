"""Scale benchmark: speed, Dask speed-up, memory and the read-and-tokenize floor.

Prints, on a synthetic corpus generated from the seeds (``framing.synth``,
about 600 words an article, the seeds' messiness):

1. the floor: articles per second to just read the .jsonl and tokenize every
   text with plain Python (``json.loads`` + a ``\\w+`` regex);
2. one core: ``scale.run`` in this process (wall and CPU seconds), the cost
   per stage, and the analysis cost as a ratio to the floor;
3. a 2-worker local Dask cluster (``engine="dask", workers=2``) on a corpus
   large enough for a steady state (``--dask-n``, default 4,000 articles, in
   batches of ``--dask-batch-size``, default 250, so both workers stay busy):
   wall time, the cluster's start-up (start and worker warm-up, as
   ``scale.run`` reports it), the serial final step, and the ratio to one
   core on the same corpus and batch size, with and without the start-up;
4. peak memory (RSS high-water mark of a fresh subprocess running
   ``scale.run``) at each corpus size: it must not grow with the corpus.

Targets (issue 8): >= 1000 articles/s per core, <= 5x the floor, 2-worker Dask
>= 1.7x one core, flat memory.

Usage::

    .venv/bin/python benchmarks/bench_scale.py                       # sizes 1000,10000
    .venv/bin/python benchmarks/bench_scale.py --sizes 1000,10000,100000
    .venv/bin/python benchmarks/bench_scale.py --sizes 1000 --dask-n 2000     # quicker

The machine is reported (CPUs, load average): on a shared machine the wall
times and the Dask ratio depend on what else runs; CPU seconds less so.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from framing import clean, pipeline, scale, stream, synth  # noqa: E402

_WORD = re.compile(r"\w+")


def make_corpus(n: int, path: Path, *, seed: int = 0, source: Path | None = None) -> Path:
    """``n`` synthetic articles; a prefix of a bigger corpus when ``source``
    is given (synth is prefix-stable: the first n articles are the same)."""
    if source is not None:
        if Path(source).resolve() == Path(path).resolve():
            return path  # the prefix is the whole corpus: never truncate the source
        with open(source, encoding="utf-8") as src, open(path, "w", encoding="utf-8", newline="\n") as dst:
            for i, line in enumerate(src):
                if i >= n:
                    break
                dst.write(line)
        return path
    return synth.write_corpus(n, path, seed=seed)


def floor(path: Path) -> tuple[int, float, int]:
    """(articles, CPU seconds, words): read every line, parse it, tokenize the text."""
    started = time.process_time()
    n = words = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            words += len(_WORD.findall(json.loads(line)["text"].lower()))
            n += 1
    return n, time.process_time() - started, words


def one_core(path: Path, out: Path, batch_size: int) -> dict:
    """scale.run in this process: wall and CPU seconds, and those of the
    corpus-wide final step (``finish``)."""
    wall, cpu = time.perf_counter(), time.process_time()
    tables = scale.run(path, out, batch_size=batch_size)
    stats = tables["_run"].iloc[0]
    return {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
            "n": len(tables["articles"]), "finish_wall": float(stats["finish_seconds"]),
            "finish_cpu": float(stats["finish_cpu_seconds"])}


def stage_costs(path: Path, batch_size: int, limit: int) -> dict[str, float]:
    """CPU seconds per stage over the first ``limit`` articles."""
    costs: dict[str, float] = {}

    def timed(name, fn, *args):
        t = time.process_time()
        result = fn(*args)
        costs[name] = costs.get(name, 0.0) + time.process_time() - t
        return result

    seen = 0
    work = Path(tempfile.mkdtemp(prefix="bench_parts_"))
    try:
        batches = stream.iter_batches(path, batch_size)
        for index in range(10 ** 9):
            if seen >= limit:
                break
            batch = timed("read (corpus loader)", next, batches, None)
            if batch is None:
                break
            seen += len(batch)
            segs = timed("clean.segment", clean.segment, batch)
            stages = [("quotes", "extract"), ("people", "mentions"), ("stance", "score")]
            quotes = None
            for module, name in stages:
                fn = pipeline._stage(module, name)
                if fn is None:
                    continue
                if module == "quotes":
                    quotes = timed("quotes.extract", fn, batch, segs)
                else:
                    timed(f"{module}.{name}", fn, batch, segs, quotes)
            t = time.process_time()
            parts = scale.process_batch(batch)  # again, whole: for the overhead below
            full = time.process_time() - t
            costs["process_batch (all)"] = costs.get("process_batch (all)", 0.0) + full
            timed("write parquet", scale._write_parts, parts, work, index)
            if pipeline._stage("stance", "distinctive_terms") is not None:
                timed("term counts", scale._term_counts, batch, parts["segments"], parts["quotes"])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {k: v / max(seen, 1) for k, v in costs.items()}


def dask_two_workers(path: Path, out: Path, batch_size: int) -> dict:
    """scale.run on a 2-worker local cluster (the CLI's path: workers write
    the partitions): wall seconds in all, of the cluster's start and warm-up
    (scale.run's ``startup_seconds``) and of the serial final step."""
    t = time.perf_counter()
    tables = scale.run(path, out, engine="dask", workers=2, batch_size=batch_size)
    stats = tables["_run"].iloc[0]
    return {"wall": time.perf_counter() - t, "startup": float(stats["startup_seconds"]),
            "finish_wall": float(stats["finish_seconds"]), "finish_cpu": float(stats["finish_cpu_seconds"])}


def _load() -> float:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")


_CHILD = """
import json, resource, sys, time
sys.path.insert(0, {src!r})
from framing import scale
t = time.perf_counter()
tables = scale.run({path!r}, {out!r}, batch_size={batch_size})
print(json.dumps({{"n": len(tables["articles"]), "wall": time.perf_counter() - t,
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def peak_memory(path: Path, out: Path, batch_size: int) -> dict:
    """A fresh interpreter runs scale.run; it reports its own RSS high-water mark."""
    code = _CHILD.format(src=str(ROOT / "src"), path=str(path), out=str(out), batch_size=batch_size)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000",
                        help="corpus sizes for peak memory (default 1000,10000; add 100000 for the full run)")
    parser.add_argument("--speed-n", type=int, default=1000, help="articles for the speed figures")
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask figures")
    parser.add_argument("--dask-n", type=int, default=4000,
                        help="articles for the Dask ratio (default 4000: long enough for a steady state)")
    parser.add_argument("--dask-batch-size", type=int, default=250,
                        help="batch size of both runs compared for the Dask ratio (default 250)")
    parser.add_argument("--workdir", default=None, help="keep corpora and outputs here (default: a temp dir)")
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())

    work = Path(args.workdir or tempfile.mkdtemp(prefix="bench_scale_"))
    work.mkdir(parents=True, exist_ok=True)
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    print(f"# scale benchmark: {os.cpu_count()} CPUs, load average {load[0]:.2f} at start; "
          f"batch size {args.batch_size}")

    t = time.perf_counter()
    top = max(sizes + [args.speed_n] + ([] if args.no_dask else [args.dask_n]))
    biggest = make_corpus(top, work / f"synth_{top}.jsonl")
    print(f"synthetic corpus: {top} articles generated in {time.perf_counter() - t:.1f} s")
    speed_corpus = make_corpus(args.speed_n, work / f"synth_{args.speed_n}.jsonl", source=biggest)

    n, seconds, words = floor(speed_corpus)
    floor_rate = n / seconds
    print(f"\n## floor (read + tokenize, plain Python), {n} articles, {words / n:.0f} words/article")
    print(f"  {floor_rate:,.0f} articles per CPU second ({seconds:.2f} s)")

    one = one_core(speed_corpus, work / "out_one", args.batch_size)
    rate_wall, rate_cpu = one["n"] / one["wall"], one["n"] / one["cpu"]
    print(f"\n## one core: scale.run, {one['n']} articles")
    print(f"  {rate_wall:,.0f} articles/s wall ({one['wall']:.1f} s), {rate_cpu:,.0f} articles/s per CPU second "
          f"({one['cpu']:.1f} s)   target >= 1000")
    print(f"  analysis / floor (CPU seconds): {one['cpu'] / seconds:.1f}x   target <= 5x")
    print(f"  of which the corpus-wide final step: {one['finish_cpu']:.1f} CPU s ({one['finish_wall']:.1f} s wall), "
          f"{1000 * one['finish_cpu'] / one['n']:.2f} ms per article")

    costs = stage_costs(speed_corpus, args.batch_size, limit=min(args.speed_n, 500))
    print("\n## CPU milliseconds per article, by stage (first 500 articles)")
    for name, per_article in costs.items():
        print(f"  {name:<22} {per_article * 1000:7.2f} ms  ({1 / per_article if per_article else float('inf'):,.0f}/s)")

    if not args.no_dask:
        dask_corpus = make_corpus(args.dask_n, work / f"synth_{args.dask_n}.jsonl", source=biggest)
        bs = args.dask_batch_size
        load_before = _load()
        base = one_core(dask_corpus, work / "out_dask_one", bs)
        d = dask_two_workers(dask_corpus, work / "out_dask", bs)
        load_after = _load()
        n = base["n"]
        print(f"\n## 2-worker local Dask cluster vs one core, {n} articles, batches of {bs} "
              f"(load average {load_before:.2f} before, {load_after:.2f} after)")
        print(f"  one core: {base['wall']:.1f} s wall ({n / base['wall']:,.0f} articles/s), "
              f"of which {base['finish_wall']:.1f} s the final step")
        print(f"  Dask:     {d['wall']:.1f} s wall ({n / d['wall']:,.0f} articles/s), of which {d['startup']:.1f} s "
              f"cluster start and warm-up and {d['finish_wall']:.1f} s the final step (serial, this process)")
        print(f"  ratio to one core (wall): {base['wall'] / d['wall']:.2f}x; excluding start-up: "
              f"{base['wall'] / max(d['wall'] - d['startup'], 1e-9):.2f}x   target >= 1.7x")
        per_article = (base["wall"] - base["finish_wall"]) / max(d["wall"] - d["startup"] - d["finish_wall"], 1e-9)
        print(f"  ratio of the per-article part alone (excluding start-up and final step): {per_article:.2f}x")
        # The same from CPU seconds, as on two idle cores: the per-article
        # part split in two, the final step's work done in this process
        # serial, the rest of it (on the workers) split in two.
        batches_cpu = base["cpu"] - base["finish_cpu"]
        on_workers = max(base["finish_cpu"] - d["finish_cpu"], 0.0)
        estimate = base["cpu"] / (batches_cpu / 2 + d["finish_cpu"] + on_workers / 2)
        print(f"  estimate from CPU seconds for two idle cores (excluding start-up): {estimate:.2f}x "
              f"(one core {base['cpu']:.1f} CPU s, of which final step {base['finish_cpu']:.1f}; "
              f"with Dask the final step takes {d['finish_cpu']:.1f} CPU s in this process)")
        same = all((work / "out_dask_one" / f.name).read_bytes() == f.read_bytes()
                   for f in (work / "out_dask").iterdir() if f.is_file())
        print(f"  tables byte-identical to one core: {same}")
        print("  (wall ratios need two idle cores: with a load average above 0 other work takes CPU)")

    print("\n## peak memory (RSS high-water of a fresh process running scale.run)")
    for size in sizes:
        path = make_corpus(size, work / f"synth_{size}.jsonl", source=biggest) if size != max(sizes) else biggest
        m = peak_memory(path, work / f"out_mem_{size}", args.batch_size)
        print(f"  {size:>7,} articles: {m['maxrss_mb']:7.0f} MB   ({m['wall']:.0f} s, "
              f"{m['n'] / m['wall']:,.0f} articles/s wall)")
        shutil.rmtree(work / f"out_mem_{size}", ignore_errors=True)
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    print(f"\n# load average at end {load[0]:.2f}")
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
