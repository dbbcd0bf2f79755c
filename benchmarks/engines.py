"""Articles per second of a whole ingest by engine and worker count, side by side on the same
articles: the local driver with 1 and N worker processes, and Ray on a local instance — and,
beside them, the machine's own ceiling: the bare parse (`nlp.pipe`, no quotetrail stage) in one
process over all the articles against N such processes at once, each over a 1/N share.

    .venv/bin/python benchmarks/engines.py [--runs 3] [--workers 2] [FOLDER_OF_TXT ...]

Each run is a whole `quotetrail ingest` process into a fresh store (Ray's start-up is part of
its cost, as it is for a user); runs alternate between the set-ups so that a change in the
machine's load falls on all of them. Prints one JSON object: for each set-up the median wall
seconds and articles per second, and each one's speed-up over one local worker; the bare
parse's speed-up (`bare-N` over `bare-1`) is what N workers could reach here if nothing but the
parse ran — on a shared or hyperthreaded machine it is under N. Defaults to the same 138
articles as `ingest_overhead.py`.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ingest_overhead import BARE_PARSE, article_files


def wall_seconds(*commands: list[str]) -> float:
    """Wall seconds until every one of `commands`, started together, has finished."""
    started = time.perf_counter()
    running = [
        subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for command in commands
    ]
    for process, command in zip(running, commands, strict=True):
        if process.wait() != 0:
            raise subprocess.CalledProcessError(process.returncode, command)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    files = article_files(args.folders)
    quotetrail = str(Path(sys.executable).with_name("quotetrail"))
    setups = {
        "local-1": ["--engine", "local", "--workers", "1"],
        f"local-{args.workers}": ["--engine", "local", "--workers", str(args.workers)],
        "ray": ["--engine", "ray"],
    }
    bare_n = f"bare-{args.workers}"
    bare = [sys.executable, "-c", BARE_PARSE]
    shares = [bare + files[worker :: args.workers] for worker in range(args.workers)]
    seconds: dict[str, list[float]] = {name: [] for name in (*setups, "bare-1", bare_n)}
    with tempfile.TemporaryDirectory() as scratch:
        for run in range(args.runs):
            for name, options in setups.items():
                store = Path(scratch) / f"{name}-{run}.duckdb"
                seconds[name].append(
                    wall_seconds([quotetrail, "ingest", *files, "--db", str(store), *options])
                )
            seconds["bare-1"].append(wall_seconds(bare + files))
            seconds[bare_n].append(wall_seconds(*shares))
    baseline = statistics.median(seconds["local-1"])
    print(
        json.dumps(
            {
                "articles": len(files),
                "runs": args.runs,
                **{
                    name: {
                        "wall_s": round(statistics.median(times), 2),
                        "articles_per_s": round(len(files) / statistics.median(times), 2),
                        "speedup": round(baseline / statistics.median(times), 3),
                        "spread_s": [round(min(times), 2), round(max(times), 2)],
                    }
                    for name, times in seconds.items()
                },
                "bare_speedup": round(
                    statistics.median(seconds["bare-1"]) / statistics.median(seconds[bare_n]), 3
                ),
            }
        )
    )


if __name__ == "__main__":
    main()
