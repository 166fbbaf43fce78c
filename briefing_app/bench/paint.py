"""Paint-time measurements: our timeline, and a bare QGraphicsScene for reference.

Each view (the whole span, one year, one week) is driven through a scripted
sequence of small zooms and pans; every frame is rendered into an image the
size of the widget and timed from the change to the finished frame.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from briefing_app.domain.model import LANES, Event

__all__ = ["FrameStats", "VIEWS", "measure_frames", "measure_wheel", "ReferenceScene"]

VIEWS: dict[str, tuple[float, float]] = {
    "full": (float(date(1999, 1, 1).toordinal()), float(date(2026, 1, 1).toordinal())),
    "1 year": (float(date(2022, 1, 1).toordinal()), float(date(2023, 1, 1).toordinal())),
    "1 week": (float(date(2022, 3, 7).toordinal()), float(date(2022, 3, 14).toordinal())),
}
FRAMES = 30


@dataclass(frozen=True)
class FrameStats:
    median_ms: float
    p95_ms: float

    @classmethod
    def of(cls, samples: Sequence[float]) -> FrameStats:
        ordered = sorted(samples)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        return cls(statistics.median(ordered), p95)


def _render(widget: QWidget, image: QImage) -> None:
    painter = QPainter(image)
    QWidget.render(widget, painter, QPoint(0, 0))  # the widget as drawn, for views too
    painter.end()


def _script(t0: float, t1: float) -> list[tuple[float, float]]:
    """Ranges visited: small pans left and right, zooms in and out, around a view."""
    ranges: list[tuple[float, float]] = []
    span = t1 - t0
    centre = (t0 + t1) / 2
    for i in range(FRAMES):
        phase = i % 6
        if phase < 3:
            shift = span * 0.04 * (1 if phase % 2 == 0 else -1) * (1 + i // 6)
            ranges.append((t0 + shift, t1 + shift))
        else:
            factor = 1.12 if phase % 2 else 1 / 1.12
            half = span / 2 * factor
            ranges.append((centre - half, centre + half))
    return ranges


def measure_frames(
    set_range: Callable[[float, float], None], widget: QWidget, t0: float, t1: float
) -> FrameStats:
    """Time from a range change to the rendered frame, over the scripted sequence."""
    image = QImage(widget.size(), QImage.Format.Format_ARGB32_Premultiplied)
    set_range(t0, t1)
    _render(widget, image)  # warm: first layout at this zoom
    samples: list[float] = []
    for a, b in _script(t0, t1):
        began = time.perf_counter()
        set_range(a, b)
        _render(widget, image)
        samples.append((time.perf_counter() - began) * 1000)
    return FrameStats.of(samples)


def measure_wheel(
    widget: QWidget,
    set_range: Callable[[float, float], None],
    t0: float,
    t1: float,
    steps: int = 20,
) -> FrameStats:
    """One wheel notch, from the event to the painted frame, alternating in and out."""
    image = QImage(widget.size(), QImage.Format.Format_ARGB32_Premultiplied)
    set_range(t0, t1)
    _render(widget, image)
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    samples: list[float] = []
    for i in range(steps):
        delta = 120 if i % 2 == 0 else -120
        event = QWheelEvent(
            centre,
            widget.mapToGlobal(centre),
            QPoint(0, 0),
            QPoint(0, delta),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        began = time.perf_counter()
        QApplication.sendEvent(widget, event)
        _render(widget, image)
        samples.append((time.perf_counter() - began) * 1000)
    return FrameStats.of(samples)


class ReferenceScene:
    """One rectangle and one text item per event in a QGraphicsScene: Qt drawing alone."""

    LANE_HEIGHT = 90.0

    def __init__(self, events: Sequence[Event], width: int, height: int) -> None:
        self.scene = QGraphicsScene()
        pen = QPen(Qt.PenStyle.NoPen)
        brush = QBrush(QColor("#4477AA"))
        lanes = {lane: i for i, lane in enumerate(LANES)}
        for i, ev in enumerate(events):
            x0 = float(ev.when.first_day.toordinal())
            x1 = float(ev.when.last_day.toordinal()) + 1
            y = lanes[ev.lane] * self.LANE_HEIGHT + (i % 4) * 20
            rect = QGraphicsRectItem(QRectF(x0, y, x1 - x0, 12))
            rect.setPen(pen)
            rect.setBrush(brush)
            self.scene.addItem(rect)
            label = QGraphicsSimpleTextItem(ev.title)
            label.setPos(x0, y)
            label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            self.scene.addItem(label)
        self.view = QGraphicsView(self.scene)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.resize(width, height)

    def set_range(self, t0: float, t1: float) -> None:
        self.view.resetTransform()
        self.view.scale(self.view.viewport().width() / (t1 - t0), 1.0)
        self.view.centerOn((t0 + t1) / 2, len(LANES) * self.LANE_HEIGHT / 2)
