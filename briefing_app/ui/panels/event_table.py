"""The chronology as a sortable table: a Qt model over a list of events.

Rows can be dragged out (into the Briefing panel) as event ids.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from briefing_app.domain.model import Event
from briefing_app.ui.common.briefing_model import EVENT_MIME, event_mime
from briefing_app.ui.common.plain_text import plain_tooltip

if TYPE_CHECKING:
    from briefing_app.domain.changes import ChronologyChange
    from briefing_app.ui.common.chronology_model import ChronologyModel

__all__ = ["EventTableModel", "fit_date_column"]

_COLUMNS = ("Date", "Lane", "Title", "Confidence")
Index = QModelIndex | QPersistentModelIndex


class EventTableModel(QAbstractTableModel):
    """Rows are events in date order; the Date column shows the date at its precision."""

    EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, events: Sequence[Event] = ()) -> None:
        super().__init__()
        self._events: list[Event] = list(events)
        self._rows: dict[str, int] | None = None
        self._chronology: ChronologyModel | None = None

    def follow(self, chronology: ChronologyModel) -> None:
        """List ``chronology``'s events, and list them again when they change."""
        self._chronology = chronology
        chronology.changed.connect(self._chronology_changed)
        self.set_events(chronology.events)

    def _chronology_changed(self, change: ChronologyChange) -> None:
        if change.touches_events and self._chronology is not None:
            self.set_events(self._chronology.events)

    def set_events(self, events: Sequence[Event]) -> None:
        self.beginResetModel()
        self._events = list(events)
        self._rows = None  # made when first asked for
        self.endResetModel()

    def event_at(self, row: int) -> Event:
        return self._events[row]

    def row_of(self, event_id: str) -> int:
        """The row showing ``event_id``, or -1: asked on every selection, so a lookup."""
        if self._rows is None:
            self._rows = {ev.id: row for row, ev in enumerate(self._events)}
        return self._rows.get(event_id, -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [EVENT_MIME]

    def mimeData(self, indexes: Any) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return event_mime([self._events[r].id for r in rows])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._events):
            return None
        ev = self._events[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (ev.when.label(), ev.lane.value, ev.title, ev.confidence.value)[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{ev.when.label()} — {ev.title}")
        if role == self.EVENT_ID_ROLE:
            return ev.id
        return None


def fit_date_column(table: QTableView) -> None:
    """A date on one line ("10–11 Dec 1999", not "10–11 Dec / 1999"): the Date column as
    wide as the widest date label gets, measured once rather than read from every row;
    the Title column takes the rest of the width."""
    table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    table.setWordWrap(False)
    widest = table.fontMetrics().horizontalAdvance("30 Sep 2099 – 30 Dec 2099")
    table.setColumnWidth(0, widest + 16)
