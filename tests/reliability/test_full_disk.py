"""A full disk under every export: said in words, the old file untouched, nothing left beside.

The disk is filled by injection: every write through ``storage.files`` fails
with ENOSPC once a byte budget is spent (at once, or part-way through the
file), or the final sync before the rename fails. Each export runs as the
command line runs it (``cli.main``) and from its window.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefing_app import cli
from briefing_app.services import briefings
from briefing_app.services.library import open_library
from briefing_app.storage import files
from briefing_app.storage.database import Database
from briefing_app.ui.exporting.export_dialog import PdfExportDialog
from briefing_app.ui.exporting.image_export_dialog import (
    DataExportDialog,
    ImageExportDialog,
    WordExportDialog,
)

BRIEFING = "Full disk"
OLD = b"the file exported yesterday, which must survive"

EXPORTS: dict[str, list[str]] = {
    "json": ["export", "--format", "json"],
    "pdf": ["export", "--format", "pdf"],
    "png": ["export", "--format", "png", "--width", "400"],
    "svg": ["export", "--format", "svg", "--width", "400"],
    "timelinejs": ["export", "--format", "timelinejs"],
    "csv": ["export", "--format", "csv"],
    "xlsx": ["export", "--format", "xlsx"],
    "ics": ["export", "--format", "ics"],
    "docx": ["export", "--format", "docx", "--briefing", BRIEFING],
    "notes": ["annotations", "export"],
}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("full-disk") / "library.sqlite"
    db = open_library(path)
    made = briefings.create_briefing(db, BRIEFING)
    briefings.add_point(
        db, made.uid, "Leaders met.", [("special-european-council-march-2025", None)]
    )
    db.close()
    return path


class _FullFile:
    """A file whose disk fills after ``budget`` more bytes."""

    def __init__(self, real: Any, budget: list[int]) -> None:
        self._real = real
        self._budget = budget

    def write(self, data: Any) -> int:
        if len(data) > self._budget[0]:
            self._real.write(data[: self._budget[0]])  # what fitted, as a real disk does
            self._budget[0] = 0
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self._budget[0] -= len(data)
        return self._real.write(data)

    def __enter__(self) -> _FullFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._real.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def fill_disk(monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    """Make writes fail with ENOSPC: ``at-once``, ``part-way`` (after 300 bytes), ``at-sync``."""
    if how == "at-sync":

        def full(_fd: int) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(files, "_fsync", full)
        return
    budget = [0 if how == "at-once" else 300]

    def opening(path: Any, mode: str = "r", **kwargs: Any) -> Any:
        return _FullFile(open(path, mode, **kwargs), budget)

    monkeypatch.setattr(files, "open", opening, raising=False)


@pytest.fixture
def out_dir(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "out"
    folder.mkdir()
    yield folder
    assert not list(folder.glob(".*.partial")), "a temporary file was left behind"


@pytest.mark.parametrize("how", ["at-once", "part-way", "at-sync"])
@pytest.mark.parametrize("fmt", list(EXPORTS))
def test_every_export_on_a_full_disk_says_so_and_keeps_the_old_file(
    fmt: str,
    how: str,
    db_path: Path,
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    qapp: Any,
) -> None:
    target = out_dir / f"chronology.{fmt}"
    target.write_bytes(OLD)
    fill_disk(monkeypatch, how)
    code = cli.main(["--db", str(db_path), *EXPORTS[fmt], "-o", str(target)])
    err = capsys.readouterr().err
    assert code == 1, err
    assert "the disk is full" in err and "Traceback" not in err and "Errno" not in err
    assert err.count("\n") == 1, err  # one message
    assert target.read_bytes() == OLD
    assert [p.name for p in out_dir.iterdir()] == [target.name]


def test_the_same_exports_succeed_with_room(
    db_path: Path, out_dir: Path, capsys: pytest.CaptureFixture[str], qapp: Any
) -> None:
    """The control: the injection above is what made them fail."""
    for fmt, args in EXPORTS.items():
        target = out_dir / f"chronology.{fmt}"
        target.write_bytes(OLD)
        assert cli.main(["--db", str(db_path), *args, "-o", str(target)]) == 0, fmt
        assert target.read_bytes() != OLD and target.stat().st_size > 200, fmt
    capsys.readouterr()


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    opened = Database.open(db_path)
    yield opened
    opened.close()


@pytest.mark.parametrize(
    ("dialog_class", "name"),
    [
        (ImageExportDialog, "slide.png"),
        (DataExportDialog, "web.json"),
        (WordExportDialog, "note.docx"),
    ],
)
def test_the_file_dialogs_say_the_disk_is_full(
    dialog_class: type,
    name: str,
    qtbot: QtBot,
    db: Database,
    out_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = dialog_class(db)
    qtbot.addWidget(dialog)
    target = out_dir / name
    target.write_bytes(OLD)
    dialog.path_edit.setText(str(target))
    fill_disk(monkeypatch, "part-way")
    with qtbot.wait_signal(dialog.failed) as failed:
        assert not dialog.export()
    assert "the disk is full" in dialog.message.text()
    assert "unchanged" in dialog.message.text()
    assert failed.args == [dialog.message.text()]
    assert target.read_bytes() == OLD


def test_the_pdf_dialog_says_the_disk_is_full(
    qtbot: QtBot, db: Database, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = PdfExportDialog(db)
    qtbot.addWidget(dialog)
    target = out_dir / "briefing.pdf"
    target.write_bytes(OLD)
    dialog.path_edit.setText(str(target))
    fill_disk(monkeypatch, "part-way")
    with qtbot.wait_signal(dialog.failed, timeout=30_000):
        dialog.export_button.click()
    assert "the disk is full" in dialog.message.text()
    assert not dialog.running and dialog.export_button.isEnabled()
    assert target.read_bytes() == OLD


def test_the_window_says_the_disk_is_full_for_json_and_notes(
    qtbot: QtBot, db: Database, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.ui.main_window import MainWindow

    window = MainWindow(db)
    qtbot.addWidget(window)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    chronology, notes = out_dir / "chronology.json", out_dir / "notes.json"
    for target in (chronology, notes):
        target.write_bytes(OLD)
    monkeypatch.setattr(
        "briefing_app.ui.export_commands.QFileDialog.getSaveFileName",
        lambda *_a, **_k: (str(chronology), ""),
    )
    fill_disk(monkeypatch, "part-way")
    window.exports.json()
    window.work.export_work(str(notes))
    assert len(shown) == 2 and all("the disk is full" in text for text in shown), shown
    assert chronology.read_bytes() == OLD and notes.read_bytes() == OLD


def test_a_full_disk_under_qts_pdf_writer_is_caught(qapp: Any) -> None:
    """Qt's PDF writer says nothing when its writes fail; the sink asks the file."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    from PySide6.QtCore import QSizeF

    from briefing_app.export.pdf_sinks import PdfSink

    sink = PdfSink(Path("/dev/full"), "full")
    painter = sink.new_page(QSizeF(595, 842))
    painter.drawText(40, 40, "a page that cannot be stored " * 50)
    sink.finish()
    with pytest.raises(OSError) as caught:
        sink.check()
    assert caught.value.errno == errno.ENOSPC
