"""Direct quote spans, found by scanning characters paragraph by paragraph.

Quotation marks are told apart from apostrophes by what stands on either side of them: an
apostrophe has a letter on both sides (don't, Afghanistan's), an opening mark follows a space or
the start of a paragraph and precedes a letter, a closing mark follows text. A quote that is still
open at the end of its paragraph runs to the end of that paragraph (the next paragraph, if it opens
with a mark, continues the same speaker's words).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from quotetrail import lexicon

CLOSERS = lexicon.quote_marks().closers  # opening mark -> the marks that may close it
SINGLE = lexicon.quote_marks().single
OPEN_BEFORE = set(" \t([{—–-/:;,") | {""}  # what may stand before an opening mark


@dataclass(frozen=True)
class Quote:
    """The content of one quotation (marks excluded), with the paragraph that holds it."""

    start: int
    end: int
    closed: bool  # False when the quote runs to the end of its paragraph unclosed
    paragraph: tuple[int, int]

    @property
    def opens_paragraph(self) -> bool:
        return self.start - 1 == self.paragraph[0]


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every non-blank line, with surrounding blanks trimmed."""
    position = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = position + line.index(stripped[0])
            yield start, start + len(stripped)
        position += len(line) + 1


def _opens(text: str, i: int, start: int, end: int) -> bool:
    mark = text[i]
    before = text[i - 1] if i > start else ""
    after = text[i + 1] if i + 1 < end else ""
    if not after or after.isspace():
        return False
    opening_context = before in OPEN_BEFORE or before.isspace()
    if mark in SINGLE:
        return opening_context and (after.isalnum() or after in '“"…')
    if mark == '"':
        return opening_context or before in "“‘"
    return True


def _closes(text: str, i: int, opener: str, start: int, end: int) -> bool:
    mark = text[i]
    if mark not in CLOSERS[opener]:
        return False
    before = text[i - 1] if i > start else ""
    after = text[i + 1] if i + 1 < end else ""
    if opener in SINGLE:
        return bool(before) and not before.isspace() and not after.isalnum()
    return True


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quotes(text: str) -> list[Quote]:
    """Every quotation in `text`, in order; nested quotations stay inside their outer quote."""
    found: list[Quote] = []
    for p_start, p_end in paragraphs(text):
        opener, opened_at = "", -1
        for i in range(p_start, p_end):
            char = text[i]
            if opener:
                if _closes(text, i, opener, p_start, p_end):
                    start, end = _trimmed(text, opened_at + 1, i)
                    if end > start:
                        found.append(Quote(start, end, True, (p_start, p_end)))
                    opener = ""
            elif char in CLOSERS and _opens(text, i, p_start, p_end):
                opener, opened_at = char, i
        if opener and opener not in SINGLE:
            start, end = _trimmed(text, opened_at + 1, p_end)
            if end > start:
                found.append(Quote(start, end, False, (p_start, p_end)))
    return found
