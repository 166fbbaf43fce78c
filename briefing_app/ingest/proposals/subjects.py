"""Who acts, first: titles that open with their verb are flagged, and given their subject.

A title cut from the clause holding a date often starts with the verb: the
date stood first ("Am 25. Juni schloss die NATO einen Gipfel ab"), or a
quotation did and the clause is its attribution ("… », a annoncé le secrétaire
général"), or the subject has a clause of its own before it ("Les chefs de la
diplomatie des 30 pays alliés, ainsi que …, doivent discuter"). A briefer
reads "Die NATO schloss einen Gipfel ab". The words that show a verb came first
are data (``resources/headline_words.toml``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from briefing_app.paths import RESOURCES_DIR

__all__ = ["HeadlineWords", "headline_words", "opens_with_verb", "subject_first"]

WORDS_FILE = "headline_words.toml"


@dataclass(frozen=True)
class HeadlineWords:
    """The word lists of every language, merged, with the language of each finite verb."""

    finite: dict[str, str]
    """Finite verb -> its language (the first language listing it)."""
    gerunds: frozenset[str]
    clitics: frozenset[str]
    object_clitics: frozenset[str]
    inverted: frozenset[str]
    participle_after: frozenset[str]

    @classmethod
    def from_data(cls, data: dict) -> HeadlineWords:
        finite: dict[str, str] = {}
        lists: dict[str, set[str]] = {
            k: set()
            for k in ("gerunds", "clitics", "object_clitics", "inverted", "participle_after")
        }
        for language, entry in data.items():
            if not isinstance(entry, dict):
                continue
            for word in entry.get("finite", []):
                finite.setdefault(str(word).casefold(), str(language))
            for key, found in lists.items():
                found.update(str(w).casefold() for w in entry.get(key, []))
        return cls(finite, **{k: frozenset(v) for k, v in lists.items()})


def load_headline_words(resources: Path = RESOURCES_DIR) -> HeadlineWords:
    """The lists from ``resources`` (none when the file is missing or unreadable)."""
    try:
        data = tomllib.loads((resources / WORDS_FILE).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        data = {}
    return HeadlineWords.from_data(data)


@lru_cache(maxsize=1)
def headline_words() -> HeadlineWords:
    """The shipped lists, read once per process."""
    return load_headline_words()


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|['’]")
_INVERSION = re.compile(r"^[^\W\d_]+-(?:t-)?([^\W\d_]+)\b")
_PARTICIPLE = re.compile(
    r"(?:é|ée|és|ées|i|is|it|u|us|ue|ert|iert|t|to|ta|ti|te|so|sa|sto|tto|ado|ido|cho)$"
)
_FR_PARTICIPLE = re.compile(r"(?:é|ée|és|ées|i|is|it|u|us|ue)$")
"""After the French auxiliary "a" ("a annoncé", "a dit"); the Italian "a seguito" is no verb."""
_REPORTING = frozenset("said told added announced declared stated stressed noted warned".split())
_ING_NEXT = frozenset("up that been at to its their his her our my out back off".split())
_ED_NEXT = frozenset("a an the that his her its their on by to following".split())


def _words(title: str) -> list[str]:
    return title.split()


def _bare(word: str) -> str:
    return word.strip('.,;:!?()[]"“”«»„').casefold()


def opens_with_verb(title: str, words: HeadlineWords | None = None) -> bool:
    """The title opens with a finite verb, a clitic before one, or a participle that
    leaves out who acts ("Constatent-ils …", "Aprobó once nuevos proyectos",
    "Si muoverà …", "Wrapping up the Summit …", "Announced a military operation")."""
    lists = words or headline_words()
    split = _words(title)
    if not split:
        return False
    first = _bare(split[0])
    second = _bare(split[1]) if len(split) > 1 else ""
    inverted = _INVERSION.match(first)
    if inverted and inverted.group(1) in lists.inverted:
        return True
    if first in lists.finite or first in lists.gerunds:
        return True
    if first in lists.clitics or (first.startswith(("s'", "s’")) and "s'" in lists.clitics):
        return True
    if first in lists.object_clitics and second in lists.finite:
        return True
    if first in lists.participle_after and _FR_PARTICIPLE.search(second) and len(second) > 3:
        return True  # "A annoncé le secrétaire général …", not "A special European Council"
    if len(first) >= 4 and first[-1] in "óò":
        return True  # a Spanish or Italian past: "Aprobó", "Annunciò"
    if first.endswith("ing") and second in _ING_NEXT:
        return True
    if first.endswith("ant") and second in {"que", "qu'", "qu’"}:
        return True
    return first.endswith("ed") and len(first) > 4 and second in _ED_NEXT


_ROMANCE_DET = frozenset(
    "le la les l' l’ il lo gli i el los las the".split()  # an English "said the minister"
)
_PHRASE_STARTS = frozenset(
    "during in at on with after before while for by which who that "
    "durante en à a au aux dans pendant lors avec après avant pour par sur qui que "
    "per con dopo prima mentre da su che in nel nella al alla allo ai agli alle dal dalla sul "
    "sulla "
    "tras para por con sobre desde quien".split()
)
"""Words that end a subject written after its verb: what follows is the rest of the clause
("… il ministro Guido Crosetto | durante la riunione …"); "de", "di", "of" do not."""
_INDEFINITE = frozenset("un una uno un' un’ une unos unas".split())
_GERMAN_DET = frozenset("der die das ein eine".split())
_GERMAN_GENITIVE = frozenset("der des".split())
_FILLERS = frozenset(
    "così ainsi aussi auch dann also jedoch bereits nun ya también anche già pure "
    "finalement enfin encore".split()
)


def _german_subject(words: list[str], i: int) -> int:
    """The end (exclusive) of the noun phrase opening at ``words[i]``, or ``i``."""
    if words[i].lower() in _GERMAN_DET:
        j = i + 1
        while j < len(words) and not words[j][:1].isupper():
            j += 1
        if j >= len(words):
            return i
        j += 1
        while j + 1 < len(words) and words[j - 1].endswith("-") and words[j] in ("und", "oder"):
            j += 2  # "die Außen- und Verteidigungsminister": one noun, shared
        if j + 1 < len(words) and words[j] in ("aus", "von"):
            k = next((k for k in range(j + 1, min(j + 4, len(words))) if words[k][:1].isupper()), 0)
            counted = words[j + 1][:1].isdigit() or words[j + 1] in ("der", "den", "dem", "allen")
            if k and counted:
                j = k + 1  # "… aus 23 EU-Mitgliedstaaten": where they come from is who they are
        if j + 1 < len(words) and words[j].lower() in _GERMAN_GENITIVE:
            k = j + 1
            while k < len(words) and not words[k][:1].isupper():
                k += 1
            if k < len(words):
                j = k + 1
        return j
    j = i
    while j < len(words) and words[j][:1].isupper() and _bare(words[j]) not in _GERMAN_DET:
        j += 1
    return j


def subject_first(title: str, words: HeadlineWords | None = None) -> str:
    """``title`` with the subject written after its opening verb moved before it
    ("Hielt der Generalsekretär eine Rede" -> "Der Generalsekretär hielt eine Rede";
    "A annoncé le secrétaire général de l'Alliance" -> "Le secrétaire général de
    l'Alliance a annoncé"); unchanged when no subject follows the verb."""
    lists = words or headline_words()
    split = _words(title)
    if len(split) < 3:
        return title
    i = 0
    dropped = False
    if _bare(split[0]) in lists.object_clitics and _bare(split[1]) in lists.finite:
        i, dropped = 1, True  # "Lo ha affermato il segretario": the object goes with the quote
    elif _bare(split[0]) in lists.clitics:
        i = 1
    verb = _bare(split[i])
    if i == 0 and verb.startswith(("s'", "s’")):
        return _last_subject_first(split) or title
    language = lists.finite.get(verb)
    if i == 1 and language is None and not dropped:
        language = "clitic"  # "Se firmará el primer paso …": after "se", a verb
    french_a = (
        _bare(split[0]) in lists.participle_after
        and i == 0
        and _FR_PARTICIPLE.search(_bare(split[1])) is not None
    )
    if language is None and not french_a:
        return title
    j = i + 1
    while j < len(split) - 1 and (
        _bare(split[j]) in _FILLERS
        or (
            language != "de"
            and _PARTICIPLE.search(_bare(split[j])) is not None
            and split[j][:1].islower()
            and not _bare(split[j]).endswith(("mente", "ment", "ly"))  # an adverb
        )
    ):
        j += 1
    if language == "de":
        end = _german_subject(split, j)
        if end == j:
            return title
        subject, rest = split[j:end], split[end:]
    else:
        indefinite = language == "clitic" and _bare(split[j]) in _INDEFINITE
        if _bare(split[j]) not in _ROMANCE_DET and not split[j][:1].isupper() and not indefinite:
            return title  # after "si"/"se", "una riunione" is the subject too
        if len(split) - j < 2:
            return title
        attribution = (
            j > i + 1 or verb in _REPORTING or verb[-1:] in ("ó", "ò") or language == "clitic"
        )
        if not attribution:
            return title  # "Es precisamente los tres …": a copula, no inverted attribution
        end = next(
            (k for k in range(j + 2, len(split)) if _bare(split[k]) in _PHRASE_STARTS), len(split)
        )
        subject, rest = split[j:end], split[end:]
    group = split[1 if dropped else 0 : j]
    group[0] = group[0][:1].lower() + group[0][1:]
    subject[0] = subject[0][:1].upper() + subject[0][1:]
    return " ".join([*subject, *group, *rest])


_GOVERNS = frozenset(
    "à a au aux de du des d' d’ en dans pour sur par avec di in con per su da por para".split()
)
_LAST_SUBJECT_WORDS = 8


def _last_subject_first(split: list[str]) -> str | None:
    """A subject written at the end, after a reflexive verb and its complements ("S'ouvre
    pour trois jours à Washington le sommet de l'OTAN" -> "Le sommet de l'OTAN s'ouvre
    pour trois jours à Washington"); None when the end is no subject."""
    for k in range(len(split) - 2, 1, -1):
        if _bare(split[k]) in _ROMANCE_DET and _bare(split[k - 1]) not in _GOVERNS:
            subject, rest = split[k:], split[:k]
            if len(subject) > _LAST_SUBJECT_WORDS:
                return None
            subject[0] = subject[0][:1].upper() + subject[0][1:]
            rest[0] = rest[0][:1].lower() + rest[0][1:]
            return " ".join([*subject, *rest])
    return None


_LANE_SUBJECT = {
    "NATO": "NATO",
    "EU": "The EU",
    "US": "The US",
    "Russia": "Russia",
    "Ukraine": "Ukraine",
}
"""Who a speaker's "we" is, by the lane of the passage: a Secretary General's "we" is NATO."""
_THIRD_PERSON = {"are": "is", "were": "was", "have": "has", "do": "does", "'re": "is", "’re": "is"}
_UNCHANGED = frozenset(
    "will would can could must should shall may might began held met took made agreed decided "
    "saw went came gave sent set won led built brought found kept left put said told also "
    "already".split()
)


def we_as(title: str, lane: str) -> str:
    """An English title that opens with a speaker's "we", with who "we" are in its place
    ("We held three meetings of the NATO-Russia Council" -> "NATO held three meetings …",
    "We need" -> "NATO needs"); unchanged for a lane that names no one (Other) or a verb
    it cannot put in the third person."""
    who = _LANE_SUBJECT.get(lane)
    split = title.split()
    if who is None or len(split) < 3:
        return title
    if split[0] != "We" or any(w.strip(".,;:").lower() == "you" for w in split):
        return title  # "We would like to remind you": a page speaking to its reader
    verb = split[1]
    low = verb.lower()
    if low in _THIRD_PERSON:
        verb = _THIRD_PERSON[low]
    elif (low.endswith("ed") and not low.endswith("eed")) or low in _UNCHANGED:
        pass
    elif low.isalpha() and low.islower():
        if low.endswith(("s", "sh", "ch", "x", "o")):
            verb = low + "es"
        elif low.endswith("y") and low[-2:-1] not in "aeiou":
            verb = low[:-1] + "ies"
        else:
            verb = low + "s"
    else:
        return title
    rest = [{"our": "its", "Our": "Its", "us": "it"}.get(w, w) for w in split[2:]]
    return " ".join([who, verb, *rest])
