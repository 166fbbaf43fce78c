"""The importer service: one source per file, nothing half-imported, accepted events land."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from briefing_app.domain.dates import PartialDate
from briefing_app.domain.model import Origin
from briefing_app.ingest.metadata import ArticleMetadata
from briefing_app.ingest.problems import ImportCancelled, ImportProblem
from briefing_app.ingest.review import ReviewState
from briefing_app.services import importer
from briefing_app.services.importer import AlreadyImported
from briefing_app.storage.database import Database
from briefing_app.storage.repository import (
    excerpts_of_source,
    get_event,
    get_source_text,
    list_events,
)
from tests.helpers.articles import (
    database_state,
    file_hash,
    markdown_article,
    pdf_article,
    saved_page,
    text_article,
    write,
)

LIBRARY_BACKENDS = ("sqlite", "postgresql")


def test_a_saved_page_becomes_a_source_with_its_furniture(
    library: Database, tmp_path: Path
) -> None:
    saved = importer.import_file(library, write(tmp_path / "nato.html", saved_page()))
    stored = get_source_text(library, saved.file)
    assert stored is not None
    assert stored.source.title == "NATO invites Finland"
    assert stored.source.outlet == "Example News"
    assert stored.source.published == PartialDate.parse("2022-06-30")
    assert stored.text[stored.body_start :].startswith("NATO invites Finland")
    assert {kind for _a, _b, kind in stored.furniture} >= {"navigation", "sidebar", "footer"}
    assert "trafilatura" in (stored.source.notes or "")
    assert saved.dates_found >= 5
    assert saved.proposals


def test_the_same_file_twice_makes_one_source(library: Database, tmp_path: Path) -> None:
    first = importer.import_file(library, write(tmp_path / "a.md", markdown_article()))
    before = database_state(library)
    copy = write(tmp_path / "renamed-copy.md", markdown_article())
    with pytest.raises(AlreadyImported) as info:
        importer.import_file(library, copy)
    assert first.file in str(info.value)
    assert "already imported as “EU leaders agree on a defence fund”" in str(info.value)
    assert database_state(library) == before


def test_overrides_win_over_what_the_file_says(library: Database, tmp_path: Path) -> None:
    overrides = ArticleMetadata(
        title="My title", outlet="My outlet", published=PartialDate.parse("2024-03"), language=""
    )
    saved = importer.import_file(
        library, write(tmp_path / "t.txt", text_article()), overrides=overrides
    )
    source = get_source_text(library, saved.file)
    assert source is not None
    assert (source.source.title, source.source.outlet) == ("My title", "My outlet")
    assert source.source.published == PartialDate.parse("2024-03")


def _bad_files(tmp_path: Path) -> list[Path]:
    rng = random.Random(11)
    page = saved_page().encode()
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    return [
        write(tmp_path / "empty.txt", b""),
        write(tmp_path / "binary.txt", bytes(rng.randrange(256) for _ in range(4096))),
        write(tmp_path / "cut.txt", "Défense européenne — ".encode()[:-2]),
        write(tmp_path / "cut.html", page[: len(page) // 2]),
        huge,
        write(tmp_path / "ebcdic.txt", "The council met on Thursday in Brussels.".encode("cp500")),
        write(tmp_path / "junk.html", "<<<>>><<html<<body>>>></</</>>"),
        pdf_article(tmp_path / "scan.pdf", with_text=False),
        tmp_path / "does-not-exist.txt",
        tmp_path,
    ]


def test_every_bad_file_leaves_the_database_as_it_was(
    qapp: object, library: Database, tmp_path: Path
) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    paths = _bad_files(bad)
    before = database_state(library)
    for path in paths:
        with pytest.raises(ImportProblem) as info:
            importer.import_file(library, path)
        assert len(str(info.value)) > 30, path.name  # a sentence, not a code
        assert "Traceback" not in str(info.value)
    assert database_state(library) == before
    library.close()
    reopened = Database.open(library.location)  # type: ignore[arg-type]
    try:
        assert database_state(reopened) == before
    finally:
        reopened.close()


def test_a_cancelled_import_leaves_nothing(library: Database, tmp_path: Path) -> None:
    before = database_state(library)
    asked = []

    def cancel() -> bool:
        asked.append(True)
        return len(asked) > 1  # let the read start, then stop it

    with pytest.raises(ImportCancelled):
        importer.prepare(write(tmp_path / "a.html", saved_page()), cancelled=cancel)
    assert database_state(library) == before


def test_accepting_makes_user_events_with_anchored_excerpts(
    library: Database, tmp_path: Path
) -> None:
    path = write(tmp_path / "nato.html", saved_page())
    hash_before = file_hash(path)
    saved = importer.import_file(library, path)
    assert file_hash(path) == hash_before  # the file itself is never touched
    state = ReviewState.from_proposals([(saved.file, saved.title, saved.proposals)])
    first, second, third = state.items[:3]
    for item in (first, second, third):
        state.set_link(item.key, None)  # new events, not excerpts of the suggested one
    state.set_included(first.key, True)
    state.set_title(first.key, "NATO invites Finland and Sweden")
    merged = state.merge([second.key, third.key])
    report = importer.accept(library, state.included(), {saved.file: "https://x.example/a"})
    assert len(report.created) == 2
    event = get_event(library, report.created[0])
    assert event is not None
    assert event.origin is Origin.USER
    assert event.title == "NATO invites Finland and Sweden"
    assert event.references == ("https://x.example/a",)
    merged_event = get_event(library, report.created[1])
    assert merged_event is not None and len(merged_event.excerpts) == len(merged.spans)
    stored = get_source_text(library, saved.file)
    assert stored is not None
    for excerpt, _eid, _title in excerpts_of_source(library, saved.file):
        assert stored.text[excerpt.start : excerpt.end] == excerpt.quote
        assert excerpt.origin is Origin.USER
    assert {e.id for e in list_events(library)} >= set(report.created)


def test_linking_adds_the_excerpt_to_the_existing_event(library: Database, tmp_path: Path) -> None:
    path = write(
        tmp_path / "a06.txt",
        (
            Path(__file__).parents[1] / "data" / "dates" / "articles" / "a06_heldout_summit.txt"
        ).read_text(encoding="utf-8"),
    )
    overrides = ArticleMetadata(published=PartialDate.parse("2022-06-30"), language="")
    saved = importer.import_file(library, path, overrides=overrides)
    state = ReviewState.from_proposals([(saved.file, saved.title, saved.proposals)])
    item = next(i for i in state.items if any(s.event_id == "nato-madrid-summit" for s in i.links))
    state.set_link(item.key, "nato-madrid-summit")
    state.set_included(item.key, True)
    before = get_event(library, "nato-madrid-summit")
    assert before is not None
    report = importer.accept(library, state.included())
    assert report.created == [] and report.linked == ["nato-madrid-summit"]
    after = get_event(library, "nato-madrid-summit")
    assert after is not None and len(after.excerpts) == len(before.excerpts) + 1
    assert after.excerpts[-1].quote == item.spans[0].sentence


def test_a_failed_acceptance_adds_nothing(library: Database, tmp_path: Path) -> None:
    saved = importer.import_file(library, write(tmp_path / "t.txt", text_article()))
    state = ReviewState.from_proposals([(saved.file, saved.title, saved.proposals)])
    state.set_all_included(True)
    good = state.included()
    from dataclasses import replace

    from briefing_app.ingest.review import SourceSpan

    broken = replace(good[-1], spans=(SourceSpan("no-such-source.txt", 0, 5, "x"),))
    before = database_state(library)
    with pytest.raises(ImportProblem, match="nothing was added"):
        importer.accept(library, [*good[:-1], broken])
    assert database_state(library) == before


def test_relative_dates_are_placed_only_from_a_publication_day(tmp_path: Path) -> None:
    path = write(tmp_path / "t.txt", "Talks\n\nThe ministers met in Brussels on Thursday.\n")

    def found(published: str) -> list[str]:
        overrides = ArticleMetadata(published=PartialDate.parse(published), language="")
        prepared = importer.prepare(path, overrides=overrides)
        return [m.date.iso() for m in prepared.mentions]

    assert found("2025-03-08") == ["2025-03-06"]
    assert found("2025-03") == []
