"""A full disk at open, a read-only file to export from, a window holding the file."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from alembic import command

from briefing_app import cli
from briefing_app.storage import files
from briefing_app.storage.database import Database, DatabaseError
from briefing_app.ui.app import lock_for
from tests.storage.test_migrations import _make_0001


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_a_full_disk_for_the_copy_before_an_upgrade_is_said_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite"
    _make_0001(path)
    before = _dump(path)

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files, "_fsync", full)
    with pytest.raises(DatabaseError) as caught:
        Database.open(path)
    assert "the disk is full" in str(caught.value) and "Restore a backup" not in str(caught.value)
    assert _dump(path) == before


def test_a_full_disk_during_an_upgrade_is_said_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite"
    _make_0001(path)
    before = _dump(path)
    real = command.upgrade

    def upgrade_until_full(cfg: object, revision: str) -> None:
        real(cfg, revision)  # type: ignore[arg-type]
        full = sqlite3.OperationalError("database or disk is full")
        full.sqlite_errorcode = sqlite3.SQLITE_FULL  # type: ignore[attr-defined]
        raise full

    monkeypatch.setattr(command, "upgrade", upgrade_until_full)
    with pytest.raises(DatabaseError) as caught:
        Database.open(path)
    assert "the disk is full" in str(caught.value) and "Restore a backup" not in str(caught.value)
    assert _dump(path) == before


def test_export_reads_a_read_only_file(
    library_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing_app.services.library import open_library

    open_library(library_path).close()
    library_path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        out = tmp_path / "out.csv"
        assert (
            cli.main(["--db", str(library_path), "export", "--format", "csv", "-o", str(out)]) == 0
        )
        assert out.read_text(encoding="utf-8").count("\n") > 30
    finally:
        library_path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    capsys.readouterr()


def test_the_command_line_does_not_write_under_an_open_window(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing_app.services.library import open_library

    open_library(library_path).close()
    window = lock_for(library_path)
    assert window.tryLock(0)  # what an open window holds
    try:
        before = _dump(library_path)
        code = cli.main(
            [
                "--db",
                str(library_path),
                "annotations",
                "add",
                "helsinki-headline-goal",
                "--text",
                "x",
            ]
        )
        err = capsys.readouterr().err
        assert code == 2 and "is open in a window of the app" in err
        assert "nothing was written" in err and "Traceback" not in err
        assert _dump(library_path) == before
        assert cli.main(["--db", str(library_path), "export", "--format", "json"]) == 0  # reading
    finally:
        window.unlock()
    capsys.readouterr()
    assert (
        cli.main(
            [
                "--db",
                str(library_path),
                "annotations",
                "add",
                "helsinki-headline-goal",
                "--text",
                "x",
            ]
        )
        == 0
    )
    assert not Path(str(library_path) + ".lock").exists()


_MHTML = (
    b"MIME-Version: 1.0\n"
    b'Content-Type: multipart/related; boundary="B"\n\n'
    b"--B\n"
    b'Content-Type: text/html; charset="utf-8"\n'
    b"Content-Transfer-Encoding: base64\n\n"
    b"%s\n"
    b"--B--\n"
)


@pytest.mark.parametrize(
    "body",
    [
        b"PGh0bWw+PGJvZHk+PHA+SGVsbG8gd29ybGQ8L3A+PC9ib2R5PjwvaHRtbD4+A",  # a length base64 lacks
        b"<html><body><p>The minister said so.</p></body></html>",  # not base64 at all
    ],
)
def test_an_mhtml_page_that_cannot_be_decoded_is_refused(tmp_path: Path, body: bytes) -> None:
    from briefing_app.ingest.problems import ImportProblem
    from briefing_app.ingest.readers import read_article

    page = tmp_path / "saved.mhtml"
    page.write_bytes(_MHTML % body)
    with pytest.raises(ImportProblem, match="cannot be decoded, so nothing was imported"):
        read_article(page)
