"""The reader registry: a reader registered by suffix, found by the longest matching suffix."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quotetrail.read import registry


@pytest.fixture
def readers(monkeypatch):
    """An empty registry for the test, restored afterwards."""
    monkeypatch.setattr(registry, "READERS", {})
    return registry.READERS


def read_gz(path):
    yield from ()


def read_warc_gz(path):
    yield from ()


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("crawl.warc.gz", read_warc_gz),  # the longest suffix wins
        ("CRAWL.WARC.GZ", read_warc_gz),  # case does not matter
        ("archive.gz", read_gz),
        ("archive.zip", None),
    ],
)
def test_registry_longest_suffix_wins(readers, name, found):
    registry.reader(".gz")(read_gz)
    registry.reader(".WARC.gz")(read_warc_gz)
    assert registry.reader_for(Path(name)) is found


def test_registry_reader_registers_every_suffix_and_returns_the_function(readers):
    assert registry.reader(".htm", ".html")(read_gz) is read_gz
    assert readers == {".htm": read_gz, ".html": read_gz}


@pytest.mark.parametrize(
    ("path", "name"),
    [
        (Path("news/café.txt"), "news/café.txt"),
        (Path(os.fsdecode(b"news/caf\xe9.txt")), "news/caf\\xe9.txt"),  # a Latin-1 name on disk
        ("news/\ud800.txt", "news/\\ud800.txt"),  # a surrogate no file name decodes to
    ],
)
def test_registry_name_of_is_text_any_store_takes(path, name):
    assert registry.name_of(path) == name


@pytest.mark.parametrize(
    ("value", "limit", "reason"),
    [
        (None, 20_000_000, "too large: over 20 MB, the most one document may hold"),
        ("1500", 1500, "too large: over 1,500 bytes, the most one document may hold"),
    ],
)
def test_registry_document_limit_is_one_setting(monkeypatch, value, limit, reason):
    if value is None:
        monkeypatch.delenv(registry.LIMIT_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(registry.LIMIT_VARIABLE, value)
    assert registry.document_limit() == limit
    assert registry.too_large(limit).startswith(reason)


@pytest.mark.parametrize("value", ["20MB", "0", "-5"])
def test_registry_document_limit_refuses_what_is_not_bytes(monkeypatch, value):
    monkeypatch.setenv(registry.LIMIT_VARIABLE, value)
    with pytest.raises(ValueError, match=registry.LIMIT_VARIABLE):
        registry.document_limit()
