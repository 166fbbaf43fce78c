"""Bytes changed inside a JSON list or a typed value: damage that still reads as some value.

A note's tags, an event's actors, a time: overwritten, they often stay
valid UTF-8 that SQLite hands over without complaint, and ``quick_check``
passes. Each is recognised by whatever reads it, on the command line and in
the window, said once with the file's name, the newest sound backup named
or offered, and never copied over the sound backups.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from briefing_app import cli
from briefing_app.services.annotations import create_annotation
from briefing_app.services.backups import damage_in, list_backups, newest_sound_backup, take_backup
from briefing_app.services.library import open_library
from briefing_app.storage.database import DamagedDatabaseError, Database
from briefing_app.storage.repository import list_events
from briefing_app.ui import app as gui_app
from briefing_app.ui.common.damage_watch import DamageWatch
from briefing_app.ui.main_window import MainWindow
from tests.helpers.row_damage import damage_text

EVENT = "strategic-compass-adopted"
TAGS = '["zq-damage-me", "brief"]'


def _library(tmp_path: Path) -> tuple[Path, Path]:
    """A library with a tagged note in a sound backup, then a note written after it."""
    path = tmp_path / "library.sqlite"
    db = open_library(path)
    create_annotation(db, event_id=EVENT, body="kept in the backup", tags=["zq-damage-me", "brief"])
    sound = take_backup(db)
    assert sound is not None
    create_annotation(db, event_id=EVENT, body="written after the backup")
    db.close()
    return path, sound


@pytest.fixture
def tags_damaged(tmp_path: Path) -> tuple[Path, Path]:
    """The note's tags: one byte of the stored JSON list changed, still valid UTF-8."""
    path, sound = _library(tmp_path)
    assert damage_text(path, TAGS, b"{") >= 1
    return path, sound


@pytest.fixture
def actors_damaged(tmp_path: Path) -> tuple[Path, Path]:
    """An event's actors, which the timeline reads at start, no longer a JSON list."""
    path, sound = _library(tmp_path)
    db = Database.open(path)
    with db.engine.connect() as conn:
        actors = conn.execute(
            text("SELECT actors FROM events WHERE id = :e"), {"e": EVENT}
        ).scalar_one()
    db.close()
    assert damage_text(path, actors, b"]") >= 1
    return path, sound


def test_quick_check_passes_the_file_but_damage_in_finds_it(
    tags_damaged: tuple[Path, Path],
) -> None:
    path, sound = tags_damaged
    db = Database.open(path)  # the structure is sound: it opens
    db.close()
    found = damage_in(path)
    assert found is not None and "table annotations" in found and "column tags" in found
    assert damage_in(sound) is None


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["export", "--format", "json", "-o", "{out}.json"],
        ["export", "--format", "csv", "-o", "-"],
        ["export", "--format", "pdf", "-o", "{out}.pdf"],
        ["annotations", "export", "-o", "{out}.notes.json"],
    ],
)
def test_every_command_says_it_once_and_names_the_sound_backup(
    tags_damaged: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    path, sound = tags_damaged
    argv = [part.replace("{out}", str(tmp_path / "out")) for part in command]
    assert cli.main(["--db", str(path), *argv]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1
    assert f"{path} is damaged" in err and str(sound) in err
    assert not list(tmp_path.glob("out*"))  # nothing written from damaged data


def test_damaged_actors_are_said_by_the_fast_event_read(
    actors_damaged: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path, sound = actors_damaged
    db = Database.open(path)
    try:
        with pytest.raises(DamagedDatabaseError) as caught:
            list_events(db)
    finally:
        db.close()
    assert f"{path} is damaged" in str(caught.value)
    assert cli.main(["--db", str(path), "export", "--format", "csv", "-o", "-"]) == 2
    err = capsys.readouterr().err
    assert f"{path} is damaged" in err and str(sound) in err and "Traceback" not in err


def test_a_value_of_the_wrong_kind_is_damage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A time whose bytes became a number reads as a number: the check says damaged."""
    path, sound = _library(tmp_path)
    db = Database.open(path)
    with db.engine.begin() as conn:
        conn.execute(
            text("UPDATE annotations SET created_at = 12345 WHERE body = 'kept in the backup'")
        )
    db.close()
    found = damage_in(path)
    assert found is not None and "column created_at" in found
    assert cli.main(["--db", str(path), "check"]) == 2
    err = capsys.readouterr().err
    assert f"{path} is damaged" in err and str(sound) in err and "Traceback" not in err


def test_no_backup_is_taken_of_damaged_json(tags_damaged: tuple[Path, Path]) -> None:
    path, sound = tags_damaged
    db = Database.open(path)
    try:
        with pytest.raises(DamagedDatabaseError, match="no backup was taken"):
            take_backup(db, force=True)
    finally:
        db.close()
    assert [b.path for b in list_backups(path)] == [sound]
    best = newest_sound_backup(path)
    assert best is not None and best.path == sound


def test_the_window_says_it_once_when_a_note_read_later_is_damaged(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Damage that appears while the window is open: met by the event panel and the backups."""
    path, _sound = _library(tmp_path)
    db = Database.open(path)
    watch = DamageWatch()
    watch.path = path
    watch.install()
    messages: list[str] = []
    watch.damaged.connect(messages.append)
    try:
        window = MainWindow(db)
        qtbot.addWidget(window)
        window.databaseDamaged.connect(watch.report)
        window.show()
        with db.engine.begin() as conn:  # as a bad sector or another program would leave it
            conn.execute(text("UPDATE annotations SET tags = '{\"zq\", ' WHERE tags LIKE '%zq%'"))
        with qtbot.wait_signal(watch.damaged):
            window.timeline.eventSelected.emit(EVENT)  # the event panel reads its notes
        window.timeline.eventSelected.emit(EVENT)  # met again: not said again
        with qtbot.wait_signal(window.databaseDamaged):
            window.backups.backup_now()
        assert len(messages) == 1 and f"{path} is damaged" in messages[0]
        assert (
            window.backup_problem.isVisible() and "No backup taken" in window.backup_problem.text()
        )
        window.close()
    finally:
        watch.uninstall()
        db.close()


def test_opening_the_window_on_damaged_tags_offers_the_backup(
    qtbot: QtBot, tags_damaged: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _sound = tags_damaged
    asked: list[str] = []
    monkeypatch.setattr(gui_app, "_ask", lambda _t, text, _a: asked.append(text) or False)
    assert gui_app._open_sound(path) == 2
    assert len(asked) == 1 and f"{path} is damaged" in asked[0]


def test_opening_the_window_on_damaged_actors_offers_the_backup(
    qtbot: QtBot, actors_damaged: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, sound = actors_damaged
    asked: list[str] = []
    monkeypatch.setattr(gui_app, "_ask", lambda _t, text, _a: asked.append(text) or False)
    assert gui_app._open_sound(path) == 2
    assert len(asked) == 1 and f"{path} is damaged" in asked[0]
    assert newest_sound_backup(path).path == sound  # type: ignore[union-attr]
