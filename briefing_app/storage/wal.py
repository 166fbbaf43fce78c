"""Saved changes a damaged write-ahead log would silently drop, counted before opening.

SQLite keeps committed transactions in ``NAME-wal`` until they are copied
into the file. Each frame of the log carries a checksum chained from the one
before: SQLite reads up to the first frame that does not check and ignores
everything after it, so a few bytes overwritten early in the log make it
drop later committed transactions without a word. This module reads the log
the way SQLite does (https://www.sqlite.org/fileformat.html#the_write_ahead_log)
and counts the commits that stand, intact, after the first bad frame.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

__all__ = ["WalDamage", "wal_damage"]

_MAGIC_LE, _MAGIC_BE = 0x377F0682, 0x377F0683
_HEADER = 32
_FRAME_HEADER = 24
_MASK = 0xFFFFFFFF


@dataclass(frozen=True)
class WalDamage:
    """Commits in the log that SQLite would not read: ``lost`` after frame ``first_bad``."""

    wal: Path
    first_bad: int
    lost: int


def _checksum(data: bytes, big_endian: bool, s0: int, s1: int) -> tuple[int, int]:
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & _MASK
        s1 = (s1 + words[i + 1] + s0) & _MASK
    return s0, s1


def wal_damage(database: Path) -> WalDamage | None:
    """The committed transactions a damaged ``database-wal`` would lose, or None if none."""
    wal = database.with_name(database.name + "-wal")
    try:
        data = wal.read_bytes()
    except OSError:
        return None
    if len(data) < _HEADER:
        return None
    magic, _version, page_size, _seq, salt1, salt2, c0, c1 = struct.unpack(">8I", data[:_HEADER])
    if magic not in (_MAGIC_LE, _MAGIC_BE) or not 512 <= page_size <= 65536:
        return _damaged_header(wal, data)
    big = magic == _MAGIC_BE
    if _checksum(data[:24], big, 0, 0) != (c0, c1):
        return _damaged_header(wal, data)
    frame = _FRAME_HEADER + page_size
    s0, s1 = c0, c1
    first_bad: int | None = None
    lost = 0
    for n, at in enumerate(range(_HEADER, len(data) - frame + 1, frame)):
        head = data[at : at + _FRAME_HEADER]
        _page, commit, f_salt1, f_salt2, f0, f1 = struct.unpack(">6I", head)
        if (f_salt1, f_salt2) != (salt1, salt2):
            # The end of this generation of the log (older frames follow, which never
            # carry its salts), or a frame whose salts were overwritten.
            if first_bad is None:
                first_bad = n + 1
            s0, s1 = f0, f1
            continue
        body = data[at + _FRAME_HEADER : at + frame]
        expected = _checksum(body, big, *_checksum(head[:8], big, s0, s1))
        if first_bad is None:
            if expected != (f0, f1):
                first_bad = n + 1
        elif expected == (f0, f1) and commit:
            lost += 1  # intact and committed, but behind the bad frame
        s0, s1 = f0, f1  # after damage, each frame is checked against the one before it
    if first_bad is None or lost == 0:
        return None
    return WalDamage(wal, first_bad, lost)


def _damaged_header(wal: Path, data: bytes) -> WalDamage | None:
    """A header that does not check makes SQLite ignore the whole log: any commit is lost."""
    for page_size in (4096, 1024, 2048, 8192, 16384, 32768, 65536, 512):
        frame = _FRAME_HEADER + page_size
        if (len(data) - _HEADER) % frame == 0 and len(data) > _HEADER:
            commits = sum(
                1
                for at in range(_HEADER, len(data), frame)
                if struct.unpack(">I", data[at + 4 : at + 8])[0]
            )
            return WalDamage(wal, 0, commits) if commits else None
    return None
