"""The one error an import raises for a file it cannot take.

Every refusal (empty, binary, unknown encoding, too large, no text layer...)
is an ``ImportProblem`` whose message is written for the person importing:
what is wrong with the file and what to do about it. The command line prints
it as it is; the GUI shows it in a message box, as plain text.
"""

from __future__ import annotations

__all__ = ["ImportCancelled", "ImportProblem"]


class ImportProblem(Exception):
    """A file that cannot be imported; ``str(problem)`` says why and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ImportCancelled(Exception):
    """The person importing asked to stop; nothing of the file is kept."""
