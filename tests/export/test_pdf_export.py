"""The PDF, exported from the command line and read back with pypdf."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing_app.domain.filters import EventFilter
from briefing_app.export.options import ExportOptions
from briefing_app.export.selection import select_for_export
from briefing_app.storage.database import Database
from briefing_app.storage.repository import list_events
from tests.export.conftest import NOTES, body_text, normalised, run_export


def _outline_titles(reader: PdfReader) -> list[str]:
    titles: list[str] = []

    def walk(items: list) -> None:  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles


@pytest.fixture(scope="module")
def period_pdf(annotated_db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "2014-2019.pdf"
    result = run_export(
        annotated_db_path, "--format", "pdf", "-o", str(out), "--from", "2014", "--to", "2019-06"
    )
    assert result.returncode == 0, result.stderr
    return out


def test_every_event_of_the_period_and_none_outside(
    period_pdf: Path, annotated_db: Database
) -> None:
    text = body_text(period_pdf)
    inside = outside = 0
    for ev in list_events(annotated_db):
        shown = ev.when.last_day >= date(2014, 1, 1) and ev.when.first_day <= date(2019, 6, 30)
        if shown:
            inside += 1
            assert normalised(ev.title) in text, ev.id
            assert ev.when.label() in text, ev.id
        else:
            outside += 1
            assert normalised(ev.title) not in text, ev.id
    assert inside >= 8 and outside >= 20


def test_excerpts_and_annotations_are_there_as_text(
    period_pdf: Path, annotated_db: Database
) -> None:
    text = body_text(period_pdf)
    sel = select_for_export(
        annotated_db,
        ExportOptions(EventFilter(first_day=date(2014, 1, 1), last_day=date(2019, 6, 30))),
    )
    quotes = [x.quote for ev in sel.events for x in ev.excerpts]
    assert len(quotes) >= 8
    for quote in quotes:
        assert normalised(quote) in text
    for body, _tags in NOTES.values():
        assert normalised(body) in text  # the markup is shown as typed, not interpreted
    reader = PdfReader(period_pdf)
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        assert not any(xobjects[k].get("/Subtype") == "/Image" for k in xobjects)


def test_outline_sections_years_and_page_numbers(period_pdf: Path) -> None:
    reader = PdfReader(period_pdf)
    titles = _outline_titles(reader)
    for section in ("Title page", "Timeline", "Chronology", "Sources"):
        assert section in titles
    assert {"2014", "2016", "2017", "2018"} <= set(titles)
    for number, page in enumerate(reader.pages, 1):
        assert normalised(page.extract_text()).startswith(str(number)) or (
            f" {number}" in normalised(page.extract_text())
        )


def test_links_lead_inside_the_document(period_pdf: Path) -> None:
    reader = PdfReader(period_pdf)
    links = [a.get_object() for page in reader.pages for a in page.get("/Annots") or []]
    internal = [a for a in links if a.get("/Subtype") == "/Link" and "/Dest" in a]
    assert len(internal) >= 20  # timeline marks <-> entries, quotes -> sources


def test_fonts_are_embedded(period_pdf: Path) -> None:
    reader = PdfReader(period_pdf)
    fonts = reader.pages[-1]["/Resources"]["/Font"]
    for ref in fonts.values():
        font = ref.get_object()
        descendants = font.get("/DescendantFonts")
        described = descendants[0].get_object() if descendants else font
        descriptor = described["/FontDescriptor"].get_object()
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_page_count_grows_with_the_period(
    annotated_db_path: Path, tmp_path: Path, period_pdf: Path
) -> None:
    short = tmp_path / "short.pdf"
    long = tmp_path / "long.pdf"
    assert (
        run_export(
            annotated_db_path,
            "--format",
            "pdf",
            "-o",
            str(short),
            "--from",
            "2024-01",
            "--to",
            "2024-12",
        ).returncode
        == 0
    )
    assert run_export(annotated_db_path, "--format", "pdf", "-o", str(long)).returncode == 0
    pages = [len(PdfReader(p).pages) for p in (short, period_pdf, long)]
    assert pages[0] < pages[1] < pages[2]


def test_filters_apply_to_every_section(
    annotated_db_path: Path, tmp_path: Path, annotated_db: Database
) -> None:
    out = tmp_path / "nato.pdf"
    result = run_export(
        annotated_db_path,
        "--format",
        "pdf",
        "-o",
        str(out),
        "--category",
        "nato",
        "--no-excerpts",
        "--no-annotations",
        "--page-size",
        "Letter",
    )
    assert result.returncode == 0, result.stderr
    text = body_text(out)
    for ev in list_events(annotated_db, with_excerpts=True):
        assert (normalised(ev.title) in text) == (ev.lane.value == "NATO"), ev.id
        if ev.lane.value == "NATO":
            assert all(normalised(x.quote) not in text for x in ev.excerpts)
    assert "Your note" not in text
    assert "Watch the 2% line" not in text
    assert "No source is quoted" in text
    first = PdfReader(out).pages[0].mediabox
    assert (round(float(first.width)), round(float(first.height))) == (612, 792)


def test_tag_filter_keeps_tagged_events(annotated_db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "tagged.pdf"
    assert (
        run_export(
            annotated_db_path, "--format", "pdf", "-o", str(out), "--tag", "RENEWAL"
        ).returncode
        == 0
    )
    text = body_text(out)
    assert "EU imposes sectoral economic sanctions on Russia" in text
    assert "NATO Wales summit" not in text
    assert re.search(r"(?<!\d)1 events?\b", text)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "2021-13"), "not a calendar date"),
        (("--from", "spring"), "YYYY, YYYY-MM or YYYY-MM-DD"),
        (("--category", "Mars"), "unknown lane 'Mars'"),
        (("--from", "2022", "--to", "2021"), "before it starts"),
        (("--page-size", "A3"), "use A4 or Letter"),
        (("--briefing", "Monday"), "no briefing named 'Monday'"),
    ],
)
def test_bad_options_fail_clearly(
    annotated_db_path: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    out = tmp_path / "bad.pdf"
    result = run_export(annotated_db_path, "--format", "pdf", "-o", str(out), *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert not out.exists()


def test_unwritable_output_fails(annotated_db_path: Path, tmp_path: Path) -> None:
    result = run_export(
        annotated_db_path, "--format", "pdf", "-o", str(tmp_path / "missing" / "out.pdf")
    )
    assert result.returncode == 1
    assert "was not written: the folder does not exist" in result.stderr
