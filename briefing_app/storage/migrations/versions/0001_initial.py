"""Sources, furniture, events, excerpts, annotations and their full-text index.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("file", sa.String(255), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("outlet", sa.String(200), nullable=False),
        sa.Column("author", sa.String(200)),
        sa.Column("published", sa.String(10)),
        sa.Column("published_precision", sa.String(8)),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("url", sa.String(2000)),
        sa.Column("notes", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("body_start", sa.Integer, nullable=False),
        sa.Column("body_end", sa.Integer, nullable=False),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("added_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("file", name="uq_sources_file"),
    )
    op.create_index("ix_sources_content_hash", "sources", ["content_hash"])
    op.create_table(
        "source_furniture",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column(
            "source_pk",
            sa.Integer,
            sa.ForeignKey(
                "sources.pk", ondelete="CASCADE", name="fk_source_furniture_source_pk_sources"
            ),
            nullable=False,
        ),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
    )
    op.create_index("ix_source_furniture_source_pk", "source_furniture", ["source_pk"])
    op.create_table(
        "events",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("id", sa.String(120), nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("start", sa.String(10), nullable=False),
        sa.Column("start_precision", sa.String(8), nullable=False),
        sa.Column("end", sa.String(10)),
        sa.Column("end_precision", sa.String(8)),
        sa.Column("first_day", sa.Integer, nullable=False),
        sa.Column("last_day", sa.Integer, nullable=False),
        sa.Column("lane", sa.String(16), nullable=False),
        sa.Column("actors", sa.JSON, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("confidence", sa.String(8), nullable=False),
        sa.Column("references", sa.JSON, nullable=False),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("hidden", sa.Boolean, nullable=False),
        sa.Column("retired", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("id", name="uq_events_id"),
        sa.CheckConstraint("last_day >= first_day", name="ck_events_end_not_before_start"),
    )
    op.create_index("ix_events_first_day", "events", ["first_day"])
    op.create_index("ix_events_last_day", "events", ["last_day"])
    op.create_index("ix_events_origin", "events", ["origin"])
    op.create_index("ix_events_lane_first_day", "events", ["lane", "first_day"])
    op.create_table(
        "excerpts",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("uid", sa.String(80), nullable=False),
        sa.Column(
            "event_pk",
            sa.Integer,
            sa.ForeignKey("events.pk", ondelete="CASCADE", name="fk_excerpts_event_pk_events"),
            nullable=False,
        ),
        sa.Column(
            "source_pk",
            sa.Integer,
            sa.ForeignKey("sources.pk", ondelete="RESTRICT", name="fk_excerpts_source_pk_sources"),
            nullable=False,
        ),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("prefix", sa.Text, nullable=False),
        sa.Column("suffix", sa.Text, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("anchor_status", sa.String(16), nullable=False),
        sa.Column("retired", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("uid", name="uq_excerpts_uid"),
        sa.CheckConstraint('"end" > start', name="ck_excerpts_non_empty"),
    )
    op.create_index("ix_excerpts_event_pk", "excerpts", ["event_pk"])
    op.create_index("ix_excerpts_source_pk", "excerpts", ["source_pk"])
    op.create_table(
        "annotations",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("uid", sa.String(80), nullable=False),
        sa.Column(
            "event_pk",
            sa.Integer,
            sa.ForeignKey("events.pk", ondelete="CASCADE", name="fk_annotations_event_pk_events"),
        ),
        sa.Column(
            "excerpt_pk",
            sa.Integer,
            sa.ForeignKey(
                "excerpts.pk", ondelete="CASCADE", name="fk_annotations_excerpt_pk_excerpts"
            ),
        ),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("talking_point", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("uid", name="uq_annotations_uid"),
        sa.CheckConstraint(
            "event_pk IS NOT NULL OR excerpt_pk IS NOT NULL", name="ck_annotations_has_target"
        ),
    )
    op.create_index("ix_annotations_event_pk", "annotations", ["event_pk"])
    op.create_index("ix_annotations_excerpt_pk", "annotations", ["excerpt_pk"])
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _create_fts()
    elif dialect == "postgresql":
        _create_pg_search()


# Full-text index: FTS5 tables over the real tables ("external content"),
# kept in step by triggers so no code path can forget to update them.
_FTS = {
    "events_fts": ("events", ("title", "summary", "actors")),
    "excerpts_fts": ("excerpts", ("quote",)),
    "annotations_fts": ("annotations", ("body", "tags")),
}


def _create_fts() -> None:
    for fts, (table, cols) in _FTS.items():
        col_list = ", ".join(cols)
        new_vals = ", ".join(f"new.{c}" for c in cols)
        old_vals = ", ".join(f"old.{c}" for c in cols)
        op.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({col_list}, content='{table}', "
            f"content_rowid='pk', tokenize='unicode61 remove_diacritics 2')"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {col_list}) VALUES (new.pk, {new_vals}); END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {col_list}) "
            f"VALUES ('delete', old.pk, {old_vals}); END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_au AFTER UPDATE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {col_list}) VALUES ('delete', old.pk, {old_vals}); "
            f"INSERT INTO {fts}(rowid, {col_list}) VALUES (new.pk, {new_vals}); END"
        )


# The same index on PostgreSQL: a generated tsvector column per table (weights A,
# B, C for title, summary, actors, as bm25's 10, 3, 2 on SQLite), a GIN index on
# it, and a text search configuration that folds accents through the unaccent
# dictionary. Where the extension cannot be created, an immutable translate()
# over Latin letters folds the text going in and the queries instead.
_PG_DOCUMENTS = {
    "events": (("title", "A"), ("summary", "B"), ("actors::text", "C")),
    "excerpts": (("quote", None),),
    "annotations": (("body", None), ("tags::text", None)),
}


def _latin_folds() -> tuple[str, str]:
    import unicodedata

    accented, plain = [], []
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        if len(base) == 1 and base.isascii() and base.isalpha() and base != char:
            accented.append(char)
            plain.append(base)
    return "".join(accented), "".join(plain)


def _create_pg_search() -> None:
    bind = op.get_bind()
    schema = bind.exec_driver_sql("SELECT current_schema()").scalar()
    have_unaccent = bind.exec_driver_sql(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent'"
    ).scalar()
    if have_unaccent:
        try:
            with bind.begin_nested():
                bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
        except sa.exc.DBAPIError:  # not allowed to: fold with translate() instead
            have_unaccent = None
    op.execute(f'CREATE TEXT SEARCH CONFIGURATION "{schema}".briefing_search (COPY = simple)')
    if have_unaccent:
        op.execute(
            f'ALTER TEXT SEARCH CONFIGURATION "{schema}".briefing_search ALTER MAPPING FOR '
            "hword, hword_part, word WITH unaccent, simple"
        )
        fold = "$1"
    else:
        accented, plain = _latin_folds()
        fold = f"translate($1, '{accented}', '{plain}')"
    op.execute(
        f'CREATE FUNCTION "{schema}".briefing_fold(text) RETURNS text '
        f"LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT {fold} $$"
    )
    for table, columns in _PG_DOCUMENTS.items():
        parts = []
        for column, weight in columns:
            vector = (
                f"to_tsvector('\"{schema}\".briefing_search'::regconfig, "
                f"\"{schema}\".briefing_fold(coalesce({column}, '')))"
            )
            parts.append(f"setweight({vector}, '{weight}')" if weight else vector)
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN search_vector tsvector "
            f"GENERATED ALWAYS AS ({' || '.join(parts)}) STORED"
        )
        op.execute(f"CREATE INDEX ix_{table}_search_vector ON {table} USING gin (search_vector)")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for fts in _FTS:
            op.execute(f"DROP TABLE IF EXISTS {fts}")
    for table in ("annotations", "excerpts", "events", "source_furniture", "sources"):
        op.drop_table(table)
    if dialect == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS briefing_fold(text)")
        op.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS briefing_search")
