"""Who made and who last changed the user's events and excerpts.

Kept apart from the domain values the timeline draws (an ``Event`` is built
100,000 times at start-up and never needs its authors): the event panel asks
for one event's, the JSON export for all of them in two queries.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select

from briefing_app.storage.database import Database
from briefing_app.storage.models import EventRow, ExcerptRow

__all__ = ["Authorship", "event_authors", "excerpt_authors"]


@dataclass(frozen=True, slots=True)
class Authorship:
    """Who made a row and who changed it last (None: curated, or older than authors)."""

    created_by: str | None = None
    updated_by: str | None = None

    def describe(self) -> str:
        """``made by alice · last changed by bob``, or ``made by alice`` when nobody else did."""
        if self.created_by is None and self.updated_by is None:
            return ""
        made = f"made by {self.created_by or 'an unknown author'}"
        if self.updated_by and self.updated_by != self.created_by:
            return f"{made} · last changed by {self.updated_by}"
        return made


def event_authors(db: Database, event_id: str | None = None) -> dict[str, Authorship]:
    """Events with a recorded author, by id: ``event_id``'s alone, or every one."""
    query = select(EventRow.id, EventRow.created_by, EventRow.updated_by).where(
        or_(EventRow.created_by.is_not(None), EventRow.updated_by.is_not(None))
    )
    if event_id is not None:
        query = query.where(EventRow.id == event_id)
    with db.session() as s:
        return {eid: Authorship(made, changed) for eid, made, changed in s.execute(query)}


def excerpt_authors(db: Database, event_id: str | None = None) -> dict[str, str]:
    """Who made each excerpt that records it, by uid: of ``event_id``, or of every event."""
    query = select(ExcerptRow.uid, ExcerptRow.created_by).where(ExcerptRow.created_by.is_not(None))
    if event_id is not None:
        query = query.join(EventRow, EventRow.pk == ExcerptRow.event_pk).where(
            EventRow.id == event_id
        )
    with db.session() as s:
        return {uid: made for uid, made in s.execute(query)}
