"""Linking cost per batch as the store grows: O(N) per batch, not O(N·M).

Synthetic but realistic records: articles of ~250 words drawn from a Zipfian vocabulary of real
English words (the 20,000 commonest) plus the particular (rarer) words, names and numbers of one
of many events (a story has 1-12 articles over a few days, from several outlets, one in ten a
wire copy of another), 2 statements each (`World(statements=N)` for more) by speakers drawn from
a pool of people with roles and affiliations (names sometimes shortened or misspelt), each about
a country or two with a stance toward it, and their entity mentions. The store
is filled through `Store.write` + `link_articles` in batches of `--batch`; the time of each
batch is printed against the number of articles already stored (M). Flat times = cost
independent of M.

    python benchmarks/link_scaling.py --articles 100000 --batch 2000 --db /tmp/bench.duckdb
    (--resume grows an existing store, to split the run)
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from quotetrail.link import link_articles, link_keys
from quotetrail.link.stories import _word_frequencies
from quotetrail.records import Article, ArticleResult, Mention, Speaker, Statement, stable_id
from quotetrail.store import Store

OUTLETS = [f"Outlet {i}" for i in range(40)]
COUNTRIES = [
    "Russia",
    "United States",
    "China",
    "Germany",
    "France",
    "Afghanistan",
    "India",
    "Iran",
    "Turkey",
    "Japan",
]
ROLES = [
    "President",
    "Foreign Minister",
    "Defence Minister",
    "Envoy",
    "Spokesperson",
    "Prime Minister",
]
KINDS = ("direct", "indirect", "mixed")
MIN_LIVE, MAX_LIVE = 30, 60  # events open at a time
LABELS = ("support", "neutral", "oppose")
SYLLABLES = [
    "ka",
    "lo",
    "mir",
    "va",
    "ne",
    "to",
    "ri",
    "sa",
    "den",
    "bor",
    "li",
    "ush",
    "ko",
    "ta",
    "ren",
]


def _word(rng: random.Random) -> str:
    """A made-up name part (people's names are rare words in any corpus)."""
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def english_words() -> list[str]:
    """Real English words, commonest first (the table the story idf prior reads), so the synthetic
    text weighs under that prior as news does: common words common, event words rare."""
    table = _word_frequencies()
    return sorted((w for w in table if w.isalpha() and len(w) > 2), key=lambda w: (-table[w], w))


class World:
    """Vocabulary, people and events shared by the whole synthetic corpus."""

    def __init__(
        self, seed: int = 7, people: int = 5000, first_event: int = 0, statements: int = 2
    ):
        self.rng = random.Random(seed)
        # What each statement is about, its stance and kind are drawn apart, so the texts,
        # speakers and quotes of a seed are the same with or without them.
        self.topics = random.Random(seed + 1)
        self.statements = statements
        words = english_words()
        self.vocab, self.rare = words[:20000], words[20000:50000]
        self.weights = [1 / (rank + 1) for rank in range(len(self.vocab))]
        self.people = [
            (
                f"{_word(self.rng).title()} {_word(self.rng).title()}ov",
                self.rng.choice(ROLES),
                self.rng.choice(COUNTRIES),
            )
            for _ in range(people)
        ]
        self.event = first_event  # events are dated in order: day = event // 40

    def new_event(self) -> dict:
        rng = self.rng
        self.event += 1
        day = 1 + self.event // 40
        return {
            "words": rng.sample(self.rare, 15),
            "people": rng.sample(self.people, 3),
            "place": rng.choice(COUNTRIES),
            "numbers": [str(rng.randint(2, 9999)) for _ in range(3)],
            "date": f"{2000 + day // 365:04d}-{1 + (day % 365) // 31:02d}-{1 + day % 28:02d}",
            "title": " ".join(rng.sample(self.vocab[:3000], 5)).title(),
            "quotes": [" ".join(rng.choices(self.vocab[:5000], k=14)) for _ in range(4)],
        }

    def article(self, event: dict, serial: int) -> ArticleResult:
        rng = self.rng
        body = rng.choices(self.vocab, weights=self.weights, k=220) + rng.choices(
            event["words"], k=30
        )
        body += event["numbers"] + [event["place"]]
        rng.shuffle(body)
        statements_spec = []
        # Two speakers with the event's quotes, then the article's further statements, each in
        # words of its own, by the event's people (an article quotes one person several times).
        speakers = rng.sample(event["people"], 2)
        speakers += [rng.choice(event["people"]) for _ in range(self.statements - 2)]
        for number, (person, role, country) in enumerate(speakers):
            shown = (
                person
                if rng.random() < 0.7
                else person.split()[-1]
                if rng.random() < 0.5
                else person[:-2]
            )
            quote = (
                rng.choice(event["quotes"])
                if number < 2
                else " ".join(rng.choices(self.vocab[:5000], k=14))
            )
            statements_spec.append(
                (Speaker(name=shown, mention=shown, role=role, affiliation=country), quote)
            )
        text = " ".join(body)
        spans, parts = [], [text]
        offset = len(text)
        for speaker, quote in statements_spec:
            sentence = f' {speaker.name} said: "{quote}."'
            start = offset + sentence.index(quote)
            spans.append((speaker, quote, start))
            parts.append(sentence)
            offset += len(sentence)
        text = "".join(parts) + f" serial {serial}"
        article = Article(
            id=stable_id(text),
            text=text,
            title=event["title"],
            outlet=rng.choice(OUTLETS),
            published=event["date"],
        )
        statements = [
            Statement(
                article_id=article.id,
                kind=self.topics.choices(KINDS, weights=(6, 3, 1))[0],
                quote=quote,
                sentence=quote,
                span=(start, start + len(quote)),
                speaker=speaker,
                said_on=event["date"],
                **self.targets(event),
            )
            for speaker, quote, start in spans
        ]
        mentions = [Mention(s.name, "PERSON", 0, 1) for s, _, _ in spans] + [
            Mention(event["place"], "GPE", 0, 1)
        ]
        return ArticleResult(article, statements, mentions, link_keys=link_keys(article, mentions))

    def targets(self, event: dict) -> dict:
        """`about` and `stance` of one statement: most are about the event's country, some about
        another too, a few about nothing named; stances lean neutral, as news does."""
        topics = self.topics
        about = [event["place"]] if topics.random() < 0.8 else []
        if topics.random() < 0.3:
            about.append(topics.choice(COUNTRIES))
        about = list(dict.fromkeys(about))
        stance = {
            target: {
                "label": topics.choices(LABELS, weights=(2, 5, 3))[0],
                "score": round(topics.uniform(0.4, 0.99), 2),
                "evidence": "synthetic",
            }
            for target in about
        }
        return {"about": about, "stance": stance}

    def copy(self, result: ArticleResult) -> ArticleResult:
        text = result.article.text + " (wire)"
        article = Article(
            id=stable_id(text),
            text=text,
            title=result.article.title,
            outlet=self.rng.choice(OUTLETS),
            published=result.article.published,
        )
        return ArticleResult(article, [], [], link_keys=link_keys(article, []))

    def stream(self):
        """Articles in arrival order: a few events open at a time (30 to 60), each running for a
        while. Until session 16 an event opened with every fourth article however many were
        open and closed with one in eight, so a long run kept ever more events open, and their
        articles, dated by their event, reached ever further back: a process's batches slowed
        as it ran (story placement, statement links) where news would not."""
        live: list[dict] = []
        serial = 0
        while True:
            if len(live) < MIN_LIVE or (len(live) < MAX_LIVE and self.rng.random() < 0.25):
                live.append(self.new_event())
            event = self.rng.choice(live)
            serial += 1
            result = self.article(event, serial)
            yield result
            if self.rng.random() < 0.1:
                yield self.copy(result)
            if self.rng.random() < 0.12:
                live.remove(event)


def store_and_link(
    store: Store, batch: list[ArticleResult], keys_in_writer: bool = False
) -> tuple[float, float]:
    """Store a batch as ingest does (one transaction, links included), then link it; returns
    the seconds writing took and the seconds linking and the commit took (until session 14 the
    commit was left out). The results carry their `LinkKeys`, as the workers' do;
    `keys_in_writer` drops them, so that the writer works them out as well."""
    keys = {} if keys_in_writer else {r.article.id: r.link_keys for r in batch if r.link_keys}
    start = time.perf_counter()
    with store.transaction():
        store.write(batch)
        written = time.perf_counter()
        link_articles(store, [result.article.id for result in batch], keys)
    return written - start, time.perf_counter() - written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--db", type=Path, default=Path("/tmp/quotetrail-link-bench.duckdb"))
    parser.add_argument("--resume", action="store_true", help="Grow the store --db already holds.")
    args = parser.parse_args()
    if not args.resume:
        args.db.unlink(missing_ok=True)
    with Store(args.db) as store:
        stored = store.count("articles")
        world = World(seed=7 + stored, first_event=stored)
        stream = world.stream()
        while stored < args.articles:
            batch = [next(stream) for _ in range(args.batch)]
            write_seconds, link_seconds = store_and_link(store, batch)
            print(
                json.dumps(
                    {
                        "stored_before": stored,
                        "batch": len(batch),
                        "write_seconds": round(write_seconds, 3),
                        "link_seconds": round(link_seconds, 3),
                        "ms_per_article": round(1000 * link_seconds / len(batch), 2),
                        "articles_per_s": round(len(batch) / (write_seconds + link_seconds), 1),
                    }
                ),
                flush=True,
            )
            stored += len(batch)
        summary = {
            table: store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in (
                "articles",
                "statements",
                "stories",
                "entities",
                "near_duplicates",
                "statement_links",
            )
        }
        print(json.dumps({"final": summary}))


if __name__ == "__main__":
    main()
