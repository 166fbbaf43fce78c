"""Checking a quotation against the stored article it claims to come from.

What a briefer hands on must quote the article verbatim. Before an export
prints a passage, the passage is compared with the stored text at its offsets,
and the stored text with the SHA-256 fingerprint recorded when it was stored:
a text changed behind the application's back, or offsets that no longer hold
the quote, make the passage flagged instead of a clean quotation.
"""

from __future__ import annotations

import hashlib
from enum import StrEnum

__all__ = ["QuoteFault", "check_quote", "text_fingerprint"]


class QuoteFault(StrEnum):
    """Why a passage failed the check: said beside it in the export."""

    SOURCE_MISSING = "the article it cites is no longer stored"
    TEXT_CHANGED = (
        "the stored article no longer matches the SHA-256 fingerprint taken when it was stored"
    )
    NO_FINGERPRINT = "the stored article has no SHA-256 fingerprint to check it against"
    QUOTE_MOVED = "the stored article does not hold this passage at its place"


def text_fingerprint(text: str) -> str:
    """The SHA-256 of a stored text (UTF-8), as kept beside it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_quote(
    text: str | None, fingerprint: str | None, start: int, end: int, quote: str
) -> QuoteFault | None:
    """None when ``quote`` is exactly ``text[start:end]`` of an intact text; else why not.

    ``text`` is None for a source that is not stored; ``fingerprint`` is the
    SHA-256 recorded with it.
    """
    if text is None:
        return QuoteFault.SOURCE_MISSING
    if not fingerprint:
        return QuoteFault.NO_FINGERPRINT
    if text_fingerprint(text) != fingerprint:
        return QuoteFault.TEXT_CHANGED
    if not quote or not 0 <= start < end <= len(text) or text[start:end] != quote:
        return QuoteFault.QUOTE_MOVED
    return None
