"""Rolling backups: taken only on change, thinned by age, restorable."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import text

from briefing_app.services.backups import (
    backup_dir_for,
    list_backups,
    prune_backups,
    restore_backup,
    take_backup,
)
from briefing_app.storage.database import SCHEMA_HEAD, Database


def _note_count(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM annotations")).scalar() or 0)


def _add_note(db: Database, uid: str) -> None:
    with db.engine.begin() as conn:
        event_pk = conn.execute(text("SELECT min(pk) FROM events")).scalar()
        conn.execute(
            text(
                "INSERT INTO annotations (uid, event_pk, body, tags, talking_point, created_at, "
                "updated_at) VALUES (:u, :e, 'note', '[]', 0, '2025-01-01', '2025-01-01')"
            ),
            {"u": uid, "e": event_pk},
        )


def test_backup_only_when_something_changed(library: Database) -> None:
    first = take_backup(library)
    assert first is not None and first.exists()
    assert take_backup(library) is None  # nothing changed
    _add_note(library, "n1")
    second = take_backup(library)
    assert second is not None and second != first
    assert len(list_backups(library.path)) == 2  # type: ignore[arg-type]


def test_rotation_keeps_a_bounded_number(tmp_path: Path) -> None:
    folder = tmp_path / "db.sqlite.backups"
    folder.mkdir()
    now = datetime(2026, 6, 1, 12, 0, 0)
    for hours in range(0, 24 * 400, 6):  # four a day for 400 days
        stamp = (now - timedelta(hours=hours)).strftime("%Y%m%d-%H%M%S-%f")
        (folder / f"db-{stamp}.sqlite").write_bytes(b"x")
    prune_backups(folder, now=now)
    kept = sorted(folder.glob("*.sqlite"))
    # 4 from the last day, ~6 more days, ~8 weeks, ~10 months: about 30, never hundreds.
    assert 20 <= len(kept) <= 35
    newest = (now).strftime("%Y%m%d-%H%M%S-%f")
    assert (folder / f"db-{newest}.sqlite").exists()


def test_restore_brings_back_the_old_data(library: Database) -> None:
    assert library.path is not None
    _add_note(library, "keep-me")
    snapshot = take_backup(library)
    assert snapshot is not None
    _add_note(library, "added-later")
    assert _note_count(library) == 2
    safety = restore_backup(library, snapshot)
    assert _note_count(library) == 1
    assert safety.exists() and safety.parent == backup_dir_for(library.path)
    # The safety copy holds what was there before the restore.
    copy = Database.open(safety)
    assert _note_count(copy) == 2
    copy.close()


def test_edits_that_change_no_count_still_call_for_a_backup(library: Database) -> None:
    from briefing_app.services.briefings import (
        add_point,
        create_briefing,
        edit_point_text,
        move_point,
        rename_briefing,
    )
    from briefing_app.services.user_events import set_event_hidden

    briefing = create_briefing(library, "Monday call")
    add_point(library, briefing.uid, "first")
    snap = add_point(library, briefing.uid, "second")
    assert take_backup(library) is not None
    edits = [
        lambda: edit_point_text(library, snap.points[0].uid, "first, reworded"),
        lambda: rename_briefing(library, briefing.uid, "Tuesday call"),
        lambda: move_point(library, snap.points[0].uid, 1),
        lambda: set_event_hidden(library, "helsinki-headline-goal", True),
        lambda: _move_an_excerpt(library),
    ]
    for edit in edits:
        edit()
        assert take_backup(library) is not None  # the edit alone made a new backup worth taking


def _move_an_excerpt(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(text('UPDATE excerpts SET start = start + 1, "end" = "end" + 1 WHERE pk = 1'))


def test_restore_in_a_folder_with_a_hash_in_its_name(tmp_path: Path) -> None:
    from briefing_app.services.library import open_library

    folder = tmp_path / "C# notes?v=1"
    folder.mkdir()
    db = open_library(folder / "library.sqlite")
    try:
        _add_note(db, "keep-me")
        snapshot = take_backup(db)
        assert snapshot is not None
        _add_note(db, "added-later")
        restore_backup(db, snapshot)
        assert _note_count(db) == 1
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM events")).scalar() > 40
        assert sorted(p.name for p in tmp_path.iterdir()) == ["C# notes?v=1"]  # no stray file
    finally:
        db.close()


def test_restoring_an_old_backup_keeps_it_even_when_rotation_would_drop_it(
    library: Database,
) -> None:
    long_ago = datetime.now() - timedelta(days=20)
    _add_note(library, "one")
    older = take_backup(library, now=long_ago - timedelta(days=long_ago.weekday() and 0))
    _add_note(library, "two")
    newer = take_backup(library, now=long_ago + timedelta(minutes=5))
    assert older is not None and newer is not None
    _add_note(library, "three")
    restore_backup(library, older)  # the same week as `newer`: rotation keeps one of them
    assert _note_count(library) == 1
    assert older.exists()


def test_a_backup_from_before_an_upgrade_is_upgraded_when_restored(
    library: Database, tmp_path: Path
) -> None:
    from briefing_app.services.briefings import create_briefing, list_briefings
    from tests.storage.test_migrations import _make_0001

    old = tmp_path / "old-20240101-000000-000000.sqlite"
    _make_0001(old)
    restore_backup(library, old)
    assert library.current_revision() == SCHEMA_HEAD
    assert list_briefings(library) == []
    create_briefing(library, "After the restore")


def test_a_backup_from_a_newer_version_is_refused_and_nothing_changes(
    library: Database, tmp_path: Path
) -> None:
    import shutil

    import pytest

    _add_note(library, "mine")
    newer = tmp_path / "newer.sqlite"
    snapshot = take_backup(library)
    assert snapshot is not None
    shutil.copy(snapshot, newer)
    with Database.open(newer, migrate=False).engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    _add_note(library, "also-mine")
    with pytest.raises(ValueError, match="schema 9999"):
        restore_backup(library, newer)
    assert _note_count(library) == 2
