"""Reading: files and folders in, `RawDocument`s (or named `Rejection`s) out, one at a time.

Each input format is one module that registers a reader for its file suffixes; a reader is a
generator over one file, so a container of a million articles (WARC, JSONL) is never held in
memory. Adding a format means adding a module here (registered with `registry.reader`) and
importing it here — nothing else changes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

# Formats register themselves on import.
from quotetrail.read import csv, html, jsonl, text, warc  # noqa: F401
from quotetrail.read.registry import READERS, Reader, UnreadableInput, reader, reader_for
from quotetrail.records import RawDocument, Rejection

__all__ = ["READERS", "Reader", "UnreadableInput", "iter_documents", "reader", "reader_for"]


def _files_under(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def iter_documents(paths: Iterable[str | Path]) -> Iterator[RawDocument | Rejection]:
    """Every document in `paths` (files or folders, any mix), in a stable order.

    Never raises for bad input: an unreadable file, an unknown suffix given explicitly, or a
    folder with nothing readable in it comes out as a `Rejection` naming it and the reason.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            readable = 0
            for file in _files_under(path):
                if reader_for(file) is None:
                    continue
                readable += 1
                yield from _read_file(file)
            if readable == 0:
                known = " ".join(sorted(READERS))
                yield Rejection(str(path), f"folder holds no readable file (known: {known})")
        elif path.is_file():
            if reader_for(path) is None:
                yield Rejection(str(path), f"unsupported file type {path.suffix or '(none)'!r}")
            else:
                yield from _read_file(path)
        else:
            yield Rejection(str(path), "no such file or folder")


def _read_file(path: Path) -> Iterator[RawDocument | Rejection]:
    read = reader_for(path)
    assert read is not None
    try:
        yield from read(path)
    except UnreadableInput as error:
        yield Rejection(str(path), str(error))
    except (OSError, ValueError, UnicodeError) as error:
        yield Rejection(str(path), f"{type(error).__name__}: {error}")
