"""The timeline widget as a briefer uses it: wheel, keys, clicks, clusters, lanes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from briefing_app.domain.model import Event, Lane
from briefing_app.geometry.index import EventIndex
from briefing_app.ui.timeline.overview_strip import OverviewStrip
from briefing_app.ui.timeline.timeline_view import TimelineView
from tests.geometry.event_builders import between, crowded_week, in_month, on_day, ordinal

WEEK = date(2021, 6, 7)


def spread_events() -> list[Event]:
    """A dozen events from 1999 to 2025 across lanes, one of each kind."""
    return [
        on_day("nato99", date(1999, 3, 12), Lane.NATO, "Three states join NATO"),
        on_day("eu99", date(1999, 6, 4), Lane.EU, "Cologne Council"),
        on_day("us03", date(2003, 3, 20), Lane.US, "Iraq"),
        between("ru08", date(2008, 8, 7), date(2008, 8, 12), Lane.RUSSIA),
        on_day("eu09", date(2009, 12, 1), Lane.EU, "Lisbon Treaty"),
        on_day("ua13", date(2013, 11, 21), Lane.UKRAINE, "Maidan"),
        on_day("nato14", date(2014, 9, 5), Lane.NATO, "Wales summit"),
        on_day("eu17", date(2017, 12, 11), Lane.EU, "PESCO"),
        in_month("ru21", 2021, 11, Lane.RUSSIA, "Build-up"),
        on_day("ua22", date(2022, 2, 24), Lane.UKRAINE, "Invasion"),
        on_day("nato23", date(2023, 4, 4), Lane.NATO, "Finland joins"),
        on_day("other25", date(2025, 3, 2), Lane.OTHER, "London summit"),
    ]


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[TimelineView]:
    widget = TimelineView()
    qtbot.addWidget(widget)
    widget.resize(1300, 560)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_events(spread_events())
    yield widget


def centre(widget: TimelineView, event_id: str) -> QPoint:
    rect = widget.visible_marks()[event_id]
    return rect.center().toPoint()


def send_wheel(widget: TimelineView, x: float, notches: float) -> None:
    pos = QPointF(x, 200.0)
    event = QWheelEvent(
        pos,
        widget.mapToGlobal(pos),
        QPoint(0, 0),
        QPoint(0, round(120 * notches)),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_wheel_zooms_around_the_cursor(view: TimelineView) -> None:
    x = 800.0
    before_time, before = view.time_at(x), view.visible_range()
    with_signal_span = before[1] - before[0]
    send_wheel(view, x, 2)
    t0, t1 = view.visible_range()
    assert t1 - t0 < with_signal_span * 0.8
    assert view.time_at(x) == pytest.approx(before_time, abs=1e-6)
    send_wheel(view, x, -1)
    assert view.time_at(x) == pytest.approx(before_time, abs=1e-6)


def test_fit_all_shows_every_event(view: TimelineView) -> None:
    view.set_visible_range(ordinal(date(2010, 1, 1)), ordinal(date(2010, 2, 1)))
    view.fit_all()
    t0, t1 = view.visible_range()
    for event in spread_events():
        assert t0 <= ordinal(event.when.first_day) and ordinal(event.when.last_day) < t1
    drawn = len(view.visible_marks()) + sum(count for _, count in view.visible_clusters())
    assert drawn == len(spread_events())


def test_new_data_keeps_the_window_the_user_chose(view: TimelineView) -> None:
    view.set_visible_range(ordinal(date(2008, 1, 1)), ordinal(date(2009, 1, 1)))
    chosen = view.visible_range()
    view.set_events([*spread_events(), on_day("new", date(2008, 5, 1), Lane.EU)])
    assert view.visible_range() == pytest.approx(chosen)
    assert "new" in view.visible_marks()
    view.fit_all()
    view.set_events(spread_events()[:4])
    assert view.visible_range()[1] < ordinal(date(2012, 1, 1)), "a fitted view fits again"


def test_right_arrow_selects_the_next_event_in_time(view: TimelineView, qtbot: QtBot) -> None:
    view.select_event("us03")
    view.setFocus()
    with qtbot.waitSignal(view.eventSelected) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert blocker.args == ["ru08"]
    with qtbot.waitSignal(view.eventSelected) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Left)
    assert blocker.args == ["us03"]
    assert view.selected_id() == "us03"


def test_stepping_keeps_the_event_in_view(view: TimelineView, qtbot: QtBot) -> None:
    view.set_visible_range(ordinal(date(2003, 1, 1)), ordinal(date(2003, 6, 1)))
    view.select_event("us03")
    with qtbot.waitSignal(view.eventSelected):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    t0, t1 = view.visible_range()
    assert t0 < ordinal(date(2008, 8, 7)) < t1
    assert t1 - t0 == pytest.approx(ordinal(date(2003, 6, 1)) - ordinal(date(2003, 1, 1)))


def test_tab_steps_too_and_leaves_at_the_end(view: TimelineView, qtbot: QtBot) -> None:
    view.select_event("nato23")
    view.setFocus()
    with qtbot.waitSignal(view.eventSelected) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert blocker.args == ["other25"]
    with qtbot.assertNotEmitted(view.eventSelected):
        qtbot.keyClick(view, Qt.Key.Key_Tab)


def test_clicking_a_marker_selects_it(view: TimelineView, qtbot: QtBot) -> None:
    with qtbot.waitSignal(view.eventSelected) as blocker:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=centre(view, "eu09"))
    assert blocker.args == ["eu09"]


def test_enter_and_double_click_activate(view: TimelineView, qtbot: QtBot) -> None:
    view.select_event("ua13")
    with qtbot.waitSignal(view.eventActivated) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == ["ua13"]
    with qtbot.waitSignal(view.eventActivated) as blocker:
        qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=centre(view, "eu17"))
    assert blocker.args == ["eu17"]


def test_context_menu_on_an_event(view: TimelineView, qtbot: QtBot) -> None:
    where = centre(view, "nato14")
    menu = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, view.mapToGlobal(where))
    with qtbot.waitSignal(view.contextMenuRequestedForEvent) as blocker:
        QApplication.sendEvent(view, menu)
    assert blocker.args == ["nato14", view.mapToGlobal(where)]


def test_hiding_a_lane_removes_its_marks(view: TimelineView) -> None:
    assert {"nato99", "nato14", "nato23"} <= view.visible_marks().keys()
    view.set_lane_visible(Lane.NATO, False)
    assert not {"nato99", "nato14", "nato23"} & view.visible_marks().keys()
    assert "eu09" in view.visible_marks()


def test_filtered_out_events_disappear(view: TimelineView) -> None:
    view.set_hidden_ids({"eu09", "ua22"})
    assert not {"eu09", "ua22"} & view.visible_marks().keys()
    view.set_hidden_ids(set())
    assert {"eu09", "ua22"} <= view.visible_marks().keys()


def test_a_crowded_week_clusters_then_separates(view: TimelineView) -> None:
    view.set_events([*spread_events(), *crowded_week(WEEK, 100, Lane.US)])
    counts = [count for _, count in view.visible_clusters()]
    assert 100 in counts
    view.set_visible_range(ordinal(WEEK), ordinal(WEEK + timedelta(days=7)))
    counts = [count for _, count in view.visible_clusters()]
    assert 100 not in counts
    assert len(counts) + len(view.visible_marks()) > 1


def test_clicking_a_cluster_zooms_into_it(view: TimelineView, qtbot: QtBot) -> None:
    view.set_events([*spread_events(), *crowded_week(WEEK, 100, Lane.US)])
    rect = next(r for r, count in view.visible_clusters() if count == 100)
    span_before = view.visible_range()[1] - view.visible_range()[0]
    with qtbot.waitSignal(view.visibleRangeChanged) as blocker:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    t0, t1 = blocker.args
    assert t1 - t0 < span_before / 100
    assert t0 <= ordinal(WEEK) and ordinal(WEEK + timedelta(days=7)) <= t1


def test_dragging_pans_by_the_distance_dragged(view: TimelineView, qtbot: QtBot) -> None:
    view.set_visible_range(ordinal(date(2010, 1, 1)), ordinal(date(2012, 1, 1)))
    t0, t1 = view.visible_range()
    days_per_px = (t1 - t0) / (view.x_of(t1) - view.x_of(t0))
    start, end = QPoint(700, 300), QPoint(600, 300)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view, QPoint(650, 300))
    qtbot.mouseMove(view, end)
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=end)
    assert view.visible_range()[0] == pytest.approx(t0 + 100 * days_per_px)


def test_keys_zoom_and_fit(view: TimelineView, qtbot: QtBot) -> None:
    fitted = view.visible_range()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    zoomed = view.visible_range()
    assert zoomed[1] - zoomed[0] == pytest.approx((fitted[1] - fitted[0]) / 1.5)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.visible_range()[1] - view.visible_range()[0] > fitted[1] - fitted[0]
    qtbot.keyClick(view, Qt.Key.Key_0)
    assert view.visible_range() == pytest.approx(fitted)
    t0 = view.visible_range()[0]
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.visible_range()[0] > t0


def test_keyboard_zoom_keeps_the_selected_event_where_it_is(
    view: TimelineView,
    qtbot: QtBot,
) -> None:
    view.select_event("us03")
    x = view.x_of(ordinal(date(2003, 3, 20)) + 0.5)
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.x_of(ordinal(date(2003, 3, 20)) + 0.5) == pytest.approx(x)
    assert "us03" in view.visible_marks()


def test_pinch_zooms(view: TimelineView) -> None:
    from PySide6.QtGui import QNativeGestureEvent, QPointingDevice

    span = view.visible_range()[1] - view.visible_range()[0]
    pos = QPointF(600, 200)
    pinch = QNativeGestureEvent(
        Qt.NativeGestureType.ZoomNativeGesture,
        QPointingDevice.primaryPointingDevice(),
        2,
        pos,
        pos,
        view.mapToGlobal(pos),
        0.5,
        QPointF(0, 0),
    )
    QApplication.sendEvent(view, pinch)
    assert view.visible_range()[1] - view.visible_range()[0] == pytest.approx(span / 1.5)


def test_the_view_says_which_range_it_shows(view: TimelineView, qtbot: QtBot) -> None:
    with qtbot.waitSignal(view.visibleRangeChanged) as blocker:
        view.zoom_by(2.0)
    assert tuple(blocker.args) == pytest.approx(view.visible_range())


def test_focus_and_accessibility(view: TimelineView) -> None:
    assert view.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert view.accessibleName()


def test_a_tooltip_tells_date_title_and_lane(view: TimelineView, qtbot: QtBot) -> None:
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    where = centre(view, "ru21")
    QApplication.sendEvent(view, QHelpEvent(QEvent.Type.ToolTip, where, view.mapToGlobal(where)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert "Nov 2021" in QToolTip.text() and "Build-up" in QToolTip.text()
    assert "Russia" in QToolTip.text()
    QToolTip.hideText()


def test_it_paints_a_large_chronology_at_any_zoom(qtbot: QtBot) -> None:
    from briefing_app.geometry.bench import synthetic_events

    widget = TimelineView()
    qtbot.addWidget(widget)
    widget.resize(1400, 560)
    widget.set_events(synthetic_events(20_000))
    image = QImage(widget.size(), QImage.Format.Format_ARGB32_Premultiplied)
    for span in ((1999, 2026), (2021, 2022)):
        widget.set_visible_range(ordinal(date(span[0], 1, 1)), ordinal(date(span[1], 1, 1)))
        image.fill(Qt.GlobalColor.black)
        widget.render(image)
        assert image.pixelColor(image.width() - 20, image.height() - 20).lightness() > 200
    assert widget.visible_clusters()


def test_repainting_the_same_window_measures_the_axis_once(
    view: TimelineView, monkeypatch: pytest.MonkeyPatch
) -> None:
    import briefing_app.ui.timeline.timeline_view as timeline_view

    calls: list[float] = []
    measure = timeline_view.axis_ticks

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1.0)
        return measure(*args, **kwargs)

    monkeypatch.setattr(timeline_view, "axis_ticks", counting)
    image = QImage(view.size(), QImage.Format.Format_ARGB32_Premultiplied)
    view.zoom_by(1.5)
    for _ in range(3):  # hover, focus, selection: the window stays
        view.render(image)
    assert len(calls) == 1
    view.zoom_by(1.5)
    view.render(image)
    assert len(calls) == 2


def test_the_lane_names_follow_the_font(view: TimelineView) -> None:
    small = view.x_of(view.visible_range()[0])
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    view.setFont(font)
    assert view.x_of(view.visible_range()[0]) > small + 20


def test_overview_strip_drags_and_centres(qtbot: QtBot) -> None:
    strip = OverviewStrip()
    qtbot.addWidget(strip)
    strip.resize(1000, 60)
    strip.show()
    qtbot.waitExposed(strip)
    strip.set_index(EventIndex(spread_events()))
    t0, t1 = ordinal(date(2010, 1, 1)), ordinal(date(2012, 1, 1))
    strip.set_window(t0, t1)
    with qtbot.waitSignal(strip.rangeRequested) as blocker:
        qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(100, 30))
    a, b = blocker.args
    assert b - a == pytest.approx(t1 - t0) and a < t0
    box_x = 100  # the click centred the box here
    qtbot.mousePress(strip, Qt.MouseButton.LeftButton, pos=QPoint(box_x, 30))
    with qtbot.waitSignal(strip.rangeRequested) as blocker:
        qtbot.mouseMove(strip, QPoint(box_x + 50, 30))
    qtbot.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=QPoint(box_x + 50, 30))
    assert blocker.args[0] > a


def test_a_selected_event_stands_alone_in_a_crowded_week(qtbot: QtBot) -> None:
    widget = TimelineView()
    qtbot.addWidget(widget)
    widget.resize(1000, 500)
    widget.show()
    widget.set_events([*crowded_week(WEEK, 100), on_day("far", date(2001, 1, 1), Lane.NATO)])
    assert list(widget.visible_marks()) == ["far"]
    assert [n for _, n in widget.visible_clusters()] == [100]
    widget.select_event("w042")
    assert "w042" in widget.visible_marks()
    assert [n for _, n in widget.visible_clusters()] == [99]
    widget.select_event(None)
    assert "w042" not in widget.visible_marks()
    assert [n for _, n in widget.visible_clusters()] == [100]


def test_a_label_with_free_room_after_it_is_not_cut(qtbot: QtBot) -> None:
    long_title = "First seventeen PESCO projects adopted by the Council after a long wait"
    widget = TimelineView()
    qtbot.addWidget(widget)
    widget.resize(1300, 500)
    widget.show()
    widget.set_events(
        [
            on_day("a", date(2017, 12, 11), Lane.EU, long_title),
            on_day("b", date(2018, 6, 1), Lane.EU, "Later"),
        ]
    )
    widget.set_visible_range(ordinal(date(2017, 12, 1)), ordinal(date(2017, 12, 15)))
    layout, _ = widget._layout()
    [mark] = [m for m in layout.marks if m.event_id == "a"]
    assert mark.label == long_title


def test_space_expands_the_cluster_beside_the_selection(view: TimelineView, qtbot: QtBot) -> None:
    week = [on_day(f"k{i}", WEEK + timedelta(days=i), Lane.US, f"Talks day {i}") for i in range(5)]
    view.set_events([*spread_events(), *week])
    view.fit_all()
    assert 5 in [count for _, count in view.visible_clusters()]
    view.select_event("us03")
    view.setFocus()
    with qtbot.waitSignal(view.eventSelected) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Space)
    assert blocker.args == ["k0"]
    assert view.selected_id() == "k0"
    assert {f"k{i}" for i in range(5)} <= view.visible_marks().keys()
    assert not view.visible_clusters()
    t0, t1 = view.visible_range()
    assert t0 < ordinal(WEEK) and ordinal(WEEK + timedelta(days=5)) < t1


def test_space_with_no_cluster_in_view_changes_nothing(view: TimelineView, qtbot: QtBot) -> None:
    view.set_visible_range(ordinal(date(2009, 1, 1)), ordinal(date(2010, 1, 1)))
    view.select_event("eu09")
    before = view.visible_range()
    assert not view.visible_clusters()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.visible_range() == before and view.selected_id() == "eu09"
