"""`eval clean`: main text from pages, against the gold bodies of an article-extraction benchmark.

Two layouts: scrapinghub's article-extraction-benchmark (`html/<id>.html.gz` and
`ground-truth.json`, {id: {"articleBody", "url"}}), and CleanEval's (`input/<n>.html` and
`GoldStandard/<n>.txt`: a "URL:" line, then the kept text with <p>/<h>/<l> block markers, which
are not text and are dropped). Two tasks, both scored with the benchmark's
own metric (re-implemented here): \\w+ tokens, 4-gram shingles, per-document TP/FP/FN from
shingle multiset counts normalised to sum 1, precision and recall averaged over documents,
F1 the harmonic mean of the two averages.
  html  — each page through our HTML reader and cleaner; trafilatura.extract alongside.
  dump  — each page turned into a text dump (all visible text, one block per line, in reading
          order, as a crawler that saves page text would) and cleaned by our text-dump cleaner;
          "keep every line" alongside as the floor.
The top-level f1/precision/recall are the html task's.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from statistics import mean
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from quotetrail.clean import article_body, clean_document
from quotetrail.read.html import decode_html, read_html_file
from quotetrail.records import RawDocument

_TOKEN = re.compile(r"\w+")
SHINGLE = 4
TpFpFn = tuple[float, float, float]

BLOCK_TAGS = frozenset(
    "address article aside blockquote body br caption dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section "
    "summary table tbody td tfoot th thead tr ul button label legend menu option".split()
)
INVISIBLE_TAGS = frozenset(
    "script style noscript template head svg iframe object canvas select textarea map".split()
)


# --- the benchmark's metric ------------------------------------------------------------------


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(
        tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n]
    )


def shingle_matching(true: str, pred: str) -> TpFpFn:
    """Per-document TP/FP/FN over shingles, normalised so that long documents do not weigh more."""
    gold, guess = shingles(true), shingles(pred)
    tp = sum((gold & guess).values())
    fp = sum((guess - gold).values())
    fn = sum((gold - guess).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def score(counts: list[TpFpFn]) -> dict[str, float]:
    """Precision and recall averaged over documents (skipping undefined ones), F1 of the
    averages."""
    precision = mean([_precision(*c) for c in counts if c[0] + c[1] > 0] or [0.0])
    recall = mean([_recall(*c) for c in counts if c[0] + c[2] > 0] or [0.0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": round(f1, 4), "precision": round(precision, 4), "recall": round(recall, 4)}


# --- text dumps, as a crawler that saves page text would write them ----------------------------


def _hidden(element: etree._Element) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return (
        element.get("hidden") is not None or "display:none" in style or "visibility:hidden" in style
    )


def page_text_lines(html: str) -> list[str]:
    """All visible text of a page, one block per line, in document order."""
    root = lxml.html.document_fromstring(html)
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = " ".join("".join(current).split())
        if text:
            lines.append(text)
        current.clear()

    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        element, closing = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else ""  # comments and PIs have no tag
        if closing:
            if tag in BLOCK_TAGS:
                flush()
            current.append(element.tail or "")
            continue
        if not tag or tag in INVISIBLE_TAGS or _hidden(element):
            current.append(element.tail or "")
            continue
        if tag in BLOCK_TAGS:
            flush()
        current.append(element.text or "")
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    flush()
    return lines


# --- the tasks -------------------------------------------------------------------------------


Page = tuple[Path, str, str | None]  # the page, its gold text, its address


def _benchmark_pages(data: Path) -> Iterator[Page]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        page = data / "html" / f"{key}.html.gz"
        if page.exists():
            yield page, truth[key].get("articleBody", ""), truth[key].get("url")


_GOLD_URL = re.compile(r"^\s*URL:\s*(\S*)[^\n]*\n?")
_GOLD_MARKER = re.compile(r"<[phl]>")


def cleaneval_gold(data: bytes) -> tuple[str, str | None]:
    """(text, address) of a CleanEval gold file, decoded as the HTML reader decodes a page."""
    text, _encoding = decode_html(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    url = _GOLD_URL.match(text)
    body = text[url.end() :] if url else text
    return _GOLD_MARKER.sub(" ", body), url.group(1) if url else None


def _cleaneval_pages(data: Path) -> Iterator[Page]:
    for gold in sorted(
        (data / "GoldStandard").glob("*.txt"), key=lambda path: (len(path.stem), path.stem)
    ):
        page = data / "input" / f"{gold.stem}.html"
        if page.exists():
            yield (page, *cleaneval_gold(gold.read_bytes()))


def _pages(data: Path) -> Iterator[Page]:
    return (
        _benchmark_pages(data) if (data / "ground-truth.json").exists() else _cleaneval_pages(data)
    )


def _our_html(page: Path, url: str | None) -> str:
    for document in read_html_file(page):
        if isinstance(document, RawDocument):
            return article_body(clean_document(replace(document, url=url)))
    return ""


def _trafilatura(page: Path, url: str | None) -> str:
    html = next(iter(read_html_file(page))).content
    return trafilatura.extract(html, include_comments=False) or ""


def _dump(page: Path) -> str:
    return "\n".join(page_text_lines(next(iter(read_html_file(page))).content))


def _our_dump(page: Path, url: str | None) -> str:
    return article_body(clean_document(RawDocument(source_path=str(page), content=_dump(page))))


def _keep_every_line(page: Path, url: str | None) -> str:
    return _dump(page)


SYSTEMS: dict[str, Callable[[Path, str | None], str]] = {
    "html": _our_html,
    "html_trafilatura": _trafilatura,
    "dump": _our_dump,
    "dump_keep_every_line": _keep_every_line,
}


def evaluate(data: Path, systems: tuple[str, ...] = tuple(SYSTEMS)) -> dict[str, Any]:
    counts: dict[str, list[TpFpFn]] = {name: [] for name in systems}
    for page, gold, url in _pages(Path(data)):
        for name in systems:
            counts[name].append(shingle_matching(gold, SYSTEMS[name](page, url)))
    results: dict[str, Any] = {name: score(values) for name, values in counts.items()}
    headline = results.get("html") or next(iter(results.values()))
    return {**headline, **results, "documents": len(next(iter(counts.values())))}
