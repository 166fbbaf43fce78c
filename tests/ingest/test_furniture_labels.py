"""Labels a page sets around its articles, told apart in any of the five languages: calls
to read on, counters, share bars, reading times, stamp labels, credits, related lists
(snippets from the corpus's dev texts, and the common shapes of news pages)."""

from __future__ import annotations

import pytest

from briefing_app.ingest.furniture import find_furniture

_PROSE = (
    "The ministers of defence met in Brussels on Tuesday and agreed to buy more "
    "ammunition together over the coming year, the presidency said after the meeting."
)


def _kind_of(text: str, fragment: str) -> str | None:
    pos = text.index(fragment)
    return next((s.kind for s in find_furniture(text) if s.start <= pos < s.end), None)


def _page(line: str) -> str:
    return f"Headline of the article\n\n{line}\n\n{_PROSE}\n\n{_PROSE}\n"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Hauptinhalt", "navigation"),  # de_009
        ("Artikel 1 von 11", "navigation"),  # de_016
        ("Photo 3 sur 10", "navigation"),
        ("Read more on the website of the Council of the European Union.", "navigation"),
        ("Read also", "navigation"),  # en_031
        ("Still want to read the full version? Full article", "navigation"),  # es_017
        ("Read in English", "navigation"),  # fr_011
        ("🔗 Leggi su Formiche.net", "navigation"),  # it_020
        ("Zum Hauptinhalt springen", "navigation"),
        ("Home > News > Europe", "navigation"),
        ("Accueil > International > Europe", "navigation"),
        ("Temps de Lecture 5 min.", "other"),  # fr_011
        ("Lesezeit: 3 Min.", "other"),
        ("5 min read", "other"),
        ("12 comments", "other"),
        ("Share on Facebook Share on Twitter Share by email", "share"),
        ("Facebook X WhatsApp Telegram", "share"),
        ("Condividi su Facebook", "share"),
        ("Stand: 12.03.2024, 14:35 Uhr", "updated"),
        ("Ultimo aggiornamento: 15 ottobre 2025, 10:32", "updated"),
        ("martes, 12 de marzo de 2024", "dateline"),
        ("Foto: dpa", "caption"),
        ("EFE", "byline"),  # es_010
        ("(dpa)", "byline"),
        ("Jane Doe, Reuters", "byline"),
        ("Questo sito utilizza cookie tecnici e di profilazione.", "other"),
        ("Abbonati", "subscription"),
    ],
)
def test_a_label_of_the_page_is_furniture(line: str, kind: str) -> None:
    assert _kind_of(_page(line), line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Watch President Trump meet with NATO leadership in Brussels this morning.",  # en_038
        "Date and place of the next meeting remain open, the presidency said on 12 March.",
        "Share prices fell in Frankfurt and Paris after the announcement of the summit.",
    ],
)
def test_text_that_opens_like_a_label_stays_text(line: str) -> None:
    assert _kind_of(_page(line), line) is None


def test_stand_alone_above_the_text_is_an_update_label() -> None:
    text = (
        "Nach dem vorläufigen Stopp der US-Militärhilfen für die Ukraine haben zahlreiche "
        "EU-Staats- und Regierungschefs beim Gipfel in Brüssel Zuspruch geäußert.\n"
        "Von Knut Krohn\nStand:\nGleich zu Beginn des Ukraine-Krisengipfels macht Ursula von "
        "der Leyen deutlich, worum es geht.\n"
    )
    assert _kind_of(text, "Stand:") is not None  # de_010 (merged with the byline above)
    assert _kind_of(text, "Gleich zu Beginn") is None


def test_the_articles_under_a_related_heading_are_furniture() -> None:
    text = (
        f"{_PROSE}\nÚltimas Noticias\nInvestigan a un conductor por circular sin haber "
        "obtenido nunca el carné\nUn ciudadano de origen boliviano, de 38 años, es señalado "
        "por delitos tras manejar sin estar habilitado.\n\nEl Consejo de la UE aprobó el "
        "martes once nuevos proyectos de la cooperación estructurada permanente.\n"
    )  # es_010
    assert _kind_of(text, "Investigan a un conductor") == "navigation"
    assert _kind_of(text, "Un ciudadano de origen boliviano") == "navigation"
    assert _kind_of(text, "El Consejo de la UE") is None


def test_a_long_paragraph_after_a_related_heading_is_the_article_going_on() -> None:
    text = (
        f"{_PROSE}\nRead also\nThe ministers also said that the EU would continue to support "
        "Ukraine in implementing its reform agenda within the European perspective, after it "
        "was recently granted the status of candidate country by the European Council on "
        "23 June, and agreed to meet again on 5 September 2022.\n"
    )  # en_031
    assert _kind_of(text, "Read also") == "navigation"
    assert _kind_of(text, "The ministers also said") is None


def test_a_photo_caption_restating_the_byline_under_the_stamps_is_a_caption() -> None:
    text = (
        "by NATO Secretary General Jens Stoltenberg to the NATO Parliamentary Assembly, "
        "Warsaw, Poland\n\n  • 28 May. 2018 -\n  • |\n  • Last updated: 16 Jun. 2018 22:31\n\n"
        "(As delivered)\n\nNATO Secretary General Jens Stoltenberg addresses the NATO "
        "Parliamentary Assembly Plenary session\n\nPresident Alli, Members of Parliament, "
        "Excellencies, dear friends, it is really a great pleasure to see you all here.\n"
    )  # en_005
    assert _kind_of(text, "NATO Secretary General Jens Stoltenberg addresses") == "caption"
    assert _kind_of(text, "President Alli") is None


def test_the_next_line_of_a_title_set_over_lines_is_not_a_dateline() -> None:
    text = (
        "DECISIÓN (PESC) 2017/2315 DEL CONSEJO\n\nde 11 de diciembre de 2017\n\npor la que "
        "se establece una cooperación estructurada permanente\n\nEL CONSEJO DE LA UNIÓN "
        "EUROPEA, Visto el Tratado de la Unión Europea, y en particular su artículo 46.\n"
    )  # es_012
    assert _kind_of(text, "de 11 de diciembre de 2017") is None


def test_every_language_has_its_table_of_furniture_words_and_it_is_shipped() -> None:
    import tomllib

    from briefing_app.paths import PROJECT_ROOT

    folder = PROJECT_ROOT / "briefing_app" / "ingest" / "furniture"
    tables = tomllib.loads((folder / "words.toml").read_text(encoding="utf-8"))
    for code in ("en", "fr", "de", "es", "it"):
        assert len(tables[code]["months"]) >= 12, code
        assert len(tables[code]["weekdays"]) >= 7, code
        assert tables[code]["navigation"] and tables[code]["updated"], code
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert (
        "ingest/furniture/words.toml"
        in project["tool"]["setuptools"]["package-data"]["briefing_app"]
    )
    spec = (PROJECT_ROOT / "briefing_app" / "packaging" / "briefing-chronology.spec").read_text()
    assert '"furniture" / "words.toml"' in spec
