"""Rolling backups of the user's database, and restoring one.

Backups are whole-database snapshots made with SQLite's online backup API (a
consistent copy even while the app is writing), kept in ``<db>.backups/``
beside the file. One is taken only when the user's data changed since the
last one; old ones are thinned the way note-taking apps do: every backup of
the last day, then the newest per day for a week, per week for two months,
per month for a year.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import text

from briefing_app.storage.database import DamagedDatabaseError, Database, connect_read_only
from briefing_app.storage.files import replacing, write_text
from briefing_app.storage.soundness import unreadable_value

__all__ = [
    "Backup",
    "backup_dir_for",
    "damage_in",
    "data_fingerprint",
    "newest_sound_backup",
    "take_backup",
    "list_backups",
    "prune_backups",
    "restore_backup",
]

_STAMP = "%Y%m%d-%H%M%S-%f"
_NAME = re.compile(r"^(.*)-(\d{8}-\d{6}-\d{6})$")
_STATE = "last.json"


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime
    size: int

    @property
    def label(self) -> str:
        return self.taken_at.strftime("%d %b %Y, %H:%M:%S")


def backup_dir_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".backups")


# The user's own small tables, hashed whole: a point's text, a briefing's name
# or an order change alters no count.
_HASHED_WHOLE = ("annotations", "briefings", "briefing_points", "point_citations")
# Large tables: counts and the last row (above) plus what edits change in place.
_CHANGE_MARKERS = {
    "events": "SELECT max(updated_at), group_concat(pk) FROM events WHERE hidden",
    "excerpts": "SELECT total(start), total(\"end\"), total(anchor_status = 'flagged'), "
    "total(retired) FROM excerpts",
}


def data_fingerprint(db: Database) -> str:
    """Changes whenever the user's data (or the chronology) changes."""
    digest = hashlib.sha256()
    with db.engine.connect() as conn:
        tables = [
            r[0]
            for r in conn.execute(
                text(
                    "SELECT name FROM sqlite_master WHERE type='table' "
                    "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' "
                    "ORDER BY name"
                )
            )
        ]
        for table in tables:
            count, top = conn.execute(text(f'SELECT count(*), max(rowid) FROM "{table}"')).one()
            digest.update(f"{table}:{count}:{top}|".encode())
            if table in _HASHED_WHOLE:
                for row in conn.execute(text(f'SELECT * FROM "{table}" ORDER BY rowid')):
                    digest.update(repr(tuple(row)).encode())
            elif table in _CHANGE_MARKERS:
                digest.update(
                    repr(tuple(conn.execute(text(_CHANGE_MARKERS[table])).one())).encode()
                )
    return digest.hexdigest()


def _read_state(folder: Path) -> dict[str, str]:
    try:
        return json.loads((folder / _STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def damage_in(path: Path) -> str | None:
    """What is damaged in the SQLite file at ``path``; None when every row reads back whole.

    ``quick_check`` looks at the file's structure, not at the bytes inside
    rows, so every row of every table is read as well (texts decoded), and
    every value is checked to be one its column can hold (lists are JSON).
    """
    try:
        conn = connect_read_only(path)
        try:
            report = str(conn.execute("PRAGMA quick_check").fetchone()[0])
            if report != "ok":
                return report
            tables = conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'"
            ).fetchall()
            for (table,) in tables:
                for _row in conn.execute(f'SELECT * FROM "{table}"'):
                    pass
            unreadable = unreadable_value(conn)  # damage that still reads as some value
            if unreadable is not None:
                return unreadable
        finally:
            conn.close()
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        return str(exc).split(" with text ")[0]
    return None


def newest_sound_backup(db_path: Path) -> Backup | None:
    """The newest backup of ``db_path`` that reads back whole."""
    for backup in list_backups(db_path):
        if damage_in(backup.path) is None:
            return backup
    return None


def take_backup(
    db: Database,
    *,
    now: datetime | None = None,
    force: bool = False,
    prune: bool = True,
    verify: bool = True,
) -> Path | None:
    """Snapshot the database if its data changed since the last snapshot.

    ``prune`` thins the older backups afterwards (see ``prune_backups``).
    With ``verify`` the copy is read back whole before it is kept: a damaged
    database raises ``DamagedDatabaseError`` and leaves no backup, so the
    thinning never trades the sound backups for damaged ones. Without it (the
    safety copy before a restore) the data is copied as it is.
    """
    assert db.path is not None, "in-memory databases are not backed up"
    folder = backup_dir_for(db.path)
    folder.mkdir(exist_ok=True)
    try:
        fingerprint = data_fingerprint(db)
    except DamagedDatabaseError:
        if verify:
            raise
        fingerprint = ""
    state = _read_state(folder)
    if not force and state.get("fingerprint") == fingerprint:
        return None
    moment = now or datetime.now()
    target = folder / f"{db.path.stem}-{moment.strftime(_STAMP)}.sqlite"
    with replacing(target) as partial:
        raw = db.engine.raw_connection()
        try:
            dest = sqlite3.connect(partial)
            try:
                raw.driver_connection.backup(dest)  # type: ignore[union-attr]
            finally:
                dest.close()
        finally:
            raw.close()
        problem = damage_in(partial) if verify else None
        if problem is not None:
            raise DamagedDatabaseError(
                f"{db.path} is damaged ({problem}), so no backup was taken and the earlier "
                "ones are kept. Restore the newest sound one with File › Restore Backup."
            )
    write_text(folder / _STATE, json.dumps({"fingerprint": fingerprint}))
    if prune:
        prune_backups(folder, now=moment)
    return target


def list_backups(db_path: Path) -> list[Backup]:
    folder = backup_dir_for(db_path)
    found: list[Backup] = []
    for path in folder.glob(f"{db_path.stem}-*.sqlite"):
        parsed = _parse(path)
        if parsed is not None and parsed[0] == db_path.stem:
            found.append(Backup(path, parsed[1], path.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def _keepers(backups: list[Backup], now: datetime) -> set[Path]:
    keep: set[Path] = set()
    seen: set[tuple[str, object]] = set()
    for b in backups:  # newest first
        age = now - b.taken_at
        if age <= timedelta(days=1):
            keep.add(b.path)
            continue
        if age <= timedelta(days=7):
            key: tuple[str, object] = ("day", b.taken_at.date())
        elif age <= timedelta(weeks=9):
            key = ("week", tuple(b.taken_at.isocalendar())[:2])
        elif age <= timedelta(days=366):
            key = ("month", (b.taken_at.year, b.taken_at.month))
        else:
            continue
        if key not in seen:
            seen.add(key)
            keep.add(b.path)
    if backups:
        keep.add(backups[0].path)  # never delete the newest
    return keep


def _parse(path: Path) -> tuple[str, datetime] | None:
    """``name-YYYYmmdd-HHMMSS.sqlite`` → (name, time), or None for other files."""
    match = _NAME.match(path.stem)
    if match is None:
        return None
    try:
        return match.group(1), datetime.strptime(match.group(2), _STAMP)
    except ValueError:
        return None


def prune_backups(folder: Path, *, now: datetime | None = None) -> int:
    """Delete backups the rotation no longer needs; returns how many went."""
    by_name: dict[str, list[Backup]] = {}
    for path in folder.glob("*.sqlite"):
        parsed = _parse(path)
        if parsed is not None:
            by_name.setdefault(parsed[0], []).append(Backup(path, parsed[1], path.stat().st_size))
    removed = 0
    for backups in by_name.values():
        backups.sort(key=lambda b: b.taken_at, reverse=True)
        keep = _keepers(backups, now or datetime.now())
        for b in backups:
            if b.path not in keep:
                b.path.unlink(missing_ok=True)
                removed += 1
    return removed


def _revision_of(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:  # no such table: a file with no schema yet
        return None
    return None if row is None else str(row[0])


def restore_backup(db: Database, backup: Path) -> Path:
    """Replace the database's contents with ``backup``; the current data is kept aside.

    Uses the online backup API into the open database, so the app keeps its
    connection; returns the path of the safety copy taken first. A backup
    from an older schema is brought up to date after it is copied in; one
    from a newer version, or one that is damaged, is refused with nothing
    changed. The safety copy is taken without thinning the backups, which
    could delete the very file being restored.
    """
    assert db.path is not None
    try:
        check = connect_read_only(backup)
        try:
            ok = check.execute("PRAGMA quick_check").fetchone()[0]
            if ok != "ok":
                raise ValueError(f"{backup.name} is damaged ({ok}); choose another backup")
            revision = _revision_of(check)
            if revision is None or not db.knows_revision(revision):
                raise ValueError(
                    f"{backup.name} is not a backup this version can restore "
                    f"(schema {revision or 'missing'}); choose another backup"
                )
            safety = take_backup(db, force=True, prune=False, verify=False)
            assert safety is not None
            raw = db.engine.raw_connection()
            try:
                check.backup(raw.driver_connection)  # type: ignore[arg-type]
            finally:
                raw.close()
        finally:
            check.close()
    except sqlite3.Error as exc:
        raise ValueError(f"{backup.name} could not be restored ({exc})") from exc
    db.engine.dispose()
    db.migrate()  # a backup from before the last upgrade
    (backup_dir_for(db.path) / _STATE).unlink(missing_ok=True)
    return safety
