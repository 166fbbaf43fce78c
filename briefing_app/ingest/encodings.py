"""Turning a file's bytes into text, or saying plainly why they are not text.

The order is the one that gets real files right: a byte-order mark decides;
then UTF-8 (nearly every file saved today); then the charset a web page
declares; then charset-normalizer, restricted to the encodings our languages
are written in and held to a confidence threshold. Below the threshold the
file is refused rather than imported as mojibake, because every excerpt
quoted from it would be wrong.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

from briefing_app.ingest.problems import ImportProblem

__all__ = ["Decoded", "decode_bytes", "refuse_binary"]

# What detection may choose from, in the order preferred when several read equally
# well: Western European first (as browsers do), then Cyrillic, Central European,
# Greek and Turkish, then the old DOS and Mac pages.
_CANDIDATES = (
    "cp1252",
    "iso8859_15",
    "cp1251",
    "koi8_r",
    "iso8859_5",
    "cp1250",
    "iso8859_2",
    "cp1257",
    "cp1253",
    "iso8859_7",
    "cp1254",
    "mac_roman",
    "cp850",
    "cp437",
)
_MAX_CHAOS = 0.15
"""charset-normalizer's mess ratio above which a reading is refused."""
_MAX_ODDNESS = 0.03
"""Stray signs per character (see ``_oddness``) above which a reading is refused."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_PROSE_MARKS = frozenset(".,;:!?¿¡'\"()[]-–—…«»“”‘’„%/&*+=#@€$£§°·•")


@dataclass(frozen=True, slots=True)
class Decoded:
    """A file's text and the encoding it was read in."""

    text: str
    encoding: str
    detected: bool = False
    """True when the encoding was guessed rather than declared or UTF-8."""


def refuse_binary(raw: bytes) -> None:
    """Raise when ``raw`` is not text at all: NUL bytes or many control characters."""
    sample = raw[: 1 << 16]
    if b"\x00" in sample:
        raise ImportProblem(
            "This is a binary file, not text (it contains NUL bytes). Import the article "
            "as plain text, Markdown, an HTML page saved from the browser, or a PDF."
        )
    controls = sum(1 for b in sample if (b < 32 and b not in _TEXT_CONTROLS) or b == 127)
    if sample and controls > max(2, len(sample) // 100):
        raise ImportProblem(
            f"This file is not text: {controls} of its first {len(sample)} bytes are control "
            "characters. Import the article as plain text, Markdown, HTML or PDF."
        )


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 with no BOM shows as a NUL in every other byte of ASCII text."""
    sample = raw[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _strict(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _refuse_truncated_utf8(raw: bytes, error: UnicodeDecodeError) -> None:
    """A file of good UTF-8 that stops inside a character was cut short, not mis-encoded."""
    if error.start < len(raw) - 3 or error.reason != "unexpected end of data":
        return
    head = raw[: error.start]
    if head.isascii():
        return  # nothing shows it is UTF-8: let detection try other encodings
    raise ImportProblem(
        "The file ends in the middle of a character: it looks cut short (an incomplete "
        "download or copy). Save or download the article again, then import it."
    )


def _normalise_declared(name: str | None) -> str | None:
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    # As browsers do: a page that says Latin-1 or ASCII is read as Windows-1252.
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def _oddness(text: str) -> float:
    """How unlike prose a reading is: 0 for clean text, more for every stray sign.

    A wrong single-byte reading turns accented letters into symbols ("³", "¤"),
    puts them inside words ("zapowiedzia³"), mixes alphabets in one word
    ("stratйgique") or makes endless words of them; real prose does none of these.
    """
    visible = 0
    penalty = 0.0
    for word in text[:200_000].split():
        visible += len(word)
        if len(word) > 40 and not word.isascii():
            penalty += len(word)  # no language writes words this long: not text
            continue
        latin = any("a" <= c <= "z" or "A" <= c <= "Z" for c in word)
        for i, c in enumerate(word):
            if c.isalpha():
                if latin and not unicodedata.name(c, "LATIN").startswith("LATIN"):
                    penalty += 3
            elif not (c.isdecimal() or c in _PROSE_MARKS):
                inside = 0 < i < len(word) - 1 and word[i - 1].isalpha()
                penalty += 3 if inside else 1
    return penalty / visible if visible else 1.0


def _readings(raw: bytes) -> list[str]:
    """Encodings charset-normalizer finds plausible (with those that read the same)."""
    from charset_normalizer import from_bytes  # loaded on first use

    names: list[str] = []
    for match in from_bytes(raw, cp_isolation=list(_CANDIDATES)):
        if match.chaos > _MAX_CHAOS:
            continue
        for name in [match.encoding, *match.could_be_from_charset]:
            if name in _CANDIDATES and name not in names:
                names.append(name)
    return names


def _detect(raw: bytes) -> Decoded:
    rank = {name: i for i, name in enumerate(_CANDIDATES)}
    scored: list[tuple[float, int, str, str]] = []
    for name in _readings(raw):
        text = _strict(raw, name)
        if text is not None:
            scored.append((round(_oddness(text), 3), rank[name], name, text))
    if scored:
        oddness, _rank, name, text = min(scored)
        if oddness <= _MAX_ODDNESS:
            return Decoded(text, name, detected=True)
    raise ImportProblem(
        "The file is not UTF-8, and no common encoding reads it as text with confidence, "
        "so it was not imported (its quotes would be garbled). Open it in a text editor, "
        "save it as UTF-8, then import it again."
    )


def decode_bytes(raw: bytes, declared: str | None = None) -> Decoded:
    """``raw`` as text: BOM, then UTF-8, then ``declared``, then careful detection.

    Raises ImportProblem for binary data, a truncated UTF-8 file, or bytes no
    encoding reads with confidence. A BOM is not part of the text.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            text = _strict(raw[len(bom) :], encoding)
            if text is None:
                raise ImportProblem(
                    f"The file starts with a {encoding.upper()} byte-order mark but is not "
                    f"valid {encoding.upper()} after it: it is damaged or cut short. Save it "
                    "again as UTF-8, then import it."
                )
            return Decoded(text, encoding)
    wide = _utf16_without_bom(raw)
    if wide:
        text = _strict(raw, wide)
        if text is not None:
            return Decoded(text, wide, detected=True)
    refuse_binary(raw)
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        _refuse_truncated_utf8(raw, exc)
    codec = _normalise_declared(declared)
    if codec:
        text = _strict(raw, codec)
        if text is not None:
            return Decoded(text, codec)
    return _detect(raw)
