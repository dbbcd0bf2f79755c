"""The `eval clean` harness: the benchmark's shingle metric and the text-dump builder."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from quotetrail.eval.clean import (
    cleaneval_gold,
    evaluate,
    page_text_lines,
    score,
    shingle_matching,
)

PAGE = Path(__file__).resolve().parents[1] / "data" / "clean" / "page.html"


@pytest.mark.parametrize(
    ("true", "pred", "expected"),
    [
        ("a b c d e", "a b c d e", (1.0, 0.0, 0.0)),
        ("a b c d e", "", (0.0, 0.0, 1.0)),
        ("a b c d e", "a b c d x", (1 / 3, 1 / 3, 1 / 3)),
        ("", "", (0.0, 0.0, 0.0)),
        ("a b", "a b", (1.0, 0.0, 0.0)),
    ],
)
def test_clean_shingle_matching(true: str, pred: str, expected: tuple[float, float, float]) -> None:
    assert shingle_matching(true, pred) == pytest.approx(expected)


def test_clean_score_averages_per_document() -> None:
    result = score([(1.0, 0.0, 0.0), (0.5, 0.5, 0.0)])
    assert result["precision"] == pytest.approx(0.75)
    assert result["recall"] == pytest.approx(1.0)
    assert result["f1"] == pytest.approx(2 * 0.75 / 1.75, abs=1e-4)


def test_clean_page_text_lines_blocks_in_order() -> None:
    html = (
        "<html><head><title>T</title><style>p{}</style></head><body>"
        "<nav><a>Home</a> <a>World</a></nav>"
        "<p>First <b>bold</b> part<!-- c --> goes on</p><script>x()</script>"
        "<div hidden>secret</div>"
        "<ul><li>One</li><li>Two<br>Three</li></ul></body></html>"
    )
    assert page_text_lines(html) == ["Home World", "First bold part goes on", "One", "Two", "Three"]


def test_clean_evaluate_on_tiny_benchmark(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "p1.html.gz").write_bytes(gzip.compress(PAGE.read_bytes()))
    gold = (
        "ISTANBUL — Ministers from both countries signed an agreement on Friday to reopen "
        "the grain corridor "
        "across the sea, officials at the ceremony said."
    )
    (tmp_path / "ground-truth.json").write_text(
        json.dumps({"p1": {"articleBody": gold, "url": "https://x.org/a"}})
    )
    result = evaluate(tmp_path)
    assert result["documents"] == 1
    assert result["dump_keep_every_line"]["recall"] == 1.0
    assert result["dump"]["precision"] > result["dump_keep_every_line"]["precision"]
    assert set(result) >= {
        "f1",
        "precision",
        "recall",
        "html",
        "html_trafilatura",
        "dump",
        "dump_keep_every_line",
    }


def test_clean_cleaneval_gold_drops_url_line_and_markers() -> None:
    gold = "URL: http://x.org/a\r\n\r\n<h>Opening hours\r\n<p>The library opens at nine.\r\n"
    text, url = cleaneval_gold(gold.encode("latin-1"))
    assert url == "http://x.org/a"
    assert text.split() == ["Opening", "hours", "The", "library", "opens", "at", "nine."]


def test_clean_evaluate_on_tiny_cleaneval_layout(tmp_path: Path) -> None:
    (tmp_path / "input").mkdir()
    (tmp_path / "GoldStandard").mkdir()
    paragraph = "Members may borrow up to twelve books at a time, and each loan lasts three weeks."
    page = f"<html><body><ul><li>Home</li><li>Shop</li></ul><p>{paragraph}</p></body></html>"
    (tmp_path / "input" / "1.html").write_text(page, encoding="iso-8859-1")
    (tmp_path / "GoldStandard" / "1.txt").write_text(f"URL: http://x.org/\n\n<p>{paragraph}\n")
    result = evaluate(tmp_path)
    assert result["documents"] == 1
    assert result["dump"]["recall"] == 1.0
    assert result["dump"]["precision"] > result["dump_keep_every_line"]["precision"]
