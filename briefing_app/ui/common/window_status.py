"""The window's status bar: counts, the database shown, and problems that stay in sight.

Transient messages come and go; what the briefer must not miss (no backup is
being taken, an article changed since it was stored) sits in a permanent label
until it is resolved. The window builds one and feeds it; nothing here reads
the database.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QStatusBar

from briefing_app.storage.database import Database

__all__ = ["WindowStatus", "database_caption", "window_title"]


def window_title(db: Database) -> str:
    """The app and the database it shows (a file's name, or the team database's address)."""
    if db.is_server:
        name = f"team database {db.label}"
    else:
        name = db.path.name if db.path is not None else db.label
    return f"Briefing Chronology — {name}" + (" (read-only)" if db.read_only else "")


def database_caption(db: Database) -> str:
    """The status bar's permanent note of where the data is."""
    if db.is_server:
        return f"Team database: {db.label}"
    return f"File: {db.label}" + (" (read-only)" if db.read_only else "")


def _warning_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet("color: #a04000;")
    label.setWordWrap(True)
    label.hide()
    return label


class WindowStatus(QObject):
    """The permanent labels of ``bar`` and the counts line, for the database ``db``."""

    def __init__(self, bar: QStatusBar, db: Database) -> None:
        super().__init__(bar)
        self.bar = bar
        self.db = db
        self.backup_problem = _warning_label("backupProblem")
        self.changed_sources = _warning_label("changedSources")
        self.database_label = QLabel(database_caption(db))
        self.database_label.setObjectName("databaseLabel")
        self.database_label.setToolTip("The database this window shows")
        bar.addPermanentWidget(self.backup_problem, 1)
        bar.addPermanentWidget(self.changed_sources, 1)
        bar.addPermanentWidget(self.database_label)

    def show_changed_sources(self, message: str) -> None:
        """Articles changed since they were stored are named once, and stay in sight."""
        self._show(self.changed_sources, message)

    def show_backup_problem(self, message: str) -> None:
        """Why no backup is being taken stays in sight until one is taken again."""
        self._show(self.backup_problem, message)

    @staticmethod
    def _show(label: QLabel, message: str) -> None:
        label.setText(message)
        label.setToolTip(message)
        label.setVisible(bool(message))

    def others_changed(self, count: int) -> None:
        """Say in the database note when others' edits last came in."""
        noun = "edit" if count == 1 else "edits"
        self.database_label.setText(
            f"{database_caption(self.db)} · {count} {noun} by others shown at "
            f"{datetime.now():%H:%M}"
        )

    def show_counts(self, total: int, hidden: int, counts: Mapping[str, int], waiting: int) -> None:
        """ "57 of 57 events shown · 5 sources · 74 excerpts", and what waits for review."""
        tail = f" · {hidden} hidden by filters" if hidden else ""
        if waiting:
            tail += f" · {waiting} proposed event{'s' if waiting != 1 else ''} to review"
        self.bar.showMessage(
            f"{total - hidden} of {total} events shown · {counts['sources']} sources · "
            f"{counts['excerpts']} excerpts{tail}"
        )
