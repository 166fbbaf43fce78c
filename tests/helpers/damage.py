"""Damaging a database file on purpose, to test what the app does with it."""

from __future__ import annotations

from sqlalchemy import text

from briefing_app.storage.database import Database

PAGE = 4096


def damage(db: Database, last_pages: int | None = None) -> None:
    """Grow ``db`` with filler rows, close it and scribble over its page headers.

    By default every page from the fourth is hit; ``last_pages`` hits only that
    many pages at the end, sparing the schema so the file still opens.
    """
    assert db.path is not None
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE filler (x TEXT)"))
        for i in range(300):
            conn.execute(text("INSERT INTO filler VALUES (:x)"), {"x": "y" * 500 + str(i)})
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(db.path.read_bytes())
    first = 3 if last_pages is None else len(data) // PAGE - last_pages
    for offset in range(PAGE * first, len(data) - 100, PAGE):
        data[offset : offset + 64] = b"\xff" * 64
    db.path.write_bytes(bytes(data))
