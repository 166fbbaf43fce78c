"""Datelines and stamps run into a line of text, notes that a piece went out on a day,
and the dates that only look like stamps (snippets from the corpus's dev texts)."""

from __future__ import annotations

from datetime import date

import pytest

from briefing_app.ingest.dates import extract_dates
from briefing_app.ingest.furniture import find_furniture

_PROSE = (
    "The ministers of defence met in Brussels on Tuesday and agreed to buy more "
    "ammunition together over the coming year, the presidency said after the meeting."
)


def _marked(text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start : s.end]) for s in find_furniture(text)]


def _covered(text: str, fragment: str) -> bool:
    pos = text.index(fragment)
    return any(s.start <= pos < s.end for s in find_furniture(text))


def test_a_labelled_stamp_run_into_the_headline_line_is_furniture() -> None:
    text = (
        'Baerbock für rasche NATO-Aufnahme Schweden und Finnland "herzlich willkommen" '
        "Stand: 15.05.2022 11:27 Uhr\n\n" + _PROSE + "\n"
    )  # de_022
    assert ("updated", "Stand: 15.05.2022 11:27 Uhr") in _marked(text)
    assert not _covered(text, "Baerbock")


def test_an_agency_dateline_run_into_the_headline_line_is_furniture() -> None:
    text = (
        " date 2024-11 Crosetto: prima una difesa italiana forte, poi quella europea "
        'Venezia, 4 nov. (askanews) - "La difesa europea è uno dei tasselli. Il mio '
        'problema, da ministro della Difesa, è la difesa italiana."\n'
    )  # it_028
    assert any(
        k == "dateline" and t.startswith("Venezia, 4 nov. (askanews)") for k, t in _marked(text)
    )
    assert not _covered(text, "La difesa europea")


def test_a_capital_place_with_agency_and_date_in_brackets_is_a_dateline() -> None:
    text = (
        "MOSCOW (UrduPoint News / Sputnik - 26th February, 2021) The European Union intends "
        "to adopt the Strategic Compass defense program by March 2022.\n"
    )  # en_058
    assert _covered(text, "MOSCOW")
    assert _covered(text, "26th February, 2021")
    assert not _covered(text, "March 2022")


def test_a_note_that_the_piece_was_broadcast_on_a_day_is_furniture() -> None:
    text = (
        f"{_PROSE}\nWeiterführende Informationen\nDiese Nachricht wurde am 30.11.2023 im "
        "Programm Deutschlandfunk gesendet.\n"
    )  # de_025
    assert _covered(text, "Diese Nachricht wurde am 30.11.2023")


def test_a_stamp_and_its_tags_after_a_bar_are_furniture_anywhere() -> None:
    text = (
        f"{_PROSE}\n{_PROSE}\n\n4 April 2009 | georgia, nato, ukraine\n\nMIA Russia corrected "
        "Saakashvili's statement\n" + _PROSE + "\n"
    )  # en_060
    assert _covered(text, "4 April 2009")


def test_the_days_of_a_meeting_on_a_line_are_not_a_stamp() -> None:
    text = (
        "Print version\n\nOsservatorio sulla Difesa Europea, giugno 2000\n\n15/06/2000\n\n"
        "19-20 Giugno 2000\nVertice del Consiglio Europeo – Conclusioni della Presidenza "
        "portoghese – PESD\n\nIl Consiglio europeo di Feira ha approvato il rapporto della "
        "presidenza sulla difesa europea, con i suoi allegati e le sue conclusioni.\n"
    )  # it_032
    assert _covered(text, "15/06/2000")
    assert not _covered(text, "19-20 Giugno 2000")
    assert not _covered(text, "Osservatorio sulla Difesa Europea, giugno 2000")


def test_this_weekday_in_a_past_clause_is_this_week_s_gone_by() -> None:
    text = (
        "Sánchez se ha referido al reproche que este miércoles volvió a hacer Trump a "
        "España, a la que acusó de no jugar en equipo."
    )  # es_025, published on Thursday 23 October 2025
    found = [(m.text, m.date.iso()) for m in extract_dates(text, date(2025, 10, 23), "es")]
    assert found == [("este miércoles", "2025-10-22")]
    coming = "El Consejo se reunirá este miércoles en Bruselas."
    found = [(m.text, m.date.iso()) for m in extract_dates(coming, date(2025, 10, 23), "es")]
    assert found == [("este miércoles", "2025-10-29")]


@pytest.mark.parametrize(
    "line",
    [
        "Thu 24 Feb 2022 10.32 GMT",
        "Feb 24, 2022, 10:32 AM ET",
        "Press release 24 February 2022 10:32",
        "Pressemitteilung 24.02.2022",
        "Comunicato stampa 24/02/2022",
        "Nota de prensa 24/02/2022",
        "Communiqué de presse 24 février 2022",
        "giovedì 24 febbraio 2022 ore 10:32",
        "Date de publication : 24 février 2022",
        "Fecha de publicación: 24 de febrero de 2022",
    ],
)
def test_a_stamp_between_paragraphs_is_furniture(line: str) -> None:
    text = f"Headline of the article\n\n{_PROSE}\n\n{line}\n\n{_PROSE}\n"
    assert _covered(text, line)


def test_two_days_of_a_meeting_joined_by_et_are_not_a_stamp() -> None:
    text = f"Headline of the article\n\n{_PROSE}\n\nJeudi 10 et vendredi 11 mars\n\n{_PROSE}\n"
    assert not _covered(text, "Jeudi 10")
