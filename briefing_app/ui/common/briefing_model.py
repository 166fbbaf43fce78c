"""A briefing's talking points as a Qt list model, with numbered references.

The model only shows a snapshot and turns edits, moves and drops into
requests (signals); the panel passes them to the edit controller and shows
the briefing again once it is stored. Text is shown as plain text.

Signals:
    textEdited(str, str): point uid and its new text.
    moveRequested(str, int): point uid and the index it should move to.
    citeRequested(str, list): point uid and event ids dropped on it.
    newPointRequested(int, list): index and event ids dropped between points.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from briefing_app.domain.briefing import BriefingSnapshot, PointSnapshot

__all__ = [
    "CONFLICT_MARK",
    "EVENT_MIME",
    "POINT_MIME",
    "BriefingPointsModel",
    "event_ids_from",
    "event_mime",
]

EVENT_MIME = "application/x-briefing-event-id"
POINT_MIME = "application/x-briefing-point-uid"
Index = QModelIndex | QPersistentModelIndex
_UNSUPPORTED = QColor("#a04000")
_CONFLICT = QColor("#7a1fa2")
CONFLICT_MARK = "conflicting version, kept beside the point before it"
"""What a point saved over someone else's newer version says after its words."""


def event_mime(event_ids: list[str]) -> QMimeData:
    """What an event dragged out of the timeline, the list or the panel carries."""
    data = QMimeData()
    data.setData(EVENT_MIME, QByteArray("\n".join(event_ids).encode()))
    data.setText("\n".join(event_ids))
    return data


def event_ids_from(data: QMimeData) -> list[str]:
    if not data.hasFormat(EVENT_MIME):
        return []
    raw = bytes(data.data(EVENT_MIME).data()).decode("utf-8", "replace")
    return [line.strip() for line in raw.splitlines() if line.strip()]


class BriefingPointsModel(QAbstractListModel):
    POINT_UID_ROLE = Qt.ItemDataRole.UserRole + 1
    EVENT_IDS_ROLE = Qt.ItemDataRole.UserRole + 2
    SUPPORTED_ROLE = Qt.ItemDataRole.UserRole + 3
    NUMBERS_ROLE = Qt.ItemDataRole.UserRole + 4

    textEdited = Signal(str, str)
    moveRequested = Signal(str, int)
    citeRequested = Signal(str, list)
    newPointRequested = Signal(int, list)

    def __init__(self) -> None:
        super().__init__()
        self._briefing: BriefingSnapshot | None = None
        self._numbers: list[list[int]] = []

    # -- content ---------------------------------------------------------------------------
    @property
    def briefing(self) -> BriefingSnapshot | None:
        return self._briefing

    def set_briefing(self, briefing: BriefingSnapshot | None) -> None:
        self.beginResetModel()
        self._briefing = briefing
        self._numbers = briefing.reference_numbers() if briefing else []
        self.endResetModel()

    def point(self, row: int) -> PointSnapshot:
        assert self._briefing is not None
        return self._briefing.points[row]

    def row_of(self, point_uid: str) -> int:
        return self._briefing.point_index(point_uid) if self._briefing else -1

    def display_text(self, row: int) -> str:
        """``3. The point's text [1] [4]`` and, without citations, ``— unsupported``."""
        point = self.point(row)
        refs = " ".join(f"[{n}]" for n in self._numbers[row])
        lines = (" ".join(line.split()) for line in point.text.splitlines())
        text = "\n".join(line for line in lines if line) or "(write the point)"
        tail = f"  {refs}" if refs else "  — unsupported"
        mark = f"  — {CONFLICT_MARK}" if point.conflict_of else ""
        return f"{row + 1}. {text}{tail}{mark}"

    # -- Qt model API -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._briefing is None:
            return 0
        return len(self._briefing.points)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row = index.row()
        point = self.point(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(row)
        if role == Qt.ItemDataRole.EditRole:
            return point.text
        if role == Qt.ItemDataRole.ToolTipRole:
            if not point.citations:
                tip = "Unsupported: this point cites no event or excerpt yet. Drag an event here."
            else:
                tip = "\n".join(
                    f"[{n}] {c.label()}"
                    for n, c in zip(self._numbers[row], point.citations, strict=True)
                )
            authors = point.authors_text()
            if point.conflict_of:
                tip += (
                    "\nA conflicting version: saved while someone else changed the point "
                    "before it. Both are kept; delete the one you do not want."
                )
            return f"{tip}\n{authors}" if authors else tip
        if role == Qt.ItemDataRole.ForegroundRole and point.conflict_of:
            return _CONFLICT
        if role == Qt.ItemDataRole.ForegroundRole and not point.citations:
            return _UNSUPPORTED
        if role == self.POINT_UID_ROLE:
            return point.uid
        if role == self.EVENT_IDS_ROLE:
            return list(dict.fromkeys(c.event_id for c in point.citations))
        if role == self.SUPPORTED_ROLE:
            return point.supported
        if role == self.NUMBERS_ROLE:
            return list(self._numbers[row])
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not isinstance(value, str):
            return False
        point = self.point(index.row())
        if value != point.text:
            self.textEdited.emit(point.uid, value)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )

    # -- drag and drop ----------------------------------------------------------------------
    def mimeTypes(self) -> list[str]:
        return [POINT_MIME, EVENT_MIME]

    def mimeData(self, indexes: Any) -> QMimeData:
        data = QMimeData()
        uids = [self.point(i.row()).uid for i in indexes if i.isValid()]
        data.setData(POINT_MIME, QByteArray("\n".join(uids[:1]).encode()))
        return data

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if self._briefing is None and not data.hasFormat(EVENT_MIME):
            return False
        return data.hasFormat(POINT_MIME) or data.hasFormat(EVENT_MIME)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Turn a drop into a request: move a point, or cite or add dropped events."""
        if action == Qt.DropAction.IgnoreAction:
            return True
        count = self.rowCount()
        target = row if row >= 0 else (parent.row() if parent.isValid() else count)
        if data.hasFormat(POINT_MIME) and self._briefing is not None:
            uid = bytes(data.data(POINT_MIME).data()).decode().strip()
            source = self.row_of(uid)
            if source < 0:
                return False
            new_index = target - 1 if target > source and not parent.isValid() else target
            new_index = max(0, min(new_index, count - 1))
            if new_index != source:
                self.moveRequested.emit(uid, new_index)
            return True
        ids = event_ids_from(data)
        if not ids:
            return False
        if parent.isValid() and row < 0:
            self.citeRequested.emit(self.point(parent.row()).uid, ids)
        else:
            self.newPointRequested.emit(target, ids)
        return True
