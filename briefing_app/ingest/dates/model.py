"""The extractor's vocabulary: what a mention is, and the typed kinds used to resolve one."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from briefing_app.domain.dates import PartialDate, Precision

__all__ = ["Candidate", "DateMention", "Direction", "Kind", "Piece", "RangePart", "Tense"]


class RangePart(Enum):
    """Which end of one period a mention is: "[10]–[11 December]", "from [2004] to [2009]"."""

    START = "start"
    END = "end"


@dataclass(frozen=True)
class DateMention:
    """One date written in a text, where it is, and the sentence around it.

    The two ends of a range are two mentions, in order, marked START and END, so
    that each end keeps its own words and precision and one event can span both.
    """

    text: str
    start: int
    end: int
    date: PartialDate
    sentence: str
    range: RangePart | None = None

    def to_json(self) -> dict:
        out: dict = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "date": self.date.iso(),
            "precision": self.date.precision.value,
            "sentence": self.sentence,
        }
        if self.range is not None:
            out["range"] = self.range.value
        return out


class Kind(Enum):
    """How a candidate is resolved. ABSOLUTE needs no publication date; the rest do."""

    ABSOLUTE = "absolute"  # every part written: "8 November 2021", "2008"
    DAY_MONTH = "day_month"  # "8 November": the year comes from the publication date
    DAY_THIS_MONTH = "day_this_month"  # "el día 24 de este mes": the publication month's
    SAME_DAY_IN = "same_day_in"  # "on this very day, in 1949": the publication day, that year
    MONTH = "month"  # "in March"
    WEEKDAY = "weekday"  # "on Thursday"
    RELATIVE = "relative"  # "last week", "yesterday", "three years ago"


class Direction(Enum):
    """Which way a mention points, when its own words say so ("last", "next", "this")."""

    PREV = "prev"
    NEXT = "next"
    THIS = "this"


class Tense(Enum):
    """The tense of the clause around a mention, when a word in it gives one."""

    PAST = "past"
    FUTURE = "future"


@dataclass
class Piece:
    """One date a candidate contributes (a range gives two)."""

    start: int
    end: int
    kind: Kind
    precision: Precision
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    direction: Direction | None = None  # written in the mention itself
    query: str | None = None  # relative phrases: the text dateparser reads
    unit: Precision | None = None  # relative phrases: the unit counted
    offset: int = 0
    recent: bool = False  # "this past week": the week now ending, late in a week


@dataclass
class Candidate:
    """A stretch of text that may be a date, with the date(s) it would give."""

    start: int
    end: int
    pieces: list[Piece]
    lang: str
    rank: int = 0  # tie-break between equally long matches: lower wins
    is_range: bool = False  # its two pieces are the ends of one period
