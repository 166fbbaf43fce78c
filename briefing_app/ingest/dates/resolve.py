"""Resolution: a candidate's date, read by dateparser against the publication date.

dateparser reads each candidate in the document's language (cached), with
the publication date as its base and a past/future preference taken from the
clause's tense; the result is kept only when it agrees with what the pattern
saw, and never finer than what is written.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import lru_cache

from briefing_app.domain.dates import PartialDate, Precision
from briefing_app.ingest.dates.model import Direction, Kind, Piece, Tense
from briefing_app.ingest.dates.tables import Lang

__all__ = ["clear_cache", "resolve"]

_REFERENCE = date(2000, 1, 1)  # base for absolute dates: every part is written anyway


@lru_cache(maxsize=8192)
def _read(query: str, lang: str, base: date, prefer: str, parts: tuple[str, ...]) -> date | None:
    """dateparser on one candidate, cached per (candidate, base)."""
    settings: dict[str, object] = {
        "PREFER_DATES_FROM": prefer,
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first",
    }
    if parts:
        settings["REQUIRE_PARTS"] = list(parts)
    import dateparser  # loaded on first use: it costs 80 ms at start-up

    try:
        result = dateparser.parse(query, languages=[lang], settings=settings)
    except (ValueError, OverflowError, TypeError, KeyError, AttributeError):
        return None  # a candidate dateparser cannot read is simply not a date
    return result.date() if result is not None else None


def _shift(base: date, days: int) -> date:
    try:
        return base + timedelta(days=days)
    except OverflowError:
        return base


def clear_cache() -> None:
    """Forget every candidate read so far (for timing a cold run)."""
    _read.cache_clear()


def _months_back(p: date, months: int) -> date:
    """The same day ``months`` months away (the month's last day where it is shorter)."""
    index = p.year * 12 + p.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(p.day, last))


def _relative(piece: Piece, t: Lang, p: date, tense: Tense | None) -> PartialDate | None:
    """Counted from the publication day: the pattern already says by how much, so this
    is arithmetic, not parsing ("the same day a year ago" keeps its day)."""
    assert piece.unit is not None
    unit, offset = piece.unit, piece.offset
    if piece.recent and unit is Precision.WEEK and p.weekday() >= 4:
        offset += 1  # "this past week", written on a Friday: the week now ending
    try:
        if unit is Precision.DAY:
            value = p + timedelta(days=offset)
        elif unit is Precision.WEEK:
            value = p + timedelta(weeks=offset)
        elif unit is Precision.MONTH:
            value = _months_back(p, offset)
        else:
            value = _months_back(p, 12 * offset)
    except (OverflowError, ValueError):
        return None
    return PartialDate(value, piece.precision)


def _occurrences(p: date, month: int, day: int) -> tuple[date | None, date | None]:
    """The latest such day on or before ``p`` and the earliest on or after it."""
    before = after = None
    for year in (p.year - 1, p.year, p.year + 1):
        try:
            value = date(year, month, day)
        except ValueError:
            continue  # 29 February in a common year, 31 April
        if value <= p:
            before = value
        if value >= p and after is None:
            after = value
    return before, after


_HALF_YEAR = 183  # days
_JUST_AHEAD = 14  # days


def _day_month(piece: Piece, t: Lang, p: date, tense: Tense | None) -> PartialDate | None:
    """A day and month without a year: a coming one in a clause about the future (unless
    that is most of a year ahead and the last one only days back: "in vista del Consiglio
    europeo del 18 e 19 dicembre", written on 22 December); in a
    past one the latest on or before publication, unless that is most of a year back and
    the next is only days ahead ("the Council of 26 and 27 June", written on 24 June, is
    not last year's, whatever the verbs around it say); with no tense, the nearest one
    ("le scrutin européen du 9 juin", written on 25 April). A writer leaves the year out
    only when it is plain."""
    assert piece.month is not None and piece.day is not None
    before, after = _occurrences(p, piece.month, piece.day)
    if piece.direction is Direction.PREV:
        value = before  # "el pasado 31 de marzo", "le 31 mars dernier"
    elif piece.direction is Direction.NEXT:
        value = after
    elif before is None or after is None:
        value = before or after
    elif tense is Tense.FUTURE:
        far_ahead = (after - p).days > _HALF_YEAR
        value = before if far_ahead and (p - before).days <= _JUST_AHEAD else after
    elif tense is Tense.PAST:
        far_back = (p - before).days > _HALF_YEAR
        value = after if far_back and (after - p).days <= _JUST_AHEAD else before
    else:
        value = before if (p - before) <= (after - p) else after
    if value is None:
        return None
    return PartialDate(value, Precision.DAY)


def _month(piece: Piece, t: Lang, p: date, tense: Tense | None) -> PartialDate | None:
    """A month alone: the one named by "last"/"next"/"this", else by the tense, else the
    latest one on or before publication, unless that is most of a year back and the
    next begins within days ("the summit in Washington in July", written on 28 June)."""
    assert piece.month is not None
    query = t.canon_months[piece.month - 1]
    month_before = _shift(p.replace(day=1), -1)
    if piece.direction is Direction.PREV:
        base, prefer = month_before, "past"
    elif piece.direction is Direction.NEXT:
        base, prefer = p, "future"
    elif piece.direction is Direction.THIS:
        base, prefer = p, "current_period"
    elif tense is Tense.FUTURE:
        base, prefer = month_before, "future"
    else:
        base, prefer = p, "past"
    value = _read(query, t.code, base, prefer, ("month",))
    if value is None or value.month != piece.month:
        return None
    if prefer == "past" and piece.direction is None:
        first = value.replace(day=1)
        coming = first.replace(year=first.year + 1)
        if (p - first).days > _HALF_YEAR and 0 <= (coming - p).days <= _JUST_AHEAD:
            value = coming
    return PartialDate(value, Precision.MONTH)


def _weekday(piece: Piece, t: Lang, p: date, tense: Tense | None) -> PartialDate | None:
    assert piece.weekday is not None
    query = t.canon_weekdays[piece.weekday]
    on_or_before = _read(query, t.code, _shift(p, 1), "past", ())
    on_or_after = _read(query, t.code, _shift(p, -1), "future", ())
    if piece.direction is Direction.PREV:
        value = _read(query, t.code, p, "past", ())
    elif piece.direction is Direction.NEXT:
        value = _read(query, t.code, p, "future", ())
    elif piece.direction is Direction.THIS and tense is Tense.PAST:
        value = on_or_before  # "este miércoles volvió a hacer": this week's, gone by
    elif piece.direction is Direction.THIS or tense is Tense.FUTURE:
        value = on_or_after
    elif tense is Tense.PAST:
        value = on_or_before
    elif on_or_before is None or on_or_after is None:
        value = on_or_before or on_or_after
    else:  # no hint: the nearest such day, as news reports use them
        value = min((on_or_before, on_or_after), key=lambda d: abs((d - p).days))
    if value is None or value.weekday() != piece.weekday:
        return None
    return PartialDate(value, Precision.DAY)


def _absolute(piece: Piece, t: Lang) -> PartialDate | None:
    assert piece.year is not None
    y, mo, d = piece.year, piece.month, piece.day
    if piece.precision is Precision.YEAR:
        value = _read(str(y), t.code, _REFERENCE, "past", ("year",))
        ok = value is not None and value.year == y
        return PartialDate.year(y) if ok else None
    assert mo is not None
    if not 1 <= mo <= 12 or (d is not None and not 1 <= d <= 31):
        return None
    if piece.precision is Precision.MONTH:
        value = _read(
            f"{t.canon_months[mo - 1]} {y}", t.code, _REFERENCE, "past", ("month", "year")
        )
        ok = value is not None and (value.year, value.month) == (y, mo)
        return PartialDate.month(y, mo) if ok else None
    assert d is not None
    value = _read(
        f"{d} {t.canon_months[mo - 1]} {y}", t.code, _REFERENCE, "past", ("day", "month", "year")
    )
    if value is None or (value.year, value.month, value.day) != (y, mo, d):
        return None
    return PartialDate.day(y, mo, d)


def _day_this_month(piece: Piece, t: Lang, p: date, tense: Tense | None) -> PartialDate | None:
    assert piece.day is not None
    try:
        return PartialDate(p.replace(day=piece.day), Precision.DAY)
    except ValueError:
        return None  # "el día 31 de este mes" in a month of thirty days: not a date


def _same_day_in(piece: Piece, t: Lang, p: date, tense: Tense | None) -> PartialDate | None:
    assert piece.year is not None
    try:
        return PartialDate(p.replace(year=piece.year), Precision.DAY)
    except ValueError:
        return None  # 29 February, said in a leap year, of a common year


_Resolver = Callable[[Piece, Lang, date, "Tense | None"], "PartialDate | None"]
_RELATIVE_TO_PUBLICATION: dict[Kind, _Resolver] = {
    Kind.RELATIVE: _relative,
    Kind.DAY_MONTH: _day_month,
    Kind.DAY_THIS_MONTH: _day_this_month,
    Kind.SAME_DAY_IN: _same_day_in,
    Kind.MONTH: _month,
    Kind.WEEKDAY: _weekday,
}

NEEDS_TENSE = frozenset({Kind.DAY_MONTH, Kind.MONTH, Kind.WEEKDAY})


def resolve(
    piece: Piece, t: Lang, published: date | None, tense: Tense | None
) -> PartialDate | None:
    """The date ``piece`` stands for, or None (no publication date for a relative one,
    or dateparser disagrees with what the pattern saw)."""
    if piece.kind is Kind.ABSOLUTE:
        return _absolute(piece, t)
    if published is None:
        return None
    return _RELATIVE_TO_PUBLICATION[piece.kind](piece, t, published, tense)
