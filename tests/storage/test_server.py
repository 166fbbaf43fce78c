"""A team database on PostgreSQL: URLs, opening, migrating, refusing, searching alike."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from briefing_app.services.library import open_library
from briefing_app.storage.database import Database, DatabaseError, NewerSchemaError, head_revision
from briefing_app.storage.search import search
from briefing_app.storage.server import describe_url, is_database_url, normalise_url
from tests.helpers.pg import PgServer


@pytest.mark.parametrize(
    ("target", "is_url"),
    [
        ("postgresql+psycopg://alice@db.example/briefing", True),
        ("postgresql://alice:secret@db.example:5433/briefing", True),
        ("data.sqlite", False),
        ("/home/alice/briefing.sqlite", False),
        ("C:\\Users\\alice\\briefing.sqlite", False),
        ("folder with :// inside/data.sqlite", False),
        (Path("postgresql:/x"), False),
    ],
)
def test_a_url_is_told_from_a_path(target: object, is_url: bool) -> None:
    assert is_database_url(target) is is_url


def test_only_postgresql_urls_naming_a_database_are_taken() -> None:
    assert normalise_url("postgresql://a@h/db").drivername == "postgresql+psycopg"
    with pytest.raises(ValueError, match="PostgreSQL"):
        normalise_url("mysql://a@h/db")
    with pytest.raises(ValueError, match="names no database"):
        normalise_url("postgresql://a@h")


def test_a_password_is_never_shown() -> None:
    shown = describe_url(normalise_url("postgresql://alice:s3cret@db.example:5433/team"))
    assert shown == "alice@db.example:5433/team"


def test_an_unreachable_server_is_a_sentence_without_the_password() -> None:
    # Port 1 on the loopback: nothing listens there, the refusal is immediate.
    with pytest.raises(DatabaseError) as info:
        Database.open("postgresql://alice:s3cret@127.0.0.1:1/team")
    message = str(info.value)
    assert "alice@127.0.0.1:1/team" in message
    assert "s3cret" not in message
    assert "server is running" in message


def test_an_empty_database_gets_the_schema_and_its_search_index(pg_url: str) -> None:
    db = Database.open(pg_url)
    try:
        assert db.is_server and db.path is None
        assert db.current_revision() == head_revision()
        columns = {c["name"] for c in inspect(db.engine).get_columns("events")}
        assert "search_vector" in columns
        indexes = {i["name"] for i in inspect(db.engine).get_indexes("events")}
        assert "ix_events_search_vector" in indexes
        db.check_integrity()  # no PRAGMA on a server
        assert "@" in db.label
    finally:
        db.close()
    Database.open(pg_url).close()  # opening again is a no-op


def test_two_clients_migrating_at_once_both_open_it(pg_url: str) -> None:
    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            Database.open(pg_url).close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    db = Database.open(pg_url)
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    finally:
        db.close()


def test_someone_elses_database_is_refused_and_left_alone(pg_url: str) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE payroll (id integer)"))
    with pytest.raises(DatabaseError, match="not a briefing database"):
        Database.open(pg_url)
    assert inspect(engine).get_table_names() == ["payroll"]
    engine.dispose()


def test_a_newer_schema_is_refused(pg_url: str) -> None:
    Database.open(pg_url).close()
    db = Database.open(pg_url)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.close()
    with pytest.raises(NewerSchemaError):
        Database.open(pg_url)


def test_read_only_opening_cannot_write(pg_url: str) -> None:
    Database.open(pg_url).close()
    db = Database.open(pg_url, read_only=True)
    try:
        with pytest.raises(DBAPIError), db.engine.begin() as conn:
            conn.execute(text("DELETE FROM events"))
    finally:
        db.close()


# Ordinary queries a briefer types: the same events, excerpts and notes on both.
_QUERIES = [
    "PESCO",
    "Atalanta",
    '"Strategic Compass"',
    "Stolten",
    "NATO summit",
    "Ukraine OR Moldova",
    "defence -fund",
    "Élysée",
    "elysee",
    "Belarus-Poland bord",
    "rapid deployment capacity",
    "Zelensky",
    "mission",
]


@pytest.mark.parametrize("query", _QUERIES)
def test_search_finds_the_same_on_both_backends(
    query: str, both_libraries: tuple[Database, Database]
) -> None:
    on_file, on_server = (
        {(h.event_id, h.kind) for h in search(db, query, limit=500)} for db in both_libraries
    )
    assert on_file, query
    assert on_server == on_file


@pytest.fixture(scope="module")
def both_libraries(
    tmp_path_factory: pytest.TempPathFactory, pg_server: PgServer
) -> Iterator[tuple[Database, Database]]:
    """The shipped chronology in a file and on the server, read-only for these tests."""
    lite = open_library(tmp_path_factory.mktemp("lite") / "library.sqlite")
    with pg_server.library_database() as url:
        server = Database.open(url)
        yield lite, server
        server.close()
    lite.close()


def test_two_clients_filling_a_new_database_at_once_do_not_race(pg_url: str) -> None:
    """Both find it empty and load the chronology: the second waits, then only updates."""
    from briefing_app.storage.repository import list_events

    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            open_library(pg_url).close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    reference = open_library(pg_url)
    try:
        ids = [e.id for e in list_events(reference)]
        assert len(ids) == len(set(ids)) > 30
    finally:
        reference.close()
