"""The lane of a proposal: who acts in the clause that holds its date.

Names of the actors of each lane, in five languages, are scored in the
sentence; the first one named in the date's clause (most often its subject)
weighs most, a body written right before the date owns it, and a summit goes to
the union or alliance that holds it.
"""

from __future__ import annotations

import re

from briefing_app.domain.model import Lane

__all__ = ["LANE_PATTERNS", "lane_scores", "main_actor", "suggest_lane"]


def _lane_patterns(spec: dict[Lane, str]) -> dict[Lane, re.Pattern[str]]:
    return {
        lane: re.compile(r"(?<![\w.])(?:" + "|".join(words.split("|")) + r")(?!\w)")
        for lane, words in spec.items()
    }


LANE_PATTERNS = _lane_patterns(
    {
        Lane.EU: r"EU|E\.U\.|UE|Ue|EU27|European Union|European Commission|Commission|"
        r"European Council|(?<!Security )(?<!Atlantic )(?<!NATO-Russia )(?<!Defence )Council|"
        r"European Parliament|Council of the EU|PESCO|Pesco|CSDP|ESDP|CSP|PSDC|"
        r"Strategic Compass|[Bb]oussole stratégique|Strategische[nr]? Kompass\w*|"
        r"European Defence Fund|European Peace Facility|EDA|EEAS|SEAE|ReArm Europe|"
        r"High Representative|[Hh]aute représentante?|[Vv]on der Leyen|Borrell|Kallas|Mogherini|"
        r"Costa|Juncker|Solana|member states|[EÉ]tats membres|Mitgliedstaaten|"
        r"Estados miembros|Stati membri|the bloc|Twenty-Seven|Vingt-Sept|Brussels|Bruxelles|"
        r"Bruselas|Brüssel|Bruxelles|Union [eE]uropéenne|Unión Europea|Europäische[n]? Union|"
        r"Unione [eE]uropea|Commission européenne|Comisión Europea|Commissione europea|"
        r"EU-Kommission|Kommission|Conseil(?! de [sS]écurité| des ministres| de défense| d.[EÉ]tat"
        r"| constitutionnel)|Conseil européen|Rat der EU|Europäische[nr]? Rat|Consejo Europeo|"
        r"Consejo de la UE|Consiglio [eE]uropeo|Consiglio Ue|Consiglio dell.UE|"
        r"Lisbon Treaty|Eurocorps|battlegroups?|(?:EU-)?Ratspräsidentschaft|Vorsitz im Rat|"
        r"presidency of the Council|Council presidency|présidence \w+ du Conseil|"
        r"presidencia \w+ del Consejo|presidenza \w+ del Consiglio|"
        # last, so that a longer name above ("Consiglio europeo") is matched whole
        r"(?<![Pp]residente del )Consejo(?! de Ministros| de Seguridad| de Estado)|"
        r"(?<![Pp]residente del )Consiglio(?! dei [Mm]inistri| di [Ss]icurezza| di Stato| supremo)",
        Lane.NATO: r"NATO|Nato|OTAN|Otan|[Aa]lliance|[Aa]llies|[Aa]lliés|Alliierten|Verbündeten|"
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
        r"Pechino|Macron|Élysée|Elysée|Scholz|Merkel|Merz|Steinmeier|Wadephul|Schröder|Pistorius|"
        r"Baerbock|Meloni|"
        r"Tajani|Crosetto|Guerini|Draghi|Palazzo Chigi|Senato|Camera dei deputati|Sánchez|"
        r"Albares|Robles|Moncloa|Congreso de los Diputados|Starmer|Sunak|Cameron|"
        r"Downing Street|Fillon|Jospin|Sarkozy|Hollande|Matignon|Assemblée nationale|Sénat|"
        r"Duda|Morawiecki|Atlantic Council|[Pp]residente del Gobierno|"
        r"[Pp]résident de la République|[Pp]residente de la República|"
        r"[Pp]residente della Repubblica|"
        r"[Pp]remier ministre|Premierminister\w*|Prime Minister|"
        r"Bundeskanzler\w*|[Cc]hancelière?|Chancellor|Bundespräsident\w*|"
        r"presidente francés|président français|französische[nr]? Präsident\w*|"
        r"presidente francese|French President|"
        # the United Nations and its Security Council
        r"Conseil de [sS]écurité|Security Council|Consejo de Seguridad|Consiglio di [sS]icurezza|"
        r"(?:UN-)?Sicherheitsrat|Nations [uU]nies|United Nations|Naciones Unidas|Nazioni Unite|"
        r"Vereinte[n]? Nationen|ONU|UNO|"
        r"government spokes(?:man|woman|person)|"
        r"Regierungssprecher(?:in)?|porte-parole du gouvernement|portavoz del Gobierno|"
        r"portavoce del governo",
    }
)
_SUBJECT_BONUS = 1.5
_SUMMIT = re.compile(r"\b(?:summit|sommet|\w*gipfel\w*|cumbre|vertice)\b", re.IGNORECASE)
_MINISTERIAL = re.compile(
    r"\b(?:ministerial|ministérielle|ministeriale|Ministertreffen|reunión ministerial|"
    r"meeting of (?:the )?(?:\w+ )?ministers|réunion des ministres|"
    r"reunión de (?:los )?ministros|riunione dei ministri|Treffen der \w*minister|"
    r"(?:Foreign Affairs|General Affairs) Council|Conseil (?:des )?affaires étrangères|"
    r"Consejo de Asuntos Exteriores|Consiglio (?:degli )?Affari Esteri|"
    r"Rat für Auswärtige Angelegenheiten|Außenministerrat)\b",
    re.IGNORECASE,
)
_SUMMIT_BONUS = 2.0


def main_actor(document: dict[Lane, int]) -> Lane:
    """The lane an article is plainly about: named three times and in half the mentions."""
    if not document:
        return Lane.OTHER
    lane = max(document, key=lambda ln: (document[ln], -ln.order))
    total = sum(document.values())
    return lane if document[lane] >= 3 and document[lane] * 2 >= total else Lane.OTHER


def lane_scores(text: str) -> dict[Lane, int]:
    """How often ``text`` names each lane's actors."""
    return {
        lane: n for lane, pattern in LANE_PATTERNS.items() if (n := len(pattern.findall(text))) > 0
    }


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

_GOVERNING = re.compile(
    r"(?<!\w)(?:in|at|to|into|on|against|with|toward|towards|across|near|inside|around|"
    r"à|au|aux|en|dans|contre|avec|vers|chez|sur|"
    r"nach|gegen|mit|gegenüber|an|auf|bei|in|im|"
    r"a|al|en|contra|con|hacia|"
    r"in|a|al|alla|nel|nella|contro|con|verso)"
    r"\s+(?:(?:the|l['’]|la|le|les|el|la|los|il|lo|gli|der|die|das|den|dem)\s*)?$",
    re.IGNORECASE,
)
"""A preposition of place or of a partner before a name: the name says where it happened
or with whom, not who acted ("the war in Ukraine", "soutien à l'Ukraine", "in Washington")."""
_NAMED_AFTER = re.compile(
    r"^[\s-]*(?:summit|Summit|Treaty|treaty|Declaration|sommet|Gipfel|cumbre|vertice|"
    r"Vertrag|Trait[ée]|Tratado|Trattato)\b"
)
"""A city before "Summit" or "Treaty" names the meeting or the treaty ("the Washington
Treaty", "the Madrid summit"), not its government."""


_STATE = re.compile(
    r"Turkey|Türkiye|Turquie|Türkei|Turquía|Turchia|France|Frankreich|Francia|Germany|"
    r"Allemagne|Deutschland|Alemania|Germania|Italy|Italie|Italien|Italia|Spain|Espagne|"
    r"Spanien|España|Spagna|United Kingdom|Britain|UK|Royaume-Uni|Großbritannien|"
    r"Reino Unido|Regno Unito|Poland|Pologne|Polen|Polonia|China|Chine|Cina|Ankara|Beijing|"
    r"Pékin|Peking|Pekín|Pechino|[Pp]residente del Gobierno|[Pp]résident de la République|"
    r"[Pp]residente de la República|[Pp]residente della Repubblica|[Pp]remier ministre|"
    r"Premierminister\w*|Prime Minister|Bundeskanzler\w*|Chancellor"
)
"""The states among the Other lane's names, and their heads named by office ("el
presidente del Gobierno"): they act for their state; named leaders and ministers are
the rest."""
_QUOTATION = re.compile(r"„[^“”„]{3,}(?:[“”]|$)|«[^»]{3,}(?:»|$)|“[^”]{3,}(?:”|$)|\"[^\"]{3,}\"")
"""A quotation (one the sentence does not close runs to its end): who it names is what
was said, not who acts."""
_PLACED = frozenset({Lane.RUSSIA, Lane.US, Lane.UKRAINE})
"""Lanes named by a country, a capital or a leader, which a sentence also names as the
place or the partner; a union or an alliance "in" which leaders meet is still who acts."""
_ADDRESSEES = frozenset({Lane.EU, Lane.NATO})
_SEAT = re.compile(r"Brussels|Bruxelles|Bruselas|Brüssel")


_ADDRESSED = re.compile(
    r"(?<!\w)(?:ante|before|to|à|a|al|alla|an|vor|gegenüber)"
    r"\s+(?:(?:the|l['’]|la|le|les|el|los|il|lo|der|die|den|dem)\s*)?$",
    re.IGNORECASE,
)
"""A union or an alliance asked or spoken to ("invocó ante la Unión Europea", "hacer esta
petición a la UE"): the one who asks acts."""


def _governed(sentence: str, start: int, end: int) -> bool:
    """The name at ``start:end`` is a place or a partner, not the one who acts."""
    before = sentence[max(0, start - 24) : start]
    return bool(_GOVERNING.search(before) or _NAMED_AFTER.match(sentence[end : end + 14]))


def _addressed(sentence: str, start: int) -> bool:
    return _ADDRESSED.search(sentence[max(0, start - 16) : start]) is not None


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
    state = False
    quoted = [m.span() for m in _QUOTATION.finditer(sentence)]
    owner: Lane | None = None
    for lane, pattern in LANE_PATTERNS.items():
        for match in pattern.finditer(sentence):
            inside = a <= match.start() < b
            weight = 2.0 if inside else 1.0
            said = any(x <= match.start() < y for x, y in quoted)
            if said:
                weight /= 4  # named in what someone says: the speaker acts
            placed = (
                said
                or (
                    (lane in _PLACED or _SEAT.fullmatch(match.group(0)) is not None)
                    and _governed(sentence, match.start(), match.end())
                )
                or (lane in _ADDRESSEES and _addressed(sentence, match.start()))
            )
            if placed:
                weight /= 4  # "the war in Ukraine", "talks with NATO": where, or with whom
            scores[lane] = scores.get(lane, 0.0) + weight
            if inside and not placed and (first is None or match.start() < first[0]):
                first = (match.start(), lane)
                state = _STATE.fullmatch(match.group(0)) is not None
            if date_at is not None and match.end() <= date_at:
                gap = sentence[match.end() : date_at]
                if _OWNER_GAP.match(gap) and _BODY.search(match.group(0)):
                    owner = lane
    unsaid = _QUOTATION.sub(lambda m: " " * len(m.group(0)), sentence)
    meeting = _SUMMIT.search(unsaid) is not None or _MINISTERIAL.search(unsaid) is not None
    hosted = Lane.NATO in scores or Lane.EU in scores  # not "the Trump-Putin summit"
    # Leaders and ministers at a summit act in its union or alliance; a state that is the
    # subject ("Turquía anunció ... un acuerdo") acts for itself.
    at_summit = meeting and hosted and not (first is not None and first[1] is Lane.OTHER and state)
    if at_summit and Lane.OTHER in scores:
        scores[Lane.OTHER] /= 2
    if first is not None and not (at_summit and first[1] is Lane.OTHER):
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
