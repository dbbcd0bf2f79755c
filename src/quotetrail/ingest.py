"""Ingest: read → (skip what is stored) → pipeline on a driver → store, streaming.

Documents already in the store (same content id) are counted and skipped before any parsing,
which makes ingest idempotent and incremental: a second run over the same folder stores
nothing and says so; a new file adds only its own rows.

Ingest also keeps the corpus's learned site furniture (`clean.furniture`): each batch is sent
with the furniture known so far, and each stored article's short lines are counted under its
outlet, so cleaning gets better as an outlet's articles arrive.

Each stored batch is then linked into the corpus (`link.link_articles`: entities, the same
statement in other articles, near-duplicates, stories) at a cost that follows the batch, not
the store. A batch's rows, its links and the furniture learned from it commit together in one
transaction: a run killed at any moment leaves whole batches, every one linked, and the next
run goes on from the first batch not committed (docs/reliability.md).

An http(s) URL among the inputs is fetched (`quotetrail.fetch`): a page, or the pages a feed or
sitemap lists that were not fetched before. A fetched page's URL is marked done in the fetch
log in the transaction of the batch that stores (or rejects) it, or when its content is found
stored already, so a URL is fetched again only when a run ended before its batch committed.

`QUOTETRAIL_PAUSE_AT=MOMENT[:N]` is a fault-injection setting for the crash tests: the N-th time
(default 1) a run reaches MOMENT (one of `PAUSE_MOMENTS`) it says so on stderr and waits to be
killed.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from quotetrail.clean import stated_metadata
from quotetrail.clean.furniture import FurnitureStats, furniture_by_outlet, observe
from quotetrail.fetch import Fetcher, documents, is_url
from quotetrail.link import link_articles
from quotetrail.read import iter_documents
from quotetrail.records import Article, ArticleResult, Batch, RawDocument, Rejection
from quotetrail.scale import Driver, make_driver
from quotetrail.store import METADATA, Store, links
from quotetrail.store.fetches import FetchLog

BATCH_SIZE = 32
FURNITURE_STATE = "furniture"
PAUSE_VARIABLE = "QUOTETRAIL_PAUSE_AT"
# Where a batch can be interrupted: its results are back from the driver; its rows are written;
# it is linked; it is committed (between batches).
PAUSE_MOMENTS = ("processed", "written", "linked", "committed")


# A document whose text may be stored already: (where it came from, the article id, what its
# source states beside the text: `clean.stated_metadata`).
Seen = tuple[str, str, dict[str, str]]


@dataclass(frozen=True)
class OtherSource:
    """The same text sent again with another title, URL, outlet or date (`differs`). The
    article keeps what it was first stored with; this source is recorded beside it."""

    source: str
    article_id: str
    differs: tuple[str, ...]

    @property
    def message(self) -> str:
        return (
            f"already stored as {self.article_id}; metadata differs: {', '.join(self.differs)}"
            " (the article keeps its first; this source is recorded beside it)"
        )


@dataclass
class IngestSummary:
    documents: int = 0  # documents read from the inputs
    stored: int = 0  # articles newly stored
    already_stored: int = 0  # skipped: same content already in the store
    repeated: int = 0  # skipped: the same content twice in this run
    statements: int = 0  # statements newly stored
    not_english: int = 0  # stored, flagged, extraction skipped
    relinked: int = 0  # stored unlinked by an older quotetrail killed mid-batch, linked now
    already_fetched: int = 0  # URLs passed over: fetched by an earlier run
    rejected: list[Rejection] = field(default_factory=list)
    other_sources: list[OtherSource] = field(default_factory=list)  # among the already stored

    @property
    def exit_code(self) -> int:
        return 1 if self.rejected else 0


def default_workers() -> int:
    return (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    )


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    driver: Driver | None = None,
    batch_size: int = BATCH_SIZE,
    replace: bool = False,
    on_progress: Callable[[IngestSummary], None] | None = None,
    fetcher: Fetcher | None = None,
) -> IngestSummary:
    """Ingest every document under `paths` (files, folders, http(s) URLs) into `store`; never
    raises for bad input.

    `driver` runs the per-document pipeline (default: this process; see `scale.make_driver`);
    `fetcher` fetches the URLs (default: one with the default `fetch.Policy`).
    """
    summary = IngestSummary()
    log = FetchLog(store)
    pause = pause_hook(os.environ.get(PAUSE_VARIABLE, ""))
    summary.relinked = _link_unlinked(store, batch_size)
    furniture = FurnitureStats.from_dict(store.load_state(FURNITURE_STATE) or {})
    repeats: list[Seen] = []  # the same text twice in one batch: looked at once it is stored
    batches = (
        Batch(documents, furniture_by_outlet(furniture))
        for documents in _new_document_batches(
            _inputs(paths, fetcher or Fetcher(), log, summary),
            store,
            summary,
            batch_size,
            replace,
            repeats,
        )
    )
    for results in (driver or make_driver())(batches):
        articles: list[ArticleResult] = []
        for result in results:
            if isinstance(result, Rejection):
                summary.rejected.append(result)
            else:
                articles.append(result)
        pause("processed")
        with store.transaction():
            new_ids = {result.article.id for result in articles} - store.existing_article_ids(
                r.article.id for r in articles
            )
            stored = store.write(articles, replace=replace)
            log.mark_done(
                source
                for source in (
                    r.source if isinstance(r, Rejection) else r.article.source_path for r in results
                )
                if is_url(source)
            )
            if not replace:  # texts an earlier batch of this run stored
                _note_other_sources(
                    store,
                    [
                        (r.article.source_path, r.article.id, _metadata(r.article))
                        for r in articles
                        if r.article.id not in new_ids
                    ],
                    summary,
                )
            pause("written")
            link_articles(
                store,
                [r.article.id for r in articles if replace or r.article.id in new_ids],
                {r.article.id: r.link_keys for r in articles if r.link_keys},
            )
            pause("linked")
            for result in articles:
                if result.article.id in new_ids:
                    observe(furniture, result.article.outlet, result.furniture_candidates)
            store.save_state(FURNITURE_STATE, furniture.to_dict())
        pause("committed")
        summary.stored += stored
        summary.repeated += len(articles) - stored  # written by an earlier batch of this run
        summary.statements += sum(len(result.statements) for result in articles)
        summary.not_english += sum(1 for result in articles if result.article.language != "en")
        if on_progress:
            on_progress(summary)
    if not replace:
        _note_other_sources(store, repeats, summary)
    store.keep_search_in_order()
    return summary


def _metadata(article: Article) -> dict[str, str]:
    return {name: value for name in METADATA if (value := getattr(article, name))}


def _note_other_sources(store: Store, seen: list[Seen], summary: IngestSummary) -> None:
    """Of these stored texts, those whose source states metadata that neither the article nor
    a source recorded before states: each named in the summary, recorded as another source."""
    if not seen:
        return
    stored = store.article_metadata([article_id for _, article_id, _ in seen])
    recorded = store.article_sources(list(stored))
    rows: list[tuple[str, str, dict[str, str]]] = []
    for source, article_id, stated in seen:
        if article_id not in stored:  # a repeat of a document that was rejected
            continue
        known = [stored[article_id], *recorded.get(article_id, [])]
        known += [row[2] for row in rows if row[0] == article_id]
        if any(all(other.get(name) == value for name, value in stated.items()) for other in known):
            continue
        differs = tuple(name for name in stated if stated[name] != stored[article_id][name])
        rows.append((article_id, source, stated))
        summary.other_sources.append(OtherSource(source, article_id, differs))
    with store.transaction():
        store.add_sources(rows)


def _inputs(
    paths: Iterable[str | Path], fetcher: Fetcher, log: FetchLog, summary: IngestSummary
) -> Iterator[RawDocument | Rejection]:
    """The documents of each input in turn: read from a file or folder, or fetched."""
    for given in paths:
        if not is_url(given):
            yield from iter_documents([given])
            continue
        tally: Counter[str] = Counter()
        yield from documents(str(given), fetcher, log, tally)
        summary.already_fetched += tally["already fetched"]


def _link_unlinked(store: Store, batch_size: int) -> int:
    """Link what an interrupted run of an older quotetrail stored but never linked."""
    unlinked = links.unclustered(store)
    for start in range(0, len(unlinked), batch_size):
        link_articles(store, unlinked[start : start + batch_size])
    return len(unlinked)


def pause_hook(setting: str) -> Callable[[str], None]:
    """The fault-injection hook `QUOTETRAIL_PAUSE_AT=MOMENT[:N]` sets (no-op when empty)."""
    moment, _, nth = setting.partition(":")
    if not moment:
        return lambda _moment: None
    if moment not in PAUSE_MOMENTS or not (nth or "1").isdigit():
        raise ValueError(f"{PAUSE_VARIABLE}={setting!r}: use one of {', '.join(PAUSE_MOMENTS)}[:N]")
    reached: Counter[str] = Counter()

    def pause(at: str) -> None:
        reached[at] += 1
        if at == moment and reached[at] == int(nth or 1):
            print(f"quotetrail: paused at {at} {reached[at]} (pid {os.getpid()})", file=sys.stderr)
            sys.stderr.flush()
            while True:
                time.sleep(60)

    return pause


def _new_document_batches(
    items: Iterator[RawDocument | Rejection],
    store: Store,
    summary: IngestSummary,
    batch_size: int,
    replace: bool,
    repeats: list[Seen],
) -> Iterator[list[RawDocument]]:
    """Batches of documents not yet stored. Nothing grows with the corpus: a document repeated
    across batches is caught when its batch is written (`Store.write` skips stored ids). A
    stored text that came again is looked at for other metadata here; one repeated within a
    batch goes to `repeats`, to be looked at once it is stored."""
    pending: list[RawDocument] = []
    pending_ids: set[str] = set()

    def flush() -> list[RawDocument]:
        stored = (
            set() if replace else store.existing_article_ids(document.id for document in pending)
        )
        summary.already_stored += sum(1 for document in pending if document.id in stored)
        _note_other_sources(
            store, [_seen(document) for document in pending if document.id in stored], summary
        )
        FetchLog(store).mark_done(
            document.source_path
            for document in pending
            if document.id in stored and is_url(document.source_path)
        )
        return [document for document in pending if document.id not in stored]

    for item in items:
        if isinstance(item, Rejection):
            summary.rejected.append(item)
            continue
        summary.documents += 1
        if item.id in pending_ids:
            summary.repeated += 1
            repeats.append(_seen(item))
            continue
        pending.append(item)
        pending_ids.add(item.id)
        if len(pending) >= batch_size:
            batch = flush()
            pending, pending_ids = [], set()
            if batch:
                yield batch
    if pending:
        batch = flush()
        if batch:
            yield batch


def _seen(document: RawDocument) -> Seen:
    return (document.origin, document.id, stated_metadata(document))
