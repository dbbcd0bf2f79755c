"""The SQL pieces the store's modules share."""

from __future__ import annotations

import duckdb
import pytest

from quotetrail.store.sql import fetch, like, page


@pytest.mark.parametrize(
    ("value", "matches", "misses"),
    [
        ("100%", "up 100% today", "up 1000 today"),
        ("a_b", "x a_b y", "x aXb y"),
        ("\\", "a\\b", "ab"),
    ],
)
def test_sql_like_takes_wildcards_literally(value, matches, misses):
    db = duckdb.connect()
    query = "SELECT ? ILIKE ? ESCAPE '\\'"
    assert db.execute(query, [matches, like(value)]).fetchone() == (True,)
    assert db.execute(query, [misses, like(value)]).fetchone() == (False,)


@pytest.mark.parametrize(
    ("limit", "offset", "clause"),
    [(None, 0, ""), (10, 0, " LIMIT 10"), (10, 20, " LIMIT 10 OFFSET 20"), (None, 5, " OFFSET 5")],
)
def test_sql_page_clause(limit, offset, clause):
    assert page(limit, offset) == clause


def test_sql_fetch_gives_rows_as_dicts():
    rows = fetch(duckdb.connect(), "SELECT ? AS a, 2 AS b UNION ALL SELECT 'y', 3", ["x"])
    assert rows == [{"a": "x", "b": 2}, {"a": "y", "b": 3}]
