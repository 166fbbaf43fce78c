"""The search box and its results, matched words in bold, each saying where it matched.

A result is an event (found in its title or summary, in an excerpt, or in a
note) or a passage of a stored article's own text. When nothing matches, the
closest words the index holds are offered: the results shown are those of
the first, the others are links.

Signals:
    queryChanged(str): the user typed (debounced); the window runs the search.
    resultActivated(str): the event id of the result the user picked.
    passageActivated(object): the article passage (a SearchResult) the user picked.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from briefing_app.storage.search import MARK_END, MARK_START

__all__ = ["SearchResult", "SearchPanel", "SearchResultModel", "snippet_html"]

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class SearchResult:
    event_id: str  # "" for an article passage
    heading: str  # date · title
    kind: str  # "event", "excerpt", "annotation" or "article"
    snippet: str  # with MARK_START/MARK_END around matched words
    source_file: str | None = None  # an article passage: the article
    spans: tuple[tuple[int, int], ...] = ()  # ... and every place it matched
    looked_for: str = ""


WHERE = {
    "event": "in the event: ",
    "excerpt": "in an excerpt: ",
    "annotation": "in your note: ",
    "article": "in the article's text: ",
}


def snippet_html(snippet: str) -> str:
    """Escape everything, then turn match markers into bold: typed text stays text."""
    escaped = html.escape(snippet, quote=False)
    return escaped.replace(MARK_START, "<b>").replace(MARK_END, "</b>")


class SearchResultModel(QAbstractListModel):
    EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
    HTML_ROLE = Qt.ItemDataRole.UserRole + 2
    RESULT_ROLE = Qt.ItemDataRole.UserRole + 3

    def __init__(self) -> None:
        super().__init__()
        self._results: list[SearchResult] = []

    def set_results(self, results: Sequence[SearchResult]) -> None:
        self.beginResetModel()
        self._results = list(results)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._results)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._results):
            return None
        r = self._results[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{r.heading}\n{r.snippet.replace(MARK_START, '').replace(MARK_END, '')}"
        if role == self.HTML_ROLE:
            where = WHERE.get(r.kind, "")
            if r.kind == "article" and len(r.spans) > 1:
                where = f"in the article's text ({len(r.spans)} places): "
            return (
                f"<div><b>{html.escape(r.heading, quote=False)}</b></div>"
                f"<div style='color:#555'><i>{where}</i>{snippet_html(r.snippet)}</div>"
            )
        if role == self.EVENT_ID_ROLE:
            return r.event_id
        if role == self.RESULT_ROLE:
            return r
        return None


class _RichTextDelegate(QStyledItemDelegate):
    """Paints the escaped HTML of a result (bold matches) within the item's rect."""

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(str(index.data(SearchResultModel.HTML_ROLE) or ""))
        doc.setTextWidth(max(option.rect.width() - 8, 50))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        doc = self._document(option, index)
        painter.save()
        painter.translate(option.rect.left() + 4, option.rect.top() + 2)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        if option.state & QStyle.StateFlag.State_Selected:
            ctx.palette.setColor(
                QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.HighlightedText)
            )
        ctx.clip = QRectF(0, 0, option.rect.width(), option.rect.height())
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        self.initStyleOption(option, index)
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()) + 8, int(doc.size().height()) + 4)


class SearchPanel(QWidget):
    queryChanged = Signal(str)
    resultActivated = Signal(str)
    passageActivated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.box = QLineEdit()
        self.box.setObjectName("searchBox")
        self.box.setAccessibleName("Search")
        self.box.setPlaceholderText("Search events, notes, articles")
        self.box.setToolTip(
            "Search the events' titles and summaries, excerpts, your notes and the stored "
            'articles\' text (Ctrl+F). "Quoted phrase", OR, -word to leave out.'
        )
        self.box.setClearButtonEnabled(True)
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.status.linkActivated.connect(self._suggestion_chosen)
        self.model = SearchResultModel()
        self.results = QListView()
        self.results.setObjectName("searchResults")
        self.results.setModel(self.model)
        self.results.setItemDelegate(_RichTextDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.activated.connect(self._activate)
        self.results.clicked.connect(self._activate)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(lambda: self.queryChanged.emit(self.box.text()))
        self.box.textChanged.connect(lambda _t: self._debounce.start())
        self.box.returnPressed.connect(self._enter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.box)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

    def set_results(
        self,
        results: Sequence[SearchResult],
        note: str = "",
        *,
        corrected: str = "",
        others: Sequence[str] = (),
    ) -> None:
        """Show ``results``; with ``corrected``, they are those of a close match of what was
        typed, and ``others`` are offered as links."""
        self.model.set_results(results)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        if corrected or others:
            self._say_close_matches(results, corrected, others)
        elif note:
            self.status.setText(note)
        elif not self.box.text().strip():
            self.status.setText("")
        else:
            self.status.setText(_count_text(results) if results else "No match")

    def _say_close_matches(
        self, results: Sequence[SearchResult], corrected: str, others: Sequence[str]
    ) -> None:
        typed = html.escape(self.box.text().strip(), quote=False)
        links = ", ".join(
            f"<a href='{html.escape(q)}'>{html.escape(q, quote=False)}</a>" for q in others
        )
        text = f"No match for “{typed}”."
        if corrected:
            found = html.escape(_count_text(results), quote=False)
            text += f" Showing “<b>{html.escape(corrected, quote=False)}</b>”: {found}."
        if links:
            text += f" {'Or' if corrected else 'Close'}: {links}"
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setText(text)

    def _suggestion_chosen(self, query: str) -> None:
        self.box.setText(query)
        self._debounce.stop()
        self.queryChanged.emit(query)

    def _enter(self) -> None:
        self._debounce.stop()
        self.queryChanged.emit(self.box.text())
        if self.model.rowCount():
            self.results.setCurrentIndex(self.model.index(0))
            self._activate(self.model.index(0))

    def _activate(self, index: QModelIndex) -> None:
        result = index.data(SearchResultModel.RESULT_ROLE)
        if isinstance(result, SearchResult) and result.kind == "article":
            self.passageActivated.emit(result)
            return
        event_id = index.data(SearchResultModel.EVENT_ID_ROLE)
        if event_id:
            self.resultActivated.emit(event_id)


def _count_text(results: Sequence[SearchResult]) -> str:
    """ "3 events and 2 articles found" """
    events = sum(1 for r in results if r.kind != "article")
    articles = len(results) - events
    parts = []
    if events or not articles:
        parts.append(f"{events} event{'s' if events != 1 else ''}")
    if articles:
        parts.append(f"{articles} article{'s' if articles != 1 else ''}")
    return " and ".join(parts) + " found"
