"""Window queries over sorted events: counts, slices, stepping through time."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_app.domain.model import LANES, Event, Lane
from briefing_app.geometry.index import EventIndex
from tests.geometry.event_builders import between, in_month, in_year, on_day, ordinal

BASE = date(2020, 1, 1)


@st.composite
def event_sets(draw: st.DrawFn) -> list[Event]:
    n = draw(st.integers(0, 60))
    events = []
    for i in range(n):
        start = BASE + timedelta(days=draw(st.integers(0, 400)))
        lane = draw(st.sampled_from(LANES))
        kind = draw(st.sampled_from(["day", "month", "year", "range"]))
        if kind == "day":
            events.append(on_day(f"e{i}", start, lane))
        elif kind == "month":
            events.append(in_month(f"e{i}", start.year, start.month, lane))
        elif kind == "year":
            events.append(in_year(f"e{i}", start.year, lane))
        else:
            length = draw(st.integers(1, 200))
            events.append(between(f"e{i}", start, start + timedelta(days=length), lane))
    return events


def brute_overlapping(
    index: EventIndex, events: list[Event], lane: Lane, t0: float, t1: float
) -> set[str]:
    found = set()
    for e in events:
        entry = index.get(e.id)
        assert entry is not None
        if e.lane is lane and entry.start < t1 and entry.end > t0 and index.is_shown(e.id):
            found.add(e.id)
    return found


windows = st.tuples(st.integers(-50, 800), st.integers(1, 500))


@settings(max_examples=150)
@given(events=event_sets(), window=windows, lane=st.sampled_from(LANES), data=st.data())
def test_counts_and_slices_match_a_brute_force_scan(
    events: list[Event],
    window: tuple[int, int],
    lane: Lane,
    data: st.DataObject,
) -> None:
    hidden = data.draw(st.sets(st.sampled_from([e.id for e in events]))) if events else set()
    index = EventIndex(events).with_hidden(hidden)
    t0 = ordinal(BASE) + window[0]
    t1 = t0 + window[1]
    expected = brute_overlapping(index, events, lane, t0, t1)
    found = [e.id for e in index.visible(lane, t0, t1)]
    assert len(found) == len(expected)
    assert set(found) == expected
    assert not hidden & set(found)
    lo, hi = index.positions(lane, (t0, t1))
    starting = [
        e.id
        for e in events
        if e.lane is lane and index.is_shown(e.id) and t0 <= index.get(e.id).start < t1  # type: ignore[union-attr]
    ]
    assert index.shown_between(lane, lo, hi) == len(starting)


@given(events=event_sets(), at=st.integers(-10, 700))
def test_crossing_finds_exactly_the_events_running_at_a_time(events: list[Event], at: int) -> None:
    index = EventIndex(events)
    t = ordinal(BASE) + at + 0.25
    for lane in LANES:
        got = {e.id for e in index.crossing(lane, t)}
        want = {
            e.id
            for e in events
            if e.lane is lane and index.get(e.id).start < t < index.get(e.id).end
        }  # type: ignore[union-attr]
        assert got == want


def test_kinds_and_spans_follow_the_dates() -> None:
    index = EventIndex(
        [
            on_day("d", date(2021, 11, 3)),
            in_month("m", 2021, 11),
            in_year("y", 2008),
            between("r", date(2022, 2, 24), date(2022, 3, 2)),
        ]
    )
    day, month, year, rng = (index.get(i) for i in "dmyr")
    assert day is not None and (day.kind, day.end - day.start) == ("point", 1.0)
    assert month is not None and (month.kind, month.end - month.start) == ("band", 30.0)
    assert year is not None and (year.kind, year.end - year.start) == ("band", 366.0)
    assert rng is not None and (rng.kind, rng.end - rng.start) == ("range", 7.0)


def test_long_ranges_are_found_from_far_back() -> None:
    decade = between("long", date(2000, 1, 1), date(2010, 1, 1))
    index = EventIndex([decade, on_day("short", date(2005, 1, 1))])
    found = index.visible(Lane.EU, ordinal(date(2009, 6, 1)), ordinal(date(2009, 6, 2)))
    assert [e.id for e in found] == ["long"]


def test_positions_and_shown_counts_skip_hidden_events() -> None:
    events = [on_day(f"e{i}", BASE + timedelta(days=i)) for i in range(10)]
    index = EventIndex(events).with_hidden({"e2", "e3"})
    lo, hi = index.positions(Lane.EU, (ordinal(BASE), ordinal(BASE) + 5))
    assert (lo, hi) == (0, 5)
    assert index.shown_between(Lane.EU, lo, hi) == 3
    assert [e.id for e in index.entries(Lane.EU, lo, hi)] == ["e0", "e1", "e4"]
    assert index.shown_extent(Lane.EU, 2, 4) is None


def test_stepping_goes_through_time_across_shown_lanes() -> None:
    events = [
        on_day("b", date(2020, 1, 2), Lane.NATO),
        on_day("a", date(2020, 1, 1), Lane.EU),
        on_day("c", date(2020, 1, 3), Lane.RUSSIA),
        on_day("d", date(2020, 1, 4), Lane.EU),
    ]
    index = EventIndex(events)
    step = index.step_from
    assert step("a", 1).id == "b"  # type: ignore[union-attr]
    assert step("b", 1).id == "c"  # type: ignore[union-attr]
    assert step("d", -1).id == "c"  # type: ignore[union-attr]
    assert step("d", 1) is None
    assert step("a", 1, {Lane.EU}).id == "d"  # type: ignore[union-attr]
    assert index.with_hidden({"b"}).step_from("a", 1).id == "c"  # type: ignore[union-attr]
    assert index.first_from(ordinal(date(2020, 1, 2))).id == "b"  # type: ignore[union-attr]
    assert index.last_before(ordinal(date(2020, 1, 3))).id == "b"  # type: ignore[union-attr]


def test_shown_span_covers_shown_lanes_only() -> None:
    index = EventIndex(
        [
            on_day("a", date(2001, 1, 1), Lane.EU),
            between("b", date(2002, 1, 1), date(2003, 1, 1), Lane.NATO),
            on_day("c", date(2010, 1, 1), Lane.US),
        ]
    )
    assert index.shown_span() == (ordinal(date(2001, 1, 1)), ordinal(date(2010, 1, 2)))
    assert index.shown_span({Lane.NATO}) == (ordinal(date(2002, 1, 1)), ordinal(date(2003, 1, 2)))
    assert index.with_hidden({"c"}).shown_span() == (
        ordinal(date(2001, 1, 1)),
        ordinal(date(2003, 1, 2)),
    )
    assert EventIndex().shown_span() is None


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(ValueError, match="unique"):
        EventIndex([on_day("x", BASE), on_day("x", BASE + timedelta(days=1))])


def test_time_order_is_start_then_end_then_id_whatever_the_input_order() -> None:
    day = date(2020, 1, 1)
    events = [
        between("a-long", day, day + timedelta(days=3), Lane.US),  # by id it would come first
        on_day("b", day, Lane.EU),
        on_day("a", day, Lane.NATO),
        on_day("c", day - timedelta(days=1), Lane.UKRAINE),
    ]
    expected = ["c", "a", "b", "a-long"]
    for given_order in (events, events[::-1]):
        index = EventIndex(given_order)
        walked = [index.first_from(float("-inf"))]
        while (nxt := index.step_from(walked[-1].id, 1)) is not None:  # type: ignore[union-attr]
            walked.append(nxt)
        assert [e.id for e in walked] == expected  # type: ignore[union-attr]
        assert [index.get(i).rank for i in expected] == [0, 1, 2, 3]  # type: ignore[union-attr]


def test_events_sharing_one_date_object_get_their_own_entries() -> None:
    shared = on_day("a", date(2021, 5, 5), Lane.EU).when
    events = [
        Event(id=f"e{i}", title="t", when=shared, lane=lane) for i, lane in enumerate(LANES)
    ] + [in_month("m", 2021, 5, Lane.EU)]
    index = EventIndex(events)
    t = float(ordinal(date(2021, 5, 5)))
    for i, lane in enumerate(LANES):
        entry = index.get(f"e{i}")
        assert entry is not None and (entry.start, entry.end, entry.kind) == (t, t + 1, "point")
        assert [e.id for e in index.visible(lane, t, t + 1) if e.id != "m"] == [f"e{i}"]
    month = index.get("m")
    assert month is not None and month.kind == "band" and month.end - month.start == 31
