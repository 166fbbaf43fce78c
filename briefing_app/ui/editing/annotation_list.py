"""The notes on one event (or one excerpt), each an editor saved as you type.

The list follows the database: when the controller says an event's notes
changed (a save, an undo, an import) it re-reads them and updates, adds or
removes cards, leaving the card being typed in alone.

Signals:
    noteSaved(object): an AnnotationSnapshot any card just stored.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from briefing_app.domain.changes import ChronologyChange
from briefing_app.domain.model import Event
from briefing_app.services.annotations import (
    AnnotationSnapshot,
    annotations_of_event,
)
from briefing_app.ui.common.edit_controller import EditController
from briefing_app.ui.editing.annotation_editor import AnnotationEditor

__all__ = ["AnnotationList"]


def _quote_label(quote: str) -> str:
    one = " ".join(quote.split())
    return f"On the excerpt “{one if len(one) <= 60 else one[:59] + '…'}”"


class AnnotationList(QWidget):
    noteSaved = Signal(object)

    def __init__(self, controller: EditController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationList")
        self.controller = controller
        self._event_id: str | None = None
        self._quotes: dict[str, str] = {}
        self._cards: dict[str, AnnotationEditor] = {}
        self._drafts: list[AnnotationEditor] = []

        self.heading = QLabel("Notes")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.add_button = QPushButton("Add Note")
        self.add_button.setObjectName("addNote")
        self.add_button.setToolTip("Write a note on this event (saved as you type)")
        self.add_button.clicked.connect(lambda: self.add_note())
        if controller.read_only:
            self.add_button.setEnabled(False)
            self.add_button.setToolTip("This database is open read-only")
        self.empty = QLabel("No notes yet.")
        self.empty.setStyleSheet("color: #777;")
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.add_button)
        self.cards_box = QVBoxLayout()
        self.cards_box.setSpacing(6)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 6, 0, 0)
        box.addLayout(head)
        box.addWidget(self.empty)
        box.addLayout(self.cards_box)

        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.reconcile)
        controller.chronologyChanged.connect(self._chronology_changed)
        self.setEnabled(False)

    # -- what is shown ------------------------------------------------------------------
    @property
    def event_id(self) -> str | None:
        return self._event_id

    def cards(self) -> list[AnnotationEditor]:
        """Every card, stored notes first in the order they were written."""
        found = [self.cards_box.itemAt(i).widget() for i in range(self.cards_box.count())]
        return [c for c in found if isinstance(c, AnnotationEditor)]

    def card_for(self, uid: str) -> AnnotationEditor | None:
        return self._cards.get(uid)

    def show_event(self, event: Event | None) -> None:
        """Show the notes of ``event`` (kept as they are when it is already shown)."""
        quotes = {x.uid: x.quote for x in event.excerpts} if event else {}
        if event is not None and event.id == self._event_id:
            self._quotes = quotes
            self.reconcile()
            return
        self._switch(event.id if event else None, quotes)

    def _switch(self, event_id: str | None, quotes: dict[str, str]) -> None:
        self.flush()
        for card in self.cards():
            card.hide()
            card.deleteLater()
        self._cards.clear()
        self._drafts.clear()
        self._event_id, self._quotes = event_id, quotes
        self.setEnabled(event_id is not None)
        self.reconcile()

    # -- editing ------------------------------------------------------------------------
    def add_note(self, excerpt_uid: str | None = None) -> AnnotationEditor | None:
        """A new, empty note ready for typing; stored once something is written."""
        if self._event_id is None:
            return None
        card = self._make_card(None, excerpt_uid)
        self._drafts.append(card)
        self.cards_box.addWidget(card)
        self.empty.hide()
        card.begin_editing()
        return card

    def flush(self) -> None:
        """Store every pending edit now."""
        for card in self.cards():
            card.flush()

    def _label(self, excerpt_uid: str | None) -> str:
        if excerpt_uid is None:
            return "On the event"
        quote = self._quotes.get(excerpt_uid)
        return _quote_label(quote) if quote else "On an excerpt"

    def _make_card(
        self, snap: AnnotationSnapshot | None, excerpt_uid: str | None
    ) -> AnnotationEditor:
        card = AnnotationEditor(
            self.controller,
            snapshot=snap,
            event_id=self._event_id,
            excerpt_uid=excerpt_uid,
            target_label=self._label(excerpt_uid),
        )
        card.saved.connect(lambda s, c=card: self._card_saved(c, s))
        card.discarded.connect(lambda c=card: self._discard(c))
        return card

    def _card_saved(self, card: AnnotationEditor, snap: AnnotationSnapshot) -> None:
        if card in self._drafts:
            self._drafts.remove(card)
            self._cards[snap.uid] = card
        self.noteSaved.emit(snap)

    def _discard(self, card: AnnotationEditor) -> None:
        if card in self._drafts:
            self._drafts.remove(card)
        card.hide()
        card.deleteLater()
        self.empty.setVisible(not self._cards and not self._drafts)

    # -- following the database -------------------------------------------------------------
    def _chronology_changed(self, change: ChronologyChange) -> None:
        """The notes shown may have changed: with an edit of them, or of their event."""
        if self._event_id is not None and (
            self._event_id in change.notes or self._event_id in change.events
        ):
            self._pending.start()

    def reconcile(self) -> None:
        """Make the cards match the stored notes; the card being typed in keeps its text."""
        if self._event_id is None:
            self.empty.show()
            return
        stored = annotations_of_event(self.controller.db, self._event_id)
        wanted = {s.uid: s for s in stored}
        for uid in [u for u in self._cards if u not in wanted]:
            card = self._cards.pop(uid)
            card.hide()
            card.deleteLater()
        for i, snap in enumerate(stored):
            card = self._cards.get(snap.uid)
            if card is None:
                card = self._make_card(snap, snap.excerpt_uid)
                self._cards[snap.uid] = card
            else:
                card.apply_snapshot(snap)
            if self.cards_box.indexOf(card) != i:
                self.cards_box.insertWidget(i, card)
        self.empty.setVisible(not self._cards and not self._drafts)
        self.empty.setText("No notes yet." if self.isEnabled() else "")
