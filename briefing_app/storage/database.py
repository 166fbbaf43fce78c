"""Opening, migrating and talking to the app's database: an SQLite file or a server.

A ``Database`` owns the engine; callers get a short-lived session for one unit
of work with ``with db.session() as s: ...`` which commits on success and rolls
back on error. Opening a database always brings its schema to the newest
revision (after copying the file aside), and refuses one written by a newer
version of the app rather than guessing at it. A database URL
(``postgresql+psycopg://…``) opens a team database on a PostgreSQL server
instead; what differs there (no PRAGMAs, no file copies) is in ``server``.
"""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import URL, Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from briefing_app.storage.errors import (
    DamagedDatabaseError,
    DatabaseError,
    NewerSchemaError,
    ReadOnlyDatabaseError,
    StoredValueError,
    damage_error,
    damaged,
    is_damage,
)
from briefing_app.storage.files import describe_os_error, replacing
from briefing_app.storage.identity import default_author
from briefing_app.storage.server import (
    MIGRATION_LOCK,
    ChangeFeed,
    ServerURLError,
    describe_url,
    foreign_tables,
    is_database_url,
    new_client_name,
    normalise_url,
    server_engine,
    server_problem,
)
from briefing_app.storage.sqlite_file import (
    connect_read_only,
    not_writable,
    read_only_pragmas,
    refuse_damaged_wal,
    refuse_foreign,
    refuse_non_database,
    set_pragmas,
)

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import ExceptionContext

__all__ = [
    "MIGRATIONS_DIR",
    "DamagedDatabaseError",
    "Database",
    "DatabaseError",
    "NewerSchemaError",
    "ReadOnlyDatabaseError",
    "StoredValueError",
    "connect_read_only",
    "damage_error",
    "is_damage",
    "is_database_url",
]

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


# The newest revision in migrations/versions; a test checks it against Alembic's
# own head, so opening an up-to-date file never has to load Alembic.
SCHEMA_HEAD = "0009"


def _alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    """Alembic's head, read from the migration scripts (slow: imports Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def _recognise_damage(path: Path) -> Callable[[ExceptionContext], None]:
    """A ``handle_error`` hook: damage met by any read is raised as the damage it is."""

    def hook(context: ExceptionContext) -> None:
        if is_damage(context.original_exception):
            raise damage_error(path, context.original_exception)

    return hook


class _IntegrityCheck:
    """``PRAGMA quick_check`` on its own read-only connection and thread.

    The check reads the whole file (0.2 s at 100,000 events); SQLite does that
    without holding the GIL, so the window can be built meanwhile and shown
    only once the file is known to be sound.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._report: str | None = None
        self._failure: sqlite3.Error | None = None
        self._thread = threading.Thread(target=self._run, name="quick_check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            conn = connect_read_only(self._path)
            try:
                conn.execute("PRAGMA busy_timeout=5000")
                self._report = str(conn.execute("PRAGMA quick_check").fetchone()[0])
            finally:
                conn.close()
        except sqlite3.Error as exc:
            if exc.sqlite_errorcode == sqlite3.SQLITE_CORRUPT:
                self._report = str(exc)
            else:
                self._failure = exc

    def join(self) -> None:
        self._thread.join()

    def wait(self) -> None:
        self.join()
        if self._failure is not None:
            raise DatabaseError(
                f"{self._path} could not be read as a briefing database ({self._failure}). "
                "Restore a backup or choose another file."
            ) from self._failure
        if self._report != "ok":
            raise damaged(self._path, str(self._report))


class Database:
    """One SQLite file or one server database, migrated to the current schema."""

    def __init__(
        self,
        engine: Engine,
        path: Path | None,
        *,
        read_only: bool = False,
        url: URL | None = None,
    ) -> None:
        self.engine = engine
        self.path = path
        self.url = url
        """The server's URL (password included, never shown) for a team database."""
        self.read_only = read_only
        self.author = default_author()
        """Stamped as who made or last changed the user's work written through this database."""
        self.client: str | None = None
        """On a server: the name this client's connections carry (see ``change_feed``)."""
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._pending_check: _IntegrityCheck | None = None

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        migrate: bool = True,
        read_only: bool = False,
        check_in_background: bool = False,
    ) -> Database:
        """Open (creating if missing) and migrate the database at ``path``.

        ``read_only`` opens an existing file without ever writing to it (no
        migration, no journal change): for a file on read-only media, or one
        already open in another window.

        ``check_in_background`` lets the integrity check run while the caller
        reads; the caller must call ``wait_for_integrity_check`` before it
        trusts what it read or writes anything. A file that needs migrating is
        always checked first.
        """
        if is_database_url(path):
            return cls._open_server(str(path), migrate=migrate, read_only=read_only)
        file = Path(path)
        if file.exists() and file.is_dir():
            raise DatabaseError(f"{file} is a folder, not a database file.")
        refuse_non_database(file)
        refuse_damaged_wal(file)
        refuse_foreign(file)
        if read_only:
            return cls._open_read_only(file)
        if not_writable(file):
            raise ReadOnlyDatabaseError(
                f"{file} is read-only, so changes could not be saved. "
                "Open it read-only, or copy it to a folder you can write to."
            )
        # Built, not parsed: a "?" or "#" in a folder name must stay part of the path.
        engine = create_engine(URL.create("sqlite", database=str(file)))
        event.listen(engine, "connect", set_pragmas)
        event.listen(engine, "handle_error", _recognise_damage(file))
        db = cls(engine, file)
        try:
            if check_in_background and db.current_revision() == SCHEMA_HEAD:
                db._pending_check = _IntegrityCheck(file)
            else:
                db.check_integrity()
            if migrate:
                db.migrate()
        except (SADatabaseError, sqlite3.DatabaseError) as exc:
            engine.dispose()
            reason = getattr(exc, "orig", None) or exc
            if getattr(reason, "sqlite_errorcode", None) == sqlite3.SQLITE_CORRUPT:
                raise damaged(file, str(reason)) from exc  # so that a backup is offered
            if getattr(reason, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
                raise DatabaseError(
                    f"{file} could not be opened: the disk is full. Free some space and "
                    "open it again; it has not been changed."
                ) from exc
            raise DatabaseError(
                f"{file} could not be read as a briefing database ({reason}). "
                "Restore a backup or choose another file."
            ) from exc
        except DatabaseError:
            engine.dispose()
            raise
        except OSError as exc:  # the copy made before an upgrade
            engine.dispose()
            raise DatabaseError(
                f"{file} could not be opened: {describe_os_error(exc)}. It has not been changed."
            ) from exc
        return db

    @classmethod
    def _open_read_only(cls, file: Path) -> Database:
        if not file.exists():
            raise DatabaseError(f"{file} does not exist, so it cannot be opened read-only.")
        engine = create_engine(
            "sqlite://", creator=lambda: connect_read_only(file), poolclass=QueuePool
        )
        event.listen(engine, "connect", read_only_pragmas)
        event.listen(engine, "handle_error", _recognise_damage(file))
        db = cls(engine, file, read_only=True)
        try:
            db.check_integrity()
            current = db.current_revision()
        except (SADatabaseError, sqlite3.DatabaseError) as exc:
            engine.dispose()
            raise DatabaseError(f"{file} could not be read ({exc}).") from exc
        except DatabaseError:
            engine.dispose()
            raise
        if current != SCHEMA_HEAD:
            engine.dispose()
            raise DatabaseError(
                f"{file} needs an upgrade before this version can show it, and it is "
                "opened read-only. Open it normally to upgrade it (a backup is made first)."
            )
        return db

    @classmethod
    def _open_server(cls, target: str, *, migrate: bool, read_only: bool) -> Database:
        try:
            url = normalise_url(target)
        except ServerURLError as exc:
            raise DatabaseError(str(exc)) from exc
        name = describe_url(url)
        client = new_client_name()
        engine = server_engine(url, client=client, read_only=read_only)
        db = cls(engine, None, read_only=read_only, url=url)
        db.client = client
        try:
            problem = server_problem(engine)
            if problem:
                raise DatabaseError(f"{name}: {problem}")
            foreign = foreign_tables(engine)
            if foreign:
                shown = ", ".join(foreign[:5]) + (" …" if len(foreign) > 5 else "")
                raise DatabaseError(
                    f"{name} is not a briefing database (it already holds the tables "
                    f"{shown}). Choose another database; this one has not been changed."
                )
            if read_only:
                current = db.current_revision()
                if current is None:
                    raise DatabaseError(
                        f"{name} is empty, and it is opened read-only. Open it normally "
                        "once to create the briefing schema in it."
                    )
                if current != SCHEMA_HEAD:
                    raise DatabaseError(
                        f"{name} needs an upgrade before this version can show it, and it is "
                        "opened read-only. Open it normally to upgrade it."
                    )
            elif migrate:
                db.migrate()
        except DBAPIError as exc:
            engine.dispose()
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
            raise DatabaseError(
                f"Could not use the team database {name}: {reason[0] if reason else exc}. "
                "Check the address, the user name and password, and that the server is running."
            ) from exc
        except DatabaseError:
            engine.dispose()
            raise
        return db

    def change_feed(self) -> ChangeFeed | None:
        """Notices of other clients' changes on a team database; None for a file.

        A file has one writer at a time (its lock), so there is nothing to follow.
        """
        if self.url is None or self.client is None:
            return None
        return ChangeFeed(self.url, self.client)

    @property
    def is_server(self) -> bool:
        """A team database on a server rather than a file on this computer."""
        return self.url is not None

    @property
    def location(self) -> Path | str | None:
        """What ``Database.open`` takes to open this database again (a URL keeps its password)."""
        if self.url is not None:
            return self.url.render_as_string(hide_password=False)
        return self.path

    @property
    def label(self) -> str:
        """What the window title and messages call this database (never a password)."""
        if self.url is not None:
            return describe_url(self.url)
        return str(self.path) if self.path is not None else "in-memory database"

    # -- schema ------------------------------------------------------------
    def current_revision(self) -> str | None:
        """The schema revision stamped in the file (None for a new, empty file)."""
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    @staticmethod
    def knows_revision(revision: str) -> bool:
        """Whether this version can open a file at ``revision`` (as is, or by upgrading it)."""
        if revision == SCHEMA_HEAD:
            return True
        from alembic.script import ScriptDirectory

        script = ScriptDirectory.from_config(_alembic_config())
        return revision in {rev.revision for rev in script.walk_revisions()}

    def migrate(self) -> None:
        """Bring the schema to the newest revision, backing the file up first."""
        if self.is_server:
            self._migrate_server()
            return
        current = self.current_revision()
        if current == SCHEMA_HEAD:
            return
        from alembic import command

        if current is not None and not self.knows_revision(current):
            raise NewerSchemaError(
                f"{self.path} was written by a newer version of this app (schema {current}). "
                "Open it with that version, or choose another file; it has not been changed."
            )
        if current is not None and self.path is not None:
            self.backup_before_migration(current)
        cfg = _alembic_config()
        with self.engine.connect() as conn:
            # A migration that rebuilds a table (batch mode) drops the old one: with
            # foreign keys on, that would cascade and delete the notes and excerpts
            # hanging on it. They are off while migrating and checked before commit.
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
            try:
                with _transactional_ddl(conn), conn.begin():
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, "head")
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise DatabaseError(
                            f"Upgrading {self.path} would leave {len(broken)} broken links "
                            "between records; it has not been changed."
                        )
            except SADatabaseError as exc:
                reason = getattr(exc, "orig", None) or exc
                if getattr(reason, "sqlite_errorcode", None) in _SAID_BY_OPEN:
                    raise
                raise DatabaseError(
                    f"{self.path} could not be upgraded to this version ({reason}); "
                    "it has been left exactly as it was."
                ) from exc
            finally:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()

    def _migrate_server(self) -> None:
        """Upgrade in one transaction (PostgreSQL's DDL is transactional) under a lock.

        Two clients opening an old database at once: the second waits on the
        lock, then finds the schema current. A failed upgrade leaves nothing
        half done. No backup copy is made: backups are the server's job.
        """
        with self.engine.connect() as conn, conn.begin():
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
            current = None
            if inspect(conn).has_table("alembic_version"):
                current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            if current == SCHEMA_HEAD:
                return
            if current is not None and not self.knows_revision(current):
                raise NewerSchemaError(
                    f"{self.label} was written by a newer version of this app (schema "
                    f"{current}). Open it with that version; it has not been changed."
                )
            from alembic import command

            cfg = _alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def backup_before_migration(self, revision: str) -> Path:
        assert self.path is not None
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        target = self.path.with_name(f"{self.path.name}.before-{revision}.bak")
        with replacing(target) as partial:
            shutil.copy2(self.path, partial)
        return target

    def check_integrity(self) -> None:
        if self.is_server:  # the server keeps its own integrity: only ask that it answers
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return
        with self.engine.connect() as conn:
            result = conn.execute(text("PRAGMA quick_check")).scalar()
        if result != "ok":
            raise damaged(self.path, str(result))

    def wait_for_integrity_check(self) -> None:
        """Wait for a check started by ``open(check_in_background=True)``; raise if it failed."""
        check, self._pending_check = self._pending_check, None
        if check is not None:
            check.wait()

    # -- units of work ------------------------------------------------------
    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on error."""
        with self._sessions() as session:
            session.info["author"] = self.author  # for services stamping created_by/updated_by
            try:
                yield session
                session.commit()
            except BaseException as exc:
                session.rollback()
                if isinstance(exc, StoredValueError):  # a value no column can hold: say whose
                    raise damage_error(self.path or self.label, exc) from exc
                raise

    def one_writer_at_a_time(self, session: Session) -> None:
        """Within ``session``'s transaction, wait until no other client runs the same kind
        of bulk change (a schema upgrade, a reload of the curated chronology).

        On a server that is a transaction-scoped advisory lock, let go at commit; a
        file is written by one window at a time (its lock), so nothing is needed.
        """
        if self.is_server:
            session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})

    def close(self) -> None:
        if self._pending_check is not None:  # its connection must not outlive ours
            self._pending_check.join()
            self._pending_check = None
        self.engine.dispose()


_SAID_BY_OPEN = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_FULL)
"""Failures ``Database.open`` words itself: damage (a backup is offered), a full disk."""


@contextmanager
def _transactional_ddl(conn: Connection) -> Iterator[None]:
    """Let SQLite's own BEGIN cover DDL too, so a failed migration rolls back whole.

    Python's sqlite3 driver opens a transaction only before INSERT, UPDATE or
    DELETE: a CREATE TABLE before them would be committed at once. For the
    length of the block the driver leaves transactions to SQL, and BEGIN is
    issued when SQLAlchemy begins one.
    """
    driver = conn.connection.driver_connection
    if conn.dialect.name != "sqlite" or not isinstance(driver, sqlite3.Connection):
        yield
        return
    legacy = driver.isolation_level
    driver.isolation_level = None

    def begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    event.listen(conn, "begin", begin)
    try:
        yield
    finally:
        event.remove(conn, "begin", begin)
        driver.isolation_level = legacy
