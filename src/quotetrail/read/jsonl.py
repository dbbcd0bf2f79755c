"""JSONL exports: one JSON object per line, streamed; a bad line is a Rejection, the rest goes
on. A line over the document limit is rejected before it is parsed and skipped without being
held whole, so one 50 MB record costs neither minutes of parsing nor gigabytes."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from quotetrail.read.fields import configured_fields, record_to_document
from quotetrail.read.registry import UnreadableInput, document_limit, name_of, reader, too_large
from quotetrail.records import RawDocument, Rejection

SKIP_BYTES = 1 << 16


def _lines(handle: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(number, line) for each line; None for a line over `limit` bytes, read past in chunks."""
    number = 0
    while line := handle.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = handle.readline(SKIP_BYTES)
            yield number, None
        else:
            yield number, line


@reader(".jsonl", ".ndjson", ".jsonl.gz")
def read_jsonl(path: Path) -> Iterator[RawDocument | Rejection]:
    fields = configured_fields()
    limit = document_limit()
    source = name_of(path)
    records = 0
    with _open_binary(path) as handle:
        for number, raw_line in _lines(handle, limit):
            if raw_line is not None and not raw_line.strip():
                continue
            records += 1
            where = f"{source}:line {number}"
            if raw_line is None:
                yield Rejection(where, too_large(limit))
                continue
            try:
                record = json.loads(raw_line.decode("utf-8-sig"))
            except UnicodeDecodeError as error:
                yield Rejection(where, f"invalid UTF-8 at byte {error.start}")
                continue
            except json.JSONDecodeError as error:
                yield Rejection(where, f"invalid JSON: {error.msg} at column {error.colno}")
                continue
            except RecursionError:
                yield Rejection(where, "invalid JSON: nested too deeply")
                continue
            yield record_to_document(record, source, f"line {number}", fields)
    if records == 0:
        raise UnreadableInput("empty file")


def _open_binary(path: Path) -> BinaryIO:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")
