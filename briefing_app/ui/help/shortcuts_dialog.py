"""Help › Keyboard Shortcuts: read from the menus, so it cannot fall out of date."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

__all__ = ["ShortcutsDialog", "menu_shortcuts"]

# Keys the timeline handles itself (no menu command stands for them; zooming time
# and fitting are View menu commands bound to the timeline).
TIMELINE_KEYS = (
    ("← / →, Tab / Shift+Tab", "Timeline: previous / next event in time"),
    ("↑ / ↓", "Timeline: the nearest event in the lane above / below"),
    ("Shift+← / →", "Timeline: pan"),
    ("Page Up / Page Down", "Timeline: pan by a screen"),
    ("Enter", "Timeline: open the selected event's first excerpt"),
    ("Space", "Timeline: expand the cluster beside the selection and select its first event"),
    ("Alt+↑ / Alt+↓", "Briefing: move the selected point up / down"),
)
MOUSE = (
    "Mouse: the wheel zooms around the pointer, dragging pans, a click selects, "
    "a click on a cluster zooms into it; drag a selected event onto the Briefing panel."
)


def _keys_text(sequences: list[QKeySequence]) -> str:
    """Each key combination once, in the order given.

    Standard keys come from the platform theme, which can list one combination
    twice (Redo as "Ctrl+Shift+Z, Ctrl+Shift+Z") or add a multimedia key."""
    seen: list[str] = []
    for sequence in sequences:
        text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        if text and text not in seen:
            seen.append(text)
    return ", ".join(seen)


def menu_shortcuts(bar: QMenuBar) -> list[tuple[str, str]]:
    """(shortcut, "Menu › Command") for every menu command that has one, in menu order."""
    found: list[tuple[str, str]] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            name = action.text().replace("&", "").rstrip("…").strip()
            if isinstance(sub, QMenu):
                walk(sub, f"{path} › {name}")
            elif not action.isSeparator() and action.shortcuts():
                found.append((_keys_text(action.shortcuts()), f"{path} › {name}"))

    for top in bar.actions():
        if isinstance(top.menu(), QMenu):
            walk(top.menu(), top.text().replace("&", ""))  # type: ignore[arg-type]
    return found


class ShortcutsDialog(QDialog):
    def __init__(self, bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        rows = [*menu_shortcuts(bar), *TIMELINE_KEYS]
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels(["Keys", "Command"])
        for r, (keys, command) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(keys))
            self.table.setItem(r, 1, QTableWidgetItem(command))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        mouse = QLabel(MOUSE)
        mouse.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(mouse)
        layout.addWidget(buttons)
        self.resize(560, 520)
