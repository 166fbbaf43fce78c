"""The window fits the screen it opens on, and the period filter moves the view."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QRect, QSettings
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from briefing_app.storage.database import Database
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.window_layout import DockLayout
from tests.ui.conftest import open_window

LAPTOP = QRect(0, 0, 1280, 770)
"""A 1280×800 screen less its panel (the offscreen test screen is 800×800, too small)."""
DESKTOP = QRect(0, 0, 1920, 1050)


@pytest.fixture(params=[LAPTOP, DESKTOP], ids=["1280x800", "1920x1080"])
def screen_area(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> QRect:
    area: QRect = request.param
    monkeypatch.setattr(DockLayout, "available", lambda self: area)
    return area


def _fits(win: MainWindow, area: QRect) -> bool:
    size = win.size()
    return size.width() <= area.width() and size.height() <= area.height()


def test_a_first_window_takes_most_of_the_screen(
    qtbot: QtBot, library: Database, screen_area: QRect
) -> None:
    QSettings().clear()
    win = open_window(qtbot, library)
    assert _fits(win, screen_area)
    assert win.width() >= 0.9 * screen_area.width()
    assert win.height() >= 0.9 * screen_area.height()
    assert screen_area.contains(win.geometry().center())
    for key in ("search", "event"):
        qtbot.waitUntil(lambda key=key: win.docks[key].width() >= 230, timeout=2000)
    QSettings().clear()


def test_a_layout_saved_on_a_bigger_screen_is_fitted(
    qtbot: QtBot, library: Database, screen_area: QRect
) -> None:
    QSettings().clear()
    big = open_window(qtbot, library)
    big.resize(4000, 2600)
    big.move(3000, 2000)
    QSettings().setValue("mainWindow/geometry", big.saveGeometry())
    QSettings().setValue("mainWindow/state", big.saveState())
    big.hide()
    again = open_window(qtbot, library)
    assert _fits(again, screen_area)
    assert screen_area.contains(again.geometry().center())
    QSettings().clear()


def test_reset_layout_fits_the_screen_and_brings_docks_back(
    qtbot: QtBot, library: Database, screen_area: QRect
) -> None:
    QSettings().clear()
    win = open_window(qtbot, library)
    win.docks["search"].hide()
    win.docks["event"].setFloating(True)
    win.resize(300, 200)
    reset = next(a for a in win.findChildren(QAction) if a.text() == "Reset &Layout")
    reset.trigger()
    assert win.docks["search"].isVisibleTo(win)
    assert not win.docks["event"].isFloating()
    assert win.width() >= 0.9 * screen_area.width()
    assert _fits(win, screen_area)
    QSettings().clear()


def test_a_typed_period_moves_the_view_there(qtbot: QtBot, library: Database) -> None:
    QSettings().clear()
    win = open_window(qtbot, library)
    win.timeline.set_visible_range(date(2013, 1, 1).toordinal(), date(2021, 1, 1).toordinal())
    bar = win.filter_bar
    bar.date_from.setText("2021")
    bar.date_to.setText("2022-06")
    with qtbot.waitSignal(bar.periodChosen, timeout=2000):
        bar.date_to.editingFinished.emit()
    t0, t1 = win.timeline.visible_range()
    assert t0 <= date(2021, 1, 1).toordinal() < date(2022, 6, 30).toordinal() <= t1
    assert t1 - t0 < 600  # about the 18 months asked for, not 2013–2021
    QSettings().clear()


def test_a_period_that_is_not_a_date_is_marked(qtbot: QtBot, library: Database) -> None:
    QSettings().clear()
    win = open_window(qtbot, library)
    bar = win.filter_bar
    bar.date_to.setText("2021-13")
    with qtbot.assertNotEmitted(bar.periodChosen):
        bar.date_to.editingFinished.emit()
    assert "Period ignored" in bar.indicator.text()
    assert "border" in bar.date_to.styleSheet()
    assert "Not a date" in bar.date_to.toolTip()
    assert bar.filter.last_day is None
    bar.date_to.setText("2021-12")
    bar.date_to.editingFinished.emit()
    assert "Period ignored" not in bar.indicator.text()
    assert bar.date_to.styleSheet() == ""
    assert bar.filter.last_day == date(2021, 12, 31)
    QSettings().clear()


def test_a_squeezed_side_dock_is_widened_again(
    qtbot: QtBot, library: Database, screen_area: QRect
) -> None:
    from PySide6.QtCore import Qt

    QSettings().clear()
    win = open_window(qtbot, library)
    win.resizeDocks([win.docks["search"]], [120], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: win.docks["search"].width() < 150)
    win.close()
    again = open_window(qtbot, library)
    # Qt restores the geometry against the real (800-px offscreen) screen: give it the
    # size it had on the screen this test stands for, then let it settle its docks.
    again.resize(round(screen_area.width() * 0.94), round(screen_area.height() * 0.94))
    qtbot.waitUntil(lambda: again.width() > 1000, timeout=2000)
    again.dock_layout.settle()
    qtbot.waitUntil(lambda: again.docks["search"].width() >= 230, timeout=2000)
    QSettings().clear()
