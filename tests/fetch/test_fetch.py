"""URLs to documents: a page, a feed's pages, a sitemap index's pages; what is done is not
fetched again, and every failure is a Rejection naming the URL."""

from __future__ import annotations

from collections import Counter

import pytest

from quotetrail.fetch import Fetcher, Policy, documents, is_url, listed_urls
from quotetrail.records import RawDocument, Rejection
from quotetrail.store import Store
from quotetrail.store.fetches import FetchLog

PAGE = "<html><head><title>{0}</title></head><body><p>{0} said so.</p></body></html>"


def feed(site, *paths: str) -> str:
    items = "".join(
        f"<item><link>{site.url(path)}</link><pubDate>Mon, 0{n} Mar 2021 10:00:00 GMT</pubDate>"
        "</item>"
        for n, path in enumerate(paths, 1)
    )
    return f"<rss version='2.0'><channel><title>Desk</title>{items}</channel></rss>"


@pytest.fixture
def log(db_path):
    with Store(db_path) as store:
        yield FetchLog(store)


def run(url: str, log, fetcher: Fetcher | None = None) -> tuple[list, Counter]:
    tally: Counter[str] = Counter()
    found = list(documents(url, fetcher or Fetcher(Policy(interval=0, retries=0)), log, tally))
    return found, tally


def test_fetch_a_page_is_one_html_document(site, log):
    url = site.add("/a.html", PAGE.format("Lavrov"))
    [document], _ = run(url, log)
    assert isinstance(document, RawDocument)
    assert (document.source_path, document.url, document.format) == (url, url, "html")
    assert "Lavrov said so." in document.content
    record = log.get(url)
    assert (record.status, record.content_id, record.done) == (200, document.id, False)


def test_fetch_a_feed_gives_its_pages_with_date_and_outlet(site, log):
    for name in ("a", "b"):
        site.add(f"/{name}.html", PAGE.format(name))
    url = site.add("/feed.xml", feed(site, "/a.html", "/b.html"), "application/rss+xml")
    found, _ = run(url, log)
    assert [(d.source_path, d.published, d.outlet) for d in found] == [
        (site.url("/a.html"), "2021-03-01T10:00:00+00:00", "Desk"),
        (site.url("/b.html"), "2021-03-02T10:00:00+00:00", "Desk"),
    ]


def test_fetch_a_feed_polled_again_downloads_only_what_is_new(site, log):
    site.add("/a.html", PAGE.format("a"))
    url = site.add(
        "/feed.xml", feed(site, "/a.html"), "application/rss+xml", headers={"ETag": '"1"'}
    )
    first, _ = run(url, log)
    log.mark_done([first[0].source_path])  # ingest does this when the batch is stored
    again, tally = run(url, log)
    assert (again, tally) == ([], Counter({"not modified": 1, "already fetched": 1}))
    assert site.asked("/feed.xml")[1]["If-None-Match"] == '"1"'
    site.add("/b.html", PAGE.format("b"))  # the feed changes
    site.add(
        "/feed.xml",
        feed(site, "/a.html", "/b.html"),
        "application/rss+xml",
        headers={"ETag": '"2"'},
    )
    new, tally = run(url, log)
    assert [d.source_path for d in new] == [site.url("/b.html")]
    assert tally == Counter({"already fetched": 1})
    assert len(site.asked("/a.html")) == 1


def test_fetch_a_page_not_marked_done_is_fetched_again(site, log):
    """A run that ended before its batch was stored leaves the page to the next run."""
    site.add("/a.html", PAGE.format("a"))
    url = site.add(
        "/feed.xml", feed(site, "/a.html"), "application/rss+xml", headers={"ETag": '"1"'}
    )
    run(url, log)
    again, _ = run(url, log)
    assert [d.source_path for d in again] == [site.url("/a.html")]


def test_fetch_a_sitemap_index_gives_the_pages_of_its_sitemaps(site, log):
    site.add("/a.html", PAGE.format("a"))
    site.add("/b.html", PAGE.format("b"))
    urlset = "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{}</urlset>"
    site.add("/s1.xml", urlset.format(f"<url><loc>{site.url('/a.html')}</loc></url>"), "text/xml")
    site.add("/s2.xml", urlset.format(f"<url><loc>{site.url('/b.html')}</loc></url>"), "text/xml")
    index = "".join(
        f"<sitemap><loc>{site.url(p)}</loc></sitemap>" for p in ("/s1.xml", "/s2.xml", "/index.xml")
    )
    url = site.add("/index.xml", f"<sitemapindex>{index}</sitemapindex>", "text/xml")
    found, _ = run(url, log)
    assert sorted(d.source_path for d in found) == [site.url("/a.html"), site.url("/b.html")]


def test_fetch_failures_are_named_and_the_rest_goes_on(site, log, monkeypatch):
    monkeypatch.setenv("QUOTETRAIL_MAX_DOCUMENT_BYTES", "2000")
    site.add("/ok.html", PAGE.format("ok"))
    site.add("/image.html", b"\x89PNG", "image/png")
    site.add("/big.html", "<html>" + "x" * 3000 + "</html>")
    site.add("/down.html", PAGE.format("down"), failures=9)
    paths = ("/missing.html", "/image.html", "/big.html", "/down.html", "/ok.html")
    url = site.add("/feed.xml", feed(site, *paths), "application/rss+xml")
    found, _ = run(url, log)
    assert [type(item).__name__ for item in found] == ["Rejection"] * 4 + ["RawDocument"]
    reasons = {item.source: item.reason for item in found if isinstance(item, Rejection)}
    assert reasons == {
        site.url("/missing.html"): "HTTP 404 Not Found",
        site.url("/image.html"): f"not HTML (content type image/png; listed in {url})",
        site.url("/big.html"): reasons[site.url("/big.html")],
        site.url("/down.html"): "HTTP 503 Service Unavailable",
    }
    assert reasons[site.url("/big.html")].startswith("too large")
    done = log.done([site.url(path) for path in paths])
    assert done == {site.url(p) for p in ("/missing.html", "/image.html", "/big.html")}


@pytest.mark.parametrize(
    ("body", "media", "reason"),
    [
        (b"{}", "application/json", "not a page, feed or sitemap (content type application/json)"),
        (b"", "text/html", "empty file"),
    ],
)
def test_fetch_a_url_that_is_no_use_is_named(site, log, body, media, reason):
    url = site.add("/thing", body, media)
    [rejection], _ = run(url, log)
    assert rejection == Rejection(url, reason)


def test_fetch_links_to_other_hosts_stay_off_private_addresses(site, log):
    """A feed the operator named may list pages anywhere, but not inside their network."""
    site.add("/a.html", PAGE.format("a"))
    inside = site.url("/a.html").replace("127.0.0.1", "localhost")
    body = f"<rss version='2.0'><channel><item><link>{inside}</link></item></channel></rss>"
    url = site.add("/feed.xml", body, "application/rss+xml")
    [rejection], _ = run(url, log)
    assert rejection.source == inside
    assert "non-public address" in rejection.reason
    assert site.asked("/a.html") == []


def test_fetch_not_a_url(log):
    assert run("ftp://example.org/feed", log)[0] == [
        Rejection("ftp://example.org/feed", "not an http(s) URL")
    ]


@pytest.mark.parametrize(
    ("given", "url"),
    [("https://a.example/x", True), ("HTTP://A.EXAMPLE", True), ("news/https.txt", False)],
)
def test_fetch_is_url(given, url):
    assert is_url(given) is url


def test_fetch_listed_urls(tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text("# sources\nhttps://a.example/feed.xml\n\nnews.txt\nhttp://b.example/#top\n")
    urls, rejected = listed_urls(listing)
    assert urls == ["https://a.example/feed.xml", "http://b.example/#top"]
    assert rejected == [Rejection(f"{listing}:line 4", "not an http(s) URL")]
