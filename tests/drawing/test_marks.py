"""One drawing of a mark for the screen and the paper: what each kind looks like."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter

from briefing_app.domain.model import Event, Lane, Origin
from briefing_app.drawing.marks import PAPER_MARKS, SCREEN_MARKS, MarkStyle, paint_mark
from briefing_app.geometry.marks import Mark, Rect
from briefing_app.geometry.palette import ANNOTATION_RGB, FLAG_RGB, LANE_RGB
from tests.geometry.event_builders import on_day

WHITE = QColor("white")


def _draw(mark: Mark, event: Event | None, style: MarkStyle) -> QImage:
    image = QImage(60, 40, QImage.Format.Format_ARGB32)
    image.fill(WHITE)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    paint_mark(p, mark, event, style)
    p.end()
    return image


def _point(badge: bool = False) -> Mark:
    return Mark(
        "e",
        Lane.NATO,
        0,
        20.0,
        20.0,
        "point",
        "label",
        Rect(40, 10, 10, 10),
        Rect(10, 10, 20, 20),
        Rect(30, 2, 8, 8) if badge else None,
    )


def _rgb(image: QImage, x: float, y: float) -> tuple[int, int, int]:
    c = image.pixelColor(QPointF(x, y).toPoint())
    return c.red(), c.green(), c.blue()


@pytest.mark.parametrize("style", [SCREEN_MARKS, PAPER_MARKS])
def test_curated_events_are_circles_own_events_diamonds(qapp: object, style: MarkStyle) -> None:
    curated = on_day("e", date(2020, 1, 1), Lane.NATO)
    own = on_day("e", date(2020, 1, 1), Lane.NATO, origin=Origin.USER)
    # (14, 14) is inside the circle of radius 10 round (20, 20), outside the diamond.
    circle, diamond = _draw(_point(), curated, style), _draw(_point(), own, style)
    assert _rgb(circle, 20, 20) == LANE_RGB[Lane.NATO]
    assert _rgb(diamond, 20, 20) == LANE_RGB[Lane.NATO]
    assert _rgb(circle, 14, 14) == LANE_RGB[Lane.NATO]
    assert _rgb(diamond, 13, 13) == (255, 255, 255)


@pytest.mark.parametrize("style", [SCREEN_MARKS, PAPER_MARKS])
def test_the_badge_is_crimson_on_a_talking_point(qapp: object, style: MarkStyle) -> None:
    noted = on_day("e", date(2020, 1, 1), Lane.NATO, annotation_count=1)
    flagged = on_day("e", date(2020, 1, 1), Lane.NATO, annotation_count=1, flagged=True)
    assert _rgb(_draw(_point(badge=True), noted, style), 34, 6) == ANNOTATION_RGB
    assert _rgb(_draw(_point(badge=True), flagged, style), 34, 6) == FLAG_RGB
    assert _rgb(_draw(_point(), flagged, style), 34, 6) == (255, 255, 255)


def test_a_band_is_a_light_tint_with_a_darker_first_day(qapp: object) -> None:
    band = Mark("e", Lane.EU, 0, 5, 55, "band", "label", Rect(0, 0, 1, 1), Rect(5, 10, 50, 20))
    image = _draw(band, None, PAPER_MARKS)
    edge, inside = image.pixelColor(5, 20), image.pixelColor(30, 20)
    assert inside != WHITE
    assert edge.blue() < inside.blue()  # more of the lane's blue over white: less white
