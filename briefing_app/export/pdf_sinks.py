"""Where the PDF's pages go: the PDF file itself, or images for a preview.

Both give a painter whose units are points, so the builder draws the same
page either way; the image sink stops the document after a few pages.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from briefing_app.export.options import PageSize

__all__ = ["APP_NAME", "ImageSink", "PdfSink", "page_size_points"]

APP_NAME = "Briefing Chronology"


def page_size_points(size: PageSize) -> QSizeF:
    """Portrait size in points."""
    ident = QPageSize.PageSizeId.A4 if size is PageSize.A4 else QPageSize.PageSizeId.Letter
    return QPageSize(ident).size(QPageSize.Unit.Point)


class PdfSink:
    """Pages into a PDF file at 72 dpi, so painter units are points."""

    def __init__(self, path: Path, title: str) -> None:
        self.writer = QPdfWriter(str(path))
        self.writer.setResolution(72)
        self.writer.setTitle(title)
        self.writer.setCreator(APP_NAME)
        self.painter: QPainter | None = None
        self.heights: list[float] = []

    def new_page(self, size: QSizeF) -> QPainter:
        orientation = (
            QPageLayout.Orientation.Landscape
            if size.width() > size.height()
            else QPageLayout.Orientation.Portrait
        )
        portrait = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
        layout = QPageLayout(
            QPageSize(portrait, QPageSize.Unit.Point),
            orientation,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Point,
        )
        self.writer.setPageLayout(layout)
        if self.painter is None:
            self.painter = QPainter()
            if not self.painter.begin(self.writer):
                raise OSError("the PDF writer could not start (is the folder writable?)")
        else:
            self.writer.newPage()
        self.heights.append(size.height())
        return self.painter

    def finish(self) -> None:
        if self.painter is not None and self.painter.isActive():
            self.painter.end()


class ImageSink:
    """The first ``limit`` pages as images, for the export dialog's preview."""

    def __init__(self, limit: int, dpi: float = 48.0) -> None:
        self.limit = limit
        self.scale = dpi / 72.0
        self.images: list[QImage] = []
        self.painter: QPainter | None = None

    def new_page(self, size: QSizeF) -> QPainter | None:
        self.finish()
        if len(self.images) >= self.limit:
            return None
        image = QImage(
            round(size.width() * self.scale),
            round(size.height() * self.scale),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.fill(QColor("white"))
        self.images.append(image)
        self.painter = QPainter(image)
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self.painter.scale(self.scale, self.scale)
        return self.painter

    def finish(self) -> None:
        if self.painter is not None and self.painter.isActive():
            self.painter.end()
        self.painter = None
