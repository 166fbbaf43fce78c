"""Damage to the database met anywhere in the window, said once.

``quick_check`` at start-up sees the file's structure, not the bytes inside
rows: damage there shows only when a row is read, in whatever slot, paint or
timer reads it. Every such read raises ``DamagedDatabaseError`` (see
``storage.database``); Qt hands what a slot leaves uncaught to
``sys.excepthook``, which the watch takes over while installed. The first
damage is reported by ``damaged``; later ones, the same damage met again, are
not repeated. Anything else goes on to the previous hook unchanged.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Signal

from briefing_app.storage.errors import StoredValueError, damage_behind, damage_error

__all__ = ["DamageWatch", "damage_of"]

_Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def damage_of(exc: BaseException | None, path: Path | str | None = None) -> str | None:
    """The damage behind ``exc`` (or what caused it), in words naming ``path``; None when
    it is not damage."""
    behind = damage_behind(exc)
    if behind is None:
        return None
    return str(damage_error(path or "The database", behind))


class DamageWatch(QObject):
    """Says the database is damaged once, however many reads meet the damage."""

    damaged = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.message: str | None = None
        self.path: Path | str | None = None
        """The database the window shows, named in the message."""
        self.probe: Callable[[], str | None] | None = None
        """Reads the database whole for damage (None: sound), asked once when a slot
        fails in a way that is not damage by itself: a stored value that read as nonsense."""
        self._probed = False
        self._previous: _Hook | None = None

    def install(self) -> None:
        if self._previous is None:
            self._previous = sys.excepthook
            sys.excepthook = self._hook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook = self._previous
            self._previous = None

    def rearm(self) -> None:
        """A sound file is in place again: the next damage is said, and probed for."""
        self.message = None
        self._probed = False

    def report(self, message: str) -> None:
        """Damage found (by a read or by the backups): said the first time only."""
        if self.message is None:
            self.message = message
            self.damaged.emit(message)

    def _hook(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        message = damage_of(exc, self.path)
        if message is None and self.probe is not None and not self._probed:
            self._probed = True
            found = self.probe()
            if found is not None:
                message = str(damage_error(self.path or "The database", StoredValueError(found)))
        if message is None:
            (self._previous or sys.__excepthook__)(kind, exc, tb)
            return
        self.report(message)
