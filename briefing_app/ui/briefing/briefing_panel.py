"""The Briefing panel: named briefings of talking points, built by typing and dragging.

Choose, create, rename or delete a briefing at the top; the list below holds
its points in order, each with numbered references to the events and
excerpts it cites ([1], [2]... numbered in order of first appearance, so
they follow the points when they are reordered). A point that cites nothing
is marked unsupported. Add Point cites the event selected in the window
(and says so beside the button); with none selected the point starts
unsupported. Drag points to reorder them (or Alt+Up/Down), drop events from
the Event List or the event panel between points to add a point or onto a
point to cite them, double-click or F2 to edit a point's text (several lines:
Shift+Enter starts a new one).

Signals:
    pointSelected(list): the event ids the selected point cites.
    eventActivated(str): the user opened a reference's event.
    statusMessage(str): what was just done, for the status bar.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.domain.briefing import BriefingSnapshot
from briefing_app.services.briefings import list_briefings
from briefing_app.ui.briefing.point_editing import BriefingNameDialog, PointTextDelegate
from briefing_app.ui.common.briefing_model import BriefingPointsModel
from briefing_app.ui.common.edit_controller import EditController

__all__ = ["BriefingPanel", "PointListView"]

_SETTINGS_KEY = "briefingPanel/current"
_DEFAULT_NAME = "Briefing"
_NEW_EXPLANATION = (
    "A briefing is a named list of talking points in your own words, each citing the "
    "events and passages it rests on. Name it for the meeting or reader it is for; "
    "it can be exported as a PDF or a Word briefing note."
)


class PointListView(QListView):
    """A list whose drops are all handled by the model, so Qt never deletes a dragged row."""

    def commit_open_editor(self) -> None:
        """Store the text of a point being edited (the window is closing)."""
        index = self.currentIndex()
        editor = self.indexWidget(index) if index.isValid() else None
        if editor is not None:
            self.commitData(editor)

    def dropEvent(self, event: QDropEvent) -> None:
        model = self.model()
        index = self.indexAt(event.position().toPoint())
        where = self.dropIndicatorPosition()
        row, parent = -1, QModelIndex()
        if index.isValid():
            if where == QAbstractItemView.DropIndicatorPosition.AboveItem:
                row = index.row()
            elif where == QAbstractItemView.DropIndicatorPosition.BelowItem:
                row = index.row() + 1
            elif where == QAbstractItemView.DropIndicatorPosition.OnItem:
                parent = index
        if model.dropMimeData(event.mimeData(), Qt.DropAction.CopyAction, row, 0, parent):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()
        self.setState(QAbstractItemView.State.NoState)
        self.viewport().update()


class BriefingPanel(QWidget):
    pointSelected = Signal(list)
    eventActivated = Signal(str)
    statusMessage = Signal(str)

    def __init__(self, controller: EditController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefingPanel")
        self.controller = controller
        self._briefings: list[BriefingSnapshot] = []
        self._current: str | None = QSettings().value(_SETTINGS_KEY) or None
        self._selected_event: str | None = None
        self.dialog: BriefingNameDialog | None = None
        """The name dialog last opened, for tests to drive."""

        self.chooser = QComboBox()
        self.chooser.setObjectName("briefingChooser")
        self.chooser.setAccessibleName("Briefing")
        self.chooser.setToolTip("The briefing shown below")
        self.chooser.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.chooser.setMinimumContentsLength(2)
        self.new_action = self._menu_action("&New Briefing…", self.new_briefing)
        self.rename_action = self._menu_action("&Rename Briefing…", self.rename_briefing)
        self.delete_action = self._menu_action("&Delete Briefing", self.delete_briefing)
        self.manage = QToolButton()
        self.manage.setObjectName("briefingMenu")
        self.manage.setText("⋯")
        self.manage.setAccessibleName("Briefings menu")
        self.manage.setToolTip("New, rename or delete briefings")
        self.manage.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.manage)
        for action in (self.new_action, self.rename_action, self.delete_action):
            menu.addAction(action)
        self.manage.setMenu(menu)

        self.model = BriefingPointsModel()
        self.points = PointListView()
        self.points.setObjectName("briefingPoints")
        self.points.setModel(self.model)
        self.points.setWordWrap(True)
        self.points.setItemDelegate(PointTextDelegate(self.points))
        self.points.setSpacing(2)
        self.points.setAlternatingRowColors(True)
        self.points.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.points.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.points.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.points.setDragDropOverwriteMode(False)
        self.points.setDropIndicatorShown(True)
        self.points.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setFocusProxy(self.points)  # Go › Briefing (Ctrl+5) lands on the points
        self.add_button = QPushButton("Add Point")
        self.add_button.setObjectName("addPoint")
        self.add_button.clicked.connect(self.add_point_for_selection)
        self.cites = QLabel()
        self.cites.setObjectName("addPointCites")
        self.cites.setTextFormat(Qt.TextFormat.PlainText)
        self.cites.setStyleSheet("color: #555;")
        self.cites.setMinimumWidth(20)
        self.hint = QLabel(
            "Drag a selected event here from the timeline, the Event List or the event "
            "panel's title, or right-click an event on the timeline: Add to Briefing."
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #777;")
        self.references = QListWidget()
        self.references.setObjectName("briefingReferences")
        self.references.setWordWrap(True)
        self.references.setMaximumHeight(150)
        self.references.setToolTip("Double-click a reference to show its event")

        top = QHBoxLayout()
        top.addWidget(self.chooser, 1)
        top.addWidget(self.manage)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(top)
        box.addWidget(self.points, 3)
        box.addWidget(self.hint)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.cites, 1)
        box.addLayout(row)
        box.addWidget(QLabel("References"))
        box.addWidget(self.references, 1)

        self.move_up_action = self._shortcut("Move Point Up", "Alt+Up", lambda: self.move_by(-1))
        self.move_down_action = self._shortcut(
            "Move Point Down", "Alt+Down", lambda: self.move_by(1)
        )
        self.delete_point_action = self._shortcut(
            "Delete Point", QKeySequence.StandardKey.Delete, self.delete_point
        )
        self.points.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.chooser.currentIndexChanged.connect(self._chosen)
        self.model.textEdited.connect(self._text_edited)
        self.model.moveRequested.connect(self._move_requested)
        self.model.citeRequested.connect(self._cite_requested)
        self.model.newPointRequested.connect(self._new_point_requested)
        self.points.selectionModel().currentChanged.connect(self._point_changed)
        self.references.itemActivated.connect(
            lambda item: self.eventActivated.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        controller.briefingChanged.connect(self._briefing_changed)
        self.set_selected_event(None)
        self.refresh()

    def _menu_action(self, text: str, slot: object) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda: slot())  # type: ignore[operator]
        return action

    def _shortcut(self, text: str, keys: QKeySequence | str, slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.points.addAction(action)
        return action

    # -- state --------------------------------------------------------------------------------
    @property
    def current_uid(self) -> str | None:
        return self._current

    @property
    def briefing(self) -> BriefingSnapshot | None:
        return self.model.briefing

    def selected_point(self) -> str | None:
        index = self.points.currentIndex()
        return index.data(BriefingPointsModel.POINT_UID_ROLE) if index.isValid() else None

    def refresh(self, select_point: str | None = None) -> None:
        """Read the briefings again and show the current one."""
        keep = select_point or self.selected_point()
        self._briefings = list_briefings(self.controller.db)
        uids = [b.uid for b in self._briefings]
        if self._current not in uids:
            self._current = uids[0] if uids else None
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for b in self._briefings:
            self.chooser.addItem(b.name, b.uid)
        self.chooser.setCurrentIndex(uids.index(self._current) if self._current else -1)
        self.chooser.blockSignals(False)
        current = next((b for b in self._briefings if b.uid == self._current), None)
        self.model.set_briefing(current)
        self._show_references(current)
        self.hint.setVisible(self.model.rowCount() == 0)  # a how-to only while it is empty
        for action in (self.rename_action, self.delete_action):
            action.setEnabled(current is not None and not self.controller.read_only)
        self.new_action.setEnabled(not self.controller.read_only)
        if keep is not None and (row := self.model.row_of(keep)) >= 0:
            # Putting back the point that was selected is not the user picking it again:
            # only a new point (select_point) shows its events.
            blocker = QSignalBlocker(self.points.selectionModel()) if select_point is None else None
            self.points.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            if blocker is not None:
                blocker.unblock()

    def _show_references(self, briefing: BriefingSnapshot | None) -> None:
        self.references.clear()
        for n, citation in enumerate(briefing.references() if briefing else [], 1):
            item = QListWidgetItem(f"[{n}] {citation.label()}")
            item.setData(Qt.ItemDataRole.UserRole, citation.event_id)
            item.setToolTip(citation.quote or citation.title)
            self.references.addItem(item)

    def _chosen(self, index: int) -> None:
        self._current = self.chooser.itemData(index) if index >= 0 else None
        QSettings().setValue(_SETTINGS_KEY, self._current or "")
        self.refresh()

    def _briefing_changed(self, _uid: str) -> None:
        self.refresh()

    def _point_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.pointSelected.emit(current.data(BriefingPointsModel.EVENT_IDS_ROLE))

    # -- briefings ------------------------------------------------------------------------------
    def flush(self) -> None:
        """Store a point's text that is still being typed."""
        self.points.commit_open_editor()

    def _ask_name(self, title: str, explanation: str, text: str) -> str | None:
        self.dialog = BriefingNameDialog(title, explanation, text, self)
        self.dialog.exec()
        return self.dialog.chosen_name()

    def new_briefing(self, name: str | None = None) -> BriefingSnapshot | None:
        if name is None:
            name = self._ask_name("New Briefing", _NEW_EXPLANATION, "")
            if name is None:
                return None
        made = self.controller.create_briefing(name)
        if made is not None:
            self._select_briefing(made.uid)
        return made

    def rename_briefing(self, name: str | None = None) -> None:
        current = self.briefing
        if current is None:
            return
        if name is None:
            name = self._ask_name(
                "Rename Briefing", f"The new name of the briefing “{current.name}”.", current.name
            )
            if name is None:
                return
        self.controller.rename_briefing(current.uid, name)

    def delete_briefing(self) -> None:
        """Delete the shown briefing at once: Undo brings it back, so no question is asked."""
        if self._current is not None:
            self.controller.delete_briefing(self._current)
            self.refresh()

    def _select_briefing(self, uid: str) -> None:
        self._current = uid
        QSettings().setValue(_SETTINGS_KEY, uid)
        self.refresh()

    def _ensure_briefing(self) -> str | None:
        if self._current is None:
            made = self.controller.create_briefing(_DEFAULT_NAME)
            if made is None:
                return None
            self._select_briefing(made.uid)
        return self._current

    # -- points ------------------------------------------------------------------------------------
    def add_point(
        self,
        citations: list[tuple[str | None, str | None]] | None = None,
        index: int | None = None,
        *,
        edit: bool = True,
    ) -> str | None:
        """Add a point (citing ``citations``) and start writing it; returns its uid."""
        uid = self._ensure_briefing()
        if uid is None:
            return None
        made = self.controller.add_point(uid, "", citations or [], index)
        if made is None:
            return None
        _briefing, point_uid = made
        self.refresh(select_point=point_uid)
        if edit:
            self.points.setFocus()
            self.points.edit(self.points.currentIndex())
        return point_uid

    def set_selected_event(self, event_id: str | None, title: str = "") -> None:
        """The event selected in the window: the one Add Point cites."""
        self._selected_event = event_id
        if event_id is None:
            self.cites.setText("cites nothing yet")
            self.cites.setToolTip("Select an event first: a point added then cites it")
            self.add_button.setToolTip(
                "Add a talking point at the end and write it. Select an event first and "
                "the point cites it."
            )
            return
        elided = self.cites.fontMetrics().elidedText(
            f"cites “{title}”", Qt.TextElideMode.ElideMiddle, max(self.cites.width(), 160)
        )
        self.cites.setText(elided)
        self.cites.setToolTip(f"A point added now cites the selected event, “{title}”")
        self.add_button.setToolTip(f"Add a talking point citing “{title}” and write it")

    def add_point_for_selection(self) -> str | None:
        """The Add Point button: a point citing the selected event, if there is one."""
        if self._selected_event is None:
            made = self.add_point()
            if made is not None:
                self.statusMessage.emit(
                    "Added a talking point that cites nothing yet: drag an event onto it"
                )
            return made
        made = self.add_event(self._selected_event)
        if made is not None:
            self.statusMessage.emit("Added a talking point citing the selected event: write it now")
        return made

    def add_event(self, event_id: str, *, edit: bool = True) -> str | None:
        """The timeline's Add to Briefing: a new point citing the event."""
        return self.add_point([(event_id, None)], edit=edit)

    def cite_in_selected(self, event_id: str, excerpt_uid: str | None = None) -> bool:
        point = self.selected_point()
        if point is None or self._current is None:
            return False
        self.controller.add_citation(self._current, point, event_id, excerpt_uid)
        return True

    def move_by(self, step: int) -> None:
        point = self.selected_point()
        if point is None or self._current is None:
            return
        row = self.model.row_of(point) + step
        if 0 <= row < self.model.rowCount():
            self.controller.move_point(self._current, point, row)
            self.refresh(select_point=point)

    def delete_point(self) -> None:
        point = self.selected_point()
        if point is not None and self._current is not None:
            self.controller.delete_point(self._current, point)

    def _text_edited(self, point_uid: str, text: str) -> None:
        if self._current is not None:
            row = self.model.row_of(point_uid)
            read = self.model.point(row).version if row >= 0 else None
            self.controller.edit_point_text(self._current, point_uid, text, read)

    def _move_requested(self, point_uid: str, index: int) -> None:
        if self._current is not None:
            self.controller.move_point(self._current, point_uid, index)
            self.refresh(select_point=point_uid)

    def _cite_requested(self, point_uid: str, event_ids: list[str]) -> None:
        if self._current is None:
            return
        for event_id in event_ids:
            self.controller.add_citation(self._current, point_uid, event_id)

    def _new_point_requested(self, index: int, event_ids: list[str]) -> None:
        self.add_point([(e, None) for e in event_ids], index)
