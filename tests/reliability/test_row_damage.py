"""Bytes overwritten inside row data: recognised wherever read, said once, a sound backup offered.

SQLite's quick_check passes such a file; the damage shows only when the
row is read. Here the middle of one seed article's stored text is turned
into bytes that are not UTF-8.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefing_app import cli
from briefing_app.paths import SEEDS_DIR
from briefing_app.services.annotations import create_annotation
from briefing_app.services.backups import (
    backup_dir_for,
    damage_in,
    list_backups,
    newest_sound_backup,
    take_backup,
)
from briefing_app.services.library import open_library
from briefing_app.storage.database import DamagedDatabaseError, Database
from briefing_app.storage.repository import get_source_text
from briefing_app.ui import app as gui_app
from briefing_app.ui.common.damage_watch import DamageWatch
from briefing_app.ui.main_window import MainWindow
from tests.helpers.row_damage import damage_text

SEED = "003_9593e50859e1daf2.txt"


def _needle() -> str:
    text = (SEEDS_DIR / SEED).read_text(encoding="utf-8")
    return text[len(text) // 2 : len(text) // 2 + 30]


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[Path, Path]:
    """A library with one sound backup, then a note, then its article text damaged."""
    path = tmp_path / "library.sqlite"
    db = open_library(path)
    sound = take_backup(db)
    assert sound is not None
    create_annotation(db, event_id="strategic-compass-adopted", body="written after the backup")
    db.close()
    assert damage_text(path, _needle()) >= 1
    return path, sound


def test_quick_check_passes_but_reading_the_row_says_damaged(damaged: tuple[Path, Path]) -> None:
    path, _sound = damaged
    db = Database.open(path)  # the structure is sound: it opens
    try:
        with pytest.raises(DamagedDatabaseError) as caught:
            get_source_text(db, SEED)
    finally:
        db.close()
    assert f"{path} is damaged" in str(caught.value)
    assert "with text" not in str(caught.value)  # the damaged bytes are not echoed


def test_the_command_line_says_it_once_and_names_the_sound_backup(
    damaged: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path, sound = damaged
    assert cli.main(["--db", str(path), "check"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"{path} is damaged" in err and str(sound) in err


def test_no_backup_is_taken_of_damaged_data_and_the_sound_ones_stay(
    damaged: tuple[Path, Path],
) -> None:
    path, sound = damaged
    db = Database.open(path)
    try:
        with pytest.raises(DamagedDatabaseError, match="no backup was taken"):
            take_backup(db, force=True)
    finally:
        db.close()
    assert [b.path for b in list_backups(path)] == [sound]
    assert not list(backup_dir_for(path).glob(".*.partial"))


def test_the_newest_sound_backup_passes_over_a_damaged_one(damaged: tuple[Path, Path]) -> None:
    path, sound = damaged
    later = sound.with_name(sound.name.replace(sound.stem[-22:], "29991231-235959-000000"))
    shutil.copy(path, later)  # a newer backup holding the damage
    assert list_backups(path)[0].path == later
    assert damage_in(later) is not None and damage_in(sound) is None
    best = newest_sound_backup(path)
    assert best is not None and best.path == sound


def test_the_window_says_it_once_keeps_backups_honest_and_still_closes(
    qtbot: QtBot, damaged: tuple[Path, Path]
) -> None:
    path, sound = damaged
    db = Database.open(path)
    window = MainWindow(db)
    qtbot.addWidget(window)
    watch = DamageWatch()
    watch.install()
    try:
        window.databaseDamaged.connect(watch.report)
        window.show()
        with qtbot.wait_signal(watch.damaged) as said:
            window.sources_list.sourceActivated.emit(SEED)  # the reader reads the text
        window.sources_list.sourceActivated.emit(SEED)  # met again: not said again
        messages: list[str] = []
        watch.damaged.connect(messages.append)
        with qtbot.wait_signal(window.databaseDamaged):
            window.backups.backup_now()  # the backup timer meets it too
        assert f"{path} is damaged" in said.args[0]
        assert messages == []
        assert window.backup_problem.isVisible()
        assert "No backup taken" in window.backup_problem.text()
        assert "damaged" in window.backup_problem.text()
        window.close()  # closing tries a backup: no exception, and no damaged copy kept
        assert not window.isVisible()
    finally:
        watch.uninstall()
        db.close()
    assert [b.path for b in list_backups(path)] == [sound]


def test_the_offer_is_the_newest_sound_backup(
    damaged: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, sound = damaged
    asked: list[str] = []
    monkeypatch.setattr(gui_app, "_ask", lambda _t, text, _a: asked.append(text) or True)
    chosen = gui_app._offer_restore(path, "damaged", while_open=True)
    assert chosen is not None and chosen.path == sound
    assert len(asked) == 1 and chosen.label in asked[0]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    for backup in list_backups(path):
        backup.path.unlink()
    assert gui_app._offer_restore(path, "damaged") is None
    assert len(shown) == 1 and "no sound backup" in shown[0]


def test_damage_in_the_events_the_timeline_reads_is_said_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The event list is read through the driver's own cursor, for speed: it is covered too."""
    import json

    path = tmp_path / "library.sqlite"
    open_library(path).close()
    chronology = json.loads((SEEDS_DIR.parent / "resources" / "chronology.json").read_text("utf-8"))
    reference = next(e["references"][0] for e in chronology["events"] if e.get("references"))
    assert damage_text(path, reference[:24]) >= 1
    out = tmp_path / "out.csv"
    assert cli.main(["--db", str(path), "export", "--format", "csv", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{path} is damaged" in err and "Traceback" not in err and not out.exists()


def test_the_window_check_of_the_articles_meets_the_damage_and_says_so(
    qtbot: QtBot, damaged: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.ui.source_check import SourceCheck

    path, _sound = damaged
    monkeypatch.setattr(SourceCheck, "DELAY_MS", 0)
    db = Database.open(path)
    window = MainWindow(db)
    qtbot.addWidget(window)
    try:
        with qtbot.wait_signal(window.databaseDamaged, timeout=20000) as said:
            window.show()
        assert f"{path} is damaged" in said.args[0]
        window.close()
    finally:
        db.close()
