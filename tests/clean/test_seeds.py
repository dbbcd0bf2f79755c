"""The five seed articles: metadata right wherever the text states it, furniture gone, quotes
kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotetrail.clean import clean_document
from quotetrail.read import iter_documents
from quotetrail.records import Article, RawDocument

SEEDS = Path(__file__).resolve().parents[2] / "data" / "corpus" / "seeds"

# file prefix → (title, outlet, published, published_time, inferred, dateline)
EXPECTED = {
    "000": (
        "Putin slams policy of imposing 'outside values' on Afghanistan",
        "Press TV",
        "2021-08-20",
        None,
        True,
        None,
    ),
    "001": (
        "Russia Will Not Interfere In Afghanistan’s Domestic Affairs: Vladimir Putin",
        "Zenger News",
        None,
        None,
        False,
        "MOSCOW",
    ),
    "002": ("Putin Says ‘Taliban Are Our Allies’", None, "2024-07-06", "03:25", False, None),
    "003": (
        "Russia wants to ‘actively operate in Kabul,’ claiming the Taliban are ‘democratic.’",
        "Brinkwire",
        None,
        None,
        False,
        None,
    ),
    "004": (
        "Russia will NOT send military contingent to Afghanistan & has no intention of supporting "
        "Taliban terrorist group, says Moscow",
        "RT",
        "2021-08-23",
        "12:15",
        False,
        None,
    ),
}

FURNITURE = [
    "News / Afghanistan",
    "(AFP photo)",
    "Press TV News Roku",
    "website can also be accessed",
    "Getty Images",
    "(With inputs from ANI)",
    "Edited by",
    "appeared first on",
    "Geo-politicsHighlights",
    "Related Articles",
    "Back to top",
    "Brinkwire Summary News",
    "Comments are closed",
    "icon bookmark",
    "Also on rt.com",
    "share it with a friend",
    "Podcasts",
    "26:12",
    "â€",
    "†",
]


def _seed_articles() -> dict[str, Article]:
    articles = {}
    for document in iter_documents([SEEDS]):
        assert isinstance(document, RawDocument)
        articles[Path(document.source_path).name[:3]] = clean_document(document)
    return articles


ARTICLES = _seed_articles()


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seeds_metadata(prefix: str) -> None:
    article = ARTICLES[prefix]
    got = (
        article.title,
        article.outlet,
        article.published,
        article.published_time,
        article.published_inferred,
        article.dateline,
    )
    assert got == EXPECTED[prefix]
    assert article.language == "en"


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seeds_furniture_removed(prefix: str) -> None:
    text = ARTICLES[prefix].text
    assert [piece for piece in FURNITURE if piece in text] == []
    title = ARTICLES[prefix].title
    if title:  # the headline leads the text once; its repeats are gone
        assert text.startswith(title + "\n\n")
        assert text.count(title) == 1


@pytest.mark.parametrize(
    ("prefix", "quote"),
    [
        (
            "000",
            '"You cannot impose standards of political life and behavior on other people from the '
            'outside," he added.',
        ),
        (
            "001",
            "“You know how difficult and alarming the situation in Afghanistan currently is,” said "
            "Putin.",
        ),
        (
            "002",
            "The Russian president said, “We must accept that the Taliban is controlling the power "
            "in Afghanistan.”",
        ),
        (
            "003",
            "“Perhaps certain al-Qaeda cells, possibly Isis cells, stationed in Afghanistan, would "
            "inspire some actions in.”",
        ),
        ("004", "“I hope that all this will be materialized.”"),
    ],
)
def test_seeds_statements_kept_intact(prefix: str, quote: str) -> None:
    assert quote in ARTICLES[prefix].text


def test_seeds_every_removal_names_its_rule() -> None:
    removed = [line for article in ARTICLES.values() for line in article.removed]
    assert removed and all(line.rule and line.text for line in removed)


def test_seeds_id_is_raw_content_id() -> None:
    for document in iter_documents([SEEDS]):
        assert isinstance(document, RawDocument)
        article = clean_document(document)
        assert article.id == document.id and article.source_path == document.origin
