"""Feeds and sitemaps: which is which, and the pages each lists with its date and outlet."""

from __future__ import annotations

import gzip

import pytest

from quotetrail.fetch.listings import Link, is_page, listing, normal_url

BASE = "https://news.example.org/feeds/world.xml"

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example News</title><link>https://news.example.org/</link>
<item><title>One</title><link>https://news.example.org/a/one.html?utm_source=rss</link>
<pubDate>Fri, 20 Aug 2021 10:30:00 +0300</pubDate></item>
<item><title>Two</title><link>/a/two.html</link>
<source url="https://wire.example.com/rss">Wire Service</source></item>
<item><title>Photo</title><link>https://news.example.org/a/photo.jpg</link></item>
<item><title>Again</title><link>https://news.example.org/a/one.html</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title><id>urn:x</id>
<updated>2021-08-23T00:00:00Z</updated>
<entry><title>Three</title><id>urn:3</id><link href="https://news.example.org/a/three.html"/>
<updated>2021-08-23T08:00:00Z</updated></entry></feed>"""

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://news.example.org/a/one.html</loc><lastmod>2024-01-01</lastmod></url>
<url><loc>https://news.example.org/a/two.html</loc>
<news:news><news:publication><news:name>Example News</news:name></news:publication>
<news:publication_date>2021-08-20</news:publication_date><news:title>Two</news:title>
</news:news></url>
<url><loc> </loc></url>
</urlset>"""

INDEX = """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://news.example.org/sitemap-1.xml</loc></sitemap>
<sitemap><loc>/sitemap-2.xml.gz</loc></sitemap></sitemapindex>"""


def test_listings_rss_gives_pages_with_dates_and_outlets():
    found = listing(BASE, "application/rss+xml", RSS.encode())
    assert found.kind == "feed"
    assert found.links == [
        Link("https://news.example.org/a/one.html", "2021-08-20T07:30:00+00:00", "Example News"),
        Link("https://news.example.org/a/two.html", None, "Wire Service"),
    ]


def test_listings_atom_gives_pages():
    found = listing(BASE, "application/atom+xml", ATOM.encode())
    assert found.links == [
        Link("https://news.example.org/a/three.html", "2021-08-23T08:00:00+00:00", "Atom Desk")
    ]


@pytest.mark.parametrize("packed", [False, True])
def test_listings_sitemap_gives_pages_and_news_metadata(packed):
    body = gzip.compress(SITEMAP.encode()) if packed else SITEMAP.encode()
    found = listing("https://news.example.org/sitemap.xml", "application/xml", body)
    assert found.kind == "sitemap"
    assert found.links == [
        Link("https://news.example.org/a/one.html"),  # lastmod is no publication date
        Link("https://news.example.org/a/two.html", "2021-08-20", "Example News"),
    ]
    assert found.sitemaps == []


def test_listings_sitemap_index_gives_sitemaps():
    found = listing("https://news.example.org/sitemap.xml", "text/xml", INDEX.encode())
    assert (found.links, found.sitemaps) == (
        [],
        ["https://news.example.org/sitemap-1.xml", "https://news.example.org/sitemap-2.xml.gz"],
    )


def test_listings_text_sitemap():
    body = b"https://news.example.org/a/one.html\nhttps://news.example.org/a/two.html\n"
    found = listing("https://news.example.org/sitemap.txt", "text/plain", body)
    assert [link.url for link in found.links] == [
        "https://news.example.org/a/one.html",
        "https://news.example.org/a/two.html",
    ]


@pytest.mark.parametrize(
    ("media", "body", "reason"),
    [
        ("image/png", b"\x89PNG\r\n", "not a page, feed or sitemap (content type image/png)"),
        ("application/json", b"{}", "not a page, feed or sitemap (content type application/json)"),
        ("application/gzip", b"\x1f\x8b\x08broken", "damaged compressed data"),
    ],
)
def test_listings_names_what_is_neither(media, body, reason):
    found = listing(BASE, media, body)
    assert isinstance(found, str)
    assert found.startswith(reason)


def test_listings_sitemap_that_inflates_past_the_limit(monkeypatch):
    monkeypatch.setenv("QUOTETRAIL_MAX_DOCUMENT_BYTES", "1000")
    found = listing(BASE, "application/gzip", gzip.compress(b"<urlset>" + b" " * 5000))
    assert isinstance(found, str)
    assert "too large" in found


def test_listings_entities_are_not_expanded():
    body = (
        b'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<urlset><url><loc>https://news.example.org/&x;</loc></url></urlset>"
    )
    found = listing("https://news.example.org/sitemap.xml", "text/xml", body)
    assert all("root:" not in link.url for link in found.links)


@pytest.mark.parametrize(
    ("media", "body", "page"),
    [
        ("text/html", b"anything", True),
        ("application/xhtml+xml", b"<html/>", True),
        ("application/rss+xml", b"<rss/>", False),
        ("", b"  <!DOCTYPE html><html>", True),
        ("", b"<?xml version='1.0'?><rss/>", False),
    ],
)
def test_listings_is_page(media, body, page):
    assert is_page(media, body) is page


@pytest.mark.parametrize(
    ("url", "normal"),
    [
        ("https://News.Example.org/a?utm_source=x&id=3", "https://news.example.org/a?id=3"),
        (" http://127.0.0.1:8000/a.html ", "http://127.0.0.1:8000/a.html"),
        ("ftp://news.example.org/a", None),
        ("javascript:alert(1)", None),
    ],
)
def test_listings_normal_url(url, normal):
    assert normal_url(url) == normal
