"""Write ``src/framing/data/people_given_names_faker.txt``: given names of many languages.

The MIT-licensed ``Faker`` package (version 30.8.2 on PyPI) ships, per locale,
lists of common first names (``faker/providers/person/<locale>/__init__.py``:
``first_names``, ``first_names_male``, ``first_names_female``). This script
reads them from the wheel (``pip download Faker==30.8.2 --no-deps``, or
``--wheel PATH``) without installing it, keeps the names written in Latin
letters (accents are folded, as everywhere in ``framing.people``), and drops
words that in English news are much more often something else:

* words of the project's other lists: function words and openers
  (``people_nonname_words.txt``), places and cities, countries and
  nationalities, organisation cue words and title words;
* the ``STOP`` words below (ordinary English words, months, virtues, and
  place-like words that are also given names somewhere: "Will", "May", "Hope",
  "Paris", "Santos", "York", "West" ...);
* names shorter than three letters.

Names already in the US Census list (``people_given_names.txt``) are left
out. Output: folded names, sorted, 20 to a line; deterministic.

Usage::

    python tools/make_people_given_names_faker.py
    python tools/make_people_given_names_faker.py --wheel Faker-30.8.2-py3-none-any.whl
"""
from __future__ import annotations

import argparse
import csv
import importlib
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "framing" / "data"
OUT = DATA / "people_given_names_faker.txt"

STOP = set("""will may june april august hope faith grace joy rose lily iris violet ruby amber jade crystal
pearl ivy holly dawn summer autumn winter star sky rain river ocean sunny honey candy cherry berry
paris london sydney victoria florence lourdes santos jesus angel angeles cruz paz luz sol mar
mercedes rosario dolores pilar consuelo remedios soledad asuncion nieves cielo estrella
king prince princess queen duke earl baron noble royal major general colonel
chase hunter archer mason carter cooper porter tanner taylor parker baker fisher miller
grant bishop dean price frank earnest ernest will bill rich sterling page lane dale glen glenn
mark art gay guy ray ben don ken van von del dos san santa marina gloria
justice liberty unity trinity harmony destiny melody serenity
long young bright wise gold silver stone wood ford hill park green brown black white gray grey
sultan emir sheikh imam bey pasha khan shah
york west north south east little roll dow gun early merry golden urban victory wash essex
asbury dayton harmon drury turner loyola nugget jets mets giants panthers
""".split())


def fold(s: str) -> str:
    s = s.replace("\u2019", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


def words_file(name: str, lines: bool = False) -> set:
    out = set()
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            if lines:
                out.add(fold(line))
            else:
                out.update(fold(w) for w in line.split())
    return out


def blocked() -> set:
    """Words of the project's other lists that must not become given names."""
    out = words_file("people_nonname_words.txt") | words_file("people_places.txt", lines=True)
    out |= words_file("people_cities.txt", lines=True) | words_file("people_given_names.txt")
    with open(DATA / "people_countries.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for v in [row["country"]] + row["aliases"].split("|") + row["adjectives"].split("|"):
                if v.strip():
                    out.add(fold(v.strip()))
    with open(DATA / "people_org_cues.csv", encoding="utf-8", newline="") as fh:
        out.update(fold(r["word"]) for r in csv.DictReader(fh))
    with open(DATA / "people_titles.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            out.update(fold(w) for w in r["title"].split())
    return out


def faker_names(root: Path) -> set:
    sys.path.insert(0, str(root))
    base = root / "faker" / "providers" / "person"
    names = set()
    for loc in sorted(p.name for p in base.iterdir() if p.is_dir() and not p.name.startswith("_")):
        mod = importlib.import_module(f"faker.providers.person.{loc}")
        prov = getattr(mod, "Provider", None)
        for attr in ("first_names", "first_names_male", "first_names_female"):
            vals = getattr(prov, attr, None) or ()
            if isinstance(vals, dict):
                vals = vals.keys()
            if not isinstance(vals, (list, tuple, set, frozenset, type({}.keys()))):
                continue                 # a computed property in a few locales: the plain lists suffice
            names.update(v for v in vals if isinstance(v, str))
    return names


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wheel", type=Path)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel
        if wheel is None:
            subprocess.run([sys.executable, "-m", "pip", "download", "Faker==30.8.2", "--no-deps", "-d", tmp, "-q"],
                           check=True)
            wheel = next(Path(tmp).glob("Faker-*.whl"))
        with zipfile.ZipFile(wheel) as zf:
            zf.extractall(Path(tmp) / "wheel")
        raw = faker_names(Path(tmp) / "wheel")
    skip = blocked() | STOP
    keep = set()
    for name in raw:
        for part in name.split():
            f = fold(part)
            if len(f) >= 3 and f.replace("-", "").isascii() and f.replace("-", "").isalpha() and f not in skip:
                keep.add(f)
    names = sorted(keep)
    lines = [" ".join(names[i:i + 20]) for i in range(0, len(names), 20)]
    header = ("# Given names of many languages from Faker 30.8.2 (MIT), person providers, Latin script only;\n"
              "# generated by tools/make_people_given_names_faker.py -- rerun it rather than editing by hand.\n")
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(names)} names -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
