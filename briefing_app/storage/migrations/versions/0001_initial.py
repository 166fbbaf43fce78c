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
    if op.get_bind().dialect.name == "sqlite":
        _create_fts()


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


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for fts in _FTS:
            op.execute(f"DROP TABLE IF EXISTS {fts}")
    for table in ("annotations", "excerpts", "events", "source_furniture", "sources"):
        op.drop_table(table)
