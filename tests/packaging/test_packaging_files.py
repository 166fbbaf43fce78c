"""The files a build is made from: the desktop entry, the icon, the extras, the font."""

from __future__ import annotations

import configparser
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

from PySide6.QtGui import QImage

from briefing_app import bootstrap
from briefing_app.paths import APP_ID, APP_NAME, FONTS_DIR, ICON_FILE, PROJECT_ROOT

PACKAGING = PROJECT_ROOT / "briefing_app" / "packaging"


def test_the_desktop_entry_starts_the_executable_with_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(PACKAGING / f"{APP_ID}.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Name"] == APP_NAME
    assert section["Exec"].split()[0] == APP_ID
    assert section["Icon"] == APP_ID
    assert section["Terminal"] == "false"
    assert section["Categories"].endswith(";")


def test_the_icon_is_a_square_picture_large_enough_for_menus() -> None:
    image = QImage(str(ICON_FILE))
    assert not image.isNull()
    assert image.width() == image.height() >= 256
    assert image.hasAlphaChannel()


def test_the_spec_builds_the_named_executable_from_main() -> None:
    spec = (PACKAGING / f"{APP_ID}.spec").read_text(encoding="utf-8")
    assert f'APP = "{APP_ID}"' in spec
    assert '"main.py"' in spec
    for folder in ('"resources"', '"seeds"', "migrations", "languages", "trafilatura", "justext"):
        assert folder in spec


def test_the_suite_and_the_build_command_install_the_builder() -> None:
    extras = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    assert any(req.startswith("pyinstaller") for req in extras["package"])
    for command in ("test", "package"):
        assert set(extras["package"]) <= set(bootstrap._requirements(command))
    assert not set(extras["package"]) & set(bootstrap._requirements("app"))


def test_the_bundled_font_ships_with_its_licence() -> None:
    fonts = sorted(p.name for p in FONTS_DIR.glob("*.ttf"))
    assert fonts == [
        "DejaVuSans-Bold.ttf",
        "DejaVuSans-BoldOblique.ttf",
        "DejaVuSans-Oblique.ttf",
        "DejaVuSans.ttf",
        "DroidSansFallbackFull.ttf",
        "Symbola.ttf",
    ]
    licence = (FONTS_DIR / "LICENSE").read_text(encoding="utf-8")
    assert "Bitstream Vera" in licence and "DejaVu changes are in public domain" in licence
    assert "Symbola" in licence and "Droid Sans Fallback" in licence
    assert "Apache License" in (FONTS_DIR / "LICENSE-Apache-2.0").read_text(encoding="utf-8")


_NO_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""

_FAMILY = """
import json
from PySide6.QtGui import QFontDatabase, QGuiApplication
app = QGuiApplication([])
from briefing_app.export.typeset import pick_family
system = QFontDatabase.families()
print(json.dumps({"system": system, "picked": pick_family()}))
"""


def test_exports_use_the_bundled_font_where_the_system_has_none(tmp_path: Path) -> None:
    conf = tmp_path / "fonts.conf"
    conf.write_text(_NO_FONTS.format(cache=tmp_path / "cache"), encoding="utf-8")
    env = dict(
        os.environ,
        FONTCONFIG_FILE=str(conf),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(PROJECT_ROOT),
    )
    result = subprocess.run(
        [sys.executable, "-c", _FAMILY],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=True,
    )
    seen = json.loads(result.stdout)
    assert "DejaVu Sans" not in seen["system"]  # this machine, as one without the font
    assert seen["picked"] == "DejaVu Sans"
