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

from PySide6.QtCore import QLockFile, QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

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
from briefing_app.ui.startup_probe import install_if_requested

if TYPE_CHECKING:
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


def _offer_restore(db_path: Path, message: str) -> bool:
    """For a damaged file: offer the newest backup. True when one was restored."""
    from briefing_app.services.backups import list_backups
    from briefing_app.ui.backup_dialog import restore_file_from_backup

    backups = list_backups(db_path)
    if not backups:
        QMessageBox.critical(
            None,
            APP_NAME,
            f"{message}\n\nThere is no backup of this file. Choose another file with "
            "--db, or move this one aside to start afresh.",
        )
        return False
    if not _ask(
        APP_NAME,
        f"{message}\n\nThe newest backup is from {backups[0].label}. Restore it? "
        "The damaged file is kept beside it.",
        "Restore Backup",
    ):
        return False
    restore_file_from_backup(db_path, backups[0].path)
    return True


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


def run_gui(db_path: Path | str) -> int:
    app = make_application()
    opened = None
    for _attempt in range(2):
        try:
            opened = open_for_gui(db_path)
            if opened is None:
                return 1
            window = open_window(*opened)
            break
        except DamagedDatabaseError as exc:
            opened = None
            if not isinstance(db_path, Path) or not _offer_restore(db_path, str(exc)):
                return 2
        except (DatabaseError, ChronologyError) as exc:
            QMessageBox.critical(None, APP_NAME, f"The database could not be opened.\n\n{exc}")
            return 2
    if opened is None:
        return 1
    db, lock = opened
    install_if_requested(window.timeline)
    window.show()
    code = app.exec()
    db.close()
    if lock is not None:
        lock.unlock()
    return int(code)
