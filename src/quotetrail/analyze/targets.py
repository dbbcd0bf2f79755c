"""Who a statement is about, as entities: a description the article ties to a group counts as
that group.

Articles name a group once and then describe it: "the group", "the movement", "the militants",
"the new Afghan authorities", "Kabul's new rulers". A definite description of that kind in a
statement stands for the group the article named last before it — among the groups it names
at least twice before it or in the description's own sentence (a news agency cited once is no
candidate), never the speaker's own side; one with a place in it ("Afghan", "Kabul's") only for
a group the article names in a sentence with that place. The place inside such a
description is then no target of its own: "the new Afghan authorities have restored order" is
about the Taliban, not Afghanistan. Each tie keeps the words that made it (`Tie.evidence`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from quotetrail import lexicon
from quotetrail.extract.cast import group_name
from quotetrail.extract.segment import entities, sentence_of, sentences, text_of
from quotetrail.lexicon import words

GROUP_LABELS = frozenset({"ORG", "NORP"})
PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})
PRONOUNS = frozenset({"they", "them", "it"})


@dataclass(frozen=True)
class Tie:
    name: str  # the group, as `about` names it
    span: Span  # the description in the statement
    evidence: str  # the words that tied them


def _heads() -> frozenset[str]:
    return words().target_anaphors - PRONOUNS


def _entity_name(ent: Span) -> str | None:
    """An entity as `about` names it (a country for places and demonyms, else the group)."""
    return lexicon.country_of(ent.text) or group_name(ent.text) or None


def descriptions(region: Span) -> list[Span]:
    """Definite descriptions of a group in `region`: a head noun from the lexicon's target
    anaphors with "the" or a possessive, and the words between ("the new Afghan authorities")."""
    found = []
    for token in region:
        if token.pos_ not in ("NOUN", "PROPN") or token.lower_ not in _heads():
            continue
        determiners = [
            child
            for child in token.children
            if child.i < token.i and (child.dep_ == "poss" or child.lower_ == "the")
        ]
        if determiners:
            start = max(min(child.left_edge.i for child in determiners), region.start)
            description = region.doc[start : token.i + 1]
            if not _names_a_group(description):
                found.append(description)
    return found


def _names_a_group(span: Span) -> bool:
    """The description names its group itself ("the Taliban movement"; a place is no group)."""
    return any(
        ent.label_ in GROUP_LABELS
        and span.start <= ent.start < span.end
        and not lexicon.country_of(ent.text)
        for ent in entities(span.doc)
    )


def _places_in(description: Span) -> set[str]:
    return {
        name
        for ent in entities(description.doc)
        if ent.label_ in PLACE_LABELS
        and description.start <= ent.start < description.end
        and (name := lexicon.country_of(ent.text))
    }


def _groups_before(doc: Doc, before: int) -> list[tuple[Token, str]]:
    """Each mention of a group (not a country) before token `before`: (its first token, name)."""
    return [
        (ent[0], name)
        for ent in entities(doc)
        if ent.label_ in GROUP_LABELS
        and ent.end <= before
        and not lexicon.country_of(ent.text)
        and (name := _entity_name(ent))
    ]


def _with_place(doc: Doc, group: str, places: set[str]) -> bool:
    """The article names `group` in a sentence that names one of `places`."""
    for sentence in sentences(doc):
        names = {_entity_name(ent) for ent in sentence.ents}
        if group in names and names & places:
            return True
    return False


def tie(description: Span, excluded: set[str]) -> Tie | None:
    """The group `description` stands for, or None when the article names none it could be."""
    doc = description.doc
    sentence = sentence_of(description[0])
    mentions = [
        (token, name)
        for token, name in _groups_before(doc, description.start)
        if name.casefold() not in excluded
    ]
    counts = Counter(name for _, name in mentions)
    places = _places_in(description)
    for token, name in reversed(mentions):
        if (counts[name] >= 2 or token.i >= sentence.start) and (
            not places or _with_place(doc, name, places)
        ):
            lo, hi = max(0, token.idx - 60), min(len(text_of(doc)), token.idx + len(token) + 60)
            window = " ".join(text_of(doc)[lo:hi].split())
            return Tie(
                name,
                description,
                f"“{description.text}” = {name}, the group the article named last before it "
                f"(“…{window}…”)",
            )
    return None


def resolve(about: list[str], region: Span, excluded: set[str]) -> tuple[list[str], dict[str, Tie]]:
    """`about` with the groups that descriptions in `region` stand for added, and the places
    that only occur inside those descriptions removed; the tie of each added group."""
    found: dict[str, Tie] = {}
    for description in descriptions(region):
        tied = tie(description, excluded)
        if tied is not None:
            found.setdefault(tied.name, tied)
    ties = {name: tied for name, tied in found.items() if not _named(about, name)}
    inside = {place for tied in found.values() for place in _places_in(tied.span)}
    spans = [tied.span for tied in found.values()]
    kept = [name for name in about if name not in inside or _named_outside(region, name, spans)]
    return kept + [name for name in ties if name not in kept], ties


def _named(about: list[str], name: str) -> bool:
    folded = name.casefold()
    return any(folded in other.casefold() or other.casefold() in folded for other in about)


def _named_outside(region: Span, place: str, spans: list[Span]) -> bool:
    """`place` is named in `region` somewhere other than inside one of `spans`."""
    for ent in entities(region.doc):
        if (
            region.start <= ent.start < region.end
            and lexicon.country_of(ent.text) == place
            and not any(span.start <= ent.start < span.end for span in spans)
        ):
            return True
    return False
