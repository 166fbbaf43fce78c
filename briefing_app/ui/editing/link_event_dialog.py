"""Choosing an event by typing part of its title: to link a passage to, or to show again.

Linking: the passage becomes a new excerpt of the chosen event (curated or
the user's own), anchored verbatim in the source. The same list picks a
hidden event to show again.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing_app.domain.model import Event

__all__ = ["LinkEventDialog"]

_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class LinkEventDialog(QDialog):
    """A filterable list of events; OK links the selection to the chosen one."""

    def __init__(
        self,
        events: Sequence[Event],
        quote: str,
        preselect: str | None = None,
        parent: QWidget | None = None,
        *,
        title: str = "Link Selection to Event",
        action: str = "Link",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("linkEventDialog")
        self.setWindowTitle(title)
        self.resize(560, 480)
        shown = quote if len(quote) <= 300 else quote[:299] + "…"
        self.quote = QLabel(f"“{shown}”" if shown else "")
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.quote.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Type part of a title, an actor or a year")
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setObjectName("linkEventList")
        for ev in events:
            item = QListWidgetItem(f"{ev.when.label()} · {ev.lane.value} · {ev.title}")
            item.setData(_ID_ROLE, ev.id)
            item.setData(Qt.ItemDataRole.UserRole, " ".join((*ev.actors, ev.when.start.iso())))
            self.list.addItem(item)
            if ev.id == preselect:
                self.list.setCurrentItem(item)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(action)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        if shown:
            box.addWidget(self.quote)
        box.addWidget(self.filter)
        box.addWidget(self.list, 1)
        box.addWidget(self.buttons)
        self.filter.textChanged.connect(self._filter)
        self.list.currentItemChanged.connect(self._check)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self._check()

    def event_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(_ID_ROLE) if item is not None and not item.isHidden() else None

    def choose(self, event_id: str) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(_ID_ROLE) == event_id:
                self.list.setCurrentItem(item)

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        for i in range(self.list.count()):
            item = self.list.item(i)
            hay = f"{item.text()} {item.data(Qt.ItemDataRole.UserRole)}".casefold()
            item.setHidden(not all(w in hay for w in words))
        self._check()

    def _check(self, *_args: object) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.event_id() is not None
        )
