"""The local driver: each batch's results in input order, input read as it is processed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quotetrail.records import Batch, RawDocument
from quotetrail.scale.local import run_local


def batches(count: int) -> list[Batch]:
    return [
        Batch(
            [
                RawDocument(f"b{b}d{d}.txt", f"Minister {b}{d} said the talks went on.\n")
                for d in range(2)
            ]
        )
        for b in range(count)
    ]


@pytest.mark.parametrize("workers", [1, 2])
def test_local_yields_results_in_order(workers):
    results = list(run_local(batches(5), workers=workers))
    assert [[r.article.source_path for r in result] for result in results] == [
        [f"b{b}d{d}.txt" for d in range(2)] for b in range(5)
    ]


def test_local_reads_input_as_it_processes_it():
    read = []

    def source():
        for batch in batches(3):
            read.append(batch)
            yield batch

    results = run_local(source(), workers=1)
    next(results)
    assert len(read) == 1


ORPHAN = """
import multiprocessing, os, sys, time
from quotetrail.scale.local import watch_parent

def child(parent):
    watch_parent(parent, every=0.1)
    time.sleep(120)  # busy: a worker parsing reads no queue that would tell it the parent died

if __name__ == "__main__":
    process = multiprocessing.get_context("spawn").Process(target=child, args=(os.getpid(),))
    process.start()
    print(process.pid, flush=True)
    time.sleep(120)
"""


def test_local_workers_die_with_their_parent(tmp_path):
    """A parent killed outright (SIGKILL, no handler runs) takes its busy workers with it."""
    script = tmp_path / "orphan.py"
    script.write_text(ORPHAN, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    worker = int(parent.stdout.readline())
    time.sleep(0.5)  # the worker is up and watching
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 5
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = _alive(worker)
    if alive:
        os.kill(worker, signal.SIGKILL)
    assert not alive


def _alive(pid: int) -> bool:
    """True while `pid` runs (a zombie, dead but not yet reaped by init, counts as dead)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


class RecordingPool:
    """A stand-in for a caller's process pool: runs each batch at once and counts them."""

    def __init__(self) -> None:
        self.submitted = 0

    def submit(self, function, batch):
        from concurrent.futures import Future

        self.submitted += 1
        future: Future = Future()
        future.set_result(function(batch))
        return future


def test_local_one_worker_with_a_callers_pool_parses_in_the_pool():
    """The server keeps a pool even for one worker, so parsing never runs in the process that
    answers requests; run_local must use it rather than parse in place."""
    pool = RecordingPool()
    results = list(run_local(batches(3), workers=1, pool=pool))
    assert pool.submitted == 3
    assert [r[0].article.source_path for r in results] == ["b0d0.txt", "b1d0.txt", "b2d0.txt"]
