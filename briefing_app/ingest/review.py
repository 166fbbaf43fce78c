"""The review of proposed events, as plain state: what the user accepts, edits, merges.

The review dialog is a view of a ``ReviewState``; every change the user makes
(tick, edit a date or title, choose a lane or an event to link to, merge,
reject) is a method here, so it is tested without Qt and the dialog never
holds rules of its own. Accepted items are written by the importer service.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from briefing_app.domain.dates import DateFormatError, DateSpan, PartialDate, Precision
from briefing_app.domain.model import Lane
from briefing_app.ingest.proposals import LinkSuggestion, Proposal

__all__ = ["ReviewError", "ReviewItem", "ReviewState", "SourceSpan", "parse_when"]


class ReviewError(ValueError):
    """An edit the review cannot take; the message says why."""


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """A passage of a stored source that will become an excerpt."""

    source_file: str
    start: int
    end: int
    sentence: str


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """One row of the review: a candidate event with its passages."""

    key: int
    source_title: str
    when: DateSpan
    title: str
    lane: Lane
    spans: tuple[SourceSpan, ...]
    links: tuple[LinkSuggestion, ...] = ()
    link_to: str | None = None
    """An existing event to add the passages to, instead of making a new one."""
    included: bool = False

    @property
    def sentence(self) -> str:
        return " … ".join(s.sentence for s in self.spans)


def parse_when(text: str, precision: Precision | str | None = None) -> DateSpan:
    """``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or two of them joined by ``..`` or `` – ``."""
    cleaned = text.strip().replace(" – ", "..").replace("–", "..").replace(" .. ", "..")
    parts = [p for p in cleaned.split("..") if p.strip()]
    if not 1 <= len(parts) <= 2:
        raise ReviewError("write a date as YYYY, YYYY-MM or YYYY-MM-DD (a range as A..B)")
    try:
        start = PartialDate.parse(parts[0], precision)
        end = PartialDate.parse(parts[1], precision) if len(parts) == 2 else None
        return DateSpan(start, end)
    except DateFormatError as exc:
        raise ReviewError(str(exc)) from exc


class ReviewState:
    """The rows of a review, in order, and every change the user can make to them."""

    def __init__(self, items: Sequence[ReviewItem] = ()) -> None:
        self._items = list(items)
        self._next_key = max((i.key for i in self._items), default=-1) + 1

    @classmethod
    def from_proposals(cls, batches: Iterable[tuple[str, str, Sequence[Proposal]]]) -> ReviewState:
        """Rows from ``(source_file, source_title, proposals)`` for each imported source."""
        items: list[ReviewItem] = []
        for source_file, source_title, proposals in batches:
            for p in proposals:
                spans = tuple(SourceSpan(source_file, x.start, x.end, x.text) for x in p.passages)
                items.append(
                    ReviewItem(
                        len(items),
                        source_title,
                        p.when,
                        p.title,
                        p.lane,
                        spans,
                        p.links,
                        link_to=p.same_as,
                    )
                )
        return cls(items)

    # -- reading -----------------------------------------------------------------
    @property
    def items(self) -> list[ReviewItem]:
        return list(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def at(self, row: int) -> ReviewItem:
        """The item shown in ``row`` (without copying the rows, as ``items`` does)."""
        return self._items[row]

    def item(self, key: int) -> ReviewItem:
        for it in self._items:
            if it.key == key:
                return it
        raise ReviewError(f"no proposal {key} in this review")

    def index_of(self, key: int) -> int:
        return next(i for i, it in enumerate(self._items) if it.key == key)

    def included(self) -> list[ReviewItem]:
        return [it for it in self._items if it.included]

    # -- edits ----------------------------------------------------------------------
    def _put(self, new: ReviewItem) -> ReviewItem:
        self._items[self.index_of(new.key)] = new
        return new

    def set_included(self, key: int, included: bool) -> ReviewItem:
        return self._put(replace(self.item(key), included=included))

    def set_all_included(self, included: bool) -> None:
        self._items = [replace(it, included=included) for it in self._items]

    def set_when(self, key: int, text: str, precision: Precision | str | None = None) -> ReviewItem:
        return self._put(replace(self.item(key), when=parse_when(text, precision)))

    def set_precision(self, key: int, precision: Precision) -> ReviewItem:
        """Make a date coarser (a day to its month or year); never finer than written."""
        item = self.item(key)
        start = item.when.start
        if precision.rank < start.precision.rank:
            raise ReviewError(
                f"{start.label()} is known to the {start.precision.value}: it cannot be "
                f"made a {precision.value}"
            )
        end = item.when.end
        new_end = PartialDate(end.value, precision) if end is not None else None
        when = DateSpan(PartialDate(start.value, precision), new_end)
        return self._put(replace(item, when=when))

    def set_title(self, key: int, title: str) -> ReviewItem:
        clean = " ".join(title.split())
        if not clean:
            raise ReviewError("an event needs a title")
        return self._put(replace(self.item(key), title=clean[:500]))

    def set_lane(self, key: int, lane: Lane) -> ReviewItem:
        return self._put(replace(self.item(key), lane=lane))

    def set_link(self, key: int, event_id: str | None) -> ReviewItem:
        item = self.item(key)
        if event_id is not None and event_id not in {s.event_id for s in item.links}:
            raise ReviewError(f"{event_id!r} is not one of this proposal's suggestions")
        return self._put(replace(item, link_to=event_id))

    def reject(self, keys: Iterable[int]) -> int:
        """Drop the rows; returns how many were dropped."""
        drop = set(keys)
        before = len(self._items)
        self._items = [it for it in self._items if it.key not in drop]
        return before - len(self._items)

    def merge(self, keys: Sequence[int]) -> ReviewItem:
        """One row from several: the first row's date, title and lane, every passage.

        The merged row takes the place of the first; the date widens into a
        range when the rows' dates differ.
        """
        rows = [self.item(k) for k in keys]
        if len(rows) < 2:
            raise ReviewError("choose two or more proposals to merge")
        rows.sort(key=lambda r: self.index_of(r.key))
        first = rows[0]
        spans: list[SourceSpan] = []
        for r in rows:
            spans += [s for s in r.spans if s not in spans]
        starts = sorted((r.when.start for r in rows), key=lambda d: d.sort_key())
        last = max((r.when.end or r.when.start for r in rows), key=lambda d: d.last_day)
        when = first.when
        if any(r.when != first.when for r in rows):
            end = last if last.last_day > starts[0].last_day else None
            when = DateSpan(starts[0], end)
        links = tuple({s.event_id: s for r in rows for s in r.links}.values())
        merged = replace(
            first,
            key=self._next_key,
            when=when,
            spans=tuple(spans),
            links=links,
            link_to=first.link_to,
            included=True,
            source_title=" · ".join(dict.fromkeys(r.source_title for r in rows)),
        )
        self._next_key += 1
        position = self.index_of(first.key)
        self.reject(r.key for r in rows)
        self._items.insert(min(position, len(self._items)), merged)
        return merged
