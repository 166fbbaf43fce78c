"""The layers point one way, and the pure layers know neither Qt nor SQL."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from briefing_app.paths import PROJECT_ROOT
from briefing_app.services.library import open_library


def test_import_contracts_hold() -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe, "import-linter is a test dependency; run the suite with `python3 main.py test`"
    result = subprocess.run(
        [exe, "--no-cache"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_ruff_is_clean() -> None:
    exe = shutil.which("ruff", path=str(Path(sys.executable).parent))
    assert exe, "ruff is a test dependency; run the suite with `python3 main.py test`"
    for args in (["check", "."], ["format", "--check", "."]):
        result = subprocess.run(
            [exe, *args], cwd=PROJECT_ROOT, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_start_up_does_not_load_import_or_export_libraries(library_path: Path) -> None:
    """dateparser, trafilatura, pypdf and charset-normalizer cost ~0.35 s, the GUI's import
    steps (with lxml) and the launcher's venv module another 0.05 s: load them on use.

    The probe starts the app as a user does, up to the shown window."""
    open_library(library_path).close()
    probe = (
        "import sys; from pathlib import Path; import briefing_app.bootstrap; "
        "from briefing_app.ui.app import make_application, open_for_gui, open_window; "
        "app = make_application(); "
        f"window = open_window(*open_for_gui(Path({str(library_path)!r}))); "
        "window.show(); app.processEvents(); "
        "print(sorted(m for m in ('dateparser', 'trafilatura', 'pypdf', 'charset_normalizer',"
        " 'alembic', 'lxml', 'briefing_app.ui.importing.import_flow', 'venv')"
        " if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(library_path.parent)),
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_no_two_classes_share_a_name() -> None:
    """One name, one thing: a class name found twice in the package is a trap for a reader
    (and for a search, an import or a traceback), so every module is walked, classes
    nested or behind TYPE_CHECKING included."""
    import ast
    from collections import defaultdict

    package = PROJECT_ROOT / "briefing_app"
    where: defaultdict[str, list[str]] = defaultdict(list)
    modules = sorted(package.rglob("*.py"))
    for path in modules:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                where[node.name].append(f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}")
    assert len(modules) > 100, "the walk found the package's modules"
    assert len(where) > 100, "the walk found the package's classes"
    shared = {name: places for name, places in where.items() if len(places) > 1}
    assert not shared, shared


def test_no_module_is_over_600_lines() -> None:
    """A module longer than this holds more than one job: split it rather than grow it."""
    package = PROJECT_ROOT / "briefing_app"
    sizes = {
        str(path.relative_to(PROJECT_ROOT)): len(path.read_text(encoding="utf-8").splitlines())
        for path in package.rglob("*.py")
    }
    assert len(sizes) > 100 and max(sizes.values()) > 300, "the walk found the package"
    long = {name: n for name, n in sizes.items() if n > 600}
    assert not long, long


def test_the_window_assembles_and_few_modules_sit_loose_in_ui() -> None:
    """The main window builds and routes; the work lives in feature folders of ``ui/``."""
    ui = PROJECT_ROOT / "briefing_app" / "ui"
    window = (ui / "main_window.py").read_text(encoding="utf-8").splitlines()
    assert 100 < len(window) < 350, len(window)
    loose = sorted(p.name for p in ui.glob("*.py") if p.name != "__init__.py")
    assert "main_window.py" in loose and len(loose) <= 10, loose
