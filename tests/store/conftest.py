"""A two-article store: TASS and RT carry one Putin statement (linked as one), RT a second."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotetrail.records import Article, ArticleResult, Speaker, Statement
from quotetrail.store import Store
from quotetrail.store import links as sql

PUTIN = Speaker(name="Vladimir Putin", mention="Putin", affiliation="Russia")
SAID = "We will not rush to recognise the Taliban"
ALSO = "The talks in Moscow will go on"


def _result(article_id: str, outlet: str, quotes: list[str]) -> ArticleResult:
    text = " ".join(f"{quote}, Putin said." for quote in quotes)
    article = Article(id=article_id, text=text, outlet=outlet, published="2021-08-20")
    statements = [
        Statement(
            article_id=article_id,
            kind="direct",
            quote=quote,
            sentence=f"{quote}, Putin said.",
            span=(text.index(quote), text.index(quote) + len(quote)),
            speaker=PUTIN,
            cue="said",
            about=["Taliban"],
            stance={"Taliban": {"label": "neutral", "score": 0.6}},
        )
        for quote in quotes
    ]
    return ArticleResult(article, statements)


@pytest.fixture
def small_store(db_path: Path):
    """TASS's and RT's report of SAID are linked (shared wording); RT's ALSO stands alone."""
    with Store(db_path) as store:
        tass, rt = _result("tass", "TASS", [SAID]), _result("rt", "RT", [SAID, ALSO])
        store.write([tass, rt])
        sql.save_statement_links(
            store, [(tass.statements[0].id, rt.statements[0].id, 0.9, "shared wording")]
        )
        yield store
