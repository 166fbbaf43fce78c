"""The event panel says where a date came from, and the phrase opens its article."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from briefing_app.domain.dates import DateSpan
from briefing_app.domain.model import Lane
from briefing_app.ingest.dates import extract_dates
from briefing_app.services.user_events import EventDraft, create_user_event
from briefing_app.storage.repository import get_event, get_source_text
from briefing_app.ui.main_window import MainWindow

CURATED = "helsinki-headline-goal"
TITLE = "Dated from the article"


def test_a_curated_date_names_its_reference(work_window: MainWindow) -> None:
    win = work_window
    win.select_event(CURATED)
    ev = get_event(win.db, CURATED)
    assert ev is not None
    label = win.event_panel.date_from.text()
    assert label.startswith("10–11 Dec 1999 — from its reference: ")
    assert "Presidency Conclusions" in label


def test_a_phrase_of_an_article_is_shown_and_opens_it(
    qtbot: QtBot, work_window: MainWindow
) -> None:
    win = work_window
    # An article of the library with a date written to the day, against its publication date.
    for src in win.chronology.sources.values():
        stored = get_source_text(win.db, src.file)
        assert stored is not None
        pub = src.published
        base = pub.value if pub and pub.precision.value == "day" else None
        days = [
            m
            for m in extract_dates(stored.text, published=base, language=src.language)
            if m.date.precision.value == "day"
        ]
        if days:
            break
    mention = days[0]
    span = (max(stored.text.rfind(". ", 0, mention.start) + 2, 0), mention.end + 1)
    made = create_user_event(
        win.db,
        EventDraft(TITLE, DateSpan(mention.date), Lane.EU),
        source_file=src.file,
        span=span,
    )
    win.reload()
    win.select_event(made.id)
    label = win.event_panel.date_from
    assert f"{mention.date.label()} — from <a href='phrase'>" in label.text()
    assert src.outlet.replace("&", "&amp;") in label.text()
    assert mention.text in label.toolTip()
    label.linkActivated.emit("phrase")
    qtbot.waitUntil(lambda: win.reader.source_file == src.file)
