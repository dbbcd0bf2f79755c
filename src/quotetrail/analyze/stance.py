"""Stance of a statement's speaker toward each target it is about: support, oppose or neutral.

Two sources of evidence, combined log-linearly (`combine`):
- the trained model (`model.py`): logistic regression over target-dependent features
  (`features.py`), trained on NewsMTSC by `scripts/train_stance.py`;
- stance cues on the parse (`rules.py`): stance verbs and nouns (ally, recognise, terrorist,
  condemn …) that bear on the target, with negation ("no intention of supporting X").
A cue that bears on the target adds RULE_WEIGHT to its class's log-odds: it outvotes the model
unless the model is very sure of the opposite, and the cue is then the evidence.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span

from quotetrail.analyze import embedding, static
from quotetrail.analyze.features import is_negated, target_features
from quotetrail.analyze.model import LinearModel, load_model, softmax
from quotetrail.analyze.rules import Cue, cues_for, decide
from quotetrail.extract.segment import text_of
from quotetrail.lexicon import valence, words

RULE_WEIGHT = 3.0  # log-odds a stance cue adds to its label
PREDICATION_WEIGHT = 6.0  # … when it names what the target is ("X are our allies"): it decides
RULE_LABEL = {1: "support", -1: "oppose"}
SIGN = {"support": 1, "oppose": -1}


def classify_target(doc: Doc, target: Span, context: Span | None = None) -> dict[str, Any]:
    """Label, score (probability of the label), polarity (P(support) − P(oppose)) and evidence."""
    context = (
        context
        if context is not None
        else target.sent
        if doc.has_annotation("SENT_START")
        else doc[:]
    )
    model, feats = _model_and_features(context, target)
    scores = dict(zip(model.classes, model.scores(feats), strict=True))
    cue = decide(cues_for(context, target))
    proba = combine(scores, cue)
    label = max(proba, key=proba.get)
    if cue is not None and RULE_LABEL[cue.polarity] == label:
        evidence = cue.phrase
    else:
        evidence = _sentiment_words(context, target, SIGN.get(label, 0)) or "; ".join(
            dict.fromkeys(
                filter(None, (_readable(name) for name in model.reasons(feats, label, n=6)))
            )
        )
    return {
        "label": label,
        "score": round(proba[label], 3),
        "polarity": round(proba["support"] - proba["oppose"], 3),
        "evidence": evidence,
        "source": "cue" if cue is not None and RULE_LABEL[cue.polarity] == label else "model",
    }


def _model_and_features(context: Span, target: Span) -> tuple[LinearModel, dict[str, float]]:
    """The light model and its features (target-dependent ones plus static word vectors); with
    the embeddings extra switched on, the embedding model and the target-dependent features plus
    the embeddings."""
    feats = target_features(context, target)
    if not embedding.enabled():
        feats.update(static.static_features(context, target))
        return load_model(), feats
    feats.update(embedding.embedding_features([embedding.texts_for(context, target)])[0])
    return load_model(embedding.ARTEFACT), feats


def _sentiment_words(context: Span, target: Span, sign: int, n: int = 3) -> str:
    """The words of the label's valence nearest the target, as written ("" for neutral)."""
    if not sign:
        return ""
    found = []
    for token in context:
        value = valence(token.text, token.lemma_) * (-1 if is_negated(token) else 1)
        if value * sign > 0 and not target.start <= token.i < target.end:
            found.append(
                (min(abs(token.i - target.start), abs(token.i - target.end + 1)), token.i, token)
            )
    return ", ".join(("not " if is_negated(t) else "") + t.text for _, _, t in sorted(found)[:n])


def combine(scores: dict[str, float], cue: Cue | None) -> dict[str, float]:
    """Model log-odds plus the cue's weight for the class it points to; softmax."""
    if cue is not None:
        scores = dict(scores)
        scores[RULE_LABEL[cue.polarity]] += PREDICATION_WEIGHT if cue.predicated else RULE_WEIGHT
    return softmax(scores)


LEXICAL = frozenset({"w", "l", "r", "l1", "r1", "gov", "mod", "t", "rolegov", "sib"})
DESCRIBED = {
    "val_near": "{} words next to the target",
    "val_sent": "{} words in the sentence",
    "val_path": "{} words linked to the target",
    "p": "{} word linked to the target",
    "pl": "{} word linked to the target",
    "rolegovval": "target is {} of a {} verb",
    "govval": "target is {} of a sentiment verb",
    "role": "target is {}",
}


def _readable(feature: str) -> str:
    """A model feature as a reader can check it against the sentence."""
    kind, _, value = feature.partition(":")
    if not value:  # an embedding dimension: nothing a reader can check
        return ""
    if kind in LEXICAL:
        return value.split("|")[-1]
    for prefix, template in DESCRIBED.items():
        if kind == prefix or kind.startswith(prefix + "_"):
            slots = template.count("{}")
            parts = (
                (kind.rsplit("_", 1)[-1],)
                if kind.startswith("val_")
                else tuple(value.split("|"))[-slots:]
            )
            words = {"pos": "positive", "neg": "negative"}
            return template.format(*(words.get(part, part) for part in parts))
    return feature


def locate_offsets(doc: Doc, start: int, end: int) -> Span | None:
    """The target at character offsets [start, end) of `doc.text` (None if it covers no token)."""
    target = doc.char_span(start, end, alignment_mode="expand")
    return target if target is not None and len(target) else None


def classify_offsets(doc: Doc, start: int, end: int) -> str:
    """The combined label for the target at [start, end) of a one-sentence doc (for evaluation)."""
    target = locate_offsets(doc, start, end)
    return classify_target(doc, target, doc[:])["label"] if target is not None else "neutral"


def _find(text: str, name: str, lo: int, hi: int) -> tuple[int, int] | None:
    """First whole-word occurrence of `name` (or of its last word) in text[lo:hi]; case matters
    only for acronyms ("US" is not "us")."""
    words = name.split()
    for candidate in dict.fromkeys([name, words[-1]] if words else []):
        flags = 0 if candidate.isupper() else re.IGNORECASE
        match = re.compile(rf"(?<!\w){re.escape(candidate)}(?!\w)", flags).search(text, lo, hi)
        if match:
            return match.start(), match.end()
    return None


def _anaphor(region: Span) -> Span | None:
    """The first "they"/"the group"-like mention in the region: who the statement is about
    when it does not name the target."""
    for token in region:
        if token.lower_ in words().target_anaphors and token.pos_ in ("PRON", "NOUN"):
            return region.doc[token.i : token.i + 1]
    return None


def _locate(doc: Doc, name: str, quote: Span, context: Span) -> Span | None:
    """The target in the quote, else an anaphor in the quote, else the target in the context."""
    found = _find(text_of(doc), name, quote.start_char, quote.end_char)
    if found is None:
        anaphor = _anaphor(quote)
        if anaphor is not None:
            return anaphor
        found = _find(text_of(doc), name, context.start_char, context.end_char)
    return doc.char_span(*found, alignment_mode="expand") if found else None


def _context(doc: Doc, lo: int, hi: int) -> Span:
    span = doc.char_span(lo, hi, alignment_mode="expand")
    if span is None or not doc.has_annotation("SENT_START"):
        return doc[:] if span is None else span
    return doc[span[0].sent.start : span[-1].sent.end]


def stance_for(statement: Any, doc: Doc | None) -> dict[str, dict[str, Any]]:
    """{target: {label, score, polarity, evidence, source}} for each target in `statement.about`.

    The target is looked for in the quote, then through the quote's first anaphor ("the group",
    "they"), then in the sentence(s) around it; found nowhere, the stance is neutral. A target
    inside the quote is judged on the quote alone: the reporter's framing around it ("Although
    the group is banned, Putin said …") is not the speaker's stance.
    """
    if doc is None:
        from quotetrail.nlp import load_pipeline

        doc = load_pipeline()(statement.sentence or statement.quote)
        quote_lo, quote_hi = 0, len(text_of(doc))
    else:
        quote_lo, quote_hi = statement.span
    context = _context(doc, quote_lo, quote_hi)
    quote = doc.char_span(quote_lo, quote_hi, alignment_mode="expand") or context
    result = {}
    for name in statement.about:
        target = _locate(doc, name, quote, context)
        if target is None or len(target) == 0:
            result[name] = {
                "label": "neutral",
                "score": 0.0,
                "polarity": 0.0,
                "evidence": "target not found in the statement",
                "source": "none",
            }
            continue
        inside_quote = quote.start <= target.start and target.end <= quote.end
        result[name] = classify_target(doc, target, quote if inside_quote else context)
    return result
