"""Two briefers on one database, seen in the window: authors shown, a conflict kept and told."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefing_app.services import annotations as notes
from briefing_app.storage.database import Database
from briefing_app.ui.editing.annotation_editor import AUTOSAVE_MS
from briefing_app.ui.main_window import MainWindow
from tests.ui.conftest import window_gone_before_db

LIBRARY_BACKENDS = ("sqlite", "postgresql")
EVENT = "helsinki-headline-goal"


@pytest.fixture
def bob(library: Database) -> Iterator[Database]:
    other = Database.open(library.location)  # type: ignore[arg-type]
    other.author = "bob"
    library.author = "alice"
    yield other
    other.close()


@pytest.fixture
def window(qtbot: QtBot, library: Database) -> Iterator[MainWindow]:
    yield from window_gone_before_db(qtbot, library)


def test_a_note_names_who_wrote_it_and_who_changed_it(
    qtbot: QtBot, library: Database, bob: Database, window: MainWindow
) -> None:
    made = notes.create_annotation(library, event_id=EVENT, body="Readiness first")
    notes.update_annotation(bob, made.uid, body="Readiness first, then budget")
    window.select_event(EVENT)
    qtbot.waitUntil(lambda: window.work.notes.card_for(made.uid) is not None)
    card = window.work.notes.card_for(made.uid)
    assert card is not None
    assert "by alice" in card.times.text() and "by bob" in card.times.text()


def test_saving_over_a_newer_version_keeps_both_and_says_so(
    qtbot: QtBot, library: Database, bob: Database, window: MainWindow
) -> None:
    made = notes.create_annotation(library, event_id=EVENT, body="Ask about readiness")
    window.select_event(EVENT)
    qtbot.waitUntil(lambda: window.work.notes.card_for(made.uid) is not None)
    card = window.work.notes.card_for(made.uid)
    assert card is not None
    card.begin_editing()
    # Bob saves his version while Alice's window still shows the one she opened.
    notes.update_annotation(bob, made.uid, body="Bob: ask about the budget", expected_version=1)
    qtbot.keyClicks(card.editor, " and the timetable")
    card.save_now()

    stored = {n.body: n for n in notes.annotations_of_event(library, EVENT)}
    assert set(stored) == {"Bob: ask about the budget", "Ask about readiness and the timetable"}
    mine = stored["Ask about readiness and the timetable"]
    assert mine.conflict_of == made.uid and mine.created_by == "alice"
    # Alice's card now shows Bob's text; hers is a card of its own, marked as a conflict.
    assert card.editor.toPlainText() == "Bob: ask about the budget"
    assert "kept beside" in card.status.text()
    qtbot.waitUntil(lambda: window.work.notes.card_for(mine.uid) is not None)
    beside = window.work.notes.card_for(mine.uid)
    assert beside is not None and "conflicting version" in beside.target.text()
    notice = window.work.dialog
    assert isinstance(notice, QMessageBox) and notice.isVisible()
    assert "bob changed this note" in notice.text()
    notice.accept()
    # Undo takes back only Alice's copy: Bob's version is never overwritten.
    window.work.undo_action.trigger()
    bodies = [n.body for n in notes.annotations_of_event(library, EVENT)]
    assert bodies == ["Bob: ask about the budget"]


def test_undo_does_not_overwrite_a_later_edit_by_someone_else(
    qtbot: QtBot,
    library: Database,
    bob: Database,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made = notes.create_annotation(library, event_id=EVENT, body="v1")
    window.select_event(EVENT)
    qtbot.waitUntil(lambda: window.work.notes.card_for(made.uid) is not None)
    card = window.work.notes.card_for(made.uid)
    assert card is not None
    card.begin_editing()
    qtbot.keyClicks(card.editor, " by alice")
    with qtbot.waitSignal(card.saved, timeout=AUTOSAVE_MS * 4):
        pass
    saved = notes.get_annotation(library, made.uid)
    assert saved is not None and saved.body == "v1 by alice"
    notes.update_annotation(bob, made.uid, body="bob's later text", expected_version=saved.version)
    told: list[str] = []
    window.work.controller.failed.disconnect()
    window.work.controller.failed.connect(told.append)
    card.editor.clearFocus()
    window.work.controller.stack.undo()
    stored = notes.get_annotation(library, made.uid)
    assert stored is not None and stored.body == "bob's later text"
    assert told and "bob changed this note since" in told[0]


@pytest.mark.postgresql_only
def test_another_clients_notes_appear_without_a_restart(
    qtbot: QtBot, library: Database, bob: Database, window: MainWindow
) -> None:
    assert window.live.active
    window.select_event(EVENT)
    with qtbot.waitSignal(window.live.arrived, timeout=10_000):
        theirs = notes.create_annotation(bob, event_id=EVENT, body="Bob's point on readiness")
    qtbot.waitUntil(lambda: window.work.notes.card_for(theirs.uid) is not None, timeout=10_000)
    card = window.work.notes.card_for(theirs.uid)
    assert card is not None and card.view.toPlainText().startswith("Bob's point")
    notes.update_annotation(bob, theirs.uid, body="Bob's point, revised", expected_version=1)
    qtbot.waitUntil(lambda: card.editor.toPlainText() == "Bob's point, revised", timeout=10_000)
    assert "by bob" in card.times.text()
    assert "by others shown at" in window.database_label.text()


@pytest.mark.postgresql_only
def test_this_clients_own_saves_are_not_announced_back(
    qtbot: QtBot, library: Database, bob: Database, window: MainWindow
) -> None:
    arrived: list[int] = []
    window.live.arrived.connect(arrived.append)
    notes.create_annotation(library, event_id=EVENT, body="mine")  # this client
    with qtbot.waitSignal(window.live.arrived, timeout=10_000):
        notes.create_annotation(bob, event_id=EVENT, body="theirs")  # then another
    assert arrived == [1]


@pytest.mark.sqlite_only
def test_a_file_has_nothing_to_follow(library: Database, window: MainWindow) -> None:
    assert not library.is_server and not window.live.active


@pytest.mark.postgresql_only
def test_a_note_made_by_another_app_process_appears_in_the_window(
    qtbot: QtBot, library: Database, window: MainWindow
) -> None:
    """A second process of the app (the command line here) on the same server."""
    from tests.test_cli import run_main

    window.select_event(EVENT)
    with qtbot.waitSignal(window.live.arrived, timeout=120_000):
        made = run_main(
            "--db", str(library.location), "annotations", "add", EVENT, "--text", "From elsewhere"
        )
    assert made.returncode == 0, made.stderr
    uid = made.stdout.strip()
    qtbot.waitUntil(lambda: window.work.notes.card_for(uid) is not None, timeout=10_000)
    card = window.work.notes.card_for(uid)
    assert card is not None and card.view.toPlainText() == "From elsewhere"


@pytest.mark.postgresql_only
def test_backups_of_a_team_database_are_said_to_be_the_servers_job(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args, **_kw: shown.append(args[2]))
    window.restore_backup_action.trigger()  # type: ignore[attr-defined]
    assert shown and "the server's job" in shown[0]
    assert not window.backups.enabled  # no copies of a server database are made
