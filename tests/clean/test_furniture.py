"""Furniture learned per outlet: short lines recurring across an outlet's documents."""

from __future__ import annotations

import json

from quotetrail.clean import clean_document
from quotetrail.clean.furniture import FurnitureStats, candidate_lines, furniture_by_outlet, observe
from quotetrail.records import RawDocument

BODY = (
    "The minister said on {day} that the talks would continue next week in the capital, officials "
    "added."
)


def _article(day: str) -> str:
    return (
        f"Follow us on Mastodon today\n{BODY.format(day=day)}\n"
        "Subscribe to the Daily Brief\n“We will see,” he said."
    )


def test_furniture_learns_lines_seen_in_enough_documents() -> None:
    stats = FurnitureStats()
    for day in ("Monday", "Tuesday", "Wednesday"):
        observe(stats, "Example News", candidate_lines(_article(day)))
    observe(stats, None, candidate_lines(_article("Friday")))
    learned = furniture_by_outlet(stats)["Example News"]
    assert "subscribe to the daily brief" in learned
    assert "we will see he said" not in learned  # a statement is never furniture
    assert all("talks would continue" not in line for line in learned)
    assert stats.documents == {"Example News": 3}


def test_furniture_stats_round_trip_json() -> None:
    stats = FurnitureStats()
    observe(stats, "X", candidate_lines(_article("Monday")))
    again = FurnitureStats.from_dict(json.loads(json.dumps(stats.to_dict())))
    assert again == stats


def test_furniture_removes_learned_lines_for_that_outlet_only() -> None:
    text = (
        f"{BODY.format(day='Monday')}\nThe Weekly Roundup from our desk\n"
        f"{BODY.format(day='Tuesday')}"
    )
    learned = {"Example News": frozenset({"the weekly roundup from our desk"})}
    for outlet, removed in (("Example News", True), ("Other", False)):
        article = clean_document(
            RawDocument(source_path="a.txt", content=text, outlet=outlet), furniture=learned
        )
        assert ("The Weekly Roundup" not in article.text) is removed
        assert any(r.rule == "learned_furniture" for r in article.removed) is removed


def test_furniture_memory_is_bounded_by_forgetting_one_off_lines(monkeypatch):
    from quotetrail.clean import furniture

    monkeypatch.setattr(furniture, "MAX_TRACKED_LINES", 10)
    stats = FurnitureStats()
    for number in range(40):
        observe(stats, "X", [f"one-off line {number}", "follow us on telegram"])
    assert len(stats.counts["X"]) <= 10
    assert stats.counts["X"]["follow us on telegram"] == 40
    assert furniture_by_outlet(stats)["X"] == frozenset({"follow us on telegram"})
