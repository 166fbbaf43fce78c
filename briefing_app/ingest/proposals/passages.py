"""The passages of an article a proposal quotes and reads: sentences cut at saved
markup, titles set over several lines, the context around a sentence and the
headings above it."""

from __future__ import annotations

import bisect
import re

__all__ = ["above", "context_of", "sentence_of", "short_line", "split_markup", "title_block"]


_BLOCK_END = re.compile(
    r"(?:[.!?…][\"”’»]?(?:\s*</?(?:strong|b|em|i|span|a)>)*\s*)?"
    r"</(?:h[1-6]|p|li|div|blockquote)>|<br\s*/?>",
    re.IGNORECASE,
)
"""Markup saved with a text: the end of a heading or paragraph element ends a sentence."""


def split_markup(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
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


def title_block(text: str, s: int, e: int, body: tuple[int, int]) -> tuple[int, int]:
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


_ANAPHOR = re.compile(
    r"\b(?:this|that|these|the same) (?:initiative|plan|project|decision|agreement|document|"
    r"mission|operation|summit|meeting|cooperation|treaty|declaration)|"
    r"\b(?:cette|cet|ce|ces) (?:initiative|plan|projet|décision|accord|document|mission|"
    r"opération|sommet|réunion|coopération|traité|déclaration)|"
    r"\b(?:esta|este|dicha|dicho|estos|estas) (?:iniciativa|plan|proyecto|decisión|acuerdo|"
    r"documento|misión|operación|cumbre|reunión|cooperación|tratado|declaración)|"
    r"\b(?:questa|questo|tale) (?:iniziativa|piano|progetto|decisione|accordo|documento|"
    r"missione|operazione|vertice|riunione|cooperazione|trattato|dichiarazione)|"
    r"\b(?:diese[rsnm]?) (?:Initiative|Plan|Projekt|Entscheidung|Einigung|Dokument|Mission|"
    r"Operation|Gipfel|Treffen|Zusammenarbeit|Vertrag|Erklärung)",
    re.IGNORECASE,
)
"""A sentence that points back to what the one before named ("desde que se creó esta
iniciativa" after "la cooperación estructurada permanente (PESCO)"): that one is read
with it even across a line break."""


def context_of(
    text: str, spans: list[tuple[int, int]], ends: list[int], start: int, end: int
) -> str:
    """The sentence at ``start:end`` with the one before and after it in the same paragraph
    (the one before also across a line break when the sentence points back to it): a
    happening named there ("the Compass ... It will be presented on Thursday") counts."""
    i = bisect.bisect_left(ends, end)
    a, b = start, end
    gap = text[spans[i - 1][1] : a] if i > 0 else ""
    refers_back = _ANAPHOR.search(text, start, end) is not None and "\n\n" not in gap.replace(
        " ", ""
    )
    if i > 0 and ("\n" not in gap or refers_back):
        a = spans[i - 1][0]
    if i + 1 < len(spans) and "\n" not in text[b : spans[i + 1][0]]:
        b = spans[i + 1][1]
    return text[a:b]


_HEADING_LINES = 4


def short_line(line: str) -> bool:
    """A heading, not prose: a few words and no full stop at its end."""
    words = line.split()
    return 0 < len(words) <= 15 and not re.search(r"[.!?…][\"”’)»]*$", line.strip())


def above(text: str, lo: int, pos: int, headline: str) -> str:
    """The headline of the article, a line break, and the short heading lines right above
    ``pos`` (below the headline)."""
    lines: list[str] = []
    end = text.rfind("\n", lo, pos)
    top = lo + len(text[lo:]) - len(text[lo:].lstrip()) + len(headline)
    while end > top and len(lines) < _HEADING_LINES:
        start = text.rfind("\n", lo, end) + 1 or lo
        line = text[max(start, lo) : end]
        if line.strip():
            if not short_line(line):
                break
            lines.append(line.strip())
        end = max(start, lo) - 1
    return headline + "\n" + "\n".join(reversed(lines))


def sentence_of(spans: list[tuple[int, int]], ends: list[int], pos: int) -> tuple[int, int]:
    i = min(bisect.bisect_right(ends, pos), len(spans) - 1)
    return spans[i]
