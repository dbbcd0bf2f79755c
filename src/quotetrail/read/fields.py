"""Which fields of an exported record (JSONL object, CSV row) hold the text, title, date, url …

Defaults cover the common exports (news-please, newspaper, Common Crawl derived sets, most
scrapers); `QUOTETRAIL_FIELDS="text=body,date=pubdate"` names others without code changes, and
is read in whichever process reads, so it reaches workers too.

Values are checked, not coerced: the text (or HTML) must be a string — a record whose text field
holds a number, a list or an object is rejected naming the field, never stored as the article
"12345". Metadata may also be a number (a timestamp); a list or an object there is passed over
for the next key (NewsAPI's "source" is an object). A title longer than MAX_TITLE_CHARS is cut
there and marked with "…": the article stands, and a longer "title" is a mapping mistake (the
text under a title key) that would fill every listing. A URL, outlet or date longer than
MAX_FIELD_CHARS rejects the record naming the field, since cut it would be wrong, not shorter.
A lone surrogate (JSON's "\\ud800" escape, which no UTF-8 encoder takes, so no store) becomes
U+FFFD, as undecodable bytes do.
"""

from __future__ import annotations

import os
import re
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
MAX_TITLE_CHARS = 1_000
MAX_FIELD_CHARS = 2_048  # the longest URL browsers and crawlers keep to
_SURROGATE = re.compile("[\ud800-\udfff]")


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


def _first(record: Mapping[str, Any], keys: tuple[str, ...], numbers: bool) -> tuple[str, str]:
    """(key, value) of the first key holding text (or a number, when `numbers`); ("", "")."""
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return key, _SURROGATE.sub("\ufffd", value.strip())
        if numbers and isinstance(value, (int, float)) and not isinstance(value, bool):
            return key, str(value)
    return "", ""


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    return "an object" if isinstance(value, Mapping) else f"a {type(value).__name__}"


def _mistyped(record: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return f"field {key!r} holds {_kind(value)}, not text"
    return None


def record_to_document(
    record: Any, source: str, locator: str, fields: FieldMap
) -> RawDocument | Rejection:
    """A RawDocument from one exported record, or a Rejection saying what is missing or wrong."""
    where = f"{source}:{locator}"
    if not isinstance(record, Mapping):
        return Rejection(where, f"record is a {type(record).__name__}, not an object")
    _, text = _first(record, fields.names["text"], numbers=False)
    _, html = ("", "") if text else _first(record, fields.names["html"], numbers=False)
    if not (text or html):
        keys = fields.names["text"] + fields.names["html"]
        wanted = ", ".join(keys)
        return Rejection(
            where, _mistyped(record, keys) or f"no article text (looked for: {wanted})"
        )
    metadata = {}
    for attribute in ("url", "published", "outlet"):
        key, value = _first(record, fields.names[attribute], numbers=True)
        if len(value) > MAX_FIELD_CHARS:
            return Rejection(
                where,
                f"field {key!r} is {len(value):,} characters long (at most {MAX_FIELD_CHARS:,})",
            )
        metadata[attribute] = value or None
    _, title = _first(record, fields.names["title"], numbers=True)
    if len(title) > MAX_TITLE_CHARS:
        title = title[:MAX_TITLE_CHARS].rstrip() + "…"
    return RawDocument(
        source_path=source,
        content=text or html,
        format="text" if text else "html",
        locator=locator,
        title=title or None,
        **metadata,
    )
