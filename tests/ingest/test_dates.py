"""The date extractor: each rule of the product issue, the labelled set, speed, robustness."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_app.domain.dates import PartialDate, Precision
from briefing_app.ingest.date_eval import (
    DEFAULT_LABELS,
    LabelledDocument,
    evaluate,
    load_labelled_set,
    score_document,
)
from briefing_app.ingest.dates import (
    LANGUAGES,
    DateMention,
    detect_language,
    extract_dates,
    split_sentences,
)
from briefing_app.paths import SEEDS_DIR

WED_2025_03_05 = date(2025, 3, 5)


def _found(text: str, published: date | None = None, **kw: object) -> list[tuple[str, str, str]]:
    return [
        (m.text, m.date.iso(), m.date.precision.value)
        for m in extract_dates(text, published, **kw)  # type: ignore[arg-type]
    ]


def _one(text: str, published: date | None = None, **kw: object) -> tuple[str, str, str]:
    found = _found(text, published, **kw)
    assert len(found) == 1, found
    return found[0]


# -- the mention itself ---------------------------------------------------------


def test_mention_json_shape() -> None:
    text = "A picture taken on November 8, 2021 shows migrants."
    (mention,) = extract_dates(text)
    assert mention.to_json() == {
        "text": "November 8, 2021",
        "start": 19,
        "end": 35,
        "date": "2021-11-08",
        "precision": "day",
        "sentence": text,
    }
    assert text[mention.start : mention.end] == mention.text


def test_offsets_are_str_indices_after_non_ascii_text() -> None:
    text = "Ukraine’s army — «según» — met on 16 November 2021."
    (mention,) = extract_dates(text)
    assert text[mention.start : mention.end] == "16 November 2021"


# -- absolute forms and their precision --------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Clashes on Tuesday, Nov. 16, 2021.", ("Tuesday, Nov. 16, 2021", "2021-11-16", "day")),
        ("A picture taken on November 8, 2021.", ("November 8, 2021", "2021-11-08", "day")),
        ("Signed on 16 November 2021 in Brussels.", ("16 November 2021", "2021-11-16", "day")),
        ("It became independent in December 2017.", ("December 2017", "2017-12", "month")),
        ("Helicopters for a mission in Chad in 2008.", ("2008", "2008", "year")),
        ("Relations have been tense since 2014.", ("2014", "2014", "year")),
        ("A far cry from the 1999 goal of troops.", ("1999", "1999", "year")),
        ("The document is dated 2016-06-28.", ("2016-06-28", "2016-06-28", "day")),
        ("Approved by the Council on 21.03.2022.", ("21.03.2022", "2022-03-21", "day")),
        ("It was signed in May 2023 by all.", ("May 2023", "2023-05", "month")),
    ],
)
def test_absolute_dates_keep_the_written_precision(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert _one(text) == expected


def test_never_a_day_that_is_not_written() -> None:
    for mention in extract_dates("In 2008 and in December 2017.", date(2024, 6, 15)):
        assert mention.date.precision is not Precision.DAY
        assert mention.date.value.day == 1


def test_a_range_gives_both_endpoints() -> None:
    text = "At Helsinki, on 10–11 December 1999, leaders set the goal."
    assert _found(text) == [
        ("10", "1999-12-10", "day"),
        ("11 December 1999", "1999-12-11", "day"),
    ]
    assert _found("The 2025–2027 period.") == [("2025", "2025", "year"), ("2027", "2027", "year")]


# -- relative expressions, publication date and tense ------------------------------


def test_thursday_in_a_plan_is_the_next_thursday() -> None:
    text = "The leaders of the 27 member states will discuss Thursday at an emergency meeting."
    assert _one(text, WED_2025_03_05) == ("Thursday", "2025-03-06", "day")


def test_convened_thursday_is_the_coming_summit() -> None:
    text = (
        "The EU, according to the draft conclusions of the Special European Council convened "
        "Thursday and to which EL PAÍS has had access, is exploring options."
    )
    assert _one(text, WED_2025_03_05) == ("Thursday", "2025-03-06", "day")


def test_monday_in_a_past_report_is_the_last_monday() -> None:
    text = "The minister said on Monday that talks had failed."
    assert _one(text, WED_2025_03_05) == ("Monday", "2025-03-03", "day")
    # Saturday is nearer ahead (8 March) than behind (1 March): the tense decides.
    text = "The minister told reporters on Saturday that talks were over."
    assert _one(text, WED_2025_03_05) == ("Saturday", "2025-03-01", "day")


def test_weekday_in_a_plan_is_ahead_even_when_the_last_one_is_nearer() -> None:
    text = "Ministers will meet again on Monday in Brussels."
    assert _one(text, WED_2025_03_05) == ("Monday", "2025-03-10", "day")


def test_weekday_without_tense_is_the_nearest() -> None:
    text = "The text, leaked at 16:45 on Monday, runs to 47 pages."
    assert _one(text, WED_2025_03_05) == ("Monday", "2025-03-03", "day")
    text = "Leaders gather in Brussels on Friday for the summit."
    assert _one(text, WED_2025_03_05) == ("Friday", "2025-03-07", "day")


def test_past_weekday_on_publication_day_is_that_day() -> None:
    text = "NATO and the EU will cooperate, a declaration seen by AFP on Monday said."
    assert _one(text, date(2023, 1, 9)) == ("Monday", "2023-01-09", "day")


def test_future_weekday_inside_a_clause_beats_a_reporting_verb() -> None:
    text = "The Commission is due to publish the text on Tuesday, a spokesperson said."
    assert _one(text, date(2023, 11, 8)) == ("Tuesday", "2023-11-14", "day")


def test_a_semicolon_starts_a_statement_with_its_own_tense() -> None:
    text = (
        "Leaders are expected to sign off on the act by the end of July; the act, "
        "proposed on May 3, would run until mid-2025."
    )
    assert ("May 3", "2023-05-03", "day") in _found(text, date(2023, 6, 29))


def test_german_day_before_month_does_not_end_the_sentence() -> None:
    text = "Am 15. Dezember wollen die Minister erneut beraten."
    assert split_sentences(text) == [(0, len(text))]
    assert _one(text, date(2024, 11, 14)) == ("15. Dezember", "2024-12-15", "day")


def test_last_and_next_weekday() -> None:
    assert _one("A Polish general said so last Friday.", date(2025, 1, 15)) == (
        "last Friday",
        "2025-01-10",
        "day",
    )
    assert _one("They sign next Tuesday.", date(2022, 6, 30)) == (
        "next Tuesday",
        "2022-07-05",
        "day",
    )


def test_this_month_is_the_month_of_publication() -> None:
    text = "He met Zelensky and Macron in Paris this month."
    assert _one(text, date(2024, 12, 20)) == ("this month", "2024-12", "month")


def test_last_week_is_a_week() -> None:
    text = "They met in the debates on shielding Ukraine, for example last week in London."
    assert _one(text, WED_2025_03_05) == ("last week", "2025-02-24", "week")


def test_in_march_in_a_plan_is_next_march() -> None:
    text = "The current aim is that the Strategic Compass gets agreed in March."
    assert _one(text, date(2021, 11, 20)) == ("March", "2022-03", "month")


def test_back_in_february_is_the_last_february() -> None:
    text = "Back in February, when Macron said he did not rule it out, the answer was no."
    assert _one(text, date(2024, 12, 20)) == ("February", "2024-02", "month")


def test_next_and_last_month_name() -> None:
    assert _one("Leaders meet next March.", date(2021, 3, 10)) == ("next March", "2022-03", "month")
    assert _one("Leaders met last March.", date(2021, 3, 10)) == ("last March", "2020-03", "month")


def test_day_and_month_without_year_in_a_caption_is_past() -> None:
    text = "US troops deploy for Europe from Pope Army Airfield at Fort Bragg, N.C., on Feb. 3."
    caption = [(0, len(text))]  # the import marks the caption as such
    found = extract_dates(text, date(2023, 1, 9), past_spans=caption)
    assert [(m.text, m.date.iso(), m.date.precision.value) for m in found] == [
        ("Feb. 3", "2022-02-03", "day")
    ]


def test_clearly_dated_dotted_day_month() -> None:
    text = "The meeting was confirmed on 14.06, officials said."
    assert _one(text, date(2024, 6, 20)) == ("14.06", "2024-06-14", "day")


def test_without_publication_date_only_absolute_dates() -> None:
    text = "Officials said last week that ministers meet on Monday, as agreed in December 2017."
    assert _found(text) == [("December 2017", "2017-12", "month")]


def test_ago_and_yesterday() -> None:
    published = date(2023, 1, 9)
    assert _one("The treaty was signed two years ago.", published) == (
        "two years ago",
        "2021",
        "year",
    )
    assert _one("He arrived yesterday.", published) == ("yesterday", "2023-01-08", "day")


_RELATIVE_PHRASES = {
    "en": "this week:week:0|last week:week:-1|next week:week:1|this month:month:0|"
    "last month:month:-1|next month:month:1|this year:year:0|last year:year:-1|"
    "next year:year:1|yesterday:day:-1|tomorrow:day:1|three days ago:day:-3|"
    "two weeks ago:week:-2|a month ago:month:-1|two years ago:year:-2",
    "es": "esta semana:week:0|la semana pasada:week:-1|la semana que viene:week:1|"
    "este mes:month:0|el mes pasado:month:-1|el próximo mes:month:1|"
    "el mes que viene:month:1|este año:year:0|el año pasado:year:-1|el pasado año:year:-1|"
    "el año que viene:year:1|ayer:day:-1|anteayer:day:-2|hace dos años:year:-2|"
    "hace tres semanas:week:-3",
    "fr": "cette semaine:week:0|la semaine dernière:week:-1|la semaine prochaine:week:1|"
    "ce mois-ci:month:0|le mois dernier:month:-1|le mois prochain:month:1|"
    "cette année:year:0|l'an dernier:year:-1|l'année prochaine:year:1|hier:day:-1|"
    "demain:day:1|avant-hier:day:-2|il y a deux ans:year:-2",
    "de": "diese Woche:week:0|letzte Woche:week:-1|vergangene Woche:week:-1|"
    "nächste Woche:week:1|diesen Monat:month:0|letzten Monat:month:-1|"
    "nächsten Monat:month:1|dieses Jahr:year:0|letztes Jahr:year:-1|nächstes Jahr:year:1|"
    "gestern:day:-1|vorgestern:day:-2|vor zwei Jahren:year:-2",
    "it": "questa settimana:week:0|la settimana scorsa:week:-1|la prossima settimana:week:1|"
    "questo mese:month:0|il mese scorso:month:-1|il prossimo mese:month:1|"
    "quest'anno:year:0|l'anno scorso:year:-1|lo scorso anno:year:-1|"
    "l'anno prossimo:year:1|ieri:day:-1|domani:day:1|due anni fa:year:-2",
    "pt": "esta semana:week:0|semana passada:week:-1|próxima semana:week:1|este mês:month:0|"
    "mês passado:month:-1|mês que vem:month:1|este ano:year:0|ano passado:year:-1|"
    "ano que vem:year:1|ontem:day:-1|amanhã:day:1|há dois anos:year:-2",
    "ru": "на этой неделе:week:0|на прошлой неделе:week:-1|на следующей неделе:week:1|"
    "в этом месяце:month:0|в прошлом месяце:month:-1|в следующем месяце:month:1|"
    "в этом году:year:0|в прошлом году:year:-1|в следующем году:year:1|вчера:day:-1|"
    "завтра:day:1|два года назад:year:-2",
}


def _shifted(base: date, unit: str, offset: int) -> PartialDate:
    if unit == "day":
        return PartialDate(base + timedelta(days=offset), Precision.DAY)
    if unit == "week":
        return PartialDate(base + timedelta(weeks=offset), Precision.WEEK)
    if unit == "month":
        months = base.year * 12 + base.month - 1 + offset
        return PartialDate.month(months // 12, months % 12 + 1)
    return PartialDate.year(base.year + offset)


@pytest.mark.parametrize(
    ("language", "phrase", "unit", "offset"),
    [
        (lang, *item.split(":")[:2], int(item.split(":")[2]))
        for lang, spec in _RELATIVE_PHRASES.items()
        for item in spec.split("|")
    ],
)
def test_relative_expressions_in_every_language(
    language: str, phrase: str, unit: str, offset: int
) -> None:
    published = date(2023, 1, 11)
    (mention,) = extract_dates(phrase, published, language=language)
    assert mention.text == phrase
    assert mention.date == _shifted(published, unit, offset)


# -- what is not a date ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We may need another month to close the gaps.",
        "May the new strategy fare better than the last one.",
        "We cannot wait, tu sabes.",
        "Units deploy for up to three months of operations within one month.",
        "Negotiators worked for a week on the text and for three hours more.",
        "11:07 - Source: CNN",
        "The minister arrived at 11:07 and left at 18:50.",
        "The article was viewed 9385 times.",
        "There are said to be a total of 47 projects.",
        "Up to 60,000 troops, later 5,000.",
        "Some 2000 troops were moved by rail.",
        "The 58-year-old commissioner, aged 67 by now, spoke.",
        "The peace dividend of the 1990s.",
        "Article 42.7 and Resolution 2254 were cited.",
        "14.06 18:50",
        "Talks went on over the last week, and the plan runs for the next year.",
    ],
)
def test_not_dates(text: str) -> None:
    assert _found(text, date(2024, 6, 20)) == []


def test_the_1999_plan_is_the_only_date_in_its_sentence() -> None:
    assert _found("The 1999 plan meant up to 60,000 troops, later 5,000.") == [
        ("1999", "1999", "year")
    ]


def test_recurring_weekdays_are_not_dates() -> None:
    assert _found("Ministers meet on Thursdays and every Friday.", WED_2025_03_05) == []


def test_skip_spans_are_ignored() -> None:
    text = "Signed on 16 November 2021.\nRelated: summit on 3 May 2022.\n"
    furniture_start = text.index("Related")
    found = _found(text, skip_spans=[(furniture_start, len(text))])
    assert found == [("16 November 2021", "2021-11-16", "day")]


# -- language ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The European Union is exploring the use of its security and defence policy.", "en"),
        ("La Unión Europea estudia el uso de su política de seguridad y defensa.", "es"),
        ("L'Union européenne étudie les instruments de la politique de défense.", "fr"),
        ("Die Europäische Union prüft die Instrumente der Verteidigungspolitik.", "de"),
        ("Европейский союз и НАТО обсуждают это в Брюсселе.", "ru"),
        ("L'Unione europea studia gli strumenti della politica di difesa.", "it"),
        ("A União Europeia estuda os instrumentos da política de defesa.", "pt"),
        ("", "en"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_spanish_article() -> None:
    text = (
        "Los ministros acordaron el jueves reforzar la producción, según dijeron fuentes. "
        "El plan se aprobará en marzo. Desde 2014 el debate se ha intensificado, y en "
        "diciembre de 2017 nació la Cooperación. Puede que cambie, tu sabes, durante seis meses."
    )
    assert _found(text, date(2024, 2, 16)) == [
        ("jueves", "2024-02-15", "day"),
        ("marzo", "2024-03", "month"),
        ("2014", "2014", "year"),
        ("diciembre de 2017", "2017-12", "month"),
    ]


def test_spanish_paragraph_in_an_english_article_is_read_in_spanish() -> None:
    text = (
        "Spain's minister wrote in an op-ed:\n\n"
        '"España aportará 1.000 millones de euros al escudo. Lo anunciamos el 13 de junio de '
        '2024 y lo confirmaremos en la cumbre de Washington del 9 al 11 de julio."\n'
    )
    assert _found(text, date(2024, 6, 20)) == [
        ("13 de junio de 2024", "2024-06-13", "day"),
        ("9", "2024-07-09", "day"),
        ("11 de julio", "2024-07-11", "day"),
    ]


def test_an_english_date_word_is_not_read_in_a_spanish_text() -> None:
    assert _found("Navegaron por el mar hasta la costa, dijo el capitán.", date(2024, 2, 16)) == []


def test_french_and_german_and_russian_forms() -> None:
    assert _one("Le Conseil s'est réuni le 21 mars 2022 à Bruxelles.") == (
        "21 mars 2022",
        "2022-03-21",
        "day",
    )
    assert _one("Die Minister trafen sich am 16. November 2021 in Brüssel.") == (
        "16. November 2021",
        "2021-11-16",
        "day",
    )
    assert _one("Договор был подписан 16 ноября 2021 года в Брюсселе.") == (
        "16 ноября 2021 года",
        "2021-11-16",
        "day",
    )


# -- sentences ---------------------------------------------------------------------


def test_sentences_keep_offsets_and_abbreviations() -> None:
    text = "Clashes near Grodno on Tuesday, Nov. 16, 2021. The U.S. President said no.\nNext line"
    spans = split_sentences(text)
    pieces = [text[a:b] for a, b in spans]
    assert pieces == [
        "Clashes near Grodno on Tuesday, Nov. 16, 2021.",
        "The U.S. President said no.",
        "Next line",
    ]


def test_mention_carries_its_sentence() -> None:
    text = "First sentence. Ministers met on 3 May 2022 in Brussels. Last one."
    (mention,) = extract_dates(text)
    assert mention.sentence == "Ministers met on 3 May 2022 in Brussels."


# -- seeds, labelled set, speed ------------------------------------------------------


def _furniture_spans(text: str) -> list[tuple[int, int]]:
    """Page furniture as the import will pass it, except photo captions: their dates count.

    Uses the furniture module when present; otherwise the trailing furniture of the
    seeds is found from the lines that open it.
    """
    try:
        from briefing_app.ingest.furniture import find_furniture
    except ImportError:
        markers = ("Tu suscripción", "Related Articles", "The rights to this material")
        starts = [text.index(m) for m in markers if m in text]
        return [(min(starts), len(text))] if starts else []
    return [(s.start, s.end) for s in find_furniture(text) if s.kind != "caption"]


def _seed_skips(document: LabelledDocument) -> list[tuple[int, int]]:
    """Furniture for the seeds; the test articles are clean prose with none."""
    if document.path.parent == SEEDS_DIR.resolve():
        return _furniture_spans(document.text)
    return []


def test_labelled_set_covers_seeds_and_own_articles() -> None:
    documents = load_labelled_set()
    seeds = [d for d in documents if d.path.parent == SEEDS_DIR.resolve()]
    assert len(seeds) == 5
    assert len(documents) - len(seeds) >= 4
    assert [d.published for d in seeds] == [
        date(2021, 11, 20),
        None,
        date(2025, 3, 5),
        date(2023, 1, 9),
        date(2024, 12, 20),
    ]
    for document in documents:
        for label in document.mentions:
            assert document.text[label["start"] : label["end"]] == label["text"]
            PartialDate.parse(label["date"], label["precision"])


def test_precision_and_recall_on_the_labelled_set() -> None:
    result = evaluate(DEFAULT_LABELS, skip_spans=_seed_skips)
    details = {d.name: (d.misses, d.false_positives) for d in result.documents}
    assert result.precision >= 0.9, details
    assert result.recall >= 0.9, details


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS_DIR.glob("*.txt")))
@pytest.mark.parametrize("with_furniture", [True, False])
def test_seed_mentions_point_at_their_text(seed: str, with_furniture: bool) -> None:
    text = (SEEDS_DIR / seed).read_text(encoding="utf-8")
    skips = _furniture_spans(text) if with_furniture else []
    mentions = extract_dates(text, date(2024, 1, 1), skip_spans=skips)
    assert mentions
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.text in m.sentence
        assert not any(a < m.end and m.start < b for a, b in skips)


def test_scoring_needs_overlap_and_exact_date_and_precision() -> None:
    text = "On 3 May 2022, and in 2008."
    document = LabelledDocument(
        "t",
        SEEDS_DIR,
        text,
        None,
        (
            {"text": "3 May 2022", "start": 3, "end": 13, "date": "2022-05-03", "precision": "day"},
            {"text": "2008", "start": 22, "end": 26, "date": "2008", "precision": "year"},
        ),
    )
    right = DateMention("3 May 2022", 3, 13, PartialDate.day(2022, 5, 3), text)
    coarse = DateMention("2008", 22, 26, PartialDate.month(2008, 1), text)
    elsewhere = DateMention("On", 0, 2, PartialDate.year(2008), text)
    score = score_document(document, [right, right, coarse, elsewhere])
    assert (score.correct, score.predicted, score.labelled) == (1, 4, 2)
    assert score.precision == 0.25
    assert score.recall == 0.5


def _five_thousand_words() -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))]
    texts += [
        p.read_text(encoding="utf-8") for p in sorted((DEFAULT_LABELS / "articles").iterdir())
    ]
    words = " ".join(texts).split(" ")
    return " ".join(words[:5000])


def test_five_thousand_words_of_articles_in_one_go() -> None:
    """How long it takes is measured by ``main.py bench``; here, that it works at length."""
    text = _five_thousand_words()
    assert len(text.split()) >= 4500
    mentions = extract_dates(text, date(2024, 12, 20))
    assert len(mentions) > 30
    assert all(text[m.start : m.end] == m.text for m in mentions)


# -- robustness --------------------------------------------------------------------

_DATEISH = st.sampled_from(
    [
        "on",
        "Thursday",
        "last",
        "week",
        "May",
        "may",
        "2008",
        "10–11",
        "December",
        "1999",
        "Nov.",
        "16,",
        "2021",
        "14.06",
        "18:50",
        "in",
        "March",
        "the",
        "since",
        "de",
        "mayo",
        "el",
        "jueves",
        "hace",
        "dos",
        "años",
        "ago",
        "two",
        "years",
        "—",
        ",",
        ".",
        "\n",
        "9385",
        "5,000",
        "2016-06-28",
        "21.03.2022",
        "31/02/2020",
        "31",
        "février",
        "года",
        "ноября",
        "16.",
        "next",
        "this",
        "month",
        "'s",
        "(",
        ")",
        "Back",
        "2014–16",
        "0",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.one_of(st.text(), st.lists(_DATEISH, max_size=40).map(" ".join)),
    published=st.one_of(st.none(), st.dates()),
    language=st.sampled_from([None, *LANGUAGES]),
)
def test_arbitrary_text_never_raises(
    text: str, published: date | None, language: str | None
) -> None:
    mentions = extract_dates(text, published, language=language)
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert isinstance(m.date, PartialDate)
        m.to_json()


def test_every_language_table_is_package_data() -> None:
    """The tables are data files: each must load, be complete, and ship in the wheel."""
    import tomllib

    from briefing_app.ingest.dates.tables import tables
    from briefing_app.paths import PROJECT_ROOT

    loaded = tables()
    assert set(loaded) == set(LANGUAGES)
    for code, table in loaded.items():
        assert table.code == code
        assert sorted(set(table.months.values())) == list(range(1, 13))
        assert sorted(set(table.weekdays.values())) == list(range(7))
        assert len(table.canon_months) == 12 and len(table.canon_weekdays) == 7
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = project["tool"]["setuptools"]["package-data"]["briefing_app"]
    assert "ingest/dates/languages/*.toml" in shipped


@pytest.mark.parametrize(
    ("weekday", "expected"),
    [("понедельник", "2024-03-11"), ("пятницу", "2024-03-08"), ("воскресенье", "2024-03-10")],
)
def test_russian_weekdays_are_the_days_they_name(weekday: str, expected: str) -> None:
    text = f"В {weekday} министр заявил, что договор подписан."
    assert _one(text, date(2024, 3, 13), language="ru") == (weekday, expected, "day")
