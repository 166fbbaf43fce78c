"""Building a briefing: points from the timeline, typed in place, reordered, cited, kept."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from briefing_app.services.briefings import add_point, create_briefing, list_briefings
from briefing_app.ui.briefing.point_editing import PointTextEditor
from briefing_app.ui.common.briefing_model import EVENT_MIME, BriefingPointsModel
from briefing_app.ui.main_window import MainWindow
from tests.ui.conftest import open_window

A, B, C = "helsinki-headline-goal", "pesco-established", "operation-atalanta-launch"


def _menu_action(window: MainWindow, event_id: str, name: str) -> object:
    menu = window.work.event_menu(event_id)
    [action] = [a for a in menu.actions() if a.objectName() == name]
    return action


def _type_point(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Type into the in-place editor the panel opened, then press Enter."""
    view = window.work.briefing_panel.points
    editor = QApplication.focusWidget()
    assert isinstance(editor, PointTextEditor) and view.isAncestorOf(editor), editor
    qtbot.keyClicks(editor, text)
    with qtbot.waitSignal(window.work.briefing_panel.model.textEdited):
        qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits on the next turn


def test_a_ten_point_briefing_from_the_timeline(qtbot: QtBot, work_window: MainWindow) -> None:
    panel = work_window.work.briefing_panel
    work_window.docks["briefing"].show()
    work_window.docks["briefing"].raise_()
    events = [e.id for e in work_window.events][:10]
    for i, event_id in enumerate(events):
        _menu_action(work_window, event_id, "addToBriefing").trigger()  # type: ignore[attr-defined]
        _type_point(qtbot, work_window, f"Point {i + 1} in my words")
    [brief] = list_briefings(work_window.db)
    assert brief.name == "Briefing"
    assert [p.text for p in brief.points] == [f"Point {i + 1} in my words" for i in range(10)]
    assert [p.citations[0].event_id for p in brief.points] == events
    model = panel.model
    assert model.index(0).data() == "1. Point 1 in my words  [1]"
    assert model.index(9).data() == "10. Point 10 in my words  [10]"
    assert panel.references.count() == 10
    # The same briefing is there after a restart.
    work_window.close()
    again = open_window(qtbot, work_window.db)
    assert again.work.briefing_panel.model.rowCount() == 10
    assert again.work.briefing_panel.chooser.currentText() == "Briefing"
    again.close()


def test_references_follow_the_order_and_unsupported_points_are_marked(
    qtbot: QtBot, work_window: MainWindow
) -> None:
    db = work_window.db
    brief = create_briefing(db, "Order")
    brief = add_point(db, brief.uid, "cites A", [(A, None)])
    brief = add_point(db, brief.uid, "cites B and A", [(B, None), (A, None)])
    brief = add_point(db, brief.uid, "my own claim")
    panel = work_window.work.briefing_panel
    panel.refresh()
    model = panel.model
    texts = [model.index(r).data() for r in range(3)]
    assert texts == [
        "1. cites A  [1]",
        "2. cites B and A  [2] [1]",
        "3. my own claim  — unsupported",
    ]
    assert model.index(2).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert not model.index(2).data(BriefingPointsModel.SUPPORTED_ROLE)
    panel.points.setFocus()
    panel.points.setCurrentIndex(model.index(1))
    qtbot.keyClick(panel.points, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [model.index(r).data() for r in range(2)] == [
        "1. cites B and A  [1] [2]",
        "2. cites A  [2]",
    ]
    assert panel.selected_point() == brief.points[1].uid
    qtbot.keyClick(panel.points, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [p.text for p in list_briefings(db)[0].points] == [
        "cites A",
        "cites B and A",
        "my own claim",
    ]


def test_drops_add_points_cite_and_move(qtbot: QtBot, work_window: MainWindow) -> None:
    db = work_window.db
    panel = work_window.work.briefing_panel
    panel.new_briefing("Drops")
    table = work_window.event_model
    row_c = table.row_of(C)
    mime = table.mimeData([table.index(row_c, 0)])
    assert mime.hasFormat(EVENT_MIME)
    model = panel.model
    assert model.dropMimeData(mime, Qt.DropAction.CopyAction, 0, 0, QModelIndex())
    drag_a = work_window.event_panel
    work_window.select_event(A)
    assert model.dropMimeData(drag_a.drag_data(), Qt.DropAction.CopyAction, -1, 0, QModelIndex())
    assert [p.citations[0].event_id for p in list_briefings(db)[0].points] == [C, A]
    # An event dropped on a point is cited by it.
    mime_b = table.mimeData([table.index(table.row_of(B), 0)])
    assert model.dropMimeData(mime_b, Qt.DropAction.CopyAction, -1, 0, model.index(0))
    first = list_briefings(db)[0].points[0]
    assert [c.event_id for c in first.citations] == [C, B]
    # A point dragged below the other moves there.
    moving = model.mimeData([model.index(0)])
    assert model.dropMimeData(moving, Qt.DropAction.MoveAction, 2, 0, QModelIndex())
    assert [p.uid for p in list_briefings(db)[0].points][1] == first.uid
    assert panel.points.dragDropMode() == QAbstractItemView.DragDropMode.DragDrop


def test_selecting_a_point_selects_its_event(qtbot: QtBot, work_window: MainWindow) -> None:
    db = work_window.db
    brief = create_briefing(db, "Select")
    add_point(db, brief.uid, "about PESCO", [(B, None), (A, None)])
    panel = work_window.work.briefing_panel
    panel.refresh()
    with qtbot.waitSignal(panel.pointSelected) as sig:
        panel.points.setCurrentIndex(panel.model.index(0))
    assert sig.args == [[B, A]]
    assert work_window.timeline.selected_id() == B
    assert work_window.event_panel.event_id == B
    assert "Cited:" in work_window.statusBar().currentMessage()
    # Every cited event is in view and marked, not only the first.
    assert work_window.timeline.highlighted_ids() == {A, B}
    t0, t1 = work_window.timeline.visible_range()
    for event in (e for e in work_window.events if e.id in {A, B}):
        assert t0 <= event.when.first_day.toordinal() and event.when.last_day.toordinal() < t1
    # Choosing another event ends the grouping.
    work_window.select_event(A)
    assert work_window.timeline.highlighted_ids() == frozenset()


def _answer_name(qtbot: QtBot, panel: object, name: str, seen: list[str]) -> None:
    """Once the name dialog is up: note its explanation, type ``name``, press OK."""

    def fill() -> None:
        dialog = panel.dialog  # type: ignore[attr-defined]
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(10, fill)
            return
        seen.append(dialog.explanation.text())
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        dialog.name.clear()
        seen.append("ok enabled" if ok.isEnabled() else "ok disabled")
        qtbot.keyClicks(dialog.name, name)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    panel.dialog = None  # type: ignore[attr-defined]
    QTimer.singleShot(0, fill)


def test_new_rename_delete_briefings(qtbot: QtBot, work_window: MainWindow) -> None:
    panel = work_window.work.briefing_panel
    seen: list[str] = []
    _answer_name(qtbot, panel, "Monday", seen)
    panel.new_action.trigger()
    assert seen[0].startswith("A briefing is a named list of talking points")
    assert seen[1] == "ok disabled"  # no briefing without a name
    _answer_name(qtbot, panel, "Tuesday", seen)
    panel.new_action.trigger()
    assert [panel.chooser.itemText(i) for i in range(2)] == ["Monday", "Tuesday"]
    assert panel.chooser.currentText() == "Tuesday"
    _answer_name(qtbot, panel, "Wednesday", seen)
    panel.rename_action.trigger()
    assert panel.chooser.currentText() == "Wednesday"
    panel.delete_action.trigger()
    assert [b.name for b in list_briefings(work_window.db)] == ["Monday"]
    assert panel.chooser.currentText() == "Monday"
    work_window.work.undo_action.trigger()
    assert {b.name for b in list_briefings(work_window.db)} == {"Monday", "Wednesday"}


def test_points_model_is_a_well_behaved_model(
    qtmodeltester: ModelTester, work_window: MainWindow
) -> None:
    db = work_window.db
    brief = create_briefing(db, "Model")
    for i in range(3):
        brief = add_point(db, brief.uid, f"p{i}", [(A, None)] if i else [])
    model = BriefingPointsModel()
    model.set_briefing(brief)
    qtmodeltester.check(model)


def test_a_point_being_typed_is_kept_when_the_window_closes(
    qtbot: QtBot, work_window: MainWindow
) -> None:
    panel = work_window.work.briefing_panel
    work_window.docks["briefing"].show()
    panel.add_event(A)
    editor = QApplication.focusWidget()
    assert isinstance(editor, PointTextEditor)
    qtbot.keyClicks(editor, "typed, no Enter")
    work_window.close()
    [brief] = list_briefings(work_window.db)
    assert [p.text for p in brief.points] == ["typed, no Enter"]


def test_editing_a_point_leaves_the_timeline_where_the_user_put_it(
    qtbot: QtBot, work_window: MainWindow
) -> None:
    panel = work_window.work.briefing_panel
    brief = create_briefing(work_window.db, "Call")
    add_point(work_window.db, brief.uid, "cites Helsinki", [(A, None)])
    panel.refresh()
    panel.points.setCurrentIndex(panel.model.index(0))  # shows A, the cited event
    assert work_window.timeline.selected_id() == A
    work_window.select_event(B, center=True)  # the user moves on
    work_window.timeline.set_visible_range(735000.0, 736000.0)
    [point] = list_briefings(work_window.db)[0].points
    work_window.work.controller.edit_point_text(brief.uid, point.uid, "cites Helsinki, reworded")
    assert panel.model.index(0).data().startswith("1. cites Helsinki, reworded")
    assert panel.selected_point() == point.uid  # still selected ...
    assert work_window.timeline.selected_id() == B  # ... without taking the view back
    assert work_window.timeline.visible_range() == (735000.0, 736000.0)


def test_add_point_cites_the_selected_event_and_says_so(
    qtbot: QtBot, work_window: MainWindow
) -> None:
    panel = work_window.work.briefing_panel
    work_window.docks["briefing"].show()
    work_window.docks["briefing"].raise_()
    assert panel.cites.text() == "cites nothing yet"
    assert "Select an event first" in panel.cites.toolTip()
    work_window.select_event(B, center=True)
    title = work_window.chronology.event(B).title  # type: ignore[union-attr]
    assert panel.cites.text().startswith("cites “")
    assert title in panel.cites.toolTip() and title in panel.add_button.toolTip()
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    editor = QApplication.focusWidget()
    assert isinstance(editor, PointTextEditor)
    qtbot.keyClicks(editor, "PESCO binds 25 states")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(editor, "to 20 commitments")
    with qtbot.waitSignal(panel.model.textEdited):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    [brief] = list_briefings(work_window.db)
    [point] = brief.points
    assert point.text == "PESCO binds 25 states\nto 20 commitments"  # two lines, kept
    assert [c.event_id for c in point.citations] == [B]
    shown = panel.model.index(0).data()
    assert shown == "1. PESCO binds 25 states\nto 20 commitments  [1]"
    assert "unsupported" not in shown
    assert "citing the selected event" in work_window.statusBar().currentMessage()


def test_add_point_with_nothing_selected_says_it_cites_nothing(
    qtbot: QtBot, work_window: MainWindow
) -> None:
    panel = work_window.work.briefing_panel
    work_window.docks["briefing"].show()
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    editor = QApplication.focusWidget()
    assert isinstance(editor, PointTextEditor)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert panel.model.index(0).data().endswith("— unsupported")
    assert "cites nothing" in work_window.statusBar().currentMessage()
