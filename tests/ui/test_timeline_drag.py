"""Dragging the selected event out of the timeline (into a briefing); elsewhere a drag pans."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from briefing_app.storage.database import Database
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.timeline.timeline_view import TimelineView


def _drag(qtbot: QtBot, view: TimelineView, start: QPoint, dx: int) -> None:
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(view, start + QPoint(dx * step // 5, 0))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=start + QPoint(dx, 0))


def test_dragging_the_selected_event_carries_it_out(
    qtbot: QtBot, library: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    carried: list[str] = []
    monkeypatch.setattr(TimelineView, "_drag_out", lambda self, event_id: carried.append(event_id))
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    view = window.timeline
    view.fit_all()
    window.select_event("helsinki-headline-goal")
    centre = view.visible_marks()["helsinki-headline-goal"].center().toPoint()
    before = view.visible_range()
    _drag(qtbot, view, centre, 60)
    assert carried == ["helsinki-headline-goal"]
    assert view.visible_range() == before  # carried, not panned

    # The same gesture on an unselected spot pans the view.
    empty = QPoint(view.width() - 20, view.height() - 20)
    _drag(qtbot, view, empty, -80)
    assert carried == ["helsinki-headline-goal"]
    assert view.visible_range() != before
