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
from briefing_app.storage.database import Database


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
