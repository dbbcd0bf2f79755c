"""Encoding repair: ftfy for the reversible mojibake, a documented table for the lossy cases.

ftfy undoes UTF-8-read-as-cp1252 when every byte survived. Scrapers often lose one: the 0x9D
of a closing double quote (cp1252 has no character there), or the "™" of a right single quote
transliterated to "TM". What is left ("â€TM", a dangling "â€", which ftfy turns into "†") can
no longer be decoded, only recognised. `LOSSY_TABLE` names each such remnant and what it stood
for; it is applied only to a text that shows mojibake, so a genuine dagger elsewhere survives.
Curly quotes are kept (`uncurl_quotes=False`): quote detection downstream depends on them.
"""

from __future__ import annotations

import re

import ftfy

# (name, pattern, replacement): applied in order, before ftfy, to texts with mojibake markers.
LOSSY_TABLE: tuple[tuple[str, re.Pattern[str], str], ...] = (
    # U+2019 (E2 80 99) read as cp1252 is "â€™"; "™" transliterated to "TM" by an ASCII folder.
    ("right single quote, ™ folded to TM", re.compile("â€TM"), "\u2019"),
    # U+201D (E2 80 9D) read as cp1252: 0x9D is undefined and dropped, leaving "â€".
    ("right double quote, 0x9D dropped", re.compile("â€(?=[\\s.,;:!?)\\]]|$)", re.M), "\u201d"),
)

# Remnants ftfy leaves as "†" (cp1252 0x86) where an opening quote stood: "†word".
_OPENING_DAGGER = re.compile(r"(?:(?<=^)|(?<=[\s(\[]))†(?=\w)", re.M)
_CLOSING_DAGGER = re.compile(r"(?<=[\w.,;:!?])†(?=[\s.,;:!?)\]]|$)", re.M)
_MOJIBAKE_MARKER = re.compile("â€|Ã[\u0080-\u00bf]|Â[\u00a0-\u00bf]")
_NEXT_CLOSING = re.compile("\u2019(?!\\w)|\u201d")


def has_mojibake(text: str) -> bool:
    """True when the text shows cp1252-decoded UTF-8 (the gate for the lossy table)."""
    return bool(_MOJIBAKE_MARKER.search(text))


def _open_quote_for(line: str, position: int) -> str:
    """The opening quote that pairs with the next closing quote after `position` in the line."""
    closing = _NEXT_CLOSING.search(line, position)
    return "\u2018" if closing and closing.group() == "\u2019" else "\u201c"


def _fix_daggers(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        closed = _CLOSING_DAGGER.sub("\u201d", line)
        lines.append(
            _OPENING_DAGGER.sub(lambda match: _open_quote_for(match.string, match.end()), closed)
        )
    return "\n".join(lines)


def repair_text(text: str) -> str:
    """Fix mojibake (lossless and the tabled lossy cases), keep curly quotes, normalise newlines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lossy = has_mojibake(text)
    if lossy:
        for _name, pattern, replacement in LOSSY_TABLE:
            text = pattern.sub(replacement, text)
    text = ftfy.fix_text(text, uncurl_quotes=False, normalization="NFC")
    if lossy:
        text = _fix_daggers(text)
    return text
