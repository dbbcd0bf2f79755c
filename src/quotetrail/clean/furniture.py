"""Learning page furniture per outlet from the corpus itself.

A short line that recurs across several articles of one outlet ("Follow us on Telegram",
"Press TV News Roku") is site furniture, whatever its wording. `FurnitureStats` counts, per
outlet, in how many documents each normalised short line occurs; `furniture_by_outlet` turns
the counts into the sets `clean_document(raw, furniture=...)` takes. The structure is plain
dicts and ints, so the store can persist it as JSON and update it as documents arrive; the
cleaner itself stays a pure function of one document and the sets it is handed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from quotetrail.clean.boilerplate import split_lines
from quotetrail.clean.encoding import repair_text
from quotetrail.clean.rules import carries_statement, normalise, word_count

MAX_FURNITURE_WORDS = 15
MIN_DOCUMENTS = 3
MAX_TRACKED_LINES = 5000  # per outlet; beyond it the rarest lines are forgotten (lossy counting)


@dataclass
class FurnitureStats:
    """outlet → normalised line → number of documents of that outlet containing the line."""

    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    documents: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"counts": self.counts, "documents": self.documents}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FurnitureStats:
        return cls(
            counts={k: dict(v) for k, v in data.get("counts", {}).items()},
            documents=dict(data.get("documents", {})),
        )


def candidate_lines(text: str) -> set[str]:
    """The normalised short lines of a raw text that could be furniture (never a statement)."""
    lines = split_lines(repair_text(text))
    return {
        normalise(line)
        for line in lines
        if word_count(line) <= MAX_FURNITURE_WORDS
        and not carries_statement(line)
        and normalise(line)
    }


def observe(stats: FurnitureStats, outlet: str | None, lines: Iterable[str]) -> None:
    """Count one document's candidate lines (`candidate_lines` of its raw text) under its outlet.

    Documents without an outlet are skipped. Memory stays bounded however large the corpus: when
    an outlet tracks more than MAX_TRACKED_LINES lines, the lines seen in only one document are
    dropped — furniture recurs, so it is seen again and re-counted long before it matters.
    """
    if not outlet:
        return
    stats.documents[outlet] = stats.documents.get(outlet, 0) + 1
    outlet_counts = stats.counts.setdefault(outlet, {})
    for line in lines:
        outlet_counts[line] = outlet_counts.get(line, 0) + 1
    if len(outlet_counts) > MAX_TRACKED_LINES:
        floor = 1
        while len(outlet_counts) > MAX_TRACKED_LINES // 2:
            for line in [line for line, seen in outlet_counts.items() if seen <= floor]:
                del outlet_counts[line]
            floor += 1


def furniture_by_outlet(
    stats: FurnitureStats, min_documents: int = MIN_DOCUMENTS
) -> dict[str, frozenset[str]]:
    """Lines seen in at least `min_documents` documents of an outlet, per outlet."""
    return {
        outlet: frozenset(line for line, seen in counts.items() if seen >= min_documents)
        for outlet, counts in stats.counts.items()
    }
