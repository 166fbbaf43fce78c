"""What the timeline says under the pointer: dates at their precision, never an invented day."""

from __future__ import annotations

from datetime import date

from briefing_app.domain.dates import DateSpan
from briefing_app.domain.model import Event, Lane, Origin
from briefing_app.geometry.index import EventIndex
from briefing_app.geometry.marks import Cluster, Rect
from briefing_app.ui.timeline.timeline_tooltips import (
    CLUSTER_TITLES_SHOWN,
    cluster_tooltip,
    day_span_label,
    event_tooltip,
)


def _event(eid: str, when: str, title: str = "Summit", **more: object) -> Event:
    return Event(id=eid, title=title, when=DateSpan.parse(when), lane=Lane.NATO, **more)


def test_an_event_shows_its_date_at_the_precision_known() -> None:
    month = event_tooltip(_event("a", "2021-11"))
    assert month.startswith("<b>Nov 2021</b>")
    year = event_tooltip(_event("b", "2008"))
    assert year.startswith("<b>2008</b>")
    assert "2008-01" not in year and "1 Jan" not in year


def test_an_event_says_its_notes_flag_and_origin_and_escapes_its_title() -> None:
    tip = event_tooltip(
        _event(
            "c",
            "2022-03-11",
            "<b>Versailles</b>",
            annotation_count=2,
            flagged=True,
            origin=Origin.USER,
        )
    )
    assert "&lt;b&gt;Versailles&lt;/b&gt;" in tip
    assert "2 notes of yours" in tip and "talking point" in tip and "Added by you" in tip
    assert "annotation" not in event_tooltip(_event("d", "2022-03-11"))


def test_a_day_span_is_one_day_or_first_to_last() -> None:
    day = date(2022, 3, 11).toordinal()
    assert day_span_label(day, day + 1) == "11 Mar 2022"
    assert day_span_label(day, day + 3) == "11 Mar 2022 – 13 Mar 2022"


def test_a_cluster_names_its_first_titles_and_what_a_click_does() -> None:
    events = [_event(f"e{i}", f"2022-03-{i + 1:02d}", f"Meeting {i}") for i in range(10)]
    index = EventIndex(events)
    t0 = date(2022, 3, 1).toordinal()
    tip = cluster_tooltip(
        Cluster(Lane.NATO, 0, 10, 10, t0, t0 + 10, 0, "10", Rect(0, 0, 10, 8)), index
    )
    assert tip.startswith("<b>10 events</b>, 1 Mar 2022 – 10 Mar 2022")
    shown = [f"Meeting {i}" for i in range(10) if f"• Meeting {i}<" in tip]
    assert len(shown) == CLUSTER_TITLES_SHOWN
    assert "…" in tip and tip.endswith("<i>Click to zoom in</i>")
