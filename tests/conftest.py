"""Shared fixtures: seed corpus, a fresh database per test, the parser, two earthquake stories."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "data" / "corpus" / "seeds"
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def nlp():
    """The shared pipeline, with line breaks as sentence starts, loaded once for the session."""
    from quotetrail.extract.segment import with_line_breaks
    from quotetrail.nlp import load_pipeline

    return with_line_breaks(load_pipeline())


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


HOLD = (
    "import duckdb, sys, time; db = duckdb.connect(sys.argv[1]); print(flush=True); time.sleep(120)"
)


@pytest.fixture
def hold_store() -> Iterator[Callable[[Path], int]]:
    """Another process holding a store file for writing, as a `quotetrail ingest` does; returns
    its process id. Ended with the test."""
    holders: list[subprocess.Popen] = []

    def hold(db: Path) -> int:
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLD, str(db)], stdout=subprocess.PIPE, text=True
        )
        holders.append(holder)
        assert holder.stdout is not None
        holder.stdout.readline()  # the file is held
        return holder.pid

    yield hold
    for holder in holders:
        holder.kill()
        holder.wait()


# Two earthquakes: the same event-type words, different places. Without the prior every word
# of a young stream is equally rare and the second quake joins the first (score 0.39 > 0.35).
QUAKES = [
    "Earthquake kills dozens in Aceh: Bireun and Takengon hit, Sumatra shaken.",
    "Earthquake kills dozens in Manokwari: Sorong and Biak hit, Papua shaken.",
    "Rescuers in Bireun and Takengon, Aceh, dig after the Sumatra earthquake.",
    "Rescuers in Sorong and Biak dig after the Manokwari earthquake in Papua.",
]


@pytest.fixture
def quakes() -> list[str]:
    return QUAKES
