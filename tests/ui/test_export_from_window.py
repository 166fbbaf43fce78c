"""An export started from the window shows what the window shows: every filter, not only lanes."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from briefing_app.domain.model import Confidence, Lane
from briefing_app.storage.database import Database
from briefing_app.ui.exporting.export_dialog import PdfExportDialog
from briefing_app.ui.exporting.image_export_dialog import DataExportDialog
from briefing_app.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, library: Database) -> Iterator[MainWindow]:
    QSettings().clear()
    win = MainWindow(library)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    QSettings().clear()


def _opened(monkeypatch: pytest.MonkeyPatch, kind: type[QDialog]) -> list[QDialog]:
    """The dialogs the window opens, kept instead of run modally."""
    opened: list[QDialog] = []
    monkeypatch.setattr(kind, "exec", lambda self: opened.append(self) or 0)
    return opened


def test_data_export_takes_the_actor_and_lanes_filtered_on_screen(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    flt = replace(window.filter_bar.filter, actor="NATO").with_lane(Lane.OTHER, False)
    window.filter_bar.set_filter(flt)
    shown = {e.id for e in window.events if flt.matches(e)}
    assert 0 < len(shown) < len(window.events)
    opened = _opened(monkeypatch, DataExportDialog)
    window.export_data_action.trigger()
    (dialog,) = opened
    assert isinstance(dialog, DataExportDialog)
    assert "actor: NATO" in dialog.form.kept_label.text()
    assert not dialog.form.lane_boxes[Lane.OTHER].isChecked()
    dialog.format_box.setCurrentText("CSV")
    out = tmp_path / "nato.csv"
    dialog.path_edit.setText(str(out))
    assert dialog.export(), dialog.message.text()
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["id"] for r in rows} == shown


def test_pdf_export_takes_the_confidence_and_period_filtered_on_screen(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    flt = replace(
        window.filter_bar.filter,
        confidences=frozenset({Confidence.HIGH}),
        first_day=date(2014, 1, 1),
        last_day=date(2019, 12, 31),
    )
    window.filter_bar.set_filter(flt)
    opened = _opened(monkeypatch, PdfExportDialog)
    window.export_pdf_action.trigger()
    (dialog,) = opened
    assert isinstance(dialog, PdfExportDialog)
    assert dialog.form.first_edit.text() == "2014-01-01"
    options = dialog.options()
    assert options.filter == flt
    assert "Confidence: high" in options.describe_filters()
