"""The timeline of a period as a picture for slides: PNG at a chosen width, or SVG.

Both are drawn by the PDF's timeline painter from the same geometry, laid
out on a fixed design width and scaled to the requested pixels, so a wider
PNG is the same picture at a higher resolution. SVG keeps text as text and
marks as shapes.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from briefing_app.export.glyphs import paper_events, printable
from briefing_app.export.selection import ExportSelection
from briefing_app.export.timeline_pages import (
    AXIS_HEIGHT,
    EMPTY_LANE,
    PaperTimelinePainter,
    span_label,
)
from briefing_app.export.typeset import Fonts
from briefing_app.geometry.index import EventIndex
from briefing_app.storage.files import write_bytes

__all__ = [
    "DEFAULT_WIDTH",
    "DESIGN_WIDTH",
    "ImageError",
    "image_size",
    "paint_timeline_image",
    "png_bytes",
    "svg_bytes",
    "write_png",
    "write_svg",
]

DESIGN_WIDTH = 1000.0
"""Layout width in points; the output is scaled from it."""
_HEADER = 30.0
_FOOTER = 22.0
_LANE = 74.0
_DOTS_PER_METRE_72DPI = round(72 / 0.0254)
MAX_PIXELS = 16_000
DEFAULT_WIDTH = 2000
"""Pixels across when none is asked for, PNG and SVG alike: sharp on a full-HD slide."""


class ImageError(ValueError):
    """A size that cannot be drawn; the message says what is allowed."""


def _design_height(selection: ExportSelection, index: EventIndex) -> float:
    """Room for the header, axis, lanes and legend; a lane with no event takes little."""
    t0, t1 = selection.first_day.toordinal(), selection.last_day.toordinal() + 1
    lanes = sum(
        _LANE if index.visible(lane, t0, t1) else EMPTY_LANE
        for lane in selection.options.ordered_lanes
    )
    return _HEADER + AXIS_HEIGHT + lanes + _FOOTER


def image_size(selection: ExportSelection, width_px: int) -> QSize:
    """The pixel size of the picture for ``width_px``: height follows the lanes."""
    if not 64 <= width_px <= MAX_PIXELS:
        raise ImageError(f"width must be between 64 and {MAX_PIXELS} pixels, not {width_px}")
    height = _design_height(selection, EventIndex(selection.events))
    return QSize(width_px, round(height * width_px / DESIGN_WIDTH))


def paint_timeline_image(p: QPainter, selection: ExportSelection, width_px: int) -> None:
    """Paint the selection's period onto ``p``, which covers ``image_size`` pixels."""
    fonts = Fonts()
    lanes = selection.options.ordered_lanes
    index = EventIndex(paper_events(selection.events))
    height = _design_height(selection, index)
    p.save()
    p.scale(width_px / DESIGN_WIDTH, width_px / DESIGN_WIDTH)
    p.fillRect(QRectF(0, 0, DESIGN_WIDTH, height), QColor("white"))
    painter = PaperTimelinePainter(fonts)
    t0 = selection.first_day.toordinal()
    t1 = selection.last_day.toordinal() + 1
    rect = QRectF(12, _HEADER, DESIGN_WIDTH - 24, height - _HEADER - _FOOTER)
    frame = painter.frame(index, lanes, t0, t1, rect, own_events=False)
    p.setPen(QColor(15, 15, 20))
    p.setFont(fonts.entry_title)
    period = span_label(selection.first_day, date.fromordinal(t1))
    title = f"{selection.options.title} · {period}"
    p.drawText(QPointF(12, 20), printable(title))
    painter.paint(p, frame)
    painter.paint_legend(p, 12, height - _FOOTER + 6, continued=False, in_document=False)
    p.restore()


def _render_png(selection: ExportSelection, width_px: int) -> QImage:
    size = image_size(selection, width_px)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDotsPerMeterX(_DOTS_PER_METRE_72DPI)
    image.setDotsPerMeterY(_DOTS_PER_METRE_72DPI)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    try:
        paint_timeline_image(painter, selection, width_px)
    finally:
        painter.end()
    return image


def png_bytes(selection: ExportSelection, width_px: int = DEFAULT_WIDTH) -> bytes:
    """The picture as PNG bytes, for documents that embed it (Word)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not _render_png(selection, width_px).save(buffer, "PNG"):
        raise OSError("the timeline picture could not be encoded as PNG")
    return bytes(buffer.data().data())


def write_png(selection: ExportSelection, path: Path, width_px: int = DEFAULT_WIDTH) -> QSize:
    """Write the picture as PNG, replacing ``path`` once complete; returns its size in pixels."""
    size = image_size(selection, width_px)
    write_bytes(path, png_bytes(selection, width_px))
    return size


def svg_bytes(selection: ExportSelection, width_px: int = DEFAULT_WIDTH) -> bytes:
    """The picture as SVG text (UTF-8) with the given pixel size."""
    size = image_size(selection, width_px)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setResolution(72)
    generator.setTitle(selection.options.title)
    generator.setDescription("Timeline exported from Briefing Chronology")
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError("the SVG could not be drawn")
    try:
        paint_timeline_image(painter, selection, width_px)
    finally:
        painter.end()
    text = bytes(buffer.data().data()).decode("utf-8")
    return _size_in_pixels(text, size).encode("utf-8")


def write_svg(selection: ExportSelection, path: Path, width_px: int = DEFAULT_WIDTH) -> QSize:
    """Write the picture as SVG, replacing ``path`` once complete; returns the size."""
    size = image_size(selection, width_px)
    write_bytes(path, svg_bytes(selection, width_px))
    return size


def _size_in_pixels(text: str, size: QSize) -> str:
    """Give the root element its size in pixels (Qt writes millimetres)."""
    head, sep, rest = text.partition("viewBox=")
    head = re.sub(r'width="[^"]*"', f'width="{size.width()}"', head, count=1)
    head = re.sub(r'height="[^"]*"', f'height="{size.height()}"', head, count=1)
    return head + sep + rest
