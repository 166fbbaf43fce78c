"""What the pointer and the keys do on the timeline: select, step, pan, zoom, drag out.

A mixin of ``TimelineView`` (it comes before ``QWidget`` in the bases, so its
event handlers are the widget's): the view keeps the state and the geometry,
this turns input into navigation. Tab and Shift+Tab step between events and
leave the timeline at either end, so the keyboard is never trapped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import (
    QContextMenuEvent,
    QDrag,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QToolTip

from briefing_app.geometry.marks import Cluster, Mark
from briefing_app.geometry.timescale import TimeScale
from briefing_app.ui.common.briefing_model import event_mime
from briefing_app.ui.timeline.cluster_choice import cluster_beside
from briefing_app.ui.timeline.timeline_accessible import announce_selection
from briefing_app.ui.timeline.timeline_painter import NOTE_KEY_TIP
from briefing_app.ui.timeline.timeline_tooltips import cluster_tooltip, event_tooltip

if TYPE_CHECKING:
    from briefing_app.geometry.index import EventIndex

__all__ = ["TIME_ZOOM", "PointerPress", "TimelineInput"]

TIME_ZOOM = 1.5
"""How much "+" and "-" zoom time (the View menu's Zoom Time In/Out too)."""
_WHEEL_ZOOM_PER_NOTCH = 1.2


@dataclass(slots=True)
class PointerPress:
    """A left press until its release: where, at which scale, whether it pans or carries."""

    pos: QPointF
    scale: TimeScale
    dragging: bool = False
    carries: str | None = None
    """The selected event the press began on: moving then drags it out (to a briefing)."""


class TimelineInput:
    """Keys, wheel, pointer, context menu and tooltips of the timeline.

    The view provides the state below, its signals (``eventSelected``,
    ``eventActivated``, ``contextMenuRequestedForEvent``) and its navigation
    (``select_event``, ``zoom_by``, ``fit_all``, ``set_visible_range``,
    ``visible_marks``, ``x_of``, ``_layout``, ``_set_scale``, ``_target_at``, ``_visible_lanes``,
    ``_gutter``, ``_axis_height``).
    """

    _index: EventIndex
    _scale: TimeScale
    _selected: str | None
    _hovered: Mark | Cluster | None
    _press: PointerPress | None

    def _choose(self, event_id: str) -> None:
        """Select on behalf of the user: keep it in view and say so."""
        self.select_event(event_id, ensure_visible=True)
        announce_selection(self, event_id)
        self.eventSelected.emit(event_id)

    def _step_lane(self, direction: int) -> bool:
        """Select the event nearest in time in the next lane below (1) or above (-1)."""
        lanes = self._visible_lanes()
        current = self._index.get(self._selected) if self._selected else None
        if current is None or not self._index.is_shown(current.id) or current.lane not in lanes:
            return self._step(1)
        i = lanes.index(current.lane) + direction
        while 0 <= i < len(lanes):
            found = self._index.nearest_in_lane(lanes[i], current.start)
            if found is not None:
                self._choose(found.id)
                return True
            i += direction
        return False

    def _step(self, direction: int) -> bool:
        """Select the next (1) or previous (-1) shown event in time; False at the end."""
        lanes = set(self._visible_lanes())
        current = self._index.get(self._selected) if self._selected else None
        if current is not None and self._index.is_shown(current.id) and current.lane in lanes:
            found = self._index.step_from(current.id, direction, lanes)
        elif direction > 0:
            found = self._index.first_from(self._scale.t0, lanes)
        else:
            found = self._index.last_before(self._scale.t1, lanes)
        if found is None:
            return False
        self._choose(found.id)
        return True

    def _zoom_to_cluster(self, cluster: Cluster) -> None:
        span = min(max((cluster.t1 - cluster.t0) * 1.5, 1.0), self._scale.span / 2)
        centre = (cluster.t0 + cluster.t1) / 2
        self.set_visible_range(centre - span / 2, centre + span / 2)

    def expand_cluster(self) -> bool:
        """Zoom into the cluster beside the selection until its events stand alone
        (or the zoom limit), then select its first event; False when none is in view."""
        layout, offset = self._layout()
        right = offset + self._scale.width_px
        selected = self._index.get(self._selected) if self._selected else None
        target = cluster_beside(
            [c for c in layout.clusters if c.rect.right > offset and c.rect.x < right],
            selected.lane if selected is not None else None,
            selected.start if selected is not None else None,
        )
        if target is None:
            return False
        self._zoom_to_cluster(target)
        inside = [
            e.id
            for e in self._index.visible(target.lane, target.t0, target.t1)
            if e.start >= target.t0
        ]
        for _ in range(12):
            if all(i in self.visible_marks() for i in inside):
                break
            span = self._scale.span
            self.zoom_by(2.0, self.x_of((target.t0 + target.t1) / 2))
            if self._scale.span >= span:
                break  # the zoom limit: the rest stay folded
        first = self._index.first_from(target.t0, {target.lane})
        if first is not None:
            self._choose(first.id)
        return True

    def _activate_selected(self) -> None:
        if self._selected is not None and self._index.is_shown(self._selected):
            self.eventActivated.emit(self._selected)

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                backwards = key == Qt.Key.Key_Backtab or bool(
                    event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                )
                # At either end Tab leaves the timeline, so the keyboard is never trapped.
                if self._step(-1 if backwards else 1):
                    return True
        elif kind == QEvent.Type.NativeGesture and isinstance(event, QNativeGestureEvent):
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self.zoom_by(1.0 + event.value(), event.position().x())
                return True
        elif kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            self._show_tooltip(event)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        panning = bool(mods & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier))
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(TIME_ZOOM)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_by(1 / TIME_ZOOM)
        elif key in (Qt.Key.Key_0, Qt.Key.Key_Home):
            self.fit_all()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            direction = 1 if key == Qt.Key.Key_Right else -1
            if panning:
                self._set_scale(self._scale.panned(direction * self._scale.width_px / 8))
            else:
                self._step(direction)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not panning:
            self._step_lane(1 if key == Qt.Key.Key_Down else -1)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            direction = 1 if key == Qt.Key.Key_PageDown else -1
            self._set_scale(self._scale.panned(direction * self._scale.width_px * 0.9))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._activate_selected()
        elif key == Qt.Key.Key_Space:
            self.expand_cluster()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if abs(delta.x()) > abs(delta.y()):
            pixels = event.pixelDelta().x() or delta.x() / 120 * self._scale.width_px / 10
            self._set_scale(self._scale.panned(-pixels))
        elif delta.y():
            self.zoom_by(_WHEEL_ZOOM_PER_NOTCH ** (delta.y() / 120), event.position().x())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = PointerPress(event.position(), self._scale)
            target = self._target_at(event.position())
            if isinstance(target, Mark) and target.event_id == self._selected:
                self._press.carries = target.event_id
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        press = self._press
        if press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            moved = (event.position() - press.pos).manhattanLength()
            if press.carries and not press.dragging and moved >= QApplication.startDragDistance():
                self._drag_out(press.carries)
                self._press = None
                return
            dx = event.position().x() - press.pos.x()
            if press.dragging or abs(dx) >= QApplication.startDragDistance():
                press.dragging = True
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self._set_scale(press.scale.panned(-dx))
            return
        target = self._target_at(event.position())
        if target is not self._hovered:
            self._hovered = target
            if target is None:
                self.unsetCursor()
            else:
                self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.update()

    def _drag_out(self, event_id: str) -> None:
        """Drag the selected event out, e.g. into the Briefing panel (drag elsewhere pans)."""
        drag = QDrag(self)
        drag.setMimeData(event_mime([event_id]))
        drag.exec(Qt.DropAction.CopyAction)
        self.unsetCursor()

    def leaveEvent(self, event: QEvent) -> None:
        if self._hovered is not None:
            self._hovered = None
            self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        self.unsetCursor()
        if press.dragging:
            return
        target = self._target_at(event.position())
        if isinstance(target, Mark):
            self._choose(target.event_id)
        elif isinstance(target, Cluster):
            self._zoom_to_cluster(target)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        target = self._target_at(event.position())
        if isinstance(target, Mark):
            if self._selected != target.event_id:
                self._choose(target.event_id)
            self.eventActivated.emit(target.event_id)
        elif isinstance(target, Cluster):
            self._zoom_to_cluster(target)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            target = self._target_at(QPointF(event.pos()))
            if isinstance(target, Mark):
                if self._selected != target.event_id:
                    self._choose(target.event_id)
                self.contextMenuRequestedForEvent.emit(target.event_id, event.globalPos())
            return
        if self._selected is not None and self._index.is_shown(self._selected):
            rect = self.visible_marks().get(self._selected)
            where = rect.center().toPoint() if rect is not None else self.rect().center()
            self.contextMenuRequestedForEvent.emit(self._selected, self.mapToGlobal(where))

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def _show_tooltip(self, event: QHelpEvent) -> None:
        target = self._target_at(QPointF(event.pos()))
        if isinstance(target, Mark):
            entry = self._index.get(target.event_id)
            text = event_tooltip(entry.event) if entry is not None else ""
        elif isinstance(target, Cluster):
            text = cluster_tooltip(target, self._index)
        elif event.pos().x() < self._gutter() and event.pos().y() < self._axis_height():  # type: ignore[attr-defined]
            text = NOTE_KEY_TIP  # the corner that explains the note dot
        else:
            text = ""
        if text:
            QToolTip.showText(event.globalPos(), text, self)
        else:
            QToolTip.hideText()
            event.ignore()
