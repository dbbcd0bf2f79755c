"""Run the pipeline in this process or in a pool of local worker processes.

Workers die with the process that started them: each watches its parent, so a parent killed
outright (SIGKILL, which no handler sees) leaves no worker parsing on for minutes.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import nullcontext

from quotetrail.pipeline import process_batch
from quotetrail.records import ArticleResult, Batch, Rejection
from quotetrail.scale.shards import joined, shards

PARENT_CHECK_SECONDS = 0.5


def watch_parent(parent: int, every: float = PARENT_CHECK_SECONDS) -> None:
    """End this process as soon as `parent` is no longer its parent (it died: the orphan was
    handed to init). A daemon thread polls, since a busy worker never reads its task queue."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


def _start_worker(parent: int) -> None:
    from quotetrail.nlp import load_pipeline

    watch_parent(parent)
    load_pipeline()


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """`workers` processes, spawned, each loading the spaCy pipeline once and watching this one."""
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(os.getpid(),),
    )


def run_local(
    batches: Iterable[Batch], workers: int = 1, pool: ProcessPoolExecutor | None = None
) -> Iterator[list[ArticleResult | Rejection]]:
    """Yield the results of each batch, in order.

    With `workers` > 1, or a `pool` kept by a caller that runs many (the server, which parses
    outside the process answering requests even with one worker), batches go to worker
    processes (`worker_pool`, started for this run unless `pool`), each batch cut into one
    shard per worker (`shards`); at most two batches are in flight, so the input is read only
    as fast as it is processed.
    """
    if workers <= 1 and pool is None:
        for batch in batches:
            yield process_batch(batch)
        return
    with nullcontext(pool) if pool else worker_pool(workers) as running:
        pending: deque[list[Future]] = deque()
        for batch in batches:
            pending.append([running.submit(process_batch, part) for part in shards(batch, workers)])
            if len(pending) >= 2:
                yield joined(part.result() for part in pending.popleft())
        while pending:
            yield joined(part.result() for part in pending.popleft())
