"""The window's menus as a table: each command once, with its text, keys and tip.

A command is a ``Command`` (made into a QAction here, kept on the window when
named), a QAction made elsewhere (the undo stack's, the user's work's), or
None for a separator. Keyboard › Shortcuts reads the menus, so a command added
here is documented with no other edit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from briefing_app.ui.timeline.timeline_input import TIME_ZOOM

if TYPE_CHECKING:
    from briefing_app.ui.main_window import MainWindow

__all__ = ["Command", "build_menus"]

Keys = QKeySequence | QKeySequence.StandardKey | str | None


@dataclass(frozen=True)
class Command:
    text: str
    slot: Callable[[], object]
    keys: Keys = None
    tip: str = ""
    name: str | None = None
    """The window attribute that keeps the action (for enabling it, and for tests)."""


Item = Command | QAction | None


def _action(window: MainWindow, command: Command) -> QAction:
    action = QAction(command.text, window)
    if command.keys is not None:
        action.setShortcut(QKeySequence(command.keys))
    if command.tip:
        action.setStatusTip(command.tip)
    action.triggered.connect(command.slot)
    window.addAction(action)  # its keys work wherever the focus is
    if command.name:
        setattr(window, command.name, action)
    return action


def _fill(window: MainWindow, menu: QMenu, items: Sequence[Item]) -> None:
    for item in items:
        if item is None:
            menu.addSeparator()
        else:
            menu.addAction(item if isinstance(item, QAction) else _action(window, item))


def _timeline_actions(window: MainWindow) -> list[QAction]:
    """Zooming time: bare keys, so they work only while the timeline has the focus
    (typing "+" or "0" elsewhere stays typing); Ctrl+Plus and Ctrl+Minus size the text."""
    timeline = window.timeline
    found = []
    for text, slot, keys in (
        ("Zoom Time &In", lambda: timeline.zoom_by(TIME_ZOOM), ("+", "=")),
        ("Zoom Time &Out", lambda: timeline.zoom_by(1 / TIME_ZOOM), ("-",)),
        ("&Fit All", timeline.fit_all, ("0", "Home")),
    ):
        action = QAction(text, window)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        timeline.addAction(action)
        found.append(action)
    return found


def build_menus(window: MainWindow) -> None:
    """File, Edit, View, Go and Help, from the tables below."""
    w = window
    timeline = w.timeline
    go = w.navigation
    file_menu: list[Item] = [
        # Importing articles: the menu, Ctrl+I, and files dropped onto the window.
        Command(
            "&Import Article…",
            w.imports.choose_articles,
            "Ctrl+I",
            "Add news articles (text, Markdown, saved web pages, PDF) and their dates",
            "import_action",
        ),
        # Proposals an import kept pending: the menu, Ctrl+Shift+I, each source's context menu.
        Command(
            "Review &Proposals…",
            lambda: w.imports.review(),
            "Ctrl+Shift+I",
            "Accept or reject the events proposed by imported articles",
            "review_action",
        ),
        None,
        Command(
            "Export Chronology as &JSON…",
            w.exports.json,
            None,
            "Write the whole chronology to a JSON file",
            "export_json_action",
        ),
        Command(
            "Export &PDF…",
            w.exports.pdf,
            "Ctrl+P",
            "Title page, timeline, chronology and sources as a PDF to read offline",
            "export_pdf_action",
        ),
        Command(
            "Export &Word Briefing…",
            w.exports.word,
            None,
            "A briefing as a Word document: talking points with footnotes, timeline, chronology",
            "export_word_action",
        ),
        Command(
            "Export &Image…",
            w.exports.image,
            "Ctrl+Shift+E",
            "The timeline of a period as PNG or SVG, for slides",
            "export_image_action",
        ),
        Command(
            "Export &Data…",
            w.exports.data,
            None,
            "The chronology as TimelineJS JSON for the web, CSV or Excel for spreadsheets, "
            "or iCalendar for calendars",
            "export_data_action",
        ),
        None,
        Command(
            "Mark Briefing as &Delivered",
            w.exports.mark_delivered,
            None,
            "Keep the briefing on show as it stands now, to list later what changed since",
            "mark_delivered_action",
        ),
        Command(
            "What &Changed Since Delivery…",
            w.exports.changes_since,
            None,
            "What changed since the briefing on show was last handed on",
            "changes_since_action",
        ),
        None,
        w.work.export_action,
        w.work.import_action,
        None,
        Command(
            "&Restore Backup…",
            w.backups.choose_and_restore,
            None,
            "Bring back the data as it was at an earlier backup",
            "restore_backup_action",
        ),
        None,
        Command(
            "Connect to &Team Database…",
            w.connect_team,
            None,
            "Open the team's shared database on a PostgreSQL server",
            "connect_team_action",
        ),
        None,
        Command("&Quit", w.close, QKeySequence.StandardKey.Quit),
    ]
    edit_menu: list[Item] = [
        *w.work.edit_actions(),
        None,
        Command(
            "&Find…",
            go.focus_search,
            QKeySequence.StandardKey.Find,
            "Search titles, summaries, excerpts and notes",
            "find_action",
        ),
        Command("Clear &Filters", w.filter_bar.reset, "Ctrl+Shift+L"),
    ]
    view_menu: list[Item] = [
        *_timeline_actions(w),
        None,
        Command("&Larger Text", w.text_scale.larger, QKeySequence.StandardKey.ZoomIn),
        Command("&Smaller Text", w.text_scale.smaller, QKeySequence.StandardKey.ZoomOut),
        Command("&Normal Text Size", w.text_scale.reset, "Ctrl+0"),
        None,
        *(dock.toggleViewAction() for dock in w.docks.values()),
        None,
        Command("Reset &Layout", w.dock_layout.reset),
    ]
    go_menu: list[Item] = [
        Command("&Timeline", timeline.setFocus, "Ctrl+1", "Put the keyboard on the timeline"),
        Command("&Event Panel", lambda: go.focus_dock("event"), "Ctrl+2"),
        Command("Source &Reader", lambda: go.focus_dock("reader"), "Ctrl+3"),
        Command("S&ources", lambda: go.focus_dock("sources"), "Ctrl+4"),
        Command("&Briefing", lambda: go.focus_dock("briefing"), "Ctrl+5"),
        Command("Open &Excerpt of Selected Event", go.open_selected_excerpt, "Ctrl+Return"),
    ]
    help_menu: list[Item] = [
        Command("&Keyboard Shortcuts", w.show_shortcuts, QKeySequence.StandardKey.HelpContents),
        Command("&About", w.show_about),
    ]
    bar = w.menuBar()
    for title, items in (
        ("&File", file_menu),
        ("&Edit", edit_menu),
        ("&View", view_menu),
        ("&Go", go_menu),
        ("&Help", help_menu),
    ):
        menu = bar.addMenu(title)
        if title == "&View":
            w.view_menu = menu
        _fill(w, menu, items)
    w.import_action.setEnabled(not w.db.read_only)
    w.setAcceptDrops(not w.db.read_only)
    w.review_action.setEnabled(False)
    w.mark_delivered_action.setEnabled(not w.db.read_only)
