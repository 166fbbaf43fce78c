"""Mentions of one happening are one proposal, on real passages of the corpus's dev texts."""

from __future__ import annotations

from datetime import date

from briefing_app.domain.model import Lane
from briefing_app.ingest.dates import extract_dates
from briefing_app.ingest.link_terms import LinkTerms
from briefing_app.ingest.proposals import propose_events

TEXT = (
    'Usa: "Dal 2026 dispiegate capacità lungo raggio in Germania"\n\n'
    "Gli Stati Uniti inizieranno il dispiegamento episodico di capacità di fuoco a lungo raggio "
    "nell'ambito della Multi-Domain Task Force in Germania dal 2026. Lo annuncia la Casa Bianca "
    "in una nota.\n"
)


def test_a_heading_and_its_report_with_many_words_in_common_are_one_proposal() -> None:
    published = date(2024, 7, 10)
    found = extract_dates(TEXT, published, "it")
    [proposal] = propose_events(TEXT, found, terms=LinkTerms(), published=published)
    assert len(proposal.passages) == 2
    assert proposal.title.startswith("Gli Stati Uniti inizieranno il dispiegamento")
    assert proposal.lane is Lane.US  # the lane of the title's subject, where the lanes differ


def test_two_things_of_one_year_with_few_words_in_common_stay_apart() -> None:
    text = (
        "Russia annexed Crimea in 2014.\n\n"
        "In 2014 the Alliance agreed the Readiness Action Plan at its summit in Wales.\n"
    )
    found = extract_dates(text, date(2015, 1, 1), "en")
    assert len(propose_events(text, found, terms=LinkTerms(), published=date(2015, 1, 1))) == 2
