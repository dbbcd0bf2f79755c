"""The entity-span repair component: the tagger's reading trims and drops what the NER misread."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from quotetrail.extract.entity_spans import COMPONENT, repair_entities
from quotetrail.nlp import load_pipeline


def _doc(tagged: str, ents: list[str]) -> Doc:
    """A doc from "word/POS" pairs, with entities given as IOB tags."""
    words, pos = zip(*(pair.rsplit("/", 1) for pair in tagged.split()), strict=True)
    return Doc(Vocab(), words=list(words), pos=list(pos), ents=ents)


@pytest.mark.parametrize(
    ("tagged", "ents", "expected"),
    [
        # an emphasised negation the NER took for an organisation: dropped
        (
            "Russia/PROPN will/AUX NOT/PART send/VERB troops/NOUN",
            ["B-GPE", "O", "B-ORG", "O", "O"],
            [("Russia", "GPE")],
        ),
        # a name run into the symbol and the conjunction after it: trimmed
        (
            "to/ADP Afghanistan/PROPN &/CCONJ has/VERB",
            ["O", "B-ORG", "I-ORG", "O"],
            [("Afghanistan", "ORG")],
        ),
        (
            "the/DET Islamic/PROPN State/PROPN (/PUNCT ISK/PROPN )/PUNCT",
            ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"],
            [("Islamic State", "ORG")],
        ),  # the name stops before a bracket it does not close
        (
            "Lashkar/PROPN (/PUNCT LeT/PROPN )/PUNCT",
            ["B-ORG", "I-ORG", "I-ORG", "I-ORG"],
            [("Lashkar", "ORG")],
        ),  # trimmed, the bracket is left open
        (
            "“/PUNCT Taliban/PROPN ”/PUNCT said/VERB",
            ["B-ORG", "I-ORG", "I-ORG", "O"],
            [("Taliban", "ORG")],
        ),
        # names of common words and acronyms stay; a date needs no name-like word
        ("The/DET WHO/PROPN said/VERB", ["O", "B-ORG", "O"], [("WHO", "ORG")]),
        ("the/DET Afghan/ADJ government/NOUN", ["O", "B-NORP", "O"], [("Afghan", "NORP")]),
        ("he/PRON spoke/VERB recently/ADV", ["O", "O", "B-DATE"], [("recently", "DATE")]),
        # nothing left once trimmed
        ("a/DET &/CCONJ b/X", ["O", "B-ORG", "O"], []),
    ],
)
def test_entity_spans_follow_the_tagger(tagged, ents, expected):
    doc = repair_entities(_doc(tagged, ents))
    assert [(ent.text, ent.label_) for ent in doc.ents] == expected
    kept = {token.i for ent in doc.ents for token in ent}
    assert all(
        bool(token.ent_type_) == (token.i in kept) for token in doc
    )  # tokens agree with the spans


def test_entity_spans_run_in_the_shared_pipeline():
    nlp = load_pipeline()
    assert nlp.pipe_names.index(COMPONENT) == nlp.pipe_names.index("ner") + 1
