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

from quotetrail.clean.furniture import FurnitureStats, furniture_by_outlet, observe
from quotetrail.link import link_articles
from quotetrail.read import iter_documents
from quotetrail.records import ArticleResult, Batch, RawDocument, Rejection
from quotetrail.scale import Driver, make_driver
from quotetrail.store import Store, links

BATCH_SIZE = 32
FURNITURE_STATE = "furniture"
PAUSE_VARIABLE = "QUOTETRAIL_PAUSE_AT"
# Where a batch can be interrupted: its results are back from the driver; its rows are written;
# it is linked; it is committed (between batches).
PAUSE_MOMENTS = ("processed", "written", "linked", "committed")


@dataclass
class IngestSummary:
    documents: int = 0  # documents read from the inputs
    stored: int = 0  # articles newly stored
    already_stored: int = 0  # skipped: same content already in the store
    repeated: int = 0  # skipped: the same content twice in this run
    statements: int = 0  # statements newly stored
    not_english: int = 0  # stored, flagged, extraction skipped
    relinked: int = 0  # stored unlinked by an older quotetrail killed mid-batch, linked now
    rejected: list[Rejection] = field(default_factory=list)

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
) -> IngestSummary:
    """Ingest every document under `paths` into `store`; never raises for bad input.

    `driver` runs the per-document pipeline (default: this process; see `scale.make_driver`).
    """
    summary = IngestSummary()
    pause = pause_hook(os.environ.get(PAUSE_VARIABLE, ""))
    summary.relinked = _link_unlinked(store, batch_size)
    furniture = FurnitureStats.from_dict(store.load_state(FURNITURE_STATE) or {})
    batches = (
        Batch(documents, furniture_by_outlet(furniture))
        for documents in _new_document_batches(
            iter_documents(paths), store, summary, batch_size, replace
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
            pause("written")
            link_articles(
                store, [r.article.id for r in articles if replace or r.article.id in new_ids]
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
    return summary


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
) -> Iterator[list[RawDocument]]:
    """Batches of documents not yet stored. Nothing grows with the corpus: a document repeated
    across batches is caught when its batch is written (`Store.write` skips stored ids)."""
    pending: list[RawDocument] = []
    pending_ids: set[str] = set()

    def flush() -> list[RawDocument]:
        stored = (
            set() if replace else store.existing_article_ids(document.id for document in pending)
        )
        summary.already_stored += sum(1 for document in pending if document.id in stored)
        return [document for document in pending if document.id not in stored]

    for item in items:
        if isinstance(item, Rejection):
            summary.rejected.append(item)
            continue
        summary.documents += 1
        if item.id in pending_ids:
            summary.repeated += 1
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
