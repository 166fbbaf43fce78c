"""What can be wrong with a database, said in words meant for the user.

Apart from ``database`` so that the checks of a file before it is opened
(``sqlite_file``) raise the same errors; ``database`` names them too.

A file can be damaged in its structure (SQLite says so), in the bytes of a
text (not UTF-8 any more) or in a stored value that reads but means nothing
(a list that is not JSON). ``quick_check`` sees only the first; the others
show when the row is read, by whichever read meets them. ``is_damage``
recognises all three, so every read path (the command line, the window, the
backups) reports damage as damage, with the file's name (``damage_error``).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

__all__ = [
    "DamagedDatabaseError",
    "DatabaseError",
    "NewerSchemaError",
    "ReadOnlyDatabaseError",
    "StoredValueError",
    "damage_behind",
    "damage_error",
    "damaged",
    "is_damage",
]


class DatabaseError(Exception):
    """A database that cannot be used, with a message meant for the user."""


class NewerSchemaError(DatabaseError):
    """The file was written by a newer version of the app."""


class ReadOnlyDatabaseError(DatabaseError):
    """The file (or its folder) cannot be written; it can still be opened read-only."""


class DamagedDatabaseError(DatabaseError):
    """SQLite reports the file as damaged: restore a backup."""


class StoredValueError(ValueError):
    """A stored value that cannot be what its column holds: damage inside a row."""


def damaged(path: Path | str | None, report: str) -> DamagedDatabaseError:
    return DamagedDatabaseError(
        f"{path} is damaged (SQLite reports: {report}). "
        "Restore a backup from File › Restore Backup, or choose another file."
    )


def is_damage(exc: BaseException) -> bool:
    """Whether SQLite (or what it handed over) says the file's content is damaged.

    ``quick_check`` passes a file whose row data was overwritten: the damage
    shows only when a row is read, as a text that is not UTF-8, a page
    SQLite finds malformed, or a value its column cannot hold.
    """
    if isinstance(exc, (UnicodeDecodeError, StoredValueError, DamagedDatabaseError)):
        return True
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    return code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or (
        "could not decode to utf-8" in str(exc).lower()
    )


def damage_error(path: Path | str | None, exc: BaseException) -> DamagedDatabaseError:
    """``exc``, a read that met damage, as the message the user gets (no damaged bytes)."""
    if isinstance(exc, DamagedDatabaseError):
        return exc
    if isinstance(exc, StoredValueError):
        return DamagedDatabaseError(
            f"{path} is damaged ({exc}). "
            "Restore a backup from File › Restore Backup, or choose another file."
        )
    return damaged(path, str(exc).split(" with text ")[0])


def damage_behind(exc: BaseException | None) -> BaseException | None:
    """The damage behind ``exc`` (it, or what caused it); None when it is not damage."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if is_damage(exc):
            return exc
        exc = exc.__cause__ or exc.__context__
    return None
