"""Full-text search over events, excerpts and annotations (SQLite FTS5 or PostgreSQL).

Whatever the user types is read into terms once: quoted phrases stay phrases,
``OR`` between words is kept, a leading ``-`` excludes a word, the last word
matches as a prefix, and everything else becomes a plain term. The terms are
then written as a safe FTS5 query on SQLite, or as a ``tsquery`` over the
generated ``search_vector`` columns on PostgreSQL; both give the same hits
(event, excerpt or note, with a marked snippet and a rank where lower is
better). A query the database still rejects falls back to plain terms, so no
input can raise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import zip_longest

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from briefing_app.domain.text_match import SearchTerm
from briefing_app.storage.database import Database

__all__ = [
    "MARK_END",
    "MARK_START",
    "SearchHit",
    "positive_terms",
    "search",
    "to_fts_query",
    "to_tsquery",
]

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


@dataclass(frozen=True, slots=True)
class _Term:
    """One thing to look for: words that must follow each other."""

    words: tuple[str, ...]
    prefix: bool = False  # the last word may be the start of a longer one
    negate: bool = False
    or_before: bool = False  # joined to the term before by OR, not AND


def _terms(user_text: str) -> list[_Term]:
    raw = user_text[:MAX_QUERY_CHARS]
    terms: list[_Term] = []
    pending_or = False
    tokens = list(_TOKEN.finditer(raw))
    for i, match in enumerate(tokens):
        phrase, word = match.group(1), match.group(2)
        if phrase is not None:
            words = _WORD.findall(phrase)
            if words:
                terms.append(_Term(tuple(words), or_before=pending_or and bool(terms)))
                pending_or = False
            continue
        assert word is not None
        if word == "OR" and terms:
            pending_or = True
            continue
        negate = word.startswith("-") and len(word) > 1
        words = _WORD.findall(word)
        if not words:
            continue
        last = i == len(tokens) - 1
        # "Belarus-Poland" is the phrase of its parts, as the tokenizer indexed it.
        prefix = last and not negate and not user_text.endswith(" ")
        negate = negate and bool(terms)  # a query cannot start with NOT
        terms.append(
            _Term(tuple(words), prefix, negate, or_before=pending_or and bool(terms) and not negate)
        )
        pending_or = False
    return terms


def _plain_terms(user_text: str) -> list[_Term]:
    return [_Term((w,)) for w in _WORD.findall(user_text[:MAX_QUERY_CHARS])]


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _fts5(terms: list[_Term]) -> str:
    parts: list[str] = []
    for term in terms:
        # A phrase never needs brackets, after which FTS5 allows no implicit AND.
        quoted = _quote(" ".join(term.words)) + ("*" if term.prefix else "")
        if term.negate:
            parts.append("NOT " + quoted)
        else:
            parts.append(("OR " if term.or_before else "") + quoted)
    return " ".join(parts)


def to_fts_query(user_text: str) -> str:
    """A safe FTS5 query for ``user_text``; empty when there is nothing to look for."""
    return _fts5(_terms(user_text))


def _tsquery(terms: list[_Term]) -> str:
    """The terms as ``to_tsquery`` input: & and | bind as FTS5's AND and OR do."""
    parts: list[str] = []
    for term in terms:
        # \w+ words hold no quote or operator; quoting them keeps digits-only words words.
        lexemes = [f"'{w}'" for w in term.words]
        if term.prefix:
            lexemes[-1] += ":*"
        phrase = " <-> ".join(lexemes)
        if len(lexemes) > 1:
            phrase = f"({phrase})"
        if not parts:
            parts.append(phrase)
        elif term.negate:
            parts.append("& !" + phrase)
        else:
            parts.append(("| " if term.or_before else "& ") + phrase)
    return " ".join(parts)


def to_tsquery(user_text: str) -> str:
    """A safe PostgreSQL ``tsquery`` text for ``user_text``; empty when there is nothing."""
    return _tsquery(_terms(user_text))


def _is_server(db: Database) -> bool:
    return db.engine.dialect.name == "postgresql"


def backend_query(db: Database, user_text: str) -> str:
    """The query language of ``db``'s backend for ``user_text``."""
    return (to_tsquery if _is_server(db) else to_fts_query)(user_text)


def plain_backend_query(db: Database, user_text: str) -> str:
    """``user_text`` as plain words only, for when the full query is refused."""
    terms = _plain_terms(user_text)
    return _tsquery(terms) if _is_server(db) else _fts5(terms)


def positive_terms(user_text: str) -> list[SearchTerm]:
    """What a match of ``user_text`` is made of, to find it in a text: the words and
    phrases looked for (not those excluded)."""
    return [SearchTerm(t.words, t.prefix) for t in _terms(user_text) if not t.negate]


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
    WHERE NOT e.hidden AND NOT e.retired"""


# PostgreSQL: the generated search_vector of each table (see migration 0001),
# the text its snippet is cut from, and how a hit reaches its event.
_PG_TABLES = (
    ("events", "event", "concat_ws(' · ', t.title, t.summary)", "JOIN events e ON e.pk = h.pk"),
    (
        "excerpts",
        "excerpt",
        "t.quote",
        "JOIN excerpts x ON x.pk = h.pk AND NOT x.retired JOIN events e ON e.pk = x.event_pk",
    ),
    (
        "annotations",
        "annotation",
        "t.body",
        "JOIN annotations a ON a.pk = h.pk LEFT JOIN excerpts x ON x.pk = a.excerpt_pk "
        "JOIN events e ON e.pk = COALESCE(a.event_pk, x.event_pk)",
    ),
)
# Weights for D, C, B, A: title (A) counts as bm25's 10, summary (B) 3, actors (C) 2.
_PG_WEIGHTS = "'{0.1, 0.2, 0.3, 1.0}'"
_PG_QUERY = "to_tsquery('briefing_search', briefing_fold(:q))"
_PG_HEADLINE = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=14, MinWords=6, "
    "ShortWord=0, MaxFragments=1, FragmentDelimiter=…"
)


def _pg_table_sql(table: str, kind: str, shown: str, join: str, ranked: bool) -> str:
    """As ``_table_sql``: rank and cut first, then a headline for the few rows kept.

    ts_rank is higher for better matches; it is negated so that, as with bm25,
    lower ranks sort first and the kinds of hit merge by one order.
    """
    rank = f"-ts_rank({_PG_WEIGHTS}, t.search_vector, q.q, 1)" if ranked else "0.0"
    order = "rank, t.pk" if ranked else "t.pk DESC"
    return f"""
    SELECT e.id, '{kind}', ts_headline('briefing_search', h.shown, h.q, '{_PG_HEADLINE}'),
           h.rank
    FROM (
        SELECT t.pk AS pk, {rank} AS rank, {shown} AS shown, q.q AS q
        FROM {table} t, {_PG_QUERY} AS q(q)
        WHERE t.search_vector @@ q.q ORDER BY {order} LIMIT :fetch
    ) AS h
    {join}
    WHERE NOT e.hidden AND NOT e.retired"""


def _pg_counts(conn: Connection, query: str) -> list[int]:
    return [
        conn.execute(
            text(f"SELECT count(*) FROM {table} WHERE search_vector @@ {_PG_QUERY}"),
            {"q": query},
        ).scalar()
        or 0
        for table, *_ in _PG_TABLES
    ]


@dataclass(frozen=True)
class SearchOutcome:
    """The hits, how many rows matched in all, and whether all of them were ranked."""

    hits: list[SearchHit]
    matches: int
    ranked: bool


def _run(db: Database, query: str, limit: int) -> SearchOutcome:
    """Run ``query``, written in the backend's own language (``backend_query``)."""
    if _is_server(db):
        return _run_server(db, query, limit)
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
    return _merge(per_table, counts, ranked, limit)


def _run_server(db: Database, query: str, limit: int) -> SearchOutcome:
    per_table: list[list[SearchHit]] = []
    with db.engine.connect() as conn:
        counts = _pg_counts(conn, query)
        ranked = sum(counts) <= RANK_LIMIT
        for (table, kind, shown, join), count in zip(_PG_TABLES, counts, strict=True):
            if count:
                sql = _pg_table_sql(table, kind, shown, join, ranked)
                rows = conn.execute(text(sql), {"q": query, "fetch": limit * 2}).all()
                per_table.append([SearchHit(r[0], r[1], r[2] or "", float(r[3])) for r in rows])
    return _merge(per_table, counts, ranked, limit)


def _merge(
    per_table: list[list[SearchHit]], counts: list[int], ranked: bool, limit: int
) -> SearchOutcome:
    if ranked:
        hits = sorted((h for found in per_table for h in found), key=lambda h: h.rank)
    else:  # no ranks to merge by: take the newest of each kind in turn
        hits = [h for turn in zip_longest(*per_table) for h in turn if h is not None]
    return SearchOutcome(hits[:limit], sum(counts), ranked)


def search_outcome(db: Database, user_text: str, limit: int = 200) -> SearchOutcome:
    """Matches for ``user_text``, best first, with totals; never raises on odd input."""
    query = backend_query(db, user_text)
    if not query:
        return SearchOutcome([], 0, True)
    for candidate in (query, plain_backend_query(db, user_text)):
        if not candidate:
            continue
        try:
            return _run(db, candidate, limit)
        except DBAPIError:  # FTS5 or tsquery syntax the translation did not foresee
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
