"""Shared cases for the link tests."""

from __future__ import annotations

import pytest

# Two fights of one boxer. The first report of the second (b0) resembles the story of the first
# (score 0.28: over the join threshold, under the sure one); the second report (b1) is closer
# to b0 than to that story. Further reports of the first fight: `BERN`.
FIGHTS = [
    ("a0", "Klitschko knocks out Thompson in Bern to keep his heavyweight titles."),
    ("a1", "Wladimir Klitschko beat Tony Thompson in Bern, keeping the heavyweight belts."),
    (
        "b0",
        "Klitschko knocks out Pulev in Hamburg. The Bulgarian challenger fell in the fifth round "
        "before a sold-out arena as his Bulgarian fans wept.",
    ),
    (
        "b1",
        "Kubrat Pulev, the Bulgarian challenger, was stopped in the fifth round in Hamburg before "
        "a sold-out arena.",
    ),
]
BERN = [
    "In Bern, Klitschko stopped Thompson and kept his heavyweight titles.",
    "Thompson was knocked out by Klitschko in Bern; the heavyweight titles stay with Klitschko.",
    "Klitschko kept the heavyweight titles after Thompson fell in Bern.",
]


@pytest.fixture
def fights() -> list[tuple[str, str]]:
    return FIGHTS


@pytest.fixture
def bern() -> list[str]:
    return BERN
