"""Text size for the whole window: Ctrl+Plus, Ctrl+Minus and Ctrl+0, remembered.

The application font is the system's times a step factor, so every widget that
inherits its font grows with it and the timeline lays its labels out again (it
listens for font changes). Widgets that set a size of their own (a heading drawn
larger) keep their proportion: their size is scaled by the same ratio.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

__all__ = ["SCALE_KEY", "STEPS", "TextScale"]

SCALE_KEY = "view/textScale"
STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5)
"""Factors of the system font size, smallest to largest (1.0 is the system's)."""

_SIZE_RESOLVED = 0x0002
"""QFont::SizeResolved: the font names a size of its own (PySide does not export it)."""
_system_font: QFont | None = None
_applied = 1.0
"""The factor the application font carries now (one for every window)."""


def _nearest_step(value: object) -> float:
    try:
        factor = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 1.0
    return min(STEPS, key=lambda step: abs(step - factor))


def _sized(font: QFont, factor: float) -> QFont:
    scaled = QFont(font)
    if font.pointSizeF() > 0:
        scaled.setPointSizeF(font.pointSizeF() * factor)
    elif font.pixelSize() > 0:
        scaled.setPixelSize(max(round(font.pixelSize() * factor), 1))
    return scaled


class TextScale(QObject):
    """The window's text size as a step among ``STEPS``, kept in QSettings.

    Signals:
        changed(float): the factor now applied.
    """

    changed = Signal(float)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        global _system_font
        if _system_font is None:
            _system_font = QFont(QApplication.font())
        self._base = QFont(_system_font)
        self._apply(_nearest_step(QSettings().value(SCALE_KEY, 1.0)))

    @property
    def factor(self) -> float:
        return _applied

    def larger(self) -> None:
        i = STEPS.index(_applied)
        self._set(STEPS[min(i + 1, len(STEPS) - 1)])

    def smaller(self) -> None:
        i = STEPS.index(_applied)
        self._set(STEPS[max(i - 1, 0)])

    def reset(self) -> None:
        self._set(1.0)

    def _set(self, factor: float) -> None:
        if factor != _applied:
            self._apply(factor)
            QSettings().setValue(SCALE_KEY, factor)

    def _apply(self, factor: float) -> None:
        global _applied
        ratio = factor / _applied
        current = QApplication.font().pointSizeF()
        own_size = [
            w
            for w in QApplication.allWidgets()
            if w.testAttribute(Qt.WidgetAttribute.WA_SetFont)
            and w.font().resolveMask() & _SIZE_RESOLVED
            and w.font().pointSizeF() != current
        ]
        QApplication.setFont(_sized(self._base, factor))
        for window in QApplication.topLevelWidgets():
            # Qt posts this; sent now, the window shows the new size before the next key.
            QApplication.sendEvent(window, QEvent(QEvent.Type.ApplicationFontChange))
        if ratio != 1.0:
            for widget in own_size:
                widget.setFont(_sized(widget.font(), ratio))
        _applied = factor
        self.changed.emit(factor)
