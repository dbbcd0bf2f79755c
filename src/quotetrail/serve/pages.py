"""The HTML pages: server-rendered, readable with JavaScript off; scripts only draw charts.

Every value reaches the page through Jinja2 with autoescaping on. The only Markup is the
output of `script_json` (JSON escaped for a <script> element) and, in the report, the package's
own stylesheet and scripts; text from articles is never marked safe.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from quotetrail import __version__
from quotetrail.analyze.positions import stance_entry
from quotetrail.records import StatementKind
from quotetrail.serve.dependencies import (
    API,
    FilterDep,
    Page,
    PageDep,
    RecallDep,
    Since,
    StoreDep,
    Until,
    iso,
)
from quotetrail.serve.present import (
    STANCE_VALUE,
    highlight,
    json_text,
    path_part,
    position_data,
    safe_url,
    script_json,
)
from quotetrail.store import MAX_ROWS, ArticleQuery, StatementQuery, links, views
from quotetrail.store import search as fulltext

TEMPLATES = Path(__file__).parent / "templates"
PAGE_SIZE = 20


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        json_text=json_text, path_part=path_part, safe_url=safe_url, script_json=script_json
    )
    env.globals.update(
        stance_entry=stance_entry,
        stance_labels=list(STANCE_VALUE),
        version=__version__,
    )
    return env


ENV = environment()
router = APIRouter(include_in_schema=False)


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = ENV.get_template(template).render(
        request_path=request.url.path, query=dict(request.query_params), **context
    )
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status=status, status_code=status, message=message)


def _found(value: Any, what: str) -> Any:
    if value is None:
        raise HTTPException(404, f"no such {what}")
    return value


def _pager(request: Request, at: Page, more: bool) -> dict[str, str | None]:
    """Links to the previous page, by offset, and to the next one if there is `more`."""
    previous = max(at.offset - at.limit, 0)
    return {
        "previous": str(request.url.include_query_params(offset=previous)) if at.offset else None,
        "next": str(request.url.include_query_params(offset=at.offset + at.limit))
        if more
        else None,
    }


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep) -> HTMLResponse:
    return render(
        request,
        "home.html",
        summary=views.corpus_summary(store),
        outlets=links.outlet_coverage(store),
        speakers=views.speakers(store, limit=10),
        stories=links.story_rows(store, limit=10),
    )


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    store: StoreDep,
    where: FilterDep,
    q: Annotated[str, Query(max_length=500)] = "",
    limit: Annotated[int, Query(ge=1, le=100)] = PAGE_SIZE,
    offset: Annotated[int, Query(ge=0, le=MAX_ROWS)] = 0,
) -> HTMLResponse:
    at = Page(limit, offset)
    statements = fulltext.search_statements(store, q, where, at.limit + 1, at.offset) if q else []
    article_query = ArticleQuery(outlet=where.outlet, since=where.since, until=where.until)
    articles = (
        fulltext.search_articles(store, q, article_query, at.limit + 1, at.offset) if q else []
    )
    return render(
        request,
        "search.html",
        q=q,
        where=where,
        kinds=list(StatementKind),
        statements=statements[: at.limit],
        articles=articles[: at.limit],
        paging=_pager(request, at, max(len(statements), len(articles)) > at.limit),
    )


@router.get("/speakers", response_class=HTMLResponse)
def speakers(
    request: Request, store: StoreDep, at: PageDep, name: str | None = None
) -> HTMLResponse:
    rows = views.speakers(store, name=name, limit=at.limit + 1, offset=at.offset)
    return render(
        request,
        "speakers.html",
        speakers=rows[: at.limit],
        name=name or "",
        paging=_pager(request, at, len(rows) > at.limit),
    )


@router.get("/speakers/{speaker_id}", response_class=HTMLResponse)
def speaker(request: Request, speaker_id: str, store: StoreDep, at: PageDep) -> HTMLResponse:
    record = _found(
        views.speaker(store, speaker_id, limit=at.limit + 1, offset=at.offset), "speaker"
    )
    paging = _pager(request, at, len(record["statements"]) > at.limit)
    record["statements"] = record["statements"][: at.limit]
    return render(request, "speaker.html", speaker=record, paging=paging)


@router.get("/positions", response_class=HTMLResponse)
def position(
    request: Request,
    store: StoreDep,
    actor: Annotated[str, Query(min_length=1, max_length=200)],
    target: Annotated[str, Query(min_length=1, max_length=200)],
    at: PageDep,
    recall: RecallDep,
    since: Since = None,
    until: Until = None,
) -> HTMLResponse:
    since_iso, until_iso = iso(since), iso(until)
    data = position_data(store, actor, target, since_iso, until_iso, at.limit, at.offset, recall)
    paging = _pager(request, at, at.precedes_more(data["statement_count"]))
    params = {
        "actor": actor,
        "target": target,
        "since": since_iso,
        "until": until_iso,
        "limit": at.limit,
        "offset": at.offset,
    }
    api_url = f"{API}/positions?" + urlencode(
        {key: value for key, value in params.items() if value}
    )
    return render(request, "position.html", position=data, api_url=api_url, paging=paging)


@router.get("/statements/{statement_id}", response_class=HTMLResponse)
def statement(request: Request, statement_id: str, store: StoreDep) -> HTMLResponse:
    record = _found(views.statement(store, statement_id), "statement")
    article = _found(store.article(record.article_id), "article")
    segments = highlight(article["text"], [(*record.span, record.id)])
    return render(
        request,
        "statement.html",
        statement=record,
        article=article,
        segments=segments,
        carried_by=views.carried_by(store, record),
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str, store: StoreDep) -> HTMLResponse:
    record = _found(store.article(article_id), "article")
    statements = store.statements(StatementQuery(article_id=article_id))
    segments = highlight(record["text"], [(*s.span, s.id) for s in statements])
    return render(request, "article.html", article=record, statements=statements, segments=segments)


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request, store: StoreDep, at: PageDep) -> HTMLResponse:
    rows = links.story_rows(store, limit=at.limit + 1, offset=at.offset)
    return render(
        request,
        "stories.html",
        stories=rows[: at.limit],
        paging=_pager(request, at, len(rows) > at.limit),
    )


@router.get("/stories/{story_id:path}", response_class=HTMLResponse)
def story(request: Request, story_id: str, store: StoreDep) -> HTMLResponse:
    return render(request, "story.html", story=_found(views.story(store, story_id), "story"))


@router.get("/outlets", response_class=HTMLResponse)
def outlets(request: Request, store: StoreDep, at: PageDep) -> HTMLResponse:
    shared = links.shared_stories(store, limit=at.limit + 1, offset=at.offset)
    return render(
        request,
        "outlets.html",
        outlets=links.outlet_coverage(store),
        shared=shared[: at.limit],
        paging=_pager(request, at, len(shared) > at.limit),
    )


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> Response:
    return Response(status_code=204)
