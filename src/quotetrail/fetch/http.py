"""One polite HTTP client for the fetch stage.

trafilatura's `fetch_response` / `fetch_url` take no request headers of ours, so they cannot ask
conditionally (If-None-Match, If-Modified-Since); they answer every failure with None and a log
line, so its reason (DNS, timeout, refused, HTTP 503) is lost; and they read no robots.txt and
pace nothing. So requests go through urllib3 (trafilatura's own dependency) on trafilatura's
pool (`downloads.create_pool`, whose connections can refuse non-public addresses), and this
module adds what they leave out:

- a user agent that says who fetches: "quotetrail/VERSION (+CONTACT)", the contact from
  watch.toml or QUOTETRAIL_CONTACT (the project has no public page to name instead);
- robots.txt, read once per site (again after an hour) with `urllib.robotparser`, as RFC 9309
  says: a 4xx means no rules, a 5xx or no answer means everything is disallowed for now; its
  Crawl-delay is obeyed (up to a minute);
- one site at a time, requests to a host `interval` seconds apart;
- retries with exponential back-off on a refused connection, a timeout, 429 and 5xx
  (Retry-After obeyed, up to MAX_BACKOFF);
- conditional requests from what the fetch log kept (`known`);
- a deadline for the whole answer and the document size limit (QUOTETRAIL_MAX_DOCUMENT_BYTES),
  on Content-Length and again as the body streams;
- redirects followed here, at most MAX_REDIRECTS, so robots.txt and the host rule hold at each
  hop.

The host rule: a host the operator named (a URL on the command line or in watch.toml, `trust`)
may be anywhere, the intranet included; any other host (a link found in a feed or a sitemap, a
redirect elsewhere) is fetched through trafilatura's guarded pool, which refuses loopback,
private and link-local addresses, so a hostile feed cannot make quotetrail read, and then
publish, a page from inside the network it runs in.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import urllib3
from trafilatura.downloads import create_pool

from quotetrail import __version__
from quotetrail.read.registry import document_limit, too_large

AGENT = "quotetrail"  # the name robots.txt rules are matched against
CONTACT_VARIABLE = "QUOTETRAIL_CONTACT"
MAX_REDIRECTS = 5
MAX_BACKOFF = 30.0  # seconds: the longest wait between two tries, Retry-After included
MAX_CRAWL_DELAY = 60.0
ROBOTS_SECONDS = 3600.0  # how long a site's robots.txt is trusted
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
CHUNK = 1 << 16


@dataclass(frozen=True)
class Policy:
    """How politely to fetch; watch.toml's [fetch] table sets these."""

    interval: float = 1.0  # seconds between two requests to one host
    timeout: float = 20.0  # seconds to connect, to wait for each read, and for a whole answer x3
    retries: int = 2  # tries after the first, on a refused connection, a timeout, 429 and 5xx
    backoff: float = 1.0  # seconds before the first retry; doubled for each next one
    # a URL or address at which a site's owner can reach whoever runs this
    contact: str | None = field(default_factory=lambda: os.environ.get(CONTACT_VARIABLE) or None)

    @property
    def user_agent(self) -> str:
        return f"{AGENT}/{__version__}" + (f" (+{self.contact})" if self.contact else "")


@dataclass(frozen=True)
class Answer:
    """What came back for one URL: a body, a 304, or the reason there is neither."""

    url: str  # as asked for
    final_url: str  # after redirects
    status: int  # 0 when no answer came
    body: bytes = b""
    media: str = ""  # the Content-Type's media type, lower case
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    reason: str | None = None  # why it failed

    @property
    def permanent(self) -> bool:
        """Asking again would fail the same way: a 4xx (but timeout and too-many-requests), or
        a body that is no use (too large, not a page)."""
        if 400 <= self.status < 500:
            return self.status not in (408, 429)
        return self.status == 200 and self.reason is not None


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


class Fetcher:
    """Fetches URLs under one `Policy`, remembering each site's robots.txt and last request.
    Safe to share between threads: requests to one host wait for each other."""

    def __init__(self, policy: Policy | None = None) -> None:
        self.policy = policy or Policy()
        self.trusted: set[str] = set()
        self._open = create_pool(ssrf_protection=False)
        self._guarded = create_pool(ssrf_protection=True)
        self._robots: dict[str, tuple[float, RobotFileParser | str]] = {}
        self._last: dict[str, float] = {}
        self._hosts: dict[str, threading.Lock] = {}
        self._locks = threading.Lock()
        self._retry = urllib3.Retry(
            total=self.policy.retries,
            connect=self.policy.retries,
            read=self.policy.retries,
            status=self.policy.retries,
            other=0,
            redirect=False,
            status_forcelist=RETRY_STATUSES,
            allowed_methods=frozenset({"GET"}),
            backoff_factor=self.policy.backoff / 2,  # urllib3 waits factor x 2^(n-1): 1st = half
            backoff_max=MAX_BACKOFF,
            retry_after_max=MAX_BACKOFF,
            raise_on_status=False,
        )

    def trust(self, url: str) -> None:
        """`url`'s host was named by the operator: it may be on a private address."""
        self.trusted.add(host_of(url))

    def get(self, url: str, known: tuple[str | None, str | None] = (None, None)) -> Answer:
        """GET `url` (conditionally, when `known` holds its ETag and Last-Modified), following
        redirects; robots.txt asked first at each hop. Never raises for a network failure: the
        Answer names it."""
        etag, modified = known
        headers = {"If-None-Match": etag} if etag else {}
        if modified:
            headers["If-Modified-Since"] = modified
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            refusal = self._robots_refusal(current)
            if refusal:
                return Answer(url, current, 0, reason=refusal)
            answer = self._request(url, current, headers)
            location = answer.reason is None and answer.status in REDIRECTS and answer.final_url
            if not location:
                return answer
            current = location
        return Answer(url, current, 0, reason=f"more than {MAX_REDIRECTS} redirects")

    def _request(self, asked: str, url: str, headers: dict[str, str]) -> Answer:
        """One GET of `url` (no redirect followed: a redirect's Answer has its target as
        `final_url`)."""
        if urlsplit(url).scheme not in ("http", "https"):
            return Answer(asked, url, 0, reason="not an http(s) URL")
        host = host_of(url)
        pool = self._open if host in self.trusted else self._guarded
        timeout = self.policy.timeout
        with self._host_lock(host):
            self._pace(host, url)
            try:
                response = pool.request(
                    "GET",
                    url,
                    headers={"User-Agent": self.policy.user_agent, **headers},
                    retries=self._retry,
                    redirect=False,
                    timeout=urllib3.Timeout(connect=timeout, read=timeout),
                    preload_content=False,
                )
            except urllib3.exceptions.MaxRetryError as error:
                return Answer(asked, url, 0, reason=failure(error.reason or error, host, timeout))
            except urllib3.exceptions.HTTPError as error:
                return Answer(asked, url, 0, reason=failure(error, host, timeout))
            finally:
                self._last[host] = time.monotonic()
            try:
                return self._answer(asked, url, response)
            finally:
                response.release_conn()

    def _answer(self, asked: str, url: str, response: urllib3.BaseHTTPResponse) -> Answer:
        status = response.status
        media, _, params = (response.headers.get("Content-Type") or "").partition(";")
        charset = params.split("charset=", 1)[1].strip(" \"'") if "charset=" in params else None
        found = {
            "status": status,
            "media": media.strip().lower(),
            "charset": charset,
            "etag": response.headers.get("ETag"),
            "last_modified": response.headers.get("Last-Modified"),
        }
        if status in REDIRECTS:
            target = response.headers.get("Location")
            if not target:
                return Answer(asked, url, status, reason=f"HTTP {status} without a Location")
            return Answer(asked, urljoin(url, target), status)
        if status == 304:
            return Answer(asked, url, **found)
        if status != 200:
            reason = f"HTTP {status} {response.reason or ''}".strip()
            return Answer(asked, url, **found, reason=reason)
        limit = document_limit()
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            return Answer(asked, url, **found, reason=too_large(limit))
        body, reason = self._body(response, limit)
        return Answer(asked, url, **found, body=body, reason=reason)

    def _body(self, response: urllib3.BaseHTTPResponse, limit: int) -> tuple[bytes, str | None]:
        """The body, decompressed, read up to `limit` bytes and `3 x timeout` seconds."""
        deadline = time.monotonic() + 3 * self.policy.timeout
        parts, size = [], 0
        try:
            for chunk in response.stream(CHUNK):
                size += len(chunk)
                if size > limit:
                    return b"", too_large(limit)
                if time.monotonic() > deadline:
                    return b"", f"timeout: the answer took over {3 * self.policy.timeout:g} s"
                parts.append(chunk)
        except urllib3.exceptions.HTTPError as error:
            return b"", failure(error, "", self.policy.timeout)
        return b"".join(parts), None

    def _host_lock(self, host: str) -> threading.Lock:
        with self._locks:
            return self._hosts.setdefault(host, threading.Lock())

    def _pace(self, host: str, url: str) -> None:
        """Wait until this host's interval (or its robots.txt Crawl-delay) has passed."""
        delay = self.policy.interval
        rules = self._robots.get(origin_of(url), (0.0, ""))[1]
        if isinstance(rules, RobotFileParser):
            delay = max(delay, min(float(rules.crawl_delay(AGENT) or 0), MAX_CRAWL_DELAY))
        wait = self._last.get(host, -delay) + delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)

    def _robots_refusal(self, url: str) -> str | None:
        """Why robots.txt keeps us from `url`, or None when it lets us fetch it."""
        site = origin_of(url)
        read_at, rules = self._robots.get(site, (0.0, ""))
        if not read_at or time.monotonic() - read_at > ROBOTS_SECONDS:
            rules = self._read_robots(site)
            self._robots[site] = (time.monotonic(), rules)
        if isinstance(rules, str):
            return rules
        return None if rules.can_fetch(AGENT, url) else "disallowed by robots.txt"

    def _read_robots(self, site: str) -> RobotFileParser | str:
        rules = RobotFileParser(f"{site}/robots.txt")
        url = rules.url
        for _ in range(MAX_REDIRECTS + 1):
            answer = self._request(url, url, {})
            if answer.reason is None and answer.status in REDIRECTS:
                url = answer.final_url
                continue
            break
        if answer.status == 200 and answer.reason is None:
            rules.parse(answer.body.decode("utf-8", "replace").splitlines())
        elif answer.status >= 500 or answer.status == 0 or answer.status in REDIRECTS:
            why = answer.reason or f"HTTP {answer.status}"
            return f"robots.txt of {site} could not be read ({why}): nothing fetched there for now"
        else:  # 4xx or 304 without a copy: no rules
            rules.parse([])
        rules.modified()  # can_fetch says no until a parser has a read time
        return rules


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


# Network failures in words, the first class that fits (NewConnectionError is a subclass of
# ConnectTimeoutError, NameResolutionError of NewConnectionError).
FAILURES: tuple[tuple[type[BaseException], str], ...] = (
    (urllib3.exceptions.NameResolutionError, "DNS: cannot resolve {host}"),
    (urllib3.exceptions.NewConnectionError, "cannot connect: {text}"),
    (urllib3.exceptions.ConnectTimeoutError, "timeout: no connection within {timeout:g} s"),
    (urllib3.exceptions.ReadTimeoutError, "timeout: no answer within {timeout:g} s"),
    (urllib3.exceptions.SSLError, "TLS: {text}"),
    (urllib3.exceptions.ProtocolError, "connection broken: {text}"),
)


def failure(error: BaseException, host: str, timeout: float) -> str:
    """A network failure in words: DNS, timeout, refused, a non-public address, TLS."""
    text = str(error)
    if "SSRF protection" in text:
        return (
            f"refused: {host} is on a non-public address, and only the hosts named on the"
            " command line or in watch.toml may be"
        )
    if "refused" in text.lower():
        return "connection refused"
    for kind, words in FAILURES:
        if isinstance(error, kind):
            return words.format(host=host or "the host", text=text, timeout=timeout)
    return f"{type(error).__name__}: {text}"
