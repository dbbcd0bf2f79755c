"""The web app: a read-only REST API under /api/v1 and the HTML pages, over one store file.

The server holds the store while it runs (`owner.StoreOwner`): each request reads through a
connection of its own, and ingest (over the API, or from a watched folder) runs on one writer
thread beside them, so reads never stop for writes. Ingest over the API exists only when the
app is created with `allow_ingest`, and then needs the bearer token.
"""

from __future__ import annotations

import hmac
import io
import os
import tempfile
from collections.abc import Callable, Mapping
from enum import StrEnum
from pathlib import Path, PurePath
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from quotetrail import __version__
from quotetrail.ingest import IngestSummary
from quotetrail.read import READERS, reader_for
from quotetrail.read.registry import document_limit
from quotetrail.render import emit, plain
from quotetrail.serve.dependencies import (
    API,
    FilterDep,
    Page,
    PageDep,
    RecallDep,
    Settings,
    Since,
    StoreDep,
    Until,
    iso,
)
from quotetrail.serve.feeds import router as feeds
from quotetrail.serve.holder import Holder
from quotetrail.serve.owner import StoreOwner
from quotetrail.serve.pages import error_page
from quotetrail.serve.pages import router as pages
from quotetrail.serve.present import position_data
from quotetrail.store import ArticleQuery, StatementQuery, links, views
from quotetrail.store import search as fulltext

STATIC = Path(__file__).parent / "static"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
    " connect-src 'self';"
    " base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


class EntityKind(StrEnum):
    person = "person"
    actor = "actor"
    organization = "organization"
    place = "place"
    document = "document"


class TableFormat(StrEnum):
    json = "json"
    csv = "csv"


FormatParam = Annotated[
    TableFormat, Query(alias="format", description="json, or csv for the table.")
]


class ErrorDetail(BaseModel):
    status: int
    message: str
    details: list[dict[str, Any]] | None = Field(
        None, description="For 422: each invalid parameter, where (`loc`) and why (`msg`)."
    )


class ErrorResponse(BaseModel):
    """What every error answers with (`_error`)."""

    error: ErrorDetail


REASONS = {
    401: "No valid bearer token",
    403: "Ingest is disabled on this server",
    404: "No such item",
    413: "The request body is too large",
    422: "Invalid parameters",
    500: "Internal error (no details given)",
    503: "The store is not available",
}


def answers(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI `responses` of these error statuses: each the error shape."""
    return {status: {"model": ErrorResponse, "description": REASONS[status]} for status in statuses}


# A table is JSON, or CSV with format=csv.
TABLE = {200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": "OK"}}


def csv_response(rows: list[Any]) -> Response:
    buffer = io.StringIO()
    emit(rows, "csv", stream=buffer)
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8")


def listing(
    request: Request, rows: list[Any], at: Page, fmt: TableFormat = TableFormat.json
) -> Any:
    """One page of `rows` (fetched with limit + 1, so a next page is known without counting)."""
    more = len(rows) > at.limit
    rows = rows[: at.limit]
    if fmt is TableFormat.csv:
        return csv_response(rows)
    return {"items": plain(rows), **paged(request, at, more)}


def paged(request: Request, at: Page, more: bool) -> dict[str, Any]:
    """Where a page stands: its limit and offset, and the link to the next one if `more`."""
    following = str(request.url.include_query_params(offset=at.offset + at.limit)) if more else None
    return {"limit": at.limit, "offset": at.offset, "next": following}


def found(value: Any, what: str) -> Any:
    if value is None:
        raise HTTPException(404, f"no such {what}")
    return value


router = APIRouter(prefix=API, responses=answers(422, 500, 503))


@router.get("/summary", summary="Counts over the whole corpus")
def summary(store: StoreDep) -> dict[str, Any]:
    return {**views.corpus_summary(store), "version": __version__}


@router.get(
    "/articles",
    summary="Stored articles (metadata; the text with with_text=true)",
    responses=TABLE,
)
def list_articles(
    request: Request,
    store: StoreDep,
    at: PageDep,
    outlet: Annotated[str | None, Query(description="Outlet name contains this.")] = None,
    since: Since = None,
    until: Until = None,
    with_text: bool = False,
    fmt: FormatParam = TableFormat.json,
) -> Any:
    query = ArticleQuery(
        outlet=outlet, since=iso(since), until=iso(until), limit=at.limit + 1, offset=at.offset
    )
    return listing(request, store.articles(query, with_text=with_text), at, fmt)


@router.get(
    "/articles/{article_id}",
    summary="One article: cleaned text, metadata, what cleaning removed, statements",
    responses=answers(404),
)
def get_article(article_id: str, store: StoreDep) -> dict[str, Any]:
    article = found(store.article(article_id), "article")
    return {**article, "statements": plain(store.statements(StatementQuery(article_id=article_id)))}


@router.get("/statements", summary="Statements by the date they were made", responses=TABLE)
def list_statements(
    request: Request,
    store: StoreDep,
    where: FilterDep,
    at: PageDep,
    fmt: FormatParam = TableFormat.json,
) -> Any:
    where.limit, where.offset = at.limit + 1, at.offset
    return listing(request, store.statements(where), at, fmt)


@router.get(
    "/statements/{statement_id}",
    summary="One statement, with the articles that also carry it",
    responses=answers(404),
)
def get_statement(statement_id: str, store: StoreDep) -> dict[str, Any]:
    record = found(views.statement(store, statement_id), "statement")
    return {**record.to_dict(), "carried_by": views.carried_by(store, record)}


@router.get("/speakers", summary="Speakers, most quoted first", responses=TABLE)
def list_speakers(
    request: Request,
    store: StoreDep,
    at: PageDep,
    name: Annotated[str | None, Query(description="Name contains this.")] = None,
    fmt: FormatParam = TableFormat.json,
) -> Any:
    return listing(
        request, views.speakers(store, name=name, limit=at.limit + 1, offset=at.offset), at, fmt
    )


@router.get(
    "/speakers/{speaker_id}",
    summary="A speaker: names, roles over time, targets, outlets, and a page of statements",
    responses=answers(404),
)
def get_speaker(request: Request, speaker_id: str, store: StoreDep, at: PageDep) -> dict[str, Any]:
    record = found(views.speaker(store, speaker_id, limit=at.limit, offset=at.offset), "speaker")
    return plain({**record, **paged(request, at, at.precedes_more(record["statement_count"]))})


@router.get(
    "/positions",
    summary="An actor's statements about a target over time: a page of its statements and their"
    " points; the months (balance, 90 % interval), shifts and contradictions of all of them",
    responses=TABLE,
)
def get_position(
    request: Request,
    store: StoreDep,
    actor: Annotated[
        str, Query(min_length=1, description="A speaker, or everyone affiliated with this actor.")
    ],
    target: Annotated[str, Query(min_length=1, description="What the statements are about.")],
    at: PageDep,
    recall: RecallDep,
    since: Since = None,
    until: Until = None,
    fmt: FormatParam = TableFormat.json,
) -> Any:
    data = position_data(store, actor, target, iso(since), iso(until), at.limit, at.offset, recall)
    if fmt is TableFormat.csv:
        return csv_response(data["points"])
    return plain({**data, **paged(request, at, at.precedes_more(data["statement_count"]))})


@router.get(
    "/search/statements",
    summary="Full-text search over statements (BM25), with filters",
    responses=TABLE,
)
def search_statements(
    request: Request,
    store: StoreDep,
    where: FilterDep,
    at: PageDep,
    q: Annotated[str, Query(min_length=1, description="Words that must all occur.")],
    fmt: FormatParam = TableFormat.json,
) -> Any:
    return listing(
        request, fulltext.search_statements(store, q, where, at.limit + 1, at.offset), at, fmt
    )


@router.get(
    "/search/articles",
    summary="Full-text search over article titles and texts (BM25)",
    responses=TABLE,
)
def search_articles(
    request: Request,
    store: StoreDep,
    at: PageDep,
    q: Annotated[str, Query(min_length=1, description="Words that must all occur.")],
    outlet: Annotated[str | None, Query(description="Outlet name contains this.")] = None,
    since: Since = None,
    until: Until = None,
    fmt: FormatParam = TableFormat.json,
) -> Any:
    query = ArticleQuery(outlet=outlet, since=iso(since), until=iso(until))
    return listing(
        request, fulltext.search_articles(store, q, query, at.limit + 1, at.offset), at, fmt
    )


@router.get("/stories", summary="Stories, widest coverage first", responses=TABLE)
def list_stories(
    request: Request, store: StoreDep, at: PageDep, fmt: FormatParam = TableFormat.json
) -> Any:
    return listing(request, links.story_rows(store, limit=at.limit + 1, offset=at.offset), at, fmt)


@router.get(
    "/stories/{story_id:path}",
    summary="A story and its outlet comparison",
    responses=answers(404),
)
def get_story(story_id: str, store: StoreDep) -> dict[str, Any]:
    return plain(found(views.story(store, story_id), "story"))


@router.get("/outlets", summary="Outlets with article and statement counts", responses=TABLE)
def list_outlets(
    request: Request, store: StoreDep, at: PageDep, fmt: FormatParam = TableFormat.json
) -> Any:
    return listing(
        request, links.outlet_coverage(store)[at.offset : at.offset + at.limit + 1], at, fmt
    )


@router.get(
    "/entities",
    summary="People, countries and bodies as resolved across articles, with the evidence for"
    " each merge",
    responses=TABLE,
)
def list_entities(
    request: Request,
    store: StoreDep,
    at: PageDep,
    kind: Annotated[
        EntityKind | None,
        Query(
            description="person, actor (a country or body speaking), organization, place, "
            "document (a report or study whose author is not given)"
        ),
    ] = None,
    fmt: FormatParam = TableFormat.json,
) -> Any:
    rows = links.entity_rows(
        store, kind=kind.value if kind else None, limit=at.limit + 1, offset=at.offset
    )
    return listing(request, rows, at, fmt)


class Document(BaseModel):
    name: str = Field(
        min_length=1, max_length=200, description="File name; its suffix says the format."
    )
    content: str = Field(max_length=20_000_000)


class IngestRequest(BaseModel):
    documents: list[Document] = Field(min_length=1, max_length=1000)


def require_token(request: Request) -> None:
    settings: Settings = request.app.state.settings
    if not settings.allow_ingest or not settings.token:
        raise HTTPException(403, "ingest is disabled: start the server with --allow-ingest")
    given = request.headers.get("authorization", "")
    if not hmac.compare_digest(given.encode(), f"Bearer {settings.token}".encode()):
        raise HTTPException(401, "a valid bearer token is required")


@router.post(
    "/ingest",
    summary="Ingest documents (only with --allow-ingest, behind the token)",
    dependencies=[Depends(require_token)],
    responses=answers(401, 403, 413),
)
def post_ingest(body: IngestRequest, request: Request) -> dict[str, Any]:
    """Each document is written under its own name and ingested as `quotetrail ingest` would,
    by the server's writer (after any ingest before it), while other requests go on reading:
    a name is accepted when a reader of `quotetrail.read` reads it, and only then."""
    owner: StoreOwner = request.app.state.owner
    with tempfile.TemporaryDirectory(prefix="quotetrail-ingest-") as folder:
        for number, document in enumerate(body.documents):
            name = PurePath(document.name).name
            if reader_for(Path(name)) is None:
                raise HTTPException(
                    422, f"{name!r}: unsupported file type (use {', '.join(sorted(READERS))})"
                )
            (Path(folder) / f"{number:04d}_{name}").write_text(document.content, encoding="utf-8")
        result = owner.ingest([Path(folder)])
    return {
        "documents": result.documents,
        "stored": result.stored,
        "already_stored": result.already_stored,
        "statements": result.statements,
        "rejected": [
            {"source": PurePath(r.source).name, "reason": r.reason} for r in result.rejected
        ],
        "other_sources": [  # stored texts sent again with another title, URL, outlet or date
            {"source": PurePath(o.source).name, "article_id": o.article_id, "differs": o.differs}
            for o in result.other_sources
        ],
    }


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(API)


def _error(
    request: Request,
    status: int,
    message: str,
    details: Any = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    if _is_api(request):
        body: dict[str, Any] = {"error": {"status": status, "message": message}}
        if details is not None:
            body["error"]["details"] = details
        response: Response = JSONResponse(body, status_code=status)
    else:
        response = error_page(request, status, message)
    response.headers.update(headers or {})  # a 405's Allow, a 401's WWW-Authenticate
    return response


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    return _error(request, exc.status_code, str(exc.detail), headers=exc.headers)


async def _server_error(request: Request, exc: Exception) -> Response:
    """Anything unforeseen answers like every other error, with the headers every response
    carries (this handler answers outside the middleware that adds them), and names no path
    and shows no traceback: those go to the server's log."""
    response = _error(request, 500, "internal server error")
    response.headers.update(SECURITY_HEADERS)
    return response


BODY_OVERHEAD = 1_000_000  # the JSON around the documents of one ingest request


class RequestGuard:
    """What is settled before a request's body is read. FastAPI reads a body before it runs
    any dependency, so `require_token` alone came after buffering whatever was sent (114 MB,
    four at once, took the server from 313 MB to 1.2 GB): here the token of a route that needs
    one is checked first (401, 403), then the body's size, as declared and then as counted
    while it streams (413)."""

    def __init__(self, app: ASGIApp, max_body: int, guarded: list[APIRoute]) -> None:
        self.app, self.max_body, self.guarded = app, max_body, guarded

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        too_large = f"the request body is over {self.max_body:,} bytes"
        try:
            if any(route.matches(scope)[0] is Match.FULL for route in self.guarded):
                require_token(request)
            declared = request.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_body:
                raise HTTPException(413, too_large)
        except HTTPException as refused:
            response = _error(request, refused.status_code, str(refused.detail))
            await response(scope, receive, send)
            return
        counted = 0

        async def receive_counted() -> Message:
            nonlocal counted
            message = await receive()
            counted += len(message.get("body", b""))
            if counted > self.max_body:  # raised inside the body read: answered as a 413
                raise HTTPException(413, too_large)
            return message

        await self.app(scope, receive_counted, send)


async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
    details = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
    return _error(
        request,
        422,
        "invalid request: "
        + "; ".join(f"{'.'.join(map(str, d['loc']))}: {d['msg']}" for d in details),
        details,
    )


def create_app(
    db: str | Path,
    allow_ingest: bool = False,
    token: str | None = None,
    max_body: int | None = None,
    watch: Path | None = None,
    workers: int = 1,
    on_watch: Callable[[IngestSummary], None] | None = None,
    url: str | None = None,
    follow: Callable[[StoreOwner], Callable[[], None]] | None = None,
) -> FastAPI:
    """The app over the store at `db`. `allow_ingest` needs `token` (the API rejects ingest
    without it). A request body is at most `max_body` bytes: by default what one document may
    hold (`read.registry.document_limit`) and the JSON around it. With `watch`, the server
    ingests what arrives in that folder while it runs (`on_watch` hears of each run); ingest
    runs on `workers` processes. `url`, where it is served, goes in the note it leaves beside
    the store while it runs (`holder`). `follow`, given the store's owner, makes what runs
    beside the server while it serves (the watch of watch.toml: `quotetrail.watch`)."""
    if allow_ingest and not token:
        raise ValueError("allow_ingest needs a token")
    owner = StoreOwner(
        Path(db), writable=allow_ingest or watch is not None or follow is not None, workers=workers
    )
    note = Holder(os.getpid(), url, str(watch) if watch else None, allow_ingest) if url else None
    app = FastAPI(
        lifespan=owner.lifespan(watch, on_watch, note, follow(owner) if follow else None),
        title="quotetrail",
        version=__version__,
        openapi_url=f"{API}/openapi.json",
        docs_url=None,
        redoc_url=None,
        description="Who said what, when, about whom: the statement record, read-only unless"
        " started with --allow-ingest.",
    )
    app.state.settings = Settings(allow_ingest, token)
    app.state.owner = owner
    app.include_router(router)
    app.include_router(pages)
    app.include_router(feeds)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _server_error)
    guarded = [
        route
        for route in router.routes
        if isinstance(route, APIRoute)
        and any(depends.dependency is require_token for depends in route.dependencies)
    ]
    app.add_middleware(  # inside the one below, so its refusals carry the headers too
        RequestGuard,
        max_body=document_limit() + BODY_OVERHEAD if max_body is None else max_body,
        guarded=guarded,
    )

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    return app
