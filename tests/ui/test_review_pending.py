"""Proposals an import kept pending are reviewed later from the window: menu, shortcut, Sources."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from briefing_app.services import importer
from briefing_app.services.pending import load_pending, pending_counts
from briefing_app.storage.database import Database
from briefing_app.ui.help.shortcuts_dialog import ShortcutsDialog
from briefing_app.ui.importing.proposal_model import INCLUDE, TITLE, ProposalModel
from briefing_app.ui.importing.review_dialog import ReviewDialog
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.panels.sources_list import SourceListModel
from tests.helpers.articles import saved_page, text_article, write


@pytest.fixture
def imported(library: Database, tmp_path: Path) -> tuple[str, int]:
    """An article imported as `import FILE` does it: the source stored, its proposals pending."""
    saved = importer.import_file(library, write(tmp_path / "nato.html", saved_page()))
    assert saved.proposals
    return saved.file, len(saved.proposals)


@pytest.fixture
def window(qtbot: QtBot, library: Database, imported: tuple[str, int]) -> Iterator[MainWindow]:
    QSettings().clear()
    win = MainWindow(library)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    yield win
    win.import_flow.wait()
    QSettings().clear()


def _row_text(window: MainWindow, file: str) -> str:
    model = window.sources_list.model
    return model.index(model.row_of(file)).data(Qt.ItemDataRole.DisplayRole)


def _open_review(qtbot: QtBot, window: MainWindow) -> ReviewDialog:
    qtbot.waitUntil(lambda: window.import_flow.review_dialog is not None, timeout=10_000)
    dialog = window.import_flow.review_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _tick(model: ProposalModel, row: int) -> None:
    assert model.setData(
        model.index(row, INCLUDE), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )


def test_a_source_with_pending_proposals_is_marked_and_offers_review(
    window: MainWindow, imported: tuple[str, int]
) -> None:
    file, n = imported
    assert _row_text(window, file).endswith(f"● {n} proposed events to review")
    model = window.sources_list.model
    index = model.index(model.row_of(file))
    assert index.data(Qt.ItemDataRole.FontRole).bold()
    assert index.data(SourceListModel.PENDING_ROLE) == n
    assert f"{n} proposed events to review" in window.statusBar().currentMessage()
    # A curated seed source has nothing waiting: no marker, and its menu's review is off.
    seed = next(f for f in window.chronology.sources if f != file)
    assert "to review" not in _row_text(window, seed)
    assert not model.index(model.row_of(seed)).data(Qt.ItemDataRole.FontRole)
    menu = window.sources_list.source_menu(seed)
    review = next(a for a in menu.actions() if a.objectName() == "reviewSourceProposals")
    assert not review.isEnabled()
    menu = window.sources_list.source_menu(file)
    review = next(a for a in menu.actions() if a.objectName() == "reviewSourceProposals")
    assert review.isEnabled() and review.text() == f"Review Proposals… ({n})"
    # File › Review Proposals… is on, and Help › Keyboard Shortcuts lists its keys.
    file_menu = window.menuBar().actions()[0].menu()
    assert window.review_action in file_menu.actions()  # type: ignore[union-attr]
    assert window.review_action.isEnabled()
    dialog = ShortcutsDialog(window.menuBar(), window)
    rows = {
        (dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text())
        for r in range(dialog.table.rowCount())
    }
    assert ("Ctrl+Shift+I", "File › Review Proposals") in rows
    keys = [k for k, _ in rows if k != "Ctrl+Shift+I"]
    assert all("Ctrl+Shift+I" not in k.split(", ") for k in keys)  # no other command has it
    dialog.close()


def test_review_from_the_shortcut_accept_reject_edit_and_close_keep_the_rest(
    qtbot: QtBot, window: MainWindow, library: Database, imported: tuple[str, int]
) -> None:
    file, n = imported
    assert n >= 3
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_I, ctrl_shift)
    review = _open_review(qtbot, window)
    model = review.model
    assert model.rowCount() == n
    assert f"{n} proposed events" in review.status.text()
    # Each row is as tall as its sentence needs once shown: all of them fit in the table.
    table = review.table
    last = n - 1
    qtbot.waitUntil(
        lambda: table.rowViewportPosition(last) + table.rowHeight(last) <= table.viewport().height()
    )
    stored = [it.title for it in load_pending(library, [file]).state.items]
    assert [model.index(r, TITLE).data() for r in range(n)] == stored
    flow = window.import_flow
    # Accept the first: it is an event on the timeline, and one fewer waits.
    _tick(model, 0)
    with qtbot.waitSignal(flow.eventsAccepted, timeout=10_000) as accepted:
        qtbot.mouseClick(review.accept_button, Qt.MouseButton.LeftButton)
    [event_id] = accepted.args[0]
    assert event_id in {e.id for e in window.events}
    assert "1 event saved" in review.status.text()
    assert _row_text(window, file).endswith(f"● {n - 1} proposed events to review")
    # Reject the last, edit a title, close: the others wait, with the edit.
    review.table.selectRow(model.rowCount() - 1)
    qtbot.mouseClick(review.reject_button, Qt.MouseButton.LeftButton)
    assert "1 proposal rejected" in review.status.text()
    assert model.setData(model.index(0, TITLE), "Allies invite two Nordic countries")
    with qtbot.waitSignal(flow.finished, timeout=10_000):
        qtbot.mouseClick(review.close_button, Qt.MouseButton.LeftButton)
    assert not review.isVisible()
    assert pending_counts(library) == {file: n - 2}
    assert _row_text(window, file).endswith(f"● {n - 2} proposed events to review")
    assert f"{n - 2} proposed events to review" in window.statusBar().currentMessage()
    # Reviewed again from the source's context menu: exactly what was left, as edited.
    menu = window.sources_list.source_menu(file)
    action = next(a for a in menu.actions() if a.objectName() == "reviewSourceProposals")
    action.trigger()
    again = _open_review(qtbot, window)
    assert again.windowTitle() == "Proposed Events — NATO invites Finland"
    assert again.model.rowCount() == n - 2
    assert again.model.index(0, TITLE).data() == "Allies invite two Nordic countries"
    # Rejecting everything left clears the marker and turns the menu command off.
    review_keys = again.model.keys(range(again.model.rowCount()))
    again.model.set_all_included(True)
    qtbot.mouseClick(again.reject_button, Qt.MouseButton.LeftButton)
    assert again.model.rowCount() == 0 and review_keys
    with qtbot.waitSignal(flow.finished, timeout=10_000):
        qtbot.mouseClick(again.close_button, Qt.MouseButton.LeftButton)
    assert pending_counts(library) == {}
    assert "to review" not in _row_text(window, file)
    assert not window.review_action.isEnabled()
    assert "to review" not in window.statusBar().currentMessage()


def test_the_menu_command_reviews_every_article_that_has_proposals_waiting(
    qtbot: QtBot, window: MainWindow, library: Database, tmp_path: Path, imported: tuple[str, int]
) -> None:
    other = importer.import_file(library, write(tmp_path / "t.txt", text_article()))
    window.reload()  # as after any import
    assert _row_text(window, other.file).endswith(
        f"{len(other.proposals)} proposed event{'s' if len(other.proposals) != 1 else ''} to review"
    )
    window.review_action.trigger()
    review = _open_review(qtbot, window)
    assert review.windowTitle() == "Proposed Events"  # several articles: none named
    model = review.model
    articles = {model.item_at(r).spans[0].source_file for r in range(model.rowCount())}
    assert articles == {imported[0], other.file}
    assert review.model.rowCount() == imported[1] + len(other.proposals)
    # While it is open, another review is refused with a word in the status bar.
    assert not window.review_proposals([other.file])
    assert "Finish the import" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.import_flow.finished, timeout=10_000):
        review.reject()
    assert sum(pending_counts(library).values()) == imported[1] + len(other.proposals)


def test_importing_the_same_file_again_points_to_the_waiting_proposals(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, imported: tuple[str, int]
) -> None:
    flow = window.import_flow
    with qtbot.waitSignal(flow.problems, timeout=20_000) as reported:
        window.import_articles([str(tmp_path / "nato.html")])
    message = dict(reported.args[0])["nato.html"]
    assert message.startswith("Already imported")
    assert f"{imported[1]} proposed events from it wait for review" in message
    assert "File › Review Proposals" in message
    assert flow.problem_box is not None
    flow.problem_box.close()


def test_a_read_only_database_offers_no_review(
    qtbot: QtBot, library: Database, library_path: Path, imported: tuple[str, int]
) -> None:
    library.close()
    read_only = Database.open(library_path, read_only=True)
    try:
        QSettings().clear()
        win = MainWindow(read_only)
        qtbot.addWidget(win)
        file, n = imported
        assert _row_text(win, file).endswith(f"{n} proposed events to review")  # still shown
        assert not win.review_action.isEnabled()
        menu = win.sources_list.source_menu(file)
        action = next(a for a in menu.actions() if a.objectName() == "reviewSourceProposals")
        assert not action.isEnabled()
        assert not win.review_proposals()
        QApplication.processEvents()
        assert win.import_flow.review_dialog is None
        win.close()
    finally:
        read_only.close()
        QSettings().clear()
