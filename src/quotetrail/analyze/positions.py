"""Positions: an actor's statements about a target, in the order they were made."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from quotetrail.store import StatementQuery, Store


@dataclass
class Position:
    actor: str
    target: str
    statements: list[dict[str, Any]] = field(default_factory=list)


def position(store: Store, actor: str, target: str, since: str | None = None, until: str | None = None) -> Position:
    """Everything `actor` (a speaker, or anyone affiliated with it) said about `target`, by date."""
    rows = store.statements(StatementQuery(actor=actor, about=target, since=since, until=until))
    return Position(actor=actor, target=target, statements=rows)
