"""Which cluster the keyboard expands: the one beside the selection.

The selection is always drawn on its own, so the keyboard never rests on a
cluster; the key that expands one takes the cluster nearest in time to the
selected event in its own lane (any lane if its lane has none in view), or the
first cluster in view when nothing is selected.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing_app.domain.model import Lane
from briefing_app.geometry.marks import Cluster

__all__ = ["cluster_beside"]


def cluster_beside(
    clusters: Sequence[Cluster], lane: Lane | None, t: float | None
) -> Cluster | None:
    """The cluster to expand for a selection in ``lane`` starting at day ``t``.

    ``clusters`` are those in view; with no selection (``t`` None) the first of
    them lane by lane, then left to right."""
    if not clusters:
        return None
    if t is None:
        order = {name: i for i, name in enumerate(Lane)}
        return min(clusters, key=lambda c: (order[c.lane], c.x0))
    same = [c for c in clusters if c.lane == lane] or list(clusters)

    def distance(c: Cluster) -> float:
        if c.t0 <= t < c.t1:
            return 0.0
        return min(abs(c.t0 - t), abs(c.t1 - t))

    return min(same, key=lambda c: (distance(c), c.t0))
