"""Who made and last changed the user's work, a version per note and point, change notices.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_AUTHORED = {
    "events": ("created_by", "updated_by"),
    "excerpts": ("created_by",),
    "annotations": ("created_by", "updated_by"),
    "briefing_points": ("created_by", "updated_by"),
}
_VERSIONED = ("annotations", "briefing_points")
_NOTIFIED = ("events", "excerpts", "annotations", "briefings", "briefing_points", "point_citations")

# On PostgreSQL every committed change of the user's work is announced on the
# channel "briefing_changes" (LISTEN/NOTIFY), naming the event or briefing it
# touches and the client that made it, so other open windows refresh just that.
_NOTIFY_FUNCTION = """
CREATE FUNCTION briefing_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    j jsonb;
    event_pk bigint;
    briefing_pk bigint;
BEGIN
    IF TG_OP = 'DELETE' THEN j := to_jsonb(OLD); ELSE j := to_jsonb(NEW); END IF;
    IF TG_TABLE_NAME = 'events' THEN
        event_pk := (j->>'pk')::bigint;
    ELSIF TG_TABLE_NAME = 'excerpts' THEN
        event_pk := (j->>'event_pk')::bigint;
    ELSIF TG_TABLE_NAME = 'annotations' THEN
        event_pk := COALESCE((j->>'event_pk')::bigint,
            (SELECT x.event_pk FROM excerpts x WHERE x.pk = (j->>'excerpt_pk')::bigint));
    ELSIF TG_TABLE_NAME = 'briefings' THEN
        briefing_pk := (j->>'pk')::bigint;
    ELSIF TG_TABLE_NAME = 'briefing_points' THEN
        briefing_pk := (j->>'briefing_pk')::bigint;
    ELSIF TG_TABLE_NAME = 'point_citations' THEN
        briefing_pk := (SELECT p.briefing_pk FROM briefing_points p
                        WHERE p.pk = (j->>'point_pk')::bigint);
    END IF;
    PERFORM pg_notify('briefing_changes', json_build_object(
        'table', TG_TABLE_NAME,
        'event', CASE WHEN TG_TABLE_NAME = 'events' THEN j->>'id'
                      ELSE (SELECT e.id FROM events e WHERE e.pk = event_pk) END,
        'briefing', CASE WHEN TG_TABLE_NAME = 'briefings' THEN j->>'uid'
                         ELSE (SELECT b.uid FROM briefings b WHERE b.pk = briefing_pk) END,
        'client', current_setting('application_name', true)
    )::text);
    RETURN NULL;
END $$
"""


def upgrade() -> None:
    # New nullable columns (and versions with a default): no table is rebuilt.
    for table, columns in _AUTHORED.items():
        with op.batch_alter_table(table) as batch:
            for column in columns:
                batch.add_column(sa.Column(column, sa.String(120), nullable=True))
            if table in _VERSIONED:
                batch.add_column(
                    sa.Column("version", sa.Integer, nullable=False, server_default="1")
                )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_NOTIFY_FUNCTION)
        for table in _NOTIFIED:
            op.execute(
                f"CREATE TRIGGER {table}_notify AFTER INSERT OR UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION briefing_notify()"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in _NOTIFIED:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_notify ON {table}")
        op.execute("DROP FUNCTION IF EXISTS briefing_notify()")
    # A plain DROP COLUMN (SQLite 3.35+) keeps each table, so its full-text triggers survive.
    for table, columns in _AUTHORED.items():
        for column in (*columns, *(("version",) if table in _VERSIONED else ())):
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
