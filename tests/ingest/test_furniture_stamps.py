"""Stamps, schedules and credits that frame a page, told apart from the dates of its text
(snippets from the corpus's dev texts)."""

from __future__ import annotations

from briefing_app.ingest.furniture import find_furniture

_PROSE = (
    "The ministers of defence met in Brussels on Tuesday and agreed to buy more "
    "ammunition together over the coming year, the presidency said after the meeting.\n"
)


def _marked(text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start : s.end]) for s in find_furniture(text)]


def _covered(text: str, fragment: str) -> bool:
    pos = text.index(fragment)
    return any(s.start <= pos < s.end for s in find_furniture(text))


def test_a_deictic_day_opening_a_sentence_is_not_an_agency_dateline() -> None:
    text = (
        "Oggi, 15 ottobre 2025, si svolge una riunione cruciale al quartier generale della "
        "NATO a Bruxelles, dove i ministri della Difesa discutono del sostegno all'Ucraina.\n"
    )
    assert not _covered(text, "Oggi")
    agency = "BRUXELLES, 5 dic. (LaPresse) - I ministri degli Esteri della Nato si riuniscono.\n"
    assert ("dateline", "BRUXELLES, 5 dic. (LaPresse) -") in _marked(agency)


def test_approximate_times_of_a_programme_are_clock_lines() -> None:
    text = (
        "Place:     Europa building, Brussels\n\n+/- 13.30\n"
        "Working lunch together with EU defence ministers on counter-terrorism\n"
    )
    assert ("clock", "+/- 13.30") in _marked(text)


def test_a_published_on_credit_with_a_weekday_and_comma_is_an_update_line() -> None:
    text = (
        "Security and defence: Council adopts conclusions\n\nSource: Council of the European "
        "Union (Council) i, published on Monday, June 17 2019.\n\n" + _PROSE
    )
    kinds = [k for k, t in _marked(text) if "published on" in t]
    assert kinds == ["updated"]


def test_a_date_written_twice_in_a_row_is_a_page_stamp() -> None:
    text = (
        "Werbung Behörden-Mitteilungen Technik Veranstaltungen 27. Juni 202527. Juni 2025 "
        "Hinweis: NATO schließt historischen Gipfel ab. Am Mittwoch (25. Juni 2025) schloss "
        "die NATO einen historischen Gipfel in Den Haag ab.\n"
    )
    assert any(k == "dateline" and t.startswith("27. Juni 2025") for k, t in _marked(text))
    assert not _covered(text, "25. Juni 2025")


def test_an_address_inside_a_line_of_text_is_marked_alone() -> None:
    text = (
        "https://www.pupia.tv - Roma - Consiglio europeo del 26-27 giugno: l'intervento di "
        "replica del Presidente Meloni al Senato\n\n" + _PROSE
    )
    assert ("other", "https://www.pupia.tv") in _marked(text)
    assert not _covered(text, "26-27 giugno")
    record = (
        "DO C, C/2024/6982, 19.11.2024, ELI: http://data.europa.eu/eli/C/2024/6982/oj (BG, ES)\n"
    )
    assert _covered(record + _PROSE, "19.11.2024")


def test_a_headline_naming_a_date_under_a_dateline_is_text() -> None:
    text = (
        "Hold the Presses is your online newsportal en brings press releases from around the "
        "world.\n\nThursday, 18 May 2017\n\nEU Council: Indicative programme - Justice and Home "
        "Affairs Council meeting of 18 May 2017\n\nIndicative programme - Justice and Home "
        "Affairs Council meeting of 18 May 2017\n\nPlace:     Europa building, Brussels\n"
    )
    assert ("dateline", "Thursday, 18 May 2017") in _marked(text)
    assert not _covered(text, "EU Council: Indicative")
    assert not _covered(text, "Indicative programme - Justice and Home Affairs Council meeting")


def test_a_page_stamp_before_a_photo_credit_is_cut_out_of_the_caption() -> None:
    text = (
        " date 2017-12-11 © Sputnik/ Алексеј Витвицки\n\nBaku. 11 December. REPORT.AZ/ On "
        "December 11, the EU Council adopted a decision establishing PESCO.\n"
    )
    marked = _marked(text)
    assert ("dateline", "date 2017-12-11") in marked
    assert ("caption", "© Sputnik/ Алексеј Витвицки") in marked


def test_a_liveblog_headline_quoting_someone_is_not_a_field() -> None:
    text = (
        "Vertice Nato a Washington\n\n©Ansa\n\nI leader della Nato si sono impegnati al "
        'vertice di Washington\n\nLIVE\n\nUsa: "Dal 2026 dispiegate capacità lungo raggio in '
        'Germania"\n\nGli Stati Uniti inizieranno il dispiegamento in Germania dal 2026.\n'
    )
    assert _covered(text, "LIVE")
    assert not _covered(text, "Usa:")
