"""The Ray driver: the same process_batch on a local Ray instance, results in order."""

from __future__ import annotations

import sys

import pytest

from quotetrail.records import Batch, RawDocument
from quotetrail.scale.ray import RayUnavailable, run_ray


def test_ray_without_the_extra_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(RayUnavailable, match=r"quotetrail\[ray\]"):
        next(run_ray([]))


def test_ray_local_instance_yields_results_in_order():
    pytest.importorskip("ray", reason="the Ray engine is an optional extra")
    batches = [
        Batch([RawDocument(f"b{b}.txt", f"Minister {b} said the talks went on.\n")])
        for b in range(3)
    ]
    results = list(run_ray(batches, in_flight=1))
    assert [result[0].article.source_path for result in results] == ["b0.txt", "b1.txt", "b2.txt"]
