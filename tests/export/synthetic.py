"""A made-up chronology of any size, with summaries, quotations and notes, for load tests."""

from __future__ import annotations

import random
from datetime import date, timedelta

from briefing_app.domain.dates import DateSpan, PartialDate
from briefing_app.domain.model import LANES, Event, Excerpt, Source
from briefing_app.export.options import ExportOptions
from briefing_app.services.export_selection import ExportSelection
from briefing_app.storage.repository import AnnotationView

_TEXT = (
    "summit council defence fund strategic compass accession sanctions package exercise "
    "deployment brigade treaty review air policing mission procurement ammunition initiative "
    "pledge ministers agreed a plan for joint projects after talks in Brussels on the eastern "
    "flank"
)
_WORDS = tuple(_TEXT.split(" "))

SOURCE = Source(
    file="synthetic.txt",
    title="A made-up wire story",
    outlet="Test Wire",
    published=PartialDate.parse("2025-03-07"),
    language="en",
)


def synthetic_selection(n: int, seed: int = 11) -> ExportSelection:
    """``n`` events over 1999–2025, a quarter quoted, one in twenty annotated."""
    rng = random.Random(seed)
    first, last = date(1999, 1, 1), date(2025, 12, 31)
    days = (last - first).days

    def words(k: int) -> str:
        return " ".join(rng.choice(_WORDS) for _ in range(k))

    events: list[Event] = []
    notes: dict[str, list[AnnotationView]] = {}
    for i in range(n):
        day = first + timedelta(days=rng.randrange(days))
        roll = rng.random()
        if roll < 0.8:
            when = DateSpan(PartialDate(day))
        elif roll < 0.9:
            when = DateSpan(PartialDate.month(day.year, day.month))
        elif roll < 0.93:
            when = DateSpan(PartialDate.year(day.year))
        else:
            end = min(day + timedelta(days=rng.randrange(2, 300)), last)
            when = DateSpan(PartialDate(day), PartialDate(end))
        excerpts = ()
        if rng.random() < 0.25:
            quote = words(rng.randrange(8, 30))
            excerpts = (Excerpt(SOURCE.file, 0, len(quote), quote),)
        event_id = f"ev{i:06d}"
        events.append(
            Event(
                id=event_id,
                title=words(rng.randrange(3, 10)).capitalize(),
                when=when,
                lane=rng.choice(LANES),
                summary=words(rng.randrange(20, 70)).capitalize() + ".",
                actors=("Council", "NATO")[: rng.randrange(0, 3)],
                excerpts=excerpts,
            )
        )
        if rng.random() < 0.05:
            notes[event_id] = [
                AnnotationView(
                    f"n{i}",
                    event_id,
                    None,
                    words(25),
                    ("load",),
                    False,
                    "2025-01-01T00:00:00",
                    "2025-01-01T00:00:00",
                )
            ]
    events.sort(key=lambda e: (e.when.sort_key(), e.id))
    return ExportSelection(ExportOptions(), events, notes, {SOURCE.file: SOURCE}, first, last)
