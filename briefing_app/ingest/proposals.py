"""Candidate events from the dates an article mentions, for the user to review.

Each date mention in the article's body seeds a draft: the sentence around it
as the excerpt, the date at the precision the text gives, a headline-like
title cut from the clause that holds the date, and the lane of who acts.
Drafts that report one happening (the same date and the same thing, or the
same existing event) become one proposal with several excerpts. Where an
existing event is close in date and the passage names it, its actors or its
words, the proposal suggests adding the excerpts to it, with the reason in
words; "same as" is kept for an event on the proposal's own dates that the
passage names. Nothing here is stored; the user decides (``ingest.review``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from briefing_app.domain.dates import DateFormatError, DateSpan, PartialDate, Precision
from briefing_app.domain.model import Event, Lane
from briefing_app.ingest.dates import DateMention, RangePart, split_sentences
from briefing_app.ingest.link_terms import LinkTerms, TermMatch, fold, shipped_link_terms

__all__ = [
    "TITLE_CHARS",
    "LinkCandidates",
    "LinkSuggestion",
    "Passage",
    "Proposal",
    "content_words",
    "headline_problems",
    "link_suggestions",
    "propose_events",
    "same_as",
    "suggest_lane",
    "suggest_title",
]

TITLE_CHARS = 90
_MAX_LINKS = 3
_MIN_SHARED = 2
_WINDOW_DAYS = {Precision.DAY: 3, Precision.WEEK: 7, Precision.MONTH: 31, Precision.YEAR: 183}
"""How far apart two dates may be and still be the same event, by the coarser precision."""
_NAMED_WINDOW_DAYS = 10
"""A passage that names the happening may be a few days off (a decision, then its endorsement)."""


@dataclass(frozen=True, slots=True)
class LinkSuggestion:
    """An existing event the proposal may be the same as."""

    event_id: str
    title: str
    when: str
    shared: tuple[str, ...]
    gap_days: int
    reason: str = ""
    """Why, in words a user reads: the date, the name or actors the passage shares."""
    named: bool = False
    """The passage names the happening (in any language)."""
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    """Proper nouns of the event's title the passage names ("Madrid")."""
    background: bool = False
    """The event lasts far longer and neither begins nor ends on the proposal's dates
    (a six-month presidency around a summit): related, never the same happening."""
    named_above: bool = False
    """The happening is named only above the passage: in the headings over it or the
    article's headline ("Wales Summit Declaration" over "in Wales 4-5 September")."""
    principal: bool = False
    """The passage names the event's first actor and gives its own single day ("the
    European Council on Thursday" for the special European Council of that Thursday)."""


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence of the article that reports a proposal's happening."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Proposal:
    """One candidate event: where its date and sentence are, and what is suggested."""

    date_start: int
    date_end: int
    date_text: str
    start: int
    end: int
    sentence: str
    when: DateSpan
    title: str
    lane: Lane
    links: tuple[LinkSuggestion, ...] = ()
    excerpts: tuple[Passage, ...] = ()
    """Every passage that reports the happening, in text order; the first is ``start:end``."""
    same_as: str | None = None
    """The existing event this plainly is (the user may still choose otherwise)."""

    @property
    def passages(self) -> tuple[Passage, ...]:
        return self.excerpts or (Passage(self.start, self.end, self.sentence),)


# -- title -------------------------------------------------------------------------
_CLAUSE_MARK = re.compile(r"[,;:]\s+|\s+[–—]\s+|\s+-\s+|\s*[()]\s*")
_PREPOSITIONS = frozenset(
    "on in at during since from until by of as early between "
    "en depuis dès au du de des entre le les ces d'ici "
    "el los las desde del a "
    "am im seit bis zum ab zwischen "
    "il nel dal tra fra entro "
    "em no na "
    "в во с".split()
)
_DETERMINERS = frozenset("the a an this that its their der das".split())
"""Before a date, these make it part of a name ("the 2030 targets"): it stays in the title."""
_TIME_OF_DAY = re.compile(
    r"^(?:morning|afternoon|evening|night|matin|soir|mañana|tarde|noche|morgen|abend)\b\s*",
    re.IGNORECASE,
)
_LEADING_LINKS = re.compile(
    r"^(?:and|but|yet|so|while|when|then|also|however|meanwhile|back|as well as|"
    r"et|mais|ainsi que|y|pero|así como|und|aber|sowie|e|ma|nonché)\b(?![’'])[\s,]*",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"^(?:(?:and|et|y|und|e)\s+)?"
    r"(?:which|who|whom|whose|where|qui|que|quien|donde|welche[rs]?|der|die|das|che)\b",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^[A-ZÀ-Ý][A-ZÀ-Ý .'’/-]{2,40}(?:,[^()\n]{0,30}?)?\s*(?:\([^()\n]{2,30}\))?\s*(?:--|[-–—])\s+"
)


_ATTRIBUTION = re.compile(
    r"^(?:according to|selon|d[’']après|según|de acuerdo con|laut|nach angaben|secondo|"
    r"stando a)\b",
    re.IGNORECASE,
)


_NAME_IN_PARENS = re.compile(r"\s*\((?:[A-Z]{2,}|[A-Z][a-z]+)\)")
"""An acronym or a name in parentheses ("(OTAN)", "(Xinhua)") belongs to its clause."""


def _clauses(sentence: str, protect: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Clause spans of ``sentence``; a mark inside a date ("Nov. 16, 2021") is no break."""
    bounds = [0]
    named = [m.span() for m in _NAME_IN_PARENS.finditer(sentence)]
    for match in _CLAUSE_MARK.finditer(sentence):
        if any(a <= match.start() < b for a, b in protect):
            continue
        if any(a <= match.start() < b for a, b in named):
            continue
        bounds += [match.start(), match.end()]
    bounds.append(len(sentence))
    return [
        (bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2) if bounds[i + 1] > bounds[i]
    ]


_NEXT = frozenset(
    "next coming last past prochain prochaine prochains prochaines dernier dernière derniers "
    "próximo próxima próximos próximas pasado pasada pasados nächsten nächste kommenden "
    "letzten prossimo prossima prossimi prossime scorso scorsa scorsi".split()
)
_ARTICLES = frozenset("the le la les l' el los las il lo i gli der die das den".split())


def _without_date(clause: str, a: int, b: int) -> str:
    """The clause with the date words (and the preposition before them) taken out."""
    words = clause[:a].rstrip().split(" ")
    if words and words[-1].lower() in _DETERMINERS:
        return clause  # "the 2030 targets": the date is part of what is named
    while words and words[-1].lower().strip(",") in _PREPOSITIONS:
        words.pop()
    if words and words[-1].lower() in _NEXT:
        words.pop()  # "los próximos [30 y 31 de mayo]", "the coming [week]"
        while words and words[-1].lower() in _ARTICLES | _PREPOSITIONS:
            words.pop()
    after = _TIME_OF_DAY.sub("", clause[b:].lstrip())
    return (" ".join(words) + " " + after).strip()


_CLOCK_LEAD = re.compile(r"^\s*\d{1,2}[:.h]\d{2}(?:\s*(?:[ap]\.?m\.?|Uhr|h|CET|GMT|UTC))?\s*")
_DEICTIC = re.compile(
    r"\b(?:today|tonight|this (?:morning|afternoon|evening)|yesterday|tomorrow|"
    r"aujourd[’']hui|ce (?:matin|soir)|demain|heute|gestern|hoy|ayer|mañana|"
    r"oggi|ieri|domani|stamattina)\b",
    re.IGNORECASE,
)
_PRONOUN_START = re.compile(
    r"^(?:it|he|she|they|we|i|you|this|these|those|that|there|here|"
    r"il(?=\s+(?:a|avait|aura|aurait|est|était|sera|serait|y|n|ne|se|s|faut|fallait|faudra|va|"
    r"allait|fait|dit|doit|peut|veut|reste|semble|me|nous|vous|le|la|les|lui|leur|en)\b)|"
    r"elle|ils|elles|nous|on|je|er|sie|es|wir|ich|él|ella|ellos|nosotros|lui|lei|loro|noi)\b",
    re.IGNORECASE,
)
"""Pronouns a headline does not open with; "il" only before a French verb or clitic,
since the Italian "Il" is an article ("Il premier laburista ha avuto ...")."""
_DANGLING = re.compile(
    r"\b(?:and|or|to|of|the|a|an|on|in|at|by|for|from|with|between|than|as|that|"
    r"et|de|du|des|le|la|les|und|der|die|das|y|el|e|il)$",
    re.IGNORECASE,
)
_QUOTE_MARKS = '"“”«»„'


def headline_problems(title: str) -> list[str]:
    """What keeps ``title`` from reading as a short headline (empty when it does).

    The rules a briefer applies: a subject first (no leading pronoun or quote
    fragment), no "today" or clock time, not cut in the middle of a phrase,
    short, no "…".
    """
    problems: list[str] = []
    words = title.split()
    if len(words) < 3:
        problems.append("too short")
    if not title[:1].isupper() and not title[:1].isdigit():
        problems.append("no capital first")
    if _PRONOUN_START.match(title):
        problems.append("opens with a pronoun")
    quotes = sum(title.count(q) for q in _QUOTE_MARKS)
    if title[:1] in _QUOTE_MARKS or quotes % 2:
        problems.append("quote fragment")
    if _DEICTIC.search(title):
        problems.append("says today")
    if re.search(r"\b\d{1,2}[:.]\d{2}\b", title):
        problems.append("clock time")
    if "…" in title or title.endswith("..."):
        problems.append("cut short")
    if _DANGLING.search(title.rstrip(" .,;:")):
        problems.append("ends mid-phrase")
    if len(title) > TITLE_CHARS:
        problems.append("too long")
    return problems


def _tidy(text: str) -> str:
    text = re.sub(r"</?[a-zA-Z][^<>]{0,40}>", " ", text)  # markup saved with the text
    text = _CLOCK_LEAD.sub("", text)
    credit = re.sub(r"^\s*\([^()]{1,25}\)\s*", "", text)  # an agency's "(Belga)" before the news
    text = credit if credit.strip() else text
    text = re.sub(r"\(\s*\)|\(\s*$|^\s*\)", "", text)
    text = _DEICTIC.sub("", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", re.sub(r"\s+", " ", text))
    text = re.sub(r"([,;:])[,;:]+", r"\1", text).strip(" ,;:–—-")
    text = _LEADING_LINKS.sub("", text)
    if text.count("(") != text.count(")"):  # a parenthesis cut by a clause mark
        text = re.sub(r"\s*[()]\s*", " ", text).strip()
    if sum(text.count(q) for q in _QUOTE_MARKS) % 2:  # a quotation cut by one
        text = re.sub(r"\s*[\"“”«»„]\s*", " ", text).strip()
    text = text.rstrip(" .,;:–—-")
    return text[:1].upper() + text[1:] if text else text


# Words before which a long title can stop and still read whole: prepositions,
# relative pronouns and "including" start a phrase that only adds detail.
_CUT_BEFORE = frozenset(
    "on in at for with to of which who whose after before by from during including under "
    "while amid following pour dans sur de du des à au aux avec qui dont lors après avant par "
    "concernant afin für mit im auf von zu zur zum nach vor bei während para con del tras "
    "sobre por durante per di della delle dopo durante entro".split()
)
_BUT = frozenset("but mais aber pero ma".split())
_QUOTED = re.compile(r"[“«\"](?=(?:[^“”«»\"]*?\s){3})[^“”«»\"]{0,400}[”»\"]")
"""A quotation of four words or more (a name in quotation marks stays)."""


def _unquoted(text: str) -> str:
    """The title without quoted words: a whole quotation goes, and so does the part of
    a quotation cut off by the sentence's clauses."""
    text = _QUOTED.sub(" ", text)
    closing = max(text.rfind("”"), text.rfind("»"))
    if closing != -1 and "“" not in text[:closing] and "«" not in text[:closing]:
        text = text[closing + 1 :]
    opening = max(text.find("“"), text.find("«"))
    if opening > 0:
        text = text[:opening]
    return text


_AND_PHRASE = re.compile(
    r"\s+(?:and|et|und|y|e)\s+(?=(?:also|aussi|auch|también|anche|the|le|la|les|der|die|das|"
    r"el|los|las|il|lo|gli)\b)",
    re.IGNORECASE,
)
"""An "and" before a determiner starts a phrase of its own ("... Association and the NATO
Defense College"); one inside a list of names ("Finlandia y Suecia") does not."""


def _shorten(text: str, limit: int = TITLE_CHARS) -> str:
    """At most ``limit`` characters: stop before a phrase that adds detail; "…" only
    when no such place leaves a title of some length."""
    if len(text) <= limit:
        return text
    best = None
    for match in re.finditer(r"\s+(\S+)", text):
        if match.start() > limit:
            break
        word = match.group(1).lower()
        cuts = word in _CUT_BEFORE or word in _BUT or (word.endswith("ing") and len(word) > 5)
        quoted = sum(text.count(q, 0, match.start()) for q in _QUOTE_MARKS) % 2 == 1
        if cuts and match.start() >= 25 and not quoted:  # never inside a quotation
            best = match.start()
    if best is None:  # no phrase of detail: stop before an "and" that opens a new phrase
        for match in _AND_PHRASE.finditer(text[: limit + 1]):
            if match.start() >= 25:
                best = match.start()
    if best is not None:
        cut = text[:best].rstrip(" ,;:–—-")
        while _DANGLING.search(cut):
            cut = cut[: _DANGLING.search(cut).start()].rstrip(" ,;:–—-")  # type: ignore[union-attr]
        if len(cut.split()) >= 3:
            return cut
    cut_at = text.rfind(" ", 0, limit - 1)
    return text[: cut_at if cut_at > limit // 2 else limit - 1].rstrip(" ,;:–—-") + "…"


def suggest_title(sentence: str, date_start: int, date_end: int) -> str:
    """The clause holding the date, without the date, cut to about 80 characters."""
    return _title_and_clause(sentence, date_start, date_end)[0]


def _title_and_clause(
    sentence: str,
    date_start: int,
    date_end: int,
    other_dates: Sequence[tuple[int, int]] = (),
    lead: int = 0,
) -> tuple[str, tuple[int, int]]:
    """The title, and the span of ``sentence`` it was cut from.

    The clause holding the date, without the date, cut to about 80 characters.

    ``date_start``/``date_end`` are offsets of the date words within
    ``sentence``. A clause too short to say anything ("adopted on 21 March")
    takes its neighbours, the one before first (it usually holds the subject);
    a clause that opens with "which" or "who" takes the one it belongs to. A
    dateline ("MADRID, June 30 (Reuters) -") is never part of a title.
    """
    dateline = _DATELINE.match(sentence, lead)
    skip = dateline.end() if dateline else lead
    if date_start < skip:
        date_start = date_end = skip  # the report's own date: the title is the news
    protect = [(date_start, date_end), *other_dates]  # no date is cut at its own comma
    clauses = [(a, b) for a, b in _clauses(sentence, protect) if b > skip]
    clauses = [(max(a, skip), b) for a, b in clauses] or [(skip, len(sentence))]
    index = next((i for i, (a, b) in enumerate(clauses) if a <= date_start < b), len(clauses) - 1)
    first = last = index
    if _RELATIVE.match(sentence[clauses[first][0] :]) and first > 0:
        first -= 1
    elif _ATTRIBUTION.match(sentence[clauses[first][0] :]) and first > 0:
        first = last = 0  # "…, according to a statement on Wednesday": the news comes first

    def words() -> int:
        a, b = clauses[first][0], clauses[last][1]
        return len(re.findall(r"\w+", _without_date(sentence[a:b], date_start - a, date_end - a)))

    while words() < 4 and (first > 0 or last + 1 < len(clauses)):
        if first > 0:
            first -= 1
        else:
            last += 1
    a, b = clauses[first][0], clauses[last][1]
    clause = sentence[a:b]
    dates = sorted({(date_start, date_end), *other_dates}, reverse=True)
    for x, y in dates:  # every date of the clause goes, the last first
        if a <= x and y <= b and (x, y) != (date_start, date_end):
            clause = _without_date(clause, x - a, y - a)
        elif (x, y) == (date_start, date_end):
            clause = _without_date(clause, max(x - a, 0), max(y - a, 0))
    title = _tidy(_unquoted(clause))
    if len(title.split()) < 3:
        title = _tidy(clause)
    if len(title.split()) < 2:
        title = _tidy(sentence[skip:])
    return _shorten(title), (a, b)


# -- lane --------------------------------------------------------------------------
def _lane_patterns(spec: dict[Lane, str]) -> dict[Lane, re.Pattern[str]]:
    return {
        lane: re.compile(r"(?<![\w.])(?:" + "|".join(words.split("|")) + r")(?!\w)")
        for lane, words in spec.items()
    }


_LANES = _lane_patterns(
    {
        Lane.EU: r"EU|E\.U\.|UE|Ue|EU27|European Union|European Commission|Commission|"
        r"European Council|(?<!Security )(?<!Atlantic )(?<!NATO-Russia )(?<!Defence )Council|"
        r"European Parliament|Council of the EU|PESCO|Pesco|CSDP|ESDP|CSP|PSDC|"
        r"Strategic Compass|[Bb]oussole stratégique|Strategische[nr]? Kompass\w*|"
        r"European Defence Fund|European Peace Facility|EDA|EEAS|SEAE|ReArm Europe|"
        r"High Representative|[Hh]aute représentante?|[Vv]on der Leyen|Borrell|Kallas|Mogherini|"
        r"Costa|Juncker|Solana|member states|[EÉ]tats membres|Mitgliedstaaten|"
        r"Estados miembros|Stati membri|the bloc|Twenty-Seven|Vingt-Sept|Brussels|Bruxelles|"
        r"Bruselas|Brüssel|Bruxelles|Union européenne|Unión Europea|Europäische[n]? Union|"
        r"Unione europea|Commission européenne|Comisión Europea|Commissione europea|"
        r"EU-Kommission|Kommission|Conseil(?! de sécurité| des ministres| de défense| d.[EÉ]tat"
        r"| constitutionnel)|Conseil européen|Rat der EU|Europäische[nr]? Rat|Consejo Europeo|"
        r"Consejo de la UE|Consiglio europeo|Consiglio Ue|Consiglio dell.UE|"
        r"Lisbon Treaty|Eurocorps|battlegroups?|(?:EU-)?Ratspräsidentschaft|Vorsitz im Rat|"
        r"presidency of the Council|Council presidency|présidence \w+ du Conseil|"
        r"presidencia \w+ del Consejo|presidenza \w+ del Consiglio",
        Lane.NATO: r"NATO|Nato|OTAN|Otan|[Aa]lliance|[Aa]llies|Alliierten|Verbündeten|"
        r"[Aa]liados|[Aa]lleati|Alianza|Alleanza|Stoltenberg|Rutte|Article 5|SHAPE|"
        r"Atlantic Alliance|Bündnis|"
        r"North Atlantic Treaty Organi[sz]ation|North Atlantic Council|"
        r"Organisation du traité de l.Atlantique Nord|Alliance atlantique|"
        r"Organización del Tratado del Atlántico Norte|Alianza Atlántica|"
        r"Organizzazione del Trattato dell.Atlantico del Nord|Alleanza atlantica|"
        r"Nordatlantik\w*",
        Lane.RUSSIA: r"Russia|Russian|Russians|Moscow|Kremlin|Putin|Lavrov|Shoigu|Medvedev|"
        r"Russie|russe|Rusia|ruso|rusa|Russland|russische[nrs]?|Moscou|Moscú|Moskau|Wagner|"
        r"Russia|russo|Mosca|Cremlino|Россия|России|Москва|Путин",
        Lane.US: r"U\.S\.|US|USA|United States|Washington|Biden|Trump|Obama|Bush|Pentagon|"
        r"White House|American|America|Blinken|Hegseth|Rubio|Vance|Estados Unidos|"
        r"États-Unis|Etats-Unis|Vereinigte[n]? Staaten|amerikanische[nrs]?|Stati Uniti|"
        r"Casa Bianca|Maison Blanche|Weißen? Haus",
        Lane.UKRAINE: r"Ukraine|Ukrainian|Ukrainians|Kyiv|Kiev|Zelensky|Zelenskyy|Zelenskiy|"
        r"Ucrania|ucraniano|ukrainien(?:ne)?|Kiew|Kharkiv|Donbas|Donbass|Ucraina|Selenskyj|"
        r"Украина|Киев",
        # National governments, leaders and parliaments act for themselves: Other. (Finland
        # and Sweden are left out: what they did on their way into NATO is NATO's.)
        Lane.OTHER: r"Turkey|Türkiye|Turkish|Ankara|Turquie|turc|turque|Türkei|türkische[nrs]?|"
        r"Turquía|turco|turca|Turchia|Erdoğan|Erdogan|France|French government|Frankreich|"
        r"Francia|Germany|German government|Allemagne|Deutschland|Bundesregierung|Bundestag|"
        r"Alemania|Germania|Italy|Italie|Italien|Italia|Spain|Espagne|Spanien|España|Spagna|"
        r"United Kingdom|Britain|British|UK|Royaume-Uni|Großbritannien|Reino Unido|"
        r"Regno Unito|Poland|Pologne|Polen|Polonia|China|Chine|Cina|Beijing|Pékin|Peking|Pekín|"
        r"Pechino|Macron|Élysée|Elysée|Scholz|Merkel|Schröder|Pistorius|Baerbock|Meloni|"
        r"Tajani|Crosetto|Guerini|Draghi|Palazzo Chigi|Senato|Camera dei deputati|Sánchez|"
        r"Albares|Robles|Moncloa|Congreso de los Diputados|Starmer|Sunak|Cameron|"
        r"Downing Street|Fillon|Jospin|Sarkozy|Hollande|Matignon|Assemblée nationale|Sénat|"
        r"Duda|Morawiecki",
    }
)
_SUBJECT_BONUS = 1.5
_SUMMIT = re.compile(r"\b(?:summit|sommet|\w*gipfel\w*|cumbre|vertice)\b", re.IGNORECASE)
_MINISTERIAL = re.compile(
    r"\b(?:ministerial|ministérielle|ministeriale|Ministertreffen|reunión ministerial|"
    r"meeting of (?:the )?(?:\w+ )?ministers|réunion des ministres|"
    r"reunión de (?:los )?ministros|riunione dei ministri|Treffen der \w*minister)\b",
    re.IGNORECASE,
)
_SUMMIT_BONUS = 2.0


def _main_actor(document: dict[Lane, int]) -> Lane:
    """The lane an article is plainly about: named three times and in half the mentions."""
    if not document:
        return Lane.OTHER
    lane = max(document, key=lambda ln: (document[ln], -ln.order))
    total = sum(document.values())
    return lane if document[lane] >= 3 and document[lane] * 2 >= total else Lane.OTHER


def lane_scores(text: str) -> dict[Lane, int]:
    """How often ``text`` names each lane's actors."""
    return {lane: n for lane, pattern in _LANES.items() if (n := len(pattern.findall(text))) > 0}


_OWNER_GAP = re.compile(
    r"^\s*(?:,\s*)?(?:(?:of|on|from|held|meeting|du|des|de|le|la|les|del|de los|di|dello|"
    r"della|dei|vom|am|der|des|the|il|el|tenu|celebrado|tenutosi|previsto|"
    r"(?:which|that) (?:will be|is|was) held|(?:which|that) (?:will take|takes|took) place|"
    r"qui (?:se tiendra|se tient|s'est tenu|aura lieu)|que se (?:celebrará|celebra|celebró)|"
    r"che si (?:terrà|tiene|è tenuto)|der|die|das|das am|der am)\s+){0,4}$",
    re.IGNORECASE,
)
"""Between a body and its date: "the European Council of 24 March", "del 15-16 dicembre",
"del Consiglio europeo che si terrà giovedì"."""
_BODY = re.compile(
    r"Council|Conseil|Consejo|Consiglio|Rat(?:es)?\b|Commission|Kommission|Comisión|"
    r"Commissione|Parliament|Parlement|Parlamento|Parlament|NATO|Nato|OTAN|Otan|Alliance|"
    r"Alianza|Alleanza|Bündnis|Bundestag|Senato|Sénat|Congreso|Assemblée",
    re.IGNORECASE,
)
"""Bodies that meet: only they own the date written after them (a country or a city
before a date, "the invasion of Ukraine on 24 February", does not)."""
_OWNER_BONUS = 3.0


def suggest_lane(
    sentence: str,
    focus: tuple[int, int] | None = None,
    fallback: Lane = Lane.OTHER,
    document: dict[Lane, int] | None = None,
    date_at: int | None = None,
) -> Lane:
    """Who acted, by keyword score: names in the ``focus`` clause count double and
    the first one named there (most often the subject) gets a bonus.

    A summit goes to the alliance or union the sentence (else the article)
    names most; a sentence that names no actor takes ``fallback`` (the
    article's main actor). A body written right before the date (offset
    ``date_at``) owns it: "the European Council of 15-16 December" is the
    Council's, whoever speaks "on the eve" of it.
    """
    a, b = focus or (0, len(sentence))
    scores: dict[Lane, float] = {}
    first: tuple[int, Lane] | None = None
    owner: Lane | None = None
    for lane, pattern in _LANES.items():
        for match in pattern.finditer(sentence):
            inside = a <= match.start() < b
            scores[lane] = scores.get(lane, 0.0) + (2.0 if inside else 1.0)
            if inside and (first is None or match.start() < first[0]):
                first = (match.start(), lane)
            if date_at is not None and match.end() <= date_at:
                gap = sentence[match.end() : date_at]
                if _OWNER_GAP.match(gap) and _BODY.search(match.group(0)):
                    owner = lane
    meeting = _SUMMIT.search(sentence) is not None or _MINISTERIAL.search(sentence) is not None
    hosted = Lane.NATO in scores or Lane.EU in scores  # not "the Trump-Putin summit"
    if meeting and hosted and Lane.OTHER in scores:
        scores[Lane.OTHER] /= 2  # leaders and ministers at a summit act in its union or alliance
    if first is not None and not (meeting and hosted and first[1] is Lane.OTHER):
        scores[first[1]] += _SUBJECT_BONUS
    if owner is not None:
        scores[owner] += _OWNER_BONUS
    if meeting:
        hosts = [Lane.NATO, Lane.EU]
        named = [lane for lane in hosts if lane in scores]
        pool = named or [lane for lane in hosts if (document or {}).get(lane)]
        if pool:
            host = max(pool, key=lambda ln: (scores.get(ln, 0.0), (document or {}).get(ln, 0)))
            here = _SUMMIT.search(sentence, a, b) or _MINISTERIAL.search(sentence, a, b)
            bonus = _SUMMIT_BONUS if here else _SUMMIT_BONUS / 2
            scores[host] = scores.get(host, 0.0) + bonus
    if not scores:
        return fallback
    return max(scores, key=lambda lane: (scores[lane], -lane.order))


# -- links to existing events --------------------------------------------------------
_STOP = frozenset(
    "about after again against also among another because been before being between both "
    "could during each first from further have having here into itself last made make many "
    "more most much must next only other over said same says should since some such than "
    "that their them then there these they this those through under until very were what "
    "when where which while will with would year years month months week weeks today told "
    "days within least europe european defence defense military leader leaders minister "
    "ministers state states country countries government officials official "
    "january february march april june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday "
    "janvier février mars avril juin juillet août septembre octobre novembre décembre "
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre "
    "januar februar märz april juni juli august oktober dezember "
    "dans pour avec sont mais leur selon cette entre aussi para como pero sobre desde "
    "entre también über nach wird sind eine einer einem".split()
)
_WORDS = re.compile(r"[^\W\d_]{4,}", re.UNICODE)


def _key(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


def _surface_words(text: str) -> dict[str, str]:
    """Content word key -> the word as ``text`` first writes it."""
    out: dict[str, str] = {}
    for word in _WORDS.findall(text):
        lower = word.lower()
        if lower in _STOP:
            continue
        out.setdefault(_key(lower), word)
    return out


def content_words(text: str) -> frozenset[str]:
    """Words that say what a sentence is about: four letters or more, no stop words,
    a plural's final s dropped so "troops" meets "troop"."""
    return frozenset(_surface_words(text))


def _gap(when: DateSpan, other: DateSpan) -> int:
    if when.last_day < other.first_day:
        return (other.first_day - when.last_day).days
    if other.last_day < when.first_day:
        return (when.first_day - other.last_day).days
    return 0


# Capitalised runs in a title ("Strategic Compass", "ReArm Europe") and acronyms
# ("PESCO"): the names a title gives its happening when no term list does.
_TITLE_NAME = re.compile(
    r"(?<![\w’'])(?:[A-Z][\w’'/-]*[a-z][\w’'/-]*|[A-Z]{4,}(?:[/-][A-Z]+)?)"
    r"(?:\s+(?:[A-Z][\w’'/-]+|of|the|on|for))*(?<!\bof)(?<!\bthe)(?<!\bon)(?<!\bfor)"
)
_NOT_A_NAME = frozenset(
    "EU NATO US UN Russia Ukraine Council Commission Parliament European Union Trump Putin "
    "Zelensky Macron Biden First Second Third Special Member Migrants Alarm War Kabul".split()
)


def _title_names(event: Event) -> list[str]:
    """Names of a happening read from its own title, the actors left out."""
    actors = {a.casefold() for a in event.actors}
    names: list[str] = []
    for match in _TITLE_NAME.finditer(event.title):
        words = match.group(0).split()
        while words and (words[0] in _NOT_A_NAME or words[0].casefold() in actors):
            words.pop(0)
        name = " ".join(words).strip()
        if not name or name.casefold() in actors or name in _NOT_A_NAME:
            continue
        if len(words) >= 2 or (len(name) >= 4 and name.isupper()) or re.search(r"[a-z][A-Z]", name):
            names.append(name)
    return names


@dataclass(frozen=True, slots=True)
class _Evidence:
    named: TermMatch | None
    actors: tuple[str, ...]
    shared: tuple[str, ...]
    gap: int
    places: tuple[str, ...] = ()


class LinkCandidates:
    """Events sorted by date, to find those near a date without reading them all.

    An article's proposals each ask; at 100,000 events a full scan per
    proposal (re-reading each event's words) took 0.2 s.
    """

    def __init__(self, events: Sequence[Event], terms: LinkTerms | None = None) -> None:
        self._events = sorted(events, key=lambda e: e.when.first_day)
        self._starts = [e.when.first_day.toordinal() for e in self._events]
        self._longest = max(((e.when.last_day - e.when.first_day).days for e in events), default=0)
        self._words: dict[str, dict[str, str]] = {}
        self._names: dict[str, list[str]] = {}
        self._proper: dict[str, list[str]] = {}
        self.terms = terms if terms is not None else LinkTerms()
        self.by_id = {e.id: e for e in self._events}

    def near(self, when: DateSpan) -> list[Event]:
        """Every event that could lie within the widest link window of ``when``."""
        reach = max(_WINDOW_DAYS.values())
        lo = bisect.bisect_left(self._starts, when.first_day.toordinal() - reach - self._longest)
        hi = bisect.bisect_right(self._starts, when.last_day.toordinal() + reach)
        return self._events[lo:hi]

    def surface_of(self, event: Event) -> dict[str, str]:
        found = self._words.get(event.id)
        if found is None:
            text = f"{event.title} {event.summary} {' '.join(event.actors)}"
            found = self._words[event.id] = _surface_words(text)
        return found

    def words_of(self, event: Event) -> frozenset[str]:
        return frozenset(self.surface_of(event))

    def title_names(self, event: Event) -> list[str]:
        found = self._names.get(event.id)
        if found is None:
            found = self._names[event.id] = _title_names(event)
        return found

    def evidence(self, event: Event, when: DateSpan, text: str, words: frozenset[str]) -> _Evidence:
        """What ties ``text`` (dated ``when``) to ``event``."""
        extra = [] if self.terms.event_names(event.id) else self.title_names(event)
        named = self.terms.find_event_name(event.id, text, extra)
        actors = tuple(a for a in event.actors if self.terms.find_actor(a, text))
        surface = self.surface_of(event)
        shared = tuple(sorted(surface[w] for w in words & surface.keys()))
        places = tuple(
            w for w in self.proper_nouns(event) if re.search(rf"(?<!\w){re.escape(w)}", text)
        )
        return _Evidence(named, actors, shared, _gap(when, event.when), places)

    def proper_nouns(self, event: Event) -> list[str]:
        """Capitalised words of the title after its first ("Madrid" in "NATO Madrid
        summit adopts ..."), the actors' own words and lane names left out."""
        found = self._proper.get(event.id)
        if found is None:
            actor_words = {w for a in event.actors for w in a.split()}
            found = [
                w
                for w in re.findall(r"(?<=\s)[A-ZÀ-Ý][a-zà-ÿ]{3,}\b", event.title)
                if w not in actor_words and not any(p.fullmatch(w) for p in _LANES.values())
            ]
            self._proper[event.id] = found
        return found


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _reason(when: DateSpan, event: Event, ev: _Evidence, named_where: str = "") -> str:
    """Why the proposal may be ``event``, in words: date, name, actors, words in common."""
    if ev.gap == 0:
        same_day = when.precision is Precision.DAY and event.when.precision is Precision.DAY
        if same_day and not when.is_range and not event.when.is_range:
            timing = "same day"
        elif same_day and not when.is_range:
            timing = "during its dates"
        else:
            timing = "same period"
    else:
        timing = f"{ev.gap} day{'s' if ev.gap != 1 else ''} apart"
    parts = [timing]
    if ev.named is not None:
        parts.append(f"{named_where or 'names'} “{ev.named.written}”")
    said = fold(ev.named.written) if ev.named is not None else ""
    also = [n for n in (*ev.actors, *ev.places) if fold(n) not in said]
    if also:  # what the name already says is not said twice ("Strategic" of the Compass)
        parts.append(("also names " if said else "names ") + _and(also))
    shared = [w for w in ev.shared if w not in ev.places and w not in ev.actors]
    if shared and ev.named is None:
        quoted = [f"“{w}”" for w in shared[:4]]
        parts.append("shares the word" + ("s " if len(quoted) > 1 else " ") + _and(quoted))
    return ", ".join(parts)


def _suggests(ev: _Evidence) -> bool:
    return (
        ev.named is not None
        or (bool(ev.actors) and bool(ev.places))
        or (bool(ev.actors) and len(ev.shared) >= 2)
        or len(ev.shared) >= _MIN_SHARED + 1
        or (len(ev.shared) >= _MIN_SHARED and not ev.actors)
    )


def _strength(ev: _Evidence) -> float:
    return (3.0 if ev.named else 0.0) + len(ev.actors) + 0.5 * len(ev.shared) - 0.05 * ev.gap


_BACKGROUND_DAYS = 31


def _background(when: DateSpan, event: DateSpan) -> bool:
    """``event`` spans more than a month beyond ``when`` and ``when`` holds neither its
    first nor its last day."""
    longer = (event.last_day - event.first_day).days - (when.last_day - when.first_day).days
    if longer <= _BACKGROUND_DAYS:
        return False
    # The launch or the end of a long event is that event.
    ends = (event.first_day, event.last_day)
    return not any(when.first_day <= day <= when.last_day for day in ends)


_MEETING_BODY = re.compile(r"\b(?:Council|Commission|Parliament|Assembly)\b")
"""Bodies that meet on a day: named on the day of their one-day meeting, that is it."""


def _single_day(span: DateSpan) -> bool:
    return span.precision is Precision.DAY and not span.is_range


def link_suggestions(
    when: DateSpan,
    words: frozenset[str],
    events: Sequence[Event] | LinkCandidates,
    text: str = "",
    above: str = "",
) -> tuple[LinkSuggestion, ...]:
    """Existing events dated close to ``when`` that ``text`` names, or that share its
    actors and content words (two words at least).

    ``above`` is the article's headline, then (after a line break) the headings
    right over the passage: a happening named there and nowhere in ``text`` is
    suggested only on its own dates; named in the headline alone, only when
    ``text`` names its actors or its lane too.
    """
    candidates = events if isinstance(events, LinkCandidates) else LinkCandidates(events)
    found: list[tuple[float, LinkSuggestion]] = []
    for event in candidates.near(when):
        coarser = max(when.precision, event.when.precision, key=lambda p: p.rank)
        window = _WINDOW_DAYS[coarser]
        gap = _gap(when, event.when)
        if gap > max(window, _NAMED_WINDOW_DAYS):
            continue
        ev = candidates.evidence(event, when, text, words)
        named_above = False
        named_where = ""
        if ev.named is None and above and gap == 0:
            over = candidates.terms.find_event_name(
                event.id,
                above,
                [] if candidates.terms.event_names(event.id) else candidates.title_names(event),
            )
            headings = above.partition("\n")[2]
            in_headings = over is not None and over.written in headings
            if over is not None and (
                in_headings or ev.actors or candidates.terms.find_actor(event.lane.value, text)
            ):
                ev = _Evidence(over, ev.actors, ev.shared, ev.gap, ev.places)
                named_above = True
                named_where = "the heading names" if in_headings else "the headline names"
        principal = (
            gap == 0
            and bool(event.actors)
            and event.actors[0] in ev.actors
            and _MEETING_BODY.search(event.actors[0]) is not None
            and _single_day(when)
            and _single_day(event.when)
        )
        if not (_suggests(ev) or principal) or (gap > window and ev.named is None):
            continue
        suggestion = LinkSuggestion(
            event.id,
            event.title,
            event.when.label(),
            tuple(sorted(_key(w.lower()) for w in ev.shared)),
            ev.gap,
            reason=_reason(when, event, ev, named_where if named_above else ""),
            named=ev.named is not None,
            actors=ev.actors,
            places=ev.places,
            background=_background(when, event.when),
            named_above=named_above,
            principal=principal,
        )
        found.append((_strength(ev), suggestion))
    found.sort(key=lambda item: (-item[0], item[1].gap_days, item[1].event_id))
    return tuple(s for _score, s in found[:_MAX_LINKS])


def same_as(when: DateSpan, suggestions: Sequence[LinkSuggestion]) -> str | None:
    """The existing event the proposal IS, when the evidence is plain; else None.

    Only an event dated within the proposal's own date (no gap) can be it,
    and only when the passage names the happening itself (in any language), or
    its actors and the place or party its title names ("NATO" and "Madrid"):
    words in common make a suggestion, never a "same as". The event's first actor
    named on its own single day is it too ("the European Council" on the day of
    the special European Council). A long event around the date (a presidency,
    a mission) is the same only on its first or last day.
    """
    for s in suggestions:
        if s.background:
            continue
        if s.gap_days == 0 and (s.named or (s.actors and s.places) or s.principal):
            return s.event_id
    return None


# -- proposals -----------------------------------------------------------------------
# Words that join the two ends of one period ("10–11 March", "from May to June").
_RANGE_LINK = re.compile(
    r"^\s*(?:[-–—]|to|until|till|through|au|à|al|a|hasta|bis|по|до)\s*$", re.IGNORECASE
)
# "And" joins a list ("in 2004 and 2009", "March, May and June") unless the
# first date follows "between" ("between 2004 and 2007").
_AND_LINK = re.compile(
    r"^\s*(?:\d{1,2}(?:st|nd|rd|th|er)?\s+)?(?:and|et|y|e|und|и)\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|"
    r"mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|"
    r"samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|"
    r"mercoledì|giovedì|venerdì|sabato|domenica)?,?\s*(?:the\s+)?$",
    re.IGNORECASE,
)


_DEADLINE = re.compile(
    r"\b(?:by|no later than|d[’']ici(?: à| a)?|au plus tard en|(?:à )?l[’']horizon(?: de)?|"
    r"horizonte(?: de)?|orizzonte(?: del)?|bis(?: spätestens)?|until|jusqu[’'](?:en|à|au)|"
    r"hasta(?: el)?|fino al|de aquí a|de aqui a|"
    r"spätestens|entro(?: il)?|a más tardar en)\s+(?:the\s+end\s+of\s+|(?:la\s+)?fin\s+)?$",
    re.IGNORECASE,
)


_GUESS_DAYS = 183


def _year_guessed(mention: DateMention, when: DateSpan, published: date) -> bool:
    """A day, week or month with no year written, placed far from the publication date."""
    if when.precision is Precision.YEAR or re.search(r"\d{4}", mention.text):
        return False
    if re.search(r"\d{1,2}[./-]\d{1,2}[./-]\d{2}\b", mention.text):
        return False  # "24.06.25": the year is written, in two digits
    gap = min(abs((when.first_day - published).days), abs((when.last_day - published).days))
    return gap > _GUESS_DAYS


def _next_day(a: PartialDate, b: PartialDate) -> bool:
    """Two consecutive days or years ("11 and 12 July", "in 2014 and 2015"): one
    happening over both, not a list."""
    if a.precision is not b.precision:
        return False
    if a.precision is Precision.DAY:
        return (b.value - a.value).days == 1
    if a.precision is Precision.YEAR:
        return b.value.year - a.value.year == 1
    return False


_BETWEEN = re.compile(r"(?:between|entre|zwischen|tra|fra|между)\s+$", re.IGNORECASE)


_BLOCK_END = re.compile(
    r"(?:[.!?…][\"”’»]?(?:\s*</?(?:strong|b|em|i|span|a)>)*\s*)?"
    r"</(?:h[1-6]|p|li|div|blockquote)>|<br\s*/?>",
    re.IGNORECASE,
)
"""Markup saved with a text: the end of a heading or paragraph element ends a sentence."""


def _split_markup(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with each sentence cut after a closing block tag it holds."""
    if "</" not in text and "<br" not in text:
        return spans
    out: list[tuple[int, int]] = []
    for a, b in spans:
        start = a
        for match in _BLOCK_END.finditer(text, a, b):
            if text[match.end() : b].strip() and text[start : match.end()].strip():
                out.append((start, match.end()))
                start = match.end()
                while start < b and text[start].isspace():
                    start += 1
        out.append((start, b))
    return out


_BLOCK_LINES = 3


def _title_block(text: str, s: int, e: int, body: tuple[int, int]) -> tuple[int, int]:
    """A short line that a heading continues or that goes on in the next line ("DECISIÓN
    (PESC) 2017/2315 DEL CONSEJO / de 11 de diciembre de 2017 / por la que se establece
    ..."): the lines of that title, as one passage. A line continues the one before it
    when it opens in lower case."""
    line = text[s:e]
    if "\n" in line.strip() or len(line.split()) > 12 or re.search(r"[.!?…]\s*$", line):
        return s, e
    lo, hi = body

    def lines_around() -> tuple[list[tuple[int, int]], int]:
        found: list[tuple[int, int]] = []
        pos = 0
        for match in re.finditer(r"[^\n]+", text[lo:hi]):
            a, b = lo + match.start(), lo + match.end()
            if text[a:b].strip():
                if a <= s < b + 1:
                    pos = len(found)
                found.append((a, b))
        return found, pos

    found, pos = lines_around()
    if not found:
        return s, e

    def opens_lower(i: int) -> bool:
        first = text[found[i][0] : found[i][1]].lstrip()[:1]
        return first.isalpha() and first.islower()

    def short(i: int) -> bool:
        a, b = found[i]
        return len(text[a:b].split()) <= 25 and not re.search(r"[.!?…]\s*$", text[a:b])

    first = last = pos
    while first > 0 and pos - first < _BLOCK_LINES and opens_lower(first) and short(first - 1):
        first -= 1
    while last + 1 < len(found) and last - first < _BLOCK_LINES and opens_lower(last + 1):
        last += 1
    if first == last == pos:
        return s, e
    a = min(found[first][0], s)
    return a + len(text[a:]) - len(text[a:].lstrip()), max(found[last][1], e)


def _sentence_of(spans: list[tuple[int, int]], ends: list[int], pos: int) -> tuple[int, int]:
    i = min(bisect.bisect_right(ends, pos), len(spans) - 1)
    return spans[i]


def _paired(text: str, mentions: list[DateMention]) -> list[tuple[DateMention, DateSpan]]:
    """Each mention with its date span; a range's two ends ("10–11 March") become one.

    The extractor marks the ends of the periods it reads; two mentions joined by
    "to" or a dash, or consecutive days joined by "and", are one period too.
    """
    out: list[tuple[DateMention, DateSpan]] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        span = DateSpan(m.date)
        if i + 1 < len(mentions):
            n = mentions[i + 1]
            gap = text[m.end : n.start]
            marked = m.range is RangePart.START and n.range is RangePart.END
            joined = (
                marked
                or _RANGE_LINK.match(gap)
                or (
                    _AND_LINK.match(gap)
                    and (
                        _BETWEEN.search(text[max(0, m.start - 12) : m.start])
                        or _next_day(m.date, n.date)
                    )
                )
            )
            if joined and n.date.first_day >= m.date.first_day:
                try:
                    span = DateSpan(m.date, n.date)
                    m = DateMention(
                        text[m.start : n.end], m.start, n.end, m.date, m.sentence, m.range
                    )
                    i += 1
                except DateFormatError:
                    pass
        out.append((m, span))
        i += 1
    return out


_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "deux": 2, "trois": 3, "quatre": 4, "dos": 2, "tres": 3,
    "cuatro": 4, "zwei": 2, "drei": 3, "vier": 4, "due": 2, "tre": 3, "quattro": 4,
    "2": 2, "3": 3, "4": 4,
}  # fmt: skip
_N = r"(two|three|four|deux|trois|quatre|dos|tres|cuatro|due|tre|quattro|[234])"
_LASTING = re.compile(
    rf"\b(?:{_N}[- ]day\b|for {_N} days\b|{_N} days of\b|pour {_N} jours\b|"
    rf"{_N} jours de\b|de {_N} jours\b|{_N} días de\b|durante {_N} días\b|de {_N} días\b|"
    rf"{_N} giorni di\b|per {_N} giorni\b|di {_N} giorni\b|(zwei|drei|vier)tägige\w*|"
    rf"für (zwei|drei|vier) Tage\b)",
    re.IGNORECASE,
)
"""A meeting said to last some days: "two days of talks", "pour trois jours", "zweitägig"."""
_ENDING = re.compile(
    r"\b(?:end(?:s|ed)?|clos(?:es|ed)|conclud(?:es|ed)|wrap(?:s|ped) up|final day|last day|"
    r"s'achève|s’achève|termin\w*|clôtur\w*|concluy\w*|clausur\w*|chiu\w*|conclu\w*|"
    r"ende\w*|abgeschlossen|letzte[nr]? Tag)\b",
    re.IGNORECASE,
)


def _lasting(
    when: DateSpan, sentence: str, focus: tuple[int, int], others: Sequence[tuple[int, int]]
) -> DateSpan:
    """A single day whose clause says the meeting lasts N days ("s'ouvre pour trois jours",
    "began two days of talks") is the period from that day; a clause about its end, or
    one that gives another date, keeps the day."""
    if not _single_day(when) or any(focus[0] <= a < focus[1] for a, _b in others):
        return when
    clause = sentence[focus[0] : focus[1]]
    found = _LASTING.search(clause)
    if found is None or _ENDING.search(clause):
        return when
    word = next(g for g in found.groups() if g).lower()
    days = _NUMBERS.get(word, _NUMBERS.get(word.rstrip("s"), 0))
    if days < 2:
        return when
    first = when.start
    last = PartialDate(first.value + timedelta(days=days - 1), Precision.DAY)
    return DateSpan(first, last)


@dataclass
class _Draft:
    mention: DateMention
    when: DateSpan
    start: int
    end: int
    title: str
    focus: tuple[int, int]
    words: frozenset[str]
    lane: Lane


_LEDE_WORDS = 8
_LEDE_SENTENCES = 3
_NOT_YET = re.compile(
    r"\b(?:will|would|could|might|shall|going to|wird|würde|werden|soll|sollen|"
    r"sera|serait|va|vont|sarà|sarebbe|será|sería)\b|\w(?:ría|rían|rá|rán|rait|raient|"
    r"rebbe|rebbero|rà|ranno)\b",
    re.IGNORECASE,
)
"""A future or conditional verb: the sentence tells what is to come, not the day's news."""


def _lede_drafts(
    text: str,
    body: tuple[int, int],
    spans: list[tuple[int, int]],
    kept: Sequence[DateMention],
    furniture: Sequence[tuple[int, int]],
    published: date | None,
    main_actor: Lane,
    document: dict[Lane, int],
) -> list[_Draft]:
    """The sentences of a news report's first paragraph when it writes no date: they tell
    the news of the day the report was published ("Russia launched a full scale
    invasion in the early hours of the morning"). The caller keeps the first that is a
    known event of that day, and none otherwise."""
    if published is None:
        return []
    lo, hi = body
    found: list[tuple[int, int]] = []
    paragraph_end = hi
    for s, e in spans:
        if e <= lo or s >= hi or (found and s >= paragraph_end):
            if found:
                break
            continue
        s = max([s, *(b for a, b in furniture if a <= s < b)])  # past a dateline it opens with
        while s < e and text[s].isspace():
            s += 1
        if any(a <= s < b for a, b in furniture):
            continue
        sentence = text[s:e]
        if not found:
            if "\n" in sentence.strip() or len(sentence.split()) < _LEDE_WORDS:
                continue  # a headline, a stamp, a heading
            if not re.search(r"[.!?…][\"”’)»]*\s*$", sentence):
                continue
            blank = text.find("\n\n", s)
            paragraph_end = hi if blank == -1 else min(blank, hi)
            if any(s <= m.start < paragraph_end for m in kept):
                return []  # the paragraph dates its news itself
        found.append((s, e))
        if len(found) == _LEDE_SENTENCES:
            break
    drafts: list[_Draft] = []
    day = PartialDate(published)
    for s, e in found:
        sentence = text[s:e]
        if _NOT_YET.search(sentence):
            continue  # "Madrid pasaría a la historia ...": a forecast is no news of the day
        mention = DateMention("", s, s, day, sentence)
        title, focus = _title_and_clause(sentence, 0, 0)
        lane = suggest_lane(sentence, focus, main_actor, document)
        words = content_words(sentence)
        drafts.append(_Draft(mention, DateSpan(day), s, e, title, focus, words, lane))
    return drafts


def _one_happening(a: _Draft, b: _Draft, text: str) -> bool:
    """Two mentions of one date that speak of the same thing: same lane, and two words
    shared or one sentence straight after the other in the same paragraph (or the same
    days of a meeting, which a report does not give to two things)."""
    if a.when != b.when or a.lane is not b.lane:
        return False
    if a.when.is_range and a.when.precision is Precision.DAY:
        return True  # "30 y 31 de mayo" twice in one report: one meeting
    first, second = (a, b) if a.start <= b.start else (b, a)
    between = text[first.end : second.start]
    adjacent = not between.strip() and not re.search(r"\n[ \t]*\n", between)
    return adjacent or len(a.words & b.words) >= 2


def _two_dates_of_one_sentence(a: _Draft, b: _Draft) -> bool:
    return a.end == b.end and a.when != b.when


def _merged_when(group: list[_Draft]) -> DateSpan:
    """The finest date the group's mentions give; of equal ones, a range over a day."""
    return min(
        (d.when for d in group),
        key=lambda w: (w.precision.rank, not w.is_range),
    )


def _best_title(group: list[_Draft]) -> str:
    """The title that reads most like a headline."""
    return min(group, key=lambda d: (len(headline_problems(d.title)), group.index(d))).title


def _context(text: str, spans: list[tuple[int, int]], ends: list[int], draft: _Draft) -> str:
    """The draft's sentence with the one before and after it in the same paragraph: a
    happening named there ("the Compass ... It will be presented on Thursday") counts."""
    i = bisect.bisect_left(ends, draft.end)
    a, b = draft.start, draft.end
    if i > 0 and "\n" not in text[spans[i - 1][1] : a]:
        a = spans[i - 1][0]
    if i + 1 < len(spans) and "\n" not in text[b : spans[i + 1][0]]:
        b = spans[i + 1][1]
    return text[a:b]


_HEADING_LINES = 4


def _short_line(line: str) -> bool:
    """A heading, not prose: a few words and no full stop at its end."""
    words = line.split()
    return 0 < len(words) <= 15 and not re.search(r"[.!?…][\"”’)»]*$", line.strip())


def _above(text: str, lo: int, pos: int, headline: str) -> str:
    """The headline of the article, a line break, and the short heading lines right above
    ``pos`` (below the headline)."""
    lines: list[str] = []
    end = text.rfind("\n", lo, pos)
    top = lo + len(text[lo:]) - len(text[lo:].lstrip()) + len(headline)
    while end > top and len(lines) < _HEADING_LINES:
        start = text.rfind("\n", lo, end) + 1 or lo
        line = text[max(start, lo) : end]
        if line.strip():
            if not _short_line(line):
                break
            lines.append(line.strip())
        end = max(start, lo) - 1
    return headline + "\n" + "\n".join(reversed(lines))


def _days_into_periods(
    groups: list[list[int]],
    drafts: list[_Draft],
    plain: list[str | None],
    candidates: LinkCandidates,
) -> list[list[int]]:
    """A day of the article's report of a meeting of several days ("the second day of
    talks on Friday" beside "in Wales 4-5 September") joins the report of that meeting:
    the group is unlinked, of one lane, every draft a single day inside a period that
    another group of the same lane reports and links to an event on those days."""
    periods: dict[int, tuple[DateSpan, Lane]] = {}
    for n, group in enumerate(groups):
        linked = next((plain[i] for i in group if plain[i] is not None), None)
        event = candidates.by_id.get(linked) if linked else None
        spans = [drafts[i].when for i in group if drafts[i].when.is_range]
        if event is not None and spans:
            periods[n] = (spans[0], event.lane)
    if not periods:
        return groups
    merged: dict[int, list[int]] = {n: list(g) for n, g in enumerate(groups)}
    for n, group in enumerate(groups):
        if n in periods or any(plain[i] is not None for i in group):
            continue
        members = [drafts[i] for i in group]
        lanes = {d.lane for d in members}
        if len(lanes) != 1 or not all(_single_day(d.when) for d in members):
            continue
        for m, (span, lane) in periods.items():
            inside = all(span.first_day <= d.when.first_day <= span.last_day for d in members)
            if inside and lane in lanes:
                merged[m] += group
                del merged[n]
                break
    return [sorted(g) for g in merged.values()]


def propose_events(
    text: str,
    mentions: Sequence[DateMention],
    *,
    body: tuple[int, int] | None = None,
    furniture: Sequence[tuple[int, int]] = (),
    events: Sequence[Event] = (),
    terms: LinkTerms | None = None,
    published: date | None = None,
) -> list[Proposal]:
    """One proposal per happening the body reports, in text order.

    Each date (or range) mentioned gives a draft; drafts with the same date
    about the same thing, or naming the same existing event, become one
    proposal with several excerpts. Mentions outside ``body`` or inside
    ``furniture`` spans (captions included: a photo's date is not an event)
    are left out. A news report's first paragraph that writes no date tells the
    news of its publication day: its first sentence that names a known event of
    that day is proposed at that day. ``terms`` gives the existing events' names in several
    languages (the shipped ones when None). With ``published``, a day or month
    written without its year that was placed more than half a year from the
    publication date proposes nothing: which year it is was a guess.
    """
    lo, hi = body or (0, len(text))
    spans = _split_markup(text, split_sentences(text))
    if not spans:
        return []
    ends = [e for _s, e in spans]
    kept = [
        m
        for m in sorted(mentions, key=lambda m: m.start)
        if lo <= m.start < hi and not any(a <= m.start < b for a, b in furniture)
    ]
    # A deadline or horizon ("by 2030", "d'ici 2025", "until 2030") is a target, not a
    # happening: it seeds no proposal (as the end of a range it still counts).
    seeds = {id(m) for m in kept if not _DEADLINE.search(text, max(0, m.start - 20), m.start)}
    if terms is None:
        terms = shipped_link_terms()
    document = lane_scores(text[lo:hi])
    main_actor = _main_actor(document)
    candidates = LinkCandidates(events, terms)
    drafts: list[_Draft] = []
    seen: set[tuple[int, str]] = set()
    for mention, when in _paired(text, kept):
        if id(mention) not in seeds and not any(
            m.start == mention.start and id(m) in seeds for m in kept
        ):
            continue
        if published is not None and _year_guessed(mention, when, published):
            continue
        s, e = _title_block(text, *_sentence_of(spans, ends, mention.start), (lo, hi))
        key = (s, when.label())
        if key in seen:
            continue
        seen.add(key)
        sentence = text[s:e]
        others = [
            (m.start - s, m.end - s)
            for m in kept
            if s <= m.start < e and not (m.start < mention.end and mention.start < m.end)
        ]
        lead = max((fb - s for fa, fb in furniture if fa <= s < fb or s <= fa < s + 2), default=0)
        lead = min(max(lead, 0), mention.start - s)
        title, focus = _title_and_clause(sentence, mention.start - s, mention.end - s, others, lead)
        lane = suggest_lane(sentence, focus, main_actor, document, mention.start - s)
        quote_from = s + lead  # the excerpt leaves out a stamp or dateline it opens with
        while quote_from < mention.start and text[quote_from].isspace():
            quote_from += 1
        when = _lasting(when, sentence, focus, others)
        words = content_words(sentence)
        drafts.append(_Draft(mention, when, quote_from, e, title, focus, words, lane))
    ledes = _lede_drafts(text, (lo, hi), spans, kept, furniture, published, main_actor, document)
    drafts[:0] = ledes

    # Each draft's links, then groups: same date and same thing, or the same existing event.
    first_line = text[lo:hi].strip().split("\n", 1)[0]
    headline = first_line if _short_line(first_line) or len(first_line.split()) <= 25 else ""
    links = [
        link_suggestions(
            d.when,
            d.words,
            candidates,
            # a lede's own sentence must name the happening, not only its neighbours
            d.mention.sentence if i < len(ledes) else _context(text, spans, ends, d),
            _above(text, lo, d.start, headline),
        )
        for i, d in enumerate(drafts)
    ]
    plain = [same_as(d.when, found) for d, found in zip(drafts, links, strict=True)]
    # An undated lede proposes only a known event of the day, from its first sentence that
    # names one.
    keep = next((i for i in range(len(ledes)) if plain[i] is not None), None)
    for i in reversed(range(len(ledes))):
        if i != keep:
            del drafts[i], links[i], plain[i]
    # Two dates of one sentence are two things: only the first keeps a "same as" they
    # share ("invited ... on Wednesday, after Turkey dropped its veto ... on Tuesday").
    claimed: set[tuple[int, str]] = set()
    for i, draft in enumerate(drafts):
        if plain[i] is not None:
            if (draft.end, plain[i]) in claimed:
                plain[i] = None
            else:
                claimed.add((draft.end, plain[i]))  # type: ignore[arg-type]
    groups: list[list[int]] = []
    for i, draft in enumerate(drafts):
        home = None
        for group in groups:
            first = group[0]
            if any(_two_dates_of_one_sentence(drafts[j], draft) for j in group):
                continue  # a sentence that gives two dates tells of two things
            if plain[i] is not None and plain[i] == plain[first]:
                home = group
                break
            unlinked = plain[i] is None or plain[first] is None
            if unlinked and any(_one_happening(drafts[j], draft, text) for j in group):
                home = group
                break
        if home is None:
            groups.append([i])
        else:
            home.append(i)
    groups = _days_into_periods(groups, drafts, plain, candidates)

    proposals: list[Proposal] = []
    for group in groups:
        members = [drafts[i] for i in group]
        lead = members[0]
        when = _merged_when(members)
        link_to = next((plain[i] for i in group if plain[i] is not None), None)
        found: dict[str, LinkSuggestion] = {}
        for i in group:
            for suggestion in links[i]:
                found.setdefault(suggestion.event_id, suggestion)
        ordered = sorted(found.values(), key=lambda s: (s.event_id != link_to, s.gap_days))
        lane = lead.lane
        if link_to is not None and link_to in candidates.by_id:
            lane = candidates.by_id[link_to].lane
        elif len(members) > 1:
            votes: dict[Lane, int] = {}
            for d in members:
                votes[d.lane] = votes.get(d.lane, 0) + 1
            lane = max(votes, key=lambda ln: (votes[ln], ln is lead.lane))
        dated = next((d for d in members if d.when == when), lead)
        proposals.append(
            Proposal(
                date_start=dated.mention.start,
                date_end=dated.mention.end,
                date_text=text[dated.mention.start : dated.mention.end],
                start=lead.start,
                end=lead.end,
                sentence=text[lead.start : lead.end],
                when=when,
                title=_best_title(members),
                lane=lane,
                links=tuple(ordered[:_MAX_LINKS]),
                excerpts=tuple(
                    dict.fromkeys(Passage(d.start, d.end, text[d.start : d.end]) for d in members)
                ),
                same_as=link_to,
            )
        )
    return proposals
