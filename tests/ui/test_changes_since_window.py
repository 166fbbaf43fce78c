"""Handing a briefing on from the window, and walking what changed since: the PDF export
keeps it as handed on, File › Mark Briefing as Delivered keeps it now, and File › What
Changed Since Delivery lists the changes, each leading to its event."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from briefing_app.services import briefings
from briefing_app.services.annotations import create_annotation
from briefing_app.services.deliveries import deliveries_of
from briefing_app.storage.database import Database
from briefing_app.ui.briefing.changes_since import ChangesSinceDialog
from briefing_app.ui.exporting.export_dialog import PdfExportDialog
from briefing_app.ui.main_window import MainWindow

ADOPTED = "strategic-compass-adopted"


@pytest.fixture
def window(qtbot: QtBot, library: Database) -> Iterator[MainWindow]:
    QSettings().clear()
    b = briefings.create_briefing(library, "Compass brief")
    briefings.add_point(library, b.uid, "The EU adopted its Strategic Compass.", [(ADOPTED, None)])
    win = MainWindow(library)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.work.briefing_panel.refresh()
    panel = win.work.briefing_panel
    qtbot.waitUntil(lambda: panel.briefing is not None)
    yield win
    win.close()
    QSettings().clear()


def test_the_dialog_alone_says_when_a_briefing_was_never_handed_on(
    qtbot: QtBot, library: Database
) -> None:
    briefings.create_briefing(library, "Empty")
    dialog = ChangesSinceDialog(library, "Empty")
    qtbot.addWidget(dialog)
    assert dialog.heading.text().startswith("The briefing “Empty” has not been handed on yet")
    assert dialog.texts() == []


def test_a_pdf_with_the_briefing_keeps_it_as_handed_on(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    opened: list[QDialog] = []
    monkeypatch.setattr(PdfExportDialog, "exec", lambda self: opened.append(self) or 0)
    window.export_pdf_action.trigger()
    (dialog,) = opened
    assert isinstance(dialog, PdfExportDialog)
    assert dialog.briefing() is not None and dialog.briefing().name == "Compass brief"
    dialog.path_edit.setText(str(tmp_path / "brief.pdf"))
    with qtbot.waitSignal(dialog.exported, timeout=120_000):
        dialog.start_export()
    assert [d.how for d in deliveries_of(window.db, "Compass brief")] == ["pdf"]
    assert "“Compass brief” kept as handed on" in window.statusBar().currentMessage()


def test_marking_delivered_then_walking_the_changes_to_their_event(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.mark_delivered_action.trigger()
    assert "marked delivered on" in window.statusBar().currentMessage()
    create_annotation(window.db, event_id=ADOPTED, body="Ask the Council about 2030.")
    window.changes_since_action.trigger()
    dialog = window.exports.changes_dialog
    assert isinstance(dialog, ChangesSinceDialog) and dialog.isVisible()
    assert "1 change since" in dialog.heading.text()
    assert dialog.texts() == ["A note was added: “Ask the Council about 2030.”"]
    assert dialog.changed_events() == {ADOPTED}
    assert window.timeline.highlighted_ids() == {ADOPTED}
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.timeline.selected_id() == ADOPTED)
    assert window.timeline.highlighted_ids() == {ADOPTED}  # outlined while the list is open
    qtbot.mouseClick(dialog.mark_button, Qt.MouseButton.LeftButton)
    assert dialog.texts() == []
    assert dialog.heading.text().endswith("nothing has changed since.")
    assert len(deliveries_of(window.db, "Compass brief")) == 2
    assert window.timeline.highlighted_ids() == frozenset()
    dialog.close()


def test_without_a_briefing_on_show_the_commands_say_what_to_do(
    qtbot: QtBot, library: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    QSettings().clear()
    win = MainWindow(library)
    qtbot.addWidget(win)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))
    win.changes_since_action.trigger()
    win.mark_delivered_action.trigger()
    assert said == ["Choose a briefing in the Briefing panel (Ctrl+5) first."] * 2
    win.close()
    QSettings().clear()
