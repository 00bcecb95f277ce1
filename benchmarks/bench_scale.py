"""Scale benchmark: speed, Dask speed-up, memory and the read-and-tokenize floor.

Prints, on a synthetic corpus generated from the seeds (``framing.synth``,
about 600 words an article, the seeds' messiness):

1. the floor: articles per second to just read the .jsonl and tokenize every
   text with plain Python (``json.loads`` + a ``\\w+`` regex);
2. one core: ``scale.run`` in this process (wall and CPU seconds), the cost
   per stage, and the analysis cost as a ratio to the floor;
3. a 2-worker local Dask cluster (``engine="dask", workers=2``): wall time,
   with and without the cluster's start-up, and the ratio to one core;
4. peak memory (RSS high-water mark of a fresh subprocess running
   ``scale.run``) at each corpus size: it must not grow with the corpus.

Targets (issue 8): >= 1000 articles/s per core, <= 5x the floor, 2-worker Dask
>= 1.7x one core, flat memory.

Usage::

    .venv/bin/python benchmarks/bench_scale.py                       # sizes 1000,10000
    .venv/bin/python benchmarks/bench_scale.py --sizes 1000,10000,100000

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
    """scale.run in this process: wall and CPU seconds."""
    wall, cpu = time.perf_counter(), time.process_time()
    tables = scale.run(path, out, batch_size=batch_size)
    return {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
            "n": len(tables["articles"])}


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
    """Wall seconds of scale.run on a 2-worker local cluster, and of the
    cluster's start and stop alone."""
    import logging
    from distributed import Client, LocalCluster
    t = time.perf_counter()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        client.run(lambda: None)
    startup = time.perf_counter() - t
    t = time.perf_counter()
    scale.run(path, out, engine="dask", workers=2, batch_size=batch_size)
    return {"wall": time.perf_counter() - t, "startup": startup}


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
    parser.add_argument("--workdir", default=None, help="keep corpora and outputs here (default: a temp dir)")
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())

    work = Path(args.workdir or tempfile.mkdtemp(prefix="bench_scale_"))
    work.mkdir(parents=True, exist_ok=True)
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    print(f"# scale benchmark: {os.cpu_count()} CPUs, load average {load[0]:.2f} at start; "
          f"batch size {args.batch_size}")

    t = time.perf_counter()
    biggest = make_corpus(max(sizes + [args.speed_n]), work / f"synth_{max(sizes + [args.speed_n])}.jsonl")
    print(f"synthetic corpus: {max(sizes + [args.speed_n])} articles generated in {time.perf_counter() - t:.1f} s")
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

    costs = stage_costs(speed_corpus, args.batch_size, limit=min(args.speed_n, 500))
    print("\n## CPU milliseconds per article, by stage (first 500 articles)")
    for name, per_article in costs.items():
        print(f"  {name:<22} {per_article * 1000:7.2f} ms  ({1 / per_article if per_article else float('inf'):,.0f}/s)")

    if not args.no_dask:
        d = dask_two_workers(speed_corpus, work / "out_dask", args.batch_size)
        print(f"\n## 2-worker local Dask cluster, {one['n']} articles")
        print(f"  {one['n'] / d['wall']:,.0f} articles/s wall ({d['wall']:.1f} s, of which about {d['startup']:.1f} s "
              "cluster start and stop)")
        print(f"  ratio to one core (wall): {one['wall'] / d['wall']:.2f}x; excluding start-up: "
              f"{one['wall'] / max(d['wall'] - d['startup'], 1e-9):.2f}x   target >= 1.7x")
        same = all((work / "out_one" / f.name).read_bytes() == f.read_bytes()
                   for f in (work / "out_dask").iterdir() if f.is_file())
        print(f"  tables byte-identical to one core: {same}")

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
