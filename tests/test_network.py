"""The analysis never reaches the network: with every socket connection
refused, ``framing analyze`` and ``framing figures`` still succeed, and
nothing even tried to connect."""
import socket
import urllib.request

import pandas as pd
import pytest

from framing import cli
from conftest import SEEDS


class NetworkBlocked(RuntimeError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    """Refuse every connection and name lookup; return the list of attempts."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args[1:] if args and isinstance(args[0], socket.socket) else args)
        raise NetworkBlocked(f"network access attempted: {args!r}")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse)
    return attempts


def test_the_block_works(no_network):
    # The guard itself: a real request is refused and recorded.
    with pytest.raises(Exception):
        urllib.request.urlopen("http://example.org/", timeout=1)
    assert no_network


def test_analyze_and_figures_without_network(no_network, tmp_path):
    tables = tmp_path / "tables"
    assert cli.main(["analyze", str(SEEDS), "--out", str(tables), "--quiet"]) == 0
    arts = pd.read_csv(tables / "articles.csv", keep_default_na=False)
    assert len(arts) == 5 and (arts["status"] == "ok").all()
    assert len(pd.read_csv(tables / "quotes.csv")) > 30
    assert cli.main(["figures", str(tables), "--out", str(tmp_path / "figures"), "--quiet"]) == 0
    figures = sorted(p.name for p in (tmp_path / "figures").iterdir())
    assert len(figures) >= 10 and all((tmp_path / "figures" / f).stat().st_size > 1000 for f in figures)
    assert no_network == [], f"something tried the network: {no_network}"
