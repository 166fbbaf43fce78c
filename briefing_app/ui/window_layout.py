"""The window's size and docks: fitted to the screen it opens on, kept legible, and the
state the window keeps between runs (geometry, docks, filter, period in view).

A first window takes most of the available screen, centred, with the side
docks in proportion; a layout saved on another screen is kept only where it
fits this one; a side dock too narrow for its own labels is widened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QSettings, Qt
from PySide6.QtGui import QGuiApplication

from briefing_app.ui.common.settings_codec import decode_filter, encode_filter

if TYPE_CHECKING:
    from briefing_app.ui.main_window import MainWindow

__all__ = ["DockLayout"]

_SCREEN_SHARE = 0.94
"""How much of the available screen a first window takes (the rest shows the desktop)."""
_MIN_SIDE_DOCK = 230
"""Narrower than this, a side dock cuts its own labels ("Se…", "Sour…")."""


class DockLayout:
    """Sizes ``window`` and its docks; ``default_state`` is the first start's layout."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.default_state: QByteArray = window.saveState()
        self.to_size = False
        """Dock sizes were asked for before the first show: ask again once shown."""

    def reset(self) -> None:
        """View › Reset Layout: the first start's docks, fitted to the screen the window is on."""
        self.w.restoreState(self.default_state)
        for key, dock in self.w.docks.items():
            dock.setFloating(False)
            dock.setVisible(key != "table")
        self.fit_to_screen()
        self.w.timeline.fit_all()

    def available(self) -> QRect:
        screen = self.w.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen else QRect(0, 0, 1440, 900)

    def fit_to_screen(self) -> None:
        """Most of the available screen, centred, with the side docks in proportion to it."""
        area = self.available()
        width = min(area.width(), max(round(area.width() * _SCREEN_SHARE), self.w.minimumWidth()))
        height = min(area.height(), round(area.height() * _SCREEN_SHARE))
        self.w.resize(width, height)
        self.w.move(
            area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2
        )
        self.size_docks(width, height)
        # Dock sizes asked for before the first show are taken against the unshown size.
        self.to_size = not self.w.isVisible()

    def settle(self) -> None:
        if self.to_size or self.squeezed():
            self.to_size = False
            self.size_docks(self.w.width(), self.w.height())

    def squeezed(self) -> bool:
        """A side dock too narrow for its own labels (a layout saved on a wider screen)."""
        return any(
            key != "table" and d.isVisible() and not d.isFloating() and d.width() < _MIN_SIDE_DOCK
            for key, d in self.w.docks.items()
        )

    def size_docks(self, width: int, height: int) -> None:
        left = min(max(round(width * 0.2), _MIN_SIDE_DOCK), 380)
        right = min(max(round(width * 0.26), _MIN_SIDE_DOCK + 80), 600)
        horizontal = Qt.Orientation.Horizontal
        vertical = Qt.Orientation.Vertical
        self.w.resizeDocks(
            [self.w.docks["search"], self.w.docks["event"]], [left, right], horizontal
        )
        self.w.resizeDocks(
            [self.w.docks["event"], self.w.docks["reader"]],
            [round(height * 0.45), round(height * 0.55)],
            vertical,
        )
        self.w.resizeDocks(
            [self.w.docks["search"], self.w.docks["briefing"]],
            [round(height * 0.5), round(height * 0.5)],
            vertical,
        )

    def fit_restored(self) -> None:
        """A layout saved on another screen: keep it only where it fits this one."""
        area = self.available()
        frame = self.w.frameGeometry()
        if (
            frame.width() > area.width()
            or frame.height() > area.height()
            or not area.contains(frame.center())
        ):
            self.fit_to_screen()
            return
        squeezed = [
            d
            for key, d in self.w.docks.items()
            if key != "table"
            and d.isVisible()
            and not d.isFloating()
            and d.width() < _MIN_SIDE_DOCK
        ]
        if squeezed:
            self.size_docks(self.w.width(), self.w.height())
            self.to_size = not self.w.isVisible()

    def restore_state(self) -> None:
        """The window as it was left: geometry and docks (fitted to this screen), filter, period."""
        w = self.w
        settings = QSettings()
        geometry = settings.value("mainWindow/geometry")
        if isinstance(geometry, QByteArray):
            w.restoreGeometry(geometry)
        state = settings.value("mainWindow/state")
        if isinstance(state, QByteArray):
            w.restoreState(state)
        if isinstance(geometry, QByteArray) or isinstance(state, QByteArray):
            self.to_size = False
            self.fit_restored()
        flt = decode_filter(settings.value("mainWindow/filter"))
        if flt is not None:
            w.filter_bar.set_filter(flt)
        rng = settings.value(self.range_key())
        if isinstance(rng, list | tuple) and len(rng) == 2:
            try:
                w.timeline.set_visible_range(float(rng[0]), float(rng[1]))
                return
            except (TypeError, ValueError):
                pass
        w.timeline.fit_all()

    def range_key(self) -> str:
        """The visible period is the database's: each file or team database keeps its own
        (a key per resolved path or address, never a password)."""
        import hashlib

        db = self.w.db
        where = str(db.path.resolve()) if db.path is not None else db.label
        return "visibleRange/" + hashlib.sha256(where.encode("utf-8")).hexdigest()[:16]

    def save_state(self) -> None:
        """What ``restore_state`` reads, as the window is now (on closing)."""
        w = self.w
        settings = QSettings()
        settings.setValue("mainWindow/geometry", w.saveGeometry())
        settings.setValue("mainWindow/state", w.saveState())
        settings.setValue("mainWindow/filter", encode_filter(w.filter_bar.filter))
        t0, t1 = w.timeline.visible_range()
        settings.setValue(self.range_key(), [t0, t1])
