"""said_on: the date a statement was made, when the text says it, resolved against publication.

Only the date phrases attached to the cue count ("said on Friday", "On Aug. 15, … said"): a date
inside what was said is about something else. Weekdays resolve to the latest such day on or before
publication (news style names the day of the current week); without a publication date, only a
date that carries its own year resolves.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from spacy.tokens import Token

from quotetrail.lexicon import words

WEEKDAYS = words().weekdays
MONTHS = words().months
RELATIVE_DAYS = {
    "today": 0,
    "yesterday": 1,
    "last week": 7,
    "this week": 0,
    "tonight": 0,
    "this morning": 0,
}
MONTH_DAY = re.compile(r"\b([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b")
DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?(?:,?\s+(\d{4}))?\b")
DATE_DEPS = {"prep", "npadvmod", "advmod", "tmod", "obl"}


def _weekday(phrase: str, published: date | None) -> date | None:
    for index, name in enumerate(WEEKDAYS):
        if name in phrase and published is not None:
            return published - timedelta(days=(published.weekday() - index) % 7)
    return None


def _relative(phrase: str, published: date | None) -> date | None:
    for relative, days in RELATIVE_DAYS.items():
        if relative in phrase and published is not None:
            return published - timedelta(days=days)
    return None


def _calendar(phrase: str, published: date | None) -> date | None:
    for pattern, month_group, day_group in ((MONTH_DAY, 1, 2), (DAY_MONTH, 2, 1)):
        match = pattern.search(phrase)
        if not match or match.group(month_group) not in MONTHS:
            continue
        month, day = MONTHS[match.group(month_group)], int(match.group(day_group))
        year = int(match.group(3)) if match.group(3) else (published.year if published else None)
        if year is None:
            return None
        try:
            found = date(year, month, day)
        except ValueError:
            return None
        if not match.group(3) and published and found > published:
            found = date(year - 1, month, day)
        return found
    return None


PARSERS: tuple[Callable[[str, date | None], date | None], ...] = (_calendar, _weekday, _relative)


def resolve_date(phrase: str, published: date | None) -> date | None:
    """The calendar date a phrase names, relative to `published`; None when it names none."""
    lowered = phrase.lower()
    for parser in PARSERS:
        found = parser(lowered, published)
        if found is not None:
            return found
    return None


def _date_phrases(cue: Token) -> list[str]:
    """Date phrases attached to a cue (its own adjuncts, not its content)."""
    phrases = []
    for child in cue.children:
        if child.dep_ not in DATE_DEPS:
            continue
        tokens = [t for t in child.subtree if t.ent_type_ == "DATE"]
        if tokens:
            phrases.append(" ".join(t.text for t in tokens))
    return phrases


def parse_published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def said_on(cue: Token | None, published: str | None) -> tuple[str | None, bool]:
    """(ISO date, assumed): the stated date, else the publication date marked as assumed."""
    anchor = parse_published(published)
    if cue is not None:
        for phrase in _date_phrases(cue):
            found = resolve_date(phrase, anchor)
            if found is not None and (anchor is None or found <= anchor):
                return found.isoformat(), False
    return (anchor.isoformat() if anchor else None), True
