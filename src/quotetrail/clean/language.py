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
_LETTER = re.compile(r"[^\W\d_]")  # letters, and numerals that are no digit ("½", "Ⅻ")
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
    """The script of more than half of the first 20,000 letters, if one has it (each distinct
    letter is looked up once: a text has a few hundred)."""
    letters = _LETTER.findall(text)[:20000]
    if not letters:
        return None
    counts: Counter[str] = Counter()
    for char, count in Counter(letters).items():
        counts[_script_of(char)] += count
    script, count = counts.most_common(1)[0]
    return script if count > len(letters) / 2 else None


def detect_language(text: str) -> str:
    """An ISO 639-1 code for `text`; "en" when the text is too short to tell."""
    script = _dominant_script(text)
    if script in SCRIPT_LANGUAGES:
        return SCRIPT_LANGUAGES[script]
    words = Counter(word.casefold() for word in _WORD.findall(text[:50000]))
    if words.total() < MIN_WORDS:
        return "en"
    scores = {
        language: sum(count for word, count in words.items() if word in profile)
        for language, profile in stop_words().items()
    }
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] > scores["en"] * 1.2 else "en"
