"""Main text and metadata of an HTML page: trafilatura for the text, htmldate for the date.

Runs at cleaning time (in the worker), not at reading time, so a WARC of a million pages is
read as fast as the disk allows and the costly extraction spreads over the worker processes.
"""

from __future__ import annotations

from dataclasses import dataclass

import htmldate
import trafilatura
from trafilatura.utils import load_html


@dataclass(frozen=True)
class ExtractedPage:
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    sitename: str | None = None


def extract_page(html: str, url: str | None = None) -> ExtractedPage:
    """The article text of a page (empty when it has none) and what the page says about it."""
    tree = load_html(html)
    if tree is None:
        return ExtractedPage(text="")
    published = htmldate.find_date(tree, original_date=True, outputformat="%Y-%m-%d", url=url)
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
        sitename=document.sitename or None,
    )
