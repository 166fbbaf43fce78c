"""Checking what each imported article says about itself, before it is saved.

One dialog for every file of an import: the files on the left, the selected
one's metadata on the right (title, outlet, author, publication date and its
precision, language, address), all editable. Everything the file gave is shown
as plain text, never as markup.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.domain.dates import DateFormatError, PartialDate, Precision
from briefing_app.ingest.dates import LANGUAGES
from briefing_app.ingest.metadata import ArticleMetadata
from briefing_app.services.importer import PreparedImport
from briefing_app.ui.common.plain_text import plain_label

__all__ = ["MetadataDialog"]

_PRECISIONS = (Precision.DAY, Precision.MONTH, Precision.YEAR)


class MetadataDialog(QDialog):
    """Edit the metadata of each prepared article; ``metadata()`` gives the result."""

    def __init__(self, prepared: list[PreparedImport], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importMetadataDialog")
        self.setWindowTitle("Import Articles")
        self.resize(820, 460)
        self._prepared = prepared
        self._values = [p.metadata for p in prepared]
        self._errors: dict[int, str] = {}
        self._row = -1

        self.files = QListWidget()
        self.files.setObjectName("importFiles")
        for p in prepared:
            self.files.addItem(p.path.name)
        self.files.setMaximumWidth(200)
        self.title = QLineEdit()
        self.outlet = QLineEdit()
        self.outlet.setPlaceholderText("unknown outlet")
        self.author = QLineEdit()
        self.published = QLineEdit()
        self.published.setPlaceholderText("YYYY, YYYY-MM or YYYY-MM-DD")
        self.precision = QComboBox()
        for p in _PRECISIONS:
            self.precision.addItem(p.value, p)
        self.language = QComboBox()
        self.language.addItems(list(LANGUAGES))
        self.url = QLineEdit()
        self.details = plain_label()
        self.details.setObjectName("importDetails")
        self.error = plain_label()
        self.error.setStyleSheet("color: #b00020")

        date_row = QHBoxLayout()
        date_row.addWidget(self.published, 1)
        date_row.addWidget(QLabel("known to the"))
        date_row.addWidget(self.precision)
        form = QFormLayout()
        form.addRow("&Title", self.title)
        form.addRow("&Outlet", self.outlet)
        form.addRow("&Author", self.author)
        published_label = QLabel("&Published")
        published_label.setBuddy(self.published)
        form.addRow(published_label, date_row)
        form.addRow("&Language", self.language)
        form.addRow("&Address", self.url)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.details)
        right.addStretch(1)
        right.addWidget(self.error)
        body = QHBoxLayout()
        body.addWidget(self.files)
        body.addLayout(right, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        n = len(prepared)
        self.import_button: QPushButton = self.buttons.addButton(
            f"Import {n} Article{'s' if n != 1 else ''}", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importButton")
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label("Check what each file says about itself; anything can be changed.")
        )
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)

        self.files.currentRowChanged.connect(self._show)
        for edit in (self.title, self.outlet, self.author, self.published, self.url):
            edit.textEdited.connect(self._store)
        self.published.textEdited.connect(self._follow_form)
        self.precision.currentIndexChanged.connect(self._store)
        self.language.currentIndexChanged.connect(self._store)
        self.files.setCurrentRow(0)

    # -- showing and storing ----------------------------------------------------------
    def _show(self, row: int) -> None:
        if row < 0:
            return
        self._row = -1  # no storing while the fields are filled
        meta, prep = self._values[row], self._prepared[row]
        self.title.setText(meta.title)
        self.outlet.setText(meta.outlet)
        self.author.setText(meta.author or "")
        self.published.setText(meta.published.iso() if meta.published else "")
        precision = meta.published.precision if meta.published else Precision.DAY
        self.precision.setCurrentIndex(max(0, self.precision.findData(precision)))
        self.language.setCurrentText(meta.language if meta.language in LANGUAGES else "en")
        self.url.setText(meta.url or "")
        article = prep.article
        lines = [
            f"{article.format.upper()}, {article.size:,} bytes"
            + (f", {article.encoding}" if article.encoding else ""),
            f"Article text: {article.body_end - article.body_start:,} characters; "
            f"{len(article.furniture)} stretch(es) of page furniture kept and dimmed",
            f"Dates found: {len(prep.mentions)}; events proposed: {len(prep.proposals)}",
            *(f"Note: {note}" for note in article.notes),
        ]
        self.details.setText("\n".join(lines))
        self._row = row
        self._show_error()

    def _follow_form(self, text: str) -> None:
        """Typing 2025-03 makes the precision a month, as the form says."""
        digits = text.strip().count("-")
        form = {0: Precision.YEAR, 1: Precision.MONTH}.get(digits, Precision.DAY)
        self.precision.setCurrentIndex(self.precision.findData(form))

    def _store(self, *_args: object) -> None:
        row = self._row
        if row < 0:
            return
        text = self.published.text().strip()
        published = None
        self._errors.pop(row, None)
        if text:
            try:
                published = PartialDate.parse(text, self.precision.currentData())
            except DateFormatError as exc:
                self._errors[row] = f"Publication date: {exc}"
        self._values[row] = replace(
            self._values[row],
            title=self.title.text().strip(),
            outlet=self.outlet.text().strip(),
            author=self.author.text().strip() or None,
            published=published if row not in self._errors else self._values[row].published,
            language=self.language.currentText(),
            url=self.url.text().strip() or None,
        )
        if not self._values[row].title:
            self._errors[row] = "Every article needs a title."
        self._show_error()

    def _show_error(self) -> None:
        if self._errors:
            row = min(self._errors)
            self.error.setText(f"{self._prepared[row].path.name}: {self._errors[row]}")
        else:
            self.error.setText("")
        self.import_button.setEnabled(not self._errors)

    def _accept_if_valid(self) -> None:
        if not self._errors:
            self.accept()

    # -- result -------------------------------------------------------------------------
    def metadata(self) -> list[ArticleMetadata]:
        return list(self._values)
