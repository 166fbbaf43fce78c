"""Proposals an import made wait in the database until the user decides on each."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select, update

from briefing_app.ingest.problems import ImportProblem
from briefing_app.ingest.review import SourceSpan
from briefing_app.services import importer
from briefing_app.services.pending import keep_pending, load_pending, pending_counts
from briefing_app.storage.database import Database
from briefing_app.storage.models import PendingProposalRow, SourceRow
from briefing_app.storage.repository import counts, get_event
from tests.helpers.articles import saved_page, text_article, write

LIBRARY_BACKENDS = ("sqlite", "postgresql")


def test_an_import_keeps_every_proposal_pending(library: Database, tmp_path: Path) -> None:
    saved = importer.import_file(library, write(tmp_path / "nato.html", saved_page()))
    assert saved.proposals
    assert pending_counts(library) == {saved.file: len(saved.proposals)}
    review = load_pending(library, [saved.file])
    assert review.files == (saved.file,) and review.dropped == 0
    items = review.state.items
    assert [(i.title, i.when, i.lane) for i in items] == [
        (p.title, p.when, p.lane) for p in saved.proposals
    ]
    assert [[s.sentence for s in i.spans] for i in items] == [
        [x.text for x in p.passages] for p in saved.proposals
    ]
    assert [i.links for i in items] == [p.links for p in saved.proposals]
    assert all(i.source_title == saved.title for i in items)
    assert review.urls[saved.file] == "https://news.example.org/world/nato-invites"


def test_accepting_takes_the_proposals_off_the_list_in_the_same_transaction(
    library: Database, tmp_path: Path
) -> None:
    saved = importer.import_file(library, write(tmp_path / "t.txt", text_article()))
    review = load_pending(library, [saved.file])
    first, *rest = review.state.items
    report = importer.accept(
        library, [first], review.urls, pending_files=review.files, remaining=rest
    )
    assert len(report.created) == 1
    assert pending_counts(library) == {saved.file: len(rest)}
    left = load_pending(library, [saved.file]).state.items
    assert [i.title for i in left] == [i.title for i in rest]
    # A failed acceptance adds no event and keeps every proposal pending.
    broken = replace(left[0], spans=(SourceSpan("no-such-source.txt", 0, 5, "x"),))
    before = counts(library)
    with pytest.raises(ImportProblem):
        importer.accept(library, [broken], pending_files=review.files, remaining=[])
    assert counts(library) == before
    assert pending_counts(library) == {saved.file: len(rest)}


def test_what_the_review_left_undecided_is_kept_with_its_edits(
    library: Database, tmp_path: Path
) -> None:
    saved = importer.import_file(library, write(tmp_path / "nato.html", saved_page()))
    review = load_pending(library, [saved.file])
    state = review.state
    a, b, _, c = state.items[:4]  # b and c quote different sentences
    state.set_title(a.key, "NATO invites Finland and Sweden")
    state.set_lane(c.key, a.lane)
    linked = next(i for i in state.items if i.links)
    state.set_link(linked.key, linked.links[0].event_id)
    merged = state.merge([b.key, c.key])
    state.reject([state.items[-1].key])
    keep_pending(library, review.files, state.items)
    again = load_pending(library, [saved.file]).state.items
    assert len(again) == len(state)
    assert [(i.title, i.when, i.lane, i.link_to) for i in again] == [
        (i.title, i.when, i.lane, i.link_to) for i in state.items
    ]
    assert again[0].title == "NATO invites Finland and Sweden"
    restored = next(i for i in again if i.title == merged.title and len(i.spans) > 1)
    assert restored.spans == merged.spans
    # Rejecting them all leaves the source with none.
    keep_pending(library, review.files, [])
    assert pending_counts(library) == {}
    assert load_pending(library, [saved.file]).state.items == []


def test_a_passage_is_found_again_after_the_text_moved_and_dropped_when_gone(
    library: Database, tmp_path: Path
) -> None:
    saved = importer.import_file(library, write(tmp_path / "t.txt", text_article()))
    items = load_pending(library, [saved.file]).state.items
    with library.session() as s:
        row = s.scalar(select(SourceRow).where(SourceRow.file == saved.file))
        assert row is not None
        moved = "A new first line.\n" + row.text.replace(items[-1].spans[0].sentence, "")
        s.execute(update(SourceRow).where(SourceRow.pk == row.pk).values(text=moved))
    review = load_pending(library, [saved.file])
    assert review.dropped == 1
    shift = len("A new first line.\n")
    for old, new in zip(items, review.state.items, strict=False):
        assert new.spans[0].start == old.spans[0].start + shift
        assert moved[new.spans[0].start : new.spans[0].end] == old.spans[0].sentence


def test_accepted_proposals_become_events_once(library: Database, tmp_path: Path) -> None:
    path = write(tmp_path / "t.txt", text_article())
    prepared = importer.prepare(path)
    saved, report = importer.save_and_accept(library, prepared)
    assert len(report.created) == len(saved.proposals)
    assert pending_counts(library) == {}
    assert all(get_event(library, eid) is not None for eid in report.created)
    with library.session() as s:
        assert s.scalar(select(PendingProposalRow.pk)) is None
    with pytest.raises(importer.AlreadyImported):
        importer.save_and_accept(library, prepared)


def test_removing_a_source_removes_its_pending_proposals(library: Database, tmp_path: Path) -> None:
    saved = importer.import_file(library, write(tmp_path / "t.txt", text_article()))
    with library.session() as s:
        row = s.scalar(select(SourceRow).where(SourceRow.file == saved.file))
        s.delete(row)
    assert pending_counts(library) == {}
    with library.session() as s:
        assert s.scalar(select(PendingProposalRow.pk)) is None
