"""Rows to a terminal table, JSON, JSON Lines or CSV.

A row is a dict or a record with `to_dict` (a `Statement`): JSON, JSON Lines and a CSV without
chosen columns carry the record's `to_dict`, the one JSON shape of each record; the columns of a
table or CSV read the row as given.

Article text is hostile input: in a table it is shown as plain text (Rich markup in it is not
interpreted) with control characters — terminal escape sequences among them — made visible.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

FORMATS = ("table", "json", "jsonl", "csv")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def safe_text(value: Any) -> str:
    """A value as one line of inert text: control and bidi-override characters shown as \\uXXXX."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text.replace("\n", " "))


def plain(value: Any) -> Any:
    """`value` as JSON data: a record through its own `to_dict`, containers item by item."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


def default_format(stream: TextIO | None = None) -> str:
    return "table" if (stream or sys.stdout).isatty() else "jsonl"


def emit_document(document: dict[str, Any], stream: TextIO | None = None) -> None:
    """Write one JSON object (a result with several sections, not a listing)."""
    stream = stream or sys.stdout
    json.dump(plain(document), stream, ensure_ascii=False, indent=2, default=str)
    stream.write("\n")


def emit(
    rows: Sequence[Any],
    fmt: str,
    columns: Sequence[tuple[str, str, Callable[[Any], Any]]] | None = None,
    title: str | None = None,
    stream: TextIO | None = None,
) -> None:
    """Write `rows` in `fmt`. `columns` (header, style, getter) shape the table and CSV views;
    JSON and JSON Lines always carry the whole records."""
    stream = stream or sys.stdout
    if fmt == "json":
        json.dump(plain(list(rows)), stream, ensure_ascii=False, indent=2, default=str)
        stream.write("\n")
    elif fmt == "jsonl":
        for row in rows:
            stream.write(json.dumps(plain(row), ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        if not columns:
            rows = plain(list(rows))
            columns = [(key, "", _getter(key)) for key in (rows[0] if rows else {})]
        writer = csv.writer(stream)
        writer.writerow([header for header, _, _ in columns])
        for row in rows:
            writer.writerow([_csv_cell(get(row)) for _, _, get in columns])
    elif fmt == "table":
        if not columns:
            rows = plain(list(rows))
            columns = [(key, "", _getter(key)) for key in (rows[0] if rows else {})]
        table = Table(title=title, show_lines=False, expand=False, title_justify="left")
        for header, style, _ in columns:
            table.add_column(header, style=style or None, overflow="fold")
        for row in rows:
            table.add_row(*(Text(safe_text(get(row))) for _, _, get in columns))
        Console(file=stream, soft_wrap=False).print(table)
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _getter(key: str) -> Callable[[dict[str, Any]], Any]:
    return lambda row: row.get(key)


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    text = str(value)
    # Spreadsheet formula injection: a cell starting with one of these is run by Excel/LibreOffice.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
