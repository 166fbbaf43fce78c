"""File › Export Image… (PNG, SVG), Export Data… (TimelineJS, CSV, Excel, iCalendar)
and Export Word Briefing… (a briefing note as .docx).

All are quick, so they run at once on Export; the options are the same as
the PDF's (period and lanes; tags and sections for data), and the period
starts as the window the timeline shows. Every file is written beside its
target and renamed when complete, so a failed export leaves the old file.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from briefing_app.domain.briefing import BriefingSnapshot
from briefing_app.export.csv_export import write_csv
from briefing_app.export.document_formats import document_bytes, docx_quote_summary
from briefing_app.export.images import (
    DEFAULT_WIDTH,
    MAX_PIXELS,
    ImageError,
    write_png,
    write_svg,
)
from briefing_app.export.options import OptionsError
from briefing_app.export.selection import ExportSelection, select_for_export
from briefing_app.export.timelinejs import write_timelinejs
from briefing_app.services.briefings import get_briefing, list_briefings
from briefing_app.storage.database import Database
from briefing_app.storage.files import not_written, open_replacing, write_bytes
from briefing_app.storage.fingerprints import changed_message
from briefing_app.ui.exporting.export_dialog import ExportOptionsForm

__all__ = ["DataExportDialog", "ImageExportDialog", "WordExportDialog"]


class _FileExportDialog(QDialog):
    """Options, a format, a file, and Export. Signals: ``exported(str)``, ``failed(str)``."""

    exported = Signal(str)
    failed = Signal(str)

    FORMATS: ClassVar[dict[str, str]] = {}
    """Format name → file suffix."""

    def __init__(
        self, db: Database, title: str, form: ExportOptionsForm, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.db = db
        self.form = form
        self.format_box = QComboBox()
        self.format_box.addItems(list(self.FORMATS))
        self.format_box.currentTextChanged.connect(self._suffix_changed)
        self.path_edit = QLineEdit()
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._choose_path)
        self.extra = QFormLayout()
        self.extra.addRow("Format:", self.format_box)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self.extra.addRow("File:", path_row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.clicked.connect(self.export)
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(form)
        layout.addLayout(self.extra)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._suffix_changed(self.format_box.currentText())

    def _suffix_changed(self, name: str) -> None:
        suffix = self.FORMATS[name]
        current = self.path_edit.text().strip()
        base = Path(current) if current else Path.home() / "briefing-chronology"
        self.path_edit.setText(str(base.with_suffix(suffix)))

    def _choose_path(self) -> None:
        suffix = self.FORMATS[self.format_box.currentText()]
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.windowTitle(),
            self.path_edit.text(),
            f"{self.format_box.currentText()} (*{suffix})",
        )
        if path:
            self.path_edit.setText(path)

    def export(self) -> bool:
        """Write the file; the message says what was written or why not."""
        path = Path(self.path_edit.text().strip()).expanduser()
        try:
            selection = select_for_export(self.db, self.form.options())
            summary = self.write(selection, path)
        except (OptionsError, ImageError) as exc:
            self.message.setText(str(exc))
            self.failed.emit(str(exc))
            return False
        except OSError as exc:
            words = not_written(path, exc)
            self.message.setText(words)
            self.failed.emit(words)
            return False
        said = f"Wrote {path} ({summary})."
        if selection.quotes is not None and selection.quotes.changed:
            said += " " + changed_message(selection.quotes.changed)
        self.message.setText(said)
        self.exported.emit(str(path))
        return True

    def write(self, selection: ExportSelection, path: Path) -> str:
        raise NotImplementedError


class ImageExportDialog(_FileExportDialog):
    """The timeline of a period as PNG (at a chosen width) or SVG, for slides."""

    FORMATS: ClassVar[dict[str, str]] = {"PNG": ".png", "SVG": ".svg"}

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, "Export Image", ExportOptionsForm(sections=False, tags=False), parent)
        self.width_box = QSpinBox()
        self.width_box.setRange(64, MAX_PIXELS)
        self.width_box.setValue(DEFAULT_WIDTH)
        self.width_box.setSuffix(" px")
        self.extra.addRow("Width:", self.width_box)

    def write(self, selection: ExportSelection, path: Path) -> str:
        writer = write_png if self.format_box.currentText() == "PNG" else write_svg
        size = writer(selection, path, self.width_box.value())
        return f"{size.width()} × {size.height()} px"


class DataExportDialog(_FileExportDialog):
    """The chronology as TimelineJS3 JSON (web), CSV or Excel (spreadsheets), or iCalendar."""

    FORMATS: ClassVar[dict[str, str]] = {
        "TimelineJS JSON": ".json",
        "CSV": ".csv",
        "Excel workbook": ".xlsx",
        "iCalendar": ".ics",
    }
    _DOCUMENTS: ClassVar[dict[str, str]] = {"Excel workbook": "xlsx", "iCalendar": "ics"}

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, "Export Data", ExportOptionsForm(), parent)
        self.bom_box = QCheckBox("Start with a byte-order mark (lets Excel read accents right)")
        self.bom_box.setChecked(True)
        self.extra.addRow("", self.bom_box)
        self.format_box.currentTextChanged.connect(self._format_changed)
        self._format_changed(self.format_box.currentText())

    def _format_changed(self, name: str) -> None:
        self.bom_box.setVisible(name == "CSV")

    def write(self, selection: ExportSelection, path: Path) -> str:
        name = self.format_box.currentText()
        if name in self._DOCUMENTS:
            write_bytes(path, document_bytes(self._DOCUMENTS[name], selection))
            return f"{len(selection.events)} events"
        with open_replacing(path, "w", encoding="utf-8", newline="") as fh:
            if name.startswith("Timeline"):
                write_timelinejs(selection, fh)
            else:
                write_csv(selection, fh, bom=self.bom_box.isChecked())
        return f"{len(selection.events)} events"


class WordExportDialog(_FileExportDialog):
    """A briefing as a Word briefing note: points with footnotes, its timeline and chronology."""

    FORMATS: ClassVar[dict[str, str]] = {"Word document": ".docx"}

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, "Export Word Briefing", ExportOptionsForm(sections=True), parent)
        self.briefing_box = QComboBox()
        self.briefing_box.setObjectName("wordBriefing")
        for brief in list_briefings(db):
            n = len(brief.points)
            self.briefing_box.addItem(f"{brief.name} ({n} point{'' if n == 1 else 's'})", brief.uid)
        self.chronology_box = QCheckBox("Add the chronology of the briefing's period")
        self.chronology_box.setChecked(True)
        self.extra.insertRow(0, "Briefing:", self.briefing_box)
        self.extra.addRow("", self.chronology_box)
        if self.briefing_box.count() == 0:
            self.briefing_box.setEnabled(False)
            self.message.setText(
                "There is no briefing yet: make one in the Briefing panel (New Briefing…) first."
            )

    def choose_briefing(self, uid: str | None) -> None:
        self.briefing_box.setCurrentIndex(max(self.briefing_box.findData(uid), 0))

    def briefing(self) -> BriefingSnapshot | None:
        """The briefing chosen, read afresh (None when there is none)."""
        uid = self.briefing_box.currentData()
        return get_briefing(self.db, uid) if uid else None

    def _briefing(self) -> BriefingSnapshot:
        uid = self.briefing_box.currentData()
        briefing = get_briefing(self.db, uid) if uid else None
        if briefing is None:
            raise OptionsError("choose a briefing to write")
        return briefing

    def write(self, selection: ExportSelection, path: Path) -> str:
        briefing = self._briefing()
        data = document_bytes(
            "docx", selection, briefing, chronology=self.chronology_box.isChecked()
        )
        write_bytes(path, data)
        n = len(briefing.points)
        said = f"“{briefing.name}”, {n} talking point{'' if n == 1 else 's'}"
        checked = docx_quote_summary(
            selection, briefing, chronology=self.chronology_box.isChecked()
        )
        return f"{said}; {checked}" if checked else said
