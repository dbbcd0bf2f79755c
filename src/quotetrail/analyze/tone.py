"""Document tone, on GDELT's scale: the share of positive words minus the share of negative
words, in percent of all words (−100 … +100; news mostly falls within −10 … +5).

A secondary signal about how an article is written — never the stance of a speaker toward a
target (an article can report warm words about a group in a grim tone). Positive and negative
words are those with a valence in VADER's lexicon.
"""

from __future__ import annotations

import re

from quotetrail.lexicon import valences

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def tone_counts(text: str) -> dict[str, float]:
    """Word, positive-word and negative-word counts, and the tone they give."""
    table = valences()
    words = pos = neg = 0
    for match in WORD.finditer(text):
        words += 1
        value = table.get(match.group().lower().replace("’", "'"), 0.0)
        pos += value > 0
        neg += value < 0
    tone = 100.0 * (pos - neg) / words if words else 0.0
    return {
        "tone": round(tone, 3),
        "positive": 100.0 * pos / words if words else 0.0,
        "negative": 100.0 * neg / words if words else 0.0,
        "words": words,
    }


def article_tone(text: str) -> float:
    """GDELT-like tone of one article's cleaned text."""
    return tone_counts(text)["tone"]
