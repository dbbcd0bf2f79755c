"""Extraction: from one cleaned article and its parse, the statements and entity mentions."""

from __future__ import annotations

from spacy.tokens import Doc

from quotetrail.records import Article, Mention, Statement

MENTION_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW"}


def extract_mentions(doc: Doc) -> list[Mention]:
    return [
        Mention(text=ent.text, label=ent.label_, start=ent.start_char, end=ent.end_char)
        for ent in doc.ents
        if ent.label_ in MENTION_LABELS
    ]


def extract_statements(article: Article, doc: Doc) -> list[Statement]:
    """Every statement in `article`; `doc` is the spaCy parse of `article.text`."""
    return []
