"""Positions, per-period stance and shifts on a fixture of dated statements."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotetrail.analyze.positions import (
    aggregate,
    analyse,
    balance_posterior,
    is_about,
    shifts,
    stance_entry,
    timeline,
)
from quotetrail.records import Speaker, SpeakerEntity, Statement

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "analyze" / "statements.jsonl"


@pytest.fixture
def records() -> list[Statement]:
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    return [Statement.from_dict(json.loads(line)) for line in lines]


def freedonia(records: list[Statement]) -> list[Statement]:
    return [r for r in records if r.speaker.affiliation == "Freedonia"]


def test_positions_timeline_is_dated_and_ordered(records):
    rows = timeline(reversed(records), "Northern Front")
    assert [row["date"] for row in rows] == sorted(row["date"] for row in rows)
    assert rows[-1]["date_assumed"] is True and rows[0]["date_assumed"] is False


@pytest.mark.parametrize(
    "period, expected",
    [
        ("month", ["2022-01", "2023-06", "2023-08"]),
        ("quarter", ["2022-Q1", "2023-Q2", "2023-Q3"]),
        ("year", ["2022", "2023"]),
    ],
)
def test_positions_aggregate_groups_by_period(records, period, expected):
    periods = aggregate(timeline(freedonia(records), "Northern Front"), period)
    assert [p.period for p in periods] == expected


def test_positions_aggregate_counts_and_label(records):
    first = aggregate(timeline(freedonia(records), "Northern Front"))[0]
    assert (first.support, first.neutral, first.oppose, first.statements) == (0, 1, 2, 3)
    assert first.label == "oppose" and first.low < first.balance < first.high


@pytest.mark.parametrize(
    "counts, narrower_than", [((10, 0, 0), (1, 0, 0)), ((20, 5, 0), (2, 1, 0))]
)
def test_positions_interval_narrows_with_more_statements(counts, narrower_than):
    assert balance_posterior(*counts)[1] < balance_posterior(*narrower_than)[1]


def test_positions_shift_from_oppose_to_support_with_evidence(records):
    rows = timeline(freedonia(records), "Northern Front")
    found = shifts(rows, aggregate(rows))
    assert [(s.before, s.after, s.direction) for s in found] == [
        ("2022-01", "2023-06", "toward support")
    ]
    shift = found[0]
    assert shift.confidence > 0.8
    assert {e["id"] for e in shift.evidence_before} == {"s1", "s2"}
    assert {e["id"] for e in shift.evidence_after} == {"s4", "s5"}


def test_positions_shift_confidence_lower_with_fewer_statements(records):
    rows = timeline(freedonia(records), "Northern Front")
    few = [row for row in rows if row["id"] in ("s2", "s4")]
    many = shifts(rows, aggregate(rows))[0].confidence
    assert shifts(few, aggregate(few))[0].confidence < many


def test_positions_no_shift_when_stance_holds(records):
    rows = [
        row for row in timeline(freedonia(records), "Northern Front") if row["stance"] == "support"
    ]
    assert shifts(rows, aggregate(rows)) == []


@pytest.mark.parametrize(
    ("stance", "expected"),
    [
        ({"Northern Front": {"label": "oppose", "score": 0.9}}, "oppose"),
        ({"Front": {"label": "support", "score": 0.6}}, "support"),
        ({}, "unrated"),  # about the target, no stance recorded: unrated, never neutral
    ],
)
def test_positions_stance_entry_unrated_is_never_neutral(stance, expected):
    record = Statement("a1", "direct", "q", "s", (0, 1), stance=stance)
    assert stance_entry(record, "Northern Front")["label"] == expected


@pytest.mark.parametrize(
    ("about", "quote", "expected"),
    [(["Taliban"], "We wait.", True), ([], "The Taliban must act.", True), ([], "Wait.", False)],
)
def test_positions_is_about_reads_about_quote_and_sentence(about, quote, expected):
    record = Statement("a1", "direct", quote, quote, (0, 1), about=about)
    assert is_about(record, "taliban") is expected


def test_positions_timeline_names_the_resolved_speaker():
    """One envoy under two spellings is one speaker on the timeline; the article's own
    affiliation comes first, the resolved one fills in."""
    speaker = Speaker("Zamir Kabul", "Kabul", entity=SpeakerEntity("e1", "Zamir Kabulov", "Russia"))
    record = Statement("a1", "direct", "q", "s", (0, 1), speaker=speaker, said_on="2021-08-20")
    (row,) = timeline([record], "Taliban")
    assert (row["speaker"], row["affiliation"], row["stance"]) == (
        "Zamir Kabulov",
        "Russia",
        "unrated",
    )


def test_positions_analyse_collects_everything(records):
    result = analyse("Freedonia", "Northern Front", freedonia(records))
    assert len(result.statements) == len(result.timeline) == 7
    assert len(result.shifts) == 1 and result.contradictions


def dated(n: int, day: str, label: str | None, score: float = 0.9) -> Statement:
    stance = {"Taliban": {"label": label, "score": score}} if label else {}
    return Statement(f"a{n}", "direct", "q", "s", (n, n + 1), said_on=day, stance=stance)


def test_positions_unrated_statements_are_listed_not_counted():
    rows = timeline([dated(1, "2021-08-01", "oppose"), dated(2, "2021-08-02", None)], "Taliban")
    (period,) = aggregate(rows)
    assert (period.statements, period.oppose, period.neutral, period.unrated) == (2, 1, 0, 1)
    assert period.balance == pytest.approx(balance_posterior(0, 0, 0.9)[0], abs=1e-3)


def test_positions_period_of_unrated_statements_is_unrated_and_makes_no_shift():
    records = [
        dated(1, "2021-08-01", "oppose"),
        dated(2, "2021-09-01", None),
        dated(3, "2021-10-01", "oppose"),
    ]
    rows = timeline(records, "Taliban")
    periods = aggregate(rows)
    assert [p.label for p in periods] == ["oppose", "unrated", "oppose"]
    assert shifts(rows, periods) == []


@pytest.mark.parametrize("low, high", [(0.4, 0.95), (0.5, 0.99)])
def test_positions_confidence_weighs_a_period(low, high):
    """A support the model barely chose moves the balance less than a plain one."""
    unsure = aggregate(timeline([dated(1, "2021-08-01", "support", low)], "Taliban"))[0]
    sure = aggregate(timeline([dated(1, "2021-08-01", "support", high)], "Taliban"))[0]
    assert 0 < unsure.balance < sure.balance


def test_positions_shift_confidence_follows_stance_confidence():
    def shift_confidence(score: float) -> float:
        records = [
            dated(1, "2021-08-01", "oppose", score),
            dated(2, "2021-08-02", "oppose", score),
            dated(3, "2024-07-01", "support", score),
            dated(4, "2024-07-02", "support", score),
        ]
        rows = timeline(records, "Taliban")
        (shift,) = shifts(rows, aggregate(rows, "year"))
        return shift.confidence

    assert shift_confidence(0.5) < shift_confidence(0.95)
