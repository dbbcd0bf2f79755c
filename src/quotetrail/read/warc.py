"""WARC and WARC.gz archives: each HTML (or plain-text) response record is one document.

warcio streams the archive record by record, so a 10 GB crawl is never in memory; a record's
payload is read only when it is a page, and capped. Records that are not pages (requests,
metadata, images, scripts) are skipped silently: they are not articles. A record that cannot be
decoded is a Rejection with its number; a damaged archive ends with one naming where.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from quotetrail.read.html import decode_html
from quotetrail.read.registry import UnreadableInput, name_of, reader
from quotetrail.read.text import decode_text
from quotetrail.records import RawDocument, Rejection

MAX_RECORD_BYTES = 20_000_000
PAGE_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}


def _content_type(record) -> tuple[str, str | None]:
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    value = headers.get_header("Content-Type") or ""
    media, _, params = value.partition(";")
    charset = params.split("charset=", 1)[1].strip(" \"'") if "charset=" in params else None
    return media.strip().lower(), charset


def _document(record, source: str, locator: str) -> RawDocument | Rejection | None:
    if record.rec_type not in ("response", "resource"):
        return None
    if record.http_headers is not None and not record.http_headers.get_statuscode().startswith("2"):
        return None
    media, charset = _content_type(record)
    kind = PAGE_TYPES.get(media)
    if kind is None:
        return None
    data = record.content_stream().read(MAX_RECORD_BYTES + 1)
    if len(data) > MAX_RECORD_BYTES:
        return Rejection(f"{source}:{locator}", f"larger than {MAX_RECORD_BYTES // 1_000_000} MB")
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


@reader(".warc", ".warc.gz")
def read_warc(path: Path) -> Iterator[RawDocument | Rejection]:
    number = 0
    source = name_of(path)
    with path.open("rb") as stream:
        try:
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                document = _document(record, source, f"record {number}")
                if document is not None:
                    yield document
        except (
            ArchiveLoadFailed,
            ValueError,
            OSError,
            EOFError,
            AttributeError,
            TypeError,
        ) as error:
            # warcio raises whatever its parser trips on in a damaged header; the records read
            # so far stand, and nothing after the damage can be located reliably.
            yield Rejection(
                f"{source}:record {number + 1}",
                f"damaged archive from here on: {type(error).__name__}: {error}",
            )
