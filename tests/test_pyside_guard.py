"""Guard against PySide6 builds that leak references to None.

PySide6 6.12.0 on CPython 3.11 drops a reference to ``None`` on every call of
a method that returns nothing; after a few thousand calls the interpreter
aborts with "deallocating None". pyproject.toml pins PySide6 below 6.12; this
test catches any build that brings the leak back.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


def test_void_calls_do_not_leak_none(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for i in range(10_000):
        widget.resize(100 + i % 7, 80)
        widget.setWindowTitle("x")
    after = sys.getrefcount(None)
    # A leaking build loses 20,000 references here; allow noise from the interpreter.
    assert after >= before - 50, f"references to None fell by {before - after}"
