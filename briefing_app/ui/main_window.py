"""The main window: timeline in the centre, docks around it, menus and status bar.

Widgets never talk to each other directly: each emits signals and the window
routes them (select an event → panel, table and timeline follow). The loaded
chronology is ``ChronologyModel``'s: the views that show it follow it, and
the window only keeps the selection, the reader and the status bar in step.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QSettings, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QMainWindow,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefing_app.domain.changes import ChronologyChange
from briefing_app.domain.filters import EventFilter
from briefing_app.domain.model import Event
from briefing_app.paths import APP_NAME
from briefing_app.storage.database import Database
from briefing_app.storage.repository import (
    excerpts_of_source,
    get_event,
    get_source_text,
    list_events,
    pending_counts,
)
from briefing_app.storage.search import best_per_event, search_outcome
from briefing_app.ui.backup_controller import BackupController
from briefing_app.ui.chronology_model import ChronologyModel
from briefing_app.ui.edit_controller import EditController
from briefing_app.ui.event_panel import EventPanel
from briefing_app.ui.event_table import EventTableModel
from briefing_app.ui.filter_bar import FilterBar
from briefing_app.ui.search_panel import SearchPanel, SearchResult
from briefing_app.ui.settings_codec import decode_filter, encode_filter
from briefing_app.ui.source_reader import SourceReader
from briefing_app.ui.sources_list import SourcesList
from briefing_app.ui.timeline.overview_strip import OverviewStrip
from briefing_app.ui.timeline.palette import LANE_COLORS
from briefing_app.ui.timeline.timeline_view import TimelineView
from briefing_app.ui.user_work import UserWork

if TYPE_CHECKING:
    from briefing_app.ui.import_flow import ImportFlow

__all__ = ["MainWindow"]


_SCREEN_SHARE = 0.94
"""How much of the available screen a first window takes (the rest shows the desktop)."""
_MIN_SIDE_DOCK = 230
"""Narrower than this, a side dock cuts its own labels ("Se…", "Sour…")."""


class MainWindow(QMainWindow):
    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self._import_flow: ImportFlow | None = None
        self.setWindowTitle("Briefing Chronology")
        self.setDockNestingEnabled(True)

        self.timeline = TimelineView()
        self.timeline.setObjectName("timeline")
        self.overview = OverviewStrip()
        self.overview.setObjectName("overview")
        self.filter_bar = FilterBar(LANE_COLORS)
        centre = QWidget()
        box = QVBoxLayout(centre)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.filter_bar)
        box.addWidget(self.timeline, 1)
        box.addWidget(self.overview)
        self.setCentralWidget(centre)

        self.event_panel = EventPanel()
        self.reader = SourceReader()
        self.search_panel = SearchPanel()
        self.sources_list = SourcesList()
        self.event_model = EventTableModel()
        self.event_table = QTableView()
        self.event_table.setObjectName("eventTable")
        self.event_table.setModel(self.event_model)
        self.event_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.event_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.event_table.verticalHeader().hide()
        self.event_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.docks: dict[str, QDockWidget] = {}
        right = Qt.DockWidgetArea.RightDockWidgetArea
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self._add_dock("event", "Event", self.event_panel, right)
        self._add_dock("reader", "Source Reader", self.reader, right)
        self._add_dock("search", "Search", self.search_panel, left)
        self._add_dock("sources", "Sources", self.sources_list, left)
        self._add_dock("table", "Event List", self.event_table, bottom)
        # The user's own work: notes in the event panel, a Briefing dock, undo for every edit.
        self.event_table.setDragEnabled(True)
        self.event_table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.chronology = ChronologyModel(db, self)
        self.work = UserWork(EditController(db), self, self.chronology)
        self.event_panel.extra.addWidget(self.work.notes)
        self._add_dock("briefing", "Briefing", self.work.briefing_panel, left)
        self.splitDockWidget(self.docks["search"], self.docks["briefing"], Qt.Orientation.Vertical)
        self.tabifyDockWidget(self.docks["search"], self.docks["sources"])
        self.docks["search"].raise_()
        self.docks["table"].hide()
        self._default_state = self.saveState()
        self._docks_to_size = False
        self.fit_to_screen()

        self._pending: dict[str, int] = {}
        self.backups = BackupController(db, self)
        if db.read_only:
            self.setWindowTitle("Briefing Chronology — read-only")
        self._build_actions()
        self._connect()
        self.chronology.reload()
        self._restore_state()

    # -- construction -----------------------------------------------------------
    def _add_dock(self, key: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> None:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{key}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks[key] = dock

    def _action(
        self, text: str, slot: object, shortcut: QKeySequence | str | None = None, tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        # Importing articles: the menu, Ctrl+I, and files dropped onto the window.
        self.import_action = self._action(
            "&Import Article…",
            self.choose_articles,
            "Ctrl+I",
            "Add news articles (text, Markdown, saved web pages, PDF) and their dates",
        )
        self.import_action.setEnabled(not self.db.read_only)
        self.setAcceptDrops(not self.db.read_only)
        file_menu.addAction(self.import_action)
        # Proposals an import kept pending: the menu, Ctrl+Shift+I, and each source's context menu.
        self.review_action = self._action(
            "Review &Proposals…",
            lambda: self.review_proposals(),
            "Ctrl+Shift+I",
            "Accept or reject the events proposed by imported articles",
        )
        self.review_action.setEnabled(False)
        file_menu.addAction(self.review_action)
        file_menu.addSeparator()
        self.export_json_action = self._action(
            "Export Chronology as &JSON…",
            self._export_json,
            None,
            "Write the whole chronology to a JSON file",
        )
        file_menu.addAction(self.export_json_action)
        self.export_pdf_action = self._action(
            "Export &PDF…",
            self._export_pdf,
            "Ctrl+P",
            "Title page, timeline, chronology and sources as a PDF to read offline",
        )
        self.export_image_action = self._action(
            "Export &Image…",
            self._export_image,
            "Ctrl+Shift+E",
            "The timeline of a period as PNG or SVG, for slides",
        )
        self.export_data_action = self._action(
            "Export &Data…",
            self._export_data,
            None,
            "The chronology as TimelineJS JSON for the web, CSV or Excel for spreadsheets, "
            "or iCalendar for calendars",
        )
        self.export_word_action = self._action(
            "Export &Word Briefing…",
            self._export_word,
            None,
            "A briefing as a Word document: talking points with footnotes, timeline, chronology",
        )
        for action in (
            self.export_pdf_action,
            self.export_word_action,
            self.export_image_action,
            self.export_data_action,
        ):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.work.export_action)
        file_menu.addAction(self.work.import_action)
        file_menu.addSeparator()
        self.restore_backup_action = self._action(
            "&Restore Backup…",
            self.backups.choose_and_restore,
            None,
            "Bring back the data as it was at an earlier backup",
        )
        file_menu.addAction(self.restore_backup_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Quit", self.close, QKeySequence.StandardKey.Quit))

        edit_menu = bar.addMenu("&Edit")
        for work_action in self.work.edit_actions():
            if work_action is None:
                edit_menu.addSeparator()
            else:
                edit_menu.addAction(work_action)
        edit_menu.addSeparator()
        self.find_action = self._action(
            "&Find…",
            self.focus_search,
            QKeySequence.StandardKey.Find,
            "Search titles, summaries, excerpts and notes",
        )
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self._action("Clear &Filters", self.filter_bar.reset, "Ctrl+Shift+L"))

        view_menu = bar.addMenu("&View")
        self.view_menu = view_menu
        view_menu.addAction(
            self._action(
                "Zoom &In", lambda: self.timeline.zoom_by(1.6), QKeySequence.StandardKey.ZoomIn
            )
        )
        view_menu.addAction(
            self._action(
                "Zoom &Out",
                lambda: self.timeline.zoom_by(1 / 1.6),
                QKeySequence.StandardKey.ZoomOut,
            )
        )
        view_menu.addAction(self._action("&Fit All", self.timeline.fit_all, "Ctrl+0"))
        view_menu.addSeparator()
        for dock in self.docks.values():
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        view_menu.addAction(self._action("Reset &Layout", self._reset_layout))

        go_menu = bar.addMenu("&Go")
        go_menu.addAction(
            self._action(
                "&Timeline", self.timeline.setFocus, "Ctrl+1", "Put the keyboard on the timeline"
            )
        )
        go_menu.addAction(self._action("&Event Panel", lambda: self._focus_dock("event"), "Ctrl+2"))
        go_menu.addAction(
            self._action("Source &Reader", lambda: self._focus_dock("reader"), "Ctrl+3")
        )
        go_menu.addAction(self._action("S&ources", lambda: self._focus_dock("sources"), "Ctrl+4"))
        go_menu.addAction(
            self._action(
                "Open &Excerpt of Selected Event", self._open_selected_excerpt, "Ctrl+Return"
            )
        )

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(
            self._action(
                "&Keyboard Shortcuts", self._shortcuts, QKeySequence.StandardKey.HelpContents
            )
        )
        help_menu.addAction(self._action("&About", self._about))

    def _connect(self) -> None:
        self.timeline.eventSelected.connect(self.select_event)
        self.timeline.eventActivated.connect(self.open_first_excerpt)
        self.timeline.visibleRangeChanged.connect(self._range_changed)
        self.overview.rangeRequested.connect(self.timeline.set_visible_range)
        self.event_panel.excerptActivated.connect(self.open_excerpt)
        self.reader.eventsClicked.connect(lambda ids: self.select_event(ids[0], center=True))
        self.search_panel.queryChanged.connect(self.run_search)
        self.search_panel.resultActivated.connect(lambda eid: self.select_event(eid, center=True))
        self.sources_list.sourceActivated.connect(lambda f: self.open_source(f))
        self.sources_list.reviewRequested.connect(lambda f: self.review_proposals([f]))
        self.sources_list.reviewable = not self.db.read_only
        for view in (
            self.timeline,
            self.overview,
            self.event_model,
            self.filter_bar,
            self.sources_list.model,
        ):
            view.follow(self.chronology)
        self.chronology.changed.connect(self._chronology_changed)
        self.chronology.filterChanged.connect(self._filter_applied)
        self.filter_bar.periodChosen.connect(self._show_period)
        self.event_table.selectionModel().currentRowChanged.connect(self._table_row_changed)
        self.timeline.contextMenuRequestedForEvent.connect(self.work.show_event_menu)
        self.reader.linkRequested.connect(self.work.link_selection)
        self.reader.newEventRequested.connect(self.work.new_event_from_selection)
        self.reader.annotateRequested.connect(self.work.annotate_excerpt)
        self.event_panel.annotateExcerptRequested.connect(self.work.annotate_excerpt)
        self.event_panel.deleteExcerptRequested.connect(self.work.delete_excerpt)
        self.work.selectEventRequested.connect(lambda eid: self.select_event(eid, center=True))
        self.work.chronologyChanged.connect(self.apply_edits)
        self.work.statusMessage.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.work.briefing_panel.pointSelected.connect(self._point_selected)
        self.work.briefing_panel.eventActivated.connect(
            lambda eid: self.select_event(eid, center=True)
        )
        self.backups.restored.connect(self._backup_restored)

    def _backup_restored(self, _name: str) -> None:
        """Everything shown may have changed: the undo history goes, the rest is read again."""
        self.work.database_replaced()
        self.apply_edits(ChronologyChange.all())

    # -- data --------------------------------------------------------------------
    def reload(self, changed: Collection[str] | None = None) -> None:
        """Read events and sources again (after an import or an edit); with ``changed`` only
        those events."""
        if changed is None:
            self.chronology.reload()
        else:
            self.chronology.apply(ChronologyChange.of_events(changed))

    def _show_pending(self) -> None:
        """Mark the sources whose proposals wait, and offer File › Review Proposals… if any."""
        self._pending = pending_counts(self.db)
        self.sources_list.model.set_pending(self._pending)
        waiting, articles = sum(self._pending.values()), len(self._pending)
        self.review_action.setEnabled(waiting > 0 and not self.db.read_only)
        self.review_action.setStatusTip(
            f"Accept or reject the {waiting} proposed event{'s' if waiting != 1 else ''} "
            f"waiting from {articles} imported article{'s' if articles != 1 else ''}"
            if waiting
            else "No proposed event waits for review"
        )

    @property
    def events(self) -> list[Event]:
        return self.chronology.events

    def apply_edits(self, change: ChronologyChange) -> None:
        """The user's own edits (or a restored backup): show them in place, in the same window
        of time."""
        t0, t1 = self.timeline.visible_range()
        applied = self.chronology.apply(change)
        if applied.touches_events:
            self.timeline.set_visible_range(t0, t1)

    def _chronology_changed(self, change: ChronologyChange) -> None:
        """Keep the selection, the reader and the status bar in step; the views follow alone.

        A change of notes alone (a badge) leaves the event panel as it is: its notes are
        being typed in.
        """
        if change.sources or change.everything:
            self._show_pending()  # an imported article's proposals wait for review
        self._filter_applied(self.chronology.filter)
        if change.everything or change.events - change.notes:
            selected = self.timeline.selected_id()  # the timeline let go of a removed event
            if self.chronology.event(selected) is not None:
                self.select_event(selected)
            else:
                self.event_panel.show_event(None, self.chronology.sources)
                self.work.show_event(None)
            file = self.reader.source_file
            text = get_source_text(self.db, file) if file else None
            if file and text is not None:
                self.reader.show_source(text, excerpts_of_source(self.db, file))
        elif change.touches_events:
            selected = self.timeline.selected_id()
            if selected is not None:
                self._follow_in_table(selected)

    # -- routing -------------------------------------------------------------------
    def select_event(self, event_id: str, center: bool = False) -> None:
        event = self.chronology.event(event_id)
        if event is None:
            return
        self.timeline.set_highlighted(())
        if self.timeline.selected_id() != event_id:
            self.timeline.select_event(event_id, ensure_visible=True)
        if center and self.chronology.is_visible(event_id):
            self._reveal(event)
        shown = get_event(self.db, event_id) or event
        self.event_panel.show_event(shown, self.chronology.sources)
        self.work.show_event(shown)
        self._follow_in_table(event_id)
        flt = self.chronology.filter
        hidden = event_id in self.chronology.hidden_ids or event.lane not in flt.lanes
        note = "  (hidden by the current filters)" if hidden else ""
        self.statusBar().showMessage(
            f"{event.when.label()} · {event.lane.value} · {event.title}{note}"
        )

    def _follow_in_table(self, event_id: str) -> None:
        """Select the event's row without re-entering it as if the user had picked the row."""
        row = self.event_model.row_of(event_id)
        if row >= 0 and self.event_table.currentIndex().row() != row:
            blocker = QSignalBlocker(self.event_table.selectionModel())
            self.event_table.selectRow(row)
            blocker.unblock()

    def _point_selected(self, event_ids: list[str]) -> None:
        """A talking point was selected: show the events it cites."""
        events = [e for e in map(self.chronology.event, event_ids) if e is not None]
        shown = [e.id for e in events]
        if shown:
            first = min(e.when.first_day for e in events).toordinal()
            last = max(e.when.last_day for e in events).toordinal() + 1
            pad = max((last - first) * 0.15, 15.0)
            self.select_event(shown[0])
            self.timeline.set_visible_range(first - pad, last + pad)  # all of them, not one
            self.timeline.set_highlighted(shown)
            titles = "; ".join(e.title for e in events)
            self.statusBar().showMessage(f"Cited: {titles}", 8000)

    def _reveal(self, event: Event) -> None:
        """Zoom in around an event picked from a list until it is drawn on its own.

        Selecting from search or the event list must show the event, not a
        cluster that hides it.
        """
        t = event.when.first_day.toordinal() + 0.5
        for _ in range(12):
            if event.id in self.timeline.visible_marks():
                return
            before = self.timeline.visible_range()
            self.timeline.zoom_by(2.0, anchor_px=self.timeline.x_of(t))
            if self.timeline.visible_range() == before:
                return  # at the zoom limit
            self.timeline.select_event(event.id, ensure_visible=True)

    def _table_row_changed(self, current: object, _previous: object) -> None:
        row = self.event_table.currentIndex().row()
        if row >= 0:
            self.select_event(self.event_model.event_at(row).id, center=True)

    def open_first_excerpt(self, event_id: str) -> None:
        event = get_event(self.db, event_id)
        if event is None:
            return
        self.select_event(event_id)
        if event.excerpts:
            first = event.excerpts[0]
            self.open_excerpt(first.source, first.uid)

    def open_excerpt(self, source_file: str, uid: str) -> None:
        self.open_source(source_file, focus_uid=uid)

    def open_source(self, source_file: str, focus_uid: str | None = None) -> None:
        text = get_source_text(self.db, source_file)
        if text is None:
            QMessageBox.warning(self, "Source missing", f"The source {source_file} is not stored.")
            return
        self.reader.show_source(text, excerpts_of_source(self.db, source_file), focus_uid)
        dock = self.docks["reader"]
        dock.show()
        dock.raise_()

    def _open_selected_excerpt(self) -> None:
        selected = self.timeline.selected_id()
        if selected:
            self.open_first_excerpt(selected)

    def run_search(self, text: str) -> None:
        if not text.strip():
            self.search_panel.set_results([])
            return
        outcome = search_outcome(self.db, text)
        hits = best_per_event(outcome.hits)
        visible = [h for h in hits if self.chronology.is_visible(h.event_id)]
        results = [
            SearchResult(
                event_id=h.event_id,
                heading=f"{event.when.label()} · {event.title}",
                kind=h.kind,
                snippet=h.snippet,
            )
            for h in visible
            if (event := self.chronology.event(h.event_id)) is not None
        ]
        note = ""
        if len(visible) < len(hits):
            note = f"{len(results)} found; {len(hits) - len(visible)} more hidden by filters"
        if not outcome.ranked:
            note = (
                f"{outcome.matches:,} matches: too many to rank, showing the newest "
                f"{len(results)}. Add a word to narrow the search."
            )
        self.search_panel.set_results(results, note)

    def apply_filter(self, flt: EventFilter) -> None:
        self.chronology.set_filter(flt)

    def _filter_applied(self, _flt: EventFilter) -> None:
        """A filter applied or the chronology changed: the counts, and the search, again."""
        self._show_counts()
        if self.search_panel.box.text().strip():
            self.run_search(self.search_panel.box.text())

    def _show_period(self, first: date | None, last: date | None) -> None:
        """A period typed in the filter bar: show it (a lone bound: the events it keeps)."""
        if first is None or last is None:
            self.timeline.fit_all()
            return
        t0, t1 = first.toordinal(), last.toordinal() + 1
        margin = (t1 - t0) * 0.03
        self.timeline.set_visible_range(t0 - margin, t1 + margin)

    def _show_counts(self) -> None:
        n, hidden = self.chronology.counts, self.chronology.hidden_count
        events = self.chronology.events
        shown = len(events) - hidden
        tail = f" · {hidden} hidden by filters" if hidden else ""
        waiting = sum(self._pending.values())
        if waiting:
            tail += f" · {waiting} proposed event{'s' if waiting != 1 else ''} to review"
        self.statusBar().showMessage(
            f"{shown} of {len(events)} events shown · {n['sources']} sources · "
            f"{n['excerpts']} excerpts{tail}"
        )

    def _range_changed(self, t0: float, t1: float) -> None:
        self.overview.set_window(t0, t1)

    def focus_search(self) -> None:
        dock = self.docks["search"]
        dock.show()
        dock.raise_()
        self.search_panel.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_panel.box.selectAll()

    def _focus_dock(self, key: str) -> None:
        dock = self.docks[key]
        dock.show()
        dock.raise_()
        dock.widget().setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- commands --------------------------------------------------------------------
    def _export_json(self) -> None:
        from briefing_app.export.json_export import write_chronology_json
        from briefing_app.storage.files import not_written, open_replacing

        path, _ = QFileDialog.getSaveFileName(
            self, "Export Chronology as JSON", "chronology.json", "JSON (*.json)"
        )
        if not path:
            return
        try:
            with open_replacing(path, "w", encoding="utf-8") as fh:
                write_chronology_json(self.db, fh)
        except OSError as exc:
            QMessageBox.critical(self, "Export failed", not_written(path, exc))
            return
        self.statusBar().showMessage(f"Exported the chronology to {path}", 5000)

    def _export_pdf(self) -> None:
        """Export PDF… of what the filter bar shows, with the briefing on show preselected."""
        from briefing_app.ui.export_dialog import PdfExportDialog

        dialog = PdfExportDialog(self.db, self)
        dialog.form.set_filter(self.filter_bar.filter)
        shown = self.work.briefing_panel.briefing
        dialog.choose_briefing(shown.uid if shown else None)
        dialog.exported.connect(
            lambda path, pages: self.statusBar().showMessage(f"Wrote {path} ({pages} pages)", 8000)
        )
        dialog.exec()

    def _export_image(self) -> None:
        """Export Image… of the window the timeline shows, filtered as the screen is."""
        import math
        from datetime import date

        from briefing_app.ui.image_export_dialog import ImageExportDialog

        dialog = ImageExportDialog(self.db, self)
        t0, t1 = self.timeline.visible_range()
        events = self.chronology.events
        if events:  # the visible window, without the padding beyond the data
            t0 = max(t0, min(e.when.first_day for e in events).toordinal())
            t1 = min(t1, max(e.when.last_day for e in events).toordinal() + 1)
        dialog.form.set_filter(self.filter_bar.filter)
        dialog.form.set_period(
            date.fromordinal(max(math.floor(t0), 1)), date.fromordinal(max(math.ceil(t1) - 1, 1))
        )
        dialog.exported.connect(lambda path: self.statusBar().showMessage(f"Wrote {path}", 8000))
        dialog.exec()

    def _export_word(self) -> None:
        """Export Word Briefing… with the briefing on show preselected."""
        from briefing_app.ui.image_export_dialog import WordExportDialog

        dialog = WordExportDialog(self.db, self)
        dialog.form.set_filter(self.filter_bar.filter)
        shown = self.work.briefing_panel.briefing
        dialog.choose_briefing(shown.uid if shown else None)
        dialog.exported.connect(lambda path: self.statusBar().showMessage(f"Wrote {path}", 8000))
        dialog.exec()

    def _export_data(self) -> None:
        """Export Data… as TimelineJS JSON, CSV, Excel or iCalendar."""
        from briefing_app.ui.image_export_dialog import DataExportDialog

        dialog = DataExportDialog(self.db, self)
        dialog.form.set_filter(self.filter_bar.filter)
        dialog.exported.connect(lambda path: self.statusBar().showMessage(f"Wrote {path}", 8000))
        dialog.exec()

    # -- importing articles -------------------------------------------------------------
    def choose_articles(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            "Import Articles",
            "",
            "Articles (*.txt *.md *.markdown *.html *.htm *.mhtml *.pdf);;All files (*)",
        )
        if paths:
            self.import_articles(paths)

    @property
    def import_flow(self) -> ImportFlow:
        """The import steps, made on first use: their modules load only when needed."""
        if self._import_flow is None:
            from briefing_app.ui.import_flow import ImportFlow

            self._import_flow = ImportFlow(self.db, self)
            self._import_flow.sourcesSaved.connect(self._sources_imported)
            self._import_flow.eventsAccepted.connect(self._events_imported)
            self._import_flow.pendingChanged.connect(self._pending_changed)
        return self._import_flow

    def review_proposals(self, files: list[str] | None = None) -> bool:
        """Review the proposals waiting from ``files`` (from every imported article when None)."""
        if self.db.read_only:
            return False
        if self.import_flow.review_pending(files):
            return True
        if self.import_flow.running:
            self.statusBar().showMessage("Finish the import under way first.", 5000)
        else:
            self.statusBar().showMessage("No proposed event waits for review.", 5000)
            self._show_pending()
        return False

    def _pending_changed(self, _files: list[str]) -> None:
        self._show_pending()
        self._show_counts()

    def import_articles(self, paths: list[str]) -> bool:
        """Start importing ``paths``; False while another import is still open."""
        # Link suggestions compare with titles and summaries: the timeline's list has no summaries.
        started = self.import_flow.start(paths, list_events(self.db))
        if not started:
            self.statusBar().showMessage("Finish the import under way first.", 5000)
        return started

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if any(url.isLocalFile() for url in urls) and not self.db.read_only:
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths or self.db.read_only:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.import_articles(paths)

    def _sources_imported(self, files: list[str]) -> None:
        # The events come with _events_imported, after review.
        self.chronology.apply(ChronologyChange(sources=True))
        if files:
            self.open_source(files[0])
        n = len(files)
        self.statusBar().showMessage(f"Imported {n} article{'s' if n != 1 else ''}", 8000)

    def _events_imported(self, event_ids: list[str], excerpts: list[tuple[str, str]]) -> None:
        self.chronology.reload()
        if event_ids:
            self.select_event(event_ids[0], center=True)
        if excerpts:
            file, uid = excerpts[0]
            self.open_source(file, focus_uid=uid)

    def _reset_layout(self) -> None:
        """View › Reset Layout: the first start's docks, fitted to the screen the window is on."""
        self.restoreState(self._default_state)
        for key, dock in self.docks.items():
            dock.setFloating(False)
            dock.setVisible(key != "table")
        self.fit_to_screen()
        self.timeline.fit_all()

    def _available(self) -> QRect:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen else QRect(0, 0, 1440, 900)

    def fit_to_screen(self) -> None:
        """Most of the available screen, centred, with the side docks in proportion to it."""
        area = self._available()
        width = min(area.width(), max(round(area.width() * _SCREEN_SHARE), self.minimumWidth()))
        height = min(area.height(), round(area.height() * _SCREEN_SHARE))
        self.resize(width, height)
        self.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)
        self._size_docks(width, height)
        # Dock sizes asked for before the first show are taken against the unshown size.
        self._docks_to_size = not self.isVisible()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Once laid out at its shown size: docks sized for the screen, or widened if squeezed.
        QTimer.singleShot(0, self._settle_docks)

    def _settle_docks(self) -> None:
        if self._docks_to_size or self._squeezed_docks():
            self._docks_to_size = False
            self._size_docks(self.width(), self.height())

    def _squeezed_docks(self) -> bool:
        """A side dock too narrow for its own labels (a layout saved on a wider screen)."""
        return any(
            key != "table" and d.isVisible() and not d.isFloating() and d.width() < _MIN_SIDE_DOCK
            for key, d in self.docks.items()
        )

    def _size_docks(self, width: int, height: int) -> None:
        left = min(max(round(width * 0.2), _MIN_SIDE_DOCK), 380)
        right = min(max(round(width * 0.26), _MIN_SIDE_DOCK + 80), 600)
        horizontal = Qt.Orientation.Horizontal
        vertical = Qt.Orientation.Vertical
        self.resizeDocks([self.docks["search"], self.docks["event"]], [left, right], horizontal)
        self.resizeDocks(
            [self.docks["event"], self.docks["reader"]],
            [round(height * 0.45), round(height * 0.55)],
            vertical,
        )
        self.resizeDocks(
            [self.docks["search"], self.docks["briefing"]],
            [round(height * 0.32), round(height * 0.68)],
            vertical,
        )

    def _fit_restored(self) -> None:
        """A layout saved on another screen: keep it only where it fits this one."""
        area = self._available()
        frame = self.frameGeometry()
        if (
            frame.width() > area.width()
            or frame.height() > area.height()
            or not area.contains(frame.center())
        ):
            self.fit_to_screen()
            return
        squeezed = [
            d
            for key, d in self.docks.items()
            if key != "table"
            and d.isVisible()
            and not d.isFloating()
            and d.width() < _MIN_SIDE_DOCK
        ]
        if squeezed:
            self._size_docks(self.width(), self.height())
            self._docks_to_size = not self.isVisible()

    def _shortcuts(self) -> None:
        from briefing_app.ui.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self.menuBar(), self).exec()

    def _about(self) -> None:
        from briefing_app.ui.about import about_text

        box = QMessageBox(QMessageBox.Icon.NoIcon, f"About {APP_NAME}", "", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(about_text(self.db.path))
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.exec()

    # -- state ------------------------------------------------------------------------
    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("mainWindow/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = settings.value("mainWindow/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        if isinstance(geometry, QByteArray) or isinstance(state, QByteArray):
            self._docks_to_size = False
            self._fit_restored()
        flt = decode_filter(settings.value("mainWindow/filter"))
        if flt is not None:
            self.filter_bar.set_filter(flt)
        rng = settings.value("mainWindow/visibleRange")
        restored = False
        if isinstance(rng, list | tuple) and len(rng) == 2:
            try:
                self.timeline.set_visible_range(float(rng[0]), float(rng[1]))
                restored = True
            except (TypeError, ValueError):
                restored = False
        if not restored:
            self.timeline.fit_all()

    def discard(self) -> None:
        """Throw the window away unshown, without what closing does (no backup, no saving).

        For a window built on a file that turned out to be damaged.
        """
        self.backups.stop()
        self.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._import_flow is not None:
            self._import_flow.wait()
        self.work.flush()  # what is being typed is stored before anything else
        self.backups.backup_now()
        settings = QSettings()
        settings.setValue("mainWindow/geometry", self.saveGeometry())
        settings.setValue("mainWindow/state", self.saveState())
        settings.setValue("mainWindow/filter", encode_filter(self.filter_bar.filter))
        t0, t1 = self.timeline.visible_range()
        settings.setValue("mainWindow/visibleRange", [t0, t1])
        super().closeEvent(event)
