"""The `quotetrail` command: parses arguments, calls the package, prints. Nothing else."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Iterator, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from quotetrail import __version__
from quotetrail.render import default_format, emit, safe_text
from quotetrail.store import ArticleQuery, StatementQuery, Store, StoreError

app = typer.Typer(
    help="quotetrail: who said what, when, about whom — from raw news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class ExportFormat(str, Enum):
    parquet = "parquet"
    jsonl = "jsonl"
    csv = "csv"


class Kind(str, Enum):
    direct = "direct"
    indirect = "indirect"
    mixed = "mixed"


DbOption = Annotated[
    Path,
    typer.Option("--db", envvar="QUOTETRAIL_DB", help="DuckDB file (default $QUOTETRAIL_DB, else ./quotetrail.duckdb)."),
]
FormatOption = Annotated[Optional[Format], typer.Option("--format", help="Output format (table on a terminal, else jsonl).")]
LimitOption = Annotated[Optional[int], typer.Option("--limit", min=1, help="At most this many rows.")]
DEFAULT_DB = Path("quotetrail.duckdb")


def _iso_date(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


@contextmanager
def _open(db: Path, read_only: bool = True) -> Iterator[Store]:
    if read_only and not db.exists():
        err.print(Text(f"error: no database at {db} (run `quotetrail ingest PATH --db {db}` first)"))
        raise typer.Exit(2)
    try:
        store = Store(db, read_only=read_only)
    except StoreError as error:
        err.print(Text(f"error: {error}"))
        raise typer.Exit(2) from None
    try:
        yield store
    finally:
        store.close()


def _speaker_cell(row: dict[str, Any]) -> str:
    speaker = row.get("speaker")
    if not speaker:
        return ""
    extra = ", ".join(part for part in (speaker.get("role"), speaker.get("affiliation")) if part)
    name = speaker["name"] + (f" ({extra})" if extra else "")
    if speaker.get("mention") and speaker["mention"] != speaker["name"]:
        name += f" ← “{speaker['mention']}”"
    return name


def _said_on_cell(row: dict[str, Any]) -> str:
    said_on = row.get("said_on") or ""
    return f"{said_on}?" if said_on and row.get("said_on_assumed") else said_on


STATEMENT_COLUMNS = [
    ("said on", "cyan", _said_on_cell),
    ("speaker", "bold", _speaker_cell),
    ("kind", "", lambda r: r["kind"]),
    ("cue", "", lambda r: r["cue"]),
    ("statement", "", lambda r: r["quote"]),
    ("outlet", "magenta", lambda r: r["outlet"]),
]


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (.txt .html .htm .warc .warc.gz .jsonl .csv).")],
    db: DbOption = DEFAULT_DB,
    workers: Annotated[Optional[int], typer.Option("--workers", min=1, help="Worker processes (default: every core).")] = None,
    reprocess: Annotated[bool, typer.Option("--reprocess", help="Re-extract articles already stored.")] = False,
) -> None:
    """Read, clean, parse and extract; store what is new. Exit 1 if any input was rejected."""
    from quotetrail.ingest import default_workers, ingest as run_ingest

    workers = workers or default_workers()
    with _open(db, read_only=False) as store, _progress() as progress:
        task = progress.add_task("ingesting", total=None) if progress else None

        def report(summary: Any) -> None:
            if progress is not None:
                progress.update(task, completed=summary.documents, description=f"{summary.stored} stored")

        summary = run_ingest(paths, store, workers=workers, replace=reprocess, on_progress=report)
        totals = (store.count("articles"), store.count("statements"))
    out = Console(soft_wrap=True)
    line = (
        f"{summary.documents} documents read: {summary.stored} articles stored"
        f" ({summary.statements} statements), {summary.already_stored} already stored"
    )
    if summary.repeated:
        line += f", {summary.repeated} repeated in this run"
    if summary.not_english:
        line += f", {summary.not_english} not English (stored, extraction skipped)"
    line += f", {len(summary.rejected)} rejected."
    out.print(Text(line))
    if summary.stored == 0 and summary.documents and not summary.rejected:
        out.print("Nothing new: every document was already stored.")
    out.print(Text(f"{db}: {totals[0]} articles, {totals[1]} statements in all."))
    for rejection in summary.rejected:
        err.print(Text(f"rejected {safe_text(rejection.source)}: {safe_text(rejection.reason)}"))
    raise typer.Exit(summary.exit_code)


@contextmanager
def _progress() -> Iterator[Optional[Progress]]:
    if not sys.stderr.isatty():
        yield None
        return
    progress = Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} documents"),
        TimeElapsedColumn(), console=err, transient=True,
    )
    with progress:
        yield progress


@app.command()
def articles(
    db: DbOption = DEFAULT_DB,
    outlet: Annotated[Optional[str], typer.Option(help="Outlet name contains this.")] = None,
    since: Annotated[Optional[str], typer.Option(callback=_iso_date, help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(callback=_iso_date, help="Published on or before.")] = None,
    limit: LimitOption = None,
    fmt: FormatOption = None,
) -> None:
    """Stored articles: metadata, and the cleaned text in json/jsonl/csv."""
    fmt_name = (fmt.value if fmt else None) or default_format()
    with _open(db) as store:
        rows = store.articles(ArticleQuery(outlet=outlet, since=since, until=until, limit=limit), with_text=fmt_name != "table")
    emit(
        rows,
        fmt_name,
        columns=[
            ("published", "cyan", lambda r: (r["published"] or "") + ("?" if r["published_inferred"] else "")),
            ("outlet", "magenta", lambda r: r["outlet"]),
            ("title", "bold", lambda r: r["title"]),
            ("statements", "", lambda r: r["statements"]),
            ("id", "dim", lambda r: r["id"]),
        ] if fmt_name == "table" else None,
        title="Articles",
    )


@app.command()
def statements(
    db: DbOption = DEFAULT_DB,
    speaker: Annotated[Optional[str], typer.Option(help="Speaker name or mention contains this.")] = None,
    about: Annotated[Optional[str], typer.Option(help="Statements about this target.")] = None,
    outlet: Annotated[Optional[str], typer.Option(help="Outlet name contains this.")] = None,
    since: Annotated[Optional[str], typer.Option(callback=_iso_date, help="Said on or after (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(callback=_iso_date, help="Said on or before.")] = None,
    kind: Annotated[Optional[Kind], typer.Option(help="direct, indirect or mixed.")] = None,
    limit: LimitOption = None,
    fmt: FormatOption = None,
) -> None:
    """Statements with their speakers, by the date they were made."""
    fmt_name = (fmt.value if fmt else None) or default_format()
    query = StatementQuery(
        speaker=speaker, about=about, outlet=outlet, since=since, until=until,
        kind=kind.value if kind else None, limit=limit,
    )
    with _open(db) as store:
        rows = store.statements(query)
    emit(rows, fmt_name, columns=STATEMENT_COLUMNS if fmt_name in ("table", "csv") else None, title="Statements")


@app.command()
def positions(
    actor: Annotated[str, typer.Option(help="A speaker, or a country/organisation and everyone affiliated with it.")],
    target: Annotated[str, typer.Option(help="What the statements are about.")],
    db: DbOption = DEFAULT_DB,
    since: Annotated[Optional[str], typer.Option(callback=_iso_date, help="Said on or after (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(callback=_iso_date, help="Said on or before.")] = None,
    fmt: FormatOption = None,
) -> None:
    """The actor's statements about the target, in the order they were made."""
    from quotetrail.analyze.positions import position

    fmt_name = (fmt.value if fmt else None) or default_format()
    with _open(db) as store:
        result = position(store, actor, target, since=since, until=until)
    emit(
        result.statements,
        fmt_name,
        columns=STATEMENT_COLUMNS if fmt_name in ("table", "csv") else None,
        title=f"{actor} on {target}: {len(result.statements)} statements",
    )


@app.command()
def entities(
    db: DbOption = DEFAULT_DB,
    kind: Annotated[Optional[str], typer.Option(help="Only this kind: person, actor, organization, place.")] = None,
    limit: LimitOption = None,
    fmt: FormatOption = None,
) -> None:
    """Resolved entities: aliases, roles, affiliations, counts, and the evidence for each merge."""
    from quotetrail.store.links import entity_rows

    fmt_name = (fmt.value if fmt else None) or default_format()
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
        ] if fmt_name in ("table", "csv") else None,
        title="Entities",
    )


@app.command()
def stories(db: DbOption = DEFAULT_DB, limit: LimitOption = None, fmt: FormatOption = None) -> None:
    """Stories (articles about one event): title, date span, outlets, article and statement counts."""
    from quotetrail.store.links import story_rows

    fmt_name = (fmt.value if fmt else None) or default_format()
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
        ] if fmt_name in ("table", "csv") else None,
        title="Stories",
    )


@app.command()
def outlets(db: DbOption = DEFAULT_DB, fmt: FormatOption = None) -> None:
    """Outlets: articles and statements (copies apart), and which shared stories each covered or missed."""
    from quotetrail.store.links import outlet_coverage

    fmt_name = (fmt.value if fmt else None) or default_format()
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
            ("covered", "green", lambda r: "; ".join(s["title"] or s["id"] for s in r["covered"])),
            ("missed", "red", lambda r: "; ".join(s["title"] or s["id"] for s in r["missed"])),
        ] if fmt_name in ("table", "csv") else None,
        title="Outlets (covered / missed: stories reported by more than one outlet)",
    )


@app.command()
def export(
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder to write the tables into.")],
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[ExportFormat, typer.Option("--format", help="parquet, jsonl or csv.")] = ExportFormat.parquet,
) -> None:
    """Write every stored table to a folder."""
    with _open(db) as store:
        written = store.export(output, fmt.value)
    for path in written:
        Console().print(Text(str(path)))


@app.command("eval")
def evaluate(
    kind: Annotated[str, typer.Argument(help="Which harness: " + "quotes, clean, stance, clusters.")],
    data: Annotated[Path, typer.Option("--data", exists=True, help="The evaluation data (see ../shared/data).")],
) -> None:
    """Score a stage on an evaluation set; prints one JSON object of metrics."""
    from quotetrail.eval import HARNESSES, run_harness

    if kind not in HARNESSES:
        err.print(Text(f"error: unknown evaluation {kind!r}; available: {', '.join(sorted(HARNESSES)) or 'none'}"))
        raise typer.Exit(2)
    print(json.dumps(run_harness(kind, data), sort_keys=True))


def _version(value: bool) -> None:
    if value:
        print(f"quotetrail {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")] = False,
) -> None:
    """quotetrail: who said what, when, about whom — from raw news articles."""


def main() -> None:
    app()
