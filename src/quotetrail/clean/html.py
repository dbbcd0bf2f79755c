"""Main text and metadata of an HTML page: trafilatura for the text, htmldate for the date.

Runs at cleaning time (in the worker), not at reading time, so a WARC of a million pages is
read as fast as the disk allows and the costly extraction spreads over the worker processes.

libxml2 stops building a tree 256 elements deep and drops everything below, so a page nested
deeper (100,000 `<div>`s) would lose its text to "no article text". Such a page is read with
its tags removed instead (`markup_text`, which has no depth limit): its text kept, with the
site furniture that trafilatura would have left out and cleaning's line rules may not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

import htmldate
import trafilatura
from trafilatura.utils import load_html

_CUT_BY_DEPTH = "boolean(//*[count(ancestor::*) >= 250])"
_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption footer form h1 h2 h3 h4 h5 h6"
    " header hr li main nav ol p pre section table td th tr ul".split()
)
_SPACES = re.compile(r"[ \t\r\f\v]+")


@dataclass(frozen=True)
class ExtractedPage:
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    sitename: str | None = None


class _MarkupText(HTMLParser):
    """Collects a page's text: no script, style or title; a line break at each block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = False

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.hidden = tag in ("script", "style", "title")
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self.hidden = False
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def markup_text(html: str) -> str:
    """The text of `html` with its tags removed, one line per block, at any depth."""
    parser = _MarkupText()
    parser.feed(html)
    parser.close()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def extract_page(html: str, url: str | None = None) -> ExtractedPage:
    """The article text of a page (empty when it has none) and what the page says about it."""
    tree = load_html(html)
    if tree is None:
        return ExtractedPage(text="")
    published = htmldate.find_date(tree, original_date=True, outputformat="%Y-%m-%d", url=url)
    if tree.xpath(_CUT_BY_DEPTH):
        title = (tree.findtext(".//title") or "").strip()
        return ExtractedPage(markup_text(html), title or None, published, url)
    document = trafilatura.bare_extraction(
        tree, url=url, include_comments=False, with_metadata=True
    )
    if document is None:
        return ExtractedPage(text="", published=published)
    return ExtractedPage(
        text=document.text or "",
        title=document.title or None,
        published=published or document.date or None,
        url=url or document.url or None,
        sitename=document.sitename or site_in_title(tree.findtext(".//title"), document.title),
    )


_TITLE_PARTS = re.compile(r"\s+[–—-]\s+|\s*[|»·]\s*")
SITE_NAME_WORDS = 5  # "The Daily Ledger", "Ministry of Foreign Affairs of Ruritania"


def site_in_title(page_title: str | None, headline: str | None) -> str | None:
    """The site's name a page's <title> writes beside its headline ("Headline | The Daily
    Ledger", "Ledger — Headline"): the one other part, when the page states no site name."""
    if not page_title or not headline:
        return None
    parts = [part.strip() for part in _TITLE_PARTS.split(page_title.strip())]
    if len(parts) != 2 or headline.strip() not in parts:
        return None
    site = parts[1] if parts[0] == headline.strip() else parts[0]
    return site if site and len(site.split()) <= SITE_NAME_WORDS else None
