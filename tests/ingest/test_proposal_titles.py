"""Titles of proposed events name who acts first, on real sentences of the corpus's dev texts."""

from __future__ import annotations

from datetime import date

import pytest

from briefing_app.ingest.dates import extract_dates
from briefing_app.ingest.link_terms import LinkTerms
from briefing_app.ingest.proposals import headline_problems, propose_events
from briefing_app.ingest.proposals.subjects import opens_with_verb, subject_first


def _title(text: str, published: date, language: str | None = None) -> str:
    found = extract_dates(text, published, language)
    [proposal] = propose_events(text, found, terms=LinkTerms(), published=published)
    return proposal.title


@pytest.mark.parametrize(
    ("text", "published", "language", "title"),
    [
        (  # German: the date stood first, the verb second, then the subject
            "Am Mittwoch (25. Juni 2025) schloss die NATO einen historischen Gipfel in Den Haag "
            "ab.",
            date(2025, 6, 27),
            "de",
            "Die NATO schloss einen historischen Gipfel in Den Haag ab",
        ),
        (
            "Am 1. Juli 2020 übernimmt Deutschland den Vorsitz im Rat der Europäischen Union "
            "(EU-Ratspräsidentschaft) für ein halbes Jahr.",
            date(2020, 6, 30),
            "de",
            "Deutschland übernimmt den Vorsitz im Rat der Europäischen Union",
        ),
        (  # Italian: an attribution after a quotation, its object a clitic
            "Lo ha affermato oggi il segretario generale della Nato, Jens Stoltenberg, parlando "
            "a Bucarest in conferenza stampa.",
            date(2022, 11, 28),
            "it",
            "Il segretario generale della Nato ha affermato",
        ),
        (
            "“L’Italia continuerà a fare la sua parte”, si è così espresso il Ministro della "
            "Difesa Guido Crosetto durante la riunione dei Ministri della Difesa della NATO che "
            "si è svolta a Bruxelles il 18 ottobre.",
            date(2024, 10, 18),
            "it",
            "Il Ministro della Difesa Guido Crosetto si è così espresso",
        ),
        (  # Spanish: a reflexive passive, its subject after the verb
            "El próximo martes se firmará el primer paso de la nueva ampliación.",
            date(2022, 7, 1),
            "es",
            "El primer paso de la nueva ampliación se firmará",
        ),
        (  # French: the subject at the end, after a reflexive verb and its complements
            "Ce mardi s’ouvre pour trois jours à Washington le sommet de l’OTAN.",
            date(2024, 7, 9),
            "fr",
            "Le sommet de l’OTAN s’ouvre pour trois jours à Washington",
        ),
        (  # the date is the subject: it stays
            "Cette année aura aussi été marquée par les printemps arabes.",
            date(2011, 10, 7),
            "fr",
            "Cette année aura aussi été marquée par les printemps arabes",
        ),
        (  # a participle's clause of circumstance: the news is the main clause
            "Wrapping up the Summit in Vilnius on Wednesday (12 July 2023), Secretary General "
            "Jens Stoltenberg welcomed that NATO leaders took major decisions.",
            date(2023, 7, 12),
            "en",
            "Secretary General Jens Stoltenberg welcomed that NATO leaders took major decisions",
        ),
        (  # the subject in a clause of its own before an aside
            "Les chefs de la diplomatie des 30 pays alliés, ainsi que de la Finlande, doivent "
            "discuter mardi et mercredi du soutien à long terme à l’Ukraine.",
            date(2023, 4, 3),
            "fr",
            "Les chefs de la diplomatie des 30 pays alliés doivent discuter du soutien",
        ),
    ],
)
def test_a_title_names_who_acts_before_the_verb(
    text: str, published: date, language: str, title: str
) -> None:
    found = _title(text, published, language)
    assert found.startswith(title)
    assert headline_problems(found) == []


def test_the_subject_of_a_first_clause_is_its_words_before_its_verb() -> None:
    text = (
        "La Nato si muove, e si muoverà nell’incontro che avremo a Washington a luglio 2024, "
        "portando dei progetti."
    )
    assert _title(text, date(2024, 5, 1), "it").startswith("La Nato si muoverà nell’incontro")


@pytest.mark.parametrize(
    "title",
    [
        "Constatent-ils dès la première ligne du document adopté par les ministres",
        "Aprobó once nuevos proyectos",
        "Se trata de la sexta ronda",
        "Si muoverà nell’incontro che avremo a Washington",
        "A annoncé le secrétaire général de l'Alliance atlantique",
        "Lo ha affermato il segretario generale della Nato",
        "Hielt der Generalsekretär eine Rede auf dem NATO Public Forum",
        "Wrapping up the Summit in Vilnius",
        "Announced a military operation in Ukraine",
        "Doivent discuter du soutien à long terme à l’Ukraine",
    ],
)
def test_a_title_that_opens_with_its_verb_is_no_headline(title: str) -> None:
    assert opens_with_verb(title)
    assert "opens with its verb" in headline_problems(title)


@pytest.mark.parametrize(
    "title",
    [
        "A special European Council will take place",
        "Il premier laburista ha avuto una colazione di lavoro",
        "Lo Stato maggiore della Difesa ha presentato il piano",
        "A seguito della discussione generale al Senato della Repubblica",
        "United States pauses military aid to Ukraine",
        "Treffen der Außenminister in Brüssel",
        "Les ministres des affaires étrangères ont débattu",
    ],
)
def test_a_title_with_its_subject_first_is_not_flagged(title: str) -> None:
    assert not opens_with_verb(title)


def test_a_copula_keeps_its_place() -> None:
    title = "Es precisamente los tres asesinatos confirmados en nuestro país"
    assert subject_first(title) == title


@pytest.mark.parametrize(
    ("text", "published", "language", "title"),
    [
        (  # after "si", an indefinite noun phrase is the subject too
            "Oggi, 15 ottobre 2025, si svolge una riunione cruciale al quartier generale della "
            "NATO di Evere, nella periferia nordorientale di Bruxelles.",
            date(2025, 10, 15),
            "it",
            "Una riunione cruciale si svolge al quartier generale della NATO di Evere",
        ),
        (  # "heutigen" goes with the date; a noun shared by two ("Außen- und …") is one subject
            "Am heutigen Montag haben die Außen- und Verteidigungsminister aus 23 "
            "EU-Mitgliedstaaten eine gemeinsame Mitteilung über die Ständige Strukturierte "
            "Zusammenarbeit unterzeichnet.",
            date(2017, 11, 13),
            "de",
            "Die Außen- und Verteidigungsminister aus 23 EU-Mitgliedstaaten haben eine",
        ),
        (  # an attribution set between dashes inside a quotation
            "“Ieri – ha detto Le Drian – il presidente Hollande mi ha chiesto di portare ai miei "
            "colleghi ministri della Difesa la richiesta di attivazione dell’articolo 42.7.",
            date(2015, 11, 17),
            "it",
            "Le Drian ha detto",
        ),
        (  # a Secretary General's "we" is NATO
            "We held three meetings of the NATO-Russia Council last year, and I welcome that both "
            "NATO and Russia recently took part in talks hosted by Finland.",
            date(2017, 3, 13),
            "en",
            "NATO held three meetings of the NATO-Russia Council",
        ),
    ],
)
def test_a_title_gets_its_subject_in_more_shapes(
    text: str, published: date, language: str, title: str
) -> None:
    found = _title(text, published, language)
    assert found.startswith(title)
    assert not {"opens with its verb", "opens with a pronoun"} & set(headline_problems(found))


def test_the_italian_article_i_is_no_pronoun() -> None:
    assert headline_problems("I ministri della difesa dell’Unione europea hanno deciso") == []
    assert "opens with a pronoun" in headline_problems("I will launch my Annual Report today")


def test_we_becomes_who_speaks_in_the_third_person() -> None:
    from briefing_app.ingest.proposals.subjects import we_as

    assert we_as("We need more air defence for Ukraine", "NATO") == (
        "NATO needs more air defence for Ukraine"
    )
    assert we_as("We are ready to act", "EU") == "The EU is ready to act"
    assert we_as("We would like to remind you that", "EU") == "We would like to remind you that"
    assert we_as("We agreed on a plan", "Other") == "We agreed on a plan"
