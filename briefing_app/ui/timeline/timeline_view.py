"""The zoomable chronology: lanes of events under an adaptive time axis.

The widget keeps state (its input is ``TimelineInput``); the geometry package
decides what goes where (and caches it while panning), and
``ScreenTimelinePainter`` draws it. Nothing here visits events that are not on
screen, so 100,000 events draw as fast as a hundred.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QWidget

from briefing_app.domain.model import Event, Lane
from briefing_app.domain.wording import counted
from briefing_app.geometry.hit import HitTester
from briefing_app.geometry.index import EventIndex, IndexedEvent
from briefing_app.geometry.layout import LayoutStyle
from briefing_app.geometry.layout_cache import LayoutCache
from briefing_app.geometry.marks import Cluster, Mark, Rect, TimelineLayout
from briefing_app.geometry.ticks import AxisTicks, axis_ticks
from briefing_app.geometry.timescale import ScaleLimits, TimeScale
from briefing_app.ui.timeline.follower import ChronologyFollower
from briefing_app.ui.timeline.timeline_accessible import (
    AccessibleItem,
    install_timeline_accessibility,
)
from briefing_app.ui.timeline.timeline_input import PointerPress, TimelineInput
from briefing_app.ui.timeline.timeline_painter import ScreenFrame, ScreenTimelinePainter
from briefing_app.ui.timeline.timeline_tooltips import (
    day_span_label,
)

if TYPE_CHECKING:
    from briefing_app.ui.common.chronology_model import ChronologyModel

__all__ = ["TimelineView"]

_DEFAULT_WINDOW = (float(date(1999, 1, 1).toordinal()), float(date(2026, 1, 1).toordinal()))
_RIGHT_PAD = 8.0
_FIT_MARGIN = 16.0
# At most this share of the width is kept free for the latest labels when fitting;
# labels that still run past the edge are cut with an ellipsis.
_FIT_LABEL_SHARE = 0.15
_LABEL_BUDGET = 280.0
_LABEL_ROOM = 640.0
"""A label cut at the budget runs on into free room after it, up to this width."""


class TimelineView(ChronologyFollower, TimelineInput, QWidget):
    """One lane per actor, one axis, events as points, bars, bands or clusters.

    Signals:
        eventSelected(str): the user selected an event (click, arrows, Tab).
            Not emitted by ``select_event``, so callers that mirror the
            selection cannot start a loop.
        eventActivated(str): the user asked to open the event's source excerpt
            (Enter, double-click).
        visibleRangeChanged(float, float): the visible window ``[t0, t1)`` in
            days (``date.toordinal()``) changed, whatever the cause.
        contextMenuRequestedForEvent(str, QPoint): a context menu was asked for
            on an event; the point is in global coordinates.
    """

    eventSelected = Signal(str)
    eventActivated = Signal(str)
    visibleRangeChanged = Signal(float, float)
    contextMenuRequestedForEvent = Signal(str, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        install_timeline_accessibility()
        self.setAccessibleName("Timeline")
        self.setAccessibleDescription(
            "Events by lane over time. Left and Right step between events, Up and Down "
            "move to the nearest event of the lane above or below, Enter opens one, "
            "Space expands the cluster beside the selection, plus and minus zoom, "
            "0 or Home shows everything, Shift with arrows pans."
        )
        self._all = EventIndex()
        self._index = self._all
        self._hidden: frozenset[str] = frozenset()
        self._lane_shown = dict.fromkeys(Lane, True)
        self._selected: str | None = None
        self._hovered: Mark | Cluster | None = None
        self._highlighted: frozenset[str] = frozenset()
        self._matches: frozenset[str] = frozenset()
        self._press: PointerPress | None = None
        self._hit: HitTester | None = None
        self._hit_layout: TimelineLayout | None = None
        self._painter = ScreenTimelinePainter(self.font())
        self._gutter_px = self._measure_gutter()
        self._ticks: tuple[tuple[float, float, float], AxisTicks] | None = None
        """The axis of the last frame painted, kept for repaints of the same window."""
        self._cache = LayoutCache(
            self._painter.metrics.horizontalAdvance,
            label_px_budget=_LABEL_BUDGET,
            style=self._style(),
        )
        self._scale = TimeScale(*_DEFAULT_WINDOW, self._time_width())
        self._fitted = False
        """True while the view shows 'everything': a resize then fits again."""
        self._chronology: ChronologyModel | None = None

    # -- public API --------------------------------------------------------

    def set_events(self, events: Sequence[Event]) -> None:
        """Show these events, replacing any others (indexed here)."""
        self.set_index(EventIndex(events))

    def set_index(self, index: EventIndex, shown: EventIndex | None = None) -> None:
        """Show the events of ``index`` (built and owned by the chronology), replacing any others.

        ``shown``: the same index with the filtered-out events left out, when
        the caller has it; else the hidden ids already set are left out here.
        The first events shown are fitted in view; later calls (an edit, an
        import) keep the user's window unless it was showing everything.
        """
        refit = self._fitted or len(self._all) == 0
        self._all = index
        if shown is not None:
            self._hidden = shown.hidden_ids
            self._index = shown
        else:
            self._index = index.with_hidden(self._hidden)
        self._set_scale(self._scale.with_limits(ScaleLimits(domain=self._all.domain())))
        if self._selected is not None and self._selected not in self._all:
            self._selected = None
        self._hovered = None
        if refit:
            self.fit_all()
        self.update()

    @property
    def event_index(self) -> EventIndex:
        """The events as indexed for drawing (shared read-only, e.g. with the overview)."""
        return self._all

    @property
    def shown_index(self) -> EventIndex:
        """The index with the hidden events left out (shared read-only with the overview)."""
        return self._index

    def set_lane_visible(self, lane: Lane, visible: bool) -> None:
        if self._lane_shown[lane] != visible:
            self._lane_shown[lane] = visible
            self._hovered = None
            self.update()

    def set_hidden_ids(
        self, ids: set[str] | frozenset[str], shown: EventIndex | None = None
    ) -> None:
        """Hide these events (filtered out elsewhere); ``shown`` is the index already
        filtered so (the chronology's), if any."""
        hidden = frozenset(ids)
        if hidden != self._hidden or (shown is not None and shown is not self._index):
            self._hidden = hidden
            self._index = shown if shown is not None else self._all.with_hidden(hidden)
            self._hovered = None
            self.update()

    def selected_id(self) -> str | None:
        return self._selected

    def set_highlighted(self, event_ids: Iterable[str]) -> None:
        """Mark events that belong together (a talking point's citations)."""
        ids = frozenset(event_ids)
        if ids != self._highlighted:
            self._highlighted = ids
            self.update()

    def highlighted_ids(self) -> frozenset[str]:
        return self._highlighted

    def set_matches(self, event_ids: Iterable[str]) -> None:
        """Mark the events the search found (none: the search box is empty)."""
        ids = frozenset(event_ids)
        if ids != self._matches:
            self._matches = ids
            self.update()

    def match_ids(self) -> frozenset[str]:
        return self._matches

    def select_event(self, event_id: str | None, ensure_visible: bool = True) -> bool:
        """Select an event from outside; returns False for an unknown id.

        Does not emit ``eventSelected``.
        """
        if event_id is None:
            self._selected = None
            self.update()
            return True
        entry = self._all.get(event_id)
        if entry is None:
            return False
        self._selected = event_id
        if ensure_visible:
            self._bring_into_view(entry)
        self.update()
        return True

    def fit_all(self) -> None:
        """Show every shown event of the visible lanes (all events if none is shown).

        The right margin is as wide as the labels of the latest events need,
        found by laying the fitted window out once more.
        """
        span = self._index.shown_span(self._visible_lanes()) or self._all.domain()
        if span is None:
            return
        right = _FIT_MARGIN
        scale = self._scale.fitted(span[0], span[1], margin=_FIT_MARGIN, right_margin=right)
        for _ in range(3):
            overhang = self._label_overhang(scale)
            if overhang < 1.0 or right >= scale.width_px * _FIT_LABEL_SHARE:
                break
            right = min(right + overhang, scale.width_px * _FIT_LABEL_SHARE)
            scale = self._scale.fitted(span[0], span[1], margin=_FIT_MARGIN, right_margin=right)
        self._set_scale(scale)
        self._fitted = True

    def _label_overhang(self, scale: TimeScale) -> float:
        """How far the laid-out window's labels run past its right edge."""
        lanes = self._visible_lanes()
        layout = self._cache.layout_once(
            self._index,
            scale,
            lanes,
            top=self._axis_height(),
            lane_height=self._lane_height(len(lanes)),
        )
        ends = [m.extent.right for m in layout.marks] + [c.rect.right for c in layout.clusters]
        return max(ends, default=0.0) + _FIT_MARGIN / 2 - scale.width_px

    def zoom_by(self, factor: float, anchor_px: float | None = None) -> None:
        """Zoom in (factor > 1) or out around ``anchor_px``, a widget x.

        Without an anchor the zoom centres on the selected event when it is
        on screen (so keyboard zooming keeps it in view), else on the middle.
        """
        anchor = None
        if anchor_px is not None:
            anchor = min(max(anchor_px - self._gutter(), 0.0), self._scale.width_px)
        else:
            selected = self._index.get(self._selected) if self._selected else None
            if selected is not None and self._lane_shown[selected.lane]:
                x = self._scale.to_px(selected.start + 0.5)
                if 0 <= x <= self._scale.width_px:
                    anchor = x
        self._set_scale(self._scale.zoomed(factor, anchor))

    def visible_range(self) -> tuple[float, float]:
        return self._scale.t0, self._scale.t1

    def set_visible_range(self, t0: float, t1: float) -> None:
        self._set_scale(self._scale.with_range(t0, t1))

    def time_at(self, x: float) -> float:
        """The time (days) under widget x."""
        return self._scale.to_time(x - self._gutter())

    def x_of(self, t: float) -> float:
        """The widget x of time ``t`` (days)."""
        return self._scale.to_px(t) + self._gutter()

    def visible_marks(self) -> dict[str, QRectF]:
        """Events drawn on their own now, with the widget rectangle each occupies."""
        layout, offset = self._layout()
        right = offset + self._scale.width_px
        return {
            m.event_id: self._to_widget(m.extent, offset)
            for m in layout.marks
            if m.extent.right > offset and m.extent.x < right
        }

    def visible_clusters(self) -> list[tuple[QRectF, int]]:
        """Clusters drawn now: widget rectangle and how many events each holds."""
        layout, offset = self._layout()
        right = offset + self._scale.width_px
        return [
            (self._to_widget(c.rect, offset), c.count)
            for c in layout.clusters
            if c.rect.right > offset and c.rect.x < right
        ]

    def accessible_generation(self) -> object:
        """Changes whenever what ``accessible_items`` returns may have changed."""
        layout, offset = self._layout()
        s = self._scale
        return (id(layout), offset, s.t0, s.t1, self._selected, self.hasFocus())

    def accessible_items(self) -> list[AccessibleItem]:
        """The marks in view as a screen reader presents them, lane by lane, in time order."""
        layout, offset = self._layout()
        right = offset + self._scale.width_px
        order = {lane: i for i, lane in enumerate(Lane)}
        items: list[tuple[int, float, AccessibleItem]] = []
        for m in layout.marks:
            if m.extent.right <= offset or m.extent.x >= right:
                continue
            entry = self._all.get(m.event_id)
            if entry is None:
                continue
            e = entry.event
            facts = [e.when.label(), f"{e.lane.value} lane"]
            if e.annotation_count:
                facts.append(counted(e.annotation_count, "note"))
            if e.flagged:
                facts.append("flagged")
            item = AccessibleItem(
                key=m.event_id,
                name=e.title,
                description=", ".join(facts),
                rect=self._to_widget(m.extent, offset).toAlignedRect(),
                selected=m.event_id == self._selected,
            )
            items.append((order[m.lane], m.x0, item))
        for c in layout.clusters:
            if c.rect.right <= offset or c.rect.x >= right:
                continue
            item = AccessibleItem(
                key=f"cluster:{c.lane.value}:{c.t0}",
                name=f"{c.count} events",
                description=f"{day_span_label(c.t0, c.t1)}, {c.lane.value} lane; "
                "zoom in to tell them apart",
                rect=self._to_widget(c.rect, offset).toAlignedRect(),
                selected=False,
                is_cluster=True,
            )
            items.append((order[c.lane], c.x0, item))
        items.sort(key=lambda t: (t[0], t[1]))
        return [item for _, _, item in items]

    def sizeHint(self) -> QSize:
        return QSize(960, 460)

    def minimumSizeHint(self) -> QSize:
        return QSize(360, 240)

    # -- geometry ----------------------------------------------------------
    def _style(self) -> LayoutStyle:
        fm = self._painter.metrics
        return LayoutStyle(
            row_height=max(22.0, round(fm.height()) + 7.0),
            text_height=fm.height(),
            min_label_px=fm.horizontalAdvance("Summit"),
            widen_labels_px=_LABEL_ROOM,
        )

    def _measure_gutter(self) -> float:
        """Room for the lane names left of the time axis, in the current font."""
        fm = self._painter.bold_metrics
        return max(fm.horizontalAdvance(lane.value) for lane in Lane) + 28.0

    def _gutter(self) -> float:
        return self._gutter_px

    def _axis_ticks(self) -> AxisTicks:
        """The axis of the current window, measured once per window and font."""
        s = self._scale
        key = (s.t0, s.t1, s.width_px)
        if self._ticks is None or self._ticks[0] != key:
            ticks = axis_ticks(
                s.t0,
                s.t1,
                s.width_px,
                self._painter.metrics.horizontalAdvance,
                self._painter.bold_metrics.horizontalAdvance,
            )
            self._ticks = (key, ticks)
        return self._ticks[1]

    def _axis_height(self) -> float:
        return 2 * self._painter.metrics.height() + 12.0

    def _time_width(self) -> float:
        return max(self.width() - self._gutter() - _RIGHT_PAD, 40.0)

    def _visible_lanes(self) -> list[Lane]:
        return [lane for lane in Lane if self._lane_shown[lane]]

    def _lane_height(self, lanes: int) -> float:
        style = self._cache.style
        least = style.row_height + 2 * style.lane_padding
        return max(least, (self.height() - self._axis_height() - 4) / max(lanes, 1))

    def _layout(self) -> tuple[TimelineLayout, float]:
        self._sync_width()
        lanes = self._visible_lanes()
        return self._cache.layout_for(
            self._index,
            self._scale,
            lanes,
            top=self._axis_height(),
            lane_height=self._lane_height(len(lanes)),
            alone=self._selected,
        )

    def _sync_width(self) -> None:
        """Follow a resize Qt has not told us about yet (a hidden widget, render())."""
        width = self._time_width()
        if width != self._scale.width_px:
            fitted = self._fitted
            self._set_scale(self._scale.with_width(width))
            if fitted:
                self.fit_all()

    def _to_widget(self, rect: Rect, offset: float) -> QRectF:
        return QRectF(rect.x - offset + self._gutter(), rect.y, rect.w, rect.h)

    def _target_at(self, pos: QPointF) -> Mark | Cluster | None:
        layout, offset = self._layout()
        if self._hit_layout is not layout:
            self._hit, self._hit_layout = HitTester(layout), layout
        assert self._hit is not None
        if pos.x() < self._gutter():
            return None
        return self._hit.at(pos.x() - self._gutter() + offset, pos.y())

    def _set_scale(self, scale: TimeScale) -> None:
        self._fitted = False
        if (scale.t0, scale.t1, scale.width_px) == (
            self._scale.t0,
            self._scale.t1,
            self._scale.width_px,
        ):
            self._scale = scale
            return
        self._scale = scale
        self._hovered = None
        self.update()
        self.visibleRangeChanged.emit(scale.t0, scale.t1)

    def _bring_into_view(self, entry: IndexedEvent) -> None:
        """Pan (never zoom) just enough that the event's start is comfortably on screen."""
        s = self._scale
        left_margin = s.span * 0.05
        right_margin = min((_LABEL_BUDGET + 30) * s.days_per_px, s.span * 0.4)
        if entry.start < s.t0 + left_margin:
            self._set_scale(s.panned((entry.start - s.t0 - left_margin) / s.days_per_px))
        elif entry.start + 1 > s.t1 - right_margin:
            shift = entry.start + 1 - (s.t1 - right_margin)
            self._set_scale(s.panned(shift / s.days_per_px))

    # -- Qt events ---------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        layout, offset = self._layout()
        s = self._scale
        gutter, axis_height = self._gutter(), self._axis_height()
        selected = self._index.get(self._selected) if self._selected else None
        if selected is not None and not (
            self._index.is_shown(selected.id) and self._lane_shown[selected.lane]
        ):
            selected = None
        frame = ScreenFrame(
            layout=layout,
            index=self._index,
            offset=offset,
            ticks=self._axis_ticks(),
            time_rect=QRectF(gutter, axis_height, s.width_px, max(self.height() - axis_height, 0)),
            axis_height=axis_height,
            gutter=gutter,
            selected=selected,
            hovered=self._hovered,
            has_focus=self.hasFocus(),
            empty_message=self._empty_message(),
            highlighted=self._highlighted,
            matches=self._matches,
        )
        painter = QPainter(self)
        try:
            self._painter.paint(painter, frame, self.palette(), self.width(), self.height())
        finally:
            painter.end()

    def _empty_message(self) -> str:
        if len(self._all) == 0:
            return "No events to show"
        if not self._visible_lanes():
            return "All lanes are hidden"
        if len(self._index.hidden_ids) == len(self._all):
            return "No event matches the filters"
        return ""

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._sync_width()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._painter.set_font(self.font())
            self._gutter_px = self._measure_gutter()
            self._ticks = None
            self._cache.reconfigure(
                self._painter.metrics.horizontalAdvance,
                label_px_budget=_LABEL_BUDGET,
                style=self._style(),
            )
            self._set_scale(self._scale.with_width(self._time_width()))
            self.update()
        super().changeEvent(event)
