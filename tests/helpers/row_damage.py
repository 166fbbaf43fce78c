"""Overwriting bytes inside row data, where SQLite's quick_check does not look."""

from __future__ import annotations

from pathlib import Path


def damage_text(path: Path, needle: str, junk: bytes = b"\xff\xfe\xff") -> int:
    """Overwrite the start of every stored copy of ``needle`` with bytes that are not UTF-8.

    The database must be closed (its WAL checkpointed). Returns how many
    copies were hit.
    """
    data = bytearray(path.read_bytes())
    key = needle.encode("utf-8")
    hits, at = 0, data.find(key)
    while at >= 0:
        data[at : at + len(junk)] = junk
        hits += 1
        at = data.find(key, at + len(key))
    path.write_bytes(bytes(data))
    return hits
