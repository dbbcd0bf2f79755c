"""Query latency on a store of a million statements: the listings, search, positions and pages.

The store is grown through the real write path (`Store.write` + `link_articles`, as
`link_scaling.py` does, with its synthetic world) with `--per-article` statements an article
(real news carries 6-12; the seed corpus 11.6) until it holds `--statements`, its search postings
put in word order as an ingest run ends (`Store.keep_search_in_order`); then every query
the API and the CLI offer is run `--runs` times with varied arguments, each timed, and one JSON
object is printed: p50 / p95 / max milliseconds per query, and the store's bytes per article
beside the articles' own text bytes. The server keeps a position's analysis for its next pages
until the store commits (`serve.owner.Remembered`): the first page of a position is timed with
nothing kept ("api positions", "page positions"), a next page after its first ("… next page").

    python benchmarks/query_latency.py --db /work/bench/q1m.duckdb --statements 1000000
    (--resume grows the store --db already holds; --runs 0 only grows it)
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi.testclient import TestClient
from link_scaling import COUNTRIES, KINDS, LABELS, OUTLETS, World, store_and_link

from quotetrail.analyze.positions import position
from quotetrail.serve.api import create_app
from quotetrail.store import StatementQuery, Store, links, views
from quotetrail.store.search import search_statements

PAGE = 50  # the API's default page; a listing fetches one more to know a next page exists


@dataclass
class Prepared:
    """A query timed after an untimed step that readies it (`prepare` gives what `query` asks)."""

    prepare: Callable[[random.Random], Any]
    query: Callable[[Any], Any]


Case = Callable[[random.Random], Any] | Prepared


def grow(store: Store, statements: int, per_article: int, batch: int) -> None:
    """Add batches of synthetic articles until the store holds `statements` statements."""
    stored = store.count("articles")
    world = World(seed=7 + stored, first_event=stored, statements=per_article)
    stream = world.stream()
    while (held := store.count("statements")) < statements:
        results = [next(stream) for _ in range(batch)]
        write_seconds, link_seconds = store_and_link(store, results)
        print(
            json.dumps(
                {
                    "articles_before": stored,
                    "statements_before": held,
                    "write_seconds": round(write_seconds, 3),
                    "link_seconds": round(link_seconds, 3),
                }
            ),
            file=sys.stderr,
            flush=True,
        )
        stored += len(results)


def busiest(store: Store) -> dict[str, Any]:
    """What the queries ask about: the most quoted people, the actors most spoken for, the
    store's dates and a vocabulary to search."""
    people = views.speakers(store, limit=5)
    actors = [row["name"] for row in links.entity_rows(store, kind="actor", limit=3)]
    summary = views.corpus_summary(store)
    return {
        "people": [(row["id"], row["name"]) for row in people],
        "actors": actors,
        "first": date.fromisoformat(summary["first"]),
        "last": date.fromisoformat(summary["last"]),
        "words": World(people=0).vocab[200:5000],
    }


def _window(rng: random.Random, found: dict[str, Any], days: int = 30) -> tuple[str, str]:
    span = (found["last"] - found["first"]).days - days
    start = found["first"] + timedelta(days=rng.randint(0, max(span, 0)))
    return start.isoformat(), (start + timedelta(days=days)).isoformat()


def filters(rng: random.Random, found: dict[str, Any]) -> dict[str, dict[str, str]]:
    """One value of each statement filter the API and the CLI offer (`StatementQuery`)."""
    since, until = _window(rng, found)
    about = rng.choice(COUNTRIES)
    return {
        "none": {},
        "speaker": {"speaker": rng.choice(found["people"])[1].split()[-1]},
        "about": {"about": about},
        "outlet": {"outlet": rng.choice(OUTLETS)},
        "dates": {"since": since, "until": until},
        "kind": {"kind": rng.choice(KINDS)},
        "stance": {"stance": rng.choice(LABELS)},
        "about+stance": {"about": about, "stance": rng.choice(LABELS)},
        "speaker+dates": {"speaker": rng.choice(found["people"])[1], "since": since},
    }


def cases(store: Store, client: TestClient, found: dict[str, Any]) -> dict[str, Case]:
    """Each query, as a function of a random generator (so each run asks something else)."""

    def search_words(rng: random.Random) -> str:
        return " ".join(rng.sample(found["words"], 2))

    def pair(rng: random.Random) -> str:
        """An actor (a busy one) and a target, as the positions query string."""
        actor = rng.choice(found["actors"] + [name for _, name in found["people"]])
        return urlencode({"actor": actor, "target": rng.choice(COUNTRIES)})

    def fetched(url: str) -> None:
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{response.status_code} {response.text[:200]}")

    def get(path: Callable[[random.Random], str]) -> Callable[[random.Random], Any]:
        return lambda rng: fetched(path(rng))

    def first_page(path: str) -> Callable[[random.Random], Any]:
        """A position's first page, with nothing the server kept from an earlier request."""

        def request(rng: random.Random) -> None:
            client.app.state.owner.remembered.forget()
            fetched(path + pair(rng))

        return request

    def next_page(path: str) -> Prepared:
        """A position's second page, asked after its first."""

        def first(rng: random.Random) -> str:
            asked = path + pair(rng)
            fetched(asked)
            return asked

        return Prepared(first, lambda asked: fetched(f"{asked}&offset={PAGE}"))

    found_cases: dict[str, Case] = {}
    for name in filters(random.Random(0), found):
        found_cases[f"store statements {name}"] = lambda rng, name=name: store.statements(
            StatementQuery(**filters(rng, found)[name], limit=PAGE + 1)
        )
        found_cases[f"api statements {name}"] = get(
            lambda rng, name=name: "/api/v1/statements?" + urlencode(filters(rng, found)[name])
        )
    found_cases["api statements page 20"] = get(
        lambda rng: f"/api/v1/statements?offset={PAGE * rng.randint(15, 25)}"
    )
    found_cases["store search"] = lambda rng: search_statements(
        store, search_words(rng), limit=PAGE + 1
    )
    found_cases["api search"] = get(
        lambda rng: "/api/v1/search/statements?" + urlencode({"q": search_words(rng)})
    )
    found_cases["store positions busy actor"] = lambda rng: position(
        store, rng.choice(found["actors"]), rng.choice(COUNTRIES)
    )
    found_cases["store positions busy person"] = lambda rng: position(
        store, rng.choice(found["people"])[1], rng.choice(COUNTRIES)
    )
    found_cases["api positions"] = first_page("/api/v1/positions?")
    found_cases["api positions next page"] = next_page("/api/v1/positions?")
    found_cases["store speaker"] = lambda rng: views.speaker(store, rng.choice(found["people"])[0])
    found_cases["api speaker"] = get(
        lambda rng: f"/api/v1/speakers/{rng.choice(found['people'])[0]}"
    )
    for path in (
        "/api/v1/summary",
        "/api/v1/speakers",
        "/api/v1/stories",
        "/api/v1/outlets",
        "/api/v1/entities",
        "/",
        "/speakers",
        "/outlets",
        "/stories",
    ):
        found_cases[f"api {path}"] = get(lambda rng, path=path: path)
    found_cases["page speaker"] = get(lambda rng: f"/speakers/{rng.choice(found['people'])[0]}")
    found_cases["page positions"] = first_page("/positions?")
    found_cases["page positions next page"] = next_page("/positions?")
    found_cases["page search"] = get(lambda rng: "/search?" + urlencode({"q": search_words(rng)}))
    return found_cases


def timed(query: Case, runs: int, budget: float, seed: int) -> dict[str, float]:
    """p50 / p95 / max milliseconds of `query` over `runs` varied runs (fewer, at least 3, when
    they pass `budget` seconds), after one run that warms the caches."""
    rng = random.Random(seed)

    def seconds() -> float:
        if isinstance(query, Prepared):
            asked = query.prepare(rng)
            begin = time.perf_counter()
            query.query(asked)
        else:
            begin = time.perf_counter()
            query(rng)
        return time.perf_counter() - begin

    seconds()
    times: list[float] = []
    started = time.perf_counter()
    while len(times) < runs and (len(times) < 3 or time.perf_counter() - started < budget):
        times.append(1000 * seconds())
    times.sort()
    return {
        "runs": len(times),
        "p50": round(statistics.median(times), 1),
        "p95": round(times[min(len(times) - 1, round(0.95 * (len(times) - 1)))], 1),
        "max": round(times[-1], 1),
    }


def sizes(store: Store, path: Path) -> dict[str, Any]:
    """The store's bytes per article beside the articles' own text bytes."""
    store.db.execute("CHECKPOINT")
    articles, statements, text = store.db.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM statements),"
        " (SELECT sum(strlen(text)) FROM articles)"
    ).fetchone()
    held = path.stat().st_size
    return {
        "articles": articles,
        "statements": statements,
        "store_bytes": held,
        "store_bytes_per_article": round(held / articles),
        "text_bytes_per_article": round(text / articles),
    }


def measure(path: Path, runs: int, budget: float, only: str | None) -> dict[str, dict]:
    """Each query's latencies (`timed`), through the store's functions and the app's routes."""
    with Store(path, read_only=True) as store, TestClient(create_app(path)) as client:
        found = busiest(store)
        latencies = {}
        for number, (name, query) in enumerate(cases(store, client, found).items()):
            if only and only not in name:
                continue
            latencies[name] = timed(query, runs, budget, seed=number)
            print(json.dumps({name: latencies[name]}), file=sys.stderr, flush=True)
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--per-article", type=int, default=10)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=30, help="Times each query is run.")
    parser.add_argument("--budget", type=float, default=20.0, help="Seconds for one query's runs.")
    parser.add_argument("--only", help="Measure only the queries whose name holds this.")
    parser.add_argument("--resume", action="store_true", help="Grow the store --db already holds.")
    args = parser.parse_args()
    if not args.resume:
        args.db.unlink(missing_ok=True)
    started = time.perf_counter()
    with Store(args.db) as store:  # migrated too, so what is measured has the newest schema
        grow(store, args.statements, args.per_article, args.batch)
        grown = time.perf_counter()
        store.keep_search_in_order()  # as an ingest run ends
        result = {
            "grown_seconds": round(grown - started, 1),
            "search_ordered_seconds": round(time.perf_counter() - grown, 1),
            "schema_version": store.schema_version,
            **sizes(store, args.db),
        }
    if args.runs:
        result["ms"] = measure(args.db, args.runs, args.budget, args.only)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
