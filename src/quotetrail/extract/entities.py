"""`about`: the entities a statement's content names, in canonical short form, speaker excluded."""

from __future__ import annotations

from spacy.tokens import Doc

from quotetrail.extract.cues import country_of
from quotetrail.extract.segment import entities
from quotetrail.extract.cast import Cast, clean_name, group_name
from quotetrail.records import Speaker

ABOUT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW"}


def _canonical(label: str, text: str, cast: Cast) -> str:
    if label == "PERSON":
        return cast.canonical(clean_name(text))
    if label in {"NORP", "GPE"}:
        return country_of(text) or group_name(text)
    return group_name(text)


def about(doc: Doc, span: tuple[int, int], speaker: Speaker | None, cast: Cast) -> list[str]:
    """Entity names inside `span`, deduplicated in order of appearance, without the speaker."""
    start, end = span
    excluded = {speaker.name.casefold(), clean_name(speaker.mention).casefold()} if speaker else set()
    names: list[str] = []
    for ent in entities(doc):
        if ent.start_char < start or ent.end_char > end or ent.label_ not in ABOUT_LABELS:
            continue
        name = _canonical(ent.label_, ent.text, cast)
        if name and name.casefold() not in excluded and name not in names:
            names.append(name)
    return names
