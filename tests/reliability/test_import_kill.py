"""`import --accept-all` killed at every step: all of the article or none of it, never half."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from briefing_app.domain.model import Origin
from briefing_app.paths import PROJECT_ROOT
from briefing_app.services.library import open_library
from briefing_app.services.pending import pending_counts
from briefing_app.storage.repository import counts, list_events, list_sources
from tests.helpers.articles import saved_page, write
from tests.test_cli import run_main


def _killed_import(db: Path, path: Path, kill_at: int) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(PROJECT_ROOT), QT_QPA_PLATFORM="offscreen")
    env["BRIEFING_NO_BOOTSTRAP"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "tests.helpers.import_kill", str(kill_at),
         "--db", str(db), "import", str(path), "--accept-all"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip


def test_a_kill_between_the_steps_of_accept_all_never_leaves_half_an_import(
    tmp_path: Path,
) -> None:
    db = tmp_path / "db.sqlite"
    path = write(tmp_path / "nato.html", saved_page())
    open_library(db).close()
    library = open_library(db)
    try:
        before = counts(library)
    finally:
        library.close()
    writes = 0
    for kill_at in range(1, 40):
        result = _killed_import(db, path, kill_at)
        if result.returncode != -signal.SIGKILL:
            assert result.returncode == 0, result.stderr  # fewer writes than kill_at: it finished
            writes = kill_at - 1
            break
        library = open_library(db)
        try:
            assert counts(library) == before, f"killed at write {kill_at}: something was kept"
            assert pending_counts(library) == {}
        finally:
            library.close()
    assert writes >= 3  # the source's events and excerpts were each a kill point
    # The last run finished: one source, all its events, none pending; a re-run adds nothing.
    library = open_library(db)
    try:
        after = counts(library)
        assert after["sources"] == before["sources"] + 1
        mine = [e for e in list_events(library) if e.origin is Origin.USER]
        assert mine and after["excerpts"] - before["excerpts"] >= len(mine)
        assert after["events"] - before["events"] == len(mine)
        assert pending_counts(library) == {}
        assert any(s.file.startswith("nato_") for s in list_sources(library))
    finally:
        library.close()
    again = run_main("--db", str(db), "import", str(path), "--accept-all")
    assert again.returncode == 0 and "no proposals wait for review" in again.stdout
