"""Contradiction pairs: one actor's opposite stances; outlets reporting one statement oppositely."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from quotetrail.analyze import contradictions as contradictions_module
from quotetrail.analyze.contradictions import contradictions, outlet_conflicts, strongest_opposed
from quotetrail.records import Speaker, SpeakerEntity, Statement

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "analyze" / "statements.jsonl"


def load() -> list[Statement]:
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    return [Statement.from_dict(json.loads(line)) for line in lines]


def statement(sid: str, label: str, speaker: Speaker, **fields) -> Statement:
    """A statement `sid` about the Taliban with one stance, its quote its id."""
    return Statement(
        article_id=fields.pop("article_id", f"a-{sid}"),
        kind="direct",
        quote=sid,
        sentence=sid,
        span=(0, len(sid)),
        speaker=speaker,
        about=["Taliban"],
        stance={"Taliban": {"label": label, "score": fields.pop("score", 0.8)}},
        id=sid,
        **fields,
    )


PUTIN = Speaker("Vladimir Putin", "Putin", affiliation="Russia")


def pair_ids(pairs: list[dict]) -> set[tuple[str, str]]:
    return {(p["first"]["id"], p["second"]["id"]) for p in pairs}


def test_contradictions_same_speaker_opposite_stances():
    pairs = pair_ids(contradictions(load(), "Northern Front"))
    assert ("s1", "s4") in pairs and ("s1", "s8") in pairs


def test_contradictions_across_officials_of_one_affiliation():
    pairs = contradictions(load(), "Northern Front")
    assert any(p["first"]["id"] == "s2" and p["second"]["id"] == "s4" for p in pairs)


def test_contradictions_never_pair_different_actors():
    ids = {side for pair in pair_ids(contradictions(load(), "Northern Front")) for side in pair}
    assert "s7" not in ids  # the only Westland statement has no opposite from Westland


def test_contradictions_neutral_never_contradicts():
    assert all("s3" not in pair for pair in pair_ids(contradictions(load(), "Northern Front")))


def test_contradictions_strongest_first():
    strengths = [p["strength"] for p in contradictions(load(), "Northern Front")]
    assert strengths == sorted(strengths, reverse=True)


def test_contradictions_outlets_reporting_one_statement_differently():
    pairs = outlet_conflicts(load(), "Northern Front")
    assert pair_ids(pairs) == {("s6", "s5")} or pair_ids(pairs) == {("s5", "s6")}
    assert {pairs[0]["first"]["outlet"], pairs[0]["second"]["outlet"]} == {
        "Daily Ledger",
        "Evening Wire",
    }


def test_contradictions_name_the_speaker_before_the_affiliation():
    shared = {
        (p["first"]["id"], p["second"]["id"]): p["shared"]
        for p in contradictions(load(), "Northern Front")
    }
    assert shared[("s5", "s6")] == "Karl Dahl" and shared[("s2", "s4")] == "Freedonia"


def test_contradictions_list_each_statement_at_most_twice():
    """Five supporting and five opposing statements give the strongest few pairs, not all 25."""

    def record(i: int, label: str) -> Statement:
        return statement(
            f"{label}{i}",
            label,
            PUTIN,
            said_on=f"2021-08-{10 + i}",
            outlet="RT",
            score=0.5 + i / 20,
        )

    records = [record(i, label) for i in range(5) for label in ("support", "oppose")]
    pairs = contradictions(records, "Taliban")
    uses: dict[str, int] = {}
    for pair in pairs:
        for side in (pair["first"], pair["second"]):
            uses[side["id"]] = uses.get(side["id"], 0) + 1
    assert max(uses.values()) == 2 and len(pairs) < 25
    assert pairs[0]["strength"] == 0.7  # the two strongest statements are paired first


def test_contradictions_outlets_pair_only_linked_reports():
    """A statement is linked to its report in another article, not to everything its speaker
    said there: the unlinked statement in the same RT article is no report of the Press TV one."""

    def record(
        sid: str, article: str, outlet: str, said_on: str, label: str, linked: list[str]
    ) -> Statement:
        return statement(
            sid,
            label,
            PUTIN,
            article_id=article,
            outlet=outlet,
            said_on=said_on,
            linked=linked,
            also_in=["rt-1" if article == "ptv-1" else "ptv-1"] if linked else [],
        )

    records = [
        record("ptv-a", "ptv-1", "Press TV", "2021-08-20", "oppose", ["rt-a"]),
        record(
            "rt-a", "rt-1", "RT", "2021-08-23", "support", ["ptv-a"]
        ),  # its date assumed: a day apart
        record("rt-b", "rt-1", "RT", "2021-08-22", "support", []),
    ]
    pairs = outlet_conflicts(records, "Taliban")
    assert pair_ids(pairs) == {("ptv-a", "rt-a")}
    assert pairs[0]["shared"] == "Vladimir Putin (the same statement)"


def _report(
    sid: str,
    outlet: str,
    label: str,
    said_on: str | None,
    assumed: bool,
    name: str = "Russia",
    entity: str | None = None,
    story_first: str | None = None,
) -> Statement:
    speaker = Speaker(name, name, entity=SpeakerEntity("e", entity) if entity else None)
    return statement(
        sid,
        label,
        speaker,
        outlet=outlet,
        said_on=said_on,
        said_on_assumed=assumed,
        published=said_on if assumed else None,
        story_first=story_first,
    )


@pytest.mark.parametrize(
    ("second", "paired"),
    [
        (_report("b", "RT", "support", "2021-08-20", assumed=False), True),  # both state the day
        (
            _report("b", "RT", "support", "2021-08-20", assumed=True),
            False,
        ),  # published that day: when it ran
        (
            _report("b", "RT", "support", None, assumed=True, story_first="2021-08-20"),
            False,
        ),  # the story's date
    ],
)
def test_contradictions_outlets_same_day_needs_stated_dates(second, paired):
    first = _report("a", "Press TV", "oppose", "2021-08-20", assumed=False)
    assert bool(outlet_conflicts([first, second], "Taliban")) is paired


def test_contradictions_follow_the_resolved_speaker():
    """ "Zamir Kabul" (Brinkwire) and "Zamir Kabulov" (RT) are one envoy: one actor, one day's
    words."""
    kabul = _report(
        "a", "Brinkwire", "support", "2021-08-20", False, name="Zamir Kabul", entity="Zamir Kabulov"
    )
    kabulov = _report(
        "b", "RT", "oppose", "2021-08-20", False, name="Zamir Kabulov", entity="Zamir Kabulov"
    )
    assert [p["shared"] for p in contradictions([kabul, kabulov], "Taliban")] == ["Zamir Kabulov"]
    assert [p["shared"] for p in outlet_conflicts([kabul, kabulov], "Taliban")] == [
        "Zamir Kabulov on 2021-08-20"
    ]


@pytest.mark.parametrize(("score", "paired"), [(0.9, True), (0.45, False)])
def test_contradictions_need_confident_sides(score, paired):
    """A stance the model barely chose (or irony, scored low) makes no conflict."""
    sure = statement("s1", "support", PUTIN, said_on="2021-08-01")
    other = statement("s2", "oppose", PUTIN, said_on="2021-09-01", score=score)
    assert bool(contradictions([sure, other], "Taliban")) is paired


def _every_pair_then_greedy(kind, groups, admits):
    """The listing as first written: every support × oppose pair of every group, sorted by
    strength then ids, each statement at most MAX_USES times, MAX_PAIRS at most."""
    pairs = {}
    for label, sides in groups:
        sure = [side for side in sides if side["score"] >= contradictions_module.MIN_SCORE]
        for a in (side for side in sure if side["stance"] == "support"):
            for b in (side for side in sure if side["stance"] == "oppose"):
                if a["id"] != b["id"] and admits(a, b):
                    key = tuple(sorted((a["id"], b["id"])))
                    pairs.setdefault(key, contradictions_module._pair(kind, label, a, b))
    uses, kept = {}, []
    for pair in sorted(
        pairs.values(), key=lambda p: (-p["strength"], p["first"]["id"], p["second"]["id"])
    ):
        ids = (pair["first"]["id"], pair["second"]["id"])
        if all(uses.get(i, 0) < contradictions_module.MAX_USES for i in ids):
            kept.append(pair)
            for i in ids:
                uses[i] = uses.get(i, 0) + 1
    return kept[: contradictions_module.MAX_PAIRS]


def _different_outlets(a, b):
    return bool(a["outlet"] and b["outlet"] and a["outlet"] != b["outlet"])


@pytest.mark.parametrize("max_pairs", [3, 50])
@pytest.mark.parametrize("seed", range(40))
def test_contradictions_strongest_opposed_lists_what_every_pair_would(monkeypatch, seed, max_pairs):
    """Made level by level, the listing is the one that pairing everything gives: ties of
    strength, sides in several groups, groups of the same sides, sides used up and the outlet
    condition included."""
    monkeypatch.setattr(contradictions_module, "MAX_PAIRS", max_pairs)
    rng = random.Random(seed)
    sides = [
        {
            "id": f"s{rng.randint(0, 999):03d}-{n}",
            "date": rng.choice([None, "2021-08-20", "2021-08-21", "2024-07-05"]),
            "outlet": rng.choice(["TASS", "RT", None]),
            "stance": rng.choice(["support", "oppose", "neutral"]),
            "score": rng.choice([0.4, 0.6, 0.75, 0.9, 0.9004, 1.0, rng.random()]),
        }
        for n in range(rng.randint(0, 40))
    ]
    groups = [(f"actor {g}", [s for s in sides if rng.random() < 0.6]) for g in range(3)]
    for copy in range(rng.randint(0, 3)):  # one statement's k reports make k groups alike
        groups.insert(rng.randint(0, len(groups)), (f"copy {copy}", rng.choice(groups)[1]))
    for admits in (lambda a, b: True, _different_outlets):
        assert strongest_opposed("k", groups, admits) == _every_pair_then_greedy(
            "k", groups, admits
        )
