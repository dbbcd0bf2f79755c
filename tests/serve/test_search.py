"""Full-text search: tokens, every word required, BM25 order, filters."""

from __future__ import annotations

import pytest

from quotetrail.store import ArticleQuery, StatementQuery, Store
from quotetrail.store.search import search_articles, search_statements, snippet, tokens


@pytest.mark.parametrize(
    "query, expected",
    [
        ("Taliban", ["taliban"]),
        ("  Taliban-led, KABUL!", ["taliban", "led", "kabul"]),
        ("Wörld wörld", ["wörld"]),
        ("%_'\"", []),
        ("2021 o'clock", ["2021", "o", "clock"]),
    ],
)
def test_search_tokens(query: str, expected: list[str]) -> None:
    assert tokens(query) == expected


@pytest.mark.parametrize(
    "query, expected",
    [
        ("taliban", ["a2021bbc", "a2021rt", "a2024rt", "a2021rt", "a2021tass"]),
        ("TALIBAN allies", ["a2024rt"]),
        ("taliban nonexistentword", []),
        ("%", []),
        ("recognise", ["a2021rt", "a2021tass"]),
    ],
)
def test_search_statements_requires_every_word(
    store: Store, query: str, expected: list[str]
) -> None:
    assert [row.article_id for row in search_statements(store, query)] == expected


@pytest.mark.parametrize(
    "where, expected",
    [
        (StatementQuery(speaker="biden"), 1),
        (StatementQuery(outlet="rt"), 3),
        (StatementQuery(about="Taliban", stance="neutral"), 2),
        (StatementQuery(since="2024-01-01", until="2024-12-31"), 1),
        (StatementQuery(kind="indirect"), 0),
    ],
)
def test_search_statements_filters(store: Store, where: StatementQuery, expected: int) -> None:
    assert len(search_statements(store, "taliban", where)) == expected


def test_search_articles_filters_and_snippets(store: Store) -> None:
    rows = search_articles(store, "taliban", ArticleQuery(outlet="RT"))
    assert [row["id"] for row in rows] == ["a2021rt", "a2024rt"]
    assert all("taliban" in row["snippet"].lower() for row in rows)


def test_search_snippet_starts_at_a_word() -> None:
    text = "x" * 50 + " alpha beta gamma delta " * 20 + "needle here"
    piece = snippet(text, ["needle"], width=60)
    assert (
        piece.startswith("…")
        and "needle" in piece
        and not piece[1:].startswith(("lpha", "eta", "amma", "elta"))
    )
