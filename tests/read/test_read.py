"""Reading files and folders: suffix dispatch, folders in a stable order, every rejection named."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotetrail.read import iter_documents, reader_for
from quotetrail.records import RawDocument, Rejection

MIXED = Path(__file__).resolve().parents[1] / "data" / "read" / "mixed"


def test_read_folder_reads_every_format() -> None:
    documents = list(iter_documents([MIXED]))
    assert all(isinstance(d, RawDocument) for d in documents)
    by_name = {Path(d.source_path).name: d for d in documents}
    assert set(by_name) == {"export.csv", "export.jsonl", "page.html", "story.txt"}
    assert by_name["page.html"].format == "html"
    assert by_name["export.jsonl"].url == "https://www.reuters.com/world/curfew"
    assert by_name["export.csv"].title == "Bridge closed"
    assert documents == list(iter_documents([MIXED]))


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("notes.pdf", b"%PDF-1.4", "unsupported file type '.pdf'"),
        ("README", b"text", "unsupported file type '(none)'"),
        ("empty.csv", b"", "empty file"),  # the reader's own reason
    ],
)
def test_read_unreadable_file_is_a_named_rejection(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    (rejection,) = iter_documents([path])
    assert isinstance(rejection, Rejection) and rejection.source == str(path)
    assert rejection.reason.startswith(reason) and rejection.reason


def test_read_missing_path_and_empty_folder_are_named(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "image.png").write_bytes(b"\x89PNG")
    missing, empty = iter_documents([tmp_path / "gone.txt", tmp_path / "empty"])
    assert missing == Rejection(str(tmp_path / "gone.txt"), "no such file or folder")
    assert empty.source == str(tmp_path / "empty")
    assert empty.reason.startswith("folder holds no readable file (known: ")


def test_read_folder_skips_hidden_and_unknown_files_and_keeps_going(tmp_path):
    (tmp_path / "b.txt").write_text("Second story.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First story.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    documents = list(iter_documents([tmp_path, tmp_path / "a.txt"]))
    assert [Path(d.source_path).name for d in documents] == ["a.txt", "b.txt", "a.txt"]


@pytest.mark.parametrize(
    ("name", "reader_module"),
    [
        ("story.txt", "quotetrail.read.text"),
        ("page.HTML", "quotetrail.read.html"),
        ("crawl.warc.gz", "quotetrail.read.warc"),
        ("export.jsonl", "quotetrail.read.jsonl"),
        ("export.csv", "quotetrail.read.csv"),
    ],
)
def test_read_suffix_picks_the_format_reader(name, reader_module):
    assert reader_for(Path(name)).__module__ == reader_module
