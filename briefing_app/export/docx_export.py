"""A briefing as a Word document (.docx): the form a briefing note is usually handed on in.

The document has real structure, so Word's navigation pane, a screen reader
and a later edit all see it: a title, headings, the talking points as a
numbered list, one footnote per citation (Word's own footnotes, numbered and
placed at the foot of the page), quotations in the Quote style, a picture of
the timeline of the briefing's period with alternative text, and optionally
the chronology of that period. python-docx has no footnote API, so the
footnotes part is written here as WordprocessingML.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO
from xml.sax.saxutils import escape

from docx import Document
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt
from docx.text.paragraph import Paragraph

from briefing_app.domain.briefing import BriefingSnapshot, Citation
from briefing_app.domain.dates import PartialDate
from briefing_app.domain.model import Event, Excerpt
from briefing_app.export.selection import ExportSelection
from briefing_app.export.xml_text import xml_text

__all__ = ["DocxContent", "briefing_period", "docx_bytes", "quote_summary"]

NOT_CHECKED = (
    "Not checked against the stored article: the event it belongs to is not in this "
    "document's selection. Check it against the source before quoting it."
)

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LANGUAGE = "en-GB"


@dataclass
class DocxContent:
    """What goes into the document besides the briefing itself."""

    chronology: bool = True
    """Add the chronology of the briefing's period after the points."""
    timeline_png: bytes | None = None
    """A picture of the period's timeline (PNG bytes), placed after the points."""
    as_of: date = field(default_factory=date.today)


def briefing_period(briefing: BriefingSnapshot, events: list[Event]) -> tuple[date, date] | None:
    """The days the briefing's cited events cover, or None when it cites none of them."""
    cited = {c.event_id for p in briefing.points for c in p.citations}
    spans = [(e.when.first_day, e.when.last_day) for e in events if e.id in cited]
    if not spans:
        return None
    return min(s[0] for s in spans), max(s[1] for s in spans)


class _Footnotes:
    """Collects footnote texts while the body is written; becomes the footnotes part."""

    def __init__(self) -> None:
        self.notes: list[list[tuple[str, bool]]] = []

    def add(self, paragraph: Paragraph, runs: list[tuple[str, bool]]) -> int:
        """Put a reference mark at the end of ``paragraph``; ``runs`` are (text, italic)."""
        self.notes.append(runs)
        number = len(self.notes)
        run = paragraph.add_run()
        r_pr = run._r.get_or_add_rPr()
        align = OxmlElement("w:vertAlign")
        align.set(qn("w:val"), "superscript")
        r_pr.append(align)
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), str(number))
        run._r.append(ref)
        return number

    def xml(self) -> bytes:
        parts = [
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{_W}">',
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
            "</w:footnote>",
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
            "<w:continuationSeparator/></w:r></w:p></w:footnote>",
        ]
        for number, runs in enumerate(self.notes, 1):
            body = "".join(
                f'<w:r><w:rPr>{"<w:i/>" if italic else ""}<w:sz w:val="18"/></w:rPr>'
                f'<w:t xml:space="preserve">{escape(xml_text(text))}</w:t></w:r>'
                for text, italic in runs
            )
            parts.append(
                f'<w:footnote w:id="{number}"><w:p>'
                '<w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="18"/></w:rPr>'
                "<w:footnoteRef/></w:r>"
                f'<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> </w:t></w:r>'
                f"{body}</w:p></w:footnote>"
            )
        parts.append("</w:footnotes>")
        return "".join(parts).encode("utf-8")


def _set_language(doc: object) -> None:
    """Declare the document's language, for spell checking and screen readers."""
    styles = doc.styles.element  # type: ignore[attr-defined]
    r_pr = styles.find(f"{{{_W}}}docDefaults/{{{_W}}}rPrDefault/{{{_W}}}rPr")
    if r_pr is None:
        return
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), LANGUAGE)
    r_pr.append(lang)
    doc.core_properties.language = LANGUAGE  # type: ignore[attr-defined]


def _citation_runs(
    c: Citation, by_id: dict[str, Event], sel: ExportSelection
) -> list[tuple[str, bool]]:
    runs: list[tuple[str, bool]] = []
    ev = by_id.get(c.event_id)
    title = ev.title if ev else (c.title or f"event {c.event_id}")
    when = ev.when.label() if ev else c.when
    runs.append((f"{title} ({when})" if when else title, False))
    excerpt = (
        next((x for x in ev.excerpts if x.uid == c.excerpt_uid), None)
        if ev and c.excerpt_uid
        else None
    )
    if c.excerpt_uid and c.quote:
        if excerpt is None:
            runs.append((": " + c.quote, True))
            runs.append((f" [{NOT_CHECKED}]", False))
        elif excerpt.needs_check or excerpt.quote != c.quote:
            runs.append((": [Flagged passage] " + c.quote, True))
            runs.append((f" [{excerpt.flag_text()}]", False))
        else:
            runs.append((": \u201c" + c.quote + "\u201d", True))
    if c.source_file:
        src = sel.sources.get(c.source_file)
        grade = excerpt.grade(src) if excerpt else (src.effective_grade if src else None)
        said = src.citation() if src else c.source_file
        runs.append(("; " + said + (f" [{grade.label}]" if grade else ""), False))
    if ev is None:
        runs.append(("; not in this export's period or filters", False))
    return runs


def _drop_thumbnail(doc: object) -> None:
    """The blank template's preview picture would stand for this document: leave it out."""
    rels = doc.part.package.rels  # type: ignore[attr-defined]
    for rid, rel in list(rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            del rels[rid]


def _add_picture(doc: object, png: bytes, alt: str) -> None:
    doc.add_picture(BytesIO(png), width=Inches(6.3))  # type: ignore[attr-defined]
    last = doc.paragraphs[-1]  # type: ignore[attr-defined]
    for pr in last._p.iter(qn("wp:docPr")):
        pr.set("descr", alt)
        pr.set("title", "Timeline")


def _chronology(doc: object, sel: ExportSelection, events: list[Event], notes: _Footnotes) -> None:
    doc.add_heading("Chronology", level=1)  # type: ignore[attr-defined]
    year = None
    for ev in events:
        if ev.when.first_day.year != year:
            year = ev.when.first_day.year
            doc.add_heading(str(year), level=2)  # type: ignore[attr-defined]
        head = doc.add_paragraph(style="Heading 3")  # type: ignore[attr-defined]
        head.add_run(xml_text(f"{ev.when.label()} \u2014 {ev.title}"))
        facts = f"{ev.lane.value} · confidence {ev.confidence.value}"
        if ev.actors:
            facts += " · " + ", ".join(ev.actors)
        meta = doc.add_paragraph(xml_text(facts))  # type: ignore[attr-defined]
        meta.runs[0].font.size = Pt(9)
        if ev.summary:
            doc.add_paragraph(xml_text(ev.summary))  # type: ignore[attr-defined]
        for x in ev.excerpts:
            shown = f"[Flagged passage] {x.quote}" if x.needs_check else x.quote
            quote = doc.add_paragraph(xml_text(shown), style="Quote")  # type: ignore[attr-defined]
            src = sel.sources.get(x.source)
            grade = x.grade(src)
            said = src.citation() if src else x.source
            runs = [(said + (f" [{grade.label}]" if grade else ""), False)]
            if x.needs_check:
                runs.append((f" [{x.flag_text()}]", False))
            notes.add(quote, runs)
        for note in sel.annotations_of(ev.id):
            para = doc.add_paragraph()  # type: ignore[attr-defined]
            para.add_run("Note: ").bold = True
            para.add_run(xml_text(note.body))


def _printed(
    sel: ExportSelection, briefing: BriefingSnapshot, content: DocxContent
) -> list[Excerpt]:
    """The checked excerpts the note prints: those its points cite, and its chronology's."""
    by_uid = {x.uid: x for e in sel.events for x in e.excerpts}
    cited = [
        by_uid[c.excerpt_uid]
        for p in briefing.points
        for c in p.citations
        if c.excerpt_uid in by_uid
    ]
    if not content.chronology:
        return cited
    lo, hi = briefing_period(briefing, sel.events) or (sel.first_day, sel.last_day)
    return cited + [x for e in sel.events if e.when.overlaps(lo, hi) for x in e.excerpts]


def quote_summary(
    sel: ExportSelection, briefing: BriefingSnapshot, content: DocxContent
) -> str | None:
    """The note's line on its quotations: how many were checked against the stored articles."""
    if sel.quotes is None:
        return None
    return sel.quotes.summary(_printed(sel, briefing, content))


def docx_bytes(
    sel: ExportSelection,
    briefing: BriefingSnapshot,
    content: DocxContent | None = None,
    *,
    progress: Callable[[str], None] | None = None,
) -> bytes:
    """The briefing note; ``sel`` holds the events its points may cite."""
    content = content or DocxContent()
    doc = Document()
    _set_language(doc)
    doc.core_properties.title = xml_text(f"Briefing: {briefing.name}")
    doc.core_properties.author = "Briefing Chronology"
    doc.add_heading(xml_text(briefing.name), level=0)
    period = briefing_period(briefing, sel.events)
    facts = f"Briefing note as of {PartialDate(content.as_of).label()}"
    if period:
        lo, hi = (PartialDate(d).label() for d in period)
        facts += f" · events from {lo} to {hi}"
    doc.add_paragraph(facts, style="Subtitle")
    summary = doc.add_paragraph() if sel.quotes is not None else None
    notes = _Footnotes()
    by_id = {e.id: e for e in sel.events}
    doc.add_heading("Talking points", level=1)
    if not briefing.points:
        doc.add_paragraph("This briefing has no talking points yet.")
    for point in briefing.points:
        para = doc.add_paragraph(xml_text(point.text.strip()), style="List Number")
        if not point.citations:
            para.add_run(" (unsupported: cites no event or source)").italic = True
        for i, c in enumerate(point.citations):
            if i:
                para.add_run(",").font.superscript = True  # "2,3", not "23"
            notes.add(para, _citation_runs(c, by_id, sel))
    if progress:
        progress("talking points")
    if content.timeline_png is not None:
        doc.add_heading("Timeline", level=1)
        lanes = ", ".join(lane.value for lane in sel.options.ordered_lanes)
        alt = (
            f"Timeline of {len(sel.events)} events from {PartialDate(sel.first_day).label()} "
            f"to {PartialDate(sel.last_day).label()}, one row per lane ({lanes})."
        )
        _add_picture(doc, content.timeline_png, alt)
    if content.chronology:
        lo, hi = period or (sel.first_day, sel.last_day)
        events = [e for e in sel.events if e.when.overlaps(lo, hi)]
        _chronology(doc, sel, events, notes)
    if progress:
        progress("chronology")
    line = quote_summary(sel, briefing, content)
    if summary is not None and line:
        summary.add_run(xml_text(line + "."))
    if notes.notes:
        part = Part(
            PackURI("/word/footnotes.xml"),
            CONTENT_TYPE.WML_FOOTNOTES,
            notes.xml(),
            doc.part.package,
        )
        doc.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    _drop_thumbnail(doc)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()
