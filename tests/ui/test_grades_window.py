"""Grading from the window: the Sources list grades a source, the event panel shows it,
a passage takes its own credibility, and Undo takes each back."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from briefing_app.domain.grading import Grade
from briefing_app.storage.repository import get_event
from briefing_app.ui.editing.grade_dialog import CredibilityDialog, SourceGradeDialog
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.panels.sources_list import SourceListModel

EVENT = "helsinki-headline-goal"


def _action(menu, name: str):  # type: ignore[no-untyped-def]
    return next(a for a in menu.actions() if a.objectName() == name)


def test_grade_a_source_from_its_menu_and_see_it_beside_the_quote(
    qtbot: QtBot, work_window: MainWindow
) -> None:
    win = work_window
    ev = get_event(win.db, EVENT)
    assert ev is not None
    file = ev.excerpts[0].source
    outlet = win.chronology.sources[file].outlet
    win.select_event(EVENT)
    panel = win.event_panel
    assert "[B2]" not in panel.excerpts.item(0).text()
    assert panel.support.text().startswith("not graded")

    _action(win.sources_list.source_menu(file), "gradeSource").trigger()
    dialog = win.work.dialog
    assert isinstance(dialog, SourceGradeDialog)
    assert not dialog.credibility.isEnabled()  # nothing to rate before a reliability
    dialog.set_grade(Grade("B", "2"))
    assert dialog.credibility.isEnabled()
    dialog.outlet_box.setChecked(True)
    dialog.accept()

    qtbot.waitUntil(lambda: "[B2]" in panel.excerpts.item(0).text())
    assert "B2" in panel.support.text()
    model = win.sources_list.model
    row = model.row_of(file)
    assert " · B2" in model.index(row).data()
    assert win.chronology.sources[file].outlet_grade == Grade("B", "2")
    others = [s for s in win.chronology.sources.values() if s.outlet == outlet and s.file != file]
    assert all(s.effective_grade == Grade("B", "2") for s in others)

    win.work.undo_action.trigger()  # one step: the source's grade and the outlet's together
    qtbot.waitUntil(lambda: "[B2]" not in panel.excerpts.item(0).text())
    assert win.chronology.sources[file].effective_grade is None
    assert model.index(row).data(SourceListModel.FILE_ROLE) == file


def test_a_passage_gets_its_own_credibility_from_the_event_panel(
    qtbot: QtBot, work_window: MainWindow
) -> None:
    win = work_window
    ev = get_event(win.db, EVENT)
    assert ev is not None
    file = ev.excerpts[0].source
    win.work.controller.set_grade("source", file, "B2")
    qtbot.waitUntil(lambda: win.chronology.sources[file].grade == Grade("B", "2"))
    win.select_event(EVENT)
    panel = win.event_panel
    _action(panel.excerpt_menu_for(panel.excerpts.item(0)), "excerptCredibility").trigger()
    dialog = win.work.dialog
    assert isinstance(dialog, CredibilityDialog)
    dialog.box.setCurrentIndex(dialog.box.findData("4"))
    dialog.accept()
    qtbot.waitUntil(lambda: "[B4]" in panel.excerpts.item(0).text())
    assert "this passage's own credibility" in panel.excerpts.item(0).toolTip()
    win.work.undo_action.trigger()
    qtbot.waitUntil(lambda: "[B2]" in panel.excerpts.item(0).text())


def test_the_grade_filter_keeps_events_with_a_passage_graded_that_well(
    qtbot: QtBot, work_window: MainWindow
) -> None:
    win = work_window
    ev = get_event(win.db, EVENT)
    assert ev is not None
    win.work.controller.set_grade("source", ev.excerpts[0].source, "B2")
    qtbot.waitUntil(
        lambda: getattr(win.chronology.event(EVENT), "support", None) == Grade("B", "2")
    )
    cited = {
        e.id
        for e in win.events
        if e.support is not None  # every event quoting the graded source
    }
    assert EVENT in cited and len(cited) < len(win.events)
    bar = win.filter_bar
    bar.grade.setCurrentIndex(bar.grade.findText("B2 or better"))
    assert bar.filter.min_grade == Grade("B", "2")
    shown = {e.id for e in win.events} - win.chronology.hidden_ids
    assert shown == cited
    assert "graded B2 or better" in bar.indicator.toolTip()
    bar.grade.setCurrentIndex(0)
    assert not win.chronology.hidden_ids
