"""The stored articles' text in the full-text index, so search reaches every passage.

On SQLite an FTS5 table over ``sources.text`` (external content, kept in step
by triggers, as the other tables' since 0001); on PostgreSQL a generated
``search_vector`` on ``sources`` with a GIN index, through the same
``briefing_search`` configuration and ``briefing_fold`` as the others. A
tsvector holds at most 1 MB, so the server indexes an article's first
300,000 characters (a long report's; a news article is a few thousand).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

SERVER_INDEXED_CHARS = 300_000


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE sources_fts USING fts5(text, content='sources', "
            "content_rowid='pk', tokenize='unicode61 remove_diacritics 2')"
        )
        op.execute(
            "CREATE TRIGGER sources_fts_ai AFTER INSERT ON sources BEGIN "
            "INSERT INTO sources_fts(rowid, text) VALUES (new.pk, new.text); END"
        )
        op.execute(
            "CREATE TRIGGER sources_fts_ad AFTER DELETE ON sources BEGIN "
            "INSERT INTO sources_fts(sources_fts, rowid, text) "
            "VALUES ('delete', old.pk, old.text); END"
        )
        # Only a change of the text reindexes it: a grade set on a source does not.
        op.execute(
            "CREATE TRIGGER sources_fts_au AFTER UPDATE OF text ON sources BEGIN "
            "INSERT INTO sources_fts(sources_fts, rowid, text) "
            "VALUES ('delete', old.pk, old.text); "
            "INSERT INTO sources_fts(rowid, text) VALUES (new.pk, new.text); END"
        )
        op.execute("INSERT INTO sources_fts(sources_fts) VALUES ('rebuild')")
    elif dialect == "postgresql":
        schema = op.get_bind().exec_driver_sql("SELECT current_schema()").scalar()
        vector = (
            f"to_tsvector('\"{schema}\".briefing_search'::regconfig, "
            f"\"{schema}\".briefing_fold(left(coalesce(text, ''), {SERVER_INDEXED_CHARS})))"
        )
        op.execute(
            f"ALTER TABLE sources ADD COLUMN search_vector tsvector "
            f"GENERATED ALWAYS AS ({vector}) STORED"
        )
        op.execute("CREATE INDEX ix_sources_search_vector ON sources USING gin (search_vector)")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("sources_fts_ai", "sources_fts_ad", "sources_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS sources_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_sources_search_vector")
        op.execute("ALTER TABLE sources DROP COLUMN IF EXISTS search_vector")
