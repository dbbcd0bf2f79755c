"""Line-level cleaning of a text dump: which lines are the article, which are page furniture.

Three passes, each recording what it removed and why:
1. named line rules (`rules.RULES`) and, when given, the furniture learned for the outlet;
2. the title (chosen among the lines before the body) and every repeat of it, and a line that
   only states the date (kept as the publication date);
3. the body: the largest run of prose lines (short gaps allowed), so menus before it and
   footers, teasers and widgets after it go, whatever their wording.
A line that carries a statement (`rules.carries_statement`) survives every pass except the title.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from quotetrail.clean.dates import FoundDate, stated_date
from quotetrail.clean.rules import OVERRIDE_PROTECTION, RULES, carries_statement, normalise, word_count
from quotetrail.records import RemovedLine

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*$|[\"”»]$")
PROSE_MIN_WORDS = 12
PROSE_ANY_END_WORDS = 30
MAX_GAP_LINES = 4
HEAD_TITLE_WINDOW = 6
HEAD_REPEAT_WINDOW = 10
TITLE_MAX_WORDS = 30


@dataclass
class CleanedLines:
    lines: list[str]
    removed: list[RemovedLine] = field(default_factory=list)
    title: str | None = None
    stated: FoundDate | None = None


def split_lines(text: str) -> list[str]:
    """Non-empty lines with runs of spaces collapsed."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return [line for line in lines if line]


def is_prose(line: str) -> bool:
    """A line that reads like running text: long enough, and a finished sentence."""
    words = word_count(line)
    if words >= PROSE_ANY_END_WORDS:
        return True
    return words >= PROSE_MIN_WORDS and bool(_SENTENCE_END.search(line))


def _matching_rule(line: str, furniture: Collection[str]) -> str | None:
    protected = carries_statement(line)
    for name, predicate in RULES.items():
        if (not protected or name in OVERRIDE_PROTECTION) and predicate(line):
            return name
    if furniture and not protected and normalise(line) in furniture:
        return "learned_furniture"
    return None


def _apply_rules(lines: list[str], furniture: Collection[str], result: CleanedLines) -> list[str]:
    kept = []
    for line in lines:
        rule_name = _matching_rule(line, furniture)
        if rule_name:
            result.removed.append(RemovedLine(line, rule_name))
        else:
            kept.append(line)
    return kept


def _take_date_lines(lines: list[str], result: CleanedLines) -> list[str]:
    kept = []
    for line in lines:
        found = stated_date(line)
        if found is None:
            kept.append(line)
            continue
        result.removed.append(RemovedLine(line, "date_line"))
        result.stated = result.stated or found
    return kept


def _first_prose_index(lines: list[str]) -> int:
    return next((index for index, line in enumerate(lines) if is_prose(line)), len(lines))


def _could_be_title(line: str) -> bool:
    return 2 <= word_count(line) <= TITLE_MAX_WORDS and not line.endswith((".", ":", ","))


def choose_title(lines: list[str]) -> str | None:
    """The headline: a line repeated near the top, else the longest line just before the body."""
    top = lines[:HEAD_REPEAT_WINDOW]
    keys = [normalise(line) for line in top]
    repeated = [line for line, key in zip(top, keys) if keys.count(key) > 1 and _could_be_title(line)]
    if repeated:
        return repeated[0]
    head = lines[: _first_prose_index(lines)]
    candidates = [line for line in head[-HEAD_TITLE_WINDOW:] if _could_be_title(line)]
    return max(candidates, key=word_count) if candidates else None


def _remove_title(lines: list[str], title: str, result: CleanedLines) -> list[str]:
    key = normalise(title)
    kept, seen = [], False
    for line in lines:
        if normalise(line) == key and key:
            result.removed.append(RemovedLine(line, "title_repeat" if seen else "title"))
            seen = True
        else:
            kept.append(line)
    return kept


def body_bounds(lines: list[str]) -> tuple[int, int]:
    """[start, end) of the largest run of prose lines whose gaps are at most MAX_GAP_LINES."""
    prose = [index for index, line in enumerate(lines) if is_prose(line)]
    if not prose:
        return 0, len(lines)
    runs: list[list[int]] = [[prose[0]]]
    for index in prose[1:]:
        if index - runs[-1][-1] - 1 <= MAX_GAP_LINES:
            runs[-1].append(index)
        else:
            runs.append([index])
    best = max(runs, key=lambda run: sum(len(lines[index]) for index in run))
    start = best[0]
    while start > 0 and _SENTENCE_END.search(lines[start - 1]) and word_count(lines[start - 1]) >= 5:
        start -= 1
    return start, best[-1] + 1


def _keep_body(lines: list[str], result: CleanedLines) -> list[str]:
    start, end = body_bounds(lines)
    kept = []
    for index, line in enumerate(lines):
        if start <= index < end or carries_statement(line):
            kept.append(line)
        else:
            result.removed.append(RemovedLine(line, "outside_body"))
    return kept


def clean_lines(
    lines: list[str], title: str | None = None, furniture: Collection[str] = (), find_body: bool = True
) -> CleanedLines:
    """Run the passes over `lines`; `title` when the source names it; `find_body` off when an
    extractor (trafilatura for HTML) has already cut the page down to its body."""
    result = CleanedLines(lines=[])
    lines = _apply_rules(lines, furniture, result)
    lines = _take_date_lines(lines, result)
    result.title = title or choose_title(lines)
    if result.title:
        lines = _remove_title(lines, result.title, result)
    result.lines = _keep_body(lines, result) if find_body else lines
    return result
