"""make_driver: an engine name picks a driver."""

from __future__ import annotations

import pytest

from quotetrail.records import Batch, RawDocument
from quotetrail.scale import make_driver, shards
from quotetrail.scale.local import run_local
from quotetrail.scale.ray import run_ray


@pytest.mark.parametrize(
    ("engine", "function", "keywords"),
    [
        ("local", run_local, {"workers": 3}),
        ("ray", run_ray, {"address": "auto"}),
    ],
)
def test_scale_make_driver_picks_the_engine(engine, function, keywords):
    driver = make_driver(engine, workers=3, address="auto")
    assert driver.func is function and driver.keywords == keywords


def test_scale_make_driver_refuses_an_unknown_engine():
    with pytest.raises(KeyError):
        make_driver("spark")


@pytest.mark.parametrize(
    ("documents", "parts", "sizes"),
    [(32, 2, [16, 16]), (5, 2, [3, 2]), (1, 4, [1]), (7, 3, [3, 3, 1])],
)
def test_scale_shards_cut_a_batch_in_order_with_its_furniture(documents, parts, sizes):
    furniture = {"Outlet": frozenset({"Share this"})}
    batch = Batch([RawDocument(f"d{d}.txt", "text") for d in range(documents)], furniture)
    cut = shards(batch, parts)
    assert [len(part.documents) for part in cut] == sizes
    assert [d for part in cut for d in part.documents] == batch.documents
    assert all(part.furniture == furniture for part in cut)
