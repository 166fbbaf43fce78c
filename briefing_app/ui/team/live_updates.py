"""Other briefers' edits appearing in the open window, within a moment, without a restart.

On a team database the server announces every committed change of the
user's work (LISTEN/NOTIFY). This object waits on that connection's socket
with a QSocketNotifier (no polling), gathers what arrives in a short batch,
and hands it to the edit controller, whose signals already make the notes,
the timeline and the briefing panel refresh just what changed. A file has
one writer at a time and needs none of this.

Signals:
    arrived(int): this many changes by other clients were just shown.
    stopped(str): changes no longer arrive (the connection was lost); the text says so.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from briefing_app.storage.database import Database
from briefing_app.storage.server import ChangeFeed, FeedLost, RemoteChange
from briefing_app.ui.common.edit_controller import EditController

__all__ = ["BATCH_MS", "LiveUpdates"]

BATCH_MS = 150
"""Changes arriving together (a reload, an import of notes) are shown in one go."""


class LiveUpdates(QObject):
    arrived = Signal(int)
    stopped = Signal(str)

    def __init__(self, db: Database, controller: EditController, parent: QObject | None = None):
        super().__init__(parent)
        self.controller = controller
        self._pending: list[RemoteChange] = []
        self._batch = QTimer(self)
        self._batch.setSingleShot(True)
        self._batch.setInterval(BATCH_MS)
        self._batch.timeout.connect(self._deliver)
        self._feed: ChangeFeed | None = None
        self._notifier: QSocketNotifier | None = None
        try:
            self._feed = db.change_feed()
        except Exception as exc:  # the database opened, but a listening connection did not
            self._fail(f"Edits by others will show after reopening: {_first_line(exc)}")
            return
        if self._feed is None:
            return
        self._notifier = QSocketNotifier(self._feed.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._readable)

    @property
    def active(self) -> bool:
        return self._notifier is not None

    def _readable(self) -> None:
        if self._feed is None:
            return
        try:
            changes = self._feed.drain()
        except FeedLost as exc:
            self._fail(f"Edits by others no longer appear here: {exc}. Reopen the database.")
            return
        if changes:
            self._pending.extend(changes)
            self._batch.start()

    def _deliver(self) -> None:
        changes, self._pending = self._pending, []
        noted = sorted({c.event_id for c in changes if c.table == "annotations" and c.event_id})
        events = sorted(
            {c.event_id for c in changes if c.table in ("events", "excerpts") and c.event_id}
        )
        briefing_tables = ("briefings", "briefing_points", "point_citations")
        briefed = sorted({c.briefing_uid for c in changes if c.table in briefing_tables})
        self.controller.show_remote_changes(
            notes_of=noted, events=events, briefings=[b for b in briefed if b]
        )
        self.arrived.emit(len(changes))

    def _fail(self, message: str) -> None:
        self.close()
        self.stopped.emit(message)

    def close(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._feed is not None:
            self._feed.close()
            self._feed = None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]
