"""What several features share for showing text: plain labels, safe notes, offsets."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from briefing_app.ui.common.plain_text import plain_label, plain_tooltip
from briefing_app.ui.common.safe_markdown import SafeDocument
from briefing_app.ui.common.text_offsets import OffsetMap


def test_a_title_in_markup_shows_its_brackets(qtbot: QtBot) -> None:
    label = plain_label("<b>Breaking</b> & more")
    qtbot.addWidget(label)
    assert isinstance(label, QLabel) and label.wordWrap()
    doc = QTextDocument()
    doc.setHtml(plain_tooltip("<b>Breaking</b>\n<img src=x>"))
    assert doc.toPlainText() == "<b>Breaking</b>\n<img src=x>"
    assert plain_tooltip("") == ""


def test_a_note_is_markdown_that_loads_nothing(qtbot: QtBot) -> None:
    doc = SafeDocument()
    doc.set_note("**bold** <script>x</script> ![pic](/etc/passwd)")
    doc.setTextWidth(400)
    doc.size()  # lays the document out, which asks for its images
    shown = doc.toPlainText()
    assert "bold" in shown and "**" not in shown
    assert "<script>x</script>" in shown
    assert "/etc/passwd" in doc.refused


def test_offsets_map_both_ways_across_emoji_and_crlf() -> None:
    text = "a🇪🇺b\r\nc"
    m = OffsetMap(text)
    doc = QTextDocument()
    doc.setPlainText(text)
    for i, ch in enumerate(text):
        if ch in "\r\n" or ord(ch) > 0xFFFF:
            continue
        assert doc.characterAt(m.to_qt(i)) == ch, i
        assert m.to_py(m.to_qt(i)) == i
    assert m.to_qt(len(text)) == doc.characterCount() - 1
    ascii_map = OffsetMap("plain text")
    assert ascii_map.to_qt(5) == 5 and ascii_map.to_py(5) == 5
