"""A small run of the benchmark, so the command cannot rot; it asserts shapes, not timings."""

from __future__ import annotations

import io
from pathlib import Path

from pytestqt.qtbot import QtBot

from briefing_app.bench.run import print_report, run_bench


def test_benchmark_smoke_run(qtbot: QtBot) -> None:
    results = run_bench([1_000], cold_runs=1, with_reference=True, shipped=False)
    (size,) = results["sizes"]
    assert size["events"] == 1_000
    assert size["rows"] > 1_000 and size["build_rows_per_s"] > 0
    assert size["cold_start_s"] > 0 and size["rss_mb"] > 0
    assert set(size["paint"]) == {"full", "1 year", "1 week"}
    assert set(size["reference"]) == set(size["paint"])
    assert all(v["p95_ms"] >= v["median_ms"] > 0 for v in size["paint"].values())
    assert set(size["search_ms"]) == {"common word", "rare word", "phrase"}
    assert size["pdf_all"]["pages"] > size["pdf_year"]["pages"] > 0
    out = io.StringIO()
    print_report(results, out)
    text = out.getvalue()
    assert "1,000 events" in text and "paint, 1 week" in text and "bare scene" in text


def test_make_db_writes_a_database_the_app_reads_and_never_overwrites(tmp_path: Path) -> None:
    import pytest

    from briefing_app.bench import synthetic_db
    from briefing_app.storage.database import Database
    from briefing_app.storage.repository import list_events

    target = tmp_path / "syn.sqlite"
    seen: list[int] = []
    original = synthetic_db.BATCH
    synthetic_db.BATCH = 7  # several batches on a small build
    try:
        report = synthetic_db.make_database(target, 30, progress=seen.append)
    finally:
        synthetic_db.BATCH = original
    assert seen == [7, 14, 21, 28, 30]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["syn.sqlite"]
    db = Database.open(target)
    try:
        events = list_events(db)
    finally:
        db.close()
    assert len(events) == report.events == 30
    assert report.excerpts >= 30 and report.annotations == 3
    before = target.read_bytes()
    with pytest.raises(synthetic_db.TargetExists):
        synthetic_db.make_database(target, 5)
    assert target.read_bytes() == before


def test_a_batched_build_is_the_same_chronology_as_a_single_batch(tmp_path: Path) -> None:
    from briefing_app.bench import synthetic_db
    from briefing_app.storage.database import Database
    from briefing_app.storage.repository import list_events

    def titles(path: Path, batch: int) -> list[tuple[str, str]]:
        synthetic_db.BATCH, original = batch, synthetic_db.BATCH
        try:
            synthetic_db.make_database(path, 25)
        finally:
            synthetic_db.BATCH = original
        db = Database.open(path)
        try:
            return [(e.id, e.title) for e in list_events(db)]
        finally:
            db.close()

    assert titles(tmp_path / "a.sqlite", 4) == titles(tmp_path / "b.sqlite", 1000)
