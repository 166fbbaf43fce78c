"""The PDF a briefer takes on a plane, written to a file or drawn as a preview.

The pages come from ``pdf_builder.PdfBuilder``. With a briefing that cites
events, its notes print the chronology page of each: a first pass on a
``NullSink`` learns the pages, and the document is set again if the notes'
numbers moved anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtGui import QImage

from briefing_app.domain.briefing import BriefingSnapshot
from briefing_app.export.pdf_builder import PdfBuilder, Progress
from briefing_app.export.pdf_outline import apply_marks
from briefing_app.export.pdf_sinks import ImageSink, NullSink, PdfSink
from briefing_app.export.selection import ExportSelection
from briefing_app.storage.files import open_replacing, scratch_beside

__all__ = [
    "PdfBuilder",
    "PdfExport",
    "Progress",
    "render_preview",
    "write_pdf",
]


def _needs_pages(briefing: BriefingSnapshot | None) -> bool:
    """Whether the briefing's notes print chronology pages (they cite events)."""
    return briefing is not None and any(c.event_id for pt in briefing.points for c in pt.citations)


def _first_pass(
    selection: ExportSelection, briefing: BriefingSnapshot | None
) -> Iterator[Progress | dict[str, int]]:
    """Set the document on a ``NullSink``, yielding progress, then where each event landed."""
    builder = PdfBuilder(selection, NullSink(), briefing)
    for progress in builder.steps():
        yield Progress(progress.done, progress.total, f"numbering pages: {progress.message}")
    yield builder.chronology_pages()


class PdfExport:
    """One PDF export to a file: run ``steps()`` out, or close it early to cancel.

    Qt writes the pages to a hidden file beside ``path``; the bookmarks and
    links are then added into a second one, renamed over ``path`` only once
    complete. Until then a file already at ``path`` is untouched; cancelling
    (closing the generator) or any error removes both temporary files.
    ``pages`` holds the page count once finished.

    With a briefing that cites events, a first pass learns the chronology's
    pages for its notes; should the notes' new numbers move a page (they
    rarely can), the document is set once more with the pages it found.
    """

    _MAX_PASSES = 3

    def __init__(
        self, selection: ExportSelection, path: Path, briefing: BriefingSnapshot | None = None
    ) -> None:
        self.selection = selection
        self.path = path
        self.briefing = briefing
        self.pages = 0

    def steps(self) -> Iterator[Progress]:
        known: dict[str, int] | None = None
        passes = 1
        if _needs_pages(self.briefing):
            passes = 2
            for item in _first_pass(self.selection, self.briefing):
                if isinstance(item, Progress):
                    yield Progress(item.done, item.total * passes, item.message)
                else:
                    known = item
        last = Progress(0, 1, "")
        for attempt in range(self._MAX_PASSES):
            # Fails at once, with the system's own message, when the folder cannot be written.
            with scratch_beside(self.path) as pages_file:
                sink = PdfSink(pages_file, self.selection.options.title)
                builder = PdfBuilder(self.selection, sink, self.briefing, known_pages=known)
                try:
                    for last in builder.steps():
                        before = last.total * (passes - 1)
                        yield Progress(before + last.done, last.total * passes, last.message)
                finally:
                    sink.finish()
                sink.check()
                if not builder.pages_agree() and attempt + 1 < self._MAX_PASSES:
                    known = builder.chronology_pages()
                    continue
                with open_replacing(self.path, "wb") as out:
                    apply_marks(pages_file, builder.marks, out)
                self.pages = builder.pages
                break
        yield Progress(last.total * passes, last.total * passes, "bookmarks and links")


def write_pdf(
    selection: ExportSelection,
    path: Path,
    *,
    briefing: BriefingSnapshot | None = None,
    on_progress: Callable[[Progress], None] | None = None,
) -> int:
    """Write the whole PDF to ``path``; returns the number of pages."""
    export = PdfExport(selection, path, briefing)
    for progress in export.steps():
        if on_progress is not None:
            on_progress(progress)
    return export.pages


def render_preview(
    selection: ExportSelection,
    pages: int = 3,
    dpi: float = 48.0,
    briefing: BriefingSnapshot | None = None,
) -> list[QImage]:
    """The document's first ``pages`` pages as images, drawn by the same code as the PDF."""
    known: dict[str, int] | None = None
    if _needs_pages(briefing):
        for item in _first_pass(selection, briefing):
            if not isinstance(item, Progress):
                known = item
    sink = ImageSink(pages, dpi)
    builder = PdfBuilder(selection, sink, briefing, page_limit=pages, known_pages=known)
    for _ in builder.steps():
        if builder.stopped or len(sink.images) > pages:
            break
    sink.finish()
    return sink.images
