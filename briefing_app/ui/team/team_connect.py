"""File › Connect to Team Database…: a PostgreSQL server's address, the user's name, a password.

Recent addresses are remembered in the settings *without* their password.
The password is kept in the system keyring when the ``keyring`` package and
a keyring service are there (and the user asks for it); otherwise it is
asked each time. libpq's own ways (``~/.pgpass``, ``PGPASSWORD``) work too,
with the password field left empty.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL

from briefing_app.services.library import open_library
from briefing_app.storage.database import Database, DatabaseError
from briefing_app.storage.identity import clean_author, default_author
from briefing_app.storage.server import ServerURLError, describe_url, normalise_url

__all__ = [
    "ConnectDialog",
    "author_name",
    "keyring_available",
    "recent_urls",
    "remember_url",
    "set_author_name",
    "stored_author_name",
]

RECENT_KEY = "team/recent"
NAME_KEY = "identity/name"
MAX_RECENT = 8
KEYRING_SERVICE = "Briefing Chronology"


def stored_author_name() -> str | None:
    """The name the user set (Connect to Team Database…), or None while none is."""
    stored = QSettings().value(NAME_KEY, "", str)
    return clean_author(str(stored or "")) or None


def author_name() -> str:
    """The name stamped on this user's work: set once, the login name until then."""
    return stored_author_name() or default_author()


def set_author_name(name: str) -> None:
    QSettings().setValue(NAME_KEY, clean_author(name))


def _without_password(url: URL) -> str:
    return url._replace(password=None).render_as_string(hide_password=False)


def recent_urls() -> list[str]:
    """Addresses connected to before, newest first; never with a password."""
    value = QSettings().value(RECENT_KEY, [])
    items = [value] if isinstance(value, str) else list(value or [])
    return [str(v) for v in items if v][:MAX_RECENT]


def remember_url(url: URL) -> None:
    """Put ``url`` first in the recent list, its password left out."""
    plain = _without_password(url)
    items = [plain] + [u for u in recent_urls() if u != plain]
    QSettings().setValue(RECENT_KEY, items[:MAX_RECENT])


def _keyring() -> Any | None:
    """The keyring module when it has a working backend on this system, else None."""
    try:
        import keyring  # optional: not a dependency, used when installed
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring setup is the same as none
        return None
    return None if isinstance(backend, fail.Keyring) else keyring


def keyring_available() -> bool:
    return _keyring() is not None


def saved_password(url: URL) -> str | None:
    ring = _keyring()
    if ring is None:
        return None
    try:
        found = ring.get_password(KEYRING_SERVICE, describe_url(url))
    except Exception:  # locked or unavailable keyring: ask instead
        return None
    return str(found) if found else None


def store_password(url: URL, password: str) -> bool:
    ring = _keyring()
    if ring is None:
        return False
    try:
        ring.set_password(KEYRING_SERVICE, describe_url(url), password)
    except Exception:
        return False
    return True


class ConnectDialog(QDialog):
    """Asks for the address and opens the database; ``opened`` holds it when accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Connect to Team Database")
        self.setObjectName("connectDialog")
        self.opened: Database | None = None
        self.address = QComboBox()
        self.address.setObjectName("teamAddress")
        self.address.setEditable(True)
        self.address.addItems(recent_urls())
        line = self.address.lineEdit()
        assert line is not None
        line.setPlaceholderText("postgresql+psycopg://user@host/database")
        self.address.setMinimumContentsLength(40)
        self.password = QLineEdit()
        self.password.setObjectName("teamPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("leave empty for ~/.pgpass or no password")
        self.remember = QCheckBox("Remember the password in the system keyring")
        self.remember.setObjectName("rememberPassword")
        if not keyring_available():
            self.remember.setEnabled(False)
            self.remember.setText("No system keyring here: the password is asked each time")
        self.name = QLineEdit(author_name())
        self.name.setObjectName("authorName")
        self.name.setToolTip("Shown on the notes, events and talking points you write")
        self.error = QLabel()
        self.error.setObjectName("connectError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        form = QFormLayout()
        form.addRow("&Address:", self.address)
        form.addRow("&Password:", self.password)
        form.addRow("", self.remember)
        form.addRow("Your &name:", self.name)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Connect")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.error)
        box.addWidget(buttons)
        self.address.currentTextChanged.connect(self._address_changed)
        self._address_changed(self.address.currentText())

    def _address_changed(self, text: str) -> None:
        """A remembered address brings its saved password along, if the keyring has one."""
        try:
            url = normalise_url(text)
        except ServerURLError:
            return
        if url.password:
            return
        saved = saved_password(url)
        if saved:
            self.password.setText(saved)
            self.remember.setChecked(True)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def target(self) -> URL:
        """The address with the password typed (raises ServerURLError for a bad address)."""
        url = normalise_url(self.address.currentText())
        if self.password.text():
            url = url._replace(password=self.password.text())
        return url

    def accept(self) -> None:
        try:
            url = self.target()
        except ServerURLError as exc:
            self._show_error(str(exc))
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            db = open_library(url.render_as_string(hide_password=False))
        except DatabaseError as exc:
            self._show_error(str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        set_author_name(self.name.text())
        remember_url(url)
        if self.remember.isChecked() and url.password:
            store_password(url, url.password)
        self.opened = db
        super().accept()
