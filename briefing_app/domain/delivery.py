"""What a briefing rested on when it was handed on, and what has changed since.

When a briefing is handed on (exported as a PDF or Word note, or marked as
delivered) the application keeps a :class:`DeliveredState`: its points, the
events they cite with their dates and grades, the excerpts with their quote
check, the notes on those events, and which events its period held. Later the
same state is taken again and :func:`changes_between` lists, in plain words,
what a briefer would be asked about in the room: events added in the period,
dates or grades changed, quotations flagged, notes edited, points whose support
changed. Plain values, no SQL and no Qt: the service takes the states, the
command line and the window show the changes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

__all__ = [
    "STATE_FORMAT",
    "ChangeSince",
    "ChangeKind",
    "DeliveredState",
    "EventState",
    "ExcerptState",
    "NoteState",
    "PointState",
    "StateFormatError",
    "changes_between",
    "delivered_when",
]

STATE_FORMAT = 1
"""Version of the stored state's JSON; a newer one is refused with a message."""

_SHOWN_CHARS = 70


class StateFormatError(ValueError):
    """A stored state that this version cannot read (damaged, or from a newer app)."""


class ChangeKind(StrEnum):
    """What kind of change; the values are part of ``changes --format json``."""

    EVENT_ADDED = "event-added"
    EVENT_REMOVED = "event-removed"
    DATE_CHANGED = "date-changed"
    TITLE_CHANGED = "title-changed"
    GRADE_CHANGED = "grade-changed"
    CONFIDENCE_CHANGED = "confidence-changed"
    EXCERPT_FLAGGED = "excerpt-flagged"
    EXCERPT_CLEARED = "excerpt-cleared"
    EXCERPT_ADDED = "excerpt-added"
    EXCERPT_REMOVED = "excerpt-removed"
    NOTE_ADDED = "note-added"
    NOTE_EDITED = "note-edited"
    NOTE_REMOVED = "note-removed"
    POINT_ADDED = "point-added"
    POINT_EDITED = "point-edited"
    POINT_REMOVED = "point-removed"
    SUPPORT_CHANGED = "support-changed"


@dataclass(frozen=True, slots=True)
class EventState:
    """One event as the briefing saw it."""

    id: str
    title: str
    when: str
    """The date as the window writes it, at its precision ("21 Mar 2022", "Mar 2022")."""
    lane: str
    confidence: str
    grade: str | None = None
    """The best grade of its passages ("B2"), None when none is graded."""


@dataclass(frozen=True, slots=True)
class ExcerptState:
    """One passage of a cited event, and whether it still matched its stored article."""

    uid: str
    event_id: str
    quote: str
    fault: str | None = None
    """Why the quotation did not check out against its article (None: it did)."""
    grade: str | None = None


@dataclass(frozen=True, slots=True)
class NoteState:
    uid: str
    event_id: str
    body: str
    talking_point: bool = False


@dataclass(frozen=True, slots=True)
class PointState:
    uid: str
    text: str
    targets: tuple[tuple[str | None, str | None], ...] = ()
    """What each citation points at, in order: (event id, None) or (event id, excerpt uid)."""

    def cited_events(self) -> set[str]:
        return {event for event, _excerpt in self.targets if event}


@dataclass(frozen=True, slots=True)
class DeliveredState:
    """Everything one briefing rested on at one moment."""

    briefing_uid: str
    name: str
    points: tuple[PointState, ...] = ()
    events: Mapping[str, EventState] = field(default_factory=dict)
    excerpts: Mapping[str, ExcerptState] = field(default_factory=dict)
    notes: Mapping[str, NoteState] = field(default_factory=dict)
    period: tuple[date, date] | None = None
    """First and last day of the cited events: the period "events added in it" looks at."""
    in_period: frozenset[str] = frozenset()
    """Ids of the events shown in the period (not hidden or retired)."""
    in_period_titles: Mapping[str, str] = field(default_factory=dict)
    """Titles of events in the period that the briefing does not cite (for the messages)."""

    def to_json(self) -> str:
        """The stored form: stable keys, sorted, so equal states store equal text."""
        data: dict[str, Any] = {
            "format": STATE_FORMAT,
            "briefing_uid": self.briefing_uid,
            "name": self.name,
            "points": [
                {"uid": p.uid, "text": p.text, "targets": [list(t) for t in p.targets]}
                for p in self.points
            ],
            "events": {k: _event_json(v) for k, v in sorted(self.events.items())},
            "excerpts": {k: _excerpt_json(v) for k, v in sorted(self.excerpts.items())},
            "notes": {k: _note_json(v) for k, v in sorted(self.notes.items())},
            "period": [d.isoformat() for d in self.period] if self.period else None,
            "in_period": sorted(self.in_period),
            "in_period_titles": dict(sorted(self.in_period_titles.items())),
        }
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> DeliveredState:
        try:
            data = json.loads(text)
            if not isinstance(data, dict):
                raise StateFormatError("the stored state is not an object")
            if data.get("format") != STATE_FORMAT:
                raise StateFormatError(
                    f"the stored state has format {data.get('format')!r}; this version reads "
                    f"{STATE_FORMAT} (a newer version of the app wrote it)"
                )
            period = data.get("period")
            return cls(
                briefing_uid=str(data["briefing_uid"]),
                name=str(data["name"]),
                points=tuple(
                    PointState(
                        str(p["uid"]),
                        str(p["text"]),
                        tuple((t[0], t[1]) for t in p["targets"]),
                    )
                    for p in data["points"]
                ),
                events={k: EventState(**v) for k, v in data["events"].items()},
                excerpts={k: ExcerptState(**v) for k, v in data["excerpts"].items()},
                notes={k: NoteState(**v) for k, v in data["notes"].items()},
                period=(date.fromisoformat(period[0]), date.fromisoformat(period[1]))
                if period
                else None,
                in_period=frozenset(str(i) for i in data["in_period"]),
                in_period_titles={str(k): str(v) for k, v in data["in_period_titles"].items()},
            )
        except StateFormatError:
            raise
        except (ValueError, KeyError, TypeError, IndexError) as exc:
            raise StateFormatError(f"the stored state cannot be read ({exc})") from exc


def _event_json(e: EventState) -> dict[str, Any]:
    return {
        "id": e.id,
        "title": e.title,
        "when": e.when,
        "lane": e.lane,
        "confidence": e.confidence,
        "grade": e.grade,
    }


def _excerpt_json(x: ExcerptState) -> dict[str, Any]:
    return {
        "uid": x.uid,
        "event_id": x.event_id,
        "quote": x.quote,
        "fault": x.fault,
        "grade": x.grade,
    }


def _note_json(n: NoteState) -> dict[str, Any]:
    return {"uid": n.uid, "event_id": n.event_id, "body": n.body, "talking_point": n.talking_point}


@dataclass(frozen=True, slots=True)
class ChangeSince:
    """One thing that changed, said in words; ``event_id``/``point_uid`` say where."""

    kind: ChangeKind
    text: str
    event_id: str | None = None
    point_uid: str | None = None
    before: str | None = None
    after: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "text": self.text,
            "event": self.event_id,
            "point": self.point_uid,
            "before": self.before,
            "after": self.after,
        }


def _short(text: str) -> str:
    """One line of at most ``_SHOWN_CHARS`` characters, for a message."""
    line = " ".join(text.split())
    return line if len(line) <= _SHOWN_CHARS else line[: _SHOWN_CHARS - 1].rstrip() + "…"


def _grade_words(grade: str | None) -> str:
    return grade or "ungraded"


def _event_changes(then: DeliveredState, now: DeliveredState) -> list[ChangeSince]:
    changes: list[ChangeSince] = []
    for eid, old in then.events.items():
        new = now.events.get(eid)
        name = f"“{_short(old.title)}”"
        if new is None:
            changes.append(
                ChangeSince(ChangeKind.EVENT_REMOVED, f"{name} is no longer in the chronology", eid)
            )
            continue
        if new.when != old.when:
            changes.append(
                ChangeSince(
                    ChangeKind.DATE_CHANGED,
                    f"{name}: date changed from {old.when} to {new.when}",
                    eid,
                    before=old.when,
                    after=new.when,
                )
            )
        if new.title != old.title:
            changes.append(
                ChangeSince(
                    ChangeKind.TITLE_CHANGED,
                    f"{name} is now titled “{_short(new.title)}”",
                    eid,
                    before=old.title,
                    after=new.title,
                )
            )
        if new.grade != old.grade:
            changes.append(
                ChangeSince(
                    ChangeKind.GRADE_CHANGED,
                    f"{name}: support graded {_grade_words(old.grade)}, now "
                    f"{_grade_words(new.grade)}",
                    eid,
                    before=old.grade,
                    after=new.grade,
                )
            )
        if new.confidence != old.confidence:
            changes.append(
                ChangeSince(
                    ChangeKind.CONFIDENCE_CHANGED,
                    f"{name}: confidence {old.confidence}, now {new.confidence}",
                    eid,
                    before=old.confidence,
                    after=new.confidence,
                )
            )
    return changes


def _excerpt_changes(then: DeliveredState, now: DeliveredState) -> list[ChangeSince]:
    changes: list[ChangeSince] = []
    for uid, old in then.excerpts.items():
        new = now.excerpts.get(uid)
        quote = f"“{_short(old.quote)}”"
        if new is None:
            if old.event_id in now.events:
                changes.append(
                    ChangeSince(
                        ChangeKind.EXCERPT_REMOVED,
                        f"the passage {quote} was removed",
                        old.event_id,
                        before=old.quote,
                    )
                )
            continue
        if new.fault and not old.fault:
            changes.append(
                ChangeSince(
                    ChangeKind.EXCERPT_FLAGGED,
                    f"the passage {quote} no longer matches its article ({new.fault})",
                    old.event_id,
                    after=new.fault,
                )
            )
        elif old.fault and not new.fault:
            changes.append(
                ChangeSince(
                    ChangeKind.EXCERPT_CLEARED,
                    f"the passage {quote} matches its article again",
                    old.event_id,
                    before=old.fault,
                )
            )
        if new.grade != old.grade:
            changes.append(
                ChangeSince(
                    ChangeKind.GRADE_CHANGED,
                    f"the passage {quote}: graded {_grade_words(old.grade)}, now "
                    f"{_grade_words(new.grade)}",
                    old.event_id,
                    before=old.grade,
                    after=new.grade,
                )
            )
    for uid, new in now.excerpts.items():
        if uid not in then.excerpts and new.event_id in then.events:
            changes.append(
                ChangeSince(
                    ChangeKind.EXCERPT_ADDED,
                    f"a passage was added: “{_short(new.quote)}”",
                    new.event_id,
                    after=new.quote,
                )
            )
    return changes


def _note_changes(then: DeliveredState, now: DeliveredState) -> list[ChangeSince]:
    changes: list[ChangeSince] = []
    for uid, old in then.notes.items():
        new = now.notes.get(uid)
        if new is None:
            changes.append(
                ChangeSince(
                    ChangeKind.NOTE_REMOVED,
                    f"a note was deleted: “{_short(old.body)}”",
                    old.event_id,
                    before=old.body,
                )
            )
        elif new.body != old.body or new.talking_point != old.talking_point:
            changes.append(
                ChangeSince(
                    ChangeKind.NOTE_EDITED,
                    f"a note was edited: now “{_short(new.body)}”",
                    old.event_id,
                    before=old.body,
                    after=new.body,
                )
            )
    for uid, new in now.notes.items():
        if uid not in then.notes:
            changes.append(
                ChangeSince(
                    ChangeKind.NOTE_ADDED,
                    f"a note was added: “{_short(new.body)}”",
                    new.event_id,
                    after=new.body,
                )
            )
    return changes


def _point_changes(
    then: DeliveredState, now: DeliveredState, touched: Iterable[str]
) -> list[ChangeSince]:
    changes: list[ChangeSince] = []
    touched_events = set(touched)
    new_points = {p.uid: p for p in now.points}
    for number, old in enumerate(then.points, 1):
        new = new_points.get(old.uid)
        label = f"point {number} (“{_short(old.text)}”)"
        if new is None:
            changes.append(
                ChangeSince(ChangeKind.POINT_REMOVED, f"{label} was removed", point_uid=old.uid)
            )
            continue
        if new.text != old.text:
            changes.append(
                ChangeSince(
                    ChangeKind.POINT_EDITED,
                    f"{label} was reworded: now “{_short(new.text)}”",
                    point_uid=old.uid,
                    before=old.text,
                    after=new.text,
                )
            )
        if new.targets != old.targets:
            changes.append(
                ChangeSince(
                    ChangeKind.SUPPORT_CHANGED,
                    f"{label} cites other sources than it did",
                    point_uid=old.uid,
                )
            )
        elif moved := sorted(old.cited_events() & touched_events):
            changes.append(
                ChangeSince(
                    ChangeKind.SUPPORT_CHANGED,
                    f"{label} rests on {_count(len(moved), 'event')} that changed",
                    moved[0],
                    point_uid=old.uid,
                )
            )
    old_uids = {p.uid for p in then.points}
    for number, new in enumerate(now.points, 1):
        if new.uid not in old_uids:
            changes.append(
                ChangeSince(
                    ChangeKind.POINT_ADDED,
                    f"point {number} was added: “{_short(new.text)}”",
                    point_uid=new.uid,
                    after=new.text,
                )
            )
    return changes


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def changes_between(then: DeliveredState, now: DeliveredState) -> list[ChangeSince]:
    """What changed from ``then`` (the state handed on) to ``now``, in reading order.

    ``now`` must be taken over ``then``'s period (see the service), so that
    "added in its period" compares like with like.
    """
    added = sorted(now.in_period - then.in_period - set(then.events))
    changes = [
        ChangeSince(
            ChangeKind.EVENT_ADDED,
            f"added in the briefing's period: “{_short(now.in_period_titles.get(eid, eid))}”",
            eid,
        )
        for eid in added
    ]
    for eid in sorted(then.in_period - now.in_period - set(then.events)):
        title = then.in_period_titles.get(eid, eid)
        changes.append(
            ChangeSince(
                ChangeKind.EVENT_REMOVED,
                f"no longer in the briefing's period: “{_short(title)}”",
                eid,
            )
        )
    event_changes = _event_changes(then, now)
    excerpt_changes = _excerpt_changes(then, now)
    note_changes = _note_changes(then, now)
    touched = {
        c.event_id
        for c in (*event_changes, *excerpt_changes)
        if c.event_id and c.kind is not ChangeKind.CONFIDENCE_CHANGED
    }
    changes += event_changes + excerpt_changes + note_changes
    changes += _point_changes(then, now, touched)
    return changes


def delivered_when(moment: datetime) -> str:
    """How messages give a delivery's moment: "6 Dec 2026 21:40 UTC"."""
    return f"{moment.day} {moment:%b %Y %H:%M} UTC"
