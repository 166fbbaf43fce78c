"""Fixtures for the export tests: one shipped library per module, notes added by hand."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from briefing_app.paths import PROJECT_ROOT
from briefing_app.services.library import open_library
from briefing_app.storage.database import Database
from briefing_app.storage.models import AnnotationRow, EventRow, ExcerptRow

NOTES = {
    "eu-sectoral-sanctions-2014": ("Ask the desk whether renewal is due in July.", ["renewal"]),
    "nato-wales-summit": ('Watch the 2% line <img src="/etc/hostname"> & "quotes"', ["spend"]),
}
"""Notes the tests add: one with markup that must stay text."""


def add_note(
    db: Database, event_id: str, body: str, tags: list[str], *, on_excerpt: bool = False
) -> None:
    with db.session() as s:
        event_pk = s.scalar(select(EventRow.pk).where(EventRow.id == event_id))
        assert event_pk is not None, event_id
        excerpt_pk = None
        if on_excerpt:
            excerpt_pk = s.scalar(select(ExcerptRow.pk).where(ExcerptRow.event_pk == event_pk))
        now = datetime.now(UTC).replace(tzinfo=None)
        s.add(
            AnnotationRow(
                uid=f"note-{event_id}-{len(body)}",
                event_pk=None if on_excerpt else event_pk,
                excerpt_pk=excerpt_pk,
                body=body,
                tags=tags,
                talking_point=False,
                created_at=now,
                updated_at=now,
            )
        )
        s.commit()


@pytest.fixture(scope="module")
def annotated_db_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The shipped chronology with two notes, built once per module."""
    path = tmp_path_factory.mktemp("library") / "library.sqlite"
    db = open_library(path)
    for event_id, (body, tags) in NOTES.items():
        add_note(db, event_id, body, tags)
    db.close()
    yield path


@pytest.fixture
def annotated_db(annotated_db_path: Path) -> Iterator[Database]:
    db = Database.open(annotated_db_path)
    yield db
    db.close()


def run_export(db_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``main.py --db PATH export ARGS`` as a user runs it."""
    env = dict(os.environ, BRIEFING_NO_BOOTSTRAP="1", QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "--db", str(db_path), "export", *args],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        env=env,
        timeout=300,
        check=False,
    )


_FOLIO = re.compile(r"^\s*\d+\s+")
_RUNNING_HEAD = re.compile(
    r"\s*European defence: a chronology\s+"
    r"(Chronology(?: · \d{4}(?:–\d{4})?)?|Briefing|Sources)\s*$"
)
"""The header is drawn once its page is full (it names the years the page holds),
so it comes last in the page's text; the folio comes first."""


def body_text(pdf: Path) -> str:
    """The PDF's text with whitespace normalised and running heads and folios removed.

    Quotations split across two pages then read on as one string.
    """
    pages = []
    for page in PdfReader(pdf).pages:
        text = " ".join(page.extract_text().split())
        pages.append(_RUNNING_HEAD.sub("", _FOLIO.sub("", text, count=1), count=1))
    return " ".join(pages)


def normalised(text: str) -> str:
    return " ".join(text.split())
