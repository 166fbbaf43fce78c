"""The list of stored sources; activating one opens it in the reader.

Signals:
    sourceActivated(str): the file name of the source to read.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QListView, QVBoxLayout, QWidget

from briefing_app.domain.model import Source
from briefing_app.ui.plain_text import plain_tooltip

__all__ = ["SourceListModel", "SourcesList"]

Index = QModelIndex | QPersistentModelIndex


class SourceListModel(QAbstractListModel):
    FILE_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self) -> None:
        super().__init__()
        self._sources: list[Source] = []

    def set_sources(self, sources: Sequence[Source]) -> None:
        self.beginResetModel()
        self._sources = list(sources)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sources)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._sources):
            return None
        s = self._sources[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            when = s.published.label() if s.published else "undated"
            return f"{s.outlet} · {when}\n{s.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(s.notes or s.title)
        if role == self.FILE_ROLE:
            return s.file
        return None


class SourcesList(QWidget):
    sourceActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SourceListModel()
        self.view = QListView()
        self.view.setObjectName("sourcesList")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.activated.connect(self._activate)
        self.view.clicked.connect(self._activate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def _activate(self, index: QModelIndex) -> None:
        file = index.data(SourceListModel.FILE_ROLE)
        if file:
            self.sourceActivated.emit(file)
