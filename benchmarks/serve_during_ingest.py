"""The API keeps answering while the server ingests (issue 19: every request of a 22-second
ingest got 503).

Serves a store holding the seed corpus with `quotetrail serve --watch INBOX`, polls API
endpoints and pages from a few client threads, first with nothing to ingest (the baseline),
then while `--articles` synthetic articles (`ingest_memory.synthetic_article`, ~400 words each)
are moved into the inbox and ingested, then again with nothing to ingest (after: the same
queries over the grown store, to tell what the ingest costs from what the store's size does);
reports the latency percentiles and status codes of each phase, and how long the ingest took.
The target: p95 under 1 s and no 5xx during the ingest.

    .venv/bin/python benchmarks/serve_during_ingest.py --articles 1000 --workers 1
"""

from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

from ingest_memory import write_corpus

SEEDS = Path(__file__).resolve().parents[1] / "data" / "corpus" / "seeds"
ENDPOINTS = [
    "/api/v1/summary",
    "/api/v1/articles?limit=50",
    "/api/v1/statements?limit=50",
    "/api/v1/statements?speaker=Petrova&limit=20",
    "/api/v1/search/statements?q=talks&limit=20",
    "/api/v1/positions?actor=Russia&target=trade",
    "/api/v1/stories?limit=20",
    "/api/v1/entities?limit=50",
    "/",
    "/stories",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str) -> tuple[int, float]:
    """(status, seconds) of one GET; a refused or broken connection is status 0."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError:
        status = 0
    return status, time.perf_counter() - started


def articles(base: str) -> int:
    with urllib.request.urlopen(base + "/api/v1/summary", timeout=60) as response:
        return json.load(response)["articles"]


def poll(base: str, clients: int, until: threading.Event) -> list[tuple[str, int, float]]:
    """Each client GETs the endpoints in turn until `until` is set."""
    results: list[tuple[str, int, float]] = []

    def client(offset: int) -> None:
        number = offset
        while not until.is_set():
            path = ENDPOINTS[number % len(ENDPOINTS)]
            results.append((path, *get(base + path)))
            number += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))], 3)


def report(results: list[tuple[str, int, float]]) -> dict[str, object]:
    seconds = [latency for _, _, latency in results]
    return {
        "requests": len(results),
        "p50_s": percentile(seconds, 0.5),
        "p95_s": percentile(seconds, 0.95),
        "max_s": round(max(seconds), 3),
        "statuses": dict(Counter(status for _, status, _ in results)),
        "5xx": sum(1 for _, status, _ in results if status >= 500 or status == 0),
        "p95_by_endpoint_s": {
            path: percentile([s for p, _, s in results if p == path], 0.95) for path in ENDPOINTS
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=1000, help="synthetic articles ingested")
    parser.add_argument("--workers", type=int, default=1, help="the server's ingest processes")
    parser.add_argument("--clients", type=int, default=2, help="threads polling the server")
    parser.add_argument(
        "--baseline", type=float, default=15, help="seconds polled before and after"
    )
    args = parser.parse_args()
    command = [sys.executable, "-m", "quotetrail"]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        db, inbox = root / "served.duckdb", root / "inbox"
        inbox.mkdir()
        write_corpus(root / "corpus", args.articles, seed=args.articles)
        subprocess.run(
            [*command, "ingest", str(SEEDS), "--db", str(db), "--workers", "1"],
            check=True,
            capture_output=True,
        )
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [
                *command,
                "serve",
                "--db",
                str(db),
                "--port",
                str(port),
                "--watch",
                str(inbox),
                "--workers",
                str(args.workers),
            ],
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            while get(base + "/api/v1/summary")[0] != 200:
                time.sleep(0.2)
            done = threading.Event()
            timer = threading.Timer(args.baseline, done.set)
            timer.start()
            baseline = poll(base, args.clients, done)
            expected = articles(base) + args.articles
            done = threading.Event()
            during: list[tuple[str, int, float]] = []
            polling = threading.Thread(target=lambda: during.extend(poll(base, args.clients, done)))
            polling.start()
            started = time.perf_counter()
            (root / "corpus").rename(inbox / "corpus")  # arrives whole: one rename
            while articles(base) < expected:
                time.sleep(0.5)
            ingest_seconds = time.perf_counter() - started
            done.set()
            polling.join()
            done = threading.Event()
            timer = threading.Timer(args.baseline, done.set)
            timer.start()
            after = poll(base, args.clients, done)
        finally:
            server.terminate()
            _, log = server.communicate(timeout=60)
    print(
        json.dumps(
            {
                "articles": args.articles,
                "workers": args.workers,
                "clients": args.clients,
                "ingest_seconds": round(ingest_seconds, 1),
                "baseline": report(baseline),
                "during_ingest": report(during),
                "after": report(after),
                "server_log": log.strip().splitlines()[-3:],
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
