"""Reading: files and folders in, `RawDocument`s (or named `Rejection`s) out, one at a time.

Each input format is one module that registers a reader for its file suffixes; a reader is a
generator over one file, so a container of a million articles (WARC, JSONL) is never held in
memory. Adding a format means adding a module here (registered with `registry.reader`) and
importing it here — nothing else changes.
"""

from __future__ import annotations

import os
import stat
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

# Formats register themselves on import.
from quotetrail.read import csv, html, jsonl, text, warc  # noqa: F401
from quotetrail.read.registry import READERS, Reader, UnreadableInput, name_of, reader, reader_for
from quotetrail.records import RawDocument, Rejection

__all__ = [
    "READERS",
    "Reader",
    "UnreadableInput",
    "iter_documents",
    "name_of",
    "reader",
    "reader_for",
]


def _files_under(folder: Path) -> Iterator[Path | Rejection]:
    """The files under `folder`, sorted, and a Rejection for each folder in it that cannot be
    listed (os.walk would pass over it in silence)."""
    unreadable: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=unreadable.append):
        yield from _named(unreadable)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name
    yield from _named(unreadable)


def _named(errors: list[OSError]) -> Iterator[Rejection]:
    while errors:
        error = errors.pop(0)
        yield Rejection(name_of(error.filename), _reason(error))


def _reason(error: OSError) -> str:
    """ "permission denied", not "[Errno 13] Permission denied: '/the/path'" (the path is named
    beside it)."""
    return error.strerror.lower() if error.strerror else str(error)


def iter_documents(paths: Iterable[str | Path]) -> Iterator[RawDocument | Rejection]:
    """Every document in `paths` (files or folders, any mix), in a stable order.

    Never raises for bad input: an unreadable file or folder (at any depth), an unknown suffix
    given explicitly, or a folder with nothing readable in it comes out as a `Rejection` naming
    it and the reason, and reading goes on with the next.
    """
    for given in paths:
        path = Path(given)
        try:
            folder = stat.S_ISDIR(path.stat().st_mode)
        except (FileNotFoundError, NotADirectoryError):
            yield Rejection(name_of(path), "no such file or folder")
        except OSError as error:
            yield Rejection(name_of(path), _reason(error))
        else:
            if folder:
                yield from _read_folder(path)
            elif reader_for(path) is None:
                suffix = path.suffix or "(none)"
                yield Rejection(name_of(path), f"unsupported file type {name_of(suffix)!r}")
            else:
                yield from _read_file(path)


def _read_folder(folder: Path) -> Iterator[RawDocument | Rejection]:
    readable = named = 0
    for item in _files_under(folder):
        if isinstance(item, Rejection):
            named += 1
            yield item
        elif reader_for(item) is not None:
            readable += 1
            yield from _read_file(item)
    if not (readable or named):
        known = " ".join(sorted(READERS))
        yield Rejection(name_of(folder), f"folder holds no readable file (known: {known})")


def _read_file(path: Path) -> Iterator[RawDocument | Rejection]:
    read = reader_for(path)
    assert read is not None
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # reading a pipe or a device never ends
            raise UnreadableInput("not a regular file")
        yield from read(path)
    except UnreadableInput as error:
        yield Rejection(name_of(path), str(error))
    except OSError as error:
        yield Rejection(name_of(path), _reason(error))
    except (EOFError, zlib.error) as error:  # what gzip raises for a cut or damaged stream
        yield Rejection(name_of(path), f"damaged or cut-short compressed data: {error}")
    except (ValueError, UnicodeError) as error:
        yield Rejection(name_of(path), f"{type(error).__name__}: {error}")
