"""The API over the ingested seed corpus: one speaker page per person, whatever the spelling."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from quotetrail.cli import app
from quotetrail.serve.api import create_app

SEEDS = Path(__file__).resolve().parents[2] / "data" / "corpus" / "seeds"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = tmp_path_factory.mktemp("seed-api") / "seeds.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(SEEDS), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    return TestClient(create_app(db))


def test_seed_api_speaker_page_gathers_every_spelling(client: TestClient) -> None:
    """Brinkwire writes "President Putin", Press TV "Vladimir Putin": one speaker, one page."""
    putin = [
        row
        for row in client.get("/api/v1/speakers", params={"name": "Putin", "limit": 50}).json()[
            "items"
        ]
    ]
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
