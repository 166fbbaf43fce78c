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
from types import TracebackType

from PySide6.QtCore import QObject, Signal

from briefing_app.storage.database import DamagedDatabaseError, is_damage

__all__ = ["DamageWatch", "damage_of"]

_Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def damage_of(exc: BaseException | None) -> str | None:
    """The damage behind ``exc`` (or what caused it), in words; None when it is not damage."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, DamagedDatabaseError):
            return str(exc)
        if is_damage(exc):
            return (
                f"The database is damaged (SQLite reports: {exc}). "
                "Restore a backup from File › Restore Backup."
            )
        exc = exc.__cause__ or exc.__context__
    return None


class DamageWatch(QObject):
    """Says the database is damaged once, however many reads meet the damage."""

    damaged = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.message: str | None = None
        self._previous: _Hook | None = None

    def install(self) -> None:
        if self._previous is None:
            self._previous = sys.excepthook
            sys.excepthook = self._hook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook = self._previous
            self._previous = None

    def report(self, message: str) -> None:
        """Damage found (by a read or by the backups): said the first time only."""
        if self.message is None:
            self.message = message
            self.damaged.emit(message)

    def _hook(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        message = damage_of(exc)
        if message is None:
            (self._previous or sys.__excepthook__)(kind, exc, tb)
            return
        self.report(message)
