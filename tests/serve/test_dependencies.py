"""What the API and the pages take from a request: paging and the statement filter."""

from __future__ import annotations

from datetime import date

from fastapi import FastAPI
from fastapi.testclient import TestClient

from quotetrail.records import StanceLabel, StatementKind
from quotetrail.serve.dependencies import FilterDep, PageDep, iso, statement_filter
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
