"""The REST API over the fixture store: every endpoint, its filters, pagination and errors."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from quotetrail.read import READERS
from quotetrail.serve.api import create_app

API = "/api/v1"
PUTIN_ID = "a3a688d62e9e95af"
RT_2021 = "74c77733e9c3ed70"  # Putin on the Taliban in RT, 2021, also carried by TASS
TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def client(fixture_db: Path) -> TestClient:
    return TestClient(create_app(fixture_db))


@pytest.fixture
def ingest_client(fixture_db: Path, tmp_path: Path) -> TestClient:
    db = tmp_path / "writable.duckdb"
    shutil.copy(fixture_db, db)
    return TestClient(create_app(db, allow_ingest=True, token=TOKEN))


def _post_text(client: TestClient, name: str, text: str) -> Any:
    """One text document sent to the ingest endpoint with the token."""
    return client.post(
        f"{API}/ingest",
        json={"documents": [{"name": name, "content": text}]},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )


LISTINGS = [
    "articles",
    "statements",
    "speakers",
    "stories",
    "outlets",
    "entities",
    "search/statements?q=taliban",
    "search/articles?q=taliban",
]


def _url(path: str, **params: object) -> str:
    joiner = "&" if "?" in path else "?"
    return f"{API}/{path}" + (
        joiner + "&".join(f"{k}={v}" for k, v in params.items()) if params else ""
    )


@pytest.mark.parametrize("path", LISTINGS)
def test_api_listing_pages_follow_next(client: TestClient, path: str) -> None:
    first = client.get(_url(path, limit=1)).json()
    assert len(first["items"]) == 1 and first["offset"] == 0 and first["next"]
    second = client.get(first["next"]).json()
    assert second["offset"] == 1 and len(second["items"]) == 1
    assert second["items"] != first["items"]


@pytest.mark.parametrize("path", LISTINGS)
def test_api_listing_csv(client: TestClient, path: str) -> None:
    response = client.get(_url(path, format="csv", limit=2))
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    items = client.get(_url(path, limit=2)).json()["items"]
    key = next(iter(items[0]))
    assert [row[key] for row in rows] == [str(item[key]) for item in items]


@pytest.mark.parametrize(
    "path",
    [
        "articles/nope",
        "statements/nope",
        "speakers/nope",
        "stories/no-such-story",
        f"articles/{RT_2021}",
    ],
)
def test_api_unknown_id_is_404_json(client: TestClient, path: str) -> None:
    response = client.get(f"{API}/{path}")
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404
    assert response.json()["error"]["message"].startswith("no such")


@pytest.mark.parametrize(
    "path",
    [
        "statements?since=2021-13-01",
        "statements?until=yesterday",
        "statements?kind=shouted",
        "statements?stance=love",
        "statements?limit=0",
        "statements?limit=100000",
        "statements?offset=-1",
        "statements?since=0",  # a number is no date (it was read as 1970-01-01)
        "statements?since=1.5",
        "statements?until=-1",
        "articles?since=20210820",  # YYYY-MM-DD only
        "articles?until=2021-W33-1",
        "search/articles?q=x&since=1e3",
        "positions?actor=Russia&target=Taliban&since=0",
        "statements?format=xml",
        "articles?since=2021-02-30",
        "positions?target=Taliban",
        "positions?actor=&target=x",
        "search/statements",
        "search/articles?q=",
        "entities?kind=%3Cx%3E",
    ],
)
def test_api_bad_filter_is_422_json(client: TestClient, path: str) -> None:
    response = client.get(f"{API}/{path}")
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["status"] == 422 and error["details"]


@pytest.mark.parametrize("path", LISTINGS)
@pytest.mark.parametrize("param", ["offset", "limit"])
def test_api_numbers_past_the_bounds_are_422(client: TestClient, path: str, param: str) -> None:
    """An offset past DuckDB's BIGINT was a server error on 7 of 8 listings."""
    response = client.get(_url(path, **{param: 9223372036854775808}))
    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["loc"] == ["query", param]


@pytest.mark.parametrize(
    ("actor", "points"), [("Russia", 4), ("R_ssia", 0), ("Russi%25", 0), ("Russia%5C", 0)]
)
def test_api_position_actor_is_text_not_a_pattern(
    client: TestClient, actor: str, points: int
) -> None:
    response = client.get(f"{API}/positions?actor={actor}&target=Taliban")
    assert response.status_code == 200
    assert len(response.json()["points"]) == points


@pytest.mark.parametrize(
    "params, expected",
    [
        ({}, 6),
        ({"speaker": "putin"}, 4),
        ({"about": "taliban"}, 5),
        ({"outlet": "TASS"}, 1),
        ({"since": "2024-01-01"}, 2),
        ({"until": "2021-12-31"}, 4),
        ({"kind": "indirect"}, 1),
        ({"about": "Taliban", "stance": "support"}, 1),
        ({"stance": "oppose"}, 2),
        ({"speaker": "putin", "since": "2021-08-20", "until": "2021-08-20", "outlet": "RT"}, 2),
    ],
)
def test_api_statements_filter_like_the_cli(
    client: TestClient, params: dict, expected: int
) -> None:
    items = client.get(f"{API}/statements", params=params).json()["items"]
    assert len(items) == expected


def test_api_statement_names_the_other_outlets(client: TestClient) -> None:
    record = client.get(f"{API}/statements/{RT_2021}").json()
    assert record["speaker"]["name"] == "Vladimir Putin"
    assert [a["outlet"] for a in record["carried_by"]] == ["TASS"]
    assert record["carried_by"][0]["reason"] == "shared wording"
    assert record["carried_by"][0]["statement_id"] != record["id"]


def test_api_article_carries_text_removed_and_statements(client: TestClient) -> None:
    article = client.get(f"{API}/articles/a2021rt").json()
    assert article["title"] == "Putin on Kabul <script>alert(1)</script>"
    assert [r["rule"] for r in article["removed"]] == ["also-on", "menu"]
    assert len(article["statements"]) == 2
    for statement in article["statements"]:
        start, end = statement["span"]
        assert article["text"][start:end] == statement["quote"]


def test_api_speaker_profile(client: TestClient) -> None:
    speaker = client.get(f"{API}/speakers/{PUTIN_ID}").json()
    assert speaker["name"] == "Vladimir Putin"
    assert {m["mention"] for m in speaker["mentions"]} == {"Putin", "he"}
    assert speaker["roles"] == [
        {
            "role": "President",
            "affiliation": "Russia",
            "first": "2021-08-20",
            "last": "2024-07-05",
            "statements": 4,
        }
    ]
    assert speaker["targets"][0] == {"target": "Taliban", "statements": 4}
    assert [o["outlet"] for o in speaker["outlets"]] == ["RT", "TASS"]
    dates = [s["said_on"] for s in speaker["statements"]]
    assert dates == sorted(dates)


def test_api_speaker_pages_statements_and_counts_them_all(client: TestClient) -> None:
    first = client.get(f"{API}/speakers/{PUTIN_ID}", params={"limit": 3}).json()
    assert first["statement_count"] == 4 and len(first["statements"]) == 3
    rest = client.get(first["next"]).json()
    assert len(rest["statements"]) == 1 and rest["next"] is None
    whole = client.get(f"{API}/speakers/{PUTIN_ID}").json()["statements"]
    assert [s["id"] for s in first["statements"] + rest["statements"]] == [s["id"] for s in whole]


def test_api_position_points_months_shifts(client: TestClient) -> None:
    position = client.get(
        f"{API}/positions", params={"actor": "Russia", "target": "Taliban"}
    ).json()
    assert {p["date"][:4] for p in position["points"]} == {"2021", "2024"}
    # 2021-08: one oppose at 0.7 beside two neutrals (0.6, 0.55); weighed by confidence, the
    # month does not lean far enough to read oppose
    assert [(m["month"], m["label"], m["statements"]) for m in position["months"]] == [
        ("2021-08", "neutral", 3),
        ("2024-07", "support", 1),
    ]
    assert all(m["low"] <= m["balance"] <= m["high"] for m in position["months"])
    [shift] = position["shifts"]
    assert (shift["since"], shift["month"], shift["from"], shift["to"]) == (
        "2021-08",
        "2024-07",
        "neutral",
        "support",
    )
    assert 0.5 < shift["confidence"] < 1 and shift["evidence_after"][0]["stance"] == "support"
    assert [(c["first"]["date"], c["second"]["date"]) for c in position["contradictions"]] == [
        ("2021-08-20", "2024-07-05")
    ]


def test_api_position_pages_statements_and_keeps_the_whole_analysis(client: TestClient) -> None:
    """A page holds some statements and their points; the months, shifts and contradictions are
    those of every statement, the same on every page."""
    asked = {"actor": "Russia", "target": "Taliban"}
    whole = client.get(f"{API}/positions", params=asked).json()
    first = client.get(f"{API}/positions", params={**asked, "limit": 2}).json()
    rest = client.get(first["next"]).json()
    assert first["statement_count"] == rest["statement_count"] == len(whole["statements"]) == 4
    assert [len(first["statements"]), len(rest["statements"]), rest["next"]] == [2, 2, None]
    for page in (first, rest):
        assert {p["statement_id"] for p in page["points"]} == {s["id"] for s in page["statements"]}
        assert [page[k] for k in ("months", "shifts", "contradictions")] == [
            whole[k] for k in ("months", "shifts", "contradictions")
        ]
    paged = [s["id"] for s in first["statements"] + rest["statements"]]
    assert paged == [s["id"] for s in whole["statements"]]


def test_api_position_pages_show_what_an_ingest_adds(ingest_client: TestClient) -> None:
    """The server keeps a position's analysis for its next pages, and an ingest that commits
    new statements makes it work the position out again: no page shows the store as it was."""
    asked = {"actor": "Russia", "target": "Taliban", "limit": 2}
    before = ingest_client.get(f"{API}/positions", params=asked).json()
    text = (
        "Moscow, 2024-09-02\n\n"
        "Russia said on Monday that it opposes any recognition of the Taliban government."
    )
    response = _post_text(ingest_client, "moscow.txt", text)
    assert response.status_code == 200 and response.json()["stored"] == 1, response.text
    after = ingest_client.get(f"{API}/positions", params={**asked, "offset": 2}).json()
    assert after["statement_count"] == before["statement_count"] + 1 == 5
    assert [m["month"] for m in after["months"]][-1] == "2024-09"
    assert len(after["statements"]) == 2 and after["next"]


def test_api_position_csv_is_the_points_table(client: TestClient) -> None:
    response = client.get(
        f"{API}/positions", params={"actor": "Russia", "target": "Taliban", "format": "csv"}
    )
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [row["label"] for row in rows] == ["neutral", "oppose", "neutral", "support"]


def test_api_search_statements_filters_by_stance(client: TestClient) -> None:
    items = client.get(
        f"{API}/search/statements", params={"q": "taliban", "stance": "support"}
    ).json()["items"]
    assert [item["quote"] for item in items] == [
        "The Taliban are our allies in the fight against terrorism"
    ]


def test_api_search_articles_all_words(client: TestClient) -> None:
    items = client.get(f"{API}/search/articles", params={"q": "taliban allies"}).json()["items"]
    assert [item["id"] for item in items] == ["a2024rt"]


def test_api_story_outlet_comparison(client: TestClient) -> None:
    stories = client.get(f"{API}/stories").json()["items"]
    kabul = next(st for st in stories if "a2021rt" in st["article_ids"])
    assert kabul["outlets"] == ["RT", "TASS"] and kabul["article_ids"] == ["a2021rt", "a2021tass"]
    story = client.get(f"{API}/stories/{kabul['id']}").json()
    assert [o["outlet"] for o in story["outlets"]] == ["RT", "TASS"]
    by_quote = {row["statement"]["quote"]: row for row in story["statements"]}
    assert len(story["statements"]) == 2  # the RT and TASS reports of one statement count once
    assert by_quote["We are not going to rush to recognise the Taliban"]["carried_by"] == [
        "RT",
        "TASS",
    ]
    # TASS reported Putin's remarks of that day (the same occasion), so it carried this one too
    assert by_quote["The Taliban must keep its promises before anything else"]["left_out_by"] == []


def test_api_outlets_show_coverage(client: TestClient) -> None:
    outlets = {row["outlet"]: row for row in client.get(f"{API}/outlets").json()["items"]}
    assert [st["title"] for st in outlets["TASS"]["covered"]] == ["Kremlin comments on Afghanistan"]
    assert [st["title"] for st in outlets["BBC"]["missed"]] == ["Kremlin comments on Afghanistan"]
    assert outlets["RT"]["articles"] == 2 and outlets["RT"]["statements"] == 3


def test_api_hostile_story_title_round_trips(client: TestClient) -> None:
    response = client.get(f"{API}/stories/s-a2024rt")
    assert response.status_code == 200
    assert response.json()["title"] == 'Putin at the SCO summit "><img src=x onerror=alert(2)>'


def test_api_summary_counts(client: TestClient) -> None:
    summary = client.get(f"{API}/summary").json()
    assert (
        summary["articles"],
        summary["statements"],
        summary["speakers"],
        summary["outlets"],
    ) == (5, 6, 3, 4)


def test_api_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = set(client.get(f"{API}/openapi.json").json()["paths"])
    expected = {
        "summary",
        "articles",
        "articles/{article_id}",
        "statements",
        "statements/{statement_id}",
        "speakers",
        "speakers/{speaker_id}",
        "positions",
        "search/statements",
        "search/articles",
        "stories",
        "stories/{story_id}",
        "outlets",
        "entities",
        "ingest",
    }
    assert paths == {f"{API}/{path}" for path in expected}


@pytest.mark.parametrize("path", [f"{API}/summary", "/", f"{API}/nothing-here"])
def test_api_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "unsafe" not in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_api_ingest_is_off_by_default(client: TestClient) -> None:
    response = client.post(
        f"{API}/ingest",
        json={"documents": [{"name": "a.txt", "content": "x"}]},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 403


@pytest.mark.parametrize("header", [None, "Bearer wrong", f"Token {TOKEN}"])
def test_api_ingest_needs_the_token(ingest_client: TestClient, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    response = ingest_client.post(
        f"{API}/ingest", json={"documents": [{"name": "a.txt", "content": "x"}]}, headers=headers
    )
    assert response.status_code == 401


def test_api_ingest_stores_with_the_token(ingest_client: TestClient) -> None:
    text = (
        "Kabul, 2024-08-01\n\n"
        "Officials met in Kabul on Thursday to discuss trade and the coming winter season."
    )
    response = _post_text(ingest_client, "../../evil.txt", text)
    assert response.status_code == 200, response.text
    assert response.json()["stored"] == 1
    assert ingest_client.get(f"{API}/summary").json()["articles"] == 6


def test_api_ingest_rejects_unknown_file_types(ingest_client: TestClient) -> None:
    response = ingest_client.post(
        f"{API}/ingest",
        json={"documents": [{"name": "a.exe", "content": "x"}]},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 422
    assert all(suffix in response.json()["error"]["message"] for suffix in READERS)


CURFEW = "The council voted on Thursday to extend the curfew by two more weeks, officials said."


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("export.tsv", f"title\tbody\tdate\nCurfew extended\t{CURFEW}\t2021-08-26\n"),
        ("export.ndjson", json.dumps({"title": "Curfew extended", "text": CURFEW}) + "\n"),
    ],
)
def test_api_ingest_reads_what_the_command_line_reads(
    ingest_client: TestClient, name: str, content: str
) -> None:
    """Every suffix `quotetrail.read` has a reader for is accepted (these two were refused)."""
    response = ingest_client.post(
        f"{API}/ingest",
        json={"documents": [{"name": name, "content": content}]},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 200, response.text
    assert (response.json()["stored"], response.json()["rejected"]) == (1, [])


def test_api_missing_store_is_503(tmp_path: Path) -> None:
    response = TestClient(create_app(tmp_path / "absent.duckdb")).get(f"{API}/summary")
    assert response.status_code == 503
    assert response.json()["error"]["status"] == 503


def test_api_allow_ingest_needs_a_token(fixture_db: Path) -> None:
    with pytest.raises(ValueError):
        create_app(fixture_db, allow_ingest=True)


@pytest.mark.parametrize(
    "name, expected",
    [("biden", ["Joe Biden"]), ("PUTIN", ["Vladimir Putin"]), ("%", []), (None, 3)],
)
def test_api_speakers_filter_by_name(client: TestClient, name: str | None, expected) -> None:
    items = client.get(f"{API}/speakers", params={"name": name} if name else {}).json()["items"]
    assert (
        len(items) if isinstance(expected, int) else [item["name"] for item in items]
    ) == expected


def test_api_server_error_is_the_json_error_with_the_security_headers(
    fixture_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unexpected failure answers like every other error: the error shape, the headers,
    and neither the path nor the traceback of what failed."""

    def broken(store: object) -> None:
        raise RuntimeError("/srv/secret/store.duckdb: lock held by PID 4242")

    monkeypatch.setattr("quotetrail.serve.api.views.corpus_summary", broken)
    client = TestClient(create_app(fixture_db), raise_server_exceptions=False)
    for path, kind in ((f"{API}/summary", "application/json"), ("/", "text/html")):
        response = client.get(path)
        assert response.status_code == 500
        assert response.headers["content-type"].startswith(kind)
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert "secret" not in response.text and "Traceback" not in response.text
    assert client.get(f"{API}/summary").json()["error"]["status"] == 500


@pytest.mark.parametrize(("path", "allowed"), [(f"{API}/summary", "GET"), ("/", "GET")])
def test_api_wrong_method_is_405_with_allow(client: TestClient, path: str, allowed: str) -> None:
    response = client.delete(path)
    assert response.status_code == 405
    assert response.headers["allow"] == allowed
    assert response.headers["x-content-type-options"] == "nosniff"


LIMIT = 1_000  # the body limit of the apps below, small so a test body can pass it


def _post(app: object, headers: dict[str, str], chunks: list[bytes]) -> tuple[int, int, dict]:
    """POST /ingest straight over ASGI, the body streamed in `chunks`: the status, how many
    body bytes the app read, and the response headers."""
    read = 0

    async def receive() -> dict:
        nonlocal read
        chunk = chunks.pop(0) if chunks else b""
        read += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": bool(chunks)}

    sent: list[dict] = []

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": f"{API}/ingest",
        "raw_path": f"{API}/ingest".encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8000),
    }
    asyncio.run(app(scope, receive, send))
    start = next(message for message in sent if message["type"] == "http.response.start")
    return start["status"], read, {k.decode(): v.decode() for k, v in start["headers"]}


def _document_body(size: int) -> bytes:
    """A valid ingest request of exactly `size` bytes."""
    shell = json.dumps({"documents": [{"name": "a.txt", "content": ""}]}).encode()
    return shell.replace(b'"content": ""', b'"content": "' + b"x" * (size - len(shell)) + b'"')


@pytest.mark.parametrize(
    ("allow", "header", "status"),
    [(False, f"Bearer {TOKEN}", 403), (True, None, 401), (True, "Bearer wrong", 401)],
)
def test_api_ingest_token_is_checked_before_the_body_is_read(
    fixture_db: Path, allow: bool, header: str | None, status: int
) -> None:
    """A 114 MB body was buffered before the token was looked at."""
    app = create_app(fixture_db, allow_ingest=allow, token=TOKEN if allow else None)
    headers = {"content-type": "application/json"} | ({"authorization": header} if header else {})
    answered, read, sent = _post(app, headers, [b"x" * 100_000] * 50)
    assert (answered, read) == (status, 0)
    assert sent["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    ("size", "declared", "status"),
    [
        (LIMIT, True, 200),
        (LIMIT + 1, True, 413),  # refused on its Content-Length, unread
        (LIMIT + 1, False, 413),  # no length given: counted as it streams
    ],
)
def test_api_ingest_body_is_limited(
    fixture_db: Path, tmp_path: Path, size: int, declared: bool, status: int
) -> None:
    db = tmp_path / "writable.duckdb"
    shutil.copy(fixture_db, db)
    app = create_app(db, allow_ingest=True, token=TOKEN, max_body=LIMIT)
    body = _document_body(size)
    headers = {"content-type": "application/json", "authorization": f"Bearer {TOKEN}"}
    if declared:
        headers["content-length"] = str(len(body))
    chunks = [body[start : start + 100] for start in range(0, len(body), 100)]
    answered, read, sent = _post(app, headers, chunks)
    assert answered == status
    assert read == 0 if status == 413 and declared else read <= LIMIT + 100
    assert sent["x-content-type-options"] == "nosniff"


def test_api_openapi_documents_every_answer(client: TestClient) -> None:
    """Each status and content type an operation answers with is in its schema (schemathesis
    found CSV and 404 undocumented): CSV beside JSON for the tables, the error shape for every
    error, 404 where an id is looked up, and the token and size refusals of ingest."""
    operations = client.get(f"{API}/openapi.json").json()["paths"]
    for path, methods in operations.items():
        for method, operation in methods.items():
            answers = operation["responses"]
            assert {"422", "500", "503"} <= set(answers), (method, path)
            error = answers["503"]["content"]["application/json"]["schema"]
            assert error == {"$ref": "#/components/schemas/ErrorResponse"}
            names = [parameter["name"] for parameter in operation.get("parameters", [])]
            if "format" in names:
                assert {"application/json", "text/csv"} <= set(answers["200"]["content"]), path
            if "{" in path:
                assert "404" in answers, path
    assert {"401", "403", "413"} <= set(operations[f"{API}/ingest"]["post"]["responses"])


def test_api_ingest_names_a_stored_text_sent_with_other_metadata(
    ingest_client: TestClient,
) -> None:
    """The same text with another title is named, and kept as another source of the article."""
    text = "Officials met in Kabul on Thursday to discuss trade and the coming winter season."

    def send(name: str, title: str) -> dict:
        record = json.dumps({"text": text, "title": title})
        return ingest_client.post(
            f"{API}/ingest",
            json={"documents": [{"name": name, "content": record}]},
            headers={"Authorization": f"Bearer {TOKEN}"},
        ).json()

    first, again = send("a.jsonl", "Trade talks in Kabul"), send("b.jsonl", "Winter talks")
    (article_id,) = {other["article_id"] for other in again["other_sources"]}
    assert (first["other_sources"], again["already_stored"]) == ([], 1)
    assert again["other_sources"] == [
        {"source": "0000_b.jsonl:line 1", "article_id": article_id, "differs": ["title"]}
    ]
    article = ingest_client.get(f"{API}/articles/{article_id}").json()
    assert article["title"] == "Trade talks in Kabul"
    assert [source["title"] for source in article["sources"]] == ["Winter talks"]
