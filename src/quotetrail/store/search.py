"""Full-text search over statements and articles, ranked by BM25, computed in SQL.

DuckDB's `fts` extension is downloaded on first use, and quotetrail never touches the network
at run time, so the ranking is done here: documents and the query are split into lower-case
letter/digit tokens the same way (`tokens`), every query token must occur (AND), and matches
are ordered by Okapi BM25 (k1 = 1.2, b = 0.75) over the filtered documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from quotetrail.records import Statement
from quotetrail.store.database import ArticleQuery, StatementQuery, Store
from quotetrail.store.sql import fetch, page

K1, B = 1.2, 0.75
_TOKEN = re.compile(r"[^\W_]+")
_SQL_SPLIT = r"'[^\pL\pN]+'"


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
    store: Store, docs_sql: str, params: list[Any], terms: list[str], limit: int | None, offset: int
) -> list[SearchHit]:
    """Rank the rows of `docs_sql` (columns id, body) by BM25 against `terms`.

    Only documents holding every term as a substring are tokenised (the expensive step); the
    collection statistics come from cheap scans: document length in space-separated words and
    document frequency as the number of documents containing the term as a substring (a slight
    over-count for terms that are also parts of longer words).
    """
    words = "(length(body) - length(replace(body, ' ', '')) + 1)"
    has_all = " AND ".join("contains(body, ?)" for _ in terms)
    df_columns = ", ".join(
        f"count(*) FILTER (WHERE contains(body, ?)) AS df{i}" for i in range(len(terms))
    )
    df_of = "CASE t.i " + " ".join(f"WHEN {i} THEN stats.df{i}" for i in range(len(terms))) + " END"
    sql = f"""
        WITH base AS (SELECT id, lower(body) AS body FROM ({docs_sql})),
        stats AS (SELECT count(*) AS n, greatest(avg({words}), 1) AS avgdl, {df_columns} FROM base),
        candidates AS (
            SELECT id, regexp_split_to_array(body, {_SQL_SPLIT}) AS toks, {words} AS dl
            FROM base WHERE {has_all}
        ),
        terms AS (
            SELECT unnest(?::VARCHAR[]) AS term, generate_subscripts(?::VARCHAR[], 1) - 1 AS i
        ),
        tf AS (
            SELECT c.id, c.dl, t.i, len(list_filter(c.toks, lambda x: x = t.term)) AS f
            FROM candidates c, terms t
        )
        SELECT tf.id, sum(ln(1 + (stats.n - {df_of} + 0.5) / ({df_of} + 0.5))
                         * tf.f * {K1 + 1}
                         / (tf.f + {K1} * (1 - {B} + {B} * tf.dl / stats.avgdl))) AS score
        FROM tf JOIN terms t ON t.i = tf.i, stats
        WHERE tf.f > 0
        GROUP BY tf.id
        HAVING count(*) = ?
        ORDER BY score DESC, tf.id
    """ + page(limit, offset)
    found = fetch(store.db, sql, [*params, *terms, *terms, terms, terms, len(terms)])
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
    docs_sql = (
        "SELECT s.id, concat_ws(' ', s.quote, s.sentence, s.speaker_name, s.speaker_role,"
        " s.speaker_affiliation) AS body"
        " FROM statements s JOIN articles a ON a.id = s.article_id"
        + (" WHERE " + " AND ".join(where) if where else "")
    )
    hits = _bm25(store, docs_sql, params, terms, limit, offset)
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
    docs_sql = "SELECT id, concat_ws(' ', title, text) AS body FROM articles" + (
        " WHERE " + " AND ".join(where) if where else ""
    )
    hits = _bm25(store, docs_sql, params, terms, limit, offset)
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
