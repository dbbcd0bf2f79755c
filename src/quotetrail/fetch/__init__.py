"""Fetching: URLs in, `RawDocument`s (or named `Rejection`s) out, as `read` does for files.

A URL is a page, a feed or a sitemap (`listings`); a feed or a sitemap stands for the pages it
lists, a sitemap index for its sitemaps. Each page becomes a RawDocument of format "html" with
its URL and what its listing says (date, outlet), and is cleaned like an HTML file. `http`
does the asking: robots.txt, pacing per host, retries, conditional requests, the size limit.

The fetch log (`Log`; the store's `fetches`) is the fetch cache, kept in the store so one file
holds a corpus and everything about it: a feed or sitemap is kept with its ETag and
Last-Modified and asked for conditionally (a 304 is answered from the kept copy); a page is
fetched until it is done (ingest marks it when its document is stored or rejected, in the same
transaction) or has failed for good (a 4xx, not HTML, too large), and never after. So a feed
polled again downloads at most itself and the pages it did not list before.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Protocol

from quotetrail.fetch.http import Answer, Fetcher, Policy, now
from quotetrail.fetch.listings import Link, is_page, listing, normal_url
from quotetrail.read.html import decode_html
from quotetrail.read.registry import UnreadableInput, name_of
from quotetrail.records import FetchRecord, RawDocument, Rejection

__all__ = ["Fetcher", "Log", "Policy", "documents", "is_url", "listed_urls"]

CHUNK = 1000  # links asked about in the log at once
MAX_SITEMAPS = 50  # sitemaps read for one URL given, index and nested ones together


class Log(Protocol):
    """What fetching keeps between runs (`store.fetches.FetchLog`)."""

    def get(self, url: str) -> FetchRecord | None: ...

    def put(self, record: FetchRecord) -> None: ...

    def done(self, urls: Sequence[str]) -> set[str]: ...


def is_url(given: str | Path) -> bool:
    """An http(s) URL rather than a path (`ingest` takes both)."""
    return isinstance(given, str) and given[:8].lower().startswith(("http://", "https://"))


def documents(
    url: str, fetcher: Fetcher, log: Log, tally: Counter[str]
) -> Iterator[RawDocument | Rejection]:
    """The documents `url` (given by the operator: its host is trusted) stands for, those not
    done before; `tally` counts the URLs passed over as "already fetched" and the listings that
    were "not modified"."""
    normal = normal_url(url)
    if normal is None:
        yield Rejection(url, "not an http(s) URL")
        return
    fetcher.trust(normal)
    yield from _source(normal, fetcher, log, tally, {normal})


def _source(
    url: str, fetcher: Fetcher, log: Log, tally: Counter[str], seen: set[str]
) -> Iterator[RawDocument | Rejection]:
    if log.done([url]):
        tally["already fetched"] += 1
        return
    known = log.get(url)
    kept = known.body if known is not None else None
    answer = fetcher.get(url, (known.etag, known.last_modified) if known and kept else (None, None))
    if answer.reason is not None:
        yield _failed(answer, log)
        return
    if answer.status == 304 and kept is not None:
        tally["not modified"] += 1
        body, media = kept, ""
    else:
        body, media = answer.body, answer.media
    if is_page(media, body):
        yield _document(Link(url), answer, log)
        return
    found = listing(url, media, body)
    if isinstance(found, str):
        log.put(FetchRecord(url, answer.status, now(), reason=found, done=True))
        yield Rejection(url, found)
        return
    if answer.status == 200:
        log.put(FetchRecord(url, 200, now(), answer.etag, answer.last_modified, body=body))
    yield from _pages(found.links, fetcher, log, tally, url)
    for nested in found.sitemaps:
        if nested not in seen and len(seen) < MAX_SITEMAPS:
            seen.add(nested)
            yield from _source(nested, fetcher, log, tally, seen)


def _pages(
    links: list[Link], fetcher: Fetcher, log: Log, tally: Counter[str], via: str
) -> Iterator[RawDocument | Rejection]:
    """The listed pages not done before, fetched one by one."""
    for start in range(0, len(links), CHUNK):
        chunk = links[start : start + CHUNK]
        done = log.done([link.url for link in chunk])
        for link in chunk:
            if link.url in done:
                tally["already fetched"] += 1
                continue
            answer = fetcher.get(link.url)
            if answer.reason is None and not is_page(answer.media, answer.body):
                answer = Answer(
                    link.url,
                    answer.final_url,
                    answer.status,
                    reason=f"not HTML (content type {answer.media or 'none'}; listed in {via})",
                )
            yield (
                _failed(answer, log) if answer.reason is not None else _document(link, answer, log)
            )


def _failed(answer: Answer, log: Log) -> Rejection:
    """The failure named with its URL; one that would fail again is logged as done."""
    if answer.permanent:
        log.put(FetchRecord(answer.url, answer.status, now(), reason=answer.reason, done=True))
    return Rejection(answer.url, answer.reason or "failed")


def _document(link: Link, answer: Answer, log: Log) -> RawDocument | Rejection:
    try:
        text, encoding = decode_html(answer.body, answer.charset)
    except UnreadableInput as error:
        log.put(FetchRecord(link.url, answer.status, now(), reason=str(error), done=True))
        return Rejection(link.url, str(error))
    document = RawDocument(
        source_path=link.url,
        content=text,
        format="html",
        url=answer.final_url,
        published=link.published,
        outlet=link.outlet,
        encoding=encoding,
    )
    log.put(
        FetchRecord(link.url, 200, now(), answer.etag, answer.last_modified, content_id=document.id)
    )
    return document


def listed_urls(path: Path) -> tuple[list[str], list[Rejection]]:
    """The URLs a file lists, one a line (a line starting with '#' is a comment), and a
    Rejection naming each line that holds something else."""
    urls, rejected = [], []
    with path.open(encoding="utf-8", errors="replace") as lines:
        for number, line in enumerate(lines, 1):
            text = line.strip()
            if not text or text.startswith("#"):
                continue
            if is_url(text):
                urls.append(text)
            else:
                rejected.append(Rejection(f"{name_of(path)}:line {number}", "not an http(s) URL"))
    return urls, rejected
