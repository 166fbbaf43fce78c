"""The shapes and words of page furniture, as regular expressions, compiled once.

Kept apart from the rules that use them so a new language's words go in one place."""

from __future__ import annotations

import re

# -- vocabulary ------------------------------------------------------------
NAVIGATION = re.compile(
    r"^(?:related articles?|back to top(?: button)?|read more|more stories|see also|"
    r"share(?: this)?(?: article)?|log ?in|sign ?in|register|menu|skip to (?:main )?content|"
    r"the news mentions|discussion|update|войти|вход|регистрация|"
    r"do you want to leave a comment\b.*|advertisement|comments?|publicidad|publicité|anzeige|"
    r"werbung|pubblicità|live|in evidenza|presseportal|.{0,80}(?:>>>|»»|liveblog\b.{0,60}))\W*$",
    re.IGNORECASE,
)


SUBSCRIPTION = re.compile(
    r"\b(?:subscri\w*|sign up for (?:our|the)|newsletter|paywall|premium|"
    r"suscripci\w*|suscr[ií]b\w*|abonn\w*|подписк\w*|рассылк\w*)\b",
    re.IGNORECASE,
)


RIGHTS = re.compile(
    r"^(?:the rights to this material|the material is placed by|original publication|"
    r"all rights reserved|©|copyright\b)|\bdo not reflect the editorial\b",
    re.IGNORECASE,
)


VIDEO_MARKER = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?\s*[-–—]\s*source\b", re.IGNORECASE)


COUNTER = re.compile(r"^[•·\-–*]?\s*[\d\s.,:]+$")


LIST_STAMP = re.compile(r"^\s*[•·▪►]\s*")


IMAGE_CREDIT = re.compile(
    r"^(?:image source|photo|picture|credit|source)\s*:|\bvia getty images\b|\bphoto:\s|"
    r"©\s*\w|\bAP Photo\b|/\s*AFP\b|\bReuters/",
    re.IGNORECASE,
)


CAPTION_CUE = re.compile(
    r"\b(?:(?:a|this) (?:picture|photo|photograph|file photo|image) (?:taken|shows)|"
    r"(?:is|are) seen\b|\((?:L|R|C|left|right|centre|center)\)|pictured\b|"
    r"poses? for|shakes? hands)",
    re.IGNORECASE,
)


PAREN_CREDIT = re.compile(r"\((?:[A-Z][\w.]*\s?){1,3}\)\s*$")


SENTENCE_END = re.compile(r"[.!?…][\"”’)»]*\s*$")


# -- lines and passages that frame the article: stamps, bylines, notes --------------
_MONTHS = (
    r"(?i:jan(?:uary|vier|uar|\.)?|feb(?:ruary|ruar|\.)?|févr(?:ier|\.)?|fevrier|mar(?:ch|s|\.)?|"
    r"märz|apr(?:il|ile|\.)?|avril|may|mai|maggio|june?|juin|juni|giugno|july?|juil(?:let|\.)?|"
    r"juli|luglio|aug(?:ust|\.)?|août|agosto|sep(?:tember|t|tembre|\.)?|oct(?:ober|obre|\.)?|"
    r"okt(?:ober|\.)?|ottobre|nov(?:ember|embre|\.)?|dec(?:ember|\.)?|déc(?:embre|\.)?|dezember|"
    r"dicembre|enero|febrero|marzo|abril|mayo|junio|julio|septiembre|octubre|noviembre|"
    r"diciembre|gennaio|febbraio|aprile|settembre|ene|gen|abr|ago|giu|lug|ott|set|dic)"
)


DATE_WORDS = (
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


STAMP_PIECES = re.compile(
    rf"{DATE_WORDS}|{_CLOCK}|\b(?:{_WEEKDAY})\b|\b(?:at|à|um|a las|alle|le|el|am|il)\b|"
    r"[•·▪|/,;:()\[\]\-–—+±~≈]",
    re.IGNORECASE,
)


UPDATED = re.compile(
    r"^(?:last\s+)?(?:updated|modified|published|posted|mis à jour|modifié|publié|"
    r"aktualisiert|veröffentlicht|actualizado|publicado|aggiornato|pubblicato)\b",
    re.IGNORECASE,
)


DELIVERY = re.compile(
    r"[(\[*]?\s*(?:check against delivery|as delivered|as prepared for delivery|"
    r"seul (?:le )?(?:texte |discours )?(?:le )?prononcé fait foi|"
    r"es gilt das gesprochene wort|sólo (?:es válido|vale|hace fe) el (?:texto|discurso) "
    r"pronunciado|(?:solo )?fa fede (?:il testo|il discorso|solo il) (?:pronunciato|"
    r"discorso pronunciato))\s*[)\]*]?\.?",
    re.IGNORECASE,
)


BYLINE_LINE = re.compile(
    r"^(?:(?i:redner|speaker|autor|author|auteur|autore|quelle|source|fuente|fonte)(?:\(in\))?"
    r"(?:\s[^:\n]{0,40})?:\s*\S|<h\d>|<strong>|"
    r"(?i:by|par|von|por|di|written by|(?:speech|remarks|statement|address|keynote|interview|"
    r"opening remarks|press remarks|doorstep|discours|allocution|déclaration|rede|"
    r"discurso|intervento)\s+(?:by|de|du|von|of|del|di))\s+[A-ZÀ-Ý])",
)


"""A byline names someone: "By Jane Doe", "Speech by NATO Secretary General ..."."""


CREDIT = re.compile(
    r"\((?:(?:additional\s+)?reporting|writing|editing|compiled|translated)\s+by[^()\n]*\)",
    re.IGNORECASE,
)


ROLE = re.compile(
    r"\b(?:journaliste|journalist(?:in)?|correspondante?|correspondent|reporter|"
    r"redakteur(?:in)?|periodista|giornalista)\b",
    re.IGNORECASE,
)


NAME_BEFORE = re.compile(r"(?:[A-ZÀ-Ý][\w'’-]+\s+){1,3}$")


HANDLE = re.compile(
    r"(?:[—–-]\s*)?(?:[A-ZÀ-Ý][\w.'’-]+\s+|(?:von|van|der|den|de|du|la|le|di|da|del)\s+){0,5}"
    r"[A-ZÀ-Ý][\w.'’-]+\s*\(@\w{1,15}\)"
    rf"(?:\s*{DATE_WORDS})?|pic\.twitter\.com/\w+",
)


PLACE_DATE = re.compile(
    rf"\((?:[A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+)?),\s*{DATE_WORDS}\)", re.IGNORECASE
)


_DATELINE_BODY = (
    r"(?:[A-ZÀ-Ý][A-ZÀ-Ý'’.\- ]{1,30}[A-ZÀ-Ý.](?:\s*/\s*[A-ZÀ-Ý][A-ZÀ-Ý ]+)?"
    rf"(?:,\s*{DATE_WORDS})?\s*(?:\([^()\n]{{2,30}}\))?\s*(?:--|[-–—])"
    rf"|[A-ZÀ-Ý][\w'’-]+[.,]\s+{DATE_WORDS}(?:[.,](?![ \t]*[a-zà-ÿ])\s*(?:[A-Z][A-Z.]{{2,}}/?)?"
    r"|\s*\([^()\n]{2,30}\)\.?\s*(?:--|[-–—])?|\s*(?:--|[-–—])))"
)


AGENCY_DATELINE = re.compile(rf"^[ \t]*{_DATELINE_BODY}(?=\s+\S)", re.MULTILINE)


AFTER_STAMP = re.compile(rf"[ \t]*(?:{_DATELINE_BODY}|{DATE_WORDS}(?=[ \t]*$))", re.MULTILINE)


SUBTITLE_CUE = re.compile(
    r"(?<![\d:,.])\d+\s+\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}",
)


LEADING_CLOCK = re.compile(r"^[ \t]*\d{1,2}:\d{2}(?::\d{2})?(?=[ \t]*[^\W\d_])", re.MULTILINE)


SHORT_DATE = re.compile(r"\(\d{1,2}[./]\d{1,2}[./]\d{2,4}\)")


PAREN_DATE_END = re.compile(
    rf"(?<=[.!?”»\"])[ \t]*\({DATE_WORDS}\)[ \t]*$", re.MULTILINE | re.IGNORECASE
)


"""A video's date after the last sentence of its summary: "... 70-year history. (April 1)"."""


PHOTO_RIGHTS = re.compile(
    r"(?:Hinweis:\s*)?(?:Die\s+)?Bildrechte\b[^.\n]{0,80}|"
    r"\b(?:photo|image) credits? (?:are|can be found)\b[^.\n]{0,60}|"
    r"\bcrédits? photos?\s*:[^.\n]{0,60}",
    re.IGNORECASE,
)


"""A note on where the photos' rights are given: "Hinweis: Die Bildrechte ... am Ende"."""


HASHTAG = re.compile(r"(?<![\w#&])#[^\W\d_][\w]{1,30}")


TRAILING_STAMP = re.compile(
    r"(?<=[.!?”»\"])[ \t]+\d{1,2}[./]\d{1,2}[./]\d{4}(?:[ \t]+\d{1,2}:\d{2})?[ \t]*$", re.MULTILINE
)


URL = re.compile(r"\bhttps?://[^\s<>\"]+[^\s<>\".,;:!?)]")


DOUBLED_DATE = re.compile(rf"(?P<date>{DATE_WORDS})[ \t]*(?P=date)", re.IGNORECASE)


"""The same date twice in a row ("27. Juni 202527. Juni 2025"): a page's stamp
rendered twice (a visible date and its hidden copy), never prose."""


TAG_BYLINE = re.compile(
    r"^[ \t]*<h[4-6]>\s*(?:<(?:strong|b|em)>\s*)*(?:[A-ZÀ-Ý][\w'’.-]*\s*){1,4}"
    r"(?:</(?:strong|b|em)>\s*)*</h[4-6]>",
    re.MULTILINE,
)


"""A name alone in a small heading of saved markup: "<h6><strong>Jane Doe</strong></h6>"."""


FIELD = re.compile(r"^[A-ZÀ-Ý][\w'’-]{2,30}(?:\s?\([\w.]{1,6}\))?\s?:(?:\s|$)(?![\"“”„«‹‘'])")


"""A field of a record: one word and a colon ("Intervenant(s) :", "Circonstance : ...");
a headline quoting someone ("Usa: \"Dal 2026 ...\"") is not one."""


SIGN_OFF = re.compile(r"(?<=[.!?”»\"])\s*\((?:[A-Z][a-z]{1,5}|[A-Z]{2,6})\)[ \t]*$", re.MULTILINE)


PHOTO_NOTE = re.compile(
    r"\((?:nella foto|in the photo|pictured|sur la photo|en la foto|im bild|foto)\)", re.IGNORECASE
)


LABELLED_STAMP = re.compile(
    r"^[ \t]*(?:date|datum|fecha|data|published|posted|publié(?: le)?|veröffentlicht(?: am)?|"
    r"publicado|pubblicato)\s*:?\s*(?:\d{4}-\d{2}(?:-\d{2})?(?:[T ]\d{2}:\d{2}(?::\d{2})?)?|"
    r"\d{1,2}[./]\d{1,2}[./]\d{2,4})",
    re.MULTILINE | re.IGNORECASE,
)


CREDIT_MARK = re.compile(r"©\s*[\w.-]+(?:/[ \t]*(?:[^\s/]+[ \t]?){1,3})?")


COMMENTS = re.compile(
    r"\b(?:(?:not )?(?:currently )?accepting comments|comments are closed|"
    r"commentaires sont fermés|cookies?\b.{0,60}\b(?:site|website|utilise|uses|verwendet|"
    r"utiliza|utilizza)|(?:site|website)\b.{0,40}\bcookies?|click here|cliquez ici|"
    r"hier klicken|haga clic)",
    re.IGNORECASE,
)


PLACE_DATE_CAPTION = re.compile(
    rf"^[^.!?\n]{{10,220}},\s+(?:à|in|en|a|im|at)\s+[A-ZÀ-Ý][\w'’ -]{{1,40}}"
    rf"(?:,\s+[A-ZÀ-Ý][\w'’ -]{{1,30}})?,\s+"
    rf"(?:le |on |el |il |am |the )?(?:\w+day,?\s+)?{DATE_WORDS}\.?$",
    re.IGNORECASE,
)


"""A photo caption as agencies write them: "Leaders in the hall, in Paris, on April 25, 2024." """


WEEKDAY_DATE_END = re.compile(
    rf",\s+(?:{_WEEKDAY}),\s+{DATE_WORDS}\.$",
    re.IGNORECASE,
)


"""The end of an agency photo caption: "..., in Kyiv, Ukraine, Thursday, Feb. 24, 2022."
(prose says "on Thursday"; a caption gives the place, the weekday and the date bare)."""


PUBLISHED_ON = re.compile(
    rf"\b(?:published on|publié le|veröffentlicht am|publicado el|pubblicato il|"
    rf"gepubliceerd op)\s+(?:(?:{_WEEKDAY}),?\s+)?(?:{DATE_WORDS}|[^\W\d]+\s+\d{{1,2}}\s+"
    rf"[^\W\d]+\s+\d{{4}})\.?$",
    re.IGNORECASE,
)


"""A line that ends by saying when it was published: a credit or stamp of the page."""


RELATIVE_STAMP = re.compile(
    r"^[-–—•·]?\s*(?:(?:\d+|an?|one)\s+(?:minutes?|hours?|days?|weeks?)\s+ago|yesterday|"
    r"l[’']altro\s+ieri|ieri|avant-hier|hier|gestern|vorgestern|ayer|anteayer|"
    r"il y a\s+\d+\s+(?:minutes?|heures?|jours?)|vor\s+\d+\s+(?:Minuten|Stunden|Tagen)|"
    r"hace\s+\d+\s+(?:minutos|horas|días)|\d+\s+(?:minuti|ore|giorni)\s+fa)\s*$",
    re.IGNORECASE,
)


"""A line that is only "2 hours ago", "- l'altro ieri": a page's relative time stamp."""


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.lower())
