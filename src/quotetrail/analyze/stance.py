"""Stance of a statement's speaker toward each target it is about: support, oppose, neutral,
or unrated when the statement says nothing the target can be found in.

Two sources of evidence, combined log-linearly (`combine`):
- a trained model: the learned one (`minilm.py`, MiniLM fine-tuned on NewsMTSC, run with
  onnxruntime) when it is shipped and onnxruntime is installed, else the light one
  (`model.py`: logistic regression over target-dependent features, `features.py`);
- stance cues on the parse (`rules.py`): stance verbs and nouns (ally, recognise, terrorist,
  condemn …) that bear on the target, with negation ("no intention of supporting X").
A cue that bears on the target adds RULE_WEIGHT to its class's log-odds: it outvotes the model
unless the model is very sure of the opposite, and the cue is then the evidence.
Words the speaker holds at arm's length — in scare quotes or after "so-called" — are irony, not
support: a stance they decide is marked (`irony`), read as neutral and scored lower.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc, Span

from quotetrail.analyze import embedding, minilm, static, targets
from quotetrail.analyze.features import is_negated, target_features, tree_path
from quotetrail.analyze.model import LinearModel, load_model, softmax
from quotetrail.analyze.rules import Cue, cues_for, decide, label_tokens
from quotetrail.extract.entities import written_forms
from quotetrail.extract.segment import sentence_of, text_of
from quotetrail.lexicon import stance_cues, valence, words
from quotetrail.records import QUESTIONER, StatementKind

RULE_WEIGHT = 3.0  # log-odds a stance cue adds to its label
PREDICATION_WEIGHT = 6.0  # … when it names what the target is ("X are our allies"): it decides
RULE_LABEL = {1: "support", -1: "oppose"}
SIGN = {"support": 1, "oppose": -1}


LEARNED, LIGHT = "minilm-int8", "light"


def model_name() -> str:
    """The model that judges stance in this process (named in `eval stance` output)."""
    return LEARNED if minilm.enabled() else LIGHT


def learned_scores(
    pairs: list[tuple[Span, Span]], reported: list[bool] | None = None
) -> list[dict[str, float]]:
    """The learned model's logits per (context, target), in one batch; in reported speech
    (`reported`) the model reads the context without the reporter's labels of the target."""
    texts = [
        _model_text(context, target, label_tokens(target) if reported and reported[n] else set())
        for n, (context, target) in enumerate(pairs)
    ]
    return [dict(zip(minilm.LABELS, row, strict=True)) for row in minilm.logits(texts)]


def _model_text(context: Span, target: Span, dropped: set[int]) -> str:
    """The context as the model reads it, the target marked, without the tokens `dropped`
    (rebuilt token by token only when there are any)."""
    if not dropped:
        offset = context.start_char
        return minilm.mark(context.text, target.start_char - offset, target.end_char - offset)
    pieces, start, end = [], 0, 0
    for token in context:
        if token.i == target.start:
            start = sum(map(len, pieces))
        if token.i not in dropped:
            pieces.append(token.text_with_ws)
        if token.i == target.end - 1:
            end = sum(map(len, pieces)) - len(token.whitespace_)
    return minilm.mark("".join(pieces).rstrip(), start, end)


def classify_target(
    doc: Doc,
    target: Span,
    context: Span | None = None,
    learned: dict[str, float] | None = None,
    model: str | None = None,
    reported: bool = False,
) -> dict[str, Any]:
    """Label, score (probability of the label), polarity (P(support) − P(oppose)) and evidence,
    by `model` (default: `model_name()`); `learned` is the learned model's logits when the
    caller batched them; `reported`: the context is reported speech, whose labels of the target
    are the reporter's."""
    context = (
        context
        if context is not None
        else sentence_of(target[0])
        if doc.has_annotation("SENT_START")
        else doc[:]
    )
    if (model or model_name()) == LEARNED:
        learned = learned or learned_scores([(context, target)])[0]
        scores, reasons = learned, []
    else:
        learned = None
        light, feats = _model_and_features(context, target)
        scores = dict(zip(light.classes, light.scores(feats), strict=True))
    cue = decide(cues_for(context, target, reported))
    proba = combine(scores, cue)
    label = max(proba, key=proba.get)
    if cue is not None and RULE_LABEL[cue.polarity] == label:
        evidence = cue.phrase
    else:
        if learned is None:
            reasons = light.reasons(feats, label, n=6)
        evidence = _sentiment_words(context, target, SIGN.get(label, 0)) or "; ".join(
            dict.fromkeys(filter(None, (_readable(name) for name in reasons)))
        )
    entry = {
        "label": label,
        "score": round(proba[label], 3),
        "polarity": round(proba["support"] - proba["oppose"], 3),
        "evidence": evidence,
        "source": "cue" if cue is not None and RULE_LABEL[cue.polarity] == label else "model",
    }
    return _irony(entry, context, target)


def _irony(entry: dict[str, Any], context: Span, target: Span) -> dict[str, Any]:
    """A support or oppose that words held at arm's length (scare quotes, "so-called") lean
    toward is marked, read as neutral and scored at most IRONY_SCORE."""
    sign = SIGN.get(entry["label"], 0)
    held = _held_at_distance(context, target, sign) if sign else []
    if not held:
        return entry
    return entry | {
        "label": "neutral",
        "score": round(min(entry["score"], IRONY_SCORE), 3),
        "polarity": round(entry["polarity"] / 2, 3),
        "irony": "; ".join(held),
    }


IRONY_SCORE = 0.4
QUOTED = re.compile(r"""(?<![\w'’])(['‘"“])([^'‘’"“”\n]{1,40}?)(['’"”])(?![\w'’])""")
SO_CALLED = re.compile(r"(?i)\bso[- ]called\s+([\w-]+)")


SAID_OF = (["^nsubj", "vacomp"], ["^nsubj", "vattr"], ["vamod"], ["vappos"], ["^appos"])


def _held_at_distance(context: Span, target: Span, sign: int) -> list[str]:
    """Words leaning the way of `sign`, said of the target (its predicate or modifier: "the
    Taliban are ‘democratic’", "our so-called friends the Taliban") and held at arm's length:
    in scare quotes (a short quoted phrase, 1–3 words) or after "so-called". A quoted word that
    is not said of the target is a partial quote, not irony."""
    doc = context.doc
    around = (
        doc[sentence_of(context[0]).start : sentence_of(context[-1]).end]
        if len(context) and doc.has_annotation("SENT_START")
        else context
    )
    text, offset = around.text, around.start_char
    phrases = [
        (m.start(2), m.end(2), f"scare quotes: {m.group(0)}")
        for m in QUOTED.finditer(text)
        if 1 <= len(m.group(2).split()) <= 3
    ]
    phrases += [(m.start(1), m.end(1), m.group(0)) for m in SO_CALLED.finditer(text)]
    found = []
    for lo, hi, shown in phrases:
        span = doc.char_span(offset + lo, offset + hi, alignment_mode="expand")
        if (
            span is not None
            and context.start_char <= span.start_char < context.end_char
            and not (span.start < target.end and target.start < span.end)
            and _signed(span.text, sign)
            and any(tree_path(target.root, token) in SAID_OF for token in span)
        ):
            found.append(shown)
    return found


def _signed(phrase: str, sign: int) -> bool:
    """Some word of `phrase` leans the way of `sign` (+1 positive, −1 negative)."""
    return any(
        (valence(word) or stance_cues().get(word.lower(), (0, ""))[0]) * sign > 0
        for word in re.findall(r"[\w-]+", phrase)
    )


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
        value = valence(token.text, token.lemma_)
        value *= -1 if value and is_negated(token) else 1
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


def classify_offsets(items: list[tuple[Doc, int, int]], model: str) -> list[str]:
    """The combined label by `model` for each target at [start, end) of a one-sentence doc,
    the learned model run once on all of them (for evaluation)."""
    found = [(doc, locate_offsets(doc, start, end)) for doc, start, end in items]
    pairs = [(doc[:], target) for doc, target in found if target is not None]
    learned = iter(learned_scores(pairs) if model == LEARNED and pairs else [])
    return [
        classify_target(doc, target, doc[:], next(learned, None), model)["label"]
        if target is not None
        else "neutral"
        for doc, target in found
    ]


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
    """The target in the quote (by its name, or as the article writes it: "Moscow" for
    Russia), else an anaphor in the quote, else the target in the context."""
    names = [name, *written_forms(doc, name)]
    found = _find_any(text_of(doc), names, quote.start_char, quote.end_char)
    if found is None:
        anaphor = _anaphor(quote)
        if anaphor is not None:
            return anaphor
        found = _find_any(text_of(doc), names, context.start_char, context.end_char)
    return doc.char_span(*found, alignment_mode="expand") if found else None


def _find_any(text: str, names: list[str], lo: int, hi: int) -> tuple[int, int] | None:
    """`_find` of the first of `names` that occurs in text[lo:hi]."""
    return next(filter(None, (_find(text, n, lo, hi) for n in names)), None)


def _context(doc: Doc, lo: int, hi: int) -> Span:
    span = doc.char_span(lo, hi, alignment_mode="expand")
    if span is None or not doc.has_annotation("SENT_START"):
        return doc[:] if span is None else span
    return doc[sentence_of(span[0]).start : sentence_of(span[-1]).end]


UNRATED = {
    "label": "unrated",
    "score": 0.0,
    "polarity": 0.0,
    "evidence": "target not found in the statement",
    "source": "none",
}
ASKED = UNRATED | {"evidence": "who asks takes no position"}  # a transcript's questioner


def _excluded(statement: Any) -> set[str]:
    """The speaker's own names and side: what a description in their words never stands for."""
    speaker = statement.speaker
    if speaker is None:
        return set()
    names = (speaker.name, speaker.affiliation, speaker.resolved_affiliation)
    return {name.casefold() for name in names if name}


REPORTED = (StatementKind.indirect, StatementKind.mixed, StatementKind.act)


def _background(statement: Any, target: Span, quote: Span) -> Span | None:
    """The scene-setting clause of reported speech the target stands in ("…, after the Taliban
    took over the country"; "Afghanistan, which has fallen to the Taliban"): the reporter's
    framing, not what the speaker said of the target."""
    if statement.kind not in REPORTED:
        return None
    doc = target.doc
    for token in [target.root, *target.root.ancestors]:
        if token.i < quote.start or token.i >= quote.end:
            return None
        marks = [c for c in token.children if c.dep_ == "mark"]
        temporal = token.dep_ == "advcl" and any(
            m.lower_ in words().background_marks for m in marks
        )
        aside = (
            token.dep_ == "relcl"
            and token.left_edge.i > 0
            and doc[token.left_edge.i - 1].text == ","
        )
        if temporal or aside:
            return doc[token.left_edge.i : token.right_edge.i + 1]
    return None


def stances_for(statements: list[Any], doc: Doc) -> list[dict[str, dict[str, Any]]]:
    """`stance_for` for every statement of one document, the learned model run once on all of
    their targets. The keys are the statement's targets as entities: `about`, with the groups
    that descriptions in the quote stand for ("the group", "the new Afghan authorities" → the
    Taliban; `targets.py`), each such entry naming the words that tied it (`via`). Who asks in a
    transcript takes no position: a questioner's turn leaves its targets unrated."""
    found = []  # (statement index, name, target, context, via)
    results: list[dict[str, dict[str, Any]]] = []
    for index, statement in enumerate(statements):
        quote_lo, quote_hi = statement.span
        context = _context(doc, quote_lo, quote_hi)
        quote = doc.char_span(quote_lo, quote_hi, alignment_mode="expand") or context
        own = _excluded(statement)
        about, ties = targets.resolve(list(statement.about), quote, own)
        asks = statement.speaker is not None and statement.speaker.kind == QUESTIONER
        results.append(dict.fromkeys(about, ASKED if asks else UNRATED))
        if asks:  # "Will you recognise X?" backs no one
            continue
        for name in about:
            if name.casefold() in own:  # "Moscow will …" said by Lavrov: his side, no stance
                results[index][name] = UNRATED | {"evidence": "the speaker's own side"}
                continue
            tied = ties.get(name)
            target = tied.span if tied else _locate(doc, name, quote, context)
            if target is None or not len(target):
                continue
            background = _background(statement, target, quote)
            if background is not None:
                results[index][name] = UNRATED | {
                    "evidence": f"named only in the reporter's framing: “{background.text}”"
                }
                continue
            inside = quote.start <= target.start and target.end <= quote.end
            # an act is judged on its sentence: the act itself ("condemned") is the stance
            own_words = inside and statement.kind != StatementKind.act
            via = tied.evidence if tied else None
            found.append((index, name, target, quote if own_words else context, via))
    model = model_name()
    learned = (
        learned_scores(
            [(context, target) for _, _, target, context, _ in found],
            [statements[index].kind in REPORTED for index, *_ in found],
        )
        if found and model == LEARNED
        else [None] * len(found)
    )
    for (index, name, target, context, via), scores in zip(found, learned, strict=True):
        reported = statements[index].kind in REPORTED
        entry = classify_target(doc, target, context, scores, model, reported)
        entry["mention"] = target.text  # the words judged as the target
        results[index][name] = entry | {"via": via} if via else entry
    return results


def stance_for(statement: Any, doc: Doc | None) -> dict[str, dict[str, Any]]:
    """{target: {label, score, polarity, evidence, source, mention}} for each target in
    `statement.about` (and each group a description in the quote stands for, with `via`).

    The target is looked for in the quote, then through the quote's first anaphor ("the group",
    "they"), then in the sentence(s) around it; found nowhere, the statement says nothing on it
    that can be read: unrated. A target inside the quote is judged on the quote alone: the
    reporter's framing around it ("Although the group is banned, Putin said …") is not the
    speaker's stance.
    """
    if doc is None:
        from quotetrail.nlp import load_pipeline

        doc = load_pipeline()(statement.sentence or statement.quote)
        statement = replace(statement, span=(0, len(text_of(doc))))
    return stances_for([statement], doc)[0]
