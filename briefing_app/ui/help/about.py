"""Help › About: the app's name and version, and where its data is kept."""

from __future__ import annotations

from pathlib import Path

from briefing_app import __version__
from briefing_app.paths import APP_NAME


def about_text(db_path: Path | None = None) -> str:
    """Plain text for the About box (no markup: the path is shown as it is)."""
    lines = [
        f"{APP_NAME} {__version__}",
        "",
        "A chronology of European defence, 1999–2025, built from news sources "
        "with every quote anchored verbatim. Works fully offline.",
    ]
    if db_path is not None:
        lines += ["", f"Your data: {db_path}"]
    return "\n".join(lines)
