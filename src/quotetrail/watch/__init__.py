"""Watch: follow sources (feeds, sitemaps, pages, folders) on their intervals, ingest what is
new, and tell what changed in the record (`analyze.alerts`).

The watch ingests through the store's owner (`serve.owner.StoreOwner`): beside the web app in
`quotetrail serve --watch-config watch.toml`, where requests go on reading while it writes, or
on its own in `quotetrail watch`. Everything it must remember lives in the store, so a watch
stopped and started again goes on where it was: the fetch log (no page fetched twice, feeds
asked conditionally), when each source was last polled, and every event each alert rule has
seen (no alert twice). A rule's first look takes the events already in the record as known:
what it tells is what arrived after it was set up.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol

from quotetrail.analyze.alerts import events
from quotetrail.fetch import Fetcher
from quotetrail.fetch.http import now
from quotetrail.ingest import IngestSummary
from quotetrail.records import Alert
from quotetrail.store import Store, alerts
from quotetrail.watch.config import ConfigError, Source, WatchConfig, load

__all__ = ["ConfigError", "Owner", "Watcher", "load"]

POLLED = "watch"  # store state: when each source was last polled (seconds since 1970)
RULES = "alert rules"  # store state: when each alert rule first looked
log = logging.getLogger(__name__)


class Owner(Protocol):
    """The one holder of the store a watch writes through (`serve.owner.StoreOwner`)."""

    def ingest(
        self, paths: Iterable[str | Path], fetcher: Fetcher | None = None
    ) -> IngestSummary: ...

    def cursor(self) -> Store: ...

    def stopped(self, seconds: float) -> bool: ...


class Watcher:
    """Polls `config`'s sources through `owner` and tells each new alert with `tell`;
    `report` hears of each poll's ingest."""

    def __init__(
        self,
        config: WatchConfig,
        owner: Owner,
        tell: Callable[[Alert], None],
        report: Callable[[Source, IngestSummary], None] = lambda _source, _summary: None,
    ) -> None:
        self.config, self.owner, self.tell, self.report = config, owner, tell, report
        self.fetcher = Fetcher(config.policy)

    def run(self, once: bool = False) -> None:
        """Poll until the owner stops (or, `once`, poll what is due and return)."""
        self.look()
        while True:
            with self.owner.cursor() as store:
                polled = store.load_state(POLLED) or {}
            due = [
                source
                for source in self.config.sources
                if time.time() >= polled.get(source.target, 0) + source.every
            ]
            for source in due:
                if not self.poll(source):
                    return
            if due:
                self.look()
            if once or self.owner.stopped(self._wait()):
                return

    def poll(self, source: Source) -> bool:
        """Ingest what is new at `source`; False when the owner is stopping."""
        try:
            summary = self.owner.ingest([source.target], fetcher=self.fetcher)
        except Exception:  # a broken poll must not end the watch: the next one tries again
            if self.owner.stopped(0):
                return False
            log.exception("polling %s failed", source.target)
        else:
            self.report(source, summary)
        with self.owner.cursor() as store:
            polled = store.load_state(POLLED) or {}
            store.save_state(POLLED, {**polled, source.target: time.time()})
        return True

    def look(self) -> list[Alert]:
        """Tell the events no rule saw before (a rule's first look tells nothing)."""
        told: list[Alert] = []
        with self.owner.cursor() as store:
            first_looks = store.load_state(RULES) or {}
            for rule in self.config.rules:
                try:
                    found = {alert.key: alert for alert in events(store, rule)}
                except Exception:  # one rule that fails leaves the others to tell
                    log.exception("alert rule %s failed", rule.key)
                    continue
                known = alerts.seen(store, list(found))
                new = [alert for key, alert in found.items() if key not in known]
                first = rule.key not in first_looks
                kept = alerts.save(store, new, now(), told=not first)
                if first:
                    first_looks[rule.key] = now()
                else:
                    told += kept
            store.save_state(RULES, first_looks)
        for alert in told:
            self.tell(alert)
        return told

    def _wait(self) -> float:
        """Seconds until the next source is due."""
        with self.owner.cursor() as store:
            polled = store.load_state(POLLED) or {}
        due = min(polled.get(s.target, 0) + s.every for s in self.config.sources)
        return max(due - time.time(), 0.05)
