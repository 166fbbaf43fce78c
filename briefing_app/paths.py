"""Where the app's shipped files are read from, and where the user's data is written.

Run from a source checkout, the database stays beside the project
(``data.sqlite``), as the README's commands have always had it. A built app
(PyInstaller sets ``sys.frozen``) or an installed package cannot write there
(the folder is read-only once installed and replaced by an update), so it keeps
the database, its backups, its lock and its settings in the user's data folder:
the folder Qt's ``QStandardPaths.AppDataLocation`` names. It is computed here
without Qt, because storage and services may not import Qt; a test checks that
both agree.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "Briefing Chronology"
"""Shown in titles and About; also the last part of the data folder's path."""
ORG_NAME = "BriefingApp"
"""Qt's organisation name: the data folder's parent, as in QStandardPaths."""
APP_ID = "briefing-chronology"
"""The executable's and the desktop entry's name."""

FROZEN = bool(getattr(sys, "frozen", False))
PROJECT_ROOT = Path(__file__).resolve().parent.parent
# A built app carries resources/ and seeds/ in its own folder (sys._MEIPASS).
BUNDLE_ROOT = Path(getattr(sys, "_MEIPASS", PROJECT_ROOT)) if FROZEN else PROJECT_ROOT
SEEDS_DIR = BUNDLE_ROOT / "seeds"
RESOURCES_DIR = BUNDLE_ROOT / "resources"
FONTS_DIR = RESOURCES_DIR / "fonts"
ICON_FILE = RESOURCES_DIR / "icon.png"
DB_NAME = "data.sqlite"


def running_from_source() -> bool:
    """True in a checkout (``main.py`` beside the package), False when built or installed."""
    return not FROZEN and (PROJECT_ROOT / "main.py").is_file() and RESOURCES_DIR.is_dir()


def user_data_dir(
    env: Mapping[str, str] | None = None, platform: str | None = None, home: Path | None = None
) -> Path:
    """The user's data folder for this app, as ``QStandardPaths.AppDataLocation`` gives it.

    Linux and other Unix: ``$XDG_DATA_HOME`` (when set to an absolute path,
    else ``~/.local/share``); macOS: ``~/Library/Application Support``;
    Windows: ``%APPDATA%``; each followed by the organisation and app names.
    """
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    home = Path.home() if home is None else home
    if platform == "win32":
        appdata = env.get("APPDATA", "")
        base = Path(appdata) if appdata else home / "AppData" / "Roaming"
    elif platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        xdg = env.get("XDG_DATA_HOME", "")
        base = Path(xdg) if xdg and os.path.isabs(xdg) else home / ".local" / "share"
    return base / ORG_NAME / APP_NAME


def data_dir() -> Path:
    """The folder of the default database: the project from source, else the user's folder."""
    return PROJECT_ROOT if running_from_source() else user_data_dir()


def default_db() -> Path:
    """The database used when ``--db`` is not given."""
    return data_dir() / DB_NAME


DEFAULT_DB = default_db()
