"""The outlet table: names, domains and the signatures outlets leave in their text.

`outlets.tsv` is a small maintained table (name, domains, signatures). An outlet is found from
the URL when there is one; otherwise from what a text says about where it comes from:
"The post … appeared first on X.", "X's website …", a cross-link "Also on rt.com", or a
signature the table lists. An unknown domain still names an outlet (the registrable domain),
so a new source is never silently unattributed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from quotetrail.clean.dateline import dateline_agency


@dataclass(frozen=True)
class Outlet:
    name: str
    domains: tuple[str, ...]
    signatures: tuple[str, ...]
    aliases: tuple[str, ...] = ()


@cache
def outlet_table() -> tuple[Outlet, ...]:
    rows = Path(__file__).with_name("outlets.tsv").read_text(encoding="utf-8").splitlines()
    table = []
    for row in rows:
        if not row.strip() or row.startswith("#"):
            continue
        name, domains, signatures, aliases = [*row.split("\t"), "", "", ""][:4]
        table.append(
            Outlet(
                name.strip(),
                tuple(domains.split()),
                tuple(s for s in signatures.split("|") if s),
                tuple(a.strip() for a in aliases.split("|") if a.strip()),
            )
        )
    return tuple(table)


def _domain_index() -> dict[str, str]:
    return {domain: outlet.name for outlet in outlet_table() for domain in outlet.domains}


def host_of(url: str) -> str:
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    return host.lower().removeprefix("www.").removeprefix("m.").removeprefix("amp.")


def outlet_for_domain(domain: str) -> str | None:
    """The table's outlet for a host or any of its parent domains."""
    index = _domain_index()
    parts = host_of(domain).split(".")
    for start in range(len(parts) - 1):
        name = index.get(".".join(parts[start:]))
        if name:
            return name
    return None


def outlet_from_url(url: str | None) -> str | None:
    """The outlet of a URL: the table's name, else the bare host ("example.org")."""
    if not url:
        return None
    host = host_of(url)
    return outlet_for_domain(host) or (host or None)


_APPEARED_FIRST = re.compile(r"appeared first on\s+([A-Z0-9][\w.&'’ -]{1,60}?)\.?\s*$", re.M)
_POSSESSIVE_SITE = re.compile(
    r"^(?:[Tt]he )?([A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,4})[’']s? (?:website|web site|site)\b", re.M
)
_CROSS_DOMAIN = re.compile(
    r"^(?:also on|read more on|more on)\s+((?:[a-z0-9-]+\.)+[a-z]{2,})\b", re.I | re.M
)


def _named_by_signature(text: str) -> str | None:
    for outlet in outlet_table():
        if any(signature in text for signature in outlet.signatures):
            return outlet.name
    return None


TAIL_LINES = 8  # "X's website …" names the outlet only in the page's footer


def _tail(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return "\n".join(lines[-TAIL_LINES:])


def _named_by_phrase(text: str) -> str | None:
    for pattern, where in ((_APPEARED_FIRST, text), (_POSSESSIVE_SITE, _tail(text))):
        match = pattern.search(where)
        if match:
            return canonical_name(match.group(1).strip())
    return None


def _named_by_cross_link(text: str) -> str | None:
    match = _CROSS_DOMAIN.search(text)
    return outlet_for_domain(match.group(1)) if match else None


def _named_by_dateline(text: str) -> str | None:
    """A wire's dateline names who filed the story: "KABUL, Aug 23 (Reuters) -", "(AP) —"."""
    agency = dateline_agency([line for line in text.splitlines() if line.strip()])
    return known_outlet(agency) if agency else None


OUTLET_SIGNALS = (_named_by_phrase, _named_by_cross_link, _named_by_signature, _named_by_dateline)


def known_outlet(name: str) -> str | None:
    """The table's outlet named `name` or one of its aliases (in any case), in the table's
    spelling; None for a name the table does not hold."""
    return _name_index().get(name.casefold())


@cache
def _name_index() -> dict[str, str]:
    return {n.casefold(): o.name for o in outlet_table() for n in (o.name, *o.aliases)}


def canonical_name(name: str) -> str:
    """The table's spelling of an outlet name, else the name as written."""
    return known_outlet(name) or name


def outlet_from_text(text: str) -> str | None:
    """The outlet a text names for itself, by the first signal that finds one."""
    for signal in OUTLET_SIGNALS:
        name = signal(text)
        if name:
            return name
    return None


def strip_signature(line: str) -> tuple[str, str]:
    """Split a known outlet signature glued to the end of a line: (line without it, the
    signature)."""
    for outlet in outlet_table():
        for signature in outlet.signatures:
            match = re.search(rf"\s*{re.escape(signature)}[\W_]*$", line)
            if match:
                return line[: match.start()], line[match.start() :].strip()
    return line, ""
