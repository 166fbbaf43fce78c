"""The loaded data set is kept out of the cycle collector's walks, and nothing leaks."""

from __future__ import annotations

import gc
import weakref

import pytest

from briefing_app.gc_tuning import long_lived_objects


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the collector can free it


@pytest.fixture(autouse=True)
def _thawed() -> object:
    yield
    gc.unfreeze()
    gc.enable()


def test_objects_made_inside_are_frozen_and_the_collector_is_back_on() -> None:
    with long_lived_objects():
        assert not gc.isenabled()
        data = [[i] for i in range(1000)]
    assert gc.isenabled()
    assert not any(o is data for o in gc.get_objects())  # frozen: out of the collector's view


def test_the_collector_is_back_on_after_an_error() -> None:
    with pytest.raises(RuntimeError), long_lived_objects():
        raise RuntimeError("load failed")
    assert gc.isenabled()


def test_cycles_frozen_by_one_load_are_freed_by_the_next() -> None:
    with long_lived_objects():
        node = _Node()
    gone = weakref.ref(node)
    del node
    gc.collect()
    assert gone() is not None  # frozen: the collector does not look at it
    with long_lived_objects():
        pass
    assert gone() is None
