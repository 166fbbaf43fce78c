"""What lies under the pointer."""

from __future__ import annotations

from datetime import date, timedelta

from briefing_app.domain.model import LANES, Lane
from briefing_app.geometry.bench import approximate_measure
from briefing_app.geometry.hit import HitTester
from briefing_app.geometry.index import EventIndex
from briefing_app.geometry.layout import layout_timeline
from briefing_app.geometry.marks import Cluster, Mark
from briefing_app.geometry.timescale import TimeScale
from tests.geometry.event_builders import crowded_week, on_day, ordinal

WEEK = date(2021, 6, 7)


def test_points_labels_clusters_and_gaps() -> None:
    events = [on_day("a", WEEK - timedelta(days=200), Lane.EU), *crowded_week(WEEK, 30)]
    scale = TimeScale(ordinal(date(2019, 1, 1)), ordinal(date(2023, 1, 1)), 1200.0)
    result = layout_timeline(EventIndex(events), scale, LANES, approximate_measure)
    hits = HitTester(result)
    mark = result.mark_for("a")
    assert mark is not None
    body, label = mark.body, mark.label_rect
    assert hits.at(body.x + body.w / 2, body.y + body.h / 2) is mark
    assert hits.at(label.x + label.w / 2, label.y + label.h / 2) is mark
    (cluster,) = result.clusters
    rect = cluster.rect
    found = hits.at(rect.x + rect.w / 2, rect.y + rect.h / 2)
    assert isinstance(found, Cluster) and found.count == 30
    assert hits.at(label.right + 40, label.y) is None
    assert hits.at(body.x, result.lanes[-1].y1 + 50) is None
    assert isinstance(hits.at(body.x - 2, body.y), Mark), "a little slop around small markers"
