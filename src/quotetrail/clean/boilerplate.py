"""Line-level cleaning of a text dump: which lines are the article, which are page furniture.

Passes, each recording what it removed and why (`RemovedLine.rule`):
1. prose blocks the page renders twice (teaser widgets, gallery captions): `repeated_block`;
2. the named line rules (`rules.RULES`), the furniture learned for the outlet
   (`learned_furniture`), and lines that only state a date (`date_line`, kept as the date);
3. the body: the heaviest run of prose lines (short gaps allowed; bylines and date lines above
   it, list markers inside it, comment headings after it all count), so menus before it and
   footers, teasers and comments after it go whatever their wording (`outside_body`);
4. the title, chosen just above the body, and every repeat of it (`title`, `title_repeat`);
   a second copy of a kept line (`duplicate_line`).
The passes repeat until nothing more goes, so cleaning clean text is a no-op. A line that
carries a statement (`rules.carries_statement`) survives every pass except the title and the
few rules that mark a line as another story's (`rules.OVERRIDE_PROTECTION`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from quotetrail.clean.dates import TIME_OF_DAY, FoundDate, stated_date
from quotetrail.clean.rules import (
    OVERRIDE_PROTECTION,
    RULES,
    carries_statement,
    mark_class,
    normalise,
    word_count,
)
from quotetrail.clean.turns import label_line, turn_label
from quotetrail.lexicon import quote_marks
from quotetrail.records import RemovedLine

_CLOCK = re.compile(rf"^{TIME_OF_DAY}$", re.I)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_INNER_PUNCTUATION = re.compile(r"[,.;:!?،。，、]")
_MARKS = quote_marks()
_OPENING_MARKS = tuple(_MARKS.closers)
_CLOSING_DOUBLE = mark_class(_MARKS.closing & _MARKS.double)
_SENTENCE_END = re.compile(rf"[.!?…。！？][{mark_class(_MARKS.closing)})\]]*$|[{_CLOSING_DOUBLE}]$")
PROSE_MIN_WORDS = 12
PROSE_ANY_END_WORDS = 30
MAX_GAP_LINES = 4
PAGE_MAX_GAP_LINES = 40
DOMINANT_SHARE = 0.7
HEAD_TITLE_WINDOW = 6
HEAD_REPEAT_WINDOW = 10
TITLE_MIN_WORDS = 3
SENTENCE_MIN_WORDS = 4
DUPLICATE_MIN_WORDS = 4
LIST_ITEM_MIN_WORDS = 3
TURN_LABEL_REPEATS = 2  # a label on lines of its own this often makes the page a transcript
ANCHOR_RULES = ("byline", "date_line")
LISTING_RULES = (
    "byline",
    "date_line",
    "timestamp",
)  # one per item in a list of stories or comments
ANCHOR_REACH = 15
ITEM_MIN_CHARS = 800  # prose per item from which a list is of whole posts, not teasers
ANCHOR_WEIGHT = 3
MIN_BODY_CHARS = 400  # a comment heading ends the body only once this much prose came before it
TITLE_MAX_WORDS = 30


@dataclass
class CleanedLines:
    lines: list[str]
    removed: list[RemovedLine] = field(default_factory=list)
    title: str | None = None
    stated: FoundDate | None = None
    # rule name → positions in the surviving lines where a line of that rule stood (before index)
    marks: dict[str, list[int]] = field(default_factory=dict)

    def remove(self, line: str, rule_name: str, position: int) -> None:
        self.removed.append(RemovedLine(line, rule_name))
        self.marks.setdefault(rule_name, []).append(position)


def split_lines(text: str) -> list[str]:
    """Non-empty lines with runs of spaces collapsed."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return [line for line in lines if line]


def is_prose(line: str) -> bool:
    """A line that reads like running text: long enough, and a finished sentence (or a long one
    with punctuation inside, unlike a tag cloud)."""
    words = word_count(line)
    if words < PROSE_MIN_WORDS:
        return False
    if _SENTENCE_END.search(line):
        return True
    return (
        words >= PROSE_ANY_END_WORDS
        and len(_INNER_PUNCTUATION.findall(line)) * PROSE_ANY_END_WORDS >= words
    )


def _matching_rule(line: str, furniture: Collection[str]) -> str | None:
    protected = carries_statement(line)
    for name, predicate in RULES.items():
        if (not protected or name in OVERRIDE_PROTECTION) and predicate(line):
            return name
    if furniture and not protected and normalise(line) in furniture:
        return "learned_furniture"
    return None


Verdict = tuple[FoundDate | None, str | None]  # (the date a line states, the rule it breaks)


def _apply_rules(
    lines: list[str], furniture: Collection[str], result: CleanedLines, verdicts: dict[str, Verdict]
) -> list[str]:
    """Drop furniture lines; a line that only states a date goes too, its date kept as stated.
    A line's verdict depends on the line alone, so each pass after the first looks it up."""
    kept: list[str] = []
    for line in lines:
        if line not in verdicts:
            found = stated_date(line)
            verdicts[line] = (found, "date_line" if found else _matching_rule(line, furniture))
        found, rule_name = verdicts[line]
        if rule_name:
            result.remove(line, rule_name, len(kept))
            result.stated = result.stated or found
        else:
            kept.append(line)
    return kept


def _drop_repeated_blocks(lines: list[str], result: CleanedLines) -> list[str]:
    """Prose lines the page renders twice together with a neighbour (a teaser list shown in two
    widgets, a gallery's captions): every copy goes. An article never repeats its paragraphs;
    when the repeats are most of the page's prose, though, the page shows its article twice,
    and the later copies are left to `duplicate_line`."""
    keys = [normalise(line) for line in lines]
    counts = Counter(keys)

    def repeated_neighbour(index: int, other: int) -> bool:
        return 0 <= other < len(lines) and counts[keys[other]] > 1 and keys[other] != keys[index]

    doomed = {
        index
        for index, line in enumerate(lines)
        if counts[keys[index]] > 1
        and (repeated_neighbour(index, index - 1) or repeated_neighbour(index, index + 1))
        and is_prose(line)
        and not carries_statement(line)
    }
    prose_chars = sum(len(line) for line in lines if is_prose(line))
    if sum(len(lines[index]) for index in doomed) * 2 > prose_chars:
        return lines
    kept: list[str] = []
    for index, line in enumerate(lines):
        if index in doomed:
            result.remove(line, "repeated_block", len(kept))
        else:
            kept.append(line)
    return kept


def _could_be_title(line: str) -> bool:
    """Title-like: a few words with no closing stop, colon or comma, and no time of day alone
    ("2:14 P.M. EDT", a briefing's start under its headline)."""
    return (
        TITLE_MIN_WORDS <= word_count(line) <= TITLE_MAX_WORDS
        and not line.endswith((".", ":", ","))
        and not _CLOCK.match(line)
    )


def choose_title(lines: list[str], body_start: int, transcript: bool = False) -> str | None:
    """The headline: a title-like line near the top or just above the body, preferring one the
    page repeats (headline and og:title, breadcrumb and h1), nearest the body first — but the
    first on a `transcript`, whose header reads down from its headline to the venue, the date
    and the time ("James S. Brady Press Briefing Room")."""
    head = lines[max(0, body_start - HEAD_TITLE_WINDOW) : body_start]
    window = [line for line in lines[:HEAD_REPEAT_WINDOW] + head if _could_be_title(line)]
    counts = Counter(normalise(line) for line in lines)
    repeated = [line for line in window if counts[normalise(line)] > 1]
    if repeated:
        key = normalise(repeated[-1])
        return next(
            line for line in window if normalise(line) == key
        )  # first spelling: the page's own
    candidates = [line for line in head if _could_be_title(line)]
    if not candidates:
        return None
    return candidates[0] if transcript else candidates[-1]


def _remove_title(lines: list[str], title: str, result: CleanedLines) -> list[str]:
    key = normalise(title)
    kept: list[str] = []
    seen = False
    for line in lines:
        if key and normalise(line) == key:
            result.remove(line, "title_repeat" if seen else "title", len(kept))
            seen = True
        else:
            kept.append(line)
    return kept


def _is_sentence(line: str) -> bool:
    """A short finished sentence: a one-line paragraph, not a menu item or a headline. A quoted
    paragraph counts however short ("“We will see.”"): it continues someone's words."""
    quoted = line.startswith(_OPENING_MARKS)
    return (quoted or word_count(line) >= SENTENCE_MIN_WORDS) and bool(_SENTENCE_END.search(line))


_LABELLED = re.compile(r"^[\w(][\w .,'’&()/-]{0,40}:\s+\S")
_LIST_MARK = re.compile(r"^(?:[-*•·–—▪►]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+\S")


def looks_like_content(line: str) -> bool:
    """A line that belongs to a text even though it is no prose: a short sentence, a labelled
    turn or field ("Question: …", "Rates: …"), a marked list item ("1. …", "• …"), a line that
    goes on in lower case (the rest of a wrapped sentence; menus and link labels are
    capitalised), a lead-in that announces what follows ("The aims were to:")."""
    if _is_sentence(line) or line[:1].islower() or line.endswith(":") or label_line(line):
        return True
    return word_count(line) >= 2 and bool(_LABELLED.match(line) or _LIST_MARK.match(line))


def _prose_runs(
    lines: list[str], prose: list[bool], stops: list[int], max_gap: int
) -> list[list[int]]:
    """Runs of prose line indices (`prose[i]`: line i is prose) with at most `max_gap` other
    lines (lines that look like content not counted) between neighbours."""
    runs: list[list[int]] = []
    for index in range(len(lines)):
        if not prose[index]:
            continue
        gap = runs and sum(
            1 for between in lines[runs[-1][-1] + 1 : index] if not looks_like_content(between)
        )
        joined = runs and gap <= max_gap
        if joined and not any(runs[-1][-1] < stop <= index for stop in stops):
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _prose_chars_before(lines: list[str], runs: list[list[int]], position: int) -> int:
    return sum(len(lines[index]) for run in runs for index in run if index < position)


def body_bounds(
    lines: list[str],
    anchors: Sequence[int] = (),
    stops: Sequence[int] = (),
    markers: Sequence[int] = (),
    transcript: bool = False,
) -> tuple[int, int]:
    """[start, end) of the body: the heaviest run of prose lines.

    The first run below an anchor (a byline or date line) weighs ANCHOR_WEIGHT times its length;
    a run with several list markers (dates, bylines, time stamps) inside is a list of stories or
    comments and weighs less, unless its items hold ITEM_MIN_CHARS of prose each on average
    (whole posts of a blog's front page, a teaser is a sentence or two); a run after a comment
    heading that follows real prose is readers' text, not body. A page whose heaviest run is
    unanchored and holds less than DOMINANT_SHARE of its prose is not one article but a page of
    parts (headed sections, lists, Q&A, records): its runs are joined across up to
    PAGE_MAX_GAP_LINES lines of other text, unless the joined run weighs less (list markers
    inside it: a list of stories).
    """
    prose = [is_prose(line) for line in lines]
    best = _heaviest_run(lines, prose, anchors, stops, markers, MAX_GAP_LINES)
    if best is None:
        return 0, len(lines)
    run, anchored, weight = best
    prose_chars = sum(
        len(line) for line, is_line_prose in zip(lines, prose, strict=True) if is_line_prose
    )
    if not anchored and _chars(lines, run) < DOMINANT_SHARE * prose_chars:
        joined = _heaviest_run(lines, prose, anchors, stops, markers, PAGE_MAX_GAP_LINES)
        if joined and joined[2] >= weight:  # not when the joining made a list of items
            run = joined[0]
    limit = min((stop for stop in stops if stop > run[-1]), default=len(lines))
    end = _extend_end(lines, run[-1] + 1, limit, transcript)
    start = run[0]
    while start > 0 and (_is_sentence(lines[start - 1]) or _opens_turn(lines, start - 1, end)):
        start -= 1
    return start, end


def is_transcript(lines: list[str]) -> bool:
    """The page labels turns: some label opens lines at least twice ("MS. WHITFIELD: …" …
    "MS. WHITFIELD: …", "Ines Roth 0:03" … "Ines Roth 0:47")."""
    labels = Counter(label for label in map(turn_label, lines) if label)
    return any(count >= TURN_LABEL_REPEATS for count in labels.values())


def _opens_turn(lines: list[str], index: int, end: int) -> bool:
    """Line `index` is a turn's label on a line of its own ("Selin Aydin (00:00:04):") that
    labels other turns of the body below it (up to `end`): the first turn's speaker."""
    label = label_line(lines[index])
    return label is not None and any(label_line(line) == label for line in lines[index + 1 : end])


def _chars(lines: list[str], run: list[int]) -> int:
    return sum(len(lines[index]) for index in run)


def _heaviest_run(
    lines: list[str],
    prose: list[bool],
    anchors: Sequence[int],
    stops: Sequence[int],
    markers: Sequence[int],
    max_gap: int,
) -> tuple[list[int], bool, float] | None:
    """The heaviest run of prose lines joined across `max_gap` lines, whether an anchor stands
    just above it, and its weight."""
    runs = _prose_runs(lines, prose, list(stops), max_gap)
    if not runs:
        return None
    first_stop = min(
        (stop for stop in stops if _prose_chars_before(lines, runs, stop) >= MIN_BODY_CHARS),
        default=len(lines) + 1,
    )
    runs = [run for run in runs if run[0] < first_stop]

    starts = [run[0] for run in runs]
    anchored = {
        min(start for start in starts if start >= anchor)
        for anchor in anchors
        if any(0 <= start - anchor <= ANCHOR_REACH for start in starts)
    }

    def weight(run: list[int]) -> float:
        inside = sum(1 for marker in markers if run[0] < marker <= run[-1])
        chars = _chars(lines, run)
        if inside >= 2 and chars < ITEM_MIN_CHARS * (inside + 1):
            return chars / inside
        return chars * (ANCHOR_WEIGHT if run[0] in anchored else 1)

    best_weight, best = max(((weight(run), run) for run in runs), key=lambda pair: pair[0])
    return best, best[0] in anchored, best_weight


def _extend_end(lines: list[str], end: int, limit: int, transcript: bool = False) -> int:
    """Past the last prose line up to `limit`: short sentences, a list the body announces, and
    on a `transcript` page its turns however short (a label line and the line below it)."""
    in_list = False
    after_label = False
    while end < limit:
        line = lines[end]
        labelled = transcript and label_line(line) is not None
        if labelled or after_label:
            pass
        elif _is_sentence(line) and not line.endswith(":"):
            in_list = False
        elif line.endswith(":") and word_count(line) >= SENTENCE_MIN_WORDS:
            in_list = True
        elif not (in_list and word_count(line) >= LIST_ITEM_MIN_WORDS):
            break
        after_label = labelled
        end += 1
    return end


def _keep_body(lines: list[str], bounds: tuple[int, int], result: CleanedLines) -> list[str]:
    """The lines within `bounds` and statements outside them; a repeat of a kept line goes
    (gallery captions, pull quotes): its first occurrence carries whatever it says."""
    start, end = bounds
    kept: list[str] = []
    seen: set[str] = set()
    for index, line in enumerate(lines):
        key = normalise(line)
        if key in seen and word_count(line) >= DUPLICATE_MIN_WORDS:
            result.remove(line, "duplicate_line", len(kept))
        elif start <= index < end or carries_statement(line):
            kept.append(line)
            seen.add(key)
        else:
            result.remove(line, "outside_body", len(kept))
    return kept


def clean_lines(
    lines: list[str],
    title: str | None = None,
    furniture: Collection[str] = (),
    find_body: bool = True,
) -> CleanedLines:
    """Run the passes over `lines` until nothing more goes, so that cleaning clean text changes
    nothing; `title` when the source names it; `find_body` off when an extractor (trafilatura
    for HTML) has already cut the page down to its body."""
    verdicts: dict[str, Verdict] = {}
    result = _clean_once(lines, title, furniture, find_body, verdicts)
    while True:
        again = _clean_once(result.lines, result.title, furniture, find_body, verdicts)
        if again.lines == result.lines:
            return result
        result.lines = again.lines
        result.removed.extend(again.removed)
        result.stated = result.stated or again.stated


def _clean_once(
    lines: list[str],
    title: str | None,
    furniture: Collection[str],
    find_body: bool,
    verdicts: dict[str, Verdict],
) -> CleanedLines:
    result = CleanedLines(lines=[])
    lines = _drop_repeated_blocks(lines, result)
    lines = _apply_rules(lines, furniture, result, verdicts)
    anchors = [p for name in ANCHOR_RULES for p in result.marks.get(name, [])]
    markers = [p for name in LISTING_RULES for p in result.marks.get(name, [])]
    stops = result.marks.get("comments_heading", [])
    transcript = find_body and is_transcript(lines)
    bounds = (
        body_bounds(lines, anchors, stops, markers, transcript) if find_body else (0, len(lines))
    )
    result.title = title or choose_title(lines, bounds[0], transcript)
    if result.title:
        title_key = normalise(result.title)
        before = sum(1 for line in lines[: bounds[0]] if normalise(line) == title_key)
        after = sum(1 for line in lines[: bounds[1]] if normalise(line) == title_key)
        lines = _remove_title(lines, result.title, result)
        bounds = (bounds[0] - before, bounds[1] - after)
    result.lines = _keep_body(lines, bounds, result) if find_body else lines
    return result
