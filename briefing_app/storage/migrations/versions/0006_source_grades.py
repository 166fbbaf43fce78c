"""Source grades: a source's own, an outlet's default, an excerpt's own credibility.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # New nullable columns and a new table: SQLite adds them in place, no table is rebuilt.
    with op.batch_alter_table("sources") as batch:
        batch.add_column(sa.Column("grade", sa.String(2), nullable=True))
        batch.add_column(sa.Column("graded_at", sa.DateTime, nullable=True))
    with op.batch_alter_table("excerpts") as batch:
        batch.add_column(sa.Column("credibility", sa.String(1), nullable=True))
        batch.add_column(sa.Column("graded_at", sa.DateTime, nullable=True))
    op.create_table(
        "outlet_grades",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("outlet", sa.String(200), nullable=False),
        sa.Column("grade", sa.String(2), nullable=False),
        sa.Column("graded_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("outlet", name="uq_outlet_grades_outlet"),
    )


def downgrade() -> None:
    op.drop_table("outlet_grades")
    with op.batch_alter_table("excerpts") as batch:
        batch.drop_column("graded_at")
        batch.drop_column("credibility")
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("graded_at")
        batch.drop_column("grade")
