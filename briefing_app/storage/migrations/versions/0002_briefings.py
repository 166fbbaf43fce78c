"""Briefings with ordered talking points and their citations; conflict marks on annotations.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Adding a nullable column needs no table copy, so the annotations table (and the
    # full-text triggers hanging on it) stays as it is; batch mode keeps SQLite happy.
    with op.batch_alter_table("annotations") as batch:
        batch.add_column(sa.Column("conflict_of", sa.String(80), nullable=True))
    op.create_table(
        "briefings",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("uid", sa.String(80), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("uid", name="uq_briefings_uid"),
        sa.UniqueConstraint("name", name="uq_briefings_name"),
    )
    op.create_table(
        "briefing_points",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("uid", sa.String(80), nullable=False),
        sa.Column(
            "briefing_pk",
            sa.Integer,
            sa.ForeignKey(
                "briefings.pk", ondelete="CASCADE", name="fk_briefing_points_briefing_pk_briefings"
            ),
            nullable=False,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("uid", name="uq_briefing_points_uid"),
    )
    op.create_index("ix_briefing_points_briefing_pk", "briefing_points", ["briefing_pk"])
    op.create_table(
        "point_citations",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column(
            "point_pk",
            sa.Integer,
            sa.ForeignKey(
                "briefing_points.pk",
                ondelete="CASCADE",
                name="fk_point_citations_point_pk_briefing_points",
            ),
            nullable=False,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column(
            "event_pk",
            sa.Integer,
            sa.ForeignKey(
                "events.pk", ondelete="CASCADE", name="fk_point_citations_event_pk_events"
            ),
        ),
        sa.Column(
            "excerpt_pk",
            sa.Integer,
            sa.ForeignKey(
                "excerpts.pk", ondelete="CASCADE", name="fk_point_citations_excerpt_pk_excerpts"
            ),
        ),
        sa.CheckConstraint(
            "event_pk IS NOT NULL OR excerpt_pk IS NOT NULL", name="ck_point_citations_has_target"
        ),
    )
    op.create_index("ix_point_citations_point_pk", "point_citations", ["point_pk"])
    op.create_index("ix_point_citations_event_pk", "point_citations", ["event_pk"])
    op.create_index("ix_point_citations_excerpt_pk", "point_citations", ["excerpt_pk"])


def downgrade() -> None:
    op.drop_table("point_citations")
    op.drop_table("briefing_points")
    op.drop_table("briefings")
    # A plain DROP COLUMN (SQLite 3.35+) keeps the table, so its full-text triggers survive.
    op.execute("ALTER TABLE annotations DROP COLUMN conflict_of")
