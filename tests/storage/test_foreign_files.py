"""Another application's SQLite file is refused untouched; a failed upgrade changes nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect

from briefing_app import cli
from briefing_app.storage.database import Database, DatabaseError
from tests.storage.test_migrations import _make_0001


def _contacts(path: Path, *, clash: bool = False) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO contacts VALUES (1, 'Ann'), (2, 'Bo')")
    if clash:  # a table of a name this app also uses
        conn.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, happened TEXT)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("clash", [False, True])
def test_another_apps_sqlite_file_is_refused_untouched(tmp_path: Path, clash: bool) -> None:
    path = tmp_path / "contacts.sqlite"
    _contacts(path, clash=clash)
    before = path.read_bytes()
    with pytest.raises(DatabaseError) as caught:
        Database.open(path)
    message = str(caught.value)
    assert "contacts.sqlite is not a briefing database" in message and "contacts" in message
    assert "has not been changed" in message
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.sqlite"]


def test_the_command_line_refuses_it_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "contacts.sqlite"
    _contacts(path)
    before = path.read_bytes()
    assert cli.main(["--db", str(path), "export", "--format", "json"]) == 2
    err = capsys.readouterr().err
    assert "contacts.sqlite is not a briefing database" in err and "Traceback" not in err
    assert path.read_bytes() == before


def test_an_empty_sqlite_file_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    sqlite3.connect(path).execute("PRAGMA user_version = 0").connection.close()
    db = Database.open(path)
    try:
        assert "events" in inspect(db.engine).get_table_names()
    finally:
        db.close()


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_a_failed_upgrade_leaves_the_database_exactly_as_it_was(tmp_path: Path) -> None:
    """0002 rebuilds a table and adds three; 0003 then fails: none of it may stay."""
    path = tmp_path / "old.sqlite"
    _make_0001(path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE pending_proposals (x TEXT)")  # what 0003 will try to create
    conn.commit()
    conn.close()
    before = _dump(path)
    with pytest.raises(DatabaseError) as caught:
        Database.open(path)
    assert "old.sqlite could not be upgraded" in str(caught.value)
    assert "left exactly as it was" in str(caught.value)
    assert _dump(path) == before  # no briefings table, no conflict_of column, still 0001
    assert any("INSERT INTO \"alembic_version\" VALUES('0001')" in line for line in before)
