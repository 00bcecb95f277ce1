"""Shared fixtures: the real seed corpus, loaded and segmented once."""
from pathlib import Path

import pytest

from framing import clean, corpus

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def seed_articles():
    return corpus.load(SEEDS)


@pytest.fixture(scope="session")
def seed_segments(seed_articles):
    return clean.segment(seed_articles)


@pytest.fixture(scope="session")
def seed_text(seed_articles):
    """article_id -> article text."""
    return dict(zip(seed_articles["article_id"], seed_articles["text"]))
