"""A headline-like title for a proposal, cut from the clause that holds its date.

A briefer reads a list of titles: each should read as a short headline (a
subject and a verb, no leading pronoun or quote fragment, no "today", the date
not cut out of the middle), so the clause is trimmed of its dates, quotations
and asides, and stopped before a phrase that only adds detail.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing_app.ingest.proposals.subjects import headline_words, opens_with_verb, subject_first

__all__ = ["TITLE_CHARS", "headline_problems", "shorten", "suggest_title", "title_and_clause"]

TITLE_CHARS = 90

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
    "letzten prossimo prossima prossimi prossime scorso scorsa scorsi heutigen heutige "
    "vergangenen vergangene diesem dieser diesen".split()
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
    r"^(?:it|he|she|they|we|you|this|these|those|that|there|here|"
    r"i(?=['’]|\s+(?:am|was|have|had|will|would|can|could|think|believe|want|wanted|look|know|"
    r"said|say|hope|welcome|must|should|also|do|did|see|met|thank|just|really|never|always|"
    r"told|mean|feel|agree|asked|spoke|went|came|made|took)\b)|"
    r"il(?=\s+(?:a|avait|aura|aurait|est|était|sera|serait|y|n|ne|se|s|faut|fallait|faudra|va|"
    r"allait|fait|dit|doit|peut|veut|reste|semble|me|nous|vous|le|la|les|lui|leur|en)\b)|"
    r"elle|ils|elles|nous|on|je|er|sie|es|wir|ich|él|ella|ellos|nosotros|lui|lei|loro|noi)\b",
    re.IGNORECASE,
)
"""Pronouns a headline does not open with; "il" only before a French verb or clitic,
since the Italian "Il" is an article ("Il premier laburista ha avuto ..."), and "I" only
before an English verb, since the Italian "I" is one too ("I ministri della difesa ...")."""
_DANGLING = re.compile(
    r"\b(?:and|or|to|of|the|a|an|on|in|at|by|for|from|with|between|than|as|that|"
    r"et|de|du|des|le|la|les|und|der|die|das|y|el|e|il)$",
    re.IGNORECASE,
)
_QUOTE_MARKS = '"“”«»„'


def headline_problems(title: str) -> list[str]:
    """What keeps ``title`` from reading as a short headline (empty when it does).

    The rules a briefer applies: a subject first (no leading pronoun, verb or
    quote fragment), no "today" or clock time, not cut in the middle of a phrase,
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
    elif opens_with_verb(title):
        problems.append("opens with its verb")
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
    text = text.strip(" .,;:–—-")  # a dash or comma left before a quotation's end
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


def shorten(text: str, limit: int = TITLE_CHARS) -> str:
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
    return title_and_clause(sentence, date_start, date_end)[0]


def title_and_clause(
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
    title = _cut(sentence, (a, b), (date_start, date_end), other_dates, skip)
    if opens_with_verb(title):
        title = subject_first(title)
    after = sentence[date_end:b].lstrip(" ,").casefold()
    if (
        opens_with_verb(title)
        and not sentence[a:date_start].strip()
        and not after.startswith(("s'", "s’", "se ", "si "))  # "Ce mardi s'ouvre": no subject
    ):
        # "2011 aura aussi été marquée par …": the date is the subject and stays
        kept = _cut(sentence, (a, b), (date_start, date_end), other_dates, skip, keep=True)
        title = title if opens_with_verb(kept) else kept
    if opens_with_verb(title) and _OPENER.match(title) and last + 1 < len(clauses):
        # "Wrapping up the Summit on Wednesday, NATO Secretary General … said": the news
        # is the main clause after the participle's
        main = clauses[last + 1]
        told = _cut(sentence, main, (date_start, date_end), other_dates, skip)
        if len(told.split()) >= 3 and not opens_with_verb(told) and not _PRONOUN_START.match(told):
            title, (a, b) = told, main
    if opens_with_verb(title) and first > 0:
        subject = _with_subject_clause(sentence, clauses[0], title, protect)
        if subject is not None:
            title, (a, b) = subject, clauses[0]  # who acts is named there
    return shorten(title), (a, b)


_OPENER = re.compile(
    r"^(?:[^\W\d_]+ing|[^\W\d_]+ant|After|Après|Tras|Dopo|Nach|Following)\b", re.IGNORECASE
)
"""A participle or "after" that opens a clause of circumstance before the main one."""


def _cut(
    sentence: str,
    span: tuple[int, int],
    date: tuple[int, int],
    other_dates: Sequence[tuple[int, int]],
    skip: int,
    keep: bool = False,
) -> str:
    """The title read from ``sentence[span]``: its dates and quotations taken out (the
    date at ``date`` kept with ``keep``), tidied."""
    a, b = span
    clause = sentence[a:b]
    dates = sorted({date, *other_dates}, reverse=True)
    for x, y in dates:  # every date of the clause goes, the last first
        if a <= x and y <= b and (x, y) != date:
            clause = _without_date(clause, x - a, y - a)
        elif (x, y) == date and not keep:
            clause = _without_date(clause, max(x - a, 0), max(y - a, 0))
    title = _tidy(_unquoted(clause))
    if len(title.split()) < 3:
        title = _tidy(clause)
    if len(title.split()) < 2:
        title = _tidy(sentence[skip:])
    return title


_SUBJECT_WORDS = 10


def _with_subject_clause(
    sentence: str, clause: tuple[int, int], title: str, dates: Sequence[tuple[int, int]]
) -> str | None:
    """The sentence's first clause put before a title that opens with its verb, when that
    clause is a short subject of its own ("Les chefs de la diplomatie des 30 pays alliés,
    …, doivent discuter" -> "Les chefs … doivent discuter"); None when it is not."""
    a, b = clause
    text = sentence[a:b].strip()
    words = text.split()
    if not words or len(words) > _SUBJECT_WORDS or not text[:1].isupper():
        return None
    if any(a <= x < b for x, _y in dates) or any(q in text for q in _QUOTE_MARKS):
        return None
    if opens_with_verb(text) or _PRONOUN_START.match(text) or _DEICTIC.search(text):
        return None
    lists = headline_words()
    bare = [w.strip(".,;:").casefold() for w in words]
    verb_at = next(
        (
            k
            for k, w in enumerate(bare)
            if w in lists.finite
            or w in lists.clitics
            or (w in lists.object_clitics and k + 1 < len(bare) and bare[k + 1] in lists.finite)
        ),
        len(words),
    )
    if verb_at == 0:
        return None
    subject = " ".join(words[:verb_at])  # "La Nato si muove": its subject, "La Nato"
    return _tidy(subject) + " " + title[:1].lower() + title[1:]
