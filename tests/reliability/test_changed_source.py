"""A stored article whose text no longer matches its SHA-256 is named when it is read."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import text

from briefing_app.storage.database import Database
from briefing_app.storage.repository import get_source_text, list_sources
from briefing_app.ui.main_window import MainWindow


def test_the_reader_names_an_article_whose_text_changed(qtbot: QtBot, library: Database) -> None:
    changed, intact = (s.file for s in list_sources(library)[:2])
    with library.engine.begin() as conn:  # one letter, as damage or a hand edit would leave it
        conn.execute(
            text("UPDATE sources SET text = replace(text, 'e', 'é') WHERE file = :f"),
            {"f": changed},
        )
    source = get_source_text(library, changed)
    assert source is not None and source.changed
    assert not get_source_text(library, intact).changed  # type: ignore[union-attr]
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.show()
    window.open_source(changed)
    warning = window.reader.changed_warning
    assert warning.isVisible()
    assert source.source.title in warning.text() and changed in warning.text()
    assert "has changed since it was stored" in warning.text()
    window.open_source(intact)
    assert not warning.isVisible()
