"""When backups are taken in the GUI, and the Restore Backup command.

A backup is attempted when the window opens, every ten minutes while it is
open, and when it closes; each attempt copies the file only if the data
changed since the last copy.

Signals:
    restored(str): a backup was restored (its file name); the window reloads.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from briefing_app.services.backups import restore_backup, take_backup
from briefing_app.storage.database import Database
from briefing_app.ui.backup_dialog import BackupDialog

__all__ = ["BackupController"]

INTERVAL_MS = 10 * 60 * 1000


class BackupController(QObject):
    restored = Signal(str)

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
            self.last_error = None
        except OSError as exc:  # a full disk must not take the app down
            self.last_error = f"Backup failed: {exc.strerror or exc}"

    def choose_and_restore(self) -> None:
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
