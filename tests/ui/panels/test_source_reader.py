"""The source reader on its own: highlights on the quoted words, furniture, clicks and menus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from briefing_app.domain.dates import PartialDate
from briefing_app.domain.model import Excerpt, Source
from briefing_app.storage.repository import SourceText
from briefing_app.ui.panels.source_reader import SourceReader

MENU = "Home | World | Defence\r\n"
BODY = "Leaders 🇪🇺 met in Versailles.\r\nThey agreed to spend more on defence.\r\n"
TEXT = MENU + BODY
QUOTE = "agreed to spend more on defence"


def _source(*, changed: bool = False) -> SourceText:
    src = Source(
        file="versailles.txt",
        title="Versailles <b>summit</b>",
        outlet="Agency",
        published=PartialDate.parse("2022-03-11"),
        language="en",
    )
    return SourceText(
        src, TEXT, len(MENU), len(TEXT), ((0, len(MENU), "navigation"),), changed=changed
    )


def _excerpt() -> Excerpt:
    start = TEXT.index(QUOTE)
    return Excerpt("versailles.txt", start, start + len(QUOTE), QUOTE, uid="x-1")


def _reader(qtbot: QtBot, *, changed: bool = False) -> SourceReader:
    reader = SourceReader()
    qtbot.addWidget(reader)
    reader.resize(600, 400)
    reader.show()
    qtbot.waitExposed(reader)
    reader.show_source(_source(changed=changed), [(_excerpt(), "ev-1", "Versailles")], "x-1")
    return reader


def test_the_highlight_covers_the_quoted_words_after_an_emoji_and_crlf(qtbot: QtBot) -> None:
    reader = _reader(qtbot)
    assert reader.highlighted_text() == [QUOTE]
    assert reader.focused_text() == QUOTE
    assert reader.header.text().startswith("Versailles <b>summit</b> · Agency · ")
    assert reader.changed_warning.isHidden()


def test_selection_is_given_in_the_stored_texts_offsets(qtbot: QtBot) -> None:
    reader = _reader(qtbot)
    start = TEXT.index("Versailles.")
    with qtbot.waitSignal(reader.selectionChanged) as blocker:
        reader.select_span(start, start + len("Versailles"))
    assert blocker.args == [start, start + len("Versailles")]
    assert reader.selected_text() == "Versailles"


def test_a_click_on_a_highlight_names_its_event(qtbot: QtBot) -> None:
    reader = _reader(qtbot)
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(reader.text.document().find("spend").position())
    reader.text.setTextCursor(cursor)
    point = reader.text.cursorRect(cursor).center()
    with qtbot.waitSignal(reader.eventsClicked) as blocker:
        qtbot.mouseClick(reader.text.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [["ev-1"]]


def test_the_menu_offers_what_a_selection_can_become(qtbot: QtBot) -> None:
    reader = _reader(qtbot)
    assert not any(a.objectName() == "linkToEvent" for a in reader.build_context_menu().actions())
    start = TEXT.index("spend")
    reader.select_span(start, start + len("spend more"))
    actions = {a.objectName(): a for a in reader.build_context_menu().actions()}
    assert actions["annotateExcerpt"].isEnabled()
    with qtbot.waitSignal(reader.annotateRequested) as blocker:
        actions["annotateExcerpt"].trigger()
    assert blocker.args == ["ev-1", "x-1"]
    with qtbot.waitSignal(reader.newEventRequested) as blocker:
        actions["newEventFromSelection"].trigger()
    assert blocker.args == ["versailles.txt", start, start + len("spend more")]
    outside = TEXT.index("Leaders")
    reader.select_span(outside, outside + len("Leaders"))
    actions = {a.objectName(): a for a in reader.build_context_menu().actions()}
    assert not actions["annotateExcerpt"].isEnabled()


def test_page_furniture_folds_away_when_asked(qtbot: QtBot) -> None:
    reader = _reader(qtbot)
    first = reader.text.document().firstBlock()
    assert first.text() == MENU.strip() and first.isVisible()
    reader.hide_furniture.setChecked(True)
    assert not reader.text.document().firstBlock().isVisible()
    assert reader.text.document().firstBlock().next().isVisible()
    reader.hide_furniture.setChecked(False)
    assert reader.text.document().firstBlock().isVisible()


def test_a_changed_article_is_said_above_its_text(qtbot: QtBot) -> None:
    reader = _reader(qtbot, changed=True)
    assert reader.changed_warning.isVisible()
    assert "versailles.txt" in reader.changed_warning.text()
    assert "SHA-256" in reader.changed_warning.text()
