"""Names: folding the ways articles write one actor into comparable keys.

A person is written "Vladimir Putin", "Putin", "President Putin", "Mr. Putin"; a state is
written "Russia", "Russian", "Moscow", "the Kremlin" (metonymy: the capital or seat of
government speaking for the country). `places.tsv` is the small table behind the second.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

from quotetrail.extract.cues import lexicon

# Words that are titles or honorifics, never part of a person's name.
TITLES = frozenset(
    ["mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "president", "vice", "prime", "minister", "foreign", "deputy", "secretary", "general", "chancellor", "king", "queen", "prince", "sheikh", "emir", "sen", "senator", "rep", "gov", "governor", "mayor", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "chairman", "chief", "commander", "gen", "col", "lt", "adm", "pope", "the", "special", "presidential", "representative", "former", "acting"]
)
_TOKEN = re.compile(r"[^\W_][\w'’.-]*", re.UNICODE)


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Case-, accent- and spacing-insensitive form of a name."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().replace("’", "'").split())


_EDGE = re.compile(r"^[\W_]+|(?:['’]s)?[\W_]*$", re.UNICODE)


def clean_name(name: str) -> str:
    """A name as an entity alias: spacing normalised, possessive and stray edge punctuation
    dropped ("Anthony Blinken’s" → "Anthony Blinken", "& Taliban" → "Taliban"), and a speech
    verb that a title-case headline let the tagger join to it ("Putin Says" → "Putin")."""
    words = _EDGE.sub("", " ".join(name.split())).split(" ")
    if len(words) > 1 and _is_speech_verb(words[-1]):
        words = words[:-1]
    return _EDGE.sub("", " ".join(words))


_IRREGULAR = {"said": "say", "told": "tell", "wrote": "write", "spoke": "speak"}


def _is_speech_verb(word: str) -> bool:
    lower = word.casefold()
    verbs = lexicon().verbs
    if _IRREGULAR.get(lower) in verbs:
        return True
    return any(
        lower.endswith(ending) and lower[: len(lower) - len(ending)] in verbs
        for ending in ("s", "es", "ed", "d")
    )


@lru_cache(maxsize=1)
def place_table() -> dict[str, str]:
    """Folded alias → canonical actor, from places.tsv."""
    text = (
        resources.files("quotetrail.link").joinpath("data/places.tsv").read_text(encoding="utf-8")
    )
    table = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            alias, canonical = line.split("\t")[:2]
            table[fold(alias)] = canonical
    return table


def actor_of(name: str | None) -> str | None:
    """The country or body a place/organisation name stands for ("the Kremlin" → "Russia")."""
    if not name:
        return None
    key = fold(name)
    table = place_table()
    return table.get(key) or table.get(key.removeprefix("the "))


def name_tokens(name: str) -> list[str]:
    """The words of a person's name, titles and honorifics dropped ("Mr. Putin" → ["putin"])."""
    return list(_name_tokens(name))


@lru_cache(maxsize=200_000)
def _name_tokens(name: str) -> tuple[str, ...]:
    words = (fold(token).strip(".") for token in _TOKEN.findall(name))
    return tuple(word for word in words if word and word not in TITLES)


def surname(name: str) -> str | None:
    tokens = name_tokens(name)
    return tokens[-1] if tokens else None


def given_names(name: str) -> list[str]:
    return name_tokens(name)[:-1]


def role_key(role: str | None, affiliation: str | None) -> str | None:
    """A role held in one body names one person at a time: "president|russia"."""
    if not role or not affiliation:
        return None
    return f"{fold(role)}|{fold(actor_of(affiliation) or affiliation)}"
