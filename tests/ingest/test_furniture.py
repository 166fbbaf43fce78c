"""Page furniture is told apart from the article by general rules, checked on the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.ingest.furniture import body_extent, find_furniture, guess_language
from briefing_app.paths import SEEDS_DIR


def _seed(prefix: str) -> str:
    (path,) = [p for p in SEEDS_DIR.iterdir() if p.name.startswith(prefix)]
    return path.read_text(encoding="utf-8")


def _furniture_text(text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start : s.end]) for s in find_furniture(text)]


def _is_furniture(text: str, fragment: str) -> bool:
    pos = text.index(fragment)
    return any(s.start <= pos < s.end for s in find_furniture(text))


@pytest.mark.parametrize(
    ("seed", "fragment"),
    [
        ("000", "11:07 - Source: CNN"),
        ("000", "Amanpour Putin"),
        ("000", "A picture taken on November 8, 2021 shows migrants"),
        ("000", "Polish servicemen are seen on the other side of barbed wire"),
        ("000", "Russian President Vladimir Putin (L) shakes hands"),
        ("001", "Putin visita Crimea (La Presse)"),
        ("002", "Sign up for our weekly newsletter"),
        ("002", "Tu suscripción se está usando en otro dispositivo"),
        ("002", "Puedes consultar aquí los términos y condiciones"),
        ("003", "Photo: Allison Joyce/AFP via Getty Images"),
        ("003", "Related Articles"),
        ("003", "Back to top button"),
        ("004", "Войти"),
        ("004", "Image source: © AP Photo / Sergei Stepanov"),
        ("004", "Do you want to leave a comment?"),
        ("004", "Pistorius arrives in Kiev (Bild, Germany)"),
        ("004", "APU drones attacked Siberia for the first time."),
    ],
)
def test_furniture_is_marked(seed: str, fragment: str) -> None:
    assert _is_furniture(_seed(seed), fragment)


@pytest.mark.parametrize(
    ("seed", "fragment"),
    [
        ("000", "The chaos at the border between Poland and Belarus"),
        ("000", "the 1999 goal of up to 60,000 troops"),
        ("000", "Most notably, some in the eastern EU"),
        ("001", "Russia Offers European Union Defense Cooperation"),
        ("001", "Europe’s Defense Industry Challenges"),
        ("001", "for apparent reasons."),
        ("002", "EU explores sending military and civilian missions"),
        (
            "002",
            "They add: “The security of Ukraine, of Europe, and of the world are intertwined.”",
        ),
        ("003", "The joint declaration — the first since 2018"),
        ("003", "“China’s growing assertiveness and policies present challenges"),
        ("004", "Back in February, when Macron said"),
        ("004", "the situation on the battlefield will be the deciding factor."),
    ],
)
def test_article_text_is_not_furniture(seed: str, fragment: str) -> None:
    assert not _is_furniture(_seed(seed), fragment)


def test_body_extent_trims_leading_and_trailing_furniture() -> None:
    text = _seed("004")
    start, end = body_extent(text)
    assert text[start:].startswith("European allies are considering")
    assert text[:end].endswith("will be the deciding factor.")
    text = _seed("002")
    start, end = body_extent(text)
    assert text[:end].endswith("are intertwined.”")


def test_plain_article_has_no_furniture() -> None:
    text = (
        "A headline\n\nThe council met on Thursday and agreed on a common plan for the "
        "years to come, officials said.\n\nIt will meet again in the spring to review the "
        "plan and its budget, a spokesman added.\n"
    )
    assert find_furniture(text) == []
    assert body_extent(text) == (0, len(text.rstrip()))


def test_language_guess() -> None:
    assert guess_language("The council met and agreed on the plan for the union.") == "en"
    assert (
        guess_language("Si quieres compartir tu cuenta, cambia tu suscripción a la modalidad")
        == "es"
    )
    assert guess_language("Ежедневная рассылка новостей") == "ru"
    assert guess_language("") is None


def test_every_seed_keeps_most_of_its_text_as_body() -> None:
    for path in SEEDS_DIR.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        furniture = sum(s.end - s.start for s in find_furniture(text))
        assert furniture < 0.35 * len(text), path.name


ARTICLES = Path(__file__).resolve().parents[1] / "data" / "dates" / "articles"


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.stem)
def test_clean_articles_have_no_furniture(path: Path) -> None:
    """Written articles with no page around them: every paragraph is the article's,
    only an agency dateline ("MADRID, June 30 (Reuters) -") is marked."""
    text = path.read_text(encoding="utf-8")
    assert [kind for kind, _text in _furniture_text(text) if kind != "dateline"] == []
    for _kind, marked in _furniture_text(text):
        assert len(marked) <= 40 and marked.rstrip().endswith(("-", "—", "–"))
    start, end = body_extent(text)
    assert text[start:end].strip() and end == len(text.rstrip())


def test_a_closing_sentence_after_the_last_paragraph_is_kept() -> None:
    text = (ARTICLES / "a06_heldout_summit.txt").read_text(encoding="utf-8")
    assert not _is_furniture(text, "The next summit will take place in Vilnius")


def test_a_quotation_in_another_language_is_article_text() -> None:
    text = (ARTICLES / "a05_mixed_traps.txt").read_text(encoding="utf-8")
    assert not _is_furniture(text, '"España aportará 1.000 millones')


def test_a_french_article_is_read_as_french() -> None:
    text = (ARTICLES / "a07_heldout_french.txt").read_text(encoding="utf-8")
    assert not _is_furniture(text, "L'Europe de la défense")
    assert not _is_furniture(text, "La boussole stratégique")


_ENGLISH = (
    "The ministers met in Brussels on Tuesday and agreed on a plan to buy shells together, "
    "officials said after the talks.\n\n"
    "The plan will be reviewed by the leaders at their summit in the spring, and the budget "
    "will follow later in the year.\n\n"
)


def test_a_foreign_notice_after_the_article_is_still_furniture() -> None:
    notice = "Si continúas leyendo en este dispositivo, no se podrá leer en el otro."
    text = _ENGLISH + notice + "\n"
    assert _furniture_text(text) == [("navigation", notice)]


def test_a_foreign_line_is_furniture_only_against_a_confident_document_language() -> None:
    notice = "Si continúas leyendo en este dispositivo, no se podrá leer en el otro."
    # Too little prose to say what language the document is in: nothing is foreign.
    text = "Short note.\n\n" + notice + "\n"
    assert find_furniture(text) == []


def test_a_list_after_the_last_paragraph_is_furniture_but_a_short_sentence_is_not() -> None:
    tail = "• 14.06 18:50\n• 746\n• 14.06 18:03\n"
    text = _ENGLISH + "Talks resume next week.\n\n" + tail
    kinds = _furniture_text(text)
    assert all(fragment not in "Talks resume next week." for _k, fragment in kinds)
    assert _is_furniture(text, "• 746")
    assert not _is_furniture(text, "Talks resume next week.")


def test_language_guess_weighs_words_languages_share() -> None:
    # "de" and "la" are Spanish, French and Italian; "face", "au" and "retour" decide.
    assert guess_language("L'Europe de la défense face au retour de la guerre") == "fr"


# -- the frame of a page: stamps, update lines, bylines, notes, handles ---------------------
@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("  • 28 May. 2018 -", "dateline"),
        ("  • 11/12/2017 13:01", "dateline"),
        ("23/06/2017 - 11:50", "dateline"),
        ("25.06.2018", "dateline"),
        ("11:50", "clock"),
        ("  • Last updated: 16 Jun. 2018 22:31", "updated"),
        ("Mis à jour le 12 mars 2024 à 18h05", "updated"),
        ("(As delivered)", "delivery-note"),
        ("Check against delivery", "delivery-note"),
        ("Seul le prononcé fait foi", "delivery-note"),
        ("Es gilt das gesprochene Wort.", "delivery-note"),
        ("Speech by NATO Secretary General Jens Stoltenberg at the German Marshall Fund", "byline"),
        ("Sorry we are not currently accepting comments on this article.", "other"),
        (
            "Emmanuel Macron dans l’amphithéâtre de la Sorbonne, à Paris, le 25 avril 2024.",
            "caption",
        ),
    ],
)
def test_frame_lines_are_furniture(line: str, kind: str) -> None:
    text = f"A headline for the page\n\n{line}\n\n{_PROSE}\n"
    marked = [(k, t) for k, t in _furniture_text(text)]
    assert (kind, line.strip() if kind != "updated" else line) in [
        (k, t.strip() if k != "updated" else t) for k, t in marked
    ] or any(k == kind and line.strip() in t for k, t in marked)
    assert not any(_PROSE[:40] in t for _k, t in marked)


_PROSE = (
    "Defence ministers of the European Union met in Brussels and agreed to buy more "
    "ammunition together over the coming year, officials said after the talks."
)


@pytest.mark.parametrize(
    ("fragment", "kind"),
    [
        ("STOCKHOLM, March 7 (Reuters) -", "dateline"),
        ("(Reporting by Nordic reporters, editing by Terje Solsvik)", "byline"),
        ("Ursula von der Leyen (@vonderleyen) March 4, 2025", "handle"),
        ("(Bruxelles, 6 mars 2018)", "dateline"),
        ("date 2024-03-07", "dateline"),
        ("©AFP", "caption"),
        ("21:13", "clock"),
        ("Bruselas, 27 may (EFE).-", "dateline"),
        ("(24.06.25)", "dateline"),
        ("#pupia", "handle"),
    ],
)
def test_furniture_inside_a_line_is_marked_alone(fragment: str, kind: str) -> None:
    text = f"{fragment} {_PROSE}\n"
    marked = _furniture_text(text)
    assert (kind, fragment) in marked
    assert all(_PROSE[:30] not in t for _k, t in marked)


def test_a_label_line_next_to_a_stamp_is_navigation_but_a_headline_is_not() -> None:
    text = f"Leaders agree defence plan\n\n  • Press releases\n  • 11/12/2017 13:01\n\n{_PROSE}\n"
    marked = _furniture_text(text)
    assert any("Press releases" in t for _k, t in marked)
    assert not any("Leaders agree" in t for _k, t in marked)


def test_a_stamp_after_the_last_sentence_and_an_address_line_are_furniture() -> None:
    text = f"{_PROSE} 28.06.2022\n\nELI: http://data.europa.eu/eli/C/2024/6982/oj\n"
    marked = _furniture_text(text)
    assert any(t.startswith("28.06.2022") for _k, t in marked)
    assert any("ELI: http" in t for _k, t in marked)
    assert not any(_PROSE[:30] in t for _k, t in marked)


def test_fields_of_a_record_are_furniture_but_a_headline_with_a_colon_is_not() -> None:
    text = (
        "Ukraine-Krisengipfel in Brüssel: Europa soll wieder kriegstüchtig werden\n\n"
        "Intervenant(s) :\n\nCirconstance : Séminaire d'ouverture de l'IHEDN, Paris\n\n"
        f"{_PROSE}\n"
    )
    marked = " ".join(t for _k, t in _furniture_text(text))
    assert "Intervenant(s)" in marked and "Circonstance" in marked
    assert "Krisengipfel" not in marked


def test_a_line_opening_with_by_and_a_lower_case_word_is_no_byline() -> None:
    text = f"Decisión del Consejo\n\npor la que se establece una cooperación\n\n{_PROSE}\n"
    assert not any("por la que" in t for _k, t in _furniture_text(text))


def test_dated_label_lines_above_and_below_the_article_are_furniture() -> None:
    text = (
        "Leaders agree defence plan\n\nBrussels, 25 March 2022 | 5 min read\n\n"
        f"{_PROSE}\n\n{_PROSE}\n\nMinisters back ammunition plan – 6 March 2024\n"
    )
    marked = [(k, t) for k, t in _furniture_text(text)]
    assert ("dateline", "Brussels, 25 March 2022 | 5 min read") in marked
    assert ("footer", "Ministers back ammunition plan – 6 March 2024") in marked
    assert not any(_PROSE[:30] in t for _k, t in marked)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        (
            "Smoke rises from an air defense base in the aftermath of an apparent Russian strike "
            "in Mariupol, Ukraine, Thursday, Feb. 24, 2022.",
            "caption",
        ),
        (
            "Police officers inspect an area after an apparent strike in Kyiv Ukraine, "
            "Thursday, Feb. 24, 2022.",
            "caption",
        ),
        ("This photo shows a view of the city of Kyiv, Ukraine, on Thursday.", "caption"),
        ("- l’altro ieri", "dateline"),
        ("3 hours ago", "dateline"),
        (
            "Met dank overgenomen van Roemeens voorzitterschap, gepubliceerd op maandag "
            "18 maart 2019.",
            "updated",
        ),
    ],
)
def test_captions_relative_stamps_and_published_lines_are_furniture(line: str, kind: str) -> None:
    text = f"A headline for the page\n\n{line}\n\n{_PROSE}\n"
    marked = _furniture_text(text)
    assert any(k == kind and line.strip() in t for k, t in marked)
    assert not any(_PROSE[:40] in t for _k, t in marked)


def test_prose_that_says_on_which_weekday_is_no_caption() -> None:
    line = "Leaders met in Paris to agree a plan for Europe's defence on Thursday, Feb. 24, 2022."
    text = f"A headline for the page\n\n{_PROSE}\n\n{line}\n"
    assert not any("Leaders met" in t for _k, t in _furniture_text(text))


def test_fields_of_a_record_under_a_long_title_are_furniture() -> None:
    text = (
        "Déclaration de M. François Fillon, Premier ministre, sur la défense et la sécurité "
        "nationale, à Paris le 7 octobre 2011.\n\nPrononcé le\n\nIntervenant(s) : \n\n"
        "Circonstance : Séminaire d'ouverture de l'IHEDN, à l'Ecole militaire, Paris le 7 "
        "octobre 2011\n\nTexte intégral\n\n"
        f"{_PROSE_FR}\n"
    )
    marked = " ".join(t for _k, t in _furniture_text(text))
    for field in ("Prononcé le", "Intervenant(s)", "Circonstance", "Texte intégral"):
        assert field in marked
    assert "Déclaration de M." not in marked and _PROSE_FR[:30] not in marked


_PROSE_FR = (
    "Les ministres de la défense de l'Union européenne se sont réunis à Bruxelles et ont "
    "décidé d'acheter ensemble plus de munitions au cours de l'année qui vient."
)


def test_a_name_alone_in_a_small_heading_of_markup_is_a_byline() -> None:
    text = f"<h6><strong>Eduardo González</strong></h6> <h4>{_PROSE}</h4>\n"
    assert ("byline", "<h6><strong>Eduardo González</strong></h6>") in _furniture_text(text)


def test_a_video_date_after_the_last_sentence_and_a_photo_rights_note_are_furniture() -> None:
    text = (
        "NATO at 70\n\nA former ambassador recalls how the coalition rallied to America's aid. "
        "It was the only time the provision was invoked. (April 1)\n\n"
        "Hinweis: Die Bildrechte zu den Beitragsfotos finden Sie am Ende des Artikels\n\n"
        f"{_PROSE}\n"
    )
    marked = _furniture_text(text)
    assert any(k == "dateline" and t.startswith("(April 1)") for k, t in marked)
    assert any("Hinweis: Die Bildrechte" in t for _k, t in marked)
    assert not any("rallied" in t for _k, t in marked)
    german = (
        "Gipfel in Den Haag\n\nHinweis: Die Bildrechte zu den Beitragsfotos finden Sie am Ende "
        "des Artikels. Die Nato hat am Mittwoch einen historischen Gipfel abgeschlossen, sagte "
        "der Generalsekretär nach der Sitzung.\n"
    )
    found = _furniture_text(german)
    assert any(k == "caption" and t.startswith("Hinweis: Die Bildrechte") for k, t in found)
    assert not any("historischen" in t for _k, t in found)
