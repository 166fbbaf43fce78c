"""The user's work in the window: badges and filters follow notes, files carry it elsewhere."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefing_app.services.annotations import annotations_of_event
from briefing_app.services.briefings import list_briefings
from briefing_app.services.library import open_library
from briefing_app.storage.database import Database
from briefing_app.storage.repository import list_events
from briefing_app.ui.editing.annotation_editor import AUTOSAVE_MS
from briefing_app.ui.main_window import MainWindow
from tests.ui.conftest import open_window

EVENT = "helsinki-headline-goal"


def _write_note(qtbot: QtBot, window: MainWindow, event_id: str, text: str, tags: str) -> None:
    window.select_event(event_id)
    card = window.work.notes.add_note()
    assert card is not None
    qtbot.keyClicks(card.editor, text)
    qtbot.keyClicks(card.tags, tags)
    with qtbot.waitSignal(card.saved, timeout=AUTOSAVE_MS * 5):
        pass


@pytest.mark.parametrize("in_a_cluster", [False, True])
def test_a_saved_note_shows_as_a_badge_without_moving_the_view(
    qtbot: QtBot, work_window: MainWindow, in_a_cluster: bool
) -> None:
    timeline = work_window.timeline
    if in_a_cluster:  # an event the full view counts in a cluster instead of drawing it
        timeline.fit_all()
        drawn = set(timeline.visible_marks())
        event_id = next(e.id for e in work_window.events if e.id not in drawn)
    else:
        timeline.set_visible_range(729000.0, 731000.0)
        event_id = EVENT
    before = timeline.visible_range()
    _write_note(qtbot, work_window, event_id, "Remember this", "minister")
    qtbot.waitUntil(lambda: timeline.event_index.get(event_id).event.annotation_count == 1)
    assert timeline.visible_range() == before
    assert timeline.selected_id() == event_id
    assert work_window.work.notes.cards()[0].editor.toPlainText() == "Remember this"


def test_annotated_and_tag_filters(qtbot: QtBot, work_window: MainWindow) -> None:
    _write_note(qtbot, work_window, EVENT, "one", "minister")
    _write_note(qtbot, work_window, "pesco-established", "two", "budget")
    bar = work_window.filter_bar
    qtbot.waitUntil(lambda: bar.tag_choices() == ["budget", "minister"])
    bar.show_only.setCurrentIndex(1)  # Annotated
    shown = {e.id for e in work_window.events if bar.filter.matches(e)}
    assert shown == {EVENT, "pesco-established"}
    bar.show_only.setCurrentIndex(bar.show_only.findText("Tag: minister"))
    assert bar.filter.tags == {"minister"}
    assert {e.id for e in work_window.events if bar.filter.matches(e)} == {EVENT}
    assert set(work_window.timeline.visible_marks()) <= {EVENT}
    results = work_window.search_panel
    work_window.navigation.run_search("minister")
    kinds = [
        results.model.index(r).data(results.model.RESULT_ROLE).kind
        for r in range(results.model.rowCount())
    ]
    events = [k for k in kinds if k != "article"]  # an article's passage is no event
    assert len(events) == 1


@contextmanager
def _carried_to_another_library(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> Iterator[tuple[MainWindow, Database]]:
    """Export the window's work, open another library in a window and import it there."""
    path = tmp_path / "work.json"
    window.work.export_work(str(path))
    other_db = open_library(tmp_path / "other.sqlite")
    try:
        other = open_window(qtbot, other_db)
        other.work.import_work(str(path))
        yield other, other_db
        other.close()
    finally:
        other_db.close()


def test_export_then_import_in_the_window(
    qtbot: QtBot, work_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    _write_note(qtbot, work_window, EVENT, "carried over", "x")
    work_window.work.briefing_panel.new_briefing("Carry")
    work_window.work.briefing_panel.add_event(EVENT, edit=False)
    with _carried_to_another_library(qtbot, work_window, tmp_path) as (other, other_db):
        assert "added: 0 events, 0 excerpts, 1 annotations, 1 briefings" in shown[-1]
        assert [n.body for n in annotations_of_event(other_db, EVENT)] == ["carried over"]
        assert other.work.briefing_panel.chooser.currentText() == "Carry"
        assert other.timeline.event_index.get(EVENT).event.annotation_count == 1
        other.work.import_work(str(tmp_path / "work.json"))
        assert "added: 0 events, 0 excerpts, 0 annotations, 0 briefings" in shown[-1]
        assert len(list_briefings(other_db)) == 1


def test_a_read_only_database_refuses_edits_and_says_so(
    qtbot: QtBot, library: Database, library_path: Path
) -> None:
    library.close()
    read_only = Database.open(library_path, read_only=True)
    try:
        window = open_window(qtbot, read_only)
        window.select_event(EVENT)
        card = window.work.notes.add_note()
        assert card is not None
        qtbot.keyClicks(card.editor, "cannot be stored")
        qtbot.waitUntil(card.retry.isVisible, timeout=AUTOSAVE_MS * 5)
        assert "read-only" in card.status.text()
        assert card.editor.toPlainText() == "cannot be stored"
        window.close()
    finally:
        read_only.close()


def test_typing_in_a_note_does_not_redraw_the_timeline(
    qtbot: QtBot, work_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    announced = work_window.work.chronologyChanged  # the window updates badges when this arrives
    with qtbot.waitSignal(announced, timeout=AUTOSAVE_MS * 5):
        _write_note(qtbot, work_window, EVENT, "first", "")  # the badge appears once
    calls: list[int] = []
    monkeypatch.setattr(
        work_window.timeline, "set_index", lambda index, shown=None: calls.append(1)
    )
    card = work_window.work.notes.cards()[0]
    work_window.statusBar().showMessage("Cited: what the briefer is reading")
    for words in (" second", " third"):
        with qtbot.waitSignal(announced, timeout=AUTOSAVE_MS * 5):
            qtbot.keyClicks(card.editor, words)
    assert calls == []  # the badge did not change: nothing to redraw
    assert work_window.statusBar().currentMessage() == "Cited: what the briefer is reading"
    card.flag.click()
    qtbot.waitUntil(lambda: calls == [1])  # the flag changes the badge


def test_hide_a_curated_event_then_show_it_again(qtbot: QtBot, work_window: MainWindow) -> None:
    menu = work_window.work.event_menu(EVENT)
    names = {a.objectName() for a in menu.actions()}
    assert "hideEvent" in names and "deleteEvent" not in names  # curated: hide, never delete
    next(a for a in menu.actions() if a.objectName() == "hideEvent").trigger()
    qtbot.waitUntil(lambda: EVENT not in {e.id for e in work_window.events})
    work_window.work.show_hidden_events()
    dialog = work_window.work.dialog
    assert dialog is not None and dialog.list.count() == 1  # type: ignore[attr-defined]
    dialog.list.setCurrentRow(0)  # type: ignore[attr-defined]
    dialog.accept()
    assert EVENT in {e.id for e in work_window.events}
    assert work_window.timeline.selected_id() == EVENT


def test_delete_only_your_own_excerpts_from_the_event_panel(
    qtbot: QtBot, work_window: MainWindow
) -> None:
    from briefing_app.storage.repository import get_event

    curated = get_event(work_window.db, EVENT)
    assert curated is not None
    work_window.work.controller.link_excerpt(EVENT, curated.excerpts[0].source, (0, 30))
    work_window.select_event(EVENT)
    items = work_window.event_panel.excerpts
    menus = [work_window.event_panel.excerpt_menu_for(items.item(i)) for i in range(items.count())]
    deletable = [
        next(a for a in m.actions() if a.objectName() == "deleteThisExcerpt").isEnabled()
        for m in menus
    ]
    assert deletable == [False] * len(curated.excerpts) + [True]
    next(a for a in menus[-1].actions() if a.objectName() == "deleteThisExcerpt").trigger()
    assert get_event(work_window.db, EVENT) == curated
    qtbot.waitUntil(lambda: items.count() == len(curated.excerpts))


def test_events_brought_by_an_import_of_notes_reach_the_timeline(
    qtbot: QtBot, work_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.domain.dates import DateSpan, PartialDate
    from briefing_app.domain.model import Lane
    from briefing_app.services.user_events import EventDraft

    monkeypatch.setattr(QMessageBox, "information", lambda *_args: None)
    made = work_window.work.controller.create_event(
        EventDraft("Brought along", DateSpan(PartialDate.day(2023, 6, 1)), Lane.EU)
    )
    assert made is not None
    with _carried_to_another_library(qtbot, work_window, tmp_path) as (other, other_db):
        assert made.id in other.timeline.event_index
        assert [e.id for e in other.events] == [e.id for e in list_events(other_db, brief=True)]


def test_edits_keep_the_window_s_events_as_a_full_read_would(
    qtbot: QtBot, work_window: MainWindow
) -> None:
    from briefing_app.domain.dates import DateSpan, PartialDate
    from briefing_app.domain.model import Lane
    from briefing_app.services.user_events import EventDraft

    controller = work_window.work.controller
    made = [
        controller.create_event(
            EventDraft(f"Mine {i}", DateSpan(PartialDate.day(2014, 3, i)), lane)
        )
        for i, lane in ((18, Lane.EU), (1, Lane.US), (18, Lane.NATO))
    ]
    controller.set_hidden(EVENT, True)
    assert made[1] is not None
    controller.delete_event(made[1].id)
    work_window.work._emit_changed()  # the batch the window waits for, sent now

    def ids() -> list[str]:
        return [e.id for e in work_window.events]

    assert ids() == [e.id for e in list_events(work_window.db, brief=True)]
    assert EVENT not in ids() and made[1].id not in ids() and made[0].id in ids()
    assert [e.id for e in work_window.timeline.event_index.visible(Lane.EU, 0, 1e7)] == [
        i for i in ids() if work_window.timeline.event_index.get(i).lane is Lane.EU
    ]
