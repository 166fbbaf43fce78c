"""Full-text search over events, excerpts and annotations (SQLite FTS5).

Whatever the user types is turned into a safe FTS5 query: quoted phrases stay
phrases, ``OR`` between words is kept, a leading ``-`` excludes a word, the
last word matches as a prefix, and everything else becomes a plain quoted
term. A query that SQLite still rejects falls back to plain terms, so no
input can raise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from briefing_app.storage.database import Database

__all__ = ["SearchHit", "to_fts_query", "search", "MARK_START", "MARK_END"]

MARK_START = "\x02"
MARK_END = "\x03"
MAX_QUERY_CHARS = 500
_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One match: which event it belongs to, where the words were found."""

    event_id: str
    kind: str  # "event", "excerpt" or "annotation"
    snippet: str  # matched words wrapped in MARK_START/MARK_END
    rank: float


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def to_fts_query(user_text: str) -> str:
    """A safe FTS5 query for ``user_text``; empty when there is nothing to look for."""
    raw = user_text[:MAX_QUERY_CHARS]
    parts: list[str] = []
    pending_or = False
    tokens = list(_TOKEN.finditer(raw))
    for i, match in enumerate(tokens):
        phrase, word = match.group(1), match.group(2)
        if phrase is not None:
            words = _WORD.findall(phrase)
            if words:
                term = _quote(" ".join(words))
                parts.append(("OR " if pending_or and parts else "") + term)
                pending_or = False
            continue
        assert word is not None
        if word == "OR" and parts:
            pending_or = True
            continue
        negate = word.startswith("-") and len(word) > 1
        words = _WORD.findall(word)
        if not words:
            continue
        last = i == len(tokens) - 1
        terms = [_quote(w) for w in words]
        if last and not negate and not user_text.endswith(" "):
            terms[-1] += "*"
        term = terms[0] if len(terms) == 1 else "(" + " ".join(terms) + ")"
        if negate and parts:
            parts.append("NOT " + term)
        else:
            parts.append(("OR " if pending_or and parts else "") + term)
        pending_or = False
    return " ".join(parts)


def _plain_query(user_text: str) -> str:
    return " ".join(_quote(w) for w in _WORD.findall(user_text[:MAX_QUERY_CHARS]))


_SQL = f"""
SELECT e.id AS event_id, 'event' AS kind,
       snippet(events_fts, -1, '{MARK_START}', '{MARK_END}', '…', 14) AS snip,
       bm25(events_fts, 10.0, 3.0, 2.0) AS rank
FROM events_fts JOIN events e ON e.pk = events_fts.rowid
WHERE events_fts MATCH :q AND e.hidden = 0 AND e.retired = 0
UNION ALL
SELECT e.id, 'excerpt',
       snippet(excerpts_fts, 0, '{MARK_START}', '{MARK_END}', '…', 14),
       bm25(excerpts_fts)
FROM excerpts_fts JOIN excerpts x ON x.pk = excerpts_fts.rowid
JOIN events e ON e.pk = x.event_pk
WHERE excerpts_fts MATCH :q AND x.retired = 0 AND e.hidden = 0 AND e.retired = 0
UNION ALL
SELECT e.id, 'annotation',
       snippet(annotations_fts, -1, '{MARK_START}', '{MARK_END}', '…', 14),
       bm25(annotations_fts)
FROM annotations_fts JOIN annotations a ON a.pk = annotations_fts.rowid
LEFT JOIN excerpts x ON x.pk = a.excerpt_pk
JOIN events e ON e.pk = COALESCE(a.event_pk, x.event_pk)
WHERE annotations_fts MATCH :q AND e.hidden = 0 AND e.retired = 0
ORDER BY rank
LIMIT :limit
"""


def search(db: Database, user_text: str, limit: int = 200) -> list[SearchHit]:
    """Matches for ``user_text``, best first; never raises on odd input."""
    query = to_fts_query(user_text)
    if not query:
        return []
    for candidate in (query, _plain_query(user_text)):
        if not candidate:
            continue
        try:
            with db.engine.connect() as conn:
                rows = conn.execute(text(_SQL), {"q": candidate, "limit": limit}).all()
        except OperationalError:
            continue
        return [SearchHit(r[0], r[1], r[2] or "", float(r[3])) for r in rows]
    return []


def best_per_event(hits: list[SearchHit]) -> list[SearchHit]:
    """One hit per event (its best), in rank order."""
    seen: set[str] = set()
    out: list[SearchHit] = []
    for hit in hits:
        if hit.event_id not in seen:
            seen.add(hit.event_id)
            out.append(hit)
    return out
