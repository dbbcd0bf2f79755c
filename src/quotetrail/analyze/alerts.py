"""Alerts: the events in the record a watch tells of, found by the analyses the pages show.

A rule asks for one kind of event: a new statement by an actor about a target, a shift in the
actor's position on the target, a new contradiction (both from `positions.position`, the
result the positions page, the API and `quotetrail positions` show), or a story covered by at
least N outlets (the stories listing, `store.links.story_rows`). Each event has a key that
names it alone (the statement, the two periods and the direction, the pair, the story and N),
so a watch tells each event once however often it looks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from quotetrail.analyze.positions import Position, position, stance_entry
from quotetrail.records import Alert
from quotetrail.store import StatementQuery, Store, links

KINDS = ("statement", "shift", "contradiction", "coverage")
STORY_STATEMENTS = 20  # a coverage alert points at this many of the story's statements


@dataclass(frozen=True)
class Rule:
    """What to be told of: `kind` (one of KINDS) for `actor` on `target`; for "coverage", a
    story reaching `outlets` outlets."""

    kind: str
    actor: str | None = None
    target: str | None = None
    outlets: int = 3

    @property
    def key(self) -> str:
        """Names the rule (the events of a rule seen first were there before it was asked)."""
        if self.kind == "coverage":
            return f"coverage|{self.outlets}"
        return "|".join((self.kind, _fold(self.actor), _fold(self.target)))


def _fold(name: str | None) -> str:
    return " ".join((name or "").casefold().split())


def events(store: Store, rule: Rule) -> list[Alert]:
    """Every event of `rule` in the store now, told or not."""
    if rule.kind == "coverage":
        return _coverage(store, rule.outlets)
    assert rule.actor and rule.target, "a position rule names an actor and a target"
    return POSITION_EVENTS[rule.kind](rule, position(store, rule.actor, rule.target))


def _statements(rule: Rule, found: Position) -> list[Alert]:
    alerts = []
    for record in found.statements:
        stance = stance_entry(record, found.target)
        alerts.append(
            Alert(
                key=f"{rule.key}|{record.id}",
                kind="statement",
                title=f"New statement by {found.actor} about {found.target}"
                f" ({record.speaker_name or 'unknown speaker'})",
                statements=[record.id],
                actor=found.actor,
                target=found.target,
                detail={
                    "speaker": record.speaker_name,
                    "quote": record.quote,
                    "said_on": record.said_date,
                    "outlet": record.outlet,
                    "stance": stance["label"],
                },
            )
        )
    return alerts


def _shifts(rule: Rule, found: Position) -> list[Alert]:
    return [
        Alert(
            key=f"{rule.key}|{shift.before}|{shift.after}|{shift.direction}",
            kind="shift",
            title=f"{found.actor}'s position on {found.target} shifted {shift.direction}"
            f" ({shift.before}: {shift.from_label}, {shift.after}: {shift.to_label})",
            statements=[row["id"] for row in (*shift.evidence_before, *shift.evidence_after)],
            actor=found.actor,
            target=found.target,
            detail={
                "before": shift.before,
                "after": shift.after,
                "from": shift.from_label,
                "to": shift.to_label,
                "confidence": shift.confidence,
            },
        )
        for shift in found.shifts
    ]


def _contradictions(rule: Rule, found: Position) -> list[Alert]:
    return [
        Alert(
            key=f"{rule.key}|{pair['first']['id']}|{pair['second']['id']}",
            kind="contradiction",
            title=f"New contradiction on {found.target}: {pair['kind']}, {pair['shared']}",
            statements=[pair["first"]["id"], pair["second"]["id"]],
            actor=found.actor,
            target=found.target,
            detail={
                "kind": pair["kind"],
                "shared": pair["shared"],
                "strength": pair["strength"],
                "first": pair["first"].get("quote"),
                "second": pair["second"].get("quote"),
            },
        )
        for pair in found.contradictions
    ]


POSITION_EVENTS: dict[str, Callable[[Rule, Position], list[Alert]]] = {
    "statement": _statements,
    "shift": _shifts,
    "contradiction": _contradictions,
}


def _coverage(store: Store, outlets: int) -> list[Alert]:
    alerts = []
    for story in links.story_rows(store):
        named = [outlet for outlet in story["outlets"] if outlet != "(unknown)"]
        if len(named) < outlets:
            continue
        ids = [
            record.id
            for record in store.statements(
                StatementQuery(article_ids=story["article_ids"], limit=STORY_STATEMENTS)
            )
        ]
        alerts.append(
            Alert(
                key=f"coverage|{outlets}|{story['id']}",
                kind="coverage",
                title=f"A story now covered by {len(named)} outlets: {story['title']}",
                statements=ids,
                detail={"story": story["id"], "outlets": named, "articles": story["articles"]},
            )
        )
    return alerts
