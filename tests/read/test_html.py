"""The HTML reader: decodes pages (plain or gzipped) for extraction at cleaning time."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from quotetrail.read import iter_documents
from quotetrail.read.html import decode_html
from quotetrail.records import RawDocument, Rejection

PAGE = (
    "<html><head><meta charset='{charset}'></head>"
    "<body><p>Žena řekla: „Ano.“ Crème brûlée.</p></body></html>"
)


@pytest.mark.parametrize("charset", ["utf-8", "windows-1250", "iso-8859-2"])
def test_html_decodes_declared_charset(charset: str) -> None:
    html = PAGE.format(charset=charset)
    text, _ = decode_html(html.encode(charset, errors="ignore"))
    assert "Žena řekla" in text


def test_html_prefers_header_charset() -> None:
    data = "<p>Привет, мир</p>".encode("koi8-r")
    text, encoding = decode_html(data, header_charset="koi8-r")
    assert text == "<p>Привет, мир</p>"
    assert encoding == "koi8-r"


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.html.gz"])
def test_html_reader_yields_html_documents(tmp_path: Path, name: str) -> None:
    data = PAGE.format(charset="utf-8").encode("utf-8")
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    [document] = list(iter_documents([path]))
    assert isinstance(document, RawDocument)
    assert document.format == "html"
    assert "Crème brûlée" in document.content


@pytest.mark.parametrize(("data", "reason"), [(b"", "empty"), (b"\x00\x01\x02<html>", "binary")])
def test_html_rejects_unreadable_pages(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.html"
    path.write_bytes(data)
    [rejection] = list(iter_documents([path]))
    assert isinstance(rejection, Rejection)
    assert reason in rejection.reason
