"""The time axis: right level for the zoom, natural labels, never overlapping."""

from __future__ import annotations

import itertools
import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_app.geometry.ticks import (
    MIN_LABEL_GAP_PX,
    AxisTicks,
    Tick,
    TickLevel,
    axis_ticks,
    choose_level,
)

MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
MINOR_FORMAT = {
    TickLevel.DECADE: r"\d{4}",
    TickLevel.FIVE_YEARS: r"\d{4}",
    TickLevel.YEAR: r"\d{4}",
    TickLevel.QUARTER: r"Q[1-4]",
    TickLevel.MONTH: f"({MONTHS})",
    TickLevel.WEEK: rf"\d{{1,2}} ({MONTHS})",
    TickLevel.DAY: rf"\d{{1,2}} ({MONTHS})",
}
CONTEXT_FORMAT = {
    TickLevel.QUARTER: r"\d{4}",
    TickLevel.MONTH: r"\d{4}",
    TickLevel.WEEK: rf"({MONTHS}) \d{{4}}",
    TickLevel.DAY: rf"({MONTHS}) \d{{4}}",
}


def measure(text: str) -> float:
    """Roughly a 9 pt sans: 7 px per character."""
    return 7.0 * len(text)


def day(y: int, m: int, d: int) -> float:
    return float(date(y, m, d).toordinal())


def labelled(ticks: tuple[Tick, ...]) -> list[Tick]:
    return [t for t in ticks if t.label]


def assert_readable(axis: AxisTicks, width: float) -> None:
    for row in (axis.minor, axis.context):
        shown = labelled(row)
        for a, b in itertools.pairwise(shown):
            assert a.label_x + a.label_width + MIN_LABEL_GAP_PX <= b.label_x + 1e-9, (a, b)
        for t in shown:
            assert t.label_x >= 0 and t.label_x + t.label_width <= width + 1e-9


ZOOM_SPANS = [26 * 365.25 / 1.5**i for i in range(30) if 26 * 365.25 / 1.5**i >= 2.0]


@pytest.mark.parametrize("span", ZOOM_SPANS)
def test_every_zoom_from_26_years_to_a_day_reads_cleanly(span: float) -> None:
    t0 = day(2012, 7, 1) - span / 2
    axis = axis_ticks(t0, t0 + span, 1400.0, measure)
    assert_readable(axis, 1400.0)
    shown = labelled(axis.minor)
    assert len(shown) >= 2, axis.level
    for t in shown:
        assert re.fullmatch(MINOR_FORMAT[axis.level], t.label), t.label
    for t in labelled(axis.context):
        assert re.fullmatch(CONTEXT_FORMAT[axis.level], t.label), t.label


def test_levels_get_finer_as_the_view_zooms_in() -> None:
    order = list(TickLevel)
    levels = [choose_level(span / 1400.0, measure) for span in ZOOM_SPANS]
    ranks = [order.index(level) for level in levels]
    assert ranks == sorted(ranks, reverse=True)
    assert levels[0] in (TickLevel.YEAR, TickLevel.FIVE_YEARS)
    assert levels[-1] is TickLevel.DAY


def test_the_whole_chronology_is_labelled_by_years() -> None:
    axis = axis_ticks(day(1999, 1, 1), day(2026, 1, 1), 1400.0, measure)
    assert axis.level in (TickLevel.YEAR, TickLevel.FIVE_YEARS)
    assert "2005" in [t.label for t in axis.minor]
    assert axis.context == ()


def test_one_year_shows_months_under_their_year() -> None:
    axis = axis_ticks(day(2022, 1, 1), day(2023, 1, 1), 1400.0, measure)
    assert axis.level is TickLevel.MONTH
    assert [t.label for t in axis.minor][:3] == ["Jan", "Feb", "Mar"]
    assert labelled(axis.context)[0].label == "2022"


def test_one_week_shows_days_under_their_month() -> None:
    axis = axis_ticks(day(2022, 3, 7), day(2022, 3, 14), 1400.0, measure)
    assert axis.level is TickLevel.DAY
    assert [t.label for t in labelled(axis.minor)] == [f"{d} Mar" for d in range(7, 14)]
    assert labelled(axis.context)[0].label == "Mar 2022"
    assert labelled(axis.context)[0].x < 0, "the month under way is pinned at the left edge"


def test_at_the_deepest_zoom_the_day_under_way_keeps_its_label() -> None:
    axis = axis_ticks(day(2022, 3, 7) + 0.5, day(2022, 3, 9) + 0.5, 1400.0, measure)
    assert [t.label for t in labelled(axis.minor)] == ["7 Mar", "8 Mar", "9 Mar"]
    assert axis.minor[0].x < 0 and axis.minor[0].label_x > 0


def test_the_year_under_way_stays_pinned_when_the_next_one_does_not_fit() -> None:
    axis = axis_ticks(day(2022, 2, 20), day(2023, 1, 2), 1400.0, measure)
    assert axis.level is TickLevel.MONTH
    assert [t.label for t in labelled(axis.context)] == ["2022"]


def test_a_pinned_label_gives_way_to_the_next_boundary() -> None:
    axis = axis_ticks(day(2021, 12, 30), day(2022, 12, 1), 1400.0, measure)
    assert [t.label for t in labelled(axis.context)] == ["2022"]
    assert labelled(axis.context)[0].x > 0


def test_month_ticks_fall_on_real_month_starts_across_a_leap_year() -> None:
    axis = axis_ticks(day(2023, 12, 1), day(2025, 3, 1), 1400.0, measure)
    assert axis.level is TickLevel.MONTH
    starts = [date.fromordinal(int(t.time)) for t in axis.minor]
    assert all(d.day == 1 for d in starts)
    gaps = {(a.year, a.month): (b - a).days for a, b in itertools.pairwise(starts)}
    assert gaps[(2024, 2)] == 29
    assert gaps[(2024, 4)] == 30
    assert gaps[(2024, 12)] == 31


def test_the_leap_day_has_its_tick() -> None:
    axis = axis_ticks(day(2024, 2, 26), day(2024, 3, 3), 1400.0, measure)
    assert "29 Feb" in [t.label for t in axis.minor]
    axis = axis_ticks(day(2023, 2, 26), day(2023, 3, 3), 1400.0, measure)
    assert "29 Feb" not in [t.label for t in axis.minor]


def test_weeks_start_on_mondays() -> None:
    axis = axis_ticks(day(2022, 1, 1), day(2022, 4, 1), 1400.0, measure)
    assert axis.level is TickLevel.WEEK
    assert all(date.fromordinal(int(t.time)).weekday() == 0 for t in axis.minor)


def test_quarters_are_named_q1_to_q4() -> None:
    axis = axis_ticks(day(2019, 1, 1), day(2023, 1, 1), 800.0, measure)
    assert axis.level is TickLevel.QUARTER
    assert [t.label for t in axis.minor][:4] == ["Q1", "Q2", "Q3", "Q4"]


def test_the_years_between_five_year_ticks_are_drawn_unlabelled() -> None:
    axis = axis_ticks(day(1999, 1, 1), day(2026, 1, 1), 900.0, measure)
    assert axis.level is TickLevel.FIVE_YEARS
    assert len(axis.sub) == 27 - len(axis.minor)


@given(
    start=st.floats(day(1990, 1, 1), day(2030, 1, 1)),
    span=st.floats(1.0, 60 * 365.0),
    width=st.floats(200.0, 3000.0),
    char_px=st.floats(4.0, 14.0),
)
def test_labels_never_overlap(start: float, span: float, width: float, char_px: float) -> None:
    axis = axis_ticks(
        start, start + span, width, lambda s: char_px * len(s), lambda s: char_px * 1.15 * len(s)
    )
    assert_readable(axis, width)
