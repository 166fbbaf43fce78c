"""Importing articles in the GUI: drop files, check metadata, review proposals, see events."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from briefing_app.ingest.review import ReviewState
from briefing_app.storage.database import Database
from briefing_app.ui.importing.import_dialog import MetadataDialog
from briefing_app.ui.importing.import_flow import ImportFlow
from briefing_app.ui.importing.proposal_model import (
    DATE,
    INCLUDE,
    LINK,
    SENTENCE,
    TITLE,
    ProposalModel,
)
from briefing_app.ui.importing.review_dialog import ReviewDialog
from briefing_app.ui.main_window import MainWindow
from tests.helpers.articles import (
    database_state,
    markdown_article,
    pdf_article,
    saved_page,
    text_article,
    write,
)


@pytest.fixture
def window(qtbot: QtBot, library: Database) -> Iterator[MainWindow]:
    QSettings().clear()
    win = MainWindow(library)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.import_flow.wait()
    QSettings().clear()


def _drop(window: MainWindow, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    centre = window.rect().center()
    enter = QDragEnterEvent(
        centre, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(centre), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()


def _metadata_dialog(qtbot: QtBot, flow: ImportFlow) -> MetadataDialog:
    qtbot.waitUntil(lambda: flow.metadata_dialog is not None, timeout=20_000)
    assert flow.metadata_dialog is not None
    return flow.metadata_dialog


def _review_dialog(qtbot: QtBot, flow: ImportFlow) -> ReviewDialog:
    qtbot.waitUntil(lambda: flow.review_dialog is not None, timeout=20_000)
    assert flow.review_dialog is not None
    return flow.review_dialog


def _tick(model: ProposalModel, row: int) -> None:
    assert model.setData(
        model.index(row, INCLUDE), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )


def test_three_dropped_articles_become_events_on_the_timeline(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    files = [
        write(tmp_path / "nato.html", saved_page()),
        write(tmp_path / "fund.md", markdown_article()),
        write(tmp_path / "ammunition.txt", text_article()),
    ]
    flow = window.import_flow
    with qtbot.waitSignal(flow.metadataReady, timeout=20_000):
        _drop(window, files)
    meta = _metadata_dialog(qtbot, flow)
    assert meta.files.count() == 3
    assert meta.title.text() == "NATO invites Finland"
    with qtbot.waitSignal(flow.reviewReady, timeout=20_000):
        qtbot.mouseClick(meta.import_button, Qt.MouseButton.LeftButton)
    review = _review_dialog(qtbot, flow)
    model = review.model
    sources = {model.item_at(r).spans[0].source_file for r in range(model.rowCount())}
    assert len(sources) == 3  # proposals from every article
    _tick(model, 0)
    rows = [
        r
        for r in range(model.rowCount())
        if model.item_at(r).source_title == "EU leaders agree on a defence fund"
    ]
    _tick(model, rows[0])
    sentence = model.item_at(0).spans[0].sentence
    with qtbot.waitSignal(flow.eventsAccepted, timeout=10_000) as accepted:
        qtbot.mouseClick(review.accept_button, Qt.MouseButton.LeftButton)
    event_ids, excerpts = accepted.args
    assert len(event_ids) == 2
    assert {e.id for e in window.events} >= set(event_ids)
    assert window.timeline.selected_id() == event_ids[0]
    # The new source is in the reader with its new excerpt highlighted.
    assert window.reader.source_file == excerpts[0][0]
    assert sentence in window.reader.highlighted_text()
    assert window.reader.focused_text() == sentence
    # Markup in the page stays text, in the reader too.
    assert "<b>declaration</b>" in window.reader.text.toPlainText()
    review.close()


def test_cancel_while_reading_leaves_nothing(
    qtbot: QtBot, window: MainWindow, library: Database, tmp_path: Path
) -> None:
    before = database_state(library)
    flow = window.import_flow
    with qtbot.waitSignal(flow.finished, timeout=10_000):
        assert window.import_articles([str(write(tmp_path / "a.html", saved_page()))])
        assert flow.progress is not None
        button = flow.progress.findChild(QPushButton)
        assert button is not None and button.text() == "Cancel"
        button.click()
    qtbot.waitUntil(flow.idle)  # the cancelled reads have ended ...
    QApplication.processEvents()  # ... and what they sent back has arrived, to be ignored
    assert flow.metadata_dialog is None and flow.review_dialog is None
    assert database_state(library) == before
    assert not flow.running


def test_cancel_at_the_metadata_step_leaves_nothing(
    qtbot: QtBot, window: MainWindow, library: Database, tmp_path: Path
) -> None:
    before = database_state(library)
    flow = window.import_flow
    window.import_articles([str(write(tmp_path / "t.txt", text_article()))])
    meta = _metadata_dialog(qtbot, flow)
    with qtbot.waitSignal(flow.finished):
        meta.reject()
    assert database_state(library) == before


def test_edited_publication_date_resolves_the_weekdays(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    flow = window.import_flow
    window.import_articles([str(write(tmp_path / "t.txt", text_article()))])
    meta = _metadata_dialog(qtbot, flow)
    assert meta.published.text() == "2024-03-06"
    qtbot.keyClicks(meta.title, " (edited)")
    meta.published.clear()
    qtbot.keyClicks(meta.published, "March 2024")
    assert not meta.import_button.isEnabled()
    assert "not a date" in meta.error.text()
    meta.published.clear()
    qtbot.keyClicks(meta.published, "2024-03-08")
    assert meta.import_button.isEnabled()
    with qtbot.waitSignal(flow.reviewReady, timeout=20_000):
        qtbot.mouseClick(meta.import_button, Qt.MouseButton.LeftButton)
    review = _review_dialog(qtbot, flow)
    dates = [review.model.item_at(r).when.start.iso() for r in range(review.model.rowCount())]
    assert "2024-03-05" in dates  # "on Tuesday", before Friday 8 March
    source = window.reader.header.text()
    assert "(edited)" in source
    review.close()


def test_bad_files_are_reported_and_the_window_goes_on(
    qtbot: QtBot, window: MainWindow, library: Database, tmp_path: Path
) -> None:
    before = database_state(library)
    flow = window.import_flow
    bad = [
        write(tmp_path / "empty.txt", b""),
        write(tmp_path / "<b>bold<i>.txt", b"\x00\x01binary"),
        pdf_article(tmp_path / "scan.pdf", with_text=False),
    ]
    with qtbot.waitSignal(flow.problems, timeout=20_000) as reported:
        _drop(window, bad)
    problems = dict(reported.args[0])
    assert "empty" in problems["empty.txt"]
    assert "binary" in problems["<b>bold<i>.txt"]
    assert "no text layer" in problems["scan.pdf"]
    box = flow.problem_box
    assert box is not None and box.textFormat() == Qt.TextFormat.PlainText
    assert "<b>bold<i>.txt" in box.text()
    box.close()
    assert database_state(library) == before
    assert not flow.running
    window.select_event("helsinki-headline-goal")  # still at work


def test_the_same_file_again_is_reported_not_imported(
    qtbot: QtBot, window: MainWindow, library: Database, tmp_path: Path
) -> None:
    path = write(tmp_path / "t.txt", text_article())
    flow = window.import_flow
    window.import_articles([str(path)])
    meta = _metadata_dialog(qtbot, flow)
    with qtbot.waitSignal(flow.reviewReady, timeout=20_000):
        meta.accept()
    _review_dialog(qtbot, flow).close()
    before = database_state(library)
    with qtbot.waitSignal(flow.problems, timeout=20_000) as reported:
        window.import_articles([str(path)])
    assert "Already imported" in dict(reported.args[0])["t.txt"]
    flow.problem_box.close()
    assert database_state(library) == before


# -- the review table on its own ----------------------------------------------------------------
def _state() -> ReviewState:
    from datetime import date

    from briefing_app.domain.dates import DateSpan
    from briefing_app.domain.model import Event, Lane
    from briefing_app.ingest.dates import extract_dates
    from briefing_app.ingest.proposals import propose_events

    text = (
        Path(__file__).parents[1] / "data" / "dates" / "articles" / "a06_heldout_summit.txt"
    ).read_text(encoding="utf-8")
    madrid = Event(
        id="nato-madrid-summit", title="NATO Madrid summit invites Finland and Sweden",
        when=DateSpan.parse("2022-06-28"), lane=Lane.NATO,
    )  # fmt: skip
    proposals = propose_events(text, extract_dates(text, date(2022, 6, 30)), events=[madrid])
    return ReviewState.from_proposals([("a06.txt", "NATO invites", proposals)])


def test_proposal_model_passes_the_model_tester(qtmodeltester: object) -> None:
    qtmodeltester.check(ProposalModel(_state()))  # type: ignore[attr-defined]


def test_review_table_edits_merges_and_rejects(qtbot: QtBot) -> None:
    dialog = ReviewDialog(_state())
    qtbot.addWidget(dialog)
    model = dialog.model
    n = model.rowCount()
    assert not model.setData(model.index(0, DATE), "June 2022")
    assert "not a date" in dialog.status.text()
    assert model.setData(model.index(0, DATE), "2022-06")
    assert model.index(0, DATE).data() == "Jun 2022 (month)"
    assert model.setData(model.index(0, TITLE), "Alliance invites <b>two</b> countries")
    assert model.index(0, TITLE).data() == "Alliance invites <b>two</b> countries"
    linked = next(r for r in range(n) if model.item_at(r).links)
    assert model.setData(model.index(linked, LINK), "nato-madrid-summit")
    assert model.index(linked, LINK).data().startswith("Add to: NATO Madrid summit")
    other = next(r for r in range(2, n) if model.item_at(r).sentence != model.item_at(1).sentence)
    _tick(model, 1)
    _tick(model, other)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert model.rowCount() == n - 1
    assert "2 excerpts" in dialog.status.text()
    dialog.table.selectRow(0)
    model.set_all_included(False)
    qtbot.mouseClick(dialog.reject_button, Qt.MouseButton.LeftButton)
    assert model.rowCount() == n - 2
    with qtbot.waitSignal(dialog.acceptRequested) as asked:
        _tick(model, 0)
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert [it.key for it in asked.args[0]] == [model.item_at(0).key]


def test_review_dialog_screenshot(qtbot: QtBot, tmp_path: Path) -> None:
    """Rendered offscreen so the layout can be looked at (saved beside the test's files)."""
    dialog = ReviewDialog(_state())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    image = dialog.grab()
    assert image.width() >= 1000 and not image.isNull()
    image.save(str(tmp_path / "review.png"))


def test_source_tooltips_show_imported_text_as_written() -> None:
    from PySide6.QtGui import QTextDocument

    from briefing_app.domain.model import Source
    from briefing_app.ui.panels.sources_list import SourceListModel

    model = SourceListModel()
    model.set_sources([Source("x.html", "<b>Bold</b> <img src='/etc/passwd'>", "O", None, "en")])
    tip = model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    doc = QTextDocument()
    doc.setHtml(tip)
    assert doc.toPlainText() == "<b>Bold</b> <img src='/etc/passwd'>"


def test_closing_the_review_keeps_the_undecided_proposals_pending(
    qtbot: QtBot, window: MainWindow, library: Database, tmp_path: Path
) -> None:
    from briefing_app.services.pending import load_pending, pending_counts

    path = write(tmp_path / "nato.html", saved_page())
    flow = window.import_flow
    window.import_articles([str(path)])
    meta = _metadata_dialog(qtbot, flow)
    with qtbot.waitSignal(flow.reviewReady, timeout=20_000):
        meta.accept()
    review = _review_dialog(qtbot, flow)
    model = review.model
    total = model.rowCount()
    [file] = pending_counts(library)
    assert pending_counts(library) == {file: total}  # stored before the user decides anything
    _tick(model, 0)
    with qtbot.waitSignal(flow.eventsAccepted, timeout=10_000):
        qtbot.mouseClick(review.accept_button, Qt.MouseButton.LeftButton)
    assert pending_counts(library) == {file: total - 1}
    review.table.selectRow(model.rowCount() - 1)
    qtbot.mouseClick(review.reject_button, Qt.MouseButton.LeftButton)
    assert "1 proposal rejected" in review.status.text()
    assert model.setData(
        model.index(0, TITLE), "Finland and Sweden invited", Qt.ItemDataRole.EditRole
    )
    with qtbot.waitSignal(flow.finished, timeout=10_000):
        qtbot.mouseClick(review.close_button, Qt.MouseButton.LeftButton)
    assert pending_counts(library) == {file: total - 2}
    kept = load_pending(library, [file]).state.items
    assert kept[0].title == "Finland and Sweden invited"


def test_review_rows_are_even_and_name_the_article_once(qtbot: QtBot) -> None:
    from briefing_app.ui.importing.proposal_model import SOURCE

    dialog = ReviewDialog(_state())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    heights = {table.rowHeight(r) for r in range(dialog.model.rowCount())}
    assert len(heights) == 1 and dialog.model.rowCount() > 2
    assert table.isColumnHidden(SOURCE)  # one article: named above the table, once
    assert dialog.source_note.text() == "From “NATO invites”"
    long = max(range(dialog.model.rowCount()), key=lambda r: len(dialog.model.item_at(r).sentence))
    tip = dialog.model.index(long, SENTENCE).data(Qt.ItemDataRole.ToolTipRole)
    assert dialog.model.item_at(long).sentence[:40] in tip.replace("&nbsp;", " ")


def test_review_of_two_articles_names_each_once_at_the_top_of_its_rows() -> None:
    from dataclasses import replace

    from briefing_app.ui.importing.proposal_model import SOURCE

    items = _state().items
    second = [replace(it, key=it.key + len(items), source_title="A second article") for it in items]
    state = ReviewState([*items, *second])
    model = ProposalModel(state)
    shown = [model.index(r, SOURCE).data() for r in range(model.rowCount())]
    n = len(items)
    assert shown[0] == "NATO invites" and shown[n] == "A second article"
    assert set(shown[1:n]) == {""} and set(shown[n + 1 :]) == {""}
    assert model.index(1, SOURCE).data(Qt.ItemDataRole.ToolTipRole) is not None
