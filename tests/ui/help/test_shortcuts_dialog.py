"""Help › Keyboard Shortcuts, built alone from a menu bar."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar
from pytestqt.qtbot import QtBot

from briefing_app.ui.help.shortcuts_dialog import ShortcutsDialog


def test_a_combination_the_theme_lists_twice_is_shown_once(qtbot: QtBot) -> None:
    bar = QMenuBar()
    qtbot.addWidget(bar)
    edit = bar.addMenu("&Edit")
    redo = QAction("&Redo", bar)
    redo.setShortcuts(
        [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
    )
    edit.addAction(redo)
    dialog = ShortcutsDialog(bar)
    qtbot.addWidget(dialog)
    rows = [
        (dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text())
        for r in range(dialog.table.rowCount())
    ]
    assert ("Ctrl+Shift+Z, Ctrl+Y", "Edit › Redo") in rows
    assert ("↑ / ↓", "Timeline: the nearest event in the lane above / below") in rows
    assert any(keys == "Space" and "expand the cluster" in command for keys, command in rows)
