"""The shapes and words of page furniture, as regular expressions, compiled once.

Kept apart from the rules that use them so a new language's words go in one place."""

from __future__ import annotations

import re

from briefing_app.ingest.furniture.vocabulary import alternation

# -- vocabulary ------------------------------------------------------------
NAVIGATION = re.compile(
    rf"^(?:{alternation('navigation')}|войти|вход|регистрация|"
    r"do you want to leave a comment\b.*|.{0,80}(?:>>>|»»|liveblog\b.{0,60}))\W*$",
    re.IGNORECASE,
)
"""A line that is only a link or a label of the page: "Read more", "Weiterlesen"."""

NAVIGATION_START = re.compile(rf"^\W{{0,3}}{alternation('navigation_starts')}\b", re.IGNORECASE)
"""A link line opening with a call to read on: "Read more on the website of ...", "🔗 Leggi
su Formiche.net" (a short line only; see shapes)."""

SHARE_BAR = re.compile(
    rf"^(?:(?:{alternation('share')}|{alternation('networks')})\b[\s|·•,/:-]*){{2,}}$",
    re.IGNORECASE,
)
"""A share bar: only share verbs and the networks' names ("Share on Facebook Share on
Twitter", "Facebook X WhatsApp Telegram")."""

SHARE_ITEM = re.compile(
    rf"^[•·▪►*–-]?\s*(?:{alternation('share')}|{alternation('networks')})\b(?:\s+[^\W\d_]+){{0,2}}\s*:",
    re.IGNORECASE,
)
"""One item of a share list: "• Whatsapp: abre ventana nueva", "• Enviar por correo: ..."."""

READING_TIME = re.compile(
    rf"^(?:{alternation('reading_time')})\s*:?\s*(?:ca\.\s*)?\d{{1,2}}\s*(?:min\w*\.?|minut\w*)$|"
    rf"^\d{{1,2}}\s*(?:min\w*\.?|minut\w*)\s*(?:{alternation('reading_time')})$",
    re.IGNORECASE,
)
"""The reading time of the page: "5 min read", "Lesezeit: 3 Min.", "Temps de lecture 5 min."."""

GALLERY_COUNTER = re.compile(
    rf"^(?:{alternation('counter_items')}\s+)?\d{{1,3}}\s*(?:{alternation('counter_of')}|/)\s*"
    r"\d{1,3}$",
    re.IGNORECASE,
)
"""A gallery's or list's counter: "1 of 12", "Artikel 1 von 11", "Photo 3 sur 10"."""

PHOTO_LINE = re.compile(rf"^(?:{alternation('photo')})\s*:\s*\S", re.IGNORECASE)
"""A photo credit: "Foto: dpa", "Crédit photo : AFP" (a short line only; see shapes)."""

AGENCY_ALONE = re.compile(
    rf"^[(\[]?\s*{alternation('agencies')}(?:\s*[/,]\s*{alternation('agencies')})*\s*[)\]]?"
    r"(?:\s*[(\[]\s*[\w/]{2,12}\s*[)\]])*\.?$",
    re.IGNORECASE,
)
"""An agency's sign-off or credit alone on a line: "EFE", "(dpa)", "(segue) (Com)"."""

BREADCRUMB = re.compile(
    r"^[^\W\d_][^\d>›»|/\n.!?]{0,30}(?:\s+[>›»|/]\s+[^\W\d_][^\d>›»|/\n.!?]{0,30}){2,}$"
)
"""A breadcrumb: three labels or more with arrows or bars between ("Home > News > Europe")."""

RELATED = re.compile(rf"^\W{{0,3}}{alternation('related')}\s*[:.…>»]*$", re.IGNORECASE)
"""The heading of a list of other articles: "Related articles", "Gli approfondimenti:"."""

COOKIES = re.compile(rf"\b{alternation('cookies')}\b", re.IGNORECASE)

COMMENT_COUNT = re.compile(rf"^\d{{1,5}}\s+{alternation('comments')}$", re.IGNORECASE)
"""A comment counter: "12 comments", "3 Kommentare"."""

NAME_AND_AGENCY = re.compile(
    rf"^(?:[A-ZÀ-Ý][\w'’.-]+\s+){{1,3}}[A-ZÀ-Ý][\w'’-]+(?:\s*[,/|–-]|\s+(?:per|for|pour|für|para))"
    rf"\s*(?i:{alternation('agencies')})$"
)
"""A byline of a reporter and an agency: "Jane Doe, Reuters", "Lorenzo Consoli per Askanews"."""

PLACE_DASH = re.compile(
    r"^[ \t]*[A-ZÀ-Ý][a-zà-ÿ'’]+(?:[ -][A-ZÀ-Ý][a-zà-ÿ'’]+)?[ \t]+[–—-][ \t]+(?=[A-ZÀ-Ý«\"“])",
    re.MULTILINE,
)
"""A place and a dash opening a paragraph, as agencies date their reports: "Bruselas – El
Consejo ...", "Berlin - Das Kabinett ..." (see inline.py: only before a paragraph)."""

SPEAKER_LABEL = re.compile(
    r"^[ \t]*[A-ZÀ-Ý][A-ZÀ-Ý.'’-]+(?:[ \t]+[A-ZÀ-Ý][A-ZÀ-Ý.'’-]+)+:", re.MULTILINE
)
"""A speaker's label in a transcript, in capitals: "PRESIDENT BIDEN:", "SECRETARY GENERAL
STOLTENBERG:"."""


SUBSCRIPTION = re.compile(
    r"\b(?:subscri\w*|sign up for (?:our|the)|newsletter|paywall|premium|"
    r"suscripci\w*|suscr[ií]b\w*|abonn\w*|abbona\w*|abonnier\w*|подписк\w*|рассылк\w*)\b",
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


CREDIT_AT_END = re.compile(
    rf"\((?:©|\(c\)|(?:{alternation('photo')})\s*:)[^()\n]{{1,60}}\)\s*$", re.IGNORECASE
)
"""A photo's credit in brackets closing its caption: "... gebilligt. (© Bundeswehr / Ines
Blandau)"."""

PAREN_CREDIT = re.compile(r"\((?:[A-Z][\w.]*\s?){1,3}\)\s*$")


SENTENCE_END = re.compile(r"[.!?…][\"”’)»]*\s*$")


# -- lines and passages that frame the article: stamps, bylines, notes --------------
_MONTHS = f"(?i:{alternation('months')})"


DATE_WORDS = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th|er|º|°)?\.?\s*(?:de\s+)?{_MONTHS}\.?,?\s*(?:(?:de|del)\s+)?(?:\d{{4}})?|{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?"
    rf",?\s*(?:\d{{4}})?|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}|\d{{4}}-\d{{2}}(?:-\d{{2}})?"
    r"(?:T[\d:.+Z-]+)?)"
)


_CLOCK = (
    r"(?:\d{1,2}[:h.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*(?:Uhr|h|CES?T|GMT|UTC|EST|EDT|ET|PT))?)"
)


_WEEKDAY = alternation("weekdays")


STAMP_PIECES = re.compile(
    rf"{DATE_WORDS}|{_CLOCK}|\b(?:{_WEEKDAY}|{alternation('weekday_abbr')})\b\.?|"
    rf"\b(?:at|à|um|a las|alle|le|el|am|il|ore|{alternation('time_zones')})\b\.?|"
    rf"\b(?:{alternation('document_kinds')}|{alternation('stamp_labels')})\b|"
    r"\b(?:vor|il\s+y\s+a|hace)\s+\d{1,3}\s+[^\W\d_]+|\b\d{1,3}\s+[^\W\d_]+\s+(?:ago|fa)\b|"
    r"[•·▪|/,;:()\[\]\-–—+±~≈.]",
    re.IGNORECASE,
)
"""The pieces a page's stamp is made of: dates, times, weekdays (also abbreviated), time
zones, the kind of document ("Press release", "Pressemitteilung") and separators."""


DAY_RANGE = re.compile(
    r"^\s*\d{1,2}\.?\s*(?:[-–—/]|and|et|und|y|e)\s*\d{1,2}\.?\s+[^\W\d_]", re.IGNORECASE
)
"""Two days of one month: "19-20 Giugno 2000", "11 and 12 July"."""

ENTRY_DATE = re.compile(
    rf"^\s*(?:\d{{1,2}}([ ./])\d{{1,2}}\1(?:\d{{4}}|\d{{2}})|{DATE_WORDS})\s*[:.–-]?\s*$",
    re.IGNORECASE,
)
"""A line that is only a date ("15 02 99", "24 March 1999:"): a stamp, or a chronology's
heading when the page has several, each over its entry."""

STAMP_OPENING = re.compile(rf"(?:{_WEEKDAY}|{_MONTHS})\b", re.IGNORECASE)
"""A stamp may open with a weekday or a month in lower case ("mardi 12 mars 2024")."""

UPDATED = re.compile(rf"^{alternation('updated')}\b", re.IGNORECASE)
"""A line opening with "Updated", "Mis à jour", "Ultimo aggiornamento" (with a date in it)."""

STAMP_LABEL = re.compile(rf"^{alternation('stamp_labels')}\s*:", re.IGNORECASE)
"""A stamp's label with its colon: "Stand: 12.03.2024", "Stand:" alone above the date."""


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
    rf"|[A-ZÀ-Ý][A-ZÀ-Ý'’.\- ]{{1,30}}[A-ZÀ-Ý.]\s*\([^()\n]{{2,40}}?[-–—,]\s*{DATE_WORDS}\)"
)


AGENCY_DATELINE = re.compile(rf"^[ \t]*{_DATELINE_BODY}(?=\s+\S)", re.MULTILINE)

CAPITAL_PLACE_DATE = re.compile(
    rf"(?<![\w-])[A-ZÀ-Ý]{{3,}}(?:[ -][A-ZÀ-Ý]{{3,}})?\s+(?=[A-Z]){_MONTHS}\.?\s+\d{{1,2}}\b"
    r"(?=\s+[A-ZÀ-Ý])"
)
"""A wire's dateline with no punctuation: "BRUSSELS Nov 17 France made a formal request"."""

AGENCY_DATELINE_INSIDE = re.compile(
    rf"\b[A-ZÀ-Ý][\w'’-]+,\s+{DATE_WORDS}\s*\([^()\n]{{2,30}}\)\s*(?:--|[-–—])"
)
"""An agency's dateline inside a line, after a headline run into it: "... poi quella
europea Venezia, 4 nov. (askanews) - ": the agency in brackets and the dash mark it."""

LABELLED_STAMP_INSIDE = re.compile(
    rf"\b(?:{alternation('stamp_labels')}|{alternation('updated')})\s*:\s*"
    rf"(?:{DATE_WORDS})(?:,?\s*(?:um|à|at|alle|a las)?\s*{_CLOCK}(?:\s*Uhr)?)?",
    re.IGNORECASE,
)
"""A stamp with its label inside a line: "... \"herzlich willkommen\" Stand: 15.05.2022
11:27 Uhr"."""


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

SENT_ON = re.compile(
    rf"^(?:{alternation('sent_note')})\s+(?:(?:am|on|le|el|il|the)\s+)?{DATE_WORDS}\b.{{0,80}}"
    rf"\b(?:{alternation('sent_verbs')})\.?$",
    re.IGNORECASE,
)
"""A note that the piece went out on a day: "Diese Nachricht wurde am 30.11.2023 im
Programm Deutschlandfunk gesendet.", "This article was first published on ..."."""


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
