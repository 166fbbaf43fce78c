"""Alembic environment: runs against the connection the app hands it."""

from __future__ import annotations

from alembic import context

from briefing_app.storage.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: copy-and-move tables
)
with context.begin_transaction():
    context.run_migrations()
