"""Paragraphs hard-wrapped at a fixed width, joined again.

Plain-text transcripts, briefings, e-mails and old pages break every paragraph at a column
(`QUESTION: … President Bush will not` / `deal with Syrian President …`). Each physical line is
then too short to read as prose, so the body finder drops the whole transcript, and sentences
and quotes are cut at every break. The classic test tells a wrap from a real break: a line
is wrapped when the next line's first word would not have fitted after it within the page's
width. The width is learnt from the text itself and only trusted when enough lines agree on it;
text written one paragraph to a line (every news dump) has no such width and is left alone.
"""

from __future__ import annotations

import re
from itertools import pairwise

from quotetrail.clean.rules import mark_class
from quotetrail.lexicon import quote_marks

MIN_WIDTH = 40  # narrower columns are lists and menus, not wrapped prose
MAX_WIDTH = 100  # wider than any terminal or mail client wraps
SLACK = 16  # a wrapped line ends at most this far short of the width (a long next word)
MIN_WRAPS = 5  # lines going on in lower case that must agree on a width before it is trusted
MIN_LENGTHS = 3  # different columns they must end at (a template repeats one length)
# A clause ends the line: its stop, then any closing marks (the lexicon's) or brackets.
_SENTENCE_END = re.compile(rf"[.!?…:;][{mark_class(quote_marks().closing)})\]]*$")


def _first_word(line: str) -> str:
    return line.split(" ", 1)[0]


def _is_wrap(line: str, following: str, width: int) -> bool:
    """`line` was broken only because `following`'s first word would not fit after it, in the
    middle of a sentence (a break after a full stop may be a paragraph's end)."""
    return (
        width - SLACK <= len(line) <= width
        and len(line) + 1 + len(_first_word(following)) > width
        and following[:1].isalnum()
        and not _SENTENCE_END.search(line)
    )


def _goes_on(line: str) -> bool:
    """The line opens with a plain lower-case word: the rest of a sentence (not a link or a
    code)."""
    word = _first_word(line).rstrip(",;:.")
    return word.isalpha() and word.islower()


def wrap_width(lines: list[str]) -> int | None:
    """The column the text is wrapped at: the one where most lines break mid-sentence before a
    line that goes on in lower case, when at least MIN_WRAPS do, they are most of the lines of
    about that length (a list's items may end near any width, but rarely run on), and they end
    at MIN_LENGTHS different columns (a template's repeated lines all have one length)."""
    best: tuple[int, int] | None = None
    for width in sorted({len(line) for line in lines if MIN_WIDTH <= len(line) <= MAX_WIDTH}):
        near = sum(1 for line in lines if width - SLACK <= len(line) <= width)
        wrapped = [
            len(line)
            for line, following in pairwise(lines)
            if _goes_on(following) and _is_wrap(line, following, width)
        ]
        if (
            len(wrapped) >= MIN_WRAPS
            and len(wrapped) * 2 >= near
            and len(set(wrapped)) >= MIN_LENGTHS
            and (best is None or len(wrapped) > best[1])
        ):
            best = (width, len(wrapped))
    return best[0] if best else None


def unwrap_lines(lines: list[str]) -> list[str]:
    """Each hard-wrapped paragraph as one line; lines that are not wrapped stay as they are."""
    width = wrap_width(lines)
    if width is None:
        return lines
    joined: list[str] = []
    for index, line in enumerate(lines):
        if index and _is_wrap(lines[index - 1], line, width):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined
