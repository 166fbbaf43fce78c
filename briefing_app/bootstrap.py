"""Make ``python3 main.py`` work on a fresh machine with only Python and pip.

Standard library only: this runs before any dependency exists. On first use
it creates ``.venv`` beside the project, installs the dependencies declared in
``pyproject.toml`` (plus the test extras for ``main.py test``), and re-runs
the command inside that environment. A stamp file records what was
installed, so an edited ``pyproject.toml`` triggers a new install.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tomllib
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
VENV_DIR = PROJECT_ROOT / ".venv"
PYPROJECT = PROJECT_ROOT / "pyproject.toml"


def _venv_python() -> Path:
    if os.name == "nt":
        return VENV_DIR / "Scripts" / "python.exe"
    return VENV_DIR / "bin" / "python"


def _inside_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV_DIR.resolve()


def _requirements(with_tests: bool) -> list[str]:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    reqs = list(project["dependencies"])
    if with_tests:
        reqs += project["optional-dependencies"]["test"]
    return reqs


def _stamp(reqs: list[str]) -> str:
    return hashlib.sha256("\n".join(sorted(reqs)).encode()).hexdigest()


def _install(reqs: list[str]) -> None:
    stamp_file = VENV_DIR / ".briefing-installed"
    wanted = _stamp(reqs)
    if stamp_file.exists() and stamp_file.read_text().strip() == wanted:
        return
    import subprocess  # only when installing: every launch passes through here
    import venv

    if not _venv_python().exists():
        print("Setting up the app's environment in .venv (first run only)...", file=sys.stderr)
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV_DIR)
    print("Installing dependencies...", file=sys.stderr)
    cmd = [str(_venv_python()), "-m", "pip", "install", "--disable-pip-version-check", "-q", *reqs]
    result = subprocess.run(cmd, check=False)
    if result.returncode != 0:
        sys.exit(
            "Could not install the dependencies (see pip's message above). "
            "Check the connection to the package index and run the command again."
        )
    stamp_file.write_text(wanted)


def ensure_environment(argv: list[str]) -> None:
    """Re-run ``main.py argv`` inside the project's environment, creating it first."""
    with_tests = bool(argv) and argv[0] == "test"
    if getattr(sys, "frozen", False) or os.environ.get("BRIEFING_NO_BOOTSTRAP"):
        return  # a built app carries everything it needs; there is no project to set up
    reqs = _requirements(with_tests)
    if _inside_venv():
        stamp_file = VENV_DIR / ".briefing-installed"
        if stamp_file.exists() and stamp_file.read_text().strip() == _stamp(reqs):
            return
    _install(reqs)
    if _inside_venv():
        return
    python = str(_venv_python())
    os.execv(python, [python, str(PROJECT_ROOT / "main.py"), *argv])


def run_tests(args: list[str]) -> int:
    """The whole test suite, as CI runs it."""
    import subprocess

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    cmd = [sys.executable, "-m", "pytest", *args]
    return subprocess.call(cmd, cwd=PROJECT_ROOT, env=env)
