"""The timeline on paper and in pictures: its key, its width, where its axis ends, its lanes."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from briefing_app.domain.filters import EventFilter
from briefing_app.domain.model import LANES, Lane
from briefing_app.export.images import DESIGN_WIDTH, paint_timeline_image
from briefing_app.export.options import ExportOptions
from briefing_app.export.selection import select_for_export
from briefing_app.export.timeline_pages import EMPTY_LANE, PaperTimelinePainter
from briefing_app.export.typeset import Fonts
from briefing_app.geometry.index import EventIndex
from briefing_app.storage.database import Database
from tests.export.conftest import run_export


def test_png_and_svg_default_to_the_same_width(annotated_db_path: Path, tmp_path: Path) -> None:
    sizes = []
    for fmt in ("png", "svg"):
        out = tmp_path / f"timeline.{fmt}"
        result = run_export(annotated_db_path, "--format", fmt, "-o", str(out), "--from", "2020")
        assert result.returncode == 0, result.stderr
        sizes.append(result.stderr.rsplit(":", 1)[1].strip())
    assert sizes[0] == sizes[1] and sizes[0].startswith("2000 x ")


def test_the_picture_key_sends_no_one_to_a_chronology(
    annotated_db_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "timeline.svg"
    result = run_export(annotated_db_path, "--format", "svg", "-o", str(out))
    assert result.returncode == 0, result.stderr
    svg = out.read_text(encoding="utf-8")
    assert "too close to label" in svg and "chronology" not in svg.replace(
        "European defence: a chronology", ""
    )


def test_the_axis_ends_with_the_period(annotated_db: Database, qapp: Any) -> None:
    """Right of the last day there is room for labels, but no more time on the axis."""
    selection = select_for_export(annotated_db, ExportOptions())
    width = round(DESIGN_WIDTH)
    image = QImage(width, 900, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    paint_timeline_image(p, selection, width)
    p.end()
    painter = PaperTimelinePainter(Fonts())
    rect = QRectF(12, 30, DESIGN_WIDTH - 24, 500)
    t1 = selection.last_day.toordinal() + 1
    frame = painter.frame(
        EventIndex(selection.events),
        selection.options.ordered_lanes,
        selection.first_day.toordinal(),
        t1,
        rect,
        own_events=False,
    )
    end = frame.time_left + frame.layout.scale.to_px(t1)
    base = 30 + 26  # the header, then the axis band

    def inked(x: float) -> bool:
        return any(QColor(image.pixel(round(x), y)).lightness() < 235 for y in (base - 1, base))

    assert end < rect.right() - 20  # the labels' room is there...
    assert inked(end - 15) and not inked(end + 12) and not inked(rect.right() - 3)  # ...no axis


def test_empty_lanes_take_little_height(annotated_db: Database, qapp: Any) -> None:
    selection = select_for_export(
        annotated_db,
        ExportOptions(filter=EventFilter(first_day=date(2000, 1, 1), last_day=date(2008, 12, 31))),
    )
    painter = PaperTimelinePainter(Fonts())
    rect = QRectF(28, 52, 786, 495)
    frame = painter.frame(
        EventIndex(selection.events),
        LANES,
        date(2000, 1, 1).toordinal(),
        date(2009, 1, 1).toordinal(),
        rect,
    )
    heights = {box.lane: box.y1 - box.y0 for box in frame.layout.lanes}
    full = {ev.lane for ev in selection.events}
    assert full and full != set(LANES)
    assert all(heights[lane] == EMPTY_LANE for lane in LANES if lane not in full)
    assert all(heights[lane] > 3 * EMPTY_LANE for lane in full)
    assert abs(sum(heights.values()) - (rect.height() - 26)) < 0.01
    assert frame.layout.lanes[-1].y1 <= rect.bottom() + 0.01
    assert Lane.UKRAINE not in full
