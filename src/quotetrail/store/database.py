"""The store's database: one DuckDB file, its schema, writes, and the listings of records.

Writes go in transactions (`Store.transaction`; ingest holds one around a batch's rows, links
and learned state), so a crash or a bad record midway leaves every earlier batch intact, whole,
and the file usable. The schema carries a version; opening an older file applies the migrations
in `migrations/` in order.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from quotetrail import collector
from quotetrail.records import ArticleResult, Speaker, SpeakerEntity, Statement
from quotetrail.store.sql import (
    ARTICLE_TEXT,
    LISTED,
    LISTING_COLUMNS,
    OF_ENTITY,
    SAID,
    STATEMENT_TEXT,
    contains,
    fetch,
    index_words,
    insert_rows,
    like,
    out_of_word_order,
    page,
    postings_of,
    rewrite_in_word_order,
)

# The columns `write` fills, in the order its rows hold them.
ARTICLE_COLUMNS = (
    "id title outlet published published_time published_inferred url source_path language"
    " dateline text removed tone"
).split()
STATEMENT_COLUMNS = (
    "id article_id kind quote sentence span_start span_end cue speaker_id speaker_name"
    " speaker_mention speaker_kind speaker_role speaker_affiliation said_on said_on_assumed about"
    " stance also_in"
).split()
# What a statement's record is read from: what `write` fills and what linking adds to the row,
# not the columns kept only to filter and search (`targets`, `stances`, `words`), whose lists
# cost their conversion to Python for every row read.
READ_COLUMNS = ", ".join(
    f"s.{name}" for name in (*STATEMENT_COLUMNS, "outlet", "linked", "entity_id")
)
SCHEMA_VERSION = 11
# The tables full-text search reads (`store.search`), each with its postings (migration 011):
# the text searched, and the column `write` names a batch's rows by.
SEARCHED = (("statements", STATEMENT_TEXT, "article_id"), ("articles", ARTICLE_TEXT, "id"))
# What `export` writes: the records and every result of linking them. Left out: `meta` and the
# indexes that only make linking incremental (entity_keys, article_signatures, article_bands,
# story_terms, term_df), which a reader of the export can rebuild by re-ingesting.
EXPORTED_TABLES = (
    "articles",
    "statements",
    "mentions",
    "entities",
    "entity_merges",
    "entity_mentions",
    "statement_entities",
    "statement_links",
    "near_duplicates",
    "stories",
    "story_members",
    "article_sources",
)

# Exported tables whose stored form differs from the records': a statement's reports in other
# articles are JSON text in the store (migration 010) and lists in the export, as in a record.
EXPORTED_ROWS = {
    "statements": "(SELECT * REPLACE (CAST(also_in AS JSON)::VARCHAR[] AS also_in,"
    " CAST(linked AS JSON)::VARCHAR[] AS linked) FROM statements)",
}

# What a source states of an article beside its text; a text sent again with other values is
# recorded as another source of it (`article_sources`).
METADATA = ("title", "url", "outlet", "published")

# The file formats `export` writes, and DuckDB's COPY options for each.
EXPORT_FORMATS = {
    "parquet": "FORMAT parquet",
    "csv": "FORMAT csv, HEADER",
    "jsonl": "FORMAT json",
}

# Up to this many rows a filter keeps are read by their ids (a list the query holds), more as
# the filter's own result: the list is searched once per stored statement.
FEW = 1_000


class StoreError(Exception):
    """The database file cannot be used (not a quotetrail store, newer schema, in use …).

    The message names the file, for whoever runs quotetrail; `reason` says why without naming
    it (no path, no process), for what the server tells a client."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class StoreBusy(StoreError):
    """Another process holds the file (DuckDB lets one process write it, or several read it)."""


LOCKED = "Could not set lock"  # how DuckDB says another process holds the file


@dataclass
class Commits:
    """How many write transactions a store and its cursors have committed in this process.
    What was worked out from the store at one count holds until the count moves (the server
    keeps a position's analysis so: `serve.owner.Remembered`)."""

    count: int = 0


@dataclass
class StatementQuery:
    """Filters for listing statements; every field is optional and they combine with AND.
    The CLI, the API, search and the web pages all filter through this one query."""

    speaker: str | None = None  # part of the speaker's name or mention, case-insensitive
    speaker_id: str | None = None
    entity_id: str | None = None  # the speaker as resolved across articles (link stage)
    actor: str | None = None  # a speaker, or anyone whose affiliation is this actor
    about: str | None = None  # a target the statement is about (or judges, or names in its quote)
    stance: str | None = None  # a stance label: on `about` when given, else on any target
    # text written in an entry of `about`, the quote or the sentence, case aside: what
    # `analyze.positions.is_about` asks, here to keep a position's rows to those it may keep
    named: str | None = None
    outlet: str | None = None
    since: str | None = None  # ISO date, on said_on
    until: str | None = None
    kind: str | None = None
    article_id: str | None = None
    article_ids: list[str] | None = None
    ids: list[str] | None = None
    limit: int | None = None
    offset: int = 0


@dataclass
class ArticleQuery:
    ids: list[str] | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int | None = None
    offset: int = 0


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("quotetrail.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        match = re.fullmatch(r"(\d+)_.+\.sql", entry.name)
        if match:
            found.append((int(match.group(1)), entry.read_text(encoding="utf-8")))
    return sorted(found)


class Store:
    """A quotetrail database file. Use as a context manager, or call `close()`."""

    def __init__(
        self,
        path: str | Path,
        read_only: bool = False,
        connection: duckdb.DuckDBPyConnection | None = None,
        commits: Commits | None = None,
    ):
        self.path = str(path)
        self.in_transaction = False
        self.commits = commits or Commits()
        if connection is not None:  # another connection to a store already open (`cursor`)
            self.db = connection
            return
        if read_only and not Path(path).exists():
            raise StoreError(f"no database at {self.path}", "no store yet: ingest something first")
        self.db = self._connect(read_only)
        if not read_only:
            self._migrate()
        elif self._check_version() < SCHEMA_VERSION:
            # Written by an older quotetrail: the queries read columns its migrations add, so
            # it is brought up to date once (briefly writable), then read as asked.
            self.db.close()
            self.db = self._connect(read_only=False)
            self._migrate()
            self.db.close()
            self.db = self._connect(read_only=True)

    def _connect(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        try:
            return duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as error:
            if LOCKED in str(error):
                raise StoreBusy(
                    f"{self.path} is in use by another process", "in use by another process"
                ) from None
            raise StoreError(f"cannot open {self.path}: {error}", "cannot be opened") from error

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def cursor(self) -> Store:
        """Another connection to this store, for another thread: DuckDB lets the threads of one
        process read and write one database at once, each reading a consistent snapshot."""
        return Store(self.path, connection=self.db.cursor(), commits=self.commits)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction around the block, committed at its end or rolled back. A block inside
        another joins the outer one: ingest commits a batch's rows and its links together."""
        if self.in_transaction:
            yield
            return
        self.db.execute("BEGIN TRANSACTION")
        self.in_transaction = True
        try:
            yield
            self.db.execute("COMMIT")
            self.commits.count += 1
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        finally:
            self.in_transaction = False

    # -- schema -------------------------------------------------------------------------

    def _stored_version(self) -> int | None:
        tables = {
            row[0]
            for row in self.db.execute(
                "SELECT table_name FROM information_schema.tables"
            ).fetchall()
        }
        if "meta" not in tables:
            if tables:
                raise StoreError(
                    f"{self.path} is a DuckDB file but not a quotetrail store",
                    "not a quotetrail store",
                )
            return None
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else None

    def _check_version(self) -> int:
        version = self._stored_version()
        if version is None:
            raise StoreError(
                f"{self.path} is empty: ingest something first", "empty: ingest something first"
            )
        self._check_newer(version)
        return version

    def _check_newer(self, version: int | None) -> None:
        if version is not None and version > SCHEMA_VERSION:
            reason = f"schema version {version}; this quotetrail reads up to {SCHEMA_VERSION}"
            raise StoreError(f"{self.path} has {reason}", reason)

    def _migrate(self) -> None:
        version = self._stored_version()
        self._check_newer(version)
        steps: list[tuple[int, str]] = []
        if version is None:
            schema = (
                resources.files("quotetrail.store")
                .joinpath("schema.sql")
                .read_text(encoding="utf-8")
            )
            steps.append((1, schema))
            version = 0
        steps += [
            (number, sql) for number, sql in _migrations() if version < number <= SCHEMA_VERSION
        ]
        for number, sql in steps:
            self.db.execute("BEGIN TRANSACTION")
            try:
                self.db.execute(sql)
                self.db.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(number)]
                )
                self.db.execute("COMMIT")
            except duckdb.Error:
                self.db.execute("ROLLBACK")
                raise

    @property
    def schema_version(self) -> int:
        return self._stored_version() or 0

    # -- corpus state -------------------------------------------------------------------

    def load_state(self, key: str) -> Any | None:
        """A JSON value a corpus stage keeps between runs (e.g. learned furniture), or None."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [f"state:{key}"]).fetchone()
        return json.loads(row[0]) if row else None

    def save_state(self, key: str, value: Any) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO meta VALUES (?, ?)",
            [f"state:{key}", json.dumps(value, ensure_ascii=False)],
        )

    # -- writing ------------------------------------------------------------------------

    def existing_article_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = list(ids)
        if not wanted:
            return set()
        rows = self.db.execute(
            "SELECT id FROM articles WHERE list_contains(?, id)", [wanted]
        ).fetchall()
        return {row[0] for row in rows}

    def write(self, results: Sequence[ArticleResult], replace: bool = False) -> int:
        """Store whole articles in one transaction; returns how many were new.

        An article already stored is left alone unless `replace`, which swaps its statements
        and mentions for the new ones (re-extraction after the extractors improved).
        """
        if not results:
            return 0
        with self.transaction():
            ids = [result.article.id for result in results]
            present = self.existing_article_ids(ids)
            if replace and present:
                self.db.execute(
                    "DELETE FROM statement_terms WHERE id IN"
                    " (SELECT id FROM statements WHERE list_contains(?, article_id))",
                    [list(present)],
                )
                for table, column in (
                    ("article_terms", "id"),
                    ("statements", "article_id"),
                    ("mentions", "article_id"),
                    ("articles", "id"),
                ):
                    self.db.execute(
                        f"DELETE FROM {table} WHERE list_contains(?, {column})", [list(present)]
                    )
                present = set()
            fresh = [result for result in results if result.article.id not in present]
            seen: set[str] = set()
            unique = []
            for result in fresh:
                if result.article.id not in seen:
                    seen.add(result.article.id)
                    unique.append(result)
            self._insert(unique)
        return len(unique)

    def keep_search_in_order(self) -> bool:
        """Search's postings rewritten in word order where too many lie after those in order
        (`sql.UNSORTED_SHARE`), in one transaction; True when any was. Ingest asks it when a
        run ends, not with each batch: the rewrite reads every posting."""
        due = [
            table
            for table, _text, _key in SEARCHED
            if out_of_word_order(self.db, table, self.load_state(_unsorted(table)))
        ]
        if due:
            with self.transaction():
                for table in due:
                    rewrite_in_word_order(self.db, table)
                    self.save_state(_unsorted(table), 0)
        return bool(due)

    def _insert(self, results: Sequence[ArticleResult]) -> None:
        articles = [
            (
                a.id,
                a.title,
                a.outlet,
                a.published,
                a.published_time,
                a.published_inferred,
                a.url,
                a.source_path,
                a.language,
                a.dateline,
                a.text,
                json.dumps(
                    [{"text": r.text, "rule": r.rule} for r in a.removed], ensure_ascii=False
                ),
                a.tone,
            )
            for a in (result.article for result in results)
        ]
        statements = [
            (
                s.id,
                s.article_id,
                s.kind,
                s.quote,
                s.sentence,
                s.span[0],
                s.span[1],
                s.cue,
                s.speaker.id if s.speaker else None,
                s.speaker.name if s.speaker else None,
                s.speaker.mention if s.speaker else None,
                s.speaker.kind if s.speaker else None,
                s.speaker.role if s.speaker else None,
                s.speaker.affiliation if s.speaker else None,
                s.said_on,
                s.said_on_assumed,
                list(s.about),
                json.dumps(s.stance, ensure_ascii=False),
                _ids_text(s.also_in),
            )
            for result in results
            for s in result.statements
        ]
        mentions = [
            (result.article.id, m.text, m.label, m.start, m.end)
            for result in results
            for m in result.mentions
        ]
        insert_rows(self.db, "articles", articles, ARTICLE_COLUMNS)
        insert_rows(
            self.db,
            "statements",
            statements,
            STATEMENT_COLUMNS,
            on_conflict="ON CONFLICT DO NOTHING",
        )
        insert_rows(self.db, "mentions", mentions)
        article_ids = [result.article.id for result in results]
        self.db.execute(LISTING_COLUMNS, [article_ids])
        for table, text, key in SEARCHED:
            added = index_words(self.db, table, text, key, article_ids)
            unsorted = self.load_state(_unsorted(table))
            if unsorted is not None:  # none is in word order yet: all count as unsorted
                self.save_state(_unsorted(table), unsorted + added)

    # -- reading ------------------------------------------------------------------------

    def count(self, table: str) -> int:
        if table not in {"articles", "statements", "mentions"}:
            raise ValueError(f"unknown table {table}")
        return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def articles(
        self, query: ArticleQuery | None = None, with_text: bool = True
    ) -> list[dict[str, Any]]:
        query = query or ArticleQuery()
        where, params = self.article_conditions(query)
        text = ", text, removed" if with_text else ""
        sql = (
            "SELECT id, title, outlet, strftime(published, '%Y-%m-%d') AS published,"
            " published_time,"
            " published_inferred, url, source_path, language, dateline, round(tone, 2) AS"
            f" tone{text},"
            " (SELECT count(*) FROM statements s WHERE s.article_id = a.id) AS statements"
            " FROM articles a"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY published NULLS LAST, id"
            + page(query.limit, query.offset)
        )
        rows = fetch(self.db, sql, params)
        for row in rows:
            if "removed" in row:
                row["removed"] = json.loads(row["removed"])
        return rows

    @staticmethod
    def article_conditions(query: ArticleQuery) -> tuple[list[str], list[Any]]:
        """SQL conditions over `articles` for `query`, and their parameters."""
        where: list[str] = []
        params: list[Any] = []
        if query.ids is not None:
            where.append("list_contains(?, id)")
            params.append(list(query.ids))
        if query.outlet:
            where.append(contains("outlet"))
            params.append(like(query.outlet))
        if query.since:
            where.append("published >= CAST(? AS DATE)")
            params.append(query.since)
        if query.until:
            where.append("published <= CAST(? AS DATE)")
            params.append(query.until)
        return where, params

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article, with the other sources its text came from (`sources`)."""
        rows = self.articles(ArticleQuery(ids=[article_id]))
        if not rows:
            return None
        return {**rows[0], "sources": self.article_sources([article_id]).get(article_id, [])}

    def article_sources(self, ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
        """Article id → the other sources recorded for its text (`add_sources`), first first."""
        found: dict[str, list[dict[str, Any]]] = {}
        for row in fetch(
            self.db,
            "SELECT article_id, source_path, title, url, outlet, published FROM article_sources"
            " WHERE list_contains(?, article_id) ORDER BY rowid",
            [list(ids)],
        ):
            found.setdefault(row.pop("article_id"), []).append(row)
        return found

    def article_metadata(self, ids: Sequence[str]) -> dict[str, dict[str, str | None]]:
        """Article id → the title, url, outlet and date it was stored with."""
        rows = fetch(
            self.db,
            "SELECT id, title, url, outlet, strftime(published, '%Y-%m-%d') AS published"
            " FROM articles WHERE list_contains(?, id)",
            [list(ids)],
        )
        return {row.pop("id"): row for row in rows}

    def add_sources(self, rows: Sequence[tuple[str, str, dict[str, str]]]) -> None:
        """Record other sources of stored texts: (article id, source, the metadata it states)."""
        insert_rows(
            self.db,
            "article_sources",
            [
                (article_id, source, *(stated.get(name) for name in METADATA))
                for article_id, source, stated in rows
            ],
        )

    def statements(self, query: StatementQuery | None = None) -> list[Statement]:
        """Statements as `Statement` records, with what the store knows beyond extraction (the
        article's outlet and date, the speaker as resolved across articles, the linked reports,
        the story), ordered by date said."""
        query = query or StatementQuery()
        where, params = self.statement_conditions(query)
        # Filtered and ordered on the statements' own rows (migrations 007, 008). A page's ids
        # come first from a top-N of narrow columns; then only its rows are read whole and joined
        # with only their articles and story members. Over a million statements, sorting the wide
        # rows took 190 ms of a page's 220, and joining all articles to 50 rows 180 ms. The rows
        # chosen (a page, or all a filter keeps) are read on their own (MATERIALIZED): filtered
        # inside the join, DuckDB scanned every wide row of the table for them (70 ms against 10
        # for a page at 150,000 statements; a search's hits by id 0.3 s at a million).
        # A filter that keeps few rows finds them the same way, by their narrow columns (the
        # first FEW + 1 it meets tell whether it is one): read whole behind a filter DuckDB
        # cannot push into its scan (the actor's subqueries), every wide row was read for
        # them (a person's 69 statements about a target 280 ms at a million, 110 this way).
        paging = page(query.limit, query.offset)
        listed = None
        if query.limit is not None or (where and not query.offset):
            listed = self.db.execute(
                "SELECT s.id, s.article_id FROM statements s"
                + (" WHERE " + " AND ".join(where) if where else "")
                + (f" ORDER BY {LISTED}{paging}" if query.limit is not None else page(FEW + 1, 0)),
                params,
            ).fetchall()
            if query.limit is None and len(listed) > FEW:
                listed = None
        pick, rows = "", "statements s"
        if listed is not None:
            if not listed:
                return []
            pick = "WITH s AS MATERIALIZED (SELECT * FROM statements WHERE list_contains(?, id)) "
            rows = (
                "s JOIN (SELECT id, published FROM articles WHERE list_contains(?, id)) a"
                " ON a.id = s.article_id LEFT JOIN (SELECT article_id, story_id FROM story_members"
                " WHERE list_contains(?, article_id)) m ON m.article_id = s.article_id"
            )
            articles = sorted({row[1] for row in listed})
            where, params, paging = [], [[row[0] for row in listed], articles, articles], ""
        else:
            if where:
                kept = " AND ".join(where)
                pick = f"WITH s AS MATERIALIZED (SELECT * FROM statements s WHERE {kept}) "
                rows, where = "s", []
            rows += (
                " JOIN articles a ON a.id = s.article_id"
                " LEFT JOIN story_members m ON m.article_id = s.article_id"
            )
        # The speaker as the link stage resolved it is on the statement's row (migration 008).
        sql = (
            pick + f"SELECT {READ_COLUMNS}, strftime(a.published, '%Y-%m-%d') AS published,"
            " strftime(s.said_on, '%Y-%m-%d') AS said_on_iso, m.story_id, strftime(st.first,"
            " '%Y-%m-%d') AS story_first, e.name AS entity_name, f.name AS entity_affiliation"
            f" FROM {rows} LEFT JOIN stories st ON st.id = m.story_id"
            " LEFT JOIN entities e ON e.id = s.entity_id"
            " LEFT JOIN entities f ON f.id = s.affiliation_id AND f.id <> e.id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + f" ORDER BY {LISTED}{paging}"
        )
        # Many records at once (ten thousand and more) are made with the collector paused:
        # 20,000 took 1.85 s with its passes over the growing heap, 1.24 s without.
        with collector.paused():
            return [_statement(row) for row in fetch(self.db, sql, params)]

    def statement_links(self, statement_ids: Sequence[str]) -> list[dict[str, Any]]:
        """The links of these statements (the link stage's `statement_links`): the other
        statement and its article, score and the reason they are one."""
        return fetch(
            self.db,
            "SELECT l.statement_id, l.other_id, o.article_id AS other_article_id, l.score, l.reason"
            " FROM statement_links l LEFT JOIN statements o ON o.id = l.other_id"
            " WHERE l.statement_id IN (SELECT unnest(?)) ORDER BY l.statement_id, l.other_id",
            [list(statement_ids)],
        )

    def statement_conditions(self, query: StatementQuery) -> tuple[list[str], list[Any]]:
        """SQL conditions over `statements s` for `query`, and their parameters."""
        where: list[str] = []
        params: list[Any] = []
        if (
            query.speaker
        ):  # as this article names the speaker, or by any alias of the person resolved
            where.append(
                f"({contains('s.speaker_name')} OR {contains('s.speaker_mention')}"
                " OR s.entity_id IN"
                f" (SELECT entity_id FROM entity_merges WHERE {contains('alias')}"
                f" UNION SELECT id FROM entities WHERE {contains('name')}))"
            )
            params += [like(query.speaker)] * 4
        if query.actor:
            # The actor as written, or any entity (migration 002) one of whose aliases it is:
            # its own statements, and those of everyone speaking for it.
            where.append(
                f"({contains('s.speaker_name')} OR lower(s.speaker_affiliation) = lower(?)"
                " OR s.entity_id IN (SELECT entity_id FROM entity_merges WHERE"
                " regexp_replace(lower(alias), '^the ', '') = regexp_replace(lower(?), '^the ', '')"
                f" UNION SELECT id FROM entities WHERE kind = 'person' AND {contains('name')})"
                " OR s.affiliation_id IN (SELECT entity_id FROM entity_merges WHERE"
                " regexp_replace(lower(alias), '^the ', '') = regexp_replace(lower(?), '^the ',"
                " '')))"
            )
            actor = query.actor.strip()
            params += [like(actor), actor, actor, like(actor), actor]
        # The filters that read the statements' text are asked only of the rows the others keep
        # (below): a substring of every quote and sentence is the costliest test there is.
        text: list[str] = []
        text_params: list[Any] = []
        if query.about:  # named in `about`, judged in `stance`, or written in the quote
            text.append(
                f"(list_contains(s.targets, lower(?)) OR {contains('s.quote')}"
                f" OR {contains('s.sentence')})"
            )
            text_params += [query.about, like(query.about), like(query.about)]
        if query.named:
            text.append(
                f"(len(list_filter(s.about, lambda x: {contains('x')})) > 0"
                f" OR {contains('s.quote')} OR {contains('s.sentence')})"
            )
            text_params += [like(query.named)] * 3
        if query.stance:
            where.append(
                "len(list_filter(s.stances, lambda e: (? IS NULL OR e.target = lower(?))"
                " AND e.label = ?)) > 0"
            )
            params += [query.about, query.about, query.stance]
        if query.outlet:
            where.append(contains("s.outlet"))
            params.append(like(query.outlet))
        for condition, value in (
            (OF_ENTITY, query.entity_id),
            (f"{SAID} >= CAST(? AS DATE)", query.since),
            (f"{SAID} <= CAST(? AS DATE)", query.until),
            ("s.speaker_id = ?", query.speaker_id),
            ("s.kind = ?", query.kind),
            ("s.article_id = ?", query.article_id),
        ):
            if value:
                where.append(condition)
                params.append(value)
        if query.article_ids is not None:
            where.append("list_contains(?, s.article_id)")
            params.append(list(query.article_ids))
        if query.ids is not None:
            where.append("list_contains(?, s.id)")
            params.append(list(query.ids))
        gate, gate_params = _gated(where, params, text, text_params)
        return where + gate, params + gate_params

    def export(self, folder: Path, fmt: str) -> list[Path]:
        """Write every table of records and links (`EXPORTED_TABLES`) to `folder` in one of
        `EXPORT_FORMATS`; returns the files written."""
        folder.mkdir(parents=True, exist_ok=True)
        options = EXPORT_FORMATS[fmt]
        written = []
        for table in EXPORTED_TABLES:
            target = folder / f"{table}.{fmt}"
            rows = EXPORTED_ROWS.get(table, table)
            self.db.execute(f"COPY {rows} TO '{_sql_path(target)}' ({options})")
            written.append(target)
        return written


def _gated(
    where: list[str], params: list[Any], text: list[str], text_params: list[Any]
) -> tuple[list[str], list[Any]]:
    """The `text` conditions, asked only of the rows that pass `where` too (in a CASE, which
    DuckDB evaluates only on the rows its WHEN keeps), and their parameters; `where` stays as
    it is beside them, so the scan still skips row groups by it. A busy actor's statements
    naming a target are found in 0.18 s against 0.4 s at a million statements."""
    if not where:
        return text, text_params
    if not text:
        return [], []
    case = f"CASE WHEN {' AND '.join(where)} THEN {' AND '.join(text)} ELSE false END"
    return [case], params + text_params


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _ids_text(ids: Sequence[str]) -> str:
    """A list of ids as the store keeps it (migration 010): JSON, written as DuckDB's `to_json`
    writes it."""
    return json.dumps(list(ids), separators=(",", ":"))


def _unsorted(table: str) -> str:
    """The state that counts the postings of `table` not yet in word order (`sql.index_words`)."""
    return f"unsorted:{postings_of(table)}"


def _statement(row: dict[str, Any]) -> Statement:
    """A stored row as a `Statement`, with its resolved speaker (the entity the link stage
    gave it, and the entity it speaks for unless that is itself)."""
    speaker = None
    if row["speaker_name"] is not None:
        entity = None
        if row["entity_name"] is not None:
            entity = SpeakerEntity(row["entity_id"], row["entity_name"], row["entity_affiliation"])
        speaker = Speaker(
            name=row["speaker_name"],
            mention=row["speaker_mention"],
            kind=row["speaker_kind"],
            role=row["speaker_role"],
            affiliation=row["speaker_affiliation"],
            id=row["speaker_id"],
            entity=entity,
        )
    return Statement(
        id=row["id"],
        article_id=row["article_id"],
        kind=row["kind"],
        quote=row["quote"],
        sentence=row["sentence"],
        span=(row["span_start"], row["span_end"]),
        speaker=speaker,
        cue=row["cue"],
        said_on=row["said_on_iso"],
        said_on_assumed=row["said_on_assumed"],
        about=list(row["about"] or []),
        stance=json.loads(row["stance"] or "{}"),
        also_in=json.loads(row["also_in"] or "[]"),
        outlet=row["outlet"],
        published=row["published"],
        linked=json.loads(row["linked"] or "[]"),
        story_id=row["story_id"],
        story_first=row["story_first"],
    )
