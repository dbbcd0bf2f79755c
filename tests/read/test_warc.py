"""The WARC reader: one document per HTML/text response, skips the rest, survives damage."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from quotetrail.read import iter_documents
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
