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
from itertools import zip_longest

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
        # "Belarus-Poland" is the phrase of its parts, as the tokenizer indexed it; a
        # phrase also never needs brackets, after which FTS5 allows no implicit AND.
        term = _quote(" ".join(words))
        if last and not negate and not user_text.endswith(" "):
            term += "*"
        if negate and parts:
            parts.append("NOT " + term)
        else:
            parts.append(("OR " if pending_or and parts else "") + term)
        pending_or = False
    return " ".join(parts)


def _plain_query(user_text: str) -> str:
    return " ".join(_quote(w) for w in _WORD.findall(user_text[:MAX_QUERY_CHARS]))


# Ranking every match of a very common word costs more than a keystroke may
# (100 ms for 50,000 matches, 40 ms for a phrase in 4,000): above this many
# matches in all, results come unranked, newest entries first, and the caller
# says so.
RANK_LIMIT = 3_000

_TABLES = (
    ("events_fts", "event", "bm25(10.0, 3.0, 2.0)", "JOIN events e ON e.pk = h.pk"),
    (
        "excerpts_fts",
        "excerpt",
        "bm25()",
        "JOIN excerpts x ON x.pk = h.pk AND x.retired = 0 JOIN events e ON e.pk = x.event_pk",
    ),
    (
        "annotations_fts",
        "annotation",
        "bm25()",
        "JOIN annotations a ON a.pk = h.pk LEFT JOIN excerpts x ON x.pk = a.excerpt_pk "
        "JOIN events e ON e.pk = COALESCE(a.event_pk, x.event_pk)",
    ),
)


def _table_sql(fts: str, kind: str, weights: str, join: str, ranked: bool) -> str:
    """Best (or, unranked, newest) matches of one table, cut *before* snippets are made."""
    order = f"AND rank MATCH '{weights}' ORDER BY rank" if ranked else "ORDER BY rowid DESC"
    rank = "rank" if ranked else "0.0"
    return f"""
    SELECT e.id, '{kind}', h.snip, h.rank
    FROM (
        SELECT rowid AS pk, {rank} AS rank,
               snippet({fts}, -1, '{MARK_START}', '{MARK_END}', '…', 14) AS snip
        FROM {fts}
        WHERE {fts} MATCH :q {order} LIMIT :fetch
    ) AS h
    {join}
    WHERE e.hidden = 0 AND e.retired = 0"""


@dataclass(frozen=True)
class SearchOutcome:
    """The hits, how many rows matched in all, and whether all of them were ranked."""

    hits: list[SearchHit]
    matches: int
    ranked: bool


def _run(db: Database, query: str, limit: int) -> SearchOutcome:
    per_table: list[list[SearchHit]] = []
    with db.engine.connect() as conn:
        counts = [
            conn.execute(
                text(f"SELECT count(*) FROM {fts} WHERE {fts} MATCH :q"), {"q": query}
            ).scalar()
            or 0
            for fts, *_ in _TABLES
        ]
        ranked = sum(counts) <= RANK_LIMIT
        for (fts, kind, weights, join), count in zip(_TABLES, counts, strict=True):
            if count:
                sql = _table_sql(fts, kind, weights, join, ranked)
                rows = conn.execute(text(sql), {"q": query, "fetch": limit * 2}).all()
                per_table.append([SearchHit(r[0], r[1], r[2] or "", float(r[3])) for r in rows])
    if ranked:
        hits = sorted((h for found in per_table for h in found), key=lambda h: h.rank)
    else:  # no ranks to merge by: take the newest of each kind in turn
        hits = [h for turn in zip_longest(*per_table) for h in turn if h is not None]
    return SearchOutcome(hits[:limit], sum(counts), ranked)


def search_outcome(db: Database, user_text: str, limit: int = 200) -> SearchOutcome:
    """Matches for ``user_text``, best first, with totals; never raises on odd input."""
    query = to_fts_query(user_text)
    if not query:
        return SearchOutcome([], 0, True)
    for candidate in (query, _plain_query(user_text)):
        if not candidate:
            continue
        try:
            return _run(db, candidate, limit)
        except OperationalError:
            continue
    return SearchOutcome([], 0, True)


def search(db: Database, user_text: str, limit: int = 200) -> list[SearchHit]:
    """Matches for ``user_text``, best first; never raises on odd input."""
    return search_outcome(db, user_text, limit).hits


def best_per_event(hits: list[SearchHit]) -> list[SearchHit]:
    """One hit per event (its best), in rank order."""
    seen: set[str] = set()
    out: list[SearchHit] = []
    for hit in hits:
        if hit.event_id not in seen:
            seen.add(hit.event_id)
            out.append(hit)
    return out
