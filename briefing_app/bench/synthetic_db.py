"""A deterministic synthetic chronology of any size, written straight into a database.

The shape follows the benchmark issue (and the data vis-timeline was measured
on): N events uniformly over 1999-01-01..2025-12-31 in six lanes, titles of
20–60 characters, 80% single days, 15% ranges of 1–400 days, 5% month- or
year-precision events, bursts of a hundred events inside one week (events
whose index modulo 2,000 is below 100), one to three excerpts each over a few
hundred synthetic sources, and annotations on a tenth of the events.
"""

from __future__ import annotations

import hashlib
import os
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Connection, insert, text

from briefing_app.domain.dates import PartialDate, Precision
from briefing_app.domain.model import LANES
from briefing_app.storage.database import Database
from briefing_app.storage.models import AnnotationRow, EventRow, ExcerptRow, SourceRow

__all__ = [
    "BuildReport",
    "TargetExists",
    "build_synthetic",
    "make_database",
    "RARE_WORD",
    "COMMON_WORD",
    "PHRASE",
]

FIRST = date(1999, 1, 1)
LAST = date(2025, 12, 31)
RARE_WORD = "quillwort"  # appears in exactly one title
COMMON_WORD = "defence"
PHRASE = '"joint procurement"'
_WORDS = (
    "summit council defence fund strategic compass accession sanctions package exercise "
    "deployment brigade treaty review air policing mission procurement ammunition initiative "
    "pledge ministers agreed plan joint projects talks brussels eastern flank border crisis "
    "partnership declaration readiness force capability industry budget"
).split()
_SOURCE_COUNT = 300
_SOURCE_CHARS = 6000


@dataclass(frozen=True)
class BuildReport:
    events: int
    excerpts: int
    annotations: int
    sources: int
    seconds: float

    @property
    def rows(self) -> int:
        return self.events + self.excerpts + self.annotations + self.sources

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize() + "."


def _source_text(rng: random.Random) -> str:
    parts: list[str] = []
    size = 0
    while size < _SOURCE_CHARS:
        paragraph = " ".join(_sentence(rng, rng.randint(8, 20)) for _ in range(4))
        parts.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(parts)


def _title(rng: random.Random) -> str:
    target = rng.randint(20, 60)
    words: list[str] = []
    while len(" ".join(words)) < target:
        words.append(rng.choice(_WORDS))
    return " ".join(words)[:target].rstrip().capitalize()


def _when(
    rng: random.Random, index: int, burst_day: dict[int, date]
) -> tuple[PartialDate, PartialDate | None]:
    span = (LAST - FIRST).days
    if index % 2000 < 100:
        base = burst_day.setdefault(index // 2000, FIRST + timedelta(days=rng.randrange(span - 7)))
        day = base + timedelta(days=rng.randrange(7))
    else:
        day = FIRST + timedelta(days=rng.randrange(span))
    roll = rng.random()
    if roll < 0.80:
        return PartialDate(day), None
    if roll < 0.95:
        end = min(day + timedelta(days=rng.randint(1, 400)), LAST)
        return PartialDate(day), PartialDate(end)
    precision = Precision.MONTH if rng.random() < 0.6 else Precision.YEAR
    return PartialDate(day, precision), None


BATCH = 10_000
"""Events generated and written at a time: memory stays flat whatever ``n`` is."""


def _flush(
    conn: Connection,
    events: list[dict[str, object]],
    excerpts: list[dict[str, object]],
    notes: list[dict[str, object]],
) -> None:
    """Write one batch (events before the rows that point at them) and empty the lists."""
    for row, batch in ((EventRow, events), (ExcerptRow, excerpts), (AnnotationRow, notes)):
        if batch:
            conn.execute(insert(row), batch)
        batch.clear()


def build_synthetic(
    db: Database,
    n: int,
    seed: int = 2025,
    progress: Callable[[int], None] | None = None,
) -> BuildReport:
    """Fill an empty database with ``n`` synthetic events; deterministic from ``seed``.

    Rows are generated and inserted a batch at a time inside one transaction, so a
    million events need tens of megabytes, not gigabytes; ``progress`` hears how many
    events are written so far."""
    rng = random.Random(seed)
    began = time.perf_counter()
    now = datetime(2025, 12, 31, 12, 0, 0)
    texts = [_source_text(rng) for _ in range(_SOURCE_COUNT)]
    with db.engine.begin() as conn:
        conn.execute(
            insert(SourceRow),
            [
                {
                    "pk": i + 1,
                    "file": f"synthetic-{i:03d}.txt",
                    "content_hash": hashlib.sha256(t.encode()).hexdigest(),
                    "title": _title(rng),
                    "outlet": rng.choice(("Wire A", "Wire B", "Daily C", "Weekly D")),
                    "author": None,
                    "published": (FIRST + timedelta(days=rng.randrange(9000))).isoformat(),
                    "published_precision": "day",
                    "language": "en",
                    "url": None,
                    "notes": None,
                    "text": t,
                    "text_sha256": hashlib.sha256(t.encode()).hexdigest(),
                    "body_start": 0,
                    "body_end": len(t),
                    "origin": "user",
                    "added_at": now,
                }
                for i, t in enumerate(texts)
            ],
        )
        events: list[dict[str, object]] = []
        excerpts: list[dict[str, object]] = []
        notes: list[dict[str, object]] = []
        burst_day: dict[int, date] = {}
        rare_at = n // 2
        excerpt_count = note_count = 0
        for i in range(n):
            if events and i % BATCH == 0:
                excerpt_count += len(excerpts)
                note_count += len(notes)
                _flush(conn, events, excerpts, notes)
                if progress:
                    progress(i)
            start, end = _when(rng, i, burst_day)
            title = _title(rng)
            if i == rare_at:
                title = f"{title[:40]} {RARE_WORD}"
            last = (end or start).last_day
            events.append(
                {
                    "pk": i + 1,
                    "id": f"syn-{i:06d}",
                    "title": title,
                    "start": start.iso(),
                    "start_precision": start.precision.value,
                    "end": end.iso() if end else None,
                    "end_precision": end.precision.value if end else None,
                    "first_day": start.first_day.toordinal(),
                    "last_day": last.toordinal(),
                    "lane": LANES[rng.randrange(len(LANES))].value,
                    "actors": [],
                    "summary": " ".join(_sentence(rng, rng.randint(8, 16)) for _ in range(2)),
                    "confidence": rng.choice(("high", "high", "medium", "low")),
                    "references": [],
                    "origin": "user",
                    "hidden": False,
                    "retired": False,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            for position in range(rng.randint(1, 3)):
                source = rng.randrange(_SOURCE_COUNT)
                body = texts[source]
                a = rng.randrange(0, len(body) - 300)
                b = a + rng.randint(60, 240)
                excerpts.append(
                    {
                        "uid": f"syn-{i:06d}-{position}",
                        "event_pk": i + 1,
                        "source_pk": source + 1,
                        "start": a,
                        "end": b,
                        "quote": body[a:b],
                        "prefix": body[max(0, a - 40) : a],
                        "suffix": body[b : b + 40],
                        "position": position,
                        "origin": "user",
                        "anchor_status": "exact",
                        "retired": False,
                        "created_at": now,
                    }
                )
            if i % 10 == 0:
                notes.append(
                    {
                        "uid": f"note-{i:06d}",
                        "event_pk": i + 1,
                        "excerpt_pk": None,
                        "body": _sentence(rng, rng.randint(6, 14)),
                        "tags": [rng.choice(("brief", "check", "nato", "eu"))],
                        "talking_point": rng.random() < 0.3,
                        "created_at": now,
                        "updated_at": now,
                    }
                )
        excerpt_count += len(excerpts)
        note_count += len(notes)
        _flush(conn, events, excerpts, notes)
        if progress:
            progress(n)
    with db.engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()
    return BuildReport(
        events=n,
        excerpts=excerpt_count,
        annotations=note_count,
        sources=_SOURCE_COUNT,
        seconds=time.perf_counter() - began,
    )


class TargetExists(Exception):
    """``make_database`` never overwrites: a benchmark file may hold someone's work."""


def make_database(
    target: Path, n: int, seed: int = 2025, progress: Callable[[int], None] | None = None
) -> BuildReport:
    """A new synthetic database at ``target``, built beside it and renamed when complete.

    A build that is interrupted leaves no half-filled file under the target's name."""
    if target.exists():
        raise TargetExists(f"{target} already exists; choose a new file name")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    db = Database.open(partial)
    try:
        report = build_synthetic(db, n, seed, progress)
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)  # empty after the checkpoint
    os.replace(partial, target)
    return report
