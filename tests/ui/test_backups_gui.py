"""Restoring a backup from the GUI, and opening files that can't be written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from briefing_app.domain.dates import DateSpan, PartialDate
from briefing_app.domain.model import Lane
from briefing_app.services.backups import take_backup
from briefing_app.services.library import open_library
from briefing_app.services.user_events import EventDraft, create_user_event
from briefing_app.storage.database import Database
from briefing_app.ui.app import lock_for, open_for_gui
from briefing_app.ui.backups.backup_dialog import BackupDialog
from briefing_app.ui.main_window import MainWindow
from tests.helpers.damage import damage


def _hide_event(db: Database, event_id: str) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE events SET hidden = 1 WHERE id = :i"), {"i": event_id})


def _accept_dialogs(count: int) -> None:
    """Accept the next ``count`` modal dialogs as they open (chooser, then notice)."""
    remaining = [count]

    def press() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, BackupDialog | QMessageBox):
            widget.accept()
            remaining[0] -= 1
        if remaining[0] > 0:
            QTimer.singleShot(20, press)

    QTimer.singleShot(20, press)


def test_restore_backup_from_the_file_menu(qtbot: QtBot, library: Database) -> None:
    QSettings().clear()
    take_backup(library)
    _hide_event(library, "helsinki-headline-goal")
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.show()
    assert "helsinki-headline-goal" not in {e.id for e in window.events}
    # An event made after the backup is on show when the backup is restored.
    made = create_user_event(
        library, EventDraft("Made after the backup", DateSpan(PartialDate.day(2024, 5, 1)), Lane.EU)
    )
    window.reload([made.id])
    window.select_event(made.id)
    assert window.event_panel.title.text() == "Made after the backup"
    _accept_dialogs(2)
    window.restore_backup_action.trigger()
    assert "helsinki-headline-goal" in {e.id for e in window.events}
    assert made.id not in {e.id for e in window.events}
    assert window.event_panel.event_id is None  # the panel does not show what is gone
    assert window.event_panel.title.text() == "No event selected"


def test_second_window_on_the_same_file_is_offered_read_only(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite"
    open_library(path).close()
    held = lock_for(path)
    assert held.tryLock(100)
    try:
        seen: list[str] = []

        def answer() -> None:
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox)
            seen.append(box.text())
            box.buttons()[0].click()  # "Open Read-Only"

        QTimer.singleShot(50, answer)
        opened = open_for_gui(path)
        assert opened is not None
        db, lock = opened
        assert db.read_only and lock is None
        assert "already open in another window" in seen[0]
        db.close()
    finally:
        held.unlock()


def _library_damaged_at_the_end(path: Path) -> Path:
    damage(open_library(path), last_pages=20)
    return path


def test_damage_found_while_the_window_is_built_is_reported_and_lets_go(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from briefing_app.storage.database import DamagedDatabaseError
    from briefing_app.ui.app import open_window

    path = _library_damaged_at_the_end(tmp_path / "library.sqlite")
    opened = open_for_gui(path)  # the file opens: the check runs while the window is built
    assert opened is not None
    with pytest.raises(DamagedDatabaseError, match="is damaged"):
        open_window(*opened)

    def built() -> list[MainWindow]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.db is opened[0]
        ]

    assert len(built()) == 1
    # Thrown away: no backup of the damaged file is taken later, and the window goes.
    backups = built()[0].backups
    assert not backups.timer.isActive() and not backups._first.isActive()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert built() == []
    again = lock_for(path)
    assert again.tryLock(100)  # the lock was let go, so a restore can proceed
    again.unlock()


def test_a_sound_library_opens_its_window_after_the_check(qtbot: QtBot, tmp_path: Path) -> None:
    from briefing_app.ui.app import open_window

    path = tmp_path / "library.sqlite"
    open_library(path).close()
    opened = open_for_gui(path)
    assert opened is not None
    window = open_window(*opened)
    qtbot.addWidget(window)
    assert len(window.events) > 40
    window.close()
    opened[0].close()
    assert opened[1] is not None
    opened[1].unlock()
