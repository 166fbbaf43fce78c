"""Files are written beside their target and renamed only once complete."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from briefing_app.storage import files
from briefing_app.storage.files import (
    describe_os_error,
    not_written,
    open_replacing,
    partial_files,
    replacing,
    write_bytes,
    write_text,
)


def test_a_complete_write_replaces_the_file_and_leaves_nothing_beside(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_text(target, "new,text\r\n", newline="")
    assert target.read_bytes() == b"new,text\r\n"
    assert target.stat().st_mode & 0o777 == 0o640  # the user's permissions are kept
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_nothing_reaches_the_target_until_the_block_completes(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")
    with open_replacing(target, "wb") as fh:
        fh.write(b"half of it")
        assert target.read_bytes() == b"old"
        (hidden,) = partial_files(target)
        assert hidden.parent == tmp_path and hidden.name.startswith(".out.json.")
    assert target.read_bytes() == b"half of it"


def test_a_failure_inside_leaves_the_old_file_and_removes_the_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), open_replacing(target, "w") as fh:
        fh.write("partial")
        raise RuntimeError("the writer failed")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_a_full_disk_at_sync_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files, "_fsync", full)
    target = tmp_path / "out.png"
    target.write_bytes(b"old picture")
    with pytest.raises(OSError) as caught:
        write_bytes(target, b"new picture" * 1000)
    assert target.read_bytes() == b"old picture"
    assert [p.name for p in tmp_path.iterdir()] == ["out.png"]
    assert describe_os_error(caught.value).startswith("the disk is full")


def test_a_write_on_a_full_device_fails_in_words(tmp_path: Path) -> None:
    """/dev/full is a real device that answers every write with ENOSPC."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    with pytest.raises(OSError) as caught, open("/dev/full", "wb") as fh:
        fh.write(b"x" * 10_000)
        fh.flush()
    assert "disk is full" in not_written("/dev/full", caught.value)


def test_leftovers_of_a_killed_write_go_with_the_next_complete_one(tmp_path: Path) -> None:
    target = tmp_path / "briefing.pdf"
    target.write_bytes(b"old")
    leftover = tmp_path / ".briefing.pdf.0badf00d.partial"
    leftover.write_bytes(b"half a PDF")
    other = tmp_path / ".notes.json.0badf00d.partial"
    other.write_bytes(b"another file's")
    write_bytes(target, b"new")
    assert sorted(p.name for p in tmp_path.iterdir()) == [other.name, "briefing.pdf"]


def test_a_folder_is_not_replaced(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError), replacing(tmp_path):
        pass
    assert tmp_path.is_dir()


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EACCES, "permission denied"),
        (errno.EROFS, "the disk is read-only"),
        (errno.ENOENT, "the folder does not exist"),
    ],
)
def test_errors_are_said_in_words(code: int, words: str) -> None:
    message = not_written("out.pdf", OSError(code, os.strerror(code)))
    assert words in message and "Errno" not in message
    assert message.startswith("out.pdf was not written")
