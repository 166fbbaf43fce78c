"""The launcher's record of what is installed: no pip run when nothing changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app import bootstrap


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[project]\ndependencies = ["a"]\n[project.optional-dependencies]\ntest = ["b"]\n'
        'package = ["p"]\n'
    )
    (tmp_path / ".venv").mkdir()
    monkeypatch.setattr(bootstrap, "PYPROJECT", pyproject)
    monkeypatch.setattr(bootstrap, "STAMP_FILE", tmp_path / ".venv" / ".briefing-installed")
    monkeypatch.setattr(bootstrap, "_venv_python", lambda: pyproject)  # "exists"
    return tmp_path


def _record_pip(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    import subprocess

    calls: list[list[str]] = []

    def fake_run(cmd: list[str], check: bool) -> subprocess.CompletedProcess[str]:
        calls.append(cmd[cmd.index("-q") + 1 :])
        return subprocess.CompletedProcess(cmd, 0)

    monkeypatch.setattr(subprocess, "run", fake_run)
    return calls


def test_the_app_after_the_tests_installs_nothing(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _record_pip(monkeypatch)
    bootstrap._install("test")
    bootstrap._install("app")
    bootstrap._install("test")
    assert calls == [["a", "b", "p"]]


def test_the_tests_after_the_app_install_their_tools_once(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _record_pip(monkeypatch)
    bootstrap._install("app")
    bootstrap._install("test")
    bootstrap._install("app")
    bootstrap._install("test")
    assert calls == [["a"], ["a", "b", "p"]]


def test_the_build_tools_come_with_the_tests_or_on_their_own(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _record_pip(monkeypatch)
    bootstrap._install("package")
    bootstrap._install("app")
    bootstrap._install("package")
    bootstrap._install("test")
    bootstrap._install("package")
    assert calls == [["a", "p"], ["a", "b", "p"]]


def test_each_command_names_its_set() -> None:
    assert bootstrap._kind([]) == "app"
    assert bootstrap._kind(["check"]) == "app"
    assert bootstrap._kind(["test", "-x"]) == "test"
    assert bootstrap._kind(["package"]) == "package"


def test_an_edited_project_file_installs_again(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _record_pip(monkeypatch)
    bootstrap._install("app")
    (project / "pyproject.toml").write_text(
        '[project]\ndependencies = ["a", "c"]\n[project.optional-dependencies]\ntest = ["b"]\n'
        'package = ["p"]\n'
    )
    bootstrap._install("app")
    assert calls == [["a"], ["a", "c"]]
