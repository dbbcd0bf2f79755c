"""link_articles over a real store (entities, also_in, near-duplicate marks, stories, outlets, CLI),
and the headline that stands in for a missing title."""

from __future__ import annotations

import gc
import json
import subprocess
import sys

import pytest

from quotetrail.link import _speaks_for, headline, link_articles, link_keys
from quotetrail.link.entities import Observation, Resolver
from quotetrail.pipeline import process_batch
from quotetrail.read import iter_documents
from quotetrail.records import (
    DOCUMENT,
    Article,
    ArticleResult,
    Batch,
    Mention,
    RawDocument,
    Speaker,
    Statement,
)
from quotetrail.store import StatementQuery, Store
from quotetrail.store import links as sql

PRESS = (
    "Russian President Vladimir Putin spoke at a joint news conference with German Chancellor "
    "Angela Merkel "
    "in the Kremlin on Friday about Afghanistan and the Taliban takeover. "
)
QUOTE_A = (
    "You cannot impose standards of political life and behavior on other people from the outside"
)
QUOTE_B = "the world must now accept the realities"
ENVOY = "the envoy will hold talks with the Taliban movement next week"
FOOTBALL = (
    "The home side won the cup final three goals to one after extra time "
    "in front of a full stadium. " * 3
)


def _article(article_id, outlet, text, title, published, statements=(), mentions=()):
    built = [
        Statement(
            article_id=article_id,
            kind="direct",
            quote=quote,
            sentence=quote,
            span=(text.index(quote), text.index(quote) + len(quote)),
            speaker=speaker,
            said_on=said_on,
        )
        for quote, speaker, said_on in statements
    ]
    found = [
        Mention(name, label, text.index(name), text.index(name) + len(name))
        for name, label in mentions
    ]
    return ArticleResult(
        Article(id=article_id, text=text, title=title, outlet=outlet, published=published),
        built,
        found,
    )


def _corpus():
    putin = Speaker(name="Vladimir Putin", mention="he", role="President", affiliation="Russia")
    text1 = PRESS + f'"{QUOTE_A}," he said. Putin said that {QUOTE_B}.'
    text2 = (
        PRESS.replace("Friday", "20 August") + f'"{QUOTE_A}," the Russian President said. '
        f"Zamir Kabulov said {ENVOY}. Moscow said the Taliban must keep order."
    )
    text3 = text2.replace("Zamir Kabulov", "Zamir Kabul")  # a wire copy with a misspelt envoy
    return [
        _article(
            "a1",
            "RT",
            text1,
            "Putin slams outside values",
            "2021-08-20",
            [
                (QUOTE_A, putin, "2021-08-20"),
                (
                    QUOTE_B,
                    Speaker(name="Putin", mention="Putin", affiliation="Russia"),
                    "2021-08-20",
                ),
            ],
            [("Vladimir Putin", "PERSON"), ("Angela Merkel", "PERSON"), ("Kremlin", "ORG")],
        ),
        _article(
            "a2",
            "TASS",
            text2,
            "Putin and Merkel talk Afghanistan",
            "2021-08-21",
            [
                (
                    QUOTE_A,
                    Speaker(name="the Russian President", mention="the Russian President"),
                    "2021-08-20",
                ),
                (
                    ENVOY,
                    Speaker(
                        name="Zamir Kabulov",
                        mention="Zamir Kabulov",
                        role="Special Presidential Representative for Afghanistan",
                        affiliation="Russia",
                    ),
                    None,
                ),
                (
                    "the Taliban must keep order",
                    Speaker(name="Moscow", mention="Moscow", kind="organization"),
                    None,
                ),
            ],
            [("Vladimir Putin", "PERSON"), ("Zamir Kabulov", "PERSON")],
        ),
        _article(
            "a3",
            "Wire",
            text3,
            "Putin and Merkel talk Afghanistan",
            "2021-08-21",
            [
                (
                    ENVOY,
                    Speaker(
                        name="Zamir Kabul",
                        mention="Kabul",
                        role="Special Presidential Representative for Afghanistan",
                        affiliation="Russia",
                    ),
                    None,
                )
            ],
        ),
        _article("a4", "Sport", FOOTBALL, "Cup final", "2021-08-21"),
    ]


@pytest.fixture
def store(db_path):
    results = _corpus()
    with Store(db_path) as opened:
        opened.write(results[:1])
        link_articles(opened, ["a1"])
        opened.write(results[1:])
        link_articles(opened, ["a2", "a3", "a4"])
        yield opened


def _entity(store, name):
    return next(row for row in sql.entity_rows(store) if row["name"] == name)


@pytest.mark.parametrize(
    ("name", "aliases"),
    [
        ("Vladimir Putin", {"Vladimir Putin", "Putin", "the Russian President"}),
        ("Zamir Kabulov", {"Zamir Kabulov", "Zamir Kabul"}),
        ("Russia", {"Russia", "Moscow", "Kremlin"}),
    ],
)
def test_link_entities_gather_aliases_with_evidence(store, name, aliases):
    entity = _entity(store, name)
    assert aliases <= set(entity["aliases"])
    assert len(entity["aliases"]) == len(
        set(entity["aliases"])
    )  # each alias's evidence recorded once
    assert all(item["reason"] for item in entity["evidence"])


@pytest.mark.parametrize(
    ("actor", "speakers"),
    [
        ("Putin", {"Vladimir Putin", "Putin", "the Russian President"}),
        (
            "Russia",
            {
                "Vladimir Putin",
                "Putin",
                "the Russian President",
                "Zamir Kabulov",
                "Zamir Kabul",
                "Moscow",
            },
        ),
        (
            "the Kremlin",
            {
                "Vladimir Putin",
                "Putin",
                "the Russian President",
                "Zamir Kabulov",
                "Zamir Kabul",
                "Moscow",
            },
        ),
        ("Kabulov", {"Zamir Kabulov", "Zamir Kabul"}),
    ],
)
def test_link_actor_query_uses_entities(store, actor, speakers):
    rows = store.statements(StatementQuery(actor=actor))
    assert {row.speaker.name for row in rows} == speakers


@pytest.mark.parametrize(
    ("article_id", "written", "entity", "affiliation"),
    [
        ("a3", "Zamir Kabul", "Zamir Kabulov", "Russia"),
        ("a2", "the Russian President", "Vladimir Putin", "Russia"),
        ("a2", "Moscow", "Russia", None),
    ],
)
def test_link_statement_records_name_the_resolved_speaker(
    store, article_id, written, entity, affiliation
):
    record = next(
        row
        for row in store.statements(StatementQuery(article_id=article_id))
        if row.speaker.name == written
    )
    assert record.speaker.entity.name == entity
    assert record.speaker.entity.affiliation == affiliation
    assert record.speaker.entity.id == _entity(store, entity)["id"]


@pytest.mark.parametrize(
    ("speaker", "written"),
    [
        (
            "Kabulov",
            {"Zamir Kabulov", "Zamir Kabul"},
        ),  # the wire copy's misspelling is the same envoy
        ("Kremlin", {"Moscow"}),  # an alias no statement was written under
        ("Russian President", {"the Russian President", "Vladimir Putin", "Putin"}),
    ],
)
def test_link_speaker_filter_finds_every_spelling(store, speaker, written):
    rows = store.statements(StatementQuery(speaker=speaker))
    assert {row.speaker.name for row in rows} == written


def test_link_also_in_lists_other_articles(store):
    by_id = {(row.article_id, row.quote): row for row in store.statements()}
    assert by_id[("a1", QUOTE_A)].also_in == ["a2"]
    assert by_id[("a2", QUOTE_A)].also_in == ["a1"]
    assert by_id[("a2", ENVOY)].also_in == ["a3"]


def test_link_marks_wire_copy_and_leaves_it_out_of_counts(store):
    outlets = {row["outlet"]: row for row in sql.outlet_coverage(store)}
    assert outlets["Wire"]["duplicates"] == 1 and outlets["Wire"]["articles"] == 0
    assert outlets["TASS"]["duplicates"] == 0 and outlets["TASS"]["statements"] == 3


def test_link_stories_group_one_event_and_keep_others_apart(store):
    rows = sql.story_rows(store)
    by_article = {a: row for row in rows for a in row["article_ids"]}
    assert by_article["a1"]["id"] == by_article["a2"]["id"] == by_article["a3"]["id"]
    assert by_article["a4"]["id"] != by_article["a1"]["id"]
    assert by_article["a1"]["first"] == "2021-08-20" and by_article["a1"]["last"] == "2021-08-21"
    assert by_article["a1"]["articles"] == 2 and by_article["a1"]["duplicates"] == 1


def test_link_outlets_show_missed_stories(store):
    outlets = {row["outlet"]: row for row in sql.outlet_coverage(store)}
    assert outlets["Sport"]["covered"] == [] and len(outlets["Sport"]["missed"]) == 1
    assert outlets["RT"]["missed"] == []


def _shared_stories_store(path):
    """Stories by hand: three that RT and TASS both carried, on three days (BBC the first
    too), and one that RT alone carried."""
    carried = {
        "s0": ("RT", "TASS", "BBC"),
        "s1": ("RT", "TASS"),
        "s2": ("RT", "TASS"),
        "s9": ("RT",),
    }
    results, members, stories = [], [], []
    for day, (story, outlets) in enumerate(carried.items(), start=1):
        for outlet in outlets:
            article_id = f"{outlet}-{story}"
            text = f"{FOOTBALL} {outlet} {story}"
            results.append(_article(article_id, outlet, text, f"Match {story}", f"2022-03-0{day}"))
            members.append((article_id, story, 1.0))
        stories.append(
            {
                "id": story,
                "title": f"Match {story}",
                "title_score": 1.0,
                "first": f"2022-03-0{day}",
                "last": f"2022-03-0{day}",
                "size": len(outlets),
                "norm": 1.0,
                "sibling_of": None,
                "seed": None,
                "parent_size": 0,
                "terms": [],
            }
        )
    opened = Store(path)
    opened.write(results)
    sql.save_story_state(opened, {}, stories, [], members)
    return opened


def test_link_outlets_count_shared_stories_and_list_the_latest(db_path):
    with _shared_stories_store(db_path) as opened:
        outlets = {row["outlet"]: row for row in sql.outlet_coverage(opened, stories=2)}
    assert (outlets["RT"]["covered_count"], outlets["RT"]["missed_count"]) == (3, 0)
    assert [story["id"] for story in outlets["RT"]["covered"]] == ["s2", "s1"]
    assert (outlets["BBC"]["covered_count"], outlets["BBC"]["missed_count"]) == (1, 2)
    assert [story["id"] for story in outlets["BBC"]["missed"]] == ["s2", "s1"]
    assert [story["title"] for story in outlets["BBC"]["covered"]] == ["Match s0"]


def test_link_shared_stories_page_most_recent_first_with_their_outlets(db_path):
    with _shared_stories_store(db_path) as opened:
        rows = sql.shared_stories(opened, limit=2, offset=1)
    assert [(row["id"], row["outlets"]) for row in rows] == [
        ("s1", ["RT", "TASS"]),
        ("s0", ["BBC", "RT", "TASS"]),
    ]


def test_link_story_rows_page_as_the_whole_listing_does(store):
    everything = sql.story_rows(store)
    assert [sql.story_rows(store, limit=1, offset=n) for n in range(len(everything))] == [
        [row] for row in everything
    ]
    assert sum(row["statements"] for row in everything) == 5  # the wire copy's left out


def test_link_twice_changes_nothing(store):
    before = (sql.story_rows(store), sql.entity_rows(store), store.statements())
    link_articles(store, ["a1", "a2", "a3", "a4"])
    assert (sql.story_rows(store), sql.entity_rows(store), store.statements()) == before


@pytest.mark.parametrize("enabled", [True, False])
def test_link_collector_waits_for_the_batch_and_is_left_as_it_was(store, monkeypatch, enabled):
    """The cyclic collector is off while a batch is linked, and after it as it was before,
    an error inside included."""
    during = []

    def clustered(store, ids):
        during.append(gc.isenabled())
        raise RuntimeError("store gone")

    monkeypatch.setattr(sql, "clustered", clustered)
    (gc.enable if enabled else gc.disable)()
    try:
        with pytest.raises(RuntimeError):
            link_articles(store, ["a1"])
        assert (during, gc.isenabled()) == ([False], enabled)
    finally:
        gc.enable()


def _cli(*args: str) -> subprocess.CompletedProcess:
    """The installed command in a child process (render.emit binds sys.stdout when imported)."""
    return subprocess.run(
        [sys.executable, "-m", "quotetrail", *args], capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    ("command", "key"), [("entities", "evidence"), ("stories", "title"), ("outlets", "missed")]
)
def test_link_cli_listings_json(store, db_path, command, key):
    store.close()
    result = _cli(command, "--db", str(db_path), "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows and all(key in row for row in rows)


@pytest.mark.parametrize(("fmt", "expected"), [("csv", "Sport,1,0,0"), ("table", "missed")])
def test_link_cli_outlets_side_by_side(store, db_path, fmt, expected):
    store.close()
    result = _cli("outlets", "--db", str(db_path), "--format", fmt)
    assert result.returncode == 0, result.stderr
    assert "Sport" in result.stdout and expected in result.stdout


def test_link_cli_entities_json_shows_merge_evidence(store, db_path):
    store.close()
    result = _cli("entities", "--db", str(db_path), "--format", "json", "--kind", "person")
    rows = {row["name"]: row for row in json.loads(result.stdout)}
    reasons = [item["reason"] for item in rows["Zamir Kabulov"]["evidence"]]
    assert any("variant spelling" in reason for reason in reasons)


def test_link_reextraction_replaces_links(store):
    """An article re-extracted without Putin's remarks drops out of the other's also_in."""
    first = _corpus()[0]
    first.statements = []
    store.write([first], replace=True)
    link_articles(store, ["a1"])
    by_id = {(row.article_id, row.quote): row for row in store.statements()}
    assert by_id[("a2", QUOTE_A)].also_in == []
    assert _entity(store, "Vladimir Putin")["statements"] == 1


def test_link_unsure_story_member_moves_with_its_event_and_is_relinked(db_path, fights):
    """b0 is listed in the Bern fight's story until b1, about the same Hamburg fight, arrives;
    then both are one story, and b0's remark no longer counts as said on the Bern occasion."""
    klitschko = Speaker(name="Wladimir Klitschko", mention="Klitschko", affiliation="Ukraine")
    remarks = {
        "a1": "keeping the heavyweight belts",
        "b0": "The Bulgarian challenger fell in the fifth round",
    }
    with Store(db_path) as opened:
        for article_id, text in fights:
            said = [(remarks[article_id], klitschko, "2013-10-05")] if article_id in remarks else []
            opened.write([_article(article_id, "Ring", text, None, "2013-10-05", said)])
            link_articles(opened, [article_id])
            if article_id == "b0":
                (story,) = sql.story_rows(opened)
                assert story["article_ids"] == ["a0", "a1", "b0"]
                assert [
                    row.also_in for row in opened.statements(StatementQuery(article_id="b0"))
                ] == [["a1"]]
        stories = sorted(sorted(row["article_ids"]) for row in sql.story_rows(opened))
        assert stories == [["a0", "a1"], ["b0", "b1"]]
        assert [row.also_in for row in opened.statements(StatementQuery(article_id="b0"))] == [[]]
        assert [row.also_in for row in opened.statements(StatementQuery(article_id="a1"))] == [[]]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("\n  Putin slams policy\nbody", "Putin slams policy"),
        ("word " * 40, ("word " * 19).strip() + "…"),
        ("", ""),
    ],
)
def test_link_headline_stands_in_for_missing_title(text, title):
    assert headline(text) == title


LINK_TABLES = ("article_signatures", "article_bands", "near_duplicates", "stories", "story_members")


def _linked(db_path, results, keys):
    with Store(db_path) as store:
        store.write(results)
        link_articles(store, [r.article.id for r in results], keys)
        return {
            t: store.db.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in LINK_TABLES
        }


def _seed_results(seeds_dir):
    batch = Batch([d for d in iter_documents([seeds_dir]) if isinstance(d, RawDocument)])
    return [r for r in process_batch(batch) if isinstance(r, ArticleResult)]


@pytest.mark.parametrize("corpus", ["synthetic", "seeds"])
def test_link_keys_from_the_workers_link_as_the_store_would(tmp_path, seeds_dir, corpus):
    """The signature and story features a worker sends are those the writer would work out
    from the stored article: the same signatures, duplicates and stories either way."""
    results = _corpus() if corpus == "synthetic" else _seed_results(seeds_dir)
    sent = {r.article.id: r.link_keys or link_keys(r.article, r.mentions) for r in results}
    from_store = _linked(tmp_path / "store.duckdb", results, None)
    from_workers = _linked(tmp_path / "workers.duckdb", results, sent)
    assert from_store["stories"] and from_store["article_signatures"]
    assert from_workers == from_store


def test_link_writer_takes_the_keys_it_is_sent(db_path):
    """The writer compares what the workers worked out and does not work it out again: an
    article sent with another's keys is linked as that other."""
    results = _corpus()
    sent = {r.article.id: link_keys(r.article, r.mentions) for r in results}
    sent["a4"] = sent["a3"]  # the football report, sent with the wire copy's keys
    with Store(db_path) as store:
        store.write(results)
        link_articles(store, [r.article.id for r in results], sent)
        stories = sql.stories_of(store, ["a2", "a3", "a4"])
        copies = sql.copies_among(store, ["a2", "a3", "a4"])
    assert stories["a4"] == stories["a3"] == stories["a2"]
    assert "a4" in copies


def test_link_document_speaks_for_no_one():
    resolver = Resolver()
    report = Observation("report", "a1", kind=DOCUMENT)
    kremlin = Observation("Kremlin", "a1", kind="organization")
    assert _speaks_for(resolver, resolver.resolve(report), report) is None
    assert _speaks_for(resolver, resolver.resolve(kremlin), kremlin).name == "Russia"


ENTITY_TABLES = (
    "entities",
    "entity_keys",
    "entity_merges",
    "entity_mentions",
    "statement_entities",
)


def _entity_tables(store):
    return {
        t: store.db.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in ENTITY_TABLES
    }


def _store_and_link(store, batch):
    with store.transaction():
        store.write(batch)
        link_articles(store, [result.article.id for result in batch])


def _fresh_each_batch(db_path, batches):
    """The entity tables of writers that each store and link one batch, so that every batch
    reads its candidates from the store."""
    for batch in batches:
        with Store(db_path) as store:
            _store_and_link(store, batch)
    with Store(db_path) as store:
        return _entity_tables(store)


@pytest.mark.parametrize("corpus", ["synthetic", "seeds"])
def test_link_entities_kept_between_batches_link_as_a_fresh_writer(tmp_path, seeds_dir, corpus):
    """A writer that keeps its entities from one batch to the next files every name as writers
    that read them back from the store each batch."""
    results = _corpus() if corpus == "synthetic" else _seed_results(seeds_dir)
    batches = [[result] for result in results]
    with Store(tmp_path / "kept.duckdb") as store:
        for batch in batches:
            _store_and_link(store, batch)
        kept = _entity_tables(store)
    assert kept["entity_merges"] and kept["statement_entities"]
    assert kept == _fresh_each_batch(tmp_path / "fresh.duckdb", batches)


def test_link_entities_kept_forget_a_batch_rolled_back(tmp_path):
    """A batch that fails after its entities were filed leaves nothing of them in the writer:
    linked again, it is linked as if it had never been tried."""
    results = _corpus()
    batches = [results[:1], results[1:]]
    with Store(tmp_path / "kept.duckdb") as store:
        _store_and_link(store, batches[0])
        with pytest.raises(RuntimeError), store.transaction():
            _store_and_link(store, batches[1])
            raise RuntimeError("the batch fails before it commits")
        _store_and_link(store, batches[1])
        kept = _entity_tables(store)
    assert kept == _fresh_each_batch(tmp_path / "fresh.duckdb", batches)


def test_link_entities_kept_give_way_to_another_connection(tmp_path):
    """Entities written through another connection to the store (another thread's cursor) are
    read again by the writer that kept its own: nothing the other wrote is overwritten."""

    def putin_says(article_id, day, words):
        speaker = Speaker(name="Putin", mention="Putin", affiliation="Russia")
        text = PRESS + f"Putin said {words}."
        return _article(article_id, "RT", text, words, day, [(words, speaker, day)])

    first, later = putin_says("p1", "2021-08-19", QUOTE_B), putin_says("p2", "2021-08-22", ENVOY)
    batches = [[first], _corpus()[:1], [later]]  # the second names him in full
    with Store(tmp_path / "kept.duckdb") as store:
        _store_and_link(store, batches[0])
        _store_and_link(store.cursor(), batches[1])
        _store_and_link(store, batches[2])
        kept = _entity_tables(store)
    assert ("Vladimir Putin",) in [row[1:2] for row in kept["entities"]]
    assert kept == _fresh_each_batch(tmp_path / "fresh.duckdb", batches)
