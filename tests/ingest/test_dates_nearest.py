"""A day and month written without a year take the year the text makes plain: the
tense of the clause, else the nearest such day; a photo caption tells of the past."""

from __future__ import annotations

from datetime import date

from briefing_app.ingest.dates import extract_dates


def _dated(text: str, published: date, **kwargs: object) -> list[tuple[str, str]]:
    return [(m.text, m.date.iso()) for m in extract_dates(text, published, **kwargs)]


def test_with_no_tense_a_day_and_month_is_the_nearest_such_day() -> None:
    text = (
        "Une façon d'entrer en campagne, alors que les enquêtes d'opinion pour le scrutin "
        "européen du 9 juin sont alarmantes pour la majorité."
    )  # fr_011, published 25 April 2024
    assert ("9 juin", "2024-06-09") in _dated(text, date(2024, 4, 25), language="fr")


def test_a_past_clause_keeps_the_latest_day_before_publication() -> None:
    text = "Le Conseil a adopté la décision le 9 juin, a indiqué la présidence."
    assert ("9 juin", "2023-06-09") in _dated(text, date(2024, 4, 25), language="fr")


def test_a_day_in_a_photo_caption_is_of_the_past() -> None:
    text = (
        "US troops deploy for Europe from Pope Army Airfield at Fort Bragg, N.C., on Feb. 3. "
        "Photo: Allison Joyce/AFP via Getty Images"
    )  # seed 003, published 9 January 2023
    caption = [(0, len(text))]
    assert _dated(text, date(2023, 1, 9), language="en", past_spans=caption) == [
        ("Feb. 3", "2022-02-03")
    ]
    assert _dated(text, date(2023, 1, 9), language="en") == [("Feb. 3", "2023-02-03")]
