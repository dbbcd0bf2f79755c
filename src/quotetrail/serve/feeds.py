"""Following quotetrail from outside: Atom feeds of statements, and the alerts a watch told.

The feeds — a speaker's statements, an actor's statements about a target (the statements of
the one `analyze.positions.position` result the position page shows), the statements a search
finds, and the alerts — are written with feedgen, newest first, each entry linking to its
statement's page. Article text is hostile: it goes into the feed as text (never HTML), with
the characters XML cannot hold taken out, so a feed reader gets a valid feed whatever a page
held.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from feedgen.feed import FeedGenerator

from quotetrail import __version__
from quotetrail.analyze.positions import position
from quotetrail.records import Alert, Statement
from quotetrail.serve.dependencies import StoreDep
from quotetrail.serve.pages import render
from quotetrail.store import StatementQuery, alerts, views
from quotetrail.store import search as fulltext
from quotetrail.watch.tell import payload

ENTRIES = 50  # entries in a feed
SEARCHED = 200  # best matches a search feed takes its newest from
RECENT = 100  # alerts the alerts page lists
ATOM = "application/atom+xml; charset=utf-8"
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
QUOTE = 100  # characters of a quote an entry's title shows

router = APIRouter(include_in_schema=False)
Text = Annotated[str, Query(min_length=1, max_length=200)]


def xml_text(value: object) -> str:
    """`value` as text an XML document can hold."""
    return NOT_XML.sub("", str(value or ""))


def _moment(day: str | date | None) -> datetime:
    if not day:
        return datetime(1970, 1, 1, tzinfo=UTC)
    return datetime.combine(date.fromisoformat(str(day)[:10]), datetime.min.time(), UTC)


def _feed(request: Request, title: str, page: str) -> FeedGenerator:
    feed = FeedGenerator()
    feed.id(xml_text(str(request.url)))
    feed.title(xml_text(f"{title} · quotetrail"))
    feed.author({"name": "quotetrail"})
    feed.link(href=xml_text(str(request.url)), rel="self")
    feed.link(href=xml_text(str(request.base_url).rstrip("/") + page), rel="alternate")
    feed.generator("quotetrail", version=__version__)
    return feed


def _atom(feed: FeedGenerator, newest: datetime | None) -> Response:
    feed.updated(newest or datetime.now(UTC))
    return Response(feed.atom_str(pretty=True), media_type=ATOM)


def statement_feed(
    request: Request, title: str, page: str, records: Iterable[Statement]
) -> Response:
    """The newest ENTRIES of `records` as an Atom feed."""
    base = str(request.base_url).rstrip("/")
    newest = sorted(records, key=lambda record: (record.said_date or "", record.id), reverse=True)
    feed = _feed(request, title, page)
    for record in newest[:ENTRIES]:
        speaker = record.speaker_name or "unknown speaker"
        quote = record.quote if len(record.quote) <= QUOTE else record.quote[:QUOTE] + "…"
        entry = feed.add_entry(order="append")
        entry.id(f"urn:quotetrail:statement:{xml_text(record.id)}")
        entry.title(xml_text(f"{speaker}: “{quote}”"))
        entry.link(href=f"{base}/statements/{xml_text(record.id)}")
        entry.author({"name": xml_text(speaker)})
        entry.updated(_moment(record.said_date))
        said = ", ".join(str(part) for part in (record.outlet, record.said_date) if part)
        entry.content(xml_text(f"“{record.quote}”\n\n{record.sentence}\n\n{said}"), type="text")
    return _atom(feed, _moment(newest[0].said_date) if newest else None)


@router.get("/feeds/speakers/{speaker_id}.atom")
def speaker_feed(request: Request, speaker_id: str, store: StoreDep) -> Response:
    entity = views.entity_of_speaker(store, speaker_id)
    if entity is None:
        raise HTTPException(404, "no such speaker")
    records = store.statements(StatementQuery(entity_id=entity["id"]))
    return statement_feed(
        request, f"Statements by {entity['name']}", f"/speakers/{entity['id']}", records
    )


@router.get("/feeds/positions.atom")
def position_feed(request: Request, store: StoreDep, actor: Text, target: Text) -> Response:
    found = position(store, actor, target)
    page = "/positions?" + str(request.url.query)
    return statement_feed(request, f"{actor} on {target}", page, found.statements)


@router.get("/feeds/search.atom")
def search_feed(request: Request, store: StoreDep, q: Text) -> Response:
    found = fulltext.search_statements(store, q, StatementQuery(), limit=SEARCHED)
    return statement_feed(
        request, f"Statements matching {q}", "/search?" + str(request.url.query), found
    )


@router.get("/feeds/alerts.atom")
def alert_feed(request: Request, store: StoreDep) -> Response:
    base = str(request.base_url).rstrip("/")
    told = alerts.told(store, limit=ENTRIES)
    feed = _feed(request, "Alerts", "/alerts")
    for alert in told:
        entry = feed.add_entry(order="append")
        entry.id(f"urn:quotetrail:alert:{xml_text(alert.key)}")
        entry.title(xml_text(alert.title))
        entry.link(href=f"{base}/alerts#{xml_text(alert.key)}")
        entry.updated(datetime.fromisoformat(alert.raised))
        links = "\n".join(payload(alert, base)["links"]["statements"])
        entry.content(xml_text(f"{alert.title}\n\n{links}"), type="text")
    return _atom(feed, datetime.fromisoformat(told[0].raised) if told else None)


@router.get("/alerts", response_class=HTMLResponse)
def alerts_page(request: Request, store: StoreDep) -> HTMLResponse:
    told: list[Alert] = alerts.told(store, limit=RECENT)
    return render(request, "alerts.html", alerts=told)
