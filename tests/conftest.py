"""Shared fixtures: seed corpus, a fresh database per test, the parser, two earthquake stories."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "data" / "corpus" / "seeds"
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def nlp():
    """The shared pipeline, with line breaks as sentence starts, loaded once for the session."""
    from quotetrail.extract.segment import with_line_breaks
    from quotetrail.nlp import load_pipeline

    return with_line_breaks(load_pipeline())


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


HOLD = (
    "import duckdb, sys, time; db = duckdb.connect(sys.argv[1]); print(flush=True); time.sleep(120)"
)


@pytest.fixture
def hold_store() -> Iterator[Callable[[Path], int]]:
    """Another process holding a store file for writing, as a `quotetrail ingest` does; returns
    its process id. Ended with the test."""
    holders: list[subprocess.Popen] = []

    def hold(db: Path) -> int:
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLD, str(db)], stdout=subprocess.PIPE, text=True
        )
        holders.append(holder)
        assert holder.stdout is not None
        holder.stdout.readline()  # the file is held
        return holder.pid

    yield hold
    for holder in holders:
        holder.kill()
        holder.wait()


# Two earthquakes: the same event-type words, different places. Without the prior every word
# of a young stream is equally rare and the second quake joins the first (score 0.39 > 0.35).
QUAKES = [
    "Earthquake kills dozens in Aceh: Bireun and Takengon hit, Sumatra shaken.",
    "Earthquake kills dozens in Manokwari: Sorong and Biak hit, Papua shaken.",
    "Rescuers in Bireun and Takengon, Aceh, dig after the Sumatra earthquake.",
    "Rescuers in Sorong and Biak dig after the Manokwari earthquake in Papua.",
]


@pytest.fixture
def quakes() -> list[str]:
    return QUAKES


@dataclass
class Served:
    """One path of a `Site`: its body, status and headers; `delay` seconds before answering;
    the first `failures` requests answered 503."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    failures: int = 0


class Site:
    """A web site on 127.0.0.1 that a test lays out path by path, logging each request."""

    def __init__(self) -> None:
        self.paths: dict[str, Served] = {}
        self.requests: list[tuple[str, dict[str, str], float]] = []  # path, headers, time
        self.posted: list[tuple[str, bytes]] = []  # path, body
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.requests.append((self.path, dict(self.headers), time.monotonic()))
                served = site.paths.get(self.path, Served(b"not found", 404))
                time.sleep(served.delay)
                etag = served.headers.get("ETag")
                status = 304 if etag and self.headers.get("If-None-Match") == etag else None
                if len(site.asked(self.path)) <= served.failures:
                    status = 503
                self.send_response(status or served.status)
                for name, value in served.headers.items():
                    self.send_header(name, value)
                body = b"" if status else served.body
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(OSError):  # a client that gave up
                    self.wfile.write(body)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                site.posted.append((self.path, self.rfile.read(length)))
                self.do_GET()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        self.root = f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.root + path

    def add(
        self,
        path: str,
        body: str | bytes,
        content_type: str = "text/html; charset=utf-8",
        **options: Any,
    ) -> str:
        """Serve `body` at `path`; returns its URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        served = Served(data, **options)
        served.headers.setdefault("Content-Type", content_type)
        self.paths[path] = served
        return self.url(path)

    def asked(self, path: str) -> list[dict[str, str]]:
        """The headers of each request for `path`."""
        return [headers for asked, headers, _ in self.requests if asked == path]


@pytest.fixture
def site() -> Iterator[Site]:
    """A local web site (robots.txt: 404 unless the test serves one)."""
    served = Site()
    yield served
    served.server.shutdown()
    served.server.server_close()
