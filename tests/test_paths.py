"""Where data is written: beside the project from source, else the user's data folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import briefing_app
from briefing_app import paths
from briefing_app.paths import PROJECT_ROOT, user_data_dir

EVENT = "helsinki-headline-goal"

_QT_LOCATION = """
from PySide6.QtCore import QCoreApplication, QStandardPaths
from briefing_app.paths import APP_NAME, ORG_NAME, user_data_dir
app = QCoreApplication([])
app.setOrganizationName(ORG_NAME)
app.setApplicationName(APP_NAME)
print(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
print(user_data_dir())
"""


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG rules are Linux's")
@pytest.mark.parametrize("xdg", [None, "/absolute/xdg-data", "relative/xdg-data", ""])
def test_the_data_folder_is_the_one_qt_names(tmp_path: Path, xdg: str | None) -> None:
    env = {k: v for k, v in os.environ.items() if k != "XDG_DATA_HOME"}
    env.update(HOME=str(tmp_path / "home"), PYTHONPATH=str(PROJECT_ROOT))
    if xdg is not None:
        env["XDG_DATA_HOME"] = xdg
    result = subprocess.run(
        [sys.executable, "-c", _QT_LOCATION],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=True,
    )
    qt, ours = result.stdout.splitlines()
    assert Path(qt) == Path(ours)
    expected = xdg if xdg and xdg.startswith("/") else str(tmp_path / "home" / ".local" / "share")
    assert Path(ours) == Path(expected) / "BriefingApp" / "Briefing Chronology"


def test_the_data_folder_on_windows_and_macos() -> None:
    home = Path("/Users/ana")
    mac = user_data_dir(env={}, platform="darwin", home=home)
    assert mac == home / "Library" / "Application Support" / "BriefingApp" / "Briefing Chronology"
    win = user_data_dir(env={"APPDATA": "C:/Users/ana/AppData/Roaming"}, platform="win32")
    assert win == Path("C:/Users/ana/AppData/Roaming/BriefingApp/Briefing Chronology")


def test_from_source_the_database_stays_beside_the_project() -> None:
    assert paths.running_from_source()
    assert paths.default_db() == PROJECT_ROOT / "data.sqlite"
    assert paths.RESOURCES_DIR == PROJECT_ROOT / "resources"


def test_the_version_is_the_projects() -> None:
    meta = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert briefing_app.__version__ == meta["project"]["version"]


def _installed_copy(root: Path) -> Path:
    """The package with its data but no main.py: as pip would lay it out."""
    site = root / "site-packages"
    shutil.copytree(
        PROJECT_ROOT / "briefing_app",
        site / "briefing_app",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    for folder in ("resources", "seeds"):
        shutil.copytree(PROJECT_ROOT / folder, site / folder)
    return site


def _run_installed(site: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "data"))
    env.update(PYTHONPATH=str(site), QT_QPA_PLATFORM="offscreen")
    code = "import sys; from briefing_app.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=home,
        timeout=300,
        check=False,
    )


def test_installed_the_data_goes_to_the_users_folder_and_stays(tmp_path: Path) -> None:
    site, home = _installed_copy(tmp_path), tmp_path / "home"
    home.mkdir()
    added = _run_installed(site, home, "annotations", "add", EVENT, "--text", "kept")
    assert added.returncode == 0, added.stderr
    folder = home / "data" / "BriefingApp" / "Briefing Chronology"
    assert (folder / "data.sqlite").is_file()
    assert not list(site.glob("*.sqlite*")) and not (home / "data.sqlite").exists()
    exported = _run_installed(site, home, "export", "--format", "json")
    assert exported.returncode == 0, exported.stderr
    events = {e["id"]: e for e in json.loads(exported.stdout)["events"]}
    assert [n["text"] for n in events[EVENT]["annotations"]] == ["kept"]
    elsewhere = tmp_path / "other.sqlite"
    chosen = _run_installed(site, home, "--db", str(elsewhere), "annotations", "add", EVENT,
                            "--text", "there")  # fmt: skip
    assert chosen.returncode == 0, chosen.stderr
    assert elsewhere.is_file()
