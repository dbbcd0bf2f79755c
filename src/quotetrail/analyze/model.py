"""The shipped stance model: a multinomial logistic regression stored as a JSON dictionary.

Prediction is a sparse dot product in plain Python, so the default path needs neither numpy
nor scikit-learn at run time; `scripts/train_stance.py` writes the artefact.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

ARTEFACT = "stance_model.json"


@dataclass(frozen=True)
class LinearModel:
    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def scores(self, feats: dict[str, float]) -> list[float]:
        totals = list(self.intercept)
        for name, value in feats.items():
            row = self.weights.get(name)
            if row is not None:
                for k, weight in enumerate(row):
                    totals[k] += weight * value
        return totals

    def proba(self, feats: dict[str, float]) -> dict[str, float]:
        """Class probabilities (softmax of the linear scores)."""
        return softmax(dict(zip(self.classes, self.scores(feats), strict=True)))

    def reasons(self, feats: dict[str, float], label: str, n: int = 3) -> list[str]:
        """The features that pushed hardest toward `label`, relative to the other classes."""
        k = self.classes.index(label)
        pushes = []
        for name, value in feats.items():
            row = self.weights.get(name)
            if row is not None:
                others = (sum(row) - row[k]) / (len(row) - 1)
                pushes.append(((row[k] - others) * value, name))
        return [name for push, name in sorted(pushes, reverse=True)[:n] if push > 0]

    def to_dict(self) -> dict:
        return {
            "classes": list(self.classes),
            "intercept": list(self.intercept),
            "weights": {name: list(row) for name, row in self.weights.items()},
        }

    @classmethod
    def from_dict(cls, data: dict) -> LinearModel:
        return cls(
            classes=tuple(data["classes"]),
            intercept=tuple(float(v) for v in data["intercept"]),
            weights={name: tuple(float(v) for v in row) for name, row in data["weights"].items()},
        )


def softmax(scores: dict[str, float]) -> dict[str, float]:
    top = max(scores.values())
    exp = {label: math.exp(value - top) for label, value in scores.items()}
    total = sum(exp.values())
    return {label: value / total for label, value in exp.items()}


@lru_cache(maxsize=2)
def load_model(artefact: str = ARTEFACT) -> LinearModel:
    """A model shipped in the package, read once per process."""
    text = (resources.files("quotetrail.analyze") / artefact).read_text(encoding="utf-8")
    return LinearModel.from_dict(json.loads(text))
