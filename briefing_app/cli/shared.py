"""What every command shares: the program's name and the database it is given."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefing_app.paths import APP_ID, FROZEN

if TYPE_CHECKING:
    from briefing_app.storage.database import Database

PROG = APP_ID if FROZEN else "main.py"


def db_target(value: str) -> Path | str:
    """A file path, or a server URL kept as typed (a Path would fold its ``//``)."""
    from briefing_app.storage.server import is_database_url

    return value.strip() if is_database_url(value) else Path(value)


def db_name(target: Path | str) -> str:
    """The database as messages name it: a file's name, a server without the password."""
    from briefing_app.storage.server import describe_url, is_database_url

    return describe_url(target) if is_database_url(target) else Path(target).name


def db_exists(target: Path | str) -> bool:
    """A server database is always there to ask; a file may not be yet."""
    return isinstance(target, str) or Path(target).exists()


def open_to_read(db_path: Path | str) -> Database:
    """For commands that only read: a file that cannot be written is read, not refused."""
    from briefing_app.services.library import open_library
    from briefing_app.storage.database import Database, ReadOnlyDatabaseError

    try:
        return open_library(db_path)
    except ReadOnlyDatabaseError:
        return Database.open(db_path, read_only=True)


def window_holds(target: Path | str) -> bool:
    """Whether a window of the app has the database file open (a server is never held)."""
    if not isinstance(target, Path) or not target.exists():
        return False
    from briefing_app.ui.app import lock_for

    lock = lock_for(target)
    if lock.tryLock(0):
        lock.unlock()
        return False
    return True
