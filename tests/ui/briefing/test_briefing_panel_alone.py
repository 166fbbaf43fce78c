"""The Briefing panel on its own, over the edit controller: points, references, order, undo."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from briefing_app.storage.database import Database
from briefing_app.storage.repository import list_events
from briefing_app.ui.briefing.briefing_panel import BriefingPanel
from briefing_app.ui.common.edit_controller import EditController


def _panel(qtbot: QtBot, db: Database) -> BriefingPanel:
    QSettings().clear()
    panel = BriefingPanel(EditController(db))
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.refresh()
    return panel


def _references(panel: BriefingPanel) -> list[str]:
    return [panel.references.item(i).text() for i in range(panel.references.count())]


def test_adding_events_makes_points_numbered_in_order_of_first_citation(
    qtbot: QtBot, library: Database
) -> None:
    panel = _panel(qtbot, library)
    first, second = list_events(library)[:2]
    assert panel.current_uid is None and panel.hint.isVisibleTo(panel)
    assert panel.add_event(first.id, edit=False) is not None
    assert panel.current_uid is not None  # a briefing was made for the first point
    assert panel.chooser.count() == 1
    panel.add_event(second.id, edit=False)
    assert panel.model.rowCount() == 2 and not panel.hint.isVisibleTo(panel)
    refs = _references(panel)
    assert len(refs) == 2 and refs[0].startswith("[1] ") and first.title in refs[0]
    # Moving the second point up renumbers the references after it.
    panel.move_by(-1)
    refs = _references(panel)
    assert refs[0].startswith("[1] ") and second.title in refs[0]
    panel.controller.stack.undo()
    assert first.title in _references(panel)[0]


def test_choosing_a_point_says_which_events_it_cites(qtbot: QtBot, library: Database) -> None:
    panel = _panel(qtbot, library)
    event = list_events(library)[0]
    panel.add_event(event.id, edit=False)
    panel.add_point(edit=False)  # a point citing nothing
    with qtbot.waitSignal(panel.pointSelected) as blocker:
        panel.points.setCurrentIndex(panel.model.index(0))
    assert blocker.args == [[event.id]]


def test_deleting_a_point_is_one_step_of_undo(qtbot: QtBot, library: Database) -> None:
    panel = _panel(qtbot, library)
    event = list_events(library)[0]
    point = panel.add_event(event.id, edit=False)
    panel.points.setCurrentIndex(panel.model.index(0))
    assert panel.selected_point() == point
    with qtbot.waitSignal(panel.controller.briefingChanged):
        panel.delete_point()
    assert panel.model.rowCount() == 0 and _references(panel) == []
    panel.controller.stack.undo()
    assert panel.model.rowCount() == 1 and len(_references(panel)) == 1
