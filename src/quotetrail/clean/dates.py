"""Dates in article text: a stated publication date, or the latest explicit date as a fallback.

A publication date is stated by a short line that is (almost) only a date, with or without a
time: "23 Aug, 2021 12:15", "July 6, 2024 3:25 am", "Published: 2021-08-23", or with the place
it was stated at ("Moscow, 20 August 2021", a transcript's header). When no line
states one, the latest full date (day, month and year) the text mentions stands in, marked as
inferred by the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from quotetrail.lexicon import words

MONTHS = words().months
_MONTH = rf"(?P<month>{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?"
_TIME = (
    r"(?:\s*(?:,|at|-|–|\|)?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::\d{2})?"
    r"\s*(?P<ampm>[ap]\.?m\.?)?(?:\s*(?:Z|GMT|UTC|[A-Z]{2,4})(?:[+-]\d{1,2}(?::?\d{2})?)?)?)?"
)
# A time of day as a line writes it alone: "2:14 P.M. EDT", "4:14 p.m.", "10:30 GMT" (case-blind)
TIME_OF_DAY = r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?\s*(?:[a-z]{2,4})?"
_ISO_TIME = _TIME.replace("(?:,|at|-", "(?:T|,|at|-")  # "2021-08-20T14:05"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

DATE_PATTERNS = (
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b{_TIME}", re.I),  # 23 Aug, 2021 12:15
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b{_TIME}", re.I),  # July 6, 2024 3:25 am
    re.compile(
        rf"\b{_YEAR}-(?P<month_number>\d{{2}})-(?P<day>\d{{2}})(?!\d){_ISO_TIME}",
        re.I,
    ),
)
_DATE_LINE_LABEL = re.compile(
    r"^(?:published|posted|updated|last updated|date|first published)(?: on)?\s*:?\s*", re.I
)
# "Moscow, 20 August 2021", "The Kremlin, Moscow, 20 August 2021", "Ministry of Foreign
# Affairs, Ankara, April 4, 2024": the place a date was stated at, its names set off by commas
_PLACE_WORD = r"[A-Z][\w.'’-]*"
_PLACE_BEFORE = re.compile(
    rf"^(?:(?:The\s+)?{_PLACE_WORD}(?:\s+(?:(?:of|for|and|the|de|du|des|del|di)\s+)?{_PLACE_WORD})"
    rf"{{0,3}},\s*){{1,3}}(?=\d|(?i:{_MONTH})\s+\d)"
)
_WEEKDAY = re.compile(rf"^(?:{'|'.join(day[:3] for day in words().weekdays)})[a-z]*\.?,?\s*", re.I)
_LEADING_TIME = re.compile(
    r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\b)?\s*[,|-]?\s*", re.I
)


@dataclass(frozen=True)
class FoundDate:
    day: date
    time: str | None
    start: int
    end: int


def _to_found(match: re.Match[str]) -> FoundDate | None:
    groups = match.groupdict()
    month = (
        int(groups["month_number"])
        if groups.get("month_number")
        else MONTHS[groups["month"].lower()]
    )
    try:
        day = date(int(groups["year"]), month, int(groups["day"]))
    except ValueError:
        return None
    return FoundDate(day, _time_of(groups), match.start(), match.end())


def _time_of(groups: dict[str, str | None]) -> str | None:
    if groups.get("hour") is None:
        return None
    hour, minute = int(groups["hour"]), int(groups["minute"])
    ampm = (groups.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


def find_dates(text: str) -> list[FoundDate]:
    """Every full date in `text`, in order of position."""
    found = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            result = _to_found(match)
            if result:
                found.append(result)
    return sorted(found, key=lambda item: item.start)


_SEGMENT_SEPARATOR = re.compile(r"\s+[|/•·]\s+")
MAX_SIDE_SEGMENT_WORDS = 5


def stated_date(line: str) -> FoundDate | None:
    """The date a line states when the line is nothing but a (labelled) date and time, possibly
    beside short segments such as "/ CBS News" or "| By Jane Roe"."""
    segments = _SEGMENT_SEPARATOR.split(line.strip())
    if len(segments) > 1 and len(line) <= 120:
        found = [_date_only(segment) for segment in segments]
        dates = [item for item in found if item]
        short_rest = all(
            item or len(re.findall(r"\w+", segment)) <= MAX_SIDE_SEGMENT_WORDS
            for item, segment in zip(found, segments, strict=True)
        )
        if dates and short_rest:
            return dates[0]
    return _date_only(line)


def _date_only(line: str) -> FoundDate | None:
    stripped = _PLACE_BEFORE.sub("", _DATE_LINE_LABEL.sub("", line.strip()))
    stripped = _WEEKDAY.sub("", _LEADING_TIME.sub("", stripped))
    if len(stripped) > 60:
        return None
    found = find_dates(stripped)
    if len(found) != 1:
        return None
    leftover = stripped[: found[0].start] + stripped[found[0].end :]
    return None if re.search(r"\w", leftover) else found[0]


def latest_date(text: str) -> FoundDate | None:
    """The latest full date the text mentions (the fallback publication date)."""
    found = find_dates(text)
    return max(found, key=lambda item: item.day) if found else None


def parse_date(value: str) -> FoundDate | None:
    """A date (and time) from a container's date field: ISO, a date line, or the first date in
    it."""
    return stated_date(value) or next(iter(find_dates(value)), None)
