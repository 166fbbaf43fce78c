"""Random bytes in the write-ahead log: the saved changes SQLite would drop are counted and said."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from briefing_app import cli
from briefing_app.services.annotations import create_annotation
from briefing_app.services.library import open_library
from briefing_app.storage.database import DamagedDatabaseError, Database
from briefing_app.storage.wal import wal_damage


@pytest.fixture
def crashed(tmp_path: Path) -> Path:
    """The file and its log as a crash leaves them: ten notes saved, none yet in the file."""
    live = tmp_path / "live" / "library.sqlite"
    live.parent.mkdir()
    db = open_library(live)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    for i in range(10):
        create_annotation(db, event_id="helsinki-headline-goal", body=f"saved note {i}")
    left = tmp_path / "library.sqlite"
    for suffix in ("", "-wal"):
        shutil.copy(str(live) + suffix, str(left) + suffix)
    db.close()
    return left


def _notes(path: Path) -> int:
    db = Database.open(path)
    try:
        with db.engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM annotations")).scalar() or 0)
    finally:
        db.close()


def test_an_intact_log_after_a_crash_opens_with_every_note(crashed: Path) -> None:
    assert wal_damage(crashed) is None
    assert _notes(crashed) == 10


@pytest.mark.parametrize("where", ["first page", "a frame header", "the log header"])
def test_a_damaged_log_is_refused_untouched_with_what_it_would_lose(
    crashed: Path, where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    wal = Path(str(crashed) + "-wal")
    data = bytearray(wal.read_bytes())
    at = {"first page": 32 + 24 + 100, "a frame header": 32 + 16, "the log header": 12}[where]
    data[at] ^= 0xFF
    wal.write_bytes(bytes(data))
    before = crashed.read_bytes(), wal.read_bytes()
    with pytest.raises(DamagedDatabaseError) as caught:
        Database.open(crashed)
    message = str(caught.value)
    assert "library.sqlite-wal" in message and "saved change(s)" in message
    assert "It has not been opened or changed" in message
    assert (crashed.read_bytes(), wal.read_bytes()) == before
    assert cli.main(["--db", str(crashed), "export", "--format", "json"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "damaged write-ahead log" in err and "Traceback" not in err
    assert (crashed.read_bytes(), wal.read_bytes()) == before
