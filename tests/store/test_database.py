from __future__ import annotations

import gc

import duckdb
import pytest

from quotetrail.analyze.positions import is_about
from quotetrail.records import Article, ArticleResult, Mention, Speaker, Statement
from quotetrail.store import (
    EXPORTED_TABLES,
    SCHEMA_VERSION,
    StatementQuery,
    Store,
    StoreError,
    database,
)


def _result(
    article_id: str, text: str, quote: str, speaker: str, said_on: str, affiliation: str = "Russia"
) -> ArticleResult:
    start = text.index(quote)
    article = Article(
        id=article_id, text=text, title=f"Title {article_id}", outlet="Outlet", published=said_on
    )
    statement = Statement(
        article_id=article_id,
        kind="direct",
        quote=quote,
        sentence=text,
        span=(start, start + len(quote)),
        speaker=Speaker(
            name=speaker, mention=speaker.rsplit(maxsplit=1)[-1], affiliation=affiliation
        ),
        cue="said",
        said_on=said_on,
        said_on_assumed=False,
        about=["Taliban"],
    )
    return ArticleResult(
        article=article, statements=[statement], mentions=[Mention("Taliban", "ORG", 0, 7)]
    )


def test_store_new_file_has_current_schema_version(db_path):
    with Store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.count("articles") == 0


def test_store_write_is_idempotent(db_path):
    result = _result(
        "a1",
        "Taliban: 'We want peace,' Putin said.",
        "We want peace",
        "Vladimir Putin",
        "2021-08-20",
    )
    with Store(db_path) as store:
        assert store.write([result]) == 1
        assert store.write([result]) == 0
        assert store.count("articles") == 1
        assert store.count("statements") == 1


def test_store_statement_record_follows_contract(db_path):
    text = "Taliban: 'We want peace,' Putin said."
    with Store(db_path) as store:
        store.write([_result("a1", text, "We want peace", "Vladimir Putin", "2021-08-20")])
        (record,) = store.statements()
    assert record.speaker.name == "Vladimir Putin"
    assert record.speaker.affiliation == "Russia"
    assert record.said_on == "2021-08-20"
    assert record.published == "2021-08-20"
    assert text[record.span[0] : record.span[1]] == record.quote
    assert set(record.to_dict()) >= {
        "id",
        "article_id",
        "outlet",
        "kind",
        "cue",
        "sentence",
        "about",
        "stance",
        "also_in",
    }


def test_store_named_keeps_what_positions_calls_about(db_path):
    """`named` selects in SQL exactly the statements `is_about` keeps: the target written in an
    entry of `about` (part of it too), the quote or the sentence, case aside."""
    results = [
        _result("a1", "Putin said 'no'.", "no", "Vladimir Putin", "2021-08-20"),
        _result(
            "a2", "Putin said the TALIBAN must talk.", "TALIBAN", "Vladimir Putin", "2021-08-21"
        ),
        _result("a3", "Putin said 'maybe'.", "maybe", "Vladimir Putin", "2021-08-22"),
        _result("a4", "Putin said '50%'.", "50%", "Vladimir Putin", "2021-08-23"),
    ]
    results[0].statements[0].about = ["Taliban movement"]
    for result in results[1:]:
        result.statements[0].about = ["Kabul"]
    with Store(db_path) as store:
        store.write(results)
        every = store.statements()
        for target in ("taliban", "Kabul", "50%", "5_%"):
            named = store.statements(StatementQuery(named=target))
            assert [r.id for r in named] == [r.id for r in every if is_about(r, target)]
        assert [r.article_id for r in store.statements(StatementQuery(named="taliban"))] == [
            "a1",
            "a2",
        ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (StatementQuery(speaker="putin"), ["a1", "a2"]),
        (StatementQuery(actor="Russia"), ["a1", "a2", "a3"]),
        (StatementQuery(actor="Russia", about="taliban"), ["a1", "a2", "a3"]),
        (StatementQuery(since="2022-01-01"), ["a2"]),
        (StatementQuery(until="2021-08-20"), ["a1", "a3"]),
        (StatementQuery(speaker="100%"), []),
        # user text is never a pattern: no wildcard, no escape character of its own
        (StatementQuery(actor="russia"), ["a1", "a2", "a3"]),
        (StatementQuery(actor="R_ssia"), []),
        (StatementQuery(actor="Russi%"), []),
        (StatementQuery(actor="Russia\\"), []),
        (StatementQuery(speaker="P_tin"), []),
        (StatementQuery(speaker="Putin\\"), []),
        (StatementQuery(kind="indirect"), []),
    ],
)
def test_store_statement_filters(db_path, query, expected):
    with Store(db_path) as store:
        store.write(
            [
                _result("a1", "Putin said 'no'.", "no", "Vladimir Putin", "2021-08-20"),
                _result("a2", "Putin said 'yes'.", "yes", "Vladimir Putin", "2024-07-05"),
                _result("a3", "Lavrov said 'maybe'.", "maybe", "Sergei Lavrov", "2021-08-19"),
            ]
        )
        found = [row.article_id for row in store.statements(query)]
    assert sorted(found) == expected


@pytest.mark.parametrize(
    "query",
    [
        StatementQuery(actor="Russia"),
        StatementQuery(speaker="putin", since="2021-01-01"),
        StatementQuery(named="yes"),
        StatementQuery(actor="Russia", about="taliban"),
    ],
)
def test_store_statements_read_by_id_or_whole_alike(db_path, monkeypatch, query):
    """A filter's rows are read by their ids when they are few, else as the filter's own
    result: the same records, in the same order, either way."""
    with Store(db_path) as store:
        store.write(
            [
                _result("a1", "Putin said 'no'.", "no", "Vladimir Putin", "2021-08-20"),
                _result("a2", "Putin said 'yes'.", "yes", "Vladimir Putin", "2024-07-05"),
                _result("a3", "Lavrov said 'maybe'.", "maybe", "Sergei Lavrov", "2021-08-19"),
            ]
        )
        read = {}
        for few in (1_000, 0):
            monkeypatch.setattr(database, "FEW", few)
            read[few] = [record.to_dict() for record in store.statements(query)]
    assert read[1_000] and read[1_000] == read[0]


def test_store_failed_write_keeps_earlier_articles(db_path):
    good = _result("a1", "Putin said 'no'.", "no", "Vladimir Putin", "2021-08-20")
    broken = _result("a2", "Putin said 'yes'.", "yes", "Vladimir Putin", "2024-07-05")
    broken.statements[0].kind = None  # violates NOT NULL: the whole batch must roll back
    with Store(db_path) as store:
        store.write([good])
        with pytest.raises(duckdb.Error):
            store.write(
                [
                    _result("a3", "Lavrov said 'maybe'.", "maybe", "Sergei Lavrov", "2021-08-19"),
                    broken,
                ]
            )
        assert [row["id"] for row in store.articles()] == ["a1"]
        assert (
            store.write(
                [_result("a3", "Lavrov said 'maybe'.", "maybe", "Sergei Lavrov", "2021-08-19")]
            )
            == 1
        )


def test_store_commits_count_the_transactions_committed_through_it_and_its_cursors(db_path):
    """What the server works out from the store holds until this count moves: a commit by any
    cursor moves it once (a block inside another is part of it), a rolled-back one never."""
    with Store(db_path) as store:
        reader = store.cursor()
        start = reader.commits.count
        with store.transaction(), store.transaction():
            store.write([_result("a1", "Putin said 'no'.", "no", "Vladimir Putin", "2021-08-20")])
            assert reader.commits.count == start  # not committed yet
        assert reader.commits.count == start + 1
        with pytest.raises(RuntimeError), store.cursor().transaction():
            raise RuntimeError("a batch fails")
        assert store.commits.count == start + 1
        reader.close()


def test_store_records_are_made_with_the_collector_paused(db_path, monkeypatch):
    """Thousands of records at once made the cyclic collector walk the growing heap again and
    again (20,000 of them 1.85 s against 1.24): it waits while they are made, and runs after."""
    from quotetrail.store import database

    seen: list[bool] = []
    made = database._statement
    monkeypatch.setattr(
        database, "_statement", lambda row: seen.append(gc.isenabled()) or made(row)
    )
    gc.enable()
    with Store(db_path) as store:
        store.write([_result("a1", "Putin said 'no'.", "no", "Vladimir Putin", "2021-08-20")])
        assert [record.quote for record in store.statements()] == ["no"]
    assert seen == [False] and gc.isenabled()


def test_store_replace_swaps_statements(db_path):
    first = _result(
        "a1", "Putin said 'no'. Lavrov said 'yes'.", "no", "Vladimir Putin", "2021-08-20"
    )
    second = _result(
        "a1", "Putin said 'no'. Lavrov said 'yes'.", "yes", "Sergei Lavrov", "2021-08-20"
    )
    with Store(db_path) as store:
        store.write([first])
        store.write([second], replace=True)
        names = [row.speaker.name for row in store.statements()]
    assert names == ["Sergei Lavrov"]


def test_store_refuses_foreign_duckdb_file(db_path):
    connection = duckdb.connect(str(db_path))
    connection.execute("CREATE TABLE unrelated (x INTEGER)")
    connection.close()
    with pytest.raises(StoreError, match="not a quotetrail store"):
        Store(db_path)


def test_store_refuses_newer_schema(db_path):
    with Store(db_path) as store:
        store.db.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)]
        )
    with pytest.raises(StoreError, match="schema version"):
        Store(db_path)


def test_store_applies_pending_migrations(db_path, monkeypatch):
    import quotetrail.store.database as store_module

    with Store(db_path):
        pass
    migration = (SCHEMA_VERSION + 1, "CREATE TABLE migrated_marker (x INTEGER);")
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr(store_module, "_migrations", lambda: [migration])
    with Store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION + 1
        assert store.db.execute("SELECT count(*) FROM migrated_marker").fetchone() == (0,)


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_store_export_writes_every_table(db_path, tmp_path, fmt):
    with Store(db_path) as store:
        store.write([_result("a1", "Putin said 'no'.", "no", "Vladimir Putin", "2021-08-20")])
        written = store.export(tmp_path / "out", fmt)
    assert sorted(path.name for path in written) == sorted(f"{t}.{fmt}" for t in EXPORTED_TABLES)
    assert {"stories", "story_members", "statement_links", "entity_merges"} <= set(EXPORTED_TABLES)
    rows = duckdb.sql(
        f"SELECT count(*) FROM '{tmp_path / 'out' / ('statements.' + fmt)}'"
    ).fetchall()[0][0]
    assert rows == 1


def test_store_keeps_article_tone(db_path):
    result = _result("a1", "Putin said 'no'.", "no", "Vladimir Putin", "2021-08-20")
    result.article.tone = -2.5
    with Store(db_path) as store:
        store.write([result])
        assert store.article("a1")["tone"] == -2.5


def _undo_version_11(store: Store) -> None:
    """Back to version 10: no search postings, no lengths in words."""
    store.db.execute("DROP TABLE statement_terms")
    store.db.execute("DROP TABLE article_terms")
    store.db.execute("DROP INDEX statements_article")
    store.db.execute("ALTER TABLE statements DROP COLUMN words")
    store.db.execute("CREATE INDEX statements_article ON statements (article_id)")
    store.db.execute("ALTER TABLE articles DROP COLUMN words")
    store.db.execute("UPDATE meta SET value = '10' WHERE key = 'schema_version'")


def _undo_version_10(store: Store) -> None:
    """Back to version 9: a statement's reports elsewhere as lists again (DuckDB alters no
    column of a table with an index, so the index goes and comes back)."""
    _undo_version_11(store)
    store.db.execute("DROP INDEX statements_article")
    for column in ("also_in", "linked"):
        store.db.execute(
            f"ALTER TABLE statements ALTER COLUMN {column} SET DATA TYPE VARCHAR[]"
            f" USING CAST({column} AS JSON)::VARCHAR[]"
        )
        store.db.execute(f"ALTER TABLE statements ALTER COLUMN {column} SET DEFAULT []")
    store.db.execute("CREATE INDEX statements_article ON statements (article_id)")
    store.db.execute("UPDATE meta SET value = '9' WHERE key = 'schema_version'")


def _undo_version_7(store: Store) -> None:
    """Back to version 6: the listing columns of migrations 7 and 8, dropped."""
    _undo_version_10(store)
    store.db.execute("DROP INDEX statements_article")
    for column in ("said", "outlet", "targets", "stances", "linked", "entity_id", "affiliation_id"):
        store.db.execute(f"ALTER TABLE statements DROP COLUMN {column}")
    store.db.execute("CREATE INDEX statements_article ON statements (article_id)")
    store.db.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")


def _undo_version_4(store: Store) -> None:
    """Back to version 3: what migrations 4 and later added, dropped."""
    _undo_version_7(store)
    for table in ("article_sources", "alerts", "fetches"):  # 6, 5
        store.db.execute(f"DROP TABLE {table}")
    store.db.execute("DROP INDEX stories_sibling_of")
    for column in ("norm", "sibling_of", "seed", "parent_size"):
        store.db.execute(f"ALTER TABLE stories DROP COLUMN {column}")
    store.db.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")


def test_store_migrates_a_version_10_file_indexing_its_words_for_search(db_path):
    from quotetrail.store.search import search_articles, search_statements

    with Store(db_path) as store:
        store.write(
            [_result("a1", "Putin said grain exports resume.", "grain", "V. Putin", "2021-08-20")]
        )
        _undo_version_11(store)
    with Store(db_path) as store:
        assert [hit.article_id for hit in search_statements(store, "exports putin")] == ["a1"]
        assert [hit["id"] for hit in search_articles(store, "grain")] == ["a1"]


def test_store_migrates_a_version_2_file_to_add_tone(db_path):
    import quotetrail.store as store_module

    with Store(db_path) as store:
        _undo_version_4(store)
        store.db.execute("ALTER TABLE articles DROP COLUMN tone")
        store.db.execute("ALTER TABLE entities DROP COLUMN stories")
        store.db.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    with Store(db_path) as store:
        assert store.schema_version == store_module.SCHEMA_VERSION
        store.write([_result("a1", "Putin said 'no'.", "no", "Vladimir Putin", "2021-08-20")])
        assert store.article("a1")["tone"] is None


def test_store_migrates_a_version_3_file_keeping_its_stories(db_path):
    from quotetrail.link import link_articles

    texts = {
        "a1": "Taliban: 'We want peace,' Putin said in Moscow.",
        "a2": "Taliban: 'We want peace,' Putin said in Moscow again.",
    }
    with Store(db_path) as store:
        store.write(
            [
                _result(article_id, text, "We want peace", "Vladimir Putin", "2021-08-20")
                for article_id, text in texts.items()
            ]
        )
        link_articles(store, list(texts))
        _undo_version_4(store)
    with Store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        rows = store.db.execute(
            "SELECT size, norm, sibling_of, seed, parent_size FROM stories"
        ).fetchall()
        assert rows == [
            (2, 2.0, None, None, 0)
        ]  # the bound: mean similarity = cosine until rebuilt
        store.write(
            [
                _result(
                    "a3",
                    "Putin said 'We want peace' to the Taliban in Moscow.",
                    "We want peace",
                    "Vladimir Putin",
                    "2021-08-21",
                )
            ]
        )
        link_articles(store, ["a3"])
        assert store.db.execute("SELECT count(*) FROM story_members").fetchone()[0] == 3


def test_store_other_sources_of_a_text_are_listed_with_its_article(db_path):
    with Store(db_path) as store:
        store.write([_result("a1", "Putin said 'no'.", "no", "Vladimir Putin", "2021-08-20")])
        assert store.article_metadata(["a1", "zz"]) == {
            "a1": {"title": "Title a1", "url": None, "outlet": "Outlet", "published": "2021-08-20"}
        }
        store.add_sources(
            [("a1", "b.jsonl:line 1", {"title": "Other"}), ("a1", "c.jsonl:line 2", {"url": "u"})]
        )
        assert store.article("a1")["sources"] == [
            {
                "source_path": "b.jsonl:line 1",
                "title": "Other",
                "url": None,
                "outlet": None,
                "published": None,
            },
            {
                "source_path": "c.jsonl:line 2",
                "title": None,
                "url": "u",
                "outlet": None,
                "published": None,
            },
        ]
    assert "article_sources" in EXPORTED_TABLES


# What each statement's listing columns (migrations 7 and 8) must hold, computed again from the rows
# they are made of: every statement whose columns say otherwise.
STALE_LISTING_COLUMNS = """
    SELECT s.id FROM statements s JOIN articles a ON a.id = s.article_id
    WHERE s.said IS DISTINCT FROM coalesce(s.said_on, a.published)
       OR s.outlet IS DISTINCT FROM a.outlet
       OR s.targets IS DISTINCT FROM list_sort(list_distinct(list_transform(
              list_concat(s.about, json_keys(s.stance)), lambda x: lower(x))))
       OR s.stances IS DISTINCT FROM list_transform(
              map_entries(CAST(s.stance::JSON AS MAP(VARCHAR, JSON))),
              lambda e: {'target': lower(e.key), 'label': e.value->>'label'})
       OR CAST(s.linked AS JSON)::VARCHAR[] IS DISTINCT FROM coalesce((SELECT list(DISTINCT
              l.other_id ORDER BY l.other_id) FROM statement_links l WHERE l.statement_id = s.id),
              [])
       OR s.entity_id IS DISTINCT FROM (SELECT entity_id FROM statement_entities
              WHERE statement_id = s.id)
       OR s.affiliation_id IS DISTINCT FROM (SELECT affiliation_id FROM statement_entities
              WHERE statement_id = s.id)
"""


def _reports(article_id: str, outlet: str, published: str | None) -> ArticleResult:
    """An article carrying Putin's one statement on the Taliban (stance judged, date unstated
    when `published` is None: then the article's date stands in)."""
    result = _result(
        article_id,
        f"'We will not rush to recognise the Taliban,' Putin said ({article_id}).",
        "We will not rush to recognise the Taliban",
        "Vladimir Putin",
        "2021-08-20",
    )
    statement = result.statements[0]
    statement.said_on = None
    statement.about = ["Taliban", "Kabul"]
    statement.stance = {"the Taliban": {"label": "support", "score": 0.8}}
    result.article.outlet, result.article.published = outlet, published
    return result


def test_store_listing_columns_stay_right_after_further_ingest(db_path):
    from quotetrail.link import link_articles

    with Store(db_path) as store:
        for batch in (
            [_reports("a1", "TASS", "2021-08-20")],
            [_reports("a2", "RT", "2021-08-21"), _reports("a3", "BBC", None)],
        ):
            store.write(batch)
            link_articles(store, [result.article.id for result in batch])
            assert store.db.execute(STALE_LISTING_COLUMNS).fetchall() == []
        store.write([_reports("a1", "Reuters", "2021-08-22")], replace=True)  # re-extracted
        link_articles(store, ["a1"])
        assert store.db.execute(STALE_LISTING_COLUMNS).fetchall() == []
        listed = store.statements()
        assert [(record.outlet, record.published) for record in listed] == [
            ("RT", "2021-08-21"),
            ("Reuters", "2021-08-22"),
            ("BBC", None),
        ]
        assert [len(record.linked) for record in listed] == [1, 1, 0]
        assert [r.outlet for r in store.statements(StatementQuery(outlet="reuters"))] == ["Reuters"]
        assert len(store.statements(StatementQuery(about="The Taliban", stance="support"))) == 3
        assert store.statements(StatementQuery(about="Kabul", stance="support")) == []


def _linked_reports(store: Store) -> list[dict]:
    """Two reports of Putin's statement, linked: each statement's reports elsewhere filled."""
    from quotetrail.link import link_articles

    store.write([_reports("a1", "TASS", "2021-08-20"), _reports("a2", "RT", "2021-08-20")])
    link_articles(store, ["a1", "a2"])
    records = [record.to_dict() for record in store.statements()]
    assert [(r["also_in"], len(r["linked"])) for r in records] == [(["a2"], 1), (["a1"], 1)]
    return records


def test_store_migrates_a_version_9_file_keeping_each_statements_reports(db_path):
    with Store(db_path) as store:
        before = _linked_reports(store)
        _undo_version_10(store)
        assert (
            store.db.execute("SELECT typeof(also_in) FROM statements").fetchall()
            == [("VARCHAR[]",)] * 2
        )
    with Store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [record.to_dict() for record in store.statements()] == before
        assert store.db.execute(STALE_LISTING_COLUMNS).fetchall() == []


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_store_export_writes_reports_elsewhere_as_lists(db_path, tmp_path, fmt):
    """Kept as JSON text in the store (migration 010), written as the records' lists."""
    with Store(db_path) as store:
        _linked_reports(store)
        store.export(tmp_path, fmt)
    rows = duckdb.sql(
        f"SELECT article_id, also_in, len(linked) FROM '{tmp_path / ('statements.' + fmt)}'"
        " ORDER BY article_id"
    ).fetchall()
    assert rows == [("a1", ["a2"], 1), ("a2", ["a1"], 1)]


def test_store_read_only_upgrades_an_older_file_before_reading(db_path):
    """A store written by an older quotetrail, opened by a read command (`statements`,
    `positions`, `serve`): it is migrated first, then read, never queried for columns it
    lacks."""
    with Store(db_path) as store:
        store.write([_reports("a1", "TASS", "2021-08-20")])
        before = [record.to_dict() for record in store.statements()]
        _undo_version_7(store)
    with Store(db_path, read_only=True) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [record.to_dict() for record in store.statements()] == before
        assert len(store.statements(StatementQuery(actor="Vladimir Putin", named="Taliban"))) == 1


def test_store_migrates_a_version_6_file_filling_its_listing_columns(db_path):
    from quotetrail.link import link_articles

    with Store(db_path) as store:
        batch = [_reports("a1", "TASS", "2021-08-20"), _reports("a2", "RT", None)]
        store.write(batch)
        link_articles(store, ["a1", "a2"])
        before = [record.to_dict() for record in store.statements()]
        _undo_version_7(store)
    with Store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.db.execute(STALE_LISTING_COLUMNS).fetchall() == []
        assert [record.to_dict() for record in store.statements()] == before
