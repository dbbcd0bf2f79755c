"""The NewsMTSC harness on a tiny fresh file in NewsMTSC's format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotetrail.eval.stance import evaluate, macro_f1, read_examples

SENTENCES = [
    ("The minister praised Alpha Corp for its honesty.", "Alpha Corp", 6.0),
    ("The minister condemned Beta Corp for the fraud.", "Beta Corp", 2.0),
    ("Gamma Corp opened an office on Tuesday.", "Gamma Corp", 4.0),
]


def write_split(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for n, (sentence, target, polarity) in enumerate(SENTENCES):
            start = sentence.index(target)
            handle.write(
                json.dumps(
                    {
                        "primary_gid": f"g{n}",
                        "sentence_normalized": sentence,
                        "targets": [
                            {
                                "Input.gid": f"g{n}",
                                "from": start,
                                "to": start + len(target),
                                "mention": target,
                                "polarity": polarity,
                            }
                        ],
                    }
                )
                + "\n"
            )
    return path


@pytest.mark.parametrize(
    "gold, predicted, expected",
    [
        (["support", "oppose", "neutral"], ["support", "oppose", "neutral"], 1.0),
        (["support", "oppose", "neutral"], ["oppose", "neutral", "support"], 0.0),
        (
            ["support", "support", "oppose"],
            ["support", "oppose", "oppose"],
            (2 / 3 + 2 / 3 + 0) / 3,
        ),
    ],
)
def test_stance_macro_f1(gold, predicted, expected):
    assert macro_f1(gold, predicted) == pytest.approx(expected)


def test_stance_reads_polarity_as_stance(tmp_path):
    labels = [example.label for example in read_examples(write_split(tmp_path / "dev_rw.jsonl"))]
    assert labels == ["support", "oppose", "neutral"]


def test_stance_one_file(tmp_path):
    result = evaluate(write_split(tmp_path / "dev_rw.jsonl"))
    # the two cue-bearing sentences are right whatever the model makes of the neutral one
    assert result["accuracy"] >= 2 / 3 and 0.5 <= result["macro_f1"] <= 1.0


def test_stance_folder_reports_each_split(tmp_path):
    write_split(tmp_path / "dev_rw.jsonl")
    write_split(tmp_path / "dev_mt.jsonl")
    result = evaluate(tmp_path)
    assert set(result) >= {"macro_f1", "macro_f1_rw", "macro_f1_mt", "dev_rw", "dev_mt"}
    assert result["macro_f1"] == pytest.approx((result["macro_f1_rw"] + result["macro_f1_mt"]) / 2)


def test_stance_reports_both_models_side_by_side(tmp_path):
    result = evaluate(write_split(tmp_path / "dev_rw.jsonl"))
    assert result["model"] == "minilm-int8"  # the shipped artefact runs with the default install
    assert set(result["models"]) == {"light", "minilm-int8"}
    for scores in result["models"].values():
        assert set(scores) == {"macro_f1", "accuracy", "per_class_f1", "ms_per_statement"}
        assert set(scores["per_class_f1"]) == {"oppose", "neutral", "support"}
        assert scores["ms_per_statement"] > 0
    assert result["macro_f1"] == result["models"]["minilm-int8"]["macro_f1"]


def test_stance_names_the_light_model_when_the_learned_one_is_off(tmp_path, monkeypatch):
    monkeypatch.setenv("QUOTETRAIL_STANCE_MODEL", "light")
    result = evaluate(write_split(tmp_path / "dev_rw.jsonl"))
    assert result["model"] == "light"
    assert result["models"]["minilm-int8"].startswith("not run")
