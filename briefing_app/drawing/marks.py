"""Shapes drawn the same way on screen, on paper and in the legend.

Qt only: importing this module loads neither the exports nor the widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF

__all__ = ["CLUSTER_FILL_ALPHA", "diamond", "draw_cluster_pill"]

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
