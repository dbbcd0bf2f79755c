"""`quotetrail report`: one self-contained HTML file summarising the corpus.

Everything the file needs is inside it: the stylesheet, the vendored Vega scripts and the data
(as JSON in a non-executed script element, `<` escaped). A Content-Security-Policy meta tag
allows only those exact scripts (by hash) and no network at all, so the report opens offline
and a `<script>` in an article can neither run nor fetch anything.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from typing import Any

from markupsafe import Markup

from quotetrail.serve.pages import ENV
from quotetrail.serve.present import position_data
from quotetrail.store import Store, links, views

STATIC = Path(__file__).parent / "static"
CHART_SCRIPTS = (
    "vendor/vega.min.js",
    "vendor/vega-lite.min.js",
    "vendor/vega-embed.min.js",
    "vendor/vega-interpreter.min.js",
    "charts.js",
)
TOP = 20
_SOURCE_MAP = re.compile(r"\n//# sourceMappingURL=\S+\s*$")


def _inline_script(name: str) -> str:
    """A packaged script's text, without its source-map comment (the map is not shipped)."""
    text = _SOURCE_MAP.sub("\n", (STATIC / name).read_text(encoding="utf-8"))
    if "</script" in text.lower():
        raise ValueError(f"{name} cannot be inlined: it contains </script")
    return text


def _csp(scripts: list[str]) -> str:
    sources = (
        " ".join(
            "'sha256-"
            + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
            + "'"
            for script in scripts
        )
        or "'none'"
    )
    return (
        f"default-src 'none'; script-src {sources}; style-src 'unsafe-inline';"
        " img-src data:; base-uri 'none'; form-action 'none'"
    )


def build_report(
    store: Store,
    actor: str | None = None,
    target: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> str:
    """The report's HTML; the position section and its chart only when both actor and target
    are given."""
    position = (
        position_data(store, actor, target, since=since, until=until) if actor and target else None
    )
    scripts = (
        [_inline_script(name) for name in CHART_SCRIPTS] if position and position["points"] else []
    )
    context: dict[str, Any] = {
        "summary": views.corpus_summary(store),
        "outlets": links.outlet_coverage(store),
        "stories": links.story_rows(store, limit=TOP),
        "speakers": views.speakers(store, limit=TOP),
        "position": position,
        "css": Markup((STATIC / "app.css").read_text(encoding="utf-8")),
        "scripts": [Markup(script) for script in scripts],
        "csp": _csp(scripts),
        "query": {},
    }
    return ENV.get_template("report.html").render(**context)


def write_report(store: Store, output: Path, **options: str | None) -> Path:
    output.write_text(build_report(store, **options), encoding="utf-8")
    return output
