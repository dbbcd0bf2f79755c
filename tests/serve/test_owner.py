"""The store the server owns: readers beside one writer, the watched folder, and `serve --watch`
answering every request while it ingests (issue 19: every request of a 22-second ingest got 503)."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from quotetrail.ingest import IngestSummary
from quotetrail.serve.holder import note_path
from quotetrail.serve.owner import Remembered, StoreOwner
from quotetrail.store import Store


def _until(done: Callable[[], bool], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not done():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_owner_remembers_a_result_until_the_store_commits(tmp_path: Path) -> None:
    owner = StoreOwner(tmp_path / "news.duckdb", writable=True)
    reader, writer = owner.cursor(), owner.cursor()
    worked: list[str] = []

    def work_out(key: str) -> Callable[[], str]:
        return lambda: worked.append(key) or f"{key}#{len(worked)}"

    remembered = owner.remembered
    assert remembered.get(reader, "a", work_out("a")) == "a#1"
    assert remembered.get(reader, "a", work_out("a")) == "a#1"  # kept: not worked out again
    with writer.transaction():
        writer.save_state("batch", 1)
    assert remembered.get(reader, "a", work_out("a")) == "a#2"  # the store moved on
    with pytest.raises(RuntimeError), writer.transaction():
        writer.save_state("batch", 2)
        raise RuntimeError("rolled back")
    assert remembered.get(reader, "a", work_out("a")) == "a#2"
    assert worked == ["a", "a"]
    for cursor in (reader, writer):
        cursor.close()
    owner.close()


def test_owner_remembers_the_latest_asked_for(tmp_path: Path) -> None:
    with Store(tmp_path / "news.duckdb") as store:
        remembered = Remembered(size=2)
        for key in ("a", "b", "a", "c"):  # "b" is the least recently asked for when "c" comes
            remembered.get(store, key, lambda key=key: key.upper())
        asked_again = [key for key in "acb" if remembered.get(store, key, lambda: "new") == "new"]
        assert asked_again == ["b"]


def test_owner_readers_see_a_write_whole_or_not_at_all(tmp_path: Path) -> None:
    owner = StoreOwner(tmp_path / "news.duckdb", writable=True)
    writer, reader = owner.cursor(), owner.cursor()
    with writer.transaction():
        writer.save_state("batch", 1)
        assert reader.load_state("batch") is None  # not committed: not seen, not waited for
    assert reader.load_state("batch") == 1
    writer.close()
    reader.close()
    owner.close()


def test_owner_watch_ingests_each_steady_file_once(tmp_path: Path, seeds_dir: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    first, second = sorted(seeds_dir.iterdir())[:2]
    shutil.copy(first, inbox / "first.txt")
    (inbox / ".second.txt").write_text("a file still being copied in", encoding="utf-8")
    (inbox / "notes.bin").write_bytes(b"\x00")  # no reader for it: not tried
    owner = StoreOwner(tmp_path / "news.duckdb", writable=True)
    summaries: list[IngestSummary] = []
    watching = threading.Thread(target=owner.watch, args=(inbox, 0.05, summaries.append))
    watching.start()
    _until(lambda: len(summaries) == 1)
    shutil.copy(second, inbox / "second.txt")
    _until(lambda: len(summaries) == 2)
    time.sleep(0.5)  # more looks: nothing new
    owner.close()
    watching.join(10)
    assert [(s.documents, s.stored, len(s.rejected)) for s in summaries] == [(1, 1, 0), (1, 1, 0)]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _up(base: str, server: subprocess.Popen) -> bool:
    assert server.poll() is None, "serve exited"
    try:
        return _status(base + "/api/v1/summary") == 200
    except OSError:  # not listening yet
        return False


def _articles(base: str) -> int:
    with urllib.request.urlopen(base + "/api/v1/summary", timeout=30) as response:
        return json.load(response)["articles"]


def test_owner_serve_watch_answers_every_request_while_it_ingests(
    tmp_path: Path, seeds_dir: Path
) -> None:
    db, inbox = tmp_path / "news.duckdb", tmp_path / "inbox"
    inbox.mkdir()
    Store(db).close()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "quotetrail"]
    server = subprocess.Popen(
        [*command, "serve", "--db", str(db), "--port", str(port), "--watch", str(inbox)],
        stderr=subprocess.PIPE,
        text=True,
    )
    statuses: list[int] = []
    stop = threading.Event()

    def poll() -> None:
        while not stop.is_set():
            for path in ("/api/v1/summary", "/api/v1/statements?limit=5", "/", "/stories"):
                statuses.append(_status(base + path))

    try:
        _until(lambda: _up(base, server))
        polling = threading.Thread(target=poll)
        polling.start()
        shutil.copytree(seeds_dir, inbox / "seeds")
        ingest = subprocess.run(
            [*command, "ingest", str(seeds_dir), "--db", str(db)],
            capture_output=True,
            text=True,
            check=False,
        )
        _until(lambda: _articles(base) == 5)
        stop.set()
        polling.join()
    finally:
        stop.set()
        server.terminate()
        _, log = server.communicate(timeout=30)
    assert ingest.returncode == 2
    assert f"held by `quotetrail serve` (process {server.pid}, {base})" in ingest.stderr
    assert f"move the files into {inbox}, which it ingests" in ingest.stderr
    assert "lock" not in ingest.stderr.lower() and "PID" not in ingest.stderr
    assert len(statuses) > 8 and set(statuses) == {200}, log
    assert "5 articles stored" in log
    assert not note_path(db).exists(), log


def test_owner_runs_a_watch_beside_the_server_until_it_stops(tmp_path: Path) -> None:
    """`serve --watch-config`: the watch runs in a thread of its own while requests are
    answered, with a writable store, and ends when the server does."""
    from fastapi.testclient import TestClient

    from quotetrail.serve.api import create_app

    db = tmp_path / "news.duckdb"
    Store(db).close()
    seen: list[StoreOwner] = []
    ended = threading.Event()

    def follow(owner: StoreOwner) -> Callable[[], None]:
        seen.append(owner)

        def run() -> None:
            with owner.cursor() as store:  # the watch writes beside the readers
                store.save_state("watch", {"polled": 1})
            while not owner.stopped(0.05):
                pass
            ended.set()

        return run

    with TestClient(create_app(db, follow=follow)) as client:
        _until(lambda: client.get("/api/v1/summary").status_code == 200, 10)
        assert seen[0].writable
        assert not ended.is_set()
    assert ended.wait(5)
    with Store(db, read_only=True) as store:
        assert store.load_state("watch") == {"polled": 1}
