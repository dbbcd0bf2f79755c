"""Shaping for pages and charts: highlighting, JSON in scripts, links, monthly stance, shifts."""

from __future__ import annotations

import json

import pytest

from quotetrail.serve.present import highlight, monthly, safe_url, script_json, shifts


@pytest.mark.parametrize(
    "spans, expected",
    [
        ([], [("abcdefghij", None)]),
        ([(2, 4, "s")], [("ab", None), ("cd", "s"), ("efghij", None)]),
        ([(0, 10, "s")], [("abcdefghij", "s")]),
        ([(6, 8, "b"), (1, 3, "a")], [("a", None), ("bc", "a"), ("def", None), ("gh", "b"), ("ij", None)]),
        ([(1, 5, "a"), (3, 7, "b")], [("a", None), ("bcde", "a"), ("fg", "b"), ("hij", None)]),  # overlap clipped
        ([(8, 40, "a"), (50, 60, "b")], [("abcdefgh", None), ("ij", "a")]),  # past the end
        ([(4, 4, "a")], [("abcdefghij", None)]),  # empty
    ],
)
def test_present_highlight_cuts_every_character_once(spans, expected) -> None:
    segments = highlight("abcdefghij", spans)
    assert [(s["text"], s["id"]) for s in segments] == expected
    assert "".join(s["text"] for s in segments) == "abcdefghij"


@pytest.mark.parametrize("value", ["</script><script>alert(1)</script>", "<!-- x", "a & b > c", "line\u2028sep"])
def test_present_script_json_cannot_close_the_script(value: str) -> None:
    text = script_json({"quote": value})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"quote": value}


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://rt.example/a", "https://rt.example/a"),
        ("http://x.example", "http://x.example"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("//evil.example/x", None),
        (None, None),
    ],
)
def test_present_safe_url_keeps_only_http(url, expected) -> None:
    assert safe_url(url) == expected


def _points(*pairs):
    return [{"month": month, "value": value} for month, value in pairs]


@pytest.mark.parametrize(
    "points, expected",
    [
        (_points(("2021-08", 1.0), ("2021-08", -1.0), ("2021-09", 1.0)), [("2021-08", 0.0, "neutral"), ("2021-09", 1.0, "support")]),
        (_points(("2021-08", None), ("2024-07", -1.0)), [("2024-07", -1.0, "oppose")]),
        (_points(("2021-08", 1.0), ("2021-08", 1.0), ("2021-08", -1.0)), [("2021-08", 0.333, "neutral")]),
    ],
)
def test_present_monthly_means(points, expected) -> None:
    assert [(m["month"], m["mean"], m["label"]) for m in monthly(points)] == expected


def test_present_shifts_mark_label_changes_only() -> None:
    months = [{"month": "2021-01", "label": "oppose"}, {"month": "2021-02", "label": "oppose"},
              {"month": "2022-05", "label": "support"}, {"month": "2022-06", "label": "neutral"}]
    assert [(s["month"], s["from"], s["to"], s["since"]) for s in shifts(months)] == [
        ("2022-05", "oppose", "support", "2021-02"), ("2022-06", "support", "neutral", "2022-05")]
