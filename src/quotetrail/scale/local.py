"""Run the pipeline in this process or in a pool of local worker processes."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from quotetrail.pipeline import process_batch
from quotetrail.records import ArticleResult, Batch, Rejection


def _warm_worker() -> None:
    from quotetrail.nlp import load_pipeline

    load_pipeline()


def run_local(
    batches: Iterable[Batch], workers: int = 1
) -> Iterator[list[ArticleResult | Rejection]]:
    """Yield the results of each batch, in order.

    With `workers` > 1, batches go to that many processes (spawned, each loading the spaCy
    pipeline once); at most two batches per worker are in flight, so the input is read only as
    fast as it is processed.
    """
    if workers <= 1:
        for batch in batches:
            yield process_batch(batch)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_warm_worker
    ) as pool:
        pending: deque[Future] = deque()
        for batch in batches:
            pending.append(pool.submit(process_batch, batch))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
