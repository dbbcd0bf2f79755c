"""Full-text search in SQL: tokens, BM25 ranking, a hit's score in its JSON, snippets."""

from __future__ import annotations

import pytest

from quotetrail.records import Article, ArticleResult, Speaker, Statement
from quotetrail.store import Store
from quotetrail.store.search import search_statements, snippet, tokens


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Taliban's allies", ["taliban", "s", "allies"]), ("the THE the", ["the"]), ("%_", [])],
)
def test_search_tokens_split_like_the_sql(query, expected):
    assert tokens(query) == expected


def test_search_ranks_by_bm25(db_path) -> None:
    """The word more frequent in a shorter statement ranks first; a rare word outweighs a common
    one."""
    text = (
        "Sanctions sanctions. Sanctions and many other long words about trade and talks and more."
        " Talks."
    )
    article = Article(id="a", text=text, outlet="X", published="2024-01-01")
    speaker = Speaker(name="S", mention="S")
    quotes = [
        "Sanctions sanctions",
        "Sanctions and many other long words about trade and talks and more",
        "Talks",
    ]
    statements = [
        Statement(
            article_id="a",
            kind="direct",
            quote=q,
            sentence=q,
            span=(text.index(q), text.index(q) + len(q)),
            speaker=speaker,
        )
        for q in quotes
    ]
    with Store(db_path) as store:
        store.write([ArticleResult(article, statements)])
        ranked = [row.quote for row in search_statements(store, "sanctions")]
        assert ranked == quotes[:2]
        (hit,) = search_statements(store, "sanctions talks")
        assert hit.score > 0 and hit.to_dict()["score"] == hit.score
        assert hit.to_dict() == {**Statement.to_dict(hit), "score": hit.score}


@pytest.mark.parametrize(
    ("text", "terms", "expected"),
    [
        ("Short text about trade.", ["trade"], "Short text about trade."),
        ("word " * 100 + "taliban end", ["taliban"], "…"),
    ],
)
def test_search_snippet_starts_near_the_first_match(text, terms, expected):
    assert snippet(text, terms, width=60).startswith(expected)
