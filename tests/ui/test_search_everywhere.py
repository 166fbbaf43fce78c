"""Search reaches the articles' own text, offers close matches, marks the timeline."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.panels.search_panel import SearchResult, SearchResultModel

EL_PAIS = "002_e07262d9241f5558.txt"


def _search(qtbot: QtBot, w: MainWindow, text: str) -> list[SearchResult]:
    panel = w.search_panel
    w.navigation.focus_search()
    panel.box.clear()
    with qtbot.waitSignal(panel.queryChanged, timeout=3000):
        qtbot.keyClicks(panel.box, text)
    model = panel.model
    return [model.index(i).data(SearchResultModel.RESULT_ROLE) for i in range(model.rowCount())]


def test_a_word_only_in_an_article_is_found_and_opens_the_reader_there(
    qtbot: QtBot, work_window: MainWindow
) -> None:
    w = work_window
    results = _search(qtbot, w, "Mozambican")
    articles = [r for r in results if r.kind == "article"]
    assert [r.source_file for r in articles] == [EL_PAIS]
    [passage] = articles
    assert passage.heading.startswith("Article · EL PAÍS")
    shown = w.search_panel.model.index(results.index(passage)).data(SearchResultModel.HTML_ROLE)
    assert "in the article's text" in shown and "<b>Mozambican</b>" in shown
    assert "article" in w.search_panel.status.text()
    row = results.index(passage)
    view = w.search_panel.results
    rect = view.visualRect(w.search_panel.model.index(row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    reader = w.reader
    assert reader.source_file == EL_PAIS
    assert reader.find_bar.isVisible()
    assert reader.find_status() == "1 of 1"
    assert reader.current_found() == "Mozambican"
    at = reader.text.textCursor().position()
    assert reader.text.toPlainText()[at : at + 10] == "Mozambican"


def test_results_say_where_they_matched(qtbot: QtBot, work_window: MainWindow) -> None:
    results = _search(qtbot, work_window, "helicopters")
    kinds = {r.kind for r in results}
    assert "article" in kinds and kinds & {"event", "excerpt"}
    html = [
        work_window.search_panel.model.index(i).data(SearchResultModel.HTML_ROLE)
        for i in range(len(results))
    ]
    assert all(
        any(w in h for w in ("in the event:", "in an excerpt:", "in your note:", "article's text"))
        for h in html
    )


def test_a_typo_offers_the_close_match_and_shows_its_results(
    qtbot: QtBot, work_window: MainWindow
) -> None:
    w = work_window
    results = _search(qtbot, w, "helicoptres")
    status = w.search_panel.status.text()
    assert "No match for “helicoptres”" in status
    assert "Showing “<b>helicopters</b>”" in status
    assert "russian-helicopters-chad" in {r.event_id for r in results}
    assert w.timeline.match_ids() == {r.event_id for r in results if r.event_id}


def test_matching_events_are_marked_on_the_timeline(qtbot: QtBot, work_window: MainWindow) -> None:
    w = work_window
    results = _search(qtbot, w, "PESCO")
    found = {r.event_id for r in results if r.event_id}
    assert len(found) >= 3
    assert w.timeline.match_ids() == found
    assert not w.timeline.grab().isNull()  # painted, clusters and all
    w.search_panel.box.clear()
    qtbot.waitUntil(lambda: not w.timeline.match_ids(), timeout=3000)


def test_nothing_close_says_no_match(qtbot: QtBot, work_window: MainWindow) -> None:
    results = _search(qtbot, work_window, "zzqxj")
    assert results == []
    assert work_window.search_panel.status.text() == "No match"
    assert not work_window.timeline.match_ids()
