"""The timeline on paper: the period cut into legible pages, each painted as vectors.

The marks, rows, clusters and axis come from the same geometry as the
screen (``layout_timeline``, ``axis_ticks``); only the sizes are set for
print. A page shows ``[start, stop)`` and keeps a shaded strip on its right
where labels of the last events may run, so no label is ever clipped; the
next page starts where the strip begins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from briefing_app.domain.dates import PartialDate
from briefing_app.domain.model import Lane
from briefing_app.drawing.marks import (
    PAPER_MARKS,
    diamond,
    draw_cluster_pill,
    paint_mark,
    qrect,
    rgb,
)
from briefing_app.export.typeset import Fonts, measure_with, metrics_device
from briefing_app.geometry.index import EventIndex
from briefing_app.geometry.layout import LayoutStyle, layout_timeline
from briefing_app.geometry.marks import Cluster, LaneBox, Mark, TimelineLayout
from briefing_app.geometry.paging import split_period
from briefing_app.geometry.palette import (
    ANNOTATION_RGB,
    CLUSTER_TEXT_RGB,
    FLAG_RGB,
    LANE_RGB,
    RGB,
)
from briefing_app.geometry.ticks import AxisTicks, axis_ticks
from briefing_app.geometry.timescale import TimeScale

__all__ = [
    "EMPTY_LANE",
    "PAPER_STYLE",
    "PaperFrame",
    "PaperTimelinePainter",
    "lane_heights",
    "plan_pages",
    "span_label",
]

PAPER_STYLE = LayoutStyle(
    row_height=12.5,
    lane_padding=3.0,
    marker_px=5.5,
    badge_px=4.5,
    label_gap_px=2.5,
    item_gap_px=5.0,
    min_label_px=28.0,
    min_bar_px=2.0,
    text_height=8.5,
    cell_px=2.5,
    cluster_max_px=36.0,
    cluster_pad_px=4.0,
    widen_labels_px=420.0,
)
"""The screen's layout rules at print sizes (points); titles use the room there is."""

LABEL_BUDGET = 140.0
LEFT_PAD = 6.0
GUTTER = 56.0
AXIS_HEIGHT = 26.0
EMPTY_LANE = 16.0
"""Height of a lane with no event in the window: room for its name, no more."""
_STRIP_PAD = 6.0


@dataclass(frozen=True)
class PaperFrame:
    """One window laid out for a rectangle: what ``PaperTimelinePainter`` draws."""

    layout: TimelineLayout
    ticks: AxisTicks
    index: EventIndex
    rect: QRectF
    """Where the whole frame goes (gutter, axis and lanes)."""
    until: float
    """End of the window: right of it is room for labels, no more time."""
    continued: bool
    """Whether the next page goes on from ``until`` (the strip is then shaded)."""
    event_ids: tuple[str, ...] = ()
    """The events of the window, labelled or clustered (detailed pages only)."""

    @property
    def time_left(self) -> float:
        return self.rect.left() + GUTTER


class PaperTimelinePainter:
    """Lays out and paints timeline windows at print sizes in one font family."""

    def __init__(self, fonts: Fonts, style: LayoutStyle = PAPER_STYLE) -> None:
        self.fonts = fonts
        self.style = style
        self.measure = measure_with(fonts.label)
        self.axis_measure = measure_with(fonts.axis_bold)
        self._labels: dict[str, tuple[str, float]] = {}

    # -- layout ------------------------------------------------------------
    def frame(
        self,
        index: EventIndex,
        lanes: Sequence[Lane],
        t0: float,
        t1: float,
        rect: QRectF,
        *,
        own_events: bool = True,
        continued: bool = False,
    ) -> PaperFrame:
        """Lay out ``[t0, t1)`` in ``rect``.

        A strip is kept right of ``t1`` for the labels of the last events.
        With ``own_events`` only the events overlapping the window are laid
        out (a page of a series); ``continued`` shades the strip to say the
        next page shows it.
        """
        width = rect.width() - GUTTER
        strip = min(LABEL_BUDGET + self.style.marker_px + self.style.badge_px + 8.0, width * 0.3)
        event_ids: tuple[str, ...] = ()
        if own_events:
            events = [e.event for lane in lanes for e in index.visible(lane, t0, t1)]
            index = EventIndex(events)
            event_ids = tuple(ev.id for ev in events)
        heights = lane_heights(index, lanes, t0, t1, rect.height() - AXIS_HEIGHT)
        layout = self._lay_out(index, lanes, t0, t1, rect, strip, heights)
        if not continued:
            # Nothing follows: keep only the room the last labels take, so the
            # axis ends near the last event rather than years after it.
            end = layout.scale.to_px(t1)
            need = max((m.extent.x + m.extent.w - end for m in layout.marks), default=0.0)
            need = max(need, *(c.rect.x + c.rect.w - end for c in layout.clusters), 0.0)
            if need + _STRIP_PAD < strip:
                layout = self._lay_out(index, lanes, t0, t1, rect, need + _STRIP_PAD, heights)
        scale = layout.scale
        ticks = axis_ticks(scale.t0, scale.t1, width, self.axis_measure)
        return PaperFrame(layout, ticks, index, rect, t1, continued, event_ids)

    def _lay_out(
        self,
        index: EventIndex,
        lanes: Sequence[Lane],
        t0: float,
        t1: float,
        rect: QRectF,
        strip: float,
        heights: Sequence[float],
    ) -> TimelineLayout:
        """Lanes one under the other, each at its own height, ``strip`` points right of ``t1``."""
        width = rect.width() - GUTTER
        days_per_px = (t1 - t0) / (width - strip - LEFT_PAD)
        scale = TimeScale(t0 - LEFT_PAD * days_per_px, t1 + strip * days_per_px, width)
        boxes: list[LaneBox] = []
        marks: list[Mark] = []
        clusters: list[Cluster] = []
        top = rect.top() + AXIS_HEIGHT
        for lane, height in zip(lanes, heights, strict=True):
            one = layout_timeline(
                index,
                scale,
                [lane],
                self.measure,
                label_px_budget=LABEL_BUDGET,
                top=top,
                lane_height=height,
                style=self.style,
                label_cache=self._labels,
            )
            boxes.extend(one.lanes)
            marks.extend(one.marks)
            clusters.extend(one.clusters)
            top += height
        return TimelineLayout(scale, tuple(boxes), tuple(marks), tuple(clusters))

    def fits(
        self, index: EventIndex, lanes: Sequence[Lane], first: date, stop: date, rect: QRectF
    ) -> bool:
        """Whether ``[first, stop)`` can be shown on one page with every event labelled."""
        frame = self.frame(index, lanes, first.toordinal(), stop.toordinal(), rect)
        return not frame.layout.clusters

    # -- painting ----------------------------------------------------------
    def paint(self, p: QPainter, frame: PaperFrame) -> list[tuple[str, QRectF]]:
        """Draw the frame; returns each labelled event's rectangle (for links)."""
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._paint_lanes(p, frame)
        self._paint_grid(p, frame)
        self._paint_axis(p, frame)
        left = frame.time_left
        p.setClipRect(
            QRectF(left, frame.rect.top(), frame.rect.right() - left, frame.rect.height())
        )
        p.translate(left, 0)
        self._paint_overrun(p, frame)
        for c in frame.layout.clusters:
            self._paint_pill(p, qrect(c.rect), LANE_RGB[c.lane], c.label)
        for m in frame.layout.marks:
            self._paint_body(p, m, frame.index)
        p.setFont(self.fonts.label)
        p.setPen(QColor(25, 25, 25))
        ascent = _ascent(self.fonts.label)
        for m in frame.layout.marks:
            x = max(m.label_rect.x, 2.0) if m.kind != "point" else m.label_rect.x
            y = m.label_rect.y + m.label_rect.h / 2 + ascent * 0.36
            p.drawText(QPointF(x, y), m.label)
        p.restore()
        return [(m.event_id, qrect(m.extent).translated(left, 0)) for m in frame.layout.marks]

    def paint_legend(
        self, p: QPainter, x: float, y: float, continued: bool, *, in_document: bool = True
    ) -> None:
        """A key to the marks, drawn with the marks themselves, on one line from ``(x, y)``.

        Only a document (``in_document``) has a chronology to send clustered events to;
        a picture says what the number is.
        """
        grey: RGB = (110, 110, 115)
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setFont(self.fonts.small)
        measure = measure_with(self.fonts.small)
        mid = y + 4.5
        items: list[tuple[str, str]] = [
            ("point", "dated to the day"),
            ("band", "a month or a year"),
            ("range", "a range of dates"),
            ("diamond", "your own event"),
            ("badge", "your note"),
            ("flag", "talking point"),
            (
                "cluster",
                "too close to label: see the chronology"
                if in_document
                else "n events too close to label",
            ),
        ]
        if continued:
            items.append(("strip", "on the next page"))
        for kind, text in items:
            if kind == "cluster":
                self._paint_pill(p, QRectF(x, mid - 4.5, 14, 9), grey, "n")
                p.setFont(self.fonts.small)
                x += 17
            elif kind == "strip":
                p.fillRect(QRectF(x, mid - 4.5, 12, 9), QColor(120, 120, 130, 40))
                x += 15
            elif kind in ("band", "range"):
                p.setPen(QPen(rgb(grey), 0.6) if kind == "range" else Qt.PenStyle.NoPen)
                p.setBrush(rgb(grey, 95 if kind == "range" else 60))
                p.drawRoundedRect(QRectF(x, mid - 3.5, 16, 7), 2, 2)
                x += 19
            else:
                color = {"badge": ANNOTATION_RGB, "flag": FLAG_RGB}.get(kind, grey)
                r = 2.8 if kind in ("badge", "flag") else 3.0
                p.setPen(QPen(rgb(color).darker(140), 0.5))
                p.setBrush(rgb(color))
                if kind == "diamond":
                    p.drawPolygon(diamond(QPointF(x + 3, mid), 3.4))
                else:
                    p.drawEllipse(QPointF(x + 3, mid), r, r)
                x += 9
            p.setPen(QColor(70, 70, 75))
            p.drawText(QPointF(x, mid + 2.8), text)
            x += measure(text) + 12
        p.restore()

    def _paint_lanes(self, p: QPainter, frame: PaperFrame) -> None:
        r = frame.rect
        p.setFont(self.fonts.axis_bold)
        for i, box in enumerate(frame.layout.lanes):
            band = QRectF(r.left(), box.y0, r.width(), box.y1 - box.y0)
            if i % 2:
                p.fillRect(band, QColor(246, 246, 248))
            strip = QRectF(r.left(), box.y0 + 1, 3, box.y1 - box.y0 - 2)
            p.fillRect(strip, rgb(LANE_RGB[box.lane]))
            p.setPen(QColor(30, 30, 30))
            p.drawText(
                QRectF(r.left() + 7, box.y0, GUTTER - 10, box.y1 - box.y0),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                box.lane.value,
            )
            p.setPen(QPen(QColor(215, 215, 220), 0.5))
            p.drawLine(QPointF(r.left(), box.y1), QPointF(r.right(), box.y1))
        bottom = frame.layout.lanes[-1].y1 if frame.layout.lanes else r.top() + AXIS_HEIGHT
        p.setPen(QPen(QColor(190, 190, 196), 0.6))
        p.drawLine(QPointF(frame.time_left, r.top()), QPointF(frame.time_left, bottom))

    def _paint_grid(self, p: QPainter, frame: PaperFrame) -> None:
        if not frame.layout.lanes:
            return
        top, bottom = frame.rect.top() + AXIS_HEIGHT, frame.layout.lanes[-1].y1
        left, right = frame.time_left, frame.rect.right()
        for ticks, color, width in (
            (frame.ticks.minor, QColor(0, 0, 0, 28), 0.4),
            (frame.ticks.context, QColor(0, 0, 0, 70), 0.6),
        ):
            p.setPen(QPen(color, width))
            for tick in ticks:
                x = left + tick.x
                if left <= x <= right and tick.time < frame.until:
                    p.drawLine(QPointF(x, top), QPointF(x, bottom))

    def _paint_axis(self, p: QPainter, frame: PaperFrame) -> None:
        r = frame.rect
        left, right = frame.time_left, r.right()
        base = r.top() + AXIS_HEIGHT
        p.setPen(QPen(QColor(120, 120, 128), 0.6))
        end = min(right, left + frame.layout.scale.to_px(frame.until))
        p.drawLine(QPointF(left, base), QPointF(end, base))  # time ends there; labels run on
        p.drawLine(QPointF(end, base - 3), QPointF(end, base + 3))
        for tick in frame.ticks.minor:
            x = left + tick.x
            if left <= x <= right and tick.time < frame.until:
                p.drawLine(QPointF(x, base - 4), QPointF(x, base))
        p.save()
        p.setClipRect(QRectF(left, r.top(), right - left, AXIS_HEIGHT))
        p.setPen(QColor(40, 40, 40))
        p.setFont(self.fonts.axis)
        has_context = bool(frame.ticks.context)
        minor_y = base - 6 if has_context else base - 8
        for tick in frame.ticks.minor:
            if tick.label and tick.time < frame.until:
                p.drawText(QPointF(left + tick.label_x, minor_y), tick.label)
        p.setFont(self.fonts.axis_bold)
        for tick in frame.ticks.context:
            if tick.label and tick.time < frame.until:
                p.drawText(QPointF(left + tick.label_x, base - 15), tick.label)
        p.restore()

    def _paint_overrun(self, p: QPainter, frame: PaperFrame) -> None:
        if not frame.continued or not frame.layout.lanes:
            return
        x = frame.layout.scale.to_px(frame.until)
        top = frame.rect.top() + AXIS_HEIGHT
        bottom = frame.layout.lanes[-1].y1
        p.fillRect(QRectF(x, top, frame.rect.width(), bottom - top), QColor(120, 120, 130, 22))
        p.setPen(QPen(QColor(120, 120, 130), 0.6, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(x, top), QPointF(x, bottom))

    def _paint_body(self, p: QPainter, m: Mark, index: EventIndex) -> None:
        entry = index.get(m.event_id)
        paint_mark(p, m, entry.event if entry is not None else None, PAPER_MARKS)

    def _paint_pill(self, p: QPainter, rect: QRectF, color: RGB, label: str) -> None:
        draw_cluster_pill(
            p,
            rect,
            rgb(color),
            label,
            font=self.fonts.label_bold,
            text=rgb(CLUSTER_TEXT_RGB),
            line_width=0.6,
        )


def _ascent(font: QFont) -> float:
    return QFontMetricsF(font, metrics_device()).ascent()


def lane_heights(
    index: EventIndex, lanes: Sequence[Lane], t0: float, t1: float, room: float
) -> list[float]:
    """Each lane's height: ``EMPTY_LANE`` for a lane with nothing in ``[t0, t1)``, the
    rest of ``room`` shared by the others (all alike when every lane is empty)."""
    full = [bool(index.visible(lane, t0, t1)) for lane in lanes]
    if not any(full):
        return [room / max(len(lanes), 1)] * len(lanes)
    empty = full.count(False)
    share = (room - empty * EMPTY_LANE) / full.count(True)
    if share < EMPTY_LANE:
        return [room / len(lanes)] * len(lanes)
    return [share if f else EMPTY_LANE for f in full]


def plan_pages(
    painter: PaperTimelinePainter,
    index: EventIndex,
    lanes: Sequence[Lane],
    first: date,
    last: date,
    rect: QRectF,
    limit: int | None = None,
) -> list[tuple[date, date]]:
    """Windows ``[start, stop)`` covering ``first``..``last``, each legible on one page
    (only the first ``limit`` of them when given)."""
    return split_period(
        first, last, lambda a, b: painter.fits(index, lanes, a, b, rect), limit=limit
    )


def span_label(start: date, stop: date) -> str:
    """``1 Jan 2004 – 31 Dec 2008`` for the page window ``[start, stop)``."""
    last = stop - timedelta(days=1)
    return f"{PartialDate(start).label()} – {PartialDate(last).label()}"
