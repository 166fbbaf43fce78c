"""Thousands of events export page by page, with memory that does not grow."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from briefing_app.export.pdf_document import PdfExport
from briefing_app.storage.files import partial_files
from tests.export.synthetic import synthetic_selection


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/statm")
def test_two_thousand_events_stream_with_flat_memory(tmp_path: Path, qapp: Any) -> None:
    selection = synthetic_selection(2000)
    out = tmp_path / "long.pdf"
    export = PdfExport(selection, out)
    samples: list[tuple[str, float]] = []
    for progress in export.steps():
        samples.append((progress.message, _rss_mb()))
    chronology = [rss for message, rss in samples if message.startswith("chronology")]
    assert len(chronology) >= 50
    # Warm-up (fonts, caches) happens on the first pages; after that, no growth per page.
    settled = chronology[len(chronology) // 10]
    assert max(chronology) - settled < 25.0, (settled, max(chronology))
    reader = PdfReader(out)
    assert len(reader.pages) == export.pages > 300
    assert len(reader.outline) >= 4


def test_cancelling_removes_the_partial_file(tmp_path: Path, qapp: Any) -> None:
    out = tmp_path / "cancelled.pdf"
    out.write_bytes(b"the briefing exported yesterday")
    steps = PdfExport(synthetic_selection(300), out).steps()
    for _, progress in zip(range(5), steps, strict=False):
        assert progress.done < progress.total
    assert out.read_bytes() == b"the briefing exported yesterday"  # never written in place
    assert [p.name for p in partial_files(out)], "the pages go to a hidden file beside it"
    steps.close()
    assert out.read_bytes() == b"the briefing exported yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cancelled.pdf"]
