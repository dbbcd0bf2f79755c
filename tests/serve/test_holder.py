"""The note a server leaves beside the store it holds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quotetrail.serve.holder import Holder, note_path, read_note, remove_note, write_note


def test_holder_note_is_read_while_its_process_runs_and_removed_by_it(tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    holder = Holder(os.getpid(), "http://127.0.0.1:8000", str(tmp_path / "inbox"), True)
    write_note(db, holder)
    assert note_path(db) == tmp_path / "news.duckdb.serve.json"
    assert read_note(db) == holder
    remove_note(db)
    assert read_note(db) is None and not note_path(db).exists()


def test_holder_note_of_a_process_gone_is_ignored_and_kept(tmp_path: Path) -> None:
    """A server killed outright leaves its note; nobody believes it, nobody else removes it."""
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    db = tmp_path / "news.duckdb"
    write_note(db, Holder(int(gone.stdout), "http://127.0.0.1:8000"))
    assert read_note(db) is None
    remove_note(db)
    assert note_path(db).exists()


@pytest.mark.parametrize(
    "content",
    [
        "",
        "{",
        "[]",
        json.dumps({"pid": 0, "url": "x"}),
        json.dumps({"pid": -1, "url": "x"}),
        json.dumps({"pid": "1", "url": "x"}),
        json.dumps({"pid": 1, "port": 8000}),
    ],
)
def test_holder_note_that_is_not_one_is_ignored(tmp_path: Path, content: str) -> None:
    db = tmp_path / "news.duckdb"
    note_path(db).write_text(content, encoding="utf-8")
    assert read_note(db) is None
