"""The window's export commands: each dialog opened on what the window shows.

An export from the window starts from its filter (every part of it, not only
the lanes), the briefing on show and, for an image, the period in view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

if TYPE_CHECKING:
    from briefing_app.domain.briefing import BriefingSnapshot
    from briefing_app.ui.main_window import MainWindow

__all__ = ["ExportCommands"]


class ExportCommands(QObject):
    """File › Export…: JSON, PDF, Word, image and data, for ``window``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.changes_dialog: QDialog | None = None

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
            lambda path, pages: self._handed_on(dialog.briefing(), "pdf", f"{path} ({pages} pages)")
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
        dialog.exported.connect(lambda path: self._handed_on(dialog.briefing(), "docx", path))
        dialog.exec()

    def data(self) -> None:
        """Export Data… as TimelineJS JSON, CSV, Excel or iCalendar."""
        from briefing_app.ui.exporting.image_export_dialog import DataExportDialog

        dialog = DataExportDialog(self.w.db, self.w)
        dialog.form.set_filter(self.w.filter_bar.filter)
        dialog.exported.connect(lambda path: self.w.statusBar().showMessage(f"Wrote {path}", 8000))
        dialog.exec()

    # -- handing a briefing on ------------------------------------------------------------------
    def _handed_on(self, briefing: BriefingSnapshot | None, how: str, wrote: str) -> None:
        """After a PDF or Word export: a briefing in it is kept as handed on."""
        if briefing is None:
            self.w.statusBar().showMessage(f"Wrote {wrote}", 8000)
            return
        if self.w.db.read_only:
            self.w.statusBar().showMessage(
                f"Wrote {wrote}; not kept as handed on: the database is read-only", 10000
            )
            return
        from briefing_app.services.deliveries import record_delivery
        from briefing_app.services.lookup import EditRefused

        try:
            record_delivery(self.w.db, briefing.uid, how)
        except EditRefused as exc:
            self.w.statusBar().showMessage(f"Wrote {wrote}; not kept as handed on: {exc}", 10000)
            return
        self.w.statusBar().showMessage(
            f"Wrote {wrote}; “{briefing.name}” kept as handed on "
            "(File › What Changed Since Delivery compares with it)",
            10000,
        )

    def _shown_briefing(self, title: str) -> BriefingSnapshot | None:
        shown = self.w.work.briefing_panel.briefing
        if shown is None:
            QMessageBox.information(
                self.w, title, "Choose a briefing in the Briefing panel (Ctrl+5) first."
            )
        return shown

    def mark_delivered(self) -> None:
        """File › Mark Briefing as Delivered: keep the briefing on show as it stands now."""
        shown = self._shown_briefing("Mark Briefing as Delivered")
        if shown is None:
            return
        from briefing_app.services.deliveries import mark_delivered
        from briefing_app.services.lookup import EditRefused

        try:
            done = mark_delivered(self.w.db, shown.name)
        except EditRefused as exc:
            QMessageBox.warning(self.w, "Mark Briefing as Delivered", str(exc))
            return
        self.w.statusBar().showMessage(
            f"“{done.briefing_name}” {done.describe()} ({done.counts()} kept as handed on)",
            10000,
        )

    def changes_since(self) -> None:
        """File › What Changed Since Delivery…: the changes, each leading to its event."""
        shown = self._shown_briefing("What Changed Since Delivery")
        if shown is None:
            return
        from briefing_app.ui.briefing.changes_since import ChangesSinceDialog

        dialog = ChangesSinceDialog(self.w.db, shown.name, self.w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.eventChosen.connect(self._show_changed)
        dialog.delivered.connect(lambda _name: self._outline_changes())
        dialog.finished.connect(lambda _result: self.w.timeline.set_highlighted(()))
        self.changes_dialog = dialog
        dialog.show()
        self._outline_changes()

    def _outline_changes(self) -> None:
        """The events the changes are about, outlined on the timeline while the list is open."""
        dialog = self.changes_dialog
        self.w.timeline.set_highlighted(dialog.changed_events() if dialog else ())

    def _show_changed(self, event_id: str) -> None:
        self.w.navigation.select_event(event_id, True)
        self._outline_changes()  # selecting clears the outline: keep it while the list is open
