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
    for lane, pattern in LANE_PATTERNS.items():
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
