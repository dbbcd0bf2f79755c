"""Metadata a container gives (JSONL/CSV fields, WARC URL) is normalised, and wins over guesses."""

from __future__ import annotations

import pytest

from quotetrail.clean import clean_document
from quotetrail.records import RawDocument

BODY = (
    "The minister told reporters on Monday that the negotiations would resume in the capital next "
    "week."
)


@pytest.mark.parametrize(
    ("given", "published", "time", "inferred"),
    [
        ("2021-08-23", "2021-08-23", None, False),
        ("2021-08-23T12:15:00Z", "2021-08-23", "12:15", False),
        ("Mon, 23 Aug 2021 12:15:00 +0000", "2021-08-23", "12:15", False),
        ("Aug 23, 2021", "2021-08-23", None, False),
        ("not a date", "2020-01-05", None, True),  # unreadable field: fall back to the text
    ],
)
def test_metadata_container_date_normalised(
    given: str, published: str, time: str | None, inferred: bool
) -> None:
    raw = RawDocument(
        source_path="a.jsonl", content=f"{BODY} It began on January 5, 2020.", published=given
    )
    article = clean_document(raw)
    assert (article.published, article.published_time, article.published_inferred) == (
        published,
        time,
        inferred,
    )


@pytest.mark.parametrize(
    ("outlet", "url", "expected"),
    [
        ("rt.com", None, "RT"),
        ("the guardian", None, "The Guardian"),
        ("Some Local Paper", "https://www.rt.com/x", "Some Local Paper"),
        (None, "https://www.rt.com/x", "RT"),
        (None, "https://blog.example.net/post", "blog.example.net"),
    ],
)
def test_metadata_outlet_from_container_then_url(
    outlet: str | None, url: str | None, expected: str
) -> None:
    article = clean_document(
        RawDocument(source_path="a.jsonl", content=BODY, outlet=outlet, url=url)
    )
    assert article.outlet == expected


def test_metadata_non_english_flagged() -> None:
    text = (
        "Il presidente della Repubblica ha detto che il governo non è pronto per la riforma e che "
        "ci sono molti problemi."
    )
    assert clean_document(RawDocument(source_path="a.txt", content=text)).language == "it"
