"""Datelines: the place an article was filed from."""

from __future__ import annotations

import pytest

from quotetrail.clean.dateline import dateline_agency, find_dateline


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("MOSCOW — The President of Russia said", "MOSCOW"),
        ("KABUL, Aug 23 (Reuters) - The Taliban said", "KABUL"),
        ("WASHINGTON (AP) — The president said", "WASHINGTON"),
        ("ST. JOSEPH, Mich. (AP) — Michigan health authorities", None),
        ("New Delhi, Aug 23: India said", "New Delhi"),
        ("MOSCOW, March 14. /TASS/. Moscow expects", "MOSCOW"),
        ("RUSSIA has stated that it will", None),
        ("The US - said nothing", None),
    ],
)
def test_dateline_place(line: str, place: str | None) -> None:
    assert find_dateline([line]) == place


@pytest.mark.parametrize(
    ("lines", "agency"),
    [
        (["Talks fail", "KABUL, Aug 23 (Reuters) - The Taliban said"], "Reuters"),
        (["WASHINGTON (AP) — The president said"], "AP"),
        (["MOSCOW, March 14. /TASS/. Moscow expects"], "TASS"),
        (["MOSCOW — The President of Russia said"], None),
        (["The president (AP) said nothing"], None),
    ],
)
def test_dateline_agency(lines: list[str], agency: str | None) -> None:
    assert dateline_agency(lines) == agency
