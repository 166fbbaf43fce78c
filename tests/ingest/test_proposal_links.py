"""Links of proposed events to the chronology across languages, on real dev sentences."""

from __future__ import annotations

from datetime import date

from briefing_app.domain.dates import DateSpan
from briefing_app.domain.model import Event, Lane
from briefing_app.ingest.dates import extract_dates
from briefing_app.ingest.link_terms import LinkTerms
from briefing_app.ingest.proposals import Proposal, propose_events
from briefing_app.ingest.proposals.places import PlaceNames, load_place_names

WARSAW = Event(
    id="nato-warsaw-summit-efp",
    title="NATO Warsaw summit creates the Enhanced Forward Presence",
    when=DateSpan.parse("2016-07-08", "2016-07-09"),
    lane=Lane.NATO,
    actors=("NATO",),
)
TERMS = LinkTerms.from_data({}, {"NATO": {"fr": ["OTAN", "Otan"]}})
TEXT = (
    "A l'occasion du sommet de l'Otan à Varsovie ces 8 et 9 juillet, la France tentera de "
    "faire entendre ses positions.\n"
)


def _proposal(places: PlaceNames) -> Proposal:
    found = extract_dates(TEXT, date(2016, 7, 8), "fr")
    [proposal] = propose_events(
        TEXT, found, events=[WARSAW], terms=TERMS, published=date(2016, 7, 8), places=places
    )
    return proposal


def test_a_place_named_in_another_language_with_the_actor_is_the_same_event() -> None:
    proposal = _proposal(PlaceNames({"Warsaw": ["Varsovie", "Warschau"]}))
    assert proposal.same_as == "nato-warsaw-summit-efp"
    assert proposal.links[0].reason == "same period, names NATO (“Otan”) and Warsaw (“Varsovie”)"


def test_without_the_place_table_the_french_name_is_no_evidence() -> None:
    assert _proposal(PlaceNames()).same_as is None


def test_the_shipped_place_table_reads_and_names_the_places_of_the_titles() -> None:
    places = load_place_names()
    assert places.written("Warsaw", "Gipfel in Warschau") == "Warschau"
    assert places.written("London", "l’ultimo dei quali a Londra") == "Londra"
    assert places.written("Warsaw", "à Varsovie") == "Varsovie"
    assert places.written("Warsaw", "Vilnius") is None


PESCO = LinkTerms.from_data(
    {
        "pesco-notification": {"en": ["PESCO"]},
        "pesco-established": {"en": ["PESCO"]},
    },
    {},
)
NOTIFIED = Event(
    id="pesco-notification",
    title="Member states notify their intention to launch PESCO",
    when=DateSpan.parse("2017-11-13"),
    lane=Lane.EU,
)
LAUNCHED = Event(
    id="pesco-established",
    title="Council establishes Permanent Structured Cooperation (PESCO)",
    when=DateSpan.parse("2017-12-11"),
    lane=Lane.EU,
)
EFE = (
    "El Consejo de la Unión Europea aprobó este martes once nuevos proyectos bajo la llamada "
    "cooperación estructurada permanente (PESCO).\n"
    "Se trata de la sexta ronda de proyectos que sale adelante desde que se creó esta iniciativa "
    "en 2017, por la cual sus participantes quieren ir más lejos.\n"
)


def test_a_sentence_that_points_back_reads_the_one_before_across_a_line_break() -> None:
    found = [m for m in extract_dates(EFE, date(2025, 5, 27), "es") if m.text == "2017"]
    [proposal] = propose_events(
        EFE, found, events=[LAUNCHED], terms=PESCO, published=date(2025, 5, 27)
    )
    assert proposal.same_as == "pesco-established"


def test_a_year_that_holds_two_events_named_alike_is_neither() -> None:
    found = [m for m in extract_dates(EFE, date(2025, 5, 27), "es") if m.text == "2017"]
    [proposal] = propose_events(
        EFE, found, events=[NOTIFIED, LAUNCHED], terms=PESCO, published=date(2025, 5, 27)
    )
    assert proposal.same_as is None
    assert {s.event_id for s in proposal.links} == {"pesco-notification", "pesco-established"}


def test_a_german_name_of_several_words_takes_the_endings_of_its_case() -> None:
    terms = LinkTerms.from_data(
        {
            "rutte-nato-secretary-general": {
                "de": ["neuer Nato-Generalsekretär"],
                "en": ["Costa Rica"],
            }
        },
        {},
    )
    text = (
        "Bundespräsident Steinmeier hat am 4. November den neuen NATO-Generalsekretär, Mark "
        "Rutte, zum Gespräch getroffen."
    )
    found = terms.find_event_name("rutte-nato-secretary-general", text)
    assert found is not None and found.written == "neuen NATO-Generalsekretär"
    # only German names bend: an English or one-word name is matched as written
    assert (
        terms.find_event_name("rutte-nato-secretary-general", "costs rise in Costa Rican") is None
    )


def test_a_chancellor_who_receives_the_secretary_general_acts_for_his_state() -> None:
    sentence = (
        "Bundeskanzler Friedrich Merz (CDU) empfängt am 11. Dezember 2025 NATO-Generalsekretär "
        "Mark Rutte in Berlin."
    )
    [proposal] = propose_events(sentence, extract_dates(sentence, None, "de"), terms=LinkTerms())
    assert proposal.lane is Lane.OTHER
