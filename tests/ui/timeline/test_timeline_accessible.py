"""The accessibility cases (``accessibility_cases.py``), each run in a fresh process."""

from __future__ import annotations

import os
import subprocess
import sys

from briefing_app.paths import PROJECT_ROOT

CASES = "tests/ui/accessibility_cases.py"


def test_the_accessibility_cases_pass_in_a_process_of_their_own() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", CASES, "-q", "-p", "no:cacheprovider"],
        cwd=PROJECT_ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "failed" not in result.stdout
