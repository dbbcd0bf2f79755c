"""Entity resolution: surname variants, descriptions, metonymy and the resolver's merges."""

from __future__ import annotations

import pytest

from quotetrail.link.entities import (
    Observation,
    Resolver,
    is_description,
    mention_observation,
    people_by_surname,
    surname_variant,
)
from quotetrail.records import DOCUMENT, QUESTIONER


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("kabul", "kabulov", True),
        ("lavrov", "lavrow", True),
        ("putin", "putin", False),
        ("li", "lin", False),
        ("merkel", "macron", False),
    ],
)
def test_entities_surname_variant(a, b, same):
    assert surname_variant(a, b) is same


@pytest.mark.parametrize(
    ("name", "described"),
    [("the Russian President", True), ("Zamir Kabul", False), ("Putin", False)],
)
def test_entities_is_description(name, described):
    assert is_description(name) is described


def _resolve(observations):
    resolver = Resolver()
    return resolver, [resolver.resolve(obs) for obs in observations]


@pytest.mark.parametrize(
    "later",
    [
        Observation("Putin", "a2", role="President", affiliation="Russia"),
        Observation("Mr. Putin", "a2"),
        Observation("the Russian President", "a2"),
        Observation("Vladimir Putin", "a3"),
    ],
)
def test_entities_resolver_merges_forms_of_one_person(later):
    resolver, (first, second) = _resolve(
        [Observation("Vladimir Putin", "a1", role="President", affiliation="Russia"), later]
    )
    assert first.id == second.id
    assert any(m.alias == later.name for m in resolver.merges) or later.name == "Vladimir Putin"


@pytest.mark.parametrize(
    ("later", "merged"),
    [
        (
            Observation("Zamir Kabul", "a2", role="Special Representative", affiliation="Russia"),
            True,
        ),
        (Observation("Zamir Kabul", "a2", affiliation="Moscow"), True),  # Moscow speaks for Russia
        (Observation("Zamir Kabul", "a2", affiliation="Afghanistan"), False),  # context disagrees
        (Observation("Zamir Kabul", "a2"), False),  # no context: a misspelling is not assumed
        (Observation("Zamir Kabul", "a2", story_id="s1"), True),  # same given name, same story
        (
            Observation("Z. Kabul", "a2", story_id="s1"),
            False,
        ),  # an initial is not the same given name
        (Observation("Zamir Kabul", "a2", story_id="s2"), False),  # another story
    ],
)
def test_entities_resolver_merges_misspelling_only_when_context_agrees(later, merged):
    first = Observation(
        "Zamir Kabulov", "a1", role="Special Representative", affiliation="Russia", story_id="s1"
    )
    resolver, (a, b) = _resolve([first, later])
    assert (a.id == b.id) is merged
    if merged:
        assert "variant spelling" in resolver.merges[-1].reason


@pytest.mark.parametrize(
    ("name", "role", "merged"),
    [
        ("Zamir Qabulov", "Special Representative", True),  # a slip in the first letter
        ("Zamir Kbulov", "Special Representative", True),  # a letter lost early
        ("Zamir Kabuulov", "Special Representative", True),  # a letter added
        ("Zamir Kabulow", "Special Representative", True),  # a slip late
        ("Zamir Kabul", "Special Representative", True),  # truncated
        ("Zamir Qabulov", None, False),  # no context: a misspelling is not assumed
        ("Zamir Qubalov", "Special Representative", False),  # two letters apart
    ],
)
def test_entities_resolver_finds_a_misspelling_in_a_crowded_role(name, role, merged):
    """A slip in the first letters shares no surname key: only the role's block holds the
    person, among everyone else who held that role."""
    envoy = {"role": "Special Representative", "affiliation": "Russia"}
    crowd = [
        Observation(f"Ivan {stem}{end}", f"c-{stem}{end}", **envoy)
        for stem in ("Bel", "Dan", "Gor", "Lev", "Mar", "Pet", "Sok", "Vol")
        for end in ("ashenk", "ichuk", "okhin", "unsk", "yakov")
    ]
    first = Observation("Zamir Kabulov", "a1", **envoy)
    later = Observation(name, "a2", role=role, affiliation="Russia" if role else None)
    resolver, resolved = _resolve([*crowd, first, later])
    assert len({entity.id for entity in resolved[: len(crowd)]}) == len(crowd)
    assert (resolved[-1].id == resolved[-2].id) is merged
    assert ("variant spelling" in resolver.merges[-1].reason) is merged


@pytest.mark.parametrize("name", ["Moscow", "the Kremlin", "Russia"])
def test_entities_resolver_metonymy_joins_the_country(name):
    _, (country, other) = _resolve(
        [Observation("Russia", "a1", kind="place"), Observation(name, "a2", kind="organization")]
    )
    assert country.id == other.id and country.name == "Russia"


def test_entities_resolver_knows_an_alias_it_absorbed_in_any_case():
    resolver, (first, shouted) = _resolve(
        [Observation("Ahmad Shah Massoud", "a1"), Observation("AHMAD SHAH MASSOUD", "a2")]
    )
    assert first.id == shouted.id
    assert [m.reason for m in resolver.merges] == ["first seen", "alias"]


def test_entities_resolver_keeps_two_people_with_one_surname_apart():
    _, (a, b) = _resolve([Observation("George Bush", "a1"), Observation("Jeb Bush", "a2")])
    assert a.id != b.id


@pytest.mark.parametrize(
    ("text", "label", "kind"),
    [
        ("Kabul", "PERSON", "place"),
        ("Zamir Kabul", "PERSON", "person"),
        ("Putin", "PERSON", "person"),
        ("Moscow", "GPE", "place"),
    ],
)
def test_entities_mention_observation_fixes_place_tagged_as_person(text, label, kind):
    assert mention_observation(text, label, "a1").kind == kind


@pytest.mark.parametrize(
    ("mention", "article", "kind"),
    [
        (
            Observation("Syromolotov", "a1", kind="organization"),
            "a1",
            "person",
        ),  # tagged ORG beside the person
        (
            Observation("Syromolotov", "a2", kind="organization"),
            "a1",
            "organization",
        ),  # another article
        (Observation("Washington", "a1", kind="place"), "a1", "place"),  # a known place stays one
        (Observation("Syromolotov Group", "a1", kind="organization"), "a1", "organization"),
    ],
)
def test_entities_surname_tagged_as_organisation_is_the_person(mention, article, kind):
    people = [Observation("Oleg Syromolotov", article), Observation("George Washington", article)]
    people_by_surname([*people, mention])
    assert mention.kind == kind


def test_entities_resolver_one_organisation_with_or_without_the():
    _, (a, b) = _resolve(
        [
            Observation("the Soviet Union", "a1", kind="place"),
            Observation("Soviet Union", "a2", kind="place"),
        ]
    )
    assert a.id == b.id and a.name == "Soviet Union"


@pytest.mark.parametrize(
    "names",
    [
        ["Gordon Baxter", "Crooked Gordon Baxter"],
        ["Crooked Gordon Baxter", "Gordon Baxter"],  # the plain form arrives later
        ["Baxter", "Crooked Gordon Baxter", "Gordon Baxter"],
    ],
)
def test_entities_resolver_never_names_a_person_by_an_epithet(names):
    _, found = _resolve([Observation(name, f"a{i}") for i, name in enumerate(names)])
    assert len({entity.id for entity in found}) == 1
    assert found[0].name == "Gordon Baxter"


def test_entities_resolver_keeps_each_articles_document_apart():
    _, (first, again, other) = _resolve(
        [
            Observation("report", "a1", kind=DOCUMENT),
            Observation("the report", "a1", kind=DOCUMENT),
            Observation("report", "a2", kind=DOCUMENT),
        ]
    )
    assert first.id == again.id != other.id
    assert (first.kind, other.kind) == (DOCUMENT, DOCUMENT)


def test_entities_resolver_keeps_each_transcripts_generic_questioner_apart():
    """ "Question", "Reporter 2" or "Speaker 3" of one transcript is not another's; a questioner
    the record names (an outlet, a journalist) is the same across transcripts."""
    _, found = _resolve(
        [
            Observation("Question", "a1", kind=QUESTIONER),
            Observation("Question", "a1", kind=QUESTIONER),
            Observation("Question", "a2", kind=QUESTIONER),
            Observation("Reporter 2", "a1", kind=QUESTIONER),
            Observation("Reporter 2", "a2", kind=QUESTIONER),
            Observation("AFP", "a1", kind=QUESTIONER),
            Observation("AFP", "a2", kind=QUESTIONER),
        ]
    )
    ids = [entity.id for entity in found]
    assert ids[0] == ids[1] != ids[2]
    assert ids[3] != ids[4]
    assert ids[5] == ids[6]


def test_entities_resolver_keeps_each_articles_office_without_a_body_apart():
    """ "Chairman" of one hearing, no body named, is not another hearing's; "the Russian
    President" names one person wherever it is written."""
    _, (chair, same_chair, other_chair, president, same_president) = _resolve(
        [
            Observation("Chairman", "a1"),
            Observation("Chairman", "a1"),
            Observation("Chairman", "a2"),
            Observation("the Russian President", "a1"),
            Observation("the Russian President", "a2"),
        ]
    )
    assert chair.id == same_chair.id != other_chair.id
    assert president.id == same_president.id
