"""The export dialogs driven as a user would: options, preview, progress, Cancel."""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from briefing_app.storage.database import Database
from briefing_app.ui.export_dialog import PdfExportDialog
from briefing_app.ui.image_export_dialog import DataExportDialog, ImageExportDialog
from tests.export.conftest import body_text


def test_pdf_dialog_previews_and_exports(
    qtbot: QtBot, annotated_db: Database, tmp_path: Path
) -> None:
    dialog = PdfExportDialog(annotated_db)
    qtbot.addWidget(dialog)
    dialog.form.first_edit.setText("2021")
    dialog.form.last_edit.setText("2022")
    dialog.refresh_preview()
    pixmaps = [label.pixmap() for label in dialog.previews]
    assert all(p is not None and not p.isNull() for p in pixmaps)
    assert "events" in dialog.message.text()
    out = tmp_path / "dialog.pdf"
    dialog.path_edit.setText(str(out))
    with qtbot.wait_signal(dialog.exported, timeout=20_000) as blocker:
        dialog.export_button.click()
        assert dialog.running and dialog.cancel_button.isEnabled()
    assert blocker.args == [str(out), len(PdfReader(out).pages)]
    assert not dialog.running and dialog.export_button.isEnabled()


def test_pdf_dialog_cancel_leaves_no_file(
    qtbot: QtBot, annotated_db: Database, tmp_path: Path
) -> None:
    dialog = PdfExportDialog(annotated_db)
    qtbot.addWidget(dialog)
    out = tmp_path / "cancelled.pdf"
    dialog.path_edit.setText(str(out))
    dialog.start_export()
    dialog._advance()  # one slice of work: the file now exists, partly written
    dialog.cancel_button.click()
    assert not dialog.running
    assert not out.exists()
    assert "cancelled" in dialog.message.text()


def test_pdf_dialog_reports_bad_dates(qtbot: QtBot, annotated_db: Database) -> None:
    dialog = PdfExportDialog(annotated_db)
    qtbot.addWidget(dialog)
    dialog.form.first_edit.setText("last spring")
    with qtbot.wait_signal(dialog.failed):
        dialog.export_button.click()
    assert "YYYY" in dialog.message.text()
    assert not dialog.running


def test_image_and_data_dialogs_write_files(
    qtbot: QtBot, annotated_db: Database, tmp_path: Path
) -> None:
    image = ImageExportDialog(annotated_db)
    qtbot.addWidget(image)
    image.width_box.setValue(900)
    image.path_edit.setText(str(tmp_path / "slide.png"))
    assert image.export(), image.message.text()
    assert QImage(str(tmp_path / "slide.png")).width() == 900

    data = DataExportDialog(annotated_db)
    qtbot.addWidget(data)
    data.form.lane_boxes[next(iter(data.form.lane_boxes))].setChecked(False)
    data.path_edit.setText(str(tmp_path / "web.json"))
    assert data.export(), data.message.text()
    doc = json.loads((tmp_path / "web.json").read_text(encoding="utf-8"))
    assert doc["events"] and all(e["group"] != "EU" for e in doc["events"])


def test_pdf_dialog_prints_the_chosen_briefing(
    qtbot: QtBot, library: Database, tmp_path: Path
) -> None:
    from briefing_app.services.briefings import add_point, create_briefing

    brief = create_briefing(library, "Monday call")
    add_point(
        library, brief.uid, "Headline Goal never met in full", [("helsinki-headline-goal", None)]
    )
    dialog = PdfExportDialog(library)
    qtbot.addWidget(dialog)
    box = dialog.briefing_box
    assert [box.itemText(i) for i in range(box.count())] == [
        "No briefing section",
        "Monday call (1 point)",
    ]
    dialog.choose_briefing(brief.uid)
    out = tmp_path / "with-briefing.pdf"
    dialog.path_edit.setText(str(out))
    with qtbot.wait_signal(dialog.exported, timeout=20_000):
        dialog.export_button.click()
    text = body_text(out)
    assert "Monday call" in text and "Headline Goal never met in full" in text
    box.setCurrentIndex(0)  # none: no briefing section
    with qtbot.wait_signal(dialog.exported, timeout=20_000):
        dialog.export_button.click()
    assert "Headline Goal never met in full" not in body_text(out)
