"""The team password in the system keyring: stored and read back through ``keyring``
(an in-memory backend stands in for the system's), and nothing breaks without it."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from briefing_app.storage.server import describe_url, normalise_url
from briefing_app.ui.team.team_connect import (
    KEYRING_SERVICE,
    RECENT_KEY,
    ConnectDialog,
    keyring_available,
    saved_password,
    store_password,
)

TEAM = "postgresql://alice@db.example/team"


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps its passwords in a dictionary, for tests."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}
        self.locked = False

    def get_password(self, service: str, username: str) -> str | None:
        if self.locked:
            raise KeyringLocked("the keyring is locked")
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.locked:
            raise KeyringLocked("the keyring is locked")
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    QSettings().clear()
    yield memory
    keyring.set_keyring(before)
    QSettings().clear()


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """As on a system without the package: importing it fails."""
    monkeypatch.setitem(sys.modules, "keyring", None)
    QSettings().clear()
    yield
    QSettings().clear()


def test_a_password_is_stored_under_the_address_without_it(ring: MemoryKeyring) -> None:
    url = normalise_url(TEAM)
    assert keyring_available()
    assert saved_password(url) is None
    assert store_password(url, "s3cret")
    assert ring.passwords == {(KEYRING_SERVICE, describe_url(url)): "s3cret"}
    assert "s3cret" not in describe_url(url)
    assert saved_password(url) == "s3cret"


def test_the_dialog_brings_a_remembered_password_along(qtbot: QtBot, ring: MemoryKeyring) -> None:
    store_password(normalise_url(TEAM), "s3cret")
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    assert dialog.remember.isEnabled() and not dialog.remember.isChecked()
    dialog.address.setCurrentText("postgresql://bob@db.example/team")
    assert dialog.password.text() == ""
    dialog.address.setCurrentText(TEAM)
    assert dialog.password.text() == "s3cret" and dialog.remember.isChecked()


def test_a_locked_keyring_is_asked_nothing_more(qtbot: QtBot, ring: MemoryKeyring) -> None:
    store_password(normalise_url(TEAM), "s3cret")
    ring.locked = True
    assert saved_password(normalise_url(TEAM)) is None
    assert not store_password(normalise_url(TEAM), "other")
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    dialog.address.setCurrentText(TEAM)
    assert dialog.password.text() == ""


def test_connecting_with_remember_ticked_keeps_the_password_in_the_keyring_only(
    qtbot: QtBot, ring: MemoryKeyring, pg_url: str
) -> None:
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    dialog.address.setCurrentText(pg_url)
    dialog.password.setText("s3cret")  # the test server trusts the loopback: ignored there
    dialog.remember.setChecked(True)
    dialog.accept()
    assert dialog.error.text() == "" and dialog.opened is not None
    dialog.opened.close()
    where = describe_url(normalise_url(pg_url))
    assert ring.passwords == {(KEYRING_SERVICE, where): "s3cret"}
    assert "s3cret" not in str(QSettings().value(RECENT_KEY))
    again = ConnectDialog()
    qtbot.addWidget(again)
    assert again.address.currentText() == normalise_url(pg_url).render_as_string()
    assert again.password.text() == "s3cret"


def test_without_the_keyring_package_the_password_is_asked_each_time(
    qtbot: QtBot, no_keyring: None
) -> None:
    url = normalise_url(TEAM)
    assert not keyring_available()
    assert saved_password(url) is None and not store_password(url, "s3cret")
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    assert not dialog.remember.isEnabled()
    assert dialog.remember.text() == "No system keyring here: the password is asked each time"
    dialog.address.setCurrentText(TEAM)
    assert dialog.password.text() == ""


def test_without_the_keyring_package_connecting_still_works(
    qtbot: QtBot, no_keyring: None, pg_url: str
) -> None:
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    dialog.address.setCurrentText(pg_url)
    dialog.password.setText("s3cret")
    dialog.accept()
    assert dialog.error.text() == "" and dialog.opened is not None
    assert dialog.opened.is_server
    dialog.opened.close()
