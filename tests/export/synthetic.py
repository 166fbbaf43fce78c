"""A made-up chronology of any size, with summaries, quotations and notes, for load tests."""

from __future__ import annotations

import random
from dataclasses import replace

from briefing_app.domain.dates import PartialDate
from briefing_app.domain.model import Event, Excerpt, Source
from briefing_app.export.options import ExportOptions
from briefing_app.export.selection import ExportSelection
from briefing_app.geometry.bench import FIRST, LAST, synthetic_events
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
    """``n`` events over 1999–2025, a quarter quoted, one in twenty annotated.

    Dates, lanes and titles come from the benchmark's ``synthetic_events``;
    summaries, actors, quotations and notes are added for the exports.
    """
    rng = random.Random(seed)

    def words(k: int) -> str:
        return " ".join(rng.choice(_WORDS) for _ in range(k))

    events: list[Event] = []
    notes: dict[str, list[AnnotationView]] = {}
    for i, base in enumerate(synthetic_events(n, seed)):
        excerpts: tuple[Excerpt, ...] = ()
        if rng.random() < 0.25:
            quote = words(rng.randrange(8, 30))
            excerpts = (Excerpt(SOURCE.file, 0, len(quote), quote),)
        events.append(
            replace(
                base,
                summary=words(rng.randrange(20, 70)).capitalize() + ".",
                actors=("Council", "NATO")[: rng.randrange(0, 3)],
                excerpts=excerpts,
            )
        )
        if rng.random() < 0.05:
            notes[base.id] = [
                AnnotationView(
                    f"n{i}",
                    base.id,
                    None,
                    words(25),
                    ("load",),
                    False,
                    "2025-01-01T00:00:00",
                    "2025-01-01T00:00:00",
                )
            ]
    events.sort(key=lambda e: (e.when.sort_key(), e.id))
    return ExportSelection(ExportOptions(), events, notes, {SOURCE.file: SOURCE}, FIRST, LAST)
