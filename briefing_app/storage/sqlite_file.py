"""An SQLite file before and while the app opens it: refused untouched, or set up.

A file that is not a database, another application's SQLite file, or one
whose write-ahead log would drop saved changes is refused before any
connection of the app's own could change it; the PRAGMAs make a committed
edit survive a crash, and a read-only connection can only read.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from briefing_app.storage.errors import DamagedDatabaseError, DatabaseError

__all__ = [
    "connect_read_only",
    "not_writable",
    "read_only_pragmas",
    "refuse_damaged_wal",
    "refuse_foreign",
    "refuse_non_database",
    "set_pragmas",
]

_SQLITE_MAGIC = b"SQLite format 3\x00"
_OWN_TABLES = frozenset({"sources", "events", "excerpts", "annotations"})
"""Tables every version of this app's schema has."""


def set_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    # WAL with FULL sync: a committed edit survives a crash or power cut.
    mode = cur.execute("PRAGMA journal_mode=WAL").fetchone()
    if mode and str(mode[0]).lower() not in ("wal", "memory"):
        cur.execute("PRAGMA journal_mode=DELETE")
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def read_only_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA query_only=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that can only read ``path``.

    The path goes into a ``file:`` URI percent-encoded: pasted in raw, a ``#``
    or ``?`` in a folder name would make SQLite open (and create) another file.
    """
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def not_writable(file: Path) -> bool:
    """True when the file's own permissions (or its folder's) forbid writing.

    Mode bits are read directly: os.access says yes to root, but a user who
    made a file read-only meant it.
    """
    import stat

    if file.exists():
        return not file.stat().st_mode & stat.S_IWUSR
    folder = file.parent
    return folder.exists() and not folder.stat().st_mode & stat.S_IWUSR


def refuse_non_database(file: Path) -> None:
    if not file.exists() or file.stat().st_size == 0:
        return
    try:
        with file.open("rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise DatabaseError(f"{file} cannot be read: {exc.strerror}.") from exc
    if head != _SQLITE_MAGIC:
        raise DatabaseError(
            f"{file} is not a briefing database (it is not an SQLite file). "
            "Choose another file; this one has not been changed."
        )


def refuse_damaged_wal(file: Path) -> None:
    """Refuse, untouched, a file whose write-ahead log would drop saved changes unread."""
    from briefing_app.storage.wal import wal_damage

    found = wal_damage(file)
    if found is not None:
        raise DamagedDatabaseError(
            f"{file} has a damaged write-ahead log ({found.wal.name}, from change "
            f"{found.first_bad}): {found.lost} saved change(s) after the damage could not be "
            "read, and opening the file would discard them. It has not been opened or changed. "
            f"Restore a backup, or move {found.wal.name} aside to open the file without them."
        )


def refuse_foreign(file: Path) -> None:
    """Refuse, untouched, an SQLite file that another application made.

    Read through a read-only connection, before the app's own connection
    could change anything (its journal mode, say). A file with no tables is
    a new database; one with tables this app never makes, or stamped with a
    schema but lacking this app's tables, is another application's.
    """
    if not file.exists() or file.stat().st_size == 0:
        return
    try:
        conn = connect_read_only(file)
        try:
            tables = {
                str(row[0])
                for row in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%'"
                )
            }
            stamped = "alembic_version" in tables and (
                conn.execute("SELECT count(*) FROM alembic_version").fetchone()[0] > 0
            )
        finally:
            conn.close()
    except sqlite3.Error:
        return  # damaged or locked: the open that follows says which
    if stamped and tables >= _OWN_TABLES:
        return  # this app's, at some revision: migrate() decides
    from briefing_app.storage.models import Base

    known = {*Base.metadata.tables, "alembic_version"}
    others = sorted(t for t in tables - known if "_fts" not in t)
    if not stamped and not others:
        return  # new, or this app's own tables not yet stamped: migrate() decides
    named = f" (it holds tables such as {', '.join(others[:5])})" if others else ""
    raise DatabaseError(
        f"{file} is not a briefing database: it is another application's SQLite file"
        f"{named}. Choose another file; this one has not been changed."
    )
