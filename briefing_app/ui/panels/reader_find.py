"""Find in the article the reader shows: a bar over the text, as in a browser.

The bar only asks and tells: the text looked for, "3 of 12", previous and
next. Which places match is the reader's to work out (every place the text
occurs, ignoring case and accents; or, for a search result, the places the
search matched). Keys, while the reader has the focus: Ctrl+F opens it, F3
and Shift+F3 (or Enter and Shift+Enter in its field) go to the next and
previous place, Esc closes it.

Signals:
    textEdited(str): the user changed the text looked for.
    nextRequested(), previousRequested(): go to the next or previous place.
    closeRequested(): the user closed the bar.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

__all__ = ["FindBar", "find_key"]


def find_key(event: QKeyEvent) -> str | None:
    """What a key pressed in the reader asks of Find: "open", "next", "previous", "close"."""
    if event.matches(QKeySequence.StandardKey.Find):
        return "open"
    if event.matches(QKeySequence.StandardKey.FindNext) or (
        event.key() == Qt.Key.Key_F3 and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
    ):
        return "next"
    if event.matches(QKeySequence.StandardKey.FindPrevious) or (
        event.key() == Qt.Key.Key_F3 and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
    ):
        return "previous"
    if event.key() == Qt.Key.Key_Escape:
        return "close"
    return None


class FindBar(QWidget):
    textEdited = Signal(str)
    nextRequested = Signal()
    previousRequested = Signal()
    closeRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerFind")
        self.box = QLineEdit()
        self.box.setObjectName("readerFindText")
        self.box.setAccessibleName("Find in article")
        self.box.setPlaceholderText("Find in this article")
        self.box.setClearButtonEnabled(True)
        self.box.textEdited.connect(self.textEdited)
        self.box.installEventFilter(self)
        self.count = QLabel()
        self.count.setObjectName("readerFindCount")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance("888 of 888"))
        self.previous = self._button("▲", "Previous place (Shift+F3)", self.previousRequested)
        self.next = self._button("▼", "Next place (F3)", self.nextRequested)
        close = self._button("✕", "Close (Esc)", self.closeRequested)
        close.setObjectName("readerFindClose")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 2, 0, 2)
        row.addWidget(self.box, 1)
        row.addWidget(self.count)
        row.addWidget(self.previous)
        row.addWidget(self.next)
        row.addWidget(close)

    def _button(self, text: str, tip: str, signal: Signal) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setAutoRaise(True)
        button.clicked.connect(signal)
        return button

    def set_count(self, current: int, total: int, looked_for: str) -> None:
        """Say where the reader is among the places found ("3 of 12", "No match")."""
        if not looked_for.strip():
            self.count.setText("")
        elif total == 0:
            self.count.setText("No match")
        else:
            self.count.setText(f"{current + 1} of {total}")
        self.count.setStyleSheet("color: #a04000;" if looked_for.strip() and not total else "")
        for button in (self.previous, self.next):
            button.setEnabled(total > 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and isinstance(event, QKeyEvent):
            kind = event.type()
            wanted = find_key(event)
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if kind == QEvent.Type.ShortcutOverride and (wanted or enter):
                event.accept()  # the window's own Ctrl+F, F3 or Esc must not take it
                return True
            if kind == QEvent.Type.KeyPress:
                if enter:
                    shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                    (self.previousRequested if shift else self.nextRequested).emit()
                    return True
                if wanted == "open":
                    self.box.selectAll()
                    return True
                if wanted == "next":
                    self.nextRequested.emit()
                    return True
                if wanted == "previous":
                    self.previousRequested.emit()
                    return True
                if wanted == "close":
                    self.closeRequested.emit()
                    return True
        return super().eventFilter(watched, event)
