"""The quotes harness: offset mapping, greedy matching and scoring, on a fixture written for it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotetrail.eval.quotes import (
    THRESHOLDS,
    Predicted,
    content_kind,
    error_class,
    evaluate,
    match,
    offset_map,
    sampled,
    score,
    speaker_errors,
    speaker_overlaps,
    speech_cue,
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
    golds = [((0, 10),), ((5, 15),)]
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


def test_quotes_gender_gap_set_scores_quotes_not_acts() -> None:
    """That set annotates quotes only: a statement of kind `act` ("rejected the plan") is left
    out of its score, and counted; the same prediction as a quote is scored."""

    def one(kind):
        def extractor(texts):
            start = texts[0].index("the repairs")
            end = start + len("the repairs cost less than planned")
            return [[Predicted(start, end, "Jane Smith", "Smith", kind)]]

        return score(MINI, extractor)

    as_act, as_quote = one("act"), one("indirect")
    assert (as_act["predicted_quotes"], as_act["predicted_acts_not_scored"]) == (0, 1)
    assert as_act["recall_0.3"] == 0.0 and as_quote["recall_0.3"] == 0.5


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
    assert [bool(match([((0, 10),)], [predicted], t)) for t in THRESHOLDS] == [at_03, at_08]


def _polnear_article(text: str, *attributions: tuple[str, str, str]) -> dict:
    """A PolNeAR-shaped record; each attribution is (source, cue, content) as found in `text`
    (a content of two pieces is written "first|second")."""

    def part(found: str) -> list[dict]:
        if not found:
            return []
        spans = [[text.index(piece), text.index(piece) + len(piece)] for piece in found.split("|")]
        return [{"spans": spans, "text": " … ".join(found.split("|"))}]

    return {
        "text": text,
        "attributions": [
            {"id": f"E{n}", "source": part(source), "cue": part(cue), "content": part(content)}
            for n, (source, cue, content) in enumerate(attributions)
        ],
    }


POLNEAR_TEXT = (
    "“The bridge opens in May,” the mayor said, “and not a day later.”\n"
    "Councillor Ray Ortiz believes the budget is too small.\n"
    "Ortiz told reporters that the vote would be close."
)
POLNEAR = _polnear_article(
    POLNEAR_TEXT,
    ("the mayor", "said", "“The bridge opens in May,”|“and not a day later.”"),
    ("Councillor Ray Ortiz", "believes", "the budget is too small"),
    ("Ortiz", "told", "that the vote would be close"),
)


@pytest.fixture
def polnear_dev(tmp_path: Path) -> Path:
    (tmp_path / "dev.jsonl").write_text(json.dumps(POLNEAR) + "\n", encoding="utf-8")
    return tmp_path


def _at(fragment: str, speaker: str = "", mention: str = "") -> Predicted:
    start = POLNEAR_TEXT.index(fragment)
    return Predicted(start, start + len(fragment), speaker, mention)


@pytest.mark.parametrize(
    ("cue", "speech"),
    [
        ("said", True),
        ("also noted:", True),
        ("in a statement", True),
        ("remarks", True),
        ("according to", True),
        ("believes", False),
        ("wants", False),
        ("―", False),
    ],
)
def test_quotes_speech_cue_is_the_lexicons(cue: str, speech: bool) -> None:
    assert speech_cue(cue) is speech


@pytest.mark.parametrize(
    ("pieces", "kind"),
    [
        (["“The bridge opens,”", "“and not later.”"], "direct"),
        (['"It opens in May."'], "direct"),
        (["“It runs to the end of the paragraph."], "direct"),
        (["that it would “keep the details quiet.”"], "mixed"),
        (["that the vote would be close"], "indirect"),
        (["''The bridge opens,''", "''and it stays 'open.'''"], "direct"),
        (["that it would ''keep the details quiet.''"], "mixed"),
    ],
)
def test_quotes_content_kind_by_quotation_marks(pieces: list[str], kind: str) -> None:
    assert content_kind(pieces) == kind


def test_quotes_polnear_split_quote_is_one_gold_of_two_pieces(polnear_dev: Path) -> None:
    whole = Predicted(0, POLNEAR_TEXT.index("\n"), "Jo Park", "the mayor")
    first_piece_only = _at("“The bridge opens in May,”", "Jo Park", "the mayor")
    assert score(polnear_dev, lambda texts: [[whole]])["speech"]["recall_0.8"] == 0.5
    scores = score(polnear_dev, lambda texts: [[first_piece_only]])
    assert (scores["speech"]["recall_0.3"], scores["speech"]["recall_0.8"]) == (0.5, 0.0)


def test_quotes_polnear_scores_all_and_speech_alone(polnear_dev: Path) -> None:
    def three(texts):
        return [
            [
                Predicted(0, POLNEAR_TEXT.index("\n"), "Jo Park", "he"),
                _at("the budget is too small", "Ray Ortiz", "Ortiz"),
                _at("that the vote would be close", "Ray Ortiz", "Ortiz"),
            ]
        ]

    scores = score(polnear_dev, three)
    assert scores["articles"] == 1
    assert (scores["all"]["gold"], scores["speech"]["gold"]) == (3, 2)
    assert scores["all"]["f1_0.3"] == 1.0
    # the belief matched is left out of speech-only precision, neither right nor wrong
    assert (scores["speech"]["precision_0.3"], scores["speech"]["recall_0.3"]) == (1.0, 1.0)
    assert scores["speech"]["recall_0.3_direct"] == 1.0
    assert scores["speech"]["recall_0.3_indirect"] == 1.0
    # "he" / "Jo Park" shares no word with "the mayor"; "Ortiz" meets both Ortiz sources
    assert scores["all"]["speaker_accuracy"] == round(2 / 3, 4)
    assert scores["speech"]["speaker_accuracy"] == 0.5


@pytest.mark.parametrize(
    ("mention", "name", "source", "right"),
    [
        ("he", "Ray Ortiz", "he", True),
        ("he", "Ray Ortiz", "Councillor Ortiz", True),
        ("the campaign", "Clinton", "Clinton’s campaign", True),
        ("she", "Jo Park", "the mayor", False),
        ("the", "", "the council", False),
    ],
)
def test_quotes_speaker_overlaps_the_gold_source(mention, name, source, right) -> None:
    assert speaker_overlaps(Predicted(0, 1, name, mention), source) is right


def test_quotes_polnear_file_and_sample(polnear_dev: Path) -> None:
    train = polnear_dev / "train.jsonl"
    train.write_text("".join(json.dumps(POLNEAR) + "\n" for _ in range(5)), encoding="utf-8")
    seen: list[int] = []

    def counting(texts):
        seen.append(len(texts))
        return [[] for _ in texts]

    assert score(train, counting, sample=2)["articles"] == 2
    assert score(train, counting, sample=2, outside=True)["articles"] == 3
    assert score(polnear_dev, counting)["articles"] == 1
    assert seen == [2, 3, 1]


def test_quotes_sample_and_outside_part_the_articles() -> None:
    articles = list(range(10))
    inside, outside = sampled(articles, 4), sampled(articles, 4, outside=True)
    assert sorted(inside + outside) == articles
    assert inside == sampled(articles, 4)  # the same draw each run
    assert sampled(articles, 20) == articles and sampled(articles, 20, outside=True) == []
