"""Language: English told from other languages offline, by stop words and script."""

from __future__ import annotations

import pytest

from quotetrail.clean.language import detect_language

SAMPLES = {
    "en": (
        "The minister said on Monday that the government would not change its position on the "
        "talks, and that it was ready to wait."
    ),
    "it": (
        "Il presidente della Repubblica ha detto che il governo non è pronto per la riforma e che "
        "ci sono molti problemi da risolvere nel paese."
    ),
    "pt": (
        "O presidente disse que o governo não está pronto para a reforma e que há muitos problemas "
        "a resolver no país, como o desemprego."
    ),
    "de": (
        "Der Minister sagte am Montag, dass die Regierung ihre Position zu den Gesprächen nicht "
        "ändern werde und dass sie auch warten könne."
    ),
    "ru": (
        "Министр заявил в понедельник, что правительство не изменит свою позицию на переговорах и "
        "готово ждать."
    ),
    "ko": (
        "장관은 월요일 정부가 회담에 대한 입장을 바꾸지 않을 것이며 기다릴 준비가 되어 있다고 "
        "말했다."
    ),
}


@pytest.mark.parametrize(("language", "text"), SAMPLES.items())
def test_language_detects(language: str, text: str) -> None:
    assert detect_language(text) == language


def test_language_short_text_defaults_to_english() -> None:
    assert detect_language("Der Minister") == "en"
