"""Search in the stored articles' own text: which article, and exactly where.

The full-text index (``sources_fts`` on SQLite, ``sources.search_vector`` on
PostgreSQL, migration 0009) says which articles match, best first; the words
are then found in each article's text (``domain.text_match``) so that a hit
carries every place it matched as offsets, to open the reader there. A match
inside page furniture (a caption, a menu, another story's headline) is not
the article's and does not count; an article matched only there is left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select, text
from sqlalchemy.exc import DBAPIError

from briefing_app.domain.text_match import find_terms
from briefing_app.storage.database import Database
from briefing_app.storage.models import FurnitureRow
from briefing_app.storage.search import (
    MARK_END,
    MARK_START,
    backend_query,
    plain_backend_query,
    positive_terms,
)

__all__ = ["ArticleHit", "search_articles", "snippet_around"]

SNIPPET_BEFORE = 70
SNIPPET_AFTER = 110


@dataclass(frozen=True, slots=True)
class ArticleHit:
    """An article whose text matched: every place (offsets into its text), best first."""

    source_file: str
    title: str
    spans: tuple[tuple[int, int], ...]
    snippet: str  # around the first place, matched words in MARK_START/MARK_END
    rank: float


def snippet_around(body: str, spans: tuple[tuple[int, int], ...], first: int = 0) -> str:
    """A line of ``body`` around ``spans[first]``, every match in it marked, on one line."""
    start, end = spans[first]
    lo = max(0, start - SNIPPET_BEFORE)
    hi = min(len(body), end + SNIPPET_AFTER)
    if lo > 0:
        space = body.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    if hi < len(body):
        space = body.rfind(" ", end, hi)
        hi = space if space >= 0 else hi
    out: list[str] = ["…" if lo > 0 else ""]
    at = lo
    for s, e in spans:
        if s < lo or e > hi or s < at:
            continue
        out += [body[at:s], MARK_START, body[s:e], MARK_END]
        at = e
    out.append(body[at:hi])
    out.append("…" if hi < len(body) else "")
    return " ".join("".join(out).split())


_SQLITE = """
    SELECT s.pk, s.file, s.title, s.text, bm25(sources_fts) AS rank
    FROM sources_fts JOIN sources s ON s.pk = sources_fts.rowid
    WHERE sources_fts MATCH :q ORDER BY rank LIMIT :limit"""

_SERVER = """
    SELECT s.pk, s.file, s.title, s.text, -ts_rank(s.search_vector, q.q) AS rank
    FROM sources s, to_tsquery('briefing_search', briefing_fold(:q)) AS q(q)
    WHERE s.search_vector @@ q.q ORDER BY rank, s.pk LIMIT :limit"""


def _rows(conn: Connection, server: bool, query: str, limit: int) -> list[tuple]:
    sql = _SERVER if server else _SQLITE
    return [tuple(r) for r in conn.execute(text(sql), {"q": query, "limit": limit}).all()]


def search_articles(db: Database, user_text: str, limit: int = 50) -> list[ArticleHit]:
    """The stored articles whose own text matches ``user_text``, best first; never raises
    on odd input."""
    terms = positive_terms(user_text)
    if not terms:
        return []
    server = db.engine.dialect.name == "postgresql"
    rows: list[tuple] = []
    with db.engine.connect() as conn:
        for query in (backend_query(db, user_text), plain_backend_query(db, user_text)):
            if not query:
                continue
            try:
                rows = _rows(conn, server, query, limit)
                break
            except DBAPIError:  # syntax the translation did not foresee: plain words
                conn.rollback()
                continue
        if not rows:
            return []
        furniture: dict[int, list[tuple[int, int]]] = {}
        found = conn.execute(
            select(FurnitureRow.source_pk, FurnitureRow.start, FurnitureRow.end).where(
                FurnitureRow.source_pk.in_([r[0] for r in rows])
            )
        )
        for source_pk, start, end in found:
            furniture.setdefault(source_pk, []).append((start, end))
    hits: list[ArticleHit] = []
    for pk, file, title, body, rank in rows:
        dimmed = furniture.get(pk, [])
        spans = tuple(
            (s, e)
            for s, e in find_terms(body, terms)
            if not any(a <= s and e <= b for a, b in dimmed)
        )
        if spans:
            hits.append(ArticleHit(file, title, spans, snippet_around(body, spans), float(rank)))
    return hits
