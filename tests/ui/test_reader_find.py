"""Find in the reader: Ctrl+F while it has the focus, F3 / Shift+F3, Esc, "3 of 12"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from briefing_app.storage.repository import get_source_text
from briefing_app.ui.main_window import MainWindow

EL_PAIS = "002_e07262d9241f5558.txt"
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_find_in_the_article_counts_steps_and_closes(qtbot: QtBot, work_window: MainWindow) -> None:
    w = work_window
    w.open_first_excerpt("special-european-council-march-2025")
    reader = w.reader
    stored = get_source_text(w.db, EL_PAIS)
    assert stored is not None and reader.source_file == EL_PAIS
    total = stored.text.lower().count("european")
    assert total > 3
    reader.text.setFocus()
    qtbot.waitUntil(reader.text.hasFocus)
    qtbot.keyClick(reader.text, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert reader.find_bar.isVisible()
    assert QApplication.focusWidget() is reader.find_bar.box  # not the window's search box
    assert not w.search_panel.box.hasFocus()
    qtbot.keyClicks(reader.find_bar.box, "EUROPEAN")
    # The first place at or after what was in view (the excerpt the reader opened at).
    first = int(reader.find_status().split(" of ")[0])
    assert reader.find_status() == f"{first} of {total}"
    assert len(reader.found_places()) == total
    assert all(p.lower() == "european" for p in reader.found_places())
    qtbot.keyClick(reader.find_bar.box, Qt.Key.Key_F3)
    assert reader.find_status() == f"{first % total + 1} of {total}"
    qtbot.keyClick(reader.find_bar.box, Qt.Key.Key_Return)
    assert reader.find_status() == f"{(first + 1) % total + 1} of {total}"
    qtbot.keyClick(reader.find_bar.box, Qt.Key.Key_F3, SHIFT)
    assert reader.find_status() == f"{first % total + 1} of {total}"
    # The place Find is at is the text cursor's, so it is what the reader scrolled to.
    at = reader.text.textCursor().position()
    assert stored.text[at : at + 8].lower() == "european"
    qtbot.keyClick(reader.find_bar.box, Qt.Key.Key_Escape)
    assert reader.find_bar.isHidden()
    assert reader.found_places() == []
    assert reader.text.hasFocus()
    # From the text itself, F3 reopens Find where it was and goes on.
    qtbot.keyClick(reader.text, Qt.Key.Key_F3)
    assert reader.find_bar.isVisible()


def test_find_ignores_accents_and_says_no_match(qtbot: QtBot, work_window: MainWindow) -> None:
    w = work_window
    w.open_first_excerpt("special-european-council-march-2025")
    reader = w.reader
    reader.open_find()
    qtbot.keyClicks(reader.find_bar.box, "el pais")
    assert reader.find_status().endswith(f"of {len(reader.found_places())}")
    assert "EL PAÍS" in reader.found_places()
    reader.find_bar.box.clear()
    qtbot.keyClicks(reader.find_bar.box, "zzqx")
    assert reader.find_status() == "No match"
