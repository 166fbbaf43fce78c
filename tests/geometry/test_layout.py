"""Laying out a window: rows that never collide, clusters that split as you zoom."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_app.domain.model import LANES, Event, Lane
from briefing_app.geometry.bench import approximate_measure, synthetic_events
from briefing_app.geometry.index import EventIndex
from briefing_app.geometry.layout import LayoutStyle, layout_timeline
from briefing_app.geometry.marks import Rect, TimelineLayout
from briefing_app.geometry.timescale import TimeScale
from tests.geometry.event_builders import between, crowded_week, in_month, on_day, ordinal
from tests.geometry.test_index import event_sets

FULL = TimeScale(ordinal(date(1999, 1, 1)), ordinal(date(2026, 1, 1)), 1400.0)
WEEK = date(2021, 6, 7)


def layout(
    events: list[Event], scale: TimeScale, lanes: tuple[Lane, ...] = LANES, **kwargs: object
) -> TimelineLayout:
    return layout_timeline(EventIndex(events), scale, lanes, approximate_measure, **kwargs)  # type: ignore[arg-type]


def window(first: date, last: date, width: float = 1400.0) -> TimeScale:
    return TimeScale(ordinal(first), ordinal(last), width)


def assert_no_collisions(result: TimelineLayout) -> None:
    """Within each lane row, drawn extents (marks with labels, clusters) are disjoint."""
    rows: dict[tuple[Lane, int], list[Rect]] = {}
    for item in (*result.marks, *result.clusters):
        rows.setdefault((item.lane, item.row), []).append(item.extent)
    for extents in rows.values():
        extents.sort(key=lambda r: r.x)
        for a, b in itertools.pairwise(extents):
            assert a.right <= b.x, (a, b)
    for box in result.lanes:
        lane_items = [m for m in (*result.marks, *result.clusters) if m.lane is box.lane]
        for item in lane_items:
            assert box.y0 <= item.extent.y and item.extent.bottom <= box.y1
            assert 0 <= item.row < box.rows


def accounted(result: TimelineLayout) -> int:
    return len(result.marks) + sum(c.count for c in result.clusters)


@settings(max_examples=120, deadline=None)
@given(
    events=event_sets(),
    first=st.integers(-30, 300),
    span=st.floats(2.0, 500.0),
    lane_height=st.floats(30.0, 140.0),
    widen=st.booleans(),
)
def test_row_packing_never_overlaps_labels(
    events: list[Event],
    first: int,
    span: float,
    lane_height: float,
    widen: bool,
) -> None:
    t0 = ordinal(date(2020, 1, 1)) + first
    style = LayoutStyle(widen_labels_px=500.0 if widen else 0.0)
    result = layout(events, TimeScale(t0, t0 + span, 900.0), lane_height=lane_height, style=style)
    assert_no_collisions(result)
    if widen:  # same packing; a label only grows, and a grown one stays on the page
        plain = {m.event_id: m for m in layout(events, result.scale, lane_height=lane_height).marks}
        assert plain.keys() == {m.event_id for m in result.marks}
        for m in result.marks:
            before = plain[m.event_id]
            assert m.row == before.row and m.label_rect.w >= before.label_rect.w
            if m.label_rect.w > before.label_rect.w:
                assert m.label_rect.right <= 900.0


def test_a_crowded_week_is_one_cluster_at_full_view_and_splits_in_that_week() -> None:
    events = crowded_week(WEEK, 100)
    full = layout(events, FULL)
    assert full.marks == ()
    assert [c.count for c in full.clusters] == [100]
    assert full.clusters[0].lane is Lane.NATO
    zoomed = layout(events, window(WEEK, WEEK + timedelta(days=7)))
    assert len(zoomed.clusters) + len(zoomed.marks) > 1
    assert accounted(zoomed) == 100
    assert_no_collisions(zoomed)


def test_a_dense_fortnight_separates_into_labelled_events_when_zoomed_to() -> None:
    events = [on_day(f"d{i}", WEEK + timedelta(days=i), Lane.EU) for i in range(10)]
    assert layout(events, FULL).marks == ()
    zoomed = layout(events, window(WEEK - timedelta(days=1), WEEK + timedelta(days=11)))
    assert zoomed.clusters == ()
    assert sorted(m.event_id for m in zoomed.marks) == sorted(e.id for e in events)


def test_everything_in_view_is_drawn_or_counted() -> None:
    events = synthetic_events(3000, seed=3)
    inside = [e for e in events if e.when.first_day >= date(1999, 2, 1)]
    assert accounted(layout(inside, FULL)) == len(inside)


def test_clusters_cover_their_events() -> None:
    events = crowded_week(WEEK, 40)
    (cluster,) = layout(events, FULL).clusters
    assert cluster.t0 == ordinal(WEEK)
    assert cluster.t1 == ordinal(WEEK + timedelta(days=7))
    assert cluster.label == "40"


def test_a_month_is_a_band_over_the_whole_month_labelled_with_the_month() -> None:
    scale = window(date(2021, 9, 1), date(2022, 1, 1))
    (mark,) = layout([in_month("m", 2021, 11, title="Troop build-up")], scale).marks
    assert mark.kind == "band"
    assert mark.label == "Nov 2021 · Troop build-up"
    assert mark.x0 == pytest.approx(scale.to_px(ordinal(date(2021, 11, 1))))
    assert mark.x1 == pytest.approx(scale.to_px(ordinal(date(2021, 12, 1))))


def test_a_day_is_a_point_in_the_middle_of_its_day() -> None:
    scale = window(date(2022, 2, 20), date(2022, 2, 28))
    (mark,) = layout([on_day("p", date(2022, 2, 24), title="Invasion")], scale).marks
    assert mark.kind == "point" and mark.x0 == mark.x1
    assert mark.x0 == pytest.approx(scale.to_px(ordinal(date(2022, 2, 24)) + 0.5))
    assert mark.label == "Invasion"
    assert mark.label_rect.x > mark.body.right


def test_a_range_is_a_bar_with_its_label_inside_when_it_fits() -> None:
    scale = window(date(2008, 7, 1), date(2008, 9, 1))
    (mark,) = layout([between("r", date(2008, 8, 7), date(2008, 8, 30))], scale).marks
    assert mark.kind == "range"
    assert mark.body.x <= mark.label_rect.x and mark.label_rect.right <= mark.body.right
    (short,) = layout([between("r", date(2008, 8, 7), date(2008, 8, 8))], scale).marks
    assert short.label_rect.x >= short.body.right


def test_a_badge_gets_room_before_the_label() -> None:
    scale = window(date(2022, 2, 20), date(2022, 2, 28))
    plain = layout([on_day("p", date(2022, 2, 24))], scale).marks[0]
    noted = layout([on_day("p", date(2022, 2, 24), annotation_count=2)], scale).marks[0]
    flagged = layout([on_day("p", date(2022, 2, 24), flagged=True)], scale).marks[0]
    assert plain.badge is None
    for mark in (noted, flagged):
        assert mark.badge is not None
        assert mark.body.right <= mark.badge.x and mark.badge.right < mark.label_rect.x
        assert mark.label_rect.x > plain.label_rect.x


def test_long_titles_are_cut_to_the_budget() -> None:
    scale = window(date(2022, 2, 1), date(2022, 3, 1))
    title = "A very long title about a summit that goes on and on " * 3
    (mark,) = layout(
        [on_day("p", date(2022, 2, 10), title=title)], scale, label_px_budget=120.0
    ).marks
    assert mark.label.endswith("…") and mark.label_rect.w <= 120.0


def test_cut_titles_run_on_into_free_room_when_the_style_allows() -> None:
    scale = window(date(2022, 2, 1), date(2022, 3, 1))
    title = "The Strategic Compass is adopted and endorsed by the European Council"
    alone = [on_day("p", date(2022, 2, 3), title=title)]
    wide = LayoutStyle(widen_labels_px=1000.0)
    (cut,) = layout(alone, scale, (Lane.EU,), label_px_budget=120.0).marks
    (full,) = layout(alone, scale, (Lane.EU,), label_px_budget=120.0, style=wide).marks
    assert cut.label.endswith("…") and full.label == title
    # With a neighbour in the only row, the title stops short of it.
    crowded = [*alone, on_day("q", date(2022, 2, 12), title="Next")]
    result = layout(crowded, scale, (Lane.EU,), label_px_budget=120.0, lane_height=30.0, style=wide)
    first, nxt = sorted(result.marks, key=lambda m: m.x0)
    assert first.row == nxt.row and first.label.endswith("…")
    assert cut.label_rect.w < first.label_rect.w and first.label_rect.right <= nxt.extent.x


def test_hidden_events_and_hidden_lanes_are_left_out() -> None:
    events = [
        on_day("eu", date(2020, 5, 1), Lane.EU),
        on_day("us", date(2020, 5, 1), Lane.US),
        on_day("gone", date(2020, 5, 2), Lane.EU),
    ]
    index = EventIndex(events).with_hidden({"gone"})
    result = layout_timeline(
        index, window(date(2020, 4, 1), date(2020, 6, 1)), (Lane.EU,), approximate_measure
    )
    assert [m.event_id for m in result.marks] == ["eu"]
    assert [box.lane for box in result.lanes] == [Lane.EU]


def test_lanes_stack_from_the_top_with_rows_from_their_height() -> None:
    result = layout([], FULL, (Lane.EU, Lane.NATO), top=40.0, lane_height=80.0)
    assert [(b.y0, b.y1) for b in result.lanes] == [(40.0, 120.0), (120.0, 200.0)]
    assert result.lanes[0].rows == LayoutStyle().rows_for(80.0) == 3


def test_work_follows_what_is_shown_not_how_many_events_exist() -> None:
    """At full view 20,000 events cost no more label measuring than 2,000."""
    measured: list[str] = []

    def counting(text: str) -> float:
        measured.append(text)
        return approximate_measure(text)

    for n in (2_000, 20_000):
        measured.clear()
        layout_timeline(EventIndex(synthetic_events(n)), FULL, LANES, counting)
        assert len(measured) < 1500, n


def _dense_runs_by_brute_force(
    counts: list[int], window: int, capacity: int
) -> list[tuple[int, int]]:
    n = len(counts)
    starts = range(max(n - window, 0) + 1)
    over = [i for i in starts if sum(counts[i : min(i + window, n)]) > capacity]
    covered = [any(i <= k < min(i + window, n) for i in over) for k in range(n)]
    runs: list[tuple[int, int]] = []
    k = 0
    while k < n:
        if not covered[k]:
            k += 1
            continue
        stretch = []
        while k < n and covered[k]:
            stretch.append(k)
            k += 1
        full = [b for b in stretch if counts[b]]
        if full:
            runs.append((full[0], full[-1] + 1))
    return runs


@given(
    counts=st.lists(st.integers(0, 6), max_size=60),
    window=st.integers(1, 8),
    capacity=st.integers(0, 12),
)
def test_dense_runs_match_a_brute_force_scan(counts: list[int], window: int, capacity: int) -> None:
    from briefing_app.geometry.layout import _dense_runs

    assert _dense_runs(counts, window, capacity) == _dense_runs_by_brute_force(
        counts, window, capacity
    )


@settings(max_examples=120, deadline=None)
@given(
    events=event_sets(),
    first=st.integers(-30, 300),
    span=st.floats(2.0, 500.0),
    lane_height=st.floats(30.0, 140.0),
    pick=st.integers(0, 10_000),
)
def test_the_selection_stands_alone_and_no_cluster_counts_one(
    events: list[Event], first: int, span: float, lane_height: float, pick: int
) -> None:
    t0 = ordinal(date(2020, 1, 1)) + first
    scale = TimeScale(t0, t0 + span, 900.0)
    plain = layout(events, scale, lane_height=lane_height)
    assert all(c.count > 1 for c in plain.clusters)
    if not events:
        return
    chosen = events[pick % len(events)]
    result = layout(events, scale, lane_height=lane_height, alone=chosen.id)
    assert_no_collisions(result)
    # A one-row lane may have to count a neighbour in a pill beside the selection.
    assert all(c.count > 1 for c in result.clusters if result.lanes[0].rows > 1)
    assert accounted(result) == accounted(plain)
    start, end = ordinal(chosen.when.first_day), ordinal(chosen.when.last_day) + 1
    in_view = start < t0 + span and end > t0
    if chosen.id in {m.event_id for m in plain.marks} or (
        in_view
        and any(c.lane is chosen.lane and c.t0 <= max(start, t0) < c.t1 for c in plain.clusters)
    ):
        assert chosen.id in {m.event_id for m in result.marks}


def test_a_selected_event_in_a_crowded_week_is_drawn_apart_from_its_cluster() -> None:
    events = crowded_week(WEEK, 100)
    full = layout(events, FULL, alone="w042")
    assert [m.event_id for m in full.marks] == ["w042"]
    assert [c.count for c in full.clusters] == [99]
    assert_no_collisions(full)
