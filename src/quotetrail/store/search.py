"""Full-text search over statements and articles, ranked by BM25, computed in SQL.

DuckDB's `fts` extension is downloaded on first use, and quotetrail never touches the network
at run time, so the index and the ranking are done here: `Store.write` keeps each document's
length in words and a posting per word (migration 011); the query is split the same way
(lower-case letter/digit runs, `tokens`); every query word must occur (AND), and matches are
ordered by Okapi BM25 (k1 = 1.2, b = 0.75). As in Lucene, the collection statistics (document
count, average length, document frequency) are the whole table's; filters choose which
matches are listed, not how they weigh.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from quotetrail.records import Statement
from quotetrail.store.database import ArticleQuery, StatementQuery, Store
from quotetrail.store.sql import fetch, page, postings_of

K1, B = 1.2, 0.75
_TOKEN = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[str]:
    """Query tokens, split like the SQL side splits documents (letters and digits)."""
    return list(dict.fromkeys(_TOKEN.findall(text.lower())))


@dataclass
class SearchHit:
    id: str
    score: float


@dataclass
class ScoredStatement(Statement):
    """A statement found by a search, with its BM25 score."""

    score: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "score": self.score}


def _bm25(
    store: Store,
    table: str,
    where: list[str],
    params: list[Any],
    terms: list[str],
    limit: int | None,
    offset: int,
) -> list[SearchHit]:
    """Rank the rows of `table` ("statements s" or "articles a") that hold every one of `terms`
    and pass `where` by BM25, from the postings of `terms` alone (each query reads them once:
    MATERIALIZED)."""
    name, alias = table.split()
    kept = " AND ".join([f"{alias}.id IN (SELECT id FROM matched)", *where])
    sql = f"""
        WITH hits AS MATERIALIZED (
            SELECT id, term, tf FROM {postings_of(name)} WHERE list_contains(?, term)
        ),
        matched AS (SELECT id FROM hits GROUP BY id HAVING count(*) = ?),
        df AS (SELECT term, count(*) AS df FROM hits GROUP BY term),
        stats AS (SELECT count(*) AS n, greatest(avg(words), 1) AS avgdl FROM {name}),
        kept AS (SELECT {alias}.id, {alias}.words FROM {table} WHERE {kept})
        SELECT h.id, sum(ln(1 + (stats.n - df.df + 0.5) / (df.df + 0.5))
                         * h.tf * {K1 + 1}
                         / (h.tf + {K1} * (1 - {B} + {B} * k.words / stats.avgdl))) AS score
        FROM hits h JOIN kept k ON k.id = h.id JOIN df ON df.term = h.term, stats
        GROUP BY h.id
        ORDER BY score DESC, h.id
    """ + page(limit, offset)
    found = fetch(store.db, sql, [terms, len(terms), *params])
    return [SearchHit(row["id"], float(row["score"])) for row in found]


def search_statements(
    store: Store,
    query: str,
    where_filter: StatementQuery | None = None,
    limit: int | None = 20,
    offset: int = 0,
) -> list[ScoredStatement]:
    """Statements whose quote, sentence or speaker match every word of `query`, best first,
    each with its score."""
    terms = tokens(query)
    if not terms:
        return []
    where, params = store.statement_conditions(where_filter or StatementQuery())
    hits = _bm25(store, "statements s", where, params, terms, limit, offset)
    if not hits:
        return []
    records = {
        record.id: record for record in store.statements(StatementQuery(ids=[h.id for h in hits]))
    }
    return [ScoredStatement(**vars(records[hit.id]), score=round(hit.score, 4)) for hit in hits]


def search_articles(
    store: Store,
    query: str,
    article_query: ArticleQuery | None = None,
    limit: int | None = 20,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Articles whose title or cleaned text match every word of `query`, best first, with a
    short snippet around the first match (plain text; escaping is the renderer's job)."""
    terms = tokens(query)
    if not terms:
        return []
    where, params = store.article_conditions(article_query or ArticleQuery())
    hits = _bm25(store, "articles a", where, params, terms, limit, offset)
    if not hits:
        return []
    found = fetch(
        store.db,
        "SELECT id, title, outlet, strftime(published, '%Y-%m-%d') AS published, text FROM articles"
        " WHERE list_contains(?, id)",
        [[h.id for h in hits]],
    )
    by_id = {row["id"]: row for row in found}
    results = []
    for hit in hits:
        row = by_id[hit.id]
        text = row.pop("text")
        results.append({**row, "snippet": snippet(text, terms), "score": round(hit.score, 4)})
    return results


def snippet(text: str, terms: list[str], width: int = 220) -> str:
    """About `width` characters of `text` around the first occurrence of any term."""
    lowered = text.lower()
    found = [
        m.start()
        for t in terms
        for m in [re.search(rf"(?<![^\W_]){re.escape(t)}(?![^\W_])", lowered)]
        if m
    ]
    start = max(min(found) - width // 3, 0) if found else 0
    if start:  # begin at a word boundary
        start = next((i + 1 for i in range(start, min(found)) if text[i].isspace()), start)
    piece = " ".join(text[start : start + width].split())
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")
