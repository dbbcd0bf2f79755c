"""The self-contained report: no external reference, scripts allowed by hash only, text escaped."""

from __future__ import annotations

import base64
import hashlib
import html as html_lib
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotetrail.cli import app
from quotetrail.serve.report import build_report
from quotetrail.store import Store

EXTERNAL = re.compile(r"""<[a-z][^<>]*\s(?:src|href|action)\s*=\s*["']?(?!#)[^"'\s>]+""", re.I)


def _scripts(html: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", html, re.S)


def test_report_position_is_self_contained(store: Store) -> None:
    html = build_report(store, actor="Russia", target="Taliban")
    scripts = _scripts(html)
    markup = re.sub(r"<script>.*?</script>", "", html, flags=re.S)
    assert not EXTERNAL.findall(markup)  # no link, script or stylesheet leaves the file
    assert len(scripts) == 5 and "vegaEmbed" in scripts[-1]
    csp = html_lib.unescape(
        re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    )
    assert "default-src 'none'" in csp and "connect-src" not in csp
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    data = json.loads(
        re.search(
            r'<script type="application/json" id="position-data">(.*?)</script>', html, re.S
        ).group(1)
    )
    assert {point["date"][:4] for point in data["points"]} == {"2021", "2024"}


def test_report_hostile_text_is_inert(store: Store) -> None:
    html = build_report(store, actor="Mallory", target="<script>alert(1)</script>")
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; is fine" in html
    embedded = re.search(r'id="position-data">(.*?)</script>', html, re.S).group(1)
    assert "\\u003cscript\\u003ealert(1)" in embedded


def test_report_without_position_has_no_scripts(store: Store) -> None:
    html = build_report(store)
    assert _scripts(html) == [] and "script-src 'none'" in html_lib.unescape(html)
    for section in ('id="outlets"', 'id="stories"', 'id="speakers"'):
        assert section in html
    assert 'id="position"' not in html


@pytest.mark.parametrize(
    "args, code",
    [
        (["--actor", "Russia", "--target", "Taliban"], 0),
        ([], 0),
        (["--actor", "Russia"], 2),
        (["--since", "nope"], 2),
    ],
)
def test_report_command(fixture_db: Path, tmp_path: Path, args: list[str], code: int) -> None:
    output = tmp_path / "r.html"
    result = CliRunner().invoke(app, ["report", "-o", str(output), "--db", str(fixture_db), *args])
    assert result.exit_code == code, result.output
    assert output.exists() == (code == 0)
