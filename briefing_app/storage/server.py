"""A team database on a PostgreSQL server: telling a URL from a path, connecting, migrating.

SQLite stays the default for one laptop; a team points the app at a server
with a URL such as ``postgresql+psycopg://alice@db.example/briefing``. What
SQLite does with PRAGMAs and file copies the server does itself: it keeps its
own integrity, and backups are the server administrator's job (``pg_dump``),
so nothing here copies files. Several clients may open the same database at
once, so migrating takes a server-wide lock first and the second client finds
the schema already current.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

__all__ = [
    "CHANGES_CHANNEL",
    "MIGRATION_LOCK",
    "ChangeFeed",
    "FeedLost",
    "RemoteChange",
    "SERVER_SCHEMES",
    "ServerURLError",
    "describe_url",
    "new_client_name",
    "is_database_url",
    "normalise_url",
    "foreign_tables",
    "server_engine",
    "server_problem",
]

SERVER_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
_URL_START = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")

MIGRATION_LOCK = 0x42524946  # "BRIF": one client migrates, the others wait for it
"""Key of the advisory lock held while the schema is upgraded (or the chronology reloaded)."""


class ServerURLError(ValueError):
    """A database URL this app cannot use, with a message meant for the user."""


def is_database_url(target: object) -> bool:
    """Whether ``target`` names a server (``scheme://…``) rather than a file."""
    return isinstance(target, str) and bool(_URL_START.match(target.strip()))


def normalise_url(target: str) -> URL:
    """The URL with the driver this app ships (psycopg 3), or ``ServerURLError``."""
    try:
        url = make_url(target.strip())
    except ArgumentError as exc:
        raise ServerURLError(f"{target!r} is not a database URL ({exc}).") from exc
    if url.drivername not in SERVER_SCHEMES:
        raise ServerURLError(
            f"{url.drivername}:// is not supported: a team database is a PostgreSQL "
            "server, as in postgresql+psycopg://user@host/database."
        )
    if not url.database:
        raise ServerURLError(
            "The URL names no database: add it after the host, as in "
            "postgresql+psycopg://user@host/briefing."
        )
    return url.set(drivername="postgresql+psycopg")


def describe_url(url: URL | str) -> str:
    """``user@host:port/database`` with no password: for titles, settings and messages."""
    if isinstance(url, str):
        url = make_url(url)
    who = f"{url.username}@" if url.username else ""
    where = url.host or "localhost"
    if url.port:
        where += f":{url.port}"
    return f"{who}{where}/{url.database}"


def new_client_name() -> str:
    """The application_name of one open database: the server stamps it on the change
    notices, so a client can tell its own changes from others'."""
    return f"Briefing Chronology {uuid.uuid4().hex[:12]}"


def server_engine(url: URL, *, client: str, read_only: bool = False) -> Engine:
    """An engine that notices a dropped connection instead of failing the next query.

    ``read_only`` makes every transaction read-only on the server's side, so
    no code path can write by mistake.
    """
    args: dict[str, object] = {"connect_timeout": 10, "application_name": client}
    if read_only:
        args["options"] = "-c default_transaction_read_only=on"
    return create_engine(url, pool_pre_ping=True, pool_size=4, max_overflow=4, connect_args=args)


def server_problem(engine: Engine) -> str | None:
    """Why the server cannot hold a briefing database, or None.

    Generated columns (the search index) need PostgreSQL 12 or newer.
    """
    with engine.connect() as conn:
        version = conn.execute(text("SHOW server_version_num")).scalar()
    if int(str(version)) < 120000:
        return "PostgreSQL 12 or newer is needed (the server runs an older version)."
    return None


def foreign_tables(engine: Engine) -> list[str]:
    """Tables in the database's schema when it has no briefing schema stamp.

    A database that already holds someone else's tables is refused rather than
    filled with ours.
    """
    with engine.connect() as conn:
        names = conn.execute(
            text(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema() ORDER BY table_name"
            )
        ).scalars()
        found = [str(n) for n in names]
    if "alembic_version" in found:
        return []
    return found


CHANGES_CHANNEL = "briefing_changes"
"""Where migration 0004's triggers announce every committed change of the user's work."""


@dataclass(frozen=True, slots=True)
class RemoteChange:
    """One row of the user's work changed by another client: which table, which event or
    briefing it belongs to (None when it is gone with its parent)."""

    table: str
    event_id: str | None
    briefing_uid: str | None


class FeedLost(ConnectionError):
    """The listening connection is gone: other clients' changes no longer arrive."""


class ChangeFeed:
    """Notices of other clients' changes, read on a connection of their own.

    The connection LISTENs and is otherwise idle; its socket (``fileno``) turns
    readable when a notice arrives, so a GUI can wait on it with a socket
    notifier instead of polling, then call ``drain``. Notices of this client's
    own changes (``own_client``, its application_name) are left out.
    """

    def __init__(self, url: URL, own_client: str) -> None:
        import psycopg

        conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
        self._own = own_client
        self._conn = psycopg.connect(
            conninfo,
            autocommit=True,
            connect_timeout=10,
            application_name=f"{own_client} (listening)",
        )
        self._conn.execute(f"LISTEN {CHANGES_CHANNEL}")

    def fileno(self) -> int:
        return self._conn.fileno()

    def drain(self) -> list[RemoteChange]:
        """Every notice waiting now (never blocks); FeedLost when the connection is gone."""
        import psycopg

        out: list[RemoteChange] = []
        try:
            notices = list(self._conn.notifies(timeout=0))
        except psycopg.Error as exc:
            raise FeedLost(f"the connection to the server was lost ({exc})") from exc
        for notice in notices:
            try:
                data = json.loads(notice.payload)
            except ValueError:
                continue
            if not isinstance(data, dict) or data.get("client") == self._own:
                continue
            out.append(
                RemoteChange(str(data.get("table")), data.get("event"), data.get("briefing"))
            )
        return out

    def close(self) -> None:
        self._conn.close()
