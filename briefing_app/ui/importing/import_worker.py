"""Running one file's reading and analysis off the GUI thread.

A task calls a function with a ``cancelled`` callable and reports back by
signal (queued to the GUI thread): ``done`` with the result, ``failed``
with a message for the user. Cancelling only sets a flag the function checks
between steps; a cancelled task's result is thrown away by its owner.

Signals (on ``ImportTask.signals``):
    done(int, object): the task's index and its result.
    failed(int, str): the task's index and what went wrong, in the user's words.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Signal

from briefing_app.ingest.problems import ImportCancelled, ImportProblem

__all__ = ["ImportTask", "TaskSignals"]


class TaskSignals(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)
    cancelled = Signal(int)


class ImportTask(QRunnable):
    """``work(cancelled)`` on a pool thread; the outcome comes back as a signal."""

    def __init__(self, index: int, work: Callable[[Callable[[], bool]], object]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # its owner keeps it until the signal arrives
        self.index = index
        self.signals = TaskSignals()
        self._work = work
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def run(self) -> None:
        try:
            result = self._work(self._stop.is_set)
        except ImportCancelled:
            self.signals.cancelled.emit(self.index)
        except ImportProblem as exc:
            self.signals.failed.emit(self.index, str(exc))
        except Exception as exc:  # a bug must not take the window down with it
            self.signals.failed.emit(
                self.index,
                f"The file could not be imported because of an unexpected error "
                f"({type(exc).__name__}: {exc}). Nothing was saved; please report it.",
            )
        else:
            if self._stop.is_set():
                self.signals.cancelled.emit(self.index)
            else:
                self.signals.done.emit(self.index, result)
