"""HTML pages (plain or gzipped), decoded but not yet extracted.

Extraction (trafilatura, htmldate) happens at cleaning time in the worker processes; reading
only finds the encoding: a BOM, then UTF-8 if the bytes are valid UTF-8, then the charset the
page declares, then charset-normalizer's guess.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from quotetrail.read.registry import UnreadableInput, name_of, reader
from quotetrail.read.text import read_capped
from quotetrail.records import RawDocument, Rejection

_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _declared_charset(data: bytes, header_charset: str | None) -> str | None:
    candidates = [header_charset] if header_charset else []
    match = _DECLARED.search(data[:8192])
    if match:
        candidates.append(match.group(1).decode("ascii"))
    for name in candidates:
        try:
            return codecs.lookup(name).name
        except LookupError:
            continue
    return None


def decode_html(data: bytes, header_charset: str | None = None) -> tuple[str, str]:
    """(text, encoding) of HTML bytes; raises UnreadableInput for empty or binary input."""
    if not data.strip():
        raise UnreadableInput("empty file")
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    if b"\x00" in data[:4096]:
        raise UnreadableInput("binary content, not HTML")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data, header_charset)
    if declared and declared != "utf-8":
        return data.decode(declared, errors="replace"), declared
    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best and best.encoding else "cp1252"
    return data.decode(encoding, errors="replace"), encoding


@reader(".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
def read_html_file(path: Path) -> Iterator[RawDocument | Rejection]:
    text, encoding = decode_html(read_capped(path))
    yield RawDocument(source_path=name_of(path), content=text, format="html", encoding=encoding)
