"""A pipeline component that starts a sentence at every line break, before the parser runs.

The small model often parses a headline, a photo caption and the first paragraph as one
sentence, which hands a caption's photographer the lead's speech verb. A line break in a cleaned
article is always a boundary, so we tell the parser so.
"""

from __future__ import annotations

import bisect

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

COMPONENT = "quotetrail_line_breaks"


@Language.component(COMPONENT)
def line_breaks(doc: Doc) -> Doc:
    """Every line starts a sentence; and a line's first word, when a word follows it on the line,
    ends none ("Ortega said he's …" under a heading: the parser cut after "Ortega" and lost
    the speaker)."""
    line_start = True
    for token in doc:
        if token.is_space:
            line_start = line_start or "\n" in token.text
            continue
        if line_start:
            if token.i > 0:
                token.is_sent_start = True
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if token.is_alpha and following is not None and following.is_alpha:
                following.is_sent_start = False
        line_start = False
    return doc


def with_line_breaks(nlp: Language) -> Language:
    """Add the component before the parser once; returns the same pipeline."""
    if COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser" if "parser" in nlp.pipe_names else None)
    return nlp


def sentence_starts(doc: Doc) -> list[int]:
    """Token index of every sentence start, computed once per doc (`Token.sent` rescans the doc)."""
    cached = doc.user_data.get(COMPONENT)
    if cached is None:
        cached = doc.user_data[COMPONENT] = [sentence.start for sentence in doc.sents]
    return cached


def sentences(doc: Doc) -> list[Span]:
    """The doc's sentences from the cached starts (`Doc.sents` rescans the doc on every call)."""
    starts = sentence_starts(doc)
    return [doc[lo:hi] for lo, hi in zip(starts, [*starts[1:], len(doc)], strict=True)]


def sentence_of(token: Token) -> Span:
    """The sentence holding `token`, by bisection over the cached starts."""
    doc = token.doc
    starts = sentence_starts(doc)
    index = bisect.bisect_right(starts, token.i) - 1
    end = starts[index + 1] if index + 1 < len(starts) else len(doc)
    return doc[starts[index] : end]


def entities(doc: Doc) -> tuple[Span, ...]:
    """The doc's named entities, computed once per doc (`Doc.ents` rebuilds them on every call)."""
    key = COMPONENT + ".ents"
    cached = doc.user_data.get(key)
    if cached is None:
        cached = doc.user_data[key] = tuple(doc.ents)
    return cached


def entity_of(token: Token) -> Span | None:
    """The named entity `token` belongs to, if any."""
    if not token.ent_type_:
        return None
    return next((ent for ent in entities(token.doc) if ent.start <= token.i < ent.end), None)


def text_of(doc: Doc) -> str:
    """The doc's text, computed once per doc (`Doc.text` joins every token on every call)."""
    key = COMPONENT + ".text"
    cached = doc.user_data.get(key)
    if cached is None:
        cached = doc.user_data[key] = doc.text
    return cached
