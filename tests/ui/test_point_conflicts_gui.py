"""A talking point two briefers edited at once: both kept, the later one marked, and told."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from briefing_app.services import briefings
from briefing_app.storage.database import Database
from briefing_app.ui.briefing.point_editing import PointTextEditor
from briefing_app.ui.common.briefing_model import CONFLICT_MARK
from briefing_app.ui.main_window import MainWindow

EVENT = "helsinki-headline-goal"


@pytest.fixture
def bob(library: Database) -> Iterator[Database]:
    other = Database.open(library.location)  # type: ignore[arg-type]
    other.author = "bob"
    library.author = "alice"
    yield other
    other.close()


def test_a_point_saved_over_a_newer_one_is_kept_beside_and_shown_as_a_conflict(
    qtbot: QtBot, library: Database, bob: Database, work_window: MainWindow
) -> None:
    made = briefings.create_briefing(library, "Council")
    made = briefings.add_point(library, made.uid, "Readiness first", [(EVENT, None)])
    point = made.points[0].uid
    panel = work_window.work.briefing_panel
    work_window.docks["briefing"].show()
    panel.refresh()
    assert panel.model.rowCount() == 1
    panel.points.setFocus()
    panel.points.edit(panel.model.index(0))
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), PointTextEditor))
    editor = QApplication.focusWidget()
    assert isinstance(editor, PointTextEditor) and editor.toPlainText() == "Readiness first"
    # Bob saves his words while Alice's editor still holds the version she opened.
    briefings.save_point_text(bob, point, "Bob: readiness and reserves", expected_version=1)
    qtbot.keyClick(editor, Qt.Key.Key_End)  # the editor opens with its words selected
    qtbot.keyClicks(editor, " by 2030")
    with qtbot.waitSignal(panel.model.textEdited):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)

    shown = [panel.model.index(r).data() for r in range(2)]
    assert shown[0] == "1. Bob: readiness and reserves  [1]"
    assert shown[1] == f"2. Readiness first by 2030  [1]  — {CONFLICT_MARK}"
    tip = panel.model.index(1).data(Qt.ItemDataRole.ToolTipRole)
    assert "A conflicting version" in tip and tip.endswith("Written by alice")
    notice = work_window.work.dialog
    assert isinstance(notice, QMessageBox) and notice.isVisible()
    assert notice.text().startswith("bob changed this talking point")
    notice.accept()
    # Undo takes back only Alice's copy: Bob's words stay.
    work_window.work.undo_action.trigger()
    stored = briefings.get_briefing(library, made.uid)
    assert stored is not None
    assert [p.text for p in stored.points] == ["Bob: readiness and reserves"]
    assert panel.model.rowCount() == 1


def test_undo_never_puts_a_point_back_over_a_later_edit_by_someone_else(
    qtbot: QtBot, library: Database, bob: Database, work_window: MainWindow
) -> None:
    made = briefings.create_briefing(library, "Council")
    made = briefings.add_point(library, made.uid, "v1", [(EVENT, None)])
    point = made.points[0].uid
    controller = work_window.work.controller
    controller.edit_point_text(made.uid, point, "v1 by alice", 1)
    briefings.save_point_text(bob, point, "bob's later words", expected_version=2)
    told: list[str] = []
    controller.failed.disconnect()
    controller.failed.connect(told.append)
    work_window.work.undo_action.trigger()
    stored = briefings.get_briefing(library, made.uid)
    assert stored is not None and [p.text for p in stored.points] == ["bob's later words"]
    assert len(told) == 1 and "their edit is kept" in told[0]
