"""A calendar (.ics) imported from the window: its entries reviewed at their dates."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from briefing_app.storage.database import Database
from briefing_app.ui.importing.proposal_model import DATE, INCLUDE, TITLE
from briefing_app.ui.main_window import MainWindow

CALENDAR = Path(__file__).parents[1] / "data" / "calendars" / "outlook-export.ics"


@pytest.fixture
def window(qtbot: QtBot, library: Database) -> Iterator[MainWindow]:
    QSettings().clear()
    win = MainWindow(library)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.import_flow.wait()
    QSettings().clear()


def test_calendar_entries_are_reviewed_and_accepted_at_their_days(
    qtbot: QtBot, window: MainWindow
) -> None:
    flow = window.import_flow
    with qtbot.waitSignal(flow.metadataReady, timeout=20_000):
        assert window.import_articles([str(CALENDAR)])
    meta = flow.metadata_dialog
    assert meta is not None and meta.title.text() == "Defence desk"
    with qtbot.waitSignal(flow.reviewReady, timeout=20_000):
        qtbot.mouseClick(meta.import_button, Qt.MouseButton.LeftButton)
    review = flow.review_dialog
    assert review is not None
    model = review.model
    rows = {
        model.index(r, TITLE).data(): model.index(r, DATE).data() for r in range(model.rowCount())
    }
    assert rows == {
        "NATO summit in The Hague": "24–25 Jun 2025 (day)",
        "Informal meeting of EU defence ministers in Warsaw": "10–11 Apr 2025 (day)",
    }
    row = next(
        r for r in range(model.rowCount()) if model.index(r, TITLE).data().startswith("NATO")
    )
    assert model.setData(
        model.index(row, INCLUDE), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    with qtbot.waitSignal(flow.eventsAccepted, timeout=10_000) as accepted:
        qtbot.mouseClick(review.accept_button, Qt.MouseButton.LeftButton)
    event_ids, excerpts = accepted.args
    [new] = [e for e in window.events if e.id in event_ids]
    assert new.when.label() == "24–25 Jun 2025"
    assert window.reader.source_file == excerpts[0][0]
    assert "NATO summit in The Hague" in window.reader.highlighted_text()
    review.close()
