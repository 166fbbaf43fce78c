"""Undo and redo of every kind of edit, through the Edit menu and the keyboard.

Undo must put back exactly what was there: the same ids, text and times.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from briefing_app.services.annotations import (
    annotations_of_event,
    create_annotation,
    get_annotation,
)
from briefing_app.services.briefings import get_briefing, list_briefings
from briefing_app.services.user_events import get_event_snapshot
from briefing_app.storage.repository import get_event, list_events
from briefing_app.ui.editing.annotation_editor import AUTOSAVE_MS
from briefing_app.ui.main_window import MainWindow
from tests.ui.conftest import open_window

EVENT = "helsinki-headline-goal"
WAIT = AUTOSAVE_MS * 5


def _undo(window: MainWindow) -> None:
    window.work.undo_action.trigger()


def _redo(window: MainWindow) -> None:
    window.work.redo_action.trigger()


def _edit_menu_texts(window: MainWindow) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    return [a.text() for a in menu.actions()]


def test_typing_is_undone_a_pause_at_a_time_not_the_whole_note(
    qtbot: QtBot, work_window: MainWindow
) -> None:
    db = work_window.db
    work_window.select_event(EVENT)
    qtbot.mouseClick(work_window.work.notes.add_button, Qt.MouseButton.LeftButton)
    card = work_window.work.notes.cards()[0]
    qtbot.keyClicks(card.editor, "First words")
    with qtbot.waitSignal(card.saved, timeout=WAIT):
        pass
    qtbot.keyClicks(card.editor, ", then more")
    with qtbot.waitSignal(card.saved, timeout=WAIT):
        pass
    [note] = annotations_of_event(db, EVENT)
    assert note.body == "First words, then more"
    assert work_window.work.controller.stack.count() == 2
    assert "&Undo Edit note" in _edit_menu_texts(work_window)
    _undo(work_window)
    qtbot.waitUntil(lambda: work_window.work.notes.cards()[0].editor.toPlainText() == "First words")
    assert annotations_of_event(db, EVENT)[0].body == "First words"
    assert "&Undo Add note" in _edit_menu_texts(work_window)
    _undo(work_window)
    assert annotations_of_event(db, EVENT) == []
    qtbot.waitUntil(lambda: work_window.work.notes.cards() == [])
    assert "&Redo Add note" in _edit_menu_texts(work_window)
    for _ in range(2):
        _redo(work_window)
    assert get_annotation(db, note.uid) == note
    qtbot.waitUntil(lambda: len(work_window.work.notes.cards()) == 1)
    assert work_window.work.notes.cards()[0].editor.toPlainText() == note.body


def test_undo_of_an_edit_restores_the_old_text_and_time(
    qtbot: QtBot, work_window: MainWindow
) -> None:
    db = work_window.db
    original = create_annotation(db, event_id=EVENT, body="original", tags=["a"])
    work_window.select_event(EVENT)
    card = work_window.work.notes.card_for(original.uid)
    assert card is not None
    card.begin_editing()
    qtbot.keyClicks(card.editor, " text")
    with qtbot.waitSignal(card.saved, timeout=WAIT):
        pass
    assert get_annotation(db, original.uid).body == "original text"  # type: ignore[union-attr]
    _undo(work_window)
    assert get_annotation(db, original.uid) == original
    qtbot.waitUntil(lambda: card.editor.toPlainText() == "original")
    _redo(work_window)
    assert get_annotation(db, original.uid).body == "original text"  # type: ignore[union-attr]


def test_ctrl_z_while_typing_saves_then_undoes(qtbot: QtBot, work_window: MainWindow) -> None:
    db = work_window.db
    original = create_annotation(db, event_id=EVENT, body="keep")
    work_window.select_event(EVENT)
    card = work_window.work.notes.card_for(original.uid)
    assert card is not None
    card.begin_editing()
    qtbot.waitUntil(card.editor.hasFocus)
    qtbot.keyClicks(card.editor, " this")
    qtbot.keyClick(card.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert get_annotation(db, original.uid) == original
    qtbot.waitUntil(lambda: card.editor.toPlainText() == "keep")
    qtbot.keyClick(
        card.editor,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert get_annotation(db, original.uid).body == "keep this"  # type: ignore[union-attr]


def test_tags_flag_and_delete_are_undone_exactly(qtbot: QtBot, work_window: MainWindow) -> None:
    db = work_window.db
    original = create_annotation(db, event_id=EVENT, body="note", tags=["nato"])
    work_window.select_event(EVENT)
    card = work_window.work.notes.card_for(original.uid)
    assert card is not None
    qtbot.keyClicks(card.tags, ", budget")
    with qtbot.waitSignal(card.saved, timeout=WAIT):
        pass
    assert work_window.work.undo_action.text() == "&Undo Edit tags"
    card.flag.click()
    assert work_window.work.undo_action.text() == "&Undo Mark as talking point"
    assert get_event(db, EVENT).flagged  # type: ignore[union-attr]
    qtbot.mouseClick(card.remove, Qt.MouseButton.LeftButton)
    assert get_annotation(db, original.uid) is None
    _undo(work_window)  # delete
    _undo(work_window)  # flag
    assert not get_annotation(db, original.uid).talking_point  # type: ignore[union-attr]
    _undo(work_window)  # tags
    assert get_annotation(db, original.uid) == original
    qtbot.waitUntil(lambda: work_window.work.notes.card_for(original.uid) is not None)
    restored = work_window.work.notes.card_for(original.uid)
    assert restored is not None
    qtbot.waitUntil(lambda: (restored.tags.text(), restored.flag.isChecked()) == ("nato", False))


def test_new_user_event_excerpt_link_delete_and_hide_are_undone(
    qtbot: QtBot, work_window: MainWindow
) -> None:
    db = work_window.db
    curated = get_event(db, EVENT)
    assert curated is not None
    quote = curated.excerpts[0]
    work = work_window.work
    work.new_event_from_selection(quote.source, quote.start, quote.end)
    dialog = work.dialog
    dialog.title.setText("Headline Goal, my reading")  # type: ignore[union-attr]
    dialog.accept()  # type: ignore[union-attr]
    made = next(e for e in list_events(db) if e.title == "Headline Goal, my reading")
    assert work_window.timeline.selected_id() == made.id
    before_delete = get_event_snapshot(db, made.id)
    create_annotation(db, event_id=made.id, body="mine")
    with_note = get_event_snapshot(db, made.id)
    work.controller.delete_event(made.id)
    assert get_event(db, made.id) is None
    _undo(work_window)
    assert get_event_snapshot(db, made.id) == with_note
    qtbot.waitUntil(lambda: made.id in {e.id for e in work_window.events})
    work.controller.link_excerpt(EVENT, quote.source, (quote.start, quote.end))
    assert len(get_event(db, EVENT).excerpts) == len(curated.excerpts) + 1  # type: ignore[union-attr]
    _undo(work_window)
    assert get_event(db, EVENT) == curated
    work.controller.set_hidden(EVENT, True)
    qtbot.waitUntil(lambda: EVENT not in {e.id for e in work_window.events})
    _undo(work_window)
    qtbot.waitUntil(lambda: EVENT in {e.id for e in work_window.events})
    assert get_event_snapshot(db, made.id).excerpts == before_delete.excerpts
    for _ in range(work.controller.stack.count()):
        _undo(work_window)
    assert get_event(db, made.id) is None  # back to before the event was made
    _redo(work_window)
    assert get_event_snapshot(db, made.id) == before_delete


def test_briefing_edits_are_undone_exactly(qtbot: QtBot, work_window: MainWindow) -> None:
    db = work_window.db
    panel = work_window.work.briefing_panel
    panel.new_briefing("Monday")
    panel.add_event(EVENT, edit=False)
    panel.add_event("pesco-established", edit=False)
    start = list_briefings(db)[0]
    uid = start.uid
    steps = [
        lambda: panel.model.setData(panel.model.index(0), "Headline Goal, 60,000 troops"),
        lambda: panel.move_by(1),
        lambda: panel.delete_point(),
        lambda: panel.rename_briefing("Tuesday"),
    ]
    states = [start]
    panel.points.setCurrentIndex(panel.model.index(0))
    for step in steps:
        step()
        states.append(get_briefing(db, uid))  # type: ignore[arg-type]
    assert len({s.content() for s in states}) == len(states)
    for state in reversed(states[:-1]):
        _undo(work_window)
        assert get_briefing(db, uid) == state
    panel.delete_briefing()
    assert list_briefings(db) == []
    _undo(work_window)
    assert get_briefing(db, uid) == start
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)


def test_a_note_survives_closing_the_window_at_once(qtbot: QtBot, work_window: MainWindow) -> None:
    db = work_window.db
    work_window.select_event(EVENT)
    card = work_window.work.notes.add_note()
    assert card is not None
    qtbot.keyClicks(card.editor, "typed just before closing")
    work_window.close()  # before the autosave delay is over
    again = open_window(qtbot, db)
    again.select_event(EVENT)
    [shown] = again.work.notes.cards()
    assert shown.editor.toPlainText() == "typed just before closing"
    again.close()
