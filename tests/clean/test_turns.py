"""Turn labels as text dumps write them: alone on a line, or opening the turn's words."""

from __future__ import annotations

import pytest

from quotetrail.clean.turns import label_line, turn_label


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Selin Aydin (00:00:04):", "selin aydin"),
        ("Reporter 1 [00:00:31]:", "reporter 1"),
        ("Ines Roth  0:47", "ines roth"),  # a name and a time, no colon
        ("[00:01:12] HOST:", "host"),
        ("Moderator:", "moderator"),
        ("Ines Roth", None),  # neither a colon nor a time
        ("Question: Will the bridge reopen?", None),  # words after the label
        ("The aims were to: reduce costs", None),
    ],
)
def test_turns_label_line(line: str, expected: str | None) -> None:
    assert label_line(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("MS. WHITFIELD:  Good afternoon, everyone.", "ms. whitfield"),
        ("[00:00:19] TOMAS VARGA: Because we lost a thousand nurses.", "tomas varga"),
        ("Reporter 1 (00:00:31): Will it stay open?", "reporter 1"),
        ("Selin Aydin (00:00:04):", "selin aydin"),  # alone on its line too
        ("Good afternoon, everyone.", None),
    ],
)
def test_turns_turn_label(line: str, expected: str | None) -> None:
    assert turn_label(line) == expected
