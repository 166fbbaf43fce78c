"""Where a date came from: the reference of a curated event, the phrase of an article for
an event dated from one, and an honest "none" when no passage gives the date."""

from __future__ import annotations

from dataclasses import replace

from briefing_app.domain.dates import DateSpan, PartialDate
from briefing_app.domain.model import Lane, Source
from briefing_app.ingest.dates import extract_dates
from briefing_app.ingest.dates.model import DateMention
from briefing_app.services.date_evidence import date_evidence
from briefing_app.services.user_events import EventDraft, create_user_event, update_user_event
from briefing_app.storage.database import Database
from briefing_app.storage.repository import get_event, get_source_text, list_sources

CURATED = "helsinki-headline-goal"


def test_a_curated_date_rests_on_its_reference(library: Database) -> None:
    ev = get_event(library, CURATED)
    assert ev is not None
    found = date_evidence(library, ev)
    assert (found.kind, found.text) == ("reference", ev.references[0])


def test_an_event_dated_from_a_passage_points_at_the_phrase(library: Database) -> None:
    def day_mentions(src: Source) -> list[DateMention]:
        stored = get_source_text(library, src.file)
        assert stored is not None
        published = src.published
        base = published.value if published and published.precision.value == "day" else None
        found = extract_dates(stored.text, published=base, language=src.language)
        return [m for m in found if m.date.precision.value == "day"]

    src, mention = next((s, found[0]) for s in list_sources(library) if (found := day_mentions(s)))
    stored = get_source_text(library, src.file)
    assert stored is not None
    sentence_start = stored.text.rfind(". ", 0, mention.start) + 2
    span = (max(sentence_start, 0), mention.end + 1)
    draft = EventDraft("Dated from the article", DateSpan(mention.date), Lane.EU)
    made = create_user_event(library, draft, source_file=src.file, span=span)
    ev = get_event(library, made.id)
    assert ev is not None
    found = date_evidence(library, ev)
    assert found.kind == "article"
    assert found.text == mention.text == stored.text[found.start : found.end]
    assert found.source == src.file and found.excerpt_uid == ev.excerpts[0].uid
    # Dated by hand to another day: no passage gives it, and nothing is made up.
    other = replace(draft, when=DateSpan(PartialDate.year(mention.date.value.year - 3)))
    update_user_event(library, made.id, other)
    moved = get_event(library, made.id)
    assert moved is not None
    assert date_evidence(library, moved).kind == "none"
