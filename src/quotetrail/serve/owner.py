"""The store the server owns, so reads never stop for writes.

DuckDB lets one process write a file (or several read it): a `quotetrail ingest` in another
process held the file for its whole run and every request in between got 503. So the server
opens the store once and holds it while it runs; each request reads through a cursor of its own
(a consistent snapshot: a batch being ingested is seen whole or not at all, `ingest`), and one
writer thread ingests what `POST /api/v1/ingest`, a watched folder (`serve --watch DIR`) and
the sources of a watch (`serve --watch-config watch.toml`, `quotetrail.watch`) bring, one run at
a time. A command that finds the file held is told where to go instead
(`serve.holder`). What a request works out from the store and the next request would work out
again alike (a position's analysis, the same for every page of it) is `Remembered` until the
store next commits.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Hashable, Iterable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import asynccontextmanager
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from quotetrail.fetch import Fetcher
from quotetrail.ingest import IngestSummary, ingest
from quotetrail.read import reader_for
from quotetrail.scale.local import run_local, worker_pool
from quotetrail.serve.holder import Holder, remove_note, write_note
from quotetrail.store import Commits, Store, StoreError

WATCH_SECONDS = 2.0
JOIN_SECONDS = 60.0  # the longest `close` waits for a watch to finish what it is doing
REMEMBERED = 32  # results kept at once, the least recently asked for going first
log = logging.getLogger(__name__)
Result = TypeVar("Result")


class Remembered:
    """Results worked out from the store, each kept until the store's next commit
    (`Store.commits`: every write of records and links is a transaction) or until REMEMBERED
    newer ones push it out. A busy actor's position takes a second or two to work out at a
    million statements; each page of it showed the same months, shifts and contradictions
    and worked them out again. Safe across threads; two requests that miss at once both work
    the result out."""

    def __init__(self, size: int = REMEMBERED) -> None:
        self.size = size
        self._kept: OrderedDict[Hashable, tuple[Commits, int, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, store: Store, key: Hashable, work_out: Callable[[], Result]) -> Result:
        """The result kept for `key` at the store's present count of commits, else
        `work_out()` (kept under the count read before it ran: a commit while it runs makes it
        stale at once rather than ever passing newer data off as older)."""
        commits, count = store.commits, store.commits.count
        with self._lock:
            kept = self._kept.get(key)
            if kept is not None and kept[0] is commits and kept[1] == count:
                self._kept.move_to_end(key)
                return kept[2]
        result = work_out()
        with self._lock:
            self._kept[key] = (commits, count, result)
            self._kept.move_to_end(key)
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return result

    def forget(self) -> None:
        """Keep nothing (what a benchmark of first requests asks)."""
        with self._lock:
            self._kept.clear()


class Stopping(Exception):
    """The server is shutting down: an ingest stops after the batch it is on (committed)."""


class StoreOwner:
    """The server's one hold on the store at `db`: read-only unless it ingests (`writable`)."""

    def __init__(self, db: Path, writable: bool = False, workers: int = 1) -> None:
        self.db, self.writable, self.workers = db, writable, workers
        self._store: Store | None = None
        self._opening = threading.Lock()
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="quotetrail-ingest")
        self._pool: ProcessPoolExecutor | None = None  # worker processes, from the first ingest
        self._stop = threading.Event()
        self._beside: list[threading.Thread] = []  # the watches, which end before the store
        self.remembered = Remembered()

    def cursor(self) -> Store:
        """A connection of the caller's own to the store (one per request; close it). The store
        is opened by the first call that finds it usable (`StoreError` until then)."""
        with self._opening:
            if self._store is None:
                self._store = Store(self.db, read_only=not self.writable)
            return self._store.cursor()

    def ingest(self, paths: Iterable[str | Path], fetcher: Fetcher | None = None) -> IngestSummary:
        """Ingest `paths` (files, folders, URLs fetched with `fetcher`) on the writer thread,
        after any run before it, and wait for it."""
        if not self.writable:
            raise PermissionError("this server does not ingest")
        return self._writer.submit(self._ingest, list(paths), fetcher).result()

    def _ingest(self, paths: list[str | Path], fetcher: Fetcher | None) -> IngestSummary:
        if self._pool is None:  # even one worker: parsing must not hold this process's GIL
            self._pool = worker_pool(self.workers)
        driver = partial(run_local, workers=self.workers, pool=self._pool)
        with self.cursor() as store:
            return ingest(
                paths, store, driver=driver, on_progress=self._between_batches, fetcher=fetcher
            )

    def stopped(self, seconds: float) -> bool:
        """Wait up to `seconds`; True as soon as the owner is closing (a watch ends then)."""
        return self._stop.wait(seconds)

    def _between_batches(self, _summary: IngestSummary) -> None:
        if self._stop.is_set():
            raise Stopping

    def watch(
        self, folder: Path, every: float, on_summary: Callable[[IngestSummary], None]
    ) -> None:
        """Ingest each file that arrives in `folder` (at any depth, a suffix a reader reads,
        not hidden) once its size and time held for one look, `every` seconds apart, and again
        when it changes. Files there at the start are ingested too (what is stored is skipped)."""
        done: dict[Path, tuple[int, int]] = {}
        last: dict[Path, tuple[int, int]] = {}
        while not self._stop.wait(every):
            now = _files(folder)
            steady = [path for path, seen in now.items() if seen == last.get(path)]
            ready = sorted(path for path in steady if now[path] != done.get(path))
            last = now
            if not ready:
                continue
            try:
                summary = self.ingest(ready)
            except Stopping:
                return
            except Exception:  # a broken run must not end the watch: the next look retries
                log.exception("ingest of %d files from %s failed", len(ready), folder)
                continue
            done.update((path, now[path]) for path in ready)
            on_summary(summary)

    def lifespan(
        self,
        watch: Path | None = None,
        on_summary: Callable[[IngestSummary], None] | None = None,
        note: Holder | None = None,
        follow: Callable[[], None] | None = None,
    ) -> Callable[[Any], Any]:
        """The app's lifespan: hold the store, leave `note` beside it, watch `watch` and run
        `follow` (a watch of watch.toml, which ends when `stopped` says so) while it serves;
        let go of everything after (before uvicorn re-raises a SIGTERM it caught)."""

        @asynccontextmanager
        async def serving(_app: Any) -> AsyncIterator[None]:
            try:  # take hold of the file now, not at the first request
                self.cursor().close()
            except StoreError as error:
                log.warning("the store is not available yet: %s", error)
            if note is not None:
                write_note(self.db, note)
            if watch is not None:
                report = on_summary or (lambda _summary: None)
                self.beside(partial(self.watch, watch, WATCH_SECONDS, report), "quotetrail-watch")
            if follow is not None:
                self.beside(follow, "quotetrail-follow")
            try:
                yield
            finally:
                if note is not None:
                    remove_note(self.db)
                self.close()

        return serving

    def beside(self, task: Callable[[], None], name: str) -> None:
        """Run `task` in a thread of its own until it returns; `close` waits for it (a task
        that reads or writes the store ends when `stopped` says so)."""
        thread = threading.Thread(target=task, name=name, daemon=True)
        self._beside.append(thread)
        thread.start()

    def close(self) -> None:
        """Stop the watches and any ingest after its batch, wait for what runs beside (up to
        JOIN_SECONDS), end the workers, let go of the file."""
        self._stop.set()
        for thread in self._beside:
            thread.join(JOIN_SECONDS)
        self._writer.shutdown(wait=True, cancel_futures=True)
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
        with self._opening:
            if self._store is not None:
                self._store.close()
                self._store = None


def _files(folder: Path) -> dict[Path, tuple[int, int]]:
    """The readable files under `folder` with their size and modification time."""
    found = {}
    for root, folders, names in os.walk(folder):  # an unreadable folder is passed over
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in names:
            path = Path(root, name)
            if name.startswith(".") or reader_for(path) is None:
                continue
            try:
                stat = path.stat()
            except OSError:  # gone between the listing and the look
                continue
            found[path] = (stat.st_size, stat.st_mtime_ns)
    return found
