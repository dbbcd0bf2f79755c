"""CSV exports with a header row, streamed row by row; a bad row is a Rejection, the rest goes on.

The encoding is detected from the first 64 KB (UTF-8 with or without BOM, else what
charset-normalizer finds), the dialect (comma, semicolon, tab) sniffed from the same sample.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from quotetrail.read.fields import configured_fields, record_to_document
from quotetrail.read.registry import UnreadableInput, name_of, reader
from quotetrail.records import RawDocument, Rejection

SAMPLE_BYTES = 65536
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def _encoding_of(sample: bytes) -> str:
    if not sample.strip():
        raise UnreadableInput("empty file")
    if b"\x00" in sample:
        raise UnreadableInput("binary content, not text")
    try:
        sample.decode("utf-8")
        return "utf-8-sig"
    except UnicodeDecodeError as error:
        if error.start >= len(sample) - 3:  # a character cut by the sample's end
            return "utf-8-sig"
    best = from_bytes(sample).best()
    if best is None or best.encoding is None:
        raise UnreadableInput("text in no encoding that could be recognised")
    return best.encoding


def _dialect(text_sample: str) -> type[csv.Dialect] | str:
    try:
        return csv.Sniffer().sniff(text_sample.split("\n", 1)[0], delimiters=",;\t|")
    except csv.Error:
        return "excel"


@reader(".csv", ".tsv")
def read_csv(path: Path) -> Iterator[RawDocument | Rejection]:
    fields = configured_fields()
    source = name_of(path)
    with path.open("rb") as handle:
        encoding = _encoding_of(handle.read(SAMPLE_BYTES))
    with path.open(encoding=encoding, newline="") as handle:
        dialect = _dialect(handle.read(SAMPLE_BYTES))
        handle.seek(0)
        rows = csv.DictReader(handle, dialect=dialect)
        number = 0
        try:
            for number, row in enumerate(rows, start=1):
                yield record_to_document(row, source, f"row {number}", fields)
        except (csv.Error, UnicodeDecodeError) as error:
            yield Rejection(f"{source}:row {number + 1}", f"unreadable from here on: {error}")
