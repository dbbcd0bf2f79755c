"""Cleaning: a RawDocument in, an Article out (repaired text, metadata, what was removed)."""

from __future__ import annotations

import ftfy

from quotetrail.records import Article, RawDocument


def clean_document(raw: RawDocument) -> Article:
    """Repair the text of one document and fill its metadata. Pure: depends on `raw` only."""
    text = ftfy.fix_text(raw.content, uncurl_quotes=False).replace("\r\n", "\n").strip()
    return Article(
        id=raw.id,
        text=text,
        title=raw.title,
        outlet=raw.outlet,
        published=raw.published,
        url=raw.url,
        source_path=raw.origin,
    )
