"""Reviewing the events proposed from imported articles: accept, edit, merge, reject.

A table of proposals (see ``ProposalModel``) with combo boxes for the lane
and for linking to a similar existing event. "Selected" means the ticked
rows; with none ticked, the highlighted rows. The dialog decides nothing
itself: it emits what the user asked for, and the import flow saves it.

Signals:
    acceptRequested(list): the ReviewItems to make into events or excerpts.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefing_app.ingest.review import ReviewError, ReviewItem, ReviewState
from briefing_app.ui.common.plain_text import plain_label
from briefing_app.ui.importing.proposal_model import (
    DATE,
    INCLUDE,
    LANE,
    LINK,
    SENTENCE,
    SOURCE,
    TITLE,
    ProposalModel,
)

__all__ = ["ReviewDialog"]

Index = QModelIndex | QPersistentModelIndex


class _ChoiceDelegate(QStyledItemDelegate):
    """A combo box over the model's choices for the cell (lanes, events to link to)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for label, value in index.data(ProposalModel.CHOICES_ROLE) or []:
            combo.addItem(label, value)
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        pos = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(pos, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


ROW_LINES = 3


class ReviewDialog(QDialog):
    acceptRequested = Signal(list)

    def __init__(self, state: ReviewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewDialog")
        self.setWindowTitle("Proposed Events")
        self.resize(1280, 600)
        self.model = ProposalModel(state)
        self.table = QTableView()
        self.table.setObjectName("proposalTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        # Even rows of three lines: a long sentence is cut with "…" and read in full in its
        # tooltip, so every proposal takes the same room and the list reads as a list.
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().lineSpacing() * ROW_LINES + 10)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._choices = _ChoiceDelegate(self.table)
        self.table.setItemDelegateForColumn(LANE, self._choices)
        self.table.setItemDelegateForColumn(LINK, self._choices)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(INCLUDE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LANE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(LINK, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SENTENCE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SOURCE, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(TITLE, 300)
        self.table.setColumnWidth(LINK, 180)
        self.table.setColumnWidth(SOURCE, 150)

        self.status = plain_label()
        self.tick_all = QPushButton("Tick &All")
        self.accept_button = QPushButton("&Accept Selected")
        self.accept_button.setObjectName("acceptSelected")
        self.accept_button.setDefault(True)
        self.reject_button = QPushButton("&Reject")
        self.merge_button = QPushButton("&Merge Selected into One Event")
        self.close_button = QPushButton("&Close")
        for button, tip in (
            (self.accept_button, "Make the ticked proposals (or the highlighted ones) events"),
            (self.reject_button, "Drop the ticked proposals (or the highlighted ones)"),
            (self.merge_button, "One event with every sentence of the ticked proposals"),
        ):
            button.setToolTip(tip)
        buttons = QHBoxLayout()
        buttons.addWidget(self.tick_all)
        buttons.addStretch(1)
        for button in (self.merge_button, self.reject_button, self.accept_button):
            buttons.addWidget(button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        intro = plain_label(
            "Each date the imported articles mention, with its sentence as the excerpt. Tick what "
            "belongs in the chronology; double-click a date, title, lane or link to change it. "
            "What you leave undecided waits for you: File\u00a0›\u00a0Review\u00a0Proposals…"
        )
        layout.addWidget(intro)
        titles = list(dict.fromkeys(it.source_title for it in state.items))
        self.source_note = plain_label(f"From “{titles[0]}”" if len(titles) == 1 else "")
        self.source_note.setObjectName("reviewSource")
        self.source_note.setVisible(len(titles) == 1)
        self.table.setColumnHidden(SOURCE, len(titles) == 1)  # named once above instead
        layout.addWidget(self.source_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.tick_all.clicked.connect(self._toggle_all)
        self.accept_button.clicked.connect(self._accept_selected)
        self.reject_button.clicked.connect(self._reject_selected)
        self.merge_button.clicked.connect(self._merge_selected)
        self.close_button.clicked.connect(self.reject)
        self.model.editRefused.connect(self.status.setText)
        self.model.dataChanged.connect(self._update_status)
        self.model.modelReset.connect(self._update_status)
        self._update_status()

    # -- which rows ------------------------------------------------------------------------
    def selected_keys(self) -> list[int]:
        """Ticked rows; with none ticked, the highlighted rows."""
        ticked = [it.key for it in self.model.state.included()]
        if ticked:
            return ticked
        rows = [i.row() for i in self.table.selectionModel().selectedRows()]
        return self.model.keys(rows)

    def _items(self, keys: list[int]) -> list[ReviewItem]:
        return [self.model.state.item(k) for k in keys]

    # -- actions -----------------------------------------------------------------------------
    def _toggle_all(self) -> None:
        state = self.model.state
        self.model.set_all_included(len(state.included()) < len(state))

    def _accept_selected(self) -> None:
        keys = self.selected_keys()
        if not keys:
            self.status.setText("Tick the proposals to accept first.")
            return
        self.acceptRequested.emit(self._items(keys))

    def accepted_items(self, keys: list[int]) -> None:
        """Drop the rows that were saved (called by the flow once they are)."""
        self.model.reject(keys)

    def _reject_selected(self) -> None:
        keys = self.selected_keys()
        n = self.model.reject(keys)
        self.status.setText(f"{n} proposal{'s' if n != 1 else ''} rejected.")

    def _merge_selected(self) -> None:
        try:
            merged = self.model.merge(self.selected_keys())
        except ReviewError as exc:
            self.status.setText(str(exc)[:1].upper() + str(exc)[1:] + ".")
            return
        row = self.model.state.index_of(merged.key)
        self.table.selectRow(row)
        n = len(merged.spans)
        self.status.setText(f"Merged into one event with {n} excerpt{'s' if n != 1 else ''}.")

    def _update_status(self, *_args: Any) -> None:
        state = self.model.state
        ticked = len(state.included())
        self.status.setText(
            f"{len(state)} proposed event{'s' if len(state) != 1 else ''}; {ticked} ticked."
        )

    def show_message(self, text: str) -> None:
        self.status.setText(text)
