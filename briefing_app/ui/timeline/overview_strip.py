"""The whole chronology at a glance, with the timeline's window as a box to drag.

The strip knows nothing of the timeline widget: it shows the window it is
told (``set_window``) and asks for a new one (``rangeRequested``); whoever
owns both connects the two.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QWidget

from briefing_app.domain.model import Lane
from briefing_app.geometry.index import EventIndex
from briefing_app.geometry.ticks import axis_ticks
from briefing_app.geometry.timescale import TimeScale, padded_domain
from briefing_app.ui.timeline.follower import ChronologyFollower
from briefing_app.ui.timeline.palette import lane_color

if TYPE_CHECKING:
    from briefing_app.ui.common.chronology_model import ChronologyModel

__all__ = ["OverviewStrip"]

_PAD = 6.0
_BIN_PX = 2
_WHEEL_ZOOM_PER_NOTCH = 1.2


class OverviewStrip(ChronologyFollower, QWidget):
    """Density of events per lane over the whole span, and the visible window.

    Signals:
        rangeRequested(float, float): the user moved or resized the window box
            (drag, click to centre, wheel); ``[t0, t1)`` in days.
    """

    rangeRequested = Signal(float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAccessibleName("Overview of the whole chronology")
        self.setToolTip("Drag the box to move through time; click to jump there")
        self._index = EventIndex()
        self._shown = self._index
        self._hidden: frozenset[str] = frozenset()
        self._lane_shown = dict.fromkeys(Lane, True)
        self._window: tuple[float, float] | None = None
        self._drag_from: float | None = None
        self._histogram: QPixmap | None = None
        self._chronology: ChronologyModel | None = None

    # -- public API --------------------------------------------------------

    def set_index(self, index: EventIndex, shown: EventIndex | None = None) -> None:
        """Share an index already built (the timeline's) instead of building one.

        ``shown``: the same index with the current hidden events left out, when
        the caller has it already (the timeline's), so it is not filtered twice.
        """
        self._index = index
        self._hidden = shown.hidden_ids if shown is not None else self._hidden
        self._shown = shown if shown is not None else index.with_hidden(self._hidden)
        self._invalidate()

    def set_lane_visible(self, lane: Lane, visible: bool) -> None:
        if self._lane_shown[lane] != visible:
            self._lane_shown[lane] = visible
            self._invalidate()

    def set_hidden_ids(
        self, ids: set[str] | frozenset[str], shown: EventIndex | None = None
    ) -> None:
        """Hide ``ids``; ``shown`` is the index already filtered so (the timeline's), if any."""
        hidden = frozenset(ids)
        if hidden != self._hidden:
            self._hidden = hidden
            self._shown = shown if shown is not None else self._index.with_hidden(hidden)
            self._invalidate()

    def set_window(self, t0: float, t1: float) -> None:
        """Show ``[t0, t1)`` as the visible window; emits nothing."""
        if self._window != (t0, t1):
            self._window = (t0, t1)
            self.update()

    def window(self) -> tuple[float, float] | None:
        return self._window

    def sizeHint(self) -> QSize:
        return QSize(960, 58)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 40)

    # -- geometry ----------------------------------------------------------
    def _scale(self) -> TimeScale | None:
        domain = self._index.domain()
        if domain is None:
            return None
        lo, hi = padded_domain(*domain)
        return TimeScale(lo, hi, max(self.width() - 2 * _PAD, 10.0))

    def _box(self, scale: TimeScale) -> QRectF | None:
        if self._window is None:
            return None
        x0 = _PAD + scale.to_px(self._window[0])
        x1 = _PAD + scale.to_px(self._window[1])
        if x1 - x0 < 6:
            mid = (x0 + x1) / 2
            x0, x1 = mid - 3, mid + 3
        return QRectF(x0, 1.5, x1 - x0, self.height() - 3)

    def _invalidate(self) -> None:
        self._histogram = None
        self.update()

    def _render_histogram(self, scale: TimeScale) -> QPixmap:
        """Events per lane and per couple of pixels, drawn once per data/size change."""
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(self.palette().color(QPalette.ColorRole.Base))
        p = QPainter(pixmap)
        try:
            top = self._paint_years(p, scale) + 2
            lanes = [lane for lane in Lane if self._lane_shown[lane]]
            if not lanes:
                return pixmap
            band = (self.height() - top - 2) / len(lanes)
            bins = max(int(scale.width_px // _BIN_PX), 1)
            edges = [scale.to_time(i * _BIN_PX) for i in range(bins + 1)]
            per_lane = {}
            for lane in lanes:
                pos = self._shown.positions(lane, edges)
                per_lane[lane] = [
                    self._shown.shown_between(lane, pos[i], pos[i + 1]) for i in range(bins)
                ]
            peak = max((max(c) for c in per_lane.values() if c), default=0)
            for row, lane in enumerate(lanes):
                bottom = top + (row + 1) * band
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(lane_color(lane, 210))
                for i, count in enumerate(per_lane[lane]):
                    if count and peak:
                        h = max(1.5, (band - 1) * math.sqrt(count / peak))
                        p.drawRect(QRectF(_PAD + i * _BIN_PX, bottom - h, _BIN_PX, h))
        finally:
            p.end()
        return pixmap

    def _paint_years(self, p: QPainter, scale: TimeScale) -> float:
        """Year ticks over the whole strip, labels along its top; returns their height."""
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.8, 6.0))
        fm = QFontMetricsF(font)
        ticks = axis_ticks(scale.t0, scale.t1, scale.width_px, fm.horizontalAdvance)
        text = QColor(self.palette().color(QPalette.ColorRole.Text))
        text.setAlpha(130)
        grid = QColor(self.palette().color(QPalette.ColorRole.Mid))
        grid.setAlpha(70)
        p.setFont(font)
        for tick in ticks.minor:
            x = round(_PAD + tick.x) + 0.5
            p.setPen(QPen(grid, 1))
            p.drawLine(QPointF(x, 0), QPointF(x, self.height()))
            if tick.label:
                p.setPen(text)
                p.drawText(QPointF(_PAD + tick.label_x - 2, fm.ascent() + 1), tick.label)
        return fm.height()

    # -- Qt events ---------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            scale = self._scale()
            if scale is None:
                p.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
                return
            if self._histogram is None:
                self._histogram = self._render_histogram(scale)
            p.drawPixmap(0, 0, self._histogram)
            box = self._box(scale)
            highlight = self.palette().color(QPalette.ColorRole.Highlight)
            if box is not None:
                shade = QColor(self.palette().color(QPalette.ColorRole.Base))
                shade.setAlpha(150)
                p.fillRect(QRectF(0, 0, box.left(), self.height()), shade)
                p.fillRect(QRectF(box.right(), 0, self.width() - box.right(), self.height()), shade)
                p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                fill = QColor(highlight)
                fill.setAlpha(30)
                p.setBrush(fill)
                p.setPen(QPen(highlight, 2))
                p.drawRoundedRect(box, 3, 3)
            p.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(0.5, 0.5, self.width() - 1, self.height() - 1))
        finally:
            p.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._histogram = None
        super().resizeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        scale = self._scale()
        if event.button() != Qt.MouseButton.LeftButton or scale is None or self._window is None:
            super().mousePressEvent(event)
            return
        t = scale.to_time(event.position().x() - _PAD)
        t0, t1 = self._window
        box = self._box(scale)
        if box is not None and box.adjusted(-3, 0, 3, 0).contains(event.position()):
            self._drag_from = t - t0
        else:
            # Click outside the box: centre the window there, then keep dragging.
            self._drag_from = (t1 - t0) / 2
            self._request(t - self._drag_from)
        self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        scale = self._scale()
        if scale is None or self._window is None:
            return
        if self._drag_from is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._request(scale.to_time(event.position().x() - _PAD) - self._drag_from)
            return
        box = self._box(scale)
        if box is not None and box.contains(event.position()):
            self.setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.unsetCursor()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag_from = None
        self.unsetCursor()
        super().mouseReleaseEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Zoom the window about its centre: a coarse control for big jumps."""
        if self._window is None or not event.angleDelta().y():
            return
        t0, t1 = self._window
        span = (t1 - t0) / _WHEEL_ZOOM_PER_NOTCH ** (event.angleDelta().y() / 120)
        centre = (t0 + t1) / 2
        self._window = (centre - span / 2, centre + span / 2)
        self.rangeRequested.emit(*self._window)
        self.update()
        event.accept()

    def _request(self, t0: float) -> None:
        """Move the window to start at ``t0`` (kept over the data) and ask for it."""
        assert self._window is not None
        span = self._window[1] - self._window[0]
        scale = self._scale()
        if scale is not None and span < scale.span:
            t0 = min(max(t0, scale.t0), scale.t1 - span)
        self._window = (t0, t0 + span)
        self.update()
        self.rangeRequested.emit(t0, t0 + span)
