"""A dark or high-contrast system theme and a larger font, as the timeline meets them.

The screen follows the system's palette; exported pictures keep their own
paper palette (white page, dark ink) whatever the screen shows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QFont, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from briefing_app.storage.database import Database
from briefing_app.ui.timeline.timeline_view import TimelineView
from tests.ui.timeline.test_timeline_view import spread_events


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, value in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.Base, "#17181a"),
        (QPalette.ColorRole.AlternateBase, "#232427"),
        (QPalette.ColorRole.Text, "#f1f1f1"),
        (QPalette.ColorRole.WindowText, "#f1f1f1"),
        (QPalette.ColorRole.Mid, "#55575c"),
        (QPalette.ColorRole.Highlight, "#8ab4f8"),
        (QPalette.ColorRole.PlaceholderText, "#a0a0a0"),
    ):
        palette.setColor(role, QColor(value))
    return palette


def lightness(image: QImage, x: int, y: int) -> int:
    return image.pixelColor(x, y).lightness()


def shown(qtbot: QtBot, palette: QPalette | None = None, font: QFont | None = None) -> TimelineView:
    view = TimelineView()
    qtbot.addWidget(view)
    if palette is not None:
        view.setPalette(palette)
    if font is not None:
        view.setFont(font)
    view.resize(1200, 520)
    view.show()
    qtbot.waitExposed(view)
    view.set_events(spread_events())
    return view


def test_the_timeline_follows_a_dark_theme(qtbot: QtBot) -> None:
    view = shown(qtbot, dark_palette())
    image = view.grab().toImage()
    # Under the axis, at the far right of the first lane, nothing but background.
    assert lightness(image, image.width() - 3, image.height() - 30) < 70
    rect = view.visible_marks()["eu09"].toAlignedRect()
    label = [lightness(image, x, rect.center().y()) for x in range(rect.left() + 14, rect.right())]
    assert max(label) > 180  # light text on the dark lane


def test_a_larger_font_lays_the_labels_out_again_instead_of_clipping(qtbot: QtBot) -> None:
    small = shown(qtbot)
    font = QFont(small.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    big = shown(qtbot, font=font)
    small_layout, _ = small._layout()
    big_layout, _ = big._layout()
    small_h = small_layout.marks[0].label_rect.h
    big_h = big_layout.marks[0].label_rect.h
    assert big_h >= small_h * 1.3
    for box in big_layout.lanes:
        assert box.row_height >= big_h  # rows grow with the text: nothing cut vertically
    # The same font set later (system font change) gives the same rows.
    small.setFont(font)
    assert small._layout()[0].lanes[0].row_height == big_layout.lanes[0].row_height


def test_an_exported_picture_keeps_its_paper_palette_under_a_dark_theme(
    qtbot: QtBot, library: Database, tmp_path: Path
) -> None:
    from briefing_app.export.images import write_png
    from briefing_app.export.options import ExportOptions
    from briefing_app.export.selection import select_for_export

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    app.setPalette(dark_palette())
    try:
        out = tmp_path / "t.png"
        write_png(select_for_export(library, ExportOptions()), out, width_px=900)
    finally:
        app.setPalette(before)
    image = QImage(str(out))
    assert image.pixelColor(2, 2).lightness() > 245
    assert image.pixelColor(image.width() - 3, image.height() - 3).lightness() > 245
