"""UI fixtures: a main window on a temporary library, for the tests of the user's own work."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from briefing_app.storage.database import Database
from briefing_app.ui.main_window import MainWindow


def open_window(qtbot: QtBot, db: Database) -> MainWindow:
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


@pytest.fixture
def work_window(qtbot: QtBot, library: Database) -> Iterator[MainWindow]:
    QSettings().clear()
    win = open_window(qtbot, library)
    yield win
    win.close()
    QSettings().clear()


def window_gone_before_db(qtbot: QtBot, db: Database) -> Iterator[MainWindow]:
    """A shown window on ``db``, closed and deleted before the database goes.

    Closing saves; deleting stops the refreshes it queued (live edits from a team
    database), so nothing reaches a closed database.
    """
    QSettings().clear()
    win = MainWindow(db)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    with qtbot.waitSignal(win.destroyed):
        win.deleteLater()
    QSettings().clear()
