"""The watch: issue 21's "done when" end to end (the five seed articles as a feed on a local
site, ingested by URL; a sixth page picked up by `watch`; one alert; a valid Atom feed), and the
watch's own rules: what is due, what is remembered across a restart, a rule's first look, one
alert per event."""

from __future__ import annotations

import html
import json
import threading
import time
from collections import Counter
from pathlib import Path

import feedparser
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from quotetrail import watch as watch_module
from quotetrail.analyze.alerts import Rule
from quotetrail.cli import app
from quotetrail.ingest import ingest
from quotetrail.records import Alert
from quotetrail.serve.api import create_app
from quotetrail.serve.owner import StoreOwner
from quotetrail.store import ArticleQuery, Store
from quotetrail.watch import Watcher
from quotetrail.watch.config import Source, WatchConfig

runner = CliRunner()
SEEDS = Path(__file__).resolve().parents[2] / "data" / "corpus" / "seeds"
# Dates for the feed: the seeds' own where their text states one, else one near it.
DATES = ["2021-08-20", "2021-08-19", "2024-07-06", "2021-08-17", "2021-08-23"]
SIXTH = """Russia to take the Taliban off its list of banned groups

MOSCOW, May 17, 2024 — Russia will take the Taliban off its list of banned organisations, the \
Kremlin's envoy for Afghanistan, Zamir Kabulov, said on Friday.

The move had been expected for months. Trade routes through Central Asia have been busy this \
spring, and several neighbouring countries have reopened their embassies in Kabul.

Afghanistan's economy has struggled since 2021.
"""


def page(title: str, text: str) -> str:
    """A text dump as an HTML page: its title, and each line a paragraph."""
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line)
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"</head><body><article>\n{paragraphs}\n</article></body></html>"
    )


def rss(site, items: list[tuple[str, str]], version: str) -> None:
    entries = "".join(
        f"<item><link>{site.url(path)}</link><pubDate>{day}</pubDate></item>" for path, day in items
    )  # RSS dates are RFC 822; feedparser reads ISO dates too
    body = f"<rss version='2.0'><channel><title>Seed Desk</title>{entries}</channel></rss>"
    site.add("/feed.xml", body, "application/rss+xml", headers={"ETag": f'"{version}"'})


def statements_of(db: Path) -> Counter:
    with Store(db, read_only=True) as store:
        rows = store.db.execute("SELECT speaker_name, quote FROM statements").fetchall()
    return Counter(rows)


def watch_once(config: Path, db: Path) -> None:
    result = runner.invoke(app, ["watch", "--config", str(config), "--db", str(db), "--once"])
    assert result.exit_code == 0, result.output


def test_watch_follows_a_feed_end_to_end(site, tmp_path):
    # The text files, ingested as files: what the pages must give.
    reference = tmp_path / "files.duckdb"
    with Store(reference) as store:
        ingest([SEEDS], store)
        titles = {
            Path(row["source_path"]).name: row["title"] for row in store.articles(ArticleQuery())
        }
    seeds = sorted(SEEDS.glob("*.txt"))
    for number, seed in enumerate(seeds):
        site.add(f"/a/{number}.html", page(titles[seed.name], seed.read_text(encoding="utf-8")))
    items = [(f"/a/{number}.html", DATES[number]) for number in range(len(seeds))]
    rss(site, items, "v1")

    db = tmp_path / "web.duckdb"
    feed_url = site.url("/feed.xml")
    result = runner.invoke(app, ["ingest", feed_url, "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    with Store(db, read_only=True) as store:
        stored = {(a["url"], a["published"]) for a in store.articles(ArticleQuery())}
    assert stored == {(site.url(path), day) for path, day in items}
    assert statements_of(db) == statements_of(reference)

    config = tmp_path / "watch.toml"
    alerts_file = tmp_path / "alerts.jsonl"
    config.write_text(
        f'[[source]]\nurl = "{feed_url}"\nevery = "1s"\n'
        '[[alert]]\nkind = "statement"\nactor = "Russia"\ntarget = "Taliban"\n'
        f'[output]\nfile = "{alerts_file.name}"\n[fetch]\ninterval = 0.01\n'
    )
    watch_once(config, db)  # the rule's first look: what is there is known, nothing told
    assert not alerts_file.exists()

    site.add("/a/5.html", page("Russia to take the Taliban off its list of banned groups", SIXTH))
    rss(site, [*items, ("/a/5.html", "2024-05-17")], "v2")
    time.sleep(1.1)  # the source is due again
    watch_once(config, db)
    time.sleep(1.1)
    watch_once(config, db)  # nothing new: nothing told, nothing fetched but the feed

    told = [json.loads(line) for line in alerts_file.read_text(encoding="utf-8").splitlines()]
    assert [(a["kind"], a["actor"], a["target"]) for a in told] == [
        ("statement", "Russia", "Taliban")
    ]
    [statement_id] = told[0]["statements"]
    assert told[0]["links"]["statements"] == [f"/statements/{statement_id}"]
    assert len(site.asked("/a/5.html")) == 1
    assert [h.get("If-None-Match") for h in site.asked("/feed.xml")] == [
        None,  # the ingest
        '"v1"',  # the first watch: not modified
        '"v1"',  # the feed changed: v2
        '"v2"',
    ]

    with TestClient(create_app(db)) as client:
        feed = feedparser.parse(
            client.get(
                "/feeds/positions.atom", params={"actor": "Russia", "target": "Taliban"}
            ).content
        )
        assert feed.bozo == 0, feed.get("bozo_exception")
        assert feed.version == "atom10"
        links = [entry.link for entry in feed.entries]
        assert f"http://testserver/statements/{statement_id}" in links
        assert "Taliban off its list" in client.get("/alerts").text
        alert_feed = feedparser.parse(client.get("/feeds/alerts.atom").content)
        assert alert_feed.bozo == 0
        assert len(alert_feed.entries) == 1


def ignore(_alert: Alert) -> None:
    pass


class Owner(StoreOwner):
    """The store's owner, counting what it is asked to ingest."""

    def __init__(self, db: Path) -> None:
        super().__init__(db, writable=True)
        self.asked: list[list] = []

    def ingest(self, paths, fetcher=None):
        self.asked.append(list(paths))
        return super().ingest(paths, fetcher)


@pytest.fixture
def folder(tmp_path) -> Path:
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "a.txt").write_text("A title\n\nThe minister said the talks went well.\n")
    return drop


def test_watch_polls_what_is_due_and_remembers_it_across_a_restart(db_path, folder):
    config = WatchConfig([Source(str(folder), 60.0), Source(str(folder / "none"), 0.1)])
    first = Owner(db_path)
    Watcher(config, first, ignore).run(once=True)
    assert first.asked == [[str(folder)], [str(folder / "none")]]
    first.close()
    time.sleep(0.15)
    again = Owner(db_path)  # a new process: the store says what was polled when
    Watcher(config, again, ignore).run(once=True)
    assert again.asked == [[str(folder / "none")]]
    again.close()


def test_watch_a_failed_poll_does_not_end_the_watch(db_path, folder, monkeypatch, caplog):
    owner = Owner(db_path)
    config = WatchConfig([Source("https://a.example/feed.xml", 60.0), Source(str(folder), 60.0)])
    reported = []

    def broken(paths, fetcher=None):
        if "https://a.example/feed.xml" in paths:
            raise RuntimeError("boom")
        return StoreOwner.ingest(owner, paths, fetcher)

    monkeypatch.setattr(owner, "ingest", broken)
    Watcher(config, owner, ignore, lambda source, _summary: reported.append(source.target)).run(
        once=True
    )
    assert reported == [str(folder)]
    assert "polling https://a.example/feed.xml failed" in caplog.text
    owner.close()


def alert(key: str) -> Alert:
    return Alert(key, "statement", f"event {key}", [key])


def test_watch_tells_each_event_once_and_nothing_a_rule_first_saw(db_path, monkeypatch):
    found: list[Alert] = [alert("a")]
    monkeypatch.setattr(watch_module, "events", lambda store, rule: list(found))
    config = WatchConfig([], [Rule("statement", "Russia", "Taliban")])
    told: list[Alert] = []
    owner = Owner(db_path)
    watcher = Watcher(config, owner, tell=told.append)
    assert watcher.look() == []  # the first look: "a" was there before the rule
    found.append(alert("b"))
    assert [a.key for a in watcher.look()] == ["b"]
    assert watcher.look() == []
    owner.close()
    restarted = Owner(db_path)
    found.append(alert("c"))
    assert [a.key for a in Watcher(config, restarted, tell=told.append).look()] == ["c"]
    assert [a.key for a in told] == ["b", "c"]
    with restarted.cursor() as store:
        assert store.db.execute("SELECT key, told FROM alerts ORDER BY key").fetchall() == [
            ("a", False),
            ("b", True),
            ("c", True),
        ]
    restarted.close()


def test_watch_a_broken_rule_leaves_the_others_to_tell(db_path, monkeypatch, caplog):
    looks = Counter()

    def events(_store, rule):
        if rule.actor == "Broken":
            raise ValueError("no")
        looks[rule.actor] += 1
        return [alert(f"{rule.actor}-{looks[rule.actor]}")]

    monkeypatch.setattr(watch_module, "events", events)
    rules = [Rule("statement", "Broken", "X"), Rule("statement", "Fine", "X")]
    owner = Owner(db_path)
    watcher = Watcher(WatchConfig([], rules), owner, ignore)
    watcher.look()
    assert [a.key for a in watcher.look()] == ["Fine-2"]
    assert "alert rule statement|broken|x failed" in caplog.text
    owner.close()


def test_watch_runs_until_its_owner_stops(db_path, folder):
    owner = Owner(db_path)
    owner.beside(Watcher(WatchConfig([Source(str(folder), 0.2)]), owner, ignore).run, "watch")
    deadline = time.monotonic() + 60
    while len(owner.asked) < 2:  # polled again on its interval
        assert time.monotonic() < deadline
        time.sleep(0.05)
    [running] = [t for t in threading.enumerate() if t.name == "watch"]
    owner.close()  # waits for the watch before letting go of the store
    assert not running.is_alive()
