"""An export killed (SIGKILL) part-way never harms the file it was replacing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_app.paths import PROJECT_ROOT
from briefing_app.services.library import open_library

OLD = b"%PDF-1.4 the briefing exported yesterday"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export-kill") / "library.sqlite"
    open_library(path).close()
    return path


def _export(db_path: Path, when: str | None, fmt: str, out: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, BRIEFING_NO_BOOTSTRAP="1", QT_QPA_PLATFORM="offscreen")
    head = (
        [sys.executable, "-m", "tests.helpers.export_kill", when]
        if when
        else [
            sys.executable,
            str(PROJECT_ROOT / "main.py"),
        ]
    )
    return subprocess.run(
        [*head, "--db", str(db_path), "export", "--format", fmt, "-o", str(out)],
        capture_output=True,
        cwd=PROJECT_ROOT,
        env=env,
        timeout=300,
        check=False,
    )


@pytest.mark.parametrize(
    ("fmt", "when"),
    [("pdf", "page:1"), ("pdf", "page:6"), ("pdf", "rename"), ("png", "rename"), ("csv", "rename")],
)
def test_a_killed_export_leaves_the_old_file_and_the_next_one_tidies_up(
    db_path: Path, tmp_path: Path, fmt: str, when: str
) -> None:
    out = tmp_path / f"briefing.{fmt}"
    out.write_bytes(OLD)
    killed = _export(db_path, when, fmt, out)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert out.read_bytes() == OLD
    assert len(list(tmp_path.glob(f".{out.name}.*.partial"))) >= 1  # what the dead process left
    again = _export(db_path, None, fmt, out)
    assert again.returncode == 0, again.stderr
    assert out.read_bytes() != OLD and out.stat().st_size > 1000
    assert [p.name for p in tmp_path.iterdir()] == [out.name]
