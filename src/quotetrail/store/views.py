"""Read-only queries the web app and the report need beyond `Store`'s listings.

Each function takes an open `Store` and returns plain dicts. Statements come back as the
`Statement` records `Store.statements` returns; stories are the ones the link stage grows
(`quotetrail.link.stories`), read through `store.links`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from quotetrail.records import SAME_OCCASION, Statement
from quotetrail.store import links
from quotetrail.store.database import StatementQuery, Store
from quotetrail.store.sql import OF_ENTITY, SAID, contains, fetch, like, page


def statement(store: Store, statement_id: str) -> Statement | None:
    found = store.statements(StatementQuery(ids=[statement_id]))
    return found[0] if found else None


def article_outlets(store: Store, article_ids: Sequence[str]) -> list[dict[str, Any]]:
    """id, title, outlet and date of each of these articles (for "also carried by")."""
    if not article_ids:
        return []
    return fetch(
        store.db,
        "SELECT id, title, outlet, strftime(published, '%Y-%m-%d') AS published FROM articles"
        " WHERE list_contains(?, id) ORDER BY published NULLS LAST, id",
        [list(article_ids)],
    )


def carried_by(store: Store, record: Statement) -> list[dict[str, Any]]:
    """The other articles carrying a statement, each with its version of the statement and why
    they are one (shared wording, paraphrase, same occasion), the most specific link first."""
    found = sorted(store.statement_links([record.id]), key=lambda link: -link["score"])
    version: dict[str, dict[str, Any]] = {}
    for link in found:
        article_id = link["other_article_id"]
        if article_id and article_id not in version:
            version[article_id] = {
                "statement_id": link["other_id"],
                "reason": link["reason"],
                "score": round(link["score"], 3),
            }
    return [{**row, **version.get(row["id"], {})} for row in article_outlets(store, record.also_in)]


def speakers(
    store: Store, name: str | None = None, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """Speakers — people and bodies as resolved across articles — most quoted first."""
    # Counted on statement_entities alone, by entity id before the entities are joined
    # (grouping the joined rows by name, kind and affiliations took 170-240 ms of a million
    # statements, 12 ms so); the statements are joined for their speaker's name only when a
    # name is asked for.
    named, params = "", []
    if name:
        named, params = (
            " JOIN entities e ON e.id = se.entity_id JOIN statements s ON s.id = se.statement_id"
            f" WHERE ({contains('e.name')} OR {contains('s.speaker_name')})",
            [like(name)] * 2,
        )
    return fetch(
        store.db,
        "WITH counted AS (SELECT se.entity_id, count(*) AS statements"
        f" FROM statement_entities se{named} GROUP BY se.entity_id)"
        " SELECT e.id, e.name, e.kind, c.statements, e.affiliations"
        " FROM counted c JOIN entities e ON e.id = c.entity_id"
        " ORDER BY c.statements DESC, e.name" + page(limit, offset),
        params,
    )


def entity_of_speaker(store: Store, speaker_id: str) -> dict[str, Any] | None:
    """The entity a speaker page is about (id, name, kind): an entity id as given, or the
    entity a statement's speaker id (as extraction named it in one article) was resolved to."""
    found = fetch(
        store.db,
        "SELECT id, name, kind FROM entities WHERE id = ? OR id = (SELECT entity_id FROM"
        " statements WHERE speaker_id = ? AND entity_id IS NOT NULL LIMIT 1) ORDER BY id"
        " = ? DESC LIMIT 1",
        [speaker_id, speaker_id, speaker_id],
    )
    return found[0] if found else None


def _tally(
    store: Store, entity_id: str, column: str, extra: str = "", where: str = ""
) -> list[dict[str, Any]]:
    """`column` (and `extra` aggregates) with a statement count over one entity's statements,
    most first."""
    return fetch(
        store.db,
        f"SELECT {column}, count(*) AS statements{extra} FROM statements s"
        f" WHERE {OF_ENTITY}{where} GROUP BY 1 ORDER BY statements DESC, 1",
        [entity_id],
    )


def speaker(
    store: Store, speaker_id: str, limit: int | None = None, offset: int = 0
) -> dict[str, Any] | None:
    """Who a speaker is and what they said, across every article and spelling: names, roles and
    affiliations over time, the targets they talk about, the outlets that quote them, how many
    statements they made and a page of them by date (a busy speaker has thousands)."""
    entity = entity_of_speaker(store, speaker_id)
    if not entity:
        return None
    (counted,) = fetch(
        store.db, f"SELECT count(*) AS n FROM statements s WHERE {OF_ENTITY}", [entity["id"]]
    )
    if not counted["n"]:
        return None
    statements = store.statements(
        StatementQuery(entity_id=entity["id"], limit=limit, offset=offset)
    )
    roles = fetch(
        store.db,
        f"SELECT s.speaker_role AS role, s.speaker_affiliation AS affiliation,"
        f" strftime(min({SAID}), '%Y-%m-%d') AS first, strftime(max({SAID}), '%Y-%m-%d') AS last,"
        f" count(*) AS statements FROM statements s WHERE {OF_ENTITY}"
        " AND (s.speaker_role IS NOT NULL OR s.speaker_affiliation IS NOT NULL)"
        " GROUP BY 1, 2 ORDER BY first NULLS LAST, role, affiliation",
        [entity["id"]],
    )
    return {
        **entity,
        "names": _tally(store, entity["id"], "s.speaker_name AS name"),
        "mentions": _tally(
            store,
            entity["id"],
            "s.speaker_mention AS mention",
            where=" AND s.speaker_mention IS NOT NULL",
        ),
        "roles": roles,
        "targets": fetch(
            store.db,
            "SELECT t AS target, count(*) AS statements FROM (SELECT unnest(s.about) AS t FROM"
            " statements s"
            f" WHERE {OF_ENTITY}) GROUP BY 1 ORDER BY statements DESC, target",
            [entity["id"]],
        ),
        "outlets": _tally(
            store,
            entity["id"],
            "coalesce(s.outlet, '(unknown)') AS outlet",
            ", count(DISTINCT s.article_id) AS articles",
        ),
        "statement_count": counted["n"],
        "statements": statements,
    }


def story(store: Store, story_id: str) -> dict[str, Any] | None:
    """One story and its outlet comparison: which outlets covered it, which of the story's
    statements each carried (itself, or through a matched report in `also_in`), which it left out.
    A near-duplicate article (a wire copy) is listed under its outlet but adds no statements."""
    found = links.story_rows(store, story_id=story_id)
    if not found:
        return None
    story_row = found[0]
    copies = links.copies_among(store, story_row["article_ids"])
    articles = [
        {**row, "copy_of": copies.get(row["id"])}
        for row in article_outlets(store, story_row["article_ids"])
    ]
    outlet_of = {row["id"]: row["outlet"] or "(unknown)" for row in articles}
    originals = [article_id for article_id in story_row["article_ids"] if article_id not in copies]
    statements = store.statements(StatementQuery(article_ids=originals)) if originals else []
    outlets = sorted(set(outlet_of.values()))
    reworded = {  # the same words reported elsewhere: one row, not two
        (link["statement_id"], link["other_id"])
        for link in store.statement_links([record.id for record in statements])
        if link["reason"] != SAME_OCCASION
    }
    listed, shown = [], []
    for record in statements:
        if any((record.id, earlier) in reworded for earlier in shown):
            continue
        shown.append(record.id)
        carriers = {i for i in [record.article_id, *record.also_in] if i in outlet_of}
        carried = {outlet_of[i] for i in carriers} | {
            outlet_of[c] for c, o in copies.items() if o in carriers
        }
        listed.append(
            {
                "statement": record,
                "carried_by": sorted(carried),
                "left_out_by": [o for o in outlets if o not in carried],
            }
        )
    return {
        **{k: story_row[k] for k in ("id", "title", "first", "last", "articles", "duplicates")},
        "outlets": [
            {
                "outlet": outlet,
                "articles": [row for row in articles if (row["outlet"] or "(unknown)") == outlet],
                "carried": sum(1 for row in listed if outlet in row["carried_by"]),
                "left_out": sum(1 for row in listed if outlet not in row["carried_by"]),
            }
            for outlet in outlets
        ],
        "statements": listed,
    }


def corpus_summary(store: Store) -> dict[str, Any]:
    (row,) = fetch(
        store.db,
        "SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM statements) AS"
        " statements,"
        " (SELECT count(DISTINCT speaker_id) FROM statements) AS speakers,"
        " (SELECT count(DISTINCT outlet) FROM articles) AS outlets,"
        " (SELECT strftime(min(published), '%Y-%m-%d') FROM articles) AS first,"
        " (SELECT strftime(max(published), '%Y-%m-%d') FROM articles) AS last",
    )
    return row
