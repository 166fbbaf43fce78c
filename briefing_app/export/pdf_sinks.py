"""Where the PDF's pages go: the PDF file itself, or images for a preview.

Both give a painter whose units are points, so the builder draws the same
page either way; the image sink stops the document after a few pages.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from PySide6.QtCore import QFile, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from briefing_app.export.options import PageSize

__all__ = ["APP_NAME", "ImageSink", "NullSink", "PdfSink", "page_size_points"]

APP_NAME = "Briefing Chronology"


def page_size_points(size: PageSize) -> QSizeF:
    """Portrait size in points."""
    ident = QPageSize.PageSizeId.A4 if size is PageSize.A4 else QPageSize.PageSizeId.Letter
    return QPageSize(ident).size(QPageSize.Unit.Point)


_QT_WRITE_ERRORS = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EACCES, errno.EIO)


def _file_error(file: QFile, path: Path) -> OSError:
    """Qt's file error as an ``OSError`` with the system's code where Qt kept its words."""
    message = file.errorString()
    code = next((c for c in _QT_WRITE_ERRORS if os.strerror(c) in message), errno.EIO)
    return OSError(code, message, str(path))


class PdfSink:
    """Pages into a PDF file at 72 dpi, so painter units are points.

    Qt's PDF writer does not report a failed write (a full disk, say): the
    file it writes through is opened here, and ``finish`` reads its error.
    """

    def __init__(self, path: Path, title: str) -> None:
        self.path = path
        self.file = QFile(str(path))
        if not self.file.open(QIODevice.OpenModeFlag.WriteOnly | QIODevice.OpenModeFlag.Truncate):
            raise _file_error(self.file, path)
        self.error: OSError | None = None
        self.writer = QPdfWriter(self.file)
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
        """End the document and close the file, keeping any write error for ``check``."""
        if self.painter is not None and self.painter.isActive():
            self.painter.end()
        if self.file.isOpen():
            self.file.flush()
            if self.file.error() != QFile.FileError.NoError:
                self.error = _file_error(self.file, self.path)
            self.file.close()
        if self.error is None and self.file.error() != QFile.FileError.NoError:
            self.error = _file_error(self.file, self.path)

    def check(self) -> None:
        """Raise the write error ``finish`` found, if any."""
        if self.error is not None:
            raise self.error


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


class NullSink:
    """Pages set and drawn nowhere: a pass that only learns where everything lands.

    The painter works on one tiny image, so text is laid out exactly as for
    the PDF (the layout measures on its own 72-dpi device) at little cost.
    """

    def __init__(self) -> None:
        self.image = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
        self.painter: QPainter | None = None
        self.heights: list[float] = []

    def new_page(self, size: QSizeF) -> QPainter:
        if self.painter is None:
            self.painter = QPainter(self.image)
        self.heights.append(size.height())
        return self.painter

    def finish(self) -> None:
        if self.painter is not None and self.painter.isActive():
            self.painter.end()
        self.painter = None
