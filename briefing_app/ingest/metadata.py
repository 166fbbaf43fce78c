"""What an article says about itself: headline, byline, dateline, publication date.

Readers of every format call here for the parts that are written in the text
itself ("By Jane Doe", "BRUSSELS, March 5 (Reuters) –", "Published 5 March
2025"); HTML and PDF add what their own metadata says. A date is kept at the
precision it is written with: "2025-03" stays a month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from briefing_app.domain.dates import DateFormatError, PartialDate, Precision
from briefing_app.ingest.dates import LANGUAGES, detect_language, extract_dates
from briefing_app.ingest.furniture import FurnitureSpan

__all__ = [
    "ArticleMetadata",
    "Dateline",
    "ExtractedArticle",
    "find_byline",
    "find_dateline",
    "find_headline",
    "metadata_from_text",
    "parse_published",
    "published_in_header",
]

_HEAD_LINES = 15
"""How many non-blank lines at the top may hold a headline, byline or date."""


@dataclass(frozen=True, slots=True)
class ArticleMetadata:
    """Metadata the user checks (and may edit) before a source is saved."""

    title: str = ""
    outlet: str = ""
    author: str | None = None
    published: PartialDate | None = None
    language: str = "en"
    url: str | None = None

    def merged(self, better: ArticleMetadata) -> ArticleMetadata:
        """This metadata with every field ``better`` knows taken from it."""
        return replace(
            self,
            title=better.title or self.title,
            outlet=better.outlet or self.outlet,
            author=better.author or self.author,
            published=better.published or self.published,
            language=better.language or self.language,
            url=better.url or self.url,
        )


@dataclass(frozen=True)
class ExtractedArticle:
    """What a reader makes of one format: text, article extent, furniture, metadata, notes."""

    text: str
    body_start: int
    body_end: int
    furniture: list[FurnitureSpan]
    metadata: ArticleMetadata
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Dateline:
    """``BRUSSELS, March 5 (Reuters) –``: where, when and which agency."""

    place: str
    date_text: str | None
    agency: str | None
    start: int
    end: int


# -- dates -------------------------------------------------------------------
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.+\-Z ]*)?$")
_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?")


def _partial(year: str, month: str | None, day: str | None) -> PartialDate | None:
    try:
        if day:
            return PartialDate.day(int(year), int(month or 1), int(day))
        if month:
            return PartialDate.month(int(year), int(month))
        return PartialDate.year(int(year))
    except (ValueError, DateFormatError):
        return None


def parse_published(value: str | None) -> PartialDate | None:
    """A publication date from metadata, at the precision it is given.

    Takes ISO dates and times (``2025-03-06T10:00:00Z`` is a day, ``2025-03``
    a month), PDF dates (``D:20250306...``) and dates written in words
    ("6 March 2025", "Mar. 6, 2025"). None when nothing in it is a date.
    """
    text = (value or "").strip()
    if not text:
        return None
    iso = _ISO.match(text)
    if iso:
        return _partial(*iso.groups())
    pdf = _PDF_DATE.match(text)
    if pdf:
        return _partial(*pdf.groups())
    mentions = extract_dates(text[:200])
    return mentions[0].date if mentions else None


# -- lines at the top of an article ---------------------------------------------
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_DATELINE = re.compile(
    rf"^(?P<place>[{_UPPER}][{_UPPER}'’.\- ]{{1,30}}[{_UPPER}.](?:\s*/\s*[{_UPPER}][{_UPPER} ]+)?)"
    r"(?:,\s*(?P<date>[^()\n\-–—]{3,30}?))?"
    r"\s*(?:\((?P<agency>[^()\n]{2,30})\))?"
    r"\s*(?:--|[-–—])\s*",
)
_BYLINE = re.compile(
    r"^(?:By|BY|Par|PAR|Por|POR|Von|VON|Di|DI)\s+"
    r"(?P<names>[A-ZÀ-Ý][\w.'’\-]*(?:\s+(?:[A-ZÀ-Ý][\w.'’\-]*|and|und|et|y|e|de|del|van|von|"
    r"der|da|di|le|la|&)){0,8})"
)
_BYLINE_STOP = re.compile(r"\s*(?:,|\||\s[-–—]\s|\sin\s|\sfor\s).*$")
_PUBLISHED_CUE = re.compile(
    r"\b(?:published|posted|updated|publié|mis à jour|publicado|actualizado|veröffentlicht|"
    r"aktualisiert|pubblicato)\b",
    re.IGNORECASE,
)


def _head_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the first non-blank lines of ``text[start:end]``."""
    spans: list[tuple[int, int]] = []
    pos = start
    while pos < end and len(spans) < _HEAD_LINES:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        if text[pos:stop].strip():
            spans.append((pos, stop))
        pos = stop + 1
    return spans


def find_dateline(text: str, start: int = 0, end: int | None = None) -> Dateline | None:
    """The first dateline at the start of one of the top lines, if any.

    The place must be written in capitals, as agencies do, so that an
    ordinary sentence ("Leaders met - again") is never read as one.
    """
    stop = len(text) if end is None else end
    for a, b in _head_lines(text, start, stop):
        line = text[a:b].lstrip()
        offset = a + (b - a - len(line))
        match = _DATELINE.match(line)
        if not match or len(match.group("place").replace(" ", "")) < 3:
            continue
        rest = line[match.end() :]
        if not rest[:1].isupper() and not rest[:1].isdigit():
            continue
        date_text = (match.group("date") or "").strip() or None
        agency = (match.group("agency") or "").strip() or None
        return Dateline(
            match.group("place").strip(), date_text, agency, offset, offset + match.end()
        )
    return None


def find_byline(text: str, start: int = 0, end: int | None = None) -> str | None:
    """The author named by a "By ..." line near the top, without the outlet after it."""
    stop = len(text) if end is None else end
    for a, b in _head_lines(text, start, stop):
        line = text[a:b].strip()
        if len(line) > 160:
            continue
        match = _BYLINE.match(line)
        if match:
            names = _BYLINE_STOP.sub("", match.group("names")).strip(" .")
            if names:
                return names
    return None


def _is_headline(line: str) -> bool:
    words = line.split()
    return (
        2 <= len(words) <= 30
        and len(line) <= 200
        and not line.endswith((".", ",", ";", ":"))
        and not _BYLINE.match(line)
        and not _DATELINE.match(line)
    )


def find_headline(text: str, start: int = 0, end: int | None = None) -> str | None:
    """The article's first line when it reads as a headline (short, no full stop)."""
    stop = len(text) if end is None else end
    lines = _head_lines(text, start, stop)
    if not lines:
        return None
    first = text[lines[0][0] : lines[0][1]].strip().lstrip("#").strip()
    return first if _is_headline(first) else None


def _is_prose(line: str) -> bool:
    return len(line.split()) >= 8 and line.rstrip().endswith((".", "!", "?", "”", '"'))


def _finest(mentions: list, with_year: bool = True) -> PartialDate | None:
    """The finest-grained date among ``mentions`` (a day over a month over a year)."""
    dated = [m for m in mentions if not with_year or re.search(r"\d{4}", m.text)]
    if not dated:
        return None
    return min(dated, key=lambda m: m.date.precision.rank).date


@dataclass(frozen=True, slots=True)
class _Stamp:
    text: str
    start: int
    date: PartialDate


_ISO_STAMP = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?(?:T[\d:.+Z-]+)?\b")


def _line_dates(line: str, language: str | None) -> list:
    """The dates of one short line, read in the document's language, else in any;
    an ISO stamp ("2022-03", "2022-03-21T10:00") at the precision it is written."""
    stamps: list = []
    for match in _ISO_STAMP.finditer(line):
        value = parse_published(match.group(0))
        if value is not None:
            stamps.append(_Stamp(match.group(0), match.start(), value))
    words = extract_dates(line, language=language) or (extract_dates(line) if language else [])
    taken = [(m.start, m.start + len(m.text)) for m in stamps]
    words = [m for m in words if not any(a <= m.start < b for a, b in taken)]
    return sorted(stamps + words, key=lambda m: m.start)


def published_in_header(
    text: str, start: int = 0, end: int | None = None, language: str | None = None
) -> PartialDate | None:
    """A publication date written above the article ("Published 5 March 2025").

    Only short lines before the first paragraph of prose count, and only
    dates with a year; a line that says "published" or "updated" wins over a
    bare date line, and of a line's dates the finest is taken ("date 2023-06
    June 28, 2023" is a day). A date known only to its month or year takes
    the day from a dateline without a year ("Bruxelles, 25 mar. (LaPresse)")
    when that day falls in it.
    """
    stop = len(text) if end is None else end
    found: list[tuple[bool, PartialDate]] = []
    lines = _head_lines(text, start, stop)
    read: list[str] = []
    for a, b in lines:
        line = text[a:b].strip()
        read.append(line[:80])
        if _is_prose(line):
            opening = _line_dates(line[:40], language)
            if opening and opening[0].start <= 2:  # "Mittwoch, 27. Mai 2009. Es gilt ..."
                best = _finest(opening[:1])
                if best is not None:
                    found.append((False, best))
            break
        if len(line) > 100:
            continue
        best = _finest(_line_dates(line, language))
        if best is not None:
            found.append((bool(_PUBLISHED_CUE.search(line)), best))
    found.sort(key=lambda item: (not item[0], item[1].precision.rank))
    if not found:
        return None
    published = found[0][1]
    if published.precision in (Precision.MONTH, Precision.YEAR):
        published = _day_within(published, read, language) or published
    return published


def _day_within(period: PartialDate, lines: list[str], language: str | None) -> PartialDate | None:
    """A day written without its year ("25 mar.") that lies inside ``period``."""
    if period.precision is Precision.MONTH:
        nxt = date(period.value.year + (period.value.month == 12), period.value.month % 12 + 1, 1)
        last = date.fromordinal(nxt.toordinal() - 1)
    else:
        last = date(period.value.year, 12, 31)
    for raw in lines:
        # ISO stamps are read on their own: "2023-06 Giugno 28" holds no "06 Giugno"
        line = _ISO_STAMP.sub(lambda m: " " * len(m.group(0)), raw)
        found = extract_dates(line, published=last, language=language) or extract_dates(
            line, published=last
        )
        for mention in found:
            day = mention.date
            if day.precision is Precision.DAY and period.value <= day.value <= last:
                return day
    return None


def _dateline_date(dateline: Dateline, year_of: PartialDate | None) -> PartialDate | None:
    """ "June 30" in a dateline, with the year taken from a known publication date."""
    if not dateline.date_text or year_of is None:
        return None
    base = date(year_of.value.year, 12, 31)
    for mention in extract_dates(dateline.date_text, published=base):
        if mention.date.precision is Precision.DAY and mention.date.value.year == base.year:
            return mention.date
    return None


def metadata_from_text(text: str, body_start: int, body_end: int) -> ArticleMetadata:
    """Everything the article's own text says about it, for formats with no metadata."""
    dateline = find_dateline(text, body_start, body_end)
    language = detect_language(text[body_start:body_end])
    known = language if language in LANGUAGES else None
    published = published_in_header(text, 0, body_end, known)
    if dateline is not None and published is not None and published.precision is Precision.YEAR:
        published = _dateline_date(dateline, published) or published
    return ArticleMetadata(
        title=find_headline(text, body_start, body_end) or "",
        outlet=dateline.agency if dateline and dateline.agency else "",
        author=find_byline(text, 0, body_end),
        published=published,
        language=language if language in LANGUAGES else "en",
        url=None,
    )
