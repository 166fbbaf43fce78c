"""The timeline as a screen reader and a keyboard user meet it: Qt's accessibility tree.

Run by ``test_timeline_accessible.py`` in a process of its own: PySide keeps
Python wrappers of the accessibility objects Qt deletes with their widgets, and
in one long process with many windows that has corrupted memory far from here."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from briefing_app.domain.model import Lane
from briefing_app.ui.timeline.timeline_view import TimelineView
from tests.geometry.event_builders import crowded_week, in_month, on_day
from tests.ui.timeline.test_timeline_view import spread_events


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[TimelineView]:
    widget = TimelineView()
    qtbot.addWidget(widget)
    widget.resize(1300, 560)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_events(spread_events())
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    yield widget


def tree(widget: TimelineView) -> QAccessible:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return iface


def children(widget: TimelineView) -> list:
    iface = tree(widget)
    return [iface.child(i) for i in range(iface.childCount())]


def names(widget: TimelineView) -> list[str]:
    return [c.text(QAccessible.Text.Name) for c in children(widget)]


def test_the_timeline_is_a_list_of_the_marks_in_view(view: TimelineView) -> None:
    iface = tree(view)
    assert iface.role() == QAccessible.Role.List
    assert iface.text(QAccessible.Text.Name) == "Timeline"
    shown = names(view)
    assert "Lisbon Treaty" in shown and "Invasion" in shown
    assert len(shown) == len(view.visible_marks()) + len(view.visible_clusters())
    for child in children(view):
        assert child.role() == QAccessible.Role.ListItem
        assert child.parent() is iface
        assert iface.indexOfChild(child) == children(view).index(child)


def test_each_mark_says_its_date_at_its_precision_and_its_lane(view: TimelineView) -> None:
    by_name = {c.text(QAccessible.Text.Name): c for c in children(view)}
    assert by_name["Lisbon Treaty"].text(QAccessible.Text.Description) == "1 Dec 2009, EU lane"
    month = by_name["Build-up"].text(QAccessible.Text.Description)
    assert month.startswith("Nov 2021,") and "Russia" in month


def test_moving_with_the_keyboard_moves_the_selected_and_focused_item(
    view: TimelineView, qtbot: QtBot
) -> None:
    qtbot.keyClick(view, Qt.Key.Key_Right)
    first = view.selected_id()
    assert first == "nato99"
    focused = tree(view).focusChild()
    assert focused is not None and focused.text(QAccessible.Text.Name) == "Three states join NATO"
    assert focused.state().selected and focused.state().focused
    qtbot.keyClick(view, Qt.Key.Key_Right)
    focused = tree(view).focusChild()
    assert focused.text(QAccessible.Text.Name) == "Cologne Council"
    selected = [c for c in children(view) if c.state().selected]
    assert [c.text(QAccessible.Text.Name) for c in selected] == ["Cologne Council"]


def test_up_and_down_move_between_lanes_to_the_nearest_event(
    view: TimelineView, qtbot: QtBot
) -> None:
    view.select_event("nato14")  # Wales summit, NATO lane, Sep 2014
    qtbot.keyClick(view, Qt.Key.Key_Down)
    below = view.selected_id()
    lanes = list(Lane)
    assert lanes.index(Lane.NATO) < lanes.index(view.shown_index.get(below).lane)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.selected_id() == "nato14"
    qtbot.keyClick(view, Qt.Key.Key_Up)
    above = view.shown_index.get(view.selected_id())
    assert lanes.index(above.lane) < lanes.index(Lane.NATO) or above.id == "nato14"


def test_up_picks_the_event_closest_in_time_not_the_lanes_first(qtbot: QtBot) -> None:
    widget = TimelineView()
    qtbot.addWidget(widget)
    widget.resize(1300, 560)
    widget.show()
    widget.set_events(
        [
            on_day("eu-early", date(2001, 1, 1), Lane.EU, "Early"),
            on_day("eu-near", date(2014, 9, 1), Lane.EU, "Near"),
            on_day("eu-late", date(2024, 1, 1), Lane.EU, "Late"),
            on_day("nato", date(2014, 9, 5), Lane.NATO, "Wales"),
        ]
    )
    widget.select_event("nato")
    upper, _ = sorted((Lane.EU, Lane.NATO), key=list(Lane).index)
    key = Qt.Key.Key_Up if upper is Lane.EU else Qt.Key.Key_Down
    qtbot.keyClick(widget, key)
    assert widget.selected_id() == "eu-near"


def test_a_cluster_says_how_many_events_it_holds(qtbot: QtBot) -> None:
    widget = TimelineView()
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    widget.set_events([*crowded_week(date(2021, 6, 7)), in_month("m", 2001, 1, Lane.EU, "Month")])
    clusters = [c for c in children(widget) if c.text(QAccessible.Text.Name).endswith(" events")]
    assert clusters, names(widget)
    counts = sorted(int(c.text(QAccessible.Text.Name).split()[0]) for c in clusters)
    assert counts == sorted(n for _, n in widget.visible_clusters())
    assert "zoom in" in clusters[0].text(QAccessible.Text.Description)
    assert not clusters[0].state().selectable


def test_item_rectangles_are_where_the_marks_are_drawn(view: TimelineView) -> None:
    marks = view.visible_marks()
    for child in children(view):
        name = child.text(QAccessible.Text.Name)
        match = [eid for eid, _ in marks.items() if view.shown_index.get(eid).event.title == name]
        if not match:
            continue
        drawn = marks[match[0]].toAlignedRect()
        top_left = view.mapToGlobal(drawn.topLeft())
        assert child.rect().topLeft() == top_left
        assert tree(view).childAt(top_left.x() + 1, top_left.y() + 1) is not None


@pytest.fixture
def window(qtbot: QtBot, library: object) -> Iterator[object]:
    from PySide6.QtCore import QSettings

    from briefing_app.ui.main_window import MainWindow

    QSettings().clear()
    win = MainWindow(library)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.timeline.fit_all()
    yield win
    win.close()
    QSettings().clear()


def test_the_real_windows_timeline_reads_out_the_selected_event(
    window: object, qtbot: QtBot
) -> None:
    timeline = tree(window.timeline)
    assert timeline.role() == QAccessible.Role.List
    assert timeline.childCount() >= 10
    window.select_event("helsinki-headline-goal")
    window.timeline.setFocus()
    qtbot.waitUntil(window.timeline.hasFocus)
    with qtbot.waitSignal(window.timeline.eventSelected):
        qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    focused = timeline.focusChild()
    assert focused is not None
    assert focused.text(QAccessible.Text.Name) == window.event_panel.title.text()


def test_every_button_and_field_in_the_window_has_a_name(window: object) -> None:
    """What a screen reader would announce: the widget's accessible name, or for a
    button its text, or for a field the label it is the buddy of."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
        QWidget,
    )

    buddies = {label.buddy() for label in window.findChildren(QLabel) if label.buddy()}
    unnamed = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if not isinstance(
            widget, QAbstractButton | QComboBox | QLineEdit | QPlainTextEdit | QTextEdit
        ):
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox):
            continue  # an editable combo box's own field: the box carries the name
        named = widget.accessibleName().strip() or widget in buddies
        if isinstance(widget, QAbstractButton):
            named = named or widget.text().replace("&", "").strip()
        if isinstance(widget, QComboBox) and not named:
            named = widget.currentText().strip() and widget.toolTip().strip()
        if not named:
            unnamed.append((type(widget).__name__, widget.objectName()))
    assert unnamed == [], "\n".join(map(str, unnamed))
