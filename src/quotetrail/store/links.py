"""SQL for the linking tables (migration 002): entities, statement links, near-duplicates, stories.

Every reader here takes the keys of one batch (article ids, blocking keys, band keys, terms)
and touches only the rows under those keys, through the indexes the migration creates; the
writers replace exactly the rows a batch changed. quotetrail.link holds the algorithms.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from quotetrail.store.database import Store
from quotetrail.store.sql import SAID, fetch, insert_rows, page

ENTITIES_VERSION = "entities_version"


def _delete(store: Store, table: str, column: str, values: Iterable[str]) -> None:
    wanted = list(values)
    if wanted:
        store.db.execute(f"DELETE FROM {table} WHERE list_contains(?, {column})", [wanted])


# -- inputs of a batch ----------------------------------------------------------------------


def batch_articles(store: Store, article_ids: Sequence[str]) -> list[dict[str, Any]]:
    """The new articles, oldest first: the order they join stories in."""
    return fetch(
        store.db,
        "SELECT id, title, outlet, strftime(published, '%Y-%m-%d') AS published, text FROM articles"
        " WHERE id IN (SELECT unnest(?)) ORDER BY published NULLS LAST, id",
        [list(article_ids)],
    )


def batch_mentions(store: Store, article_ids: Sequence[str]) -> list[dict[str, Any]]:
    return fetch(
        store.db,
        "SELECT article_id, text, label, count(*) AS n, list(span_start ORDER BY span_start) AS"
        " starts"
        " FROM mentions WHERE article_id IN (SELECT unnest(?)) GROUP BY ALL ORDER BY article_id,"
        " min(span_start)",
        [list(article_ids)],
    )


def batch_statements(store: Store, article_ids: Sequence[str]) -> list[dict[str, Any]]:
    return fetch(
        store.db,
        "SELECT s.id, s.article_id, s.quote, s.speaker_name, s.speaker_mention, s.speaker_kind,"
        " s.speaker_role,"
        f" s.speaker_affiliation, strftime({SAID}, '%Y-%m-%d') AS day"
        " FROM statements s JOIN articles a ON a.id = s.article_id"
        " WHERE s.article_id IN (SELECT unnest(?)) AND s.speaker_name IS NOT NULL ORDER BY"
        " s.article_id, s.span_start",
        [list(article_ids)],
    )


# -- entities -------------------------------------------------------------------------------


def entities_by_keys(store: Store, keys: Iterable[str]) -> list[dict[str, Any]]:
    """Entities sharing a blocking key, with all their keys, aliases and the stories they were
    seen in."""
    wanted = sorted(set(keys))
    if not wanted:
        return []
    return fetch(
        store.db,
        "WITH hit AS (SELECT DISTINCT entity_id FROM entity_keys WHERE key IN (SELECT unnest(?)))"
        " SELECT e.id, e.name, e.kind, e.roles, e.affiliations,"
        " (SELECT list(key) FROM entity_keys k WHERE k.entity_id = e.id) AS keys,"
        " (SELECT list(alias) FROM entity_merges m WHERE m.entity_id = e.id) AS aliases, e.stories"
        " FROM entities e JOIN hit ON hit.entity_id = e.id ORDER BY e.id",
        [wanted],
    )


def entities_version(store: Store) -> str | None:
    """The mark the last `save_entities` left: a fresh random one each time, so a mark that is
    still there means nothing wrote the entities since and no rollback undid that write."""
    return store.load_state(ENTITIES_VERSION)


def save_entities(
    store: Store, entities: Sequence[Mapping[str, Any]], merges: Sequence[Mapping[str, Any]]
) -> str:
    """Upsert changed entities (name, roles, affiliations, recent stories, keys) and append
    merge evidence; returns the entities' new version mark."""
    ids = [e["id"] for e in entities]
    _delete(store, "entities", "id", ids)
    _delete(store, "entity_keys", "entity_id", ids)
    insert_rows(
        store.db,
        "entities",
        [
            (
                e["id"],
                e["name"],
                e["kind"],
                sorted(e["roles"]),
                sorted(e["affiliations"]),
                list(e["stories"]),
            )
            for e in entities
        ],
    )
    insert_rows(
        store.db, "entity_keys", [(key, e["id"]) for e in entities for key in sorted(e["keys"])]
    )
    insert_rows(
        store.db,
        "entity_merges",
        [(m["entity_id"], m["alias"], m["article_id"], m["reason"]) for m in merges],
    )
    mark = uuid.uuid4().hex
    store.save_state(ENTITIES_VERSION, mark)
    return mark


def save_entity_mentions(store: Store, rows: Sequence[tuple[str, str, int]]) -> None:
    _delete(store, "entity_mentions", "article_id", {row[0] for row in rows})
    insert_rows(store.db, "entity_mentions", rows)


def forget_statements(store: Store, article_ids: Sequence[str]) -> set[str]:
    """Drop the entity rows and links of these articles' statements before they are linked
    again (re-extraction may have changed them); returns the statements elsewhere that lost a
    link, whose `also_in` must be refreshed."""
    rows = store.db.execute(
        "SELECT statement_id FROM statement_entities WHERE article_id IN (SELECT unnest(?))",
        [list(article_ids)],
    ).fetchall()
    ids = [row[0] for row in rows]
    if not ids:
        return set()
    others = store.db.execute(
        "SELECT other_id FROM statement_links WHERE statement_id IN (SELECT unnest(?))", [ids]
    ).fetchall()
    store.db.execute(
        "DELETE FROM statement_links WHERE statement_id IN (SELECT unnest(?)) OR other_id IN"
        " (SELECT unnest(?))",
        [ids, ids],
    )
    _delete(store, "statement_entities", "statement_id", ids)
    store.db.execute(
        "UPDATE statements SET entity_id = NULL, affiliation_id = NULL"
        " WHERE id IN (SELECT unnest(?))",
        [ids],
    )
    return {row[0] for row in others} - set(ids)


def save_statement_entities(
    store: Store, rows: Sequence[tuple[str, str, str, str | None, str]]
) -> None:
    """(statement_id, article_id, entity_id, affiliation_id, block) per statement; the
    statement's row keeps its entity and affiliation too (migration 008)."""
    insert_rows(store.db, "statement_entities", rows)
    if rows:
        store.db.execute(
            "UPDATE statements SET entity_id = se.entity_id, affiliation_id = se.affiliation_id"
            " FROM statement_entities se WHERE se.statement_id = statements.id"
            " AND se.statement_id IN (SELECT unnest(?))",
            [[row[0] for row in rows]],
        )


def entity_rows(
    store: Store, kind: str | None = None, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """Entities with aliases, roles, affiliations, counts and the evidence for each merge."""
    where, params = "", []
    if kind:
        where, params = "WHERE e.kind = ?", [kind]
    paging = page(limit, offset)
    return fetch(
        store.db,
        "SELECT e.id, e.name, e.kind, e.roles, e.affiliations,"
        " (SELECT count(*) FROM statement_entities s WHERE s.entity_id = e.id) AS statements,"
        " (SELECT count(*) FROM statement_entities s WHERE s.affiliation_id = e.id) AS"
        " statements_by_affiliated,"
        " (SELECT coalesce(sum(mentions), 0) FROM entity_mentions m WHERE m.entity_id = e.id) AS"
        " mentions,"
        " (SELECT list(alias ORDER BY alias) FROM entity_merges m WHERE m.entity_id = e.id) AS"
        " aliases,"
        " (SELECT list({'alias': alias, 'article_id': article_id, 'reason': reason} ORDER BY alias)"
        "  FROM entity_merges m WHERE m.entity_id = e.id) AS evidence"
        f" FROM entities e {where} ORDER BY statements DESC, mentions DESC, e.name{paging}",
        params,
    )


# -- statement links ------------------------------------------------------------------------


def claims_in_blocks(store: Store, blocks: Iterable[str]) -> list[dict[str, Any]]:
    wanted = sorted(set(blocks))
    if not wanted:
        return []
    return fetch(
        store.db,
        "SELECT se.statement_id AS id, se.article_id, se.entity_id, se.block, s.quote, m.story_id"
        " FROM statement_entities se JOIN statements s ON s.id = se.statement_id"
        " LEFT JOIN story_members m ON m.article_id = se.article_id"
        " WHERE se.block IN (SELECT unnest(?))",
        [wanted],
    )


def save_statement_links(
    store: Store, links: Sequence[tuple[str, str, float, str]], touched: Iterable[str] = ()
) -> None:
    """Store each link both ways; refresh `also_in` and `linked` of every statement linked or
    `touched` (JSON text, migration 010)."""
    both = [
        row
        for a, b, score, reason in links
        for row in ((a, b, score, reason), (b, a, score, reason))
    ]
    insert_rows(store.db, "statement_links", both)
    refresh = sorted({row[0] for row in both} | set(touched))
    if refresh:
        store.db.execute(
            "UPDATE statements SET also_in = to_json(coalesce((SELECT list(DISTINCT o.article_id"
            " ORDER BY o.article_id)"
            " FROM statement_links l JOIN statements o ON o.id = l.other_id"
            " WHERE l.statement_id = statements.id AND o.article_id <> statements.article_id),"
            " []))::VARCHAR,"
            " linked = to_json(coalesce((SELECT list(DISTINCT l.other_id ORDER BY l.other_id)"
            " FROM statement_links l WHERE l.statement_id = statements.id), []))::VARCHAR"
            " WHERE id IN (SELECT unnest(?))",
            [refresh],
        )


# -- near-duplicates ------------------------------------------------------------------------


def signatures_in_bands(
    store: Store, bands: Iterable[str]
) -> tuple[dict[str, list[int]], dict[str, str]]:
    """Stored signatures sharing an LSH band, and which of them are themselves copies (of what).
    Two queries: the articles under the bands first, then their signatures. Asked as one
    (`IN (SELECT article_id FROM article_bands …)`), DuckDB read every stored signature beside
    the band scan: 1.05 s against 0.55 s for a batch's 16,000 bands in the 1,000,000 store."""
    wanted = sorted(set(bands))
    if not wanted:
        return {}, {}
    found = [
        row["article_id"]
        for row in fetch(
            store.db,
            "SELECT DISTINCT article_id FROM article_bands WHERE band IN (SELECT unnest(?))",
            [wanted],
        )
    ]
    if not found:
        return {}, {}
    rows = fetch(
        store.db,
        "SELECT s.article_id, s.signature, d.duplicate_of FROM article_signatures s"
        " LEFT JOIN near_duplicates d ON d.article_id = s.article_id"
        " WHERE s.article_id IN (SELECT unnest(?))",
        [found],
    )
    return (
        {row["article_id"]: list(row["signature"]) for row in rows},
        {row["article_id"]: row["duplicate_of"] for row in rows if row["duplicate_of"]},
    )


def save_signatures(
    store: Store, signatures: Mapping[str, Sequence[int]], bands: Mapping[str, Sequence[str]]
) -> None:
    _delete(store, "article_signatures", "article_id", signatures)
    _delete(store, "article_bands", "article_id", bands)
    insert_rows(store.db, "article_signatures", [(a, list(sig)) for a, sig in signatures.items()])
    insert_rows(
        store.db, "article_bands", [(band, a) for a, keys in bands.items() for band in keys]
    )


def save_duplicates(store: Store, rows: Sequence[tuple[str, str, float]]) -> None:
    _delete(store, "near_duplicates", "article_id", [row[0] for row in rows])
    insert_rows(store.db, "near_duplicates", rows)


# -- stories --------------------------------------------------------------------------------


def term_frequencies(store: Store, terms: Iterable[str]) -> tuple[dict[str, int], int]:
    """Document frequencies of `terms` and the number of documents clustered so far."""
    wanted = sorted(set(terms))
    df = (
        dict(
            store.db.execute(
                "SELECT term, df FROM term_df WHERE term IN (SELECT unnest(?))", [wanted]
            ).fetchall()
        )
        if wanted
        else {}
    )
    return df, store.db.execute("SELECT count(*) FROM story_members").fetchone()[0]


def stories_under(
    store: Store, probes: Iterable[str], max_rank: int, since: str | None
) -> list[dict[str, Any]]:
    """Stories indexed under one of `probes` (a term among their `max_rank` heaviest), still live
    on `since` (last article on or after it, or undated), with their centroids; and the
    provisional siblings of those stories, which a join may merge into them."""
    wanted = sorted(set(probes))
    if not wanted:
        return []
    return fetch(
        store.db,
        "WITH found AS (SELECT id FROM stories WHERE (last IS NULL OR ? IS NULL OR last >= CAST(?"
        " AS DATE))"
        "  AND id IN (SELECT story_id FROM story_terms WHERE rank < ? AND term IN (SELECT"
        " unnest(?))))"
        " SELECT id, title, title_score, strftime(first, '%Y-%m-%d') AS first, strftime(last,"
        " '%Y-%m-%d') AS last, size,"
        " norm, sibling_of, seed, parent_size,"
        " (SELECT list(term ORDER BY rank) FROM story_terms t WHERE t.story_id = s.id) AS terms,"
        " (SELECT list(weight ORDER BY rank) FROM story_terms t WHERE t.story_id = s.id) AS weights"
        " FROM stories s WHERE id IN (SELECT id FROM found) OR sibling_of IN (SELECT id FROM"
        " found)",
        [since, since, max_rank, wanted],
    )


def stories_of(store: Store, article_ids: Sequence[str]) -> dict[str, str]:
    rows = store.db.execute(
        "SELECT article_id, story_id FROM story_members WHERE article_id IN (SELECT unnest(?))",
        [list(article_ids)],
    )
    return dict(rows.fetchall())


def unclustered(store: Store) -> list[str]:
    """Stored articles in no story: left unlinked by a run of quotetrail before issue 19 that was
    killed between writing a batch and linking it (a batch is now one transaction)."""
    rows = store.db.execute(
        "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM story_members)"
        " ORDER BY published NULLS LAST, id"
    )
    return [row[0] for row in rows.fetchall()]


def clustered(store: Store, article_ids: Sequence[str]) -> set[str]:
    """Which of `article_ids` already belong to a story (linking twice must not count twice)."""
    rows = store.db.execute(
        "SELECT article_id FROM story_members WHERE article_id IN (SELECT unnest(?))",
        [list(article_ids)],
    )
    return {row[0] for row in rows.fetchall()}


def save_story_state(
    store: Store,
    df_increments: Mapping[str, int],
    stories: Sequence[Mapping[str, Any]],
    removed: Sequence[str],
    members: Sequence[tuple[str, str, float]],
) -> None:
    """Add document frequencies, replace changed stories and their centroids, delete the
    `removed` ones (siblings merged into their parent), set members (new or moved)."""
    insert_rows(
        store.db,
        "term_df",
        sorted(df_increments.items()),
        on_conflict="ON CONFLICT (term) DO UPDATE SET df = df + excluded.df",
    )
    ids = [s["id"] for s in stories] + list(removed)
    _delete(store, "stories", "id", ids)
    _delete(store, "story_terms", "story_id", ids)
    insert_rows(
        store.db,
        "stories",
        [
            (
                s["id"],
                s["title"],
                s["title_score"],
                s["first"],
                s["last"],
                s["size"],
                s["norm"],
                s["sibling_of"],
                s["seed"],
                s["parent_size"],
            )
            for s in stories
        ],
    )
    insert_rows(
        store.db,
        "story_terms",
        [
            (s["id"], term, weight, rank)
            for s in stories
            for rank, (term, weight) in enumerate(s["terms"])
        ],
    )
    _delete(store, "story_members", "article_id", [m[0] for m in members])
    insert_rows(store.db, "story_members", members)


def story_rows(
    store: Store, story_id: str | None = None, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """Stories, largest first (or the one `story_id`): title, the dates of the articles listed
    in it, outlets, articles (copies apart) and statements.

    The page is chosen from member counts alone; titles, outlets, article lists and statement
    counts are then worked out for its stories only."""
    return fetch(
        store.db,
        "WITH ranked AS (SELECT m.story_id AS id,"
        "  count(*) FILTER (WHERE d.article_id IS NULL) AS articles,"
        "  count(d.article_id) AS duplicates, min(a.published) AS first_day,"
        "  max(a.published) AS last_day"
        "  FROM story_members m JOIN articles a ON a.id = m.article_id"
        "  LEFT JOIN near_duplicates d ON d.article_id = m.article_id"
        "  WHERE ? IS NULL OR m.story_id = ?"
        "  GROUP BY m.story_id ORDER BY articles DESC, first_day NULLS LAST, id"
        f"{page(limit, offset)}),"
        " members AS (SELECT m.story_id, m.article_id, a.published,"
        "  coalesce(a.outlet, '(unknown)') AS outlet, d.article_id IS NOT NULL AS copy"
        "  FROM ranked r JOIN story_members m ON m.story_id = r.id"
        "  JOIN articles a ON a.id = m.article_id"
        "  LEFT JOIN near_duplicates d ON d.article_id = m.article_id),"
        " said AS (SELECT st.article_id, count(*) AS n FROM statements st WHERE st.article_id IN"
        "  (SELECT article_id FROM members WHERE NOT copy) GROUP BY st.article_id)"
        " SELECT s.id, s.title, strftime(r.first_day, '%Y-%m-%d') AS first,"
        " strftime(r.last_day, '%Y-%m-%d') AS last, r.articles, r.duplicates,"
        " list(DISTINCT m.outlet ORDER BY m.outlet) AS outlets,"
        " coalesce(sum(said.n), 0) AS statements,"
        " list(m.article_id ORDER BY m.published NULLS LAST, m.article_id) AS article_ids"
        " FROM ranked r JOIN stories s ON s.id = r.id JOIN members m ON m.story_id = r.id"
        " LEFT JOIN said ON said.article_id = m.article_id"
        " GROUP BY s.id, s.title, r.first_day, r.last_day, r.articles, r.duplicates"
        " ORDER BY r.articles DESC, r.first_day NULLS LAST, s.id",
        [story_id, story_id],
    )


def copies_among(store: Store, article_ids: Sequence[str]) -> dict[str, str]:
    """Which of `article_ids` are near-duplicates, and of what."""
    rows = store.db.execute(
        "SELECT article_id, duplicate_of FROM near_duplicates WHERE article_id IN (SELECT"
        " unnest(?))",
        [list(article_ids)],
    )
    return dict(rows.fetchall())


_ARTICLE_OUTLETS = (
    "art AS (SELECT a.id, coalesce(a.outlet, '(unknown)') AS outlet, a.published,"
    " d.article_id IS NOT NULL AS copy FROM articles a"
    " LEFT JOIN near_duplicates d ON d.article_id = a.id),"
    " carried AS (SELECT DISTINCT m.story_id, art.outlet FROM story_members m"
    " JOIN art ON art.id = m.article_id),"
    " shared AS (SELECT story_id FROM carried GROUP BY story_id HAVING count(*) > 1)"
)


def outlet_coverage(store: Store, stories: int = 10) -> list[dict[str, Any]]:
    """Per outlet: counts (copies apart); how many of the stories reported by more than one
    outlet it covered and missed; and the `stories` most recent of each (whole lists would grow
    with the store: a million statements make about 11,000 shared stories).

    An outlet's latest missed stories lie among the latest (its covered count + `stories`)
    shared ones, so only those are compared with what it carried, not every outlet with every
    shared story (40 outlets: 435,000 pairs, 0.3 s at a million statements)."""
    return fetch(
        store.db,
        f"WITH {_ARTICLE_OUTLETS},"
        # a statement's row keeps its article's outlet (migration 007)
        " said AS (SELECT coalesce(s.outlet, '(unknown)') AS outlet, count(*) AS n"
        "  FROM statements s ANTI JOIN near_duplicates d ON d.article_id = s.article_id"
        "  GROUP BY 1),"
        " totals AS (SELECT art.outlet, count(*) FILTER (WHERE NOT copy) AS articles,"
        "  count(*) FILTER (WHERE copy) AS duplicates,"
        "  coalesce(any_value(said.n), 0) AS statements,"
        "  strftime(min(published), '%Y-%m-%d') AS first,"
        "  strftime(max(published), '%Y-%m-%d') AS last"
        "  FROM art LEFT JOIN said ON said.outlet = art.outlet GROUP BY art.outlet),"
        " ranked AS (SELECT st.id, st.title,"
        "  row_number() OVER (ORDER BY st.first DESC NULLS LAST, st.id) AS recency"
        "  FROM shared sh JOIN stories st ON st.id = sh.story_id),"
        " held AS (SELECT c.outlet, r.id, r.title, r.recency"
        "  FROM carried c JOIN ranked r ON r.id = c.story_id),"
        " tally AS (SELECT t.outlet, count(h.id) AS covered_count,"
        "  (SELECT count(*) FROM ranked) - count(h.id) AS missed_count,"
        "  coalesce(min_by({'id': h.id, 'title': h.title}, h.recency, ?)"
        "   FILTER (WHERE h.id IS NOT NULL), []) AS covered"
        "  FROM totals t LEFT JOIN held h ON h.outlet = t.outlet GROUP BY t.outlet),"
        " missing AS (SELECT y.outlet, min_by({'id': r.id, 'title': r.title}, r.recency, ?)"
        "  AS missed"
        "  FROM tally y JOIN ranked r ON r.recency <= y.covered_count + ?"
        "  LEFT JOIN held h ON h.outlet = y.outlet AND h.id = r.id"
        "  WHERE h.id IS NULL GROUP BY y.outlet)"
        " SELECT t.*, y.covered_count, y.missed_count, y.covered,"
        " coalesce(m.missed, []) AS missed"
        " FROM totals t JOIN tally y ON y.outlet = t.outlet"
        " LEFT JOIN missing m ON m.outlet = t.outlet"
        " ORDER BY t.articles DESC, t.outlet",
        [stories, stories, stories],
    )


def shared_stories(store: Store, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """The stories reported by more than one outlet, most recent first, each with the outlets
    that carried it (copies included): the rows of the outlets page's matrix."""
    return fetch(
        store.db,
        f"WITH {_ARTICLE_OUTLETS}"
        " SELECT st.id, st.title, strftime(st.first, '%Y-%m-%d') AS first,"
        " list(c.outlet ORDER BY c.outlet) AS outlets"
        " FROM shared sh JOIN stories st ON st.id = sh.story_id"
        " JOIN carried c ON c.story_id = sh.story_id"
        " GROUP BY st.id, st.title, st.first ORDER BY st.first DESC NULLS LAST, st.id"
        + page(limit, offset),
    )
