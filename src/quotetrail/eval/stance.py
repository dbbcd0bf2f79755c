"""`quotetrail eval stance`: target-dependent sentiment on NewsMTSC, scored as the paper does.

The metric is macro-F1 over the three classes, one prediction per target (the paper's F1m).
NewsMTSC's sentiment classes map onto stance: negative → oppose, neutral, positive → support.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

POLARITY = {2.0: "oppose", 4.0: "neutral", 6.0: "support"}
LABELS = ("oppose", "neutral", "support")
SPLIT_NAMES = {"dev_rw": "macro_f1_rw", "dev_mt": "macro_f1_mt"}


@dataclass(frozen=True)
class Example:
    sentence: str
    start: int
    end: int
    label: str
    sentence_id: str


def read_examples(path: Path) -> list[Example]:
    """One example per annotated target of a NewsMTSC .jsonl file."""
    examples = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            for target in record["targets"]:
                examples.append(
                    Example(
                        record["sentence_normalized"],
                        int(target["from"]),
                        int(target["to"]),
                        POLARITY[float(target["polarity"])],
                        record["primary_gid"],
                    )
                )
    return examples


def parse(examples: list[Example]) -> dict[str, Any]:
    """Each distinct sentence parsed once: sentence → spaCy Doc."""
    from quotetrail.nlp import load_pipeline

    texts = list(dict.fromkeys(example.sentence for example in examples))
    return dict(zip(texts, load_pipeline().pipe(texts, batch_size=64), strict=True))


def macro_f1(gold: list[str], predicted: list[str]) -> float:
    scores = []
    for label in LABELS:
        tp = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def evaluate_file(path: Path) -> dict[str, Any]:
    from quotetrail.analyze.stance import classify_offsets

    examples = read_examples(path)
    docs = parse(examples)
    predicted = [classify_offsets(docs[e.sentence], e.start, e.end) for e in examples]
    gold = [example.label for example in examples]
    accuracy = (
        sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold) if gold else 0.0
    )
    return {"macro_f1": macro_f1(gold, predicted), "accuracy": accuracy}


def evaluate(data: Path) -> dict[str, Any]:
    """Score one NewsMTSC .jsonl file; given a folder, score each dev_*.jsonl in it (and report
    `macro_f1` as their mean). Set QUOTETRAIL_STANCE_EMBEDDINGS=1 to score the embedding model."""
    if data.is_file():
        return evaluate_file(data)
    result: dict[str, Any] = {}
    for path in sorted(data.glob("dev_*.jsonl")):
        scores = evaluate_file(path)
        result[path.stem] = scores
        if path.stem in SPLIT_NAMES:
            result[SPLIT_NAMES[path.stem]] = scores["macro_f1"]
    files = [value["macro_f1"] for value in result.values() if isinstance(value, dict)]
    if files:
        result["macro_f1"] = sum(files) / len(files)
    return result
