"""Encoding repair: ftfy's reversible fixes, the lossy table, curly quotes kept."""

from __future__ import annotations

import pytest

from quotetrail.clean.encoding import LOSSY_TABLE, has_mojibake, repair_text


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("He said â€œhelloâ€\x9d today", "He said “hello” today"),
        ("cafÃ© and naÃ¯ve", "café and naïve"),
        (
            "Russia wants to †actively operate in Kabul,â€TM claiming",
            "Russia wants to ‘actively operate in Kabul,’ claiming",
        ),
        ("the â€œdemocraticâ€ label", "the “democratic” label"),
        ("Afghanistanâ€TMs president", "Afghanistan’s president"),
    ],
)
def test_encoding_repairs_mojibake(broken: str, fixed: str) -> None:
    assert repair_text(broken) == fixed


@pytest.mark.parametrize(
    "clean", ["“Quoted,” he said — it’s ‘fine’.", "Born 1920 † died 1990", "Line one\nLine two"]
)
def test_encoding_leaves_clean_text_and_curly_quotes(clean: str) -> None:
    assert repair_text(clean) == clean


def test_encoding_normalises_line_endings() -> None:
    assert repair_text("a\r\nb\rc") == "a\nb\nc"


def test_encoding_lossy_table_is_gated_by_mojibake() -> None:
    assert not has_mojibake("A footnote mark† stays")
    assert repair_text("A footnote mark† stays") == "A footnote mark† stays"
    assert all(name for name, _, _ in LOSSY_TABLE)
