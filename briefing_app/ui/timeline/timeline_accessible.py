"""The timeline as a screen reader sees it: a list whose items are the marks in view.

The timeline paints its marks itself, so without this Qt would present it as one
empty rectangle. Each event drawn on its own is a list item named by its title and
described by its date at its precision, its lane and its notes; each cluster is an
item that says how many events it holds. Moving the selection with the keyboard
moves the accessible focus, so a screen reader announces the new event.

Items are kept per event id (and per cluster position) between queries, so an
assistive technology holding one keeps a valid object while the view pans.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QRect
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QWidget

if TYPE_CHECKING:
    from briefing_app.ui.timeline.timeline_view import TimelineView

__all__ = ["AccessibleItem", "install_timeline_accessibility", "announce_selection"]


@dataclass(frozen=True, slots=True)
class AccessibleItem:
    """One mark in view as the timeline describes it (widget coordinates)."""

    key: str
    """The event id, or ``cluster:LANE:T0`` for a cluster."""
    name: str
    description: str
    rect: QRect
    selected: bool
    is_cluster: bool = False


class _MarkInterface(QAccessibleInterface):
    """One mark: a list item with a name, a description, a state and a rectangle."""

    def __init__(self, parent: _TimelineInterface, item: AccessibleItem) -> None:
        super().__init__()
        self._parent = parent
        self.item = item

    def isValid(self) -> bool:
        return self._parent.isValid()

    def object(self) -> QObject | None:
        return None

    def window(self) -> object:
        return self._parent.window()

    def parent(self) -> QAccessibleInterface:
        return self._parent

    def child(self, index: int) -> QAccessibleInterface | None:
        return None

    def childCount(self) -> int:
        return 0

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:
        return None

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self.item.name
        if kind == QAccessible.Text.Description:
            return self.item.description
        return ""

    def setText(self, kind: QAccessible.Text, text: str) -> None:
        """Marks are read, not edited."""

    def rect(self) -> QRect:
        widget = self._parent.view()
        if widget is None:
            return QRect()
        top_left = widget.mapToGlobal(self.item.rect.topLeft())
        return QRect(top_left, self.item.rect.size())

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.ListItem

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        state.selectable = not self.item.is_cluster
        state.focusable = not self.item.is_cluster
        state.selected = self.item.selected
        widget = self._parent.view()
        state.focused = self.item.selected and widget is not None and widget.hasFocus()
        return state


class _TimelineInterface(QAccessibleWidget):
    """The timeline widget: a list of the marks drawn now."""

    def __init__(self, view: TimelineView) -> None:
        # No Python reference to the view is kept: Qt deletes this interface while the
        # view is being destroyed, and a last reference dropped then would delete it twice.
        super().__init__(view, QAccessible.Role.List, "Timeline")
        self._children: list[_MarkInterface] = []
        self._by_key: dict[str, _MarkInterface] = {}
        self._generation: object = None

    def view(self) -> TimelineView | None:
        return self.widget() if self.isValid() else None  # type: ignore[return-value]

    def _refresh(self) -> list[_MarkInterface]:
        view = self.view()
        if view is None:
            self._children, self._by_key = [], {}
            return self._children
        generation = view.accessible_generation()
        if generation == self._generation:
            return self._children
        kept: dict[str, _MarkInterface] = {}
        children: list[_MarkInterface] = []
        for item in view.accessible_items():
            child = self._by_key.get(item.key)
            if child is None:
                child = _MarkInterface(self, item)
            else:
                child.item = item
            kept[item.key] = child
            children.append(child)
        self._by_key, self._children, self._generation = kept, children, generation
        return children

    def childCount(self) -> int:
        return len(self._refresh())

    def child(self, index: int) -> QAccessibleInterface | None:
        children = self._refresh()
        return children[index] if 0 <= index < len(children) else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        for i, mine in enumerate(self._refresh()):
            if mine is child:
                return i
        return -1

    def index_of_key(self, key: str) -> int:
        for i, mine in enumerate(self._refresh()):
            if mine.item.key == key:
                return i
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:
        view = self.view()
        if view is None:
            return None
        local = view.mapFromGlobal(QPoint(x, y))
        for child in self._refresh():
            if child.item.rect.contains(local):
                return child
        return None

    def focusChild(self) -> QAccessibleInterface | None:
        for child in self._refresh():
            if child.item.selected:
                return child
        return None


def _factory(class_name: str, obj: QObject) -> QAccessibleInterface | None:
    """A new interface for a timeline: Qt asks once per widget, keeps the answer in its
    own cache and deletes it with the widget, so nothing here holds on to it."""
    from briefing_app.ui.timeline.timeline_view import TimelineView

    if class_name != "TimelineView" or not isinstance(obj, TimelineView):
        return None
    return _TimelineInterface(obj)


_installed = False


def install_timeline_accessibility() -> None:
    """Register the timeline's interface with Qt (once per process)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def announce_selection(view: QWidget, key: str) -> None:
    """Tell assistive technology that the selection (and focus) moved to ``key``."""
    if not QAccessible.isActive():
        return
    iface = QAccessible.queryAccessibleInterface(view)
    if not isinstance(iface, _TimelineInterface):
        return
    index = iface.index_of_key(key)
    if index < 0:
        return
    for kind in (QAccessible.Event.Selection, QAccessible.Event.Focus):
        event = QAccessibleEvent(view, kind)
        event.setChild(index)
        QAccessible.updateAccessibility(event)
