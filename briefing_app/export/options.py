"""What the user asked to export: which events (a filter), briefing, paper, sections.

One value shared by the command line, the dialogs and every exporter, so a
filter chosen once applies to every section of every format. Which events is
the window's own filter (``domain.filters.EventFilter``): an export made from
the window keeps everything the user filtered, not only the lanes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from briefing_app.domain.dates import DateFormatError, PartialDate
from briefing_app.domain.filters import EventFilter, grade_floor_label
from briefing_app.domain.model import LANES, Confidence, Lane

__all__ = [
    "ExportOptions",
    "OptionsError",
    "PageSize",
    "parse_bound",
    "parse_confidences",
    "parse_lanes",
]


class OptionsError(ValueError):
    """A user-given option that cannot be used; the message says how to fix it."""


class PageSize(StrEnum):
    A4 = "A4"
    LETTER = "Letter"

    @classmethod
    def parse(cls, text: str) -> PageSize:
        for size in cls:
            if size.value.lower() == text.strip().lower():
                return size
        raise OptionsError(f"unknown page size {text!r}: use A4 or Letter")


def parse_bound(text: str, *, end: bool) -> date:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as the first (or, for ``end``, last) day."""
    try:
        when = PartialDate.parse(text)
    except DateFormatError as exc:
        raise OptionsError(str(exc)) from exc
    return when.last_day if end else when.first_day


def parse_lanes(names: list[str] | tuple[str, ...] | None) -> frozenset[Lane]:
    """Lane names as typed (any case); none given means every lane."""
    if not names:
        return frozenset(LANES)
    lanes: set[Lane] = set()
    for name in names:
        try:
            lanes.add(Lane.parse(name))
        except ValueError as exc:
            raise OptionsError(str(exc)) from exc
    return frozenset(lanes)


def parse_confidences(names: list[str] | tuple[str, ...] | None) -> frozenset[Confidence]:
    """Confidence levels as typed (any case); none given means every level."""
    if not names:
        return frozenset(Confidence)
    try:
        return frozenset(Confidence.parse(name) for name in names)
    except ValueError as exc:
        raise OptionsError(str(exc)) from exc


@dataclass(frozen=True)
class ExportOptions:
    """Filters and layout choices; the default exports everything on A4."""

    filter: EventFilter = field(default_factory=EventFilter)
    """Which events: lanes, period, actor, confidence, notes, tags, as on screen."""
    briefing: str | None = None
    page_size: PageSize = PageSize.A4
    include_annotations: bool = True
    include_excerpts: bool = True
    title: str = "European defence: a chronology"
    as_of: date | None = None
    """The date printed as "as of"; today when not given."""

    def __post_init__(self) -> None:
        first, last = self.filter.first_day, self.filter.last_day
        if first and last and last < first:
            raise OptionsError(
                f"the period ends ({last.isoformat()}) before it starts ({first.isoformat()})"
            )
        if not self.filter.lanes:
            raise OptionsError("choose at least one lane")

    @property
    def ordered_lanes(self) -> tuple[Lane, ...]:
        """The chosen lanes in the screen's order."""
        return tuple(lane for lane in LANES if lane in self.filter.lanes)

    def describe_filters(self) -> list[str]:
        """Lines for the title page: what was left out, in words."""
        flt = self.filter
        lines: list[str] = []
        if flt.lanes != frozenset(LANES):
            lines.append("Lanes: " + ", ".join(lane.value for lane in self.ordered_lanes))
        else:
            lines.append("Lanes: all")
        if flt.actor:
            lines.append(f"Actor: {flt.actor}")
        if flt.confidences != frozenset(Confidence):
            kept = ", ".join(c.value for c in Confidence if c in flt.confidences)
            lines.append(f"Confidence: {kept}")
        if flt.min_grade is not None:
            lines.append("Sources: " + grade_floor_label(flt.min_grade))
        if flt.tags:
            lines.append("Tags: " + ", ".join(sorted(flt.tags, key=str.casefold)))
        if flt.flagged_only:
            lines.append("Only events with a talking point")
        elif flt.annotated_only:
            lines.append("Only events with a note")
        if not self.include_excerpts:
            lines.append("Excerpts left out")
        if not self.include_annotations:
            lines.append("Your annotations left out")
        return lines
