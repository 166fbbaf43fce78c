"""Every quotation a PDF or Word note hands on is checked again against the stored article.

The tests change the database behind the application's back, as a faulty
tool or a damaged file would: a passage that no longer matches must be
printed flagged, with the reason, and never in quotation marks.
"""

from __future__ import annotations

import hashlib
import io
from datetime import date
from pathlib import Path

import docx
import pytest
from sqlalchemy import select, text

from briefing_app.domain.dates import PartialDate
from briefing_app.domain.quote_check import QuoteFault
from briefing_app.export.document_formats import document_bytes
from briefing_app.export.options import ExportOptions
from briefing_app.export.pdf_document import write_pdf
from briefing_app.export.selection import select_for_export
from briefing_app.services import briefings
from briefing_app.storage.database import Database
from briefing_app.storage.models import SourceRow
from tests.export.conftest import body_text, normalised

TODAY = PartialDate(date.today()).label()


def _excerpt_count(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(
            conn.execute(
                text(
                    "SELECT count(*) FROM excerpts x JOIN events e ON e.pk = x.event_pk "
                    "WHERE x.retired = 0 AND e.hidden = 0 AND e.retired = 0"
                )
            ).scalar_one()
        )


def _tamper_quote(db: Database) -> tuple[str, str]:
    """Change one excerpt's quote so it no longer is the article's text; returns (uid, quote)."""
    with db.engine.begin() as conn:
        pk, uid, quote = conn.execute(
            text("SELECT pk, uid, quote FROM excerpts WHERE retired = 0 ORDER BY pk LIMIT 1")
        ).one()
        changed = quote.replace(" ", "  ", 1) + " (paraphrased)"
        conn.execute(text("UPDATE excerpts SET quote = :q WHERE pk = :p"), {"q": changed, "p": pk})
    return str(uid), changed


def test_every_stored_text_has_its_sha256(library: Database) -> None:
    with library.session() as s:
        rows = s.execute(select(SourceRow.text, SourceRow.text_sha256)).all()
    assert rows
    for body, digest in rows:
        assert digest == hashlib.sha256(body.encode("utf-8")).hexdigest()


def test_an_intact_library_passes_and_the_pdf_says_how_many_were_checked(
    qapp: object, library: Database, tmp_path: Path
) -> None:
    sel = select_for_export(library, ExportOptions())
    assert sel.quotes is not None
    assert sel.quotes.faults == {}
    count = _excerpt_count(library)
    assert sel.quotes.checked == count > 20
    out = tmp_path / "c.pdf"
    write_pdf(sel, out)
    body = normalised(body_text(out))
    assert f"{count} quotations checked against the stored articles on {TODAY}" in body
    assert "did not match" not in body
    assert "[Flagged passage]" not in body


def test_a_quote_no_longer_at_its_place_is_printed_flagged_never_quoted(
    qapp: object, library: Database, tmp_path: Path
) -> None:
    uid, changed = _tamper_quote(library)
    sel = select_for_export(library, ExportOptions())
    assert sel.quotes is not None
    assert sel.quotes.faults == {uid: QuoteFault.QUOTE_MOVED}
    out = tmp_path / "c.pdf"
    write_pdf(sel, out)
    body = normalised(body_text(out))
    shown = normalised(changed)
    assert (
        f"checked against the stored articles on {TODAY} 1 did not match and are printed flagged"
        in body
    )
    assert f"[Flagged passage] {shown}" in body
    assert f"\u201c{shown}\u201d" not in body
    assert normalised(QuoteFault.QUOTE_MOVED.value) in body


def test_an_article_changed_behind_the_apps_back_flags_all_its_passages(
    library: Database,
) -> None:
    with library.engine.begin() as conn:
        pk = conn.execute(
            text(
                "SELECT source_pk FROM excerpts WHERE retired = 0 GROUP BY source_pk "
                "ORDER BY count(*) DESC LIMIT 1"
            )
        ).scalar_one()
        # Appended text leaves every offset and quote in place: only the fingerprint tells.
        conn.execute(text("UPDATE sources SET text = text || ' ' WHERE pk = :p"), {"p": pk})
        uids = set(
            conn.execute(
                text("SELECT uid FROM excerpts WHERE source_pk = :p AND retired = 0"), {"p": pk}
            ).scalars()
        )
    sel = select_for_export(library, ExportOptions())
    assert sel.quotes is not None
    shown = {x.uid for e in sel.events for x in e.excerpts}
    assert set(sel.quotes.faults) == uids & shown
    assert set(sel.quotes.faults.values()) == {QuoteFault.TEXT_CHANGED}
    flagged = [x for e in sel.events for x in e.excerpts if x.uid in uids]
    assert flagged and all(x.needs_check and "SHA-256" in x.flag_text() for x in flagged)


def test_a_text_stored_through_the_app_is_fingerprinted_again(library: Database) -> None:
    with library.session() as s:
        row = s.scalars(select(SourceRow).limit(1)).one()
        row.text = row.text + "\nA corrected line."
        s.commit()
    sel = select_for_export(library, ExportOptions())
    assert sel.quotes is not None
    assert sel.quotes.faults == {}


def test_the_word_note_flags_a_cited_passage_that_no_longer_matches(
    qapp: object, library: Database
) -> None:
    uid, changed = _tamper_quote(library)
    with library.engine.connect() as conn:
        event_id = conn.execute(
            text("SELECT e.id FROM events e JOIN excerpts x ON x.event_pk = e.pk WHERE x.uid = :u"),
            {"u": uid},
        ).scalar_one()
    made = briefings.create_briefing(library, "Checked")
    briefings.add_point(library, made.uid, "A point on that passage.", [(None, uid)])
    briefings.add_point(library, made.uid, "A point on its event.", [(event_id, None)])
    snapshot = briefings.get_briefing(library, made.uid)
    assert snapshot is not None
    sel = select_for_export(library, ExportOptions())
    doc = docx.Document(io.BytesIO(document_bytes("docx", sel, snapshot)))
    paragraphs = [p.text for p in doc.paragraphs]
    summary = next(p for p in paragraphs if "checked against the stored articles" in p)
    assert f"on {TODAY}; 1 did not match and are printed flagged." in summary
    quotes = [p.text for p in doc.paragraphs if p.style.name == "Quote"]
    assert f"[Flagged passage] {changed}" in quotes
    part = next(p for p in doc.part.package.parts if p.partname == "/word/footnotes.xml")
    notes = part.blob.decode("utf-8")
    assert "[Flagged passage] " in notes
    assert f"\u201c{changed}\u201d" not in notes


@pytest.mark.parametrize("chronology", [True, False])
def test_the_word_note_counts_the_passages_it_prints(
    qapp: object, library: Database, chronology: bool
) -> None:
    events = {e.id: e for e in select_for_export(library, ExportOptions()).events}
    quote = events["rearm-europe-plan"].excerpts[0]
    made = briefings.create_briefing(library, "Counted")
    briefings.add_point(library, made.uid, "ReArm Europe.", [(None, quote.uid)])
    snapshot = briefings.get_briefing(library, made.uid)
    assert snapshot is not None
    sel = select_for_export(library, ExportOptions())
    data = document_bytes("docx", sel, snapshot, chronology=chronology)
    doc = docx.Document(io.BytesIO(data))
    quotes = [p for p in doc.paragraphs if p.style.name == "Quote"]
    summary = next(p.text for p in doc.paragraphs if "checked against" in p.text)
    # The cited passage is also one of the chronology's: each passage is counted once.
    assert any(p.text == quote.quote for p in quotes) is chronology
    expected = len(quotes) if chronology else 1
    noun = "quotation" if expected == 1 else "quotations"
    assert summary == f"{expected} {noun} checked against the stored articles on {TODAY}."
