"""The list of stored sources; activating one opens it in the reader.

A source whose imported proposals still wait for a decision says so in its
row ("3 proposed events to review", in bold), and its context menu offers
Review Proposals….

Signals:
    sourceActivated(str): the file name of the source to read.
    reviewRequested(str): the file name of the source whose proposals to review.
    gradeRequested(str): the file name of the source to grade.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QListView, QMenu, QVBoxLayout, QWidget

from briefing_app.domain.model import Source
from briefing_app.ui.common.plain_text import plain_tooltip

if TYPE_CHECKING:
    from briefing_app.domain.changes import ChronologyChange
    from briefing_app.ui.common.chronology_model import ChronologyModel

__all__ = ["SourceListModel", "SourcesList", "pending_label"]

Index = QModelIndex | QPersistentModelIndex


def pending_label(n: int) -> str:
    """What a source's row says about the proposals that wait for review."""
    return f"{n} proposed event{'s' if n != 1 else ''} to review"


class SourceListModel(QAbstractListModel):
    FILE_ROLE = Qt.ItemDataRole.UserRole + 1
    PENDING_ROLE = Qt.ItemDataRole.UserRole + 2
    """How many proposals of the source wait for review (0 for none)."""

    def __init__(self) -> None:
        super().__init__()
        self._sources: list[Source] = []
        self._pending: dict[str, int] = {}
        self._chronology: ChronologyModel | None = None

    def follow(self, chronology: ChronologyModel) -> None:
        """List ``chronology``'s sources, and list them again when they change."""
        self._chronology = chronology
        chronology.changed.connect(self._chronology_changed)
        self.set_sources(list(chronology.sources.values()))

    def _chronology_changed(self, change: ChronologyChange) -> None:
        if (change.sources or change.everything) and self._chronology is not None:
            self.set_sources(list(self._chronology.sources.values()))

    def set_sources(self, sources: Sequence[Source]) -> None:
        self.beginResetModel()
        self._sources = list(sources)
        self.endResetModel()

    def set_pending(self, pending: Mapping[str, int]) -> None:
        """The number of proposals waiting, by source file; only changed rows are redrawn."""
        old, self._pending = self._pending, {f: n for f, n in pending.items() if n > 0}
        for row, source in enumerate(self._sources):
            if old.get(source.file, 0) != self._pending.get(source.file, 0):
                index = self.index(row)
                self.dataChanged.emit(index, index)

    def pending(self, file: str) -> int:
        return self._pending.get(file, 0)

    def row_of(self, file: str) -> int:
        return next((r for r, s in enumerate(self._sources) if s.file == file), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sources)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._sources):
            return None
        s = self._sources[index.row()]
        waiting = self._pending.get(s.file, 0)
        if role == Qt.ItemDataRole.DisplayRole:
            when = s.published.label() if s.published else "undated"
            grade = s.effective_grade
            graded = f" · {grade.label}" if grade else ""
            text = f"{s.outlet} · {when}{graded}\n{s.title}"
            return f"{text}\n● {pending_label(waiting)}" if waiting else text
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = s.notes or s.title
            if s.effective_grade:
                usual = " (the outlet's usual grade)" if s.grade_origin == "outlet" else ""
                tip = f"{tip}\n\nGraded {s.effective_grade.describe()}{usual}"
            if waiting:
                tip = f"{tip}\n\n{pending_label(waiting)}: right-click › Review Proposals…"
            return plain_tooltip(tip)
        if role == Qt.ItemDataRole.FontRole and waiting:
            font = QFont()
            font.setBold(True)
            return font
        if role == self.FILE_ROLE:
            return s.file
        if role == self.PENDING_ROLE:
            return waiting
        return None


class SourcesList(QWidget):
    sourceActivated = Signal(str)
    reviewRequested = Signal(str)
    gradeRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SourceListModel()
        self.view = QListView()
        self.view.setObjectName("sourcesList")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_menu)
        self.view.activated.connect(self._activate)
        self.view.clicked.connect(self._activate)
        self.reviewable = True
        """False on a read-only database: reviewing would have to write."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def _activate(self, index: QModelIndex) -> None:
        file = index.data(SourceListModel.FILE_ROLE)
        if file:
            self.sourceActivated.emit(file)

    def source_menu(self, file: str) -> QMenu:
        """Open in Reader, and Review Proposals… when some of the source's wait."""
        menu = QMenu(self)
        read = menu.addAction("Open in Reader")
        read.setObjectName("openSource")
        read.triggered.connect(lambda: self.sourceActivated.emit(file))
        waiting = self.model.pending(file)
        review = menu.addAction(
            f"Review Proposals… ({waiting})" if waiting else "Review Proposals…"
        )
        review.setObjectName("reviewSourceProposals")
        review.setStatusTip(
            pending_label(waiting) if waiting else "No proposed event of this article waits"
        )
        review.setEnabled(waiting > 0 and self.reviewable)
        review.triggered.connect(lambda: self.reviewRequested.emit(file))
        grade = menu.addAction("Grade Source…")
        grade.setObjectName("gradeSource")
        grade.setStatusTip("The source's reliability (A–F) and its information's credibility (1–6)")
        grade.setEnabled(self.reviewable)
        grade.triggered.connect(lambda: self.gradeRequested.emit(file))
        return menu

    def _show_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        file = index.data(SourceListModel.FILE_ROLE) if index.isValid() else None
        if not file:
            return
        menu = self.source_menu(file)
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()
