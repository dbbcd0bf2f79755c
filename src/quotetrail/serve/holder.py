"""A note beside a store its server holds, so a command that finds the file in use can say where
to go instead of what DuckDB says (the lock, a path, a process id).

`quotetrail serve` writes `<db>.serve.json` (its process, its address, the folder it watches,
whether it takes ingests over the API) while it runs and removes it when it stops; a note whose
process is gone (a server killed outright) is ignored. It holds no token.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class Holder:
    pid: int
    url: str
    watch: str | None = None  # the folder it ingests from
    ingest: bool = False  # takes POST /api/v1/ingest (with its token)


def note_path(db: Path) -> Path:
    return db.with_name(db.name + ".serve.json")


def write_note(db: Path, holder: Holder) -> None:
    """Leave the note (written whole, then moved into place, so no reader sees half of it)."""
    target = note_path(db)
    partial = target.with_name(f".{target.name}.{holder.pid}")
    partial.write_text(json.dumps(asdict(holder)), encoding="utf-8")
    partial.replace(target)


def read_note(db: Path) -> Holder | None:
    """The server holding `db`, when a note says so and its process still runs."""
    try:
        holder = Holder(**json.loads(note_path(db).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None
    return holder if _running(holder.pid) else None


def _running(pid: object) -> bool:
    if not isinstance(pid, int) or pid <= 0:  # 0 and -1 would ask about groups of processes
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # runs, as another user
        return True
    return True


def remove_note(db: Path) -> None:
    """Take this process's note away (a note another server left is kept)."""
    held = read_note(db)
    if held is not None and held.pid == os.getpid():
        note_path(db).unlink(missing_ok=True)
