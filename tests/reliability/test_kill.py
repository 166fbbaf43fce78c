"""Kill the app's writer mid-burst: every edit reported saved is still there, intact."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from briefing_app.paths import PROJECT_ROOT
from briefing_app.services.library import open_library
from briefing_app.storage.database import Database

_BODY = re.compile(r"^v(\d+) (x*|y*)$")


def _burst_and_kill(path: Path, seed: int, kill_after: int) -> dict[str, int]:
    env = dict(os.environ, PYTHONPATH=str(PROJECT_ROOT))
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.edit_burst", str(path), str(seed)],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    saved: dict[str, int] = {}
    assert child.stdout is not None
    for count, line in enumerate(child.stdout, start=1):
        _, uid, version = line.split()
        saved[uid] = int(version)
        if count >= kill_after:
            break
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    return saved


def test_sigkill_during_edits_loses_nothing_reported_saved(tmp_path: Path) -> None:
    path = tmp_path / "burst.sqlite"
    open_library(path).close()
    rng = random.Random(1234)
    everything: dict[str, int] = {}
    for run in range(8):
        saved = _burst_and_kill(path, seed=run, kill_after=rng.randint(5, 120))
        everything.update(saved)
        db = Database.open(path)
        try:
            with db.engine.connect() as conn:
                assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
                conn.execute(
                    text("INSERT INTO annotations_fts(annotations_fts) VALUES('integrity-check')")
                )
                rows = dict(conn.execute(text("SELECT uid, body FROM annotations")).all())
                tags = [t for (t,) in conn.execute(text("SELECT tags FROM annotations"))]
        finally:
            db.close()
        for uid, version in saved.items():
            assert uid in rows, f"run {run}: note {uid} reported saved is missing"
            match = _BODY.match(rows[uid])
            assert match, f"run {run}: note {uid} is half-written: {rows[uid][:40]!r}"
            # The child may have saved one more version before the kill reached it.
            assert int(match.group(1)) >= version, f"run {run}: note {uid} went back in time"
        assert all(t.startswith("[") and t.endswith("]") for t in tags)
    assert len(everything) >= 8
