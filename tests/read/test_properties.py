"""Properties of reading, fuzzed: arbitrary bytes under arbitrary file names, for every reader
in the registry, come out as documents or as rejections naming the file and the reason: never an
exception, never nothing, never text a store or a terminal cannot take."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import tempfile
from collections import defaultdict
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from quotetrail.read import READERS, iter_documents, name_of
from quotetrail.read.fields import DEFAULT_FIELDS
from quotetrail.records import RawDocument, Rejection

SUFFIXES_BY_READER: dict[str, list[str]] = defaultdict(list)
for _suffix, _read in sorted(READERS.items()):
    SUFFIXES_BY_READER[_read.__module__].append(_suffix)

KEYS = [key for keys in DEFAULT_FIELDS.values() for key in keys]
# Lone (low, so never a pair) surrogates: what no UTF-8 encoder takes. st.text leaves them out.
surrogates = st.sampled_from("\udc80\udce9")
any_text = st.lists(st.characters() | surrogates, max_size=300).map("".join)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | any_text,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=12,
)


def _warc(pages: list[bytes]) -> bytes:
    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for number, page in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://a.org/{number}", "response", payload=BytesIO(page), http_headers=headers
        )
        writer.write_record(record)
    return buffer.getvalue()


def _csv(rows: list[list[str]]) -> bytes:
    text = io.StringIO()
    csv.writer(text).writerows([["title", "text", "date"], *rows])
    return text.getvalue().encode("utf-8", "surrogatepass")


def _structured(module: str) -> st.SearchStrategy[bytes]:
    """Well-formed files of the reader's format, with arbitrary content inside."""
    text = any_text
    if module.endswith("jsonl"):
        records = st.dictionaries(st.sampled_from(KEYS), any_text | json_values, max_size=6)
        lines = st.lists((records | json_values).map(json.dumps), max_size=5)
        return lines.map(lambda lines: "\n".join(lines).encode("utf-8"))
    if module.endswith("csv"):
        return st.lists(st.lists(text, max_size=5), max_size=4).map(_csv)
    if module.endswith("warc"):
        pages = st.lists(text.map(lambda t: t.encode("utf-8", "surrogatepass")), max_size=3)
        return pages.map(_warc)
    return text.map(lambda t: t.encode("utf-8", "surrogatepass"))


@st.composite
def damaged(draw: st.DrawFn, whole: st.SearchStrategy[bytes]) -> bytes:
    """A well-formed file cut short or with a few bytes changed."""
    data = draw(whole)
    at = draw(st.integers(0, len(data)))
    if draw(st.booleans()):
        return data[:at]
    return data[:at] + draw(st.binary(max_size=4)) + data[at + draw(st.integers(0, 4)) :]


file_names = st.binary(min_size=1, max_size=30).map(
    lambda name: name.replace(b"/", b"_").replace(b"\x00", b"_")
)


def _storable(*texts: str | None) -> None:
    for text in texts:
        (text or "").encode("utf-8")  # raises on a lone surrogate: no store or terminal takes it


def _check(results: list[RawDocument | Rejection], source: str) -> None:
    assert results, f"{source}: neither a document nor a rejection"
    for item in results:
        if isinstance(item, Rejection):
            assert item.source.startswith(source) and item.reason.strip()
            _storable(item.source, item.reason)
        else:
            assert isinstance(item, RawDocument) and item.source_path.startswith(source)
            _storable(item.source_path, item.content, item.title, item.url, item.published)
            _storable(item.outlet, item.locator)


@pytest.mark.parametrize("module", sorted(SUFFIXES_BY_READER))
def test_properties_every_reader_names_what_it_cannot_read(module: str) -> None:
    structured = _structured(module)
    contents = st.one_of(st.binary(max_size=1500), structured, damaged(structured))

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        name=file_names,
        suffix=st.sampled_from(SUFFIXES_BY_READER[module]),
        data=contents,
        compress=st.booleans(),
    )
    def reads(name: bytes, suffix: str, data: bytes, compress: bool) -> None:
        if suffix.endswith(".gz") and compress:
            data = gzip.compress(data)
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(os.fsencode(folder), name + suffix.encode())
            with open(path, "wb") as handle:
                handle.write(data)
            path = Path(os.fsdecode(path))
            _check(list(iter_documents([path])), name_of(path))
            _check(list(iter_documents([folder])), folder)

    reads()
