"""The export dialogs driven as a user would: options, preview, progress, Cancel."""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from briefing_app.storage.database import Database
from briefing_app.storage.files import partial_files
from briefing_app.ui.exporting.export_dialog import PdfExportDialog
from briefing_app.ui.exporting.image_export_dialog import DataExportDialog, ImageExportDialog
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
    assert "quotations checked against the stored articles on" in dialog.message.text()


def test_pdf_dialog_cancel_leaves_no_file(
    qtbot: QtBot, annotated_db: Database, tmp_path: Path
) -> None:
    dialog = PdfExportDialog(annotated_db)
    qtbot.addWidget(dialog)
    out = tmp_path / "cancelled.pdf"
    dialog.path_edit.setText(str(out))
    dialog.start_export()
    dialog._advance()  # one slice of work: a hidden file beside it, partly written
    assert partial_files(out) and not out.exists()
    dialog.cancel_button.click()
    assert not dialog.running
    assert list(tmp_path.iterdir()) == []
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


def test_data_dialog_writes_excel_and_calendar_and_csv_bom(
    qtbot: QtBot, annotated_db: Database, tmp_path: Path
) -> None:
    from briefing_app.ui.exporting.image_export_dialog import DataExportDialog

    dialog = DataExportDialog(annotated_db)
    qtbot.addWidget(dialog)
    dialog.format_box.setCurrentText("CSV")
    assert dialog.bom_box.isVisibleTo(dialog) and dialog.bom_box.isChecked()
    dialog.bom_box.setChecked(False)
    dialog.path_edit.setText(str(tmp_path / "plain.csv"))
    assert dialog.export()
    assert (tmp_path / "plain.csv").read_bytes().startswith(b"id,")
    dialog.format_box.setCurrentText("Excel workbook")
    assert not dialog.bom_box.isVisibleTo(dialog)
    assert dialog.path_edit.text().endswith("plain.xlsx")
    assert dialog.export()
    assert (tmp_path / "plain.xlsx").read_bytes()[:2] == b"PK"
    dialog.format_box.setCurrentText("iCalendar")
    assert dialog.export()
    assert (tmp_path / "plain.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert "Wrote" in dialog.message.text()


def test_word_dialog_writes_the_chosen_briefing(
    qtbot: QtBot, annotated_db: Database, tmp_path: Path
) -> None:
    import docx

    from briefing_app.services import briefings
    from briefing_app.ui.exporting.image_export_dialog import WordExportDialog

    made = briefings.create_briefing(annotated_db, "Word dialog briefing")
    briefings.add_point(
        annotated_db, made.uid, "Allies met in Wales.", [("nato-wales-summit", None)]
    )
    dialog = WordExportDialog(annotated_db)
    qtbot.addWidget(dialog)
    dialog.choose_briefing(made.uid)
    assert dialog.briefing_box.currentText() == "Word dialog briefing (1 point)"
    dialog.chronology_box.setChecked(False)
    dialog.path_edit.setText(str(tmp_path / "note.docx"))
    assert dialog.export()
    assert "“Word dialog briefing”, 1 talking point" in dialog.message.text()
    # The point cites an event, not a passage, and the chronology is left out.
    assert "; 0 quotations checked against the stored articles on" in dialog.message.text()
    paragraphs = [
        (p.style.name, p.text) for p in docx.Document(str(tmp_path / "note.docx")).paragraphs
    ]
    assert ("List Number", "Allies met in Wales.") in paragraphs
    assert not any(text == "Chronology" for _, text in paragraphs)


def test_word_dialog_says_when_there_is_no_briefing(qtbot: QtBot, tmp_path: Path) -> None:
    from briefing_app.services.library import open_library
    from briefing_app.ui.exporting.image_export_dialog import WordExportDialog

    db = open_library(tmp_path / "fresh.sqlite")
    try:
        dialog = WordExportDialog(db)
        qtbot.addWidget(dialog)
        assert dialog.briefing_box.count() == 0
        assert "no briefing yet" in dialog.message.text()
        dialog.path_edit.setText(str(tmp_path / "none.docx"))
        assert not dialog.export()
        assert "choose a briefing" in dialog.message.text()
        assert not (tmp_path / "none.docx").exists()
    finally:
        db.close()
