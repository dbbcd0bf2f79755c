"""`eval quotes`: statement extraction and speaker attribution scored on a Gender Gap Tracker set.

The data is a folder with `annotations.jsonl` (one article a line: `text_raw`, `text`, `quotes`).
Gold offsets index `text`, upstream's preprocessing of `text_raw`; we run the extractor on
`text_raw` (what a cleaner would give us) and carry gold spans back to it by replaying that
preprocessing with an offset map. Matching is upstream's: a gold quote matches a predicted one
when |gold ∩ predicted| / |gold| exceeds the threshold, greedily one to one. Speaker accuracy is
the stricter test: the resolved speaker *name* against gold `reference`, over matched quotes.

`score` takes any extractor (texts in, predictions out), so a peer such as textacy is measured
with the same code (see benchmarks/textacy_quotes.py).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

THRESHOLDS = (0.3, 0.8)
# upstream preprocessing of text_raw into text, in order (README of the data set)
PREPROCESSING: tuple[tuple[str, str], ...] = (
    ("\u00a0", " "),
    ("\u00e9", " "),
    ("\n", ".\n "),
    ("..\n ", ".\n "),
    (". .\n ", ".\n "),
    ("  ", " "),
    ("“", '"'),
    ("”", '"'),
)
HONORIFIC = re.compile(r"^(the|a|an|mr|mrs|ms|miss|dr|sir|prof)\.?\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Predicted:
    """One predicted statement: its span in the text it was given, and who said it."""

    start: int
    end: int
    speaker: str = ""
    mention: str = ""


Extractor = Callable[[Sequence[str]], list[list[Predicted]]]


def _replace(
    chars: list[str], offsets: list[int], old: str, new: str
) -> tuple[list[str], list[int]]:
    """str.replace over characters that remember where they came from."""
    text = "".join(chars)
    out_chars: list[str] = []
    out_offsets: list[int] = []
    position = 0
    while True:
        found = text.find(old, position)
        if found < 0:
            break
        out_chars.extend(chars[position:found])
        out_offsets.extend(offsets[position:found])
        for k, char in enumerate(new):
            out_chars.append(char)
            out_offsets.append(offsets[found + min(k, len(old) - 1)])
        position = found + len(old)
    out_chars.extend(chars[position:])
    out_offsets.extend(offsets[position:])
    return out_chars, out_offsets


def offset_map(raw: str) -> tuple[str, list[int]]:
    """Upstream's preprocessed text of `raw`, and for each of its characters the offset in `raw`."""
    chars, offsets = list(raw), list(range(len(raw)))
    for old, new in PREPROCESSING:
        chars, offsets = _replace(chars, offsets, old, new)
    return "".join(chars), offsets


def gold_span(quote: dict[str, Any], text: str) -> tuple[int, int] | None:
    """The gold span in upstream `text`; located by its string where the span is missing."""
    if quote.get("quote_span"):
        return int(quote["quote_span"][0]), int(quote["quote_span"][1])
    found = text.find(quote.get("quote") or "\0")
    return (found, found + len(quote["quote"])) if found >= 0 else None


def gold_span_in_raw(span: tuple[int, int] | None, offsets: list[int]) -> tuple[int, int] | None:
    if span is None:
        return None
    start, end = span
    if not 0 <= start < end <= len(offsets):
        return None
    return offsets[start], offsets[end - 1] + 1


def normalise_name(name: str) -> str:
    name = HONORIFIC.sub("", (name or "").strip())
    return " ".join(re.sub(r"[^\w\s-]", " ", name.casefold()).split())


def gold_kind(quote: dict[str, Any]) -> str:
    """Upstream kinds of gold quote, from its annotation."""
    marked, cued = bool(quote.get("has_quote_marks")), bool(quote.get("verb"))
    return {(True, True): "direct", (True, False): "floating", (False, True): "indirect"}.get(
        (marked, cued), "other"
    )


def _overlap(gold: tuple[int, int], predicted: Predicted) -> float:
    shared = max(0, min(gold[1], predicted.end) - max(gold[0], predicted.start))
    return shared / max(1, gold[1] - gold[0])


def match(
    golds: list[tuple[int, int]], predicted: list[Predicted], threshold: float
) -> dict[int, int]:
    """Greedy one-to-one: each gold, in order, takes the free prediction it overlaps most."""
    taken: set[int] = set()
    pairs: dict[int, int] = {}
    for g, gold in enumerate(golds):
        best, best_ratio = None, threshold
        for p, prediction in enumerate(predicted):
            ratio = _overlap(gold, prediction)
            if p not in taken and ratio > best_ratio:
                best, best_ratio = p, ratio
        if best is not None:
            taken.add(best)
            pairs[g] = best
    return pairs


def load(data: Path) -> list[dict[str, Any]]:
    with (data / "annotations.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _located(article: dict[str, Any]) -> list[tuple[dict[str, Any], tuple[int, int]]]:
    """The article's gold quotes that can be placed in `text_raw`, with their spans there."""
    _, offsets = offset_map(article["text_raw"])
    located = [
        (q, gold_span_in_raw(gold_span(q, article["text"]), offsets)) for q in article["quotes"]
    ]
    return [(q, span) for q, span in located if span]


def score(data: Path, extractor: Extractor) -> dict[str, Any]:
    """Quote P/R/F1 at each overlap threshold and speaker accuracy, for any extractor."""
    articles = load(data)
    predictions = extractor([article["text_raw"] for article in articles])
    counts: Counter[str] = Counter()
    for article, predicted in zip(articles, predictions, strict=True):
        located = _located(article)
        quotes = [q for q, _ in located]
        golds = [span for _, span in located]
        counts["gold"] += len(golds)
        counts["predicted"] += len(predicted)
        for threshold in THRESHOLDS:
            pairs = match(golds, predicted, threshold)
            counts[f"matched_{threshold}"] += len(pairs)
            for g, p in pairs.items():
                quote, prediction = quotes[g], predicted[p]
                counts[f"speaker_right_{threshold}"] += normalise_name(
                    prediction.speaker
                ) == normalise_name(quote["reference"])
                if threshold == THRESHOLDS[0]:
                    counts[f"recalled_{gold_kind(quote)}"] += 1
                    if quote.get("speaker"):
                        counts["span_gold"] += 1
                        counts["span_right"] += normalise_name(
                            prediction.mention
                        ) == normalise_name(quote["speaker"])
        for quote in quotes:
            counts[f"gold_{gold_kind(quote)}"] += 1
    return _metrics(counts)


def _metrics(counts: Counter[str]) -> dict[str, Any]:
    metrics: dict[str, Any] = {}
    for threshold in THRESHOLDS:
        matched = counts[f"matched_{threshold}"]
        precision = matched / counts["predicted"] if counts["predicted"] else 0.0
        recall = matched / counts["gold"] if counts["gold"] else 0.0
        metrics[f"f1_{threshold}"] = round(_f1(precision, recall), 4)
        metrics[f"precision_{threshold}"] = round(precision, 4)
        metrics[f"recall_{threshold}"] = round(recall, 4)
        metrics[f"speaker_accuracy_{threshold}"] = (
            round(counts[f"speaker_right_{threshold}"] / matched, 4) if matched else 0.0
        )
    metrics["speaker_accuracy"] = metrics[f"speaker_accuracy_{THRESHOLDS[0]}"]
    metrics["speaker_span_accuracy"] = (
        round(counts["span_right"] / counts["span_gold"], 4) if counts["span_gold"] else 0.0
    )
    for kind in ("direct", "floating", "indirect", "other"):
        if counts[f"gold_{kind}"]:
            metrics[f"recall_0.3_{kind}"] = round(
                counts[f"recalled_{kind}"] / counts[f"gold_{kind}"], 4
            )
    metrics["gold_quotes"] = counts["gold"]
    metrics["predicted_quotes"] = counts["predicted"]
    return metrics


PRONOUNS = {"he", "she", "him", "her", "they", "it"}
DOCUMENT_WORDS = (
    "report",
    "study",
    "statement",
    "release",
    "survey",
    "poll",
    "memo",
    "letter",
    "document",
    "tweet",
    "post",
)
# speaker-error classes, first fitting one wins:
# (class, test on the predicted mention, the predicted name and the gold name)
ERROR_CLASSES: tuple[tuple[str, Callable[[str, str, str], bool]], ...] = (
    ("pronoun", lambda mention, name, gold: mention.casefold() in PRONOUNS),
    (
        "name-length",
        lambda mention, name, gold: (
            bool(name and gold)
            and (set(name.split()) < set(gold.split()) or set(gold.split()) < set(name.split()))
        ),
    ),
    (
        "document",
        lambda mention, name, gold: any(word in mention.casefold() for word in DOCUMENT_WORDS),
    ),
    (
        "description",
        lambda mention, name, gold: (
            mention[:1].islower() or mention.casefold().startswith(("the ", "a "))
        ),
    ),
    ("other", lambda mention, name, gold: True),
)


def error_class(prediction: Predicted, gold: str) -> str:
    name, wanted = normalise_name(prediction.speaker), normalise_name(gold)
    return next(kind for kind, fits in ERROR_CLASSES if fits(prediction.mention, name, wanted))


def speaker_errors(data: Path, extractor: Extractor) -> list[dict[str, Any]]:
    """Every quote matched at 0.3 whose resolved speaker is wrong, with its error class (for
    diagnosis on a terminal; the rows quote the data set, so they are never written to the repo)."""
    articles = load(data)
    rows = []
    predictions = extractor([a["text_raw"] for a in articles])
    for article, predicted in zip(articles, predictions, strict=True):
        located = _located(article)
        for g, p in match([span for _, span in located], predicted, THRESHOLDS[0]).items():
            quote, prediction = located[g][0], predicted[p]
            if normalise_name(prediction.speaker) != normalise_name(quote["reference"]):
                rows.append(
                    {
                        "class": error_class(prediction, quote["reference"]),
                        "doc_id": article.get("doc_id"),
                        "at": prediction.start,
                        "mention": prediction.mention,
                        "predicted": prediction.speaker,
                        "gold_mention": quote.get("speaker"),
                        "gold": quote["reference"],
                    }
                )
    return sorted(rows, key=lambda row: (row["class"], str(row["doc_id"]), row["at"]))


def quotetrail_extractor(texts: Sequence[str]) -> list[list[Predicted]]:
    """Our extractor: the pipeline's parse (with line breaks as boundaries) and
    extract_statements."""
    from quotetrail.extract import extract_statements
    from quotetrail.extract.segment import with_line_breaks
    from quotetrail.nlp import load_pipeline
    from quotetrail.records import Article

    nlp = with_line_breaks(load_pipeline())
    results = []
    for index, doc in enumerate(nlp.pipe(texts, batch_size=16)):
        statements = extract_statements(Article(id=str(index), text=doc.text), doc)
        results.append(
            [
                Predicted(
                    s.span[0],
                    s.span[1],
                    s.speaker.name if s.speaker else "",
                    s.speaker.mention if s.speaker else "",
                )
                for s in statements
            ]
        )
    return results


def evaluate(data: Path) -> dict[str, Any]:
    return score(Path(data), quotetrail_extractor)


if __name__ == "__main__":  # python -m quotetrail.eval.quotes DATA: speaker errors by class
    import sys

    errors = speaker_errors(Path(sys.argv[1]), quotetrail_extractor)
    for row in errors:
        print(json.dumps(row, ensure_ascii=False))
    print(json.dumps(Counter(row["class"] for row in errors)))
