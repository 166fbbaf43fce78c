"""A stored article whose text no longer matches its SHA-256 is named wherever it is read.

In the reader, by the window's check after opening, by ``check`` and by
every export: the article's title and file, once, in words.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from briefing_app import cli
from briefing_app.storage.database import Database
from briefing_app.storage.fingerprints import changed_sources
from briefing_app.storage.repository import get_source_text, list_sources
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.source_check import SourceCheck

LIBRARY_BACKENDS = ("sqlite", "postgresql")


def _change_one(db: Database) -> tuple[str, str]:
    """One letter changed behind the app's back in the first cited article: (file, title)."""
    with db.engine.connect() as conn:
        file, title = conn.execute(
            text(
                "SELECT s.file, s.title FROM sources s JOIN excerpts x ON x.source_pk = s.pk "
                "ORDER BY s.file LIMIT 1"
            )
        ).one()
    with db.engine.begin() as conn:  # as damage or a hand edit would leave it
        conn.execute(
            text("UPDATE sources SET text = replace(text, 'e', 'é') WHERE file = :f"),
            {"f": file},
        )
    return file, title


def test_the_reader_names_an_article_whose_text_changed(qtbot: QtBot, library: Database) -> None:
    changed, _title = _change_one(library)
    intact = next(s.file for s in list_sources(library) if s.file != changed)
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


def test_the_window_checks_every_article_after_opening(
    qtbot: QtBot, library: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    file, title = _change_one(library)
    monkeypatch.setattr(SourceCheck, "DELAY_MS", 0)
    window = MainWindow(library)
    qtbot.addWidget(window)
    with qtbot.wait_signal(window.source_check.changed, timeout=20000):
        window.show()
    label = window.changed_sources
    assert label.isVisible()
    assert f"“{title}” ({file})" in label.text()
    assert label.text().count(file) == 1
    assert "has changed since it was stored" in label.text()
    window.close()


def test_an_intact_library_says_nothing(
    qtbot: QtBot, library: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert changed_sources(library) == []
    monkeypatch.setattr(SourceCheck, "DELAY_MS", 0)
    window = MainWindow(library)
    qtbot.addWidget(window)
    with qtbot.wait_signal(window.source_check.changed, timeout=20000) as said:
        window.show()
    assert said.args == [""]
    assert not window.changed_sources.isVisible()
    window.close()


def test_check_names_the_changed_article(
    library: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    file, title = _change_one(library)
    assert cli.main(["--db", str(library.location), "check"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.count(file) == 1 and f"“{title}” ({file}) has changed since it was stored" in err


@pytest.mark.parametrize("fmt", ["json", "csv", "timelinejs", "pdf", "png", "xlsx"])
def test_every_export_names_the_changed_article_once(
    library: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    file, title = _change_one(library)
    out = tmp_path / f"out.{fmt}"
    assert cli.main(["--db", str(library.location), "export", "--format", fmt, "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.count(file) == 1 and f"“{title}” ({file}) has changed" in err
    assert out.exists()
    if fmt == "json":
        doc = json.loads(out.read_text(encoding="utf-8"))
        flags = [
            x["needs_check"] for e in doc["events"] for x in e["excerpts"] if x["source"] == file
        ]
        assert flags and all(flags)  # its passages are flagged, not clean quotations


def test_an_export_to_standard_output_names_it_too(
    library: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    file, _title = _change_one(library)
    assert cli.main(["--db", str(library.location), "export", "--format", "csv"]) == 0
    captured = capsys.readouterr()
    assert captured.err.count(file) == 1 and "has changed since it was stored" in captured.err
    assert "has changed" not in captured.out  # the data stays the data


def test_an_intact_export_warns_of_nothing(
    library: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.json"
    assert cli.main(["--db", str(library.location), "export", "-o", str(out)]) == 0
    assert "warning" not in capsys.readouterr().err


def test_the_export_dialog_names_it_in_its_message(
    qtbot: QtBot, library: Database, tmp_path: Path
) -> None:
    from briefing_app.ui.exporting.image_export_dialog import DataExportDialog

    file, title = _change_one(library)
    dialog = DataExportDialog(library)
    qtbot.addWidget(dialog)
    dialog.format_box.setCurrentText("CSV")
    dialog.path_edit.setText(str(tmp_path / "out.csv"))
    dialog.export_button.click()
    said = dialog.message.text()
    assert said.startswith("Wrote") and f"“{title}” ({file}) has changed" in said
    assert said.count(file) == 1
