"""The HTTP client against a local site: who it says it is, robots.txt, pacing, retries,
conditional requests, redirects, limits, and every failure named."""

from __future__ import annotations

import time
from itertools import pairwise

import pytest
import urllib3

from quotetrail import __version__
from quotetrail.fetch.http import Fetcher, Policy, failure

FAST = Policy(interval=0, timeout=2, retries=1, backoff=0.05)


def fetcher(site, policy: Policy = FAST) -> Fetcher:
    client = Fetcher(policy)
    client.trust(site.root)
    return client


def test_http_says_who_it_is_and_reads_robots_first(site, monkeypatch):
    monkeypatch.setenv("QUOTETRAIL_CONTACT", "mailto:desk@example.org")
    url = site.add("/a.html", "<html><body>hello</body></html>")
    answer = fetcher(site, Policy(interval=0)).get(url)
    assert (answer.status, answer.body, answer.media) == (
        200,
        b"<html><body>hello</body></html>",
        "text/html",
    )
    assert [path for path, _, _ in site.requests] == ["/robots.txt", "/a.html"]
    agent = site.asked("/a.html")[0]["User-Agent"]
    assert agent == f"quotetrail/{__version__} (+mailto:desk@example.org)"


@pytest.mark.parametrize(
    ("robots", "status", "allowed"),
    [
        ("User-agent: *\nDisallow: /private/\n", 200, False),
        ("User-agent: quotetrail\nDisallow: /\n", 200, False),
        ("User-agent: other\nDisallow: /\n", 200, True),
        ("gone", 404, True),  # RFC 9309: no robots.txt, no rules
        ("broken", 500, False),  # unreachable: everything disallowed for now
    ],
)
def test_http_obeys_robots_txt(site, robots, status, allowed):
    site.add("/robots.txt", robots, "text/plain", status=status)
    url = site.add("/private/a.html", "<html>secret</html>")
    answer = fetcher(site).get(url)
    assert (answer.reason is None) is allowed
    if not allowed:
        assert "robots.txt" in answer.reason
        assert site.asked("/private/a.html") == []


def test_http_paces_requests_to_one_host(site):
    client = fetcher(site, Policy(interval=0.3, retries=0))
    for name in ("a", "b", "c"):
        client.get(site.add(f"/{name}.html", "<html>x</html>"))
    times = [when for _, _, when in site.requests]
    assert len(times) == 4  # robots.txt and three pages
    assert all(later - earlier >= 0.28 for earlier, later in pairwise(times))


def test_http_obeys_crawl_delay(site):
    site.add("/robots.txt", "User-agent: *\nCrawl-delay: 1\n", "text/plain")
    client = fetcher(site)
    for name in ("a", "b"):
        client.get(site.add(f"/{name}.html", "<html>x</html>"))
    pages = [when for path, _, when in site.requests if path.endswith(".html")]
    assert pages[1] - pages[0] >= 0.98  # robotparser reads whole seconds


def test_http_retries_with_back_off(site):
    url = site.add("/flaky.html", "<html>x</html>", failures=2)
    assert fetcher(site, Policy(interval=0, retries=2, backoff=0.05)).get(url).status == 200
    assert len(site.asked("/flaky.html")) == 3
    failed = fetcher(site, Policy(interval=0, retries=1, backoff=0.05)).get(
        site.add("/down.html", "<html>x</html>", failures=5)
    )
    assert (failed.status, failed.reason, failed.permanent) == (
        503,
        "HTTP 503 Service Unavailable",
        False,
    )


def test_http_asks_conditionally(site):
    url = site.add(
        "/feed.xml",
        "<rss/>",
        "application/rss+xml",
        headers={"ETag": '"v1"', "Last-Modified": "Mon, 01 Mar 2021 10:00:00 GMT"},
    )
    client = fetcher(site)
    first = client.get(url)
    assert (first.etag, first.last_modified) == ('"v1"', "Mon, 01 Mar 2021 10:00:00 GMT")
    again = client.get(url, (first.etag, first.last_modified))
    assert (again.status, again.body) == (304, b"")
    asked = site.asked("/feed.xml")[1]
    assert asked["If-None-Match"] == '"v1"'
    assert asked["If-Modified-Since"] == "Mon, 01 Mar 2021 10:00:00 GMT"


def test_http_follows_redirects_and_names_loops(site):
    site.add("/old.html", "", status=301, headers={"Location": "/new.html"})
    site.add("/new.html", "<html>moved</html>")
    answer = fetcher(site).get(site.url("/old.html"))
    assert (answer.url, answer.final_url, answer.body) == (
        site.url("/old.html"),
        site.url("/new.html"),
        b"<html>moved</html>",
    )
    site.add("/loop.html", "", status=302, headers={"Location": "/loop.html"})
    assert fetcher(site).get(site.url("/loop.html")).reason == "more than 5 redirects"


@pytest.mark.parametrize("declared", [True, False])
def test_http_refuses_what_is_too_large(site, monkeypatch, declared):
    monkeypatch.setenv("QUOTETRAIL_MAX_DOCUMENT_BYTES", "1000")
    url = site.add("/big.html", "<html>" + "x" * 5000 + "</html>")
    if not declared:  # no Content-Length to go by: the body is counted as it streams
        site.paths["/big.html"].headers["Transfer-Encoding"] = "chunked"
    answer = fetcher(site).get(url)
    assert answer.reason is not None
    assert answer.reason.startswith("too large: over 1,000 bytes")
    assert answer.permanent


def test_http_names_a_slow_host(site):
    url = site.add("/slow.html", "<html>x</html>", delay=1.5)
    started = time.monotonic()
    answer = fetcher(site, Policy(interval=0, timeout=0.3, retries=1, backoff=0.05)).get(url)
    assert answer.reason == "timeout: no answer within 0.3 s"
    assert time.monotonic() - started < 1.5


def test_http_names_an_http_error(site):
    answer = fetcher(site).get(site.url("/missing.html"))
    assert (answer.status, answer.reason, answer.permanent) == (404, "HTTP 404 Not Found", True)


def test_http_names_a_refused_connection():
    answer = Fetcher(FAST).get("http://127.0.0.1:9/a.html")  # the discard port: nobody there
    assert answer.status == 0
    assert "robots.txt" in answer.reason  # robots.txt is asked first, and cannot be read
    assert "connection refused" in answer.reason


def test_http_keeps_untrusted_hosts_off_private_addresses(site):
    url = site.add("/a.html", "<html>x</html>")
    guarded = Fetcher(FAST)  # 127.0.0.1 named by nobody: a link found in some feed
    answer = guarded.get(url)
    assert answer.reason is not None
    assert "non-public address" in answer.reason
    assert site.requests == []
    assert fetcher(site).get(url).status == 200


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (
            urllib3.exceptions.NameResolutionError("x.invalid", None, OSError("nx")),
            "DNS: cannot resolve x.invalid",
        ),
        (urllib3.exceptions.ConnectTimeoutError(None, "t"), "timeout: no connection within 2 s"),
        (urllib3.exceptions.ReadTimeoutError(None, "/", "t"), "timeout: no answer within 2 s"),
        (
            urllib3.exceptions.NewConnectionError(None, "[Errno 111] Connection refused"),
            "connection refused",
        ),
        (urllib3.exceptions.ProtocolError("reset"), "connection broken: reset"),
        (ValueError("odd"), "ValueError: odd"),
    ],
)
def test_http_failure_names_the_reason(error, said):
    assert failure(error, "x.invalid", 2) == said
