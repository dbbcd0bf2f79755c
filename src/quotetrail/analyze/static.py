"""Static word vectors distilled from all-MiniLM-L6-v2, as features of the light stance model.

`scripts/build_static_vectors.py` encodes each word of a fixed vocabulary alone through the
sentence-transformer, reduces the vectors by PCA to 64 dimensions and weights each by SIF
(frequent words count less); the result ships as `static_vectors.npz` (float16, 30k words). At
run time a target's features are the unit mean vectors of the words of its clause and of its
sentence, with the target's own tokens left out, so the features say what is said around the
target, not who it is. Only numpy: no torch, no download. (A third region, six tokens either
side, and 96 dimensions did no better in cross-validation on train.)
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from spacy.tokens import Span, Token

from quotetrail.analyze.features import governor

ARTEFACT = "static_vectors.npz"
SCALE = 1.0
DIGITS = 4


@dataclass(frozen=True)
class StaticVectors:
    index: dict[str, int]
    vectors: np.ndarray  # (words, dims) float32
    meta: dict

    @property
    def dims(self) -> int:
        return int(self.vectors.shape[1])

    def row(self, lower: str, lemma: str = "") -> np.ndarray | None:
        """The vector of a word (lowercased form, else its lemma); None when out of vocabulary."""
        k = self.index.get(lower)
        if k is None and lemma:
            k = self.index.get(lemma.lower())
        return None if k is None else self.vectors[k]

    def mean(self, words: Iterable[tuple[str, str]]) -> np.ndarray:
        """Unit-length mean of the known words' (SIF-weighted) vectors; zeros when none is known."""
        rows = [r for r in (self.row(lower, lemma) for lower, lemma in words) if r is not None]
        if not rows:
            return np.zeros(self.dims, dtype=np.float32)
        total = np.sum(rows, axis=0)
        norm = float(np.linalg.norm(total))
        return total / norm if norm > 0 else total


@lru_cache(maxsize=1)
def load_vectors(artefact: str = ARTEFACT) -> StaticVectors:
    """The vectors shipped in the package, read once per process."""
    with (
        resources.as_file(resources.files("quotetrail.analyze") / artefact) as path,
        np.load(path, allow_pickle=False) as data,
    ):
        words = data["words"].tobytes().decode("utf-8").split("\n")
        vectors = data["vectors"].astype(np.float32)
        meta = json.loads(data["meta"].tobytes().decode("utf-8"))
    return StaticVectors({word: k for k, word in enumerate(words)}, vectors, meta)


def _words(tokens: Iterable[Token], skip: set[int]) -> list[tuple[str, str]]:
    return [
        (t.lower_, t.lemma_) for t in tokens if t.i not in skip and not (t.is_punct or t.is_space)
    ]


def regions(context: Span, target: Span) -> dict[str, list[tuple[str, str]]]:
    """(lowercase, lemma) of the words in each region around the target, target left out: the
    clause (the governing verb's subtree, else the whole context) and the whole context."""
    context = context[:]  # a Doc reads as its whole span
    inside = set(range(target.start, target.end))
    gov = governor(target.root) if len(target) else None
    clause = (
        [t for t in gov.subtree if context.start <= t.i < context.end]
        if gov is not None
        else context
    )
    return {"cl": _words(clause, inside), "sent": _words(context, inside)}


def static_features(
    context: Span, target: Span, vectors: StaticVectors | None = None
) -> dict[str, float]:
    """Features sv_<region><i>: the region's unit mean vector, times SCALE, rounded."""
    vectors = vectors if vectors is not None else load_vectors()
    feats: dict[str, float] = {}
    for name, words in regions(context, target).items():
        for i, value in enumerate(vectors.mean(words).tolist()):
            if value:
                feats[f"sv_{name}{i}"] = round(value * SCALE, DIGITS)
    return feats
