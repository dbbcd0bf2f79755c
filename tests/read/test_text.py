"""The text reader: encodings detected, bad files rejected with a reason."""

from __future__ import annotations

import codecs
import gzip
from pathlib import Path

import pytest

from quotetrail.read import iter_documents
from quotetrail.read.registry import LIMIT_VARIABLE, too_large
from quotetrail.records import RawDocument, Rejection

SENTENCE = "“Naturally, we will not interfere,” said the minister in Moscow — café talks."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SENTENCE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "utf-8"),
        (SENTENCE.encode("utf-16"), "utf-16"),
        (SENTENCE.encode("cp1252"), None),
    ],
)
def test_text_decodes_common_encodings(tmp_path: Path, data: bytes, encoding: str | None) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    [document] = list(iter_documents([path]))
    assert isinstance(document, RawDocument)
    assert document.content.strip() == SENTENCE
    if encoding:
        assert document.encoding == encoding


def test_text_detects_cyrillic_legacy_encoding(tmp_path: Path) -> None:
    text = (
        "Министр иностранных дел заявил, что переговоры продолжатся на следующей неделе в Москве. "
        * 3
    )
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    [document] = list(iter_documents([path]))
    assert isinstance(document, RawDocument)
    assert "переговоры" in document.content


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\n ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Putin said “yes”".encode() + b" and \xff\xfe then", "invalid UTF-8"),
    ],
)
def test_text_rejects_bad_files_with_reason(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    [rejection] = list(iter_documents([path]))
    assert isinstance(rejection, Rejection)
    assert reason in rejection.reason
    assert rejection.source == str(path)


def test_text_reads_gzipped_dump(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(SENTENCE.encode("utf-8")))
    [document] = list(iter_documents([path]))
    assert isinstance(document, RawDocument) and document.content == SENTENCE


@pytest.mark.parametrize("name", ["big.txt", "big.txt.gz", "big.html", "big.html.gz"])
def test_text_file_over_the_document_limit_is_rejected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setenv(LIMIT_VARIABLE, "40")
    path = tmp_path / name
    data = (SENTENCE + " " + SENTENCE).encode("utf-8")
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    [rejection] = list(iter_documents([path]))
    assert rejection == Rejection(str(path), too_large(40))
