"""Train the shipped stance model from NewsMTSC's training split.

    python scripts/train_stance.py [--data ../shared/data/newsmtsc/train.jsonl] [--embeddings]

Reproducible: the same data give the same artefact (fixed solver, no random state in play).
The regularisation strength is chosen by 5-fold cross-validation on train.jsonl alone, folds
grouped by sentence; the dev splits are never read. Needs scikit-learn (`pip install
'.[train]'`); the artefact it writes (src/quotetrail/analyze/stance_model.json) needs nothing.
The default model's features are the target-dependent features (`features.py`) plus the mean
static word vectors of the target's clause and sentence (`static.py`, distilled from MiniLM by
`scripts/build_static_vectors.py`). With --embeddings it trains the optional model over the
target-dependent features plus sentence embeddings instead (stance_model_embed.json; needs the
`embeddings` extra, here and at run time).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold, cross_val_predict

from quotetrail.analyze import embedding, static
from quotetrail.analyze.features import target_features
from quotetrail.analyze.model import ARTEFACT, LinearModel
from quotetrail.analyze.stance import locate_offsets
from quotetrail.eval.stance import LABELS, Example, parse, read_examples

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "newsmtsc" / "train.jsonl"
PACKAGE = REPO / "src" / "quotetrail" / "analyze"
MIN_COUNT = 2
C_GRID = (0.1, 0.2, 0.3)
DIGITS = 4


def _prune(feature_rows: list[dict[str, float]]) -> list[dict[str, float]]:
    """Drop features seen in fewer than MIN_COUNT examples: they only memorise."""
    counts = Counter(name for row in feature_rows for name in row)
    return [{k: v for k, v in row.items() if counts[k] >= MIN_COUNT} for row in feature_rows]


def featurize(examples: list[Example], with_embeddings: bool) -> list[dict[str, float]]:
    """Model features per example (pruned of rare ones), plus the static vectors, or plus the
    sentence embeddings when asked for."""
    docs = parse(examples)
    rows, pairs, vectors = [], [], []
    for example in examples:
        doc = docs[example.sentence]
        target = locate_offsets(doc, example.start, example.end)
        rows.append(target_features(doc[:], target) if target is not None else {})
        pairs.append(embedding.texts_for(doc[:], target if target is not None else doc[:0]))
        vectors.append(static.static_features(doc[:], target) if target is not None else {})
    rows = _prune(rows)
    dense_rows = embedding.embedding_features(pairs) if with_embeddings else vectors
    for row, dense in zip(rows, dense_rows, strict=True):
        row.update(dense)
    return rows


def _model(c: float) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=3000, solver="lbfgs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--embeddings", action="store_true", help="train the optional embedding model"
    )
    args = parser.parse_args()
    output = PACKAGE / (embedding.ARTEFACT if args.embeddings else ARTEFACT)

    examples = read_examples(args.data)
    rows = featurize(examples, args.embeddings)
    labels = [example.label for example in examples]
    groups = [example.sentence_id for example in examples]
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(rows)

    folds = GroupKFold(n_splits=5)
    cv = {}
    for c in C_GRID:
        predicted = cross_val_predict(_model(c), x, labels, cv=folds, groups=groups)
        cv[c] = f1_score(labels, predicted, average="macro")
        print(f"C={c}: cross-validated macro-F1 {cv[c]:.4f}")
    best = max(cv, key=cv.get)
    model = _model(best).fit(x, labels)
    order = [list(model.classes_).index(label) for label in LABELS]
    weights = {}
    for j, name in enumerate(vectorizer.feature_names_):
        row = [round(float(model.coef_[k, j]), DIGITS) for k in order]
        if any(row):
            weights[name] = row
    artefact = LinearModel(
        LABELS, tuple(round(float(model.intercept_[k]), DIGITS) for k in order), weights
    )
    payload = artefact.to_dict() | {
        "trained_on": args.data.name,
        "C": best,
        "cv_macro_f1": round(cv[best], 4),
    }
    output.write_text(
        json.dumps(payload, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8"
    )
    print(f"C={best}: {len(weights)} features → {output}")


if __name__ == "__main__":
    main()
