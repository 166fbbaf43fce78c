"""The PDF's pages in reading order: title page, briefing, timeline, chronology, sources.

``PdfBuilder.steps()`` writes the document page by page and yields progress
after each unit of work, so the GUI can pump it from a timer (and cancel by
closing the generator) while the command line simply runs it out. Nothing
is kept per page but small anchors for the outline and links, which
``pdf_outline.apply_marks`` adds at the end.

Given a briefing (a name and numbered talking points with citations), its
section comes first after the title page, where a briefer looks for it;
given None, the section is left out. Its notes give the chronology page of
each cited event, known only once the chronology is set: ``known_pages``
carries them from an earlier pass (see ``pdf_document.PdfExport``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from briefing_app.domain.briefing import BriefingSnapshot, Citation
from briefing_app.domain.model import Event
from briefing_app.drawing.marks import rgb
from briefing_app.export.glyphs import paper_events, printable
from briefing_app.export.pdf_outline import Anchor, PdfMarks
from briefing_app.export.pdf_sinks import page_size_points
from briefing_app.export.pdf_text import (
    GREY,
    NOTE_BOX,
    NOTE_INK,
    WARNING,
    cite_tag,
    day,
    plain,
    quote_para,
    rect_tuple,
    running_head,
    source_facts,
)
from briefing_app.export.selection import ExportSelection
from briefing_app.export.timeline_pages import PaperTimelinePainter, plan_pages, span_label
from briefing_app.export.typeset import Fonts, PageFlow, PageSink, Para
from briefing_app.geometry.index import EventIndex
from briefing_app.geometry.palette import LANE_RGB

__all__ = ["PdfBuilder", "Progress"]

_GUESS_PAGE = 99
"""The chronology page assumed for a note before the pages are known (two digits wide)."""


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    total: int
    message: str


# -- the builder ----------------------------------------------------------------
class PdfBuilder:
    """Sets one selection as a document on a sink; see the module docstring."""

    def __init__(
        self,
        selection: ExportSelection,
        sink: PageSink,
        briefing: BriefingSnapshot | None = None,
        fonts: Fonts | None = None,
        page_limit: int | None = None,
        known_pages: dict[str, int] | None = None,
    ) -> None:
        """``page_limit``: only that many pages will be looked at (a preview), so the
        timeline is planned no further than they need. ``known_pages``: each
        event's chronology page (from 1) found by an earlier pass, for the
        briefing's notes; None guesses them (a first pass)."""
        self.page_limit = page_limit
        self.known_pages = known_pages
        self.printed_pages: dict[str, int | None] = {}
        self._timeline_total: int | None = None
        self.sel = selection
        self.opts = selection.options
        self.sink = sink
        self.briefing = briefing
        self.fonts = fonts or Fonts()
        self.portrait = page_size_points(self.opts.page_size)
        self.landscape = QSizeF(self.portrait.height(), self.portrait.width())
        self.marks = PdfMarks()
        self.pages = 0
        self.stopped = False
        self.section = ""
        self.event_anchor: dict[str, Anchor] = {}
        self.event_page: dict[str, int] = {}
        self.source_number = {s.file: i for i, s in enumerate(selection.cited_sources(), 1)}
        self.source_anchor: dict[str, Anchor] = {}
        self._mark_links: list[tuple[int, QRectF, str]] = []
        self._cite_links: list[tuple[int, QRectF, str]] = []
        self.flow: PageFlow | None = None

    # -- pages drawn by hand ------------------------------------------------------
    def _page(self, size: QSizeF) -> QPainter | None:
        painter = self.sink.new_page(size)
        if painter is None:
            self.stopped = True
            return None
        self.pages += 1
        self._footer(painter, size, self.pages - 1)
        return painter

    def _footer(self, p: QPainter, size: QSizeF, index: int) -> None:
        p.save()
        p.setFont(self.fonts.small)
        p.setPen(GREY)
        p.drawText(
            QRectF(0, size.height() - 28, size.width(), 12),
            Qt.AlignmentFlag.AlignHCenter,
            str(index + 1),
        )
        p.restore()

    def _flow_page(self, p: QPainter, index: int) -> None:
        """Page number and header rule of the briefing, chronology and sources."""
        self.pages = index + 1
        size = self.portrait
        self._footer(p, size, index)
        p.setPen(QPen(QColor(200, 200, 205), 0.5))
        p.drawLine(QPointF(56, 44), QPointF(size.width() - 56, 44))

    def _flow_page_done(self, p: QPainter, index: int, parts: list[str]) -> None:
        """The running header, drawn once the page is full: it names what the page holds."""
        size = self.portrait
        p.setFont(self.fonts.small)
        p.setPen(GREY)
        p.drawText(
            QRectF(56, 30, size.width() - 112, 12),
            Qt.AlignmentFlag.AlignLeft,
            printable(self.opts.title),
        )
        p.drawText(
            QRectF(56, 30, size.width() - 112, 12),
            Qt.AlignmentFlag.AlignRight,
            running_head(parts, self.section),
        )

    def _new_flow(self) -> PageFlow:
        return PageFlow(
            self.sink,
            self.portrait,
            self.fonts,
            start_page=self._flow_page,
            end_page=self._flow_page_done,
            first_page_index=self.pages,
        )

    # -- the whole document ---------------------------------------------------------
    def steps(self) -> Iterator[Progress]:
        """Write the document, yielding progress; stops early if the sink wants no more."""
        try:
            self._title_page()
            plan = self._plan_timeline()
            events = len(self.sel.events)
            lead = 1 if self.briefing is None else 2
            total = lead + len(plan) + events + 2
            yield Progress(1, total, "title page")
            if self.briefing is not None and not self.stopped:
                self.flow = self._new_flow()
                self._briefing_section(self.briefing)
                self.flow.close()
                if self.flow.stopped:
                    self.stopped = True
                    return
                yield Progress(2, total, "briefing")
            for n in self._timeline_pages(plan):
                yield Progress(lead + n, total, f"timeline page {n} of {len(plan)}")
            if self.stopped:
                return
            self.flow = self._new_flow()
            for n in self._chronology():
                if self.flow.stopped:
                    return
                yield Progress(lead + len(plan) + n, total, f"chronology: {n} of {events}")
            self.flow.close()
            self._sources()
            self.flow.close()
            yield Progress(total - 1, total, "sources")
        finally:
            self.sink.finish()
        self._resolve_links()

    # -- 1. title page -----------------------------------------------------------------
    def _title_page(self) -> None:
        p = self._page(self.portrait)
        if p is None:
            return
        w = self.portrait.width()
        f = self.fonts
        sel = self.sel
        p.save()
        p.fillRect(QRectF(0, 0, w, 10), rgb(LANE_RGB[next(iter(self.opts.ordered_lanes))]))
        y = 150.0
        p.setPen(QColor(15, 15, 20))
        p.setFont(f.title)
        title = printable(self.opts.title)
        rect = p.boundingRect(QRectF(64, y, w - 128, 200), int(Qt.TextFlag.TextWordWrap), title)
        p.drawText(rect, int(Qt.TextFlag.TextWordWrap), title)
        y = rect.bottom() + 18
        p.setFont(f.subtitle)
        p.drawText(QPointF(64, y + 12), f"{day(sel.first_day)} – {day(sel.last_day)}")
        y += 44
        p.setFont(f.body)
        p.setPen(GREY)
        as_of = self.opts.as_of or date.today()
        lines = [
            f"As of {day(as_of)}",
            f"{len(sel.events)} events · {len(self.source_number)} sources cited",
            *self.opts.describe_filters(),
        ]
        if sel.quotes is not None:
            lines.extend(sel.quotes.summary_parts())
        if self.briefing is not None:
            lines.append(f"Briefing: {self.briefing.name}")
        for line in lines:
            p.drawText(QPointF(64, y), line)
            y += 16
        y += 20
        p.setFont(f.small)
        key = (
            "Curated facts are set in plain type; quotations are verbatim and cite their source."
            " A passage that failed the check is printed as a \u201cFlagged passage\u201d,"
            " without quotation marks, with the reason under it."
        )
        if any(s.effective_grade for s in sel.sources.values()):
            key += (
                " [S2 \u00b7 B2] beside a citation: source 2 of the list of sources, graded B2"
                " in the Admiralty system (the source\u2019s reliability A\u2013F, the"
                " information\u2019s credibility 1\u20136)."
            )
        if self.opts.include_annotations:
            key += (
                " Your own annotations are set apart in shaded boxes marked \u201cYour note\u201d."
            )
        p.drawText(QRectF(64, y, w - 128, 60), int(Qt.TextFlag.TextWordWrap), key)
        p.restore()
        self.marks.add_outline("Title page", Anchor(0, 0))

    # -- 2. timeline ---------------------------------------------------------------------
    def _plan_timeline(self) -> list[tuple[str, date, date, bool]]:
        """The timeline pages: an overview when the period needs several, then each window."""
        self._tl_painter = PaperTimelinePainter(self.fonts)
        self._tl_index = EventIndex(paper_events(self.sel.events))
        size = self.landscape
        self._tl_rect = QRectF(28, 52, size.width() - 56, size.height() - 52 - 48)
        first, last = self.sel.first_day, self.sel.last_day
        windows = plan_pages(
            self._tl_painter,
            self._tl_index,
            self.opts.ordered_lanes,
            first,
            last,
            self._tl_rect,
            limit=self.page_limit,
        )
        cut_short = windows[-1][1] <= last if windows else False
        pages: list[tuple[str, date, date, bool]] = []
        if len(windows) > 1 or cut_short:
            stop = date.fromordinal(last.toordinal() + 1)
            pages.append((f"Overview: {span_label(first, stop)}", first, stop, False))
        pages.extend((span_label(a, b), a, b, True) for a, b in windows)
        self._timeline_total = None if cut_short else len(pages)  # unknown when cut short
        return pages

    def _timeline_pages(self, plan: list[tuple[str, date, date, bool]]) -> Iterator[int]:
        lanes = self.opts.ordered_lanes
        painter = self._tl_painter
        parent = None
        for n, (label, a, b, detailed) in enumerate(plan, 1):
            p = self._page(self.landscape)
            if p is None:
                return
            page = self.pages - 1
            if parent is None:
                parent = self.marks.add_outline("Timeline", Anchor(page, 0))
            self.marks.add_outline(label, Anchor(page, 0), parent)
            continued = detailed and n < len(plan)
            frame = painter.frame(
                self._tl_index,
                lanes,
                a.toordinal(),
                b.toordinal(),
                self._tl_rect,
                own_events=detailed,
                continued=continued,
            )
            self._timeline_header(p, self.landscape, label, n, self._timeline_total)
            painter.paint_legend(p, 28, self.landscape.height() - 44, continued)
            for event_id, box in painter.paint(p, frame):
                self._mark_links.append((page, box, event_id))
            if detailed:
                for event_id in frame.event_ids:
                    self.event_page.setdefault(event_id, page)
            yield n

    def _timeline_header(
        self, p: QPainter, size: QSizeF, label: str, n: int, count: int | None
    ) -> None:
        p.save()
        p.setPen(QColor(15, 15, 20))
        p.setFont(self.fonts.entry_title)
        p.drawText(QPointF(28, 36), f"Timeline · {label}")
        p.setFont(self.fonts.small)
        p.setPen(GREY)
        p.drawText(
            QRectF(28, 26, size.width() - 56, 12),
            Qt.AlignmentFlag.AlignRight,
            f"timeline page {n} of {count}" if count else f"timeline page {n}",
        )
        p.restore()

    # -- 3. chronology ------------------------------------------------------------------
    def _chronology(self) -> Iterator[int]:
        flow = self.flow
        assert flow is not None
        self.section = "Chronology"
        flow.new_page()
        f = self.fonts
        parent = self.marks.add_outline("Chronology", Anchor(flow.page_index, flow.top))
        flow.add(Para("Chronology", f.heading, space_after=6))
        year: int | None = None
        for n, ev in enumerate(self.sel.events, 1):
            lead: list[Para] = []
            if ev.when.first_day.year != year:
                year = ev.when.first_day.year
                lead.append(
                    Para(
                        str(year),
                        f.year,
                        space_before=14,
                        space_after=2,
                        on_place=self._outline_at(str(year), parent),
                    )
                )
            flow.part = f"Chronology · {year}"
            lead.extend(self._entry_head(ev))
            flow.add_group(lead)
            self._entry_body(ev)
            if n % 20 == 0 or n == len(self.sel.events):
                yield n

    def _outline_at(self, title: str, parent: int | None) -> Callable[[int, QRectF], None]:
        def place(page: int, rect: QRectF) -> None:
            self.marks.add_outline(title, Anchor(page, rect.top()), parent)

        return place

    def _entry_head(self, ev: Event) -> list[Para]:
        f = self.fonts
        lane = rgb(LANE_RGB[ev.lane]).darker(130)

        def anchor(page: int, rect: QRectF) -> None:
            self.event_anchor[ev.id] = Anchor(page, rect.top())

        def to_timeline(page: int, rect: QRectF) -> None:
            target = self.event_page.get(ev.id)
            if target is not None:
                self.marks.add_link(page, rect_tuple(rect), Anchor(target, 0))

        head = f"{ev.when.label()}  ·  {ev.lane.value}"
        meta = []
        if ev.actors:
            meta.append("Actors: " + ", ".join(ev.actors))
        meta.append(f"Confidence: {ev.confidence.value}")
        if ev.origin.value == "user":
            meta.append("added by you")
        if ev.id in self.event_page:
            meta.append(f"timeline p. {self.event_page[ev.id] + 1}")
        paras = [
            Para(head, f.small_bold, color=lane, space_before=10, on_place=anchor),
            Para(ev.title, f.entry_title, space_before=1, on_place=to_timeline),
            Para(" · ".join(meta), f.small, color=GREY, space_before=1, space_after=3),
        ]
        if ev.summary:
            paras.append(Para(ev.summary, f.body))
        return paras

    def _entry_body(self, ev: Event) -> None:
        flow = self.flow
        assert flow is not None
        f = self.fonts
        if ev.references:
            flow.add(
                Para(
                    "References: " + "; ".join(ev.references),
                    f.small,
                    color=GREY,
                    space_before=3,
                )
            )
        bar = rgb(LANE_RGB[ev.lane], 200)
        for x in ev.excerpts:
            src = self.sel.sources.get(x.source)
            number = self.source_number.get(x.source)
            cite = "— " + (src.citation() if src else "a source not in this library")
            tag = cite_tag(number, x.grade(src))
            if tag:
                cite += f"  {tag}"

            def cited(page: int, rect: QRectF, file: str = x.source) -> None:
                self._cite_links.append((page, rect, file))

            flow.add_group(
                [
                    quote_para(x, f, bar),
                    Para(
                        cite,
                        f.small,
                        color=GREY,
                        indent=22,
                        space_before=1,
                        on_place=cited,
                    ),
                    *(
                        [
                            Para(
                                x.flag_text(),
                                f.small,
                                color=WARNING,
                                indent=22,
                                space_before=1,
                            )
                        ]
                        if x.needs_check
                        else []
                    ),
                ]
            )
        for note in self.sel.annotations_of(ev.id):
            label = "Your note"
            if note.excerpt_uid:
                label += " on a quotation"
            if note.talking_point:
                label += " · talking point"
            if note.tags:
                label += " · tags: " + ", ".join(note.tags)
            label += f" · {note.updated_at[:10]}"
            flow.add_group(
                [
                    Para(label, f.small_bold, color=NOTE_INK, indent=8, space_before=6),
                    Para(
                        plain(note.body) or "(empty note)",
                        f.body,
                        indent=8,
                        box=NOTE_BOX,
                        space_before=1,
                    ),
                ]
            )

    # -- 2. briefing ----------------------------------------------------------------------
    def _briefing_section(self, briefing: BriefingSnapshot) -> None:
        """Numbered talking points, each with numbered notes to events and sources."""
        flow = self.flow
        assert flow is not None
        f = self.fonts
        self.section = "Briefing"
        if not flow.new_page():
            return
        self.marks.add_outline(f"Briefing: {briefing.name}", Anchor(flow.page_index, flow.top))
        flow.add(Para(f"Briefing: {briefing.name}", f.heading, space_after=8))
        notes: list[str] = []
        by_id = {e.id: e for e in self.sel.events}
        for n, point in enumerate(briefing.points, 1):
            refs = []
            for c in point.citations:
                notes.append(self._note_text(c, by_id))
                refs.append(f"[{len(notes)}]")
            flow.add(
                Para(f"{n}. {plain(point.text)} {' '.join(refs)}".rstrip(), f.body, space_before=6)
            )
        if notes:
            flow.add(Para("Notes", f.body_bold, space_before=14, space_after=2))
            for i, text in enumerate(notes, 1):
                flow.add(Para(f"[{i}] {text}", f.small, space_before=2))

    def _note_text(self, c: Citation, by_id: dict[str, Event]) -> str:
        parts = []
        if c.event_id:
            ev = by_id.get(c.event_id)
            if ev is not None:
                page = self._chronology_page(ev.id)
                where = f", chronology p. {page}" if page else ""
                parts.append(f"{ev.title} ({ev.when.label()}){where}")
            else:
                # Stored citations carry the event's title and date; fall back to its id.
                title = getattr(c, "title", "") or f"event {c.event_id}"
                when = getattr(c, "when", "")
                head = f"{title} ({when})" if when else title
                parts.append(f"{head}, not in this export's period or filters")
        ev = by_id.get(c.event_id)
        x = next((x for x in ev.excerpts if x.uid == c.excerpt_uid), None) if ev else None
        if c.source_file:
            src = self.sel.sources.get(c.source_file)
            said = src.citation() if src else "a source not in this library"
            grade = x.grade(src) if x else (src.effective_grade if src else None)
            tag = cite_tag(self.source_number.get(c.source_file), grade)
            parts.append(f"{said} {tag}" if tag else said)
        if c.excerpt_uid:
            if x is None:
                parts.append("passage not checked: not in this export")
            elif x.needs_check or x.quote != c.quote:
                parts.append("flagged passage: do not quote it before checking the source")
        return "; ".join(parts)

    def _chronology_page(self, event_id: str) -> int | None:
        """The page the chronology sets an event on, as known before it is set."""
        page = _GUESS_PAGE if self.known_pages is None else self.known_pages.get(event_id)
        self.printed_pages[event_id] = page
        return page

    def chronology_pages(self) -> dict[str, int]:
        """Where the chronology set each event (pages from 1), once the document is done."""
        return {eid: anchor.page + 1 for eid, anchor in self.event_anchor.items()}

    def pages_agree(self) -> bool:
        """Whether every chronology page the briefing printed is where the event landed."""
        landed = self.chronology_pages()
        return all(landed.get(eid) == page for eid, page in self.printed_pages.items())

    # -- 5. sources -----------------------------------------------------------------------
    def _sources(self) -> None:
        flow = self.flow
        assert flow is not None
        f = self.fonts
        self.section = "Sources"
        flow.part = ""
        flow.new_page()
        self.marks.add_outline("Sources", Anchor(flow.page_index, flow.top))
        flow.add(Para("Sources", f.heading, space_after=8))
        cited = self.sel.cited_sources()
        if not cited:
            flow.add(Para("No source is quoted by the events exported.", f.body, color=GREY))
        for number, src in enumerate(cited, 1):

            def place(page: int, rect: QRectF, file: str = src.file) -> None:
                self.source_anchor[file] = Anchor(page, rect.top())

            outlet = src.named_outlet
            head = [
                Para(
                    f"[S{number}]  {outlet or src.title}",
                    f.body_bold,
                    space_before=8,
                    on_place=place,
                )
            ]
            if outlet:
                head.append(Para(src.title, f.body, indent=28))
            facts = " · ".join(source_facts(src))
            flow.add_group([*head, Para(facts, f.small, color=GREY, indent=28)])

    # -- links ------------------------------------------------------------------------
    def _resolve_links(self) -> None:
        heights = getattr(self.sink, "heights", None)
        self.marks.page_heights = list(heights) if heights else []
        for page, rect, event_id in self._mark_links:
            target = self.event_anchor.get(event_id)
            if target is not None:
                self.marks.add_link(page, rect_tuple(rect), target)
        for page, rect, file in self._cite_links:
            target = self.source_anchor.get(file)
            if target is not None:
                self.marks.add_link(page, rect_tuple(rect), target)
