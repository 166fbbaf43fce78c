"""Drawing one frame of the timeline from a finished layout.

Kept apart from the widget so that painting is a plain function of what the
geometry produced: no event is looked at unless its mark is on screen, and
label text is laid out once (QStaticText) and reused frame after frame.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPen,
    QStaticText,
    QTransform,
)

from briefing_app.drawing.marks import SCREEN_MARKS, draw_cluster_pill, paint_mark, qrect
from briefing_app.geometry.index import EventIndex, IndexedEvent
from briefing_app.geometry.marks import Cluster, Mark, TimelineLayout
from briefing_app.geometry.palette import ANNOTATION_RGB, FLAG_RGB
from briefing_app.geometry.ticks import AxisTicks
from briefing_app.ui.timeline.palette import (
    lane_color,
)

__all__ = ["ScreenFrame", "ScreenTimelinePainter"]

_STATIC_TEXT_LIMIT = 6000


NOTE_KEY = ((ANNOTATION_RGB, "note"), (FLAG_RGB, "talking pt"))
"""The note badge's two colours, explained in the timeline's top-left corner."""
NOTE_KEY_TIP = (
    "A dot on an event's mark: the event has notes of yours; red when one of them is a "
    "talking point"
)
_MATCH_FILL = QColor(255, 214, 64, 120)
_MATCH_EDGE = QColor("#c98a00")


@dataclass(frozen=True, slots=True)
class ScreenFrame:
    """Everything one paint needs, in widget coordinates except the layout's x."""

    layout: TimelineLayout
    index: EventIndex
    offset: float
    """Layout x of the view's left edge."""
    ticks: AxisTicks
    time_rect: QRectF
    axis_height: float
    gutter: float
    selected: IndexedEvent | None
    hovered: Mark | Cluster | None
    has_focus: bool
    empty_message: str
    highlighted: frozenset[str] = frozenset()
    """Events shown together (the citations of a talking point), besides the selection."""
    matches: frozenset[str] = frozenset()
    """Events the search found: marked where they are drawn, or at their time when folded
    into a cluster."""


def _vline(p: QPainter, x: float, top: float, bottom: float, color: QColor) -> None:
    """A crisp one-pixel vertical line; fillRect is far cheaper than an antialiased pen."""
    p.fillRect(QRectF(round(x), top, 1.0, bottom - top), color)


def _hline(p: QPainter, y: float, left: float, right: float, color: QColor) -> None:
    p.fillRect(QRectF(left, round(y), right - left, 1.0), color)


def _over(color: QColor, alpha: float, background: QColor) -> QColor:
    """``color`` at ``alpha`` over ``background``, as an opaque colour.

    Opaque lines fill an order of magnitude faster than translucent ones.
    """
    mix = QColor()
    mix.setRgbF(
        *(
            f * alpha + b * (1 - alpha)
            for f, b in (
                (color.redF(), background.redF()),
                (color.greenF(), background.greenF()),
                (color.blueF(), background.blueF()),
            )
        )
    )
    return mix


class ScreenTimelinePainter:
    """Paints frames; owns the fonts and the cache of prepared label texts."""

    def __init__(self, font: QFont) -> None:
        self._texts: dict[str, QStaticText] = {}
        self.set_font(font)

    def set_font(self, font: QFont) -> None:
        self.font = QFont(font)
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.metrics = QFontMetricsF(self.font)
        self.bold_metrics = QFontMetricsF(self.bold)
        self.small = QFont(font)
        self.small.setPointSizeF(max(font.pointSizeF() * 0.8, 6.0))
        self._texts.clear()

    def _static(self, text: str, font: QFont) -> QStaticText:
        key = text if font is self.font else "\0" + text
        st = self._texts.get(key)
        if st is None:
            if len(self._texts) > _STATIC_TEXT_LIMIT:
                self._texts.clear()
            st = QStaticText(text)
            st.setTextFormat(Qt.TextFormat.PlainText)
            st.prepare(QTransform(), font)
            self._texts[key] = st
        return st

    # -- frame -------------------------------------------------------------
    def paint(
        self, p: QPainter, frame: ScreenFrame, palette: QPalette, width: float, height: float
    ) -> None:
        # Lanes, grid and axis are pixel-aligned: no antialiasing, which is costly.
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.fillRect(QRectF(0, 0, width, height), palette.color(QPalette.ColorRole.Base))
        self._paint_grid(p, frame, palette)
        self._paint_lanes(p, frame, palette, width)
        self._paint_axis(p, frame, palette, width)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._paint_note_key(p, frame, palette)
        p.save()
        p.setClipRect(frame.time_rect)
        p.translate(frame.time_rect.left() - frame.offset, 0)
        self._paint_items(p, frame, palette)
        p.restore()
        if frame.empty_message:
            p.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            p.setFont(self.font)
            p.drawText(frame.time_rect, Qt.AlignmentFlag.AlignCenter, frame.empty_message)
        if frame.has_focus:
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(1, 1, width - 2, height - 2))

    def _paint_note_key(self, p: QPainter, frame: ScreenFrame, palette: QPalette) -> None:
        """What the dot on a mark means, in the corner above the lane names."""
        p.setFont(self.small)
        line = QFontMetricsF(self.small).height()
        y = max((frame.axis_height - 2 * line) / 2, 1.0)
        for i, (rgb, text) in enumerate(NOTE_KEY):
            top = y + i * line
            p.setPen(QPen(QColor("white"), 0.5))
            p.setBrush(QColor(*rgb))
            p.drawEllipse(QRectF(8, top + line / 2 - 3.5, 7, 7))
            p.setPen(palette.color(QPalette.ColorRole.WindowText))
            p.drawText(
                QRectF(18, top, max(frame.gutter - 20, 10), line),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                text,
            )

    def _paint_lanes(
        self, p: QPainter, frame: ScreenFrame, palette: QPalette, width: float
    ) -> None:
        """Lane tints (over the grid, so the grid can be opaque), names and rules."""
        text = palette.color(QPalette.ColorRole.Text)
        tint = QColor(text)
        tint.setAlpha(9)
        line = _over(
            palette.color(QPalette.ColorRole.Mid), 0.45, palette.color(QPalette.ColorRole.Base)
        )
        p.setFont(self.bold)
        for i, box in enumerate(frame.layout.lanes):
            if i % 2:
                p.fillRect(QRectF(0, box.y0, width, box.y1 - box.y0), tint)
            p.fillRect(QRectF(0, box.y0 + 1, 4, box.y1 - box.y0 - 2), lane_color(box.lane))
            p.setPen(text)
            p.drawText(
                QRectF(12, box.y0, frame.gutter - 16, box.y1 - box.y0),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                box.lane.value,
            )
            _hline(p, box.y1 - 1, 0, width, line)
        if frame.layout.lanes:
            _vline(p, frame.gutter - 1, frame.axis_height, frame.layout.lanes[-1].y1, line)

    def _paint_grid(self, p: QPainter, frame: ScreenFrame, palette: QPalette) -> None:
        if not frame.layout.lanes:
            return
        top, bottom = frame.axis_height, frame.layout.lanes[-1].y1
        left, right = frame.time_rect.left(), frame.time_rect.right()
        mid, base = palette.color(QPalette.ColorRole.Mid), palette.color(QPalette.ColorRole.Base)
        faint = _over(mid, 0.11, base)
        for sx in frame.ticks.sub:
            _vline(p, left + sx, top, bottom, faint)
        minor, major = _over(mid, 0.24, base), _over(mid, 0.6, base)
        for ticks, color in ((frame.ticks.minor, minor), (frame.ticks.context, major)):
            for tick in ticks:
                x = left + tick.x
                if left <= x <= right:
                    _vline(p, x, top, bottom, color)

    def _paint_axis(self, p: QPainter, frame: ScreenFrame, palette: QPalette, width: float) -> None:
        axis = QRectF(0, 0, width, frame.axis_height)
        p.fillRect(axis, palette.color(QPalette.ColorRole.Window))
        text = palette.color(QPalette.ColorRole.WindowText)
        left, right = frame.time_rect.left(), frame.time_rect.right()
        line_h = self.metrics.height()
        context_y = 4.0
        minor_y = context_y + line_h + 2 if frame.ticks.context else context_y + line_h / 2 + 1
        rule = palette.color(QPalette.ColorRole.Mid)
        bottom = frame.axis_height
        _hline(p, bottom - 1, 0, width, rule)
        for tick in frame.ticks.minor:
            x = left + tick.x
            if left <= x <= right:
                _vline(p, x, bottom - 6, bottom, rule)
        for sx in frame.ticks.sub:
            _vline(p, left + sx, bottom - 3, bottom, rule)
        p.save()
        p.setClipRect(QRectF(left, 0, right - left, frame.axis_height))
        p.setPen(text)
        p.setFont(self.font)
        for tick in frame.ticks.minor:
            if tick.label:
                p.drawStaticText(
                    QPointF(left + tick.label_x, minor_y), self._static(tick.label, self.font)
                )
        p.setFont(self.bold)
        for tick in frame.ticks.context:
            if tick.label:
                p.drawStaticText(
                    QPointF(left + tick.label_x, context_y), self._static(tick.label, self.bold)
                )
        p.restore()

    # -- marks -------------------------------------------------------------
    def _paint_items(self, p: QPainter, frame: ScreenFrame, palette: QPalette) -> None:
        lo, hi = frame.offset, frame.offset + frame.time_rect.width()
        marks = [m for m in frame.layout.marks if m.extent.right >= lo and m.extent.x <= hi]
        clusters = [c for c in frame.layout.clusters if c.rect.right >= lo and c.rect.x <= hi]
        highlight = palette.color(QPalette.ColorRole.Highlight)
        text = palette.color(QPalette.ColorRole.Text)
        selected_id = frame.selected.event.id if frame.selected is not None else None
        selected_mark = frame.layout.mark_for(selected_id) if selected_id else None
        if frame.matches:
            self._paint_matches(p, frame, marks, lo, hi)
        if frame.highlighted:
            together = QColor(highlight)
            together.setAlpha(35)
            p.setPen(QPen(highlight, 1, Qt.PenStyle.DashLine))
            p.setBrush(together)
            for m in marks:
                if m.event_id in frame.highlighted and m is not selected_mark:
                    p.drawRoundedRect(qrect(m.extent, 3), 4, 4)
        if frame.hovered is not None and frame.hovered is not selected_mark:
            soft = QColor(highlight)
            soft.setAlpha(30)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(soft)
            p.drawRoundedRect(qrect(frame.hovered.extent, 2), 4, 4)
        if selected_mark is not None:
            soft = QColor(highlight)
            soft.setAlpha(55)
            p.setPen(QPen(highlight, 1))
            p.setBrush(soft)
            p.drawRoundedRect(qrect(selected_mark.extent, 3), 4, 4)
        elif frame.selected is not None:
            self._paint_selection_outside_marks(p, frame, highlight)
        for c in clusters:
            self._paint_cluster(p, c, text)
        for m in marks:
            self._paint_body(p, m, frame.index)
        p.setFont(self.font)
        p.setPen(text)
        for m in marks:
            placed = self._label_place(m, lo, hi)
            if placed is None:
                continue
            origin, room = placed
            label = m.label
            if m.label_rect.w > room:
                # Cut with an ellipsis where the space ends, rather than mid-letter.
                label = self.metrics.elidedText(label, Qt.TextElideMode.ElideRight, room)
            p.drawStaticText(origin, self._static(label, self.font))
        if selected_mark is not None:
            p.setPen(QPen(text, 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            body = qrect(selected_mark.body, 2.5)
            if selected_mark.kind == "point":
                p.drawEllipse(body)
            else:
                p.drawRoundedRect(body, 4, 4)

    def _label_place(self, m: Mark, lo: float, hi: float) -> tuple[QPointF, float] | None:
        """Where a mark's label goes and how wide it may be; None to leave it out.

        A label inside a bar or band that began off screen slides right to stay
        in view, within the room the layout gave it; any other label cut by the
        left edge would read as a stray word, so it is left out.
        """
        x = m.label_rect.x
        right = min(hi, max(m.body.right, m.label_rect.right)) - 4
        if x < lo + 4:
            inside_bar = m.kind != "point" and x < m.body.right
            if not inside_bar:
                return None
            x = lo + 4
        room = right - x
        if room < 3 * self.metrics.averageCharWidth():
            return None
        y = m.label_rect.y + (m.label_rect.h - self.metrics.height()) / 2
        return QPointF(x, y), room

    def _paint_body(self, p: QPainter, m: Mark, index: EventIndex) -> None:
        entry = index.get(m.event_id)
        paint_mark(p, m, entry.event if entry is not None else None, SCREEN_MARKS)

    def _paint_cluster(self, p: QPainter, c: Cluster, text: QColor) -> None:
        draw_cluster_pill(
            p, qrect(c.rect), lane_color(c.lane), c.label, font=self.bold, text=text, line_width=1
        )

    def _paint_matches(
        self, p: QPainter, frame: ScreenFrame, marks: list[Mark], lo: float, hi: float
    ) -> None:
        """Search matches: a yellow ground behind each drawn mark, and a small triangle at
        the foot of its lane for a match folded into a cluster."""
        p.setPen(QPen(_MATCH_EDGE, 1))
        p.setBrush(_MATCH_FILL)
        drawn: set[str] = set()
        for m in marks:
            if m.event_id in frame.matches:
                p.drawRoundedRect(qrect(m.extent, 3), 4, 4)
                drawn.add(m.event_id)
        drawn |= {m.event_id for m in frame.layout.marks}  # drawn, if out of view
        scale = frame.layout.scale
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(_MATCH_EDGE)
        for event_id in frame.matches - drawn:
            entry = frame.index.get(event_id)
            box = frame.layout.lane_box(entry.event.lane) if entry is not None else None
            if entry is None or box is None:
                continue
            x = scale.to_px(entry.start)
            if lo - 6 <= x <= hi + 6:
                y = box.y1 - 2
                p.drawPolygon([QPointF(x - 5, y), QPointF(x + 5, y), QPointF(x, y - 7)])

    def _paint_selection_outside_marks(
        self, p: QPainter, frame: ScreenFrame, color: QColor
    ) -> None:
        """The selected event sits in a cluster or off the layout: mark its time anyway."""
        entry = frame.selected
        assert entry is not None
        box = frame.layout.lane_box(entry.event.lane)
        if box is None:
            return
        scale = frame.layout.scale
        x0, x1 = scale.to_px(entry.start), scale.to_px(entry.end)
        if x1 - x0 < 3:
            mid = (x0 + x1) / 2
            x0, x1 = mid - 1.5, mid + 1.5
        soft = QColor(color)
        soft.setAlpha(60)
        p.setPen(QPen(color, 1.5, Qt.PenStyle.DashLine))
        p.setBrush(soft)
        p.drawRect(QRectF(x0, box.y0 + 2, x1 - x0, box.y1 - box.y0 - 4))
