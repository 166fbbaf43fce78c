"""What Changed Since Delivery: the changes since a briefing was last handed on.

A window of its own (not modal), so the briefer can walk the changes while the
timeline and the panels follow: activating a change selects its event. It asks
the service once per refresh and holds only plain values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.services.deliveries import SinceDelivery, changes_since, mark_delivered
from briefing_app.services.lookup import EditRefused

if TYPE_CHECKING:
    from briefing_app.storage.database import Database

__all__ = ["ChangesSinceDialog"]

EVENT_ROLE = Qt.ItemDataRole.UserRole + 1


def _sentence(message: str) -> str:
    """A service's message as a sentence: capital first, full stop last."""
    text = message.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


class ChangesSinceDialog(QDialog):
    """The changes since the briefing ``name`` was last handed on.

    Signals: ``eventChosen(str)`` when a change about an event is activated;
    ``delivered(str)`` with the briefing's name after Mark as Delivered Now.
    """

    eventChosen = Signal(str)
    delivered = Signal(str)

    def __init__(self, db: Database, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.name = name
        self.since: SinceDelivery | None = None
        self.setWindowTitle(f"What Changed Since Delivery — {name}")
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.model = QStandardItemModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.setAccessibleName("Changes since the briefing was handed on")
        self.list.activated.connect(self._activated)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.mark_button = QPushButton("&Mark as Delivered Now")
        self.mark_button.setToolTip(
            "Keep the briefing as it stands now: later changes are listed from this moment"
        )
        self.mark_button.setEnabled(not db.read_only)
        self.mark_button.clicked.connect(self.mark_now)
        buttons.addButton(self.mark_button, QDialogButtonBox.ButtonRole.ActionRole)
        for button in buttons.buttons():
            button.setAutoDefault(False)  # Enter opens the change's event, never closes the list
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(620, 420)
        self.refresh()

    def refresh(self) -> None:
        """Ask again what changed (after an edit, or after marking it delivered)."""
        self.model.clear()
        try:
            self.since = changes_since(self.db, self.name)
        except EditRefused as exc:
            self.since = None
            self.heading.setText(_sentence(str(exc)))
            return
        d = self.since.delivery
        count = len(self.since.changes)
        if count == 0:
            tail = "nothing has changed since."
        else:
            tail = f"{count} change{'s' if count != 1 else ''} since (Enter shows the event):"
        self.heading.setText(f"“{d.briefing_name}” was {d.describe()}; {tail}")
        for change in self.since.changes:
            item = QStandardItem(change.text[:1].upper() + change.text[1:])
            item.setData(change.event_id, EVENT_ROLE)
            item.setToolTip(change.text)
            self.model.appendRow(item)
        if count:
            self.list.setCurrentIndex(self.model.index(0, 0))

    def changed_events(self) -> set[str]:
        """The events the changes are about (for outlining them on the timeline)."""
        return self.since.changed_events() if self.since else set()

    def texts(self) -> list[str]:
        """The changes as listed, top to bottom."""
        return [self.model.item(row).text() for row in range(self.model.rowCount())]

    def mark_now(self) -> None:
        try:
            mark_delivered(self.db, self.name)
        except EditRefused as exc:
            self.heading.setText(_sentence(str(exc)))
            return
        self.refresh()
        self.delivered.emit(self.name)

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        event_id = index.data(EVENT_ROLE)
        if event_id:
            self.eventChosen.emit(str(event_id))
