"""Ingest memory stays flat as the corpus grows.

Writes synthetic articles (varied names, places, quotes and boilerplate, ~400 words each) into a
temporary folder, ingests a small corpus (the baseline) and one `--scale` times larger, each in a
fresh process, and reports peak resident memory and throughput of the larger run as ratios
against the baseline. Flat memory means a peak-RSS ratio near 1.0 however large the scale.

    .venv/bin/python benchmarks/ingest_memory.py --base 100 --scale 10 --workers 1
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIRST = ["Anna", "Sergei", "Maria", "Ahmed", "John", "Li", "Fatima", "Oleg", "Elena", "Karim"]
LAST = [
    "Petrova",
    "Ivanov",
    "Khan",
    "Smith",
    "Wei",
    "Haidari",
    "Morozov",
    "Novak",
    "Rahimi",
    "Brown",
]
ROLES = [
    "Foreign Minister",
    "Defence Minister",
    "spokesperson",
    "Ambassador",
    "Deputy Prime Minister",
]
PLACES = ["Russia", "China", "Pakistan", "Iran", "India", "Kazakhstan", "Uzbekistan", "Turkey"]
TOPICS = ["trade", "security", "the border", "energy", "refugees", "sanctions", "the talks", "aid"]
VERBS = ["said", "told reporters", "stressed", "noted", "warned", "added"]


def synthetic_article(rng: random.Random, number: int) -> str:
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    place, other, topic = rng.choice(PLACES), rng.choice(PLACES), rng.choice(TOPICS)
    lines = [f"{place} and {other} discuss {topic} (report {number})", ""]
    for paragraph in range(8):
        role, verb, meetings = rng.choice(ROLES), rng.choice(VERBS), rng.randint(2, 40)
        lines.append(
            f"{place}'s {role} {person} {verb} on Monday that {topic} with {other} would be"
            f" discussed again in round {paragraph + number % 7}, and that officials met"
            f" {meetings} times."
        )
        lines.append("")
        surname = person.split()[1]
        lines.append(
            f"\u201cWe will keep working on {topic} with our partners in {other},\u201d"
            f" {surname} said."
        )
        lines.append("")
    lines.append("If you like this story, share it with a friend!")
    return "\n".join(lines)


def write_corpus(folder: Path, count: int, seed: int) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for number in range(count):
        (folder / f"{number:07d}.txt").write_text(synthetic_article(rng, number), encoding="utf-8")


def measure(corpus: Path, db: Path, workers: int) -> dict[str, float]:
    """Ingest in a child process; returns its wall time and peak RSS (MiB)."""
    code = (
        "import resource\n"
        "from quotetrail.ingest import ingest\n"
        "from quotetrail.store import Store\n"
        "from quotetrail.scale import make_driver\n"
        f"s = Store({str(db)!r})\n"
        f"summary = ingest([{str(corpus)!r}], s, driver=make_driver('local', {workers}))\n"
        "s.close()\n"
        "print(summary.stored, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,"
        " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    started = time.perf_counter()
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    seconds = time.perf_counter() - started
    stored, own_kib, children_kib = int(output[0]), int(output[1]), int(output[2])
    return {
        "articles": stored,
        "seconds": seconds,
        "peak_rss_mib": max(own_kib, children_kib) / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--base", type=int, default=100, help="articles in the baseline corpus")
    parser.add_argument(
        "--scale", type=int, default=10, help="the large corpus is this many times the baseline"
    )
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        runs = {}
        for name, count in (("baseline", args.base), ("large", args.base * args.scale)):
            write_corpus(root / name, count, seed=count)
            runs[name] = measure(root / name, root / f"{name}.duckdb", args.workers)
            runs[name]["articles_per_second"] = runs[name]["articles"] / runs[name]["seconds"]
    report = {
        **runs,
        "peak_rss_ratio": runs["large"]["peak_rss_mib"] / runs["baseline"]["peak_rss_mib"],
        "throughput_ratio": runs["large"]["articles_per_second"]
        / runs["baseline"]["articles_per_second"],
        "corpus_ratio": args.scale,
        "workers": args.workers,
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
