"""Cutting a period into timeline pages."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

from briefing_app.geometry.paging import add_months, split_period


def _contiguous(pages: list[tuple[date, date]], first: date, last: date) -> None:
    assert pages[0][0] == first
    assert pages[-1][1] == last + timedelta(days=1)
    for (_, stop), (start, _) in pairwise(pages):
        assert stop == start


def test_everything_fits_on_the_longest_pages() -> None:
    pages = split_period(date(1999, 12, 10), date(2025, 3, 11), lambda a, b: True)
    _contiguous(pages, date(1999, 12, 10), date(2025, 3, 11))
    assert pages[1] == (date(2009, 1, 1), date(2019, 1, 1))
    assert len(pages) == 3


def test_nothing_fits_gives_month_pages() -> None:
    pages = split_period(date(2022, 1, 15), date(2022, 6, 30), lambda a, b: False)
    _contiguous(pages, date(2022, 1, 15), date(2022, 6, 30))
    assert [p[1] for p in pages][:2] == [date(2022, 2, 1), date(2022, 3, 1)]
    assert len(pages) == 6


def test_pages_shrink_only_where_crowded() -> None:
    crowded = (date(2022, 2, 1), date(2022, 4, 1))

    def fits(a: date, b: date) -> bool:
        return not (a < crowded[1] and b > crowded[0]) or (b - a).days <= 31

    pages = split_period(date(2020, 1, 1), date(2024, 12, 31), fits)
    _contiguous(pages, date(2020, 1, 1), date(2024, 12, 31))
    assert all(fits(a, b) for a, b in pages)
    assert any((b - a).days > 300 for a, b in pages)
    assert any((b - a).days <= 31 for a, b in pages)


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2023, 11, 30), 3) == date(2024, 2, 29)
    assert add_months(date(2023, 12, 1), 1) == date(2024, 1, 1)


def test_a_page_window_is_named_by_its_first_and_last_day() -> None:
    from briefing_app.export.timeline_pages import span_label

    assert span_label(date(2004, 1, 1), date(2009, 1, 1)) == "1 Jan 2004 – 31 Dec 2008"


def test_a_limit_plans_only_the_first_windows_and_asks_no_further() -> None:
    asked: list[date] = []

    def fits(start: date, stop: date) -> bool:
        asked.append(start)
        return (stop - start).days <= 40  # about one month per page

    whole = split_period(date(2000, 1, 1), date(2010, 12, 31), fits)
    asked.clear()
    first = split_period(date(2000, 1, 1), date(2010, 12, 31), fits, limit=3)
    assert first == whole[:3] and len(whole) > 100
    assert max(asked) < whole[3][0]  # nothing past the third window was looked at
