"""Briefings handed on: what each rested on, for "what changed since".

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "briefing_deliveries",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("uid", sa.String(80), nullable=False),
        sa.Column(
            "briefing_pk",
            sa.Integer,
            sa.ForeignKey(
                "briefings.pk",
                ondelete="CASCADE",
                name="fk_briefing_deliveries_briefing_pk_briefings",
            ),
            nullable=False,
        ),
        sa.Column("delivered_at", sa.DateTime, nullable=False),
        sa.Column("delivered_by", sa.String(120), nullable=True),
        sa.Column("how", sa.String(16), nullable=False),
        sa.Column("state", sa.Text, nullable=False),
        sa.UniqueConstraint("uid", name="uq_briefing_deliveries_uid"),
    )
    op.create_index("ix_briefing_deliveries_briefing_pk", "briefing_deliveries", ["briefing_pk"])


def downgrade() -> None:
    op.drop_index("ix_briefing_deliveries_briefing_pk", table_name="briefing_deliveries")
    op.drop_table("briefing_deliveries")
