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

from briefing_app.storage.database import Database

__all__ = [
    "Backup",
    "backup_dir_for",
    "data_fingerprint",
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


def data_fingerprint(db: Database) -> str:
    """Changes whenever the user's data (or the chronology) changes."""
    parts: list[str] = []
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
            parts.append(f"{table}:{count}:{top}")
        for table, column in (("annotations", "updated_at"), ("events", "updated_at")):
            if table in tables:
                parts.append(str(conn.execute(text(f"SELECT max({column}) FROM {table}")).scalar()))
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def _read_state(folder: Path) -> dict[str, str]:
    try:
        return json.loads((folder / _STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def take_backup(db: Database, *, now: datetime | None = None, force: bool = False) -> Path | None:
    """Snapshot the database if its data changed since the last snapshot."""
    assert db.path is not None, "in-memory databases are not backed up"
    folder = backup_dir_for(db.path)
    folder.mkdir(exist_ok=True)
    fingerprint = data_fingerprint(db)
    state = _read_state(folder)
    if not force and state.get("fingerprint") == fingerprint:
        return None
    moment = now or datetime.now()
    target = folder / f"{db.path.stem}-{moment.strftime(_STAMP)}.sqlite"
    partial = target.with_suffix(".partial")
    raw = db.engine.raw_connection()
    try:
        dest = sqlite3.connect(partial)
        try:
            raw.driver_connection.backup(dest)  # type: ignore[union-attr]
        finally:
            dest.close()
    finally:
        raw.close()
    partial.replace(target)
    (folder / _STATE).write_text(json.dumps({"fingerprint": fingerprint}), encoding="utf-8")
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


def restore_backup(db: Database, backup: Path) -> Path:
    """Replace the database's contents with ``backup``; the current data is kept aside.

    Uses the online backup API into the open database, so the app keeps its
    connection; returns the path of the safety copy taken first.
    """
    assert db.path is not None
    safety = take_backup(db, force=True)
    assert safety is not None
    check = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        ok = check.execute("PRAGMA quick_check").fetchone()[0]
        if ok != "ok":
            raise ValueError(f"{backup.name} is damaged ({ok}); choose another backup")
        raw = db.engine.raw_connection()
        try:
            check.backup(raw.driver_connection)  # type: ignore[arg-type]
        finally:
            raw.close()
    finally:
        check.close()
    db.engine.dispose()
    (backup_dir_for(db.path) / _STATE).unlink(missing_ok=True)
    return safety
