"""The dateline: the place an article was filed from, as its first paragraph opens with it.

"MOSCOW —", "KABUL, Aug 23 (Reuters) -", "WASHINGTON (AP) —", "New Delhi, Aug 23:",
"MOSCOW, March 14. /TASS/.".
"""

from __future__ import annotations

import re

_PLACE_CAPS = r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}"
_PLACE_TITLE = r"[A-Z][a-z.'’-]+(?:\s+[A-Z][a-z.'’-]+){0,2}"
_DATE_PART = r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
_AGENCY = r"(?:\s*\([^)]{1,40}\))?"
_SLASHED = r"\.\s*/[^/\s][^/]{0,30}/\.?"  # TASS: "MOSCOW, March 14. /TASS/."
DATELINE = re.compile(
    rf"^(?P<place>{_PLACE_CAPS}(?:,\s*{_PLACE_CAPS})?){_DATE_PART}{_AGENCY}\s*[—–-]{{1,2}}\s+"
    rf"|^(?P<titled>{_PLACE_TITLE}),\s*[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}{_AGENCY}\s*[:—–-]\s+"
    rf"|^(?P<slashed>{_PLACE_CAPS}),\s*[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}{_SLASHED}\s+"
)


DATELINE_LINES = 3  # a dateline opens one of the first few lines


def _first_dateline(lines: list[str]) -> re.Match[str] | None:
    """The dateline of the first of the first few lines that opens with one."""
    return next(filter(None, map(DATELINE.match, lines[:DATELINE_LINES])), None)


def find_dateline(lines: list[str]) -> str | None:
    """The dateline's place ("MOSCOW"), if the text opens with a dateline."""
    match = _first_dateline(lines)
    if match is None:
        return None
    return (match.group("place") or match.group("titled") or match.group("slashed")).strip(" ,")


_AGENCY_NAME = re.compile(r"\(([^)]{1,40})\)|/([^/]{1,30})/")


def dateline_agency(lines: list[str]) -> str | None:
    """The agency in the first dateline's brackets or slashes, as written ("Reuters" of "KABUL,
    Aug 23 (Reuters) -", "TASS" of "MOSCOW, March 14. /TASS/."); None when it names none."""
    match = _first_dateline(lines)
    agency = _AGENCY_NAME.search(match.group(0)) if match else None
    return (agency.group(1) or agency.group(2)).strip() if agency else None
