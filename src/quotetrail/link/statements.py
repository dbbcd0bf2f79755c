"""Statement matching: one statement reported by several articles.

Candidates are blocked by (speaker entity, day said), the day on either side included, so a new
statement is compared only with the few the same person made around the same day. Two are the
same statement, most specific reason first, when
  shared wording   their content words overlap enough (verbatim or partly quoted);
  paraphrase       inside one story (same event, same speaker, same day) the paraphrase still
                   shares a little of what it says (lower-case words: the names every statement
                   of a story shares do not count);
  same occasion    inside one story, the same speaker on the same stated day: two outlets'
                   accounts of one press conference ("You cannot impose standards…" in one,
                   "the world must now accept the realities" in another) — the remarks of one
                   occasion, carried by both.
The reason goes with every link, so a reader can weigh "carried by" accordingly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from spacy.lang.en.stop_words import STOP_WORDS

from quotetrail.records import SAME_OCCASION

OVERLAP = 0.5  # containment of the shorter statement's content words in the longer one
STORY_OVERLAP = 0.15  # the same, when both articles belong to one story
MIN_SHARED = 2  # shared words needed before the overlap counts at all
_WORD = re.compile(r"[^\W\d_][\w'-]*", re.UNICODE)


@dataclass
class Claim:
    """A statement as matching sees it."""

    id: str
    article_id: str
    entity_id: str
    day: str | None  # ISO date said (or published)
    text: str
    story_id: str | None = None

    @cached_property
    def words(self) -> set[str]:
        """Its content words, worked out once: a busy speaker's claim meets many others."""
        return content_words(self.text)

    @cached_property
    def common(self) -> set[str]:
        """Its lower-case content words (`common_words`), worked out once too."""
        return common_words(self.text)


@dataclass
class Link:
    statement_id: str
    other_id: str
    score: float
    reason: str


def block_key(entity_id: str, day: str | None) -> str:
    return f"{entity_id}|{day or '-'}"


def day_of(block: str) -> str | None:
    day = block.rsplit("|", 1)[1]
    return None if day == "-" else day


def lookup_keys(entity_id: str, day: str | None) -> list[str]:
    """The blocks a statement's twins may sit in: its day and the days either side."""
    if not day:
        return [block_key(entity_id, None)]
    said = date.fromisoformat(day[:10])
    return [block_key(entity_id, (said + timedelta(days=d)).isoformat()) for d in (-1, 0, 1)]


def content_words(text: str) -> set[str]:
    return {
        w
        for w in (m.group().casefold() for m in _WORD.finditer(text))
        if len(w) > 2 and w not in STOP_WORDS
    }


def common_words(text: str) -> set[str]:
    """Content words written in lower case: what a statement says, not whom it names (every
    statement of one story names the same people and places)."""
    return {
        w
        for w in (m.group() for m in _WORD.finditer(text))
        if w[0].islower() and len(w) > 2 and w not in STOP_WORDS
    }


def containment(wa: set[str], wb: set[str], min_shared: int) -> float:
    """Share of the smaller word set found in the other; 0 below `min_shared` shared words."""
    shared = len(wa & wb)
    return shared / min(len(wa), len(wb)) if shared >= min_shared else 0.0


def overlap(a: Claim, b: Claim) -> float:
    """Containment of content words, needing MIN_SHARED of them (one shared word, often the
    target's name, is chance)."""
    return containment(a.words, b.words, MIN_SHARED)


def match(new: Sequence[Claim], known: Iterable[Claim]) -> list[Link]:
    """Links between each new claim and earlier claims (stored or earlier in `new`)."""
    pool: dict[str, list[Claim]] = {}
    for claim in known:
        pool.setdefault(block_key(claim.entity_id, claim.day), []).append(claim)
    links: list[Link] = []
    for claim in new:
        for key in lookup_keys(claim.entity_id, claim.day):
            for other in pool.get(key, []):
                link = _compare(claim, other)
                if link:
                    links.append(link)
        pool.setdefault(block_key(claim.entity_id, claim.day), []).append(claim)
    return links


def _compare(claim: Claim, other: Claim) -> Link | None:
    if other.article_id == claim.article_id or other.id == claim.id:
        return None
    score = overlap(claim, other)
    if score >= OVERLAP:
        return Link(claim.id, other.id, score, "shared wording")
    if claim.story_id and claim.story_id == other.story_id:
        said = containment(claim.common, other.common, 1)
        if said >= STORY_OVERLAP:
            return Link(claim.id, other.id, said, "paraphrase: same story, speaker and day")
        if claim.day and claim.day == other.day:
            return Link(claim.id, other.id, said, SAME_OCCASION)
    return None
