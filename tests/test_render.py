from __future__ import annotations

import csv
import io
import json

import pytest

from quotetrail.render import emit, safe_text

ROWS = [{"name": "Putin", "quote": "[bold red]not markup[/] \x1b[31mred\x1b[0m", "n": 1}]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_render_json_formats_round_trip(fmt):
    out = io.StringIO()
    emit(ROWS, fmt, stream=out)
    text = out.getvalue()
    parsed = json.loads(text) if fmt == "json" else [json.loads(line) for line in text.splitlines()]
    assert parsed == ROWS


def test_render_table_shows_markup_and_escapes_as_inert_text():
    out = io.StringIO()
    emit(ROWS, "table", stream=out)
    text = out.getvalue()
    assert "[bold red]not markup[/]" in text
    assert "\x1b" not in text
    assert "\\u001b[31mred" in text


def test_render_csv_defuses_formulas():
    out = io.StringIO()
    emit([{"quote": '=HYPERLINK("http://x")'}], "csv", stream=out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[1][0].startswith("'=")


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, ""), ("a\nb", "a b"), ("x\u202ey", "x\\u202ey"), (["a"], '["a"]')],
)
def test_render_safe_text(value, expected):
    assert safe_text(value) == expected
