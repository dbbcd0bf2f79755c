"""Article tone on GDELT's scale: positive minus negative words, percent of all words."""

from __future__ import annotations

import pytest

from quotetrail.analyze.tone import article_tone, tone_counts


@pytest.mark.parametrize(
    "text, sign",
    [
        ("A wonderful, peaceful and happy celebration of friendship.", 1),
        ("A deadly attack killed dozens; terror and grief followed the horrible bombing.", -1),
        ("The committee met on Tuesday in the capital.", 0),
    ],
)
def test_tone_sign(text, sign):
    tone = article_tone(text)
    assert (tone > 0) - (tone < 0) == sign


def test_tone_is_percent_of_words():
    counts = tone_counts("good bad bad word")
    assert counts["words"] == 4 and counts["tone"] == pytest.approx(-25.0)


@pytest.mark.parametrize("text", ["", "1234 5678", "\x00\x1b[2J"])
def test_tone_empty_or_wordless_is_zero(text):
    assert article_tone(text) == 0.0


def test_tone_differs_from_stance_on_grim_reporting_of_support():
    """Warm words toward a target in a grim article: the tone is negative whatever the stance."""
    text = (
        "After the deadly bombing that killed many and left the city in terror and grief, "
        "the minister called the group allies."
    )
    assert article_tone(text) < 0
