"""Grading a source, or one passage's credibility, in the Admiralty (NATO) system.

For a source: its reliability (A–F) and the usual credibility of what it
reports (1–6), or no grade of its own (it then takes its outlet's), and
whether to keep the grade as the outlet's usual one. For a passage: its own
credibility, or its source's.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from briefing_app.domain.grading import CREDIBILITY, RELIABILITY, Grade

__all__ = ["CredibilityDialog", "SourceGradeDialog"]


CREDIBILITY_DEFAULT = 6
"""An ungraded source's dialog starts at 6 (truth cannot be judged), never a made-up 2."""


def _combo(name: str, none: str, choices: dict[str, str], current: str | None) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    box.addItem(none, "")
    for key, meaning in choices.items():
        box.addItem(f"{key} — {meaning}", key)
    box.setCurrentIndex(max(box.findData(current or ""), 0))
    return box


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class SourceGradeDialog(QDialog):
    """A source's grade; OK gives ``grade()`` and ``for_outlet()``."""

    def __init__(
        self,
        title: str,
        outlet: str,
        own: Grade | None,
        outlet_grade: Grade | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sourceGradeDialog")
        self.setWindowTitle("Grade Source")
        about = QLabel(f"{outlet}: “{title}”")
        about.setTextFormat(Qt.TextFormat.PlainText)
        about.setWordWrap(True)
        usual = outlet_grade.describe() if outlet_grade else "none kept"
        hint = QLabel(f"Usual grade of {outlet}: {usual}")
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setWordWrap(True)
        start = own or outlet_grade
        self.reliability = _combo(
            "gradeReliability",
            "Not graded (take the outlet's)",
            RELIABILITY,
            start.reliability if start else None,
        )
        self.reliability.setAccessibleName("Reliability of the source")
        self.credibility = _combo(
            "gradeCredibility", "—", CREDIBILITY, start.credibility if start else None
        )
        self.credibility.setAccessibleName("Credibility of its information")
        if start is None:
            self.credibility.setCurrentIndex(CREDIBILITY_DEFAULT)
        self.outlet_box = QCheckBox(f"Keep this as the usual grade of {outlet}")
        self.outlet_box.setObjectName("gradeForOutlet")
        self.outlet = outlet
        self.own_before = own
        form = QFormLayout()
        form.addRow("Reliability:", self.reliability)
        form.addRow("Credibility:", self.credibility)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.outlet_box)
        self.reliability.currentIndexChanged.connect(self._sync)
        self._sync()
        layout.addWidget(_buttons(self))

    def _sync(self) -> None:
        graded = bool(self.reliability.currentData())
        self.credibility.setEnabled(graded)
        self.outlet_box.setEnabled(graded)

    def set_grade(self, grade: Grade | None) -> None:
        """Choose ``grade`` in the fields (None: not graded)."""
        self.reliability.setCurrentIndex(
            max(self.reliability.findData(grade.reliability if grade else ""), 0)
        )
        if grade:
            self.credibility.setCurrentIndex(self.credibility.findData(grade.credibility))

    def grade(self) -> Grade | None:
        """The grade chosen, or None for no grade of its own."""
        r, c = self.reliability.currentData(), self.credibility.currentData()
        return Grade(r, c) if r and c else None

    def for_outlet(self) -> bool:
        return self.outlet_box.isEnabled() and self.outlet_box.isChecked()


class CredibilityDialog(QDialog):
    """One passage's own credibility, or its source's; OK gives ``credibility()``."""

    def __init__(
        self, quote: str, source_grade: Grade | None, own: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("credibilityDialog")
        self.setWindowTitle("Credibility of This Passage")
        shown = quote if len(quote) <= 300 else quote[:299] + "…"
        about = QLabel(f"“{shown}”")
        about.setTextFormat(Qt.TextFormat.PlainText)
        about.setWordWrap(True)
        said = source_grade.describe() if source_grade else "its source is not graded"
        hint = QLabel(f"Source: {said}")
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setWordWrap(True)
        self.box = _combo("passageCredibility", "The source's", CREDIBILITY, own)
        self.box.setAccessibleName("Credibility of this passage")
        form = QFormLayout()
        form.addRow("Credibility:", self.box)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))

    def credibility(self) -> str | None:
        return self.box.currentData() or None
