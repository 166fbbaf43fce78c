"""Shapes drawn the same way on screen, on paper and in the legend.

Qt only: importing this module loads neither the exports nor the widgets.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF

from briefing_app.domain.model import Event, Origin
from briefing_app.geometry.marks import Mark, Rect
from briefing_app.geometry.palette import ANNOTATION_RGB, FLAG_RGB, LANE_RGB, RGB

__all__ = [
    "CLUSTER_FILL_ALPHA",
    "PAPER_MARKS",
    "SCREEN_MARKS",
    "MarkStyle",
    "diamond",
    "draw_cluster_pill",
    "paint_mark",
    "qrect",
    "rgb",
]

CLUSTER_FILL_ALPHA = 70
"""Opacity of a cluster's fill over the lane: light enough for its count to read."""


def diamond(centre: QPointF, radius: float) -> QPolygonF:
    """The marker of the briefer's own events (curated ones are circles)."""
    x, y = centre.x(), centre.y()
    return QPolygonF(
        [
            QPointF(x, y - radius),
            QPointF(x + radius, y),
            QPointF(x, y + radius),
            QPointF(x - radius, y),
        ]
    )


def draw_cluster_pill(
    p: QPainter,
    rect: QRectF,
    color: QColor,
    label: str,
    *,
    font: QFont,
    text: QColor,
    line_width: float,
) -> None:
    """A cluster: a pill outlined in ``color`` over a light fill of it, ``label`` centred."""
    fill = QColor(color)
    fill.setAlpha(CLUSTER_FILL_ALPHA)
    path = QPainterPath()
    path.addRoundedRect(rect, rect.height() / 2, rect.height() / 2)
    p.setPen(QPen(color, line_width))
    p.setBrush(fill)
    p.drawPath(path)
    p.setPen(text)
    p.setFont(font)
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)


@dataclass(frozen=True, slots=True)
class MarkStyle:
    """How one medium strokes the marks: the screen in pixels, paper in points."""

    corner: float
    """Radius of a band's and a range's rounded corners."""
    band_edge: float
    """Width of the darker edge that starts a band (its first day)."""
    band_edge_alpha: int
    range_pen: float
    range_inset: float
    """How far a range's outline is drawn inside its body (half a pixel keeps it crisp)."""
    point_pen: float
    diamond_grow: float
    """How much larger than the circle a diamond is drawn, so both read as one size."""
    badge_pen: float
    badge_grow: float


SCREEN_MARKS = MarkStyle(
    corner=3.0,
    band_edge=2.0,
    band_edge_alpha=150,
    range_pen=1.0,
    range_inset=0.5,
    point_pen=1.0,
    diamond_grow=0.5,
    badge_pen=1.0,
    badge_grow=0.5,
)
PAPER_MARKS = MarkStyle(
    corner=2.0,
    band_edge=1.5,
    band_edge_alpha=170,
    range_pen=0.6,
    range_inset=0.0,
    point_pen=0.5,
    diamond_grow=0.4,
    badge_pen=0.5,
    badge_grow=0.0,
)


def rgb(value: RGB, alpha: int = 255) -> QColor:
    """A palette colour (plain RGB) as a QColor, optionally translucent."""
    return QColor(value[0], value[1], value[2], alpha)


def qrect(r: Rect, grow: float = 0.0) -> QRectF:
    """A geometry rectangle as a QRectF, grown by ``grow`` on every side."""
    return QRectF(r.x - grow, r.y - grow, r.w + 2 * grow, r.h + 2 * grow)


def paint_mark(p: QPainter, m: Mark, event: Event | None, style: MarkStyle) -> None:
    """One event's mark (band, range, circle or diamond) and its note badge.

    A band is a month or a year, a range a span of days, a point one day; the
    briefer's own events are diamonds. The badge is crimson on a talking point.
    """
    lane = LANE_RGB[m.lane]
    body = qrect(m.body)
    if m.kind == "band":
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(rgb(lane, 60))
        p.drawRoundedRect(body, style.corner, style.corner)
        edge = QRectF(body.left(), body.top(), min(style.band_edge, body.width()), body.height())
        p.fillRect(edge, rgb(lane, style.band_edge_alpha))
    elif m.kind == "range":
        inset = style.range_inset
        p.setPen(QPen(rgb(lane), style.range_pen))
        p.setBrush(rgb(lane, 95))
        p.drawRoundedRect(body.adjusted(inset, inset, -inset, -inset), style.corner, style.corner)
    else:
        p.setPen(QPen(rgb(lane).darker(150), style.point_pen))
        p.setBrush(rgb(lane))
        if event is not None and event.origin is Origin.USER:
            p.drawPolygon(diamond(body.center(), body.width() / 2 + style.diamond_grow))
        else:
            p.drawEllipse(body)
    if m.badge is not None:
        flagged = event is not None and event.flagged
        p.setPen(QPen(QColor("white"), style.badge_pen))
        p.setBrush(rgb(FLAG_RGB if flagged else ANNOTATION_RGB))
        p.drawEllipse(qrect(m.badge, style.badge_grow))
