"""The HTML pages: each renders, hostile text comes out escaped, nothing runs inline."""

from __future__ import annotations

import html as html_module
import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from quotetrail.serve.api import create_app

PUTIN_ID = "a3a688d62e9e95af"
RT_2021 = "74c77733e9c3ed70"
PAGES = [
    "/",
    "/search?q=taliban",
    "/search?q=mallory",
    "/search",
    "/speakers",
    f"/speakers/{PUTIN_ID}",
    "/positions?actor=Russia&target=Taliban",
    f"/statements/{RT_2021}",
    "/articles/a2021rt",
    "/articles/a2024rt",
    "/articles/a2024x",
    "/stories",
    "/stories/s-a2021rt",
    "/stories/s-a2024rt",
    "/outlets",
    "/speakers/ccb95b82db56d259",
]
INLINE_HANDLER = re.compile(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", re.S)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.S)


@pytest.fixture(scope="module")
def client(fixture_db: Path) -> TestClient:
    return TestClient(create_app(fixture_db))


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_without_live_markup_from_articles(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    html = response.text
    assert "<script>alert" not in html and "<img src=x" not in html
    assert not INLINE_HANDLER.search(html)
    assert not INLINE_SCRIPT.search(html)
    assert 'href="javascript:' not in html.lower()


@pytest.mark.parametrize(
    "path, shown",
    [
        ("/articles/a2021rt", "Putin on Kabul &lt;script&gt;alert(1)&lt;/script&gt;"),
        ("/articles/a2021rt", "Also on RT &lt;script&gt;"),  # what cleaning removed
        ("/articles/a2024rt", "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;"),
        ("/speakers/ccb95b82db56d259", "Mallory &#34;&gt;&lt;img src=x onerror=alert(2)&gt;"),
        ("/search?q=mallory", "&lt;script&gt;alert(1)&lt;/script&gt; is fine"),
    ],
)
def test_pages_show_hostile_text_as_text(client: TestClient, path: str, shown: str) -> None:
    assert shown in client.get(path).text


def test_pages_javascript_url_is_not_a_link(client: TestClient) -> None:
    html = client.get("/articles/a2021rt").text
    assert "javascript:alert(3)" in html and 'href="javascript' not in html


def test_pages_statement_highlights_its_quote(client: TestClient) -> None:
    html = client.get(f"/statements/{RT_2021}").text
    mark = re.search(
        r'<mark id="m-' + RT_2021 + r'" class="current"><a [^>]+>([^<]+)</a></mark>', html
    )
    assert mark and mark.group(1) == "We are not going to rush to recognise the Taliban"
    assert "TASS: Kremlin comments on Afghanistan" in html  # the other outlet carrying it
    assert "evidence: “not going to rush”" in html


def test_pages_article_marks_every_statement(client: TestClient) -> None:
    html = client.get("/articles/a2021rt").text
    assert html.count('<mark id="m-') == 2
    assert "What cleaning removed (2 lines)" in html


def _charted(html: str) -> dict:
    """The data a page's chart draws (its `data-values`, unescaped as a browser reads it)."""
    return json.loads(html_module.unescape(re.search(r'data-values="([^"]*)"', html).group(1)))


def test_pages_position_chart_draws_what_the_api_serves(client: TestClient) -> None:
    """The chart draws the page's own data, the API's points, months and shifts for the same
    page: the position is worked out once for the page, not again by a request of the chart."""
    html = client.get("/positions?actor=Russia&target=Taliban").text
    served = client.get("/api/v1/positions?actor=Russia&target=Taliban").json()
    assert _charted(html) == {key: served[key] for key in ("points", "months", "shifts")}
    assert "2024-07</strong>: neutral → support" in html  # 2021-08 weighed by confidence


def test_pages_position_lists_contradictions_and_month_intervals(client: TestClient) -> None:
    """The page carries what `quotetrail positions` prints: each month's interval, and the
    contradiction between Putin's 2021 and 2024 statements, each side linked to its statement."""
    html = client.get("/positions?actor=Russia&target=Taliban").text
    table = re.search(r'<table class="contradictions">(.*?)</table>', html, re.S).group(1)
    assert "same actor: Vladimir Putin" in table
    assert "The Taliban must keep its promises" in table and "our allies in the fight" in table
    assert len(re.findall(r'href="/statements/[0-9a-f]+"', table)) == 2
    assert re.search(
        r"<td>2021-08</td><td>3</td>.*?<td>[+-]\d\.\d\d … [+-]\d\.\d\d</td><td>neutral</td>",
        html,
        re.S,
    )


def test_pages_story_matrix_one_row_per_statement(client: TestClient) -> None:
    html = client.get("/stories/s-a2021rt").text  # two statements, RT and TASS carry both
    assert html.count('class="carried"') == 4 and html.count('class="left-out"') == 0
    assert html.count("We are not going to rush") == 1  # TASS's report of it is not a second row


def test_pages_outlets_matrix_shows_who_missed_a_shared_story(client: TestClient) -> None:
    html = client.get("/outlets").text
    row = re.search(r"Kremlin comments on Afghanistan</a></td>(.*?)</tr>", html, re.S).group(1)
    # columns in outlet order (most articles first): RT, BBC, Example Post, TASS
    assert re.findall(r'class="(carried|left-out)"', row) == [
        "carried",
        "left-out",
        "left-out",
        "carried",
    ]


def test_pages_speaker_pages_statements_under_the_whole_count(client: TestClient) -> None:
    html = client.get(f"/speakers/{PUTIN_ID}?limit=3").text
    assert "4 statements" in html and 'rel="next"' in html
    assert html.count('class="statement') == 3


def test_pages_position_pages_statements_under_the_whole_count(client: TestClient) -> None:
    """The page lists a page of statements under the count of all of them; its chart draws
    their points and every month, and it links the same page of the API."""
    html = client.get("/positions?actor=Russia&target=Taliban&limit=3").text
    assert "4 statements" in html and 'rel="next"' in html
    assert html.count('class="statement') == 3
    assert "/api/v1/positions?actor=Russia&amp;target=Taliban&amp;limit=3" in html
    charted = _charted(html)
    assert len(charted["points"]) == 3 and [m["month"] for m in charted["months"]] == [
        "2021-08",
        "2024-07",
    ]


def test_pages_outlets_matrix_pages_its_stories(client: TestClient) -> None:
    html = client.get("/outlets?offset=1").text  # the fixture shares one story
    assert "Kremlin comments on Afghanistan</a></td>" not in html
    assert 'rel="prev"' in html and "<h1>Outlets</h1>" in html


@pytest.mark.parametrize(
    "path, status",
    [
        ("/statements/nope", 404),
        ("/speakers/nope", 404),
        ("/stories/nope", 404),
        ("/articles/nope", 404),
        ("/search?q=x&since=tomorrow", 422),
        ("/positions?actor=Russia", 422),
        ("/search?q=x&stance=love", 422),
        ("/search?q=x&offset=9223372036854775808", 422),  # past DuckDB's BIGINT: it was a 500
        ("/stories?offset=9223372036854775808", 422),
        ("/positions?actor=Russia&target=Taliban&since=0", 422),
    ],
)
def test_pages_errors_are_html(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert f"<h1>{status}</h1>" in response.text


def test_pages_readable_without_javascript(client: TestClient) -> None:
    html = client.get("/positions?actor=Russia&target=Taliban").text
    statements = re.findall(r'<article class="statement"', html)
    assert len(statements) == 4  # every chart point is also listed as text


def test_pages_home_lists_a_speaker_without_affiliation(tmp_path: Path) -> None:
    from quotetrail.link import link_articles
    from quotetrail.records import Article, ArticleResult, Speaker, Statement
    from quotetrail.store import Store

    text = "Anna Petrova said the road would reopen."
    article = Article(id="solo", text=text, outlet="Example", published="2024-01-02")
    statement = Statement(
        article_id="solo",
        kind="indirect",
        quote="the road would reopen",
        sentence=text,
        span=(text.index("the road"), len(text) - 1),
        speaker=Speaker("Anna Petrova", "Anna Petrova"),
    )
    with Store(tmp_path / "solo.duckdb") as store:
        store.write([ArticleResult(article=article, statements=[statement])])
        link_articles(store, ["solo"])
    response = TestClient(create_app(tmp_path / "solo.duckdb")).get("/")
    assert response.status_code == 200
    assert "Anna Petrova" in response.text


def test_pages_statement_listings_show_corroboration(client: TestClient) -> None:
    html = client.get("/search?q=rush").text
    assert (
        html.count("also in 1</span>") == 2
    )  # the RT and the TASS report, each carried by the other
    assert "also in" not in client.get("/search?q=allies").text
