"""The API over the ingested seed corpus: one speaker page per person, whatever the spelling;
one position, whichever way it is read."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from quotetrail.cli import app
from quotetrail.serve.api import create_app
from quotetrail.serve.report import build_report
from quotetrail.store import Store


@pytest.fixture(scope="module")
def client(seed_db: Path) -> TestClient:
    return TestClient(create_app(seed_db))


def test_seed_api_speaker_page_gathers_every_spelling(client: TestClient) -> None:
    """Brinkwire writes "President Putin", Press TV "Vladimir Putin": one speaker, one page."""
    putin = client.get("/api/v1/speakers", params={"name": "Putin", "limit": 50}).json()["items"]
    assert [row["name"] for row in putin] == ["Vladimir Putin"]
    page = client.get(f"/api/v1/speakers/{putin[0]['id']}").json()
    assert {"Brinkwire", "Press TV", "RT", "Zenger News"} <= {
        row["outlet"] for row in page["outlets"]
    }
    assert {"Putin", "Vladimir Putin"} <= {row["name"] for row in page["names"]}
    # a statement's own speaker id (one article's spelling) opens the same page
    brinkwire = next(s for s in page["statements"] if s["outlet"] == "Brinkwire")
    assert client.get(f"/api/v1/speakers/{brinkwire['speaker']['id']}").json()["id"] == page["id"]


def test_seed_api_envoy_spelt_two_ways_is_one_speaker(client: TestClient) -> None:
    rows = client.get("/api/v1/speakers", params={"name": "Kabul", "limit": 50}).json()["items"]
    assert [row["name"] for row in rows] == ["Zamir Kabulov"] and rows[0]["statements"] == 5


def test_seed_api_position_is_the_cli_position_and_the_report_position(
    seed_db: Path, client: TestClient
) -> None:
    """Russia on the Taliban read three ways — the command line, the API (whose points the page
    chart draws) and the report's embedded data — lists the same statements with the same date,
    speaker and stance."""
    asked = ["positions", "--actor", "Russia", "--target", "Taliban", "--format", "json"]
    printed = CliRunner().invoke(app, [*asked, "--db", str(seed_db)])
    assert printed.exit_code == 0, printed.output
    cli = {
        row["id"]: (row["date"], row["speaker"], row["stance"])
        for row in json.loads(printed.stdout)["statements"]
    }
    served = client.get("/api/v1/positions", params={"actor": "Russia", "target": "Taliban"})
    with Store(seed_db, read_only=True) as store:
        html = build_report(store, actor="Russia", target="Taliban")
    embedded = re.search(r'<script type="application/json" id="position-data">(.*?)</script>', html)
    for data in (served.json(), json.loads(embedded.group(1))):
        shown = {
            point["statement_id"]: (point["date"], point["speaker"], point["label"])
            for point in data["points"]
        }
        assert shown == cli
        assert sorted(record["id"] for record in data["statements"]) == sorted(cli)
    assert len(cli) >= 10
