"""The main window: menus, the chronology, the status bar."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMainWindow, QMessageBox, QTableView

from briefing_app.storage.database import Database
from briefing_app.storage.repository import counts, list_events
from briefing_app.ui.event_table import EventTableModel

__all__ = ["MainWindow"]


class MainWindow(QMainWindow):
    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self.setWindowTitle("Briefing Chronology")
        self.resize(1280, 800)
        self.event_model = EventTableModel(list_events(db))
        self.event_table = QTableView()
        self.event_table.setObjectName("eventTable")
        self.event_table.setModel(self.event_model)
        self.event_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.event_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.event_table.verticalHeader().hide()
        header = self.event_table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.setCentralWidget(self.event_table)
        self._build_menus()
        n = counts(db)
        self.statusBar().showMessage(
            f"{n['events']} events · {n['sources']} sources · {n['excerpts']} excerpts"
        )
        self._restore_state()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.view_menu = self.menuBar().addMenu("&View")
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About Briefing Chronology",
            "A chronology of European defence, 1999–2025, built from news sources "
            "with every quote anchored verbatim.",
        )

    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("mainWindow/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = settings.value("mainWindow/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = QSettings()
        settings.setValue("mainWindow/geometry", self.saveGeometry())
        settings.setValue("mainWindow/state", self.saveState())
        super().closeEvent(event)
        _ = Qt  # keep the import for later docks
