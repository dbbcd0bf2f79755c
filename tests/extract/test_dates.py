"""said_on: stated dates resolved against publication, else the publication date, assumed."""

from __future__ import annotations

from datetime import date

import pytest

from quotetrail.extract.dates import resolve_date


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Friday", date(2021, 8, 20)),  # published Monday 23 August 2021
        ("Monday", date(2021, 8, 23)),  # the publication day itself
        ("last week", date(2021, 8, 16)),
        ("yesterday", date(2021, 8, 22)),
        ("August 15", date(2021, 8, 15)),
        ("Aug. 15", date(2021, 8, 15)),
        ("15 August", date(2021, 8, 15)),
        ("December 30", date(2020, 12, 30)),  # a day later in the year is last year's
        ("March 3, 2019", date(2019, 3, 3)),
        ("the past decade", None),
    ],
)
def test_dates_resolve(phrase: str, expected: date | None) -> None:
    assert resolve_date(phrase, date(2021, 8, 23)) == expected


@pytest.mark.parametrize(
    ("text", "published", "said_on", "assumed"),
    [
        (
            "Foreign Minister Mark Olsen said on Friday that the talks had failed.",
            "2021-08-23",
            "2021-08-20",
            False,
        ),
        (
            "On August 15, Foreign Minister Mark Olsen said that the talks had failed.",
            "2021-08-23",
            "2021-08-15",
            False,
        ),
        (
            "Foreign Minister Mark Olsen said that the talks had failed.",
            "2021-08-23",
            "2021-08-23",
            True,
        ),
        ("Foreign Minister Mark Olsen said on Friday that the talks had failed.", None, None, True),
    ],
)
def test_dates_said_on(
    statements_of, text: str, published: str | None, said_on: str | None, assumed: bool
) -> None:
    statement = statements_of(text, published=published)[0]
    assert (statement.said_on, statement.said_on_assumed) == (said_on, assumed)


def test_dates_inside_content_do_not_count(statements_of) -> None:
    statement = statements_of(
        "Foreign Minister Mark Olsen said that the talks failed on August 15."
    )[0]
    assert statement.said_on_assumed
