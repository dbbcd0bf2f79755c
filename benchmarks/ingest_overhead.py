"""What the whole ingest costs beside the parse it cannot avoid: CPU seconds of
`quotetrail ingest --workers N` / CPU seconds of a bare `nlp.pipe` over the same texts.

    .venv/bin/python benchmarks/ingest_overhead.py [--runs 3] [--workers 1] [FOLDER_OF_TXT ...]

Both sides are whole processes started the same way (interpreter start, imports and the model's
load included on both), run alternately, and measured by the CPU time the operating system
charges them and their children (user + system), so another load on the machine changes their
wall time but hardly their CPU time. Each ingest writes a fresh store. Prints one JSON object:
the median of each side, the ratio of the medians, and the ratios' spread over the runs; the
issue-20 budget is a ratio of at most 1.3 with one worker. Defaults to the seed corpus plus the
ggt-dev raw texts and the PolNeAR dev texts when ../shared/data is present (138 articles).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data" / "quotes"
DEFAULT_FOLDERS = (
    REPO / "data" / "corpus" / "seeds",
    SHARED / "ggt-dev" / "rawtext",
    SHARED / "polnear-dev" / "dev" / "text",
)
BARE_PARSE = """
import sys
from pathlib import Path
from quotetrail.nlp import load_pipeline
texts = [Path(p).read_text(encoding="utf-8", errors="replace") for p in sys.argv[1:]]
for _ in load_pipeline().pipe(texts, batch_size=16):
    pass
"""


def article_files(folders: list[Path]) -> list[str]:
    """The .txt articles of `folders` (the defaults when none is given), sorted."""
    chosen = [folder for folder in folders or DEFAULT_FOLDERS if folder.is_dir()]
    return sorted(str(path) for folder in chosen for path in folder.glob("*.txt"))


def child_cpu_seconds(command: list[str]) -> float:
    """User + system CPU seconds of `command` and everything it started."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    files = article_files(args.folders)
    python = sys.executable
    quotetrail = str(Path(python).with_name("quotetrail"))
    ingest_times, parse_times = [], []
    with tempfile.TemporaryDirectory() as scratch:
        for run in range(args.runs):
            store = Path(scratch) / f"run{run}.duckdb"
            ingest_times.append(
                child_cpu_seconds(
                    [
                        quotetrail,
                        "ingest",
                        *files,
                        "--db",
                        str(store),
                        "--workers",
                        str(args.workers),
                    ]
                )
            )
            parse_times.append(child_cpu_seconds([python, "-c", BARE_PARSE, *files]))
    ratios = [i / p for i, p in zip(ingest_times, parse_times, strict=True)]
    print(
        json.dumps(
            {
                "articles": len(files),
                "workers": args.workers,
                "runs": args.runs,
                "ingest_cpu_s": round(statistics.median(ingest_times), 2),
                "bare_parse_cpu_s": round(statistics.median(parse_times), 2),
                "ratio": round(statistics.median(ingest_times) / statistics.median(parse_times), 3),
                "ratio_min": round(min(ratios), 3),
                "ratio_max": round(max(ratios), 3),
            }
        )
    )


if __name__ == "__main__":
    main()
