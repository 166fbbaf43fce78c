"""The window's export commands: each dialog opened on what the window shows.

An export from the window starts from its filter (every part of it, not only
the lanes), the briefing on show and, for an image, the period in view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

if TYPE_CHECKING:
    from briefing_app.ui.main_window import MainWindow

__all__ = ["ExportCommands"]


class ExportCommands(QObject):
    """File › Export…: JSON, PDF, Word, image and data, for ``window``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window

    def json(self) -> None:
        from briefing_app.export.json_export import write_chronology_json
        from briefing_app.storage.files import not_written, open_replacing

        path, _ = QFileDialog.getSaveFileName(
            self.w, "Export Chronology as JSON", "chronology.json", "JSON (*.json)"
        )
        if not path:
            return
        try:
            with open_replacing(path, "w", encoding="utf-8") as fh:
                quotes = write_chronology_json(self.w.db, fh)
        except OSError as exc:
            QMessageBox.critical(self.w, "Export failed", not_written(path, exc))
            return
        if quotes.changed:
            from briefing_app.storage.fingerprints import changed_message

            QMessageBox.warning(
                self.w,
                "Export Chronology as JSON",
                f"Exported the chronology to {path}.\n\n{changed_message(quotes.changed)}",
            )
            return
        self.w.statusBar().showMessage(f"Exported the chronology to {path}", 5000)

    def pdf(self) -> None:
        """Export PDF… of what the filter bar shows, with the briefing on show preselected."""
        from briefing_app.ui.exporting.export_dialog import PdfExportDialog

        dialog = PdfExportDialog(self.w.db, self.w)
        dialog.form.set_filter(self.w.filter_bar.filter)
        shown = self.w.work.briefing_panel.briefing
        dialog.choose_briefing(shown.uid if shown else None)
        dialog.exported.connect(
            lambda path, pages: self.w.statusBar().showMessage(
                f"Wrote {path} ({pages} pages)", 8000
            )
        )
        dialog.exec()

    def image(self) -> None:
        """Export Image… of the window the timeline shows, filtered as the screen is."""
        import math
        from datetime import date

        from briefing_app.ui.exporting.image_export_dialog import ImageExportDialog

        dialog = ImageExportDialog(self.w.db, self.w)
        t0, t1 = self.w.timeline.visible_range()
        events = self.w.chronology.events
        if events:  # the visible window, without the padding beyond the data
            t0 = max(t0, min(e.when.first_day for e in events).toordinal())
            t1 = min(t1, max(e.when.last_day for e in events).toordinal() + 1)
        dialog.form.set_filter(self.w.filter_bar.filter)
        dialog.form.set_period(
            date.fromordinal(max(math.floor(t0), 1)), date.fromordinal(max(math.ceil(t1) - 1, 1))
        )
        dialog.exported.connect(lambda path: self.w.statusBar().showMessage(f"Wrote {path}", 8000))
        dialog.exec()

    def word(self) -> None:
        """Export Word Briefing… with the briefing on show preselected."""
        from briefing_app.ui.exporting.image_export_dialog import WordExportDialog

        dialog = WordExportDialog(self.w.db, self.w)
        dialog.form.set_filter(self.w.filter_bar.filter)
        shown = self.w.work.briefing_panel.briefing
        dialog.choose_briefing(shown.uid if shown else None)
        dialog.exported.connect(lambda path: self.w.statusBar().showMessage(f"Wrote {path}", 8000))
        dialog.exec()

    def data(self) -> None:
        """Export Data… as TimelineJS JSON, CSV, Excel or iCalendar."""
        from briefing_app.ui.exporting.image_export_dialog import DataExportDialog

        dialog = DataExportDialog(self.w.db, self.w)
        dialog.form.set_filter(self.w.filter_bar.filter)
        dialog.exported.connect(lambda path: self.w.statusBar().showMessage(f"Wrote {path}", 8000))
        dialog.exec()
