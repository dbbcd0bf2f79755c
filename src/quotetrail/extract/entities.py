"""`about`: the entities a statement's content names, in canonical short form, speaker excluded."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from quotetrail import lexicon
from quotetrail.extract.cast import Cast, group_name, person_name
from quotetrail.extract.segment import entities, text_of
from quotetrail.records import Speaker

ABOUT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW"}


def _canonical(label: str, text: str, cast: Cast) -> str:
    if label == "PERSON":
        return cast.canonical(person_name(text))
    if label in {"NORP", "GPE"}:
        return lexicon.country_of(text) or group_name(text)
    return group_name(text)


KNOWN_NAMES = "quotetrail_known_names"  # the doc's user_data key of `_known_names`


def _known_names(doc: Doc, cast: Cast) -> dict[str, str]:
    """Every entity the article names (as written → canonical); once per doc.

    Headlines in title case ("Taliban Are Our Allies") and short quotes are where the small
    model's NER misses names it finds elsewhere in the same article."""
    key = KNOWN_NAMES
    known = doc.user_data.get(key)
    if known is None:
        known = {}
        for ent in entities(doc):
            name = _canonical(ent.label_, ent.text, cast) if ent.label_ in ABOUT_LABELS else None
            written = re.sub(r"^(?:the|The)\s+", "", ent.text.strip())
            if name and len(written) >= 3 and written not in known:
                known[written] = name
        doc.user_data[key] = known
    return known


@lru_cache(maxsize=4096)
def _whole_word(written: str) -> re.Pattern[str]:
    """`written` as a whole word, in any case when it is four letters or more ("Taliban",
    "TALIBAN"; "BBC" but not "bbc"). Names recur across articles, so each is compiled once."""
    flags = re.IGNORECASE if len(written) >= 4 else 0
    return re.compile(rf"(?<!\w){re.escape(written)}(?!\w)", flags)


def about(doc: Doc, span: tuple[int, int], speaker: Speaker | None, cast: Cast) -> list[str]:
    """Entity names inside `span`, deduplicated in order of appearance, without the speaker:
    those the NER found there, then names the article gives elsewhere that occur in the span.

    A name written inside a longer one is no entity of its own there ("North" and "Korea" in
    "North Korea", "Security Council" in "U.N. Security Council"), and a capitalised name is
    not found in lower case ("State" in "a nuclear state")."""
    start, end = span
    excluded = (
        {speaker.name.casefold(), person_name(speaker.mention).casefold()} if speaker else set()
    )
    found: list[tuple[int, int, str]] = []
    for ent in entities(doc):
        if ent.start_char < start or ent.end_char > end or ent.label_ not in ABOUT_LABELS:
            continue
        found.append((ent.start_char, ent.end_char, _canonical(ent.label_, ent.text, cast)))
    text = text_of(doc)[start:end]
    folded = text.casefold()
    for written, name in _known_names(doc, cast).items():
        if written.casefold() not in folded:  # most names are not in a given quote
            continue
        for match in _whole_word(written).finditer(text):
            if match.group().islower() and not written.islower():
                continue
            found.append((start + match.start(), start + match.end(), name))
            break
    names: list[str] = []
    for lo, hi, name in sorted(found):
        inside = any(a <= lo and hi <= b and b - a > hi - lo for a, b, _ in found)
        if name and not inside and name.casefold() not in excluded and name not in names:
            names.append(name)
    return names


def written_forms(doc: Doc, name: str) -> list[str]:
    """How the article writes the entity `name` when not by that name ("Moscow", "Kremlin" for
    Russia): the names `about` read in it (none for a doc it has not read)."""
    known = doc.user_data.get(KNOWN_NAMES, {})
    return [written for written, canonical in known.items() if canonical == name != written]
