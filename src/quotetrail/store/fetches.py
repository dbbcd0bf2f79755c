"""SQL for the fetch log (migration 005): what `quotetrail.fetch` fetched, by URL.

The fetch stage reads and writes it through `FetchLog`; ingest marks a page's URL done in the
transaction that stores (or rejects) its document, so a run killed before that fetches the page
again, and a URL that is done is never fetched again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import astuple, fields

from quotetrail.records import FetchRecord
from quotetrail.store.database import Store
from quotetrail.store.sql import fetch

COLUMNS = ", ".join(item.name for item in fields(FetchRecord))
CHUNK = 1000  # URLs asked about in one query


class FetchLog:
    """The fetch log of one store, as the fetch stage asks it (`quotetrail.fetch.Log`)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, url: str) -> FetchRecord | None:
        rows = fetch(
            self.store.db,
            f"SELECT {COLUMNS} FROM fetches WHERE url = ?",
            [url],
        )
        return FetchRecord(**rows[0]) if rows else None

    def put(self, record: FetchRecord) -> None:
        marks = ", ".join("?" for _ in fields(FetchRecord))
        self.store.db.execute(
            f"INSERT OR REPLACE INTO fetches ({COLUMNS}) VALUES ({marks})", list(astuple(record))
        )

    def done(self, urls: Sequence[str]) -> set[str]:
        """Which of `urls` are done: not to be fetched again."""
        found: set[str] = set()
        for start in range(0, len(urls), CHUNK):
            rows = self.store.db.execute(
                "SELECT url FROM fetches WHERE done AND list_contains(?, url)",
                [list(urls[start : start + CHUNK])],
            ).fetchall()
            found.update(row[0] for row in rows)
        return found

    def mark_done(self, urls: Iterable[str]) -> None:
        """The documents of these URLs are handled (stored, already stored, or rejected)."""
        wanted = list(urls)
        if wanted:
            self.store.db.execute(
                "UPDATE fetches SET done = true WHERE list_contains(?, url)", [wanted]
            )
