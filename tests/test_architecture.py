"""The layers point one way, and the pure layers know neither Qt nor SQL."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from briefing_app.paths import PROJECT_ROOT


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


def test_start_up_does_not_load_import_or_export_libraries() -> None:
    """dateparser, trafilatura, pypdf and charset-normalizer cost ~0.35 s, the GUI's import
    steps (with lxml) and the launcher's venv module another 0.05 s: load them on use."""
    probe = (
        "import sys; import briefing_app.bootstrap, briefing_app.ui.app, "
        "briefing_app.ui.main_window; "
        "print(sorted(m for m in ('dateparser', 'trafilatura', 'pypdf', 'charset_normalizer',"
        " 'alembic', 'lxml', 'briefing_app.ui.import_flow', 'venv')"
        " if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "[]"
