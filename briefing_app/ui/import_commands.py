"""Importing articles from the window: File › Import Article…, dropped files, the review.

The import steps (``ImportFlow``) are made on first use, so their libraries
load only when an article is imported. Saved sources and accepted events
reach the loaded chronology as a ``ChronologyChange``; the proposals still
waiting are counted here and marked in the sources list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject
from PySide6.QtWidgets import QFileDialog

from briefing_app.domain.changes import ChronologyChange
from briefing_app.storage.repository import list_events, pending_counts

if TYPE_CHECKING:
    from briefing_app.ui.importing.import_flow import ImportFlow
    from briefing_app.ui.main_window import MainWindow

__all__ = ["ImportCommands"]


class ImportCommands(QObject):
    """The window's import of articles and review of the proposals they left pending."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self._flow: ImportFlow | None = None
        self.pending: dict[str, int] = {}
        """Proposals waiting for review, by source file."""

    def choose_articles(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.w,
            "Import Articles",
            "",
            "Articles and calendars (*.txt *.md *.markdown *.html *.htm *.mhtml *.pdf *.ics)"
            ";;Calendars (*.ics);;All files (*)",
        )
        if paths:
            self.import_articles(paths)

    @property
    def flow(self) -> ImportFlow:
        """The import steps, made on first use: their modules load only when needed."""
        if self._flow is None:
            from briefing_app.ui.importing.import_flow import ImportFlow

            self._flow = ImportFlow(self.w.db, self.w)
            self._flow.sourcesSaved.connect(self._sources_imported)
            self._flow.eventsAccepted.connect(self._events_imported)
            self._flow.pendingChanged.connect(self._pending_changed)
        return self._flow

    @property
    def started(self) -> bool:
        """Whether the import steps were made (closing the window waits for them)."""
        return self._flow is not None

    def review(self, files: list[str] | None = None) -> bool:
        """Review the proposals waiting from ``files`` (from every imported article when None)."""
        if self.w.db.read_only:
            return False
        if self.flow.review_pending(files):
            return True
        if self.flow.running:
            self.w.statusBar().showMessage("Finish the import under way first.", 5000)
        else:
            self.w.statusBar().showMessage("No proposed event waits for review.", 5000)
            self.show_pending()
        return False

    def _pending_changed(self, _files: list[str]) -> None:
        self.show_pending()
        self.w.show_counts()

    def import_articles(self, paths: list[str]) -> bool:
        """Start importing ``paths``; False while another import is still open."""
        # Link suggestions compare with titles and summaries: the timeline's list has no summaries.
        started = self.flow.start(paths, list_events(self.w.db))
        if not started:
            self.w.statusBar().showMessage("Finish the import under way first.", 5000)
        return started

    def _sources_imported(self, files: list[str]) -> None:
        # The events come with _events_imported, after review.
        self.w.chronology.apply(ChronologyChange(sources=True))
        if files:
            self.w.navigation.open_source(files[0])
        n = len(files)
        self.w.statusBar().showMessage(f"Imported {n} article{'s' if n != 1 else ''}", 8000)

    def _events_imported(self, event_ids: list[str], excerpts: list[tuple[str, str]]) -> None:
        # The accepted events, new or given a passage, are read; the rest of the chronology
        # stays as loaded. The sources' counts and the proposals waiting change too.
        self.w.chronology.apply(ChronologyChange(changed=frozenset(event_ids), sources=True))
        if event_ids:
            self.w.navigation.select_event(event_ids[0], center=True)
        if excerpts:
            file, uid = excerpts[0]
            self.w.navigation.open_source(file, focus_uid=uid)

    def show_pending(self) -> None:
        """Mark the sources whose proposals wait, and offer File › Review Proposals… if any."""
        self.pending = pending_counts(self.w.db)
        self.w.sources_list.model.set_pending(self.pending)
        waiting, articles = sum(self.pending.values()), len(self.pending)
        self.w.review_action.setEnabled(waiting > 0 and not self.w.db.read_only)
        self.w.review_action.setStatusTip(
            f"Accept or reject the {waiting} proposed event{'s' if waiting != 1 else ''} "
            f"waiting from {articles} imported article{'s' if articles != 1 else ''}"
            if waiting
            else "No proposed event waits for review"
        )

    def dropped_files(self, mime: QMimeData) -> list[str]:
        """The local files of a drag onto the window, if it may import them (else none)."""
        if self.w.db.read_only or not mime.hasUrls():
            return []
        return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
