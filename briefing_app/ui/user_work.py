"""The user's own work in the main window: notes, own events and excerpts, briefings, undo.

This object owns the edit controller (and its undo stack), the notes shown
in the event panel and the Briefing panel, and the menus and dialogs that
start edits. It reaches into no other widget: the window connects its
signals (the timeline's context menu, the reader's selection menu) to the
slots here and listens for what changed.

Signals:
    selectEventRequested(str): show this event (a new one, a reference's event).
    chronologyChanged(ChronologyChange): what the edits since the last one changed,
        collected into one value (an import of notes: everything).
    statusMessage(str): a short message for the status bar.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox, QWidget

from briefing_app.domain.changes import ChronologyChange
from briefing_app.domain.model import Event, Lane, Origin, Source
from briefing_app.domain.wording import counted
from briefing_app.services.selection import suggest_event
from briefing_app.services.sharing import SharingError, import_file, write_export
from briefing_app.services.user_events import get_event_snapshot, hidden_event_ids
from briefing_app.storage.files import not_written
from briefing_app.storage.repository import get_event, get_source_text, list_events
from briefing_app.ui.briefing.briefing_panel import BriefingPanel
from briefing_app.ui.common.chronology_model import ChronologyModel
from briefing_app.ui.common.edit_controller import EditController
from briefing_app.ui.editing.annotation_list import AnnotationList
from briefing_app.ui.editing.grade_dialog import CredibilityDialog, SourceGradeDialog
from briefing_app.ui.editing.link_event_dialog import LinkEventDialog
from briefing_app.ui.editing.new_event_dialog import NewEventDialog

__all__ = ["UserWork"]


class UserWork(QObject):
    selectEventRequested = Signal(str)
    chronologyChanged = Signal(object)
    statusMessage = Signal(str)

    def __init__(
        self, controller: EditController, window: QWidget, chronology: ChronologyModel
    ) -> None:
        super().__init__(window)
        self.controller = controller
        self.db = controller.db
        self._window = window
        self._chronology = chronology
        self.notes = AnnotationList(controller)
        self.briefing_panel = BriefingPanel(controller)
        self.dialog: QDialog | None = None
        """The dialog last opened (window-modal, not blocking), for tests to drive."""
        self._pending = ChronologyChange()
        self._batch = QTimer(self)
        self._batch.setSingleShot(True)
        self._batch.setInterval(0)
        self._batch.timeout.connect(self._emit_changed)
        controller.chronologyChanged.connect(self._collect)
        controller.failed.connect(self._failed)
        controller.conflicted.connect(self._conflicted)
        self.briefing_panel.statusMessage.connect(self.statusMessage)
        self._build_actions()

    # -- actions -----------------------------------------------------------------------------
    def _build_actions(self) -> None:
        stack = self.controller.stack
        self.undo_action = stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Shift+Z")]
        )
        self.add_note_action = QAction("Add &Note to Event", self)
        self.add_note_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.add_note_action.setStatusTip("Write a note on the selected event")
        self.add_note_action.triggered.connect(lambda: self.annotate_event(self.notes.event_id))
        self.brief_action = QAction("Add Selected Event to &Briefing", self)
        self.brief_action.setShortcut(QKeySequence("Ctrl+B"))
        self.brief_action.setStatusTip(
            "A new talking point in the briefing on show, citing the selected event"
        )
        self.brief_action.triggered.connect(self._brief_selected)
        self.hidden_action = QAction("Show &Hidden Events…", self)
        self.hidden_action.setStatusTip("Curated events you hid: choose one to show it again")
        self.hidden_action.triggered.connect(self.show_hidden_events)
        self.new_briefing_action = QAction("New &Briefing…", self)
        self.new_briefing_action.triggered.connect(lambda: self.briefing_panel.new_briefing())
        self.export_action = QAction("Export Notes and &Briefings…", self)
        self.export_action.setStatusTip(
            "Your notes, own events and excerpts, and briefings in one file, for another laptop"
        )
        self.export_action.triggered.connect(self.export_work)
        self.import_action = QAction("Import &Notes and Briefings…", self)
        self.import_action.setStatusTip("Merge a file exported on another laptop")
        self.import_action.triggered.connect(self.import_work)
        if self.controller.read_only:
            for action in (
                self.add_note_action,
                self.brief_action,
                self.new_briefing_action,
                self.import_action,
                self.hidden_action,
            ):
                action.setEnabled(False)

    def edit_actions(self) -> list[QAction | None]:
        """For the Edit menu, in order (None: a separator)."""
        return [
            self.undo_action,
            self.redo_action,
            None,
            self.add_note_action,
            self.brief_action,
            self.new_briefing_action,
            self.hidden_action,
        ]

    # -- keeping the window in step ---------------------------------------------------------
    def _collect(self, change: ChronologyChange) -> None:
        """Edits come in bursts (an undo of several, a note saved as an event changes):
        collect them and say them once."""
        self._pending = self._pending | change
        self._batch.start()

    def _emit_changed(self) -> None:
        """Announce the changes collected so far (at once, when a caller needs them shown)."""
        self._batch.stop()
        change, self._pending = self._pending, ChronologyChange()
        if change:
            # An event read again shows its notes too.
            self.chronologyChanged.emit(replace(change, notes=change.notes - change.events))

    def _failed(self, message: str) -> None:
        QMessageBox.warning(self._window, "Not saved", message)

    def _conflicted(self, message: str) -> None:
        """Tell the user both versions were kept, without stopping their typing."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Edited by someone else",
            message,
            QMessageBox.StandardButton.Ok,
            self._window,
        )
        box.setObjectName("conflictNotice")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.dialog = box
        self.statusMessage.emit("Changed by someone else meanwhile: both versions are kept")

    def flush(self) -> None:
        """Store whatever is being typed (before closing, before undo)."""
        self.notes.flush()
        self.briefing_panel.flush()

    def show_event(self, event: Event | None) -> None:
        self.notes.show_event(event)
        self.briefing_panel.set_selected_event(
            event.id if event else None, event.title if event else ""
        )

    def database_replaced(self) -> None:
        """A backup was restored: the undo history no longer matches the data."""
        self.controller.stack.clear()
        self.notes.show_event(None)
        self.briefing_panel.refresh()

    # -- the timeline's context menu ----------------------------------------------------------
    def event_menu(self, event_id: str) -> QMenu:
        """Add to Briefing, Annotate, and Edit/Delete (own events) or Hide (curated)."""
        menu = QMenu(self._window)
        event = get_event(self.db, event_id)
        if event is None:
            return menu
        add = menu.addAction("Add to Briefing")
        add.setObjectName("addToBriefing")
        add.triggered.connect(lambda: self.add_to_briefing(event_id))
        cite = menu.addAction("Cite in Selected Point")
        cite.setEnabled(self.briefing_panel.selected_point() is not None)
        cite.triggered.connect(lambda: self.briefing_panel.cite_in_selected(event_id))
        note = menu.addAction("Annotate")
        note.setObjectName("annotateEvent")
        note.triggered.connect(lambda: self.annotate_event(event_id))
        menu.addSeparator()
        if event.origin is Origin.USER:
            edit = menu.addAction("Edit Event…")
            edit.triggered.connect(lambda: self.edit_event(event_id))
            delete = menu.addAction("Delete Event")
            delete.setObjectName("deleteEvent")
            delete.triggered.connect(lambda: self.controller.delete_event(event_id))
        else:
            hide = menu.addAction("Hide Event")
            hide.setObjectName("hideEvent")
            hide.setStatusTip("Curated events cannot be deleted; hiding one is undoable")
            hide.triggered.connect(lambda: self._hide(event_id))
        if self.controller.read_only:
            for action in menu.actions():
                action.setEnabled(False)
        return menu

    def show_event_menu(self, event_id: str, global_pos: QPoint) -> None:
        menu = self.event_menu(event_id)
        menu.exec(global_pos)
        menu.deleteLater()

    def _brief_selected(self) -> None:
        """Ctrl+B: the context menu's Add to Briefing for the event the panel shows."""
        event_id = self.notes.event_id
        if event_id is None:
            self.statusMessage.emit("Select an event first: its talking point will cite it")
            return
        self.add_to_briefing(event_id)

    def add_to_briefing(self, event_id: str) -> None:
        if self.briefing_panel.add_event(event_id) is not None:
            self.statusMessage.emit("Added a talking point citing the event: write it now")

    def annotate_event(self, event_id: str | None) -> None:
        if event_id is None:
            return
        if self.notes.event_id != event_id:
            self.selectEventRequested.emit(event_id)
        self.notes.add_note()

    def show_hidden_events(self) -> None:
        """Pick one of the events hidden earlier and show it again (undoable)."""
        hidden = set(hidden_event_ids(self.db))
        if not hidden:
            self.statusMessage.emit("No event is hidden")
            return
        events = [e for e in list_events(self.db, include_hidden=True) if e.id in hidden]
        dialog = LinkEventDialog(
            events, "", None, self._window, title="Show a Hidden Event", action="Show"
        )
        dialog.accepted.connect(lambda: self._unhide(dialog.event_id()))
        self._open(dialog)

    def _unhide(self, event_id: str | None) -> None:
        if event_id and self.controller.set_hidden(event_id, False):
            self._emit_changed()
            self.selectEventRequested.emit(event_id)

    def delete_excerpt(self, uid: str) -> None:
        if self.controller.delete_excerpt(uid):
            self.statusMessage.emit("Excerpt deleted (Edit › Undo brings it back)")

    def _hide(self, event_id: str) -> None:
        if self.controller.set_hidden(event_id, True):
            self.statusMessage.emit("Event hidden (Edit › Undo shows it again)")

    # -- the reader's selection menu ----------------------------------------------------------
    def _selection(self, file: str, start: int, end: int) -> tuple[str, Source | None]:
        src = get_source_text(self.db, file)
        return (src.text[start:end] if src else ""), (src.source if src else None)

    def link_selection(self, file: str, start: int, end: int) -> None:
        """Link to Event…: choose an event; the selection becomes its new excerpt."""
        quote, _source = self._selection(file, start, end)
        dialog = LinkEventDialog(self._chronology.events, quote, self.notes.event_id, self._window)
        dialog.accepted.connect(lambda: self._link(dialog, file, start, end))
        self._open(dialog)

    def _link(self, dialog: LinkEventDialog, file: str, start: int, end: int) -> None:
        event_id = dialog.event_id()
        if event_id and self.controller.link_excerpt(event_id, file, (start, end)) is not None:
            self._emit_changed()
            self.selectEventRequested.emit(event_id)
            self.statusMessage.emit("Excerpt linked (Edit › Undo removes it)")

    def new_event_from_selection(self, file: str, start: int, end: int) -> None:
        """New Event from Selection…: a dialog pre-filled with the date and lane it suggests."""
        quote, source = self._selection(file, start, end)
        default = Lane.OTHER
        current = get_event(self.db, self.notes.event_id) if self.notes.event_id else None
        if current is not None:
            default = current.lane
        dialog = NewEventDialog(self._window, quote=" ".join(quote.split()))
        dialog.suggest(suggest_event(quote, source, default))
        dialog.accepted.connect(lambda: self._create(dialog, file, start, end))
        self._open(dialog)

    def _create(self, dialog: NewEventDialog, file: str, start: int, end: int) -> None:
        made = self.controller.create_event(dialog.draft(), file, (start, end))
        if made is not None:
            self._emit_changed()
            self.selectEventRequested.emit(made.id)
            self.statusMessage.emit(f"New event “{made.draft.title}” added to the timeline")

    def edit_event(self, event_id: str) -> None:
        snapshot = get_event_snapshot(self.db, event_id)
        dialog = NewEventDialog(self._window)
        dialog.setWindowTitle("Edit Event")
        dialog.fill(snapshot.draft)
        dialog.accepted.connect(lambda: self.controller.edit_event(event_id, dialog.draft()))
        self._open(dialog)

    def annotate_excerpt(self, event_id: str, excerpt_uid: str) -> None:
        """Annotate Excerpt…: show the event and start a note on that excerpt."""
        self.selectEventRequested.emit(event_id)
        if self.notes.event_id == event_id:
            self.notes.add_note(excerpt_uid)

    # -- grades ----------------------------------------------------------------------------------
    def grade_source(self, file: str) -> None:
        """Grade Source…: the source's own grade, and optionally its outlet's usual one."""
        src = self._chronology.sources.get(file)
        if src is None:
            return
        dialog = SourceGradeDialog(src.title, src.outlet, src.grade, src.outlet_grade, self._window)
        dialog.accepted.connect(lambda: self._grade(dialog, src))
        self._open(dialog)

    def _grade(self, dialog: SourceGradeDialog, src: Source) -> None:
        grade = dialog.grade()
        label = grade.label if grade else ""
        stack = self.controller.stack
        stack.beginMacro(f"Grade {src.outlet} source")
        try:
            done = self.controller.set_grade("source", src.file, label)
            if done and dialog.for_outlet():
                done = self.controller.set_grade("outlet", src.outlet, label)
        finally:
            stack.endMacro()
        if done:
            said = grade.describe() if grade else f"not graded (takes {src.outlet}'s usual grade)"
            self.statusMessage.emit(f"“{src.title}”: {said}")

    def grade_excerpt(self, excerpt_uid: str) -> None:
        """Credibility of This Passage…: the passage's own credibility, over its source's."""
        event = get_event(self.db, self.notes.event_id) if self.notes.event_id else None
        excerpt = next((x for x in event.excerpts if x.uid == excerpt_uid), None) if event else None
        if excerpt is None:
            return
        src = self._chronology.sources.get(excerpt.source)
        dialog = CredibilityDialog(
            excerpt.quote, src.effective_grade if src else None, excerpt.credibility, self._window
        )
        dialog.accepted.connect(
            lambda: self.controller.set_grade("excerpt", excerpt_uid, dialog.credibility() or "")
        )
        self._open(dialog)

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # -- sharing ---------------------------------------------------------------------------------
    def export_work(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self._window, "Export Notes and Briefings", "briefing-notes.json", "JSON (*.json)"
            )
            if not path:
                return
        self.flush()
        try:
            counts = write_export(self.db, Path(path))
        except OSError as exc:
            QMessageBox.critical(self._window, "Export failed", not_written(path, exc))
            return
        self.statusMessage.emit(
            f"Exported {counted(counts['annotations'], 'note')}, "
            f"{counted(counts['events'], 'event')}, {counted(counts['excerpts'], 'excerpt')} "
            f"and {counted(counts['briefings'], 'briefing')} to {path}"
        )

    def import_work(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self._window, "Import Notes and Briefings", "", "JSON (*.json)"
            )
            if not path:
                return
        self.flush()
        try:
            report = import_file(self.db, Path(path))
        except SharingError as exc:
            QMessageBox.warning(
                self._window, "Not imported", f"{path} was not imported; nothing changed.\n\n{exc}"
            )
            return
        # Imported rows are not undoable edits, and older snapshots may no longer fit them.
        self.controller.stack.clear()
        self.briefing_panel.refresh()
        if self.notes.event_id:
            self.notes.reconcile()
        self.chronologyChanged.emit(ChronologyChange.all())  # it may bring events unseen here
        QMessageBox.information(self._window, "Imported", "\n".join(report.lines()))
