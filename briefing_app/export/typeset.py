"""Paragraphs set line by line onto pages, in points, for the PDF and its preview.

Text is laid out with ``QTextLayout`` and drawn with ``QTextLine.draw``, so
it lands in the PDF as real text in an embedded font. Nothing is parsed as
markup: whatever the user typed is shown as the characters they typed.
Each paragraph is laid out, drawn and dropped, so memory does not grow with
the length of the document. Widows and orphans are avoided: a paragraph is
split across pages only with at least two lines on each side.

All coordinates are PostScript points: the PDF writer runs at 72 dpi and
fonts are sized in points, so one unit is one point everywhere.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPaintDevice,
    QPainter,
    QPen,
    QTextLayout,
    QTextLine,
    QTextOption,
)

from briefing_app.export.glyphs import printable
from briefing_app.paths import FONTS_DIR

__all__ = [
    "Fonts",
    "PageFlow",
    "PageSink",
    "Para",
    "measure_with",
    "metrics_device",
    "load_bundled_fonts",
    "fallback_families",
    "pick_family",
]

POINTS_PER_INCH = 72
_DOTS_PER_METRE_72DPI = round(POINTS_PER_INCH / 0.0254)

PREFERRED_FAMILIES = ("DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Helvetica")
"""Fonts with wide coverage tried first; the system's default font is the fallback."""
BUNDLED_FAMILY = "DejaVu Sans"
"""Shipped in ``resources/fonts/`` (with its licence), so exports look the same everywhere."""
FALLBACK_FAMILIES = ("Symbola", "Droid Sans Fallback")
"""Shipped beside it for what DejaVu Sans lacks: emoji and symbols (Symbola), Chinese,
Japanese and Korean (Droid Sans Fallback). Qt takes each character from the first
family that has it, and the PDF embeds that font too: no character is an empty box."""


@cache
def metrics_device() -> QPaintDevice:
    """A 72-dpi device to measure text on, so one font unit is one point."""
    image = QImage(4, 4, QImage.Format.Format_ARGB32)
    image.setDotsPerMeterX(_DOTS_PER_METRE_72DPI)
    image.setDotsPerMeterY(_DOTS_PER_METRE_72DPI)
    return image


@cache
def load_bundled_fonts(folder: Path = FONTS_DIR) -> frozenset[str]:
    """Register the fonts shipped with the app with Qt; the families they add.

    Needs the Qt application object. A machine without DejaVu Sans (most
    Windows and macOS ones) would otherwise set the PDF in another font, with
    other line breaks and page counts.
    """
    families: set[str] = set()
    for path in sorted(folder.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.update(QFontDatabase.applicationFontFamilies(font_id))
    return frozenset(families)


@cache
def pick_family() -> str:
    """The bundled family, else the first preferred one installed, else the system's font."""
    if BUNDLED_FAMILY in load_bundled_fonts():
        return BUNDLED_FAMILY
    installed = set(QFontDatabase.families())
    for family in PREFERRED_FAMILIES:
        if family in installed:
            return family
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()


@cache
def fallback_families() -> tuple[str, ...]:
    """The shipped fallback families Qt could register (all of them, normally)."""
    shipped = load_bundled_fonts()
    return tuple(f for f in FALLBACK_FAMILIES if f in shipped)


def measure_with(font: QFont) -> Callable[[str], float]:
    """Text width in points for ``font``, for the timeline geometry."""
    metrics = QFontMetricsF(font, metrics_device())
    return metrics.horizontalAdvance


class Fonts:
    """The document's fonts, all of one family."""

    def __init__(self, family: str | None = None, scale: float = 1.0) -> None:
        self.family = family or pick_family()
        families = [self.family, *(f for f in fallback_families() if f != self.family)]

        def make(size: float, *, bold: bool = False, italic: bool = False) -> QFont:
            f = QFont(self.family)
            f.setFamilies(families)
            f.setPointSizeF(size * scale)
            f.setBold(bold)
            f.setItalic(italic)
            f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            f.setKerning(True)
            # No ligatures: "ﬁ" as one glyph would make "first" unsearchable in some readers.
            for tag in ("liga", "clig"):
                f.setFeature(QFont.Tag(tag), 0)
            return f

        self.body = make(9.5)
        self.body_bold = make(9.5, bold=True)
        self.quote = make(9.0, italic=True)
        self.small = make(7.8)
        self.small_bold = make(7.8, bold=True)
        self.entry_title = make(10.5, bold=True)
        self.heading = make(18.0, bold=True)
        self.year = make(15.0, bold=True)
        self.title = make(26.0, bold=True)
        self.subtitle = make(13.0)
        self.label = make(6.6)
        self.label_bold = make(6.6, bold=True)
        self.axis = make(6.8)
        self.axis_bold = make(7.2, bold=True)


class PageSink(Protocol):
    """Where pages go: a PDF file, or images for a preview."""

    def new_page(self, size: QSizeF) -> QPainter | None:
        """A painter for a fresh page of ``size`` points, or None to stop early."""
        ...

    def finish(self) -> None: ...


@dataclass
class Para:
    """One paragraph: its text, font, indents and how it is set apart.

    ``box`` shades the paragraph (the user's notes); ``bar`` draws a rule
    at its left (quotes). ``keep_with_next`` keeps it on the page of the
    next paragraph's first lines (headings, entry headers). ``on_place`` is
    told the page index and the rectangle of the first line once placed:
    anchors for links and bookmarks.
    """

    text: str
    font: QFont
    color: QColor = field(default_factory=lambda: QColor(20, 20, 20))
    indent: float = 0.0
    right_indent: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    box: QColor | None = None
    bar: QColor | None = None
    keep_with_next: bool = False
    line_spacing: float = 1.18
    on_place: Callable[[int, QRectF], None] | None = None


FOLD = 4000
"""Paragraphs longer than this many characters are laid out in pieces of about this size.

Qt's layout of one paragraph grows faster than its length (a note of 800,000
characters on one line took 14 s, four times 400,000's); laid out piece by
piece, a long paragraph costs in proportion to its length. Pieces break at
a space where there is one near the fold, else at the fold, and follow on
with no space between them.
"""


def _folded(para: Para) -> list[Para]:
    """``para`` as consecutive pieces of at most ``FOLD`` characters."""
    text = para.text
    if len(text) <= FOLD:
        return [para]
    cuts: list[int] = []
    at = 0
    while len(text) - at > FOLD:
        space = text.rfind(" ", at + FOLD * 3 // 4, at + FOLD)
        at = space + 1 if space >= 0 else at + FOLD
        cuts.append(at)
    bounds = [0, *cuts, len(text)]
    last = len(bounds) - 2
    return [
        replace(
            para,
            text=text[a:b],
            space_before=para.space_before if i == 0 else 0.0,
            space_after=para.space_after if i == last else 0.0,
            on_place=para.on_place if i == 0 else None,
            keep_with_next=para.keep_with_next if i == last else False,
        )
        for i, (a, b) in enumerate(itertools.pairwise(bounds))
    ]


@dataclass
class _Laid:
    para: Para
    layout: QTextLayout
    lines: list[QTextLine]
    steps: list[float]
    """Each line's advance down the page."""

    def height(self, first: int = 0, last: int | None = None) -> float:
        return sum(self.steps[first:last])


_BOX_PAD = 4.0
_BAR_GAP = 8.0
_MIN_LINES = 2


class PageFlow:
    """Pours paragraphs onto pages of one size, numbering them as it goes.

    ``start_page`` is called with the painter and page index of every page
    it opens; ``end_page`` with the painter, the page index and the parts
    drawn on it, in order, once the page is full or ``close`` is called, to
    draw running headers that name what the page holds. ``part`` names what
    the paragraphs now added belong to ("Chronology · 2017").
    """

    def __init__(
        self,
        sink: PageSink,
        size: QSizeF,
        fonts: Fonts,
        *,
        margins: tuple[float, float, float, float] = (56.0, 60.0, 56.0, 56.0),
        start_page: Callable[[QPainter, int], None] | None = None,
        end_page: Callable[[QPainter, int, list[str]], None] | None = None,
        first_page_index: int = 0,
    ) -> None:
        self.sink = sink
        self.size = size
        self.fonts = fonts
        self.left, self.top, self.right, self.bottom_margin = margins
        self.start_page = start_page
        self.end_page = end_page
        self.part = ""
        self.parts: list[str] = []
        self.page_index = first_page_index - 1
        self.painter: QPainter | None = None
        self.y = 0.0
        self.stopped = False

    # -- geometry ------------------------------------------------------------
    @property
    def width(self) -> float:
        return self.size.width() - self.left - self.right

    @property
    def bottom(self) -> float:
        return self.size.height() - self.bottom_margin

    @property
    def room(self) -> float:
        return self.bottom - self.y

    # -- pages ---------------------------------------------------------------
    def close(self) -> None:
        """Finish the current page (its ``end_page``); the next paragraph opens a new one."""
        painter = self.painter
        if painter is not None and self.end_page is not None:
            painter.save()
            self.end_page(painter, self.page_index, self.parts)
            painter.restore()
        self.painter = None
        self.parts = []

    def new_page(self) -> bool:
        """Open the next page; False when the sink wants no more."""
        self.close()
        painter = self.sink.new_page(self.size)
        if painter is None:
            self.stopped = True
            return False
        self.painter = painter
        self.page_index += 1
        self.y = self.top
        if self.start_page is not None:
            painter.save()
            self.start_page(painter, self.page_index)
            painter.restore()
        return True

    def _ensure_page(self) -> bool:
        return self.painter is not None or self.new_page()

    def skip(self, height: float) -> None:
        """Vertical space, dropped at the top of a page."""
        if self.painter is not None and self.y > self.top:
            self.y = min(self.y + height, self.bottom)

    # -- paragraphs ------------------------------------------------------------
    def lay_out(self, para: Para) -> _Laid:
        inner = self.width - para.indent - para.right_indent
        if para.box is not None:
            inner -= 2 * _BOX_PAD
        if para.bar is not None:
            inner -= _BAR_GAP
        layout = QTextLayout(printable(para.text), para.font, metrics_device())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        option.setUseDesignMetrics(True)
        layout.setTextOption(option)
        minimum = QFontMetricsF(para.font, metrics_device()).height() * para.line_spacing
        lines: list[QTextLine] = []
        steps: list[float] = []
        y = 0.0
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(inner, 10.0))
            line.setPosition(QPointF(0.0, y))
            step = max(line.height(), minimum)
            lines.append(line)
            steps.append(step)
            y += step
        layout.endLayout()
        if steps and para.box is not None:
            steps[0] += _BOX_PAD
            steps[-1] += _BOX_PAD
        return _Laid(para, layout, lines, steps)

    def add(self, para: Para) -> None:
        self.add_group([para])

    def add_group(self, paras: Sequence[Para]) -> None:
        """Place paragraphs so that the group starts on a page with its lead-in.

        The lead-in is every paragraph of the group but the last, plus the
        last one's first two lines: a heading never ends a page alone.
        """
        if self.stopped or not paras or not self._ensure_page():
            return
        *lead_in, tail = paras
        pieces = _folded(tail)
        laid = [self.lay_out(p) for p in [*lead_in, pieces[0]]]
        lead = sum(x.para.space_before + x.height() + x.para.space_after for x in laid[:-1])
        last = laid[-1]
        lead += last.para.space_before + last.height(0, _MIN_LINES)
        if lead > self.room and self.y > self.top and not self.new_page():
            return
        for item in laid:
            self._place(item)
            if self.stopped:
                return
        for piece in pieces[1:]:  # laid out one by one: a long paragraph costs in proportion
            self._place(self.lay_out(piece))
            if self.stopped:
                return

    def _place(self, laid: _Laid) -> None:
        para = laid.para
        if self.y > self.top:
            self.y += para.space_before
        first = 0
        n = len(laid.lines)
        while first < n:
            room = self.bottom - self.y
            fit = first
            used = 0.0
            while fit < n and used + laid.steps[fit] <= room + 0.01:
                used += laid.steps[fit]
                fit += 1
            if fit < n:
                # Leave no orphan at the foot, no widow at the head.
                if n - fit < _MIN_LINES and fit - first > _MIN_LINES:
                    fit = n - _MIN_LINES
                if fit - first < _MIN_LINES and self.y > self.top:
                    if not self.new_page():
                        return
                    continue
                fit = max(fit, first + 1)
            self._draw(laid, first, fit)
            first = fit
            if first < n and not self.new_page():
                return
        self.y += para.space_after

    def _draw(self, laid: _Laid, first: int, stop: int) -> None:
        painter = self.painter
        assert painter is not None
        para = laid.para
        x = self.left + para.indent
        height = laid.height(first, stop)
        full_width = self.width - para.indent - para.right_indent
        painter.save()
        if para.box is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(para.box)
            painter.drawRoundedRect(QRectF(x, self.y, full_width, height), 3, 3)
            x += _BOX_PAD
        if para.bar is not None:
            painter.setPen(QPen(para.bar, 2.0))
            painter.drawLine(QPointF(x + 1, self.y + 1), QPointF(x + 1, self.y + height - 1))
            x += _BAR_GAP
        if self.part and self.part not in self.parts:
            self.parts.append(self.part)
        painter.setPen(para.color)
        painter.setFont(para.font)
        y = self.y
        for i in range(first, stop):
            line = laid.lines[i]
            top = y + (_BOX_PAD if para.box is not None and i == 0 else 0.0)
            line.draw(painter, QPointF(x, top - line.y()))
            if i == 0 and para.on_place is not None:
                para.on_place(
                    self.page_index,
                    QRectF(x, top, max(line.naturalTextWidth(), 1.0), line.height()),
                )
            y += laid.steps[i]
        painter.restore()
        self.y += height
