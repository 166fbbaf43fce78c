"""Many briefers editing one team database at once: speed, and every edit accounted for.

Each writer is a client of its own (its own connections and author name)
editing a shared set of notes as the app does: read the note, save over the
version it read. A save that meets a newer version is kept beside it as a
conflict, never over it. Afterwards every edit must be found: each
successful save took the note from one version to the next (no two saves
claim the same step, none is missing), and each conflict is a note of its
own with the writer's words, marked ``conflict_of`` the note it lost to.
"""

from __future__ import annotations

import random
import statistics
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select

from briefing_app.services import annotations as notes
from briefing_app.services.library import open_library
from briefing_app.storage.database import Database
from briefing_app.storage.models import AnnotationRow, EventRow

__all__ = ["TeamLoadReport", "run_team_load"]


@dataclass
class TeamLoadReport:
    writers: int
    edits: int
    notes: int
    seconds: float
    saved: int
    conflicts: int
    latencies_ms: list[float] = field(repr=False, default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def edits_per_second(self) -> float:
        return self.edits / self.seconds if self.seconds else 0.0

    @property
    def p95_ms(self) -> float:
        if len(self.latencies_ms) < 2:
            return self.latencies_ms[0] if self.latencies_ms else 0.0
        return statistics.quantiles(self.latencies_ms, n=20)[18]

    @property
    def median_ms(self) -> float:
        return statistics.median(self.latencies_ms) if self.latencies_ms else 0.0

    def lines(self) -> list[str]:
        return [
            f"{self.writers} writers × {self.edits // max(1, self.writers):,} edits on "
            f"{self.notes} shared notes: {self.edits:,} edits in {self.seconds:.1f} s "
            f"({self.edits_per_second:,.0f} edits/s)",
            f"latency per edit (read, then save): median {self.median_ms:.1f} ms, "
            f"p95 {self.p95_ms:.1f} ms",
            f"saved over the version read: {self.saved:,}; kept beside a newer version "
            f"(conflicts): {self.conflicts:,}",
            "every edit accounted for"
            if not self.problems
            else f"{len(self.problems)} edits NOT accounted for",
        ]


@dataclass
class _Writer:
    saved: list[tuple[str, int, str]] = field(default_factory=list)  # (uid, version made, body)
    conflicts: list[tuple[str, str]] = field(default_factory=list)  # (note uid, copy uid)
    latencies_ms: list[float] = field(default_factory=list)
    error: BaseException | None = None


def run_team_load(
    target: str,
    *,
    writers: int = 20,
    edits: int = 1000,
    shared_notes: int = 50,
    seed: int = 1,
    progress: Callable[[str], None] | None = None,
) -> TeamLoadReport:
    """``writers`` clients × ``edits`` note edits on the database at ``target``."""
    setup = open_library(target)  # an empty database gets the shipped chronology first
    try:
        with setup.session() as s:
            event_ids = list(s.scalars(select(EventRow.id).order_by(EventRow.pk).limit(20)))
        if not event_ids:
            raise ValueError("the database has no events to write notes on")
        setup.author = "load-setup"
        uids = [
            notes.create_annotation(
                setup, event_id=event_ids[i % len(event_ids)], body=f"shared note {i}"
            ).uid
            for i in range(shared_notes)
        ]
    finally:
        setup.close()
    clients = [Database.open(target) for _ in range(writers)]
    results = [_Writer() for _ in range(writers)]
    start = threading.Barrier(writers + 1)

    def work(n: int) -> None:
        db, out = clients[n], results[n]
        db.author = f"writer-{n:02d}"
        rng = random.Random(seed * 1000 + n)
        start.wait()
        try:
            for j in range(edits):
                uid = rng.choice(uids)
                body = f"writer {n:02d} edit {j:04d}"
                t0 = time.perf_counter()
                seen = notes.get_annotation(db, uid)
                assert seen is not None
                try:
                    after = notes.update_annotation(
                        db, uid, body=body, expected_version=seen.version
                    )
                    out.saved.append((uid, after.version, body))
                except notes.StaleEdit as stale:
                    copy = notes.keep_beside(
                        db, stale.current, body=body, tags=(), talking_point=False
                    )
                    out.conflicts.append((uid, copy.uid))
                out.latencies_ms.append((time.perf_counter() - t0) * 1000)
        except BaseException as exc:
            out.error = exc

    threads = [threading.Thread(target=work, args=(n,), daemon=True) for n in range(writers)]
    for t in threads:
        t.start()
    start.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - t0
    for db in clients:
        db.close()
    failed = [r.error for r in results if r.error is not None]
    if failed:
        raise RuntimeError(f"a writer failed: {failed[0]!r}") from failed[0]
    report = TeamLoadReport(
        writers=writers,
        edits=writers * edits,
        notes=shared_notes,
        seconds=seconds,
        saved=sum(len(r.saved) for r in results),
        conflicts=sum(len(r.conflicts) for r in results),
        latencies_ms=[ms for r in results for ms in r.latencies_ms],
    )
    if progress:
        progress("checking every edit…")
    report.problems = _account(target, uids, results)
    _remove(target, uids)
    return report


def _remove(target: str, uids: list[str]) -> None:
    """Take the load's notes (and the conflicts kept beside them) out again."""
    db = Database.open(target)
    try:
        with db.session() as s:
            for row in s.scalars(
                select(AnnotationRow).where(
                    AnnotationRow.uid.in_(uids) | AnnotationRow.conflict_of.in_(uids)
                )
            ):
                s.delete(row)
    finally:
        db.close()


def _account(target: str, uids: list[str], results: list[_Writer]) -> list[str]:
    """What cannot be found of the edits reported done (empty when all are)."""
    problems: list[str] = []
    steps = Counter((uid, version) for r in results for uid, version, _ in r.saved)
    last_body = {(uid, version): body for r in results for uid, version, body in r.saved}
    db = Database.open(target)
    try:
        with db.session() as s:
            stored = {
                uid: (version, body)
                for uid, version, body in s.execute(
                    select(AnnotationRow.uid, AnnotationRow.version, AnnotationRow.body).where(
                        AnnotationRow.uid.in_(uids)
                    )
                )
            }
            copies = {
                uid: (body, of)
                for uid, body, of in s.execute(
                    select(AnnotationRow.uid, AnnotationRow.body, AnnotationRow.conflict_of).where(
                        AnnotationRow.conflict_of.in_(uids)
                    )
                )
            }
    finally:
        db.close()
    for (uid, version), count in steps.items():
        if count > 1:
            problems.append(f"note {uid}: {count} saves each claim version {version}")
    for uid in uids:
        version, body = stored.get(uid, (1, None))
        made = {v for (u, v) in steps if u == uid}
        expected = set(range(2, version + 1))
        if made != expected:
            problems.append(f"note {uid}: versions {sorted(expected - made)} have no save")
        if version > 1 and last_body.get((uid, version)) != body:
            problems.append(f"note {uid}: its text is not that of the save that made it")
    for n, r in enumerate(results):
        for uid, copy in r.conflicts:
            body, of = copies.get(copy, (None, None))
            if of != uid or body is None or not body.startswith(f"writer {n:02d} "):
                problems.append(f"writer {n}: the conflict kept for note {uid} is missing")
    return problems
