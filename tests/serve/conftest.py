"""A hand-made store for the web tests: Putin on the Taliban in 2021 and 2024, reported by
several outlets, with hostile text in titles, bodies, speakers, URLs and removed lines; and the
seed corpus ingested."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotetrail.cli import app
from quotetrail.link import link_articles
from quotetrail.records import Article, ArticleResult, Mention, RemovedLine, Speaker, Statement
from quotetrail.store import Store

SEEDS = Path(__file__).resolve().parents[2] / "data" / "corpus" / "seeds"
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(2)>'
PUTIN = Speaker(name="Vladimir Putin", mention="Putin", role="President", affiliation="Russia")
PUTIN_HE = Speaker(name="Vladimir Putin", mention="he", role="President", affiliation="Russia")
BIDEN = Speaker(name="Joe Biden", mention="Biden", role="President", affiliation="United States")
HOSTILE_SPEAKER = Speaker(name=f"Mallory {IMG}", mention=SCRIPT, affiliation=SCRIPT)


def _article(
    article_id: str, outlet: str, published: str, title: str, sentences: list[str], **extra
) -> Article:
    return Article(
        id=article_id,
        text="\n\n".join(sentences),
        title=title,
        outlet=outlet,
        published=published,
        **extra,
    )


def _statement(
    article: Article, quote: str, speaker: Speaker, stance: dict | None, said_on: str, **extra
) -> Statement:
    start = article.text.index(quote)
    sentence = next(part for part in article.text.split("\n\n") if quote in part)
    return Statement(
        article_id=article.id,
        kind=extra.pop("kind", "direct"),
        quote=quote,
        sentence=sentence,
        span=(start, start + len(quote)),
        speaker=speaker,
        cue=extra.pop("cue", "said"),
        said_on=said_on,
        about=extra.pop("about", ["Taliban"]),
        stance=stance or {},
        **extra,
    )


def _stance(label: str, score: float, evidence: str) -> dict:
    return {"Taliban": {"label": label, "score": score, "evidence": evidence}}


def fixture_results() -> list[ArticleResult]:
    q2021 = "We are not going to rush to recognise the Taliban"
    q2021b = "The Taliban must keep its promises before anything else"
    q2024 = "The Taliban are our allies in the fight against terrorism"
    qbiden = "The Taliban have to prove themselves"
    rt2021 = _article(
        "a2021rt",
        "RT",
        "2021-08-20",
        f"Putin on Kabul {SCRIPT}",
        [
            f"MOSCOW — Putin spoke on Friday. {q2021}, Putin said.",
            f"{q2021b}, he added.",
            f"Body {SCRIPT} ends.",
        ],
        url="javascript:alert(3)",
        dateline="MOSCOW",
        removed=[
            RemovedLine(text=f"Also on RT {SCRIPT}", rule="also-on"),
            RemovedLine(text="Menu Home", rule="menu"),
        ],
    )
    tass2021 = _article(
        "a2021tass",
        "TASS",
        "2021-08-21",
        "Kremlin comments on Afghanistan",
        [f"Vladimir Putin told reporters: {q2021}, Putin said on Friday."],
        url="https://tass.example/1",
    )
    bbc2021 = _article(
        "a2021bbc",
        "BBC",
        "2021-08-25",
        "Biden on the withdrawal",
        [f"{qbiden}, Biden said.", f"Comment {IMG} here."],
    )
    rt2024 = _article(
        "a2024rt",
        "RT",
        "2024-07-05",
        f"Putin at the SCO summit {IMG}",
        [f"ASTANA — {q2024}, Putin said.", f"Footer {IMG} and {SCRIPT}"],
        url="https://rt.example/2024",
    )
    mallory = _article(
        "a2024x",
        "Example Post",
        "2024-07-06",
        "Hostile speaker",
        [f"{SCRIPT} is fine, Mallory said."],
    )
    s2021 = _statement(
        rt2021,
        q2021,
        PUTIN,
        _stance("neutral", 0.6, "not going to rush"),
        "2021-08-20",
        said_on_assumed=False,
        also_in=["a2021tass"],
    )
    return [
        ArticleResult(
            rt2021,
            [
                s2021,
                _statement(
                    rt2021,
                    q2021b,
                    PUTIN_HE,
                    _stance("oppose", 0.7, "must keep its promises"),
                    "2021-08-20",
                ),
            ],
        ),
        ArticleResult(
            tass2021,
            mentions=[
                Mention("Vladimir Putin", "PERSON", 0, 14),
                Mention("Taliban", "ORG", 60, 67),
            ],
            statements=[
                _statement(
                    tass2021,
                    q2021,
                    PUTIN,
                    _stance("neutral", 0.55, "not going to rush"),
                    "2021-08-20",
                    said_on_assumed=False,
                    also_in=["a2021rt"],
                )
            ],
        ),
        ArticleResult(
            bbc2021,
            [
                _statement(
                    bbc2021, qbiden, BIDEN, _stance("oppose", 0.8, "have to prove"), "2021-08-25"
                )
            ],
        ),
        ArticleResult(
            rt2024,
            [
                _statement(
                    rt2024,
                    q2024,
                    PUTIN,
                    _stance("support", 0.9, "our allies"),
                    "2024-07-05",
                    about=["Taliban", "terrorism"],
                )
            ],
        ),
        ArticleResult(
            mallory,
            [
                _statement(
                    mallory,
                    f"{SCRIPT} is fine",
                    HOSTILE_SPEAKER,
                    {},
                    "2024-07-06",
                    about=[SCRIPT],
                    kind="indirect",
                )
            ],
        ),
    ]


def make_fixture_store(path: Path) -> Path:
    with Store(path) as store:
        results = fixture_results()
        store.write(results)
        link_articles(store, [result.article.id for result in results])
    return path


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_fixture_store(tmp_path_factory.mktemp("serve") / "fixture.duckdb")


@pytest.fixture
def store(fixture_db: Path):
    with Store(fixture_db, read_only=True) as opened:
        yield opened


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed corpus ingested as `quotetrail ingest` does."""
    db = tmp_path_factory.mktemp("seed-api") / "seeds.duckdb"
    args = ["ingest", str(SEEDS), "--db", str(db), "--workers", "1"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return db
