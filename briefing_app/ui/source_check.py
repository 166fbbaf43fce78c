"""After the window opens, every stored article is checked against its SHA-256.

The check reads each article's text (a few at a time) and hashes it on a
worker thread, started a moment after the window is first shown, so opening
a large chronology waits for none of it: SQLite and hashlib both let go of
Python's lock while they work. What it finds comes back to the window by a
queued signal: the articles that changed, named in one sentence, or damage
met while reading them (which the window reports like any other damage).

Signals:
    changed(str): the sentence naming the changed articles ("" when none changed).
    damaged(str): reading the texts met damage; the message names the file.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy.exc import SQLAlchemyError

from briefing_app.storage.database import DamagedDatabaseError, Database, DatabaseError
from briefing_app.storage.fingerprints import changed_message, changed_sources

__all__ = ["SourceCheck"]


class _Relay(QObject):
    """Owned by the worker thread's closure, so it outlives a window closed meanwhile."""

    done = Signal(str, bool)


class SourceCheck(QObject):
    changed = Signal(str)
    damaged = Signal(str)

    DELAY_MS = 1500
    """How long after the window is first shown the check starts (after the first paint)."""

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.message: str | None = None
        """What the last check found ("" nothing changed); None until one has finished."""
        self._thread: threading.Thread | None = None
        self._relay = _Relay()
        self._relay.done.connect(self._finished)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.start)

    def start_soon(self) -> None:
        """Start once, ``DELAY_MS`` from now (the window calls this when first shown)."""
        if self._thread is None and not self._timer.isActive():
            self._timer.start(self.DELAY_MS)

    def start(self) -> None:
        if self._thread is not None:
            return
        relay, db = self._relay, self.db

        def run() -> None:
            try:
                relay.done.emit(changed_message(changed_sources(db)), False)
            except DamagedDatabaseError as exc:
                relay.done.emit(str(exc), True)
            except (DatabaseError, SQLAlchemyError, OSError):
                pass  # the database was closed meanwhile, or the server went: nothing to say

        self._thread = threading.Thread(target=run, name="source_check", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """No check from now on; one under way is waited for, so the file can be closed."""
        self._timer.stop()
        if self._thread is not None:
            self._thread.join()

    def _finished(self, message: str, damage: bool) -> None:
        if damage:
            self.damaged.emit(message)
            return
        self.message = message
        self.changed.emit(message)
