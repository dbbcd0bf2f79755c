"""The `search` and `serve` commands."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotetrail.cli import app


@pytest.mark.parametrize(
    "args, expected",
    [
        (["taliban"], 5),
        (["taliban", "--stance", "support", "--about", "Taliban"], 1),
        (["taliban", "--speaker", "biden"], 1),
        (["taliban", "--limit", "2"], 2),
        (["taliban", "--articles", "--outlet", "RT"], 2),
        (["nothing-like-this"], 0),
    ],
)
def test_cli_search(fixture_db: Path, args: list[str], expected: int) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "quotetrail",
            "search",
            *args,
            "--db",
            str(fixture_db),
            "--format",
            "jsonl",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == expected
    assert all(row["score"] > 0 for row in rows)


@pytest.mark.parametrize(
    "args", [["taliban", "--stance", "love"], ["taliban", "--since", "2021-02-30"]]
)
def test_cli_search_bad_filter_is_usage_error(fixture_db: Path, args: list[str]) -> None:
    assert CliRunner().invoke(app, ["search", *args, "--db", str(fixture_db)]).exit_code == 2


def test_cli_serve_needs_a_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "absent.duckdb")])
    assert result.exit_code == 2


@pytest.mark.parametrize(
    "host, warned",
    [
        ("127.0.0.1", False),
        ("localhost", False),
        ("::1", False),
        ("0.0.0.0", True),
        ("example.org", True),
    ],
)
def test_cli_serve_warns_when_exposed(
    fixture_db: Path, monkeypatch: pytest.MonkeyPatch, host: str, warned: bool
) -> None:
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append(options))
    result = CliRunner().invoke(
        app, ["serve", "--db", str(fixture_db), "--host", host, "--port", "9"]
    )
    assert result.exit_code == 0, result.output
    assert calls == [{"host": host, "port": 9, "log_level": "warning"}]
    assert ("warning: listening on" in result.output) == warned


def test_cli_serve_allow_ingest_prints_a_token(
    fixture_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    apps = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: apps.append(app))
    result = CliRunner().invoke(app, ["serve", "--db", str(fixture_db), "--allow-ingest"])
    assert result.exit_code == 0, result.output
    token = result.output.split("ingest token: ", 1)[1].split()[0]
    assert apps[0].state.settings.token == token and apps[0].state.settings.allow_ingest
