from __future__ import annotations

from pytestqt.qtbot import QtBot

from briefing_app.storage.database import Database
from briefing_app.ui.main_window import MainWindow


def test_main_window_opens_on_the_library(qtbot: QtBot, library: Database) -> None:
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "events" in window.statusBar().currentMessage()
    assert window.menuBar().actions()[0].text() == "&File"
