"""A label that shows its text as written: never read as markup, wrapped to its width."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

__all__ = ["plain_label"]


def plain_label(text: str = "") -> QLabel:
    """A word-wrapped label in PlainText: a title such as "<b>x</b>" shows its brackets."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label
