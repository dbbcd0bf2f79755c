"""What the API and the pages take from a request: paging and the statement filter."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from quotetrail.records import StanceLabel, StatementKind
from quotetrail.serve.dependencies import FilterDep, PageDep, StoreDep, iso, statement_filter
from quotetrail.serve.owner import StoreOwner
from quotetrail.store import MAX_ROWS


def test_dependencies_statement_filter_is_a_statement_query():
    query = statement_filter(
        speaker="Putin",
        about="Taliban",
        since=date(2021, 8, 1),
        kind=StatementKind.direct,
        stance=StanceLabel.oppose,
    )
    assert (query.speaker, query.about, query.since, query.until) == (
        "Putin",
        "Taliban",
        "2021-08-01",
        None,
    )
    assert (query.kind, query.stance) == ("direct", "oppose")
    assert iso(None) is None


def test_dependencies_page_bounds_are_checked():
    app = FastAPI()

    @app.get("/x")
    def listing(at: PageDep, where: FilterDep) -> dict:
        return {"limit": at.limit, "offset": at.offset, "outlet": where.outlet}

    client = TestClient(app)
    assert client.get("/x", params={"outlet": "RT"}).json() == {
        "limit": 50,
        "offset": 0,
        "outlet": "RT",
    }
    assert client.get("/x", params={"limit": 0}).status_code == 422
    assert client.get("/x", params={"limit": 501}).status_code == 422
    assert client.get("/x", params={"offset": -1}).status_code == 422
    assert client.get("/x", params={"offset": MAX_ROWS}).json()["offset"] == MAX_ROWS
    assert client.get("/x", params={"offset": MAX_ROWS + 1}).status_code == 422


@pytest.mark.parametrize(
    "held, reason",
    [(False, "no store yet: ingest something first"), (True, "in use by another process")],
)
def test_dependencies_unusable_store_is_a_503_naming_no_file_and_no_process(
    tmp_path: Path, fixture_db: Path, hold_store, held: bool, reason: str
) -> None:
    """The 503 was DuckDB's lock message: the server's file path and the writer's PID."""
    db = tmp_path / "store.duckdb"
    holder = None
    if held:
        shutil.copy(fixture_db, db)
        holder = hold_store(db)
    app = FastAPI()
    app.state.owner = StoreOwner(db)

    @app.get("/x")
    def articles(store: StoreDep) -> int:
        return store.count("articles")

    response = TestClient(app).get("/x")
    detail = response.json()["detail"]
    assert (response.status_code, detail) == (503, f"the store is not available: {reason}")
    assert str(tmp_path) not in detail and str(holder) not in detail
