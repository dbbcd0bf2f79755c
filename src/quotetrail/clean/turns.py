"""The shape of a transcript's turn labels as a text dump writes them, read by cleaning (a label
on a line of its own belongs to the turn below it) and by extraction (`extract/transcript.py`).

Transcription services write a turn's time beside its label: before it ("[00:01:12] HOST: …",
"00:12 Q: …"), after the name ("Reporter 1 (00:01:12):", "Ines Roth  0:47"), and often put the
label on a line of its own above the turn's words.
"""

from __future__ import annotations

import re
from functools import lru_cache

LABEL_LINE_MAX = 80  # characters: a name, a bracketed time and a colon
TIMESTAMP = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
STAMP = rf"[(\[]?{TIMESTAMP}[)\]]?"  # a time as written beside a label, bracketed or bare
_LABEL_LINE = re.compile(
    rf"^(?:{STAMP}\s+)?(?P<name>[^\W\d_][^:()\[\]\n]{{0,58}}?)\s*(?P<stamp>{STAMP})?\s*(?P<colon>:)?$"
)


_INLINE_LABEL = re.compile(
    rf"^(?:{STAMP}\s+)?(?P<name>[^\W\d_][^:()\[\]\n]{{0,40}}?)\s*(?:{STAMP})?\s*:\s+\S"
)


@lru_cache(maxsize=65_536)
def turn_label(line: str) -> str | None:
    """The label (case-folded, without its time) that opens a line, alone on it or before the
    turn's words ("MS. WHITFIELD: Good afternoon …"), or None."""
    match = _INLINE_LABEL.match(line.strip())
    return match["name"].casefold() if match else label_line(line)


@lru_cache(maxsize=65_536)
def label_line(line: str) -> str | None:
    """The label (case-folded, without its time) of a line that is a turn's label alone — a name
    ending in a colon or followed by a time ("Selin Aydin (00:00:04):", "Ines Roth  0:47") — or
    None for any other line."""
    if len(line) > LABEL_LINE_MAX:
        return None
    match = _LABEL_LINE.match(line.strip())
    if match is None or not (match["colon"] or match["stamp"]):
        return None
    return match["name"].casefold()
