"""Exported records to documents: which keys hold what, QUOTETRAIL_FIELDS, named rejections."""

from __future__ import annotations

import json

import pytest

from quotetrail.read.fields import (
    DEFAULT_FIELDS,
    ENV_VARIABLE,
    MAX_TITLE_CHARS,
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
        ({"text": 12345}, "field 'text' holds a number, not text"),
        ({"text": True, "title": "T"}, "field 'text' holds true/false, not text"),
        ({"content": {"p": "Body."}}, "field 'content' holds an object, not text"),
        ({"html": ["<p>Body.</p>"]}, "field 'html' holds a list, not text"),
        (
            {"text": "Body.", "url": "https://a.org/" + "x" * 2100},
            "field 'url' is 2,114 characters",
        ),
        ({"text": "Body.", "date": "2021-08-20 " * 200}, "field 'date' is 2,199 characters"),
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


def test_fields_title_over_the_limit_is_cut():
    record = {"text": "Body.", "title": "word " * 1000}
    document = record_to_document(record, "export.jsonl", "line 1", DEFAULTS)
    assert document.title == "word " * (MAX_TITLE_CHARS // 5 - 1) + "word…"


def test_fields_metadata_numbers_kept_other_shapes_skipped():
    record = {"text": "Body.", "source": {"id": None, "name": "BBC News"}, "site": "bbc.co.uk"}
    document = record_to_document(record, "newsapi.jsonl", "line 1", DEFAULTS)
    assert document.outlet == "bbc.co.uk"  # NewsAPI's "source" object is passed over


def test_fields_lone_surrogates_become_replacement_characters():
    record = json.loads('{"text": "Story \\ud800 here", "title": "caf\\udce9"}')
    document = record_to_document(record, "export.jsonl", "line 1", DEFAULTS)
    assert (document.content, document.title) == ("Story \ufffd here", "caf\ufffd")
