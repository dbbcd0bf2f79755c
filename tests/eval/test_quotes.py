"""The quotes harness: offset mapping, greedy matching and scoring, on a fixture written for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotetrail.eval.quotes import (
    THRESHOLDS,
    Predicted,
    error_class,
    evaluate,
    match,
    offset_map,
    score,
    speaker_errors,
)

MINI = Path(__file__).resolve().parents[1] / "data" / "extract" / "quotes-mini"


@pytest.mark.parametrize(
    "raw",
    [
        "One.\n\nTwo “three” four.",
        "No\u00a0break and caf\u00e9.\nNext line..\nLast  line.",
    ],
)
def test_quotes_offset_map_points_back_to_raw(raw: str) -> None:
    text, offsets = offset_map(raw)
    assert len(offsets) == len(text)
    for position, char in enumerate(text):
        if char.isalnum():
            assert raw[offsets[position]] == char


def test_quotes_match_is_greedy_one_to_one() -> None:
    golds = [(0, 10), (5, 15)]
    predicted = [Predicted(0, 12)]
    assert match(golds, predicted, 0.3) == {0: 0}
    assert match(golds, [Predicted(0, 2)], 0.3) == {}


def test_quotes_scores_a_perfect_and_an_empty_extractor() -> None:
    def perfect(texts):
        raw = texts[0]
        first = raw.index("It is")
        second = raw.index("the repairs")
        return [
            [
                Predicted(first - 1, raw.index("she said") - 1, "Jane Smith", "she"),
                Predicted(
                    second, second + len("the repairs cost less than planned"), "Smith", "Smith"
                ),
            ]
        ]

    scores = score(MINI, perfect)
    assert (scores["f1_0.3"], scores["f1_0.8"]) == (1.0, 1.0)
    assert scores["speaker_accuracy"] == 0.5  # "Smith" is not the resolved name
    assert scores["speaker_span_accuracy"] == 1.0
    assert score(MINI, lambda texts: [[] for _ in texts])["f1_0.3"] == 0.0


def test_quotes_our_extractor_on_the_fixture() -> None:
    scores = evaluate(MINI)
    assert scores["f1_0.8"] == 1.0
    assert scores["speaker_accuracy"] == 1.0


@pytest.mark.parametrize(
    ("mention", "predicted", "gold", "kind"),
    [
        ("she", "Jane Smith", "Ann Lee", "pronoun"),
        ("Smith", "Smith", "Jane Smith", "name-length"),
        ("the report", "report", "Fraser Institute", "document"),
        ("the company", "Acme", "Bolt Inc", "description"),
        ("Acme", "Acme", "Bolt Inc", "other"),
    ],
)
def test_quotes_error_class(mention: str, predicted: str, gold: str, kind: str) -> None:
    assert error_class(Predicted(0, 1, predicted, mention), gold) == kind


def test_quotes_speaker_errors_lists_only_wrong_speakers() -> None:
    def half_right(texts):
        raw = texts[0]
        first, second = raw.index("It is"), raw.index("the repairs")
        return [
            [
                Predicted(first - 1, raw.index("she said") - 1, "Jane Smith", "she"),
                Predicted(second, second + 30, "Smith", "Smith"),
            ]
        ]

    errors = speaker_errors(MINI, half_right)
    assert [(row["predicted"], row["class"]) for row in errors] == [("Smith", "name-length")]


@pytest.mark.parametrize(
    ("predicted", "at_03", "at_08"),
    [
        (Predicted(0, 3), False, False),  # 30 % of the gold span: not more than 0.3
        (Predicted(0, 4), True, False),
        (Predicted(0, 8), True, False),  # 80 %: not more than 0.8
        (Predicted(1, 10), True, True),
        (Predicted(-5, 15), True, True),  # covering more than the gold costs nothing
    ],
)
def test_quotes_match_overlap_is_a_share_of_the_gold_span(predicted, at_03, at_08):
    assert [bool(match([(0, 10)], [predicted], t)) for t in THRESHOLDS] == [at_03, at_08]
