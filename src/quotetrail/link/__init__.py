"""Linking across articles: near-duplicates, stories, entities, the same statement in many places.

`link_articles(store, ids)` is called after each stored batch. It reads the new articles, asks
the store only for what shares a key with them (LSH bands, story terms, entity blocking keys,
statement blocks), runs the pure algorithms of this package, and writes back what changed —
so linking N articles into a store of M costs O(N), not O(N·M).
"""

from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from quotetrail import collector
from quotetrail.lexicon import clean_name
from quotetrail.link import neardup
from quotetrail.link.entities import (
    MENTION_KINDS,
    Entity,
    Observation,
    Resolver,
    mention_observation,
    observation_keys,
    people_by_surname,
)
from quotetrail.link.statements import Claim, block_key, day_of, lookup_keys, match
from quotetrail.link.stories import (
    STORY_TERMS,
    Story,
    StoryIndex,
    story_entity,
    story_features,
    window_start,
)
from quotetrail.records import DOCUMENT, Article, LinkKeys, Mention
from quotetrail.store import Store
from quotetrail.store import links as sql

Keys = Mapping[str, LinkKeys]  # article id → what its worker worked out
Groups = Iterable[tuple[str, str, Sequence[int]]]  # a name, its label, its offsets


def link_keys(article: Article, mentions: Sequence[Mention]) -> LinkKeys:
    """An article's signature and story features, from what the per-document stage holds: the
    mentions grouped as the store gives them back (by name and label, ordered by first offset),
    so these are the values `link_articles` would work out from the stored article."""
    groups: dict[tuple[str, str], list[int]] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        groups.setdefault((mention.text, mention.label), []).append(mention.start)
    return _link_keys(
        article.text, article.title, ((text, label, at) for (text, label), at in groups.items())
    )


def _link_keys(text: str, title: str | None, groups: Groups) -> LinkKeys:
    names: list[tuple[str, int]] = []
    for name, label, starts in groups:
        feature = story_entity(name, label)
        if feature:
            names.extend((feature, start) for start in starts)
    return LinkKeys(
        signature=neardup.signature(text),
        story_features=dict(story_features(text, names, title)),
    )


def link_articles(store: Store, article_ids: Sequence[str], keys: Keys | None = None) -> None:
    """Link newly stored (or re-extracted) articles into the corpus, in one transaction.
    `keys` are the articles' `LinkKeys` as their workers worked them out; an article without
    gets them worked out here.

    Duplicate marks and story membership are set once per article; entities and statement
    links are redone for every article given, so re-extraction replaces what it changed, and
    for every earlier article the batch moved to another story (a provisional story confirmed).
    """
    ids = list(dict.fromkeys(article_ids))
    if not ids:
        return
    # Linking allocates many small containers (centroids, candidate sets, claims): each full
    # collection walked the writer's whole heap (0.4 s of 3.5 per 1,000 articles).
    with collector.paused():
        _link(store, ids, keys)


def _link(store: Store, ids: list[str], keys: Keys | None) -> None:
    done = sql.clustered(store, ids)
    fresh = [article_id for article_id in ids if article_id not in done]
    mentions = sql.batch_mentions(store, ids)
    with store.transaction():
        if fresh:
            articles = sql.batch_articles(store, fresh)
            keys = _stored_keys(articles, mentions, keys or {})
            mark_duplicates(store, articles, keys)
            placed = place_in_stories(store, articles, keys)
            known = set(ids)
            moved = [
                article_id for article_id in placed if article_id not in known
            ]  # to a story confirmed
            if moved:
                ids += moved
                mentions += sql.batch_mentions(store, moved)
        statements = sql.batch_statements(store, ids)
        lost = sql.forget_statements(store, ids)
        story_of = sql.stories_of(store, ids)
        claims = resolve_entities(store, statements, mentions, story_of)
        link_statements(store, claims, story_of, lost)


def _stored_keys(
    articles: Sequence[dict[str, Any]], mentions: Sequence[dict[str, Any]], given: Keys
) -> dict[str, LinkKeys]:
    """The workers' keys of these stored articles; those not given, worked out from the store."""
    groups: dict[str, list[tuple[str, str, Sequence[int]]]] = {}
    for row in mentions:
        groups.setdefault(row["article_id"], []).append((row["text"], row["label"], row["starts"]))
    return {
        a["id"]: given.get(a["id"]) or _link_keys(a["text"], a["title"], groups.get(a["id"], ()))
        for a in articles
    }


def mark_duplicates(store: Store, articles: Sequence[dict[str, Any]], keys: Keys) -> None:
    signatures = {a["id"]: keys[a["id"]].signature for a in articles}
    bands = {article_id: neardup.band_keys(sig) for article_id, sig in signatures.items()}
    known, originals = sql.signatures_in_bands(store, (b for ks in bands.values() for b in ks))
    found = neardup.find_duplicates(signatures, known, originals, [a["id"] for a in articles])
    sql.save_signatures(store, signatures, bands)
    sql.save_duplicates(store, [(d.article_id, d.duplicate_of, d.similarity) for d in found])


def place_in_stories(
    store: Store, articles: Sequence[dict[str, Any]], keys: Keys
) -> dict[str, str]:
    """Each new article joins a story or opens one; returns article id → story id for the new
    articles and for earlier ones moved to a story confirmed by this batch."""
    features = {a["id"]: keys[a["id"]].story_features for a in articles}
    titles = {a["id"]: a["title"] or headline(a["text"]) for a in articles}
    terms = {term for counts in features.values() for term in counts}
    df, n_docs = sql.term_frequencies(store, terms)
    preview = StoryIndex.restore(df, n_docs, ())
    for counts in features.values():
        preview.count(counts.keys())
    probes = {term for counts in features.values() for term in preview.probes(counts)}
    dated = [a["published"] for a in articles if a["published"]]
    since = window_start(min(dated)) if len(dated) == len(articles) else None
    stored = [_story(row) for row in sql.stories_under(store, probes, STORY_TERMS, since)]
    index = StoryIndex.restore(df, n_docs, stored)
    members = {}
    for article in articles:
        placed = index.add(
            article["id"], features[article["id"]], article["published"], titles[article["id"]]
        )
        members[article["id"]] = (placed.story_id, placed.score)
        if placed.moved:
            members[placed.moved] = (placed.story_id, 0.0)  # the article that opened the story
    sql.save_story_state(
        store,
        Counter(term for counts in features.values() for term in counts),
        [_story_row(index.stories[story_id]) for story_id in sorted(index.changed)],
        sorted(index.removed),
        [(article_id, story_id, score) for article_id, (story_id, score) in members.items()],
    )
    return {article_id: story_id for article_id, (story_id, _) in members.items()}


def headline(text: str, limit: int = 100) -> str:
    """A stand-in title for an article that has none: its first line, shortened."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first if len(first) <= limit else first[: limit - 1].rsplit(" ", 1)[0] + "…"


def _story(row: dict[str, Any]) -> Story:
    return Story(
        id=row["id"],
        centroid=dict(zip(row["terms"] or [], row["weights"] or [], strict=True)),
        size=row["size"],
        first=row["first"],
        last=row["last"],
        title=row["title"],
        title_score=row["title_score"],
        norm=row["norm"],
        sibling_of=row["sibling_of"],
        seed=row["seed"],
        parent_size=row["parent_size"],
    )


def _story_row(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "title_score": story.title_score,
        "first": story.first,
        "last": story.last,
        "size": story.size,
        "norm": story.norm,
        "sibling_of": story.sibling_of,
        "seed": story.seed,
        "parent_size": story.parent_size,
        "terms": sorted(story.centroid.items(), key=lambda kv: (-kv[1], kv[0])),
    }


def resolve_entities(
    store: Store,
    statements: Sequence[dict[str, Any]],
    mentions: Sequence[dict[str, Any]],
    story_of: dict[str, str],
) -> list[Claim]:
    """File speakers and mentions under entities; returns the statements ready for matching."""
    speakers = [_speaker_observation(row, story_of.get(row["article_id"])) for row in statements]
    cleaned = [(clean_name(row["text"]), row) for row in mentions if row["label"] in MENTION_KINDS]
    usable = [row for name, row in cleaned if name]
    named = [
        mention_observation(name, row["label"], row["article_id"]) for name, row in cleaned if name
    ]
    for obs in named:
        obs.story_id = story_of.get(obs.article_id)
    people_by_surname([*named, *(obs for obs in speakers if obs.kind == "person")])
    affiliations = [
        Observation(name=o.affiliation, article_id=o.article_id, kind="organization")
        for o in speakers
        if o.affiliation
    ]
    keys = {key for obs in speakers + named + affiliations for key in observation_keys(obs)}
    resolver = _resolver_for(store)
    resolver.load(keys)
    claims, statement_rows = [], []
    for obs, row in zip(speakers, statements, strict=True):
        speaker = resolver.resolve(obs)
        affiliation = _speaks_for(resolver, speaker, obs)
        statement_rows.append(
            (
                row["id"],
                row["article_id"],
                speaker.id,
                affiliation.id if affiliation else None,
                block_key(speaker.id, row["day"]),
            )
        )
        claims.append(Claim(row["id"], row["article_id"], speaker.id, row["day"], row["quote"]))
    counts: Counter[tuple[str, str]] = Counter()
    for obs, row in zip(named, usable, strict=True):
        counts[(obs.article_id, resolver.resolve(obs).id)] += row["n"]
    changed = [resolver.entities[i] for i in sorted(resolver.changed)]
    mark = sql.save_entities(store, [vars(e) for e in changed], [vars(m) for m in resolver.merges])
    _keep(store, resolver, mark)
    sql.save_entity_mentions(store, [(a, e, n) for (a, e), n in sorted(counts.items())])
    sql.save_statement_entities(store, statement_rows)
    return claims


# A writer links batch after batch into one store, and after each batch its resolver holds
# exactly what the store holds of the entities it has seen: the next batch starts from them
# rather than reading and indexing them again (at 1,000,000 articles, 52,000 entities and 1.5 s a
# batch). Kept per `Store` object, and only while the mark the batch left in the store is still
# there: a batch rolled back, or entities written through another connection, change the mark,
# and the next batch starts afresh. A resolver that has grown past REMEMBERED_ENTITIES is dropped
# too, so a writer's memory stays bounded however large the store grows.
_resolvers: weakref.WeakKeyDictionary[Store, tuple[str, Resolver]] = weakref.WeakKeyDictionary()
REMEMBERED_ENTITIES = 200_000


def _resolver_for(store: Store) -> Resolver:
    """The resolver the last batch left for `store` when it still holds, else a fresh one;
    taken out of the keeping while this batch changes it (an error leaves nothing kept)."""
    mark, resolver = _resolvers.pop(store, ("", None))

    def fetch(wanted: set[str]) -> list[Entity]:
        return [_entity(row) for row in sql.entities_by_keys(store, wanted)]

    if (
        resolver is None
        or mark != sql.entities_version(store)
        or len(resolver.entities) > REMEMBERED_ENTITIES
    ):
        return Resolver(fetch=fetch)
    resolver.next_batch(fetch)
    return resolver


def _keep(store: Store, resolver: Resolver, mark: str) -> None:
    """Keep the resolver under the mark its batch left in the store (without its reader,
    which would hold the store alive)."""
    resolver.fetch = None
    _resolvers[store] = (mark, resolver)


def _speaks_for(resolver: Resolver, speaker: Entity, obs: Observation) -> Entity | None:
    """The body a statement speaks for: the one the article names, else the speaker's only one;
    a document whose author is not given speaks for no one."""
    if speaker.kind == DOCUMENT:
        return None
    if speaker.kind != "person":
        return speaker
    known = obs.affiliation or (
        next(iter(speaker.affiliations)) if len(speaker.affiliations) == 1 else None
    )
    return resolver.actor(known, obs.article_id) if known else None


def _speaker_observation(row: dict[str, Any], story_id: str | None) -> Observation:
    return Observation(
        name=clean_name(row["speaker_name"]) or row["speaker_name"],
        article_id=row["article_id"],
        kind=row["speaker_kind"] or "person",
        role=row["speaker_role"],
        affiliation=row["speaker_affiliation"],
        story_id=story_id,
    )


def _entity(row: dict[str, Any]) -> Entity:
    return Entity(
        id=row["id"],
        name=row["name"],
        kind=row["kind"],
        aliases=set(row["aliases"] or []),
        roles=set(row["roles"] or []),
        affiliations=set(row["affiliations"] or []),
        keys=set(row["keys"] or []),
        stories=list(row["stories"] or []),
    )


def link_statements(
    store: Store, claims: Sequence[Claim], story_of: dict[str, str], lost: set[str]
) -> None:
    """Link each new statement to the same statement in other articles; refresh `also_in` of
    those and of the statements that `lost` a link when these were forgotten."""
    for claim in claims:
        claim.story_id = story_of.get(claim.article_id)
    blocks = {key for claim in claims for key in lookup_keys(claim.entity_id, claim.day)}
    new_ids = {claim.id for claim in claims}
    known = [
        Claim(
            row["id"],
            row["article_id"],
            row["entity_id"],
            day_of(row["block"]),
            row["quote"],
            row["story_id"],
        )
        for row in sql.claims_in_blocks(store, blocks)
        if row["id"] not in new_ids
    ]
    links = match(claims, known)
    rows = [(link.statement_id, link.other_id, link.score, link.reason) for link in links]
    sql.save_statement_links(store, rows, lost | new_ids)
