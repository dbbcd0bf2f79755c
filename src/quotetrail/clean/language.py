"""Language identification from a stop-word profile and the script: small, offline, no model.

News prose is full of function words, so the share of each language's commonest words tells
English from the other Latin-script languages reliably on a paragraph or more; texts mostly in
another script (Cyrillic, Arabic, CJK, Hangul …) are named by that script. Only "is it English"
matters downstream (other languages are stored and flagged, not extracted), so a short or
ambiguous text defaults to English rather than being skipped.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path

_WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 20

# Unicode script (first word of the character name) → language code used when it dominates.
SCRIPT_LANGUAGES = {
    "CYRILLIC": "ru",
    "ARABIC": "ar",
    "HEBREW": "he",
    "GREEK": "el",
    "HANGUL": "ko",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "CJK": "zh",
    "THAI": "th",
    "DEVANAGARI": "hi",
    "BENGALI": "bn",
    "ARMENIAN": "hy",
    "GEORGIAN": "ka",
    "TAMIL": "ta",
}


@cache
def stop_words() -> dict[str, frozenset[str]]:
    profiles = json.loads(Path(__file__).with_name("stopwords.json").read_text(encoding="utf-8"))
    return {language: frozenset(words) for language, words in profiles.items()}


def _script_of(char: str) -> str:
    return unicodedata.name(char, "UNKNOWN").split(" ")[0]


def _dominant_script(text: str) -> str | None:
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return None
    counts = Counter(_script_of(char) for char in letters[:20000])
    script, count = counts.most_common(1)[0]
    return script if count > len(letters[:20000]) / 2 else None


def detect_language(text: str) -> str:
    """An ISO 639-1 code for `text`; "en" when the text is too short to tell."""
    script = _dominant_script(text)
    if script in SCRIPT_LANGUAGES:
        return SCRIPT_LANGUAGES[script]
    words = [word.casefold() for word in _WORD.findall(text[:50000])]
    if len(words) < MIN_WORDS:
        return "en"
    scores = {
        language: sum(word in profile for word in words)
        for language, profile in stop_words().items()
    }
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] > scores["en"] * 1.2 else "en"
