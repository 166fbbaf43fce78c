"""What every editing service shares: finding rows by stable id, new ids, refusals.

Services speak in stable ids (event slugs, excerpt and annotation uids) so
their snapshots mean the same thing in another database; the integer keys
stay inside a unit of work.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from briefing_app.storage.models import EventRow, ExcerptRow, utcnow

__all__ = ["EditRefused", "NotFound", "event_row", "excerpt_row", "new_uid", "now", "target_pks"]


class EditRefused(ValueError):
    """An edit that cannot be made; the message says why, in the user's terms."""


class NotFound(EditRefused):
    """The thing to edit is not (or no longer) in the database."""


def new_uid() -> str:
    """A fresh id that no other database will ever pick."""
    return uuid.uuid4().hex


def now() -> datetime:
    """The time stamps' clock: naive UTC with microseconds, as the tables store it."""
    return utcnow()


def event_row(session: Session, event_id: str) -> EventRow:
    row = session.scalar(select(EventRow).where(EventRow.id == event_id))
    if row is None:
        raise NotFound(f"there is no event {event_id!r}")
    return row


def excerpt_row(session: Session, uid: str) -> ExcerptRow:
    row = session.scalar(select(ExcerptRow).where(ExcerptRow.uid == uid))
    if row is None:
        raise NotFound(f"there is no excerpt {uid!r}")
    return row


def target_pks(
    session: Session, event_id: str | None, excerpt_uid: str | None, refusal: str
) -> tuple[int | None, int | None]:
    """(event pk, excerpt pk) of what a note or citation hangs on; ``refusal`` unless one."""
    if (event_id is None) == (excerpt_uid is None):
        raise EditRefused(refusal)
    if excerpt_uid is not None:
        return None, excerpt_row(session, excerpt_uid).pk
    assert event_id is not None
    return event_row(session, event_id).pk, None
