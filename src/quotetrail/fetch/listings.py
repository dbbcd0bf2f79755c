"""What a fetched URL is (a page, a feed, a sitemap), and the pages a feed or sitemap lists.

Feeds are read with feedparser (RSS 0.9x-2.0, RSS 1.0, Atom), which keeps what trafilatura's
`feeds.extract_links` drops: each entry's date and source, which become the page's
publication date and outlet (else the feed's title is the outlet). Sitemaps (XML,
sitemap indexes, Google News sitemaps, gzipped, or plain text) are read here with lxml's
safe parser: trafilatura's `sitemaps` fetches on its own and keeps no link whose host is an
IP address or "localhost" (courlan finds no domain in it). Every link is normalised and
filtered with courlan: tracking parameters off, files that are no page (images, PDFs) and
login or feed-of-comments pages left out.
"""

from __future__ import annotations

import calendar
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
from courlan import clean_url, is_not_crawlable
from courlan.filters import extension_filter
from lxml import etree

from quotetrail.read.registry import document_limit, too_large

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"
MAX_LINKS = 50_000  # what one sitemap may list (the sitemap protocol's own limit)
GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class Link:
    """A page a feed or sitemap lists, with what the listing says of it."""

    url: str
    published: str | None = None  # ISO date or time
    outlet: str | None = None


@dataclass(frozen=True)
class Listing:
    """The pages (and, for a sitemap index, the sitemaps) a feed or sitemap lists."""

    kind: str  # "feed" | "sitemap"
    links: list[Link]
    sitemaps: list[str]


def is_page(media: str, body: bytes) -> bool:
    """An HTML page: said so by its Content-Type, or (none given) by its first bytes."""
    if media:
        return media in HTML_TYPES
    head = body[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def listing(url: str, media: str, body: bytes) -> Listing | str:
    """The links of a feed or sitemap at `url`, or why the body is neither."""
    if body.startswith(GZIP_MAGIC):
        try:
            body = _gunzip(body)
        except (zlib.error, ValueError) as error:
            return f"damaged compressed data: {error}"
    head = body[:1024].lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return _xml_sitemap(url, body)
    parsed = feedparser.parse(body, response_headers={"content-type": media or "text/xml"})
    if parsed.get("version"):
        return _feed(url, parsed)
    if media == "text/plain" and "sitemap" in urlsplit(url).path.lower():
        lines = body.decode("utf-8", "replace").split()
        return Listing("sitemap", _links(url, (Link(line) for line in lines)), [])
    return f"not a page, feed or sitemap (content type {media or 'none'})"


def _gunzip(body: bytes) -> bytes:
    limit = document_limit()
    inflated = zlib.decompressobj(wbits=31).decompress(body, limit + 1)
    if len(inflated) > limit:
        raise ValueError(too_large(limit))
    return inflated


def _feed(url: str, parsed: Any) -> Listing:
    outlet = parsed.feed.get("title") or None
    entries = (
        Link(
            entry.get("link") or "",
            _iso(entry.get("published_parsed") or entry.get("updated_parsed")),
            (entry.get("source") or {}).get("title") or outlet,
        )
        for entry in parsed.entries
    )
    return Listing("feed", _links(url, entries), [])


def _iso(moment: Any) -> str | None:
    """feedparser's UTC struct_time as an ISO time."""
    if not moment:
        return None
    return datetime.fromtimestamp(calendar.timegm(moment), UTC).isoformat(timespec="seconds")


def _xml_sitemap(url: str, body: bytes) -> Listing | str:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as error:
        return f"not a readable sitemap: {error}"
    if root is None:
        return "not a readable sitemap"
    pages = []
    for entry in root.iter(f"{SITEMAP_NS}url", "url"):
        news = entry.find(f"{NEWS_NS}news")
        publication = news.find(f"{NEWS_NS}publication") if news is not None else None
        pages.append(
            Link(
                _text(entry, "loc") or "",
                _text(news, "publication_date", NEWS_NS),
                _text(publication, "name", NEWS_NS),
            )
        )
    nested = (
        Link(_text(entry, "loc") or "") for entry in root.iter(f"{SITEMAP_NS}sitemap", "sitemap")
    )
    sitemaps = [link.url for link in _links(url, nested, pages_only=False)]
    return Listing("sitemap", _links(url, pages), sitemaps)


def _text(element: Any, name: str, namespace: str = SITEMAP_NS) -> str | None:
    if element is None:
        return None
    found = element.find(f"{namespace}{name}")
    if found is None:
        found = element.find(name)
    text = (found.text or "").strip() if found is not None else ""
    return text or None


def _links(base: str, links: Iterable[Link], pages_only: bool = True) -> list[Link]:
    """`links` made absolute and normalised (courlan), once each, in order; those that cannot
    be a page (a file, a login page) left out."""
    kept: dict[str, Link] = {}
    for link in links:
        if len(kept) >= MAX_LINKS:
            break
        url = normal_url(urljoin(base, link.url.strip())) if link.url.strip() else None
        if url is None or url in kept:
            continue
        path = urlsplit(url).path
        if pages_only and (not extension_filter(path) or is_not_crawlable(url)):
            continue
        kept[url] = Link(url, link.published, link.outlet)
    return list(kept.values())


def normal_url(url: str) -> str | None:
    """`url` as courlan normalises it (host in lower case, tracking parameters off), or None
    when it is no http(s) URL."""
    if urlsplit(url.strip()).scheme not in ("http", "https"):
        return None
    return clean_url(url.strip())
