"""Notes typed in place are stored by themselves, shown as text, and survive a restart."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError

from briefing_app.services import annotations as notes
from briefing_app.services.annotations import annotations_of_event
from briefing_app.storage.database import Database
from briefing_app.storage.repository import get_event
from briefing_app.ui.common.edit_controller import EditController
from briefing_app.ui.editing.annotation_editor import AUTOSAVE_MS
from briefing_app.ui.editing.annotation_list import AnnotationList

EVENT = "helsinki-headline-goal"
HOSTILE = 'Say <b>x</b>, <script>alert(1)</script> and <img src="/etc/hostname">'


@pytest.fixture
def notes_list(qtbot: QtBot, library: Database) -> Iterator[AnnotationList]:
    controller = EditController(library)
    widget = AnnotationList(controller)
    qtbot.addWidget(widget)
    widget.resize(420, 500)
    widget.show()
    widget.show_event(get_event(library, EVENT))
    yield widget


def test_typing_is_stored_after_the_pause_without_any_other_action(
    qtbot: QtBot, notes_list: AnnotationList, library: Database
) -> None:
    qtbot.mouseClick(notes_list.add_button, Qt.MouseButton.LeftButton)
    card = notes_list.cards()[0]
    assert card.editor.hasFocus()
    qtbot.keyClicks(card.editor, "Ask the minister about *readiness*")
    assert annotations_of_event(library, EVENT) == []  # not before typing stops
    assert card.status.text() == "Saving…"
    qtbot.waitUntil(lambda: annotations_of_event(library, EVENT) != [], timeout=AUTOSAVE_MS * 4)
    [stored] = annotations_of_event(library, EVENT)
    assert stored.body == "Ask the minister about *readiness*"
    assert card.status.text().startswith("Saved ")
    event = get_event(library, EVENT)
    assert event is not None and event.annotation_count == 1


def test_tags_and_the_flag_are_saved_too(
    qtbot: QtBot, notes_list: AnnotationList, library: Database
) -> None:
    card = notes_list.add_note()
    assert card is not None
    qtbot.keyClicks(card.editor, "Budget line")
    qtbot.keyClicks(card.tags, "nato, budget")
    with qtbot.waitSignal(notes_list.noteSaved, timeout=AUTOSAVE_MS * 4):
        pass
    card.flag.click()  # a click is saved at once
    [stored] = annotations_of_event(library, EVENT)
    assert (stored.body, stored.tags, stored.talking_point) == (
        "Budget line",
        ("nato", "budget"),
        True,
    )


def test_markup_in_a_note_is_shown_as_typed(
    qtbot: QtBot, notes_list: AnnotationList, library: Database
) -> None:
    card = notes_list.add_note()
    assert card is not None
    qtbot.keyClicks(card.editor, HOSTILE)
    with qtbot.waitSignal(card.saved, timeout=AUTOSAVE_MS * 4):
        pass
    card.editor.clearFocus()
    notes_list.setFocus()
    qtbot.waitUntil(lambda: not card.editing)
    assert card.view.isVisible()
    assert card.document.toPlainText() == HOSTILE
    assert card.view.toPlainText() == HOSTILE


def test_an_image_in_a_note_never_loads_a_file(
    qtbot: QtBot, notes_list: AnnotationList, tmp_path: Path
) -> None:
    picture = tmp_path / "secret.png"
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(0xFF0000)
    assert image.save(str(picture))
    card = notes_list.add_note()
    assert card is not None
    card.editor.setPlainText(f"look ![secret]({picture}) here")
    card.save_now()
    card.view.show()
    card.view.repaint()
    assert str(picture) in card.document.refused
    loaded = card.document.resource(2, str(picture))  # 2: ImageResource
    assert isinstance(loaded, QImage) and loaded.width() == 1  # the blank, not the file


def test_a_failed_save_says_why_keeps_the_text_and_retries(
    qtbot: QtBot, notes_list: AnnotationList, library: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(notes, "create_annotation", locked)
    card = notes_list.add_note()
    assert card is not None
    qtbot.keyClicks(card.editor, "Keep me")
    qtbot.waitUntil(lambda: card.retry.isVisible(), timeout=AUTOSAVE_MS * 4)
    assert card.status.text().startswith("Not saved: database is locked")
    assert card.editor.toPlainText() == "Keep me"
    assert not notes_list.controller.stack.canUndo()  # nothing happened, nothing to undo
    monkeypatch.undo()
    qtbot.mouseClick(card.retry, Qt.MouseButton.LeftButton)
    assert [n.body for n in annotations_of_event(library, EVENT)] == ["Keep me"]
    assert card.status.text().startswith("Saved ") and not card.retry.isVisible()


def test_several_notes_and_delete(
    qtbot: QtBot, notes_list: AnnotationList, library: Database
) -> None:
    excerpt = get_event(library, EVENT).excerpts[0].uid  # type: ignore[union-attr]
    for text, target in (("one", None), ("two", excerpt)):
        card = notes_list.add_note(target)
        assert card is not None
        qtbot.keyClicks(card.editor, text)
        card.flush()
    qtbot.waitUntil(lambda: len(notes_list.cards()) == 2)
    assert [c.target.text().split(" “")[0] for c in notes_list.cards()] == [
        "On the event",
        "On the excerpt",
    ]
    qtbot.mouseClick(notes_list.cards()[0].remove, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(notes_list.cards()) == 1)
    assert [n.body for n in annotations_of_event(library, EVENT)] == ["two"]
