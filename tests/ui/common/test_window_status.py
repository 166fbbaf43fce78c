"""The status bar alone: counts in words, problems that stay in sight, the database shown."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from briefing_app.storage.database import Database
from briefing_app.ui.common.window_status import WindowStatus, database_caption, window_title


def _status(qtbot: QtBot, db: Database) -> tuple[QMainWindow, WindowStatus]:
    win = QMainWindow()
    qtbot.addWidget(win)
    status = WindowStatus(win.statusBar(), db)
    win.show()
    qtbot.waitExposed(win)
    return win, status


def test_counts_say_what_is_shown_hidden_and_waiting(qtbot: QtBot, library: Database) -> None:
    win, status = _status(qtbot, library)
    status.show_counts(57, 0, {"sources": 5, "excerpts": 74}, 0)
    assert win.statusBar().currentMessage() == "57 of 57 events shown · 5 sources · 74 excerpts"
    status.show_counts(57, 3, {"sources": 5, "excerpts": 74}, 1)
    assert (
        win.statusBar()
        .currentMessage()
        .endswith("· 3 hidden by filters · 1 proposed event to review")
    )


def test_a_problem_stays_in_sight_until_it_is_cleared(qtbot: QtBot, library: Database) -> None:
    _win, status = _status(qtbot, library)
    assert not status.backup_problem.isVisible()
    status.show_backup_problem("No backup taken: the disk is full")
    assert status.backup_problem.isVisible()
    assert status.backup_problem.toolTip() == "No backup taken: the disk is full"
    status.show_backup_problem("")
    assert not status.backup_problem.isVisible()
    status.show_changed_sources("1 article changed since it was stored")
    assert status.changed_sources.isVisible()


def test_the_database_is_named_and_others_edits_noted(qtbot: QtBot, library: Database) -> None:
    _win, status = _status(qtbot, library)
    assert status.database_label.text() == database_caption(library) == f"File: {library.label}"
    assert window_title(library) == f"Briefing Chronology — {library.path.name}"
    status.others_changed(2)
    assert "· 2 edits by others shown at " in status.database_label.text()
