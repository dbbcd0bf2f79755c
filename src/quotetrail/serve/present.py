"""What the pages, the API and the report show, shaped from store records: plain data only.

`position_data` is the one adapter over `quotetrail.analyze.positions`: it turns a `Position`
into chart points and plain rows of its months, shifts and contradictions. It reshapes and never
decides: a point's date, speaker and stance are the timeline row's, as `quotetrail positions`
prints them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Sequence
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup

from quotetrail.analyze.positions import Period, Position, Shift, position, timeline
from quotetrail.records import Statement
from quotetrail.render import plain
from quotetrail.store import StatementQuery, Store

STANCE_VALUE = {"support": 1.0, "neutral": 0.0, "oppose": -1.0}


def _point(row: dict[str, Any]) -> dict[str, Any]:
    """A timeline row as a chart point."""
    return {
        "statement_id": row["id"],
        "article_id": row["article_id"],
        "date": row["date"],
        "month": row["date"][:7],
        "assumed": row["date_assumed"],
        "label": row["stance"],
        "value": STANCE_VALUE.get(row["stance"]),
        "score": row["score"],
        "evidence": row["evidence"],
        "speaker": row["speaker"],
        "outlet": row["outlet"],
        "quote": row["quote"],
    }


@dataclass(frozen=True)
class PositionSummary:
    """What every page of one position shows alike: the ids of all its statements in order,
    and the months, shifts and contradictions of all of them."""

    ids: tuple[str, ...]
    months: list[dict[str, Any]]
    shifts: list[dict[str, Any]]
    contradictions: list[dict[str, Any]]


# How a position's summary is had: kept from an earlier request (`serve.owner.Remembered`) or
# worked out now, given a key that names the position and the function that works it out.
Recall = Callable[[Hashable, Callable[[], PositionSummary]], PositionSummary]


def work_out(_key: Hashable, analysed: Callable[[], PositionSummary]) -> PositionSummary:
    """The `Recall` that keeps nothing."""
    return analysed()


def position_data(
    store: Store,
    actor: str,
    target: str,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    recall: Recall = work_out,
) -> dict[str, Any]:
    """An actor's position on a target as `quotetrail positions` computes it: its statements,
    chart points (its timeline), the months (balance with its 90 % interval), shifts with their
    confidence and evidence, and contradictions. The pages, the API and the report show these,
    not a re-computation, so they read the same as the command line. With a `limit`, the
    statements and points are one page of them (`statement_count` counts all), while the months,
    shifts and contradictions stay those of every statement: a busy actor's ten thousand
    records are not sent, drawn or listed at once. The analysis of all is had through `recall`,
    so the server works it out once for all the pages of a position; a page it had kept reads
    only its own statements."""
    analysis: list[Position] = []

    def analysed() -> PositionSummary:
        result = position(store, actor, target, since=since, until=until)
        analysis.append(result)
        return PositionSummary(
            tuple(record.id for record in result.statements),
            [_month(period) for period in result.periods],
            [_shift(shift) for shift in result.shifts],
            result.contradictions,
        )

    summary = recall(("position", actor, target, since, until), analysed)
    end = None if limit is None else offset + limit
    if analysis:
        shown = analysis[0].statements[offset:end]
    else:
        shown = _read(store, summary.ids[offset:end])
    return {
        "actor": actor,
        "target": target,
        "statement_count": len(summary.ids),
        "statements": shown,
        "points": [_point(row) for row in timeline(shown, target)],
        "months": summary.months,
        "shifts": summary.shifts,
        "contradictions": summary.contradictions,
    }


def _read(store: Store, ids: Sequence[str]) -> list[Statement]:
    """The statements of `ids`, in that order."""
    if not ids:
        return []
    found = {record.id: record for record in store.statements(StatementQuery(ids=list(ids)))}
    return [found[statement_id] for statement_id in ids if statement_id in found]


def _month(period: Period) -> dict[str, Any]:
    row = asdict(period)
    del row["ids"]
    return {"month": row.pop("period"), **row}


def _shift(shift: Shift) -> dict[str, Any]:
    """A shift named by the month it arrived in and the one it left (`since`)."""
    row = asdict(shift)
    return {
        "month": row.pop("after"),
        "since": row.pop("before"),
        "from": row.pop("from_label"),
        "to": row.pop("to_label"),
        **row,
    }


def highlight(text: str, spans: list[tuple[int, int, str]]) -> list[dict[str, Any]]:
    """`text` cut into segments, each either plain or one statement's span (`id` set).

    Spans out of range are dropped, overlapping ones clipped to where the previous ended, so
    every character appears exactly once; templates escape each segment.
    """
    segments: list[dict[str, Any]] = []
    cursor = 0
    for span_start, span_end, statement_id in sorted(spans):
        start, end = max(span_start, cursor), min(span_end, len(text))
        if start >= end:
            continue
        if start > cursor:
            segments.append({"text": text[cursor:start], "id": None})
        segments.append({"text": text[start:end], "id": statement_id})
        cursor = end
    if cursor < len(text):
        segments.append({"text": text[cursor:], "id": None})
    return segments


def json_text(value: Any) -> str:
    """`value` as JSON text; left to Jinja's escaping, it is safe in an attribute's value."""
    return json.dumps(plain(value), ensure_ascii=False, default=str)


def script_json(value: Any) -> Markup:
    """JSON safe inside an HTML <script> element: no `<`, `>`, `&` or line separators survive raw,
    so it is already escaped for that context (Markup keeps Jinja from entity-encoding it)."""
    text = json_text(value)
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return Markup(text)


def safe_url(url: str | None) -> str | None:
    """`url` when it is an http(s) link, else None (a `javascript:` URL is never a link)."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def path_part(value: str) -> str:
    """One URL path segment, every reserved character escaped."""
    return quote(value, safe="")
