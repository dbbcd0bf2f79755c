"""Drivers: run `pipeline.process_batch` over a stream of documents, on one core, many, or a
cluster.

A driver takes an iterable of `Batch`es and yields each batch's results in input
order, consuming its input lazily so memory stays flat however large the corpus. `make_driver`
picks one by engine name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial

from quotetrail.records import ArticleResult, Batch, Rejection

Driver = Callable[[Iterable[Batch]], Iterator[list[ArticleResult | Rejection]]]


def _local(workers: int, address: str | None) -> Driver:
    from quotetrail.scale.local import run_local

    return partial(run_local, workers=workers)


def _ray(workers: int, address: str | None) -> Driver:
    from quotetrail.scale.ray import run_ray

    return partial(run_ray, address=address)


def shards(batch: Batch, parts: int) -> list[Batch]:
    """`batch` cut into at most `parts` runs of documents in order, each with the batch's
    furniture, so that every worker works on every batch. Whole batches dealt out to two
    workers left one idle for a fifth of a 150-article run (five batches of 32: three to one,
    two to the other); the batch stays what is written at once."""
    size = max(1, -(-len(batch.documents) // max(parts, 1)))
    return [
        Batch(batch.documents[start : start + size], batch.furniture)
        for start in range(0, len(batch.documents), size)
    ]


def joined(parts: Iterable[list[ArticleResult | Rejection]]) -> list[ArticleResult | Rejection]:
    """One batch's results from its shards' results, in order."""
    return [result for part in parts for result in part]


ENGINES: dict[str, Callable[[int, str | None], Driver]] = {"local": _local, "ray": _ray}


def make_driver(engine: str = "local", workers: int = 1, address: str | None = None) -> Driver:
    """The driver for `engine`: "local" (this machine, `workers` processes) or "ray" (`address`)."""
    return ENGINES[engine](workers, address)
