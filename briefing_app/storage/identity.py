"""Who is editing: the name stamped on the notes, events, excerpts and points they write."""

from __future__ import annotations

import getpass

__all__ = ["MAX_AUTHOR_CHARS", "clean_author", "default_author"]

MAX_AUTHOR_CHARS = 120


def clean_author(name: str) -> str:
    """One line, trimmed to what the columns hold."""
    return " ".join(name.split())[:MAX_AUTHOR_CHARS]


def default_author() -> str:
    """The login name, until the user sets another; never empty."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        name = ""
    return clean_author(name) or "unknown"
