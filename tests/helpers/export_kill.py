"""``main.py export`` that kills itself (SIGKILL) at a chosen moment of writing its file.

Run as a child process by tests/reliability/test_export_kill.py:
``python -m tests.helpers.export_kill WHEN main.py-arguments...``, where WHEN
is ``page:N`` (as the PDF's N-th page starts) or ``rename`` (the file complete
beside its target, just before it is renamed over it).
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

from briefing_app import cli
from briefing_app.export import pdf_sinks
from briefing_app.storage import files


def _die() -> None:
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def main(when: str, argv: list[str]) -> int:
    if when == "rename":
        files._fsync = lambda _fd: _die()  # type: ignore[assignment]
    else:
        kill_at = int(when.removeprefix("page:"))
        real = pdf_sinks.PdfSink.new_page
        pages = 0

        def new_page(self: Any, size: Any) -> Any:
            nonlocal pages
            pages += 1
            if pages == kill_at:
                _die()
            return real(self, size)

        pdf_sinks.PdfSink.new_page = new_page  # type: ignore[method-assign]
    return cli.main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
