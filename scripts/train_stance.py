"""Train the shipped stance model from NewsMTSC's training split.

    python scripts/train_stance.py [--data ../shared/data/newsmtsc/train.jsonl]

Reproducible: the same data give the same artefact (fixed solver, no random state in play).
The regularisation strength is chosen by 5-fold cross-validation on train.jsonl alone, folds
grouped by sentence; the dev splits are never read. Needs scikit-learn (`pip install
'.[train]'`); the artefact it writes (src/quotetrail/analyze/stance_model.json) needs nothing.
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

from quotetrail.analyze.model import ARTEFACT, LinearModel
from quotetrail.eval.stance import LABELS, featurize, read_examples

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "newsmtsc" / "train.jsonl"
OUTPUT = REPO / "src" / "quotetrail" / "analyze" / ARTEFACT
MIN_COUNT = 2
C_GRID = (0.1, 0.2, 0.3)
DIGITS = 4


def _prune(feature_rows: list[dict[str, float]]) -> list[dict[str, float]]:
    """Drop features seen in fewer than MIN_COUNT examples: they only memorise."""
    counts = Counter(name for row in feature_rows for name in row)
    return [{k: v for k, v in row.items() if counts[k] >= MIN_COUNT} for row in feature_rows]


def _model(c: float) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=3000, solver="lbfgs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()

    examples = read_examples(args.data)
    rows = _prune(list(featurize(examples)))
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
    artefact = LinearModel(LABELS, tuple(round(float(model.intercept_[k]), DIGITS) for k in order), weights)
    payload = artefact.to_dict() | {"trained_on": args.data.name, "C": best, "cv_macro_f1": round(cv[best], 4)}
    args.output.write_text(json.dumps(payload, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    print(f"C={best}: {len(weights)} features → {args.output}")


if __name__ == "__main__":
    main()
