"""Furniture inside lines of text: datelines, credits, handles, stamps, addresses."""

from __future__ import annotations

from briefing_app.ingest.furniture.patterns import (
    AFTER_STAMP,
    AGENCY_DATELINE,
    AGENCY_DATELINE_INSIDE,
    CAPITAL_PLACE_DATE,
    CREDIT,
    CREDIT_MARK,
    DELIVERY,
    DOUBLED_DATE,
    HANDLE,
    HASHTAG,
    LABELLED_STAMP,
    LABELLED_STAMP_INSIDE,
    LEADING_CLOCK,
    NAME_BEFORE,
    PAREN_DATE_END,
    PHOTO_NOTE,
    PHOTO_RIGHTS,
    PLACE_DASH,
    PLACE_DATE,
    ROLE,
    SHORT_DATE,
    SIGN_OFF,
    SPEAKER_LABEL,
    SUBTITLE_CUE,
    TAG_BYLINE,
    TRAILING_STAMP,
    URL,
    words_of,
)
from briefing_app.ingest.furniture.spans import FurnitureSpan, Line


def inline_spans(text: str) -> list[FurnitureSpan]:
    """Furniture inside lines of text: agency datelines, credits, handles, notes."""
    found: list[FurnitureSpan] = []
    for role in ROLE.finditer(text):  # "Maria Udrescu Journaliste en charge de ..."
        name = NAME_BEFORE.search(text, max(0, role.start() - 80), role.start())
        if name:
            end = text.find("\n", role.end())
            end = len(text) if end == -1 else end
            rest = text[role.end() : end]
            stop = rest.find(".")
            b = role.end() + (stop if stop != -1 else min(len(rest), 60))
            if b - role.end() <= 60:
                found.append(FurnitureSpan(name.start(), b, "byline"))
    for m in PLACE_DASH.finditer(text):  # "Bruselas – El Consejo de la Union Europea ..."
        end = text.find("\n", m.end())
        rest = text[m.end() : len(text) if end == -1 else end]
        if len(words_of(rest)) >= 12:
            found.append(
                FurnitureSpan(
                    m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end() - 1, "dateline"
                )
            )
    if "(@" in text or "pic.twitter.com" in text:
        found += [FurnitureSpan(m.start(), m.end(), "handle") for m in HANDLE.finditer(text)]
    for stamp in LABELLED_STAMP.finditer(text):
        after = AFTER_STAMP.match(text, stamp.end())
        if after and after.group(0).strip():
            a = after.start() + len(after.group(0)) - len(after.group(0).lstrip())
            b = after.start() + len(after.group(0).rstrip())
            found.append(FurnitureSpan(a, b, "dateline"))
    for pattern, kind in (
        (LABELLED_STAMP, "dateline"),
        (SUBTITLE_CUE, "clock"),
        (LEADING_CLOCK, "clock"),
        (TRAILING_STAMP, "dateline"),
        (SHORT_DATE, "dateline"),
        (PAREN_DATE_END, "dateline"),
        (PHOTO_RIGHTS, "caption"),
        (HASHTAG, "handle"),
        (SIGN_OFF, "byline"),
        (PHOTO_NOTE, "caption"),
        (AGENCY_DATELINE, "dateline"),
        (AGENCY_DATELINE_INSIDE, "dateline"),
        (CAPITAL_PLACE_DATE, "dateline"),
        (SPEAKER_LABEL, "other"),
        (LABELLED_STAMP_INSIDE, "updated"),
        (PLACE_DATE, "dateline"),
        (CREDIT, "byline"),
        (TAG_BYLINE, "byline"),
        (DELIVERY, "delivery-note"),
        (CREDIT_MARK, "caption"),
        (DOUBLED_DATE, "dateline"),
        (URL, "other"),
    ):
        for match in pattern.finditer(text):
            a, b = match.start(), match.end()
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                found.append(FurnitureSpan(a, b, kind))
    return found


_STAMP_KINDS = frozenset({"dateline", "clock", "updated"})


def spans_of_line(line: Line, kind: str) -> list[FurnitureSpan]:
    """The line as one span of ``kind``; a caption line is cut around a date stamp in it
    (" date 2017-12-11 © Sputnik/ ..."), since a caption's dates are read as text and a
    stamp's are not."""
    whole = [FurnitureSpan(line.start, line.end, kind)]
    if kind != "caption":
        return whole
    stamps = no_overlap([s for s in inline_spans(line.text) if s.kind in _STAMP_KINDS])
    if not stamps:
        return whole
    pieces: list[FurnitureSpan] = []
    pos = 0
    for stamp in stamps:
        pieces += _trimmed(line, pos, stamp.start, "caption")
        pieces.append(FurnitureSpan(line.start + stamp.start, line.start + stamp.end, stamp.kind))
        pos = stamp.end
    return pieces + _trimmed(line, pos, len(line.text), "caption")


def _trimmed(line: Line, a: int, b: int, kind: str) -> list[FurnitureSpan]:
    """``line.text[a:b]`` without its blank ends, as a span (none when it is blank)."""
    piece = line.text[a:b]
    if not piece.strip():
        return []
    a += len(piece) - len(piece.lstrip())
    b -= len(piece) - len(piece.rstrip())
    return [FurnitureSpan(line.start + a, line.start + b, kind)]


def no_overlap(spans: list[FurnitureSpan]) -> list[FurnitureSpan]:
    """The spans in order, each one that overlaps an earlier (longer-first) one left out."""
    kept: list[FurnitureSpan] = []
    for span in sorted(spans, key=lambda f: (f.start, -(f.end - f.start))):
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept
