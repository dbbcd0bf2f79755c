"""Direct quote spans, found by scanning characters paragraph by paragraph.

Quotation marks are told apart from apostrophes by what stands on either side of them: an
apostrophe has a letter on both sides (don't, Afghanistan's), an opening mark follows a space or
the start of a paragraph and precedes a letter, a closing mark follows text. A mark may be two
characters (''like this'', ``like this''): the longest mark written at a position is the one read,
so two apostrophes are one double mark, not two single ones. A quote that is still open at the end
of its paragraph runs to the end of that paragraph (the next paragraph, if it opens with a mark,
continues the same speaker's words).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from quotetrail import lexicon

CLOSERS = lexicon.quote_marks().closers  # opening mark -> the marks that may close it
SINGLE = lexicon.quote_marks().single
DIRECTED = lexicon.quote_marks().double_opening  # double marks that only open ("“", "``")
MARKS = sorted(lexicon.quote_marks().marks, key=len, reverse=True)  # longest first: '' before '
FIRST_CHARS = {mark[0] for mark in MARKS}
OPEN_BEFORE = set(" \t([{—–-/:;,") | {""}  # what may stand before an opening mark
_MARK_START = re.compile(f"[{re.escape(''.join(sorted(FIRST_CHARS)))}]")


@dataclass(frozen=True)
class Quote:
    """The content of one quotation (marks excluded), with the paragraph that holds it."""

    start: int
    end: int
    closed: bool  # False when the quote runs to the end of its paragraph unclosed
    paragraph: tuple[int, int]
    mark: str  # the opening mark; its closing mark is as long

    @property
    def opens_paragraph(self) -> bool:
        return self.start - len(self.mark) == self.paragraph[0]


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every non-blank line, with surrounding blanks trimmed."""
    position = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = position + line.index(stripped[0])
            yield start, start + len(stripped)
        position += len(line) + 1


def _mark_at(text: str, i: int, end: int, marks: Iterable[str]) -> str:
    """The longest of `marks` written at `i` inside the paragraph, or "" when none is."""
    if text[i] not in FIRST_CHARS:
        return ""
    return next((m for m in MARKS if m in marks and text.startswith(m, i, end)), "")


def _elision(text: str, i: int, mark: str) -> bool:
    """A single mark around one letter is an elided word, not a quotation: rock 'n' roll."""
    letter, closing, following = text[i + 1 : i + 2], text[i + 2 : i + 3], text[i + 3 : i + 4]
    return letter.isalpha() and closing in CLOSERS[mark] and not following.isalnum()


def _opens(text: str, i: int, mark: str, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else ""
    after = text[i + len(mark)] if i + len(mark) < end else ""
    if not after or after.isspace():
        return False
    opening_context = before in OPEN_BEFORE or before.isspace()
    if mark in SINGLE:
        return (
            opening_context and (after.isalnum() or after in '“"…') and not _elision(text, i, mark)
        )
    if mark not in DIRECTED:  # a straight mark ('"', "''") closes quotes too
        return opening_context or before in "“‘"
    return True


def _closes(text: str, i: int, mark: str, opener: str, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else ""
    after = text[i + len(mark)] if i + len(mark) < end else ""
    if opener in SINGLE:
        return bool(before) and not before.isspace() and not after.isalnum()
    # in a run of three apostrophes (,''') the first closes a quote nested inside, the last two ours
    return len(mark) == 1 or after != mark[-1]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _scan(text: str, p_start: int, p_end: int) -> tuple[list[Quote], str, int]:
    """The closed quotations of one paragraph, and the mark still open at its end (with where
    it opened), or ""."""
    found: list[Quote] = []
    opener, opened_at, resume = "", -1, p_start
    for candidate in _MARK_START.finditer(text, p_start, p_end):  # only where a mark may stand
        i = candidate.start()
        if i < resume:  # inside a two-character mark just read
            continue
        if opener:
            mark = _mark_at(text, i, p_end, CLOSERS[opener])
            if mark and _closes(text, i, mark, opener, p_start, p_end):
                start, end = _trimmed(text, opened_at + len(opener), i)
                if end > start:
                    found.append(Quote(start, end, True, (p_start, p_end), opener))
                opener, resume = "", i + len(mark)
        else:
            mark = _mark_at(text, i, p_end, CLOSERS)
            if mark and _opens(text, i, mark, p_start, p_end):
                opener, opened_at, resume = mark, i, i + len(mark)
    return found, opener, opened_at


def find_quotes(text: str) -> list[Quote]:
    """Every quotation in `text`, in order; nested quotations stay inside their outer quote."""
    found: list[Quote] = []
    for p_start, p_end in paragraphs(text):
        closed, opener, opened_at = _scan(text, p_start, p_end)
        found += closed
        if opener and opener not in SINGLE:
            start, end = _trimmed(text, opened_at + len(opener), p_end)
            if end > start:
                found.append(Quote(start, end, False, (p_start, p_end), opener))
    return found


def left_open(text: str) -> str:
    """The quotation mark, double or single, that `text` opens and does not close by its end
    ("" when none): a span cut before its closing mark ("the Taliban are ‘democratic")."""
    spans = list(paragraphs(text))  # only the last paragraph can be open at the end
    return _scan(text, *spans[-1])[1] if spans else ""
