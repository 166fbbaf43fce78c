"""The whole job with the keyboard alone: find an event, read it, note it, brief it, export.

Every step is a key event sent to whatever widget has the keyboard focus, as a
briefer without a mouse would work; nothing is clicked and no widget is called."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from briefing_app.services.annotations import annotations_of_event
from briefing_app.ui.briefing.point_editing import PointTextEditor
from briefing_app.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
WAIT = 15_000


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def keys(
    qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused(), key, modifiers)


def test_find_read_note_brief_and_export_without_a_mouse(
    qtbot: QtBot, work_window: MainWindow, tmp_path: Path
) -> None:
    w = work_window
    keys(qtbot, Qt.Key.Key_1, CTRL)  # Go › Timeline
    qtbot.waitUntil(w.timeline.hasFocus)
    keys(qtbot, Qt.Key.Key_Right)  # the first event in time
    chosen = w.timeline.selected_id()
    assert chosen is not None
    title = w.event_panel.title.text()
    assert title
    keys(qtbot, Qt.Key.Key_Return)  # read its excerpt
    qtbot.waitUntil(lambda: w.reader.text.toPlainText() != "")

    keys(qtbot, Qt.Key.Key_N, CTRL | SHIFT)  # Edit › Add Note to Event
    card = w.work.notes.cards()[0]
    qtbot.waitUntil(card.editor.hasFocus)
    with qtbot.waitSignal(card.saved, timeout=WAIT):
        qtbot.keyClicks(focused(), "Checked with the desk")
    assert [n.body for n in annotations_of_event(w.db, chosen)] == ["Checked with the desk"]

    keys(qtbot, Qt.Key.Key_1, CTRL)
    keys(qtbot, Qt.Key.Key_B, CTRL)  # Edit › Add Selected Event to Briefing
    panel = w.work.briefing_panel
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), PointTextEditor))
    qtbot.keyClicks(focused(), "Helsinki set the goal")
    keys(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            panel.briefing is not None
            and [p.text for p in panel.briefing.points] == ["Helsinki set the goal"]
        ),
        timeout=WAIT,
    )
    point = panel.briefing.points[0]
    assert [c.event_id for c in point.citations] == [chosen]

    keys(qtbot, Qt.Key.Key_5, CTRL)  # Go › Briefing
    assert focused() is panel.points

    out = tmp_path / "brief.pdf"
    done: list[bool] = []

    def drive_export_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None, "Export PDF… opened no dialog"
        path = dialog.path_edit  # type: ignore[attr-defined]
        dialog.activateWindow()  # as the window manager does for a new dialog
        qtbot.waitUntil(dialog.isActiveWindow)
        keys(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # "Save to:"
        if not path.hasFocus():  # never leave the modal dialog open on a failure
            dialog.reject()
            return
        keys(qtbot, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(focused(), str(out))
        keys(qtbot, Qt.Key.Key_Return)  # the dialog's default button: Export
        qtbot.waitUntil(out.exists, timeout=60_000)
        qtbot.waitUntil(lambda: dialog.close_button.isEnabled(), timeout=60_000)  # type: ignore[attr-defined]
        keys(qtbot, Qt.Key.Key_Escape)
        done.append(True)

    QTimer.singleShot(0, drive_export_dialog)
    keys(qtbot, Qt.Key.Key_P, CTRL)  # File › Export PDF…
    qtbot.waitUntil(lambda: bool(done), timeout=90_000)
    assert out.read_bytes().startswith(b"%PDF")
    assert QApplication.activeModalWidget() is None
