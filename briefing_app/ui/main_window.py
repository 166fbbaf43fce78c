"""The main window: timeline in the centre, docks around it, menus and status bar.

Widgets never talk to each other directly: each emits signals and the window
routes them (select an event → panel, table and timeline follow). The loaded
chronology is ``ChronologyModel``'s: the views that show it follow it, and
the window only keeps the selection, the reader and the status bar in step.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
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
from briefing_app.ui.backups.backup_controller import BackupController
from briefing_app.ui.common.chronology_model import ChronologyModel
from briefing_app.ui.common.edit_controller import EditController
from briefing_app.ui.common.text_scale import TextScale
from briefing_app.ui.common.window_status import WindowStatus, database_caption, window_title
from briefing_app.ui.export_commands import ExportCommands
from briefing_app.ui.import_commands import ImportCommands
from briefing_app.ui.navigation import Navigator
from briefing_app.ui.panels.event_panel import EventPanel
from briefing_app.ui.panels.event_table import EventTableModel, fit_date_column
from briefing_app.ui.panels.filter_bar import FilterBar
from briefing_app.ui.panels.search_panel import SearchPanel
from briefing_app.ui.panels.source_reader import SourceReader
from briefing_app.ui.panels.sources_list import SourcesList
from briefing_app.ui.source_check import SourceCheck
from briefing_app.ui.team.live_updates import LiveUpdates
from briefing_app.ui.team.team_connect import ConnectDialog, stored_author_name
from briefing_app.ui.timeline.overview_strip import OverviewStrip
from briefing_app.ui.timeline.palette import LANE_COLORS
from briefing_app.ui.timeline.timeline_view import TimelineView
from briefing_app.ui.user_work import UserWork
from briefing_app.ui.window_layout import DockLayout
from briefing_app.ui.window_menus import build_menus

if TYPE_CHECKING:
    from briefing_app.ui.importing.import_flow import ImportFlow

__all__ = ["MainWindow", "database_caption", "window_title"]


class MainWindow(QMainWindow):
    databaseDamaged = Signal(str)
    """The database turned out damaged (the message names it): the app offers a backup."""

    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        db.author = stored_author_name() or db.author
        self.owns_db = False
        """Set for a window opened by Connect to Team Database: closing it closes the db."""
        self.successor: MainWindow | None = None
        """The window that replaced this one (Connect to Team Database)."""
        self.connect_dialog: ConnectDialog | None = None
        self.setWindowTitle(window_title(db))
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
        fit_date_column(self.event_table)  # and the title takes the rest

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
        self.dock_layout = DockLayout(self)
        self.dock_layout.fit_to_screen()

        self.backups = BackupController(db, self)
        self.source_check = SourceCheck(db, self)
        self.status = WindowStatus(self.statusBar(), db)
        self.backup_problem = self.status.backup_problem
        self.changed_sources = self.status.changed_sources
        self.database_label = self.status.database_label
        self.live = LiveUpdates(db, self.work.controller, self)
        self.live.arrived.connect(self.status.others_changed)
        self.live.stopped.connect(lambda text: self.statusBar().showMessage(text))
        self.navigation = Navigator(self)
        self.exports = ExportCommands(self)
        self.imports = ImportCommands(self)
        self.text_scale = TextScale(self)
        build_menus(self)
        self._connect()
        self.chronology.reload()
        self.dock_layout.restore_state()

    # -- construction -----------------------------------------------------------
    def _add_dock(self, key: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> None:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{key}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks[key] = dock

    def _connect(self) -> None:
        go = self.navigation
        self.timeline.eventSelected.connect(go.select_event)
        self.timeline.eventActivated.connect(go.open_first_excerpt)
        self.timeline.visibleRangeChanged.connect(go.range_changed)
        self.overview.rangeRequested.connect(self.timeline.set_visible_range)
        self.event_panel.excerptActivated.connect(go.open_excerpt)
        self.reader.eventsClicked.connect(lambda ids: go.select_event(ids[0], center=True))
        self.search_panel.queryChanged.connect(go.run_search)
        self.search_panel.resultActivated.connect(lambda eid: go.select_event(eid, center=True))
        self.search_panel.passageActivated.connect(go.open_passage)
        self.sources_list.sourceActivated.connect(lambda f: go.open_source(f))
        self.sources_list.reviewRequested.connect(lambda f: self.imports.review([f]))
        self.sources_list.gradeRequested.connect(self.work.grade_source)
        self.event_panel.credibilityRequested.connect(self.work.grade_excerpt)
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
        self.chronology.changed.connect(go.follow_change)  # after the counts: its status wins
        self.chronology.filterChanged.connect(self._filter_applied)
        self.filter_bar.periodChosen.connect(go.show_period)
        self.event_table.selectionModel().currentRowChanged.connect(go.table_row_changed)
        self.timeline.contextMenuRequestedForEvent.connect(self.work.show_event_menu)
        self.reader.linkRequested.connect(self.work.link_selection)
        self.reader.newEventRequested.connect(self.work.new_event_from_selection)
        self.reader.annotateRequested.connect(self.work.annotate_excerpt)
        self.event_panel.annotateExcerptRequested.connect(self.work.annotate_excerpt)
        self.event_panel.deleteExcerptRequested.connect(self.work.delete_excerpt)
        self.work.selectEventRequested.connect(lambda eid: go.select_event(eid, center=True))
        self.work.chronologyChanged.connect(self.apply_edits)
        self.work.statusMessage.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.work.briefing_panel.pointSelected.connect(go.point_selected)
        self.work.briefing_panel.eventActivated.connect(
            lambda eid: go.select_event(eid, center=True)
        )
        self.backups.restored.connect(self._backup_restored)
        self.backups.problem.connect(self.status.show_backup_problem)
        self.backups.damaged.connect(self.databaseDamaged)
        self.source_check.changed.connect(self.status.show_changed_sources)
        self.source_check.damaged.connect(self.databaseDamaged)

    def _backup_restored(self, _name: str) -> None:
        """Everything shown may have changed: the undo history goes, the rest is read again."""
        self.work.database_replaced()
        self.apply_edits(ChronologyChange.all())

    # -- going somewhere (see navigation.py) ----------------------------------------
    def select_event(self, event_id: str, center: bool = False) -> None:
        self.navigation.select_event(event_id, center)

    def open_source(self, source_file: str, focus_uid: str | None = None) -> None:
        self.navigation.open_source(source_file, focus_uid)

    def open_first_excerpt(self, event_id: str) -> None:
        self.navigation.open_first_excerpt(event_id)

    # -- data --------------------------------------------------------------------
    def reload(self, changed: Collection[str] | None = None) -> None:
        """Read events and sources again (after an import or an edit); with ``changed`` only
        those events."""
        if changed is None:
            self.chronology.reload()
        else:
            self.chronology.apply(ChronologyChange.of_events(changed))

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
        """Keep the status bar and the proposals waiting in step; the views follow alone, and
        the navigation keeps the selection."""
        if change.sources or change.everything:
            self.imports.show_pending()  # an imported article's proposals wait for review
        if change.touches_events or change.sources:
            self._filter_applied(self.chronology.filter)  # typing in a note changes neither

    # -- routing -------------------------------------------------------------------
    def _filter_applied(self, _flt: EventFilter) -> None:
        """A filter applied or the chronology changed: the counts, and the search, again."""
        self.show_counts()
        if self.search_panel.box.text().strip():
            self.navigation.run_search(self.search_panel.box.text())

    def show_counts(self) -> None:
        c = self.chronology
        waiting = sum(self.imports.pending.values())
        self.status.show_counts(len(c.events), c.hidden_count, c.counts, waiting)

    # -- importing articles (see import_commands.py) ------------------------------------
    @property
    def import_flow(self) -> ImportFlow:
        return self.imports.flow

    def import_articles(self, paths: list[str]) -> bool:
        return self.imports.import_articles(paths)

    def review_proposals(self, files: list[str] | None = None) -> bool:
        return self.imports.review(files)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.imports.dropped_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if paths := self.imports.dropped_files(event.mimeData()):
            event.acceptProposedAction()
            self.imports.import_articles(paths)
        else:
            super().dropEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Once laid out at its shown size: docks sized for the screen, or widened if squeezed.
        QTimer.singleShot(0, self.dock_layout.settle)
        self.source_check.start_soon()  # every article against its SHA-256, off the main thread

    def show_shortcuts(self) -> None:
        from briefing_app.ui.help.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self.menuBar(), self).exec()

    def show_about(self) -> None:
        from briefing_app.ui.help.about import about_text

        box = QMessageBox(QMessageBox.Icon.NoIcon, f"About {APP_NAME}", "", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(about_text(self.db.path))
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.exec()

    # -- state ------------------------------------------------------------------------
    def connect_team(self) -> ConnectDialog:
        """Ask for a team database; once it opens, a window on it replaces this one."""
        self.work.flush()
        dialog = ConnectDialog(self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self._switch_to(dialog.opened))
        dialog.open()
        self.connect_dialog = dialog
        return dialog

    def _switch_to(self, db: Database | None) -> MainWindow | None:
        if db is None:
            return None
        window = MainWindow(db)
        window.owns_db = True
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        self.successor = window
        self.close()
        return window

    def discard(self) -> None:
        """Throw the window away unshown, without what closing does (no backup, no saving).

        For a window built on a file that turned out to be damaged.
        """
        self.backups.stop()
        self.source_check.stop()
        self.live.close()
        self.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.imports.started:
            self.imports.flow.wait()
        self.work.flush()  # what is being typed is stored before anything else
        self.source_check.stop()
        self.backups.backup_now()
        self.dock_layout.save_state()
        self.live.close()
        super().closeEvent(event)
        if self.owns_db:
            self.db.close()
