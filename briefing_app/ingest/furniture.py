"""Tell an article's body from the page furniture saved with it.

Articles saved from the web arrive with login links, view counters, video
promos, photo captions, paywall notices in another language and lists of
unrelated headlines. The raw text is kept verbatim; this module only marks
which spans are furniture so the reader can dim them and the date extractor
can skip them. The rules are general (line shapes, vocabulary, language), not
a list of line numbers for known files.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["FurnitureSpan", "Line", "body_extent", "find_furniture", "split_lines"]


@dataclass(frozen=True, slots=True)
class FurnitureSpan:
    """A region of the raw text that is not part of the article."""

    start: int
    end: int
    kind: str  # navigation, promo, caption, subscription, sidebar, footer


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int  # exclusive, without the newline
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append(Line(pos, pos + len(body), body))
        pos += len(raw)
    return lines


# -- vocabulary ------------------------------------------------------------
_NAVIGATION = re.compile(
    r"^(?:related articles?|back to top(?: button)?|read more|more stories|see also|"
    r"share(?: this)?(?: article)?|log ?in|sign ?in|register|menu|skip to (?:main )?content|"
    r"the news mentions|discussion|update|войти|вход|регистрация|"
    r"do you want to leave a comment\b.*|advertisement|comments?|publicidad|publicité|anzeige|"
    r"werbung|pubblicità|live|in evidenza|presseportal|.{0,80}(?:>>>|»»|liveblog\b.{0,60}))\W*$",
    re.IGNORECASE,
)
_SUBSCRIPTION = re.compile(
    r"\b(?:subscri\w*|sign up for (?:our|the)|newsletter|paywall|premium|"
    r"suscripci\w*|suscr[ií]b\w*|abonn\w*|подписк\w*|рассылк\w*)\b",
    re.IGNORECASE,
)
_RIGHTS = re.compile(
    r"^(?:the rights to this material|the material is placed by|original publication|"
    r"all rights reserved|©|copyright\b)|\bdo not reflect the editorial\b",
    re.IGNORECASE,
)
_VIDEO_MARKER = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?\s*[-–—]\s*source\b", re.IGNORECASE)
_COUNTER = re.compile(r"^[•·\-–*]?\s*[\d\s.,:]+$")
_LIST_STAMP = re.compile(r"^\s*[•·▪►]\s*")
_IMAGE_CREDIT = re.compile(
    r"^(?:image source|photo|picture|credit|source)\s*:|\bvia getty images\b|\bphoto:\s|"
    r"©\s*\w|\bAP Photo\b|/\s*AFP\b|\bReuters/",
    re.IGNORECASE,
)
_CAPTION_CUE = re.compile(
    r"\b(?:(?:a|this) (?:picture|photo|photograph|file photo|image) (?:taken|shows)|"
    r"(?:is|are) seen\b|\((?:L|R|C|left|right|centre|center)\)|pictured\b|"
    r"poses? for|shakes? hands)",
    re.IGNORECASE,
)
_PAREN_CREDIT = re.compile(r"\((?:[A-Z][\w.]*\s?){1,3}\)\s*$")
_SENTENCE_END = re.compile(r"[.!?…][\"”’)»]*\s*$")

# -- lines and passages that frame the article: stamps, bylines, notes --------------
_MONTHS = (
    r"(?i:jan(?:uary|vier|uar|\.)?|feb(?:ruary|ruar|\.)?|févr(?:ier|\.)?|fevrier|mar(?:ch|s|\.)?|"
    r"märz|apr(?:il|ile|\.)?|avril|may|mai|maggio|june?|juin|juni|giugno|july?|juil(?:let|\.)?|"
    r"juli|luglio|aug(?:ust|\.)?|août|agosto|sep(?:tember|t|tembre|\.)?|oct(?:ober|obre|\.)?|"
    r"okt(?:ober|\.)?|ottobre|nov(?:ember|embre|\.)?|dec(?:ember|\.)?|déc(?:embre|\.)?|dezember|"
    r"dicembre|enero|febrero|marzo|abril|mayo|junio|julio|septiembre|octubre|noviembre|"
    r"diciembre|gennaio|febbraio|aprile|settembre)"
)
_DATE_WORDS = (
    rf"(?:\d{{1,2}}\.?\s*{_MONTHS}\.?,?\s*(?:\d{{4}})?|{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?"
    rf",?\s*(?:\d{{4}})?|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}|\d{{4}}-\d{{2}}(?:-\d{{2}})?"
    r"(?:T[\d:.+Z-]+)?)"
)
_CLOCK = r"(?:\d{1,2}[:h.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|Uhr|h|CES?T|GMT|UTC|EST|ET)?)"
_WEEKDAY = (
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
    r"dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|"
    r"miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato"
)
_STAMP_PIECES = re.compile(
    rf"{_DATE_WORDS}|{_CLOCK}|\b(?:{_WEEKDAY})\b|\b(?:at|à|um|a las|alle|le|el|am|il)\b|"
    r"[•·▪|/,;:()\[\]\-–—]",
    re.IGNORECASE,
)
_UPDATED = re.compile(
    r"^(?:last\s+)?(?:updated|modified|published|posted|mis à jour|modifié|publié|"
    r"aktualisiert|veröffentlicht|actualizado|publicado|aggiornato|pubblicato)\b",
    re.IGNORECASE,
)
_DELIVERY = re.compile(
    r"[(\[*]?\s*(?:check against delivery|as delivered|as prepared for delivery|"
    r"seul (?:le )?(?:texte |discours )?(?:le )?prononcé fait foi|"
    r"es gilt das gesprochene wort|sólo (?:es válido|vale|hace fe) el (?:texto|discurso) "
    r"pronunciado|(?:solo )?fa fede (?:il testo|il discorso|solo il) (?:pronunciato|"
    r"discorso pronunciato))\s*[)\]*]?\.?",
    re.IGNORECASE,
)
_BYLINE_LINE = re.compile(
    r"^(?:(?i:redner|speaker|autor|author|auteur|autore|quelle|source|fuente|fonte)(?:\(in\))?"
    r"(?:\s[^:\n]{0,40})?:\s*\S|<h\d>|<strong>|"
    r"(?i:by|par|von|por|di|written by|(?:speech|remarks|statement|address|keynote|interview|"
    r"opening remarks|press remarks|doorstep|discours|allocution|déclaration|rede|"
    r"discurso|intervento)\s+(?:by|de|du|von|of|del|di))\s+[A-ZÀ-Ý])",
)
"""A byline names someone: "By Jane Doe", "Speech by NATO Secretary General ..."."""
_CREDIT = re.compile(
    r"\((?:(?:additional\s+)?reporting|writing|editing|compiled|translated)\s+by[^()\n]*\)",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"\b(?:journaliste|journalist(?:in)?|correspondante?|correspondent|reporter|"
    r"redakteur(?:in)?|periodista|giornalista)\b",
    re.IGNORECASE,
)
_NAME_BEFORE = re.compile(r"(?:[A-ZÀ-Ý][\w'’-]+\s+){1,3}$")
_HANDLE = re.compile(
    r"(?:[—–-]\s*)?(?:[A-ZÀ-Ý][\w.'’-]+\s+|(?:von|van|der|den|de|du|la|le|di|da|del)\s+){0,5}"
    r"[A-ZÀ-Ý][\w.'’-]+\s*\(@\w{1,15}\)"
    rf"(?:\s*{_DATE_WORDS})?|pic\.twitter\.com/\w+",
)
_PLACE_DATE = re.compile(
    rf"\((?:[A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+)?),\s*{_DATE_WORDS}\)", re.IGNORECASE
)
_DATELINE_BODY = (
    r"(?:[A-ZÀ-Ý][A-ZÀ-Ý'’.\- ]{1,30}[A-ZÀ-Ý.](?:\s*/\s*[A-ZÀ-Ý][A-ZÀ-Ý ]+)?"
    rf"(?:,\s*{_DATE_WORDS})?\s*(?:\([^()\n]{{2,30}}\))?\s*(?:--|[-–—])"
    rf"|[A-ZÀ-Ý][\w'’-]+[.,]\s+{_DATE_WORDS}(?:[.,]\s*(?:[A-Z][A-Z.]{{2,}}/?)?"
    r"|\s*\([^()\n]{2,30}\)\.?\s*(?:--|[-–—])?|\s*(?:--|[-–—])))"
)
_AGENCY_DATELINE = re.compile(rf"^[ \t]*{_DATELINE_BODY}(?=\s+\S)", re.MULTILINE)
_AFTER_STAMP = re.compile(rf"[ \t]*(?:{_DATELINE_BODY}|{_DATE_WORDS}(?=[ \t]*$))", re.MULTILINE)
_SUBTITLE_CUE = re.compile(
    r"(?<![\d:,.])\d+\s+\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}",
)
_LEADING_CLOCK = re.compile(r"^[ \t]*\d{1,2}:\d{2}(?::\d{2})?(?=[ \t]*[^\W\d_])", re.MULTILINE)
_SHORT_DATE = re.compile(r"\(\d{1,2}[./]\d{1,2}[./]\d{2,4}\)")
_PAREN_DATE_END = re.compile(
    rf"(?<=[.!?”»\"])[ \t]*\({_DATE_WORDS}\)[ \t]*$", re.MULTILINE | re.IGNORECASE
)
"""A video's date after the last sentence of its summary: "... 70-year history. (April 1)"."""
_PHOTO_RIGHTS = re.compile(
    r"(?:Hinweis:\s*)?(?:Die\s+)?Bildrechte\b[^.\n]{0,80}|"
    r"\b(?:photo|image) credits? (?:are|can be found)\b[^.\n]{0,60}|"
    r"\bcrédits? photos?\s*:[^.\n]{0,60}",
    re.IGNORECASE,
)
"""A note on where the photos' rights are given: "Hinweis: Die Bildrechte ... am Ende"."""
_HASHTAG = re.compile(r"(?<![\w#&])#[^\W\d_][\w]{1,30}")
_TRAILING_STAMP = re.compile(
    r"(?<=[.!?”»\"])[ \t]+\d{1,2}[./]\d{1,2}[./]\d{4}(?:[ \t]+\d{1,2}:\d{2})?[ \t]*$", re.MULTILINE
)
_URL = re.compile(r"\bhttps?://\S+")
_TAG_BYLINE = re.compile(
    r"^[ \t]*<h[4-6]>\s*(?:<(?:strong|b|em)>\s*)*(?:[A-ZÀ-Ý][\w'’.-]*\s*){1,4}"
    r"(?:</(?:strong|b|em)>\s*)*</h[4-6]>",
    re.MULTILINE,
)
"""A name alone in a small heading of saved markup: "<h6><strong>Jane Doe</strong></h6>"."""
_FIELD = re.compile(r"^[A-ZÀ-Ý][\w()'’ -]{2,30}?\s?:(?:\s|$)")
_SIGN_OFF = re.compile(r"(?<=[.!?”»\"])\s*\((?:[A-Z][a-z]{1,5}|[A-Z]{2,6})\)[ \t]*$", re.MULTILINE)
_PHOTO_NOTE = re.compile(
    r"\((?:nella foto|in the photo|pictured|sur la photo|en la foto|im bild|foto)\)", re.IGNORECASE
)
_LABELLED_STAMP = re.compile(
    r"^[ \t]*(?:date|datum|fecha|data|published|posted|publié(?: le)?|veröffentlicht(?: am)?|"
    r"publicado|pubblicato)\s*:?\s*(?:\d{4}-\d{2}(?:-\d{2})?(?:[T ]\d{2}:\d{2}(?::\d{2})?)?|"
    r"\d{1,2}[./]\d{1,2}[./]\d{2,4})",
    re.MULTILINE | re.IGNORECASE,
)
_CREDIT_MARK = re.compile(r"©\s*[\w.-]+(?:/[ \t]*(?:[^\s/]+[ \t]?){1,3})?")
_COMMENTS = re.compile(
    r"\b(?:(?:not )?(?:currently )?accepting comments|comments are closed|"
    r"commentaires sont fermés|cookies?\b.{0,60}\b(?:site|website|utilise|uses|verwendet|"
    r"utiliza|utilizza)|(?:site|website)\b.{0,40}\bcookies?|click here|cliquez ici|"
    r"hier klicken|haga clic)",
    re.IGNORECASE,
)


_PLACE_DATE_CAPTION = re.compile(
    rf"^[^.!?\n]{{10,220}},\s+(?:à|in|en|a|im|at)\s+[A-ZÀ-Ý][\w'’ -]{{1,40}}"
    rf"(?:,\s+[A-ZÀ-Ý][\w'’ -]{{1,30}})?,\s+"
    rf"(?:le |on |el |il |am |the )?(?:\w+day,?\s+)?{_DATE_WORDS}\.?$",
    re.IGNORECASE,
)
"""A photo caption as agencies write them: "Leaders in the hall, in Paris, on April 25, 2024." """
_WEEKDAY_DATE_END = re.compile(
    rf",\s+(?:{_WEEKDAY}),\s+{_DATE_WORDS}\.$",
    re.IGNORECASE,
)
"""The end of an agency photo caption: "..., in Kyiv, Ukraine, Thursday, Feb. 24, 2022."
(prose says "on Thursday"; a caption gives the place, the weekday and the date bare)."""
_PUBLISHED_ON = re.compile(
    rf"\b(?:published on|publié le|veröffentlicht am|publicado el|pubblicato il|"
    rf"gepubliceerd op)\s+(?:(?:{_WEEKDAY})\s+)?(?:{_DATE_WORDS}|[^\W\d]+\s+\d{{1,2}}\s+"
    rf"[^\W\d]+\s+\d{{4}})\.?$",
    re.IGNORECASE,
)
"""A line that ends by saying when it was published: a credit or stamp of the page."""
_RELATIVE_STAMP = re.compile(
    r"^[-–—•·]?\s*(?:(?:\d+|an?|one)\s+(?:minutes?|hours?|days?|weeks?)\s+ago|yesterday|"
    r"l[’']altro\s+ieri|ieri|avant-hier|hier|gestern|vorgestern|ayer|anteayer|"
    r"il y a\s+\d+\s+(?:minutes?|heures?|jours?)|vor\s+\d+\s+(?:Minuten|Stunden|Tagen)|"
    r"hace\s+\d+\s+(?:minutos|horas|días)|\d+\s+(?:minuti|ore|giorni)\s+fa)\s*$",
    re.IGNORECASE,
)
"""A line that is only "2 hours ago", "- l'altro ieri": a page's relative time stamp."""


def _stamp_kind(text: str) -> str | None:
    """``• 28 May. 2018 -``, ``11/12/2017 13:01``, ``11:50``: a line that is only a date
    or time (with separators and a weekday): a dateline, or a clock line."""
    if len(text) > 60:
        return None
    rest = _STAMP_PIECES.sub(" ", text).strip()
    if rest or not re.search(r"\d", text):
        return None
    return "clock" if not re.search(_DATE_WORDS, text, re.IGNORECASE) else "dateline"


def _frame_kind(text: str, words: list[str]) -> str | None:
    """Kinds of line that frame an article: stamps, update lines, bylines, notes."""
    bare = _LIST_STAMP.sub("", text).strip()
    stamp = _stamp_kind(bare)
    if stamp:
        return stamp
    if _RELATIVE_STAMP.match(text):
        return "dateline"
    if _UPDATED.match(bare) and len(words) <= 12 and re.search(r"\d", bare):
        return "updated"
    if _DELIVERY.fullmatch(bare):
        return "delivery-note"
    if _BYLINE_LINE.match(bare) and len(words) <= 25 and not _SENTENCE_END.search(bare):
        return "byline"
    if _COMMENTS.search(bare) and len(words) <= 25:
        return "other"
    if len(words) <= 35 and _PLACE_DATE_CAPTION.match(bare):
        return "caption"
    one_sentence = len(_SENTENCE_END.findall(bare)) <= 1
    if len(words) <= 45 and one_sentence and _WEEKDAY_DATE_END.search(bare):
        return "caption"
    if len(words) <= 30 and _PUBLISHED_ON.search(bare):
        return "updated"
    if _URL.search(bare) and len(words) <= 40 and not _SENTENCE_END.search(bare):
        return "other"  # identifiers and addresses: "ELI: http://data.europa.eu/eli/..."
    return None


def _inline_spans(text: str) -> list[FurnitureSpan]:
    """Furniture inside lines of text: agency datelines, credits, handles, notes."""
    found: list[FurnitureSpan] = []
    for role in _ROLE.finditer(text):  # "Maria Udrescu Journaliste en charge de ..."
        name = _NAME_BEFORE.search(text, max(0, role.start() - 80), role.start())
        if name:
            end = text.find("\n", role.end())
            end = len(text) if end == -1 else end
            rest = text[role.end() : end]
            stop = rest.find(".")
            b = role.end() + (stop if stop != -1 else min(len(rest), 60))
            if b - role.end() <= 60:
                found.append(FurnitureSpan(name.start(), b, "byline"))
    if "(@" in text or "pic.twitter.com" in text:
        found += [FurnitureSpan(m.start(), m.end(), "handle") for m in _HANDLE.finditer(text)]
    for stamp in _LABELLED_STAMP.finditer(text):
        after = _AFTER_STAMP.match(text, stamp.end())
        if after and after.group(0).strip():
            a = after.start() + len(after.group(0)) - len(after.group(0).lstrip())
            b = after.start() + len(after.group(0).rstrip())
            found.append(FurnitureSpan(a, b, "dateline"))
    for pattern, kind in (
        (_LABELLED_STAMP, "dateline"),
        (_SUBTITLE_CUE, "clock"),
        (_LEADING_CLOCK, "clock"),
        (_TRAILING_STAMP, "dateline"),
        (_SHORT_DATE, "dateline"),
        (_PAREN_DATE_END, "dateline"),
        (_PHOTO_RIGHTS, "caption"),
        (_HASHTAG, "handle"),
        (_SIGN_OFF, "byline"),
        (_PHOTO_NOTE, "caption"),
        (_AGENCY_DATELINE, "dateline"),
        (_PLACE_DATE, "dateline"),
        (_CREDIT, "byline"),
        (_TAG_BYLINE, "byline"),
        (_DELIVERY, "delivery-note"),
        (_CREDIT_MARK, "caption"),
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


# Stop words per language; a word several languages share ("la", "de", "en")
# counts 1/n for each, so French is not read as Spanish for its "de" and "la".
_STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the and of to in is that for on with as was are by it be this have from at an "
        "which has not their they will would its were been said after but had",
        "es": "el la los las de del que y en un una por con para se es tu su al lo como más "
        "pero sus si puedes quieres este otro según fue han muy también",
        "fr": "le la les des du de et en un une est que pour dans sur pas vous au aux il ce qui "
        "ne se sont avec par plus a été selon cette ont son leur",
        "de": "der die das und ist nicht mit den von zu ein eine auf für sich dem im des wird "
        "hat sind auch nach bei wie",
        "it": "il lo la gli le di del che e un una per con non sono visita della delle è nel "
        "alla ha dei anche",
    }.items()
}
_SHARED = {
    word: sum(word in stop for stop in _STOPWORDS.values())
    for stop in _STOPWORDS.values()
    for word in stop
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _language_scores(text: str) -> tuple[dict[str, float], int]:
    """Weighted stop-word hits per language, and the number of words."""
    words = _words(text)
    cyrillic = sum(1 for w in words if re.match(r"[а-яё]", w))
    if words and cyrillic * 2 > len(words):
        return {"ru": float(cyrillic)}, len(words)
    scores = {
        lang: sum(1 / _SHARED[w] for w in words if w in stop) for lang, stop in _STOPWORDS.items()
    }
    return scores, len(words)


def _ranked(scores: dict[str, float]) -> tuple[str | None, float, float]:
    """The best language, its score and the runner-up's score."""
    ordered = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if not ordered or ordered[0][1] == 0:
        return None, 0.0, 0.0
    second = ordered[1][1] if len(ordered) > 1 else 0.0
    return ordered[0][0], ordered[0][1], second


def guess_language(text: str) -> str | None:
    """A cheap guess from stop words and script; None when there is too little text."""
    best, score, second = _ranked(_language_scores(text)[0])
    if best is None or score == second:
        return None
    return best


def _clearly_in(text: str, other_than: str) -> str | None:
    """The language ``text`` is plainly written in, if it is not ``other_than``.

    Plainly: at least three stop words' worth, and twice the evidence for
    ``other_than``; a sentence with a few borrowed words stays in the document's
    language.
    """
    scores, _n = _language_scores(text)
    best, score, _second = _ranked(scores)
    if best is None or best == other_than:
        return None
    if score >= 3 and score >= 2 * scores.get(other_than, 0.0) + 1:
        return best
    return None


def _is_prose(line: Line) -> bool:
    """A line that reads like a paragraph: enough words and a sentence end."""
    text = line.stripped
    return len(_words(text)) >= 12 and bool(_SENTENCE_END.search(text))


def _is_list_marker(line: Line) -> bool:
    text = line.stripped
    return bool(text) and (bool(_LIST_STAMP.match(line.text)) or bool(_COUNTER.match(text)))


def _document_language(lines: list[Line]) -> str | None:
    """The language of the article's prose, or None unless the evidence is plain.

    Lines are only ever called foreign against a language the whole document
    is confidently written in: twice the runner-up's evidence, and enough of it.
    """
    sample = " ".join(line.stripped for line in lines if _is_prose(line))
    best, score, second = _ranked(_language_scores(sample)[0])
    if best is None or score < 5 or score < 2 * second:
        return None
    return best


_QUOTE_OPENERS = "\"'“”„«‹‘’»-–—"


def _is_quotation(line: Line, previous: Line | None) -> bool:
    """A quoted passage: opened by a quotation mark, or announced by a colon."""
    text = line.stripped
    if text[:1] in _QUOTE_OPENERS:
        return True
    return previous is not None and previous.stripped.endswith(":")


def _sidebar_start(lines: list[Line]) -> int | None:
    """Index of the first line of a trailing list of stamps and headlines.

    A sidebar shows itself as a dense run of bullet or counter lines; the
    region from the first of them to the end is furniture.
    """
    window = 6
    seen_prose = False
    for i in range(len(lines)):
        if _is_prose(lines[i]):
            seen_prose = True
        if not seen_prose or not _is_list_marker(lines[i]):
            continue
        near = [ln for ln in lines[i : i + window] if not ln.blank]
        if sum(_is_list_marker(ln) for ln in near) >= 3:
            return i
    return None


def _line_kind(
    line: Line, previous: Line | None, next_line: Line | None, doc_lang: str | None
) -> str | None:
    text = line.stripped
    if not text:
        return None
    if _NAVIGATION.match(text):
        return "navigation"
    frame = _frame_kind(text, _words(text))
    if frame:
        return frame
    if _RIGHTS.search(text) and not _is_prose(line):
        return "footer"
    if _SUBSCRIPTION.search(text) and not _is_prose(line):
        return "subscription"
    credit = _IMAGE_CREDIT.search(text)
    if credit and (not credit.group(0).startswith("©") or len(_words(text)) <= 15):
        return "caption"  # a long line with a © in it: only the credit (marked inline)
    if _COUNTER.match(text):
        return "navigation"
    if next_line is not None and len(text) >= 20:
        following = next_line.stripped
        if following != text and following.startswith(text):
            return "caption"  # a caption repeated with its credit appended
    words = _words(text)
    if _CAPTION_CUE.search(text) and len(_SENTENCE_END.findall(text)) <= 1 and len(words) < 45:
        return "caption"
    if _PAREN_CREDIT.search(text) and len(words) <= 8:
        lang = guess_language(text)
        if doc_lang and lang and lang != doc_lang:
            return "caption"
    foreign = doc_lang is not None and len(words) >= 8 and _clearly_in(text, doc_lang)
    if foreign and not _is_quotation(line, previous):
        return "subscription" if _SUBSCRIPTION.search(text) else "navigation"
    return None


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

    sidebar = _sidebar_start(lines)
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
        kinds[i] = _line_kind(lines[i], previous, following[i], doc_lang)
        if not lines[i].blank:
            previous = lines[i]

    # A video promo: a leading block of lines that contains a "12:34 - Source" marker.
    block: list[int] = []
    prose_seen = False  # a paragraph of article prose has gone by: no promo after it
    for i in range(last_article):
        if lines[i].blank:
            if any(_VIDEO_MARKER.match(lines[j].stripped) for j in block):
                for j in block:
                    kinds[j] = "promo"
            prose_seen = prose_seen or any(_is_prose(lines[j]) and kinds[j] is None for j in block)
            block = []
            if prose_seen:
                break
        else:
            block.append(i)

    # After the last paragraph of prose, lines shaped like a list (bullets, stamps,
    # counters) are furniture; a short closing sentence is still the article's.
    prose = [i for i in range(last_article) if kinds[i] is None and _is_prose(lines[i])]
    if prose:
        for i in range(prose[-1] + 1, last_article):
            if kinds[i] is None and _is_list_marker(lines[i]):
                kinds[i] = "footer"
            elif kinds[i] is None and not _is_prose(lines[i]) and _dated_label(lines[i]):
                kinds[i] = "footer"  # a headline of another article with its date

    _mark_header(lines, kinds, last_article)

    line_spans = [
        FurnitureSpan(line.start, line.end, kind)
        for line, kind in zip(lines, kinds, strict=True)
        if kind is not None and not line.blank
    ]
    covered = bytearray(len(text) + 1)
    for span in line_spans:
        covered[span.start : span.end] = b"\x01" * (span.end - span.start)
    inline = [span for span in _inline_spans(text) if covered.find(1, span.start, span.end) == -1]
    for span in inline:
        covered[span.start : span.end] = b"\x01" * (span.end - span.start)
    ordered = sorted(line_spans + _no_overlap(inline), key=lambda f: (f.start, f.end))
    return _merge(iter(ordered), text)


def _no_overlap(spans: list[FurnitureSpan]) -> list[FurnitureSpan]:
    """The spans in order, each one that overlaps an earlier (longer-first) one left out."""
    kept: list[FurnitureSpan] = []
    for span in sorted(spans, key=lambda f: (f.start, -(f.end - f.start))):
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


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
        if _is_prose(line):
            return
        text = line.stripped
        words = _words(text)
        near_field = any(
            _FIELD.match(lines[shown[k]].stripped) or kinds[shown[k]] is not None
            for k in (n - 1, n + 1)
            if 0 <= k < len(shown)
        )
        if (
            _FIELD.match(text)
            and near_field
            and not _SENTENCE_END.search(text)
            and len(words) <= 40
        ):
            kinds[i] = "other"  # fields of a record: "Intervenant(s) :", "Circonstance : ..."
            continue
        if _SENTENCE_END.search(text) or text.endswith((",", ":", ";")) or not words:
            continue
        if _dated_label(line):
            kinds[i] = "dateline"  # "Brussels, 25 March 2022 | 5 min read"
            continue
        if re.search(r"\d", text) or len(words) > 4:
            continue
        near = [shown[k] for k in (n - 1, n + 1) if 0 <= k < len(shown)]
        if any(kinds[k] is not None or _FIELD.match(lines[k].stripped) for k in near):
            kinds[i] = "navigation"


def _dated_label(line: Line) -> bool:
    """A short line with no full stop that carries a written date."""
    text = line.stripped
    return (
        len(_words(text)) <= 15
        and not _SENTENCE_END.search(text)
        and re.search(_DATE_WORDS, text, re.IGNORECASE) is not None
        and re.search(r"\d", text) is not None
    )


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
