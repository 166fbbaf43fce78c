"""Test configuration: offscreen Qt, a private settings store, temporary databases."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["BRIEFING_NO_BOOTSTRAP"] = "1"

from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing_app.services.library import open_library
from briefing_app.storage.database import Database


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


@pytest.fixture
def library(library_path: Path) -> Iterator[Database]:
    """A database built from the shipped seeds and chronology, in a temporary folder."""
    db = open_library(library_path)
    yield db
    db.close()
