"""The WARC reader: one document per HTML/text response, skips the rest, survives damage."""

from __future__ import annotations

import gzip
from io import BytesIO
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from quotetrail.read import iter_documents
from quotetrail.read.registry import LIMIT_VARIABLE, too_large
from quotetrail.records import RawDocument, Rejection

HTML = "<html><body><p>“We will talk,” the envoy said in Kabul on Monday.</p></body></html>"


def _write_warc(path: Path, compress: bool) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=compress)
        writer.write_record(
            writer.create_warc_record(
                "https://www.rt.com/news/1/", "request", payload=BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            )
        )
        records = [
            (
                "https://www.rt.com/news/1/",
                "200 OK",
                "text/html; charset=utf-8",
                HTML.encode("utf-8"),
            ),
            ("https://www.rt.com/logo.png", "200 OK", "image/png", b"\x89PNG\r\n"),
            ("https://www.rt.com/gone/", "404 Not Found", "text/html", b"<p>missing</p>"),
            (
                "https://tass.com/x",
                "200 OK",
                "text/html; charset=windows-1251",
                "<p>Москва заявила</p>".encode("cp1251"),
            ),
        ]
        for url, status, content_type, payload in records:
            headers = StatusAndHeaders(
                status, [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=BytesIO(payload), http_headers=headers
                )
            )


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_yields_page_responses_with_url_and_record(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    _write_warc(path, compress=name.endswith(".gz"))
    documents = list(iter_documents([path]))
    assert all(isinstance(d, RawDocument) for d in documents)
    assert [d.url for d in documents] == ["https://www.rt.com/news/1/", "https://tass.com/x"]
    assert [d.locator for d in documents] == ["record 2", "record 5"]
    assert documents[0].format == "html" and "envoy said" in documents[0].content
    assert "Москва заявила" in documents[1].content


def test_warc_damaged_archive_ends_with_rejection(tmp_path: Path) -> None:
    good = tmp_path / "good.warc"
    _write_warc(good, compress=False)
    damaged = tmp_path / "damaged.warc"
    damaged.write_bytes(
        good.read_bytes()[:-400] + b"WARC/1.0\r\nnot a header at all\r\n\r\n" + b"\x00" * 50
    )
    results = list(iter_documents([damaged]))
    assert isinstance(results[0], RawDocument)
    assert isinstance(results[-1], Rejection)
    assert "record" in results[-1].source


def _record_offsets(path: Path) -> list[int]:
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        return [records.offset for _ in records]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
@pytest.mark.parametrize(
    ("into_last", "reason"),
    [
        (0.5, "cut short: the file ends inside the record's header"),
        (0.9, "cut short: the file ends"),
    ],
)
def test_warc_cut_record_is_named_and_whole_records_kept(
    tmp_path: Path, name: str, into_last: float, reason: str
) -> None:
    whole = tmp_path / f"whole-{name}"
    _write_warc(whole, compress=name.endswith(".gz"))
    last = _record_offsets(whole)[-1]
    data = whole.read_bytes()
    path = tmp_path / name
    path.write_bytes(data[: last + int((len(data) - last) * into_last)])
    *documents, cut = iter_documents([path])
    assert [d.url for d in documents] == ["https://www.rt.com/news/1/"]
    assert isinstance(cut, Rejection) and cut.source == f"{path}:record 5"
    assert cut.reason.startswith(reason)
    assert f"byte offset {last}" in cut.reason


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"hello world, this is text\n" * 10, "not a WARC archive"),
        (bytes(range(256)) * 4, "not a WARC archive"),
        (gzip.compress(b"<html><p>A page, gzipped.</p></html>"), "not a WARC archive"),
        (b"\x1f\x8b\x08 and then no gzip at all", "not a WARC archive"),
    ],
)
def test_warc_file_that_is_no_archive_is_named(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data)
    [rejection] = iter_documents([path])
    assert rejection.source == str(path) and rejection.reason.startswith(reason)


def test_warc_without_pages_is_named(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        writer.write_record(
            writer.create_warc_record("https://a.org/", "request", payload=BytesIO(b"GET /"))
        )
    [rejection] = iter_documents([path])
    assert rejection == Rejection(str(path), "no HTML or text page among its 1 records")


def test_warc_record_with_a_wrong_length_is_named(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc"
    _write_warc(whole, compress=False)
    data = whole.read_bytes()
    path = tmp_path / "crawl.warc"
    path.write_bytes(data.replace(b"Content-Length: 146", b"Content-Length: 140", 1))
    wrong, after = iter_documents([path])
    assert wrong == Rejection(
        f"{path}:record 2",
        "the record does not end where its Content-Length says, at byte offset "
        f"{_record_offsets(whole)[1]}",
    )
    assert isinstance(after, RawDocument) and after.url == "https://tass.com/x"


def test_warc_page_over_the_document_limit_is_rejected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(LIMIT_VARIABLE, "40")
    path = tmp_path / "crawl.warc"
    _write_warc(path, compress=False)
    big, small = iter_documents([path])
    assert big == Rejection(f"{path}:record 2", too_large(40))
    assert isinstance(small, RawDocument) and small.url == "https://tass.com/x"
