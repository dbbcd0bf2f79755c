"""Which fields of an exported record (JSONL object, CSV row) hold the text, title, date, url …

Defaults cover the common exports (news-please, newspaper, Common Crawl derived sets, most
scrapers); `QUOTETRAIL_FIELDS="text=body,date=pubdate"` names others without code changes, and
is read in whichever process reads, so it reaches workers too.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from quotetrail.records import RawDocument, Rejection

DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": (
        "text",
        "content",
        "body",
        "article",
        "articleBody",
        "maintext",
        "article_text",
        "full_text",
    ),
    "html": ("html", "raw_html", "page_html"),
    "title": ("title", "headline", "name"),
    "published": (
        "published",
        "date",
        "publish_date",
        "date_publish",
        "published_at",
        "pubdate",
        "datePublished",
        "timestamp",
    ),
    "url": ("url", "link", "source_url", "uri", "permalink"),
    "outlet": (
        "outlet",
        "source",
        "site",
        "sitename",
        "site_name",
        "publisher",
        "source_domain",
        "domain",
    ),
}
ENV_VARIABLE = "QUOTETRAIL_FIELDS"


@dataclass(frozen=True)
class FieldMap:
    """For each article attribute, the record keys that may hold it, tried in order."""

    names: Mapping[str, tuple[str, ...]]

    @classmethod
    def from_spec(cls, spec: str) -> FieldMap:
        """Defaults overridden by "attr=key,attr=key" (a named key is tried first)."""
        names = dict(DEFAULT_FIELDS)
        for item in filter(None, (part.strip() for part in spec.split(","))):
            attribute, _, key = item.partition("=")
            if attribute not in names or not key:
                known = ", ".join(names)
                raise ValueError(
                    f"{ENV_VARIABLE}: {item!r} is not attribute=key (attributes: {known})"
                )
            names[attribute] = (key, *names[attribute])
        return cls(names)


def configured_fields() -> FieldMap:
    return FieldMap.from_spec(os.environ.get(ENV_VARIABLE, ""))


def _first(record: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, (str, int, float)) and str(value).strip():
            return str(value).strip()
    return None


def record_to_document(
    record: Any, source: str, locator: str, fields: FieldMap
) -> RawDocument | Rejection:
    """A RawDocument from one exported record, or a Rejection saying what is missing."""
    where = f"{source}:{locator}"
    if not isinstance(record, Mapping):
        return Rejection(where, f"record is a {type(record).__name__}, not an object")
    text = _first(record, fields.names["text"])
    html = None if text else _first(record, fields.names["html"])
    if not (text or html):
        wanted = ", ".join(fields.names["text"] + fields.names["html"])
        return Rejection(where, f"no article text (looked for: {wanted})")
    return RawDocument(
        source_path=source,
        content=text or html or "",
        format="text" if text else "html",
        locator=locator,
        url=_first(record, fields.names["url"]),
        title=_first(record, fields.names["title"]),
        published=_first(record, fields.names["published"]),
        outlet=_first(record, fields.names["outlet"]),
    )
