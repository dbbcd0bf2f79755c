"""The bundled seed articles: statements by Russian officials, each attributed to the right
person."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotetrail.clean import clean_document
from quotetrail.extract import extract_statements
from quotetrail.records import RawDocument, Statement

SEEDS = Path(__file__).resolve().parents[2] / "data" / "corpus" / "seeds"


@pytest.fixture(scope="module")
def seed_articles(nlp) -> dict[str, tuple[str, list[Statement]]]:
    """Each seed's cleaned text and its statements, as the pipeline produces them."""
    found = {}
    for path in sorted(SEEDS.glob("*.txt")):
        article = clean_document(
            RawDocument(source_path=str(path), content=path.read_text(encoding="utf-8"))
        )
        found[path.name[:3]] = (article.text, extract_statements(article, nlp(article.text)))
    return found


@pytest.fixture(scope="module")
def seed_statements(seed_articles) -> dict[str, list[Statement]]:
    return {seed: statements for seed, (_, statements) in seed_articles.items()}


@pytest.mark.parametrize(
    ("seed", "words", "speaker", "affiliation", "cue"),
    [
        (
            "000",
            "policy of imposing 'outside values' on Afghanistan",
            "Vladimir Putin",
            "Russia",
            "slams",
        ),
        (
            "000",
            "You cannot impose standards of political life",
            "Vladimir Putin",
            "Russia",
            "added",
        ),
        ("000", "These are the realities", "Vladimir Putin", "Russia", "said"),
        ("000", "importance of banning", "Vladimir Putin", "Russia", "stressed"),
        ("000", "Moscow was in favor of Afghan national dialog", "Sergei Lavrov", "Russia", "said"),
        ("000", "readiness to resume", "Sergei Lavrov", "Russia", "expressed"),
        ("000", "Moscow was in no hurry to recognize", "Russia", "Russia", "announced"),
        ("001", "we will not interfere in Afghanistan", "Vladimir Putin", "Russia", "said"),
        ("001", "difficult and alarming", "Vladimir Putin", "Russia", "said"),
        ("001", "We are keeping a close eye", "Vladimir Putin", "Russia", None),
        ("001", "both sides stressed the importance", "Vladimir Putin", "Russia", "said"),
        ("001", "it was agreed to coordinate approaches", "Vladimir Putin", "Russia", "said"),
        ("002", "Taliban Are Our Allies", "Vladimir Putin", "Russia", "Says"),
        ("002", "We must accept that the Taliban", "Vladimir Putin", "Russia", "said"),
        ("002", "I am sure that the Taliban is interested", "Vladimir Putin", "Russia", "said"),
        ("002", "Moscow to “build relations”", "Vladimir Putin", "Russia", "ordered"),
        ("003", "actively function in Kabul", "Zamir Kabul", "Russia", "according to"),
        ("003", "international community should accept", "Zamir Kabul", "Russia", "stated"),
        ("003", "It is critical not to allow terrorists", "Putin", None, "stated"),
        ("004", "Such a step would not meet our interests", "Oleg Syromolotov", "Russia", "told"),
        (
            "004",
            "the new Afghan authorities have restored some order",
            "Oleg Syromolotov",
            "Russia",
            "told",
        ),
        ("004", "no intention of sending Russian troops", "Oleg Syromolotov", "Russia", "revealed"),
        ("004", "Russia would not remove the group", "Oleg Syromolotov", "Russia", "explained"),
        (
            "004",
            "the UN Security Council must adopt another resolution",
            "Zamir Kabulov",
            None,
            "told",
        ),
        (
            "004",
            "We are not going to violate established rules",
            "Zamir Kabulov",
            None,
            "explained",
        ),
        ("004", "I hope that all this will be materialized", "Vladimir Putin", "Russia", "noted"),
        ("004", "has no intention of supporting Taliban", "Moscow", "Russia", "says"),
    ],
)
def test_seeds_statement_attributed(
    seed_statements, seed, words, speaker, affiliation, cue
) -> None:
    matches = [s for s in seed_statements[seed] if words in s.quote]
    assert matches, f"no statement holds {words!r}"
    statement = matches[0]
    assert (statement.speaker.name, statement.speaker.affiliation, statement.cue) == (
        speaker,
        affiliation,
        cue,
    )


def test_seeds_spans_index_the_quote(seed_articles) -> None:
    for seed, (text, statements) in seed_articles.items():
        assert statements, seed
        for statement in statements:
            assert text[statement.span[0] : statement.span[1]] == statement.quote


def test_seeds_targets_are_names(seed_statements):
    """RT's headline "Russia will NOT send military contingent to Afghanistan & …": the emphasised
    NOT and the ampersand are not targets."""
    targets = {
        name for statements in seed_statements.values() for s in statements for name in s.about
    }
    assert {"Russia", "Afghanistan", "Taliban"} <= targets
    assert all(
        name[-1].isalnum() and name[0].isalnum() and name.upper() != "NOT" for name in targets
    )
