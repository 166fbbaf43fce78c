"""File › Restore Backup…: pick one of the rolling backups and bring it back."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing_app.services.backups import Backup, list_backups
from briefing_app.storage.files import replacing

__all__ = ["BackupDialog", "restore_file_from_backup"]

_PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def restore_file_from_backup(db_path: Path, backup: Path) -> Path:
    """Put ``backup`` in place of a file that cannot be opened; keep the old file aside."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    if db_path.exists():
        db_path.replace(aside)
    for suffix in ("-wal", "-shm"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            side.replace(aside.with_name(aside.name + suffix))
    with replacing(db_path) as partial:
        shutil.copy2(backup, partial)
    return aside


class BackupDialog(QDialog):
    """Lists backups newest first; ``chosen()`` is the one picked."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore a Backup")
        self.backups: list[Backup] = list_backups(db_path)
        intro = QLabel(
            "Backups are taken automatically when your data changes. Restoring one "
            "replaces what is in the app now; a copy of the current state is saved first, "
            "so this can be undone by restoring that copy."
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QListWidget()
        self.list.setObjectName("backupList")
        for b in self.backups:
            item = QListWidgetItem(f"{b.label}  ·  {b.size / 1024:.0f} KB")
            item.setData(_PATH_ROLE, str(b.path))
            self.list.addItem(item)
        if not self.backups:
            self.list.addItem("No backups yet: one is taken as soon as your data changes.")
            self.list.setEnabled(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Restore")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        if self.backups:
            self.list.setCurrentRow(0)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(460, 360)

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        value = item.data(_PATH_ROLE) if item else None
        return Path(value) if value else None
