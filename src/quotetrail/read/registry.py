"""The reader registry: which function reads files of which suffix.

Format modules register themselves here with `@reader(".ext")`; `quotetrail.read` imports every
format module, so the registry is full once the package is imported. Kept apart from the
package's `__init__` so a format module never imports the package that imports it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from quotetrail.records import RawDocument, Rejection

Reader = Callable[[Path], Iterator[RawDocument | Rejection]]

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
