"""The PDF as a briefer reads it: talking points first, true headers, sources by name."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from briefing_app.domain.model import UNKNOWN_OUTLET, outlet_named
from briefing_app.export.pdf_text import running_head
from briefing_app.services.briefings import add_point, create_briefing
from briefing_app.services.library import open_library
from briefing_app.storage.repository import list_sources
from tests.export.conftest import run_export
from tests.test_cli import run_main

_HEAD = re.compile(r"European defence: a chronology\s+(Chronology(?: · (\d{4})(?:–(\d{4}))?)?)\s*$")
_ENTRY_YEAR = re.compile(r"^(?:[\d–]+ )?(?:[A-Z][a-z]{2} )?(\d{4})(?:\s*–[^·\n]*)?\s+·\s+\S+", re.M)
EVENTS = ("helsinki-headline-goal", "nato-wales-summit")

ARTICLE = """---
title: Council agrees the defence readiness plan
url: https://www.defence-desk.example.eu/2025/03/readiness
published: 2025-03-06
---

# Council agrees the defence readiness plan

BRUSSELS — On 6 March 2025 the European Council agreed the ReArm Europe plan, opening up to \
150 billion euros in loans for member states' defence spending.

Ministers said on 4 March 2025 that the plan would be examined at the summit.
"""


def _texts(pdf: Path) -> list[str]:
    return [p.extract_text().replace("\t", " ") for p in PdfReader(pdf).pages]


@pytest.fixture(scope="module")
def briefed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The shipped chronology with a two-point briefing, and its PDF."""
    folder = tmp_path_factory.mktemp("briefed")
    db_path = folder / "db.sqlite"
    db = open_library(db_path)
    try:
        brief = create_briefing(db, "Minister")
        add_point(db, brief.uid, "The Headline Goal came first", [(EVENTS[0], None)])
        add_point(db, brief.uid, "NATO answered Crimea at Wales", [(EVENTS[1], None)])
    finally:
        db.close()
    out = folder / "briefed.pdf"
    result = run_export(db_path, "--format", "pdf", "--briefing", "Minister", "-o", str(out))
    assert result.returncode == 0, result.stderr
    return db_path, out


def test_talking_points_follow_the_title_page(briefed: tuple[Path, Path]) -> None:
    _, pdf = briefed
    pages = _texts(pdf)
    assert "Briefing: Minister" in pages[1] and "1. The Headline Goal came first [1]" in pages[1]
    assert "Timeline" in pages[2] and not any("Briefing: Minister" in p for p in pages[3:])
    from tests.export.test_pdf_export import _outline_titles

    titles = _outline_titles(PdfReader(pdf))
    order = [t for t in titles if t in ("Title page", "Timeline", "Chronology", "Sources")]
    assert titles[1] == "Briefing: Minister"
    assert order == ["Title page", "Timeline", "Chronology", "Sources"]


def test_the_notes_give_the_page_each_event_is_on(briefed: tuple[Path, Path]) -> None:
    _, pdf = briefed
    pages = _texts(pdf)
    notes = " ".join(pages[1].split())
    cited = re.findall(
        r"\[\d\] ([^[]+?) \([^)]*\), chronology p\. (\d+)", notes.split(" Notes ")[1]
    )
    assert [title for title, _ in cited] == [
        "Helsinki European Council sets the Headline Goal",
        "NATO Wales summit adopts the Readiness Action Plan",
    ]
    for title, page in cited:
        on_page = " ".join(pages[int(page) - 1].split())
        assert title in on_page, (title, page)
        earlier = [" ".join(p.split()) for p in pages[2 : int(page) - 1]]
        assert not any(f"{title} Actors" in p for p in earlier)


def test_each_chronology_header_names_the_years_its_page_holds(
    briefed: tuple[Path, Path],
) -> None:
    _, pdf = briefed
    pages = _texts(pdf)
    checked = 0
    previous: int | None = None
    for text in pages:
        head = _HEAD.search(text)
        if head is None or head.group(2) is None:
            continue
        first = int(head.group(2))
        last = int(head.group(3) or first)
        years = [int(y) for y in _ENTRY_YEAR.findall(text)]
        opening = text.split("\n")[1]  # the line after the folio
        continues = not (opening in ("Chronology", str(first)) or _ENTRY_YEAR.match(opening + "\n"))
        held = sorted({*years, *([previous] if continues and previous else [])})
        assert held, text[:200]
        assert (first, last) == (held[0], held[-1]), (head.group(1), held)
        previous = held[-1]
        checked += 1
    assert checked >= 10


def test_running_head_names_a_range_of_years() -> None:
    assert running_head(["Chronology · 2017"], "Chronology") == "Chronology · 2017"
    assert running_head(["Chronology · 2017", "Chronology · 2018"], "x") == "Chronology · 2017–2018"
    assert running_head([], "Sources") == "Sources"


def test_sources_are_cited_by_name_never_by_stored_file(tmp_path: Path, qapp: Any) -> None:
    db_path = tmp_path / "db.sqlite"
    open_library(db_path).close()
    article = tmp_path / "readiness.md"
    article.write_text(ARTICLE, encoding="utf-8")
    done = run_main("--db", str(db_path), "import", str(article), "--accept-all")
    assert done.returncode == 0, done.stderr
    assert "defence-desk.example.eu" in done.stdout
    out = tmp_path / "2025.pdf"
    result = run_export(db_path, "--format", "pdf", "--from", "2025-03", "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = " ".join(" ".join(_texts(out)).split())
    db = open_library(db_path)
    try:
        files = [s.file for s in list_sources(db)]
    finally:
        db.close()
    assert files and not any(f in text for f in files)
    assert "stored as" not in text and UNKNOWN_OUTLET not in text
    assert (
        "defence-desk.example.eu, “Council agrees the defence readiness plan”, 6 Mar 2025" in text
    )


def test_an_outlet_is_named_from_what_is_known() -> None:
    assert outlet_named("AFP") == "AFP"
    assert outlet_named(UNKNOWN_OUTLET, "Allies meet | Reuters") == "Reuters"
    assert outlet_named("", "Allies meet", "https://www.politico.eu/article/x") == "politico.eu"
    assert outlet_named("", "Allies meet | Reuters", "https://reut.rs/x") == "reut.rs"
    assert outlet_named(UNKNOWN_OUTLET, "Russia | Ukraine: the talks in full, day by day") == ""
    assert outlet_named(UNKNOWN_OUTLET, "Allies meet", "not a url") == ""
    assert outlet_named("", "| Reuters") == ""
