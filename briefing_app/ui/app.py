"""Starting the GUI: the application object, the database, the main window.

Everything that can go wrong when opening a database (another window has it
open, the file is read-only, damaged, from a newer version, not a database
at all) ends in a message that names the file and says what to do, never in
a traceback and never in a silent overwrite.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from briefing_app.ingest.curated import ChronologyError
from briefing_app.paths import (
    APP_ID,
    APP_NAME,
    ICON_FILE,
    ORG_NAME,
    running_from_source,
    user_data_dir,
)
from briefing_app.services.library import open_library
from briefing_app.storage.database import (
    DamagedDatabaseError,
    Database,
    DatabaseError,
    ReadOnlyDatabaseError,
    is_database_url,
)
from briefing_app.ui.common.startup_probe import install_if_requested

if TYPE_CHECKING:
    from briefing_app.services.backups import Backup
    from briefing_app.ui.main_window import MainWindow

# APP_NAME and ORG_NAME are defined beside the data folder they name (briefing_app.paths).


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationDisplayName(APP_NAME)
    from briefing_app import __version__

    app.setApplicationVersion(__version__)
    # The window's icon, and the desktop entry (briefing-chronology.desktop) it belongs to.
    app.setWindowIcon(QIcon(str(ICON_FILE)))
    app.setDesktopFileName(APP_ID)
    if not running_from_source():
        # Built or installed: settings live in the user's data folder with the database.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(user_data_dir())
        )
    return app


def lock_for(db_path: Path) -> QLockFile:
    """The lock that keeps two windows from writing the same file."""
    lock = QLockFile(str(db_path.with_name(db_path.name + ".lock")))
    lock.setStaleLockTime(0)  # a lock left by a crashed process is detected by its PID
    return lock


def _ask(title: str, text: str, accept: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text)
    ok = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is ok


def open_for_gui(db_path: Path | str) -> tuple[Database, QLockFile | None] | None:
    """Open the database for a window, asking the user what to do when it can't be written.

    A team database on a server takes no lock file: many windows, on many
    computers, are meant to have it open at once.
    """
    if is_database_url(db_path):
        return open_library(db_path), None
    db_path = Path(db_path)
    lock = lock_for(db_path)
    if not lock.tryLock(200):
        if not _ask(
            APP_NAME,
            f"{db_path} is already open in another window of {APP_NAME}.\n\n"
            "Close that window and try again, or open this file read-only here.",
            "Open Read-Only",
        ):
            return None
        return Database.open(db_path, read_only=True), None
    try:
        # The window is built while the file is checked; open_window waits for the check.
        return open_library(db_path, check_in_background=True), lock
    except ReadOnlyDatabaseError as exc:
        lock.unlock()
        if not _ask(APP_NAME, f"{exc}", "Open Read-Only"):
            return None
        return Database.open(db_path, read_only=True), None
    except BaseException:  # damaged, newer, not a database: the caller tells the user
        lock.unlock()
        raise


def _offer_restore(db_path: Path, message: str, *, while_open: bool = False) -> Backup | None:
    """For a damaged file: offer the newest backup that reads back whole; the one accepted."""
    from briefing_app.services.backups import newest_sound_backup

    backup = newest_sound_backup(db_path)
    if backup is None:
        advice = (
            "What can still be read stays shown, but changes may not be saved: close the app, "
            "then choose another file with --db, or move this one aside to start afresh."
            if while_open
            else "Choose another file with --db, or move this one aside to start afresh."
        )
        QMessageBox.critical(
            None, APP_NAME, f"{message}\n\nThere is no sound backup of this file. {advice}"
        )
        return None
    again = " The window then opens on the backup." if while_open else ""
    if not _ask(
        APP_NAME,
        f"{message}\n\nThe newest sound backup is from {backup.label}. Restore it? "
        f"The damaged file is kept beside it.{again}",
        "Restore Backup",
    ):
        return None
    return backup


def open_window(db: Database, lock: QLockFile | None) -> MainWindow:
    """The main window on ``db``, once the file's integrity check has passed.

    Whatever went wrong while the window read a damaged file is reported as
    the damage it is; on any failure the database is closed and the lock let go.
    """
    from briefing_app.ui.main_window import MainWindow

    window: MainWindow | None = None
    try:
        try:
            window = MainWindow(db)
        finally:
            db.wait_for_integrity_check()
    except BaseException:
        if window is not None:
            window.discard()
        db.close()
        if lock is not None:
            lock.unlock()
        raise
    return window


_RESTORE = 75
"""The event loop's exit code for "restore the chosen backup and open the window again"."""


def _open_sound(db_path: Path | str) -> tuple[Database, QLockFile | None, MainWindow] | int:
    """The database and its window, a damaged file first restored from a backup if accepted."""
    from briefing_app.ui.backups.backup_dialog import restore_file_from_backup

    for _attempt in range(2):
        try:
            opened = open_for_gui(db_path)
            if opened is None:
                return 1
            return (*opened, open_window(*opened))
        except DamagedDatabaseError as exc:
            if not isinstance(db_path, Path):
                QMessageBox.critical(None, APP_NAME, str(exc))
                return 2
            backup = _offer_restore(db_path, str(exc))
            if backup is None:
                return 2
            restore_file_from_backup(db_path, backup.path)
        except (DatabaseError, ChronologyError) as exc:
            QMessageBox.critical(None, APP_NAME, f"The database could not be opened.\n\n{exc}")
            return 2
    return 1


class _DamageOffer(QObject):
    """Damage found in the open window: the newest sound backup offered, the loop left."""

    def __init__(self, app: QApplication, db_path: Path | str, window: QWidget) -> None:
        super().__init__(window)
        self._app = app
        self._db_path = db_path
        self._window = window
        self.chosen: Backup | None = None

    def offer(self, message: str) -> None:
        QTimer.singleShot(0, lambda: self._ask(message))  # once the failing slot has returned

    def _ask(self, message: str) -> None:
        if not isinstance(self._db_path, Path):
            QMessageBox.critical(self._window, APP_NAME, message)
            return
        self.chosen = _offer_restore(self._db_path, message, while_open=True)
        if self.chosen is not None:
            self._app.exit(_RESTORE)


def run_gui(db_path: Path | str) -> int:
    from briefing_app.ui.backups.backup_dialog import restore_file_from_backup
    from briefing_app.ui.common.damage_watch import DamageWatch

    app = make_application()
    watch = DamageWatch()
    if isinstance(db_path, Path):
        from briefing_app.services.backups import damage_in

        file = db_path
        watch.path = file
        watch.probe = lambda: damage_in(file)
    watch.install()
    try:
        while True:
            opened = _open_sound(db_path)
            if isinstance(opened, int):
                return opened
            db, lock, window = opened
            offer = _DamageOffer(app, db_path, window)
            watch.damaged.connect(offer.offer)
            window.databaseDamaged.connect(watch.report)
            install_if_requested(window.timeline)
            window.show()
            code = app.exec()
            watch.damaged.disconnect(offer.offer)
            restore = offer.chosen if code == _RESTORE else None
            if restore is not None:
                window.hide()
                window.discard()
            db.close()
            if lock is not None:
                lock.unlock()
            if restore is None or not isinstance(db_path, Path):
                return int(code)
            restore_file_from_backup(db_path, restore.path)
            watch.message = None
            watch.rearm()
    finally:
        watch.uninstall()
