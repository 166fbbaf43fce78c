"""Dates that know how precisely they are known.

A briefer must never see a day the sources do not give, so every date in the
product carries its precision: ``2008`` is a year, ``2021-11`` a month,
``2017-12-11`` a day. The value is normalised to the first day of the period
it names (the Monday for a week), which gives a total order and a span on the
calendar without inventing anything.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

__all__ = [
    "LAST_DRAWABLE_YEAR",
    "MONTH_ABBR",
    "DateFormatError",
    "DateSpan",
    "PartialDate",
    "Precision",
    "undrawable",
]

MONTH_ABBR = (
    "",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)

_ISO_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class DateFormatError(ValueError):
    """Raised for a date string that is not ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""


class Precision(StrEnum):
    """How much of a date is known, finest first."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"

    @property
    def rank(self) -> int:
        """0 for a day up to 3 for a year: larger is coarser."""
        return _RANK[self]

    @classmethod
    def parse(cls, text: str) -> Precision:
        try:
            return cls(text.strip().lower())
        except ValueError as exc:
            raise DateFormatError(
                f"unknown precision {text!r}: use day, week, month or year"
            ) from exc


_RANK = {Precision.DAY: 0, Precision.WEEK: 1, Precision.MONTH: 2, Precision.YEAR: 3}


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date known to a given precision.

    ``value`` is always the first day of the period (1 January for a year,
    the 1st for a month, the Monday for a week), so two partial dates compare
    by the period they start.
    """

    value: date
    precision: Precision = Precision.DAY

    def __post_init__(self) -> None:
        if self.precision is Precision.DAY:
            return  # the common case, and the hot path when 100,000 events load
        normal = _normalise(self.value, self.precision)
        if normal != self.value:
            object.__setattr__(self, "value", normal)

    # -- construction -----------------------------------------------------
    @classmethod
    def day(cls, year: int, month: int, day: int) -> PartialDate:
        return cls(date(year, month, day), Precision.DAY)

    @classmethod
    def month(cls, year: int, month: int) -> PartialDate:
        return cls(date(year, month, 1), Precision.MONTH)

    @classmethod
    def year(cls, year: int) -> PartialDate:
        return cls(date(year, 1, 1), Precision.YEAR)

    @classmethod
    def week_of(cls, any_day: date) -> PartialDate:
        return cls(any_day, Precision.WEEK)

    @classmethod
    def parse(cls, text: str, precision: Precision | str | None = None) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        The precision follows from the form unless given; a week must be given
        explicitly (its form is the Monday's ``YYYY-MM-DD``). A given precision
        finer than the form is an error: ``2008`` cannot be a day.
        """
        match = _ISO_RE.match(text.strip()) if isinstance(text, str) else None
        if not match:
            raise DateFormatError(f"{text!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
        year_s, month_s, day_s = match.groups()
        year = int(year_s)
        if year < 1:
            raise DateFormatError(f"{text!r}: year must be 1 or later")
        form = Precision.DAY if day_s else Precision.MONTH if month_s else Precision.YEAR
        try:
            value = date(year, int(month_s or 1), int(day_s or 1))
        except ValueError as exc:
            raise DateFormatError(f"{text!r} is not a calendar date: {exc}") from exc
        if precision is None:
            return cls(value, form)
        wanted = Precision.parse(precision) if isinstance(precision, str) else precision
        finest_allowed = Precision.DAY if form is Precision.DAY else form
        if wanted.rank < finest_allowed.rank:
            raise DateFormatError(
                f"{text!r} does not give a {wanted.value}: it is known to the {form.value}"
            )
        return cls(value, wanted)

    # -- views ------------------------------------------------------------
    @property
    def first_day(self) -> date:
        return self.value

    @property
    def last_day(self) -> date:
        """The last calendar day the period covers."""
        v = self.value
        if self.precision is Precision.DAY:
            return v
        if self.precision is Precision.WEEK:
            return v + timedelta(days=6)
        if self.precision is Precision.MONTH:
            return date(v.year, v.month, calendar.monthrange(v.year, v.month)[1])
        return date(v.year, 12, 31)

    def iso(self) -> str:
        """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a week gives its Monday)."""
        v = self.value
        if self.precision is Precision.YEAR:
            return f"{v.year:04d}"
        if self.precision is Precision.MONTH:
            return f"{v.year:04d}-{v.month:02d}"
        return v.isoformat()

    def label(self) -> str:
        """How a reader would write it: ``6 Mar 2025``, ``Mar 2025``, ``2025``."""
        v = self.value
        if self.precision is Precision.YEAR:
            return str(v.year)
        if self.precision is Precision.MONTH:
            return f"{MONTH_ABBR[v.month]} {v.year}"
        if self.precision is Precision.WEEK:
            return f"week of {v.day} {MONTH_ABBR[v.month]} {v.year}"
        return f"{v.day} {MONTH_ABBR[v.month]} {v.year}"

    def sort_key(self) -> tuple[int, int]:
        """Earlier periods first; for the same start, the wider period first."""
        return (self.value.toordinal(), -self.precision.rank)

    def contains(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day

    def __lt__(self, other: PartialDate) -> bool:
        return self.sort_key() < other.sort_key()

    def __le__(self, other: PartialDate) -> bool:
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: PartialDate) -> bool:
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: PartialDate) -> bool:
        return self.sort_key() >= other.sort_key()

    def __str__(self) -> str:
        return self.iso()


def _normalise(value: date, precision: Precision) -> date:
    if precision is Precision.DAY:
        return value
    if precision is Precision.WEEK:
        return value - timedelta(days=value.weekday())
    if precision is Precision.MONTH:
        return value.replace(day=1)
    return value.replace(month=1, day=1)


@dataclass(frozen=True, slots=True)
class DateSpan:
    """When an event happened: a start and, for a range, an end.

    The end is optional; when present it may not begin before the start.
    """

    start: PartialDate
    end: PartialDate | None = None

    def __post_init__(self) -> None:
        if self.end is not None and self.end.last_day < self.start.first_day:
            raise DateFormatError(f"end {self.end.iso()} is before start {self.start.iso()}")

    @classmethod
    def parse(
        cls, start: str, end: str | None = None, precision: Precision | str | None = None
    ) -> DateSpan:
        first = PartialDate.parse(start, precision)
        last = PartialDate.parse(end, precision) if end else None
        return cls(first, last)

    @property
    def first_day(self) -> date:
        return self.start.first_day

    @property
    def last_day(self) -> date:
        return (self.end or self.start).last_day

    @property
    def precision(self) -> Precision:
        return self.start.precision

    @property
    def is_range(self) -> bool:
        return self.end is not None and self.end != self.start

    def label(self) -> str:
        """``10–11 Dec 1999``, ``Jan 2008 – Mar 2009``, ``2008``."""
        if not self.is_range:
            return self.start.label()
        assert self.end is not None
        a, b = self.start, self.end
        if a.precision is b.precision is Precision.DAY:
            if a.value.year == b.value.year and a.value.month == b.value.month:
                return f"{a.value.day}–{b.label()}"
            if a.value.year == b.value.year:
                return f"{a.value.day} {MONTH_ABBR[a.value.month]} – {b.label()}"
        if a.precision is b.precision is Precision.MONTH and a.value.year == b.value.year:
            return f"{MONTH_ABBR[a.value.month]}–{b.label()}"
        return f"{a.label()} – {b.label()}"

    def sort_key(self) -> tuple[int, int, int]:
        start = self.start.sort_key()
        return (start[0], start[1], self.last_day.toordinal())

    def overlaps(self, first: date, last: date) -> bool:
        return self.first_day <= last and self.last_day >= first


LAST_DRAWABLE_YEAR = 9899
"""The last year an event may fall in: the timeline, the pictures and the PDF's pages
need room after an event's period (a page of the PDF's timeline spans up to decades),
and the calendar ends with 9999."""


def undrawable(span: DateSpan) -> str | None:
    """Why ``span`` cannot be drawn (a year beyond ``LAST_DRAWABLE_YEAR``), or None."""
    if span.last_day.year > LAST_DRAWABLE_YEAR:
        return (
            f"{span.last_day.year} is later than the timeline can show "
            f"(the last year it draws is {LAST_DRAWABLE_YEAR})"
        )
    return None
