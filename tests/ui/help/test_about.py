"""Help › About names the app, its version and the database in use."""

from __future__ import annotations

from pathlib import Path

from briefing_app import __version__
from briefing_app.ui.help.about import about_text


def test_about_names_the_app_its_version_and_the_data() -> None:
    text = about_text(Path("/data/folder/data.sqlite"))
    assert text.startswith(f"Briefing Chronology {__version__}\n")
    assert "/data/folder/data.sqlite" in text
