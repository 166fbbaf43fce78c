"""Text from a file or the user, shown where Qt would guess it is HTML.

Qt reads a tooltip (and a label or message box in AutoText) as rich text when
it looks like markup, so an article title such as "<b>Breaking</b>" would
turn bold, and an ``<img>`` would be loaded. ``plain_tooltip`` makes the
text rich text on purpose, with every character escaped: it shows exactly
as written.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

__all__ = ["plain_label", "plain_tooltip"]


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip that shows every character as written, line breaks kept."""
    if not text:
        return ""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


def plain_label(text: str = "") -> QLabel:
    """A word-wrapped label in PlainText: a title such as "<b>x</b>" shows its brackets."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label
