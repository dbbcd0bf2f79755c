"""Target-centred features: the target's role, its governor, negation, dependency paths."""

from __future__ import annotations

import pytest

from quotetrail.analyze.features import (
    MAX_PATH,
    governor,
    is_negated,
    role,
    target_features,
    tree_path,
)


def target_in(nlp, text: str, target: str):
    doc = nlp(text)
    start = text.index(target)
    return doc.char_span(start, start + len(target))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Taliban opened an office.", "nsubj"),
        ("We will recognise the Taliban.", "dobj"),
        ("We spoke with the Taliban.", "pobj_with"),
        ("The Taliban leaders met.", "nsubj"),  # seen from the phrase it sits in
    ],
)
def test_features_role(nlp, text, expected):
    assert role(target_in(nlp, text, "Taliban")) == expected


@pytest.mark.parametrize(
    ("text", "word", "negated"),
    [
        ("We will not recognise the Taliban.", "recognise", True),
        ("We will never recognise the Taliban.", "recognise", True),
        ("We will recognise the Taliban.", "recognise", False),
    ],
)
def test_features_is_negated(nlp, text, word, negated):
    doc = nlp(text)
    assert is_negated(next(t for t in doc if t.text == word)) is negated


def test_features_governor_is_the_nearest_verb_above(nlp):
    target = target_in(nlp, "We will recognise the Taliban government.", "Taliban")
    assert governor(target.root).lemma_ == "recognise"


def test_features_tree_path_up_and_down(nlp):
    doc = nlp("The Taliban are our allies.")
    taliban, allies = doc[1], doc[4]
    assert tree_path(taliban, allies) == ["^nsubj", "vattr"]
    assert tree_path(taliban, taliban) == []


def test_features_tree_path_is_at_most_max_path_long(nlp):
    doc = nlp("The envoy of the leader of the group in the capital of the country spoke.")
    paths = [tree_path(a, b) for a in doc for b in doc]
    assert all(len(path) <= MAX_PATH for path in paths if path is not None)
    assert tree_path(doc[-3], doc[-2]) is None  # "country" lies five steps under "spoke"


def test_features_target_features_name_role_governor_and_negation(nlp):
    target = target_in(nlp, "We will not recognise the Taliban.", "Taliban")
    feats = target_features(target.sent, target)
    assert {"role:dobj", "t:taliban", "gov:recognise", "gov_negated"} <= set(feats)
    assert not any(name.startswith(("w:taliban", "l:taliban", "r:taliban")) for name in feats)


@pytest.mark.parametrize(
    ("text", "sign"),
    [("We praise the brave Taliban.", "pos"), ("We fear the brutal Taliban.", "neg")],
)
def test_features_valence_near_the_target(nlp, text, sign):
    target = target_in(nlp, text, "Taliban")
    assert f"val_near_{sign}" in target_features(target.sent, target)
