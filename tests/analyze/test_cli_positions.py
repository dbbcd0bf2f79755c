"""`quotetrail positions`: the fixture statements stored, then read back analysed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotetrail.cli import app
from quotetrail.records import Article, ArticleResult, Statement
from quotetrail.store import Store

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "analyze" / "statements.jsonl"


def to_result(record: dict) -> ArticleResult:
    statement = Statement.from_dict(record)
    article = Article(
        id=record["article_id"],
        text=record["quote"],
        outlet=record["outlet"],
        published=record["published"],
        source_path="fixture",
    )
    return ArticleResult(article=article, statements=[statement])


@pytest.fixture
def db(db_path: Path) -> Path:
    records = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    with Store(db_path) as store:
        store.write([to_result(record) for record in records])
    return db_path


def run(db: Path, *args: str):
    return CliRunner().invoke(
        app,
        ["positions", "--actor", "Freedonia", "--target", "Northern Front", "--db", str(db), *args],
    )


def test_cli_positions_json_has_timeline_periods_shifts_contradictions(db):
    result = run(db, "--format", "json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)  # one object, not a listing
    assert len(payload["statements"]) == 7
    assert [p["period"] for p in payload["periods"]] == ["2022-01", "2023-06", "2023-08"]
    assert payload["shifts"][0]["direction"] == "toward support"
    assert payload["contradictions"]


def test_cli_positions_jsonl_rows_are_typed(db):
    result = run(db, "--format", "jsonl", "--period", "year")
    types = [json.loads(line)["type"] for line in result.output.splitlines()]
    assert types.count("statement") == 7 and types.count("period") == 2 and "shift" in types


@pytest.mark.parametrize("fmt", ["table", "csv"])
def test_cli_positions_readable_formats(db, fmt):
    result = run(db, "--format", fmt)
    assert result.exit_code == 0 and "Northern Front" in result.output


def test_cli_positions_unknown_period_is_usage_error(db):
    assert run(db, "--period", "decade").exit_code == 2
