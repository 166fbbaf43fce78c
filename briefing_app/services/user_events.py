"""The user's own events and excerpts, beside the curated ones, and hiding curated events.

User rows carry ``origin = 'user'``: reloading the curated chronology never
touches them. They can be edited and deleted; curated events can only be
hidden. An excerpt the user makes is anchored exactly like a curated one
(offsets, the verbatim quote, and context on both sides), so it is checked
and highlighted the same way. Deleting returns a snapshot with everything
that went with the row (its excerpts, notes and briefing citations) so an
undo puts all of it back.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from briefing_app.domain.anchoring import TextQuote, selector_for
from briefing_app.domain.dates import DateSpan, undrawable
from briefing_app.domain.model import Confidence, Lane, Origin
from briefing_app.services import annotations as notes
from briefing_app.services.annotations import AnnotationSnapshot
from briefing_app.services.briefings import (
    CitationRecord,
    citation_records,
    restore_citation_records,
)
from briefing_app.services.lookup import EditRefused, NotFound, event_row, excerpt_row, new_uid, now
from briefing_app.storage.database import Database
from briefing_app.storage.models import (
    AnnotationRow,
    EventRow,
    ExcerptRow,
    PointCitationRow,
    SourceRow,
)
from briefing_app.storage.repository import event_when, store_event_when

__all__ = [
    "EventDraft",
    "EventSnapshot",
    "ExcerptSnapshot",
    "add_user_excerpt",
    "apply_draft",
    "create_user_event",
    "delete_user_event",
    "delete_user_excerpt",
    "get_event_snapshot",
    "hidden_event_ids",
    "remove_user_event",
    "remove_user_excerpt",
    "restore_event",
    "restore_event_fields",
    "restore_excerpt",
    "set_event_hidden",
    "update_user_event",
]

USER_EXCERPT_POSITION = 1000
"""User excerpts sort after the curated ones of the same event."""


@dataclass(frozen=True, slots=True)
class EventDraft:
    """What the user fills in for an event of their own."""

    title: str
    when: DateSpan
    lane: Lane
    actors: tuple[str, ...] = ()
    summary: str = ""
    confidence: Confidence = Confidence.MEDIUM
    references: tuple[str, ...] = ()

    def checked(self) -> EventDraft:
        title = " ".join(self.title.split())
        if not title:
            raise EditRefused("an event needs a title")
        beyond = undrawable(self.when)
        if beyond:
            raise EditRefused(beyond)
        actors = tuple(dict.fromkeys(a.strip() for a in self.actors if a.strip()))
        return EventDraft(
            title[:500],
            self.when,
            self.lane,
            actors,
            self.summary.strip(),
            self.confidence,
            tuple(r.strip() for r in self.references if r.strip()),
        )


@dataclass(frozen=True, slots=True)
class ExcerptSnapshot:
    uid: str
    event_id: str
    source_file: str
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    position: int
    origin: str
    anchor_status: str
    created_at: datetime
    annotations: tuple[AnnotationSnapshot, ...] = ()
    citations: tuple[CitationRecord, ...] = ()
    created_by: str | None = None
    """Who made it: an undone deletion brings the author back too."""


@dataclass(frozen=True, slots=True)
class EventSnapshot:
    id: str
    draft: EventDraft
    origin: str
    hidden: bool
    retired: bool
    created_at: datetime
    updated_at: datetime
    excerpts: tuple[ExcerptSnapshot, ...] = ()
    annotations: tuple[AnnotationSnapshot, ...] = ()
    """Notes on the event itself (notes on excerpts travel with the excerpts)."""
    citations: tuple[CitationRecord, ...] = ()
    created_by: str | None = None
    updated_by: str | None = None


# -- snapshots ---------------------------------------------------------------------------


def _draft(row: EventRow) -> EventDraft:
    return EventDraft(
        title=row.title,
        when=event_when(row),
        lane=Lane.parse(row.lane),
        actors=tuple(row.actors or ()),
        summary=row.summary,
        confidence=Confidence.parse(row.confidence),
        references=tuple(row.references or ()),
    )


def _notes_on(session: Session, column: object, pk: int) -> tuple[AnnotationSnapshot, ...]:
    return tuple(notes.rows_where(session, column == pk))  # type: ignore[operator]


def _excerpt_snapshot(session: Session, x: ExcerptRow, *, full: bool) -> ExcerptSnapshot:
    return ExcerptSnapshot(
        uid=x.uid,
        event_id=x.event.id,
        source_file=x.source.file,
        start=x.start,
        end=x.end,
        quote=x.quote,
        prefix=x.prefix,
        suffix=x.suffix,
        position=x.position,
        origin=x.origin,
        anchor_status=x.anchor_status,
        created_at=x.created_at,
        annotations=_notes_on(session, AnnotationRow.excerpt_pk, x.pk) if full else (),
        citations=citation_records(session, excerpt=x) if full else (),
        created_by=x.created_by,
    )


def _event_snapshot(session: Session, row: EventRow, *, full: bool = True) -> EventSnapshot:
    return EventSnapshot(
        id=row.id,
        draft=_draft(row),
        origin=row.origin,
        hidden=row.hidden,
        retired=row.retired,
        created_at=row.created_at,
        updated_at=row.updated_at,
        excerpts=tuple(
            _excerpt_snapshot(session, x, full=full)
            for x in row.excerpts
            if full and x.origin == Origin.USER.value
        ),
        annotations=_notes_on(session, AnnotationRow.event_pk, row.pk) if full else (),
        citations=citation_records(session, event=row) if full else (),
        created_by=row.created_by,
        updated_by=row.updated_by,
    )


def get_event_snapshot(db: Database, event_id: str) -> EventSnapshot:
    with db.session() as s:
        return _event_snapshot(s, event_row(s, event_id))


# -- events ---------------------------------------------------------------------------------

_SLUG_DROP = re.compile(r"[^a-z0-9]+")


def _new_event_id(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = _SLUG_DROP.sub("-", ascii_title.lower()).strip("-")[:48].strip("-") or "event"
    return f"user-{slug}-{new_uid()[:8]}"


def apply_draft(row: EventRow, draft: EventDraft) -> None:
    """Write what the user filled in into the event's row."""
    row.title = draft.title
    store_event_when(row, draft.when)
    row.lane = draft.lane.value
    row.actors = list(draft.actors)
    row.summary = draft.summary
    row.confidence = draft.confidence.value
    row.references = list(draft.references)


def _user_event(session: Session, event_id: str) -> EventRow:
    row = event_row(session, event_id)
    if row.origin != Origin.USER.value:
        raise EditRefused(
            "this event belongs to the curated chronology: it cannot be changed or deleted, "
            "only hidden"
        )
    return row


def new_user_event_in(
    session: Session,
    draft: EventDraft,
    *,
    source_file: str | None = None,
    span: tuple[int, int] | None = None,
) -> tuple[EventRow, ExcerptRow | None]:
    """Within ``session``: a new event of the user's, and its first excerpt if given."""
    clean = draft.checked()
    stamp = now()
    row = EventRow(
        id=_new_event_id(clean.title),
        origin=Origin.USER.value,
        hidden=False,
        retired=False,
        created_at=stamp,
        updated_at=stamp,
        created_by=session.info.get("author"),
        updated_by=session.info.get("author"),
    )
    apply_draft(row, clean)
    session.add(row)
    session.flush()
    first = None
    if source_file is not None and span is not None:
        first = _add_excerpt(session, row, source_file, span)
    session.flush()
    return row, first


def create_user_event(
    db: Database,
    draft: EventDraft,
    *,
    source_file: str | None = None,
    span: tuple[int, int] | None = None,
) -> EventSnapshot:
    """A new event of the user's, with ``span`` of ``source_file`` as its first excerpt."""
    with db.session() as s:
        row, _first = new_user_event_in(s, draft, source_file=source_file, span=span)
        return _event_snapshot(s, row)


def update_user_event(db: Database, event_id: str, draft: EventDraft) -> EventSnapshot:
    clean = draft.checked()
    with db.session() as s:
        row = _user_event(s, event_id)
        if _draft(row) != clean:
            apply_draft(row, clean)
            row.updated_at = now()
            row.updated_by = s.info.get("author")
        s.flush()
        return _event_snapshot(s, row)


def delete_user_event(db: Database, event_id: str) -> EventSnapshot:
    """Delete a user event with its excerpts, notes and citations; returns all of it."""
    with db.session() as s:
        row = _user_event(s, event_id)
        before = _event_snapshot(s, row)
        _delete_event_rows(s, row)
    return before


def remove_user_event(db: Database, event_id: str) -> None:
    """Delete a user event if it is there (undoing its creation)."""
    with db.session() as s:
        row = s.scalar(select(EventRow).where(EventRow.id == event_id))
        if row is not None and row.origin == Origin.USER.value:
            _delete_event_rows(s, row)


def _delete_with_dependents(
    session: Session, row: EventRow | ExcerptRow, excerpt_pks: list[int]
) -> None:
    """Delete ``row`` after the notes and citations on it or on ``excerpt_pks``.

    They go explicitly (not by cascade) so the full-text triggers see them.
    """
    for table in (AnnotationRow, PointCitationRow):
        on = table.excerpt_pk.in_(excerpt_pks)
        if isinstance(row, EventRow):
            on = on | (table.event_pk == row.pk)
        for dependent in session.scalars(select(table).where(on)):
            session.delete(dependent)
    session.flush()
    session.delete(row)


def _delete_event_rows(session: Session, row: EventRow) -> None:
    _delete_with_dependents(session, row, [x.pk for x in row.excerpts])


def set_event_hidden(db: Database, event_id: str, hidden: bool) -> bool:
    """Hide or show an event; returns whether it was hidden before."""
    with db.session() as s:
        row = event_row(s, event_id)
        before = row.hidden
        if before != hidden:
            stamp = row.updated_at
            row.hidden = hidden
            row.updated_at = stamp
            flag_modified(row, "updated_at")  # hiding is not an edit of the event
        return before


def hidden_event_ids(db: Database) -> list[str]:
    """Events the user hid (not those the curated chronology retired), by date."""
    with db.session() as s:
        return list(
            s.scalars(
                select(EventRow.id)
                .where(EventRow.hidden.is_(True), EventRow.retired.is_(False))
                .order_by(EventRow.first_day, EventRow.id)
            )
        )


def restore_event_fields(db: Database, snap: EventSnapshot) -> None:
    """Put a user event's own fields back exactly (undoing an edit)."""
    with db.session() as s:
        row = _user_event(s, snap.id)
        apply_draft(row, snap.draft)
        row.hidden, row.retired = snap.hidden, snap.retired
        row.created_at, row.updated_at = snap.created_at, snap.updated_at
        row.created_by, row.updated_by = snap.created_by, snap.updated_by
        flag_modified(row, "updated_at")  # keep the stored time, not "now"


def restore_event(db: Database, snap: EventSnapshot) -> None:
    """Re-create a deleted user event with its excerpts, notes and citations."""
    with db.session() as s:
        row = s.scalar(select(EventRow).where(EventRow.id == snap.id))
        if row is None:
            row = EventRow(id=snap.id, origin=snap.origin)
            s.add(row)
        elif row.origin != Origin.USER.value:
            raise EditRefused("a curated event cannot be replaced")
        apply_draft(row, snap.draft)
        row.origin, row.hidden, row.retired = snap.origin, snap.hidden, snap.retired
        row.created_at, row.updated_at = snap.created_at, snap.updated_at
        row.created_by, row.updated_by = snap.created_by, snap.updated_by
        flag_modified(row, "updated_at")
        s.flush()
        for a in snap.annotations:
            notes.restore_in(s, a)
        for x in snap.excerpts:
            _restore_excerpt_in(s, x)
        restore_citation_records(s, snap.citations)


# -- excerpts --------------------------------------------------------------------------------


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the white space a mouse selection tends to pick up at its ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _add_excerpt(
    session: Session, event: EventRow, source_file: str, span: tuple[int, int]
) -> ExcerptRow:
    source = session.scalar(select(SourceRow).where(SourceRow.file == source_file))
    if source is None:
        raise NotFound(f"there is no source {source_file!r}")
    start, end = _trimmed(source.text, *span)
    if start >= end:
        raise EditRefused("select some words of the source to quote")
    anchor = selector_for(source.text, start, end)
    assert source.text[anchor.start : anchor.end] == anchor.exact
    return append_user_excerpt(
        session,
        event,
        source,
        anchor,
        uid=new_uid(),
        created_at=now(),
        created_by=session.info.get("author"),
    )


def append_user_excerpt(
    session: Session,
    event: EventRow,
    source: SourceRow,
    anchor: TextQuote,
    *,
    uid: str,
    created_at: datetime,
    created_by: str | None = None,
) -> ExcerptRow:
    """Store a user's excerpt after the event's others (made here or imported)."""
    last = session.scalar(
        select(func.max(ExcerptRow.position)).where(ExcerptRow.event_pk == event.pk)
    )
    row = ExcerptRow(
        uid=uid,
        event_pk=event.pk,
        source_pk=source.pk,
        start=anchor.start,
        end=anchor.end,
        quote=anchor.exact,
        prefix=anchor.prefix,
        suffix=anchor.suffix,
        position=max(USER_EXCERPT_POSITION, (last or 0) + 1),
        origin=Origin.USER.value,
        anchor_status="exact",
        retired=False,
        created_at=created_at,
        created_by=created_by,
    )
    session.add(row)
    session.flush()
    return row


def add_excerpt_in(
    session: Session, event_id: str, source_file: str, span: tuple[int, int]
) -> ExcerptRow:
    """Within ``session``: quote ``span`` of a source as a new excerpt of any event."""
    return _add_excerpt(session, event_row(session, event_id), source_file, span)


def add_user_excerpt(
    db: Database, event_id: str, source_file: str, span: tuple[int, int]
) -> ExcerptSnapshot:
    """Quote ``span`` of a source as a new excerpt of any event (curated ones too)."""
    with db.session() as s:
        return _excerpt_snapshot(s, add_excerpt_in(s, event_id, source_file, span), full=True)


def _user_excerpt(session: Session, uid: str) -> ExcerptRow:
    row = excerpt_row(session, uid)
    if row.origin != Origin.USER.value:
        raise EditRefused("this excerpt belongs to the curated chronology and cannot be deleted")
    return row


def delete_user_excerpt(db: Database, uid: str) -> ExcerptSnapshot:
    """Delete an excerpt the user made, with its notes and citations; returns all of it."""
    with db.session() as s:
        row = _user_excerpt(s, uid)
        before = _excerpt_snapshot(s, row, full=True)
        _delete_with_dependents(s, row, [row.pk])
    return before


def remove_user_excerpt(db: Database, uid: str) -> None:
    with db.session() as s:
        row = s.scalar(select(ExcerptRow).where(ExcerptRow.uid == uid))
        if row is not None and row.origin == Origin.USER.value:
            _delete_with_dependents(s, row, [row.pk])


def _restore_excerpt_in(session: Session, x: ExcerptSnapshot) -> None:
    event = event_row(session, x.event_id)
    source = session.scalar(select(SourceRow).where(SourceRow.file == x.source_file))
    if source is None:
        raise NotFound(f"there is no source {x.source_file!r}")
    row = session.scalar(select(ExcerptRow).where(ExcerptRow.uid == x.uid))
    if row is None:
        row = ExcerptRow(uid=x.uid)
        session.add(row)
    row.event_pk, row.source_pk = event.pk, source.pk
    row.start, row.end = x.start, x.end
    row.quote, row.prefix, row.suffix = x.quote, x.prefix, x.suffix
    row.position, row.origin, row.anchor_status = x.position, x.origin, x.anchor_status
    row.retired = False
    row.created_at, row.created_by = x.created_at, x.created_by
    session.flush()
    for a in x.annotations:
        notes.restore_in(session, a)
    restore_citation_records(session, x.citations)


def restore_excerpt(db: Database, snap: ExcerptSnapshot) -> None:
    """Re-create a deleted excerpt with its notes and citations, exactly as it was."""
    with db.session() as s:
        _restore_excerpt_in(s, snap)
