"""A pipeline component that repairs the small model's entity spans, after the NER has run.

The NER sometimes takes a word that the tagger reads as anything but a name: an emphasised
"NOT" in a headline ("Russia will NOT send…", tagged ORG while the parser reads it as a
negation), or it runs a name into the symbol after it ("Afghanistan &") or into a bracketed
abbreviation without its closing bracket ("Islamic State of Khorasan (ISK"). Each would become
a target in `about`, a stance key and an entity of its own. The tagger and parser see these
tokens correctly, so their reading decides: edge tokens that are punctuation, symbols or
conjunctions are trimmed off, a name ends before a bracket it does not close, and a name left
with no name-like word is dropped.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

COMPONENT = "quotetrail_entity_spans"
EDGE_POS = frozenset({"PUNCT", "SYM", "CCONJ"})  # never the first or last word of a name
NAME_POS = frozenset({"PROPN", "NOUN", "NUM", "ADJ", "X"})  # a name needs one of these
OPENING, CLOSING = frozenset("([{"), frozenset(")]}")
NAME_LABELS = frozenset(
    {
        "PERSON",
        "NORP",
        "FAC",
        "ORG",
        "GPE",
        "LOC",
        "PRODUCT",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
    }
)


def _trimmed(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and doc[start].pos_ in EDGE_POS:
        start += 1
    while end > start and doc[end - 1].pos_ in EDGE_POS:
        end -= 1
    return start, end


def repaired(ent: Span) -> Span | None:
    """`ent` without punctuation, symbols or conjunctions at its edges; None for a name (not a
    date or a quantity) no word of which can be part of one."""
    doc = ent.doc
    start, end = _trimmed(doc, ent.start, ent.end)
    opened = [i for i in range(start, end) if doc[i].text in OPENING]
    if opened and not any(doc[i].text in CLOSING for i in range(opened[-1], end)):
        start, end = _trimmed(
            doc, start, opened[-1]
        )  # "Islamic State of Khorasan (ISK" ends before "("
    if start == end or (
        ent.label_ in NAME_LABELS and not any(doc[i].pos_ in NAME_POS for i in range(start, end))
    ):
        return None
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(doc, start, end, label=ent.label_, kb_id=ent.kb_id_)


@Language.component(COMPONENT)
def repair_entities(doc: Doc) -> Doc:
    kept = [span for span in map(repaired, doc.ents) if span is not None]
    if len(kept) != len(doc.ents) or any(a is not b for a, b in zip(kept, doc.ents, strict=True)):
        doc.set_ents(kept, default="outside")
    return doc


def with_entity_repair(nlp: Language) -> Language:
    """Add the component after the NER once (where a pipeline has one); returns the pipeline."""
    if COMPONENT not in nlp.pipe_names and "ner" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="ner")
    return nlp
