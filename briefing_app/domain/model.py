"""The chronology's vocabulary as plain values: lanes, sources, events, excerpts.

These objects are what every layer passes around. They carry no database
identity beyond stable string ids, so the timeline geometry, the exports and
the tests can build them by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, make_dataclass
from enum import StrEnum
from urllib.parse import urlsplit

from briefing_app.domain.dates import DateSpan, PartialDate
from briefing_app.domain.grading import Grade, excerpt_grade

__all__ = [
    "LANES",
    "Confidence",
    "Event",
    "Excerpt",
    "Lane",
    "Origin",
    "Source",
    "UNKNOWN_OUTLET",
    "UNVERIFIED_QUOTE",
    "event_from_fields",
    "outlet_named",
]


class Lane(StrEnum):
    """The timeline's rows: who acted."""

    EU = "EU"
    NATO = "NATO"
    RUSSIA = "Russia"
    US = "US"
    UKRAINE = "Ukraine"
    OTHER = "Other"

    @classmethod
    def parse(cls, text: str) -> Lane:
        for lane in cls:
            if lane.value.lower() == text.strip().lower():
                return lane
        names = ", ".join(lane.value for lane in cls)
        raise ValueError(f"unknown lane {text!r}: use one of {names}")

    @property
    def order(self) -> int:
        return list(Lane).index(self)


LANES: tuple[Lane, ...] = tuple(Lane)


class Confidence(StrEnum):
    """How sure the chronology is of an event's facts, date included."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @classmethod
    def parse(cls, text: str) -> Confidence:
        try:
            return cls(text.strip().lower())
        except ValueError as exc:
            raise ValueError(f"unknown confidence {text!r}: use high, medium or low") from exc


class Origin(StrEnum):
    """Whether a row comes from the shipped chronology or from the user."""

    CURATED = "curated"
    USER = "user"


UNKNOWN_OUTLET = "Unknown outlet"
"""What an import stores when nothing names the outlet; never printed in a citation."""

_SITE_IN_TITLE = 32
"""The longest "… | Site" tail of a page title taken as the site's name."""


def outlet_named(outlet: str, title: str = "", url: str | None = None) -> str:
    """The outlet to cite: as stored, else the URL's host, else the site a title ends with.

    A URL names at least the site ("politico.eu"); pages saved from the web
    often title themselves "Headline | Reuters". Empty when nothing names it,
    so a citation then gives the title and date alone rather than a placeholder.
    """
    name = " ".join(outlet.split())
    if name and name != UNKNOWN_OUTLET:
        return name
    if url:
        try:
            host = urlsplit(url.strip()).hostname or ""
        except ValueError:
            host = ""
        if "." in host:
            return host.removeprefix("www.")
    head, bar, tail = title.rpartition(" | ")
    tail = tail.strip()
    if bar and head.strip() and 0 < len(tail) <= _SITE_IN_TITLE and len(tail.split()) <= 4:
        return tail
    return ""


@dataclass(frozen=True, slots=True)
class Source:
    """An article stored verbatim, with what is known about it."""

    file: str
    title: str
    outlet: str
    published: PartialDate | None
    language: str
    author: str | None = None
    url: str | None = None
    notes: str | None = None
    grade: Grade | None = None
    """The user's own grade of this source."""
    outlet_grade: Grade | None = None
    """The grade the user keeps for the source's outlet: used while the source has none."""

    @property
    def effective_grade(self) -> Grade | None:
        return self.grade or self.outlet_grade

    @property
    def grade_origin(self) -> str | None:
        """ "source" (graded itself), "outlet" (the outlet's default) or None (ungraded)."""
        if self.grade:
            return "source"
        return "outlet" if self.outlet_grade else None

    @property
    def named_outlet(self) -> str:
        """The outlet as a citation names it (see ``outlet_named``); empty when unknown."""
        return outlet_named(self.outlet, self.title, self.url)

    def citation(self) -> str:
        """How an export cites it: outlet, title in quotation marks, date at its precision."""
        when = self.published.label() if self.published else "undated"
        outlet = self.named_outlet
        lead = f"{outlet}, " if outlet else ""
        return f"{lead}\u201c{self.title}\u201d, {when}"


UNVERIFIED_QUOTE = (
    "Unverified: the source was corrected and this passage could not be found again "
    "with confidence. Check it against the source before quoting it."
)
"""What every view and export says beside an excerpt whose ``needs_check`` is set."""


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A verbatim span of a source, anchored by offsets and by its quote."""

    source: str
    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""
    uid: str = ""
    origin: Origin = Origin.CURATED
    needs_check: bool = False
    """The passage must not be presented as a checked quotation: the source was
    corrected and it could not be found again with confidence, or an export's
    check found it no longer matches the stored article (``warning`` says so)."""
    warning: str = ""
    """Why it is flagged, when not for the usual reason (``UNVERIFIED_QUOTE``)."""
    credibility: str | None = None
    """The user's credibility of this passage (1–6), over its source's grade."""

    def grade(self, source: Source | None) -> Grade | None:
        """This passage's grade: its source's, with its own credibility if it has one."""
        return excerpt_grade(source.effective_grade if source else None, self.credibility)

    def flag_text(self) -> str:
        """What is printed beside the passage when ``needs_check`` is set."""
        return self.warning or UNVERIFIED_QUOTE


@dataclass(frozen=True, slots=True)
class Event:
    """One entry of the chronology."""

    id: str
    title: str
    when: DateSpan
    lane: Lane
    summary: str = ""
    actors: tuple[str, ...] = ()
    confidence: Confidence = Confidence.HIGH
    references: tuple[str, ...] = ()
    excerpts: tuple[Excerpt, ...] = field(default=())
    origin: Origin = Origin.CURATED
    annotation_count: int = 0
    flagged: bool = False
    tags: tuple[str, ...] = ()
    """Tags of the user's annotations on the event and its excerpts, sorted."""
    support: Grade | None = None
    """The best grade of the passages it quotes (None: none of them is graded)."""

    @property
    def start(self) -> PartialDate:
        return self.when.start

    @property
    def end(self) -> PartialDate | None:
        return self.when.end


# The same slots as Event, without the frozen guard: see event_from_fields.
_EventDraft = make_dataclass(
    "_EventDraft", [(f.name, f.type) for f in fields(Event)], slots=True, eq=False, repr=False
)


def event_from_fields(*values: object) -> Event:
    """The event ``Event(*values)`` would make, with every field given in order.

    For reading many events at once. A frozen dataclass's ``__init__`` sets
    each field through ``object.__setattr__``, which at 100,000 events costs
    a tenth of a second of start-up. An unfrozen twin with the same slots is
    filled with plain stores instead, and then becomes an ``Event``: Python
    allows that ``__class__`` assignment because the two layouts are the same,
    and from then on the object is as frozen as any other event.
    """
    draft = _EventDraft(*values)
    draft.__class__ = Event  # type: ignore[assignment]
    return draft  # type: ignore[return-value]
