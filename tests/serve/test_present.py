"""Shaping for pages and charts: highlighting, JSON in scripts, links, the position analysis."""

from __future__ import annotations

import json
from functools import partial

import pytest

from quotetrail.serve.present import highlight, position_data, safe_url, script_json


@pytest.mark.parametrize(
    "spans, expected",
    [
        ([], [("abcdefghij", None)]),
        ([(2, 4, "s")], [("ab", None), ("cd", "s"), ("efghij", None)]),
        ([(0, 10, "s")], [("abcdefghij", "s")]),
        (
            [(6, 8, "b"), (1, 3, "a")],
            [("a", None), ("bc", "a"), ("def", None), ("gh", "b"), ("ij", None)],
        ),
        (
            [(1, 5, "a"), (3, 7, "b")],
            [("a", None), ("bcde", "a"), ("fg", "b"), ("hij", None)],
        ),  # overlap clipped
        ([(8, 40, "a"), (50, 60, "b")], [("abcdefgh", None), ("ij", "a")]),  # past the end
        ([(4, 4, "a")], [("abcdefghij", None)]),  # empty
    ],
)
def test_present_highlight_cuts_every_character_once(spans, expected) -> None:
    segments = highlight("abcdefghij", spans)
    assert [(s["text"], s["id"]) for s in segments] == expected
    assert "".join(s["text"] for s in segments) == "abcdefghij"


@pytest.mark.parametrize(
    "value", ["</script><script>alert(1)</script>", "<!-- x", "a & b > c", "line\u2028sep"]
)
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


def test_present_position_reads_as_the_command_line(store) -> None:
    """The pages, the API and the report show the analysis `quotetrail positions` prints (its
    periods, shifts and contradictions), never a second, simpler computation of their own."""
    from quotetrail.analyze.positions import position

    data = position_data(store, "Russia", "Taliban")
    result = position(store, "Russia", "Taliban")
    assert [
        (m["month"], m["statements"], m["label"], m["low"], m["high"]) for m in data["months"]
    ] == [(p.period, p.statements, p.label, p.low, p.high) for p in result.periods]
    assert [
        (s["since"], s["month"], s["from"], s["to"], s["confidence"]) for s in data["shifts"]
    ] == [(s.before, s.after, s.from_label, s.to_label, s.confidence) for s in result.shifts]
    assert data["shifts"] and all(s["evidence_after"] for s in data["shifts"])
    assert data["contradictions"] == result.contradictions


def test_present_position_pages_kept_read_as_pages_worked_out(store, monkeypatch) -> None:
    """Kept by the server (`Remembered`), a position is analysed once for all its pages, and
    each page reads as it does worked out on its own: its statements, its points, the whole
    position's months, shifts and contradictions."""
    from quotetrail.serve import present
    from quotetrail.serve.owner import Remembered

    remembered, analysed, original = Remembered(), [], present.position

    def counted(*args, **kwargs):
        analysed.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(present, "position", counted)
    recall = partial(remembered.get, store)
    for offset in (0, 1, 2, 3, 4):
        kept = position_data(store, "Russia", "Taliban", limit=1, offset=offset, recall=recall)
        alone = position_data(store, "Russia", "Taliban", limit=1, offset=offset)
        assert json.dumps(kept, default=vars, sort_keys=True) == json.dumps(
            alone, default=vars, sort_keys=True
        )
        assert len(kept["statements"]) == (1 if offset < 4 else 0)
    assert len(analysed) == 1 + 5  # once kept, and once for each page worked out alone
