"""Atom feeds out (a speaker, a position, a search, the alerts) that validate whatever the
articles held, and the alerts page."""

from __future__ import annotations

import shutil
from pathlib import Path

import feedparser
import pytest
from fastapi.testclient import TestClient

from quotetrail.records import Alert, Article, ArticleResult, Speaker, Statement
from quotetrail.serve.api import create_app
from quotetrail.serve.feeds import xml_text
from quotetrail.store import Store, alerts, views

SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def client(fixture_db: Path, tmp_path: Path):
    db = tmp_path / "feeds.duckdb"
    shutil.copy(fixture_db, db)
    with TestClient(create_app(db)) as opened:
        yield opened


def parsed(response) -> feedparser.FeedParserDict:
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def test_feeds_position_newest_first_each_linked(client):
    feed = parsed(
        client.get("/feeds/positions.atom", params={"actor": "Putin", "target": "Taliban"})
    )
    dates = [entry.updated[:10] for entry in feed.entries]
    assert dates == sorted(dates, reverse=True) and dates[0] == "2024-07-05"
    assert all(entry.link.startswith("http://testserver/statements/") for entry in feed.entries)
    assert feed.feed.title == "Putin on Taliban · quotetrail"
    for entry in feed.entries:  # each links to a statement page that is there
        assert client.get(entry.link.removeprefix("http://testserver")).status_code == 200


def test_feeds_search_and_speaker(client, fixture_db):
    feed = parsed(client.get("/feeds/search.atom", params={"q": "Taliban"}))
    assert feed.entries
    with Store(fixture_db, read_only=True) as store:
        mallory = next(s for s in views.speakers(store) if s["name"].startswith("Mallory"))
    feed = parsed(client.get(f"/feeds/speakers/{mallory['id']}.atom"))
    [entry] = feed.entries
    assert SCRIPT in entry.content[0].value  # text, never markup
    assert entry.content[0].type == "text/plain"
    assert client.get("/feeds/speakers/nobody.atom").status_code == 404
    assert client.get("/feeds/search.atom").status_code == 422


def test_feeds_hold_whatever_characters_an_article_held(tmp_path):
    text = "Odd \x0b\x01 bytes said \u201cfine\ufffe\u201d, the minister said."
    article = Article(id="odd", text=text, title="Odd", outlet="X", published="2024-01-02")
    quote = "fine\ufffe"
    start = text.index(quote)
    statement = Statement(
        "odd",
        "direct",
        quote,
        text,
        (start, start + len(quote)),
        speaker=Speaker(name="Ann \x01Odd", mention="Ann"),
        said_on="2024-01-02",
        about=["bytes"],
    )
    db = tmp_path / "odd.duckdb"
    with Store(db) as store:
        store.write([ArticleResult(article, [statement])])
    with TestClient(create_app(db)) as client:
        feed = parsed(client.get("/feeds/search.atom", params={"q": "fine"}))
    assert feed.entries[0].title == "Ann Odd: “fine”"


def test_feeds_alerts_page_and_feed(fixture_db, tmp_path):
    db = tmp_path / "alerts.duckdb"
    shutil.copy(fixture_db, db)
    with Store(db) as store:
        alerts.save(
            store,
            [
                Alert(
                    f"k|{SCRIPT}",
                    "statement",
                    f"New statement {SCRIPT}",
                    ["s1"],
                    detail={"quote": SCRIPT},
                )
            ],
            "2024-05-17T09:00:00+00:00",
            told=True,
        )
        alerts.save(store, [Alert("base", "statement", "known before", [])], "2024-05-01", False)
    with TestClient(create_app(db)) as fresh:
        page = fresh.get("/alerts").text
        assert SCRIPT not in page and "&lt;script&gt;" in page
        assert 'href="/statements/s1"' in page and "known before" not in page
        feed = parsed(fresh.get("/feeds/alerts.atom"))
    assert [entry.title for entry in feed.entries] == [f"New statement {SCRIPT}"]
    assert feed.entries[0].updated == "2024-05-17T09:00:00+00:00"


@pytest.mark.parametrize(("value", "text"), [("a\x00b\x1fc\ud800", "abc"), (None, ""), (3, "3")])
def test_feeds_xml_text(value, text):
    assert xml_text(value) == text


def test_feeds_pages_link_their_feeds(client, fixture_db):
    page = client.get("/positions", params={"actor": "Putin", "target": "Taliban"}).text
    link = "/feeds/positions.atom?actor=Putin&amp;target=Taliban"
    alternate = '<link rel="alternate" type="application/atom+xml" title="Statements (Atom)"'
    assert f'{alternate} href="{link}">' in page
    assert f'<a href="{link}">' in page
    with Store(fixture_db, read_only=True) as store:
        putin = next(s for s in views.speakers(store) if s["name"] == "Vladimir Putin")
    page = client.get(f"/speakers/{putin['id']}").text
    assert f'href="/feeds/speakers/{putin["id"]}.atom"' in page
