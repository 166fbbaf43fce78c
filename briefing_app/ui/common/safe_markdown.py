"""Showing the user's notes as light Markdown without ever treating them as HTML.

A note is the user's text: ``<b>``, ``<script>`` or ``<img src=...>`` in it
must show as those characters. Markdown is read with raw HTML switched off,
and the document refuses every resource, so an image reference in a note
(``![x](/some/file.png)``) never makes the app read a file: Qt would
otherwise try the path itself when no resource is supplied, so a blank
image is supplied instead.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument

__all__ = ["NOTE_MARKDOWN", "SafeDocument"]

NOTE_MARKDOWN = (
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub
    | QTextDocument.MarkdownFeature.MarkdownNoHTML
)
"""GitHub-style Markdown (lists, emphasis, tables) with raw HTML shown as text."""


class SafeDocument(QTextDocument):
    """A text document that loads nothing: no files, no network, no data URLs."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._blank = QImage(1, 1, QImage.Format.Format_ARGB32)
        self._blank.fill(QColor(0, 0, 0, 0))
        self.refused: set[str] = set()
        """Every resource the note asked for (and did not get), for tests and tooltips."""

    def set_note(self, text: str) -> None:
        """Show ``text`` as Markdown with HTML disabled."""
        self.setMarkdown(text, NOTE_MARKDOWN)

    def loadResource(self, kind: int, name: QUrl) -> Any:
        self.refused.add(name.toString())
        if kind == QTextDocument.ResourceType.ImageResource.value:
            return self._blank
        return None
