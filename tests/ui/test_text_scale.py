"""Ctrl+Plus, Ctrl+Minus and Ctrl+0 size the text of the whole window; "+" and "-" zoom time."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from briefing_app.storage.database import Database
from briefing_app.ui.common.text_scale import SCALE_KEY
from briefing_app.ui.help.shortcuts_dialog import TIMELINE_KEYS, menu_shortcuts
from briefing_app.ui.main_window import MainWindow
from tests.ui.conftest import open_window

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot: QtBot, library: Database) -> Iterator[MainWindow]:
    QSettings().clear()
    win = open_window(qtbot, library)
    yield win
    win.text_scale.reset()  # the application font is shared by every later test
    win.close()
    QSettings().clear()


def label_height(w: MainWindow) -> float:
    layout, _ = w.timeline._layout()
    assert layout.marks, "no event drawn on its own"
    return max(m.label_rect.h for m in layout.marks)


def test_ctrl_plus_grows_the_panels_and_the_timeline_labels(
    qtbot: QtBot, window: MainWindow, library: Database
) -> None:
    w = window
    w.timeline.setFocus()
    qtbot.waitUntil(w.timeline.hasFocus)
    panel_pt = w.event_panel.font().pointSizeF()
    title_pt = w.event_panel.title.font().pointSizeF()
    label_h, span = label_height(w), w.timeline.visible_range()
    qtbot.keyClick(w.timeline, Qt.Key.Key_Plus, CTRL)
    qtbot.keyClick(w.timeline, Qt.Key.Key_Plus, CTRL)
    assert w.event_panel.font().pointSizeF() == pytest.approx(panel_pt * 1.25)
    assert w.event_panel.title.font().pointSizeF() == pytest.approx(title_pt * 1.25)
    assert label_height(w) > label_h * 1.15
    for lane in w.timeline._layout()[0].lanes:
        assert lane.row_height >= label_height(w)  # re-laid out, not clipped
    assert w.timeline.visible_range() == span  # time did not zoom
    assert float(QSettings().value(SCALE_KEY)) == 1.25  # type: ignore[arg-type]

    again = open_window(qtbot, library)  # remembered for the next window
    assert again.text_scale.factor == 1.25
    assert QApplication.font().pointSizeF() == pytest.approx(panel_pt * 1.25)
    again.close()

    qtbot.keyClick(w.timeline, Qt.Key.Key_Minus, CTRL)
    assert w.event_panel.font().pointSizeF() == pytest.approx(panel_pt * 1.1)
    qtbot.keyClick(w.timeline, Qt.Key.Key_0, CTRL)
    assert w.event_panel.font().pointSizeF() == pytest.approx(panel_pt)
    assert w.event_panel.title.font().pointSizeF() == pytest.approx(title_pt)
    assert label_height(w) == pytest.approx(label_h)


def test_plus_minus_and_zero_on_the_timeline_still_zoom_time(
    qtbot: QtBot, window: MainWindow
) -> None:
    w = window
    w.timeline.setFocus()
    qtbot.waitUntil(w.timeline.hasFocus)
    fitted = w.timeline.visible_range()
    pt = QApplication.font().pointSizeF()
    qtbot.keyClick(w.timeline, Qt.Key.Key_Plus)
    t0, t1 = w.timeline.visible_range()
    assert t1 - t0 == pytest.approx((fitted[1] - fitted[0]) / 1.5)
    qtbot.keyClick(w.timeline, Qt.Key.Key_0)
    assert w.timeline.visible_range() == pytest.approx(fitted)
    assert QApplication.font().pointSizeF() == pt


def test_the_shortcuts_list_names_each_key_once(window: MainWindow) -> None:
    rows = [*menu_shortcuts(window.menuBar()), *TIMELINE_KEYS]
    keys = [k.strip() for text, _ in rows for k in text.split(", ")]
    assert not [k for k, n in Counter(keys).items() if n > 1]
    commands = dict((command, text) for text, command in rows)
    assert "Ctrl++" in commands["View › Larger Text"]
    assert commands["View › Normal Text Size"] == "Ctrl+0"
    assert commands["View › Zoom Time In"].startswith("+")
