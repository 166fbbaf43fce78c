from __future__ import annotations

import pytest

from briefing_app.domain.anchoring import (
    AmbiguousQuote,
    QuoteNotFound,
    find_quote,
    relocate,
    selector_for,
)

TEXT = "Alpha beta. The same sentence. Gamma delta. The same sentence. Epsilon."


def test_find_unique_quote_records_context() -> None:
    a = find_quote(TEXT, "Gamma delta")
    assert TEXT[a.start : a.end] == "Gamma delta"
    assert a.prefix.endswith("The same sentence. ")
    assert a.suffix.startswith(". The same")


def test_repeated_quote_needs_an_occurrence() -> None:
    with pytest.raises(AmbiguousQuote):
        find_quote(TEXT, "The same sentence.")
    second = find_quote(TEXT, "The same sentence.", occurrence=2)
    assert second.start == TEXT.rindex("The same sentence.")


def test_missing_quote_is_an_error() -> None:
    with pytest.raises(QuoteNotFound):
        find_quote(TEXT, "gamma delta")  # case differs: not verbatim


def test_relocate_after_offsets_shift() -> None:
    anchor = find_quote(TEXT, "The same sentence.", occurrence=2)
    edited = "A new opening paragraph. " + TEXT
    moved = relocate(edited, anchor)
    assert moved is not None
    assert moved.start == anchor.start + len("A new opening paragraph. ")
    assert edited[moved.start : moved.end] == anchor.exact


def test_relocate_uses_context_to_pick_the_right_repeat() -> None:
    anchor = find_quote(TEXT, "The same sentence.", occurrence=1)
    # Delete text before the first repeat so offsets now point at garbage.
    edited = TEXT.replace("Alpha beta. ", "")
    moved = relocate(edited, anchor)
    assert moved is not None
    assert moved.start == edited.index("The same sentence.")


def test_relocate_reports_a_vanished_quote() -> None:
    anchor = find_quote(TEXT, "Gamma delta")
    assert relocate(TEXT.replace("Gamma delta", "Something else"), anchor) is None


def test_selector_rejects_bad_span() -> None:
    with pytest.raises(ValueError):
        selector_for("abc", 2, 2)
