"""Panning reuses the layout; zooming or filtering lays out again."""

from __future__ import annotations

from datetime import date

import pytest

from briefing_app.domain.model import LANES
from briefing_app.geometry.bench import approximate_measure, synthetic_events
from briefing_app.geometry.index import EventIndex
from briefing_app.geometry.layout_cache import LayoutCache
from briefing_app.geometry.timescale import TimeScale
from tests.geometry.event_builders import ordinal


def test_pans_reuse_zooms_and_filters_do_not() -> None:
    index = EventIndex(synthetic_events(500))
    cache = LayoutCache(approximate_measure)
    view = TimeScale(ordinal(date(2010, 1, 1)), ordinal(date(2011, 1, 1)), 1000.0)
    first, _ = cache.layout_for(index, view, LANES, top=0, lane_height=80)
    for dx in (5.0, 120.0, -300.0, 400.0):
        again, _offset = cache.layout_for(index, view.panned(dx), LANES, top=0, lane_height=80)
        assert again is first
    assert cache.layouts_made == 1
    cache.layout_for(index, view.zoomed(1.5), LANES, top=0, lane_height=80)
    assert cache.layouts_made == 2
    cache.layout_for(
        index.with_hidden({"ev000001"}), view.zoomed(1.5), LANES, top=0, lane_height=80
    )
    assert cache.layouts_made == 3


def test_the_offset_maps_layout_x_to_view_x() -> None:
    index = EventIndex(synthetic_events(300))
    cache = LayoutCache(approximate_measure)
    view = TimeScale(ordinal(date(2010, 1, 1)), ordinal(date(2014, 1, 1)), 1000.0).panned(37.0)
    layout, offset = cache.layout_for(index, view, LANES, top=0, lane_height=80)
    for mark in layout.marks[:20]:
        entry = index.get(mark.event_id)
        assert entry is not None
        if mark.kind == "point":
            assert mark.x0 - offset == pytest.approx(view.to_px(entry.start + 0.5))
        else:
            assert mark.x0 - offset == pytest.approx(view.to_px(entry.start))
