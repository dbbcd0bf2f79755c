"""The collector paused around a block, and as it was after."""

from __future__ import annotations

import gc

import pytest

from quotetrail import collector


@pytest.fixture
def collector_on():
    gc.enable()
    yield
    gc.enable()


def test_collector_paused_inside_and_running_after(collector_on) -> None:
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block leaves it as the outer one set it
    assert gc.isenabled()


def test_collector_runs_again_after_a_block_that_fails(collector_on) -> None:
    with pytest.raises(ValueError), collector.paused():
        raise ValueError("a stage fails")
    assert gc.isenabled()


def test_collector_left_off_when_it_was_off(collector_on) -> None:
    gc.disable()
    with collector.paused():
        pass
    assert not gc.isenabled()
