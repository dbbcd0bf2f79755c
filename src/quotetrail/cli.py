"""The `quotetrail` command: parses arguments, calls the package, prints. Nothing else."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from quotetrail import __version__
from quotetrail.analyze.positions import PERIODS
from quotetrail.eval import HARNESSES
from quotetrail.read import READERS
from quotetrail.records import StanceLabel, Statement, StatementKind
from quotetrail.render import FORMATS, default_format, emit, emit_document, safe_text
from quotetrail.scale import ENGINES
from quotetrail.store import (
    EXPORT_FORMATS,
    MAX_ROWS,
    ArticleQuery,
    StatementQuery,
    Store,
    StoreBusy,
    StoreError,
)

app = typer.Typer(
    help="quotetrail: who said what, when, about whom — from raw news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",  # a docstring's wrapped lines are one paragraph, as written
)
err = Console(stderr=True, soft_wrap=True)


def _choices(name: str, registry: Iterable[str]) -> type[Enum]:
    """The names a registry knows, as the choices of an option (its help and its check)."""
    return Enum(name, {choice: choice for choice in registry}, type=str)


Format = _choices("Format", FORMATS)
ExportFormat = _choices("ExportFormat", EXPORT_FORMATS)
Engine = _choices("Engine", ENGINES)
Period = _choices("Period", PERIODS)
EvalKind = _choices("EvalKind", HARNESSES)
LOCAL, MONTH, PARQUET = Engine("local"), Period("month"), ExportFormat("parquet")


DbOption = Annotated[
    Path,
    typer.Option(
        "--db",
        envvar="QUOTETRAIL_DB",
        help="DuckDB file (default $QUOTETRAIL_DB, else ./quotetrail.duckdb).",
    ),
]
FormatOption = Annotated[
    Format | None,
    typer.Option("--format", help="Output format (table on a terminal, else jsonl)."),
]
LimitOption = Annotated[
    int | None, typer.Option("--limit", min=1, max=MAX_ROWS, help="At most this many rows.")
]
DEFAULT_DB = Path("quotetrail.duckdb")
MAX_WORKERS = 256  # processes; more only thrash (past a C int the pool was a traceback)


def _iso_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


# The filters several verbs share, each defined once.
SpeakerOption = Annotated[
    str | None,
    typer.Option(help="Speaker name, mention or any alias of the resolved speaker contains this."),
]
AboutOption = Annotated[str | None, typer.Option(help="Statements about this target.")]
OutletOption = Annotated[str | None, typer.Option(help="Outlet name contains this.")]
KindOption = Annotated[
    StatementKind | None, typer.Option(help="How it is reported (one of the listed kinds).")
]
SinceOption = Annotated[
    str | None, typer.Option(callback=_iso_date, help="On or after this date (YYYY-MM-DD).")
]
UntilOption = Annotated[
    str | None, typer.Option(callback=_iso_date, help="On or before this date (YYYY-MM-DD).")
]


@contextmanager
def _open(db: Path, read_only: bool = True) -> Iterator[Store]:
    if read_only and not db.exists():
        err.print(
            Text(f"error: no database at {db} (run `quotetrail ingest PATH --db {db}` first)")
        )
        raise typer.Exit(2)
    with _opening(db, writing=not read_only):
        store = Store(db, read_only=read_only)
    try:
        yield store
    finally:
        store.close()


@contextmanager
def _opening(db: Path, writing: bool) -> Iterator[None]:
    """A store that cannot be opened ends the command with exit 2 and says why: who holds it
    and what to do (`_held`), or what is wrong with the file."""
    try:
        yield
    except StoreBusy:
        err.print(Text(f"error: {_held(db, writing=writing)}"))
        raise typer.Exit(2) from None
    except StoreError as error:
        err.print(Text(f"error: {error}"))
        raise typer.Exit(2) from None


def _held(db: Path, writing: bool) -> str:
    """What to do about a store another process holds: a running `serve` owns it (its note
    says where it listens and how it ingests), anything else is another ingest."""
    from quotetrail.serve.holder import read_note

    holder = read_note(db)
    if holder is None:
        return (
            f"{db} is in use by another process (another `quotetrail ingest`?):"
            " run this again when it has finished."
        )
    held = f"{db} is held by `quotetrail serve` (process {holder.pid}, {holder.url})"
    if not writing:
        return f"{held}: read it there, or stop the server and run this again."
    ways = [f"move the files into {holder.watch}, which it ingests"] if holder.watch else []
    if holder.ingest:
        ways.append(f"POST them to {holder.url}/api/v1/ingest with its token")
    if not ways:
        ways.append(
            "restart it with --watch DIR and move the files into DIR (or with --allow-ingest"
            " and POST them to /api/v1/ingest)"
        )
    return (
        f"{held}, which writes it while it runs. To ingest, {'; or '.join(ways)};"
        " or stop the server and run this again."
    )


def _format(fmt: Format | None) -> str:
    """The format asked for, else a table on a terminal and JSON Lines into a pipe."""
    return (fmt.value if fmt else None) or default_format()


def _speaker_cell(record: Statement) -> str:
    speaker = record.speaker
    if not speaker:
        return ""
    name = speaker.resolved_name
    extra = ", ".join(
        part for part in (speaker.role, speaker.resolved_affiliation) if part and part != name
    )
    cell = name + (f" ({extra})" if extra else "")
    written = speaker.mention or speaker.name
    if written != name:
        cell += f" ← “{written}”"
    return cell


def _said_on_cell(record: Statement) -> str:
    said_on = record.said_on or ""
    return f"{said_on}?" if said_on and record.said_on_assumed else said_on


STATEMENT_COLUMNS = [
    ("said on", "cyan", _said_on_cell),
    ("speaker", "bold", _speaker_cell),
    ("kind", "", lambda r: r.kind),
    ("cue", "", lambda r: r.cue),
    ("statement", "", lambda r: r.quote),
    ("outlet", "magenta", lambda r: r.outlet),
    ("also in", "green", lambda r: len(r.also_in) or ""),  # other articles carrying it
]


@app.command()
def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help=f"Files or folders ({' '.join(sorted(READERS))}), or http(s) URLs of pages,"
            " RSS/Atom feeds and sitemaps.",
            show_default=False,
        ),
    ] = None,
    urls: Annotated[
        Path | None,
        typer.Option(
            "--urls",
            exists=True,
            dir_okay=False,
            help="A file of URLs to ingest, one a line ('#' opens a comment line).",
        ),
    ] = None,
    db: DbOption = DEFAULT_DB,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", min=1, max=MAX_WORKERS, help="Worker processes (default: every core)."
        ),
    ] = None,
    reprocess: Annotated[
        bool, typer.Option("--reprocess", help="Re-extract articles already stored.")
    ] = False,
    engine: Annotated[
        Engine, typer.Option(help="Where the per-document stages run: local processes or Ray.")
    ] = LOCAL,
    ray_address: Annotated[
        str | None, typer.Option(help="Ray cluster address (default: start Ray locally).")
    ] = None,
    batch_size: Annotated[
        int | None,
        typer.Option(
            "--batch-size",
            min=1,
            help="Documents per batch, each stored and linked whole (default 32).",
        ),
    ] = None,
) -> None:
    """Read or fetch, clean, parse and extract; store what is new. Exit 1 if any input was
    rejected. A URL is fetched politely (robots.txt, one request a second per host, retries);
    QUOTETRAIL_CONTACT adds a URL to the user agent. Pages fetched before are not fetched
    again."""
    from quotetrail.fetch import is_url, listed_urls
    from quotetrail.ingest import BATCH_SIZE, default_workers
    from quotetrail.ingest import ingest as run_ingest
    from quotetrail.scale import make_driver
    from quotetrail.scale.ray import RayUnavailable

    inputs: list[str | Path] = [given if is_url(given) else Path(given) for given in paths or []]
    unlisted: list[Any] = []
    if urls is not None:
        listed, unlisted = listed_urls(urls)
        inputs += listed
    if not inputs and not unlisted:
        err.print("error: give files, folders or URLs to ingest, or --urls FILE")
        raise typer.Exit(2)
    driver = make_driver(engine.value, workers=workers or default_workers(), address=ray_address)
    with _open(db, read_only=False) as store, _progress() as progress:
        task = progress.add_task("ingesting", total=None) if progress else None

        def report(summary: Any) -> None:
            if progress is not None:
                progress.update(
                    task, completed=summary.documents, description=f"{summary.stored} stored"
                )

        try:
            summary = run_ingest(
                inputs,
                store,
                driver=driver,
                batch_size=batch_size or BATCH_SIZE,
                replace=reprocess,
                on_progress=report,
            )
        except RayUnavailable as error:
            err.print(Text(f"error: {error}"))
            raise typer.Exit(2) from None
        totals = (store.count("articles"), store.count("statements"))
    summary.rejected[:0] = unlisted
    out = Console(soft_wrap=True)
    out.print(Text(_summary_line(summary)))
    if summary.relinked:
        out.print(Text(f"Linked {summary.relinked} articles an interrupted run left unlinked."))
    if (
        summary.stored == 0
        and (summary.documents or summary.already_fetched)
        and not summary.rejected
    ):
        out.print("Nothing new: every document was already stored.")
    out.print(Text(f"{db}: {totals[0]} articles, {totals[1]} statements in all."))
    _print_named(summary)
    raise typer.Exit(summary.exit_code)


def _summary_line(summary: Any) -> str:
    line = (
        f"{summary.documents} documents read: {summary.stored} articles stored"
        f" ({summary.statements} statements), {summary.already_stored} already stored"
    )
    if summary.other_sources:
        line += f" ({len(summary.other_sources)} with other metadata, kept as other sources)"
    if summary.repeated:
        line += f", {summary.repeated} repeated in this run"
    if summary.not_english:
        line += f", {summary.not_english} not English (stored, extraction skipped)"
    if summary.already_fetched:
        line += f", {summary.already_fetched} URLs fetched before (not fetched again)"
    return line + f", {len(summary.rejected)} rejected."


def _print_named(summary: Any) -> None:
    """Each input rejected, and each stored text that came again with other metadata."""
    for rejection in summary.rejected:
        err.print(Text(f"rejected {safe_text(rejection.source)}: {safe_text(rejection.reason)}"))
    for other in summary.other_sources:
        err.print(Text(f"noted {safe_text(other.source)}: {other.message}"))


@contextmanager
def _progress() -> Iterator[Progress | None]:
    if not sys.stderr.isatty():
        yield None
        return
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} documents"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )
    with progress:
        yield progress


@app.command()
def articles(
    db: DbOption = DEFAULT_DB,
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = None,
    fmt: FormatOption = None,
) -> None:
    """Stored articles: metadata, and the cleaned text in json/jsonl/csv."""
    fmt_name = _format(fmt)
    with _open(db) as store:
        rows = store.articles(
            ArticleQuery(outlet=outlet, since=since, until=until, limit=limit),
            with_text=fmt_name != "table",
        )
    emit(
        rows,
        fmt_name,
        columns=[
            (
                "published",
                "cyan",
                lambda r: (r["published"] or "") + ("?" if r["published_inferred"] else ""),
            ),
            ("outlet", "magenta", lambda r: r["outlet"]),
            ("title", "bold", lambda r: r["title"]),
            ("statements", "", lambda r: r["statements"]),
            ("id", "dim", lambda r: r["id"]),
        ]
        if fmt_name == "table"
        else None,
        title="Articles",
    )


@app.command()
def statements(
    db: DbOption = DEFAULT_DB,
    speaker: SpeakerOption = None,
    about: AboutOption = None,
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    kind: KindOption = None,
    limit: LimitOption = None,
    fmt: FormatOption = None,
) -> None:
    """Statements with their speakers, by the date they were made."""
    fmt_name = _format(fmt)
    query = StatementQuery(
        speaker=speaker,
        about=about,
        outlet=outlet,
        since=since,
        until=until,
        kind=kind.value if kind else None,
        limit=limit,
    )
    with _open(db) as store:
        rows = store.statements(query)
    emit(rows, fmt_name, columns=STATEMENT_COLUMNS, title="Statements")


@app.command()
def positions(
    actor: Annotated[
        str,
        typer.Option(help="A speaker, or a country/organisation and everyone affiliated with it."),
    ],
    target: Annotated[str, typer.Option(help="What the statements are about.")],
    db: DbOption = DEFAULT_DB,
    since: SinceOption = None,
    until: UntilOption = None,
    period: Annotated[Period, typer.Option(help="Aggregate per calendar period.")] = MONTH,
    fmt: FormatOption = None,
) -> None:
    """The actor's statements about the target over time: stance per statement and per period,
    shifts, contradictions. json: one object; jsonl: one row per item, with its `type`; csv:
    the timeline."""
    from dataclasses import asdict

    from quotetrail.analyze.positions import position

    fmt_name = _format(fmt)
    with _open(db) as store:
        result = position(store, actor, target, since=since, until=until, period=period.value)
    sections = {
        "statement": result.timeline,
        "period": [asdict(p) for p in result.periods],
        "shift": [asdict(s) for s in result.shifts],
        "contradiction": result.contradictions,
    }
    if fmt_name == "json":
        emit_document(
            {"actor": actor, "target": target} | {f"{k}s": v for k, v in sections.items()},
            stream=sys.stdout,
        )
    elif fmt_name == "jsonl":
        emit(
            [{"type": kind} | row for kind, rows in sections.items() for row in rows],
            "jsonl",
            stream=sys.stdout,
        )
    elif fmt_name == "csv":
        emit(result.timeline, "csv", columns=POSITION_COLUMNS, stream=sys.stdout)
    else:
        emit(
            result.timeline,
            "table",
            columns=POSITION_COLUMNS,
            title=f"{actor} on {target}: {len(result.timeline)} statements",
            stream=sys.stdout,
        )
        emit(
            sections["period"],
            "table",
            columns=PERIOD_COLUMNS,
            title=f"Stance per {period.value}",
            stream=sys.stdout,
        )
        emit(sections["shift"], "table", columns=SHIFT_COLUMNS, title="Shifts", stream=sys.stdout)
        emit(
            result.contradictions,
            "table",
            columns=CONTRADICTION_COLUMNS,
            title="Contradictions",
            stream=sys.stdout,
        )


def _side_cell(side: dict[str, Any]) -> str:
    speaker, outlet = side["speaker"] or "", side["outlet"] or "?"
    return f"{side['date']} {speaker} [{side['stance']}] “{side['quote']}” ({outlet})"


def _shift_evidence(row: dict[str, Any]) -> str:
    quotes = [
        f"{e['date']} “{e['quote']}” ({e['evidence']})"
        for e in row["evidence_before"] + row["evidence_after"]
    ]
    return " → ".join(quotes)


POSITION_COLUMNS = [
    ("date", "cyan", lambda r: r["date"] + ("?" if r["date_assumed"] else "")),
    ("speaker", "bold", lambda r: r["speaker"]),
    ("stance", "", lambda r: f"{r['stance']} {r['score']:.2f}"),
    ("evidence", "", lambda r: r["evidence"]),
    ("statement", "", lambda r: r["quote"]),
    ("outlet", "magenta", lambda r: r["outlet"]),
]
PERIOD_COLUMNS = [
    ("period", "cyan", lambda r: r["period"]),
    ("stance", "bold", lambda r: r["label"]),
    ("support/neutral/oppose", "", lambda r: f"{r['support']}/{r['neutral']}/{r['oppose']}"),
    (
        "balance (90% interval)",
        "",
        lambda r: f"{r['balance']:+.2f} ({r['low']:+.2f} … {r['high']:+.2f})",
    ),
]
SHIFT_COLUMNS = [
    ("from", "cyan", lambda r: f"{r['before']} {r['from_label']}"),
    ("to", "cyan", lambda r: f"{r['after']} {r['to_label']}"),
    ("confidence", "bold", lambda r: f"{r['confidence']:.2f}"),
    ("evidence", "", _shift_evidence),
]
CONTRADICTION_COLUMNS = [
    ("kind", "bold", lambda r: f"{r['kind']}: {r['shared']}"),
    ("strength", "", lambda r: f"{r['strength']:.2f}"),
    ("first", "", lambda r: _side_cell(r["first"])),
    ("second", "", lambda r: _side_cell(r["second"])),
]


@app.command()
def entities(
    db: DbOption = DEFAULT_DB,
    kind: Annotated[
        str | None, typer.Option(help="Only this kind: person, actor, organization, place.")
    ] = None,
    limit: LimitOption = None,
    fmt: FormatOption = None,
) -> None:
    """Resolved entities: aliases, roles, affiliations, counts, and the evidence for each merge."""
    from quotetrail.store.links import entity_rows

    fmt_name = _format(fmt)
    with _open(db) as store:
        rows = entity_rows(store, kind=kind, limit=limit)
    emit(
        rows,
        fmt_name,
        columns=[
            ("name", "bold", lambda r: r["name"]),
            ("kind", "", lambda r: r["kind"]),
            ("aliases", "", lambda r: ", ".join(r["aliases"] or [])),
            ("roles", "", lambda r: ", ".join(r["roles"] or [])),
            ("affiliations", "", lambda r: ", ".join(r["affiliations"] or [])),
            ("statements", "cyan", lambda r: r["statements"]),
            ("by affiliates", "", lambda r: r["statements_by_affiliated"]),
            ("mentions", "", lambda r: r["mentions"]),
        ],
        title="Entities",
    )


@app.command()
def stories(db: DbOption = DEFAULT_DB, limit: LimitOption = None, fmt: FormatOption = None) -> None:
    """Stories (articles about one event): title, date span, outlets, article and statement
    counts."""
    from quotetrail.store.links import story_rows

    fmt_name = _format(fmt)
    with _open(db) as store:
        rows = story_rows(store, limit=limit)
    emit(
        rows,
        fmt_name,
        columns=[
            ("first", "cyan", lambda r: r["first"]),
            ("last", "cyan", lambda r: r["last"]),
            ("title", "bold", lambda r: r["title"]),
            ("articles", "", lambda r: r["articles"]),
            ("copies", "dim", lambda r: r["duplicates"]),
            ("statements", "", lambda r: r["statements"]),
            ("outlets", "magenta", lambda r: ", ".join(r["outlets"] or [])),
        ],
        title="Stories",
    )


def _story_titles(stories: list[dict], short: bool) -> str:
    """Story titles joined for one cell; shortened to a glance in a terminal table."""
    titles = [story["title"] or story["id"] for story in stories]
    if short:
        titles = [
            title if len(title) <= 40 else title[:39].rsplit(" ", 1)[0] + "…" for title in titles
        ]
    return "; ".join(titles)


@app.command()
def outlets(db: DbOption = DEFAULT_DB, fmt: FormatOption = None) -> None:
    """Outlets: articles and statements (copies apart), how many shared stories each covered and
    missed, and the latest it missed."""
    from quotetrail.store.links import outlet_coverage

    fmt_name = _format(fmt)
    with _open(db) as store:
        rows = outlet_coverage(store)
    emit(
        rows,
        fmt_name,
        columns=[
            ("outlet", "magenta", lambda r: r["outlet"]),
            ("articles", "", lambda r: r["articles"]),
            ("copies", "dim", lambda r: r["duplicates"]),
            ("statements", "", lambda r: r["statements"]),
            ("first", "cyan", lambda r: r["first"]),
            ("last", "cyan", lambda r: r["last"]),
            ("covered", "green", lambda r: r["covered_count"]),
            ("missed", "red", lambda r: r["missed_count"]),
            (
                "latest missed",
                "red",
                lambda r: _story_titles(r["missed"], short=fmt_name == "table"),
            ),
        ],
        title="Outlets (covered / missed: stories reported by more than one outlet)",
    )


@app.command()
def export(
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Folder to write the tables into.")
    ],
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[
        ExportFormat, typer.Option("--format", help="The tables' file format.")
    ] = PARQUET,
) -> None:
    """Write every stored table to a folder."""
    with _open(db) as store:
        written = store.export(output, fmt.value)
    for path in written:
        Console().print(Text(str(path)))


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words that must all occur (ranked by BM25).")],
    db: DbOption = DEFAULT_DB,
    articles_only: Annotated[
        bool,
        typer.Option("--articles", help="Search article titles and texts instead of statements."),
    ] = False,
    speaker: SpeakerOption = None,
    about: AboutOption = None,
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    kind: KindOption = None,
    stance: Annotated[
        StanceLabel | None,
        typer.Option(help="support, oppose or neutral (on --about when given)."),
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", min=1, max=MAX_ROWS, help="At most this many results.")
    ] = 20,
    fmt: FormatOption = None,
) -> None:
    """Full-text search over statements (or, with --articles, articles), best match first."""
    from quotetrail.store.search import search_articles, search_statements

    fmt_name = _format(fmt)
    with _open(db) as store:
        if articles_only:
            rows = search_articles(
                store, query, ArticleQuery(outlet=outlet, since=since, until=until), limit=limit
            )
            columns = [
                ("score", "dim", lambda r: r["score"]),
                ("published", "cyan", lambda r: r["published"]),
                ("outlet", "magenta", lambda r: r["outlet"]),
                ("title", "bold", lambda r: r["title"]),
                ("snippet", "", lambda r: r["snippet"]),
                ("id", "dim", lambda r: r["id"]),
            ]
        else:
            where = StatementQuery(
                speaker=speaker,
                about=about,
                outlet=outlet,
                since=since,
                until=until,
                kind=kind.value if kind else None,
                stance=stance.value if stance else None,
            )
            rows = search_statements(store, query, where, limit=limit)
            columns = [("score", "dim", lambda r: r.score), *STATEMENT_COLUMNS]
    emit(rows, fmt_name, columns=columns, title=f"Search: {query}")


@app.command()
def report(
    output: Annotated[Path, typer.Option("-o", "--output", help="The HTML file to write.")],
    db: DbOption = DEFAULT_DB,
    actor: Annotated[
        str | None, typer.Option(help="With --target: add this actor's position timeline.")
    ] = None,
    target: Annotated[
        str | None, typer.Option(help="With --actor: the target of the position.")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
) -> None:
    """Write one self-contained HTML report (opens offline; no external requests)."""
    from quotetrail.serve.report import write_report

    if bool(actor) != bool(target):
        err.print("error: --actor and --target go together")
        raise typer.Exit(2)
    with _open(db) as store:
        written = write_report(store, output, actor=actor, target=target, since=since, until=until)
    Console().print(Text(f"wrote {written}"))


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[
        str, typer.Option(help="Address to listen on; anything but loopback exposes the store.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    allow_ingest: Annotated[
        bool,
        typer.Option("--allow-ingest", help="Accept POST /api/v1/ingest (bearer token required)."),
    ] = False,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="QUOTETRAIL_TOKEN", help="Ingest token (default: a random one, printed)."
        ),
    ] = None,
    watch: Annotated[
        Path | None,
        typer.Option(
            "--watch",
            exists=True,
            file_okay=False,
            help="Ingest the files that arrive in this folder while serving.",
        ),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", min=1, max=MAX_WORKERS, help="Worker processes for ingest.")
    ] = 1,
    watch_config: Annotated[
        Path | None,
        typer.Option(
            "--watch-config",
            exists=True,
            dir_okay=False,
            help="Follow the sources of this watch.toml while serving, and tell its alerts"
            " (as `quotetrail watch` does).",
        ),
    ] = None,
) -> None:
    """The web app and the REST API (/api/v1, OpenAPI at /api/v1/openapi.json). The server
    holds the store while it runs; it ingests, beside its readers, with --watch,
    --watch-config or --allow-ingest."""
    import ipaddress
    import secrets

    import uvicorn

    from quotetrail.serve.api import create_app

    config = _watch_config(watch_config) if watch_config else None
    with _open(db):
        pass  # fail early, with the usual message, when the store is missing or unusable
    if allow_ingest and not token:
        token = secrets.token_urlsafe(24)
        err.print(Text(f"ingest token: {token}"))
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if not loopback:
        err.print(
            Text(
                f"warning: listening on {host}:"
                " anyone who can reach this address can read the store"
                + (" and, with the token, ingest into it" if allow_ingest else "")
            )
        )

    def watched(summary: Any) -> None:
        err.print(Text(f"{watch}: {_summary_line(summary)}"))
        _print_named(summary)

    address = f"[{host}]" if ":" in host else host
    url = f"http://{address}:{port}"
    app = create_app(
        db,
        allow_ingest=allow_ingest,
        token=token,
        watch=watch,
        workers=workers,
        on_watch=watched,
        url=url,
        follow=(lambda owner: _watcher(config, owner, url).run) if config else None,
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")


@app.command("watch")
def watch_sources(
    config: Annotated[
        Path,
        typer.Option(
            "--config",
            exists=True,
            dir_okay=False,
            help="watch.toml: the sources, their intervals, the alerts, where to tell them.",
        ),
    ],
    db: DbOption = DEFAULT_DB,
    once: Annotated[
        bool, typer.Option("--once", help="Poll the sources that are due once, then stop.")
    ] = False,
    workers: Annotated[
        int, typer.Option("--workers", min=1, max=MAX_WORKERS, help="Worker processes for ingest.")
    ] = 1,
) -> None:
    """Follow feeds, sitemaps, pages and folders: poll each on its interval, ingest what is new
    and tell each alert as a JSON line (and to a webhook), until stopped. A watch stopped and
    started again goes on where it was. To run it beside the web app, use
    `serve --watch-config` instead."""
    import signal

    from quotetrail.serve.holder import read_note
    from quotetrail.serve.owner import StoreOwner

    settings = _watch_config(config)
    held = read_note(db)
    if held is not None:
        err.print(
            Text(
                f"error: {db} is held by `quotetrail serve` (process {held.pid}, {held.url}): run"
                f" this watch inside it (stop it and start it again with --watch-config {config}),"
                " or stop it and run this again."
            )
        )
        raise typer.Exit(2)
    owner = StoreOwner(db, writable=True, workers=workers)
    with _opening(db, writing=True):
        owner.cursor().close()

    def stop(_signal: int, _frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        _watcher(settings, owner, "").run(once=once)
    except KeyboardInterrupt:
        err.print("stopping after the batch being stored")
    finally:
        owner.close()


def _watch_config(path: Path) -> Any:
    from quotetrail.watch import ConfigError, load

    try:
        return load(path)
    except ConfigError as error:
        err.print(Text(f"error: {error}"))
        raise typer.Exit(2) from None


def _watcher(config: Any, owner: Any, url: str) -> Any:
    """The watch of `config` through `owner`; alerts link to `url` unless the config says."""
    from dataclasses import replace

    from quotetrail.watch import Watcher
    from quotetrail.watch.tell import Teller

    output = replace(config.output, base_url=config.output.base_url or url)

    def polled(source: Any, summary: Any) -> None:
        err.print(Text(f"{source.target}: {_summary_line(summary)}"))
        _print_named(summary)

    return Watcher(config, owner, Teller(output, config.policy), polled)


@app.command("eval")
def evaluate(
    kind: Annotated[EvalKind, typer.Argument(help="Which harness.")],
    data: Annotated[
        Path, typer.Option("--data", exists=True, help="The evaluation data (see ../shared/data).")
    ],
) -> None:
    """Score a stage on an evaluation set; prints one JSON object of metrics."""
    from quotetrail.eval import run_harness

    print(json.dumps(run_harness(kind.value, data), sort_keys=True))


def _version(value: bool) -> None:
    if value:
        print(f"quotetrail {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """quotetrail: who said what, when, about whom — from raw news articles."""


def main() -> None:
    app()
