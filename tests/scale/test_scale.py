"""make_driver: an engine name picks a driver."""

from __future__ import annotations

import pytest

from quotetrail.scale import make_driver
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
