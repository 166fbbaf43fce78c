"""Reporting when the timeline is first painted, for the cold-start benchmark.

Set BRIEFING_FIRST_PAINT_REPORT to a file path and the app writes the wall
clock time of the timeline's first finished paint and its peak memory there,
then quits. Without the variable nothing is installed.
"""

from __future__ import annotations

import json
import os
import resource
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

__all__ = ["install_if_requested", "ENV_VAR"]

ENV_VAR = "BRIEFING_FIRST_PAINT_REPORT"


class _FirstPaint(QObject):
    def __init__(self, target: QWidget, report: Path) -> None:
        super().__init__(target)
        self._report = report
        self._done = False
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            QTimer.singleShot(0, self._finish)  # after this paint has completed
        return False

    def _finish(self) -> None:
        painted = time.time()
        rss_kb = _peak_rss_kb()
        self._report.write_text(json.dumps({"painted_at": painted, "max_rss_kb": rss_kb}))
        QApplication.quit()


def _peak_rss_kb() -> int:
    """This process's peak resident memory.

    Linux's VmHWM belongs to the program now running; ru_maxrss would also
    count what the parent held when it forked this process.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def install_if_requested(timeline: QWidget) -> None:
    path = os.environ.get(ENV_VAR)
    if path:
        _FirstPaint(timeline, Path(path))
