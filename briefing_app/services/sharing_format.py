"""The file that carries the user's work between laptops, read strictly.

A sharing file is JSON with a ``format`` number. Reading it checks every
field's type before anything is written, so a truncated, hand-edited or
foreign file is refused with a message naming the faulty entry, and a file
from a newer version of the app is refused rather than half understood.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from briefing_app.domain.dates import DateFormatError, DateSpan, PartialDate, undrawable
from briefing_app.domain.grading import Grade, GradeError, parse_credibility
from briefing_app.domain.model import Confidence, Lane
from briefing_app.services.user_events import EventDraft
from briefing_app.storage.identity import clean_author

__all__ = [
    "FORMAT",
    "KIND",
    "IncomingAnnotation",
    "IncomingBriefing",
    "IncomingEvent",
    "IncomingExcerpt",
    "IncomingGrade",
    "IncomingPoint",
    "SharedWork",
    "SharingError",
    "parse_shared",
    "stamp",
]

FORMAT = 1
KIND = "briefing-chronology/user-work"


class SharingError(ValueError):
    """The file cannot be imported; nothing was changed. The message says why."""


def stamp(value: datetime) -> str:
    """Times travel as ISO 8601 in UTC with microseconds, so they come back exactly."""
    return value.isoformat(timespec="microseconds") + "Z"


@dataclass(frozen=True, slots=True)
class IncomingEvent:
    id: str
    draft: EventDraft
    hidden: bool
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class IncomingExcerpt:
    uid: str
    event_id: str
    source_file: str
    start: int
    end: int
    quote: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class IncomingAnnotation:
    uid: str
    event_id: str | None
    excerpt_uid: str | None
    body: str
    tags: tuple[str, ...]
    talking_point: bool
    created_at: datetime
    updated_at: datetime
    conflict_of: str | None
    created_by: str | None = None
    """Who wrote it and who changed it last (absent in files from before authors)."""
    updated_by: str | None = None


@dataclass(frozen=True, slots=True)
class IncomingPoint:
    uid: str
    text: str
    citations: tuple[tuple[str | None, str | None], ...]
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class IncomingBriefing:
    uid: str
    name: str
    position: int
    created_at: datetime
    updated_at: datetime
    points: tuple[IncomingPoint, ...]


@dataclass(frozen=True, slots=True)
class IncomingGrade:
    """A grade the other laptop set: of a source (by file), an outlet, or an excerpt (uid).

    ``value`` is a grade ("B2") for sources and outlets, a credibility ("4")
    for excerpts, None where the user cleared it.
    """

    kind: str
    key: str
    value: str | None
    graded_at: datetime


@dataclass(frozen=True, slots=True)
class SharedWork:
    events: tuple[IncomingEvent, ...]
    excerpts: tuple[IncomingExcerpt, ...]
    annotations: tuple[IncomingAnnotation, ...]
    briefings: tuple[IncomingBriefing, ...]
    grades: tuple[IncomingGrade, ...] = ()


class _Entry:
    """One JSON object and where it sits in the file, for precise messages."""

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, dict):
            raise SharingError(f"{where}: expected an object, found {_kind(data)}")
        self.data: dict[str, Any] = data
        self.where = where

    def _get(self, key: str, optional: bool) -> object:
        if key not in self.data:
            if optional:
                return None
            raise SharingError(f"{self.where}: “{key}” is missing")
        return self.data[key]

    def text(self, key: str, *, optional: bool = False, empty: bool = True) -> str | None:
        value = self._get(key, optional)
        if value is None and optional:
            return None
        if not isinstance(value, str):
            raise SharingError(f"{self.where}: “{key}” should be text, found {_kind(value)}")
        _whole_text(value, f"{self.where}: “{key}”")
        if not empty and not value.strip():
            raise SharingError(f"{self.where}: “{key}” is empty")
        return value

    def req(self, key: str, *, empty: bool = True) -> str:
        value = self.text(key, empty=empty)
        assert value is not None
        return value

    def number(self, key: str) -> int:
        value = self._get(key, False)
        if isinstance(value, bool) or not isinstance(value, int):
            raise SharingError(
                f"{self.where}: “{key}” should be a whole number, found {_kind(value)}"
            )
        if not -_LARGEST <= value <= _LARGEST:
            raise SharingError(f"{self.where}: “{key}” is out of range ({_digits(value)})")
        return value

    def flag(self, key: str, default: bool = False) -> bool:
        value = self._get(key, True)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise SharingError(
                f"{self.where}: “{key}” should be true or false, found {_kind(value)}"
            )
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        value = self._get(key, True)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SharingError(f"{self.where}: “{key}” should be a list of texts")
        for v in value:
            _whole_text(v, f"{self.where}: “{key}”")
        return tuple(value)

    def time(self, key: str) -> datetime:
        text = self.req(key)
        try:
            value = datetime.fromisoformat(text.replace("Z", "+00:00"))
            if value.tzinfo is not None:
                value = value.astimezone(UTC).replace(tzinfo=None)
        except (ValueError, OverflowError) as exc:
            raise SharingError(
                f"{self.where}: “{key}” is not a date and time this app can use: {text[:40]!r}"
            ) from exc
        return value

    def items(self, key: str) -> list[object]:
        value = self._get(key, True)
        if value is None:
            return []
        if not isinstance(value, list):
            raise SharingError(f"{self.where}: “{key}” should be a list, found {_kind(value)}")
        return value


_LARGEST = 2**53
"""Numbers beyond this are no offset, position or format this app writes (nor SQLite keeps)."""
_SURROGATE = re.compile("[\ud800-\udfff]")


def _whole_text(value: str, where: str) -> None:
    """Refuse a lone surrogate (``\\ud800`` in the JSON): it is half a character, not text."""
    found = _SURROGATE.search(value)
    if found:
        raise SharingError(
            f"{where} holds half a character (a lone surrogate, \\u{ord(found.group()):04x}) "
            f"at character {found.start() + 1}"
        )


def _digits(value: int) -> str:
    size = len(str(abs(value))) if abs(value) < 10**200 else "over 200"
    return f"a number of {size} digits"


def _kind(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "text", bool: "true/false", int: "a number"}
    if value is None:
        return "nothing (null)"
    return names.get(type(value), type(value).__name__)


def _event(e: _Entry) -> IncomingEvent:
    try:
        start = PartialDate.parse(e.req("start"), e.text("start_precision", optional=True))
        end_text = e.text("end", optional=True)
        end = (
            PartialDate.parse(end_text, e.text("end_precision", optional=True))
            if end_text
            else None
        )
        when = DateSpan(start, end)
        beyond = undrawable(when)
        if beyond:
            raise SharingError(f"{e.where}: {beyond}")
        lane = Lane.parse(e.req("lane"))
        confidence = Confidence.parse(e.req("confidence"))
    except (DateFormatError, ValueError) as exc:
        raise SharingError(f"{e.where}: {exc}") from exc
    return IncomingEvent(
        id=e.req("id", empty=False),
        draft=EventDraft(
            title=e.req("title", empty=False),
            when=when,
            lane=lane,
            actors=e.strings("actors"),
            summary=e.req("summary"),
            confidence=confidence,
            references=e.strings("references"),
        ),
        hidden=e.flag("hidden"),
        created_at=e.time("created_at"),
        updated_at=e.time("updated_at"),
    )


def _excerpt(e: _Entry) -> IncomingExcerpt:
    start, end = e.number("start"), e.number("end")
    if not 0 <= start < end:
        raise SharingError(f"{e.where}: the span {start}..{end} is empty or negative")
    return IncomingExcerpt(
        uid=e.req("uid", empty=False),
        event_id=e.req("event", empty=False),
        source_file=e.req("source", empty=False),
        start=start,
        end=end,
        quote=e.req("quote", empty=False),
        created_at=e.time("created_at"),
    )


def _annotation(e: _Entry) -> IncomingAnnotation:
    excerpt = e.text("excerpt", optional=True)
    event = None if excerpt else e.text("event", optional=True)
    if not excerpt and not event:
        raise SharingError(f"{e.where}: a note needs an “event” or an “excerpt”")
    return IncomingAnnotation(
        uid=e.req("uid", empty=False),
        event_id=event,
        excerpt_uid=excerpt,
        body=e.req("body"),
        tags=e.strings("tags"),
        talking_point=e.flag("talking_point"),
        created_at=e.time("created_at"),
        updated_at=e.time("updated_at"),
        conflict_of=e.text("conflict_of", optional=True),
        created_by=_author(e, "created_by"),
        updated_by=_author(e, "updated_by"),
    )


def _author(e: _Entry, key: str) -> str | None:
    name = e.text(key, optional=True)
    return clean_author(name) or None if name else None


def _citation(e: _Entry) -> tuple[str | None, str | None]:
    excerpt = e.text("excerpt", optional=True)
    event = None if excerpt else e.text("event", optional=True)
    if not excerpt and not event:
        raise SharingError(f"{e.where}: a citation needs an “event” or an “excerpt”")
    return event, excerpt


def _point(e: _Entry) -> IncomingPoint:
    return IncomingPoint(
        uid=e.req("uid", empty=False),
        text=e.req("text"),
        citations=tuple(
            _citation(_Entry(c, f"{e.where}, citation {i + 1}"))
            for i, c in enumerate(e.items("citations"))
        ),
        created_at=e.time("created_at"),
        updated_at=e.time("updated_at"),
    )


def _briefing(e: _Entry) -> IncomingBriefing:
    return IncomingBriefing(
        uid=e.req("uid", empty=False),
        name=e.req("name", empty=False),
        position=e.number("position"),
        created_at=e.time("created_at"),
        updated_at=e.time("updated_at"),
        points=tuple(
            _point(_Entry(p, f"{e.where}, point {i + 1}")) for i, p in enumerate(e.items("points"))
        ),
    )


_GRADE_KINDS = {
    "sources": ("source", "file"),
    "outlets": ("outlet", "outlet"),
    "excerpts": ("excerpt", "uid"),
}


def _grades(top: _Entry) -> tuple[IncomingGrade, ...]:
    """The optional "grades" object: older files have none, and lose nothing by it."""
    raw = top.data.get("grades")
    if raw is None:
        return ()
    grades = _Entry(raw, "grades")
    found: list[IncomingGrade] = []
    for group, (kind, key) in _GRADE_KINDS.items():
        for i, item in enumerate(grades.items(group)):
            e = _Entry(item, f"grades, {kind} {i + 1}")
            field = "credibility" if kind == "excerpt" else "grade"
            value = e.text(field, optional=True)
            try:
                if value is not None:
                    value = (
                        parse_credibility(value) if kind == "excerpt" else Grade.parse(value).label
                    )
            except GradeError as exc:
                raise SharingError(f"{e.where}: {exc}") from exc
            found.append(IncomingGrade(kind, e.req(key, empty=False), value, e.time("graded_at")))
    return tuple(found)


def _unique(items: tuple[Any, ...], key: str, what: str) -> None:
    seen: set[str] = set()
    for item in items:
        value = getattr(item, key)
        if value in seen:
            raise SharingError(f"the file lists {what} {value!r} twice")
        seen.add(value)


def parse_shared(text: str) -> SharedWork:
    """Read and check a sharing file's text; raise SharingError naming the first fault."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SharingError(
            f"the file is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    except RecursionError as exc:
        raise SharingError(
            "the file nests lists or objects far deeper than any export of this app"
        ) from exc
    except ValueError as exc:  # a number of thousands of digits, say
        raise SharingError(f"the file holds a value this app cannot read ({exc})") from exc
    top = _Entry(data, "the file")
    if top.data.get("kind") != KIND:
        raise SharingError("the file is not an export of annotations and briefings from this app")
    version = top.number("format")
    if version > FORMAT:
        raise SharingError(
            f"the file was written by a newer version of the app (format {version}; this "
            f"version reads format {FORMAT}). Update the app on this laptop to import it."
        )
    if version < 1:
        raise SharingError(f"unknown format {version}")
    work = SharedWork(
        events=tuple(
            _event(_Entry(x, f"event {i + 1}")) for i, x in enumerate(top.items("events"))
        ),
        excerpts=tuple(
            _excerpt(_Entry(x, f"excerpt {i + 1}")) for i, x in enumerate(top.items("excerpts"))
        ),
        annotations=tuple(
            _annotation(_Entry(x, f"note {i + 1}")) for i, x in enumerate(top.items("annotations"))
        ),
        briefings=tuple(
            _briefing(_Entry(x, f"briefing {i + 1}")) for i, x in enumerate(top.items("briefings"))
        ),
        grades=_grades(top),
    )
    _unique(work.events, "id", "event")
    _unique(work.excerpts, "uid", "excerpt")
    _unique(work.annotations, "uid", "note")
    _unique(work.briefings, "uid", "briefing")
    return work
