"""Dates that take a part from the words around them: "last" or "next" beside a day and
month, the year of a period's end, a publication known only to the month, and a
resolution's name (snippets from the corpus's dev texts)."""

from __future__ import annotations

from datetime import date

from briefing_app.ingest.dates import extract_dates


def _dated(text: str, published: date | None, language: str, **kwargs: object) -> list:
    return [(m.text, m.date.iso()) for m in extract_dates(text, published, language, **kwargs)]


def test_last_beside_a_day_and_month_makes_it_the_past_one() -> None:
    text = "El pasado 31 de marzo, el Consejo de la UE dio luz verde a la mision Irini."
    # es_030, published on 26 March 2021: the 31 March before it
    assert _dated(text, date(2021, 3, 26), "es") == [("pasado 31 de marzo", "2020-03-31")]
    french = "Le Conseil avait adopté le texte le 31 mars dernier, a rappelé la présidence."
    assert _dated(french, date(2021, 3, 26), "fr") == [("31 mars dernier", "2020-03-31")]


def test_the_start_of_a_period_takes_the_year_written_at_its_end() -> None:
    text = (
        "Als dann das Nato-Bündnis vom 24. März bis zum 10. Juni 1999 Luftangriffe auf "
        "militärische Ziele flog, beteiligte sich die Bundeswehr."
    )  # de_027, published in June 2024
    found = _dated(text, None, "de", published_month=date(2024, 6, 1))
    assert found == [("24. März", "1999-03-24"), ("10. Juni 1999", "1999-06-10")]
    found = extract_dates(text, None, "de", published_month=date(2024, 6, 1))
    assert [m.range.value if m.range else None for m in found] == ["start", "end"]


def test_years_and_months_ago_need_only_the_month_of_publication() -> None:
    text = "Vor 25 Jahren stimmte der Bundestag dem Einsatz im Kosovo zu."  # de_027
    assert _dated(text, None, "de", published_month=date(2024, 6, 1)) == [("Vor 25 Jahren", "1999")]
    text = (
        "Der Grundstein war im vergangenen Monat bei einem Treffen der Außenminister gelegt "
        "worden."
    )  # de_031, published in December 2017
    assert _dated(text, None, "de", published_month=date(2017, 12, 1)) == [
        ("vergangenen Monat", "2017-11")
    ]
    assert (
        _dated(
            "Vor drei Tagen kam der Rat zusammen.", None, "de", published_month=date(2017, 12, 1)
        )
        == []
    )


def test_the_year_in_a_resolution_s_name_is_not_a_date() -> None:
    text = "Grundlage ist die Resolution 1244 (1999) des UN-Sicherheitsrats vom 10. Juni 1999."
    assert _dated(text, date(2024, 6, 1), "de") == [("10. Juni 1999", "1999-06-10")]


def test_a_date_alone_on_a_line_heads_a_chronology_entry() -> None:
    text = (
        "15 02 99\n\nÖsterreich als PfP-Partner verzeichnet eine Anfrage der NATO in bezug "
        "auf eine Teilnahme an einer möglichen Mission.\n"
    )  # de_028
    assert _dated(text, date(2001, 1, 8), "de") == [("15 02 99", "1999-02-15")]
    assert _dated("Rufen Sie 15 02 99 an, um sich anzumelden.", date(2001, 1, 8), "de") == []


def test_the_day_before_yesterday_is_two_days_back() -> None:
    text = "The day before yesterday the president spoke to the allies."
    assert _dated(text, date(2024, 3, 14), "en") == [("The day before yesterday", "2024-03-12")]
    text = "The day after tomorrow the Council meets again."
    assert _dated(text, date(2024, 3, 14), "en") == [("The day after tomorrow", "2024-03-16")]


def test_a_german_number_before_a_lower_case_word_is_a_year() -> None:
    text = (
        "Großbritannien will 2019 bereits aus der EU ausgetreten sein; die Möglichkeit war "
        "bereits 2009 mit dem Lissabon-Vertrag geschaffen worden."
    )  # de_031
    assert [d for _t, d in _dated(text, date(2017, 12, 11), "de")] == ["2019", "2009"]
    for figure in (
        "Rund 2000 Soldaten nahmen teil.",
        "Die Bundeswehr schickt 2000 zusätzliche Soldaten.",
        "Es kamen 2000 und mehr.",
    ):
        assert _dated(figure, date(2017, 12, 11), "de") == [], figure


def test_a_plan_for_a_day_just_gone_by_is_not_next_year_s() -> None:
    text = (
        "In vista del Consiglio europeo del 18 e 19 dicembre, il Presidente del Consiglio ha "
        "svolto le informative di rito."
    )  # it_039, published on 22 December 2025
    assert [d for _t, d in _dated(text, date(2025, 12, 22), "it")] == ["2025-12-18", "2025-12-19"]
    coming = "Il Consiglio europeo si riunirà il 18 e 19 dicembre."
    assert [d for _t, d in _dated(coming, date(2025, 3, 22), "it")] == ["2025-12-18", "2025-12-19"]


def test_avant_hier_without_its_hyphen_is_two_days_back() -> None:
    text = "La famille royale nous a accueillis avant hier, en venant à notre rencontre."
    assert _dated(text, date(2021, 6, 14), "fr") == [("avant hier", "2021-06-12")]
