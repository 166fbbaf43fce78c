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
    import tomllib  # only when installing: parsing the project file costs a launch ~50 ms

    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    reqs = list(project["dependencies"])
    if with_tests:
        reqs += project["optional-dependencies"]["test"]
    return reqs


STAMP_FILE = VENV_DIR / ".briefing-installed"
"""One line per installed set: the project file's hash and ``app`` or ``test``."""


def _stamp_line(with_tests: bool) -> str:
    digest = hashlib.sha256(PYPROJECT.read_bytes()).hexdigest()
    return f"{digest} {'test' if with_tests else 'app'}"


def _installed(with_tests: bool) -> bool:
    """True when this project file's dependencies (and test tools, if asked) are in place.

    The test set includes the app's, so ``main.py`` after ``main.py test`` installs
    nothing; without this, alternating the two commands re-ran pip every time.
    """
    try:
        lines = set(STAMP_FILE.read_text(encoding="utf-8").split("\n"))
    except OSError:
        return False
    wanted = {_stamp_line(True)} if with_tests else {_stamp_line(False), _stamp_line(True)}
    return bool(lines & wanted)


def _install(with_tests: bool) -> None:
    if _installed(with_tests):
        return
    import subprocess  # only when installing: every launch passes through here
    import venv

    reqs = _requirements(with_tests)
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
    try:
        kept = STAMP_FILE.read_text(encoding="utf-8").split("\n")
    except OSError:
        kept = []
    digest = _stamp_line(with_tests).split()[0]
    lines = [line for line in kept if line.startswith(digest)] + [_stamp_line(with_tests)]
    STAMP_FILE.write_text("\n".join(sorted(set(lines))), encoding="utf-8")


def ensure_environment(argv: list[str]) -> None:
    """Re-run ``main.py argv`` inside the project's environment, creating it first."""
    with_tests = bool(argv) and argv[0] == "test"
    if getattr(sys, "frozen", False) or os.environ.get("BRIEFING_NO_BOOTSTRAP"):
        return  # a built app carries everything it needs; there is no project to set up
    _install(with_tests)
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
