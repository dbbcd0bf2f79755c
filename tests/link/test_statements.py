"""Statement matching: by wording, by paraphrase within a story, by occasion."""

from __future__ import annotations

import pytest

from quotetrail.link.statements import Claim, match, overlap


@pytest.mark.parametrize(
    ("a", "b", "linked"),
    [
        (
            "You cannot impose standards of political life on other people from the outside",
            "you cannot impose standards of political life and behavior on other people",
            True,
        ),
        (
            "You cannot impose standards of political life on other people from the outside",
            "The Taliban must keep its promises on women's rights",
            False,
        ),
    ],
)
def test_statements_match_by_wording(a, b, linked):
    links = match(
        [Claim("s2", "art2", "putin", "2021-08-21", b)],
        [Claim("s1", "art1", "putin", "2021-08-20", a)],
    )
    assert bool(links) is linked


@pytest.mark.parametrize(
    ("other", "linked"),
    [
        (
            Claim(
                "s1",
                "art1",
                "putin",
                "2021-08-20",
                "the world must now accept the realities",
                "story",
            ),
            True,
        ),
        (
            Claim(
                "s1",
                "art1",
                "putin",
                "2021-08-20",
                "the world must now accept the realities",
                "other",
            ),
            False,
        ),
        (
            Claim(
                "s1",
                "art1",
                "merkel",
                "2021-08-20",
                "the world must now accept the realities",
                "story",
            ),
            False,
        ),
        (
            Claim(
                "s1",
                "art1",
                "putin",
                "2021-08-10",
                "the world must now accept the realities",
                "story",
            ),
            False,
        ),
        (
            Claim(
                "s1",
                "art2",
                "putin",
                "2021-08-20",
                "the world must now accept the realities",
                "story",
            ),
            False,
        ),
    ],
)
def test_statements_match_paraphrase_needs_story_speaker_and_day(other, linked):
    new = Claim(
        "s2",
        "art2",
        "putin",
        "2021-08-20",
        "Putin said the international community must recognise the realities",
        "story",
    )
    assert bool(match([new], [other])) is linked


def _said(text):
    return Claim("s", "a", "speaker", "2021-08-20", text)


def test_statements_overlap_is_containment():
    assert overlap(_said("impose standards"), _said("you cannot impose standards on people")) == 1.0


def test_statements_one_shared_word_is_no_match():
    """Two different remarks of one speaker on one day share the target's name, nothing more."""
    assert (
        overlap(
            _said("The Taliban must keep its promises"),
            _said("We are not going to rush to recognise the Taliban"),
        )
        == 0.0
    )
    rush = Claim(
        "s1", "art1", "putin", "2021-08-20", "We are not going to rush to recognise the Taliban"
    )
    promises = Claim(
        "s2",
        "art2",
        "putin",
        "2021-08-20",
        "The Taliban must keep its promises before anything else",
    )
    assert match([promises], [rush]) == []


@pytest.mark.parametrize(("day", "linked"), [("2021-08-20", True), ("2021-08-21", False)])
def test_statements_same_occasion_needs_the_same_day(day, linked):
    """Two outlets' accounts of one press conference share no words but are one occasion."""
    impose = Claim(
        "s1",
        "art1",
        "putin",
        "2021-08-20",
        "You cannot impose standards of political life from the outside",
        "story",
    )
    realities = Claim(
        "s2",
        "art2",
        "putin",
        day,
        "the world must now accept the realities of the situation",
        "story",
    )
    links = match([realities], [impose])
    assert bool(links) is linked
    if linked:
        assert links[0].reason.startswith("same occasion")
