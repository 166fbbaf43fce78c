"""Test configuration: offscreen Qt, a private settings store, temporary databases.

A test module that sets ``LIBRARY_BACKENDS = ("sqlite", "postgresql")`` runs
each of its tests that uses ``library`` once per backend; the PostgreSQL runs
need the test server (``.ci/with-postgres``) and are skipped without it,
except under CI, where a missing server fails them. A test marked
``sqlite_only`` (query plans, files) runs on SQLite alone, one marked
``postgresql_only`` (row locks, notifications) on the server alone.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["BRIEFING_NO_BOOTSTRAP"] = "1"

from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing_app.services.library import open_library
from briefing_app.storage.database import Database
from tests.helpers.pg import ENV, PgServer, server_url


@pytest.fixture(scope="session", autouse=True)
def _private_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep window state written by tests out of the user's real settings."""
    from PySide6.QtCore import QCoreApplication, QSettings

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QCoreApplication.setOrganizationName("BriefingAppTests")
    QCoreApplication.setApplicationName("BriefingAppTests")


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    backends = getattr(metafunc.module, "LIBRARY_BACKENDS", None)
    if backends and "backend" in metafunc.fixturenames:
        if metafunc.definition.get_closest_marker("sqlite_only"):
            backends = ("sqlite",)
        elif metafunc.definition.get_closest_marker("postgresql_only"):
            backends = ("postgresql",)
        metafunc.parametrize("backend", backends, indirect=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The PostgreSQL test server, or a skip (a failure under CI) when there is none."""
    url = server_url()
    if url is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {ENV} is not set: .ci/run must start PostgreSQL")
        pytest.skip(f"no PostgreSQL test server ({ENV} unset; run under .ci/with-postgres)")
    server = PgServer(url)
    yield server
    server.close()


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """Which database ``library`` is: SQLite unless the module asks for both."""
    return getattr(request, "param", "sqlite")


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """The URL of a new, empty database on the test server."""
    with pg_server.empty_database() as url:
        yield url


@pytest.fixture
def library(library_path: Path, backend: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    """A database built from the shipped seeds and chronology: a temporary file, or a
    fresh database on the test server."""
    if backend == "postgresql":
        server: PgServer = request.getfixturevalue("pg_server")
        with server.library_database() as url:
            db = open_library(url)
            yield db
            db.close()
        return
    db = open_library(library_path)
    yield db
    db.close()
