"""Grading through the edit controller: the change names the events citing what was graded."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from briefing_app.domain.changes import ChronologyChange
from briefing_app.storage.database import Database
from briefing_app.storage.repository import get_event, list_events
from briefing_app.ui.common.edit_controller import EditController

EVENT = "helsinki-headline-goal"


def test_grading_a_source_then_undoing_it_names_only_its_events(
    qtbot: QtBot, library: Database
) -> None:
    controller = EditController(library)
    event = get_event(library, EVENT)
    assert event is not None
    file = event.excerpts[0].source
    citing = {
        e.id
        for e in list_events(library, with_excerpts=True, include_hidden=True)
        if any(x.source == file for x in e.excerpts)
    }
    said: list[ChronologyChange] = []
    controller.chronologyChanged.connect(said.append)
    assert controller.set_grade("source", file, "B2")
    controller.stack.undo()
    controller.stack.redo()
    assert len(said) == 3
    for change in said:
        assert not change.everything and change.sources
        assert change.changed == citing and EVENT in citing
    assert len(citing) < len(list_events(library))


def test_a_passages_credibility_names_its_event(qtbot: QtBot, library: Database) -> None:
    controller = EditController(library)
    event = get_event(library, EVENT)
    assert event is not None
    with qtbot.waitSignal(controller.chronologyChanged) as blocker:
        assert controller.set_grade("excerpt", event.excerpts[0].uid, "4")
    assert blocker.args[0].changed == {EVENT}
    assert not blocker.args[0].everything
