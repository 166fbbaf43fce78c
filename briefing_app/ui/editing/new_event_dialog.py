"""The dialog for an event of the user's own: new from a selection in the reader, or edited.

From a selection, the date is pre-filled with the first date the passage
mentions, resolved against the source's publication date and kept at the
precision the words give ("in 2008" is a year, "on Thursday" a day); the
lane is guessed from the actors the passage names; the passage itself
becomes the event's first excerpt. OK stays disabled until the title and
the date make sense, and the reason is shown under the fields.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefing_app.domain.dates import DateFormatError, DateSpan, PartialDate, Precision
from briefing_app.domain.model import LANES, Confidence, Lane
from briefing_app.services.selection import Suggestion
from briefing_app.services.user_events import EventDraft
from briefing_app.ui.common.plain_text import plain_label

__all__ = ["NewEventDialog"]

_PRECISIONS = (Precision.DAY, Precision.WEEK, Precision.MONTH, Precision.YEAR)


class NewEventDialog(QDialog):
    """Title, date at a precision, lane, actors, summary, confidence (and the quote)."""

    def __init__(self, parent: QWidget | None = None, *, quote: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("newEventDialog")
        self.setWindowTitle("New Event from Selection" if quote else "Event")
        self.resize(560, 0)
        self.title = QLineEdit()
        self.title.setObjectName("eventTitleEdit")
        self.title.setPlaceholderText("What happened, in your words")
        self.date = QLineEdit()
        self.date.setObjectName("eventDateEdit")
        self.date.setPlaceholderText("YYYY, YYYY-MM or YYYY-MM-DD")
        self.precision = QComboBox()
        self.precision.setObjectName("eventPrecision")
        for p in _PRECISIONS:
            self.precision.addItem(p.value, p)
        self.end = QLineEdit()
        self.end.setPlaceholderText("optional, for a period")
        self.date_source = plain_label()
        self.date_source.setStyleSheet("color: #555;")
        self.lane = QComboBox()
        self.lane.setObjectName("eventLane")
        for lane in LANES:
            self.lane.addItem(lane.value, lane)
        self.actors = QLineEdit()
        self.actors.setPlaceholderText("separated by commas")
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText("A summary in your own words")
        self.summary.setFixedHeight(80)
        self.summary.setTabChangesFocus(True)
        self.references = QPlainTextEdit()
        self.references.setObjectName("eventReferences")
        self.references.setPlaceholderText("Where this comes from, one per line (e.g. a URL)")
        self.references.setFixedHeight(48)
        self.references.setTabChangesFocus(True)
        self.confidence = QComboBox()
        for c in Confidence:
            self.confidence.addItem(c.value, c)
        self.confidence.setCurrentIndex(list(Confidence).index(Confidence.MEDIUM))
        self.quote = plain_label(f"“{quote}”" if quote else "")
        self.quote.setObjectName("eventQuote")
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = plain_label()
        self.problem.setObjectName("eventProblem")
        self.problem.setStyleSheet("color: #a04000;")

        when = QHBoxLayout()
        when.addWidget(self.date, 1)
        when.addWidget(self.precision)
        form = QFormLayout()
        form.addRow("Title", self.title)
        form.addRow("Date", when)
        form.addRow("", self.date_source)
        form.addRow("Until", self.end)
        form.addRow("Lane", self.lane)
        form.addRow("Actors", self.actors)
        form.addRow("Summary", self.summary)
        form.addRow("References", self.references)
        form.addRow("Confidence", self.confidence)
        if quote:
            form.addRow("First excerpt", self.quote)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.problem)
        box.addWidget(self.buttons)
        for signal in (self.title.textChanged, self.date.textChanged, self.end.textChanged):
            signal.connect(self._check)
        self.precision.currentIndexChanged.connect(self._precision_changed)
        self._check()

    # -- filling in ----------------------------------------------------------------------------
    def suggest(self, suggestion: Suggestion) -> None:
        """Pre-fill the date (at its precision) and the lane from a selection."""
        if suggestion.date is not None:
            self.set_date(suggestion.date)
            self.date_source.setText(f"read from “{suggestion.date_text}” in the selection")
        else:
            self.date_source.setText("No date found in the selection: type one.")
        self.lane.setCurrentIndex(LANES.index(suggestion.lane))
        self._check()

    def set_date(self, value: PartialDate) -> None:
        self.precision.blockSignals(True)
        self.precision.setCurrentIndex(_PRECISIONS.index(value.precision))
        self.precision.blockSignals(False)
        self.date.setText(value.iso())

    def fill(self, draft: EventDraft) -> None:
        """Show an existing event's fields (editing one of the user's events)."""
        self.title.setText(draft.title)
        self.set_date(draft.when.start)
        self.end.setText(draft.when.end.iso() if draft.when.end else "")
        self.lane.setCurrentIndex(LANES.index(draft.lane))
        self.actors.setText(", ".join(draft.actors))
        self.summary.setPlainText(draft.summary)
        self.references.setPlainText("\n".join(draft.references))
        self.confidence.setCurrentIndex(list(Confidence).index(draft.confidence))
        self._check()

    # -- reading back -----------------------------------------------------------------------------
    @property
    def chosen_precision(self) -> Precision:
        return _PRECISIONS[max(self.precision.currentIndex(), 0)]

    def when(self) -> DateSpan:
        """The date as typed at the chosen precision; raises DateFormatError with the reason."""
        start = PartialDate.parse(self.date.text(), self.chosen_precision)
        end_text = self.end.text().strip()
        end = PartialDate.parse(end_text) if end_text else None
        return DateSpan(start, end)

    def draft(self) -> EventDraft:
        return EventDraft(
            title=self.title.text(),
            when=self.when(),
            lane=Lane(self.lane.currentData()),
            actors=tuple(a.strip() for a in self.actors.text().split(",") if a.strip()),
            summary=self.summary.toPlainText(),
            confidence=Confidence(self.confidence.currentData()),
            references=tuple(
                line.strip() for line in self.references.toPlainText().splitlines() if line.strip()
            ),
        )

    def _precision_changed(self, _index: int) -> None:
        """A coarser precision trims the typed date: 2025-03-06 as a month is 2025-03."""
        try:
            value = PartialDate.parse(self.date.text())
        except DateFormatError:
            self._check()
            return
        wanted = self.chosen_precision
        if wanted.rank > value.precision.rank or wanted is Precision.WEEK:
            self.date.setText(PartialDate(value.value, wanted).iso())
        self._check()

    def _check(self, *_args: object) -> None:
        problems = []
        if not self.title.text().strip():
            problems.append("Give the event a title.")
        try:
            self.when()
        except DateFormatError as exc:
            problems.append(f"Date: {exc}.")
        self.problem.setText(" ".join(problems))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problems)
