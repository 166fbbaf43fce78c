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


# -- days written around another date ------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "published", "expected"),
    [
        (
            "de",
            "Am Mittwoch (25. Juni 2025) schloss die NATO den Gipfel ab.",
            date(2025, 6, 27),
            ("Mittwoch (25. Juni 2025)", "2025-06-25"),
        ),
        (
            "en",
            "NATO opened its second day of talks on Friday (September 5), demanding more.",
            date(2014, 9, 5),
            ("Friday (September 5)", "2014-09-05"),
        ),
        (
            "it",
            "Oggi, 15 ottobre 2025, si svolge una riunione al quartier generale.",
            date(2025, 10, 15),
            ("Oggi, 15 ottobre 2025", "2025-10-15"),
        ),
    ],
)
def test_a_day_with_its_written_date_beside_it_is_one_mention(
    language: str, text: str, published: date, expected: tuple
) -> None:
    assert _found(text, published, language) == [(*expected, "day")]


def test_a_weekday_beside_a_date_of_another_weekday_stays_two() -> None:
    found = _found("The talks ended on Friday (September 3) in Newport.", date(2014, 9, 5))
    assert [f[0] for f in found] == ["Friday", "September 3"]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("es", "Se endosará en el Consejo Europeo del día 24 de este mes.", "día 24 de este mes"),
        ("fr", "Le sommet se tiendra le 24 de ce mois à Bruxelles.", "24 de ce mois"),
        ("it", "Il vertice si terrà il 24 di questo mese a Bruxelles.", "24 di questo mese"),
        ("de", "Der Gipfel findet am 24. dieses Monats statt.", "24. dieses Monats"),
    ],
)
def test_a_day_of_this_month_is_in_the_month_of_publication(
    language: str, text: str, expected: str
) -> None:
    assert _found(text, WED_2022_03_23, language) == [(expected, "2022-03-24", "day")]


def test_a_german_weekday_with_its_part_of_the_day_is_that_day() -> None:
    text = "Am Dienstagabend luden der König und die Königin zu einem Abendessen."
    assert _found(text, date(2025, 6, 27), "de") == [("Dienstagabend", "2025-06-24", "day")]
    assert _found("Dienstagabends tagt der Rat.", date(2025, 6, 27), "de") == []


# -- a day and month without a year ----------------------------------------------------


def test_a_day_just_ahead_is_not_last_years_in_a_past_clause() -> None:
    text = (
        "La replica in vista del Consiglio europeo del 26 e 27 giugno il cui testo "
        "è stato consegnato al Senato."
    )
    found = _found(text, date(2025, 6, 24), "it")
    assert [f[1] for f in found] == ["2025-06-26", "2025-06-27"]


def test_a_day_months_ahead_in_a_present_caption_is_the_past_one() -> None:
    text = "US troops deploy for Europe from Fort Bragg, N.C., on Feb. 3."
    caption = [(0, len(text))]  # the import marks the caption as such
    found = extract_dates(text, date(2023, 1, 9), past_spans=caption)
    assert [(m.text, m.date.iso()) for m in found] == [("Feb. 3", "2022-02-03")]


def test_without_a_publication_date_a_day_takes_the_year_written_before_it() -> None:
    text = (
        "El Artículo 5 ha sido invocado una vez: el 12 de septiembre de 2001, por los "
        "Estados Unidos tras los ataques del 11 de septiembre."
    )
    assert _found(text, None, "es") == [
        ("12 de septiembre de 2001", "2001-09-12", "day"),
        ("11 de septiembre", "2001-09-11", "day"),
    ]


# -- named days, lower-case months, titles, figurative "today" ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "It has been invoked only once, following the 9/11 attacks on the World Trade Centre.",
        "NATO invoked Article 5 for the first time since 9/11.",
    ],
)
def test_nine_eleven_naming_the_attacks_is_that_day(text: str) -> None:
    assert _found(text, date(2026, 1, 11)) == [("9/11", "2001-09-11", "day")]


def test_nine_eleven_as_a_figure_is_no_date() -> None:
    assert _found("The vote passed 9/11 in committee.", date(2026, 1, 11)) == []


def test_a_lower_case_month_with_day_and_year_is_a_date() -> None:
    text = "Brussels, 9 november 2023. The ministers met; the may deadline was not kept."
    assert _found(text, None) == [("9 november 2023", "2023-11-09", "day")]


def test_a_title_in_title_case_is_no_deictic_day() -> None:
    text = "This Morning in Europe\n\nAs the NATO summit began this morning, leaders met."
    assert _found(text, date(2018, 7, 11)) == [("this morning", "2018-07-11", "day")]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "It has never worked in the past with Russia, and will not work today."),
        ("en", "I grew up in a world as dangerous as the world we live in today."),
        ("fr", "Autrefois on négociait, aujourd'hui on réarme."),
    ],
)
def test_today_set_against_the_past_means_nowadays(language: str, text: str) -> None:
    assert _found(text, date(2025, 8, 11), language) == []


def test_a_month_beginning_within_days_is_the_coming_one() -> None:
    text = "He hoped for decisions after the summit in Washington in July."
    assert _found(text, date(2024, 6, 28)) == [("July", "2024-07", "month")]
    assert _found("The summit met in Vilnius in July.", date(2024, 3, 28)) == [
        ("July", "2023-07", "month")
    ]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Today more than ever we must stand together."),
        ("it", "Le sfide impongono, oggi più che mai, la necessità di agire."),
        ("it", "Oggi come non mai è richiesta unità di intenti."),
        ("fr", "Aujourd'hui plus que jamais l'Europe doit agir."),
    ],
)
def test_today_more_than_ever_is_no_date(language: str, text: str) -> None:
    assert _found(text, date(2023, 7, 11), language) == []


def test_a_text_known_to_its_month_gives_day_months_their_year() -> None:
    text = "La riunione si è svolta a Bruxelles il 18 ottobre; il vertice sarà il 3 novembre."
    found = extract_dates(text, None, "it", published_month=date(2024, 10, 1))
    assert [(m.text, m.date.iso()) for m in found] == [
        ("18 ottobre", "2024-10-18"),
        ("3 novembre", "2024-11-03"),
    ]
    assert (
        extract_dates(
            "Lo ha detto oggi il ministro.", None, "it", published_month=date(2024, 10, 1)
        )
        == []
    )


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Dann wurde das Treffen ohne Ergebnis auf Dienstag vertagt."),
        ("en", "The meeting was adjourned until Tuesday without a result."),
        ("fr", "La réunion a été reportée à mardi faute d'accord."),
    ],
)
def test_a_day_something_is_put_off_to_is_a_coming_one(language: str, text: str) -> None:
    monday = date(2019, 7, 1)
    assert [f[1] for f in _found(text, monday, language)] == ["2019-07-02"]


def test_so_many_weeks_from_now_is_that_week() -> None:
    text = "Two weeks from now, NATO leaders will meet in London."
    assert _found(text, date(2019, 11, 19)) == [("Two weeks from now", "2019-12-02", "week")]


@pytest.mark.parametrize(
    "text",
    [
        "NATO has faced no greater challenges since the Cold War than it has today.",
        "Europe and North America are doing more together today than we have for decades.",
        "A force capable of defeating Russian aggression today, and deterring it in the future.",
    ],
)
def test_today_in_a_comparison_or_against_the_future_means_nowadays(text: str) -> None:
    assert _found(text, date(2024, 7, 5), "en") == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            "On this very day, in 1949, the Washington Treaty was signed.",
            "this very day, in 1949",
        ),
        ("fr", "Ce même jour, en 1949, le traité fut signé à Washington.", "Ce même jour, en 1949"),
        (
            "de",
            "An diesem Tag im Jahr 1949 wurde der Vertrag unterzeichnet.",
            "diesem Tag im Jahr 1949",
        ),
    ],
)
def test_this_very_day_in_a_year_is_the_publication_day_that_year(
    language: str, text: str, expected: str
) -> None:
    assert _found(text, date(2023, 4, 4), language) == [(expected, "1949-04-04", "day")]


def test_a_year_closing_a_clause_after_a_noun_is_a_year() -> None:
    text = "Es ist die zweite Verstärkung seit dem Ende des Nato-Kampfeinsatzes 2013. Damals nicht."
    assert _found(text, date(2018, 3, 7), "de") == [("2013", "2013", "year")]
    assert _found("Die Zahl der Soldaten stieg auf 2013.", date(2018, 3, 7), "de") == []
