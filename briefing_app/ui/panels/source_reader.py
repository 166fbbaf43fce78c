"""The source reader: an article's text with furniture dimmed and excerpts highlighted.

Selecting text offers, in the context menu, to link it to an event as a new
excerpt, to make a new event from it, or to annotate the excerpt it lies in.
Find (Ctrl+F while the reader has the focus, F3 / Shift+F3, Esc) marks every
place a text occurs, ignoring case and accents; a search result opened here
marks the places the search matched the same way.

Signals:
    eventsClicked(list): event ids whose excerpt the user clicked in the text.
    selectionChanged(int, int): the selected span as Python offsets (start == end: none).
    linkRequested(str, int, int): link this span of this source to an event.
    newEventRequested(str, int, int): make a new event from this span of this source.
    annotateRequested(str, str): annotate this excerpt (event id, excerpt uid).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefing_app.domain.model import Excerpt
from briefing_app.domain.text_match import find_folded
from briefing_app.storage.repository import SourceText
from briefing_app.ui.common.plain_text import plain_tooltip
from briefing_app.ui.common.text_offsets import OffsetMap
from briefing_app.ui.panels.reader_find import FindBar, find_key

__all__ = ["SourceReader"]

_HIGHLIGHT = QColor("#fff1a8")
_FOCUS = QColor("#ffc94d")
_FURNITURE = QColor("#9a9a9a")
_FOUND = QColor("#c6e2ff")
_FOUND_HERE = QColor("#1f5fbf")


class _ElidedLabel(QLabel):
    """One line of plain text cut with "…" in its middle where the dock is too narrow (an
    article's address: its whole is in the tooltip, and selecting it copies it)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideMiddle, self.contentsRect().width()
        )
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(self.contentsRect(), int(Qt.AlignmentFlag.AlignLeft), shown)

    def minimumSizeHint(self) -> QSize:
        return QSize(20, super().minimumSizeHint().height())


class SourceReader(QWidget):
    eventsClicked = Signal(list)
    selectionChanged = Signal(int, int)
    linkRequested = Signal(str, int, int)
    newEventRequested = Signal(str, int, int)
    annotateRequested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceReader")
        self.header = QLabel("Choose an excerpt or a source to read it here.")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address = _ElidedLabel()
        self.address.setObjectName("readerAddress")
        self.address.setTextFormat(Qt.TextFormat.PlainText)
        self.address.hide()
        self.changed_warning = QLabel()
        self.changed_warning.setObjectName("sourceChanged")
        self.changed_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.changed_warning.setWordWrap(True)
        self.changed_warning.setStyleSheet("color: #a04000; font-weight: bold;")
        self.changed_warning.hide()
        self.context_note = QLabel()
        self.context_note.setObjectName("readerNotTheEvents")
        self.context_note.setTextFormat(Qt.TextFormat.PlainText)
        self.context_note.setWordWrap(True)
        self.context_note.setStyleSheet(
            "color: #7a4b00; background: #fff4d6; padding: 3px; border-radius: 3px;"
        )
        self.context_note.hide()
        self.hide_furniture = QCheckBox("Hide page furniture")
        self.hide_furniture.setToolTip(
            "Captions, navigation, paywall notices and unrelated headlines saved with the "
            "article are dimmed; tick to fold them away."
        )
        self.hide_furniture.toggled.connect(self._apply_furniture_visibility)
        self.text = QPlainTextEdit()
        self.text.setObjectName("sourceText")
        self.text.setAccessibleName("Article text")
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = self.text.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.text.setFont(font)
        self.text.viewport().installEventFilter(self)
        self.text.installEventFilter(self)
        self.find_bar = FindBar()
        self.find_bar.hide()
        self.find_bar.textEdited.connect(self._find_text)
        self.find_bar.nextRequested.connect(lambda: self.find_step(1))
        self.find_bar.previousRequested.connect(lambda: self.find_step(-1))
        self.find_bar.closeRequested.connect(self.close_find)
        self.text.selectionChanged.connect(self._emit_selection)
        self.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.text.customContextMenuRequested.connect(self._show_context_menu)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.hide_furniture, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.address)
        layout.addWidget(self.changed_warning)
        layout.addWidget(self.context_note)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.text, 1)
        self._source: SourceText | None = None
        self._map = OffsetMap("")
        self._excerpts: list[tuple[Excerpt, str, str]] = []
        self._focus_uid: str | None = None
        self._found: list[tuple[int, int]] = []
        self._found_at = 0
        self._find_from = 0

    # -- content ------------------------------------------------------------
    @property
    def source_file(self) -> str | None:
        return self._source.source.file if self._source else None

    @property
    def focus_uid(self) -> str | None:
        """The excerpt shown as the chosen one (None: the article as a whole)."""
        return self._focus_uid

    def say_not_the_events(self, text: str) -> None:
        """Say above the text that the article shown is not the selected event's ("": it is)."""
        self.context_note.setText(text)
        self.context_note.setVisible(bool(text))

    def focus_excerpt(self, uid: str) -> None:
        """Make ``uid`` (an excerpt of the open article) the chosen one and scroll to it."""
        self._focus_uid = uid
        self.say_not_the_events("")
        self._paint_highlights()
        self.scroll_to_excerpt(uid)

    def show_source(
        self,
        source: SourceText,
        excerpts: Sequence[tuple[Excerpt, str, str]],
        focus_uid: str | None = None,
    ) -> None:
        """Show ``source`` with every excerpt highlighted; scroll to ``focus_uid``."""
        if self._source is None or self._source.source.file != source.source.file:
            self._source = source
            self._map = OffsetMap(source.text)
            self.text.setPlainText(source.text)
            self._format_furniture()
            self._apply_furniture_visibility(self.hide_furniture.isChecked())
            self._found = self._find_all(self.find_bar.box.text())
            self._found_at = 0
            self._show_find_count()
        src = source.source
        bits = [src.title, src.outlet]
        if src.author:
            bits.append(src.author)
        bits.append(src.published.label() if src.published else "date unknown")
        self.header.setText(" · ".join(bits))
        # The address on one line of its own, cut in the middle: a long one took half the
        # dock's height on a laptop.
        self.address.setText(src.url or "")
        self.address.setToolTip(src.url or "")
        self.address.setVisible(bool(src.url))
        self.header.setToolTip(plain_tooltip(src.notes or ""))
        self.changed_warning.setText(
            f"“{src.title}” ({src.file}) has changed since it was stored: its text no longer "
            "matches the SHA-256 recorded then, so what it shows may not be what the source "
            "said. Restore a backup, or import the article again."
            if source.changed
            else ""
        )
        self.changed_warning.setVisible(source.changed)
        self._excerpts = list(excerpts)
        self._focus_uid = focus_uid
        self.say_not_the_events("")
        self._paint_highlights()
        if focus_uid:
            self.scroll_to_excerpt(focus_uid)
            # Again once the dock has its final size, or the passage may sit off-screen.
            QTimer.singleShot(0, lambda: self.scroll_to_excerpt(focus_uid))

    def _format_furniture(self) -> None:
        assert self._source is not None
        fmt = QTextCharFormat()
        fmt.setForeground(_FURNITURE)
        fmt.setFontItalic(True)
        cursor = QTextCursor(self.text.document())
        for start, end, kind in self._source.furniture:
            cursor.setPosition(self._map.to_qt(start))
            cursor.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            fmt.setToolTip(f"Page furniture ({kind}): not part of the article")
            cursor.mergeCharFormat(fmt)

    def _apply_furniture_visibility(self, hidden: bool) -> None:
        if self._source is None:
            return
        doc = self.text.document()
        spans = [(self._map.to_qt(a), self._map.to_qt(b)) for a, b, _ in self._source.furniture]
        block = doc.firstBlock()
        while block.isValid():
            b0 = block.position()
            b1 = b0 + max(block.length() - 1, 0)
            inside = any(a <= b0 and b1 <= b for a, b in spans) and b1 > b0
            block.setVisible(not (hidden and inside))
            block = block.next()
        doc.markContentsDirty(0, doc.characterCount())
        self.text.viewport().update()

    def _paint_highlights(self) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        for excerpt, _event_id, title in self._excerpts:
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(self._map.to_qt(excerpt.start))
            cursor.setPosition(self._map.to_qt(excerpt.end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor  # type: ignore[misc]
            fmt = QTextCharFormat()
            focused = excerpt.uid == self._focus_uid
            fmt.setBackground(_FOCUS if focused else _HIGHLIGHT)
            if focused:
                fmt.setFontWeight(QFont.Weight.DemiBold)
            fmt.setToolTip(plain_tooltip(title))
            sel.format = fmt  # type: ignore[misc]
            selections.append(sel)
        for i, (start, end) in enumerate(self._found):
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(self._map.to_qt(start))
            cursor.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor  # type: ignore[misc]
            fmt = QTextCharFormat()
            here = i == self._found_at
            fmt.setBackground(_FOUND_HERE if here else _FOUND)
            if here:
                fmt.setForeground(QColor("white"))
            sel.format = fmt  # type: ignore[misc]
            selections.append(sel)
        self.text.setExtraSelections(selections)

    # -- find ---------------------------------------------------------------------
    def open_find(self) -> None:
        """Show the Find bar (Ctrl+F) with its text chosen, ready to type over."""
        top = self.text.cursorForPosition(self.text.viewport().rect().topLeft()).position()
        self._find_from = self._map.to_py(top)  # typing finds from what is in view
        self.find_bar.show()
        self.find_bar.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_bar.box.selectAll()

    def close_find(self) -> None:
        """Hide the bar and its marks; the focus goes back to the text."""
        self.find_bar.hide()
        self._found = []
        self._paint_highlights()
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_found(
        self, looked_for: str, spans: Sequence[tuple[int, int]], current: int = 0
    ) -> None:
        """Mark ``spans`` (Python offsets) as found places, as a search result asks, and go to
        ``current``; the bar shows ``looked_for`` and the count."""
        self.find_bar.show()
        self.find_bar.box.setText(looked_for)
        self._found = list(spans)
        self._found_at = max(0, min(current, len(self._found) - 1))
        self._show_find_count()
        self._paint_highlights()
        self._scroll_to_found()
        QTimer.singleShot(0, self._scroll_to_found)  # again at the dock's final size

    def found_places(self) -> list[str]:
        """The text of every place marked as found (for tests and checks)."""
        if self._source is None:
            return []
        return [self._source.text[a:b] for a, b in self._found]

    def find_status(self) -> str:
        """What the bar says: "3 of 12", "No match" or nothing."""
        return self.find_bar.count.text()

    def current_found(self) -> str | None:
        """The text of the place Find is at."""
        if self._source is None or not self._found:
            return None
        a, b = self._found[self._found_at]
        return self._source.text[a:b]

    def find_step(self, step: int) -> None:
        """Go to the next (1) or previous (-1) place, round from the end to the start."""
        if not self._found:
            return
        self._found_at = (self._found_at + step) % len(self._found)
        self._show_find_count()
        self._paint_highlights()
        self._scroll_to_found()

    def _find_all(self, looked_for: str) -> list[tuple[int, int]]:
        if self._source is None or not looked_for.strip():
            return []
        return find_folded(self._source.text, looked_for)

    def _find_text(self, looked_for: str) -> None:
        self._found = self._find_all(looked_for)
        after = [i for i, (a, _b) in enumerate(self._found) if a >= self._find_from]
        self._found_at = after[0] if after else 0
        self._show_find_count()
        self._paint_highlights()
        self._scroll_to_found()

    def _show_find_count(self) -> None:
        self.find_bar.set_count(self._found_at, len(self._found), self.find_bar.box.text())

    def _scroll_to_found(self) -> None:
        if not self._found:
            return
        start, end = self._found[self._found_at]
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self._map.to_qt(end))
        self.text.setTextCursor(cursor)
        cursor.setPosition(self._map.to_qt(start))
        self.text.setTextCursor(cursor)
        self.text.centerCursor()

    def scroll_to_excerpt(self, uid: str) -> None:
        for excerpt, _eid, _title in self._excerpts:
            if excerpt.uid == uid:
                cursor = QTextCursor(self.text.document())
                cursor.setPosition(self._map.to_qt(excerpt.end))
                self.text.setTextCursor(cursor)
                cursor.setPosition(self._map.to_qt(excerpt.start))
                self.text.setTextCursor(cursor)
                self.text.centerCursor()
                return

    def highlighted_text(self) -> list[str]:
        """The text of every highlight, as the user sees it (for tests and checks)."""
        return [sel.cursor.selectedText() for sel in self.text.extraSelections()]

    def focused_text(self) -> str | None:
        for excerpt, _eid, _title in self._excerpts:
            if excerpt.uid == self._focus_uid and self._source is not None:
                return self._source.text[excerpt.start : excerpt.end]
        return None

    def selected_span(self) -> tuple[int, int]:
        cursor = self.text.textCursor()
        return self._map.to_py(cursor.selectionStart()), self._map.to_py(cursor.selectionEnd())

    def selected_text(self) -> str:
        if self._source is None:
            return ""
        start, end = self.selected_span()
        return self._source.text[start:end]

    # -- interaction ------------------------------------------------------------
    def _emit_selection(self) -> None:
        start, end = self.selected_span()
        self.selectionChanged.emit(start, end)

    def events_at(self, offset: int) -> list[str]:
        found: list[str] = []
        for excerpt, event_id, _title in self._excerpts:
            if excerpt.start <= offset < excerpt.end and event_id not in found:
                found.append(event_id)
        return found

    def excerpt_in_selection(self) -> tuple[str, str] | None:
        """(event id, excerpt uid) of the excerpt the selection lies in or overlaps most."""
        start, end = self.selected_span()
        if start >= end:
            return None
        best: tuple[int, str, str] | None = None
        for excerpt, event_id, _title in self._excerpts:
            overlap = min(end, excerpt.end) - max(start, excerpt.start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, event_id, excerpt.uid)
        return (best[1], best[2]) if best else None

    def build_context_menu(self, pos: QPoint | None = None) -> QMenu:
        """The standard text menu plus, for a selection, what can be made of it."""
        menu = self.text.createStandardContextMenu(pos) if pos is not None else QMenu(self)
        start, end = self.selected_span()
        if self._source is None or start >= end:
            return menu
        file = self._source.source.file
        menu.addSeparator()
        link = menu.addAction("Link to Event…")
        link.setObjectName("linkToEvent")
        link.setStatusTip("Quote the selection as a new excerpt of an existing event")
        link.triggered.connect(lambda: self.linkRequested.emit(file, start, end))
        new = menu.addAction("New Event from Selection…")
        new.setObjectName("newEventFromSelection")
        new.setStatusTip("Make an event of your own, with the selection as its first excerpt")
        new.triggered.connect(lambda: self.newEventRequested.emit(file, start, end))
        annotate = menu.addAction("Annotate Excerpt…")
        annotate.setObjectName("annotateExcerpt")
        target = self.excerpt_in_selection()
        annotate.setEnabled(target is not None)
        annotate.setStatusTip(
            "Write a note on the highlighted excerpt"
            if target
            else "Select text inside a highlighted excerpt to annotate it"
        )
        if target is not None:
            annotate.triggered.connect(lambda: self.annotateRequested.emit(*target))
        return menu

    def _show_context_menu(self, pos: QPoint) -> None:
        menu = self.build_context_menu(pos)
        menu.exec(self.text.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def select_span(self, start: int, end: int) -> None:
        """Select ``start..end`` (Python offsets) as the mouse would."""
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self._map.to_qt(start))
        cursor.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text and isinstance(event, QKeyEvent):
            wanted = find_key(event)
            if wanted == "close" and self.find_bar.isHidden():
                wanted = None
            if wanted and event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # the reader's own Find, not the window's search
                return True
            if wanted and event.type() == QEvent.Type.KeyPress:
                if wanted == "open":
                    self.open_find()
                elif wanted == "close":
                    self.close_find()
                else:
                    if self.find_bar.isHidden():
                        self.open_find()
                    self.find_step(1 if wanted == "next" else -1)
                return True
        if (
            watched is self.text.viewport()
            and event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and not self.text.textCursor().hasSelection()
        ):
            pos = self.text.cursorForPosition(event.position().toPoint()).position()
            ids = self.events_at(self._map.to_py(pos))
            if ids:
                self.eventsClicked.emit(ids)
        return super().eventFilter(watched, event)
