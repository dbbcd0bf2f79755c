"""The SQL pieces the store's modules share."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from quotetrail.store import sql
from quotetrail.store.sql import contains, fetch, like, page


@pytest.mark.parametrize(
    ("value", "matches", "misses"),
    [
        ("100%", "up 100% today", "up 1000 today"),
        ("a_b", "x a_b y", "x aXb y"),
        ("\\", "a\\b", "ab"),
        ("Russia\\", "Russia\\n", "Russia"),
        ("R_ssia", "R_ssia", "Russia"),
    ],
)
def test_sql_contains_takes_wildcards_literally(value, matches, misses):
    db = duckdb.connect()
    query = f"SELECT {contains('x')} FROM (SELECT ?::VARCHAR AS x)"  # the pattern comes first
    assert db.execute(query, [like(value), matches]).fetchone() == (True,)
    assert db.execute(query, [like(value), misses]).fetchone() == (False,)


def test_sql_contains_is_the_only_like_in_the_store():
    """User text is never a pattern: every LIKE the store writes is `contains`, with its ESCAPE
    clause and a `like` parameter (a raw `actor` as an ILIKE pattern let `R_ssia` find Russia
    and `Russia\\` fail)."""
    folder = Path(sql.__file__).parent
    writing = [
        path.name
        for path in folder.glob("*.py")
        if path != Path(sql.__file__) and re.search(r"\bI?LIKE\b", path.read_text(encoding="utf-8"))
    ]
    assert writing == []


@pytest.mark.parametrize(
    ("limit", "offset", "clause"),
    [(None, 0, ""), (10, 0, " LIMIT 10"), (10, 20, " LIMIT 10 OFFSET 20"), (None, 5, " OFFSET 5")],
)
def test_sql_page_clause(limit, offset, clause):
    assert page(limit, offset) == clause


def test_sql_fetch_gives_rows_as_dicts():
    rows = fetch(duckdb.connect(), "SELECT ? AS a, 2 AS b UNION ALL SELECT 'y', 3", ["x"])
    assert rows == [{"a": "x", "b": 2}, {"a": "y", "b": 3}]


def test_sql_insert_rows_puts_every_row_in_one_statement():
    """Columns go in side by side: NULLs, empty and full lists, dates from text, the conflict
    clause; nothing at all for no rows."""
    db = duckdb.connect()
    db.execute("CREATE TABLE t (id VARCHAR PRIMARY KEY, n INTEGER, day DATE, tags VARCHAR[])")
    rows = [("a", 1, "2024-05-01", ["x", "y"]), ("b", None, None, []), ("c", 3, None, None)]
    sql.insert_rows(db, "t", rows)
    sql.insert_rows(db, "t", [])
    sql.insert_rows(
        db, "t", [("a", 9, None, [])], ("id", "n", "day", "tags"), "ON CONFLICT DO NOTHING"
    )
    assert fetch(db, "SELECT id, n, CAST(day AS VARCHAR) AS day, tags FROM t ORDER BY id") == [
        {"id": "a", "n": 1, "day": "2024-05-01", "tags": ["x", "y"]},
        {"id": "b", "n": None, "day": None, "tags": []},
        {"id": "c", "n": 3, "day": None, "tags": None},
    ]


def test_sql_insert_rows_keeps_hostile_strings_and_late_values():
    """Article text is hostile: NUL bytes, bidirectional controls and astral characters go in
    as written; a column whose first thousands of values are NULL still takes the text and the
    numbers that come after (its type is not guessed from the first rows)."""
    db = duckdb.connect()
    db.execute("CREATE TABLE t (id INTEGER, text VARCHAR, n BIGINT)")
    odd = ["nul\x00byte", "rtl \u202egnp.exe", "emoji \U0001f600", ""]
    rows = [(i, None, None) for i in range(3000)]
    rows += [(3000 + i, value, 2**40 + i) for i, value in enumerate(odd)]
    sql.insert_rows(db, "t", rows)
    found = db.execute("SELECT text, n FROM t WHERE text IS NOT NULL ORDER BY id").fetchall()
    assert found == [(value, 2**40 + i) for i, value in enumerate(odd)]
    assert db.execute("SELECT count(*) FROM t").fetchone() == (3004,)
