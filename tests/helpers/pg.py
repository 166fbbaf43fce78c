"""Databases on the test PostgreSQL server: a fresh one per test, copied from a template.

``.ci/with-postgres`` starts a throw-away server and sets ``BRIEFING_TEST_PG_URL``;
without it the tests that need a server are skipped (and fail under CI, where
the server must be there).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url

ENV = "BRIEFING_TEST_PG_URL"


def server_url() -> URL | None:
    raw = os.environ.get(ENV)
    return make_url(raw) if raw else None


class PgServer:
    """The test server: makes and drops databases through an autocommit connection."""

    def __init__(self, url: URL) -> None:
        self.url = url
        self._admin: Engine = create_engine(url, isolation_level="AUTOCOMMIT", pool_size=1)
        self._template: str | None = None

    def url_for(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def _create(self, name: str, template: str | None = None) -> None:
        with self._admin.connect() as conn:
            copy = f' TEMPLATE "{template}"' if template else ""
            conn.execute(text(f'CREATE DATABASE "{name}"{copy}'))

    def drop(self, name: str) -> None:
        with self._admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    @contextmanager
    def empty_database(self) -> Iterator[str]:
        """The URL of a new, empty database, dropped afterwards."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        self._create(name)
        try:
            yield self.url_for(name)
        finally:
            self.drop(name)

    @contextmanager
    def library_database(self) -> Iterator[str]:
        """A database holding the shipped chronology, copied from one loaded once."""
        if self._template is None:
            from briefing_app.services.library import open_library

            name = f"tpl_{uuid.uuid4().hex[:12]}"
            self._create(name)
            open_library(self.url_for(name)).close()
            self._template = name
        name = f"t_{uuid.uuid4().hex[:12]}"
        self._create(name, self._template)
        try:
            yield self.url_for(name)
        finally:
            self.drop(name)

    def close(self) -> None:
        if self._template is not None:
            self.drop(self._template)
        self._admin.dispose()
