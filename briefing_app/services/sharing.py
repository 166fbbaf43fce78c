"""Carrying the user's work to another laptop: export to one JSON file, import by merging.

Everything is keyed by stable ids (annotation, excerpt and briefing uids;
event slugs, which curated events share across databases), so importing
the same file twice adds nothing. When both sides changed the same thing,
the local version stays and the incoming one is added beside it under an id
derived from its uid and content (so a second import finds it already
there); the report names every such conflict. Nothing is ever deleted, and
the whole import is one transaction: a file with any fault changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from briefing_app.domain.anchoring import TextQuote, relocate, selector_for
from briefing_app.domain.briefing import BriefingSnapshot, Citation, PointSnapshot
from briefing_app.domain.model import Origin
from briefing_app.services import annotations as notes
from briefing_app.services import briefings
from briefing_app.services.sharing_format import (
    FORMAT,
    KIND,
    IncomingAnnotation,
    IncomingBriefing,
    IncomingEvent,
    IncomingExcerpt,
    IncomingGrade,
    SharingError,
    parse_shared,
    stamp,
)
from briefing_app.services.user_events import append_user_excerpt, apply_draft
from briefing_app.storage.database import Database
from briefing_app.storage.files import describe_os_error, write_text
from briefing_app.storage.models import (
    AnnotationRow,
    BriefingPointRow,
    BriefingRow,
    EventRow,
    ExcerptRow,
    OutletGradeRow,
    SourceRow,
)

__all__ = [
    "ImportReport",
    "SharingError",
    "export_document",
    "import_file",
    "import_text",
    "write_export",
]


# -- export ---------------------------------------------------------------------------


def _event_json(row: EventRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "title": row.title,
        "start": row.start,
        "start_precision": row.start_precision,
        "end": row.end,
        "end_precision": row.end_precision,
        "lane": row.lane,
        "actors": list(row.actors or []),
        "summary": row.summary,
        "confidence": row.confidence,
        "references": list(row.references or []),
        "hidden": row.hidden,
        "created_at": stamp(row.created_at),
        "updated_at": stamp(row.updated_at),
    }


def export_document(db: Database) -> dict[str, Any]:
    """Annotations, the user's events and excerpts, and every briefing, as one document."""
    with db.session() as s:
        events = s.scalars(
            select(EventRow).where(EventRow.origin == Origin.USER.value).order_by(EventRow.pk)
        ).all()
        excerpts = s.execute(
            select(ExcerptRow, EventRow.id, SourceRow.file)
            .join(EventRow, EventRow.pk == ExcerptRow.event_pk)
            .join(SourceRow, SourceRow.pk == ExcerptRow.source_pk)
            .where(ExcerptRow.origin == Origin.USER.value)
            .order_by(ExcerptRow.pk)
        ).all()
        annotations = notes.rows_where(s, AnnotationRow.pk.is_not(None))
        doc_events = [_event_json(e) for e in events]
        doc_excerpts = [
            {
                "uid": x.uid,
                "event": event_id,
                "source": file,
                "start": x.start,
                "end": x.end,
                "quote": x.quote,
                "created_at": stamp(x.created_at),
            }
            for x, event_id, file in excerpts
        ]
    return {
        "format": FORMAT,
        "kind": KIND,
        "events": doc_events,
        "excerpts": doc_excerpts,
        "annotations": [
            {
                "uid": a.uid,
                "event": a.event_id,
                "excerpt": a.excerpt_uid,
                "body": a.body,
                "tags": list(a.tags),
                "talking_point": a.talking_point,
                "created_at": stamp(a.created_at),
                "updated_at": stamp(a.updated_at),
                "conflict_of": a.conflict_of,
                "created_by": a.created_by,
                "updated_by": a.updated_by,
            }
            for a in annotations
        ],
        "briefings": [_briefing_json(b) for b in briefings.list_briefings(db)],
        "grades": _grades_json(db),
    }


def _grades_json(db: Database) -> dict[str, list[dict[str, Any]]]:
    """Every grade the user set (or cleared), with when: the newer side wins a merge."""
    with db.session() as s:
        sources = s.execute(
            select(SourceRow.file, SourceRow.grade, SourceRow.graded_at)
            .where(SourceRow.graded_at.is_not(None))
            .order_by(SourceRow.file)
        ).all()
        outlets = s.execute(
            select(OutletGradeRow.outlet, OutletGradeRow.grade, OutletGradeRow.graded_at).order_by(
                OutletGradeRow.outlet
            )
        ).all()
        excerpts = s.execute(
            select(ExcerptRow.uid, ExcerptRow.credibility, ExcerptRow.graded_at)
            .where(ExcerptRow.graded_at.is_not(None))
            .order_by(ExcerptRow.uid)
        ).all()
    return {
        "sources": [{"file": f, "grade": g, "graded_at": stamp(t)} for f, g, t in sources],
        "outlets": [{"outlet": o, "grade": g, "graded_at": stamp(t)} for o, g, t in outlets],
        "excerpts": [{"uid": u, "credibility": c, "graded_at": stamp(t)} for u, c, t in excerpts],
    }


def _briefing_json(b: BriefingSnapshot) -> dict[str, Any]:
    return {
        "uid": b.uid,
        "name": b.name,
        "position": b.position,
        "created_at": stamp(b.created_at),
        "updated_at": stamp(b.updated_at),
        "points": [
            {
                "uid": p.uid,
                "text": p.text,
                "citations": [
                    {"excerpt": c.excerpt_uid} if c.excerpt_uid else {"event": c.event_id}
                    for c in p.citations
                ],
                "created_at": stamp(p.created_at),
                "updated_at": stamp(p.updated_at),
            }
            for p in b.points
        ],
    }


def write_export(db: Database, path: Path) -> dict[str, int]:
    """Write the export to ``path`` atomically; returns how many of each kind it holds."""
    doc = export_document(db)
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    write_text(path, text)
    return {k: len(doc[k]) for k in ("events", "excerpts", "annotations", "briefings")}


# -- import ---------------------------------------------------------------------------


@dataclass
class ImportReport:
    """What an import did: counts per kind, and a line for every conflict."""

    added: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    conflicts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        kinds = ("events", "excerpts", "annotations", "briefings")
        out = [
            "added: " + ", ".join(f"{self.added[k]} {k}" for k in kinds),
            "already here: " + ", ".join(f"{self.skipped[k]} {k}" for k in kinds),
            f"conflicts: {len(self.conflicts)} (both versions kept)",
        ]
        if self.added["grades"] or self.skipped["grades"]:
            out.append(
                f"grades: {self.added['grades']} taken from the file, "
                f"{self.skipped['grades']} already the same"
            )
        out += [f"  - {c}" for c in self.conflicts]
        out += [f"  - {n}" for n in self.notes]
        return out


def _derived(uid: str, content: object) -> str:
    """The id of an incoming version kept beside a local one: the same on every import."""
    blob = json.dumps([uid, content], sort_keys=True, ensure_ascii=False, default=str)
    return "c" + hashlib.sha256(blob.encode()).hexdigest()[:31]


def _short(text: str, n: int = 50) -> str:
    one = " ".join(text.split())
    return one if len(one) <= n else one[: n - 1] + "…"


class _Importer:
    """Applies one parsed file inside one session; any SharingError rolls all back."""

    def __init__(self, session: Session, report: ImportReport) -> None:
        self.s = session
        self.report = report

    def _beside(self, kind: str, key: Any, derived: str, conflict: str) -> str | None:
        """``derived`` for the incoming version kept beside the local one, reporting the
        conflict; None (counted as already here) when an earlier import added it."""
        if self.s.scalar(select(key).where(key == derived)) is not None:
            self.report.skipped[kind] += 1
            return None
        self.report.conflicts.append(conflict)
        return derived

    # events -------------------------------------------------------------------
    def event(self, e: IncomingEvent) -> None:
        local = self.s.scalar(select(EventRow).where(EventRow.id == e.id))
        content = _event_content(e)
        if local is not None and local.origin != Origin.USER.value:
            raise SharingError(f"event {e.id!r} in the file clashes with a curated event")
        if local is not None and _row_content(local) == content:
            self.report.skipped["events"] += 1
            return
        target_id: str | None = e.id
        if local is not None:
            target_id = self._beside(
                "events",
                EventRow.id,
                _derived(e.id, content),
                f"event “{_short(local.title)}”: yours is kept; the other version is added "
                "beside it",
            )
            if target_id is None:
                return
        row = EventRow(id=target_id, origin=Origin.USER.value)
        apply_draft(row, e.draft)
        row.hidden, row.retired = e.hidden, False
        row.created_at, row.updated_at = e.created_at, e.updated_at
        self.s.add(row)
        self.s.flush()
        self.report.added["events"] += 1

    # excerpts -------------------------------------------------------------------
    def excerpt(self, x: IncomingExcerpt) -> None:
        event = self.s.scalar(select(EventRow).where(EventRow.id == x.event_id))
        if event is None:
            raise SharingError(f"excerpt {x.uid}: no event {x.event_id!r} here or in the file")
        source = self.s.scalar(select(SourceRow).where(SourceRow.file == x.source_file))
        if source is None:
            raise SharingError(f"excerpt {x.uid}: this database has no source {x.source_file!r}")
        anchor = relocate(source.text, TextQuote(x.start, x.end, x.quote, "", ""))
        if anchor is None:
            raise SharingError(
                f"excerpt {x.uid}: the quote “{_short(x.quote)}” is not in {x.source_file} here"
            )
        anchor = selector_for(source.text, anchor.start, anchor.end)
        content = [x.event_id, x.source_file, anchor.start, anchor.end, anchor.exact]
        local = self.s.execute(
            select(ExcerptRow, EventRow.id)
            .join(EventRow, EventRow.pk == ExcerptRow.event_pk)
            .where(ExcerptRow.uid == x.uid)
        ).first()
        uid = x.uid
        if local is not None:
            row, local_event = local
            if [local_event, row.source.file, row.start, row.end, row.quote] == content:
                self.report.skipped["excerpts"] += 1
                return
            beside = self._beside(
                "excerpts",
                ExcerptRow.uid,
                _derived(x.uid, content),
                f"excerpt “{_short(x.quote)}”: yours is kept; the other version is added beside it",
            )
            if beside is None:
                return
            uid = beside
        append_user_excerpt(self.s, event, source, anchor, uid=uid, created_at=x.created_at)
        self.report.added["excerpts"] += 1

    # annotations -------------------------------------------------------------------
    def grade(self, g: IncomingGrade) -> None:
        """The newer of the two laptops' grades stays; an older one is said, not applied."""
        row: SourceRow | OutletGradeRow | ExcerptRow | None
        if g.kind == "source":
            row = self.s.scalar(select(SourceRow).where(SourceRow.file == g.key))
            field_name, what = "grade", f"source {g.key}"
        elif g.kind == "outlet":
            row = self.s.scalar(select(OutletGradeRow).where(OutletGradeRow.outlet == g.key))
            field_name, what = "grade", f"outlet {g.key}"
            if row is None and g.value is not None:
                self.s.add(OutletGradeRow(outlet=g.key, grade=g.value, graded_at=g.graded_at))
                self.report.added["grades"] += 1
                return
        else:
            row = self.s.scalar(select(ExcerptRow).where(ExcerptRow.uid == g.key))
            field_name, what = "credibility", f"excerpt {g.key}"
        if row is None:
            if g.kind != "outlet":
                self.report.notes.append(f"grade of {what} not taken: it is not stored here")
            return
        here, when = getattr(row, field_name), row.graded_at
        if here == g.value:
            self.report.skipped["grades"] += 1
            return
        if when is not None and when >= g.graded_at:
            self.report.conflicts.append(
                f"{what}: kept this database's {field_name} {here or 'none'} (set later than "
                f"the file's {g.value or 'none'})"
            )
            return
        setattr(row, field_name, g.value)
        row.graded_at = g.graded_at
        self.report.added["grades"] += 1

    def annotation(self, a: IncomingAnnotation) -> None:
        event_pk = excerpt_pk = None
        if a.excerpt_uid:
            excerpt_pk = self.s.scalar(select(ExcerptRow.pk).where(ExcerptRow.uid == a.excerpt_uid))
            if excerpt_pk is None:
                raise SharingError(
                    f"note {a.uid}: no excerpt {a.excerpt_uid!r} here or in the file"
                )
        else:
            event_pk = self.s.scalar(select(EventRow.pk).where(EventRow.id == a.event_id))
            if event_pk is None:
                raise SharingError(f"note {a.uid}: no event {a.event_id!r} here or in the file")
        target = ("excerpt", a.excerpt_uid) if a.excerpt_uid else ("event", a.event_id)
        tags = notes.normalise_tags(a.tags)
        content = (target, a.body, tags, a.talking_point)
        local = notes.rows_where(self.s, AnnotationRow.uid == a.uid)
        uid, conflict_of = a.uid, a.conflict_of
        if local:
            mine = local[0]
            if mine.content() == content:
                self.report.skipped["annotations"] += 1
                return
            beside = self._beside(
                "annotations",
                AnnotationRow.uid,
                _derived(a.uid, content),
                f"note “{_short(mine.body) or '(empty)'}”: yours is kept; the other version "
                f"(“{_short(a.body) or '(empty)'}”) is added beside it",
            )
            if beside is None:
                return
            uid, conflict_of = beside, a.uid
        self.s.add(
            AnnotationRow(
                uid=uid,
                event_pk=event_pk,
                excerpt_pk=excerpt_pk,
                body=a.body,
                tags=list(tags),
                talking_point=a.talking_point,
                created_at=a.created_at,
                updated_at=a.updated_at,
                conflict_of=conflict_of,
                created_by=a.created_by,
                updated_by=a.updated_by,
            )
        )
        self.s.flush()
        self.report.added["annotations"] += 1

    # briefings -------------------------------------------------------------------
    def _citation(self, where: str, target: tuple[str | None, str | None]) -> Citation:
        event_id, excerpt_uid = target
        if excerpt_uid:
            found = self.s.scalar(select(ExcerptRow).where(ExcerptRow.uid == excerpt_uid))
            if found is None:
                raise SharingError(f"{where}: no excerpt {excerpt_uid!r} here or in the file")
            return Citation(found.event.id, excerpt_uid)
        if self.s.scalar(select(EventRow.pk).where(EventRow.id == event_id)) is None:
            raise SharingError(f"{where}: no event {event_id!r} here or in the file")
        assert event_id is not None
        return Citation(event_id)

    def _snapshot(
        self, b: IncomingBriefing, uid: str, name: str, point_uid: Any
    ) -> BriefingSnapshot:
        points = tuple(
            PointSnapshot(
                uid=point_uid(p.uid),
                text=p.text,
                citations=tuple(
                    self._citation(f"briefing “{b.name}”, point {i + 1}", t) for t in p.citations
                ),
                created_at=p.created_at,
                updated_at=p.updated_at,
            )
            for i, p in enumerate(b.points)
        )
        return BriefingSnapshot(uid, name, b.position, b.created_at, b.updated_at, points)

    def briefing(self, b: IncomingBriefing) -> None:
        incoming = self._snapshot(b, b.uid, b.name, lambda u: u)
        local_row = self.s.scalar(select(BriefingRow).where(BriefingRow.uid == b.uid))
        if local_row is None:
            taken = self.s.scalars(
                select(BriefingPointRow.uid).where(
                    BriefingPointRow.uid.in_([p.uid for p in incoming.points])
                )
            ).first()
            if taken is not None:  # a point id in use elsewhere: never move the user's point
                incoming = self._snapshot(b, b.uid, b.name, lambda u: _derived(b.uid, u))
            name = briefings.free_name(self.s, b.name)
            if name != b.name:
                self.report.notes.append(
                    f"briefing “{b.name}” imported as “{name}”: you have another briefing "
                    "of that name"
                )
            briefings.restore_in(self.s, _renamed(incoming, name))
            self.s.flush()
            self.report.added["briefings"] += 1
            return
        self.s.flush()
        self.s.expire_all()
        local = briefings.get_in(self.s, b.uid)
        if local.content() == incoming.content():
            self.report.skipped["briefings"] += 1
            return
        uid = _derived(b.uid, incoming.content())
        if self.s.scalar(select(BriefingRow.pk).where(BriefingRow.uid == uid)) is not None:
            self.report.skipped["briefings"] += 1
            return
        name = briefings.free_name(self.s, f"{b.name} (other version)")
        copy = self._snapshot(b, uid, name, lambda u: _derived(uid, u))
        briefings.restore_in(self.s, copy)
        self.s.flush()
        self.report.added["briefings"] += 1
        self.report.conflicts.append(
            f"briefing “{local.name}”: yours is kept; the other version is added as “{name}”"
        )


def _renamed(snap: BriefingSnapshot, name: str) -> BriefingSnapshot:
    return BriefingSnapshot(
        snap.uid, name, snap.position, snap.created_at, snap.updated_at, snap.points
    )


def _event_content(e: IncomingEvent) -> list[object]:
    d = e.draft
    return [
        d.title,
        d.when.start.iso(),
        d.when.start.precision.value,
        d.when.end.iso() if d.when.end else None,
        d.when.end.precision.value if d.when.end else None,
        d.lane.value,
        list(d.actors),
        d.summary,
        d.confidence.value,
        list(d.references),
    ]


def _row_content(row: EventRow) -> list[object]:
    return [
        row.title,
        row.start,
        row.start_precision,
        row.end,
        row.end_precision if row.end else None,
        row.lane,
        list(row.actors or []),
        row.summary,
        row.confidence,
        list(row.references or []),
    ]


def import_text(db: Database, text: str) -> ImportReport:
    """Merge a sharing file's contents into ``db`` in one transaction."""
    work = parse_shared(text)
    report = ImportReport()
    with db.session() as s:
        importer = _Importer(s, report)
        for e in work.events:
            importer.event(e)
        for x in work.excerpts:
            importer.excerpt(x)
        for a in work.annotations:
            importer.annotation(a)
        for b in work.briefings:
            importer.briefing(b)
        for g in work.grades:
            importer.grade(g)
    return report


MAX_FILE_BYTES = 64 * 2**20
"""The largest sharing file read (about 150,000 notes): what is read is held in memory."""


def import_file(db: Database, path: Path) -> ImportReport:
    """Check the whole file, then merge it in one transaction; SharingError says why not."""
    try:
        with Path(path).open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise SharingError(f"{path} cannot be read: {describe_os_error(exc)}") from exc
    if len(raw) > MAX_FILE_BYTES:
        raise SharingError(
            f"{path} is larger than {MAX_FILE_BYTES // 2**20} MB, far larger than the notes "
            "and briefings of one person; it was not read"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SharingError(f"{path} is not a text file") from exc
    try:
        return import_text(db, text)
    except OperationalError as exc:
        code = getattr(exc.orig, "sqlite_errorcode", None)
        if code == sqlite3.SQLITE_FULL:
            raise SharingError("the disk is full, so nothing was imported") from exc
        raise
