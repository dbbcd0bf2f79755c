"""The speech-cue lexicon and the place tables, kept as data (cues.json, places.json).

Rules elsewhere ask questions of these tables ("is this lemma a speech verb?", "which country does
'Moscow' stand for?") so that growing the lexicon never means touching the rules.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Lexicon:
    verbs: frozenset[str]  # lemmas of speech-act verbs
    need_content: frozenset[str]  # verbs that are speech cues only with a content clause or object
    object_content: frozenset[str]  # verbs whose object (not only a that-clause) is what was said
    object_preps: frozenset[
        str
    ]  # prepositions that introduce said content: "called for", "warned of"
    nominal: frozenset[str]  # nouns that name a statement: "remarks", "statement"
    speaker_nouns: frozenset[str]  # head nouns that can name a speaker: "minister", "police"
    organization_nouns: frozenset[str]  # speaker nouns that name a body, not a person: "ministry"
    document_nouns: frozenset[str]  # "the report says": a document speaks for its author
    publishing_verbs: frozenset[str]  # "a study released by X": X is its author (not "obtained by")
    role_synonyms: dict[str, tuple[str, ...]]  # "diplomat" -> roles a diplomat may hold
    link_labels: frozenset[str]  # "READ MORE: …", "Also on rt.com …": a link line, not a statement
    question_words: frozenset[str]  # "did not say why …": content that is a question, not a claim
    proposal_verbs: frozenset[
        str
    ]  # "urged X to …", "called for …": what they ask for is the content


@dataclass(frozen=True)
class Places:
    capitals: dict[str, str]  # seats of government standing for their country: Moscow -> Russia
    demonyms: dict[str, str]  # adjectives and short forms: Russian -> Russia
    aliases: dict[str, str]  # surface forms to canonical short names: "the Kremlin" -> Kremlin


def _load(name: str) -> dict:
    return json.loads(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = _load("cues.json")
    return Lexicon(
        verbs=frozenset(data["verbs"]),
        need_content=frozenset(data["need_content"]),
        object_content=frozenset(data["object_content"]),
        object_preps=frozenset(data["object_preps"]),
        nominal=frozenset(data["nominal"]),
        speaker_nouns=frozenset(data["speaker_nouns"]),
        organization_nouns=frozenset(data["organization_nouns"]),
        document_nouns=frozenset(data["document_nouns"]),
        publishing_verbs=frozenset(data["publishing_verbs"]),
        role_synonyms={key: tuple(values) for key, values in data["role_synonyms"].items()},
        link_labels=frozenset(data["link_labels"]),
        question_words=frozenset(data["question_words"]),
        proposal_verbs=frozenset(data["proposal_verbs"]),
    )


@lru_cache(maxsize=1)
def places() -> Places:
    data = _load("places.json")
    return Places(capitals=data["capitals"], demonyms=data["demonyms"], aliases=data["aliases"])


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    table = places()
    return frozenset(table.capitals.values()) | frozenset(table.demonyms.values())


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """First name -> "m"/"f" where nearly everyone so named is one sex (built by scripts/build_first_names.py)."""
    text = resources.files(__package__).joinpath("first_names.tsv").read_text(encoding="utf-8")
    return dict(line.split("\t") for line in text.splitlines() if "\t" in line)


def country_of(name: str) -> str | None:
    """The country a place, seat of government or demonym stands for, if the tables know it."""
    table = places()
    bare = name.removeprefix("the ").removeprefix("The ").removesuffix("'s").removesuffix("’s")
    if bare.isupper() and len(bare) > 3:  # "RUSSIA", "MOSCOW" in datelines and shouting leads
        bare = bare.title()
    found = table.capitals.get(bare) or table.demonyms.get(bare) or table.demonyms.get(name)
    return found or (bare if bare in countries() else None)
