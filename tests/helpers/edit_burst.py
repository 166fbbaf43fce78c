"""A burst of annotation edits, each reported on stdout once it is saved.

Run as a child process by tests/reliability/test_kill.py, which kills it at a
random moment: ``python -m tests.helpers.edit_burst DB_PATH SEED``.
"""

from __future__ import annotations

import random
import sys

from briefing_app.services.annotations import create_annotation, update_annotation
from briefing_app.storage.database import Database


def main(path: str, seed: int) -> None:
    rng = random.Random(seed)
    db = Database.open(path)
    uids: list[str] = []
    version: dict[str, int] = {}
    event_ids = ["helsinki-headline-goal", "pesco-established", "crimea-annexation"]
    step = 0
    while True:
        step += 1
        if not uids or rng.random() < 0.2:
            snap = create_annotation(
                db,
                event_id=rng.choice(event_ids),
                body="v0 " + "x" * rng.randint(0, 400),
                tags=["burst"],
            )
            uids.append(snap.uid)
            version[snap.uid] = 0
            print(f"saved {snap.uid} 0", flush=True)
        else:
            uid = rng.choice(uids)
            version[uid] += 1
            body = f"v{version[uid]} " + "y" * rng.randint(0, 2000)
            update_annotation(db, uid, body=body, tags=["burst", f"t{step % 7}"])
            print(f"saved {uid} {version[uid]}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
