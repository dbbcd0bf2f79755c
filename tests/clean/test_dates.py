"""Dates: stated publication date lines, and the latest explicit date as a fallback."""

from __future__ import annotations

from datetime import date

import pytest

from quotetrail.clean.dates import find_dates, latest_date, stated_date


@pytest.mark.parametrize(
    ("line", "day", "time"),
    [
        ("23 Aug, 2021 12:15", date(2021, 8, 23), "12:15"),
        ("July 6, 2024 3:25 am", date(2024, 7, 6), "03:25"),
        ("Sept. 3, 2020 11:45 p.m. EST", date(2020, 9, 3), "23:45"),
        ("Published: 2021-08-23T14:05:00Z", date(2021, 8, 23), "14:05"),
        ("Monday, August 23, 2021", date(2021, 8, 23), None),
        ("November 19, 2019 at 9:45 am", date(2019, 11, 19), "09:45"),
        ("Updated on: March 4, 2020 / 8:12 AM / Daily Courier", date(2020, 3, 4), None),
        ("By Jane Roe | November 19, 2019", date(2019, 11, 19), None),
    ],
)
def test_dates_stated_date_lines(line: str, day: date, time: str | None) -> None:
    found = stated_date(line)
    assert found is not None and (found.day, found.time) == (day, time)


@pytest.mark.parametrize(
    "line",
    [
        "on March 08, 2019 in Washington, DC",
        "On November 19, 2019 the army said / we left",
        "The deal was signed on 23 Aug, 2021 in Doha by both sides.",
        "31 February 2021",
        "July 2021",
    ],
)
def test_dates_sentence_is_not_a_date_line(line: str) -> None:
    assert stated_date(line) is None


def test_dates_latest_explicit_date() -> None:
    text = "Talks began on March 8, 2019. They resumed on 20 August 2021 and again on 2020-01-05."
    assert [d.day for d in find_dates(text)] == [
        date(2019, 3, 8),
        date(2021, 8, 20),
        date(2020, 1, 5),
    ]
    latest = latest_date(text)
    assert latest is not None and latest.day == date(2021, 8, 20)
    assert latest_date("No dates here, only Monday and 1979.") is None


def test_dates_time_before_date_line() -> None:
    found = stated_date("Updated 6:41 am CST, Tuesday, March 3, 2020")
    assert found is not None and found.day == date(2020, 3, 3)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Moscow, 20 August 2021", "2021-08-20"),
        ("The Kremlin, Moscow, 3 May 2021", "2021-05-03"),
        ("Talks in Moscow, 20 August 2021", None),
        ("Ministry of Foreign Affairs, Ankara, April 4, 2024", "2024-04-04"),
        ("Department of State, Washington, D.C., June 3, 2020", "2020-06-03"),
        ("Russia, China agree a grain deal on May 5, 2024", None),
    ],
)
def test_dates_place_before_a_stated_date(line: str, expected: str | None) -> None:
    found = stated_date(line)
    assert (found.day.isoformat() if found else None) == expected
