"""clean_document's sequence: encoding repair, the title leading the text once, the date's sources
in order of trust; article_body gives the text without its headline."""

from __future__ import annotations

import pytest

from quotetrail.clean import article_body, clean_document
from quotetrail.records import RawDocument

BODY = "The minister said the talks would go on for another week, officials in the capital said."


def test_clean_repairs_mojibake_before_anything_else():
    article = clean_document(RawDocument("a.txt", f"Talks go on\n\n{BODY} They donâ€™t stop.\n"))
    assert "don’t stop" in article.text and "â€" not in article.text


def test_clean_title_leads_the_text_once_and_its_removal_is_named():
    article = clean_document(RawDocument("a.txt", f"Talks go on\n\n{BODY}\n", title="Talks go on"))
    assert article.text == f"Talks go on\n\n{BODY}"
    assert [(line.text, line.rule) for line in article.removed] == [("Talks go on", "title")]
    assert article_body(article) == BODY


@pytest.mark.parametrize(
    ("content", "given", "published", "inferred"),
    [
        # the source's date wins over any date the text states
        (f"Talks go on\n\nPublished 20 August 2021\n\n{BODY}\n", "2021-08-25", "2021-08-25", False),
        # a stated date line, removed as such
        (f"Talks go on\n\nPublished 20 August 2021\n\n{BODY}\n", None, "2021-08-20", False),
        # else the latest date the text names, marked as inferred
        (f"Talks go on\n\n{BODY} It began on 19 August 2021.\n", None, "2021-08-19", True),
        (f"Talks go on\n\n{BODY}\n", None, None, False),
    ],
)
def test_clean_date_from_source_then_stated_line_then_latest_named(
    content, given, published, inferred
):
    article = clean_document(RawDocument("a.txt", content, published=given))
    assert (article.published, article.published_inferred) == (published, inferred)
    assert "Published" not in article.text


def test_clean_keeps_origin_and_content_id():
    raw = RawDocument("feed.jsonl", f"Talks go on\n\n{BODY}\n", locator="line 4")
    article = clean_document(raw)
    assert (article.id, article.source_path) == (raw.id, "feed.jsonl:line 4")
