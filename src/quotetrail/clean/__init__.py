"""Cleaning: a RawDocument in, an Article out (repaired text, metadata, what was removed and why).

`clean_document` is a pure function of one document (and, optionally, the furniture lines the
corpus has taught us per outlet), so it runs in any worker process. The steps live in small
modules: `encoding` (mojibake), `rules` + `boilerplate` (furniture lines, title, body),
`wrap` (hard-wrapped paragraphs), `dates`, `dateline`, `outlets`, `language`, `html` (pages),
`furniture` (learning per outlet).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import replace

from quotetrail.clean.boilerplate import CleanedLines, clean_lines, split_lines
from quotetrail.clean.dateline import find_dateline
from quotetrail.clean.dates import latest_date, parse_date
from quotetrail.clean.encoding import repair_text
from quotetrail.clean.html import extract_page
from quotetrail.clean.language import detect_language
from quotetrail.clean.outlets import (
    canonical_name,
    outlet_for_domain,
    outlet_from_text,
    outlet_from_url,
    strip_signature,
)
from quotetrail.clean.wrap import unwrap_lines
from quotetrail.records import Article, RawDocument, RemovedLine

Furniture = Mapping[str, Collection[str]]


def _strip_signatures(lines: list[str]) -> tuple[list[str], list[RemovedLine]]:
    """Cut outlet signatures glued to the end of the last lines ("… in.”Brinkwire Summary
    News”.")."""
    removed = []
    for index in range(max(0, len(lines) - 3), len(lines)):
        kept, signature = strip_signature(lines[index])
        if signature:
            lines[index] = kept
            removed.append(RemovedLine(signature, "outlet_signature"))
    return [line for line in lines if line.strip()], removed


def _source_text(raw: RawDocument) -> tuple[str, RawDocument, str | None]:
    """The text to clean, the document with what an HTML page told us filled in, the site name."""
    if raw.format != "html":
        return raw.content, raw, None
    page = extract_page(raw.content, raw.url)
    filled = replace(
        raw,
        url=raw.url or page.url,
        title=raw.title or page.title,
        published=raw.published or page.published,
    )
    return page.text, filled, page.sitename


def stated_metadata(raw: RawDocument) -> dict[str, str]:
    """What the source states of a document beside its text (a container's fields, a WARC
    header), written as cleaning writes it into the article: of `title`, `url`, `outlet` and
    `published`, those it states. The text is not read: the same text tells the same rest."""
    given_date = parse_date(raw.published) if raw.published else None
    stated = {
        "title": repair_text(raw.title) if raw.title else None,
        "url": raw.url,
        "outlet": _given_outlet(raw),
        "published": given_date.day.isoformat() if given_date else None,
    }
    return {name: value for name, value in stated.items() if value}


def _given_outlet(raw: RawDocument) -> str | None:
    return (outlet_for_domain(raw.outlet) or canonical_name(raw.outlet)) if raw.outlet else None


def _outlet(raw: RawDocument, text: str, sitename: str | None) -> str | None:
    """The container's outlet, else the table's for the URL, the page's site name, the host,
    the text."""
    known = _given_outlet(raw) or (outlet_for_domain(raw.url) if raw.url else None)
    named = (outlet_for_domain(sitename) or canonical_name(sitename)) if sitename else None
    return known or named or outlet_from_url(raw.url) or outlet_from_text(text)


def _published(
    raw: RawDocument, cleaned: CleanedLines, text: str
) -> tuple[str | None, str | None, bool]:
    """(date, time, inferred): the source's date, else a stated date line, else the latest date
    named."""
    given = parse_date(raw.published) if raw.published else None
    if given:
        return given.day.isoformat(), given.time, False
    if cleaned.stated:
        return cleaned.stated.day.isoformat(), cleaned.stated.time, False
    latest = latest_date(text)
    return (latest.day.isoformat(), None, True) if latest else (None, None, False)


def article_body(article: Article) -> str:
    """The article's text without the headline that leads it.

    The cleaned text opens with the title (once; its repeats are removed), because headlines
    carry statements ("…, says Moscow") and every statement span indexes the text.
    """
    if article.title and article.text.startswith(article.title):
        return article.text[len(article.title) :].lstrip("\n")
    return article.text


def clean_document(raw: RawDocument, furniture: Furniture | None = None) -> Article:
    """Repair, de-furnish and date one document. Pure: depends on `raw` and `furniture` only."""
    source, raw, sitename = _source_text(raw)
    text = repair_text(source)
    # a line stripped of its edges may read as mojibake where it did not beside them ("\xa0œá"):
    # repaired again, so that cleaning the cleaned text changes nothing
    lines = [line if line.isascii() else repair_text(line) for line in split_lines(text)]
    lines, removed = _strip_signatures(unwrap_lines(lines))
    outlet = _outlet(raw, text, sitename)
    known = (furniture or {}).get(outlet or "", ())
    cleaned = clean_lines(lines, title=raw.title, furniture=known, find_body=raw.format != "html")
    published, published_time, inferred = _published(raw, cleaned, text)
    body = "\n\n".join(cleaned.lines)
    title = repair_text(cleaned.title) if cleaned.title else None
    return Article(
        id=raw.id,
        text=f"{title}\n\n{body}" if title and body else body,
        title=title,
        outlet=outlet,
        published=published,
        published_time=published_time,
        published_inferred=inferred,
        url=raw.url,
        source_path=raw.origin,
        language=detect_language(body),
        dateline=find_dateline(cleaned.lines),
        removed=removed + cleaned.removed,
    )
