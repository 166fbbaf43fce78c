"""Keeping Python's cycle collector away from the loaded chronology.

The collector walks every tracked object on each full collection. At
100,000 events the data set is about 350,000 such objects: 0.13 s per walk,
taken several times while the data is built (a fifth of the cold start) and
then again at unpredictable moments, which shows as a stall in the middle of a
zoom. The data holds no reference cycles, so it never needs the collector:
it is built with the collector paused and then frozen out of its view.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["long_lived_objects"]

_froze_before = False
"""Whether a previous use froze objects (gc.get_freeze_count() walks them all to say)."""


@contextmanager
def long_lived_objects(*, collect: bool = True) -> Iterator[None]:
    """Build objects meant to live as long as the data set, then freeze them.

    Each use first gives back what the previous one froze and collects once,
    so cycles left since then (closed dialogs and the like) are still freed;
    the first use skips that walk, which would only delay the first paint.
    ``collect=False`` skips it too, for a small change to a loaded data set
    (the walk costs 0.13 s at 100,000 events; the next full load does it).
    """
    global _froze_before
    enabled = gc.isenabled()
    if _froze_before and collect:
        gc.unfreeze()
        gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        _froze_before = True
        if enabled:
            gc.enable()
