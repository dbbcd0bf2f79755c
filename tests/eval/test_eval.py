"""The harness registry: every kind names a module with `evaluate`, and runs it."""

from __future__ import annotations

import importlib

import pytest

from quotetrail import eval as harnesses


@pytest.mark.parametrize("kind", sorted(harnesses.HARNESSES))
def test_eval_every_harness_has_evaluate(kind):
    assert callable(importlib.import_module(harnesses.HARNESSES[kind]).evaluate)


def test_eval_run_harness_calls_the_named_module(monkeypatch, tmp_path):
    module = importlib.import_module(harnesses.HARNESSES["clean"])
    monkeypatch.setattr(module, "evaluate", lambda data: {"data": data})
    assert harnesses.run_harness("clean", tmp_path) == {"data": tmp_path}


def test_eval_unknown_kind_is_refused(tmp_path):
    with pytest.raises(KeyError):
        harnesses.run_harness("speakers", tmp_path)
