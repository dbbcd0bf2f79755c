"""WARC and WARC.gz archives: each HTML (or plain-text) response record is one document.

warcio streams the archive record by record, so a 10 GB crawl is never in memory; a record's
payload is read only when it is a page, and capped. Records that are not pages (requests,
metadata, images, scripts) are skipped silently: they are not articles. Damage is named with
the record's number and byte offset: a file that does not begin with a WARC header, a record
the file ends inside (warcio hands over what there is without a word: the bytes still owed
under its Content-Length tell), a record whose Content-Length does not end where it does, and
anything warcio cannot parse, after which nothing can be located reliably. Whole records
before the damage stand.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import WARCIterator
from warcio.exceptions import ArchiveLoadFailed

from quotetrail.read.html import decode_html
from quotetrail.read.registry import UnreadableInput, document_limit, name_of, reader, too_large
from quotetrail.read.text import decode_text
from quotetrail.records import RawDocument, Rejection

PAGE_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}
GZIP_MAGIC = b"\x1f\x8b"


class _Records(WARCIterator):
    """warcio's iterator without its stderr warning for a record that does not end where its
    Content-Length says: `read_warc` names that record as a Rejection instead."""

    INC_RECORD = ""


def _content_type(record) -> tuple[str, str | None]:
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    value = headers.get_header("Content-Type") or ""
    media, _, params = value.partition(";")
    charset = params.split("charset=", 1)[1].strip(" \"'") if "charset=" in params else None
    return media.strip().lower(), charset


def _document(record, source: str, locator: str, limit: int) -> RawDocument | Rejection | None:
    if record.rec_type not in ("response", "resource"):
        return None
    if record.http_headers is not None and not record.http_headers.get_statuscode().startswith("2"):
        return None
    media, charset = _content_type(record)
    kind = PAGE_TYPES.get(media)
    if kind is None:
        return None
    data = record.content_stream().read(limit + 1)
    if len(data) > limit:
        return Rejection(f"{source}:{locator}", too_large(limit))
    try:
        text, encoding = decode_html(data, charset) if kind == "html" else decode_text(data)
    except UnreadableInput as error:
        return Rejection(f"{source}:{locator}", str(error))
    url = record.rec_headers.get_header("WARC-Target-URI")
    return RawDocument(
        source_path=source,
        content=text,
        format=kind,
        locator=locator,
        url=url,
        encoding=encoding,
    )


def _check_is_warc(stream: BinaryIO) -> None:
    """Raise UnreadableInput unless the (possibly gzipped) file begins with a WARC header."""
    head = stream.read(64)
    if not head.strip():
        raise UnreadableInput("empty file")
    if head.startswith(GZIP_MAGIC):
        stream.seek(0)
        try:
            head = gzip.GzipFile(fileobj=stream).read(64)
        except (OSError, EOFError, zlib.error):
            head = b""
    stream.seek(0)
    if not head.lstrip().startswith(b"WARC/"):
        raise UnreadableInput("not a WARC archive (it does not begin with a WARC/1.x header)")


def _damage(record, records: _Records, errors_before: int) -> str | None:
    """What is wrong with a record read to its end, if anything."""
    owed = record.raw_stream.limit
    if owed:
        return (
            f"cut short: the file ends {owed} bytes before the record's end"
            f" (Content-Length {record.length})"
        )
    if records.err_count > errors_before:
        return "the record does not end where its Content-Length says"
    return None


@reader(".warc", ".warc.gz")
def read_warc(path: Path) -> Iterator[RawDocument | Rejection]:
    limit = document_limit()
    source = name_of(path)
    number = named = 0  # records, and documents or rejections yielded
    with path.open("rb") as stream:
        _check_is_warc(stream)
        records = _Records(stream)
        offset = records.offset
        try:
            for number, record in enumerate(records, start=1):
                offset = records.offset
                where = f"{source}:record {number}"
                length = record.rec_headers.get_header("Content-Length") or ""
                if not length.strip().isdigit():
                    yield Rejection(
                        where,
                        f"no valid Content-Length in the record at byte offset {offset}:"
                        " the archive cannot be read past it",
                    )
                    return
                errors_before = records.err_count
                document = _document(record, source, f"record {number}", limit)
                records.read_to_end()  # the record's end is where its length can be checked
                damage = _damage(record, records, errors_before)
                if damage:
                    document = Rejection(where, f"{damage}, at byte offset {offset}")
                if document is not None:
                    named += 1
                    yield document
            offset = records.offset
        except (
            ArchiveLoadFailed,
            ValueError,
            OSError,
            EOFError,
            AttributeError,
            TypeError,
            zlib.error,
        ) as error:
            # warcio raises whatever its parser trips on in a damaged header; the records read
            # so far stand, and nothing after the damage can be located reliably.
            yield Rejection(
                f"{source}:record {number + 1}",
                f"damaged archive from here on: the record at byte offset {records.offset}"
                f" cannot be read ({type(error).__name__}: {error})",
            )
            return
        size = path.stat().st_size
    if offset < size:
        yield Rejection(
            f"{source}:record {number + 1}",
            f"cut short: the file ends inside the record's header (byte offset {offset} of {size})",
        )
    elif named == 0:
        yield Rejection(source, f"no HTML or text page among its {number} records")
