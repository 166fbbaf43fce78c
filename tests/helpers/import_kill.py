"""``main.py import`` that kills itself (SIGKILL) at the N-th event or excerpt it writes.

Run as a child process by tests/reliability/test_import_kill.py:
``python -m tests.helpers.import_kill N main.py-arguments...``. N = 1 dies
after the source is written and before its first event.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

from briefing_app import cli
from briefing_app.services import importer


def main(kill_at: int, argv: list[str]) -> int:
    calls = 0

    def dying(real: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            nonlocal calls
            calls += 1
            if calls == kill_at:
                print(f"killing at write {calls}", flush=True)
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)

        return wrapper

    importer.new_user_event_in = dying(importer.new_user_event_in)  # type: ignore[assignment]
    importer.add_excerpt_in = dying(importer.add_excerpt_in)  # type: ignore[assignment]
    return cli.main(argv)


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]), sys.argv[2:]))
