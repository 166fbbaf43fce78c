"""The stored articles checked against the SHA-256 recorded when each was stored.

An article's text changed behind the app's back (a hand edit, a damaged
page that still reads as text) would be quoted as if it were the original.
Whoever reads the texts (``check``, the exports, the window's check after
opening) asks here, and names a changed article by its title and file in
one sentence (``changed_message``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from briefing_app.domain.quote_check import text_fingerprint
from briefing_app.storage.database import Database
from briefing_app.storage.models import SourceRow

__all__ = [
    "ChangedSource",
    "StoredText",
    "changed_message",
    "changed_sources",
    "stored_texts",
]

_CHUNK = 50
"""Texts read per query: memory stays bounded by a few articles whatever the library's size."""


@dataclass(frozen=True)
class StoredText:
    """One stored article as the checks need it."""

    title: str
    text: str
    digest: str | None
    """The SHA-256 recorded when the text was stored (None: stored before it was kept)."""

    @property
    def changed(self) -> bool:
        return self.digest is not None and text_fingerprint(self.text) != self.digest


@dataclass(frozen=True)
class ChangedSource:
    """An article whose stored text no longer matches its SHA-256."""

    file: str
    title: str


def _texts(db: Database, files: list[str] | None) -> Iterator[tuple[str, StoredText]]:
    columns = (SourceRow.file, SourceRow.title, SourceRow.text, SourceRow.text_sha256)
    with db.engine.connect() as conn:
        if files is None:
            pks = list(conn.scalars(select(SourceRow.pk).order_by(SourceRow.pk)))
            groups = [pks[i : i + _CHUNK] for i in range(0, len(pks), _CHUNK)]
            for group in groups:
                query = select(*columns).where(SourceRow.pk.in_(group)).order_by(SourceRow.pk)
                for file, title, text, digest in conn.execute(query):
                    yield file, StoredText(title, text, digest)
            return
        for i in range(0, len(files), 500):
            query = select(*columns).where(SourceRow.file.in_(files[i : i + 500]))
            for file, title, text, digest in conn.execute(query):
                yield file, StoredText(title, text, digest)


def stored_texts(db: Database, files: Collection[str]) -> dict[str, StoredText]:
    """For each stored source of ``files``: its title, text and recorded SHA-256."""
    return dict(_texts(db, sorted(set(files))))


def changed_sources(db: Database, files: Collection[str] | None = None) -> list[ChangedSource]:
    """The stored articles (of ``files``, or all) whose text differs from its SHA-256.

    Reads the texts a few at a time, so any number of articles is checked in
    the memory of a few.
    """
    wanted = None if files is None else sorted(set(files))
    found = [ChangedSource(f, t.title) for f, t in _texts(db, wanted) if t.changed]
    return sorted(found, key=lambda c: c.file)


def changed_message(changed: Sequence[ChangedSource]) -> str:
    """One sentence naming every changed article, for the window and the command line."""
    if not changed:
        return ""
    named = "; ".join(f"“{c.title}” ({c.file})" for c in changed)
    if len(changed) == 1:
        head = f"The stored article {named} has changed since it was stored"
    else:
        head = f"{len(changed)} stored articles have changed since they were stored: {named}"
    its = "Its" if len(changed) == 1 else "Their"
    return (
        f"{head} (the text no longer matches the SHA-256 recorded then). {its} quotations "
        "are flagged in every export; import the original again, or restore a backup."
    )
