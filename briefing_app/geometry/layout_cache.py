"""Keep a layout while the user pans, so dragging costs a repaint, not a layout.

The layout is made for three screen widths (one either side of the view),
on a grid fixed in time, and reused as long as the zoom, the filters and the
lanes stay the same and the view stays inside it. Rows and clusters then
stay put while panning, instead of being re-packed from each new left edge.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from briefing_app.domain.model import Lane
from briefing_app.geometry.index import EventIndex
from briefing_app.geometry.layout import LayoutStyle, fit_lane_heights, layout_timeline
from briefing_app.geometry.marks import TimelineLayout
from briefing_app.geometry.timescale import TimeScale

__all__ = ["LayoutCache"]


class LayoutCache:
    """Layouts for a view, reused across pans; ``offset_px`` maps them to the view.

    A layout x becomes a view x by subtracting the offset returned with it.
    """

    def __init__(
        self,
        measure: Callable[[str], float],
        *,
        label_px_budget: float = 180.0,
        style: LayoutStyle | None = None,
    ) -> None:
        self._measure = measure
        self._budget = label_px_budget
        self._style = style or LayoutStyle()
        self._labels: dict[str, tuple[str, float]] = {}
        self._key: tuple[object, ...] | None = None
        self._layout: TimelineLayout | None = None
        self._apart: tuple[str, TimelineLayout] | None = None
        self._checked: tuple[TimelineLayout, str, bool] | None = None
        """Whether the plain layout folds that selection away, worked out once per layout."""
        """The layout that keeps one selected event out of the clusters, and its id."""
        self.layouts_made = 0
        """How many layouts were computed: lets tests and benchmarks see reuse."""

    @property
    def style(self) -> LayoutStyle:
        return self._style

    def reconfigure(
        self,
        measure: Callable[[str], float],
        *,
        label_px_budget: float,
        style: LayoutStyle,
    ) -> None:
        """New font metrics or sizes: forget every measured label and layout."""
        self._measure, self._budget, self._style = measure, label_px_budget, style
        self._labels.clear()
        self.invalidate()

    def invalidate(self) -> None:
        self._key = None
        self._layout = None
        self._apart = None

    def layout_once(
        self,
        index: EventIndex,
        scale: TimeScale,
        lanes: Sequence[Lane],
        *,
        top: float,
        lane_height: float,
        alone: str | None = None,
    ) -> TimelineLayout:
        """A layout of exactly ``scale``, not kept (to try a window out before showing it).

        A lane with no event in ``scale`` is one row high; the others share the rest of
        the lanes' height (``lane_height`` each, all told).
        """
        heights = fit_lane_heights(index, scale, lanes, lane_height * len(lanes), self._style)
        return layout_timeline(
            index,
            scale,
            lanes,
            self._measure,
            label_px_budget=self._budget,
            top=top,
            lane_height=lane_height,
            style=self._style,
            label_cache=self._labels,
            alone=alone,
            lane_heights=heights,
        )

    def layout_for(
        self,
        index: EventIndex,
        view: TimeScale,
        lanes: Sequence[Lane],
        *,
        top: float,
        lane_height: float,
        alone: str | None = None,
    ) -> tuple[TimelineLayout, float]:
        """The layout covering ``view`` and the view's left edge in its x.

        ``alone`` (the selection) is drawn on its own: when the plain layout folds it
        into a cluster, a second layout that keeps it apart is made (and kept) for as
        long as that selection lasts. The plain one stays in use otherwise, so rows
        do not shift as the selection moves from event to event.
        """
        key = (index, tuple(lanes), top, lane_height, view.width_px)
        layout = self._layout
        if layout is None or key != self._key or not _covers(layout.scale, view):
            cell = view.span
            first_cell = math.floor(view.t0 / cell)
            wide = TimeScale((first_cell - 1) * cell, (first_cell + 2) * cell, 3 * view.width_px)
            layout = self.layout_once(index, wide, lanes, top=top, lane_height=lane_height)
            self.layouts_made += 1
            self._key, self._layout, self._apart = key, layout, None
        offset = layout.scale.to_px(view.t0)
        if alone is None:
            return layout, offset
        if self._checked is None or self._checked[0] is not layout or self._checked[1] != alone:
            self._checked = (layout, alone, _folded(layout, index, alone))
        if not self._checked[2]:
            return layout, offset
        if self._apart is None or self._apart[0] != alone:
            apart = self.layout_once(
                index, layout.scale, lanes, top=top, lane_height=lane_height, alone=alone
            )
            self.layouts_made += 1
            self._apart = (alone, apart)
        return self._apart[1], offset


def _covers(wide: TimeScale, view: TimeScale) -> bool:
    same_zoom = abs(wide.days_per_px / view.days_per_px - 1.0) < 1e-9
    slack = view.days_per_px * 0.5
    return same_zoom and wide.t0 - slack <= view.t0 and view.t1 <= wide.t1 + slack


def _folded(layout: TimelineLayout, index: EventIndex, event_id: str) -> bool:
    """True when ``event_id`` lies inside the layout's window but was drawn in a cluster."""
    entry = index.get(event_id)
    if entry is None or not index.is_shown(event_id):
        return False
    if any(m.event_id == event_id for m in layout.marks):
        return False
    return any(
        c.lane is entry.lane and c.t0 <= max(entry.start, layout.scale.t0) < c.t1
        for c in layout.clusters
    )
