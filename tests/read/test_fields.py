"""Exported records to documents: which keys hold what, QUOTETRAIL_FIELDS, named rejections."""

from __future__ import annotations

import pytest

from quotetrail.read.fields import (
    DEFAULT_FIELDS,
    ENV_VARIABLE,
    FieldMap,
    configured_fields,
    record_to_document,
)
from quotetrail.records import RawDocument, Rejection

DEFAULTS = FieldMap(DEFAULT_FIELDS)


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (
            {
                "maintext": "Body.",
                "headline": "Title",
                "date_publish": "2021-08-20",
                "link": "https://x.example/a",
                "source_domain": "x.example",
            },
            ("Body.", "text", "Title", "2021-08-20", "https://x.example/a", "x.example"),
        ),
        (
            {"raw_html": "<p>Body.</p>", "timestamp": 1629417600},
            ("<p>Body.</p>", "html", None, "1629417600", None, None),
        ),
        (
            {
                "text": "  ",
                "content": "Body.",
                "title": ["not", "text"],
            },  # blanks and lists skipped
            ("Body.", "text", None, None, None, None),
        ),
    ],
)
def test_fields_record_to_document_by_default_keys(record, expected):
    document = record_to_document(record, "export.jsonl", "line 2", DEFAULTS)
    assert isinstance(document, RawDocument) and document.origin == "export.jsonl:line 2"
    assert (
        document.content,
        document.format,
        document.title,
        document.published,
        document.url,
        document.outlet,
    ) == expected


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        (["a list"], "record is a list, not an object"),
        ({"title": "Only a title"}, "no article text (looked for: text, content"),
    ],
)
def test_fields_record_without_text_is_a_named_rejection(record, reason):
    rejection = record_to_document(record, "export.jsonl", "line 3", DEFAULTS)
    assert isinstance(rejection, Rejection) and rejection.source == "export.jsonl:line 3"
    assert rejection.reason.startswith(reason)


def test_fields_spec_names_a_key_tried_first():
    fields = FieldMap.from_spec("text=story, published=when")
    record = {"story": "Named.", "text": "Default.", "when": "2021-08-20", "date": "2020-01-01"}
    document = record_to_document(record, "e.csv", "row 1", fields)
    assert (document.content, document.published) == ("Named.", "2021-08-20")


@pytest.mark.parametrize("spec", ["body", "text=", "colour=red"])
def test_fields_bad_spec_is_refused_naming_the_variable(spec):
    with pytest.raises(ValueError, match=ENV_VARIABLE):
        FieldMap.from_spec(spec)


def test_fields_configured_from_the_environment(monkeypatch):
    monkeypatch.setenv(ENV_VARIABLE, "title=subject")
    assert configured_fields().names["title"][0] == "subject"
    monkeypatch.delenv(ENV_VARIABLE)
    assert configured_fields() == DEFAULTS
