"""HTML documents are extracted at cleaning time: main text, title, date, outlet."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quotetrail.clean import article_body, clean_document
from quotetrail.clean.html import extract_page, site_in_title
from quotetrail.records import RawDocument

PAGE = Path(__file__).resolve().parents[1] / "data" / "clean" / "page.html"


def test_html_page_cleaned_to_article() -> None:
    raw = RawDocument(
        source_path=str(PAGE),
        content=PAGE.read_text(encoding="utf-8"),
        format="html",
        url="https://www.aljazeera.com/news/2022/7/22/grain",
    )
    article = clean_document(raw)
    assert article.title == "Ministers agree grain deal"
    assert article.published == "2022-07-22"
    assert article.outlet == "Al Jazeera"
    assert article.dateline == "ISTANBUL"
    assert article.text.startswith(
        "Ministers agree grain deal\n\nISTANBUL — Ministers from both countries"
    )
    assert article_body(article).startswith("ISTANBUL — Ministers from both countries")
    assert "“This is a beacon of hope,” the secretary-general told" in article.text
    assert "Most read" not in article.text and "All rights reserved" not in article.text
    assert article.id == raw.id


def test_html_page_without_url_takes_site_name() -> None:
    raw = RawDocument(
        source_path=str(PAGE), content=PAGE.read_text(encoding="utf-8"), format="html"
    )
    assert clean_document(raw).outlet == "Example Post"


def test_html_page_without_site_name_takes_it_from_the_title() -> None:
    """A page with no `og:site_name`: its <title> writes the site beside the headline."""
    page = PAGE.read_text(encoding="utf-8")
    page = re.sub(r'<meta property="og:site_name"[^>]*>', "", page)
    page = re.sub(
        r"<title>.*?</title>", "<title>Ministers agree grain deal | Harbour Times</title>", page
    )
    assert (
        clean_document(RawDocument(source_path=str(PAGE), content=page, format="html")).outlet
        == "Harbour Times"
    )


@pytest.mark.parametrize(
    ("page_title", "headline", "site"),
    [
        ("Talks fail again | The Daily Ledger", "Talks fail again", "The Daily Ledger"),
        ("The Daily Ledger — Talks fail again", "Talks fail again", "The Daily Ledger"),
        ("Talks fail again", "Talks fail again", None),  # no site written
        ("Talks fail - again | Ledger", "Talks fail - again", None),  # three parts: unsure
        ("Other words | The Daily Ledger", "Talks fail again", None),  # not the headline
        ("Talks fail again | " + "word " * 8, "Talks fail again", None),  # a sentence, no name
    ],
)
def test_html_site_in_title(page_title: str, headline: str, site: str | None) -> None:
    assert site_in_title(page_title, headline) == site


def test_html_page_without_article_gives_empty_text() -> None:
    raw = RawDocument(
        source_path="x.html", content="<html><body><nav>Home</nav></body></html>", format="html"
    )
    assert clean_document(raw).text == ""


@pytest.mark.parametrize("depth", [300, 100_000])
def test_html_deeply_nested_page_keeps_its_text(depth: int) -> None:
    said = "“We will not recognise them,” the foreign minister said on Monday in Moscow."
    page = (
        "<html><head><title>Deep page</title><style>p {color: red}</style></head><body>"
        + "<div>" * depth
        + f"<h1>Talks end</h1><p>{said}</p><script>var x = '<p>no</p>';</script>"
        + "<p>Talks went on &amp; on.</p>"
        + "</div>" * depth
        + "</body></html>"
    )
    extracted = extract_page(page)
    assert extracted.text == f"Talks end\n{said}\nTalks went on & on."
    assert extracted.title == "Deep page"
    article = clean_document(RawDocument(source_path="deep.html", content=page, format="html"))
    assert said in article.text
