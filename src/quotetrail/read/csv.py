"""CSV exports with a header row, streamed row by row; a bad row is a Rejection, the rest goes on.

The encoding is detected from the first 64 KB (UTF-8 with or without BOM, else what
charset-normalizer finds), the delimiter (comma, semicolon, tab, bar) from the same sample; the
rest is the standard dialect: fields quoted with '"', a quote inside doubled, line breaks
allowed inside quotes. A row with more fields than the header is rejected, not guessed at; a
row over the document limit is rejected before it becomes a document (the csv module reads a
row whole, so that is the earliest it can be measured).
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from quotetrail.read.fields import configured_fields, record_to_document
from quotetrail.read.registry import UnreadableInput, document_limit, name_of, reader, too_large
from quotetrail.records import RawDocument, Rejection

SAMPLE_BYTES = 65536
DELIMITERS = ",;\t|"
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


def _delimiter(sample: str, complete: bool) -> str:
    """The delimiter that parses the sample's records most consistently to the header's width.

    The sample is parsed, not split into lines: a quoted field may hold delimiters, doubled
    quotes and line breaks, which mislead csv.Sniffer's line counts (it took one export's
    header line for its dialect and cut every article at its first doubled quote). Ties go to
    the first of DELIMITERS; a file of one column is read as comma-separated.
    """

    def consistent_rows(delimiter: str) -> int:
        try:
            rows = list(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter))
        except csv.Error:
            return 0
        if not complete:
            rows = rows[:-1]  # the sample may end inside its last record
        if not rows or len(rows[0]) < 2:
            return 0
        return sum(len(row) == len(rows[0]) for row in rows)

    return max(DELIMITERS, key=consistent_rows)


@reader(".csv", ".tsv")
def read_csv(path: Path) -> Iterator[RawDocument | Rejection]:
    fields = configured_fields()
    limit = document_limit()
    source = name_of(path)
    with path.open("rb") as handle:
        encoding = _encoding_of(handle.read(SAMPLE_BYTES))
    with path.open(encoding=encoding, newline="") as handle:
        sample = handle.read(SAMPLE_BYTES)
        delimiter = _delimiter(sample, complete=len(sample) < SAMPLE_BYTES)
        handle.seek(0)
        rows = csv.DictReader(handle, delimiter=delimiter)
        number = 0
        try:
            for number, row in enumerate(rows, start=1):
                where = f"{source}:row {number}"
                yield _checked(row, len(rows.fieldnames or ()), limit, where) or (
                    record_to_document(row, source, f"row {number}", fields)
                )
        except (csv.Error, UnicodeDecodeError) as error:
            yield Rejection(f"{source}:row {number + 1}", f"unreadable from here on: {error}")
            return
    if number == 0:
        raise UnreadableInput("no rows after the header")


def _checked(row: dict, width: int, limit: int, where: str) -> Rejection | None:
    """Why a row cannot be a document before its fields are read: too wide or too large."""
    if None in row:  # DictReader keeps the fields beyond the header there
        return Rejection(where, f"{width + len(row[None])} fields where the header names {width}")
    if sum(len(value.encode("utf-8")) for value in row.values() if value) > limit:
        return Rejection(where, too_large(limit))
    return None
