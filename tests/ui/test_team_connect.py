"""File › Connect to Team Database…: the address remembered without its password, the
window naming the database it shows."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from briefing_app.storage.database import Database
from briefing_app.storage.server import normalise_url
from briefing_app.ui.main_window import MainWindow
from briefing_app.ui.team.team_connect import RECENT_KEY, author_name, recent_urls, remember_url
from tests.ui.conftest import window_gone_before_db


@pytest.fixture
def window(qtbot: QtBot, library: Database) -> Iterator[MainWindow]:
    yield from window_gone_before_db(qtbot, library)


def test_a_file_window_names_its_file(window: MainWindow, library: Database) -> None:
    assert window.windowTitle() == f"Briefing Chronology — {library.path.name}"  # type: ignore[union-attr]
    assert window.database_label.text() == f"File: {library.path}"


def test_recent_addresses_never_keep_a_password() -> None:
    QSettings().clear()
    remember_url(normalise_url("postgresql://alice:s3cret@db.example/team"))
    remember_url(normalise_url("postgresql://bob@db.example:5433/other"))
    remember_url(normalise_url("postgresql://alice:changed@db.example/team"))
    assert recent_urls() == [
        "postgresql+psycopg://alice@db.example/team",
        "postgresql+psycopg://bob@db.example:5433/other",
    ]
    assert "s3cret" not in str(QSettings().value(RECENT_KEY))
    QSettings().clear()


def test_a_bad_address_is_explained_in_the_dialog(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.connect_team()
    qtbot.waitExposed(dialog)
    dialog.address.setCurrentText("mysql://someone@host/db")
    dialog.accept()
    assert dialog.isVisible()
    assert "PostgreSQL" in dialog.error.text()
    dialog.address.setCurrentText("postgresql://alice:s3cret@127.0.0.1:1/team")
    dialog.accept()
    assert dialog.isVisible() and "could not" in dialog.error.text().lower()
    assert "s3cret" not in dialog.error.text()
    dialog.reject()


def test_connecting_opens_the_team_database_in_place_of_the_file(
    qtbot: QtBot, window: MainWindow, pg_url: str
) -> None:
    dialog = window.connect_team()
    qtbot.waitExposed(dialog)
    dialog.address.setCurrentText(pg_url)
    dialog.password.setText("s3cret")  # the test server trusts the loopback: ignored there
    dialog.name.setText("Alice Martin")
    dialog.accept()
    assert dialog.error.text() == "" and not dialog.isVisible()
    team = window.successor
    assert team is not None
    qtbot.waitExposed(team)
    assert not window.isVisible()
    shown = normalise_url(pg_url)
    where = f"{shown.username}@{shown.host}:{shown.port}/{shown.database}"
    assert team.windowTitle() == f"Briefing Chronology — team database {where}"
    assert team.database_label.text() == f"Team database: {where}"
    assert team.db.is_server and team.db.author == "Alice Martin" == author_name()
    assert len(team.events) > 30  # the shipped chronology, loaded into the empty database
    assert recent_urls()[0].endswith(f"@{shown.host}:{shown.port}/{shown.database}")
    assert "s3cret" not in str(QSettings().value(RECENT_KEY))
    with qtbot.waitSignal(team.destroyed):  # it goes with its database when closed
        team.close()
