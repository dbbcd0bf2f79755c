"""The learned stance model: its input marking, and the shipped artefact run by onnxruntime."""

from __future__ import annotations

import pytest

from quotetrail.analyze import minilm


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("Putin praised the Taliban.", 18, 25, "Putin praised the « Taliban »."),
        ("Taliban", 0, 7, "« Taliban »"),
        # marker characters already in the text are not markers
        ("«Quoted» Hamas «x»", 9, 14, '"Quoted" « Hamas » "x"'),
    ],
)
def test_minilm_mark_wraps_the_target(text, start, end, expected):
    assert minilm.mark(text, start, end) == expected


def test_minilm_mark_keeps_a_window_around_the_target_in_long_text():
    text = "word " * 400 + "Hamas" + " word" * 400
    start = text.index("Hamas")
    marked = minilm.mark(text, start, start + 5)
    assert "« Hamas »" in marked
    assert len(marked) <= 2 * minilm.WINDOW + 20
    assert not marked.startswith("ord") and not marked.endswith("wor")


def test_minilm_switched_off_by_the_environment(monkeypatch):
    monkeypatch.setenv(minilm.CHOICE, "light")
    assert not minilm.enabled()


def test_minilm_shipped_and_enabled(monkeypatch):
    """The artefact is in the package and runs with the default install."""
    monkeypatch.delenv(minilm.CHOICE, raising=False)
    assert minilm.enabled()


def test_minilm_logits_in_input_order_whatever_runs_beside_them():
    texts = [
        minilm.mark(t, t.index("Hamas"), t.index("Hamas") + 5)
        for t in [
            "We strongly condemn Hamas for the brutal attack on civilians.",
            "Hamas.",
            "Officials met Hamas on Tuesday to discuss the schedule of the talks in Cairo.",
        ]
    ]
    together = minilm.logits(texts)
    alone = [minilm.logits([text])[0] for text in texts]
    assert len(together) == 3 and all(len(row) == len(minilm.LABELS) for row in together)
    # a text's logits do not depend on the texts run with it
    assert together == alone
    assert together[0].index(max(together[0])) == minilm.LABELS.index("oppose")


def test_minilm_logits_run_a_repeated_text_once(monkeypatch):
    session, tokenizer = minilm._runtime()
    runs = []

    class Counting:
        def run(self, outputs, feed):
            runs.append(len(feed["input_ids"]))
            return session.run(outputs, feed)

    monkeypatch.setattr(minilm, "_runtime", lambda: (Counting(), tokenizer))
    text = minilm.mark("Moscow will not recognise the Taliban.", 30, 37)
    rows = minilm.logits([text, "Kabul «  » waits.", text])
    assert sum(runs) == 2
    assert rows[0] == rows[2]


def test_minilm_proba_is_a_distribution():
    proba = minilm.proba((2.0, 0.5, -1.0))
    assert sum(proba.values()) == pytest.approx(1.0)
    assert max(proba, key=proba.get) == "oppose"
