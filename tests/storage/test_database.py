from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from briefing_app.storage.database import (
    DamagedDatabaseError,
    Database,
    DatabaseError,
    NewerSchemaError,
    head_revision,
)
from tests.helpers.damage import damage


def test_migration_from_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    db = Database.open(path)
    try:
        assert db.current_revision() == head_revision()
        tables = set(inspect(db.engine).get_table_names())
        assert {"sources", "events", "excerpts", "annotations", "events_fts"} <= tables
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    finally:
        db.close()
    # Opening again is a no-op and leaves no backup (nothing to migrate).
    Database.open(path).close()
    assert not list(tmp_path.glob("*.bak"))


def test_a_newer_schema_is_refused_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    Database.open(path).close()
    db = Database.open(path)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.close()
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError, match="newer version"):
        Database.open(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("just some notes\n")
    with pytest.raises(DatabaseError, match="not an SQLite file"):
        Database.open(path)
    assert path.read_text() == "just some notes\n"


def test_session_rolls_back_on_error(tmp_path: Path) -> None:
    from briefing_app.storage.models import SourceRow

    db = Database.open(tmp_path / "x.sqlite")
    with pytest.raises(RuntimeError), db.session() as s:
        s.add(
            SourceRow(
                file="f",
                content_hash="h",
                title="t",
                outlet="o",
                language="en",
                text="x",
                body_start=0,
                body_end=1,
                origin="user",
            )
        )
        s.flush()
        raise RuntimeError("boom")
    with db.session() as s:
        assert s.query(SourceRow).count() == 0
    db.close()


def test_a_read_only_file_is_refused_for_writing_but_opens_read_only(tmp_path: Path) -> None:
    from briefing_app.storage.database import ReadOnlyDatabaseError

    path = tmp_path / "ro.sqlite"
    Database.open(path).close()
    path.chmod(0o444)
    try:
        with pytest.raises(ReadOnlyDatabaseError, match="read-only"):
            Database.open(path)
        db = Database.open(path, read_only=True)
        assert db.read_only
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM events")).scalar() == 0
        db.close()
    finally:
        path.chmod(0o644)


def make_damaged_database(path: Path, last_pages: int | None = None) -> Path:
    damage(Database.open(path), last_pages)
    return path


def test_a_damaged_file_is_reported_with_what_to_do(tmp_path: Path) -> None:
    path = make_damaged_database(tmp_path / "damaged.sqlite")
    with pytest.raises(DamagedDatabaseError) as info:
        Database.open(path)
    assert "backup" in str(info.value).lower()


def test_a_check_in_the_background_reports_damage_when_waited_for(tmp_path: Path) -> None:
    path = make_damaged_database(tmp_path / "damaged.sqlite", last_pages=20)
    db = Database.open(path, check_in_background=True)  # the schema pages are still readable
    with pytest.raises(DamagedDatabaseError, match=r"damaged\.sqlite is damaged"):
        db.wait_for_integrity_check()
    db.close()


def test_a_check_in_the_background_passes_a_sound_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from briefing_app.storage import database

    path = tmp_path / "sound.sqlite"
    Database.open(path).close()
    release, runs, finished = threading.Event(), [], []
    real_run = database._IntegrityCheck._run

    def held_run(check: database._IntegrityCheck) -> None:
        runs.append(1)
        release.wait(10)
        real_run(check)
        finished.append(1)

    monkeypatch.setattr(database._IntegrityCheck, "_run", held_run)
    db = Database.open(path, check_in_background=True)  # returns while the check is held
    with db.engine.connect() as conn:  # and the file can be read meanwhile
        assert conn.execute(text("SELECT count(*) FROM events")).scalar() == 0
    assert finished == []
    release.set()
    db.wait_for_integrity_check()
    assert finished == [1]
    db.wait_for_integrity_check()  # once waited for, nothing is pending or run again
    assert runs == [1]
    db.close()


def test_schema_head_constant_matches_the_migration_scripts() -> None:
    from briefing_app.storage.database import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD
