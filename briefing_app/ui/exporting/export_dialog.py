"""File › Export PDF…: options, a preview of the first pages, progress with Cancel.

The export runs in the GUI thread in small steps pumped by a zero-interval
timer (the builder yields after every page), so the window stays responsive
and Cancel takes effect at the next page; cancelling deletes the partial file.
The preview is drawn by the PDF's own code onto images, a moment after the
options stop changing.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.domain.briefing import BriefingSnapshot
from briefing_app.domain.filters import EventFilter
from briefing_app.domain.model import LANES, Lane
from briefing_app.export.options import (
    ExportOptions,
    OptionsError,
    PageSize,
    parse_bound,
)
from briefing_app.export.pdf_document import PdfExport, Progress, render_preview
from briefing_app.export.selection import select_for_export
from briefing_app.services.briefings import get_briefing, list_briefings
from briefing_app.storage.database import Database
from briefing_app.storage.files import not_written
from briefing_app.storage.fingerprints import changed_message

__all__ = ["ExportOptionsForm", "PdfExportDialog"]

_PUMP_BUDGET_S = 0.04
"""Work done per timer tick before the event loop gets control back."""


class ExportOptionsForm(QWidget):
    """Period, lanes, tags and sections, shared by the export dialogs.

    Opened from the window it starts from the window's filter (``set_filter``):
    what the form has no field for (actor, confidence, notes only) is kept and
    said in a line, so the export shows what the screen shows.

    Signals: ``changed()`` whenever an option is edited.
    """

    changed = Signal()

    def __init__(
        self, *, sections: bool = True, tags: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        hint = "YYYY, YYYY-MM or YYYY-MM-DD"
        self.first_edit = QLineEdit()
        self.first_edit.setPlaceholderText(f"from the first event ({hint})")
        self.last_edit = QLineEdit()
        self.last_edit.setPlaceholderText(f"to the last event ({hint})")
        form.addRow("From:", self.first_edit)
        form.addRow("To:", self.last_edit)
        lanes_row = QHBoxLayout()
        self.lane_boxes: dict[Lane, QCheckBox] = {}
        for lane in LANES:
            box = QCheckBox(lane.value)
            box.setChecked(True)
            box.toggled.connect(self.changed)
            self.lane_boxes[lane] = box
            lanes_row.addWidget(box)
        lanes_row.addStretch(1)
        form.addRow("Lanes:", lanes_row)
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText("any (or tags separated by commas)")
        self._tags_field = tags
        if tags:
            form.addRow("Tags:", self.tags_edit)
        else:
            self.tags_edit.hide()
        self.annotations_box = QCheckBox("Include my annotations")
        self.annotations_box.setChecked(True)
        self.excerpts_box = QCheckBox("Include quotations")
        self.excerpts_box.setChecked(True)
        if sections:
            form.addRow("", self.annotations_box)
            form.addRow("", self.excerpts_box)
        else:
            self.annotations_box.hide()
            self.excerpts_box.hide()
        self._base = EventFilter()
        self.kept_label = QLabel()
        self.kept_label.setObjectName("exportKeptFilters")
        self.kept_label.setWordWrap(True)
        self.kept_label.hide()
        form.addRow(self.kept_label)
        for edit in (self.first_edit, self.last_edit, self.tags_edit):
            edit.textChanged.connect(self.changed)
        for box in (self.annotations_box, self.excerpts_box):
            box.toggled.connect(self.changed)

    def set_filter(self, flt: EventFilter) -> None:
        """Start from the window's filter: its period, lanes and tags in the fields, the rest
        kept as it is and named under them."""
        self._base = flt
        self.set_period(flt.first_day, flt.last_day)
        self.set_lanes(flt.lanes)
        kept = replace(flt, lanes=frozenset(LANES), first_day=None, last_day=None)
        if self._tags_field:
            self.tags_edit.setText(", ".join(sorted(flt.tags, key=str.casefold)))
            kept = replace(kept, tags=frozenset())
        self.kept_label.setText(
            f"As in the window: {kept.describe()}" if not kept.is_default else ""
        )
        self.kept_label.setVisible(not kept.is_default)
        self.changed.emit()

    def set_period(self, first: date | None, last: date | None) -> None:
        self.first_edit.setText(first.isoformat() if first else "")
        self.last_edit.setText(last.isoformat() if last else "")

    def set_lanes(self, lanes: frozenset[Lane]) -> None:
        for lane, box in self.lane_boxes.items():
            box.setChecked(lane in lanes)

    def options(self, **extra: object) -> ExportOptions:
        """The options as typed; raises ``OptionsError`` with a message for the user."""
        first = self.first_edit.text().strip()
        last = self.last_edit.text().strip()
        tags = frozenset(t.strip() for t in self.tags_edit.text().split(",") if t.strip())
        if not self._tags_field:
            tags = self._base.tags
        flt = replace(
            self._base,
            first_day=parse_bound(first, end=False) if first else None,
            last_day=parse_bound(last, end=True) if last else None,
            lanes=frozenset(lane for lane, box in self.lane_boxes.items() if box.isChecked()),
            tags=tags,
        )
        return ExportOptions(
            flt,
            include_annotations=self.annotations_box.isChecked(),
            include_excerpts=self.excerpts_box.isChecked(),
            **extra,  # type: ignore[arg-type]
        )


class PdfExportDialog(QDialog):
    """Options, preview and a cancellable export to PDF.

    Signals: ``exported(str, int)`` with the path and page count when a PDF
    is written; ``failed(str)`` with the reason when it is not.
    """

    exported = Signal(str, int)
    failed = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export PDF")
        self.db = db
        self.form = ExportOptionsForm()
        self.page_size = QComboBox()
        self.page_size.addItems([size.value for size in PageSize])
        self.page_size.currentIndexChanged.connect(self.form.changed)
        self.form.layout().addRow("Paper:", self.page_size)  # type: ignore[attr-defined]
        self.briefing_box = QComboBox()
        self.briefing_box.setObjectName("exportBriefing")
        self.briefing_box.addItem("No briefing section", None)
        for brief in list_briefings(db):
            n = len(brief.points)
            self.briefing_box.addItem(f"{brief.name} ({n} point{'' if n == 1 else 's'})", brief.uid)
        self.briefing_box.setEnabled(self.briefing_box.count() > 1)
        self.briefing_box.currentIndexChanged.connect(self.form.changed)
        self.form.layout().addRow("Briefing:", self.briefing_box)  # type: ignore[attr-defined]

        self.path_edit = QLineEdit(str(Path.home() / "briefing-chronology.pdf"))
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._choose_path)
        path_label = QLabel("Save &to:")
        path_label.setBuddy(self.path_edit)  # Alt+T puts the cursor in it, and names it aloud
        path_row = QHBoxLayout()
        path_row.addWidget(path_label)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)

        self.previews = [QLabel() for _ in range(3)]
        preview_box = QGroupBox("First pages")
        preview_row = QHBoxLayout(preview_box)
        for label in self.previews:
            label.setFixedSize(QSize(190, 190))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet("background: #d8d8dc;")
            preview_row.addWidget(label)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()

        self.buttons = QDialogButtonBox()
        accept = QDialogButtonBox.ButtonRole.AcceptRole
        self.export_button = self.buttons.addButton("Export", accept)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.cancel_button.setEnabled(False)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addLayout(path_row)
        layout.addWidget(preview_box)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

        self._steps: Iterator[Progress] | None = None
        self._export: PdfExport | None = None
        self._pump = QTimer(self)
        self._pump.setInterval(0)
        self._pump.timeout.connect(self._advance)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(300)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self.form.changed.connect(self._preview_timer.start)
        self._preview_timer.start()

    # -- options -------------------------------------------------------------------
    def options(self) -> ExportOptions:
        return self.form.options(page_size=PageSize(self.page_size.currentText()))

    def choose_briefing(self, uid: str | None) -> None:
        """Preselect a briefing (the one the window shows); unknown uids leave none chosen."""
        self.briefing_box.setCurrentIndex(max(self.briefing_box.findData(uid), 0))

    def briefing(self) -> BriefingSnapshot | None:
        """The briefing to print after the chronology, read afresh."""
        uid = self.briefing_box.currentData()
        return get_briefing(self.db, uid) if uid else None

    def _choose_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export PDF", self.path_edit.text(), "PDF (*.pdf)"
        )
        if path:
            self.path_edit.setText(path if path.lower().endswith(".pdf") else path + ".pdf")

    def refresh_preview(self) -> None:
        """Draw the first pages for the current options, or say what is wrong with them."""
        try:
            selection = select_for_export(self.db, self.options())
        except OptionsError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(
            f"{len(selection.events)} events, {len(selection.cited_sources())} sources cited"
        )
        images = render_preview(
            selection, pages=len(self.previews), dpi=30, briefing=self.briefing()
        )
        for label, image in zip(self.previews, [*images, None, None, None], strict=False):
            if image is None:
                label.clear()
                continue
            label.setPixmap(
                QPixmap.fromImage(image).scaled(
                    label.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )

    # -- export --------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._steps is not None

    def start_export(self) -> None:
        if self.running:
            return
        self._preview_timer.stop()  # from now on the message is the export's
        path = Path(self.path_edit.text().strip()).expanduser()
        try:
            selection = select_for_export(self.db, self.options())
        except OptionsError as exc:
            self.message.setText(str(exc))
            self.failed.emit(str(exc))
            return
        self._export = PdfExport(selection, path, self.briefing())
        self._steps = self._export.steps()
        self.progress.setRange(0, 0)
        self.progress.show()
        self._set_busy(True)
        self.message.setText(f"Writing {path.name}…")
        self._pump.start()

    def _advance(self) -> None:
        steps = self._steps
        if steps is None:
            return
        deadline = time.monotonic() + _PUMP_BUDGET_S
        try:
            while time.monotonic() < deadline:
                progress = next(steps)
                self.progress.setRange(0, progress.total)
                self.progress.setValue(progress.done)
                self.progress.setFormat(f"%p% · {progress.message}")
        except StopIteration:
            self._done()
        except OSError as exc:
            path = self._export.path if self._export is not None else ""
            self._stop()
            words = not_written(path, exc)
            self.message.setText(words)
            self.failed.emit(words)
        except ValueError as exc:
            self._stop()
            self.message.setText(f"The PDF could not be written: {exc}")
            self.failed.emit(str(exc))

    def _done(self) -> None:
        export = self._export
        self._stop()
        assert export is not None
        said = f"Wrote {export.path} ({export.pages} pages)."
        quotes = export.selection.quotes
        if quotes is not None:
            said += " " + "; ".join(quotes.summary_parts()) + "."
            if quotes.changed:
                said += " " + changed_message(quotes.changed)
        self.message.setText(said)
        self.exported.emit(str(export.path), export.pages)

    def cancel_export(self) -> None:
        """Stop at the current page and delete the partial file."""
        if self._steps is not None:
            self._steps.close()
        self._stop()
        self.message.setText("Export cancelled; nothing was written, and no file was replaced.")

    def _stop(self) -> None:
        self._pump.stop()
        self._steps = None
        self._export = None
        self.progress.hide()
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        self.form.setEnabled(not busy)
        self.export_button.setEnabled(not busy)
        self.close_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)

    def reject(self) -> None:
        if self.running:
            self.cancel_export()
            return
        super().reject()
