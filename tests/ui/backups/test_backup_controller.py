"""When the window takes backups, and a backup that cannot be taken said once, not silently."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from briefing_app.services.backups import list_backups
from briefing_app.services.library import open_library
from briefing_app.storage.database import Database
from briefing_app.ui.backups import backup_controller
from briefing_app.ui.backups.backup_controller import BackupController


def _controller(qtbot: QtBot, db: Database) -> BackupController:
    parent = QWidget()
    qtbot.addWidget(parent)
    controller = BackupController(db, parent)
    controller.stop()  # the test takes them itself, not the timers
    return controller


def test_a_backup_is_taken_once_per_change(qtbot: QtBot, library_path: Path) -> None:
    db = open_library(library_path)
    try:
        controller = _controller(qtbot, db)
        assert controller.enabled
        controller.backup_now()
        controller.backup_now()  # nothing changed since: no second copy
        assert len(list_backups(library_path)) == 1
        assert controller.last_error is None
    finally:
        db.close()


def test_a_full_disk_is_said_once_and_its_end_too(
    qtbot: QtBot, library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_library(library_path)
    try:
        controller = _controller(qtbot, db)
        said: list[str] = []
        controller.problem.connect(said.append)

        def full(_db: Database) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(backup_controller, "take_backup", full)
        controller.backup_now()
        controller.backup_now()
        assert len(said) == 1 and said[0].startswith("No backup taken: ")
        assert "space" in said[0].lower()
        monkeypatch.undo()
        controller.backup_now()
        assert said[1:] == [""]  # backups work again: the warning goes
        assert len(list_backups(library_path)) == 1
    finally:
        db.close()


def test_a_read_only_database_takes_none(qtbot: QtBot, library_path: Path) -> None:
    open_library(library_path).close()
    db = Database.open(library_path, read_only=True)
    try:
        controller = _controller(qtbot, db)
        assert not controller.enabled
        controller.backup_now()
        assert list_backups(library_path) == []
    finally:
        db.close()
