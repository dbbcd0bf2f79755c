"""Russia on the Taliban in the seed articles: stance per statement, and the 2021 → 2024 shift.

The statements are picked out by hand (statement extraction is another stage); stance,
aggregation and shifts run on them as they would on extracted records.
"""

from __future__ import annotations

import pytest

from quotetrail.analyze.positions import analyse
from quotetrail.analyze.stance import stance_for
from quotetrail.nlp import load_pipeline
from quotetrail.records import Speaker, Statement

# (seed file prefix, quote as printed, speaker, said on, expected stance toward the Taliban or None)
SEED_STATEMENTS = [
    ("000", "Moscow was in favor of Afghan national dialog", "Sergei Lavrov", "2021-08-19", None),
    (
        "000",
        "Moscow was in no hurry to recognize the Taliban as a legitimate force",
        "Russia",
        "2021-08-17",
        "oppose",
    ),
    (
        "001",
        "We are keeping a close eye on this situation",
        "Vladimir Putin",
        "2021-08-24",
        "unrated",  # names no target: no stance toward the Taliban to read
    ),
    (
        "004",
        "has no intention of supporting Taliban terrorist group",
        "Oleg Syromolotov",
        "2021-08-23",
        "oppose",
    ),
    (
        "002",
        "the Taliban are certainly our allies in the fight against terrorism",
        "Vladimir Putin",
        "2024-07-05",
        "support",
    ),
    (
        "002",
        "the Taliban is interested in stabilizing everything in Afghanistan",
        "Vladimir Putin",
        "2024-07-05",
        None,
    ),
]


def seed_statement(
    seeds_dir, prefix: str, quote: str, speaker: str, said_on: str
) -> tuple[Statement, object]:
    path = next(seeds_dir.glob(f"{prefix}_*.txt"))
    paragraph = next(
        line for line in path.read_text(encoding="utf-8").splitlines() if quote in line
    )
    start = paragraph.index(quote)
    statement = Statement(
        article_id=prefix,
        kind="direct",
        quote=quote,
        sentence=paragraph,
        span=(start, start + len(quote)),
        speaker=Speaker(name=speaker, mention=speaker, affiliation="Russia"),
        said_on=said_on,
        said_on_assumed=False,
        about=["Taliban"],
    )
    return statement, load_pipeline()(paragraph)


@pytest.fixture
def records(seeds_dir) -> list[Statement]:
    rows = []
    for prefix, quote, speaker, said_on, _ in SEED_STATEMENTS:
        statement, doc = seed_statement(seeds_dir, prefix, quote, speaker, said_on)
        statement.stance = stance_for(statement, doc)
        statement.outlet, statement.published = prefix, said_on
        rows.append(statement)
    return rows


@pytest.mark.parametrize("index", [i for i, row in enumerate(SEED_STATEMENTS) if row[4]])
def test_seed_position_statement_stance(records, index):
    assert records[index].stance["Taliban"]["label"] == SEED_STATEMENTS[index][4]


def test_seed_position_shift_2021_to_2024_toward_support(records):
    result = analyse("Russia", "Taliban", records)
    assert [p.period for p in result.periods] == ["2021-08", "2024-07"]
    assert result.periods[0].balance < 0 < result.periods[1].balance
    (shift,) = result.shifts
    assert (shift.before, shift.after, shift.direction, shift.to_label) == (
        "2021-08",
        "2024-07",
        "toward support",
        "support",
    )
    assert any("allies" in e["quote"] for e in shift.evidence_after)
    assert any(
        "recognize" in e["quote"] or "supporting" in e["quote"] for e in shift.evidence_before
    )


def test_seed_position_contradiction_pairs_refusal_with_alliance(records):
    result = analyse("Russia", "Taliban", records)
    assert any(
        p["first"]["quote"].startswith("has no intention") and "allies" in p["second"]["quote"]
        for p in result.contradictions
    )
