"""Who made a user event, an excerpt and a talking point, as the window shows it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from briefing_app.domain.dates import DateSpan, PartialDate
from briefing_app.domain.model import Lane
from briefing_app.services.briefings import add_point, create_briefing, edit_point_text
from briefing_app.services.user_events import (
    EventDraft,
    add_user_excerpt,
    create_user_event,
    update_user_event,
)
from briefing_app.storage.database import Database
from briefing_app.storage.repository import get_event
from briefing_app.ui.main_window import MainWindow
from tests.ui.conftest import window_gone_before_db

LIBRARY_BACKENDS = ("sqlite", "postgresql")
CURATED = "helsinki-headline-goal"


def _draft(title: str) -> EventDraft:
    return EventDraft(title, DateSpan(PartialDate.parse("2025-03-06")), Lane.EU, ("Council",))


@pytest.fixture
def team_work(library: Database) -> Iterator[dict[str, str]]:
    """Alice makes an event and a point, Bob changes both and quotes a curated event."""
    bob = Database.open(library.location)  # type: ignore[arg-type]
    library.author, bob.author = "alice", "bob"
    made = create_user_event(library, _draft("Ministers meet"))
    update_user_event(bob, made.id, _draft("Ministers meet in Brussels"))
    curated = get_event(library, CURATED)
    assert curated is not None
    quote = add_user_excerpt(bob, CURATED, curated.excerpts[0].source, (10, 60))
    brief = create_briefing(library, "Team")
    brief = add_point(library, brief.uid, "Readiness first", [(CURATED, None)])
    edit_point_text(bob, brief.points[0].uid, "Readiness first, then budget")
    yield {"event": made.id, "excerpt": quote.uid}
    bob.close()


@pytest.fixture
def window(qtbot: QtBot, library: Database, team_work: dict[str, str]) -> Iterator[MainWindow]:
    yield from window_gone_before_db(qtbot, library)


def test_the_event_panel_names_who_made_and_changed_a_user_event(
    window: MainWindow, team_work: dict[str, str]
) -> None:
    window.select_event(team_work["event"])
    panel = window.event_panel
    assert panel.title.text() == "Ministers meet in Brussels"
    assert panel.authors.text() == "made by alice · last changed by bob"
    assert panel.authors.isVisible()


def test_a_curated_event_shows_no_author_but_its_users_excerpt_does(
    window: MainWindow, team_work: dict[str, str]
) -> None:
    window.select_event(CURATED)
    panel = window.event_panel
    assert panel.authors.text() == "" and not panel.authors.isVisible()
    texts = [panel.excerpts.item(i).text() for i in range(panel.excerpts.count())]
    assert [t for t in texts if "added by bob" in t] == [texts[-1]]
    assert sum("added by" in t for t in texts) == 1


def test_a_talking_point_tooltip_names_its_authors(window: MainWindow) -> None:
    panel = window.work.briefing_panel
    window.docks["briefing"].show()
    assert panel.chooser.currentText() == "Team"
    tip = panel.model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines()[-1] == "Written by alice · last changed by bob"
