"""Time linking one fixed batch of N new articles into a copy of an existing store of M.

Run it on stores of different sizes grown by `link_scaling.py` (same synthetic world, a seed
none of them used): equal times mean the cost of a batch does not depend on M.

    python benchmarks/link_batch.py --db /tmp/bench-10k.duckdb --batch 1000
    python benchmarks/link_batch.py --db /tmp/bench-100k.duckdb --batch 1000
    python benchmarks/link_batch.py --db /tmp/bench-10k.duckdb --statements 9   # news' density
    python benchmarks/link_batch.py --db /tmp/bench-10k.duckdb --batches 3   # sustained

With `--batches N` the batches follow one another into the same copy, as ingest's do, so what
one batch defers (a checkpoint, garbage to collect) is paid inside the next; the rate is over
all of them. With `--warm N`, N batches of the same news are linked first and not timed: the
timed batches then meet stories and statements of their own events already stored, as the
batches of a long ingest do (a fresh world's first batches open new stories and link few
statements to stored ones).

    python benchmarks/link_batch.py --db /tmp/bench-100k.duckdb --warm 5 --batches 5
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path

from link_scaling import World, store_and_link

from quotetrail.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=424242)
    parser.add_argument(
        "--statements", type=int, default=2, help="statements an article (real news: 6-12)"
    )
    parser.add_argument("--batches", type=int, default=1, help="batches in a row")
    parser.add_argument("--warm", type=int, default=0, help="batches linked first, not timed")
    parser.add_argument(
        "--keys-in-writer",
        action="store_true",
        help="the writer works out each article's signature and story features (as before they"
        " came with the workers' results)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "store.duckdb"
        shutil.copy(args.db, copy)
        with Store(copy) as store:
            stored = store.count("articles")
            # news newer than the store's
            world = World(seed=args.seed, first_event=stored, statements=args.statements)
            stream = world.stream()
            batches = [
                [next(stream) for _ in range(args.batch)] for _ in range(args.warm + args.batches)
            ]
            times = [store_and_link(store, batch, args.keys_in_writer) for batch in batches]
            times = times[args.warm :]
    write_seconds = sum(write for write, _ in times)
    link_seconds = sum(link for _, link in times)
    articles = args.batch * args.batches
    print(
        json.dumps(
            {
                "stored": stored + args.warm * args.batch,  # before the timed batches
                "batch": args.batch,
                "batches": args.batches,
                "warm": args.warm,
                "write_seconds": round(write_seconds, 3),
                "link_seconds": round(link_seconds, 3),
                "ms_per_article": round(1000 * link_seconds / articles, 2),
                "articles_per_s": round(articles / (write_seconds + link_seconds), 1),
            }
        )
    )


if __name__ == "__main__":
    main()
