"""An article from a PDF with a text layer: its text reflowed into paragraphs.

pypdf gives one line per printed line; the stored text joins the lines of a
paragraph again (a line that runs to the margin continues on the next), so
sentences, excerpts and dates are not cut by the page layout. Lines that
repeat at the top or bottom of most pages (running heads, page numbers, the
address a browser prints) are kept and marked as furniture. A PDF whose pages
are only images has no text layer and is refused with what to do instead.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from briefing_app.ingest.furniture import FurnitureSpan, body_extent, find_furniture
from briefing_app.ingest.metadata import (
    ArticleMetadata,
    ExtractedArticle,
    metadata_from_text,
    parse_published,
)
from briefing_app.ingest.problems import ImportProblem

if TYPE_CHECKING:
    from pypdf import PdfReader

__all__ = ["read_pdf"]

_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
_SPACES = re.compile(r"[ \t\u00a0]+")
_URL = re.compile(r"https?://\S+")
_FULL_LINE = 0.75
"""A line at least this share of the usual width ran to the margin: the paragraph goes on."""
_SENTENCE_END = (".", "!", "?", ":", "”", '"', "»", ")")


@contextmanager
def _quiet() -> Iterator[None]:
    """pypdf warns and logs about harmless quirks of many PDF writers; the user
    hears only about what stops the import."""
    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        log.setLevel(level)


def _open(raw: bytes) -> PdfReader:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ImportProblem(
                "The PDF is protected by a password. Open it, print or save it without the "
                "password (or export its text), then import that file."
            )
        _ = len(reader.pages)
    except ImportProblem:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ImportProblem(
            f"The PDF is damaged or incomplete and cannot be read ({exc}). Download or "
            "save it again, or import a text or HTML version of the article."
        ) from exc
    return reader


def _page_lines(reader: PdfReader) -> list[list[str]]:
    from pypdf.errors import PyPdfError

    pages: list[list[str]] = []
    for page in reader.pages:
        try:
            raw = page.extract_text() or ""
        except (PyPdfError, ValueError, KeyError, TypeError) as exc:
            raise ImportProblem(
                f"A page of the PDF cannot be read ({exc}). The file may be damaged: "
                "download it again, or import a text or HTML version."
            ) from exc
        lines = [_SPACES.sub(" ", ln.translate(_LIGATURES)).strip() for ln in raw.splitlines()]
        pages.append([ln for ln in lines if ln])
    return pages


def _shape(line: str) -> str:
    """A line with its numbers blanked, so 'Page 1 of 3' and 'Page 2 of 3' match."""
    return re.sub(r"\d+", "#", line)


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Shapes of lines repeated at the top or bottom of most pages."""
    if len(pages) < 2:
        return set()
    counts: dict[str, int] = {}
    for lines in pages:
        edge = {_shape(ln) for ln in lines[:2] + lines[-2:] if len(ln) <= 120}
        for shape in edge:
            counts[shape] = counts.get(shape, 0) + 1
    return {shape for shape, n in counts.items() if n >= max(2, (len(pages) + 1) // 2)}


def _split_running(lines: list[str], running: set[str]) -> tuple[list[str], list[str], list[str]]:
    """A page's running lines in its top half, its own lines, its running lines below."""
    header: list[str] = []
    body: list[str] = []
    footer: list[str] = []
    for i, line in enumerate(lines):
        if _shape(line) not in running:
            body.append(line)
        else:
            (header if i < len(lines) / 2 else footer).append(line)
    return header, body, footer


def _width(pages: list[list[str]]) -> int:
    lengths = sorted(len(ln) for lines in pages for ln in lines)
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


def _paragraphs(lines: list[str], width: int) -> list[str]:
    """Join printed lines into paragraphs: a line that reached the margin goes on."""
    out: list[str] = []
    current = ""
    for line in lines:
        if not current:
            current = line
        elif current.endswith("-") and current[-2:-1].isalpha() and line[:1].islower():
            current = current[:-1] + line
        else:
            current = f"{current} {line}"
        full = len(line) >= _FULL_LINE * width
        if not full or (line.endswith(_SENTENCE_END) and len(line) < 0.9 * width):
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


def read_pdf(raw: bytes) -> ExtractedArticle:
    """The article in a PDF's text layer; ImportProblem for a damaged or image-only PDF."""
    with _quiet():
        reader = _open(raw)
        pages = _page_lines(reader)
        info = reader.metadata or {}
    if not any(pages):
        raise ImportProblem(
            "This PDF has no text layer (its pages are images, as from a scanner): run OCR "
            "on it first, or import a text version of the article."
        )
    running = _running_lines(pages)
    width = _width(pages)
    parts: list[str] = []
    spans: list[FurnitureSpan] = []
    pos = 0
    url = None
    for lines in pages:
        header, body, footer = _split_running(lines, running)
        for kind, paragraphs in (
            ("header", header),
            ("", _paragraphs(body, width)),
            ("footer", footer),
        ):
            for para in paragraphs:
                if parts:
                    parts.append("\n\n")
                    pos += 2
                if kind:
                    spans.append(FurnitureSpan(pos, pos + len(para), kind))
                    found = _URL.search(para)
                    url = url or (found.group().rstrip(".,)") if found else None)
                parts.append(para)
                pos += len(para)
    text = "".join(parts)
    covered = [(s.start, s.end) for s in spans]
    more = [f for f in find_furniture(text) if not any(a <= f.start < b for a, b in covered)]
    furniture = sorted(spans + more, key=lambda s: s.start)
    start, end = body_extent(text, furniture)
    found = metadata_from_text(text, start, end)
    notes: list[str] = []
    title = str(info.get("/Title") or "").strip()
    author = str(info.get("/Author") or "").strip()
    published = found.published
    created = parse_published(str(info.get("/CreationDate") or ""))
    if published is None and created is not None:
        # Often the day the page was printed, not published: said, never assumed.
        notes.append(
            f"the PDF was made on {created.label()}; that may not be the publication date, "
            "so none was set"
        )
    metadata = ArticleMetadata(
        title=found.title or title,
        outlet=found.outlet,
        author=found.author or author or None,
        published=published,
        language=found.language,
        url=url,
    )
    return ExtractedArticle(text, start, end, furniture, metadata, notes)
