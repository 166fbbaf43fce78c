"""New events and excerpts from a selection in the reader: date at its precision, verbatim quote."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMenu
from pytestqt.qtbot import QtBot

from briefing_app.domain.dates import Precision
from briefing_app.domain.model import Lane, Origin
from briefing_app.services.annotations import annotations_of_excerpt
from briefing_app.storage.repository import get_event, get_source_text
from briefing_app.ui.editing.annotation_editor import AUTOSAVE_MS
from briefing_app.ui.editing.link_event_dialog import LinkEventDialog
from briefing_app.ui.editing.new_event_dialog import NewEventDialog
from briefing_app.ui.main_window import MainWindow

EL_PAIS = "002_e07262d9241f5558.txt"  # published 2025-03-06, a Thursday
INSIDE_OVER = "001_ad29bda3589f90a5.txt"  # published "2020": known to the year only
CNN = "000_eb68f3d8d18b7226.txt"  # published 2021-11-20


def _select(window: MainWindow, file: str, passage: str) -> tuple[int, int]:
    window.open_source(file)
    text = get_source_text(window.db, file).text  # type: ignore[union-attr]
    start = text.index(passage)
    window.reader.select_span(start, start + len(passage))
    assert window.reader.selected_text() == passage
    return start, start + len(passage)


def _menu_action(window: MainWindow, name: str) -> object:
    menu: QMenu = window.reader.build_context_menu()
    found = [a for a in menu.actions() if a.objectName() == name]
    assert found, [a.text() for a in menu.actions()]
    return found[0]


def _ok(dialog: QDialogButtonBox | object) -> object:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("file", "passage", "iso", "precision", "lane"),
    [
        (
            EL_PAIS,
            "Kaja Kallas will hold a meeting by videoconference on Friday with countries "
            "that are not members of the EU",
            "2025-03-07",
            Precision.DAY,
            Lane.EU,
        ),
        (
            INSIDE_OVER,
            "the European Union found itself forced to become more flexible and independent "
            "of the United States in December 2017",
            "2017-12",
            Precision.MONTH,
            Lane.EU,
        ),
        (
            CNN,
            "The current aim is that the Strategic Compass gets agreed in March",
            "2022-03",
            Precision.MONTH,
            Lane.OTHER,
        ),
    ],
)
def test_new_event_from_a_selection_has_the_right_date_and_precision(
    qtbot: QtBot,
    work_window: MainWindow,
    file: str,
    passage: str,
    iso: str,
    precision: Precision,
    lane: Lane,
) -> None:
    start, end = _select(work_window, file, passage)
    _menu_action(work_window, "newEventFromSelection").trigger()  # type: ignore[attr-defined]
    dialog = work_window.work.dialog
    assert isinstance(dialog, NewEventDialog) and dialog.isVisible()
    assert dialog.date.text() == iso
    assert dialog.chosen_precision is precision
    assert dialog.lane.currentData() == lane.value
    assert passage in dialog.quote.text()
    assert not _ok(dialog).isEnabled()  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.title, "My event from the selection")
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    made_id = work_window.timeline.selected_id()
    assert made_id is not None and made_id.startswith("user-")
    event = get_event(work_window.db, made_id)
    assert event is not None and event.origin is Origin.USER
    assert (event.when.start.iso(), event.when.start.precision) == (iso, precision)
    [excerpt] = event.excerpts
    assert (excerpt.source, excerpt.start, excerpt.end, excerpt.quote) == (
        file,
        start,
        end,
        passage,
    )
    assert work_window.event_panel.title.text() == "My event from the selection"
    assert passage in work_window.reader.highlighted_text()


def test_precision_and_date_are_checked_as_typed(qtbot: QtBot) -> None:
    dialog = NewEventDialog(quote="x")
    qtbot.addWidget(dialog)
    dialog.title.setText("t")
    dialog.date.setText("2025-03-07")
    assert _ok(dialog).isEnabled()  # type: ignore[attr-defined]
    dialog.precision.setCurrentIndex(dialog.precision.findText("month"))
    assert dialog.date.text() == "2025-03"
    dialog.precision.setCurrentIndex(dialog.precision.findText("day"))
    assert not _ok(dialog).isEnabled()  # type: ignore[attr-defined]
    assert "does not give a day" in dialog.problem.text()


def test_link_a_selection_to_an_existing_event(qtbot: QtBot, work_window: MainWindow) -> None:
    passage = "the deployment of military forces under a European flag"
    start, end = _select(work_window, EL_PAIS, passage)
    _menu_action(work_window, "linkToEvent").trigger()  # type: ignore[attr-defined]
    dialog = work_window.work.dialog
    assert isinstance(dialog, LinkEventDialog)
    qtbot.keyClicks(dialog.filter, "Atalanta")
    visible = [dialog.list.item(i) for i in range(dialog.list.count())]
    visible = [i for i in visible if not i.isHidden()]
    assert visible
    dialog.list.setCurrentItem(visible[0])
    event_id = dialog.event_id()
    assert event_id is not None
    before = len(get_event(work_window.db, event_id).excerpts)  # type: ignore[union-attr]
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    event = get_event(work_window.db, event_id)
    assert event is not None and len(event.excerpts) == before + 1
    mine = [x for x in event.excerpts if x.origin is Origin.USER]
    assert [(x.start, x.end, x.quote) for x in mine] == [(start, end, passage)]
    assert work_window.event_panel.event_id == event_id


def test_annotate_an_excerpt_from_the_reader(qtbot: QtBot, work_window: MainWindow) -> None:
    event = get_event(work_window.db, "helsinki-headline-goal")
    assert event is not None
    excerpt = event.excerpts[0]
    _select(work_window, excerpt.source, excerpt.quote[5:40])
    action = _menu_action(work_window, "annotateExcerpt")
    assert action.isEnabled()  # type: ignore[attr-defined]
    action.trigger()  # type: ignore[attr-defined]
    notes = work_window.work.notes
    assert notes.event_id == event.id
    card = notes.cards()[-1]
    assert card.excerpt_uid == excerpt.uid and card.editing
    qtbot.keyClicks(card.editor, "Why this quote matters")
    qtbot.waitUntil(
        lambda: (
            [n.body for n in annotations_of_excerpt(work_window.db, excerpt.uid)]
            == ["Why this quote matters"]
        ),
        timeout=AUTOSAVE_MS * 5,
    )


def test_annotate_is_offered_only_inside_an_excerpt(work_window: MainWindow) -> None:
    _select(work_window, EL_PAIS, "It will not be an easy discussion.")
    assert not _menu_action(work_window, "annotateExcerpt").isEnabled()  # type: ignore[attr-defined]
    work_window.reader.select_span(0, 0)
    names = [a.objectName() for a in work_window.reader.build_context_menu().actions()]
    assert "newEventFromSelection" not in names


def test_edit_your_own_event_and_undo(qtbot: QtBot, work_window: MainWindow) -> None:
    from briefing_app.services.user_events import get_event_snapshot

    _select(work_window, EL_PAIS, "It will not be an easy discussion.")
    work_window.work.new_event_from_selection(EL_PAIS, *work_window.reader.selected_span())
    dialog = work_window.work.dialog
    assert isinstance(dialog, NewEventDialog)
    dialog.title.setText("Hard talks expected")
    dialog.date.setText("2025-03-06")
    dialog.references.setPlainText("https://example.org/hard-talks\n\n  ")
    dialog.accept()
    made = work_window.timeline.selected_id()
    assert made is not None
    before = get_event_snapshot(work_window.db, made)
    assert before.draft.references == ("https://example.org/hard-talks",)
    menu = work_window.work.event_menu(made)
    assert {"deleteEvent"} <= {a.objectName() for a in menu.actions()}
    work_window.work.edit_event(made)
    editor = work_window.work.dialog
    assert isinstance(editor, NewEventDialog) and editor.title.text() == "Hard talks expected"
    editor.title.setText("Hard talks at the summit")
    editor.lane.setCurrentIndex(editor.lane.findText("Ukraine"))
    editor.accept()
    after = get_event(work_window.db, made)
    assert after is not None and (after.title, after.lane, after.references) == (
        "Hard talks at the summit",
        Lane.UKRAINE,
        ("https://example.org/hard-talks",),  # kept through an edit that did not touch them
    )
    work_window.work.undo_action.trigger()
    assert get_event_snapshot(work_window.db, made) == before
