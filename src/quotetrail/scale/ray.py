"""Run the pipeline on a Ray cluster (or a local Ray instance) — the same `process_batch`.

Ray is an optional extra (`pip install 'quotetrail[ray]'`). Each Ray worker process loads the
spaCy pipeline once (it is cached per process) and receives plain `Batch`es; results
come back as plain records, in input order. As with the local driver, each batch is cut into
one shard per cluster CPU (`shards`), at most two shards per CPU are in flight, and the input is
read only as fast as the cluster processes it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from quotetrail.pipeline import process_batch
from quotetrail.records import ArticleResult, Batch, Rejection
from quotetrail.scale.shards import joined, shards


class RayUnavailable(RuntimeError):
    """Ray is not installed or the cluster cannot be reached."""


def run_ray(
    batches: Iterable[Batch], address: str | None = None, in_flight: int | None = None
) -> Iterator[list[ArticleResult | Rejection]]:
    """Yield the results of each batch, in order, computed by Ray tasks.

    `address` is a Ray cluster address ("ray://head:10001", "auto"); None starts a local Ray
    instance for this process.
    """
    try:
        import ray
    except ImportError as error:
        raise RayUnavailable(
            "the Ray engine needs the extra: pip install 'quotetrail[ray]'"
        ) from error
    started_here = not ray.is_initialized()
    if started_here:
        try:
            ray.init(
                address=address,
                include_dashboard=False,
                log_to_driver=False,
                configure_logging=False,
            )
        except (ConnectionError, RuntimeError, ValueError) as error:
            raise RayUnavailable(
                f"cannot reach Ray at {address or 'a new local instance'}: {error}"
            ) from error
    try:
        remote_batch = ray.remote(process_batch)
        cpus = int(ray.cluster_resources().get("CPU", 1))
        limit = in_flight or max(2, 2 * cpus)  # tasks (shards) in flight
        pending: deque[list] = deque()
        for batch in batches:
            pending.append([remote_batch.remote(part) for part in shards(batch, cpus)])
            while sum(len(parts) for parts in pending) >= limit:
                yield joined(ray.get(pending.popleft()))
        while pending:
            yield joined(ray.get(pending.popleft()))
    finally:
        if started_here:
            ray.shutdown()
