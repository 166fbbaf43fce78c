"""Consistency checks over a database: every excerpt still anchors verbatim, every article
still matches the SHA-256 recorded when it was stored."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from briefing_app.services.backups import damage_in
from briefing_app.storage.database import Database, DatabaseError
from briefing_app.storage.errors import damaged
from briefing_app.storage.fingerprints import changed_message, changed_sources
from briefing_app.storage.models import EventRow, ExcerptRow, SourceRow

__all__ = ["database_problems"]


def database_problems(path: Path | str) -> list[str]:
    """What is wrong in the database at ``path`` (a file or a server URL); it is opened
    read-only and never changed. A damaged file raises ``DamagedDatabaseError``."""
    try:
        db = Database.open(path, read_only=True)
    except DatabaseError as exc:
        return [str(exc)]
    problems: list[str] = []
    try:
        if db.path is not None:  # damage that still reads as data is damage all the same
            found = damage_in(db.path)
            if found is not None:
                raise damaged(db.path, found)
        changed = changed_sources(db)
        if changed:  # said once for the article, not once more for each of its passages
            problems.append(changed_message(changed))
        named = {c.file for c in changed}
        with db.session() as s:
            # Each article once, not once per excerpt.
            texts = {pk: t for pk, t in s.execute(select(SourceRow.pk, SourceRow.text))}
            rows = s.execute(
                select(ExcerptRow, EventRow.id, SourceRow.file)
                .join(EventRow, EventRow.pk == ExcerptRow.event_pk)
                .join(SourceRow, SourceRow.pk == ExcerptRow.source_pk)
                .where(ExcerptRow.retired.is_(False))
            ).all()
            for ex, event_id, file in rows:
                if file in named:
                    continue
                if texts[ex.source_pk][ex.start : ex.end] != ex.quote:
                    problems.append(
                        f"event {event_id!r}, source {file}: excerpt {ex.uid} no longer "
                        f"matches its text at {ex.start}..{ex.end}: {ex.quote[:60]!r}"
                    )
            bad_dates = s.scalars(select(EventRow.id).where(EventRow.last_day < EventRow.first_day))
            problems.extend(f"event {eid!r}: ends before it starts" for eid in bad_dates)
    finally:
        db.close()
    return problems
