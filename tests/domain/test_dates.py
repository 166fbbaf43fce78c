from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_app.domain.dates import DateFormatError, DateSpan, PartialDate, Precision


@pytest.mark.parametrize(
    ("text", "precision", "first", "last", "label"),
    [
        ("2008", Precision.YEAR, date(2008, 1, 1), date(2008, 12, 31), "2008"),
        ("2021-11", Precision.MONTH, date(2021, 11, 1), date(2021, 11, 30), "Nov 2021"),
        ("2024-02", Precision.MONTH, date(2024, 2, 1), date(2024, 2, 29), "Feb 2024"),
        ("2023-02", Precision.MONTH, date(2023, 2, 1), date(2023, 2, 28), "Feb 2023"),
        ("2017-12-11", Precision.DAY, date(2017, 12, 11), date(2017, 12, 11), "11 Dec 2017"),
    ],
)
def test_parse_keeps_precision(
    text: str, precision: Precision, first: date, last: date, label: str
) -> None:
    d = PartialDate.parse(text)
    assert d.precision is precision
    assert (d.first_day, d.last_day) == (first, last)
    assert d.label() == label
    assert d.iso() == text


@pytest.mark.parametrize(
    "bad", ["", "20", "2021-13", "2021-02-30", "2023-02-29", "11/12/2017", "2021-1-5"]
)
def test_parse_rejects_malformed(bad: str) -> None:
    with pytest.raises(DateFormatError):
        PartialDate.parse(bad)


def test_a_year_cannot_claim_a_day() -> None:
    with pytest.raises(DateFormatError):
        PartialDate.parse("2008", "day")
    assert PartialDate.parse("2008-05-06", "month").iso() == "2008-05"


def test_week_normalises_to_monday() -> None:
    w = PartialDate.week_of(date(2025, 3, 6))  # a Thursday
    assert w.value == date(2025, 3, 3)
    assert w.last_day == date(2025, 3, 9)
    assert w.iso() == "2025-03-03"


def test_ordering_puts_wider_period_first_on_same_start() -> None:
    year, month, day = (
        PartialDate.year(2022),
        PartialDate.month(2022, 1),
        PartialDate.day(2022, 1, 1),
    )
    assert sorted([day, month, year]) == [year, month, day]
    assert PartialDate.month(2021, 12) < PartialDate.year(2022)


def test_span_labels_and_validation() -> None:
    assert DateSpan.parse("1999-12-10", "1999-12-11").label() == "10–11 Dec 1999"
    assert DateSpan.parse("2008-01-28", "2009-03-15").label() == "28 Jan 2008 – 15 Mar 2009"
    assert DateSpan.parse("2022-01-01", "2022-06-30").label() == "1 Jan – 30 Jun 2022"
    assert DateSpan.parse("2022-03", "2022-05").label() == "Mar–May 2022"
    with pytest.raises(DateFormatError):
        DateSpan.parse("2022-03-02", "2022-03-01")
    # An end inside the start's month is allowed: the start covers it.
    assert DateSpan.parse("2022-03", "2022-03-15").last_day == date(2022, 3, 15)


dates = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


@given(dates, st.sampled_from(list(Precision)))
def test_round_trip_and_containment(d: date, precision: Precision) -> None:
    p = PartialDate(d, precision)
    assert p.contains(d)
    assert p.first_day <= d <= p.last_day
    if precision is not Precision.WEEK:
        assert PartialDate.parse(p.iso()) == p
    else:
        assert PartialDate.parse(p.iso(), "week") == p


@given(dates, dates)
def test_order_agrees_with_calendar(a: date, b: date) -> None:
    pa, pb = PartialDate(a), PartialDate(b)
    assert (pa < pb) == (a < b)


@given(st.integers(min_value=1, max_value=9998))
def test_year_boundaries(year: int) -> None:
    y = PartialDate.year(year)
    assert y.last_day + timedelta(days=1) == PartialDate.year(year + 1).first_day
    dec = PartialDate.month(year, 12)
    assert dec.last_day == y.last_day
