"""The whole page: line kinds, the header and footer regions, spans merged in order."""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefing_app.ingest.furniture.inline import inline_spans, no_overlap, spans_of_line
from briefing_app.ingest.furniture.language import language_scores, ranked
from briefing_app.ingest.furniture.patterns import (
    ENTRY_DATE,
    FIELD,
    RELATED,
    SENTENCE_END,
    VIDEO_MARKER,
    words_of,
)
from briefing_app.ingest.furniture.shapes import (
    date_dominates,
    dated_label,
    is_list_marker,
    is_prose,
    line_kind,
    sidebar_start,
)
from briefing_app.ingest.furniture.spans import FurnitureSpan, Line, split_lines


def _document_language(lines: list[Line]) -> str | None:
    """The language of the article's prose, or None unless the evidence is plain.

    Lines are only ever called foreign against a language the whole document
    is confidently written in: twice the runner-up's evidence, and enough of it.
    """
    sample = " ".join(line.stripped for line in lines if is_prose(line))
    best, score, second = ranked(language_scores(sample)[0])
    if best is None or score < 5 or score < 2 * second:
        return None
    return best


def _merge(spans: Iterator[FurnitureSpan], text: str) -> list[FurnitureSpan]:
    merged: list[FurnitureSpan] = []
    for span in spans:
        if merged:
            last = merged[-1]
            gap = text[last.end : span.start]
            same = last.kind == span.kind or "caption" not in (last.kind, span.kind)
            if same and not gap.strip():
                merged[-1] = FurnitureSpan(last.start, span.end, last.kind)
                continue
        merged.append(span)
    return merged


def find_furniture(text: str) -> list[FurnitureSpan]:
    """Every furniture region of ``text``, in order, adjacent lines of a kind merged."""
    lines = split_lines(text)
    if not lines:
        return []
    doc_lang = _document_language(lines)
    kinds: list[str | None] = [None] * len(lines)

    sidebar = sidebar_start(lines)
    last_article = len(lines) if sidebar is None else sidebar
    for i in range(last_article, len(lines)):
        kinds[i] = "sidebar"

    # The next non-blank line after each line, found in one backward pass.
    following: list[Line | None] = [None] * last_article
    upcoming: Line | None = None
    for i in range(last_article - 1, -1, -1):
        following[i] = upcoming
        if not lines[i].blank:
            upcoming = lines[i]
    previous: Line | None = None
    for i in range(last_article):
        kinds[i] = line_kind(lines[i], previous, following[i], doc_lang)
        if not lines[i].blank:
            previous = lines[i]

    _mark_related_lists(lines, kinds, last_article)

    # A video promo: a leading block of lines that contains a "12:34 - Source" marker.
    block: list[int] = []
    prose_seen = False  # a paragraph of article prose has gone by: no promo after it
    for i in range(last_article):
        if lines[i].blank:
            if any(VIDEO_MARKER.match(lines[j].stripped) for j in block):
                for j in block:
                    kinds[j] = "promo"
            prose_seen = prose_seen or any(is_prose(lines[j]) and kinds[j] is None for j in block)
            block = []
            if prose_seen:
                break
        else:
            block.append(i)

    # After the last paragraph of prose, lines shaped like a list (bullets, stamps,
    # counters) are furniture; a short closing sentence is still the article's.
    prose = [i for i in range(last_article) if kinds[i] is None and is_prose(lines[i])]
    if prose:
        for i in range(prose[-1] + 1, last_article):
            if kinds[i] is None and is_list_marker(lines[i]):
                kinds[i] = "footer"
            elif (
                len(prose) > 1  # an article has gone by, not only a one-line blurb
                and kinds[i] is None
                and not is_prose(lines[i])
                and dated_label(lines[i])
            ):
                kinds[i] = "footer"  # a headline of another article with its date

    for i in range(last_article):  # "4 April 2009 | georgia, nato, ukraine": a stamp and tags
        line = lines[i]
        bar = kinds[i] is None and "|" in line.text
        if bar and dated_label(line) and date_dominates(line.stripped):
            kinds[i] = "dateline"

    _mark_header(lines, kinds, last_article)
    _unmark_chronology(lines, kinds, last_article)

    line_spans = [
        span
        for line, kind in zip(lines, kinds, strict=True)
        if kind is not None and not line.blank
        for span in spans_of_line(line, kind)
    ]
    covered = bytearray(len(text) + 1)
    for span in line_spans:
        covered[span.start : span.end] = b"\x01" * (span.end - span.start)
    inline = [span for span in inline_spans(text) if covered.find(1, span.start, span.end) == -1]
    for span in inline:
        covered[span.start : span.end] = b"\x01" * (span.end - span.start)
    ordered = sorted(line_spans + no_overlap(inline), key=lambda f: (f.start, f.end))
    return _merge(iter(ordered), text)


def _mark_header(lines: list[Line], kinds: list[str | None], stop: int) -> None:
    """Above the first paragraph: a short label line (a section name, a breadcrumb:
    four words at most, no digits, no full stop) next to a line already marked
    (a date stamp, a bullet list) is navigation. The first unmarked line is the
    headline and stays."""
    shown = [i for i in range(stop) if not lines[i].blank]
    seen_headline = False
    for n, i in enumerate(shown):
        if kinds[i] is not None:
            continue
        line = lines[i]
        if not seen_headline:
            seen_headline = True  # a headline may be long ("Déclaration de M. ..., le 7 ...")
            continue
        if is_prose(line):
            return
        text = line.stripped
        words = words_of(text)
        near_field = any(
            FIELD.match(lines[shown[k]].stripped) or kinds[shown[k]] is not None
            for k in (n - 1, n + 1)
            if 0 <= k < len(shown)
        )
        if FIELD.match(text) and near_field and not SENTENCE_END.search(text) and len(words) <= 40:
            kinds[i] = "other"  # fields of a record: "Intervenant(s) :", "Circonstance : ..."
            continue
        if SENTENCE_END.search(text) or text.endswith((",", ":", ";")) or not words:
            continue
        if dated_label(line) and date_dominates(text):
            kinds[i] = "dateline"  # "Brussels, 25 March 2022 | 5 min read"
            continue
        after_marked = n > 0 and kinds[shown[n - 1]] is not None
        if (
            after_marked
            and len(words) >= 6
            and not re.search(r"\d", text)
            and text.upper() != text  # a heading in capitals ("INTERVENCIÓN DEL PRESIDENTE")
            and _restates(words, shown[: min(n, 3)], lines)
        ):
            kinds[i] = "caption"  # under the stamps, a photo's caption restating the title
            continue
        if re.search(r"\d", text) or len(words) > 4:
            continue
        near = [shown[k] for k in (n - 1, n + 1) if 0 <= k < len(shown)]
        if any(kinds[k] is not None or FIELD.match(lines[k].stripped) for k in near):
            kinds[i] = "navigation"


def _unmark_chronology(lines: list[Line], kinds: list[str | None], stop: int) -> None:
    """Three lines or more that are only a date, each over a paragraph of text, head the
    entries of a chronology ("15 02 99" / "Österreich verzeichnet eine Anfrage ..."): they
    are the text's dates, not the page's stamps or counters."""
    heads: list[int] = []
    for i in range(stop):
        if not ENTRY_DATE.match(lines[i].stripped):
            continue
        nxt = next((j for j in range(i + 1, stop) if not lines[j].blank), None)
        if nxt is not None and is_prose(lines[nxt]) and kinds[nxt] is None:
            heads.append(i)
    if len({lines[i].stripped for i in heads}) >= 3:
        for i in heads:
            kinds[i] = None


def _mark_related_lists(lines: list[Line], kinds: list[str | None], stop: int) -> None:
    """Under a heading such as "Related articles" or "Últimas Noticias", the lines up to
    the next blank line are the other articles it lists (headlines, one-sentence
    summaries); a long paragraph is the article going on (a page saved without blanks)."""
    i = 0
    while i < stop:
        if not RELATED.match(lines[i].stripped):
            i += 1
            continue
        kinds[i] = "navigation"
        i += 1
        while i < stop and not lines[i].blank and len(words_of(lines[i].stripped)) <= 30:
            kinds[i] = kinds[i] or "navigation"
            i += 1


def _restates(words: list[str], above: list[int], lines: list[Line]) -> bool:
    """Four words in a row of a line of the top (the title, the byline): a picture's caption
    or alternative text says again who is shown ("by NATO Secretary General Jens
    Stoltenberg ..." above "NATO Secretary General Jens Stoltenberg addresses ...")."""
    runs = {tuple(words[k : k + 4]) for k in range(len(words) - 3)}
    for i in above:
        before = words_of(lines[i].stripped)
        if any(tuple(before[k : k + 4]) in runs for k in range(len(before) - 3)):
            return True
    return False


def body_extent(text: str, furniture: list[FurnitureSpan] | None = None) -> tuple[int, int]:
    """Offsets of the first and past-the-last character of the article body."""
    spans = find_furniture(text) if furniture is None else furniture
    covered = sorted((s.start, s.end) for s in spans)
    start, end = 0, len(text)
    for a, b in covered:
        if text[start:a].strip():
            break
        start = max(start, b)
    for a, b in reversed(covered):
        if text[b:end].strip():
            break
        end = min(end, a)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
