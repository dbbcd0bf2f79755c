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


ENGINES: dict[str, Callable[[int, str | None], Driver]] = {"local": _local, "ray": _ray}


def make_driver(engine: str = "local", workers: int = 1, address: str | None = None) -> Driver:
    """The driver for `engine`: "local" (this machine, `workers` processes) or "ray" (`address`)."""
    return ENGINES[engine](workers, address)
