"""The time ↔ pixel mapping and the zoom/pan rules every view relies on."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing_app.geometry.timescale import (
    MAX_SPAN_DAYS,
    MIN_SPAN_DAYS,
    ScaleLimits,
    TimeScale,
    padded_domain,
)

D1999 = float(date(1999, 1, 1).toordinal())
D2026 = float(date(2026, 1, 1).toordinal())
LIMITS = ScaleLimits(domain=(D1999, D2026))


def full_view(width: float = 1400.0) -> TimeScale:
    return TimeScale(D1999, D2026, width, LIMITS)


def test_a_day_covers_its_own_pixels() -> None:
    scale = TimeScale(100.0, 110.0, 1000.0)
    assert scale.to_px(100.0) == 0.0
    assert scale.to_px(101.0) == pytest.approx(100.0)
    assert scale.days_per_px == pytest.approx(0.01)
    assert scale.to_time(500.0) == pytest.approx(105.0)


def test_an_empty_window_or_width_is_refused() -> None:
    with pytest.raises(ValueError):
        TimeScale(5.0, 5.0, 100.0)
    with pytest.raises(ValueError):
        TimeScale(0.0, 5.0, 0.0)


@given(px=st.floats(-2000, 4000))
def test_to_time_inverts_to_px(px: float) -> None:
    scale = full_view()
    assert scale.to_px(scale.to_time(px)) == pytest.approx(px, abs=1e-6)


@given(
    factor=st.floats(0.5, 4.0),
    anchor=st.floats(0.0, 1400.0),
    start=st.floats(D1999 + 4000, D1999 + 5000),
    span=st.floats(30.0, 2000.0),
)
def test_zoom_keeps_the_time_under_the_anchor(
    factor: float,
    anchor: float,
    start: float,
    span: float,
) -> None:
    scale = TimeScale(start, start + span, 1400.0, LIMITS)
    before = scale.to_time(anchor)
    zoomed = scale.zoomed(factor, anchor)
    assert zoomed.span == pytest.approx(span / factor)
    assert zoomed.to_time(anchor) == pytest.approx(before, abs=1e-6)


def test_zoom_stops_at_two_days_and_still_keeps_its_anchor() -> None:
    scale = TimeScale(D1999 + 5000, D1999 + 5010, 1000.0, LIMITS)
    anchor_time = scale.to_time(250.0)
    zoomed = scale.zoomed(1000.0, 250.0)
    assert zoomed.span == pytest.approx(MIN_SPAN_DAYS)
    assert zoomed.to_time(250.0) == pytest.approx(anchor_time)


def test_zoom_out_stops_at_sixty_years() -> None:
    far_out = full_view().zoomed(1e-6)
    assert far_out.span == pytest.approx(MAX_SPAN_DAYS)


def _within_limits(scale: TimeScale) -> bool:
    lo, hi = LIMITS.padded(scale.span)  # type: ignore[misc]
    eps = 1e-6
    inside = scale.t0 >= lo - eps and scale.t1 <= hi + eps
    around = scale.t0 <= lo + eps and scale.t1 >= hi - eps
    return MIN_SPAN_DAYS - eps <= scale.span <= MAX_SPAN_DAYS + eps and (inside or around)


operations = st.lists(
    st.one_of(
        st.tuples(st.just("zoom"), st.floats(0.05, 20.0), st.floats(0.0, 1400.0)),
        st.tuples(st.just("pan"), st.floats(-1e5, 1e5), st.just(0.0)),
    ),
    max_size=25,
)


@given(ops=operations)
def test_no_zoom_or_pan_loses_the_data(ops: list[tuple[str, float, float]]) -> None:
    scale = full_view()
    for op, amount, anchor in ops:
        scale = scale.zoomed(amount, anchor) if op == "zoom" else scale.panned(amount)
        assert _within_limits(scale), (op, amount, scale)


def test_panning_far_right_stops_part_of_a_window_past_the_data() -> None:
    year = TimeScale(D1999 + 3000, D1999 + 3365, 1000.0, LIMITS)
    moved = year.panned(1e7)
    assert moved.span == pytest.approx(365.0)
    assert moved.t1 == pytest.approx(D2026 + LIMITS.overscroll * 365.0)
    assert 0 < LIMITS.overscroll < 0.5, "some data always stays on screen"


def test_a_fit_with_a_wide_label_margin_is_not_pushed_about() -> None:
    first, last = D1999 + 90, D2026 - 200
    fitted = full_view(1000.0).fitted(first, last, margin=16.0, right_margin=300.0)
    assert fitted.to_px(first) == pytest.approx(16.0)
    assert fitted.to_px(last) == pytest.approx(700.0)


def test_pan_moves_by_pixels_and_keeps_the_span() -> None:
    scale = TimeScale(D1999 + 3000, D1999 + 3100, 1000.0, LIMITS)
    moved = scale.panned(250.0)
    assert moved.t0 == pytest.approx(scale.t0 + 25.0)
    assert moved.span == pytest.approx(scale.span)


def test_fit_puts_the_data_between_the_margins() -> None:
    first, last = D1999 + 90, D2026 - 200
    fitted = full_view(1000.0).fitted(first, last, margin=20.0, right_margin=200.0)
    assert fitted.to_px(first) == pytest.approx(20.0)
    assert fitted.to_px(last) == pytest.approx(800.0)


def test_fitting_a_single_day_centres_it_at_the_smallest_span() -> None:
    day = D1999 + 1000
    fitted = full_view().fitted(day, day + 1, margin=20.0)
    assert fitted.span == pytest.approx(MIN_SPAN_DAYS)
    assert fitted.to_px(day + 0.5) == pytest.approx(700.0)


def test_a_resize_keeps_the_window() -> None:
    scale = full_view().with_width(700.0)
    assert (scale.t0, scale.t1, scale.width_px) == (D1999, D2026, 700.0)


def test_with_range_clamps_to_the_limits() -> None:
    scale = full_view().with_range(D1999 + 10, D1999 + 10.5)
    assert scale.span == pytest.approx(MIN_SPAN_DAYS)


def test_padded_domain_pads_at_least_a_month() -> None:
    assert padded_domain(100.0, 101.0) == (69.0, 132.0)
    lo, hi = padded_domain(0.0, 1000.0)
    assert (lo, hi) == (-40.0, 1040.0)


def test_setting_a_window_inside_the_limits_keeps_it_exactly() -> None:
    """An edit puts the shown window back as it was: not even one ulp of drift, which
    recentring (centre - span / 2, centre + span / 2) used to give."""
    limits = ScaleLimits(min_span=2.0, max_span=21914.55, domain=(730098.0, 739322.0))
    scale = TimeScale(729769.5988276076, 741007.7178539516, 547.53125, limits)
    kept = scale.with_range(729832.800385219, 740996.5646379025)
    assert (kept.t0, kept.t1) == (729832.800385219, 740996.5646379025)
