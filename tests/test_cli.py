"""The CLI end to end on the seed corpus, in a temporary directory."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotetrail.analyze.positions import PERIODS
from quotetrail.cli import app
from quotetrail.eval import HARNESSES
from quotetrail.records import StatementKind
from quotetrail.render import FORMATS
from quotetrail.scale import ENGINES
from quotetrail.store import EXPORT_FORMATS

runner = CliRunner()
SEEDS = Path(__file__).resolve().parents[1] / "data" / "corpus" / "seeds"


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "seeds.duckdb"
    result = runner.invoke(app, ["ingest", str(SEEDS), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    return db


def _jsonl(args: list[str]) -> list[dict]:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_cli_ingest_summary_and_rerun_stores_nothing(seeded_db):
    result = runner.invoke(app, ["ingest", str(SEEDS), "--db", str(seeded_db), "--workers", "1"])
    assert result.exit_code == 0
    assert "0 articles stored" in result.stdout
    assert "5 already stored" in result.stdout
    assert "Nothing new" in result.stdout


def test_cli_statements_follow_the_contract(seeded_db):
    records = _jsonl(["statements", "--db", str(seeded_db), "--format", "jsonl"])
    articles = {
        a["id"]: a for a in _jsonl(["articles", "--db", str(seeded_db), "--format", "jsonl"])
    }
    assert records
    for record in records:
        assert {
            "id",
            "article_id",
            "outlet",
            "published",
            "said_on",
            "kind",
            "speaker",
            "cue",
            "quote",
            "sentence",
            "span",
            "about",
            "stance",
            "also_in",
        } <= set(record)
        assert record["kind"] in set(StatementKind) - {StatementKind.transcript}  # articles only
        start, end = record["span"]
        assert record["quote"] in articles[record["article_id"]]["text"][start:end]


@pytest.mark.parametrize(
    ("fragment", "speaker"),
    [
        ("You cannot impose standards of political life", "Vladimir Putin"),
        ("Such a step would not meet our interests", "Oleg Syromolotov"),
    ],
)
def test_cli_seed_quotes_are_attributed(seeded_db, fragment, speaker):
    records = _jsonl(["statements", "--db", str(seeded_db), "--format", "jsonl"])
    matching = [r for r in records if fragment in r["quote"]]
    assert matching, f"no statement holds {fragment!r}"
    assert all(r["speaker"] and r["speaker"]["name"] == speaker for r in matching)


def test_cli_statement_filters_narrow_the_list(seeded_db):
    everything = _jsonl(["statements", "--db", str(seeded_db), "--format", "jsonl"])
    putin = _jsonl(
        ["statements", "--db", str(seeded_db), "--format", "jsonl", "--speaker", "Putin"]
    )
    direct = _jsonl(["statements", "--db", str(seeded_db), "--format", "jsonl", "--kind", "direct"])
    late = _jsonl(
        ["statements", "--db", str(seeded_db), "--format", "jsonl", "--since", "2024-01-01"]
    )
    assert 0 < len(putin) < len(everything)
    assert all("Putin" in r["speaker"]["entity"]["name"] for r in putin)
    assert direct and all(r["kind"] == "direct" for r in direct)
    assert late and all((r["said_on"] or r["published"]) >= "2024-01-01" for r in late)


def test_cli_positions_lists_russia_on_taliban_by_date(seeded_db):
    rows = _jsonl(
        [
            "positions",
            "--db",
            str(seeded_db),
            "--actor",
            "Russia",
            "--target",
            "Taliban",
            "--format",
            "jsonl",
        ]
    )
    dates = [r["date"] for r in rows if r["type"] == "statement"]
    assert dates == sorted(dates)
    assert any(d.startswith("2021") for d in dates) and any(d.startswith("2024") for d in dates)


@pytest.mark.parametrize(
    ("actor", "found"),
    [("Russia", True), ("R_ssia", False), ("Russi%", False), ("Russia\\", False)],
)
def test_cli_positions_actor_is_text_not_a_pattern(seeded_db, actor, found):
    """`_` and `%` are no wildcards and a trailing backslash is a character (it was a
    traceback: "Like pattern must not end with escape character")."""
    asked = ["positions", "--db", str(seeded_db), "--actor", actor, "--target", "Taliban"]
    rows = _jsonl([*asked, "--format", "jsonl"])
    assert any(row["type"] == "statement" for row in rows) is found


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_cli_listing_formats(seeded_db, fmt):
    result = runner.invoke(app, ["articles", "--db", str(seeded_db), "--format", fmt])
    assert result.exit_code == 0
    if fmt == "json":
        assert len(json.loads(result.stdout)) == 5
    elif fmt == "csv":
        assert len(list(csv.DictReader(io.StringIO(result.stdout)))) == 5
    else:
        assert result.stdout.count("\n") > 5


@pytest.mark.parametrize(
    "args",
    [
        ["statements", "--since", "last week"],
        ["statements", "--format", "xml"],
        ["statements", "--kind", "rumour"],
        ["positions", "--actor", "Russia"],
        ["statements", "--limit", "9223372036854775808"],  # past DuckDB's BIGINT: a traceback
        ["search", "taliban", "--limit", "9223372036854775808"],
        ["ingest", ".", "--workers", "99999999999999999999"],  # a C int: was a traceback
        ["serve", "--workers", "99999999999999999999"],
        ["eval", "nonsense", "--data", "."],
        ["frobnicate"],
    ],
)
def test_cli_usage_errors_exit_2(seeded_db, args):
    result = runner.invoke(app, [*args, "--db", str(seeded_db)])
    assert result.exit_code == 2


@pytest.mark.parametrize(
    ("command", "registry"),
    [
        ("statements", FORMATS),
        ("export", EXPORT_FORMATS),
        ("ingest", ENGINES),
        ("eval", HARNESSES),
        ("positions", PERIODS),
    ],
)
def test_cli_choices_are_what_the_registries_hold(command, registry):
    """Formats, export formats, engines, evaluations and periods are offered as registered."""
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert f"<{'|'.join(registry)}>" in result.output


def test_cli_missing_database_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["statements", "--db", str(tmp_path / "absent.duckdb")])
    assert result.exit_code == 2
    assert not (tmp_path / "absent.duckdb").exists()


@pytest.mark.parametrize(
    "verb, note, expected",
    [
        ("ingest", None, "is in use by another process (another `quotetrail ingest`?)"),
        ("articles", None, "run this again when it has finished"),
        (
            "ingest",
            {"watch": "/srv/inbox", "ingest": True},
            "held by `quotetrail serve` (process {pid}, http://127.0.0.1:8000), which writes it"
            " while it runs. To ingest, move the files into /srv/inbox, which it ingests; or POST"
            " them to http://127.0.0.1:8000/api/v1/ingest with its token; or stop the server",
        ),
        ("ingest", {}, "restart it with --watch DIR and move the files into DIR"),
        ("articles", {}, "(process {pid}, http://127.0.0.1:8000): read it there, or stop"),
    ],
)
def test_cli_store_in_use_says_what_to_do(
    tmp_path, seeded_db, hold_store, verb: str, note: dict | None, expected: str
):
    """Not DuckDB's lock message (a path, a PID, a flag that does not apply)."""
    from quotetrail.serve.holder import Holder, write_note

    db = tmp_path / "held.duckdb"
    shutil.copy(seeded_db, db)
    pid = hold_store(db)
    if note is not None:
        write_note(db, Holder(pid, "http://127.0.0.1:8000", **note))
    args = [str(SEEDS)] if verb == "ingest" else []
    result = runner.invoke(app, [verb, *args, "--db", str(db)])
    assert result.exit_code == 2
    assert expected.format(pid=pid) in result.stderr
    assert "lock" not in result.stderr.lower() and "PID" not in result.stderr


def test_cli_ingest_names_a_stored_text_sent_with_other_metadata(tmp_path):
    text = "Putin said on Friday that \u201cthe talks will go on.\u201d"
    db = tmp_path / "x.duckdb"
    for name, title in (("a.jsonl", "Talks go on"), ("b.jsonl", "Putin: talks go on")):
        (tmp_path / name).write_text(json.dumps({"text": text, "title": title}), encoding="utf-8")
        result = runner.invoke(app, ["ingest", str(tmp_path / name), "--db", str(db)])
        assert result.exit_code == 0, result.output
    assert "1 already stored (1 with other metadata, kept as other sources)" in result.stdout
    assert f"noted {tmp_path / 'b.jsonl'}:line 1: already stored as " in result.stderr
    assert "metadata differs: title (the article keeps its first" in result.stderr


def test_cli_rejected_input_exits_1_and_names_it(tmp_path):
    (tmp_path / "good.txt").write_text(
        "Putin said on Friday that \u201cthe talks will go on.\u201d\n", encoding="utf-8"
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    db = tmp_path / "x.duckdb"
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr and "empty file" in result.stderr
    assert "1 articles stored" in result.stdout


def test_cli_runs_as_module(seeded_db):
    completed = subprocess.run(
        [sys.executable, "-m", "quotetrail", "outlets", "--db", str(seeded_db), "--format", "json"],
        capture_output=True,
        check=False,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert sum(row["articles"] for row in json.loads(completed.stdout)) == 5


def test_cli_ingest_links_the_seed_press_conference_across_outlets(seeded_db):
    """Ingest links as it stores: Putin's press conference of 20 August 2021, reported by Press TV
    and RT, is one statement carried by both, and the four 2021 articles form one story."""
    records = _jsonl(
        ["statements", "--db", str(seeded_db), "--format", "jsonl", "--speaker", "Putin"]
    )
    realities = [r for r in records if "accept the realities" in r["quote"]]
    assert realities and realities[0]["also_in"], "the RT report is not linked to the Press TV one"
    carried = {
        a["id"]: a["outlet"]
        for a in _jsonl(["articles", "--db", str(seeded_db), "--format", "jsonl"])
    }
    assert {carried[i] for i in realities[0]["also_in"]} == {"Press TV"}
    stories = _jsonl(["stories", "--db", str(seeded_db), "--format", "jsonl"])
    assert max(s["articles"] for s in stories) == 4
    assert len(stories) == 2


def test_cli_export_carries_the_links(seeded_db, tmp_path):
    """An export keeps what linking found: every article's story, the cross-outlet statement
    links and the entity merges, with ids that join back to the exported records."""
    result = runner.invoke(
        app, ["export", "--db", str(seeded_db), "--format", "jsonl", "-o", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output

    def rows(table: str) -> list[dict]:
        return [
            json.loads(line)
            for line in (tmp_path / f"{table}.jsonl").read_text().splitlines()
            if line
        ]

    articles = {a["id"] for a in rows("articles")}
    members = rows("story_members")
    assert {m["article_id"] for m in members} == articles and len(members) == len(articles)
    assert {m["story_id"] for m in members} == {s["id"] for s in rows("stories")}
    statements = {s["id"] for s in rows("statements")}
    links = rows("statement_links")
    assert links and all({link["statement_id"], link["other_id"]} <= statements for link in links)
    assert any(m["alias"] == "Zamir Kabul" for m in rows("entity_merges"))


def test_cli_articles_carry_document_tone(seeded_db):
    articles = _jsonl(["articles", "--db", str(seeded_db), "--format", "jsonl"])
    assert all(isinstance(a["tone"], float) and -100 <= a["tone"] <= 100 for a in articles)
    assert len({a["tone"] for a in articles}) > 1


def test_cli_entities_merge_the_envoy_spelt_two_ways(seeded_db):
    """Brinkwire's "Zamir Kabul" and RT's "Zamir Kabulov" are one person, and the merge says why."""
    entities = json.loads(
        runner.invoke(app, ["entities", "--db", str(seeded_db), "--format", "json"]).stdout
    )
    envoy = [e for e in entities if any(a.startswith("Zamir Kabul") for a in e["aliases"])]
    assert len(envoy) == 1
    assert (
        set(envoy[0]["aliases"]) >= {"Zamir Kabul", "Zamir Kabulov"}
        and envoy[0]["name"] == "Zamir Kabulov"
    )
    assert any("variant spelling" in e["reason"] for e in envoy[0]["evidence"])
    russia = next(e for e in entities if e["name"] == "Russia")
    assert {"Moscow", "Kremlin"} <= set(russia["aliases"])


def test_cli_speaker_filter_and_table_follow_the_resolved_envoy(seeded_db):
    """`--speaker Kabulov` finds Brinkwire's "Zamir Kabul" too, and the table names him once."""
    records = _jsonl(
        ["statements", "--db", str(seeded_db), "--format", "jsonl", "--speaker", "Kabulov"]
    )
    assert {r["outlet"] for r in records} == {"Brinkwire", "RT"}
    assert {r["speaker"]["entity"]["name"] for r in records} == {"Zamir Kabulov"}
    table = runner.invoke(
        app,
        ["statements", "--db", str(seeded_db), "--speaker", "Kabulov", "--format", "table"],
        env={"COLUMNS": "400"},
    )
    assert (
        table.stdout.count(
            "Zamir Kabulov (Special Presidential Representative, Russia) ← “Zamir Kabul”"
        )
        == 1
    )


def test_cli_positions_show_the_2021_to_2024_shift_end_to_end(seeded_db):
    """Extracted, linked and judged from the raw seeds: Russia moves from a divided August 2021
    (refusals beside "constructive relationships", "restored some order" and Lavrov welcoming
    the Taliban's readiness for dialogue: oppose or mixed) to supporting them in July 2024, with
    the statements that prove it."""
    result = runner.invoke(
        app,
        [
            "positions",
            "--db",
            str(seeded_db),
            "--actor",
            "Russia",
            "--target",
            "Taliban",
            "--format",
            "json",
        ],
    )
    payload = json.loads(result.stdout)
    periods = {p["period"]: p for p in payload["periods"]}
    assert periods["2021-08"]["label"] in ("oppose", "mixed")
    assert periods["2021-08"]["balance"] < periods["2024-07"]["balance"]
    assert periods["2024-07"]["label"] == "support"
    (shift,) = payload["shifts"]
    assert (shift["before"], shift["after"], shift["to_label"]) == ("2021-08", "2024-07", "support")
    assert any("allies" in e["quote"] for e in shift["evidence_after"])


def test_cli_positions_date_an_undated_article_by_its_story(seeded_db):
    """Zenger News states no date; its Putin statements join the timeline at their story's date."""
    rows = _jsonl(
        [
            "positions",
            "--db",
            str(seeded_db),
            "--actor",
            "Putin",
            "--target",
            "Taliban",
            "--format",
            "jsonl",
        ]
    )
    zenger = [r for r in rows if r["type"] == "statement" and r["outlet"] == "Zenger News"]
    assert zenger and all(r["date_from"] == "story" and r["date_assumed"] for r in zenger)
    assert all(r["date"].startswith("2021-08") for r in zenger)


def test_cli_ingest_urls_from_a_file_and_names_what_is_no_url(tmp_path, site):
    page = "<html><head><title>Talks</title></head><body><p>{}</p></body></html>"
    for name in ("a", "b"):
        site.add(f"/{name}.html", page.format(f"Putin said on Friday that {name} talks went on."))
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# two pages\n{site.url('/a.html')}\nnot a url\n{site.url('/b.html')}\n")
    db = tmp_path / "web.duckdb"
    args = ["ingest", "--urls", str(listing), "--db", str(db), "--workers", "1"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1  # one line rejected, the rest stored
    assert "2 articles stored" in result.stdout
    assert f"rejected {listing}:line 3: not an http(s) URL" in result.stderr
    again = runner.invoke(app, ["ingest", site.url("/a.html"), "--db", str(db)])
    assert again.exit_code == 0
    assert "1 URLs fetched before (not fetched again)" in again.stdout
    assert "Nothing new" in again.stdout
    assert len(site.asked("/a.html")) == 1


def test_cli_ingest_needs_an_input(tmp_path):
    result = runner.invoke(app, ["ingest", "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2
    assert "give files, folders or URLs" in result.stderr


def test_cli_watch_names_a_bad_config_and_a_store_a_server_holds(tmp_path, seeded_db, hold_store):
    from quotetrail.serve.holder import Holder, write_note

    config = tmp_path / "watch.toml"
    config.write_text("[[source]]\nurl = 'https://news.example.org/rss'\nevry = '5m'\n")
    result = runner.invoke(app, ["watch", "--config", str(config), "--db", str(seeded_db)])
    assert result.exit_code == 2
    assert f"{config}: source 1: unknown key 'evry'" in result.stderr
    config.write_text("[[source]]\nurl = 'https://news.example.org/rss'\n")
    db = tmp_path / "held.duckdb"
    shutil.copy(seeded_db, db)
    pid = hold_store(db)
    result = runner.invoke(app, ["watch", "--config", str(config), "--db", str(db)])
    assert result.exit_code == 2
    assert "in use by another process" in result.stderr
    write_note(db, Holder(pid, "http://127.0.0.1:8000"))
    result = runner.invoke(app, ["watch", "--config", str(config), "--db", str(db)])
    assert result.exit_code == 2
    assert f"start it again with --watch-config {config}" in result.stderr


def test_cli_help_reads_each_docstring_as_one_paragraph():
    """A command's help is its docstring's first paragraph, however the source wraps it: on a
    wide terminal a sentence the docstring breaks across two lines stays on one."""
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "200"}, terminal_width=200)
    assert result.exit_code == 0
    assert "Exit 1 if any input was rejected." in result.output
    assert "Pages fetched before are not fetched again." in result.output
