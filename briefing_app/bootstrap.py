"""Make ``python3 main.py`` work on a fresh machine with only Python and pip.

Standard library only: this runs before any dependency exists. On first use
it creates ``.venv`` beside the project, installs the dependencies declared in
``pyproject.toml`` (plus the test and build tools for ``main.py test``, the
build tools for ``main.py package``), and re-runs
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


SPEC = PROJECT_ROOT / "briefing_app" / "packaging" / "briefing-chronology.spec"
DIST_DIR = PROJECT_ROOT / "dist"

EXTRAS = {"app": (), "package": ("package",), "test": ("test", "package")}
"""The optional dependencies of each installed set: the suite builds the app too."""
COVERS = {"app": ("app", "package", "test"), "package": ("package", "test"), "test": ("test",)}
"""The installed sets that hold everything a set needs."""


def _kind(argv: list[str]) -> str:
    """Which set of dependencies the command needs: ``test``, ``package`` or ``app``."""
    return argv[0] if argv and argv[0] in ("test", "package") else "app"


def _requirements(kind: str) -> list[str]:
    import tomllib  # only when installing: parsing the project file costs a launch ~50 ms

    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    reqs = list(project["dependencies"])
    for extra in EXTRAS[kind]:
        reqs += project["optional-dependencies"][extra]
    return reqs


STAMP_FILE = VENV_DIR / ".briefing-installed"
"""One line per installed set: the project file's hash and ``app``, ``package`` or ``test``."""


def _stamp_line(kind: str) -> str:
    digest = hashlib.sha256(PYPROJECT.read_bytes()).hexdigest()
    return f"{digest} {kind}"


def _installed(kind: str) -> bool:
    """True when this project file's dependencies for ``kind`` are in place.

    The test set includes the others, so ``main.py`` after ``main.py test`` installs
    nothing; without this, alternating the two commands re-ran pip every time.
    """
    try:
        lines = set(STAMP_FILE.read_text(encoding="utf-8").split("\n"))
    except OSError:
        return False
    return bool(lines & {_stamp_line(k) for k in COVERS[kind]})


def _install(kind: str) -> None:
    if _installed(kind):
        return
    import subprocess  # only when installing: every launch passes through here
    import venv

    reqs = _requirements(kind)
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
    digest = _stamp_line(kind).split()[0]
    lines = [line for line in kept if line.startswith(digest)] + [_stamp_line(kind)]
    STAMP_FILE.write_text("\n".join(sorted(set(lines))), encoding="utf-8")


def ensure_environment(argv: list[str]) -> None:
    """Re-run ``main.py argv`` inside the project's environment, creating it first."""
    if getattr(sys, "frozen", False) or os.environ.get("BRIEFING_NO_BOOTSTRAP"):
        return  # a built app carries everything it needs; there is no project to set up
    _install(_kind(argv))
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


def run_package(args: list[str]) -> int:
    """Build the one-folder app in ``dist/briefing-chronology/`` from the spec in the repository.

    Extra arguments go to PyInstaller (``--distpath DIR`` builds elsewhere).
    """
    import subprocess
    import time

    dist = DIST_DIR
    if "--distpath" in args:
        dist = Path(args[args.index("--distpath") + 1])
    else:
        args = ["--distpath", str(DIST_DIR), *args]
    if "--workpath" not in args:
        args = ["--workpath", str(PROJECT_ROOT / "build" / "pyinstaller"), *args]
    began = time.monotonic()
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", *args]
    code = subprocess.call([*cmd, str(SPEC)], cwd=PROJECT_ROOT)
    if code != 0:
        return code
    folder = dist / "briefing-chronology"
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    print(
        f"Built {folder / 'briefing-chronology'} in {time.monotonic() - began:.0f} s "
        f"({size / 1e6:.0f} MB). Copy the whole folder to install it.",
        file=sys.stderr,
    )
    return 0
