"""What the API and the pages both take from a request: the store, a page of a listing, and the
statement filter (`StatementQuery`, the one every listing filters through)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Query, Request
from pydantic import BeforeValidator

from quotetrail.records import StanceLabel, StatementKind
from quotetrail.serve.owner import StoreOwner
from quotetrail.serve.present import Recall
from quotetrail.store import MAX_ROWS, StatementQuery, Store, StoreError

API = "/api/v1"
MAX_LIMIT = 500


@dataclass(frozen=True)
class Settings:
    allow_ingest: bool = False
    token: str | None = None


@dataclass
class Page:
    limit: int
    offset: int

    def precedes_more(self, total: int) -> bool:
        """Items of a listing of `total` lie past this page."""
        return self.offset + self.limit < total


def page(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="At most this many items.")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_ROWS, description="Skip this many items.")] = 0,
) -> Page:
    return Page(limit, offset)


def open_store(request: Request) -> Iterator[Store]:
    """This request's own connection to the store the server holds (`serve.owner`). A store
    that cannot be used is a 503 that says why and names no file and no process."""
    owner: StoreOwner = request.app.state.owner
    try:
        store = owner.cursor()
    except StoreError as error:
        raise HTTPException(503, f"the store is not available: {error.reason}") from None
    with store:
        yield store


StoreDep = Annotated[Store, Depends(open_store)]


def kept_results(request: Request, store: StoreDep) -> Recall:
    """What this request works out from its store and the server keeps until the store next
    commits (`StoreOwner.remembered`): a position's analysis, the same for all its pages."""
    owner: StoreOwner = request.app.state.owner
    return partial(owner.remembered.get, store)


RecallDep = Annotated[Recall, Depends(kept_results)]
PageDep = Annotated[Page, Depends(page)]
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def written_as_iso(value: Any) -> Any:
    """A date as the API documents it, YYYY-MM-DD; pydantic alone would also take `0` or `1.5`
    (seconds since 1970) and `20210820`."""
    if not (isinstance(value, str) and ISO_DATE.fullmatch(value)):
        raise ValueError("a date is written YYYY-MM-DD")
    return value


IsoDate = Annotated[date, BeforeValidator(written_as_iso)]
Since = Annotated[IsoDate | None, Query(description="On or after (YYYY-MM-DD).")]
Until = Annotated[IsoDate | None, Query(description="On or before (YYYY-MM-DD).")]


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def statement_filter(
    speaker: Annotated[
        str | None,
        Query(
            description="Speaker name, mention or any alias of the resolved speaker contains this."
        ),
    ] = None,
    about: Annotated[str | None, Query(description="Statements about this target.")] = None,
    outlet: Annotated[str | None, Query(description="Outlet name contains this.")] = None,
    since: Since = None,
    until: Until = None,
    kind: Annotated[
        StatementKind | None, Query(description="How it is reported: a `StatementKind`.")
    ] = None,
    stance: Annotated[
        StanceLabel | None, Query(description="Stance label (on `about` when given).")
    ] = None,
) -> StatementQuery:
    return StatementQuery(
        speaker=speaker,
        about=about,
        outlet=outlet,
        since=iso(since),
        until=iso(until),
        kind=kind.value if kind else None,
        stance=stance.value if stance else None,
    )


FilterDep = Annotated[StatementQuery, Depends(statement_filter)]
