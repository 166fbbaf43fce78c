"""A database made by an older version keeps every note when it is upgraded."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, inspect, text

from briefing_app.services.annotations import create_annotation, update_annotation
from briefing_app.storage.database import MIGRATIONS_DIR, Database, head_revision
from briefing_app.storage.search import search

_ROWS = [
    # uid, event_pk, excerpt_pk, body, tags, talking_point, created, updated
    (
        "n1",
        1,
        None,
        "Keep <b>this</b> note",
        '["nato", "budget"]',
        1,
        "2024-01-02 10:00:00.123456",
        "2024-01-03 11:00:00.654321",
    ),
    (
        "n2",
        None,
        1,
        "On the quote: rapid force",
        "[]",
        0,
        "2024-02-01 09:00:00.000001",
        "2024-02-01 09:00:00.000001",
    ),
]


def _make_0001(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(
            text(
                "INSERT INTO sources (pk, file, content_hash, title, outlet, language, text, "
                "body_start, body_end, origin, added_at) VALUES (1, 'a.txt', 'h', 'T', 'O', 'en', "
                "'The plan follows the goal of a rapid force.', 0, 43, 'curated', '2024-01-01')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO events (pk, id, title, start, start_precision, first_day, last_day, "
                'lane, actors, summary, confidence, "references", origin, hidden, retired, '
                "created_at, updated_at) VALUES (1, 'goal', 'A goal', '1999-12', 'month', 730089, "
                "730119, 'EU', '[]', '', 'high', '[]', 'curated', 0, 0, '2024-01-01', '2024-01-01')"
            )
        )
        conn.execute(
            text(
                'INSERT INTO excerpts (pk, uid, event_pk, source_pk, start, "end", quote, prefix, '
                "suffix, position, origin, anchor_status, retired, created_at) "
                "VALUES (1, 'x1', 1, 1, 22, 42, 'goal of a rapid force', '', '', 0, 'curated', "
                "'exact', 0, '2024-01-01')"
            )
        )
        for row in _ROWS:
            conn.execute(
                text(
                    "INSERT INTO annotations (uid, event_pk, excerpt_pk, body, tags, "
                    "talking_point, created_at, updated_at) VALUES (:u, :e, :x, :b, :t, :f, :c, :m)"
                ),
                dict(zip("uexbtfcm", row, strict=True)),
            )
    engine.dispose()


def _annotations(db: Database) -> list[tuple[object, ...]]:
    with db.engine.connect() as conn:
        return [
            tuple(r)
            for r in conn.execute(
                text(
                    "SELECT uid, event_pk, excerpt_pk, body, tags, talking_point, created_at, "
                    "updated_at FROM annotations ORDER BY uid"
                )
            )
        ]


def test_upgrade_from_0001_keeps_every_annotation(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _make_0001(path)
    db = Database.open(path)
    try:
        assert db.current_revision() == head_revision() != "0001"
        assert _annotations(db) == [tuple(r) for r in _ROWS]
        tables = set(inspect(db.engine).get_table_names())
        assert {"briefings", "briefing_points", "point_citations"} <= tables
        columns = {c["name"] for c in inspect(db.engine).get_columns("annotations")}
        assert "conflict_of" in columns
        with db.engine.connect() as conn:
            digest = conn.execute(text("SELECT text_sha256 FROM sources")).scalar_one()
        # The stored article's fingerprint, taken from its text as it was.
        assert digest == hashlib.sha256(b"The plan follows the goal of a rapid force.").hexdigest()
        assert list(tmp_path.glob("old.sqlite.before-0001.bak"))
        # The full-text index still covers the old notes and follows new edits.
        assert [h.event_id for h in search(db, "rapid force") if h.kind == "annotation"] == ["goal"]
        created = create_annotation(db, event_id="goal", body="zanzibar")
        assert [h.kind for h in search(db, "zanzibar")] == ["annotation"]
        update_annotation(db, created.uid, body="quokka")
        assert search(db, "zanzibar") == []
        assert [h.kind for h in search(db, "quokka")] == ["annotation"]
    finally:
        db.close()


def test_a_table_rebuilt_by_a_migration_takes_no_notes_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Batch migrations drop and re-create tables: with foreign keys on, dropping
    events would cascade to every note. A migration that does so must lose nothing."""
    path = tmp_path / "old.sqlite"
    _make_0001(path)
    real_upgrade = command.upgrade

    def upgrade_then_rebuild_events(cfg: Config, revision: str) -> None:
        real_upgrade(cfg, revision)
        conn = cfg.attributes["connection"]  # what a batch rebuild does:
        create = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'events'"
        ).scalar()
        conn.exec_driver_sql(create.replace("CREATE TABLE events", "CREATE TABLE _events_new", 1))
        conn.exec_driver_sql("INSERT INTO _events_new SELECT * FROM events")
        conn.exec_driver_sql("DROP TABLE events")
        conn.exec_driver_sql("ALTER TABLE _events_new RENAME TO events")

    monkeypatch.setattr(command, "upgrade", upgrade_then_rebuild_events)
    db = Database.open(path)
    try:
        assert _annotations(db) == [tuple(r) for r in _ROWS]
        with db.engine.connect() as conn:  # and the connection keeps enforcing them after
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.close()


def test_checking_an_old_file_reports_it_and_changes_nothing(tmp_path: Path) -> None:
    from briefing_app.services.checks import database_problems

    path = tmp_path / "old.sqlite"
    _make_0001(path)
    before = path.read_bytes()
    [problem] = database_problems(path)
    assert "needs an upgrade" in problem
    assert path.read_bytes() == before and not list(tmp_path.glob("*.bak"))


def test_pending_proposal_tables_match_the_models_and_downgrade(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from briefing_app.storage.models import Base

    path = tmp_path / "old.sqlite"
    _make_0001(path)
    db = Database.open(path)
    try:
        assert _annotations(db) == [tuple(r) for r in _ROWS]
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        ours = [d for d in diff if "pending_" in repr(d)]
        assert ours == []
    finally:
        db.close()
    engine = create_engine(f"sqlite:///{path}")
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
        assert not inspect(conn).has_table("pending_proposals")
    engine.dispose()
    db = Database.open(path)  # and up again
    try:
        assert inspect(db.engine).has_table("pending_excerpts")
        assert _annotations(db) == [tuple(r) for r in _ROWS]
    finally:
        db.close()
