"""Plain-text article dumps in any common encoding.

The encoding is detected, not assumed: UTF-8 (with or without BOM) and UTF-16 with a BOM first;
a file with no valid multi-byte UTF-8 sequence is then a legacy single-byte file (cp1252,
latin-1, cp1251 …) and charset-normalizer picks the encoding. A file that holds valid UTF-8 *and*
invalid sequences is corrupt UTF-8 and is rejected rather than guessed at, because any guess
would silently garble the quotes in it.
"""

from __future__ import annotations

import codecs
import gzip
import re
from collections.abc import Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from quotetrail.read.registry import (
    UnreadableInput,
    document_limit,
    name_of,
    reader,
    too_large,
)
from quotetrail.records import RawDocument, Rejection

_MULTIBYTE_UTF8 = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_BINARY_CONTROL = set(range(0, 9)) | {
    11,
    14,
    15,
    16,
    17,
    18,
    19,
    20,
    21,
    22,
    23,
    24,
    25,
    26,
    28,
    29,
    30,
    31,
}


def decode_text(data: bytes, name: str = "") -> tuple[str, str]:
    """Decode article bytes; returns (text, encoding) or raises UnreadableInput with the reason."""
    if not data.strip():
        raise UnreadableInput("empty file")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as error:
            raise UnreadableInput(f"invalid UTF-16 at byte {error.start}") from error
    sample = data[:65536]
    controls = sum(1 for byte in sample if byte in _BINARY_CONTROL)
    if b"\x00" in sample or controls > len(sample) * 0.01:
        raise UnreadableInput("binary content, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        if _MULTIBYTE_UTF8.search(data):
            raise UnreadableInput(
                f"invalid UTF-8 at byte {error.start} (the file mixes UTF-8 with other bytes)"
            ) from error
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UnreadableInput("text in no encoding that could be recognised")
    return str(best), best.encoding


def read_capped(path: Path) -> bytes:
    """The file's bytes (decompressed for .gz), refusing more than one document may hold."""
    limit = document_limit()
    if path.name.lower().endswith(".gz"):
        with gzip.open(path, "rb") as handle:
            data = handle.read(limit + 1)
    elif path.stat().st_size > limit:
        raise UnreadableInput(too_large(limit))
    else:
        data = path.read_bytes()
    if len(data) > limit:
        raise UnreadableInput(too_large(limit))
    return data


@reader(".txt", ".text", ".txt.gz")
def read_text_file(path: Path) -> Iterator[RawDocument | Rejection]:
    text, encoding = decode_text(read_capped(path), path.name)
    yield RawDocument(source_path=name_of(path), content=text, format="text", encoding=encoding)
