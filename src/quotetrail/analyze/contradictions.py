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
    a pair found in two groups is named after the first."""
    held: dict[int, tuple[Side, list[int]]] = {}  # each side (by identity) and its groups
    for number, (_, sides) in enumerate(groups):
        for side in sides:
            held.setdefault(id(side), (side, []))[1].append(number)
    return _strongest(kind, lambda number: groups[number][0], list(held.values()), admits)


Membership = tuple[Side, Sequence[int]]  # a side and the numbers of the groups that hold it


def _strongest(
    kind: str,
    label: Callable[[int], str],
    memberships: Sequence[Membership],
    admits: Callable[[Side, Side], bool],
) -> list[dict[str, Any]]:
    """`strongest_opposed` over sides that each name their groups (numbered in the order that
    names a pair). A pair is as strong as its weaker side, so the sides enter their groups
    level by level of strength, from the strongest down, each level pairs its sides with those
    already in, and the making stops at MAX_PAIRS: a busy actor's thousands of sides are never
    all paired (every pair of 10,822 statements took a minute), nor are the groups of sides that
    never enter built (ten thousand statements, each carried by tens of outlets, open tens of
    thousands of groups); only the pairs listed are named."""
    entering: dict[float, list[Membership]] = {}
    for side, numbers in memberships:
        if _sure(side):
            entering.setdefault(round(side["score"], 3), []).append((side, numbers))
    active: dict[int, dict[str, list[Side]]] = {}  # a group's sides entered so far, by stance
    uses: dict[str, int] = {}
    kept: list[dict[str, Any]] = []
    for level in sorted(entering, reverse=True):
        arrivals = [(number, side) for side, numbers in entering[level] for number in numbers]
        for number, side in arrivals:
            if number not in active:
                active[number] = {stance: [] for stance in OPPOSITE}
            active[number][side["stance"]].append(side)
        for number, side, partner in _level_pairs(active, arrivals, admits, uses):
            ids = (side["id"], partner["id"])
            if all(uses.get(i, 0) < MAX_USES for i in ids):
                kept.append(_pair(kind, label(number), side, partner))
                for i in ids:
                    uses[i] = uses.get(i, 0) + 1
                if len(kept) == MAX_PAIRS:
                    return kept
    return kept


def _level_pairs(
    active: dict[int, dict[str, list[Side]]],
    arrivals: list[tuple[int, Side]],
    admits: Callable[[Side, Side], bool],
    uses: dict[str, int],
) -> list[tuple[int, Side, Side]]:
    """The pairs one level of strength adds: each arriving side with the sides of the other
    stance already in its group, neither used up, with the first group holding the pair, in
    the order of the pair's earlier and later ids."""
    found: dict[tuple[str, ...], tuple[int, Side, Side]] = {}
    for number, side in arrivals:
        other = OPPOSITE[1 - OPPOSITE.index(side["stance"])]
        sides = active[number][other]
        sides[:] = [partner for partner in sides if uses.get(partner["id"], 0) < MAX_USES]
        for partner in sides:
            if partner["id"] != side["id"] and admits(side, partner):
                key = tuple(sorted((side["id"] or "", partner["id"] or "")))
                if key not in found or number < found[key][0]:
                    found[key] = (number, side, partner)
    return sorted(found.values(), key=lambda found_pair: _order(found_pair[1], found_pair[2]))


def _order(a: Side, b: Side) -> tuple[str, str]:
    """A pair's ids as `_pair` lists them: the earlier side's, then the later's."""
    first, second = sorted((a, b), key=lambda side: (side["date"] or "", side["id"] or ""))
    return first["id"] or "", second["id"] or ""


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


Event = tuple[str, str, str] | str  # (day, speaker, when) said, or a statement's id


def _events(record: Statement) -> list[Event]:
    """The report groups a statement belongs to, in the order it opens them: its speaker's
    words on one stated day, and each statement it is linked to as the same statement
    (`linked`, from the store), named by that statement's id."""
    name = record.speaker_name or ""
    if not name:
        return []
    when = record.said_on if record.date_source == "stated" else None
    days: list[Event] = [("day", name.casefold(), when)] if when else []
    return days + sorted({record.id, *record.linked})


def _event_label(record: Statement, event: Event) -> str:
    """What a report group shares, named as the statement that opened it names its speaker."""
    name = record.speaker_name
    return f"{name} on {event[2]}" if isinstance(event, tuple) else f"{name} (the same statement)"


def _sure(side: Side) -> bool:
    """The side can be half of a conflict: a support or oppose the model is sure enough of."""
    return side["score"] >= MIN_SCORE and side["stance"] in OPPOSITE


def outlet_conflicts(records: Iterable[Statement], target: str) -> list[dict[str, Any]]:
    """Pairs of outlets that report the same statement with opposite stances toward `target`.
    Only the sure sides open groups (the others pair with nothing), numbered in the order their
    statements open them and named as the first names its speaker."""
    opened: dict[Event, int] = {}
    openers: list[tuple[Statement, Event]] = []
    memberships: list[Membership] = []
    for record in records:
        side = _side(record, target)
        if not _sure(side):
            continue
        numbers = []
        for event in _events(record):
            if event not in opened:
                opened[event] = len(openers)
                openers.append((record, event))
            numbers.append(opened[event])
        memberships.append((side, numbers))
    return _strongest(
        "outlets disagree",
        lambda number: _event_label(*openers[number]),
        memberships,
        lambda a, b: bool(a["outlet"] and b["outlet"] and a["outlet"] != b["outlet"]),
    )
