"""Names: folding the ways articles write one person into comparable keys.

A person is written "Vladimir Putin", "Putin", "President Putin", "Mr. Putin": the title words
the lexicon knows are dropped, accents and case folded (`lexicon.fold`). A state is written
"Russia", "Russian", "Moscow", "the Kremlin": `lexicon.actor_of` reads the lexicon's place table.
"""

from __future__ import annotations

import re
from functools import lru_cache

from quotetrail import lexicon

_TOKEN = re.compile(r"[^\W_][\w'’.-]*", re.UNICODE)


def name_tokens(name: str) -> list[str]:
    """The words of a person's name, titles and honorifics dropped ("Mr. Putin" → ["putin"])."""
    return list(_name_tokens(name))


@lru_cache(maxsize=200_000)
def _name_tokens(name: str) -> tuple[str, ...]:
    words = (lexicon.fold(token).strip(".") for token in _TOKEN.findall(name))
    titles = lexicon.title_words()
    return tuple(word for word in words if word and word != "the" and word not in titles)


def surname(name: str) -> str | None:
    tokens = _name_tokens(name)
    return tokens[-1] if tokens else None


def given_names(name: str) -> list[str]:
    return list(_name_tokens(name)[:-1])


def role_key(role: str | None, affiliation: str | None) -> str | None:
    """A role held in one body names one person at a time: "president|russia"."""
    if not role or not affiliation:
        return None
    fold = lexicon.fold
    return f"{fold(role)}|{fold(lexicon.actor_of(affiliation) or affiliation)}"
