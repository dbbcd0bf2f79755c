"""The CSV reader: header row, sniffed delimiter, detected encoding, bad rows named and skipped."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from quotetrail.read import iter_documents
from quotetrail.read.registry import LIMIT_VARIABLE, too_large
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


QUOTED_ROWS = [
    ["title", "text", "published", "url"],
    [
        'He said "no"',
        'The minister said: "We will not go." Then\nhe left, "quickly"; "at once".',
        "2021-08-20",
        "https://a.org/1",
    ],
    ["Plain", "A plain body, with a comma.", "2021-08-21", "https://a.org/2"],
]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_doubled_quotes_and_line_breaks_inside_fields(tmp_path: Path, delimiter: str) -> None:
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(QUOTED_ROWS)
    documents = list(iter_documents([path]))
    assert [(d.title, d.content, d.published, d.url) for d in documents] == [
        tuple(row) for row in QUOTED_ROWS[1:]
    ]
    assert [d.locator for d in documents] == ["row 1", "row 2"]


def test_csv_row_with_extra_columns_is_rejected_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("title,text\nA,body one\nB,body two,extra,more\nC,body three\n", "utf-8")
    first, extra, third = iter_documents([path])
    assert (first.content, third.content) == ("body one", "body three")
    assert extra == Rejection(f"{path}:row 2", "4 fields where the header names 2")


def test_csv_first_record_longer_than_the_sample(tmp_path: Path) -> None:
    body = 'He said, "yes", and; then\n"no".\n' * 4000  # 130 KB, past the 64 KB sample
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([["title", "text"], ["A", body], ["B", "b"]])
    documents = list(iter_documents([path]))
    assert [(d.title, d.content) for d in documents] == [("A", body.strip()), ("B", "b")]


def test_csv_row_over_the_document_limit_is_rejected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(LIMIT_VARIABLE, "100")
    path = tmp_path / "export.csv"
    path.write_text(f"title,text\nA,body one\nB,{'x' * 101}\nC,body three\n", "utf-8")
    first, big, third = iter_documents([path])
    assert big == Rejection(f"{path}:row 2", too_large(100))
    assert (first.content, third.content) == ("body one", "body three")


def test_csv_header_without_rows_is_named(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("title,text\n", "utf-8")
    assert list(iter_documents([path])) == [Rejection(str(path), "no rows after the header")]
