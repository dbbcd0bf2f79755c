"""SQL for the alerts a watch raised (migration 005), by their event keys.

Every event a rule has seen is kept, told or not (`told` is false for the events that were
there when the rule first looked), so no event is told twice; the told ones, newest first, are
what the alerts page lists.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace

from quotetrail.records import Alert
from quotetrail.store.database import Store
from quotetrail.store.sql import page


def seen(store: Store, keys: Sequence[str]) -> set[str]:
    """Which of these event keys were seen before."""
    if not keys:
        return set()
    rows = store.db.execute(
        "SELECT key FROM alerts WHERE list_contains(?, key)", [list(keys)]
    ).fetchall()
    return {row[0] for row in rows}


def save(store: Store, alerts: Sequence[Alert], raised: str, told: bool) -> list[Alert]:
    """Keep these events, first seen at `raised`; returns them as kept."""
    kept = [replace(alert, raised=raised) for alert in alerts]
    if kept:
        store.db.execute(
            "INSERT OR IGNORE INTO alerts SELECT unnest(?), unnest(?), ?, ?, unnest(?)",
            [
                [alert.key for alert in kept],
                [alert.kind for alert in kept],
                raised,
                told,
                [json.dumps(alert.to_dict(), ensure_ascii=False) for alert in kept],
            ],
        )
    return kept


def told(store: Store, limit: int | None = None, offset: int = 0) -> list[Alert]:
    """The alerts told, newest first."""
    rows = store.db.execute(
        f"SELECT alert FROM alerts WHERE told ORDER BY raised DESC, key{page(limit, offset)}"
    ).fetchall()
    return [Alert(**json.loads(row[0])) for row in rows]
