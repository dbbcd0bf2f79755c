"""The learned stance model: the lower four layers of all-MiniLM-L6-v2 as a cross-encoder,
distilled from the six-layer model fine-tuned on NewsMTSC (a third less time a statement).

The sentence goes in with the target's mention between guillemets; the model answers
oppose / neutral / support. `scripts/train_stance_transformer.py` trains both (torch, the `train`
extra; the student with `--layers 4 --teacher … --transfer …`) and ships the student here as an
int8 ONNX graph with its tokenizer; at run time onnxruntime and
tokenizers run it, loaded once per process on one thread (ingest runs one process per core).
Absent the artefact or onnxruntime, `available()` is false and stance falls back on the light
model.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from importlib.util import find_spec
from typing import Any

import numpy

MODEL = "models/stance_minilm.onnx"
TOKENIZER = "models/stance_minilm_tokenizer.json"
LABELS = ("oppose", "neutral", "support")
OPEN, CLOSE = "«", "»"  # single tokens of MiniLM's vocabulary, rare in English news
MAX_TOKENS = 128
WINDOW = 250  # characters kept on each side of the target in a long text
CHOICE = "QUOTETRAIL_STANCE_MODEL"  # "light" forces the fallback (evaluation compares both)


def mark(text: str, start: int, end: int) -> str:
    """`text` with the target at [start, end) between the markers, cut to a window around it
    so that truncation never drops the target; marker strings already in the text are
    removed (article text is hostile input)."""
    lo = _word_edge(text, max(0, start - WINDOW), forward=True)
    hi = _word_edge(text, min(len(text), end + WINDOW), forward=False)
    parts = (text[lo:start], text[start:end], text[end:hi])
    before, target, after = (part.replace(OPEN, '"').replace(CLOSE, '"') for part in parts)
    return f"{before}{OPEN} {target} {CLOSE}{after}"


def _word_edge(text: str, at: int, forward: bool) -> int:
    """`at` moved off a word's middle (onto the next space going forward, the last going back)."""
    if at in (0, len(text)) or text[at - 1].isspace() or text[at].isspace():
        return at
    found = text.find(" ", at) if forward else text.rfind(" ", 0, at)
    return at if found < 0 else found


def enabled() -> bool:
    """True when the learned model can run here and has not been switched off."""
    return os.environ.get(CHOICE, "").lower() != "light" and _installed()


@lru_cache(maxsize=1)
def _installed() -> bool:
    """The runtime and the artefact are here (asked once per process: it does not change)."""
    return (
        find_spec("onnxruntime") is not None
        and find_spec("tokenizers") is not None
        and (resources.files("quotetrail.analyze") / MODEL).is_file()
    )


@lru_cache(maxsize=1)
def _runtime() -> tuple[Any, Any]:
    import onnxruntime
    from tokenizers import Tokenizer

    package = resources.files("quotetrail.analyze")
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(
        (package / MODEL).read_bytes(), options, providers=["CPUExecutionProvider"]
    )
    tokenizer = Tokenizer.from_str((package / TOKENIZER).read_text(encoding="utf-8"))
    return session, tokenizer


def logits(texts: Sequence[str]) -> list[tuple[float, ...]]:
    """The model's logits (in LABELS order) for each marked text. Each text is run alone:
    int8 activations are scaled per run, so in a batch a statement's logits would depend on the
    statements beside it (and one run each cost 3 % more than batches of 8 on the benchmark
    corpus). A text given twice (two statements of one sentence about one target) runs once."""
    session, tokenizer = _runtime()
    found: dict[str, tuple[float, ...]] = {}
    for text in dict.fromkeys(texts):
        encoding = tokenizer.encode(text)
        feed = {"input_ids": [encoding.ids], "attention_mask": [encoding.attention_mask]}
        rows = session.run(None, {k: numpy.array(v, dtype=numpy.int64) for k, v in feed.items()})
        found[text] = tuple(float(v) for v in rows[0][0])
    return [found[text] for text in texts]


def proba(row: Sequence[float]) -> dict[str, float]:
    """Softmax of one row of logits, by label."""
    top = max(row)
    exp = [math.exp(v - top) for v in row]
    return {label: v / sum(exp) for label, v in zip(LABELS, exp, strict=True)}
