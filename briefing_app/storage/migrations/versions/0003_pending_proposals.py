"""Proposals of an import kept until the user decides: pending proposals and their passages.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # New tables only: nothing existing is rebuilt, so no note or excerpt is touched.
    op.create_table(
        "pending_proposals",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column(
            "source_pk",
            sa.Integer,
            sa.ForeignKey(
                "sources.pk", ondelete="CASCADE", name="fk_pending_proposals_source_pk_sources"
            ),
            nullable=False,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("start", sa.String(10), nullable=False),
        sa.Column("start_precision", sa.String(8), nullable=False),
        sa.Column("end", sa.String(10), nullable=True),
        sa.Column("end_precision", sa.String(8), nullable=True),
        sa.Column("lane", sa.String(16), nullable=False),
        sa.Column("links", sa.JSON, nullable=False),
        sa.Column("link_to", sa.String(120), nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_pending_proposals_source_pk", "pending_proposals", ["source_pk"])
    op.create_table(
        "pending_excerpts",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column(
            "proposal_pk",
            sa.Integer,
            sa.ForeignKey(
                "pending_proposals.pk",
                ondelete="CASCADE",
                name="fk_pending_excerpts_proposal_pk_pending_proposals",
            ),
            nullable=False,
        ),
        sa.Column(
            "source_pk",
            sa.Integer,
            sa.ForeignKey(
                "sources.pk", ondelete="CASCADE", name="fk_pending_excerpts_source_pk_sources"
            ),
            nullable=False,
        ),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.CheckConstraint('"end" > start', name="ck_pending_excerpts_non_empty"),
    )
    op.create_index("ix_pending_excerpts_proposal_pk", "pending_excerpts", ["proposal_pk"])
    op.create_index("ix_pending_excerpts_source_pk", "pending_excerpts", ["source_pk"])


def downgrade() -> None:
    op.drop_table("pending_excerpts")
    op.drop_table("pending_proposals")
