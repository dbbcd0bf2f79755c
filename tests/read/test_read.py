"""Reading files and folders: suffix dispatch, folders in a stable order, every rejection named."""

from __future__ import annotations

import errno
import gzip
import os
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


def test_read_name_not_in_utf8_is_read_and_named_printably(tmp_path):
    (tmp_path / "a.txt").write_text("A good story.", encoding="utf-8")
    odd = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(odd, "wb") as handle:
        handle.write(b"A story in a file whose name is Latin-1.")
    documents = list(iter_documents([tmp_path]))
    assert [d.source_path for d in documents] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "caf\\xe9.txt"),
    ]


@pytest.fixture
def deny(tmp_path, monkeypatch):
    """Make folders unreadable: chmod 000, or, for root (whom chmod does not stop), an
    `os.scandir` and `os.stat` that answer as the kernel would to anyone else."""
    denied: list[Path] = []

    def refuse(path) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    if os.geteuid() == 0:
        scandir, stat = os.scandir, os.stat

        def guarded_scandir(path="."):
            if Path(os.fsdecode(path)) in denied:
                refuse(path)
            return scandir(path)

        def guarded_stat(path, *args, **kwargs):
            if any(folder in Path(os.fsdecode(path)).parents for folder in denied):
                refuse(path)
            return stat(path, *args, **kwargs)

        monkeypatch.setattr(os, "scandir", guarded_scandir)
        monkeypatch.setattr(os, "stat", guarded_stat)
    yield lambda folder: (denied.append(folder), folder.chmod(0))
    for folder in denied:
        folder.chmod(0o755)


def test_read_unreadable_folder_inside_a_folder_is_named(tmp_path, deny):
    (tmp_path / "a.txt").write_text("A good story.", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text("A locked story.", encoding="utf-8")
    deny(tmp_path / "locked")
    document, rejection = iter_documents([tmp_path])
    assert isinstance(document, RawDocument) and document.source_path == str(tmp_path / "a.txt")
    assert rejection == Rejection(str(tmp_path / "locked"), "permission denied")


def test_read_unreadable_path_given_is_named_and_the_rest_read(tmp_path, deny):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text("A locked story.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A good story.", encoding="utf-8")
    deny(tmp_path / "locked")
    inside, folder, readable = iter_documents(
        [tmp_path / "locked" / "b.txt", tmp_path / "locked", tmp_path / "a.txt"]
    )
    assert inside == Rejection(str(tmp_path / "locked" / "b.txt"), "permission denied")
    assert folder == Rejection(str(tmp_path / "locked"), "permission denied")
    assert isinstance(readable, RawDocument)


def test_read_pipe_is_named_not_waited_on(tmp_path):
    os.mkfifo(tmp_path / "feed.txt")
    (tmp_path / "a.txt").write_text("A good story.", encoding="utf-8")
    document, pipe = iter_documents([tmp_path / "a.txt", tmp_path / "feed.txt"])
    assert isinstance(document, RawDocument)
    assert pipe == Rejection(str(tmp_path / "feed.txt"), "not a regular file")


@pytest.mark.parametrize("name", ["a.txt.gz", "a.jsonl.gz", "a.html.gz"])
@pytest.mark.parametrize("damage", ["cut", "corrupt"])
def test_read_damaged_gzip_is_named(tmp_path, name, damage):
    data = gzip.compress(b'{"text": "A story."}\n' * 200)
    path = tmp_path / name
    path.write_bytes(data[: len(data) // 2] if damage == "cut" else data[:12] + b"\xff" * 20)
    rejection = list(iter_documents([path]))[-1]
    assert rejection.source == str(path)
    assert rejection.reason.startswith("damaged or cut-short compressed data")
