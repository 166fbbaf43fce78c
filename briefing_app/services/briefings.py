"""Briefings: named, ordered lists of talking points, each citing events or excerpts.

Every change is one committed unit of work and returns the whole briefing as
a snapshot. A briefing is small (tens of points), so undo simply puts the
snapshot from before back with ``restore_briefing``: same uids, same order,
same times.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from briefing_app.domain.briefing import BriefingSnapshot, Citation, PointSnapshot, Target
from briefing_app.services.lookup import (
    EditRefused,
    NotFound,
    new_uid,
    now,
    target_pks,
)
from briefing_app.storage.database import Database
from briefing_app.storage.models import (
    BriefingPointRow,
    BriefingRow,
    EventRow,
    ExcerptRow,
    PointCitationRow,
    SourceRow,
)
from briefing_app.storage.repository import event_when

__all__ = [
    "uid_named",
    "MAX_NAME_CHARS",
    "CitationRecord",
    "add_citation",
    "add_point",
    "briefings_of_points",
    "citation_records",
    "create_briefing",
    "delete_briefing",
    "delete_point",
    "edit_point_text",
    "find_briefing_by_name",
    "free_name",
    "get_briefing",
    "get_in",
    "list_briefings",
    "move_point",
    "point_version",
    "remove_briefing",
    "remove_citation",
    "rename_briefing",
    "restore_briefing",
    "restore_citation_records",
    "restore_in",
    "save_point_text",
]

MAX_NAME_CHARS = 200


@dataclass(frozen=True, slots=True)
class CitationRecord:
    """A stored citation, kept so deleting a cited event or excerpt can be undone."""

    point_uid: str
    position: int
    event_id: str | None
    excerpt_uid: str | None


# -- reading ---------------------------------------------------------------------


def _citation(row: PointCitationRow) -> Citation:
    if row.excerpt is not None:
        x = row.excerpt
        ev = x.event
        return Citation(
            ev.id, x.uid, x.source.file, ev.title, _when(ev), x.quote.replace("\n", " ")
        )
    ev = row.event
    assert ev is not None
    return Citation(ev.id, None, None, ev.title, _when(ev))


def _when(ev: EventRow) -> str:
    """The event's dates as a reader writes them, end included (``10–11 Dec 1999``)."""
    try:
        return event_when(ev).label()
    except ValueError:
        return ev.start


def _snapshot(row: BriefingRow) -> BriefingSnapshot:
    return BriefingSnapshot(
        uid=row.uid,
        name=row.name,
        position=row.position,
        created_at=row.created_at,
        updated_at=row.updated_at,
        points=tuple(
            PointSnapshot(
                uid=p.uid,
                text=p.text,
                citations=tuple(_citation(c) for c in p.citations),
                created_at=p.created_at,
                updated_at=p.updated_at,
                created_by=p.created_by,
                updated_by=p.updated_by,
                version=p.version or 1,
                conflict_of=p.conflict_of,
            )
            for p in row.points
        ),
    )


# Everything a snapshot shows, in a few queries: without it each citation read its
# excerpt, event and source one at a time, the source with its whole article text.
_CITATIONS = selectinload(BriefingRow.points).selectinload(BriefingPointRow.citations)
_WITH_CITED = (
    _CITATIONS.selectinload(PointCitationRow.event),
    _CITATIONS.selectinload(PointCitationRow.excerpt).selectinload(ExcerptRow.event),
    _CITATIONS.selectinload(PointCitationRow.excerpt)
    .selectinload(ExcerptRow.source)
    .load_only(SourceRow.pk, SourceRow.file, raiseload=True),
)


def _load(session: Session, uid: str) -> BriefingRow:
    row = session.scalar(select(BriefingRow).where(BriefingRow.uid == uid).options(*_WITH_CITED))
    if row is None:
        raise NotFound("this briefing no longer exists")
    return row


def get_in(session: Session, uid: str) -> BriefingSnapshot:
    """The briefing as stored now, inside the caller's unit of work."""
    return _snapshot(_load(session, uid))


def list_briefings(db: Database) -> list[BriefingSnapshot]:
    """Every briefing with its points, in the user's order."""
    with db.session() as s:
        rows = s.scalars(
            select(BriefingRow)
            .order_by(BriefingRow.position, BriefingRow.created_at)
            .options(*_WITH_CITED)
        ).all()
        return [_snapshot(r) for r in rows]


def get_briefing(db: Database, uid: str) -> BriefingSnapshot | None:
    with db.session() as s:
        try:
            return _snapshot(_load(s, uid))
        except NotFound:
            return None


def uid_named(session: Session, name: str) -> str | None:
    """The briefing called ``name``, ignoring case in any script.

    Compared in Python: SQLite's lower() folds only ASCII, so "Élysée" would
    differ from "élysée" there. A user has a handful of briefings.
    """
    wanted = " ".join(name.split()).casefold()
    for uid, stored in session.execute(select(BriefingRow.uid, BriefingRow.name)):
        if stored.casefold() == wanted:
            return str(uid)
    return None


def find_briefing_by_name(db: Database, name: str) -> BriefingSnapshot | None:
    """The briefing called ``name`` (ignoring case), e.g. for the PDF export."""
    with db.session() as s:
        uid = uid_named(s, name)
    return get_briefing(db, uid) if uid else None


def briefings_of_points(db: Database, point_uids: Iterable[str]) -> set[str]:
    """The uids of the briefings holding these points, in one query."""
    uids = set(point_uids)
    if not uids:
        return set()
    with db.session() as s:
        return set(
            s.scalars(
                select(BriefingRow.uid)
                .join(BriefingPointRow, BriefingPointRow.briefing_pk == BriefingRow.pk)
                .where(BriefingPointRow.uid.in_(uids))
                .distinct()
            )
        )


# -- briefings ---------------------------------------------------------------------


def _clean_name(name: str) -> str:
    clean = " ".join(name.split())[:MAX_NAME_CHARS]
    if not clean:
        raise EditRefused("a briefing needs a name")
    return clean


def _check_free(session: Session, name: str, uid: str | None) -> None:
    other = uid_named(session, name)
    if other is not None and other != uid:
        raise EditRefused(f"there is already a briefing called “{name}”")


def free_name(session: Session, wanted: str) -> str:
    """``wanted``, or ``wanted (2)``, ``(3)``... whichever no briefing has yet."""
    taken = {n.casefold() for n in session.scalars(select(BriefingRow.name))}
    name, n = wanted, 2
    while name.casefold() in taken:
        name, n = f"{wanted} ({n})", n + 1
    return name


def create_briefing(db: Database, name: str, *, uid: str | None = None) -> BriefingSnapshot:
    clean = _clean_name(name)
    stamp = now()
    with db.session() as s:
        _check_free(s, clean, None)
        position = (s.scalar(select(func.max(BriefingRow.position))) or 0) + 1
        row = BriefingRow(
            uid=uid or new_uid(), name=clean, position=position, created_at=stamp, updated_at=stamp
        )
        s.add(row)
        s.flush()
        return _snapshot(_load(s, row.uid))


def rename_briefing(db: Database, uid: str, name: str) -> BriefingSnapshot:
    clean = _clean_name(name)
    with db.session() as s:
        row = _load(s, uid)
        _check_free(s, clean, uid)
        if row.name != clean:
            row.name, row.updated_at = clean, now()
        s.flush()
        return _snapshot(row)


def delete_briefing(db: Database, uid: str) -> BriefingSnapshot:
    """Delete a briefing and its points; returns it as it was."""
    with db.session() as s:
        row = _load(s, uid)
        before = _snapshot(row)
        s.delete(row)
    return before


def remove_briefing(db: Database, uid: str) -> None:
    """Delete if present (undoing a creation)."""
    with db.session() as s:
        row = s.scalar(select(BriefingRow).where(BriefingRow.uid == uid))
        if row is not None:
            s.delete(row)


# -- points ---------------------------------------------------------------------------


def _point(session: Session, point_uid: str) -> BriefingPointRow:
    row = session.scalar(select(BriefingPointRow).where(BriefingPointRow.uid == point_uid))
    if row is None:
        raise NotFound("this talking point no longer exists")
    return row


def _renumber(points: Sequence[BriefingPointRow]) -> None:
    for i, p in enumerate(points):
        if p.position != i:
            p.position = i


def _target_pks(session: Session, target: Target) -> tuple[int | None, int | None]:
    return target_pks(
        session, *target, "a citation points at an event or at an excerpt, exactly one of them"
    )


def _set_citations(session: Session, point: BriefingPointRow, targets: Iterable[Target]) -> None:
    for old in list(point.citations):
        point.citations.remove(old)
    session.flush()
    unique: list[Target] = []
    for t in targets:
        if t not in unique:
            unique.append(t)
    for i, target in enumerate(unique):
        event_pk, excerpt_pk = _target_pks(session, target)
        point.citations.append(
            PointCitationRow(position=i, event_pk=event_pk, excerpt_pk=excerpt_pk)
        )


def _touch(briefing: BriefingRow, point: BriefingPointRow | None = None) -> None:
    stamp = now()
    briefing.updated_at = stamp
    if point is not None:
        point.updated_at = stamp


def _finish(session: Session, briefing: BriefingRow) -> BriefingSnapshot:
    session.flush()
    session.expire_all()
    return _snapshot(_load(session, briefing.uid))


def add_point(
    db: Database,
    briefing_uid: str,
    text: str = "",
    citations: Iterable[Target] = (),
    *,
    index: int | None = None,
    uid: str | None = None,
) -> BriefingSnapshot:
    """A new point at ``index`` (default: the end) citing ``citations``."""
    stamp = now()
    with db.session() as s:
        briefing = _load(s, briefing_uid)
        point = BriefingPointRow(
            uid=uid or new_uid(),
            text=text,
            created_at=stamp,
            updated_at=stamp,
            position=0,
            created_by=s.info.get("author"),
            updated_by=s.info.get("author"),
        )
        points = list(briefing.points)
        at = len(points) if index is None else max(0, min(index, len(points)))
        points.insert(at, point)
        briefing.points.append(point)
        s.flush()
        _set_citations(s, point, citations)
        _renumber(points)
        _touch(briefing)
        return _finish(s, briefing)


def point_version(db: Database, point_uid: str) -> int | None:
    """The stored version of a point (None: it is gone)."""
    with db.session() as s:
        version = s.scalar(
            select(BriefingPointRow.version).where(BriefingPointRow.uid == point_uid)
        )
        return None if version is None else int(version or 1)


def edit_point_text(
    db: Database, point_uid: str, text: str, *, expected_version: int | None = None
) -> BriefingSnapshot:
    """Change a point's words (``save_point_text`` also says whether they were kept beside)."""
    return save_point_text(db, point_uid, text, expected_version=expected_version)[0]


def save_point_text(
    db: Database, point_uid: str, text: str, *, expected_version: int | None = None
) -> tuple[BriefingSnapshot, str | None]:
    """Change a point's words, or keep them beside it when it moved on since it was read.

    With ``expected_version`` (the version the editor read) a point stored at
    another one is left as it is: the words become a point of their own right
    after it, citing the same, marked ``conflict_of`` it, the same model of a
    conflict as for notes. The row is locked while it is compared, so two saves
    at once cannot both win. Returns the briefing and the uid of the point kept
    beside (None when the words went in place).
    """
    with db.session() as s:
        point = s.scalar(
            select(BriefingPointRow).where(BriefingPointRow.uid == point_uid).with_for_update()
        )
        if point is None:
            raise NotFound("this talking point no longer exists")
        if expected_version is not None and (point.version or 1) != expected_version:
            if point.text == text:
                return _finish(s, point.briefing), None
            return _keep_beside(s, point, text)
        if point.text != text:
            point.text = text
            point.updated_by = s.info.get("author")
            point.version = (point.version or 1) + 1
            _touch(point.briefing, point)
        return _finish(s, point.briefing), None


def _keep_beside(
    session: Session, theirs: BriefingPointRow, text: str
) -> tuple[BriefingSnapshot, str | None]:
    briefing = theirs.briefing
    stamp = now()
    author = session.info.get("author")
    mine = BriefingPointRow(
        uid=new_uid(),
        text=text,
        created_at=stamp,
        updated_at=stamp,
        position=0,
        created_by=author,
        updated_by=author,
        conflict_of=theirs.uid,
    )
    points = list(briefing.points)
    points.insert(points.index(theirs) + 1, mine)
    briefing.points.append(mine)
    session.flush()
    for c in theirs.citations:
        mine.citations.append(
            PointCitationRow(position=c.position, event_pk=c.event_pk, excerpt_pk=c.excerpt_pk)
        )
    _renumber(points)
    _touch(briefing)
    return _finish(session, briefing), mine.uid


def move_point(db: Database, point_uid: str, index: int) -> BriefingSnapshot:
    """Put the point at ``index`` in its briefing (clamped to the list)."""
    with db.session() as s:
        point = _point(s, point_uid)
        briefing = point.briefing
        points = [p for p in briefing.points if p.uid != point_uid]
        points.insert(max(0, min(index, len(points))), point)
        if [p.uid for p in points] != [p.uid for p in briefing.points]:
            _renumber(points)
            _touch(briefing)
        return _finish(s, briefing)


def delete_point(db: Database, point_uid: str) -> BriefingSnapshot:
    with db.session() as s:
        point = _point(s, point_uid)
        briefing = point.briefing
        briefing.points.remove(point)
        s.flush()
        _renumber(briefing.points)
        _touch(briefing)
        return _finish(s, briefing)


def add_citation(
    db: Database, point_uid: str, event_id: str | None = None, excerpt_uid: str | None = None
) -> BriefingSnapshot:
    """Cite an event or an excerpt from a point (at the end of its citations)."""
    with db.session() as s:
        point = _point(s, point_uid)
        current = [_citation(c).target for c in point.citations]
        target: Target = (None, excerpt_uid) if excerpt_uid else (event_id, None)
        if target in current:
            raise EditRefused("this point already cites that")
        _set_citations(s, point, [*current, target])
        _touch(point.briefing, point)
        return _finish(s, point.briefing)


def remove_citation(db: Database, point_uid: str, index: int) -> BriefingSnapshot:
    with db.session() as s:
        point = _point(s, point_uid)
        current = [_citation(c).target for c in point.citations]
        if not 0 <= index < len(current):
            raise NotFound("this citation no longer exists")
        del current[index]
        _set_citations(s, point, current)
        _touch(point.briefing, point)
        return _finish(s, point.briefing)


# -- restoring ----------------------------------------------------------------------------


def restore_briefing(db: Database, snap: BriefingSnapshot) -> BriefingSnapshot:
    """Make the stored briefing exactly ``snap`` (re-creating it if it was deleted)."""
    with db.session() as s:
        row = restore_in(s, snap)
        return _finish(s, row)


def restore_in(session: Session, snap: BriefingSnapshot) -> BriefingRow:
    """``restore_briefing`` inside the caller's unit of work."""
    _check_free(session, snap.name, snap.uid)
    row = session.scalar(select(BriefingRow).where(BriefingRow.uid == snap.uid))
    if row is None:
        row = BriefingRow(uid=snap.uid)
        session.add(row)
    row.name, row.position = snap.name, snap.position
    row.created_at, row.updated_at = snap.created_at, snap.updated_at
    wanted = {p.uid for p in snap.points}
    for old in list(row.points):
        if old.uid not in wanted:
            row.points.remove(old)
    session.flush()
    for i, p in enumerate(snap.points):
        point = session.scalar(select(BriefingPointRow).where(BriefingPointRow.uid == p.uid))
        if point is None:
            point = BriefingPointRow(uid=p.uid)
            row.points.append(point)
        elif point.briefing_pk != row.pk:
            point.briefing = row
        if point.text != p.text and point.pk is not None:
            point.version = (point.version or 1) + 1  # an undo is a change others must see
        point.position, point.text = i, p.text
        point.created_at, point.updated_at = p.created_at, p.updated_at
        point.conflict_of = p.conflict_of
        point.created_by = point.created_by or p.created_by
        point.updated_by = point.updated_by or p.updated_by
        session.flush()
        _set_citations(session, point, [c.target for c in p.citations])
    return row


def citation_records(
    session: Session, *, event: EventRow | None = None, excerpt: ExcerptRow | None = None
) -> tuple[CitationRecord, ...]:
    """The citations that point at this event or excerpt, to put back after an undo."""
    column = PointCitationRow.event_pk if event is not None else PointCitationRow.excerpt_pk
    target = event if event is not None else excerpt
    assert target is not None
    rows = session.execute(
        select(PointCitationRow.position, BriefingPointRow.uid)
        .join(BriefingPointRow, BriefingPointRow.pk == PointCitationRow.point_pk)
        .where(column == target.pk)
    ).all()
    event_id = event.id if event is not None else None
    excerpt_uid = excerpt.uid if excerpt is not None else None
    return tuple(CitationRecord(uid, pos, event_id, excerpt_uid) for pos, uid in rows)


def restore_citation_records(session: Session, records: Iterable[CitationRecord]) -> None:
    """Re-insert citations removed with a deleted event or excerpt, at their old places."""
    for rec in records:
        point = _point(session, rec.point_uid)
        event_pk, excerpt_pk = _target_pks(session, (rec.event_id, rec.excerpt_uid))
        exists = any(c.event_pk == event_pk and c.excerpt_pk == excerpt_pk for c in point.citations)
        if not exists:
            point.citations.append(
                PointCitationRow(position=rec.position, event_pk=event_pk, excerpt_pk=excerpt_pk)
            )
    session.flush()
