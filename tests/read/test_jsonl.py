"""The JSONL reader: one article per line, configurable fields, bad lines named and skipped."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from quotetrail.read import iter_documents
from quotetrail.read.fields import FieldMap
from quotetrail.read.registry import LIMIT_VARIABLE, too_large
from quotetrail.records import RawDocument, Rejection


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_reads_default_fields(tmp_path: Path) -> None:
    record = {
        "content": "Text of the story.",
        "headline": "A headline",
        "published_at": "2021-08-23",
        "link": "https://x.org/1",
        "source": "X",
    }
    [document] = list(iter_documents([_write(tmp_path / "a.jsonl", [json.dumps(record)])]))
    assert isinstance(document, RawDocument)
    assert (
        document.content,
        document.title,
        document.published,
        document.url,
        document.outlet,
    ) == (
        "Text of the story.",
        "A headline",
        "2021-08-23",
        "https://x.org/1",
        "X",
    )
    assert document.locator == "line 1" and document.format == "text"


def test_jsonl_html_field_gives_html_document(tmp_path: Path) -> None:
    [document] = list(
        iter_documents([_write(tmp_path / "a.jsonl", [json.dumps({"html": "<p>Hi</p>"})])])
    )
    assert isinstance(document, RawDocument) and document.format == "html"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "invalid JSON"),
        ('["a list"]', "not an object"),
        ('{"title": "no text"}', "no article text"),
    ],
)
def test_jsonl_bad_line_is_rejected_and_reading_goes_on(
    tmp_path: Path, line: str, reason: str
) -> None:
    path = _write(
        tmp_path / "a.jsonl", [json.dumps({"text": "first"}), line, json.dumps({"text": "third"})]
    )
    results = list(iter_documents([path]))
    assert [type(r).__name__ for r in results] == ["RawDocument", "Rejection", "RawDocument"]
    assert results[1].source == f"{path}:line 2" and reason in results[1].reason


def test_jsonl_fields_configurable_from_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUOTETRAIL_FIELDS", "text=story,date=day")
    with pytest.raises(ValueError):
        FieldMap.from_spec("text=story,date=day")
    monkeypatch.setenv("QUOTETRAIL_FIELDS", "text=story,published=day")
    record = {"story": "Custom field text.", "text": "not this one", "day": "2020-01-02"}
    [document] = list(iter_documents([_write(tmp_path / "a.jsonl", [json.dumps(record)])]))
    assert isinstance(document, RawDocument)
    assert (document.content, document.published) == ("Custom field text.", "2020-01-02")


def test_jsonl_invalid_utf8_line_rejected(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"text": "ok"}\n{"text": "\xff\xfe"}\n')
    results = list(iter_documents([path]))
    assert isinstance(results[0], RawDocument)
    assert isinstance(results[1], Rejection) and "UTF-8" in results[1].reason


@pytest.mark.parametrize("name", ["a.jsonl", "a.jsonl.gz"])
def test_jsonl_line_over_the_document_limit_is_rejected_unparsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setenv(LIMIT_VARIABLE, "100")
    lines = [json.dumps({"text": "first"}), "{" + "x" * 500, json.dumps({"text": "third"})]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    first, big, third = iter_documents([path])
    assert big == Rejection(f"{path}:line 2", too_large(100))  # not "invalid JSON": unparsed
    assert (first.content, third.content) == ("first", "third")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"[" * 100_000 + b"]" * 100_000 + b"\n", "invalid JSON: nested too deeply"),
        (b"\n\n", "empty file"),
    ],
)
def test_jsonl_hostile_or_empty_file_is_named(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(data)
    [rejection] = iter_documents([path])
    assert rejection.reason == reason
