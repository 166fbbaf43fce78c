"""The main window driven as a user would: clicks, keys, typing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from briefing_app.domain.model import Lane
from briefing_app.storage.database import Database
from briefing_app.storage.repository import get_event
from briefing_app.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, library: Database) -> Iterator[MainWindow]:
    QSettings().clear()
    win = MainWindow(library)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.timeline.fit_all()
    yield win
    QSettings().clear()


def _click_event(qtbot: QtBot, window: MainWindow, event_id: str) -> None:
    marks = window.timeline.visible_marks()
    assert event_id in marks, f"{event_id} not drawn at this zoom"
    qtbot.mouseClick(
        window.timeline, Qt.MouseButton.LeftButton, pos=marks[event_id].center().toPoint()
    )


def test_opens_with_every_event_counted(window: MainWindow) -> None:
    n = len(window.events)
    assert n >= 35
    assert window.statusBar().currentMessage().startswith(f"{n} of {n} events shown")
    assert [a.text() for a in window.menuBar().actions()][:3] == ["&File", "&Edit", "&View"]


def test_click_on_an_event_fills_the_panel(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.timeline.eventSelected) as sig:
        _click_event(qtbot, window, "helsinki-headline-goal")
    assert sig.args == ["helsinki-headline-goal"]
    panel = window.event_panel
    assert panel.title.text().startswith("Helsinki")
    assert panel.date.text().startswith("10–11 Dec 1999")
    assert panel.excerpts.count() >= 1


def test_right_selects_the_next_event_in_time(qtbot: QtBot, window: MainWindow) -> None:
    window.select_event("helsinki-headline-goal")
    window.timeline.setFocus()
    events = window.events
    order = [e.id for e in events]
    expected = order[order.index("helsinki-headline-goal") + 1]
    with qtbot.waitSignal(window.timeline.eventSelected) as sig:
        qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    assert sig.args == [expected]
    assert window.event_panel.event_id == expected


def test_excerpt_click_opens_the_reader_with_the_quote_highlighted(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.select_event("operation-atalanta-launch")
    panel = window.event_panel
    item = panel.excerpts.item(0)
    rect = panel.excerpts.visualItemRect(item)
    qtbot.mouseClick(panel.excerpts.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    reader = window.reader
    event = get_event(window.db, "operation-atalanta-launch")
    assert event is not None
    quote = event.excerpts[0].quote
    assert reader.source_file == event.excerpts[0].source
    assert reader.focused_text() == quote
    assert quote.replace("\n", "\u2029") in reader.highlighted_text()
    assert window.docks["reader"].isVisible()


def test_clicking_a_highlight_selects_its_event(qtbot: QtBot, window: MainWindow) -> None:
    window.select_event("pesco-established")
    reader = window.reader
    event = get_event(window.db, "helsinki-headline-goal")
    assert event is not None
    excerpt = event.excerpts[0]
    window.open_source(excerpt.source, excerpt.uid)  # from the Sources list, say
    assert reader.context_note.text().startswith("Not the selected event's article")
    cursor = reader.text.textCursor()
    cursor.setPosition(excerpt.start + 3)
    reader.text.setTextCursor(cursor)
    reader.text.ensureCursorVisible()
    rect = reader.text.cursorRect(cursor)
    with qtbot.waitSignal(reader.eventsClicked) as sig:
        qtbot.mouseClick(reader.text.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert "helsinki-headline-goal" in sig.args[0]
    assert window.event_panel.event_id == "helsinki-headline-goal"
    assert reader.context_note.isHidden()


def test_legend_hides_a_lane(qtbot: QtBot, window: MainWindow) -> None:
    nato = [e.id for e in window.events if e.lane is Lane.NATO]
    assert any(i in window.timeline.visible_marks() for i in nato)
    window.filter_bar.lane_boxes[Lane.NATO].click()
    assert not any(i in window.timeline.visible_marks() for i in nato)
    assert "Filters hide" in window.filter_bar.indicator.text()
    assert f" · {len(nato)} hidden by filters" in window.statusBar().currentMessage()
    assert f"{len(window.events) - len(nato)} of {len(window.events)} events shown" in (
        window.statusBar().currentMessage()
    )


def test_search_for_pesco_finds_its_events(qtbot: QtBot, window: MainWindow) -> None:
    window.find_action.trigger()
    assert window.search_panel.box.hasFocus()
    qtbot.keyClicks(window.search_panel.box, "PESCO")
    qtbot.waitUntil(lambda: window.search_panel.model.rowCount() > 0)
    model = window.search_panel.model
    ids = {model.index(r).data(model.EVENT_ID_ROLE) for r in range(model.rowCount())}
    assert {"pesco-established", "pesco-notification"} <= ids
    qtbot.keyClick(window.search_panel.box, Qt.Key.Key_Return)
    assert window.event_panel.event_id in ids
    assert window.timeline.selected_id() == window.event_panel.event_id
    assert window.timeline.selected_id() in window.timeline.visible_marks()


@pytest.mark.parametrize(
    ("typed", "finds"),
    [('"', False), ("((", False), ("-", False), ("NATO AND", True), ("Belarus-Poland bor", True)],
)
def test_search_takes_any_typing(qtbot: QtBot, window: MainWindow, typed: str, finds: bool) -> None:
    box = window.search_panel.box
    box.clear()
    with qtbot.waitSignal(window.search_panel.queryChanged, timeout=2000):
        qtbot.keyClicks(box, typed)
    assert (window.search_panel.model.rowCount() > 0) is finds


def test_state_is_restored_on_the_next_start(
    qtbot: QtBot, window: MainWindow, library: Database
) -> None:
    window.filter_bar.lane_boxes[Lane.US].click()
    window.timeline.set_visible_range(738000.0, 738400.0)
    window.docks["sources"].hide()
    window.close()
    again = MainWindow(library)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert Lane.US not in again.filter_bar.filter.lanes
    t0, t1 = again.timeline.visible_range()
    assert abs(t0 - 738000.0) < 1 and abs(t1 - 738400.0) < 1
    assert not again.docks["sources"].isVisible()


def test_import_compares_with_full_events(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Link suggestions need summaries, which the timeline's own list leaves out."""
    seen: list[list[object]] = []
    monkeypatch.setattr(window.import_flow, "start", lambda paths, events: seen.append(events))
    window.import_articles(["/nonexistent.txt"])
    (events,) = seen
    assert all(e.summary for e in events)  # type: ignore[attr-defined]


def test_a_filter_is_applied_once_for_timeline_and_overview(window: MainWindow) -> None:
    from dataclasses import replace

    window.chronology.set_filter(replace(window.filter_bar.filter, actor="NATO"))
    assert window.timeline.shown_index is window.overview._shown  # one filtered index, shared
    assert len(window.chronology.hidden_ids) > 0
    window.reload()  # after an edit or import, still one
    assert window.timeline.shown_index is window.overview._shown


def test_keyboard_shortcuts_help_lists_the_menus_commands(window: MainWindow) -> None:
    from PySide6.QtGui import QAction

    from briefing_app.ui.help.shortcuts_dialog import ShortcutsDialog

    extra = QAction("Brand New Command", window)
    extra.setShortcut("Ctrl+Alt+J")
    window.menuBar().actions()[0].menu().addAction(extra)  # type: ignore[union-attr]
    dialog = ShortcutsDialog(window.menuBar(), window)
    rows = {
        (dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text())
        for r in range(dialog.table.rowCount())
    }
    assert {("Ctrl+Z", "Edit › Undo"), ("Ctrl+I", "File › Import Article")} <= rows
    assert ("Ctrl+Alt+J", "File › Brand New Command") in rows  # a new command needs no doc edit
    assert ("+, =", "View › Zoom Time In") in rows  # keys bound to the timeline too
    assert any(keys == "Space" for keys, _ in rows)  # and the keys it handles itself
    dialog.close()
