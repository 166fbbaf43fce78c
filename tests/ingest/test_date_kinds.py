"""The date kinds read from real reporting habits: deictic days, weeks, tense by verb shape."""

from __future__ import annotations

from datetime import date

import pytest

from briefing_app.ingest.dates import extract_dates

MON_2024_03_11 = date(2024, 3, 11)
WED_2022_03_23 = date(2022, 3, 23)
SAT_2022_03_26 = date(2022, 3, 26)


def _found(text: str, published: date | None, language: str | None = None) -> list[tuple]:
    return [
        (m.text, m.date.iso(), m.date.precision.value)
        for m in extract_dates(text, published, language=language)
    ]


# -- deictic days ------------------------------------------------------------------


def test_today_with_a_target_year_gives_both() -> None:
    text = (
        "Today the Council has formally approved the Strategic Compass, an ambitious plan "
        "of action for strengthening the EU's security and defence policy by 2030."
    )
    assert _found(text, date(2022, 3, 21)) == [
        ("Today", "2022-03-21", "day"),
        ("2030", "2030", "year"),
    ]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "This morning the ministers met in Brussels.", ("This morning", 0)),
        ("en", "Leaders will dine tonight at the palace.", ("tonight", 0)),
        ("en", "Talks broke down last night in Geneva.", ("last night", -1)),
        ("fr", "Aujourd'hui, le Conseil a adopté une recommandation.", ("Aujourd'hui", 0)),
        ("fr", "Les ministres se sont réunis ce matin à Luxembourg.", ("ce matin", 0)),
        ("de", "Die Minister berieten heute über die Mission.", ("heute", 0)),
        ("de", "Heute Morgen hat der Kanzler die Truppe besucht.", ("Heute Morgen", 0)),
        ("de", "Der Gipfel beginnt morgen in Vilnius.", ("morgen", 1)),
        ("es", "El Consejo ha aprobado hoy la Brújula Estratégica.", ("hoy", 0)),
        ("es", "Los ministros se reunieron esta mañana en Bruselas.", ("esta mañana", 0)),
        ("it", "Lo ha affermato oggi il segretario generale.", ("oggi", 0)),
        ("it", "Il vertice si è aperto stamattina a Bruxelles.", ("stamattina", 0)),
    ],
)
def test_deictic_days_are_the_publication_day(language: str, text: str, expected: tuple) -> None:
    words, offset = expected
    day = date.fromordinal(MON_2024_03_11.toordinal() + offset).isoformat()
    assert _found(text, MON_2024_03_11, language) == [(words, day, "day")]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The challenges of the world of today are many."),
        ("fr", "Les défis de l'Europe d'aujourd'hui sont nombreux."),
        ("de", "Die Welt von heute ist eine andere."),
        ("es", "Hoy en día la defensa europea es una prioridad."),
        ("it", "Il mondo di oggi è più pericoloso."),
    ],
)
def test_today_meaning_nowadays_is_no_date(language: str, text: str) -> None:
    assert _found(text, MON_2024_03_11, language) == []


def test_today_without_a_publication_date_is_not_guessed() -> None:
    assert _found("Today the Council approved the Compass.", None) == []


@pytest.mark.parametrize(
    ("language", "text", "words", "day"),
    [
        ("de", "Heute vor einem Jahr begann der Krieg.", "Heute vor einem Jahr", "2023-03-11"),
        (
            "es",
            "Como todos sabéis hoy hace 80 años se firmó la carta.",
            "hoy hace 80 años",
            "1944-03-11",
        ),
        (
            "en",
            "Ten years ago today the treaty entered into force.",
            "Ten years ago today",
            "2014-03-11",
        ),
    ],
)
def test_today_so_many_years_ago_is_that_very_day(
    language: str, text: str, words: str, day: str
) -> None:
    assert _found(text, MON_2024_03_11, language) == [(words, day, "day")]


# -- weeks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "words", "monday"),
    [
        ("en", "Ministers met last week in Brussels.", "last week", "2022-03-14"),
        ("en", "Leaders will meet next week.", "next week", "2022-03-28"),
        ("en", "Leaders will meet in the coming week.", "the coming week", "2022-03-28"),
        ("en", "This past week the allies agreed a plan.", "This past week", "2022-03-14"),
        (
            "fr",
            "Les ministres se sont réunis la semaine dernière.",
            "la semaine dernière",
            "2022-03-14",
        ),
        ("de", "Die Minister trafen sich letzte Woche in Brüssel.", "letzte Woche", "2022-03-14"),
        ("es", "Los ministros se reunieron la semana pasada.", "la semana pasada", "2022-03-14"),
        ("es", "Será presentado esta misma semana.", "esta misma semana", "2022-03-21"),
        (
            "it",
            "I ministri si sono riuniti la settimana scorsa.",
            "la settimana scorsa",
            "2022-03-14",
        ),
    ],
)
def test_weeks_are_their_monday_at_week_precision(
    language: str, text: str, words: str, monday: str
) -> None:
    assert _found(text, WED_2022_03_23, language) == [(words, monday, "week")]


def test_this_past_week_written_at_the_weekend_is_the_week_now_ending() -> None:
    found = _found("This past week the allies agreed a plan.", SAT_2022_03_26)
    assert found == [("This past week", "2022-03-21", "week")]


def test_over_the_past_week_is_a_stretch_not_a_date() -> None:
    assert _found("Prices rose over the past week.", WED_2022_03_23) == []


# -- weekdays by the shape of the verb -----------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "words"),
    [
        (
            "en",
            "Thursday, Swedish Prime Minister Ulf Kristersson handed the documents over.",
            "Thursday",
        ),
        ("en", "On Thursday the Swedish delegation quietly handed over the documents.", "Thursday"),
        ("fr", "Jeudi, le Premier ministre suédois a remis les documents.", "Jeudi"),
        ("de", "Am Donnerstag hat der Ministerpräsident die Urkunde übergeben.", "Donnerstag"),
        ("es", "El jueves, el primer ministro sueco entregó los documentos.", "jueves"),
        ("it", "Giovedì il premier svedese ha consegnato i documenti.", "Giovedì"),
    ],
)
def test_a_past_verb_not_in_any_list_makes_the_weekday_past(
    language: str, text: str, words: str
) -> None:
    assert _found(text, MON_2024_03_11, language) == [(words, "2024-03-07", "day")]


def test_a_participle_far_off_in_another_clause_does_not_set_the_tense() -> None:
    text = (
        "The summit Thursday, according to the draft, will weigh the missions of the common "
        "policy, such as the naval operations already involved in the Red Sea."
    )
    assert _found(text, date(2025, 3, 5)) == [("Thursday", "2025-03-06", "day")]


# -- ranges --------------------------------------------------------------------------


def _ranges(text: str, published: date | None, language: str | None = None) -> list[tuple]:
    return [
        (m.text, m.date.iso(), m.range.value if m.range else None)
        for m in extract_dates(text, published, language=language)
    ]


@pytest.mark.parametrize(
    ("language", "text", "first", "last"),
    [
        ("en", "The summit was held on 11 and 12 July 2023.", "2023-07-11", "2023-07-12"),
        ("en", "Leaders met on 24–25 March 2022.", "2022-03-24", "2022-03-25"),
        ("en", "The fair runs from 4 to 6 March 2025.", "2025-03-04", "2025-03-06"),
        ("fr", "Le salon se tient du 4 au 6 mars 2025.", "2025-03-04", "2025-03-06"),
        ("de", "Die Messe findet vom 4. bis 6. März 2025 statt.", "2025-03-04", "2025-03-06"),
        ("es", "La feria se celebra del 4 al 6 de marzo de 2025.", "2025-03-04", "2025-03-06"),
        ("it", "Il vertice del 21 e 22 marzo 2024 a Bruxelles.", "2024-03-21", "2024-03-22"),
        ("en", "He served from 2004 to 2009 in Kabul.", "2004", "2009"),
        ("en", "He served between 2004 and 2009 in Kabul.", "2004", "2009"),
        ("en", "Troops stayed in 2004–2009.", "2004", "2009"),
    ],
)
def test_a_range_is_one_period_with_two_marked_ends(
    language: str, text: str, first: str, last: str
) -> None:
    found = _ranges(text, None, language)
    assert [(d, r) for _t, d, r in found] == [(first, "start"), (last, "end")]


def test_weekdays_in_a_row_are_one_range() -> None:
    text = "Il sera présenté aux dirigeants lors de leur réunion jeudi et vendredi."
    found = _ranges(text, date(2022, 3, 21), "fr")
    assert found == [("jeudi", "2022-03-24", "start"), ("vendredi", "2022-03-25", "end")]


@pytest.mark.parametrize(
    "text",
    [
        "Elections were held on 3 and 17 March 2024.",
        "Elections were held in 2004 and 2009.",
        "It will happen on 3 or 4 March 2024.",
    ],
)
def test_a_list_of_dates_is_no_range(text: str) -> None:
    assert all(r is None for _t, _d, r in _ranges(text, None, "en"))


def test_a_range_end_is_in_the_mention_json() -> None:
    first, last = extract_dates("Leaders met on 24–25 March 2022.")
    assert first.to_json()["range"] == "start" and last.to_json()["range"] == "end"
    (single,) = extract_dates("Leaders met on 24 March 2022.")
    assert "range" not in single.to_json()
