"""The linear stance model: scores, probabilities, reasons, and the shipped artefact."""

from __future__ import annotations

import math

import pytest

from quotetrail.analyze.model import LinearModel, load_model, softmax

TOY = LinearModel(
    classes=("oppose", "neutral", "support"),
    intercept=(0.0, 1.0, 0.0),
    weights={"w:ally": (-1.0, 0.0, 2.0), "w:terror": (3.0, 0.0, -1.0)},
)


def test_model_scores_are_intercept_plus_weighted_features():
    assert TOY.scores({"w:ally": 0.5, "unknown": 9.0}) == [-0.5, 1.0, 1.0]


@pytest.mark.parametrize(
    ("feats", "label"),
    [({}, "neutral"), ({"w:ally": 2.0}, "support"), ({"w:terror": 1.0}, "oppose")],
)
def test_model_proba_sums_to_one_and_ranks(feats, label):
    proba = TOY.proba(feats)
    assert sum(proba.values()) == pytest.approx(1.0)
    assert max(proba, key=proba.get) == label


def test_model_reasons_push_toward_the_label():
    feats = {"w:ally": 1.0, "w:terror": 1.0}
    assert TOY.reasons(feats, "support") == ["w:ally"]
    assert TOY.reasons(feats, "oppose") == ["w:terror"]


def test_model_round_trips_through_a_dict():
    assert LinearModel.from_dict(TOY.to_dict()) == TOY


def test_model_softmax_is_stable_for_large_scores():
    proba = softmax({"a": 1000.0, "b": 1000.0 - math.log(3)})
    assert proba == pytest.approx({"a": 0.75, "b": 0.25})


def test_model_shipped_artefact_loads_once():
    model = load_model()
    assert model is load_model()
    assert set(model.classes) == {"support", "oppose", "neutral"} and model.weights
