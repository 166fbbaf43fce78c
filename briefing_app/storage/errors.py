"""What can be wrong with a database, said in words meant for the user.

Apart from ``database`` so that the checks of a file before it is opened
(``sqlite_file``) raise the same errors; ``database`` names them too.
"""

from __future__ import annotations

__all__ = ["DamagedDatabaseError", "DatabaseError", "NewerSchemaError", "ReadOnlyDatabaseError"]


class DatabaseError(Exception):
    """A database that cannot be used, with a message meant for the user."""


class NewerSchemaError(DatabaseError):
    """The file was written by a newer version of the app."""


class ReadOnlyDatabaseError(DatabaseError):
    """The file (or its folder) cannot be written; it can still be opened read-only."""


class DamagedDatabaseError(DatabaseError):
    """SQLite reports the file as damaged: restore a backup."""
