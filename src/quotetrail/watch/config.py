"""watch.toml: what to follow and how often, what to be told of, where to tell it, and how
politely to fetch.

```toml
every = "15m"                  # how often a source is polled, unless it says otherwise

[[source]]
url = "https://example.org/world/rss.xml"   # a feed, a sitemap or a page
every = "10m"

[[source]]
folder = "incoming"            # files dropped here (relative to this file)

[[alert]]
kind = "statement"             # statement | shift | contradiction: an actor on a target
actor = "Russia"
target = "Taliban"

[[alert]]
kind = "coverage"              # a story covered by at least `outlets` outlets
outlets = 3

[output]
file = "alerts.jsonl"          # JSON lines appended here (default: standard output)
webhook = "https://hooks.example.org/quotetrail"   # each alert POSTed as JSON
base_url = "http://127.0.0.1:8000"                 # makes the alerts' links absolute

[fetch]
interval = 1.0                 # seconds between two requests to one host
timeout = 20
retries = 2
contact = "mailto:desk@example.org"   # goes into the user agent
```

A mistake (a key misspelt, an interval that is no duration, a source with no url) is a
`ConfigError` naming the file, the entry and the key.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quotetrail.analyze.alerts import KINDS, Rule
from quotetrail.fetch import Policy, is_url

DEFAULT_EVERY = 900.0  # seconds: a quarter of an hour
UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd]?)")


class ConfigError(ValueError):
    """watch.toml cannot be used; the message names the file, the entry and the key."""


@dataclass(frozen=True)
class Source:
    """A URL (page, feed, sitemap) or a folder, polled every `every` seconds."""

    target: str
    every: float


@dataclass(frozen=True)
class Output:
    file: Path | None = None
    webhook: str | None = None
    base_url: str = ""


@dataclass(frozen=True)
class WatchConfig:
    sources: list[Source]
    rules: list[Rule] = field(default_factory=list)
    output: Output = field(default_factory=Output)
    policy: Policy = field(default_factory=Policy)


def load(path: Path) -> WatchConfig:
    """The watch configuration in `path`."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from None
    return parse(data, path)


def parse(data: dict[str, Any], path: Path) -> WatchConfig:
    where = str(path)
    _known(data, {"every", "source", "alert", "output", "fetch"}, where)
    every = duration(data.get("every", DEFAULT_EVERY), f"{where}: every")
    sources = [
        _source(entry, path.parent, every, f"{where}: source {number}")
        for number, entry in enumerate(_tables(data, "source", where), 1)
    ]
    if not sources:
        raise ConfigError(f"{where}: no [[source]] to follow")
    rules = [
        _rule(entry, f"{where}: alert {number}")
        for number, entry in enumerate(_tables(data, "alert", where), 1)
    ]
    return WatchConfig(
        sources, rules, _output(data.get("output", {}), path.parent, where), _policy(data, where)
    )


def duration(value: Any, where: str) -> float:
    """Seconds in a number, or in "90s", "15m", "1h", "1d"."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = float(value)
    else:
        match = DURATION.fullmatch(str(value).strip().lower())
        if match is None:
            raise ConfigError(f"{where}: {value!r} is no duration (use seconds, or 90s, 15m, 1h)")
        seconds = float(match[1]) * UNITS[match[2]]
    if seconds <= 0:
        raise ConfigError(f"{where}: {value!r} must be more than nothing")
    return seconds


def _known(table: Any, keys: set[str], where: str) -> None:
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: expected a table")
    unknown = sorted(set(table) - keys)
    if unknown:
        known = ", ".join(sorted(keys))
        raise ConfigError(f"{where}: unknown key {', '.join(map(repr, unknown))} (known: {known})")


def _tables(data: dict[str, Any], name: str, where: str) -> list[dict[str, Any]]:
    tables = data.get(name, [])
    if not isinstance(tables, list):
        raise ConfigError(f"{where}: '{name}' must be [[{name}]] tables")
    return tables


def _text(table: dict[str, Any], key: str, where: str) -> str | None:
    value = table.get(key)
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise ConfigError(f"{where}: '{key}' must be text")
    return value.strip() if value is not None else None


def _source(entry: Any, base: Path, every: float, where: str) -> Source:
    _known(entry, {"url", "folder", "every"}, where)
    url, folder = _text(entry, "url", where), _text(entry, "folder", where)
    if (url is None) == (folder is None):
        raise ConfigError(f"{where}: give 'url' or 'folder' (one of them)")
    if url is not None and not is_url(url):
        raise ConfigError(f"{where}: url {url!r} is not an http(s) URL")
    target = url or str((base / Path(folder or "").expanduser()).resolve())
    if folder is not None and not Path(target).is_dir():
        raise ConfigError(f"{where}: folder {target} does not exist")
    return Source(target, duration(entry.get("every", every), f"{where}: every"))


def _rule(entry: Any, where: str) -> Rule:
    _known(entry, {"kind", "actor", "target", "outlets"}, where)
    kind = entry.get("kind")
    if kind not in KINDS:
        raise ConfigError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    if kind == "coverage":
        outlets = entry.get("outlets", Rule.outlets)
        if not isinstance(outlets, int) or isinstance(outlets, bool) or outlets < 2:
            raise ConfigError(f"{where}: outlets must be a whole number of 2 or more")
        return Rule(kind, outlets=outlets)
    actor, target = _text(entry, "actor", where), _text(entry, "target", where)
    if not (actor and target):
        raise ConfigError(f"{where}: a {kind} alert names an actor and a target")
    return Rule(kind, actor, target)


def _output(table: Any, base: Path, where: str) -> Output:
    where = f"{where}: output"
    _known(table, {"file", "webhook", "base_url"}, where)
    file, webhook = _text(table, "file", where), _text(table, "webhook", where)
    if webhook is not None and not is_url(webhook):
        raise ConfigError(f"{where}: webhook {webhook!r} is not an http(s) URL")
    return Output(
        base / Path(file).expanduser() if file else None,
        webhook,
        (_text(table, "base_url", where) or "").rstrip("/"),
    )


def _policy(data: dict[str, Any], where: str) -> Policy:
    table = data.get("fetch", {})
    where = f"{where}: fetch"
    _known(table, {"interval", "timeout", "retries", "contact"}, where)
    default = Policy()
    retries = table.get("retries", default.retries)
    if not isinstance(retries, int) or isinstance(retries, bool) or not 0 <= retries <= 10:
        raise ConfigError(f"{where}: retries must be a whole number from 0 to 10")
    return Policy(
        interval=duration(table["interval"], f"{where}: interval")
        if "interval" in table
        else default.interval,
        timeout=duration(table.get("timeout", default.timeout), f"{where}: timeout"),
        retries=retries,
        contact=_text(table, "contact", where) or default.contact,
    )
