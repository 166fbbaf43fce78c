"""Starting the GUI: the application object, the database, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from briefing_app.ingest.curated import ChronologyError
from briefing_app.services.library import open_library
from briefing_app.storage.database import DatabaseError

APP_NAME = "Briefing Chronology"
ORG_NAME = "BriefingApp"


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationDisplayName(APP_NAME)
    return app


def run_gui(db_path: Path) -> int:
    app = make_application()
    try:
        db = open_library(db_path)
    except (DatabaseError, ChronologyError) as exc:
        QMessageBox.critical(None, APP_NAME, f"The database could not be opened.\n\n{exc}")
        return 2
    from briefing_app.ui.main_window import MainWindow

    window = MainWindow(db)
    window.show()
    code = app.exec()
    db.close()
    return int(code)
