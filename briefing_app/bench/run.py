"""``python main.py bench``: build synthetic chronologies and print what the app costs.

For each size N (1,000, 10,000 and 100,000 by default) it reports: database
build speed, cold start to the first painted timeline (a new process, median
of several runs) and that process's peak memory, paint time per frame at the
whole span, one year and one week (median and 95th percentile over scripted
zooms and pans), one wheel step to the painted frame, full-text search for a
common word, a rare word and a phrase, a filter change to the repainted
frame, and PDF export of the whole chronology and of one year. Beside each
paint figure stands the same figure for a bare QGraphicsScene holding one
rectangle and one text item per event: the cost of Qt drawing alone.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from briefing_app.paths import FROZEN, PROJECT_ROOT

__all__ = ["run_bench", "print_report", "DEFAULT_SIZES", "TARGETS"]

DEFAULT_SIZES = (1_000, 10_000, 100_000)
PDF_FULL_MAX = 10_000
TARGETS = {
    "paint_p95_ms": 16.0,
    "wheel_ms": 30.0,
    "cold_start_s": 1.5,
    "cold_start_shipped_s": 0.8,
    "search_ms": 30.0,
    "filter_ms": 50.0,
    "pdf_shipped_s": 2.0,
    "pdf_10k_s": 60.0,
    "rss_mb": 400.0,
}


def _median_ms(action: Callable[[], object], repeats: int = 5) -> float:
    samples = []
    for _ in range(repeats):
        began = time.perf_counter()
        action()
        samples.append((time.perf_counter() - began) * 1000)
    return statistics.median(samples)


def _app_command() -> list[str]:
    """How to launch the app being measured: the built executable is its own interpreter."""
    return [sys.executable] if FROZEN else [sys.executable, str(PROJECT_ROOT / "main.py")]


def cold_start(db_path: Path, runs: int, settings_dir: Path) -> tuple[float, float]:
    """Median seconds from launching ``main.py`` to the first painted timeline; peak RSS (MB).

    The app is launched as a user's machine runs it: with Python's bytecode
    cache in use (an environment that turns it off would time the compiler)
    and the file in the system's cache, both written by an uncounted first run.
    """
    env = dict(
        os.environ,
        BRIEFING_NO_BOOTSTRAP="1",
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(settings_dir),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    times: list[float] = []
    rss: list[float] = []
    for i in range(runs + 1):
        report = settings_dir / f"first-paint-{i}.json"
        began = time.time()
        subprocess.run(
            [*_app_command(), "--db", str(db_path)],
            env=dict(env, BRIEFING_FIRST_PAINT_REPORT=str(report)),
            check=True,
            timeout=600,
            capture_output=True,
        )
        data = json.loads(report.read_text())
        if i == 0:
            continue  # the warm-up run
        times.append(data["painted_at"] - began)
        rss.append(data["max_rss_kb"] / 1024)
    return statistics.median(times), max(rss)


def ingest_figures(work: Path, words: int = 5_000) -> dict[str, float]:
    """Seconds to find the dates in ``words`` words of the seed articles, and to read a
    saved web page that long (libraries already loaded: a second import in a session)."""
    import html

    from briefing_app.ingest.dates import extract_dates
    from briefing_app.ingest.readers import read_article
    from briefing_app.paths import SEEDS_DIR

    seeds = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt")))
    pool = seeds.split()
    chosen = (pool * (words // len(pool) + 1))[:words]
    extract_dates(" ".join(chosen[:200]), date(2024, 12, 20))  # loads dateparser
    began = time.perf_counter()
    extract_dates(" ".join(chosen), date(2024, 12, 19))  # another day: nothing cached
    dates_s = time.perf_counter() - began
    paragraphs = "".join(
        f"<p>{html.escape(' '.join(chosen[i : i + 80]))}</p>" for i in range(0, words, 80)
    )
    page = work / "long-article.html"
    page.write_text(
        f"<html><head><title>A long article</title></head><body><article><h1>A long "
        f"article</h1>{paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    small = work / "short-article.html"
    small.write_text(page.read_text(encoding="utf-8")[:3000] + "</p></article></body></html>")
    read_article(small)  # loads trafilatura
    began = time.perf_counter()
    read_article(page)
    return {"dates_s": dates_s, "read_s": time.perf_counter() - began, "words": words}


def _in_process(
    db_path: Path, n: int, work: Path, with_reference: bool, full_pdf: bool
) -> dict[str, Any]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from briefing_app.bench.paint import VIEWS, ReferenceScene, measure_frames, measure_wheel
    from briefing_app.bench.synthetic_db import COMMON_WORD, PHRASE, RARE_WORD
    from briefing_app.domain.filters import EventFilter
    from briefing_app.domain.model import Lane
    from briefing_app.export.options import ExportOptions
    from briefing_app.export.pdf_document import write_pdf
    from briefing_app.export.selection import select_for_export
    from briefing_app.storage.database import Database
    from briefing_app.storage.search import search
    from briefing_app.ui.app import make_application
    from briefing_app.ui.main_window import MainWindow

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work))
    app = make_application()
    db = Database.open(db_path)
    window = MainWindow(db)
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    timeline = window.timeline
    timeline.setFocus()
    out: dict[str, Any] = {"timeline_px": [timeline.width(), timeline.height()], "paint": {}}
    for name, (t0, t1) in VIEWS.items():
        out["paint"][name] = vars(measure_frames(timeline.set_visible_range, timeline, t0, t1))
    out["wheel"] = vars(measure_wheel(timeline, timeline.set_visible_range, *VIEWS["1 year"]))
    out["search_ms"] = {
        "common word": _median_ms(lambda: search(db, COMMON_WORD)),
        "rare word": _median_ms(lambda: search(db, RARE_WORD)),
        "phrase": _median_ms(lambda: search(db, PHRASE)),
    }
    box = window.filter_bar.lane_boxes[Lane.EU]
    timeline.set_visible_range(*VIEWS["full"])

    def toggle() -> None:
        box.click()
        timeline.grab()

    out["filter_ms"] = _median_ms(toggle, repeats=6)
    if box.isChecked() is False:
        box.click()
    one_year = ExportOptions(EventFilter(first_day=date(2022, 1, 1), last_day=date(2022, 12, 31)))
    began = time.perf_counter()
    pages = write_pdf(select_for_export(db, one_year), work / "year.pdf")
    out["pdf_year"] = {"seconds": time.perf_counter() - began, "pages": pages}
    if full_pdf:
        began = time.perf_counter()
        pages = write_pdf(select_for_export(db, ExportOptions()), work / "all.pdf")
        out["pdf_all"] = {"seconds": time.perf_counter() - began, "pages": pages}
    if with_reference:
        ref = ReferenceScene(window.events, timeline.width(), timeline.height())
        out["reference"] = {
            name: vars(measure_frames(ref.set_range, ref.view, t0, t1))
            for name, (t0, t1) in VIEWS.items()
        }
        ref.scene.clear()
    window.close()
    db.close()
    QApplication.processEvents()
    out["events"] = n
    return out


def run_bench(
    sizes: Sequence[int] = DEFAULT_SIZES,
    *,
    cold_runs: int = 3,
    with_reference: bool = True,
    shipped: bool = True,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Measure every size; returns the figures (``print_report`` prints them)."""
    from briefing_app.bench.synthetic_db import build_synthetic
    from briefing_app.services.library import open_library
    from briefing_app.storage.database import Database
    from briefing_app.ui.app import make_application

    make_application()  # PDF export and painting need the GUI application
    say = progress or (lambda _msg: None)
    results: dict[str, Any] = {"sizes": [], "machine": {"cpus": os.cpu_count()}}
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        work = Path(tmp)
        if shipped:
            say("shipped chronology…")
            path = work / "shipped.sqlite"
            open_library(path).close()
            cold, rss = cold_start(path, cold_runs, work)
            from briefing_app.export.options import ExportOptions
            from briefing_app.export.pdf_document import write_pdf
            from briefing_app.export.selection import select_for_export

            db = Database.open(path)
            began = time.perf_counter()
            pages = write_pdf(select_for_export(db, ExportOptions()), work / "shipped.pdf")
            pdf_s = time.perf_counter() - began
            db.close()
            results["shipped"] = {
                "cold_start_s": cold,
                "rss_mb": rss,
                "pdf_s": pdf_s,
                "pdf_pages": pages,
            }
            say("import of a long article…")
            results["ingest"] = ingest_figures(work)
        for n in sizes:
            say(f"{n:,} events: building…")
            path = work / f"bench-{n}.sqlite"
            db = Database.open(path)
            build = build_synthetic(db, n)
            db.close()
            say(f"{n:,} events: cold start…")
            cold, rss = cold_start(path, cold_runs, work)
            say(f"{n:,} events: painting, search, filters, PDF…")
            figures = _in_process(path, n, work, with_reference, full_pdf=n <= PDF_FULL_MAX)
            figures.update(
                build_rows_per_s=build.rows_per_second,
                build_s=build.seconds,
                rows=build.rows,
                cold_start_s=cold,
                rss_mb=rss,
            )
            results["sizes"].append(figures)
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
    return results


def _ratio(ours: float, ref: float | None) -> str:
    return f"{ours / ref:.2f}×" if ref else "—"


def print_report(results: dict[str, Any], out: Any = sys.stdout) -> None:
    def line(what: str, figure: str, target: str = "", extra: str = "") -> None:
        print(f"  {what:<38} {figure:>16}  {target:<12} {extra}", file=out)

    print(f"Benchmark on {results['machine']['cpus']} cores", file=out)
    if "shipped" in results:
        s = results["shipped"]
        print("\nShipped chronology", file=out)
        line("cold start to painted timeline", f"{s['cold_start_s']:.2f} s", "≤ 0.8 s")
        line("peak memory (RSS)", f"{s['rss_mb']:.0f} MB", "≤ 400 MB")
        line(
            "PDF export, whole chronology",
            f"{s['pdf_s']:.2f} s",
            "≤ 2 s",
            f"{s['pdf_pages']} pages",
        )
    if "ingest" in results:
        g = results["ingest"]
        print(f"\nImport, {g['words']:,} words", file=out)
        line("dates found in the text", f"{g['dates_s']:.2f} s")
        line("saved web page read (main text)", f"{g['read_s']:.2f} s")
    for r in results["sizes"]:
        n = r["events"]
        print(f"\n{n:,} events (timeline {r['timeline_px'][0]}×{r['timeline_px'][1]} px)", file=out)
        line(
            "database build",
            f"{r['build_rows_per_s']:,.0f} rows/s",
            "",
            f"{r['rows']:,} rows in {r['build_s']:.1f} s",
        )
        line("cold start to painted timeline", f"{r['cold_start_s']:.2f} s", "≤ 1.5 s")
        line("peak memory (RSS), app process", f"{r['rss_mb']:.0f} MB", "≤ 400 MB")
        ref = r.get("reference", {})
        for view, stats in r["paint"].items():
            ref_stats = ref.get(view)
            extra = (
                f"bare scene {ref_stats['median_ms']:.1f}/{ref_stats['p95_ms']:.1f} ms, "
                f"ratio {_ratio(stats['p95_ms'], ref_stats['p95_ms'])}"
                if ref_stats
                else ""
            )
            line(
                f"paint, {view} (median/p95)",
                f"{stats['median_ms']:.1f}/{stats['p95_ms']:.1f} ms",
                "p95 ≤ 16 ms",
                extra,
            )
        w = r["wheel"]
        line(
            "wheel step to painted frame (med/p95)",
            f"{w['median_ms']:.1f}/{w['p95_ms']:.1f} ms",
            "≤ 30 ms",
        )
        for kind, ms in r["search_ms"].items():
            line(f"search, {kind}", f"{ms:.1f} ms", "≤ 30 ms")
        line("filter change (hide a lane) to repaint", f"{r['filter_ms']:.1f} ms", "≤ 50 ms")
        line(
            "PDF export, one year",
            f"{r['pdf_year']['seconds']:.2f} s",
            "",
            f"{r['pdf_year']['pages']} pages",
        )
        if "pdf_all" in r:
            target = "≤ 60 s" if n >= 10_000 else ""
            line(
                "PDF export, whole chronology",
                f"{r['pdf_all']['seconds']:.2f} s",
                target,
                f"{r['pdf_all']['pages']} pages",
            )
        else:
            line("PDF export, whole chronology", "not run", "", f"above {PDF_FULL_MAX:,} events")
