"""Writing a file so that a kill, a crash or a full disk never leaves half of it.

Every file the app writes is written under a hidden temporary name in the
target's own folder (so the rename never crosses a file system), flushed to
the disk, and renamed over the target only once complete. Until that rename
the file that was there, if any, is untouched; on any failure the temporary
file is removed. A process killed part-way leaves only its hidden
``.NAME.*.partial`` file, which the next completed write of NAME removes.

``describe_os_error`` turns the system's error into words for the user
("the disk is full"), for the command line and the window alike.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

__all__ = [
    "PARTIAL_SUFFIX",
    "describe_os_error",
    "not_written",
    "open_replacing",
    "partial_files",
    "replacing",
    "scratch_beside",
    "write_bytes",
    "write_text",
]

PARTIAL_SUFFIX = ".partial"

_WORDS = {
    errno.ENOSPC: "the disk is full (no space left on the device)",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "part of the path is not a folder",
    errno.EISDIR: "it is a folder",
    errno.ENAMETOOLONG: "the name is too long",
    errno.EFBIG: "the file is larger than this system allows",
    errno.EIO: "the device reported an input/output error",
}


def describe_os_error(exc: OSError) -> str:
    """The error in plain words, without the errno number Python puts in front."""
    words = _WORDS.get(exc.errno or 0)
    if words is not None:
        return words
    return exc.strerror or str(exc) or type(exc).__name__


def not_written(path: str | os.PathLike[str], exc: OSError) -> str:
    """One sentence for a write that failed: what, why in words, and that nothing was lost."""
    return (
        f"{path} was not written: {describe_os_error(exc)}. "
        "A file already there under that name is unchanged."
    )


def _fsync(fd: int) -> None:
    os.fsync(fd)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        _fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the data itself is synced
    finally:
        os.close(fd)


def partial_files(path: Path) -> list[Path]:
    """The temporary files of unfinished writes of ``path`` (left by a killed process)."""
    folder = path.parent
    prefix = f".{path.name}."
    try:
        return sorted(
            p
            for p in folder.iterdir()
            if p.name.startswith(prefix) and p.name.endswith(PARTIAL_SUFFIX)
        )
    except OSError:
        return []


def _new_partial(path: Path) -> Path:
    """Create an empty, uniquely named temporary file beside ``path`` (umask applies)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        candidate = path.with_name(f".{path.name}.{secrets.token_hex(4)}{PARTIAL_SUFFIX}")
        try:
            fd = os.open(candidate, flags, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return candidate
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(path))


@contextmanager
def scratch_beside(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary file beside ``path`` for intermediate work, always removed afterwards."""
    scratch = _new_partial(Path(path))
    try:
        yield scratch
    finally:
        scratch.unlink(missing_ok=True)


@contextmanager
def replacing(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the block ends, it becomes ``path``.

    Whatever the block writes to the temporary path (by any means: Python,
    SQLite, Qt) is synced to the disk and renamed over ``path``. If the block
    raises, or the sync or rename fails, the temporary file is removed and
    ``path`` is left as it was. An existing target's permissions are kept.
    """
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
    temporary = _new_partial(target)
    try:
        yield temporary
        fd = os.open(temporary, os.O_RDWR | getattr(os, "O_BINARY", 0))
        try:
            _fsync(fd)
        finally:
            os.close(fd)
        if target.exists():
            with contextlib.suppress(OSError):
                shutil.copymode(target, temporary)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _fsync_folder(target.parent)
    for leftover in partial_files(target):
        with contextlib.suppress(OSError):
            leftover.unlink()


@contextmanager
def open_replacing(
    path: str | os.PathLike[str],
    mode: str = "w",
    *,
    encoding: str | None = "utf-8",
    newline: str | None = None,
) -> Iterator[IO[Any]]:
    """``open(path, mode)`` that replaces ``path`` only once the block completes.

    ``mode`` is ``"w"`` (text, ``encoding`` and ``newline`` apply) or ``"wb"``.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"open_replacing writes a whole file: mode 'w' or 'wb', not {mode!r}")
    with replacing(path) as temporary:
        if mode == "wb":
            fh: IO[Any] = open(temporary, "wb")  # noqa: SIM115 - closed below
        else:
            fh = open(temporary, "w", encoding=encoding, newline=newline)  # noqa: SIM115
        with fh:
            yield fh
            fh.flush()


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` as the whole of ``path``, replacing it only once complete."""
    with open_replacing(path, "wb") as fh:
        fh.write(data)


def write_text(
    path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8", newline: str | None = None
) -> None:
    """Write ``text`` as the whole of ``path``, replacing it only once complete."""
    with open_replacing(path, "w", encoding=encoding, newline=newline) as fh:
        fh.write(text)
