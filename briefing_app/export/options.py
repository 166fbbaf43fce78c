"""What the user asked to export: period, lanes, tags, briefing, paper, sections.

One value shared by the command line, the dialogs and every exporter, so a
filter chosen once applies to every section of every format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from briefing_app.domain.dates import DateFormatError, PartialDate
from briefing_app.domain.model import LANES, Lane

__all__ = ["ExportOptions", "OptionsError", "PageSize", "parse_bound", "parse_lanes"]


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


@dataclass(frozen=True)
class ExportOptions:
    """Filters and layout choices; the default exports everything on A4."""

    first_day: date | None = None
    last_day: date | None = None
    lanes: frozenset[Lane] = field(default_factory=lambda: frozenset(LANES))
    tags: frozenset[str] = frozenset()
    """Keep only events with an annotation carrying one of these tags (any case)."""
    briefing: str | None = None
    page_size: PageSize = PageSize.A4
    include_annotations: bool = True
    include_excerpts: bool = True
    title: str = "European defence: a chronology"
    as_of: date | None = None
    """The date printed as "as of"; today when not given."""

    def __post_init__(self) -> None:
        if self.first_day and self.last_day and self.last_day < self.first_day:
            raise OptionsError(
                f"the period ends ({self.last_day.isoformat()}) before it starts "
                f"({self.first_day.isoformat()})"
            )
        if not self.lanes:
            raise OptionsError("choose at least one lane")

    @property
    def ordered_lanes(self) -> tuple[Lane, ...]:
        """The chosen lanes in the screen's order."""
        return tuple(lane for lane in LANES if lane in self.lanes)

    def describe_filters(self) -> list[str]:
        """Lines for the title page: what was left out, in words."""
        lines: list[str] = []
        if self.lanes != frozenset(LANES):
            lines.append("Lanes: " + ", ".join(lane.value for lane in self.ordered_lanes))
        else:
            lines.append("Lanes: all")
        if self.tags:
            lines.append("Tags: " + ", ".join(sorted(self.tags, key=str.casefold)))
        if not self.include_excerpts:
            lines.append("Excerpts left out")
        if not self.include_annotations:
            lines.append("Your annotations left out")
        return lines
