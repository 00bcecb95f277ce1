"""environment.yml (for conda users) lists exactly pyproject's dependencies."""
import tomllib

import yaml

from conftest import ROOT


def _pyproject_requirements():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return set(meta["dependencies"]) | set(meta["optional-dependencies"]["dev"]), meta["requires-python"]


def _environment():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    return conda, pip


def test_environment_yml_matches_pyproject():
    wanted, _ = _pyproject_requirements()
    conda, pip = _environment()
    listed = {p for p in pip if not p.startswith("-e")}
    assert listed == wanted, f"only in pyproject: {sorted(wanted - listed)}; only in environment.yml: {sorted(listed - wanted)}"
    assert "-e ." in pip
    assert "pip" in conda


def test_python_versions_agree():
    _, requires = _pyproject_requirements()
    conda, _ = _environment()
    assert "python=3.11" in conda
    assert requires == ">=3.11"


def test_notebook_extra_is_part_of_dev():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    assert set(meta["notebooks"]) <= set(meta["dev"])
