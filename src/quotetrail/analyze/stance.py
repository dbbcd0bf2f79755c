"""Stance of a statement's speaker toward each target it is about: support, oppose or neutral.

Two sources of evidence, combined log-linearly (see `combine`):
- the trained model (`model.py`): logistic regression over target-dependent features
  (`features.py`), trained on NewsMTSC by `scripts/train_stance.py`;
- stance cues on the parse (`rules.py`): stance verbs and nouns (ally, recognise, terrorist,
  condemn …) that bear on the target, with negation ("no intention of supporting X").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from quotetrail.analyze.features import target_features
from quotetrail.analyze.model import load_model


def _sentence_of(doc: Doc, target: Span) -> Span:
    """The sentence holding the target; the whole doc when it is not split into sentences."""
    if doc.has_annotation("SENT_START"):
        return target.sent
    return doc[:]


def sentence_target_features(doc: Doc, start: int, end: int) -> dict[str, float]:
    """Features of the target at character offsets [start, end) of `doc.text`."""
    target = doc.char_span(start, end, alignment_mode="expand")
    if target is None or len(target) == 0:
        return {}
    return target_features(doc[:], target)


def classify(feats: dict[str, float]) -> tuple[str, dict[str, float]]:
    """The model's label and class probabilities for one target's features."""
    proba = load_model().proba(feats)
    return max(proba, key=proba.get), proba
