"""Whether every stored value is one its column can hold: damage that reads as data.

Bytes overwritten inside a row often leave something SQLite reads without
complaint: a list that is no longer JSON, a number where a text belongs,
a text where a number or a time belongs. The scan asks SQLite itself, one
query per table (``typeof`` and ``json_valid``), so a large library is
checked at the speed of a table scan. It looks only at the columns the
file has, so a backup made before a schema upgrade is judged fairly.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy import JSON, Boolean, DateTime, Integer, String, Text
from sqlalchemy.types import TypeEngine

from briefing_app.storage.models import Base, StoredJSON

__all__ = ["unreadable_value"]


def _condition(column: str, kind: TypeEngine[object]) -> str | None:
    """SQL true for a value ``column`` cannot hold; None for a type not checked."""
    q = f'"{column}"'
    if isinstance(kind, (StoredJSON, JSON)):
        return f"({q} IS NOT NULL AND (typeof({q}) != 'text' OR NOT json_valid({q})))"
    if isinstance(kind, (Integer, Boolean)):
        return f"typeof({q}) NOT IN ('integer', 'null')"
    if isinstance(kind, (String, Text, DateTime)):
        return f"typeof({q}) NOT IN ('text', 'null')"
    return None


def unreadable_value(conn: sqlite3.Connection) -> str | None:
    """Where the first value its column cannot hold is (table, row, column); None when
    every value of every table of the app's schema fits."""
    for table in Base.metadata.sorted_tables:
        name = table.name
        present = {row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')}
        checks = [
            (column.name, cond)
            for column in table.columns
            if column.name in present and (cond := _condition(column.name, column.type))
        ]
        if not checks:
            continue
        where = " OR ".join(cond for _column, cond in checks)
        found = conn.execute(f'SELECT rowid FROM "{name}" WHERE {where} LIMIT 1').fetchone()
        if found is None:
            continue
        row = found[0]
        column = next(
            column
            for column, cond in checks
            if conn.execute(f'SELECT 1 FROM "{name}" WHERE rowid = ? AND {cond}', (row,)).fetchone()
        )
        return f"a stored value its column cannot hold: table {name}, row {row}, column {column}"
    return None
