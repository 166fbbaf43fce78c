"""What one line is, from its shape and words: a stamp, a byline, a caption, a notice."""

from __future__ import annotations

import re

from briefing_app.ingest.furniture.language import clearly_in, guess_language
from briefing_app.ingest.furniture.patterns import (
    AGENCY_ALONE,
    BREADCRUMB,
    BYLINE_LINE,
    CAPTION_CUE,
    COMMENT_COUNT,
    COMMENTS,
    COOKIES,
    COUNTER,
    CREDIT_AT_END,
    DATE_WORDS,
    DAY_RANGE,
    DELIVERY,
    GALLERY_COUNTER,
    IMAGE_CREDIT,
    LIST_STAMP,
    NAME_AND_AGENCY,
    NAVIGATION,
    NAVIGATION_START,
    PAREN_CREDIT,
    PHOTO_LINE,
    PLACE_DATE_CAPTION,
    PUBLISHED_ON,
    READING_TIME,
    RELATIVE_STAMP,
    RIGHTS,
    SENT_ON,
    SENTENCE_END,
    SHARE_BAR,
    SHARE_ITEM,
    STAMP_LABEL,
    STAMP_OPENING,
    STAMP_PIECES,
    SUBSCRIPTION,
    UPDATED,
    URL,
    WEEKDAY_DATE_END,
    words_of,
)
from briefing_app.ingest.furniture.spans import Line


def _stamp_kind(text: str) -> str | None:
    """``• 28 May. 2018 -``, ``11/12/2017 13:01``, ``11:50``: a line that is only a date
    or time (with separators and a weekday): a dateline, or a clock line."""
    if len(text) > 60:
        return None
    rest = STAMP_PIECES.sub(" ", text).strip()
    if rest or not re.search(r"\d", text) or DAY_RANGE.match(text):
        return None  # "19-20 Giugno 2000": a page stamps one day, not a meeting's days
    return "clock" if not re.search(DATE_WORDS, text, re.IGNORECASE) else "dateline"


_PROSE_WORD = re.compile(r"[^\W\d_]*[a-zß-ÿ][^\W\d_]*")


def _few_words(text: str) -> bool:
    """Six words of prose at most: codes and numbers ("DO C, C/2024/6982, (BG, ES)")
    are labels, not words."""
    return len(_PROSE_WORD.findall(text)) <= 6


def _frame_kind(text: str, words: list[str]) -> str | None:
    """Kinds of line that frame an article: stamps, update lines, bylines, notes."""
    bare = LIST_STAMP.sub("", text).strip()
    if RELATIVE_STAMP.match(text):
        return "dateline"
    stamp = _stamp_kind(bare)
    if stamp:
        return "updated" if STAMP_LABEL.match(bare) else stamp
    if UPDATED.match(bare) and len(words) <= 12 and re.search(r"\d", bare):
        return "updated"
    if DELIVERY.fullmatch(bare):
        return "delivery-note"
    if BYLINE_LINE.match(bare) and len(words) <= 25 and not SENTENCE_END.search(bare):
        return "byline"
    if COMMENTS.search(bare) and len(words) <= 25:
        return "other"
    if len(words) <= 35 and PLACE_DATE_CAPTION.match(bare):
        return "caption"
    one_sentence = len(SENTENCE_END.findall(bare)) <= 1
    if len(words) <= 45 and one_sentence and WEEKDAY_DATE_END.search(bare):
        return "caption"
    if len(words) <= 30 and PUBLISHED_ON.search(bare):
        return "updated"
    if len(words) <= 25 and SENT_ON.match(bare):
        return "other"
    if URL.search(bare) and _few_words(URL.sub(" ", bare)) and not SENTENCE_END.search(bare):
        return "other"  # identifiers and addresses: "ELI: http://data.europa.eu/eli/..."
    return None


def _page_label_kind(text: str, words: list[str]) -> str | None:
    """Labels a page sets around its articles, in any language: share bars, reading
    times, counters, credits, calls to read on, breadcrumbs, stamp labels, cookie notices."""
    if SHARE_BAR.match(text) or (len(words) <= 8 and SHARE_ITEM.match(text)):
        return "share"
    if READING_TIME.match(text) or COMMENT_COUNT.match(text):
        return "other"
    if GALLERY_COUNTER.match(text):
        return "navigation"
    if AGENCY_ALONE.match(text) or NAME_AND_AGENCY.match(text):
        return "byline"
    if len(words) <= 12 and BREADCRUMB.match(text):
        return "navigation"
    if len(words) <= 15 and NAVIGATION_START.match(text):
        return "navigation"
    if len(words) <= 12 and PHOTO_LINE.match(text) and not SENTENCE_END.search(text):
        return "caption"
    if STAMP_LABEL.match(text) and (
        len(words) <= 1 or (len(words) <= 10 and re.search(r"\d", text))
    ):
        return "updated"  # "Stand: 12.03.2024, 14:35 Uhr", "Stand:" above its date
    if len(words) <= 60 and COOKIES.search(text):
        return "other"
    return None


def is_prose(line: Line) -> bool:
    """A line that reads like a paragraph: enough words and a sentence end."""
    text = line.stripped
    return len(words_of(text)) >= 12 and bool(SENTENCE_END.search(text))


def is_list_marker(line: Line) -> bool:
    text = line.stripped
    return bool(text) and (bool(LIST_STAMP.match(line.text)) or bool(COUNTER.match(text)))


_QUOTE_OPENERS = "\"'“”„«‹‘’»-–—"


def _is_quotation(line: Line, previous: Line | None) -> bool:
    """A quoted passage: opened by a quotation mark, or announced by a colon."""
    text = line.stripped
    if text[:1] in _QUOTE_OPENERS:
        return True
    return previous is not None and previous.stripped.endswith(":")


def sidebar_start(lines: list[Line]) -> int | None:
    """Index of the first line of a trailing list of stamps and headlines.

    A sidebar shows itself as a dense run of bullet or counter lines; the
    region from the first of them to the end is furniture.
    """
    window = 6
    seen_prose = False
    for i in range(len(lines)):
        if is_prose(lines[i]):
            seen_prose = True
        if not seen_prose or not is_list_marker(lines[i]):
            continue
        near = [ln for ln in lines[i : i + window] if not ln.blank]
        if sum(is_list_marker(ln) for ln in near) >= 3:
            return i
    return None


def line_kind(
    line: Line, previous: Line | None, next_line: Line | None, doc_lang: str | None
) -> str | None:
    text = line.stripped
    if not text:
        return None
    if NAVIGATION.match(text):
        return "navigation"
    frame = _frame_kind(text, words_of(text)) or _page_label_kind(text, words_of(text))
    if frame:
        return frame
    if RIGHTS.search(text) and not is_prose(line):
        return "footer"
    if SUBSCRIPTION.search(text) and not is_prose(line):
        return "subscription"
    short = len(words_of(text)) <= 45 and len(SENTENCE_END.findall(text)) <= 2
    if short and CREDIT_AT_END.search(text):
        return "caption"  # the caption and the credit closing it
    credit = IMAGE_CREDIT.search(text)
    if credit and (not credit.group(0).startswith("©") or len(words_of(text)) <= 15):
        return "caption"  # a long line with a © in it: only the credit (marked inline)
    if COUNTER.match(text):
        return "navigation"
    if next_line is not None and len(text) >= 20:
        following = next_line.stripped
        if following != text and following.startswith(text):
            return "caption"  # a caption repeated with its credit appended
    words = words_of(text)
    if CAPTION_CUE.search(text) and len(SENTENCE_END.findall(text)) <= 1 and len(words) < 45:
        return "caption"
    if PAREN_CREDIT.search(text) and len(words) <= 8:
        lang = guess_language(text)
        if doc_lang and lang and lang != doc_lang:
            return "caption"
    foreign = doc_lang is not None and len(words) >= 8 and clearly_in(text, doc_lang)
    if foreign and not _is_quotation(line, previous):
        return "subscription" if SUBSCRIPTION.search(text) else "navigation"
    return None


def date_dominates(text: str) -> bool:
    """The date is most of the line: a place, a reading time, a label beside it
    ("Brussels, 25 March 2022 | 5 min read"), not a headline that names a date."""
    if DAY_RANGE.match(text):
        return False  # "19-20 Giugno 2000": the days of a meeting, not a stamp
    if re.match(r"[a-zß-ÿ]", text) and not STAMP_OPENING.match(text):
        return False  # "de 11 de diciembre de 2017": the next line of a title set over lines
    rest = re.sub(DATE_WORDS, " ", text, flags=re.IGNORECASE)
    return len(words_of(rest)) <= 3


def dated_label(line: Line) -> bool:
    """A short line with no full stop that carries a written date."""
    text = line.stripped
    return (
        len(words_of(text)) <= 15
        and not SENTENCE_END.search(text)
        and re.search(DATE_WORDS, text, re.IGNORECASE) is not None
        and re.search(r"\d", text) is not None
    )
