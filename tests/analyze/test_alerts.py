"""Alert events from the analyses the pages show: one event per statement, shift,
contradiction or story, each with a key of its own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotetrail.analyze import alerts
from quotetrail.analyze.alerts import Rule, events
from quotetrail.analyze.positions import analyse
from quotetrail.records import Statement

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "analyze" / "statements.jsonl"
ACTOR, TARGET = "Freedonia", "Northern Front"


@pytest.fixture
def analysed(monkeypatch):
    """`position` over the fixture's statements, as the store would give them."""
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    records = [Statement.from_dict(json.loads(line)) for line in lines]
    found = analyse(ACTOR, TARGET, [r for r in records if r.speaker.affiliation == ACTOR])
    monkeypatch.setattr(alerts, "position", lambda _store, _actor, _target: found)
    return found


def test_alerts_a_statement_event_per_statement(analysed):
    found = events(None, Rule("statement", ACTOR, TARGET))
    assert [a.statements for a in found] == [[r.id] for r in analysed.statements]
    assert len({a.key for a in found}) == len(found)
    first = found[0]
    assert first.key == f"statement|freedonia|northern front|{analysed.statements[0].id}"
    assert first.title.startswith(f"New statement by {ACTOR} about {TARGET} (")
    assert first.detail["quote"] == analysed.statements[0].quote


def test_alerts_a_shift_event_per_shift(analysed):
    found = events(None, Rule("shift", ACTOR, TARGET))
    assert analysed.shifts and len(found) == len(analysed.shifts)
    shift, alert = analysed.shifts[0], found[0]
    assert (
        alert.key
        == f"shift|freedonia|northern front|{shift.before}|{shift.after}|{shift.direction}"
    )
    assert shift.direction in alert.title
    assert alert.statements == [row["id"] for row in shift.evidence_before + shift.evidence_after]


def test_alerts_a_contradiction_event_per_pair(analysed):
    found = events(None, Rule("contradiction", ACTOR, TARGET))
    assert analysed.contradictions and len(found) == len(analysed.contradictions)
    pair = analysed.contradictions[0]
    assert found[0].statements == [pair["first"]["id"], pair["second"]["id"]]
    assert found[0].key.endswith(f"|{pair['first']['id']}|{pair['second']['id']}")


class Stories:
    """A store as `_coverage` asks it: the statements of a story's articles."""

    def statements(self, query):
        return [Statement(a, "direct", "q", "s", (0, 1), id=f"st-{a}") for a in query.article_ids]


@pytest.mark.parametrize(("outlets", "told"), [(2, ["coverage|2|s-1"]), (3, [])])
def test_alerts_a_story_reaching_n_outlets(monkeypatch, outlets, told):
    story = {
        "id": "s-1",
        "title": "Talks in Doha",
        "outlets": ["(unknown)", "RT", "Reuters"],  # an unknown outlet does not count
        "article_ids": ["a1", "a2"],
        "articles": 3,
    }
    monkeypatch.setattr(alerts.links, "story_rows", lambda _store: [story])
    found = events(Stories(), Rule("coverage", outlets=outlets))
    assert [a.key for a in found] == told
    if found:
        assert found[0].statements == ["st-a1", "st-a2"]
        assert found[0].detail["story"] == "s-1"


def test_alerts_rule_key_ignores_case_and_spacing():
    assert Rule("shift", " Russia ", "the  TALIBAN").key == "shift|russia|the taliban"
    assert Rule("coverage", outlets=4).key == "coverage|4"
