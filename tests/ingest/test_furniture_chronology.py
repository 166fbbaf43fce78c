"""A chronology's dated headings are text, not stamps; a place and a dash opening a
report is its dateline; a reporter "per" an agency is a byline (dev snippets)."""

from __future__ import annotations

from briefing_app.ingest.furniture import find_furniture


def _covered(text: str, fragment: str) -> bool:
    pos = text.index(fragment)
    return any(s.start <= pos < s.end for s in find_furniture(text))


_ENTRY = (
    "Österreich als PfP-Partner verzeichnet eine Anfrage der NATO in bezug auf eine "
    "Teilnahme an einer möglichen Mission im Kosovo."
)


def test_dates_heading_the_entries_of_a_chronology_are_text() -> None:
    text = "".join(f"{d}\n\n{_ENTRY}\n\n" for d in ("15 02 99", "09 03 99", "24 03 99"))
    for d in ("15 02 99", "09 03 99", "24 03 99"):  # de_028
        assert not _covered(text, d)


def test_one_date_alone_over_the_text_is_still_a_stamp() -> None:
    text = f"Kosovo\n\n24.03.1999\n\n{_ENTRY}\n\n{_ENTRY}\n"
    assert _covered(text, "24.03.1999")


def test_a_place_and_a_dash_opening_a_report_is_its_dateline() -> None:
    text = (
        "Bruselas – El Consejo de la Union Europea (UE), que reune a los Estados miembros, "
        "aprobo este viernes de manera oficial prolongar dos años mas la operacion Irini.\n"
    )  # es_030
    assert _covered(text, "Bruselas –")
    assert not _covered(text, "El Consejo")
    headline = "Ukraine – Russia talks end\n"
    assert not _covered(headline, "Ukraine")


def test_a_reporter_per_an_agency_is_a_byline() -> None:
    text = (
        "Lorenzo Consoli per Askanews\n\nI ministri della Difesa dell'Unione europea hanno "
        "dato il loro sostegno alla Francia che ha invocato la clausola di assistenza.\n"
    )  # it_036
    assert _covered(text, "Lorenzo Consoli per Askanews")


def test_a_list_of_share_links_and_the_place_under_it_are_furniture() -> None:
    text = (
        "Rueda de prensa del presidente del Gobierno, Pedro Sánchez, tras el Consejo Europeo "
        "extraordinario\n\n31.5.2022\n\n  • x: abre ventana nueva\n  • Whatsapp: abre ventana "
        "nueva\n  • Linkedin: abre ventana nueva\n  • Enviar por correo: abre ventana nueva\n\n"
        "Bruselas\n\nINTERVENCIÓN DEL PRESIDENTE DE GOBIERNO, PEDRO SÁNCHEZ\n\nBuenas tardes.\n\n"
        "Gracias a los medios de comunicación. Me vais a permitir que me tome la licencia de "
        "empezar con tres sucesos muy lamentables en nuestro país.\n"
    )  # es_003
    for fragment in ("• Enviar por correo", "Bruselas"):
        assert _covered(text, fragment), fragment
    assert not _covered(text, "INTERVENCIÓN DEL PRESIDENTE")


def test_a_speaker_s_label_in_capitals_is_furniture() -> None:
    text = (
        "PRESIDENT BIDEN: Well, Mr. Secretary General, welcome back to the Oval Office.\n"
        "SECRETARY GENERAL STOLTENBERG: Thank you.\n"
    )  # en_035
    assert _covered(text, "PRESIDENT BIDEN:")
    assert _covered(text, "SECRETARY GENERAL STOLTENBERG:")
    assert not _covered(text, "Well, Mr. Secretary General")


def test_a_caption_closed_by_its_credit_in_brackets_is_a_caption() -> None:
    text = (
        "Der KFOR-Einsatz der Bundeswehr im Kosovo wurde vom Bundestag erstmals am 11. Juni "
        "1999 gebilligt. (© Bundeswehr / Ines Blandau)\n\nVor 25 Jahren, am Freitag, 11. Juni "
        "1999, stimmte der 14. Deutsche Bundestag der Beteiligung an der KFOR zu.\n"
    )  # de_027
    kinds = {text[s.start : s.end][:10]: s.kind for s in find_furniture(text)}
    assert kinds.get("Der KFOR-E") == "caption"
    assert not _covered(text, "Vor 25 Jahren")


def test_a_stamp_with_its_age_in_brackets_is_furniture() -> None:
    text = (
        "29.08.2022 ( vor 1 Woche )\n\n\n\nBei seinem ersten Besuch in Tschechien als "
        "Bundeskanzler hält Scholz eine Grundsatzrede zur Zukunft der Europäischen Union.\n"
    )  # de_039
    assert _covered(text, "29.08.2022")
    assert _covered(text, "vor 1 Woche")


def test_a_wire_dateline_without_punctuation_is_furniture() -> None:
    text = (
        " date 2015-11-17 BRUSSELS Nov 17 France made a formal request on\nTuesday for help "
        "from its EU partners following the attacks in Paris.\n"
    )  # en_065
    assert _covered(text, "BRUSSELS Nov 17")
    assert not _covered(text, "France made")
