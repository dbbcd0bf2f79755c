"""Word lists the stance and tone code share: VADER's valence lexicon and a stance lexicon.

VADER's lexicon ships inside its PyPI package (vaderSentiment, MIT); the stance lexicon ships
in this package (`stance_lexicon.tsv`). Both are read once per process.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

NEGATORS = frozenset(
    {
        "not",
        "n't",
        "no",
        "never",
        "nor",
        "without",
        "neither",
        "none",
        "nobody",
        "nothing",
        "cannot",
    }
)


@lru_cache(maxsize=1)
def valences() -> dict[str, float]:
    """Word → mean valence (−4 … +4) from VADER's lexicon."""
    text = (resources.files("vaderSentiment") / "vader_lexicon.txt").read_text(
        encoding="utf-8", errors="replace"
    )
    table: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            try:
                table[parts[0]] = float(parts[1])
            except ValueError:
                continue
    return table


def valence(word: str, lemma: str = "") -> float:
    """Valence of a word (or, failing that, its lemma); 0.0 when the lexicon has neither."""
    table = valences()
    return table.get(word.lower(), table.get(lemma.lower(), 0.0))


@lru_cache(maxsize=1)
def stance_cues() -> dict[str, tuple[int, str]]:
    """Lemma → (polarity +1/−1, kind). Kind `act`: the target must be its object ("recognise X");
    `attribute`: said of the target wherever it stands ("X are our allies", "X terrorist group");
    `reverse`: flips the cue it governs ("remove X from the terrorist list")."""
    text = (resources.files("quotetrail.analyze") / "stance_lexicon.tsv").read_text(
        encoding="utf-8"
    )
    cues: dict[str, tuple[int, str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, polarity, kind = line.split("\t")[:3]
        cues[lemma.strip().lower()] = (int(polarity), kind.strip())
    return cues
