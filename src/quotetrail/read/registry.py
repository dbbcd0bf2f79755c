"""The reader registry: which function reads files of which suffix.

Format modules register themselves here with `@reader(".ext")`; `quotetrail.read` imports every
format module, so the registry is full once the package is imported. Kept apart from the
package's `__init__` so a format module never imports the package that imports it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from quotetrail.records import RawDocument, Rejection

Reader = Callable[[Path], Iterator[RawDocument | Rejection]]

MAX_DOCUMENT_BYTES = 20_000_000  # one article; larger "articles" are dumps of something else
LIMIT_VARIABLE = "QUOTETRAIL_MAX_DOCUMENT_BYTES"

READERS: dict[str, Reader] = {}


class UnreadableInput(Exception):
    """Raised by a reader for a file it cannot read at all; the message is the reason."""


def reader(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register `func` as the reader for files whose names end in one of `suffixes`."""

    def register(func: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix.lower()] = func
        return func

    return register


def reader_for(path: Path) -> Reader | None:
    """The reader whose suffix is the longest match for `path` (".warc.gz" before ".gz")."""
    name = path.name.lower()
    matches = [suffix for suffix in READERS if name.endswith(suffix)]
    return READERS[max(matches, key=len)] if matches else None


def name_of(path: Path | str) -> str:
    """`path` as text any store, terminal or JSON takes, for records and messages.

    A file name that is not UTF-8 (b"caf\\xe9.txt") reaches Python as lone surrogates, which
    no UTF-8 encoder accepts; its odd bytes are written as escapes instead ("caf\\xe9.txt").
    """
    text = os.fspath(path)
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that no file-system name decodes to
        raw = text.encode("utf-8", "backslashreplace")
    return raw.decode("utf-8", "backslashreplace")


def document_limit() -> int:
    """The most bytes one document may hold: a whole file (.txt, .html) or one record inside a
    container (a JSONL line, a CSV row, a WARC page), checked before it is parsed where the
    format allows. One setting for all: `QUOTETRAIL_MAX_DOCUMENT_BYTES`, else 20 MB; read in
    whichever process reads, like `QUOTETRAIL_FIELDS`."""
    value = os.environ.get(LIMIT_VARIABLE, "").strip()
    if not value:
        return MAX_DOCUMENT_BYTES
    if not value.isdigit() or int(value) == 0:
        raise ValueError(f"{LIMIT_VARIABLE}: {value!r} is not a number of bytes")
    return int(value)


def too_large(limit: int) -> str:
    """The reason a document over `limit` bytes is rejected."""
    size = f"{limit // 1_000_000} MB" if limit % 1_000_000 == 0 else f"{limit:,} bytes"
    return f"too large: over {size}, the most one document may hold ({LIMIT_VARIABLE})"
