"""`quotetrail eval stance`: target-dependent sentiment on NewsMTSC, scored as the paper does.

The metric is macro-F1 over the three classes, one prediction per target (the paper's F1m).
NewsMTSC's sentiment classes map onto stance: negative → oppose, neutral, positive → support.
Each file is scored by both stance models side by side (`models`: macro-F1, accuracy,
per-class F1, milliseconds per statement, parsing not counted); the top-level numbers are
those of the model ingest runs here (`model`: the learned one when it is installed, else the
light one).
"""

from __future__ import annotations

import json
import time
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


def per_class_f1(gold: list[str], predicted: list[str]) -> dict[str, float]:
    scores = {}
    for label in LABELS:
        tp = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted, strict=True))
        scores[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return scores


def macro_f1(gold: list[str], predicted: list[str]) -> float:
    return sum(per_class_f1(gold, predicted).values()) / len(LABELS)


def score_model(examples: list[Example], docs: dict[str, Any], model: str) -> dict[str, Any]:
    """One model's scores on parsed examples, and its time per statement."""
    from quotetrail.analyze.stance import classify_offsets

    started = time.perf_counter()
    predicted = classify_offsets([(docs[e.sentence], e.start, e.end) for e in examples], model)
    elapsed = time.perf_counter() - started
    gold = [example.label for example in examples]
    hits = sum(g == p for g, p in zip(gold, predicted, strict=True))
    return {
        "macro_f1": round(macro_f1(gold, predicted), 4),
        "accuracy": round(hits / len(gold), 4) if gold else 0.0,
        "per_class_f1": {k: round(v, 4) for k, v in per_class_f1(gold, predicted).items()},
        "ms_per_statement": round(1000 * elapsed / len(gold), 2) if gold else 0.0,
    }


def evaluate_file(path: Path) -> dict[str, Any]:
    from quotetrail.analyze.stance import LEARNED, LIGHT, model_name

    examples = read_examples(path)
    docs = parse(examples)
    running = model_name()
    models = {name: score_model(examples, docs, name) for name in dict.fromkeys((running, LIGHT))}
    if LEARNED not in models:
        models[LEARNED] = (
            "not run: switched off (QUOTETRAIL_STANCE_MODEL=light), or the shipped artefact or "
            "onnxruntime is missing"
        )
    return {"model": running, **models[running], "models": models}


def evaluate(data: Path) -> dict[str, Any]:
    """Score one NewsMTSC .jsonl file; given a folder, score each dev_*.jsonl in it (and report
    `macro_f1` as their mean). Set QUOTETRAIL_STANCE_EMBEDDINGS=1 to score the embedding model
    as the light one."""
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
        result["model"] = next(v["model"] for v in result.values() if isinstance(v, dict))
    return result
