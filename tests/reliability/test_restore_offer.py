"""End to end: a damaged file opened in the window, the offered backup accepted, the work back.

The file is damaged in a note's tags (a JSON list no longer JSON, which the
window reads as it opens); the message box the user sees offers the newest
sound backup, the test clicks its Restore Backup button, and the window that
opens on the restored file shows the note that was in the backup, while the
damaged file is kept beside it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from briefing_app.services.annotations import annotations_of_event, create_annotation
from briefing_app.services.backups import take_backup
from briefing_app.services.library import open_library
from briefing_app.storage.database import Database
from briefing_app.ui import app as gui_app
from tests.helpers.row_damage import damage_text

EVENT = "strategic-compass-adopted"
WORK = "Kept in the backup: the Compass timetable slipped twice"


def _click_when_asked(seen: list[str]) -> None:
    """Click Restore Backup on the message box once it is up (it runs its own loop)."""
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(20, lambda: _click_when_asked(seen))
        return
    seen.append(box.text())
    restore = next(b for b in box.buttons() if b.text() == "Restore Backup")
    restore.click()


def test_a_damaged_file_is_restored_from_the_offered_backup_with_the_work_in_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "library.sqlite"
    db = open_library(path)
    create_annotation(db, event_id=EVENT, body=WORK, tags=["zq-damage-me", "brief"])
    assert take_backup(db) is not None
    db.close()
    assert damage_text(path, '["zq-damage-me", "brief"]', b"{") >= 1
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _click_when_asked(seen))
    opened = gui_app._open_sound(path)
    assert not isinstance(opened, int), "the window did not open on the restored file"
    restored, lock, window = opened
    qtbot.addWidget(window)
    try:
        assert len(seen) == 1 and f"{path} is damaged" in seen[0]
        assert "Restore it?" in seen[0]
        window.show()
        window.select_event(EVENT)
        bodies = [card.editor.toPlainText() for card in window.work.notes.cards()]
        assert WORK in bodies  # the user sees the note again
        assert [a.body for a in annotations_of_event(restored, EVENT)] == [WORK]
        kept = [
            p for p in tmp_path.iterdir() if p.name.startswith("library") and "damaged" in p.name
        ]
        assert kept, "the damaged file is kept beside the restored one"
        window.close()
    finally:
        restored.close()
        if lock is not None:
            lock.unlock()
    again = Database.open(path)  # and the restored file opens again, sound
    try:
        assert [a.body for a in annotations_of_event(again, EVENT)] == [WORK]
    finally:
        again.close()
