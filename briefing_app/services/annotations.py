"""The user's notes on events and excerpts: one committed unit of work per change.

Every function returns plain snapshots, never rows, so the GUI can keep the
state from before an edit and put it back exactly (same uid, same times)
with ``restore_annotation`` when the user undoes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from briefing_app.services.lookup import (
    EditRefused,
    NotFound,
    new_uid,
    now,
    target_pks,
)
from briefing_app.storage.database import Database
from briefing_app.storage.models import AnnotationRow, EventRow, ExcerptRow
from briefing_app.storage.repository import annotations_on_event

__all__ = [
    "MAX_TAG_CHARS",
    "AnnotationSnapshot",
    "StaleEdit",
    "all_tags",
    "check_unchanged",
    "annotations_of_event",
    "annotations_of_excerpt",
    "create_annotation",
    "delete_annotation",
    "get_annotation",
    "keep_beside",
    "normalise_tags",
    "parse_tags",
    "remove_annotation",
    "restore_annotation",
    "restore_in",
    "rows_where",
    "update_annotation",
]

MAX_TAG_CHARS = 60
_TAG_SPLIT = re.compile(r"[,;\n]+")


@dataclass(frozen=True, slots=True)
class AnnotationSnapshot:
    """One note as stored: what it says and where it hangs."""

    uid: str
    event_id: str
    """The event the note belongs to (for a note on an excerpt, the excerpt's event)."""
    excerpt_uid: str | None
    """Set when the note is on an excerpt rather than on the event itself."""
    body: str
    tags: tuple[str, ...]
    talking_point: bool
    created_at: datetime
    updated_at: datetime
    conflict_of: str | None = None
    created_by: str | None = None
    """Who wrote the note (None for notes older than authors)."""
    updated_by: str | None = None
    """Who changed it last."""
    version: int = field(default=1, compare=False)
    """The stored version this snapshot was read at (not part of what the note is)."""

    @property
    def on_excerpt(self) -> bool:
        return self.excerpt_uid is not None

    def content(self) -> tuple[object, ...]:
        """What the user wrote and where: equal content means the same note."""
        target = ("excerpt", self.excerpt_uid) if self.excerpt_uid else ("event", self.event_id)
        return (target, self.body, self.tags, self.talking_point)


def normalise_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Trimmed, non-empty, each once (ignoring case), in the order given."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in tags:
        tag = " ".join(str(raw).split())[:MAX_TAG_CHARS].strip().lstrip("#").strip()
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            out.append(tag)
    return tuple(out)


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags as the user types them: separated by commas or semicolons."""
    return normalise_tags(_TAG_SPLIT.split(text))


# "#budget" or "#east-flank" in a note's text: a word of letters after a # that follows
# no letter (so not "C#", a page's "#section" or a Markdown "# heading").
_HASHTAG = re.compile(r"(?<![\w#&/])#([^\W\d_][\w-]*)")


def hashtags(body: str) -> tuple[str, ...]:
    """The ``#tags`` written in a note's text, in order, each once."""
    return normalise_tags(m.group(1).rstrip("-_") for m in _HASHTAG.finditer(body))


def note_tags(body: str, typed: str) -> tuple[str, ...]:
    """A note's tags: those typed in its tags field, then the ``#tags`` in its text."""
    return normalise_tags((*parse_tags(typed), *hashtags(body)))


def _snapshot(row: AnnotationRow, event_id: str, excerpt_uid: str | None) -> AnnotationSnapshot:
    return AnnotationSnapshot(
        uid=row.uid,
        event_id=event_id,
        excerpt_uid=excerpt_uid,
        body=row.body,
        tags=tuple(t for t in (row.tags or []) if isinstance(t, str)),
        talking_point=bool(row.talking_point),
        created_at=row.created_at,
        updated_at=row.updated_at,
        conflict_of=row.conflict_of,
        created_by=row.created_by,
        updated_by=row.updated_by,
        version=row.version or 1,
    )


class StaleEdit(EditRefused):
    """The note was changed by someone else since it was read; nothing was written."""

    def __init__(self, current: AnnotationSnapshot) -> None:
        who = current.updated_by or "someone else"
        super().__init__(f"{who} changed this note meanwhile")
        self.current = current


def rows_where(session: Session, where: object) -> list[AnnotationSnapshot]:
    """Snapshots of the notes matching ``where``, oldest first, in the caller's session."""
    query = (
        select(AnnotationRow, ExcerptRow.uid, EventRow.id)
        .outerjoin(ExcerptRow, ExcerptRow.pk == AnnotationRow.excerpt_pk)
        .join(EventRow, EventRow.pk == func.coalesce(AnnotationRow.event_pk, ExcerptRow.event_pk))
        .where(where)  # type: ignore[arg-type]
        .order_by(AnnotationRow.created_at, AnnotationRow.pk)
    )
    return [_snapshot(a, event_id, x_uid) for a, x_uid, event_id in session.execute(query)]


def get_annotation(db: Database, uid: str) -> AnnotationSnapshot | None:
    with db.session() as s:
        found = rows_where(s, AnnotationRow.uid == uid)
    return found[0] if found else None


def annotations_of_event(db: Database, event_id: str) -> list[AnnotationSnapshot]:
    """Notes on the event and on its excerpts, oldest first."""
    with db.session() as s:
        event_pk = s.scalar(select(EventRow.pk).where(EventRow.id == event_id))
        return [] if event_pk is None else rows_where(s, annotations_on_event(event_pk))


def annotations_of_excerpt(db: Database, excerpt_uid: str) -> list[AnnotationSnapshot]:
    with db.session() as s:
        return rows_where(s, ExcerptRow.uid == excerpt_uid)


def all_tags(db: Database) -> list[str]:
    """Every tag in use, once each, sorted without regard to case."""
    with db.session() as s:
        lists = s.scalars(select(AnnotationRow.tags)).all()
    return sorted(
        {t.casefold(): t for tags in lists for t in normalise_tags(tags or [])}.values(),
        key=str.casefold,
    )


def _target(
    session: Session, event_id: str | None, excerpt_uid: str | None
) -> tuple[int | None, int | None]:
    return target_pks(
        session,
        event_id,
        excerpt_uid,
        "a note hangs on an event or on an excerpt, exactly one of them",
    )


def create_annotation(
    db: Database,
    *,
    event_id: str | None = None,
    excerpt_uid: str | None = None,
    body: str = "",
    tags: Iterable[str] = (),
    talking_point: bool = False,
) -> AnnotationSnapshot:
    """A new note on an event or (``excerpt_uid``) on one excerpt."""
    uid = new_uid()
    stamp = now()
    with db.session() as s:
        event_pk, excerpt_pk = _target(s, event_id, excerpt_uid)
        s.add(
            AnnotationRow(
                uid=uid,
                event_pk=event_pk,
                excerpt_pk=excerpt_pk,
                body=body,
                tags=list(normalise_tags(tags)),
                talking_point=talking_point,
                created_at=stamp,
                updated_at=stamp,
                created_by=db.author,
                updated_by=db.author,
                version=1,
            )
        )
        s.flush()
        return rows_where(s, AnnotationRow.uid == uid)[0]


def update_annotation(
    db: Database,
    uid: str,
    *,
    body: str | None = None,
    tags: Iterable[str] | None = None,
    talking_point: bool | None = None,
    expected_version: int | None = None,
) -> AnnotationSnapshot:
    """Change what is given; the update time moves only when something changed.

    With ``expected_version`` (the version the editor read) a note stored at
    any other version raises StaleEdit and is left as it is. The row is
    locked while it is compared, so two saves at once cannot both win.
    """
    with db.session() as s:
        row = s.scalar(select(AnnotationRow).where(AnnotationRow.uid == uid).with_for_update())
        if row is None:
            raise NotFound("this note no longer exists (deleted elsewhere?)")
        if expected_version is not None and (row.version or 1) != expected_version:
            raise StaleEdit(rows_where(s, AnnotationRow.uid == uid)[0])
        changed = False
        if body is not None and body != row.body:
            row.body, changed = body, True
        if tags is not None:
            clean = list(normalise_tags(tags))
            if clean != list(row.tags or []):
                row.tags, changed = clean, True
        if talking_point is not None and talking_point != row.talking_point:
            row.talking_point, changed = talking_point, True
        if changed:
            row.updated_at = now()
            row.updated_by = db.author
            row.version = (row.version or 1) + 1
        s.flush()
        return rows_where(s, AnnotationRow.uid == uid)[0]


def keep_beside(
    db: Database,
    theirs: AnnotationSnapshot,
    *,
    body: str,
    tags: Iterable[str],
    talking_point: bool,
) -> AnnotationSnapshot:
    """Store the user's version of a note someone else changed meanwhile, beside theirs.

    The same model of a conflict as a notes-file import: a note of its own on
    the same event or excerpt, marked ``conflict_of`` the other one.
    """
    made = create_annotation(
        db,
        event_id=None if theirs.excerpt_uid else theirs.event_id,
        excerpt_uid=theirs.excerpt_uid,
        body=body,
        tags=tags,
        talking_point=talking_point,
    )
    with db.session() as s:
        row = s.scalar(select(AnnotationRow).where(AnnotationRow.uid == made.uid))
        assert row is not None
        row.conflict_of = theirs.uid
        s.flush()
        return rows_where(s, AnnotationRow.uid == made.uid)[0]


def check_unchanged(db: Database, uid: str, expected: AnnotationSnapshot | None) -> None:
    """Refuse (EditRefused) when the stored note is no longer ``expected``.

    Undo and redo put a note back only over the state they left it in: a later
    edit by another user is never overwritten by them.
    """
    if expected is None:
        return
    current = get_annotation(db, uid)
    if current is None:
        raise NotFound("this note was deleted meanwhile, so this step is not taken back")
    if current != expected:
        who = current.updated_by or "someone else"
        raise EditRefused(f"{who} changed this note since; their edit is kept")


def delete_annotation(db: Database, uid: str) -> AnnotationSnapshot:
    """Delete a note; returns it as it was, for undo."""
    with db.session() as s:
        found = rows_where(s, AnnotationRow.uid == uid)
        if not found:
            raise NotFound("this note no longer exists")
        row = s.scalar(select(AnnotationRow).where(AnnotationRow.uid == uid))
        s.delete(row)
    return found[0]


def remove_annotation(db: Database, uid: str) -> None:
    """Delete a note if it is there (undoing its creation); no error when it is gone."""
    with db.session() as s:
        row = s.scalar(select(AnnotationRow).where(AnnotationRow.uid == uid))
        if row is not None:
            s.delete(row)


def restore_in(session: Session, snap: AnnotationSnapshot) -> None:
    """Put ``snap`` back as it was, inside the caller's unit of work."""
    event_pk, excerpt_pk = _target(
        session, None if snap.excerpt_uid else snap.event_id, snap.excerpt_uid
    )
    row = session.scalar(select(AnnotationRow).where(AnnotationRow.uid == snap.uid))
    if row is None:
        row = AnnotationRow(uid=snap.uid)
        session.add(row)
    row.event_pk, row.excerpt_pk = event_pk, excerpt_pk
    row.body = snap.body
    row.tags = list(snap.tags)
    row.talking_point = snap.talking_point
    row.created_at = snap.created_at
    row.updated_at = snap.updated_at
    row.conflict_of = snap.conflict_of
    row.created_by = snap.created_by
    row.updated_by = snap.updated_by
    # Monotonic even when an old state comes back: an editor still holding the
    # version from before must see that the note moved.
    row.version = (row.version or 0) + 1


def restore_annotation(db: Database, snap: AnnotationSnapshot) -> AnnotationSnapshot:
    """Make the stored note exactly ``snap`` again (re-creating it if deleted)."""
    with db.session() as s:
        restore_in(s, snap)
        s.flush()
        return rows_where(s, AnnotationRow.uid == snap.uid)[0]
