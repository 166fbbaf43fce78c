"""Details a briefer sees: #tags in notes, a period per database, labels that fit, the note
dot explained, dates on one line, even review rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings
from pytestqt.qtbot import QtBot

from briefing_app.services.annotations import annotations_of_event
from briefing_app.services.library import open_library
from briefing_app.storage.database import Database
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.window_layout import DockLayout
from tests.ui.conftest import open_window

LAPTOP = QRect(0, 0, 1280, 770)
HELSINKI = "helsinki-headline-goal"


@pytest.fixture
def laptop(monkeypatch: pytest.MonkeyPatch) -> QRect:
    monkeypatch.setattr(DockLayout, "available", lambda self: LAPTOP)
    return LAPTOP


def test_hashtags_typed_in_a_note_are_its_tags(qtbot: QtBot, work_window: MainWindow) -> None:
    w = work_window
    w.select_event(HELSINKI, center=True)
    card = w.work.notes.add_note()
    assert card is not None
    with qtbot.waitSignal(card.saved, timeout=5000):
        qtbot.keyClicks(card.editor, "Ask the desk about #budget and #East-Flank, not C#")
    [note] = annotations_of_event(w.db, HELSINKI)
    assert note.tags == ("budget", "East-Flank")
    assert card.tags.text() == ""  # the field keeps what was typed in it
    qtbot.waitUntil(lambda: "budget" in w.filter_bar.tag_choices(), timeout=5000)
    card.editor.selectAll()
    with qtbot.waitSignal(card.saved, timeout=5000):
        qtbot.keyClicks(card.editor, "Only #East-Flank now")
    [note] = annotations_of_event(w.db, HELSINKI)
    assert note.tags == ("East-Flank",)


def test_each_database_keeps_its_own_visible_period(
    qtbot: QtBot, library: Database, tmp_path: Path
) -> None:
    QSettings().clear()
    first = open_window(qtbot, library)
    first.timeline.set_visible_range(733000.0, 733400.0)  # some months of 2008
    shown = first.timeline.visible_range()
    first.close()
    other_db = open_library(tmp_path / "other.sqlite")
    try:
        other = open_window(qtbot, other_db)
        assert other.timeline.visible_range() != shown  # the whole span, not the other's
        other.close()
    finally:
        other_db.close()
    again = open_window(qtbot, library)
    assert again.timeline.visible_range() == pytest.approx(shown)
    again.close()
    QSettings().clear()


def test_the_search_placeholder_is_not_cut_at_1280(
    qtbot: QtBot, library: Database, laptop: QRect
) -> None:
    QSettings().clear()
    win = open_window(qtbot, library)  # fitted to the laptop's screen
    assert win.width() <= laptop.width()
    box = win.search_panel.box
    qtbot.waitUntil(lambda: win.docks["search"].width() >= 230, timeout=2000)
    needed = box.fontMetrics().horizontalAdvance(box.placeholderText())
    room = box.width() - 2 * box.style().pixelMetric(box.style().PixelMetric.PM_DefaultFrameWidth)
    assert needed + 8 <= room  # its text margins included
    win.close()
    QSettings().clear()


def test_the_note_dot_is_explained(qtbot: QtBot, work_window: MainWindow) -> None:
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QColor, QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    from briefing_app.geometry.palette import ANNOTATION_RGB, FLAG_RGB

    timeline = work_window.timeline
    image = timeline.grab().toImage()
    corner = timeline._gutter(), timeline._axis_height()
    colors = {
        image.pixelColor(x, y).rgb() for x in range(int(corner[0])) for y in range(int(corner[1]))
    }
    assert QColor(*ANNOTATION_RGB).rgb() in colors and QColor(*FLAG_RGB).rgb() in colors
    at = QPoint(10, 10)
    QApplication.sendEvent(timeline, QHelpEvent(QEvent.Type.ToolTip, at, timeline.mapToGlobal(at)))
    assert "dot on an event's mark" in QToolTip.text()


def test_the_event_list_shows_a_date_on_one_line(qtbot: QtBot, work_window: MainWindow) -> None:
    w = work_window
    w.docks["table"].show()
    table = w.event_table
    row = w.event_model.row_of(HELSINKI)
    label = w.event_model.index(row, 0).data()
    assert label == "10–11 Dec 1999"
    assert not table.wordWrap()
    assert table.columnWidth(0) >= table.fontMetrics().horizontalAdvance(label) + 8
    w.chronology.reload()  # a model reset keeps the column's width
    assert table.columnWidth(0) >= table.fontMetrics().horizontalAdvance(label) + 8


def test_a_new_note_is_in_sight_at_1280_with_four_lines_at_least(
    qtbot: QtBot, library: Database, laptop: QRect
) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QScrollArea

    QSettings().clear()
    win = open_window(qtbot, library)
    qtbot.waitUntil(lambda: win.docks["event"].width() >= 230, timeout=2000)
    win.select_event("eufor-tchad-rca", center=True)  # a long summary and reference
    card = win.work.notes.add_note()
    assert card is not None
    editor = card.editor
    qtbot.waitUntil(editor.isVisible, timeout=2000)
    assert editor.height() >= 4 * editor.fontMetrics().lineSpacing()
    scroll = win.event_panel.findChild(QScrollArea)
    assert scroll is not None
    assert scroll.verticalScrollBar().value() == 0  # nothing was scrolled to reach it
    bottom = editor.mapTo(scroll.viewport(), QPoint(0, editor.height())).y()
    assert bottom <= scroll.viewport().height()
    win.close()
    QSettings().clear()


def test_an_empty_lane_takes_one_row_and_the_others_the_room(
    qtbot: QtBot, work_window: MainWindow
) -> None:
    from datetime import date

    from briefing_app.domain.model import Lane

    tl = work_window.timeline
    tl.fit_all()
    whole = {box.lane: box.y1 - box.y0 for box in tl._layout()[0].lanes}
    assert len({round(h) for h in whole.values()}) == 1  # every lane has events: alike
    tl.set_visible_range(date(2017, 1, 1).toordinal(), date(2018, 1, 1).toordinal())
    boxes = {box.lane: box for box in tl._layout()[0].lanes}
    heights = {lane: box.y1 - box.y0 for lane, box in boxes.items()}
    empty = [lane for lane in boxes if not any(m.lane is lane for m in tl._layout()[0].marks)]
    assert Lane.UKRAINE in empty  # nothing in 2016–2019 for the Ukraine lane
    style = tl._cache.style
    one_row = style.row_height + 2 * style.lane_padding
    for lane in empty:
        assert heights[lane] == pytest.approx(one_row)
    busy = [h for lane, h in heights.items() if lane not in empty]
    assert min(busy) > 2 * one_row
    assert sum(heights.values()) == pytest.approx(sum(whole.values()))  # same room in all
