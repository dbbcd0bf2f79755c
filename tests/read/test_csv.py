"""The CSV reader: header row, sniffed delimiter, detected encoding, bad rows named and skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotetrail.read import iter_documents
from quotetrail.records import RawDocument, Rejection


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        ('title,text,url\n"A, with comma","Body says “hi”.",https://a.org/1\n', "utf-8"),
        ("title;text;url\nA, with comma;Body says “hi”.;https://a.org/1\n", "utf-8"),
        ("title\ttext\turl\nA, with comma\tBody says “hi”.\thttps://a.org/1\n", "utf-8"),
        ('title,text,url\n"A, with comma","Body says “hi”.",https://a.org/1\n', "cp1252"),
    ],
)
def test_csv_reads_rows_in_any_dialect_and_encoding(
    tmp_path: Path, content: str, encoding: str
) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(content.encode(encoding))
    [document] = list(iter_documents([path]))
    assert isinstance(document, RawDocument)
    assert (document.title, document.content, document.url) == (
        "A, with comma",
        "Body says “hi”.",
        "https://a.org/1",
    )
    assert document.locator == "row 1"


def test_csv_row_without_text_is_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("title,text\nA,first body\nB,\nC,third body\n", encoding="utf-8")
    results = list(iter_documents([path]))
    assert [type(r).__name__ for r in results] == ["RawDocument", "Rejection", "RawDocument"]
    assert isinstance(results[1], Rejection) and results[1].source == f"{path}:row 2"


def test_csv_empty_file_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    [rejection] = list(iter_documents([path]))
    assert isinstance(rejection, Rejection) and "empty" in rejection.reason
