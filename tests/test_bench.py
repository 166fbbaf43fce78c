"""A small run of the benchmark, so the command cannot rot; it asserts shapes, not timings."""

from __future__ import annotations

import io

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
