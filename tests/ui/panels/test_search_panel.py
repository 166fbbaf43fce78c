"""The search panel on its own: what typing sends, what the results show, what picking one says."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from briefing_app.storage.search import MARK_END, MARK_START
from briefing_app.ui.panels.search_panel import SearchPanel, SearchResult, SearchResultModel

RESULTS = [
    SearchResult(
        "e-1",
        "2022-03-11 · Versailles declaration",
        "event",
        f"the {MARK_START}Versailles{MARK_END} summit",
    ),
    SearchResult(
        "e-2",
        "2022-03-21 · Strategic Compass",
        "excerpt",
        f"after {MARK_START}Versailles{MARK_END}",
    ),
]


def _panel(qtbot: QtBot) -> SearchPanel:
    panel = SearchPanel()
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_typing_asks_once_for_the_whole_query(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    sent: list[str] = []
    panel.queryChanged.connect(sent.append)
    with qtbot.waitSignal(panel.queryChanged) as blocker:
        qtbot.keyClicks(panel.box, "Versailles")
    assert blocker.args == ["Versailles"]
    assert sent == ["Versailles"]  # debounced: not one query a keystroke


def test_results_are_counted_and_show_their_words_not_markup(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    panel.box.setText("Versailles")
    panel.set_results(RESULTS)
    assert panel.status.text() == "2 events found"
    first = panel.model.index(0)
    assert first.data() == "2022-03-11 · Versailles declaration\nthe Versailles summit"
    assert "<b>Versailles</b>" in first.data(SearchResultModel.HTML_ROLE)
    assert "in an excerpt: " in panel.model.index(1).data(SearchResultModel.HTML_ROLE)
    panel.set_results([])
    assert panel.status.text() == "No match"


def test_typed_markup_stays_text(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    panel.box.setText("<b>")
    panel.set_results(
        [SearchResult("e-3", "<img src=x>", "annotation", f"{MARK_START}<b>{MARK_END}")]
    )
    shown = panel.model.index(0).data(SearchResultModel.HTML_ROLE)
    assert "&lt;img src=x&gt;" in shown and "<b>&lt;b&gt;</b>" in shown
    assert "in your note: " in shown


def test_enter_opens_the_first_result_and_a_click_opens_any(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    panel.box.setText("Versailles")
    panel.set_results(RESULTS)
    with qtbot.waitSignal(panel.resultActivated) as blocker:
        qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    assert blocker.args == ["e-1"]
    rect = panel.results.visualRect(panel.model.index(1))
    with qtbot.waitSignal(panel.resultActivated) as blocker:
        qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["e-2"]


def test_a_note_replaces_the_count(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    panel.box.setText("the")
    panel.set_results(RESULTS, note="Too many matches to rank: newest first")
    assert panel.status.text() == "Too many matches to rank: newest first"
