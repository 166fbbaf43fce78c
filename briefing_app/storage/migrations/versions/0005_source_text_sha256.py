"""Each stored article's SHA-256 fingerprint, so exports can check their quotations.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sources") as batch:
        batch.add_column(sa.Column("text_sha256", sa.String(64), nullable=True))
    conn = op.get_bind()
    sources = sa.table(
        "sources",
        sa.column("pk", sa.Integer),
        sa.column("text", sa.Text),
        sa.column("text_sha256", sa.String(64)),
    )
    # The texts as they are now: what every existing excerpt was anchored in.
    rows = conn.execute(sa.select(sources.c.pk, sources.c.text)).all()
    for pk, text in rows:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        conn.execute(sources.update().where(sources.c.pk == pk).values(text_sha256=digest))


def downgrade() -> None:
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("text_sha256")
