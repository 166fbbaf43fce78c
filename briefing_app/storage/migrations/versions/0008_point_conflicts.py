"""A talking point saved over a newer one is kept beside it, marked as a conflict.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("briefing_points") as batch:
        batch.add_column(sa.Column("conflict_of", sa.String(80), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("briefing_points") as batch:
        batch.drop_column("conflict_of")
