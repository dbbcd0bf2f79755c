"""Contradictions: statements whose stances toward the same target conflict.

Two kinds, both pure functions of `Statement` records:
- `contradictions`: the same actor (one speaker, or officials of one affiliation) takes
  opposite stances (support vs oppose) toward the same target;
- `outlet_conflicts`: the same statement (linked across articles, `linked`, or the same speaker
  on the same stated day) reported by two outlets in terms that give it opposite stances. Linking
  is per statement: another statement of the same speaker in an article that carries a linked one
  is not a report of it. A day stands in for the occasion only when both articles state it: a
  publication date or a story's first date says when the news ran, not when the words were said.
A speaker is the person or body as resolved across articles (`speaker.entity`), so "Zamir Kabul"
in one outlet and "Zamir Kabulov" in another are one actor.
A pair's strength is the lower of its two stance scores: a conflict is as sure as its weaker side,
and a side the model is not sure of (score below MIN_SCORE: a label barely chosen, irony) makes
no conflict.
Every support × oppose pair is a candidate, but the listing keeps the strongest pairs in which
each statement appears at most MAX_USES times, so ten statements on each side give about twenty
telling pairs rather than a hundred variations on them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import product
from typing import Any

from quotetrail.records import Statement

MAX_PAIRS = 50
MAX_USES = 2  # pairs listed per statement
MIN_SCORE = 0.5  # a side's confidence below this makes no conflict
OPPOSITE = ("support", "oppose")


def _actors(record: Statement) -> list[str]:
    """Who a statement speaks for: its speaker, then the speaker's affiliation."""
    speaker = record.speaker
    if not speaker:
        return []
    return [name for name in (speaker.resolved_name, speaker.resolved_affiliation) if name]


def _side(record: Statement, target: str) -> dict[str, Any]:
    entry = record.stance_toward(target) or {}
    return {
        "id": record.id,
        "date": record.said_date,
        "speaker": record.speaker_name,
        "outlet": record.outlet,
        "article_id": record.article_id,
        "quote": record.quote,
        "stance": entry.get("label"),
        "score": float(entry.get("score") or 0.0),
        "evidence": entry.get("evidence", ""),
    }


def _opposed_pairs(sides: Sequence[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    sure = [side for side in sides if side["score"] >= MIN_SCORE]
    supports = [side for side in sure if side["stance"] == OPPOSITE[0]]
    opposes = [side for side in sure if side["stance"] == OPPOSITE[1]]
    return [(a, b) for a, b in product(supports, opposes) if a["id"] != b["id"]]


def _pair(kind: str, shared: str, a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    first, second = sorted((a, b), key=lambda side: (side["date"] or "", side["id"] or ""))
    return {
        "kind": kind,
        "shared": shared,
        "strength": round(min(a["score"], b["score"]), 3),
        "first": first,
        "second": second,
    }


def contradictions(records: Iterable[Statement], target: str) -> list[dict[str, Any]]:
    """Pairs of statements by one actor about `target` with opposite stances, strongest first."""
    groups: dict[tuple[int, str], tuple[str, list[dict[str, Any]]]] = {}
    for record in records:
        side = _side(record, target)
        if side["stance"] in OPPOSITE:
            for level, actor in enumerate(_actors(record)):
                groups.setdefault((level, actor.casefold()), (actor, []))[1].append(side)
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for _, (actor, sides) in sorted(
        groups.items(), key=lambda item: item[0]
    ):  # speakers before affiliations
        for a, b in _opposed_pairs(sides):
            pairs.setdefault(tuple(sorted((a["id"], b["id"]))), _pair("same actor", actor, a, b))
    return _strongest(pairs.values())


def _strongest(pairs: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The strongest pairs, each statement in at most MAX_USES of them, at most MAX_PAIRS."""
    uses: dict[str, int] = {}
    kept = []
    for pair in sorted(
        pairs,
        key=lambda pair: (-pair["strength"], pair["first"]["id"] or "", pair["second"]["id"] or ""),
    ):
        ids = (pair["first"]["id"], pair["second"]["id"])
        if all(uses.get(i, 0) < MAX_USES for i in ids):
            kept.append(pair)
            for i in ids:
                uses[i] = uses.get(i, 0) + 1
    return kept[:MAX_PAIRS]


def _events(record: Statement) -> list[tuple[str, str]]:
    """The (key, label) of each report group a statement belongs to: its speaker's words on one
    stated day, and each statement it is linked to as the same statement (`linked`, from the
    store)."""
    name = record.speaker_name or ""
    if not name:
        return []
    when = record.said_on if record.date_source == "stated" else None
    events = [(f"{name.casefold()} on {when}", f"{name} on {when}")] if when else []
    for statement_id in sorted({record.id, *record.linked}):
        events.append((f"statement {statement_id}", f"{name} (the same statement)"))
    return events


def outlet_conflicts(records: Iterable[Statement], target: str) -> list[dict[str, Any]]:
    """Pairs of outlets that report the same statement with opposite stances toward `target`."""
    events: dict[str, tuple[str, list[dict[str, Any]]]] = {}
    for record in records:
        for key, label in _events(record):
            events.setdefault(key, (label, []))[1].append(_side(record, target))
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for label, sides in events.values():
        for a, b in _opposed_pairs(sides):
            if a["outlet"] and b["outlet"] and a["outlet"] != b["outlet"]:
                ids = tuple(sorted((a["id"], b["id"])))
                pairs.setdefault(ids, _pair("outlets disagree", label, a, b))
    return _strongest(pairs.values())
