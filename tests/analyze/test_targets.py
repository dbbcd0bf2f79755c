"""Descriptions the article ties to a group count as that group (fresh sentences)."""

from __future__ import annotations

import pytest

from quotetrail.analyze.targets import descriptions, resolve
from quotetrail.nlp import load_pipeline

HEZBOLLAH = (
    "Hezbollah took over the ministries in Lebanon last month. Hezbollah fighters now guard "
    "the airport in Beirut. The envoy spoke to Reuters on Friday. "
)


def quote_of(text: str, quote: str):
    doc = load_pipeline()(text)
    start = text.index(quote)
    return doc.char_span(start, start + len(quote), alignment_mode="expand")


@pytest.mark.parametrize(
    ("quote", "description"),
    [
        ("The group must leave the airport.", "The group"),
        ("The new Lebanese authorities have restored order.", "The new Lebanese authorities"),
        ("Beirut's new rulers have restored order.", "Beirut's new rulers"),
    ],
)
def test_targets_description_ties_to_the_group_named_before(quote, description):
    about, ties = resolve([], quote_of(HEZBOLLAH + quote, quote), set())
    assert about == ["Hezbollah"]
    assert ties["Hezbollah"].span.text == description
    assert description in ties["Hezbollah"].evidence and "Hezbollah" in ties["Hezbollah"].evidence


def test_targets_place_inside_the_description_is_no_target_of_its_own():
    quote = "The new Lebanese authorities have restored order."
    about, _ = resolve(["Lebanon"], quote_of(HEZBOLLAH + quote, quote), set())
    assert about == ["Hezbollah"]


def test_targets_place_named_outside_the_description_stays():
    quote = "The new Lebanese authorities have restored order in Lebanon."
    about, _ = resolve(["Lebanon"], quote_of(HEZBOLLAH + quote, quote), set())
    assert about == ["Lebanon", "Hezbollah"]


def test_targets_agency_cited_once_is_no_candidate():
    """Reuters is the group named last before "the group", but only once: Hezbollah is meant."""
    quote = "The group must leave the airport."
    about, _ = resolve([], quote_of(HEZBOLLAH + quote, quote), set())
    assert about == ["Hezbollah"]


def test_targets_never_the_speakers_own_side():
    quote = "The group must leave the airport."
    about, ties = resolve([], quote_of(HEZBOLLAH + quote, quote), {"hezbollah"})
    assert about == [] and ties == {}


def test_targets_description_with_a_place_needs_the_group_beside_that_place():
    text = "Hezbollah fighters guard the airport. Hezbollah said so. "
    quote = "The new Afghan authorities have restored order."
    about, _ = resolve([], quote_of(text + quote, quote), set())
    assert about == []


@pytest.mark.parametrize(
    "quote",
    ["The Hezbollah movement must leave.", "A group of protesters must leave.", "They must go."],
)
def test_targets_no_description_to_tie(quote):
    """A description that names its group, an indefinite one, a pronoun: nothing to tie."""
    assert descriptions(quote_of(HEZBOLLAH + quote, quote)) == []


def test_targets_named_group_is_not_tied_twice():
    quote = "Hezbollah must leave; the group has no place at the airport."
    about, ties = resolve(["Hezbollah"], quote_of(HEZBOLLAH + quote, quote), set())
    assert about == ["Hezbollah"] and ties == {}
