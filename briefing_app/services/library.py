"""Opening the user's database, filled from the shipped chronology when new."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from briefing_app.ingest.curated import LoadReport, load_curated, read_chronology
from briefing_app.paths import RESOURCES_DIR, SEEDS_DIR
from briefing_app.storage.database import Database
from briefing_app.storage.models import SourceRow

__all__ = ["open_library", "reload_curated"]


def reload_curated(
    db: Database, resources: Path = RESOURCES_DIR, seeds: Path = SEEDS_DIR
) -> LoadReport:
    """Load (or re-load) the curated chronology; user rows are left alone."""
    return load_curated(db, read_chronology(resources, seeds))


def open_library(
    path: str | Path,
    resources: Path = RESOURCES_DIR,
    seeds: Path = SEEDS_DIR,
    *,
    check_in_background: bool = False,
) -> Database:
    """Open ``path``, creating and filling it from seeds/ and resources/ when empty.

    With ``check_in_background`` the caller must call
    ``db.wait_for_integrity_check()`` before trusting what it reads (see
    ``Database.open``); filling a new file waits for it here.
    """
    db = Database.open(path, check_in_background=check_in_background)
    try:
        with db.session() as s:
            empty = s.scalar(select(SourceRow.pk).limit(1)) is None
        if empty:
            db.wait_for_integrity_check()
            reload_curated(db, resources, seeds)
    except BaseException:
        db.close()
        raise
    return db
