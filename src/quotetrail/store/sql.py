"""The SQL pieces every module of the store shares: the date a statement counts under, a
"contains" condition, a page clause, rows as dicts, and many rows inserted at once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb
import numpy

# The date a statement counts under: when it was said, else its article's publication date
# (`statements.said`, migration 007).
SAID = "s.said"
# The order statements are listed in, over `statements s` alone.
LISTED = "s.said NULLS LAST, s.article_id, s.span_start"
# What a statement's row keeps for its listings (migration 007, the same expressions): filled
# for the statements of the articles given (`?`) by `Store.write`, after it inserts them.
LISTING_COLUMNS = (
    "UPDATE statements SET said = coalesce(statements.said_on, a.published), outlet = a.outlet,"
    " targets = list_sort(list_distinct(list_transform("
    " list_concat(statements.about, json_keys(statements.stance)), lambda x: lower(x)))),"
    " stances = list_transform(map_entries(CAST(statements.stance::JSON AS MAP(VARCHAR, JSON))),"
    " lambda e: {'target': lower(e.key), 'label': e.value->>'label'})"
    " FROM articles a WHERE a.id = statements.article_id"
    " AND list_contains(?, statements.article_id)"
)
# What full-text search reads of a statement and of an article (`store.search`, migration 011,
# the same expressions): the text it matches, split as a query is split (letters and digits,
# lower-cased).
STATEMENT_TEXT = "concat_ws(' ', quote, sentence, speaker_name, speaker_role, speaker_affiliation)"
ARTICLE_TEXT = "concat_ws(' ', title, text)"


def postings_of(table: str) -> str:
    """The table of search's postings for `table` ("statements" or "articles")."""
    return table.removesuffix("s") + "_terms"


# Search's postings are kept in word order, so that DuckDB skips every row group whose words
# (its min and max) a query's cannot be: over 35 million article postings a query read them all
# (170 ms), in order a few row groups (6-14 ms). What each batch appends lies after them unsorted,
# read whole by every query, until an ingest ends with it more than UNSORTED_SHARE of the table
# (and at least UNSORTED_MIN rows, below which a scan costs nothing worth saving); then the
# table is rewritten in order (`rewrite_in_word_order`: 23-27 s for a million statements' postings;
# growing a store that way rewrites each posting about eight times in all).
UNSORTED_SHARE = 0.125
UNSORTED_MIN = 100_000


def index_words(
    db: duckdb.DuckDBPyConnection, table: str, text: str, key: str, keys: Sequence[str]
) -> int:
    """Fill search's rows for the rows of `table` whose `key` is one of `keys`: each row's
    length in words, and a posting (word, id, times) per word in `postings_of(table)`
    (migration 011); returns how many postings it added (after those in word order). Words are
    the lower-cased letter-and-digit runs of the SQL expression `text` (split leaves an empty
    string where it starts or ends with anything else)."""
    words = f"regexp_split_to_array(lower({text}), '[^\\pL\\pN]+')"
    postings = postings_of(table)
    db.execute(
        f"UPDATE {table} SET words = len(list_filter({words}, lambda w: w <> ''))"
        f" WHERE list_contains(?, {key})",
        [list(keys)],
    )
    return db.execute(
        f"INSERT INTO {postings} SELECT term, id, count(*) FROM"
        f" (SELECT id, unnest({words}) AS term FROM {table} WHERE list_contains(?, {key}))"
        " WHERE term <> '' GROUP BY term, id",
        [list(keys)],
    ).fetchone()[0]


def out_of_word_order(db: duckdb.DuckDBPyConnection, table: str, unsorted: int | None) -> bool:
    """Too many postings of `table` lie unsorted after those in word order (`UNSORTED_SHARE`);
    `unsorted` None when none were ever put in order."""
    total = db.execute(f"SELECT count(*) FROM {postings_of(table)}").fetchone()[0]
    unsorted = total if unsorted is None else unsorted
    return unsorted >= UNSORTED_MIN and unsorted > UNSORTED_SHARE * total


def rewrite_in_word_order(db: duckdb.DuckDBPyConnection, table: str) -> None:
    """Rewrite the postings of `table` in word order, inside a transaction the caller holds (a
    crash leaves the table as it was)."""
    postings = postings_of(table)
    db.execute(f"CREATE TABLE {postings}_in_order AS SELECT * FROM {postings} ORDER BY term, id")
    db.execute(f"DROP TABLE {postings}")
    db.execute(f"ALTER TABLE {postings}_in_order RENAME TO {postings}")


# A statement of one resolved entity (the link stage's, kept on the row: migration 008; `?` is
# its id).
OF_ENTITY = "s.entity_id = ?"
# The most rows a page takes or skips (the CLI's and the API's bound): more than any store
# holds, and inside the BIGINT of DuckDB's LIMIT and OFFSET (past it a query fails).
MAX_ROWS = 1_000_000_000


def insert_rows(
    db: duckdb.DuckDBPyConnection,
    table: str,
    rows: Sequence[Sequence[Any]],
    columns: Sequence[str] = (),
    on_conflict: str = "",
) -> None:
    """Insert many rows in one statement, read as a table of NumPy columns: DuckDB's
    replacement scan finds the dict of arrays below by its name and reads each array as one
    column (Python objects, so None, lists and any string go in as they are). Each column as a
    list parameter, unnested, cost six times as long (its values converted one by one);
    row-by-row `executemany` a round trip per row. `on_conflict` is DuckDB's clause ("ON
    CONFLICT DO NOTHING")."""
    if not rows:
        return
    quotetrail_insert_rows = {  # noqa: F841 -- read by DuckDB by this name (no table has it)
        f"c{i}": numpy.fromiter(column, dtype=object, count=len(rows))
        for i, column in enumerate(zip(*rows, strict=True))
    }
    names = f" ({', '.join(columns)})" if columns else ""
    db.execute(f"INSERT INTO {table}{names} SELECT * FROM quotetrail_insert_rows {on_conflict}")


def contains(column: str) -> str:
    """The condition "`column` contains the parameter, case aside", whose parameter is
    `like(value)`. The store writes LIKE nowhere else: user text is never a pattern, and a
    pattern without this ESCAPE clause would read `like`'s escapes as text (and fail on a
    trailing backslash)."""
    return f"{column} ILIKE ? ESCAPE '\\'"


def like(value: str) -> str:
    """The parameter of `contains`: `value` anywhere, its own `%`, `_` and `\\` taken literally."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def page(limit: int | None, offset: int) -> str:
    """The LIMIT / OFFSET clause for one page (empty for all rows)."""
    clause = ""
    if limit is not None:
        clause += f" LIMIT {int(limit)}"
    if offset:
        clause += f" OFFSET {int(offset)}"
    return clause


def fetch(
    db: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()
) -> list[dict[str, Any]]:
    """The result of `sql` as one dict per row, keyed by column name."""
    cursor = db.execute(sql, list(params))
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
