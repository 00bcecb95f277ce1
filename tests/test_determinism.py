"""Two runs over the seeds give byte-identical tables and figures.

The two runs are separate processes with different hash seeds (so set and
dict order cannot leak into the output), write to different folders (so no
path leaks in) and cut the corpus into different batches.
"""
import filecmp
import os
import subprocess
import sys

import pytest

from conftest import SEEDS


def _analyze_and_draw(folder, hash_seed: str, *analyze_options):
    """``framing analyze`` then ``framing figures``, in one fresh process."""
    tables, figures = str(folder / "tables"), str(folder / "figures")
    script = ("import sys; from framing import cli; "
              f"sys.exit(cli.main({['analyze', str(SEEDS), '--out', tables, '--quiet', *analyze_options]!r}) "
              f"or cli.main({['figures', tables, '--out', figures, '--quiet']!r}))")
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "MPLBACKEND": "Agg"}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    first, second = tmp_path_factory.mktemp("first"), tmp_path_factory.mktemp("second")
    _analyze_and_draw(first, "0")
    _analyze_and_draw(second, "4242", "--batch-size", "2")
    return first, second


def _same_files(a, b):
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir())
    match, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
    assert mismatch == [] and errors == []
    return names


def test_tables_are_byte_identical(two_runs):
    first, second = two_runs
    names = _same_files(first / "tables", second / "tables")
    assert names == ["articles.csv", "distinctive.csv", "outlets.csv", "people.csv", "quotes.csv",
                     "segments.csv", "stance.csv", "stance_evidence.csv"]
    # real content, not empty files that would trivially match
    assert (first / "tables" / "quotes.csv").read_text(encoding="utf-8").count("\n") > 30


def test_figures_are_byte_identical(two_runs):
    first, second = two_runs
    names = _same_files(first / "figures", second / "figures")
    assert len(names) >= 10
    assert {n.rsplit(".", 1)[1] for n in names} == {"pdf", "png"}
    for name in names:
        head = (first / "figures" / name).read_bytes()[:8]
        assert head.startswith(b"%PDF" if name.endswith(".pdf") else b"\x89PNG")
