"""Lanes of proposed events: who acts, on real sentences of the corpus's dev texts."""

from __future__ import annotations

from datetime import date

import pytest

from briefing_app.domain.model import Lane
from briefing_app.ingest.dates import extract_dates
from briefing_app.ingest.link_terms import LinkTerms
from briefing_app.ingest.proposals import propose_events


@pytest.mark.parametrize(
    ("sentence", "lane"),
    [
        (
            "After meeting via video conference on Monday 11 August 2025 to discuss the war in "
            "Ukraine, the European Union's foreign ministers have agreed to prepare a new package "
            "of sanctions against Russia, foreign policy chief Kaja Kallas announced.",
            Lane.EU,
        ),
        (
            "Les chefs de la diplomatie des 30 pays alliés doivent discuter mardi 4 avril 2023 "
            "du soutien à long terme à l’Ukraine ainsi que de la relation future entre l’Otan "
            "et Kiev.",
            Lane.NATO,
        ),
        (
            "La Nato si muove, e si muoverà nell’incontro che avremo a Washington a luglio 2024, "
            "portando dei progetti, dei piani, delle idee.",
            Lane.NATO,
        ),
        (
            "\"On this very day, in 1949, the Washington Treaty, NATO's founding treaty, was "
            'signed in Washington," said Secretary General Jens Stoltenberg.',
            Lane.NATO,
        ),
    ],
)
def test_a_country_or_city_after_a_preposition_of_place_is_not_who_acts(
    sentence: str, lane: Lane
) -> None:
    found = extract_dates(sentence, date(2023, 4, 4))
    [proposal] = propose_events(sentence, found, terms=LinkTerms(), published=date(2023, 4, 4))
    assert proposal.lane is lane


@pytest.mark.parametrize(
    ("sentence", "lane"),
    [
        (
            "Ein Regierungssprecher teilte am Sonntag, 17. Juni 2018, mit: „Es ist kein "
            "EU-Sondergipfel geplant.“",
            Lane.OTHER,
        ),
        (  # the sentence ends inside the quotation, as the text's own full stop cuts it
            "Ein Regierungssprecher teilte am Sonntag, 17. Juni 2018, mit: „Es ist kein "
            "EU-Sondergipfel geplant.",
            Lane.OTHER,
        ),
        (
            "So, we at the Atlantic Council gave you our highest honour, the Atlantic Council "
            "Distinguished Leadership Award in 2017.",
            Lane.OTHER,
        ),
        (
            "Sabéis que el 26 de junio de 2025 hemos celebrado el Consejo, que está sobre todo "
            "cargado de cuestiones internacionales.",
            Lane.EU,
        ),
        (
            "Il Ministro della Difesa, Lorenzo Guerini, ha partecipato il 21 marzo 2022 a "
            "Bruxelles al Consiglio Affari Esteri e Difesa dell’Unione Europea.",
            Lane.EU,
        ),
        (
            "La presidente del Consiglio Giorgia Meloni parla alla vigilia del Consiglio europeo "
            "che si terrà il 15 dicembre 2022.",
            Lane.EU,
        ),
        ("La presidente del Consiglio Giorgia Meloni ha parlato il 15 dicembre 2022.", Lane.OTHER),
    ],
)
def test_a_government_spokesman_or_a_think_tank_is_other_and_the_council_is_the_eu(
    sentence: str, lane: Lane
) -> None:
    [proposal] = propose_events(sentence, extract_dates(sentence, None), terms=LinkTerms())
    assert proposal.lane is lane


def test_a_state_that_is_the_subject_acts_for_itself_even_at_a_summit() -> None:
    sentence = (
        "La Cumbre de Madrid ha conseguido su primer gran éxito justamente un día antes de "
        "comenzar: Turquía anunció el 28 de junio de 2022 que había llegado a un acuerdo con "
        "Finlandia y Suecia para retirar su veto a la adhesión de estos dos países a la Alianza."
    )
    [proposal] = propose_events(sentence, extract_dates(sentence, None), terms=LinkTerms())
    assert proposal.lane is Lane.OTHER


@pytest.mark.parametrize(
    ("sentence", "lane"),
    [
        (  # a union asked ("ante", "a la UE"): the one who asks acts
            "Francia invocó el 17 de noviembre de 2015 ante la Unión Europea (UE) el artículo 42.7 "
            "de los tratados comunitarios.",
            Lane.OTHER,
        ),
        (
            "El presidente francés, François Hollande, instó el 16 de noviembre de 2015 a su "
            "ministro de Defensa a hacer esta petición a la UE.",
            Lane.OTHER,
        ),
        (  # a head of government at a NATO summit's press conference speaks for his own
            "El presidente del Gobierno en funciones, Pedro Sánchez, defendió el 4 de diciembre de "
            '2019 en una rueda de prensa con motivo de la cumbre de la OTAN "una defensa europea '
            'eficaz".',
            Lane.OTHER,
        ),
        (  # the United Nations' Security Council is no council of the EU
            "Et le 30 mai 2003, le Conseil de Sécurité adopta à l’unanimité la résolution 1484 "
            "autorisant le déploiement d’une force multinationale sous commandement de l’Union "
            "européenne.",
            Lane.OTHER,
        ),
    ],
)
def test_who_asks_a_union_and_who_heads_a_government_act_for_themselves(
    sentence: str, lane: Lane
) -> None:
    [proposal] = propose_events(sentence, extract_dates(sentence, None), terms=LinkTerms())
    assert proposal.lane is lane
