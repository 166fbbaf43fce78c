"""When backups are taken in the GUI, and the Restore Backup command.

A backup is attempted when the window opens, every ten minutes while it is
open, and when it closes; each attempt copies the file only if the data
changed since the last copy.

A backup that cannot be taken is never silent: ``problem`` carries what
went wrong in words (and "" once backups work again), and a damaged
database, which is never copied over the sound backups, is reported by
``damaged`` as well.

Signals:
    restored(str): a backup was restored (its file name); the window reloads.
    problem(str): why backups are not being taken, or "" when they are again.
    damaged(str): the database is damaged; the message names it.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.exc import SQLAlchemyError

from briefing_app.services.backups import restore_backup, take_backup
from briefing_app.storage.database import DamagedDatabaseError, Database, DatabaseError
from briefing_app.storage.files import describe_os_error
from briefing_app.ui.backups.backup_dialog import BackupDialog

__all__ = ["BackupController"]

INTERVAL_MS = 10 * 60 * 1000


class BackupController(QObject):
    restored = Signal(str)
    problem = Signal(str)
    damaged = Signal(str)

    def __init__(self, db: Database, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.db = db
        self._parent = parent_widget
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.backup_now)
        self.last_error: str | None = None
        self._first = QTimer(self)
        self._first.setSingleShot(True)
        self._first.setInterval(5000)  # after start-up, not during it
        self._first.timeout.connect(self.backup_now)
        if self.enabled:
            self.timer.start()
            self._first.start()

    @property
    def enabled(self) -> bool:
        return self.db.path is not None and not self.db.read_only

    def stop(self) -> None:
        """No more backups from this window (it is being thrown away unopened)."""
        self.timer.stop()
        self._first.stop()

    def backup_now(self) -> None:
        if not self.enabled:
            return
        try:
            take_backup(self.db)
        except DamagedDatabaseError as exc:
            self._failed(f"No backup taken: {exc}")
            self.damaged.emit(str(exc))
        except OSError as exc:  # a full disk must not take the app down
            self._failed(f"No backup taken: {describe_os_error(exc)}.")
        except (DatabaseError, SQLAlchemyError, sqlite3.Error) as exc:
            self._failed(f"No backup taken: {exc}")
        else:
            if self.last_error is not None:
                self.last_error = None
                self.problem.emit("")

    def _failed(self, message: str) -> None:
        if message != self.last_error:
            self.last_error = message
            self.problem.emit(message)

    def choose_and_restore(self) -> None:
        if self.db.is_server:
            QMessageBox.information(
                self._parent,
                "Restore Backup",
                "Backups of a team database are the server's job (its administrator's "
                "pg_dump); this app makes none. Your own notes, events and briefings can "
                "be saved to a file with File › Export Notes and Briefings….",
            )
            return
        if not self.enabled:
            QMessageBox.information(
                self._parent, "Restore Backup", "This database is open read-only."
            )
            return
        assert self.db.path is not None
        dialog = BackupDialog(self.db.path, self._parent)
        if dialog.exec() != BackupDialog.DialogCode.Accepted:
            return
        chosen = dialog.chosen()
        if chosen is None:
            return
        try:
            safety = restore_backup(self.db, chosen)
        except (OSError, ValueError) as exc:
            QMessageBox.critical(self._parent, "Restore Backup", f"Not restored: {exc}")
            return
        QMessageBox.information(
            self._parent,
            "Restore Backup",
            f"Restored the backup of {chosen.stem}.\nWhat was there before is kept as "
            f"{safety.name}, so you can restore it the same way.",
        )
        self.restored.emit(chosen.name)
