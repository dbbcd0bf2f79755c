"""Read-only queries the web app and the report need beyond `Store`'s listings.

Each function takes an open `Store` and returns plain dicts. Statements come back as the
contract records `Store.statements` returns, built by the same `_statement_record`.

Stories: until the link stage stores stories, a story here is one target (a value of a
statement's `about`): the articles whose statements are about it. `stories` and `story` are
the only functions that know this, so they can be swapped for the linked stories later.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from quotetrail.store import Store, _like, _page, _statement_record

_STATEMENT_SELECT = (
    "SELECT s.*, a.outlet, strftime(a.published, '%Y-%m-%d') AS published,"
    " strftime(s.said_on, '%Y-%m-%d') AS said_on_iso"
    " FROM statements s JOIN articles a ON a.id = s.article_id"
)
_SAID = "coalesce(s.said_on, a.published)"


@dataclass
class StatementFilter:
    """Filters shared by search and listings; every field optional, combined with AND."""

    speaker: str | None = None  # speaker name or mention contains this
    target: str | None = None  # a value of `about`, or a key of `stance`
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    kind: str | None = None
    stance: str | None = None  # a stance label, on `target` when given, else on any target


def statement_where(where_filter: StatementFilter) -> tuple[list[str], list[Any]]:
    """SQL conditions (over `statements s JOIN articles a`) and their parameters."""
    f = where_filter
    where: list[str] = []
    params: list[Any] = []
    if f.speaker:
        where.append("(s.speaker_name ILIKE ? ESCAPE '\\' OR s.speaker_mention ILIKE ? ESCAPE '\\')")
        params += [_like(f.speaker)] * 2
    if f.target:  # as `Store.statements(about=…)` reads it, and a stance on it counts too
        where.append(
            "(list_contains(list_transform(s.about, lambda x: lower(x)), lower(?))"
            " OR list_contains(list_transform(json_keys(s.stance), lambda k: lower(k)), lower(?))"
            " OR s.quote ILIKE ? ESCAPE '\\' OR s.sentence ILIKE ? ESCAPE '\\')"
        )
        params += [f.target, f.target, _like(f.target), _like(f.target)]
    if f.outlet:
        where.append("a.outlet ILIKE ? ESCAPE '\\'")
        params.append(_like(f.outlet))
    if f.since:
        where.append(f"{_SAID} >= CAST(? AS DATE)")
        params.append(f.since)
    if f.until:
        where.append(f"{_SAID} <= CAST(? AS DATE)")
        params.append(f.until)
    if f.kind:
        where.append("s.kind = ?")
        params.append(f.kind)
    if f.stance:
        where.append(
            "len(list_filter(map_entries(CAST(s.stance::JSON AS MAP(VARCHAR, JSON))),"
            " lambda e: (? IS NULL OR lower(e.key) = lower(?)) AND e.value->>'label' = ?)) > 0"
        )
        params += [f.target, f.target, f.stance]
    return where, params


def select_statements(
    store: Store,
    where: Sequence[str] = (),
    params: Sequence[Any] = (),
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Contract statement records matching `where`, by the date they were made."""
    sql = (
        _STATEMENT_SELECT
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" ORDER BY {_SAID} NULLS LAST, a.id, s.span_start"
        + _page(limit, offset)
    )
    return [_statement_record(row) for row in store._rows(sql, params)]


def statement(store: Store, statement_id: str) -> dict[str, Any] | None:
    rows = select_statements(store, ["s.id = ?"], [statement_id])
    return rows[0] if rows else None


def statements_by_ids(store: Store, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    return {row["id"]: row for row in select_statements(store, ["list_contains(?, s.id)"], [list(ids)])}


def article_outlets(store: Store, article_ids: Sequence[str]) -> list[dict[str, Any]]:
    """id, title, outlet and date of each of these articles (for "also carried by")."""
    if not article_ids:
        return []
    return store._rows(
        "SELECT id, title, outlet, strftime(published, '%Y-%m-%d') AS published FROM articles"
        " WHERE list_contains(?, id) ORDER BY published NULLS LAST, id",
        [list(article_ids)],
    )


def speakers(store: Store, name: str | None = None, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Speakers with how often they are quoted, most quoted first."""
    named, params = "", []
    if name:
        named, params = " AND speaker_name ILIKE ? ESCAPE '\\'", [_like(name)]
    return store._rows(
        "SELECT speaker_id AS id, arg_max(speaker_name, length(speaker_name)) AS name,"
        " any_value(speaker_kind) AS kind, count(*) AS statements,"
        " coalesce(list_sort(list_distinct(list(speaker_affiliation) FILTER (WHERE speaker_affiliation IS NOT NULL))), [])"
        " AS affiliations"
        f" FROM statements WHERE speaker_id IS NOT NULL{named}"
        " GROUP BY speaker_id ORDER BY statements DESC, name" + _page(limit, offset),
        params,
    )


def speaker(store: Store, speaker_id: str) -> dict[str, Any] | None:
    """Who a speaker is and what they said: names, roles and affiliations over time,
    statements by date, the targets they talk about and the outlets that quote them."""
    statements = select_statements(store, ["s.speaker_id = ?"], [speaker_id])
    if not statements:
        return None
    by_id = "FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.speaker_id = ?"
    names = store._rows(
        f"SELECT s.speaker_name AS name, count(*) AS statements {by_id} GROUP BY 1 ORDER BY statements DESC, name",
        [speaker_id],
    )
    mentions = store._rows(
        f"SELECT s.speaker_mention AS mention, count(*) AS statements {by_id} AND s.speaker_mention IS NOT NULL"
        " GROUP BY 1 ORDER BY statements DESC, mention",
        [speaker_id],
    )
    roles = store._rows(
        f"SELECT s.speaker_role AS role, s.speaker_affiliation AS affiliation,"
        f" strftime(min({_SAID}), '%Y-%m-%d') AS first, strftime(max({_SAID}), '%Y-%m-%d') AS last,"
        f" count(*) AS statements {by_id} AND (s.speaker_role IS NOT NULL OR s.speaker_affiliation IS NOT NULL)"
        " GROUP BY 1, 2 ORDER BY first NULLS LAST, role, affiliation",
        [speaker_id],
    )
    targets = store._rows(
        f"SELECT t AS target, count(*) AS statements FROM (SELECT unnest(s.about) AS t {by_id})"
        " GROUP BY 1 ORDER BY statements DESC, target",
        [speaker_id],
    )
    outlets = store._rows(
        f"SELECT coalesce(a.outlet, '(unknown)') AS outlet, count(*) AS statements,"
        f" count(DISTINCT a.id) AS articles {by_id} GROUP BY 1 ORDER BY statements DESC, outlet",
        [speaker_id],
    )
    return {
        "id": speaker_id,
        "name": max((row["name"] for row in names), key=len),
        "kind": statements[0]["speaker"]["kind"],
        "names": names,
        "mentions": mentions,
        "roles": roles,
        "targets": targets,
        "outlets": outlets,
        "statements": statements,
    }


def stories(store: Store, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Stories (see the module docstring) with their coverage, widest coverage first."""
    return store._rows(
        "SELECT t AS id, t AS title, count(DISTINCT outlet) AS outlets, count(DISTINCT article_id) AS articles,"
        " count(*) AS statements, strftime(min(said), '%Y-%m-%d') AS first, strftime(max(said), '%Y-%m-%d') AS last"
        f" FROM (SELECT unnest(list_distinct(s.about)) AS t, coalesce(a.outlet, '(unknown)') AS outlet, s.article_id,"
        f" {_SAID} AS said FROM statements s JOIN articles a ON a.id = s.article_id)"
        " GROUP BY t ORDER BY outlets DESC, articles DESC, statements DESC, t" + _page(limit, offset)
    )


def story(store: Store, story_id: str) -> dict[str, Any] | None:
    """One story and its outlet comparison: which outlets covered it, which of the story's
    statements each carried (itself, or through a matched report in `also_in`), which it left out."""
    statements = select_statements(
        store, ["list_contains(list_transform(s.about, lambda x: lower(x)), lower(?))"], [story_id]
    )
    if not statements:
        return None
    article_ids = sorted({row["article_id"] for row in statements} | {i for row in statements for i in row["also_in"]})
    articles = article_outlets(store, article_ids)
    outlet_of = {row["id"]: row["outlet"] or "(unknown)" for row in articles}
    outlets = sorted(set(outlet_of.values()))
    rows = []
    reported: set[tuple] = set()
    for record in statements:
        key = (record["speaker"] and record["speaker"]["id"], frozenset([record["article_id"], *record["also_in"]]))
        if key in reported:  # the same statement as reported by another article of the story
            continue
        reported.add(key)
        carried = {outlet_of[i] for i in [record["article_id"], *record["also_in"]] if i in outlet_of}
        rows.append({"statement": record, "carried_by": sorted(carried), "left_out_by": [o for o in outlets if o not in carried]})
    return {
        "id": story_id,
        "title": next(a for a in statements[0]["about"] if a.lower() == story_id.lower()),
        "outlets": [
            {
                "outlet": outlet,
                "articles": [row for row in articles if (row["outlet"] or "(unknown)") == outlet],
                "carried": sum(1 for row in rows if outlet in row["carried_by"]),
                "left_out": sum(1 for row in rows if outlet not in row["carried_by"]),
            }
            for outlet in outlets
        ],
        "statements": rows,
    }


def corpus_summary(store: Store) -> dict[str, Any]:
    row = store._rows(
        "SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM statements) AS statements,"
        " (SELECT count(DISTINCT speaker_id) FROM statements) AS speakers,"
        " (SELECT count(DISTINCT outlet) FROM articles) AS outlets,"
        " (SELECT strftime(min(published), '%Y-%m-%d') FROM articles) AS first,"
        " (SELECT strftime(max(published), '%Y-%m-%d') FROM articles) AS last"
    )
    return row[0]
