"""The event panel: everything known about the selected event, and its excerpts.

The title can be dragged into the Briefing panel to cite the event; the
``extra`` layout, right under the date, holds the event's notes.

Signals:
    excerptActivated(str, str): source file and excerpt uid the user chose to read.
    annotateExcerptRequested(str, str): event id and excerpt uid to write a note on.
    deleteExcerptRequested(str): uid of an excerpt of the user's to delete.
    credibilityRequested(str): uid of the excerpt whose own credibility to set.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QDrag, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from briefing_app.domain.grading import best_grade
from briefing_app.domain.model import Event, Source
from briefing_app.services.date_evidence import DateEvidence
from briefing_app.storage.authors import Authorship
from briefing_app.ui.common.briefing_model import event_mime
from briefing_app.ui.common.plain_text import plain_label, plain_tooltip

__all__ = ["EventPanel", "support_text"]

_UID_ROLE = Qt.ItemDataRole.UserRole + 1
_SOURCE_ROLE = Qt.ItemDataRole.UserRole + 2
_ORIGIN_ROLE = Qt.ItemDataRole.UserRole + 3


def support_text(event: Event, sources: dict[str, Source]) -> str:
    """What the panel says of the grades behind an event: "B2 best of 2 passages (B2, D4)"."""
    grades = [x.grade(sources.get(x.source)) for x in event.excerpts]
    graded = [g for g in grades if g is not None]
    if not event.excerpts:
        return "no passage quoted"
    if not graded:
        return "not graded (grade a source from the Sources list)"
    best = best_grade(graded)
    assert best is not None
    labels = ", ".join(g.label if g else "ungraded" for g in grades)
    if len(grades) == 1:
        return best.describe()
    return f"{best.label} best of {len(grades)} passages ({labels})"


def _around(sentence: str, phrase: str, width: int = 90) -> str:
    """The sentence up to and including the date's words, shortened to ``width`` characters."""
    at = sentence.find(phrase) if phrase else -1
    if at < 0:
        return sentence if len(sentence) <= width else sentence[: width - 1].rstrip() + "…"
    head = sentence[: at + len(phrase)]
    if len(head) > width:
        head = "…" + head[-(width - 1) :].lstrip()
    return head + ("…" if len(head) < len(sentence) and at + len(phrase) < len(sentence) else "")


def _plain_label(text: str = "", *, bold: bool = False) -> QLabel:
    label = plain_label(text)  # never interpret stored text as markup
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if bold:
        font = label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        label.setFont(font)
    return label


class EventPanel(QWidget):
    excerptActivated = Signal(str, str)
    annotateExcerptRequested = Signal(str, str)
    deleteExcerptRequested = Signal(str)
    credibilityRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventPanel")
        self.title = _plain_label("No event selected", bold=True)
        self.title.setObjectName("eventTitle")
        self.title.installEventFilter(self)
        self._press: QPoint | None = None
        self.date = _plain_label()
        self.date.setObjectName("eventDate")
        self.lane = _plain_label()
        self.actors = _plain_label()
        self.confidence = _plain_label()
        self.summary = _plain_label()
        self.references = _plain_label()
        self.origin = _plain_label()
        self.support = _plain_label()
        self.support.setObjectName("eventSupport")
        self.authors = _plain_label()
        self.authors.setObjectName("eventAuthors")
        self.date_from = QLabel()
        self.date_from.setObjectName("eventDateFrom")
        self.date_from.setWordWrap(True)
        self.date_from.setTextFormat(Qt.TextFormat.RichText)  # every stored word escaped
        self.date_from.setOpenExternalLinks(False)
        self.date_from.linkActivated.connect(self._open_date_phrase)
        self._date_link: tuple[str, str] | None = None
        when = QFormLayout()
        when.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        when.addRow("Date", self.date)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Date from", self.date_from)
        form.addRow("Lane", self.lane)
        form.addRow("Actors", self.actors)
        form.addRow("Confidence", self.confidence)
        form.addRow("Origin", self.origin)
        form.addRow("Grades", self.support)
        form.addRow("Authors", self.authors)
        self._form = form
        self.excerpts = QListWidget()
        self.excerpts.setObjectName("excerptList")
        self.excerpts.setWordWrap(True)
        self.excerpts.setAlternatingRowColors(True)
        self.excerpts.setSpacing(2)
        self.excerpts.itemActivated.connect(self._activate)
        self.excerpts.itemClicked.connect(self._activate)
        self.excerpts.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.excerpts.customContextMenuRequested.connect(
            lambda pos: self._excerpt_menu(pos).exec(self.excerpts.viewport().mapToGlobal(pos))
        )

        inner = QWidget()
        box = QVBoxLayout(inner)
        box.addWidget(self.title)
        box.addLayout(when)
        # The user's notes come right after the date, so they are in sight without
        # scrolling on a laptop's screen; what the chronology says of the event follows.
        self.extra = QVBoxLayout()
        box.addLayout(self.extra)
        box.addWidget(_plain_label("Summary"))
        box.addWidget(self.summary)
        box.addLayout(form)
        box.addWidget(_plain_label("References"))
        box.addWidget(self.references)
        box.addWidget(_plain_label("Excerpts (click to read in context)"))
        box.addWidget(self.excerpts, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._event: Event | None = None
        for label in (self.summary, self.references):
            label.setIndent(6)

    @property
    def event_id(self) -> str | None:
        return self._event.id if self._event else None

    def show_event(
        self,
        event: Event | None,
        sources: dict[str, Source],
        authors: Authorship | None = None,
        excerpt_by: Mapping[str, str] | None = None,
    ) -> None:
        """Show ``event``; ``authors`` and ``excerpt_by`` say who made it and its passages."""
        self._event = event
        self.excerpts.clear()
        made = authors.describe() if authors else ""
        self.authors.setText(made)
        self._form.setRowVisible(self.authors, bool(made))
        if event is None:
            self.title.setText("No event selected")
            for label in (
                self.date,
                self.lane,
                self.actors,
                self.confidence,
                self.summary,
                self.references,
                self.origin,
                self.support,
                self.date_from,
            ):
                label.setText("")
            return
        self.title.setText(event.title)
        self.title.setCursor(Qt.CursorShape.OpenHandCursor)
        self.title.setToolTip("Drag the title into the Briefing panel to cite this event")
        self.date.setText(event.when.label() + f"  (known to the {event.when.precision.value})")
        self.lane.setText(event.lane.value)
        self.actors.setText(", ".join(event.actors) or "—")
        self.confidence.setText(event.confidence.value)
        self.origin.setText("your event" if event.origin.value == "user" else "curated chronology")
        self.summary.setText(event.summary or "—")
        self.references.setText("\n".join(f"• {r}" for r in event.references) or "—")
        self.support.setText(support_text(event, sources))
        for excerpt in event.excerpts:
            src = sources.get(excerpt.source)
            cite = (
                f"{src.outlet}, “{src.title}”, "
                f"{src.published.label() if src.published else 'undated'}"
                if src
                else excerpt.source
            )
            grade = excerpt.grade(src)
            if grade is not None:
                cite += f"  [{grade.label}]"
            warning = f"⚠ {excerpt.flag_text()}\n" if excerpt.needs_check else ""
            item = QListWidgetItem(f"{warning}“{excerpt.quote}”\n— {cite}")
            item.setData(_UID_ROLE, excerpt.uid)
            item.setData(_SOURCE_ROLE, excerpt.source)
            item.setData(_ORIGIN_ROLE, excerpt.origin.value)
            by = (excerpt_by or {}).get(excerpt.uid)
            if by:
                item.setText(item.text() + f"  (excerpt added by {by})")
            elif excerpt.origin.value == "user":
                item.setText(item.text() + "  (your excerpt)")
            tip = "Open the source with this passage highlighted"
            if grade is not None:
                own = " (this passage's own credibility)" if excerpt.credibility else ""
                tip += f"\nGraded {grade.describe()}{own}"
            item.setToolTip(tip)
            self.excerpts.addItem(item)

    def show_date_evidence(self, evidence: DateEvidence, sources: dict[str, Source]) -> None:
        """Where the shown event's date came from; an article's phrase opens it in the reader."""
        self._date_link = None
        if self._event is None:
            self.date_from.setText("")
            return
        when = escape(self._event.when.label())
        if evidence.kind == "reference":
            self.date_from.setText(f"{when} — from its reference: {escape(evidence.text)}")
            self.date_from.setToolTip("The curated chronology dates it from this document")
        elif evidence.kind == "article" and evidence.source and evidence.excerpt_uid:
            src = sources.get(evidence.source)
            where = f"{src.outlet}, “{src.title}”" if src else evidence.source
            shown = _around(" ".join(evidence.sentence.split()), evidence.text)
            self.date_from.setText(
                f"{when} — from <a href='phrase'>‘{escape(shown)}’</a> in {escape(where)}"
            )
            self.date_from.setToolTip(
                plain_tooltip(f"Read from “{evidence.text}”: click to see it in the article")
            )
            self._date_link = (evidence.source, evidence.excerpt_uid)
        else:
            self.date_from.setText(
                f"{when} — <span style='color:#a04000'>no quoted passage gives this date: "
                "check it against the sources</span>"
            )
            self.date_from.setToolTip("Typed by hand, or changed since it was read from a source")

    def _open_date_phrase(self, _link: str) -> None:
        if self._date_link is not None:
            self.excerptActivated.emit(*self._date_link)

    def drag_data(self) -> QMimeData | None:
        """What dragging the title carries: the event's id, as the Briefing panel expects."""
        return event_mime([self._event.id]) if self._event else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.title and isinstance(event, QMouseEvent):
            kind = event.type()
            if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
                self._press = event.position().toPoint()
            elif kind == QEvent.Type.MouseMove and self._press is not None and self._event:
                moved = (event.position().toPoint() - self._press).manhattanLength()
                if moved >= QApplication.startDragDistance():
                    self._press = None
                    drag = QDrag(self.title)
                    drag.setMimeData(self.drag_data())
                    drag.exec(Qt.DropAction.CopyAction)
                    return True
            elif kind == QEvent.Type.MouseButtonRelease:
                self._press = None
        return super().eventFilter(watched, event)

    def excerpt_menu_for(self, item: QListWidgetItem) -> QMenu:
        """Annotate any excerpt; delete only one the user made (curated quotes stay)."""
        menu = QMenu(self)
        uid = item.data(_UID_ROLE)
        note = menu.addAction("Annotate Excerpt…")
        note.setObjectName("annotateThisExcerpt")
        event_id = self._event.id if self._event else ""
        note.triggered.connect(lambda: self.annotateExcerptRequested.emit(event_id, uid))
        credibility = menu.addAction("Credibility of This Passage…")
        credibility.setObjectName("excerptCredibility")
        credibility.triggered.connect(lambda: self.credibilityRequested.emit(uid))
        delete = menu.addAction("Delete Excerpt")
        delete.setObjectName("deleteThisExcerpt")
        delete.setEnabled(item.data(_ORIGIN_ROLE) == "user")
        delete.triggered.connect(lambda: self.deleteExcerptRequested.emit(uid))
        return menu

    def _excerpt_menu(self, pos: QPoint) -> QMenu:
        item = self.excerpts.itemAt(pos)
        return self.excerpt_menu_for(item) if item is not None else QMenu(self)

    def _activate(self, item: QListWidgetItem) -> None:
        self.excerptActivated.emit(item.data(_SOURCE_ROLE), item.data(_UID_ROLE))
