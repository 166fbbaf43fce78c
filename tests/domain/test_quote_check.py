"""A quotation is clean only when it is the intact stored text at its offsets."""

from __future__ import annotations

from briefing_app.domain.quote_check import QuoteFault, check_quote, text_fingerprint

TEXT = "The Council adopted the Strategic Compass on 21 March 2022."
QUOTE = "adopted the Strategic Compass"
START = TEXT.index(QUOTE)


def test_the_exact_passage_of_an_intact_text_passes() -> None:
    assert check_quote(TEXT, text_fingerprint(TEXT), START, START + len(QUOTE), QUOTE) is None


def test_a_passage_that_is_not_at_its_offsets_fails() -> None:
    digest = text_fingerprint(TEXT)
    assert check_quote(TEXT, digest, START + 1, START + 1 + len(QUOTE), QUOTE) is (
        QuoteFault.QUOTE_MOVED
    )
    assert check_quote(TEXT, digest, START, START + len(QUOTE), "adopted a Strategic Compass") is (
        QuoteFault.QUOTE_MOVED
    )
    assert check_quote(TEXT, digest, START, 10_000, QUOTE) is QuoteFault.QUOTE_MOVED


def test_a_text_changed_since_it_was_fingerprinted_fails_even_where_the_quote_still_is() -> None:
    changed = TEXT.replace("21 March", "22 March")
    fault = check_quote(changed, text_fingerprint(TEXT), START, START + len(QUOTE), QUOTE)
    assert fault is QuoteFault.TEXT_CHANGED


def test_a_missing_source_or_fingerprint_fails() -> None:
    assert check_quote(None, None, 0, 5, "The C") is QuoteFault.SOURCE_MISSING
    assert check_quote(TEXT, None, 0, 3, "The") is QuoteFault.NO_FINGERPRINT


def test_the_fingerprint_is_sha256_of_the_utf8_text() -> None:
    # printf 'é' | sha256sum
    assert text_fingerprint("é") == (
        "4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c"
    )
