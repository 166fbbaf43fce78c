"""The filter bar: lane legend with check boxes, actor, confidence, notes or a tag, period.

Signals:
    filterChanged(object): the new EventFilter.
    periodChosen(object, object): the user typed a new period (first day, last day; either
        may be None); the window moves the timeline there.

A period that cannot be read ("2021-13") is marked on its field (red frame,
the reason as tooltip) and said in the bar until it is corrected; the rest of
the filter still applies.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.domain.changes import ChronologyChange
from briefing_app.domain.dates import DateFormatError, PartialDate
from briefing_app.domain.filters import ANY_GRADE, EventFilter
from briefing_app.domain.grading import Grade
from briefing_app.domain.model import LANES, Confidence, Lane

if TYPE_CHECKING:
    from briefing_app.ui.common.chronology_model import ChronologyModel

__all__ = ["FilterBar"]

_ANY_ACTOR = "Any actor"
_TAG_ROLE = Qt.ItemDataRole.UserRole + 1
_CONFIDENCE_CHOICES: list[tuple[str, frozenset[Confidence]]] = [
    ("Any confidence", frozenset(Confidence)),
    ("High only", frozenset({Confidence.HIGH})),
    ("High and medium", frozenset({Confidence.HIGH, Confidence.MEDIUM})),
]
_SHOW_CHOICES = ["All events", "Annotated", "Talking points"]
_GRADE_CHOICES: list[tuple[str, Grade | None]] = [
    ("Any grade", None),
    ("Graded sources", ANY_GRADE),
    ("C3 or better", Grade("C", "3")),
    ("B2 or better", Grade("B", "2")),
]
"""The grade floors offered: an event passes with one passage graded that well."""


def _parse_bound(text: str, *, end: bool) -> date | None:
    text = text.strip()
    if not text:
        return None
    d = PartialDate.parse(text)
    return d.last_day if end else d.first_day


def _one_tag(flt: EventFilter) -> str | None:
    """The tag the bar shows chosen: it offers one at a time (the first, of several)."""
    return min(flt.tags, key=str.casefold) if flt.tags else None


_BAD_FIELD = "QLineEdit { border: 2px solid #c0392b; background: #fdecea; }"


class FilterBar(QWidget):
    filterChanged = Signal(object)
    periodChosen = Signal(object, object)

    def __init__(self, lane_colors: Mapping[Lane, QColor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self._filter = EventFilter()
        self._period_problem = ""
        self._chronology: ChronologyModel | None = None
        # Two rows, so the window fits a 1280-pixel laptop screen: the lane legend
        # with the filter indicator, then the other filters.
        rows = QVBoxLayout(self)
        rows.setContentsMargins(6, 2, 6, 2)
        rows.setSpacing(2)
        layout = QHBoxLayout()
        second = QHBoxLayout()
        rows.addLayout(layout)
        rows.addLayout(second)
        self.lane_boxes: dict[Lane, QCheckBox] = {}
        for lane in LANES:
            box = QCheckBox(lane.value)
            box.setObjectName(f"lane-{lane.value}")
            box.setChecked(True)
            color = lane_colors.get(lane, QColor("gray")).name()
            box.setStyleSheet(
                f"QCheckBox::indicator:checked {{ background: {color}; border: 1px solid #444; }}"
                f"QCheckBox::indicator {{ width: 12px; height: 12px; border: 1px solid #888; }}"
            )
            box.setToolTip(f"Show or hide the {lane.value} lane")
            box.toggled.connect(lambda on, lane=lane: self._set_lane(lane, on))
            self.lane_boxes[lane] = box
            layout.addWidget(box)
        self.actor = QComboBox()
        self.actor.setObjectName("actorFilter")
        self.actor.setAccessibleName("Actor filter")
        self.actor.addItem(_ANY_ACTOR)
        self.actor.setMinimumContentsLength(12)
        self.actor.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.actor.currentTextChanged.connect(self._changed)
        self.confidence = QComboBox()
        self.confidence.setAccessibleName("Confidence filter")
        for label, _ in _CONFIDENCE_CHOICES:
            self.confidence.addItem(label)
        self.confidence.currentIndexChanged.connect(self._changed)
        self.show_only = QComboBox()
        self.show_only.addItems(_SHOW_CHOICES)
        self.show_only.setObjectName("notesFilter")
        self.show_only.setAccessibleName("Show events")
        self.show_only.setToolTip("All events, those with notes, talking points, or one tag")
        self.show_only.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.show_only.setMinimumContentsLength(8)
        self.show_only.currentIndexChanged.connect(self._changed)
        self.grade = QComboBox()
        self.grade.setObjectName("gradeFilter")
        self.grade.setAccessibleName("Source grade")
        self.grade.setToolTip(
            "Only events with a passage from a source graded this well (reliability A–F "
            "and credibility 1–6 both at least as good)"
        )
        for label, _ in _GRADE_CHOICES:
            self.grade.addItem(label)
        self.grade.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.grade.setMinimumContentsLength(9)
        self.grade.currentIndexChanged.connect(self._changed)
        self.date_from = QLineEdit()
        self.date_to = QLineEdit()
        for box, tip in ((self.date_from, "From"), (self.date_to, "To")):
            box.setPlaceholderText(f"{tip} YYYY-MM-DD")
            box.setAccessibleName(f"Shown {tip.lower()}")
            box.setToolTip(f"{tip}: a year, a month or a day (YYYY, YYYY-MM or YYYY-MM-DD)")
            box.setMinimumWidth(110)
            box.setMaximumWidth(140)
            box.editingFinished.connect(self._changed)
        self.indicator = QLabel()
        self.indicator.setObjectName("filterIndicator")
        self.indicator.setTextFormat(Qt.TextFormat.PlainText)
        self.indicator.setStyleSheet("color: #a04000; font-weight: 600;")
        self.clear = QPushButton("Clear filters")
        self.clear.clicked.connect(self.reset)
        self.clear.setEnabled(False)
        for w in (
            self.actor,
            self.confidence,
            self.show_only,
            self.date_from,
            self.date_to,
        ):
            second.addWidget(w)
        second.addStretch(1)
        layout.addSpacing(8)
        layout.addWidget(self.grade)  # on the lanes' row: the second is full on a laptop
        layout.addSpacing(12)
        layout.addWidget(self.indicator, 1)
        layout.addWidget(self.clear)

    @property
    def filter(self) -> EventFilter:
        return self._filter

    def follow(self, chronology: ChronologyModel) -> None:
        """Offer ``chronology``'s actors and tags, apply the filter chosen here to it, and say
        how many events it hides."""
        self._chronology = chronology
        chronology.changed.connect(self._chronology_changed)
        chronology.filterChanged.connect(self._filter_applied)
        self.filterChanged.connect(chronology.set_filter)
        self._chronology_changed(ChronologyChange.all())

    def _chronology_changed(self, change: ChronologyChange) -> None:
        if self._chronology is None:
            return
        if change.touches_events:
            self.set_actors(self._chronology.actors())
            self.set_tags(self._chronology.tags())
        self.set_hidden_count(self._chronology.hidden_count)

    def _filter_applied(self, _flt: EventFilter) -> None:
        if self._chronology is not None:
            self.set_hidden_count(self._chronology.hidden_count)

    def set_actors(self, actors: Iterable[str]) -> None:
        current = self.actor.currentText()
        self.actor.blockSignals(True)
        self.actor.clear()
        self.actor.addItem(_ANY_ACTOR)
        self.actor.addItems(sorted(set(actors), key=str.casefold))
        index = self.actor.findText(current)
        self.actor.setCurrentIndex(max(index, 0))
        self.actor.blockSignals(False)

    def set_tags(self, tags: Iterable[str]) -> None:
        """Offer "Tag: …" choices after the note filters; a chosen tag stays chosen."""
        chosen = _one_tag(self._filter)
        self.show_only.blockSignals(True)
        while self.show_only.count() > len(_SHOW_CHOICES):
            self.show_only.removeItem(self.show_only.count() - 1)
        names = sorted({t.casefold(): t for t in tags}.values(), key=str.casefold)
        if chosen and chosen.casefold() not in {n.casefold() for n in names}:
            names.append(chosen)  # keep a restored filter visible, even if no note has it now
        if names:
            self.show_only.insertSeparator(len(_SHOW_CHOICES))
        for name in names:
            self.show_only.addItem(f"Tag: {name}", name)
            self.show_only.setItemData(self.show_only.count() - 1, name, _TAG_ROLE)
        self._select_show(self._filter)
        self.show_only.blockSignals(False)

    def tag_choices(self) -> list[str]:
        """The tags offered, in order."""
        found = (self.show_only.itemData(i, _TAG_ROLE) for i in range(self.show_only.count()))
        return [t for t in found if isinstance(t, str)]

    def _select_show(self, flt: EventFilter) -> None:
        index = 2 if flt.flagged_only else 1 if flt.annotated_only else 0
        chosen = _one_tag(flt)
        if chosen:
            for i in range(self.show_only.count()):
                tag = self.show_only.itemData(i, _TAG_ROLE)
                if isinstance(tag, str) and tag.casefold() == chosen.casefold():
                    index = i
                    break
            else:
                self.show_only.addItem(f"Tag: {chosen}", chosen)
                self.show_only.setItemData(self.show_only.count() - 1, chosen, _TAG_ROLE)
                index = self.show_only.count() - 1
        self.show_only.setCurrentIndex(index)

    def set_filter(self, flt: EventFilter) -> None:
        """Show ``flt`` in the controls (restoring saved state) and announce it."""
        for w in (
            self.actor,
            self.confidence,
            self.show_only,
            self.grade,
            *self.lane_boxes.values(),
        ):
            w.blockSignals(True)
        for lane, box in self.lane_boxes.items():
            box.setChecked(lane in flt.lanes)
        index = self.actor.findText(flt.actor or _ANY_ACTOR)
        self.actor.setCurrentIndex(max(index, 0))
        for i, (_label, conf) in enumerate(_CONFIDENCE_CHOICES):
            if conf == flt.confidences:
                self.confidence.setCurrentIndex(i)
        self._select_show(flt)
        floors = [floor for _label, floor in _GRADE_CHOICES]
        self.grade.setCurrentIndex(floors.index(flt.min_grade) if flt.min_grade in floors else 0)
        self.date_from.setText(flt.first_day.isoformat() if flt.first_day else "")
        self.date_to.setText(flt.last_day.isoformat() if flt.last_day else "")
        for w in (
            self.actor,
            self.confidence,
            self.show_only,
            self.grade,
            *self.lane_boxes.values(),
        ):
            w.blockSignals(False)
        self._publish(flt)

    def reset(self) -> None:
        self.set_filter(EventFilter())

    def set_hidden_count(self, hidden: int) -> None:
        if self._filter.is_default:
            text = ""
        else:
            text = f"Filters hide {hidden} event{'s' if hidden != 1 else ''}"
            self.indicator.setToolTip(self._filter.describe())
        if self._period_problem:
            text = f"{text} · {self._period_problem}" if text else self._period_problem
        self.indicator.setText(text)

    def _read_bound(self, box: QLineEdit, *, end: bool) -> tuple[date | None, str]:
        """The field's day, or None with the reason it cannot be read (the field is marked)."""
        try:
            day = _parse_bound(box.text(), end=end)
        except DateFormatError as exc:
            box.setStyleSheet(_BAD_FIELD)
            box.setToolTip(f"Not a date: {exc}. Use YYYY, YYYY-MM or YYYY-MM-DD.")
            return None, str(exc)
        box.setStyleSheet("")
        box.setToolTip(
            f"{box.placeholderText().split()[0]}: a year, a month or a day "
            "(YYYY, YYYY-MM or YYYY-MM-DD)"
        )
        return day, ""

    def _set_lane(self, lane: Lane, visible: bool) -> None:
        self._publish(self._filter.with_lane(lane, visible))

    def _changed(self, *_args: object) -> None:
        first, bad_first = self._read_bound(self.date_from, end=False)
        last, bad_last = self._read_bound(self.date_to, end=True)
        if first and last and last < first:
            bad_last = "the period ends before it starts"
            self.date_to.setStyleSheet(_BAD_FIELD)
            last = None
        problem = bad_first or bad_last
        self._period_problem = f"Period ignored: {problem}" if problem else ""
        if problem:
            first = last = None
        moved = (first, last) != (self._filter.first_day, self._filter.last_day)
        actor = self.actor.currentText()
        show = self.show_only.currentIndex()
        tag = self.show_only.itemData(show, _TAG_ROLE)
        flt = replace(
            self._filter,
            actor=None if actor == _ANY_ACTOR else actor,
            confidences=_CONFIDENCE_CHOICES[max(self.confidence.currentIndex(), 0)][1],
            first_day=first,
            last_day=last,
            annotated_only=show == 1,
            flagged_only=show == 2,
            tags=frozenset({tag}) if isinstance(tag, str) else frozenset(),
            min_grade=_GRADE_CHOICES[max(self.grade.currentIndex(), 0)][1],
        )
        self._publish(flt)
        if moved and (first or last):
            self.periodChosen.emit(first, last)

    def _publish(self, flt: EventFilter) -> None:
        self._filter = flt
        self.clear.setEnabled(not flt.is_default)
        self.filterChanged.emit(flt)
