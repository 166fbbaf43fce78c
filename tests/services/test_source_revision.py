"""A corrected source keeps its excerpts: re-anchored, or flagged, never silently moved."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from briefing_app.domain.model import UNVERIFIED_QUOTE
from briefing_app.services.checks import database_problems
from briefing_app.services.source_revision import revise_source
from briefing_app.storage.database import Database
from briefing_app.storage.models import EventRow, ExcerptRow, SourceRow

LIBRARY_BACKENDS = ("sqlite", "postgresql")

SEED = "002_e07262d9241f5558.txt"


def _excerpts(db: Database) -> dict[str, tuple[int, int, str, str]]:
    with db.session() as s:
        rows = s.execute(
            select(
                ExcerptRow.uid,
                ExcerptRow.start,
                ExcerptRow.end,
                ExcerptRow.quote,
                ExcerptRow.anchor_status,
            )
            .join(SourceRow, SourceRow.pk == ExcerptRow.source_pk)
            .where(SourceRow.file == SEED)
        ).all()
    return {uid: (a, b, q, st) for uid, a, b, q, st in rows}


def test_a_corrected_source_moves_every_excerpt_with_its_passage(library: Database) -> None:
    with library.session() as s:
        text = s.scalar(select(SourceRow.text).where(SourceRow.file == SEED))
    assert text is not None
    before = _excerpts(library)
    assert before
    # The corrected copy: a new opening line and a typo fixed in the middle.
    corrected = "Updated on 6 March 2025.\n" + text.replace("Zelenskiy", "Zelensky")
    report = revise_source(library, SEED, corrected)
    after = _excerpts(library)
    assert report.total == len(before)
    assert not report.flagged
    for uid, (_a, _b, quote, _st) in before.items():
        start, end, new_quote, status = after[uid]
        assert corrected[start:end] == new_quote
        assert new_quote == quote.replace("Zelenskiy", "Zelensky")
        assert status in {"exact", "fuzzy"}
    assert database_problems(library.location) == []  # type: ignore[arg-type]


def test_a_vanished_passage_is_flagged_and_kept(library: Database) -> None:
    with library.session() as s:
        text = s.scalar(select(SourceRow.text).where(SourceRow.file == SEED))
    assert text is not None
    before = _excerpts(library)
    victim_uid, (a, b, quote, _st) = next(iter(before.items()))
    cut = text[:a] + text[b:]
    report = revise_source(library, SEED, cut)
    assert any(q == quote for _eid, q, _why in report.flagged)
    assert _excerpts(library)[victim_uid][3] == "flagged"


def test_the_event_panel_warns_about_a_flagged_passage(qtbot: QtBot, library: Database) -> None:
    from briefing_app.storage.repository import get_event, list_sources
    from briefing_app.ui.panels.event_panel import EventPanel

    with library.session() as s:
        text = s.scalar(select(SourceRow.text).where(SourceRow.file == SEED))
        event_pk, a, b = s.execute(
            select(ExcerptRow.event_pk, ExcerptRow.start, ExcerptRow.end)
            .join(SourceRow, SourceRow.pk == ExcerptRow.source_pk)
            .where(SourceRow.file == SEED)
        ).first()
        event_id = s.scalar(select(EventRow.id).where(EventRow.pk == event_pk))
    assert text is not None and event_id is not None
    revise_source(library, SEED, text[:a] + text[b:])
    event = get_event(library, event_id)
    assert event is not None
    panel = EventPanel()
    qtbot.addWidget(panel)
    panel.show_event(event, {s.file: s for s in list_sources(library)})
    texts = [panel.excerpts.item(i).text() for i in range(panel.excerpts.count())]
    assert any(t.startswith(f"⚠ {UNVERIFIED_QUOTE}") for t in texts)
