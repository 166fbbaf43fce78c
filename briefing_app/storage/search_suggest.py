"""Close matches for a search that found nothing: "helicoptres" → "helicopters".

The words offered are the index's own (SQLite's ``fts5vocab`` over each
full-text table; the server's ``ts_stat`` over each ``search_vector``), so a
suggestion is always a word that is there to be found, folded as the index
folds it. A typed word the index does not hold is compared with them by
optimal string alignment distance (a swap of two letters counts one edit),
with RapidFuzz: one edit allowed in a word of four or five letters, two in a
longer one; among equally close words the one in more entries comes first.
"""

from __future__ import annotations

from collections import Counter

from rapidfuzz import process
from rapidfuzz.distance import OSA
from sqlalchemy import Connection, text

from briefing_app.domain.text_match import fold
from briefing_app.storage.database import Database

__all__ = ["close_queries", "vocabulary"]

_SQLITE_TABLES = ("events_fts", "excerpts_fts", "annotations_fts", "sources_fts")
_SERVER_TABLES = ("events", "excerpts", "annotations", "sources")
MIN_WORD = 4


def _sqlite_vocabulary(conn: Connection) -> Counter[str]:
    words: Counter[str] = Counter()
    for fts in _SQLITE_TABLES:
        exists = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE name = :t"), {"t": fts}
        ).scalar()
        if not exists:
            continue
        vocab = f"temp.{fts}_words"
        conn.execute(
            text(f"CREATE VIRTUAL TABLE IF NOT EXISTS {vocab} USING fts5vocab(main, {fts}, row)")
        )
        for term, docs in conn.execute(text(f"SELECT term, doc FROM {vocab}")):
            words[term] += docs
    return words


def _server_vocabulary(conn: Connection) -> Counter[str]:
    words: Counter[str] = Counter()
    for table in _SERVER_TABLES:
        has_vector = conn.execute(
            text(
                "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() "
                "AND table_name = :t AND column_name = 'search_vector'"
            ),
            {"t": table},
        ).scalar()
        if not has_vector:
            continue
        rows = conn.execute(
            text(f"SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM {table}')")
        )
        for word, docs in rows:
            words[word] += docs
    return words


def vocabulary(db: Database) -> Counter[str]:
    """Every word the full-text index holds (folded), with how many entries hold it."""
    with db.engine.connect() as conn:
        if db.engine.dialect.name == "postgresql":
            found = _server_vocabulary(conn)
        else:
            found = _sqlite_vocabulary(conn)
    return Counter({w: n for w, n in found.items() if len(w) >= 3 and not w.isdigit()})


def _allowed_edits(word: str) -> int:
    return 0 if len(word) < MIN_WORD else 1 if len(word) <= 5 else 2


def _near(word: str, words: Counter[str], choices: list[str], how_many: int) -> list[str]:
    edits = _allowed_edits(word)
    if not edits:
        return []
    found = process.extract(word, choices, scorer=OSA.distance, score_cutoff=edits, limit=20)
    ranked = sorted(found, key=lambda hit: (hit[1], -words[hit[0]], hit[0]))
    return [hit[0] for hit in ranked[:how_many]]


def close_queries(db: Database, user_text: str, how_many: int = 3) -> list[str]:
    """Other ways of writing ``user_text`` whose every word the index holds, closest first.

    Only words typed plainly are changed: a quoted phrase, an excluded ``-word``
    and ``OR`` stay as typed. Empty when every word is already there, or no
    word is close enough to one.
    """
    tokens = user_text.split()
    words = vocabulary(db)
    if not tokens or not words:
        return []
    choices = list(words)
    options: list[list[str]] = []
    for i, token in enumerate(tokens):
        plain = token.isalpha() and token != "OR"
        folded = fold(token)
        last = i == len(tokens) - 1 and not user_text.endswith(" ")
        known = folded in words or (last and any(w.startswith(folded) for w in choices))
        if not plain or known:
            options.append([token])
            continue
        near = _near(folded, words, choices, how_many)
        options.append(near or [token])
    if all(len(o) == 1 and o[0] == t for o, t in zip(options, tokens, strict=True)):
        return []
    queries: list[str] = []
    best = [o[0] for o in options]
    queries.append(" ".join(best))
    for i, option in enumerate(options):
        for other in option[1:]:
            queries.append(" ".join([*best[:i], other, *best[i + 1 :]]))
    unique = list(dict.fromkeys(q for q in queries if q != user_text.strip()))
    return unique[:how_many]
