"""The built app, as a briefer gets it: built once, copied out of the source tree, run bare.

The build (``main.py package``, the spec in ``briefing_app/packaging/``) goes
to a temporary folder and is copied to another one, away from the project;
every command then runs with a clean home, data and settings folder, an
empty ``PATH`` (no Python) and no ``PYTHONPATH``, so a file the spec forgot, or a
path that points into the checkout, fails here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing_app.cli import build_parser
from briefing_app.paths import APP_ID, APP_NAME, ORG_NAME, PROJECT_ROOT
from tests.helpers.articles import saved_page, text_article, write
from tests.test_cli import run_main

pytestmark = pytest.mark.slow

EVENT = "helsinki-headline-goal"
NO_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


class BuiltApp:
    """The copied build and a bare environment to run it in."""

    def __init__(self, folder: Path, work: Path) -> None:
        self.folder = folder
        self.exe = folder / APP_ID
        self.work = work
        self.data = work / "data"
        self.modules = ""
        """PyInstaller's table of what it found to put in the build."""
        self.env = {
            "HOME": str(work / "home"),
            "XDG_DATA_HOME": str(self.data),
            "XDG_CONFIG_HOME": str(work / "config"),
            "XDG_CACHE_HOME": str(work / "cache"),
            "XDG_RUNTIME_DIR": str(work / "runtime"),
            "PATH": str(work / "bin"),  # empty: no Python, no tools
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
        }
        for name in ("home", "config", "cache", "runtime", "bin"):
            (work / name).mkdir(mode=0o700, exist_ok=True)

    @property
    def data_folder(self) -> Path:
        return self.data / ORG_NAME / APP_NAME

    def run(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.exe), *args],
            capture_output=True,
            text=True,
            cwd=self.work,
            env={**self.env, **env},
            timeout=300,
            check=False,
        )


def _tree(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.lstat().st_mtime_ns for p in sorted(folder.rglob("*"))}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltApp:
    """``main.py package`` into a temporary folder, copied to another one."""
    build = tmp_path_factory.mktemp("build")
    env = dict(os.environ, BRIEFING_NO_BOOTSTRAP="1")
    result = subprocess.run(
        [
            sys.executable,
            str(PROJECT_ROOT / "main.py"),
            "package",
            "--distpath",
            str(build / "dist"),
            "--workpath",
            str(build / "work"),
        ],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        env=env,
        timeout=1800,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    assert "Built " in result.stderr
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    folder = elsewhere / APP_ID
    shutil.copytree(build / "dist" / APP_ID, folder, symlinks=True)
    shutil.rmtree(build / "dist")
    app = BuiltApp(folder, elsewhere)
    app.modules = (build / "work" / "briefing-chronology" / "Analysis-00.toc").read_text()
    return app


def test_help_lists_every_subcommand_the_source_has(built: BuiltApp) -> None:
    result = built.run("--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"usage: {APP_ID} ")
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    assert commands
    for name in commands:
        assert name in result.stdout


def test_check_passes_and_writes_nothing_in_the_app_folder(built: BuiltApp) -> None:
    before = _tree(built.folder)
    result = built.run("check")
    assert result.returncode == 0, result.stderr
    assert "all quotes verbatim" in result.stdout
    assert _tree(built.folder) == before


def test_a_note_written_in_one_launch_is_there_in_the_next(built: BuiltApp) -> None:
    text = "Written by the built app: Helsinki set the 60,000-troop goal."
    before = _tree(built.folder)
    added = built.run("annotations", "add", EVENT, "--text", text, "--tag", "build")
    assert added.returncode == 0, added.stderr
    note_id = added.stdout.strip()
    assert note_id
    assert (built.data_folder / "data.sqlite").is_file()  # created and filled on first use
    assert _tree(built.folder) == before  # nothing written in the app's folder
    out = built.work / "notes.json"
    exported = built.run("annotations", "export", "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    notes = json.loads(out.read_text(encoding="utf-8"))["annotations"]
    assert [(n["event"], n["body"]) for n in notes if n["uid"] == note_id] == [(EVENT, text)]


def test_import_of_a_saved_web_page_matches_the_source(built: BuiltApp, tmp_path: Path) -> None:
    page = write(built.work / "nato.html", saved_page())
    proposed = built.run("import", str(page), "--propose", "--format", "json")
    assert proposed.returncode == 0, proposed.stderr
    from_source = run_main(
        "--db", str(tmp_path / "db.sqlite"), "import", str(page), "--propose", "--format", "json"
    )
    assert from_source.returncode == 0, from_source.stderr
    assert json.loads(proposed.stdout) == json.loads(from_source.stdout)
    assert json.loads(proposed.stdout)["files"][0]["proposals"]

    imported = built.run("import", str(page))
    assert imported.returncode == 0, imported.stderr
    assert "“NATO invites Finland” (Example News, 30 Jun 2022)" in imported.stdout
    assert f"(or: {APP_ID} proposals list nato_" in imported.stdout
    listed = built.run("proposals", "list")
    assert listed.returncode == 0, listed.stderr
    assert "NATO invites Finland" in listed.stdout


def test_a_team_database_on_a_server_works_from_the_build(built: BuiltApp, pg_url: str) -> None:
    added = built.run("--db", pg_url, "annotations", "add", EVENT, "--text", "On the server")
    assert added.returncode == 0, added.stderr
    checked = built.run("--db", pg_url, "check")
    assert checked.returncode == 0, checked.stderr
    exported = built.run("--db", pg_url, "export", "--format", "json")
    assert exported.returncode == 0, exported.stderr
    assert "On the server" in exported.stdout


def test_dates_are_read_as_from_source(built: BuiltApp) -> None:
    article = write(built.work / "plan.txt", text_article())
    args = ("extract-dates", str(article), "--published", "2024-03-05", "--format", "json")
    result = built.run(*args)
    assert result.returncode == 0, result.stderr
    from_source = run_main(*args)
    assert json.loads(result.stdout) == json.loads(from_source.stdout)


def test_the_pdf_is_set_in_the_bundled_font_on_a_machine_without_fonts(
    built: BuiltApp,
) -> None:
    conf = built.work / "no-fonts.conf"
    conf.write_text(NO_FONTS.format(cache=built.work / "fc-cache"), encoding="utf-8")
    out = built.work / "briefing.pdf"
    result = built.run("export", "--format", "pdf", "-o", str(out), FONTCONFIG_FILE=str(conf))
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    fonts = {
        str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1]
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()
    }
    assert {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"} <= fonts
    assert any("Helsinki" in page.extract_text() for page in reader.pages)


@pytest.mark.parametrize(
    ("fmt", "name", "start"),
    [
        ("svg", "timeline.svg", b"<?xml"),
        ("png", "timeline.png", b"\x89PNG"),
        ("xlsx", "events.xlsx", b"PK"),
        ("ics", "events.ics", b"BEGIN:VCALENDAR"),
        ("csv", "events.csv", b"\xef\xbb\xbf"),
        ("timelinejs", "timeline.json", b"{"),
    ],
)
def test_every_other_export_writes_its_file(
    built: BuiltApp, fmt: str, name: str, start: bytes
) -> None:
    out = built.work / name
    result = built.run("export", "--format", fmt, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(start)


def test_the_window_opens_paints_and_keeps_its_files_in_the_data_folder(
    built: BuiltApp,
) -> None:
    report = built.work / "first-paint.json"
    result = built.run(BRIEFING_FIRST_PAINT_REPORT=str(report))
    assert result.returncode == 0, result.stderr
    assert json.loads(report.read_text())["max_rss_kb"] > 0
    assert (built.data_folder / "data.sqlite.backups").is_dir()
    assert list(built.data_folder.rglob("*.ini")), "the window's settings"


def test_developer_commands_are_not_in_the_built_app(built: BuiltApp) -> None:
    for command in ("test", "package"):
        result = built.run(command)
        assert result.returncode == 2
        assert "invalid choice" in result.stderr


def test_the_build_leaves_out_what_the_app_never_loads(built: BuiltApp) -> None:
    for module in ("pytest", "_pytest", "hypothesis", "importlinter", "PyInstaller", "tkinter"):
        assert f"('{module}'," not in built.modules
        assert not (built.folder / "_internal" / module).exists()
    assert "('briefing_app.cli'," in built.modules
    plugins = built.folder / "_internal" / "PySide6" / "Qt" / "plugins"
    assert (plugins / "platforms").is_dir()
    assert not (plugins / "sqldrivers").exists()
    size = sum(
        p.stat().st_size for p in built.folder.rglob("*") if p.is_file() and not p.is_symlink()
    )
    assert size < 280e6
    desktop = built.folder / "_internal" / f"{APP_ID}.desktop"
    assert desktop.is_file()
