"""JSONL exports: one JSON object per line, streamed; a bad line is a Rejection, the rest goes
on."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from quotetrail.read.fields import configured_fields, record_to_document
from quotetrail.read.registry import name_of, reader
from quotetrail.records import RawDocument, Rejection


@reader(".jsonl", ".ndjson", ".jsonl.gz")
def read_jsonl(path: Path) -> Iterator[RawDocument | Rejection]:
    fields = configured_fields()
    source = name_of(path)
    with _open_binary(path) as handle:
        for number, raw_line in enumerate(handle, start=1):
            if not raw_line.strip():
                continue
            locator = f"line {number}"
            try:
                record = json.loads(raw_line.decode("utf-8-sig"))
            except UnicodeDecodeError as error:
                yield Rejection(f"{source}:{locator}", f"invalid UTF-8 at byte {error.start}")
                continue
            except json.JSONDecodeError as error:
                yield Rejection(
                    f"{source}:{locator}", f"invalid JSON: {error.msg} at column {error.colno}"
                )
                continue
            yield record_to_document(record, source, locator, fields)


def _open_binary(path: Path) -> BinaryIO:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")
