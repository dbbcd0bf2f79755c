"""A pipeline component that starts a sentence at every line break, before the parser runs.

The small model often parses a headline, a photo caption and the first paragraph as one
sentence, which hands a caption's photographer the lead's speech verb. A line break in a cleaned
article is always a boundary, so we tell the parser so.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "quotetrail_line_breaks"


@Language.component(COMPONENT)
def line_breaks(doc: Doc) -> Doc:
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text and previous.is_space and not token.is_space:
            token.is_sent_start = True
    return doc


def with_line_breaks(nlp: Language) -> Language:
    """Add the component before the parser once; returns the same pipeline."""
    if COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser" if "parser" in nlp.pipe_names else None)
    return nlp
