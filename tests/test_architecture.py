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
