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

from collections.abc import Callable, Iterable, Sequence
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


def _pair(kind: str, shared: str, a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    first, second = sorted((a, b), key=lambda side: (side["date"] or "", side["id"] or ""))
    return {
        "kind": kind,
        "shared": shared,
        "strength": round(min(a["score"], b["score"]), 3),
        "first": first,
        "second": second,
    }


Side = dict[str, Any]
Group = tuple[str, Sequence[Side]]  # what the group shares (an actor, an event), its sides


def strongest_opposed(
    kind: str, groups: Sequence[Group], admits: Callable[[Side, Side], bool] = lambda a, b: True
) -> list[dict[str, Any]]:
    """The support × oppose pairs of each group, strongest first (then by the ids of the
    earlier and the later side), each statement in at most MAX_USES of them, at most MAX_PAIRS;
    a pair found in two groups is named after the first. A pair is as strong as its weaker
    side, so the pairs are made level by level of strength, from the strongest down, among the
    sides not yet used up, and the making stops at MAX_PAIRS: a busy actor's thousands of sides
    are never all paired (every pair of 10,822 statements took a minute). A group whose sure
    sides are all of one stance, or are those of an earlier group, adds no pair and is passed
    over: a statement carried by k outlets is in k groups of the same k reports."""
    entering: dict[float, list[tuple[int, Side]]] = {}
    active: dict[int, dict[str, list[Side]]] = {}  # a group's sides entered so far, by stance
    seen: set[frozenset[str]] = set()
    for number, (_, sides) in enumerate(groups):
        sure = [side for side in sides if _sure(side)]
        members = frozenset(side["id"] for side in sure)
        if len({side["stance"] for side in sure}) < 2 or members in seen:
            continue
        seen.add(members)
        active[number] = {stance: [] for stance in OPPOSITE}
        for side in sure:
            entering.setdefault(round(side["score"], 3), []).append((number, side))
    uses: dict[str, int] = {}
    kept: list[dict[str, Any]] = []
    for level in sorted(entering, reverse=True):
        for number, side in entering[level]:
            active[number][side["stance"]].append(side)
        for pair in _level_pairs(kind, groups, active, entering[level], admits, uses):
            ids = (pair["first"]["id"], pair["second"]["id"])
            if all(uses.get(i, 0) < MAX_USES for i in ids):
                kept.append(pair)
                for i in ids:
                    uses[i] = uses.get(i, 0) + 1
                if len(kept) == MAX_PAIRS:
                    return kept
    return kept


def _level_pairs(
    kind: str,
    groups: Sequence[Group],
    active: dict[int, dict[str, list[Side]]],
    entering: list[tuple[int, Side]],
    admits: Callable[[Side, Side], bool],
    uses: dict[str, int],
) -> list[dict[str, Any]]:
    """The pairs one level of strength adds: each entering side with the sides of the other
    stance already in its group, neither used up, named after the first group holding the
    pair, in id order."""
    found: dict[tuple[str, ...], tuple[int, dict[str, Any]]] = {}
    for number, side in entering:
        other = OPPOSITE[1 - OPPOSITE.index(side["stance"])]
        sides = active[number][other]
        sides[:] = [partner for partner in sides if uses.get(partner["id"], 0) < MAX_USES]
        for partner in sides:
            if partner["id"] != side["id"] and admits(side, partner):
                key = tuple(sorted((side["id"] or "", partner["id"] or "")))
                if key not in found or number < found[key][0]:
                    found[key] = (number, _pair(kind, groups[number][0], side, partner))
    return sorted(
        (pair for _, pair in found.values()),
        key=lambda pair: (pair["first"]["id"] or "", pair["second"]["id"] or ""),
    )


def contradictions(records: Iterable[Statement], target: str) -> list[dict[str, Any]]:
    """Pairs of statements by one actor about `target` with opposite stances, strongest first."""
    groups: dict[tuple[int, str], tuple[str, list[dict[str, Any]]]] = {}
    for record in records:
        side = _side(record, target)
        if side["stance"] in OPPOSITE:
            for level, actor in enumerate(_actors(record)):
                groups.setdefault((level, actor.casefold()), (actor, []))[1].append(side)
    # speakers before affiliations
    return strongest_opposed("same actor", [groups[key] for key in sorted(groups)])


def _events(record: Statement) -> list[tuple[str, ...]]:
    """The report groups a statement belongs to, in the order it opens them: its speaker's
    words on one stated day, and each statement it is linked to as the same statement
    (`linked`, from the store)."""
    name = record.speaker_name or ""
    if not name:
        return []
    when = record.said_on if record.date_source == "stated" else None
    events = [("day", name.casefold(), when)] if when else []
    events += [("statement", statement_id) for statement_id in sorted({record.id, *record.linked})]
    return events


def _event_label(record: Statement, event: tuple[str, ...]) -> str:
    """What a report group shares, named as the statement that opened it names its speaker."""
    name = record.speaker_name
    return f"{name} on {event[2]}" if event[0] == "day" else f"{name} (the same statement)"


def _sure(side: Side) -> bool:
    """The side can be half of a conflict: a support or oppose the model is sure enough of."""
    return side["score"] >= MIN_SCORE and side["stance"] in OPPOSITE


def outlet_conflicts(records: Iterable[Statement], target: str) -> list[dict[str, Any]]:
    """Pairs of outlets that report the same statement with opposite stances toward `target`.
    Only the sure sides are grouped (the others pair with nothing), and only the groups that
    hold two are handed on, in the order their statements open them and named as the first
    names its speaker: a busy actor's statements, each carried by tens of outlets, open tens
    of thousands of groups, most holding one report."""
    sure = [(record, side) for record in records if _sure(side := _side(record, target))]
    groups: dict[tuple[str, ...], tuple[Statement, list[Side]]] = {}  # by the statement opening it
    for record, side in sure:
        for event in _events(record):
            groups.setdefault(event, (record, []))[1].append(side)
    return strongest_opposed(
        "outlets disagree",
        [
            (_event_label(record, event), sides)
            for event, (record, sides) in groups.items()
            if len(sides) > 1
        ],
        lambda a, b: bool(a["outlet"] and b["outlet"] and a["outlet"] != b["outlet"]),
    )
