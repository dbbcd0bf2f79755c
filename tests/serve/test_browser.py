"""Headless Chromium against `quotetrail serve`: search, speaker page, position chart, report.

Runs the same flow on the hand-made fixture store and on the seed corpus; screenshots (desktop
and phone widths) go to artifacts/serve/. Needs the Debian `chromium` package; Playwright only
drives it (no browser download).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from quotetrail.serve.report import write_report
from quotetrail.store import Store

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "data" / "corpus" / "seeds"
ARTIFACTS = REPO / "artifacts" / "serve"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
WAIT_MS = 20_000

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="no /usr/bin/chromium (Debian package `chromium`)"
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """`quotetrail serve` on a free loopback port, until the block ends."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [sys.executable, "-m", "quotetrail", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"serve exited with {process.returncode}: {process.stdout.read()}")
            try:
                with urllib.request.urlopen(base + "/api/v1/summary", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("serve did not answer within 60 s")
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


class Watch:
    """What a page did that it must not: console errors (CSP violations among them), dialogs
    (a script from an article ran), requests to anywhere but the allowed origin."""

    def __init__(self, page, allowed: str):
        self.problems: list[str] = []
        page.on(
            "console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}")
        )
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("dialog", lambda d: (self.problems.append(f"dialog: {d.message}"), d.dismiss()))
        page.on(
            "request",
            lambda r: r.url.startswith(allowed) or self.problems.append(f"request: {r.url}"),
        )


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _point_labels(page) -> list[str]:
    page.wait_for_selector("#position-chart[data-rendered]", timeout=WAIT_MS)
    return page.eval_on_selector_all(
        "#position-chart svg path[aria-roledescription='point']",
        "nodes => nodes.map(n => n.getAttribute('aria-label'))",
    )


def browse(browser, base: str, name: str, viewport: str) -> list[str]:
    """Search "Taliban", open Putin's speaker page, open the Russia × Taliban position view;
    returns the chart's point labels."""
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    watch = Watch(page, base)
    page.goto(base + "/")
    page.fill("#quick-q", "Taliban")
    page.press("#quick-q", "Enter")
    page.wait_for_selector("#statement-results")
    assert "Taliban" in page.inner_text("#statement-results")
    _shot(page, f"{name}-search-{viewport}")

    page.click("#statement-results a.speaker:has-text('Putin')")
    page.wait_for_selector("h1.speaker-name")
    assert "Putin" in page.inner_text("h1.speaker-name")
    _shot(page, f"{name}-speaker-{viewport}")

    page.goto(base + "/")
    page.fill("input[name=actor]", "Russia")
    page.fill("input[name=target]", "Taliban")
    page.click("form[action='/positions'] button")
    labels = _point_labels(page)
    _shot(page, f"{name}-position-{viewport}")
    context.close()
    assert not watch.problems
    return labels


def _years(labels: list[str]) -> set[str]:
    return {year for label in labels for year in ("2021", "2024") if year in label}


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_browser_fixture_flow(browser, fixture_db: Path, viewport: str) -> None:
    with serving(fixture_db) as base:
        labels = browse(browser, base, "fixture", viewport)
    assert len(labels) == 4
    assert _years(labels) == {"2021", "2024"}


def test_browser_hostile_text_is_shown_not_run(browser, fixture_db: Path) -> None:
    with serving(fixture_db) as base:
        page = browser.new_page()
        watch = Watch(page, base)
        page.goto(base + "/articles/a2021rt")
        assert "<script>alert(1)</script>" in page.inner_text("h1")
        assert page.locator("img").count() == 0
        _shot(page, "fixture-article-desktop")
        page.click("mark a")
        assert (
            page.inner_text("mark.current") == "We are not going to rush to recognise the Taliban"
        )
        _shot(page, "fixture-statement-desktop")
        page.goto(base + "/stories/s-a2024rt")
        assert "onerror=alert(2)>" in page.inner_text("h1")
        assert page.locator("img").count() == 0
        _shot(page, "fixture-story-desktop")
        page.goto(base + "/outlets")
        assert (
            page.locator("td.left-out").count() == 2
        )  # BBC and Example Post missed the Kabul story
        _shot(page, "fixture-outlets-desktop")
        page.goto(base + "/search?q=mallory")
        # the speaker as resolved across articles: the same name, its markup shown as text
        assert '"><img src=x onerror=alert(2' in page.inner_text("#statement-results a.speaker")
        assert page.locator("img").count() == 0
        _shot(page, "fixture-hostile-desktop")
        page.close()
    assert not watch.problems


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "quotetrail",
            "ingest",
            str(SEEDS),
            "--db",
            str(db),
            "--workers",
            "1",
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return db


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_browser_seed_corpus_flow(browser, seed_db: Path, viewport: str) -> None:
    with Store(seed_db, read_only=True) as store:
        assert store.count("statements") > 0
    with serving(seed_db) as base:
        labels = browse(browser, base, "seeds", viewport)
    assert {"2021", "2024"} <= _years(labels)


def test_browser_report_opens_offline(browser, store: Store, tmp_path: Path) -> None:
    report = write_report(store, tmp_path / "report.html", actor="Russia", target="Taliban")
    context = browser.new_context(viewport=VIEWPORTS["desktop"], offline=True)
    page = context.new_page()
    watch = Watch(page, report.as_uri())
    page.goto(report.as_uri())
    labels = _point_labels(page)
    _shot(page, "report-desktop")
    context.close()
    assert not watch.problems
    assert _years(labels) == {"2021", "2024"}


def test_browser_empty_position_says_so(browser, fixture_db: Path) -> None:
    with serving(fixture_db) as base:
        page = browser.new_page()
        page.goto(base + "/positions?actor=Nobody&target=Taliban")
        assert _point_labels(page) == []
        assert page.inner_text("#position-chart") == "No statement to chart."
        page.close()
