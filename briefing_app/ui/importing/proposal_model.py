"""The proposed events as a table: a Qt model over a ``ReviewState``.

Columns: include (a check box), date, title, lane, link to an existing
event, the sentence, the article it comes from. Date, title, lane and link are
editable; every edit goes through the review state, which refuses what it
cannot take (the refusal is emitted, the row is left as it was). Text from
the article is only ever given as display text, never as markup.

Signals:
    editRefused(str): why an edit was not taken, in the user's words.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from briefing_app.domain.model import LANES, Lane
from briefing_app.ingest.review import ReviewError, ReviewItem, ReviewState
from briefing_app.ui.common.plain_text import plain_tooltip

__all__ = ["NEW_EVENT", "ProposalModel"]

Index = QModelIndex | QPersistentModelIndex
NEW_EVENT = "New event"
INCLUDE, DATE, TITLE, LANE, LINK, SENTENCE, SOURCE = range(7)
_HEADERS = ("✓", "Date", "Title", "Lane", "Link to", "Sentence (excerpt)", "Article")


def link_label(item: ReviewItem) -> str:
    if item.link_to is not None:
        match = next((s for s in item.links if s.event_id == item.link_to), None)
        return f"Add to: {match.title if match else item.link_to}"
    if item.links:
        n = len(item.links)
        return f"{NEW_EVENT} ({n} similar event{'s' if n != 1 else ''})"
    return NEW_EVENT


class ProposalModel(QAbstractTableModel):
    """The rows of a review; ``state`` holds them, this only shows and edits."""

    editRefused = Signal(str)
    KEY_ROLE = Qt.ItemDataRole.UserRole + 1
    CHOICES_ROLE = Qt.ItemDataRole.UserRole + 2
    """For the lane and link columns: a list of (label, value) to choose from."""

    def __init__(self, state: ReviewState | None = None) -> None:
        super().__init__()
        self.state = state or ReviewState()

    def set_state(self, state: ReviewState) -> None:
        self.beginResetModel()
        self.state = state
        self.endResetModel()

    def item_at(self, row: int) -> ReviewItem:
        return self.state.at(row)

    def keys(self, rows: Iterable[int]) -> list[int]:
        items = self.state.items
        return [items[r].key for r in sorted(set(rows)) if 0 <= r < len(items)]

    # -- shape -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.state)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _HEADERS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return {
                INCLUDE: "Tick the proposals to accept or merge",
                DATE: "YYYY, YYYY-MM or YYYY-MM-DD; a range as A..B",
                LINK: "Make a new event, or add the sentence to a similar existing event",
            }.get(section)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == INCLUDE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in (DATE, TITLE, LANE, LINK):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    # -- data ------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.item_at(index.row())
        col = index.column()
        if role == self.KEY_ROLE:
            return item.key
        if role == Qt.ItemDataRole.CheckStateRole and col == INCLUDE:
            return Qt.CheckState.Checked if item.included else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole and col == SOURCE and index.row() > 0:
            # Said once for a run of rows from the same article, not on every row.
            above = self.item_at(index.row() - 1)
            return "" if above.source_title == item.source_title else item.source_title
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, col)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(item, col)
        if role == Qt.ItemDataRole.ToolTipRole and col in (SENTENCE, SOURCE):
            # Escaped: a tooltip would read the article's text as rich text.
            return plain_tooltip(item.sentence if col == SENTENCE else item.source_title)
        if role == Qt.ItemDataRole.ForegroundRole and col == LINK and item.link_to:
            return QColor("#1d5fbf")
        if role == self.CHOICES_ROLE:
            return self._choices(item, col)
        return None

    def _display(self, item: ReviewItem, col: int) -> str | None:
        if col == DATE:
            return f"{item.when.label()} ({item.when.precision.value})"
        if col == TITLE:
            return item.title
        if col == LANE:
            return item.lane.value
        if col == LINK:
            return link_label(item)
        if col == SENTENCE:
            return item.sentence
        if col == SOURCE:
            return item.source_title
        return None

    def _edit_value(self, item: ReviewItem, col: int) -> Any:
        if col == DATE:
            when = item.when
            return when.start.iso() + (f"..{when.end.iso()}" if when.is_range and when.end else "")
        if col == TITLE:
            return item.title
        if col == LANE:
            return item.lane.value
        if col == LINK:
            return item.link_to or ""
        return self._display(item, col)

    def _choices(self, item: ReviewItem, col: int) -> list[tuple[str, str]] | None:
        if col == LANE:
            return [(lane.value, lane.value) for lane in LANES]
        if col == LINK:
            return [(NEW_EVENT, "")] + [
                (f"Add to: {s.title}" + (f" — {s.reason}" if s.reason else ""), s.event_id)
                for s in item.links
            ]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        key = self.item_at(index.row()).key
        col = index.column()
        try:
            if col == INCLUDE and role == Qt.ItemDataRole.CheckStateRole:
                checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
                self.state.set_included(key, checked)
            elif role != Qt.ItemDataRole.EditRole:
                return False
            elif col == DATE:
                self.state.set_when(key, str(value))
            elif col == TITLE:
                self.state.set_title(key, str(value))
            elif col == LANE:
                self.state.set_lane(key, Lane.parse(str(value)))
            elif col == LINK:
                self.state.set_link(key, str(value) or None)
            else:
                return False
        except (ReviewError, ValueError) as exc:
            self.editRefused.emit(str(exc))
            return False
        row = index.row()
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(_HEADERS) - 1))
        return True

    # -- whole-table changes -------------------------------------------------------------
    def set_all_included(self, included: bool) -> None:
        self.state.set_all_included(included)
        if len(self.state):
            self.dataChanged.emit(self.index(0, INCLUDE), self.index(len(self.state) - 1, INCLUDE))

    def reject(self, keys: Iterable[int]) -> int:
        self.beginResetModel()
        n = self.state.reject(keys)
        self.endResetModel()
        return n

    def merge(self, keys: list[int]) -> ReviewItem:
        self.beginResetModel()
        try:
            return self.state.merge(keys)
        finally:
            self.endResetModel()
