"""The reader follows the selected event: its own article at its passage, or a plain word
that the article shown is not the event's."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from briefing_app.domain.dates import DateSpan, PartialDate
from briefing_app.domain.model import Lane
from briefing_app.services.user_events import EventDraft, create_user_event
from briefing_app.storage.repository import get_event
from briefing_app.ui.main_window import MainWindow

EL_PAIS = "002_e07262d9241f5558.txt"
INSIDE_OVER = "001_ad29bda3589f90a5.txt"


def test_choosing_another_event_turns_the_reader_to_its_article(
    qtbot: QtBot, work_window: MainWindow
) -> None:
    w = work_window
    w.open_first_excerpt("special-european-council-march-2025")  # the 2025 EL PAÍS text
    assert w.reader.source_file == EL_PAIS
    w.select_event("pesco-established", center=True)  # a 2017 event quoted from InsideOver
    pesco = get_event(w.db, "pesco-established")
    assert pesco is not None
    assert w.reader.source_file == INSIDE_OVER
    assert w.reader.focused_text() == pesco.excerpts[0].quote
    assert INSIDE_OVER.split("_")[0] not in w.reader.header.text()  # the title, not the file
    assert w.reader.context_note.isHidden()


def test_an_event_quoted_in_the_open_article_moves_to_its_passage(
    qtbot: QtBot, work_window: MainWindow
) -> None:
    w = work_window
    w.open_first_excerpt("us-questionnaire-to-allies")
    w.select_event("rearm-europe-plan", center=True)  # also quoted from EL PAÍS
    rearm = get_event(w.db, "rearm-europe-plan")
    assert rearm is not None
    assert w.reader.source_file == EL_PAIS
    assert w.reader.focused_text() == rearm.excerpts[0].quote


def test_an_event_without_a_stored_article_is_said_not_to_be_the_open_ones(
    qtbot: QtBot, work_window: MainWindow
) -> None:
    w = work_window
    made = create_user_event(
        w.db, EventDraft("Desk meeting on Chad", DateSpan(PartialDate.day(2008, 3, 1)), Lane.EU)
    )
    w.reload()
    w.open_first_excerpt("special-european-council-march-2025")
    w.select_event(made.id, center=True)
    assert w.reader.source_file == EL_PAIS  # kept, but marked
    note = w.reader.context_note
    assert note.isVisible()
    assert note.text().startswith("Not the selected event's article: “Desk meeting on Chad”")
    assert "quotes no article stored here" in note.text()
    w.select_event("rearm-europe-plan", center=True)
    assert note.isHidden()


def test_the_articles_address_takes_one_line(qtbot: QtBot, work_window: MainWindow) -> None:
    w = work_window
    w.docks["reader"].resize(300, 500)
    w.open_first_excerpt("special-european-council-march-2025")
    address = w.reader.address
    assert address.text().startswith("https://english.elpais.com/")
    assert address.toolTip() == address.text()
    assert "https://" not in w.reader.header.text()
    assert address.height() < 2 * address.fontMetrics().lineSpacing()
