"""Reading a file the user chose into an article: text, body, furniture, metadata.

One entry point, ``read_article``, for every format the app imports (plain
text, Markdown, HTML saved from a browser, PDF with a text layer, calendars
as .ics files). It decides
the format from the bytes first and the name second, refuses what it cannot
read with an ``ImportProblem`` that tells the user what to do, and touches no
database: a file is either read whole or not at all.
"""

from __future__ import annotations

import email
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from email import errors
from email.message import Message
from pathlib import Path

from briefing_app.ingest.calendar_file import CalendarEntry, read_calendar
from briefing_app.ingest.encodings import decode_bytes
from briefing_app.ingest.furniture import FurnitureSpan, body_extent, find_furniture
from briefing_app.ingest.html_article import declared_charset, read_html
from briefing_app.ingest.metadata import (
    ArticleMetadata,
    ExtractedArticle,
    metadata_from_text,
    parse_published,
)
from briefing_app.ingest.pdf_article import read_pdf
from briefing_app.ingest.problems import ImportCancelled, ImportProblem

__all__ = [
    "FORMATS",
    "MAX_BYTES",
    "ImportCancelled",
    "ImportProblem",
    "ReadArticle",
    "detect_format",
    "read_article",
]

MAX_BYTES = 20 * 1024 * 1024
"""Larger files are refused: no news article is this long, and reading one would stall."""
FORMATS = ("text", "markdown", "html", "pdf", "calendar")

_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".mhtml", ".mht"}
_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (a Word, OpenDocument or EPUB file is one)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"SQLite format 3", "a database"),
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class ReadArticle:
    """A file read into an article, ready for the user to check and save.

    ``text`` is what excerpts' offsets point into: the decoded file for text
    and Markdown, the extracted text for HTML and PDF. ``content_hash`` is
    the SHA-256 of the file's bytes, so the same file is recognised again.
    """

    path: Path
    format: str
    text: str
    body_start: int
    body_end: int
    furniture: tuple[FurnitureSpan, ...]
    metadata: ArticleMetadata
    content_hash: str
    size: int
    encoding: str | None = None
    notes: tuple[str, ...] = field(default=())
    calendar: tuple[CalendarEntry, ...] = field(default=())
    """A calendar's entries (format ``calendar``), each one proposed event."""

    @property
    def body(self) -> str:
        return self.text[self.body_start : self.body_end]


# -- the file itself -------------------------------------------------------------------
def _read_bytes(path: Path) -> bytes:
    try:
        if not path.exists():
            raise ImportProblem(
                f"There is no file at {path}: it may have been moved, renamed or deleted. "
                "Choose it again."
            )
        if path.is_dir():
            raise ImportProblem(f"{path} is a folder. Choose the article's file inside it.")
        if not path.is_file():
            raise ImportProblem(f"{path} is not a regular file. Choose the article's file.")
        size = path.stat().st_size
        if size == 0:
            raise ImportProblem("The file is empty (0 bytes): there is nothing to import.")
        if size > MAX_BYTES:
            raise ImportProblem(
                f"The file is {size / 1_048_576:.1f} MB; articles larger than "
                f"{MAX_BYTES // 1_048_576} MB are not imported (no article is that long: it "
                "is probably not a single article, or it embeds images). Save just the "
                "article, as text or as an HTML page without its images, and import that."
            )
        return path.read_bytes()
    except PermissionError as exc:
        raise ImportProblem(
            f"The file cannot be read: permission denied ({exc.strerror}). Copy it to a "
            "folder you own, or change its permissions, then import it."
        ) from exc
    except OSError as exc:
        raise ImportProblem(
            f"The file cannot be read ({exc.strerror or exc}). Check the disk or copy the "
            "file elsewhere, then import it."
        ) from exc


def detect_format(path: Path, raw: bytes) -> str:
    """``text``, ``markdown``, ``html``, ``pdf`` or ``calendar``: the bytes decide, then
    the name.

    Raises ImportProblem for files that are recognisably something else
    (images, archives, Office documents...).
    """
    head = raw[:1024]
    if b"%PDF-" in head:
        return "pdf"
    for signature, what in _SIGNATURES:
        if raw.startswith(signature):
            raise ImportProblem(
                f"This file is {what}, not an article the app can read. Save the article as "
                "plain text, Markdown, an HTML page or a PDF, and import that."
            )
    suffix = path.suffix.lower()
    sniff = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if sniff.startswith(b"begin:vcalendar"):
        return "calendar"
    if suffix in _HTML_SUFFIXES:
        return "html"
    if sniff.startswith((b"<!doctype html", b"<html")) or b"<body" in sniff:
        return "html"
    if suffix in _MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


# -- formats ----------------------------------------------------------------------------
def _humanised(path: Path) -> str:
    return re.sub(r"[_\-]+", " ", path.stem).strip()


def _plain(raw: bytes, markdown: bool) -> tuple[ExtractedArticle, str]:
    decoded = decode_bytes(raw)
    text = decoded.text
    if not any(ch.isalnum() for ch in text):
        raise ImportProblem(
            "The file has no words in it (only blank space or punctuation): there is "
            "nothing to import."
        )
    furniture: list[FurnitureSpan] = []
    front: dict[str, str] = {}
    offset = 0
    if markdown:
        match = _FRONT_MATTER.match(text)
        if match:
            front = {k.lower(): v.strip("\"' ") for k, v in _FRONT_KEY.findall(match.group(1))}
            furniture.append(FurnitureSpan(0, match.end(), "metadata"))
            offset = match.end()
    furniture += [
        FurnitureSpan(s.start + offset, s.end + offset, s.kind)
        for s in find_furniture(text[offset:])
    ]
    start, end = body_extent(text, furniture)
    found = metadata_from_text(text, start, end)
    if front:
        found = found.merged(
            ArticleMetadata(
                title=front.get("title", ""),
                outlet=front.get("outlet") or front.get("source") or front.get("site", ""),
                author=front.get("author"),
                published=parse_published(front.get("date") or front.get("published")),
                language=front.get("lang") or front.get("language") or "",
                url=front.get("url") or front.get("link"),
            )
        )
    notes = []
    if decoded.detected:
        notes.append(f"the file is not UTF-8; it was read as {decoded.encoding}: check accents")
    return ExtractedArticle(text, start, end, furniture, found, notes), decoded.encoding


_UNDECODABLE = (errors.InvalidBase64CharactersDefect, errors.InvalidBase64LengthDefect)


def _mhtml_part(raw: bytes) -> tuple[bytes, str | None] | None:
    """The HTML part of a page saved as a single MHTML file, with its charset."""
    if b"multipart/related" not in raw[:4096].lower():
        return None
    message: Message = email.message_from_bytes(raw)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            # Python's decoder does not fail: it hands back the raw characters (bad
            # length) or bytes decoded around stray characters. Either is not the page.
            if any(isinstance(d, _UNDECODABLE) for d in part.defects):
                raise ImportProblem(
                    "The saved page's text (its base64-encoded HTML part) is damaged and "
                    "cannot be decoded, so nothing was imported. Save the page again."
                )
            if isinstance(payload, bytes):
                return payload, part.get_content_charset()
    return None


def _refuse_truncated_html(raw: bytes) -> None:
    start = raw[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not start.startswith((b"<!doctype html", b"<html")):
        return
    tail = raw[-4096:].lower()
    if b"</html" not in tail and b"</body" not in tail:
        raise ImportProblem(
            "The web page stops before its end (it has no closing </body> or </html>): the "
            "file looks cut short. Open the article in the browser and save it again."
        )


def _html(raw: bytes) -> tuple[ExtractedArticle, str]:
    charset = declared_charset(raw)
    mhtml = _mhtml_part(raw)
    if mhtml is not None:
        raw, charset = mhtml[0], mhtml[1] or declared_charset(mhtml[0])
    _refuse_truncated_html(raw)
    decoded = decode_bytes(raw, declared=charset)
    page = read_html(decoded.text)
    if decoded.detected:
        notes = [
            *page.notes,
            f"the page declares no usable charset; it was read as {decoded.encoding}",
        ]
        page = replace(page, notes=notes)
    return page, decoded.encoding


def _pdf(raw: bytes) -> ExtractedArticle:
    if b"%%EOF" not in raw[-2048:]:
        raise ImportProblem(
            "The PDF is incomplete (it does not end the way every PDF file ends): it looks "
            "cut short, as by an interrupted download. Download or save it again."
        )
    return read_pdf(raw)


def read_article(path: str | Path, cancelled: Callable[[], bool] | None = None) -> ReadArticle:
    """Read ``path`` whole into an article, or raise ImportProblem saying why not.

    ``cancelled`` is asked between steps; when it answers True the read stops
    with ImportCancelled and nothing of the file is kept.
    """

    def check() -> None:
        if cancelled is not None and cancelled():
            raise ImportCancelled(str(path))

    file = Path(path)
    raw = _read_bytes(file)
    digest = hashlib.sha256(raw).hexdigest()
    check()
    kind = detect_format(file, raw)
    encoding: str | None = None
    entries: tuple[CalendarEntry, ...] = ()
    if kind == "pdf":
        page = _pdf(raw)
    elif kind == "calendar":
        page, entries = read_calendar(raw)
        encoding = "utf-8"
    elif kind == "html":
        page, encoding = _html(raw)
    else:
        page, encoding = _plain(raw, markdown=kind == "markdown")
    check()
    if not page.text[page.body_start : page.body_end].strip():
        raise ImportProblem(
            "No article text was found in the file: everything in it looks like page "
            "furniture (menus, notices, links). Import a copy of the article's own text."
        )
    metadata = page.metadata
    if not metadata.title:
        metadata = replace(metadata, title=_humanised(file))
    return ReadArticle(
        path=file,
        format=kind,
        text=page.text,
        body_start=page.body_start,
        body_end=page.body_end,
        furniture=tuple(page.furniture),
        metadata=metadata,
        content_hash=digest,
        size=len(raw),
        encoding=encoding,
        notes=tuple(page.notes),
        calendar=entries,
    )
