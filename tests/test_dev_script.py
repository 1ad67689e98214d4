"""dev.py (the venv bootstrap) and .ci/run (what CI executes): install only when needed, fail on no tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def dev(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[ModuleType, list[list[str]]]:
    """dev.py loaded as a module, pointed at a scratch repo whose .venv already has a python."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("dev_under_test", ROOT / "dev.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    venv = tmp_path / ".venv"
    python = venv / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text("")
    monkeypatch.setattr(module, "ROOT", tmp_path)
    monkeypatch.setattr(module, "VENV", venv)
    monkeypatch.setattr(module, "PYTHON", python)
    monkeypatch.setattr(module, "STAMP", venv / ".stamp")
    commands: list[list[str]] = []

    def fake_run(command: list[str]) -> int:
        commands.append(command)
        return 0

    monkeypatch.setattr(module, "run", fake_run)
    return module, commands


def test_installs_once_then_only_when_pyproject_changes(dev: tuple[ModuleType, list[list[str]]]) -> None:
    module, commands = dev

    module.ensure_venv()
    assert len(commands) == 1 and commands[0][-4:] == ["install", "--quiet", "-e", ".[dev]"]
    module.ensure_venv()
    assert len(commands) == 1, "an unchanged pyproject.toml must not trigger a reinstall"

    (module.ROOT / "pyproject.toml").write_text("[project]\nname = 'x'\nversion = '2'\n")
    module.ensure_venv()
    assert len(commands) == 2


def test_failed_install_leaves_no_stamp(
    dev: tuple[ModuleType, list[list[str]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    module, _ = dev
    monkeypatch.setattr(module, "run", lambda command: 1)

    with pytest.raises(SystemExit, match="installation failed"):
        module.ensure_venv()
    assert not module.STAMP.exists()


def test_pytest_exit_5_is_reported(
    dev: tuple[ModuleType, list[list[str]]], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    module, _ = dev
    monkeypatch.setattr(module, "run", lambda command: 5)

    assert module.cmd_test([]) == 5
    assert "collected no tests" in capsys.readouterr().err


def test_tests_run_on_a_byte_compiled_package(dev: tuple[ModuleType, list[list[str]]]) -> None:
    module, commands = dev

    assert module.cmd_test(["-q", "tests/test_x.py"]) == 0
    compile_step, pytest_step = commands
    assert compile_step[1:3] == ["-m", "compileall"] and compile_step[-1] == "openrouter_compat"
    assert pytest_step[1:] == ["-m", "pytest", "-q", "tests/test_x.py"]


def test_docs_and_integrations_install_their_extra_once(dev: tuple[ModuleType, list[list[str]]]) -> None:
    module, commands = dev

    assert module.cmd_docs([]) == 0
    assert module.cmd_docs([]) == 0
    assert module.cmd_integrations(["-q"]) == 0
    installs = [command[-1] for command in commands if "install" in command]
    assert installs == [".[docs]", ".[integrations]"], "each extra is installed once per pyproject.toml"
    assert [command[2:5] for command in commands if "mkdocs" in command] == [["mkdocs", "build", "--strict"]] * 2
    assert commands[-1][2:] == ["pytest", "tests/integrations", "tests/test_docs_examples.py", "-q"]


def test_integrations_heavy_uses_its_own_venv_and_fails_when_the_frameworks_do_not_import(
    dev: tuple[ModuleType, list[list[str]]], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    module, commands = dev
    heavy = module.ROOT / ".venv-heavy"
    heavy_python = heavy / "bin" / "python"
    heavy_python.parent.mkdir(parents=True)
    heavy_python.write_text("")
    monkeypatch.setattr(module, "HEAVY_VENV", heavy)
    monkeypatch.setattr(module, "HEAVY_PYTHON", heavy_python)

    assert module.cmd_integrations_heavy(["-q"]) == 0
    assert module.cmd_integrations_heavy([]) == 0
    installs = [command for command in commands if "install" in command]
    assert len(installs) == 1, "the heavy extra is installed once per pyproject.toml"
    assert installs[0][0] == str(heavy_python) and installs[0][-1] == ".[integrations-heavy]"
    run = commands[2]
    assert run[0] == str(heavy_python) and run[1:3] == ["-m", "pytest"]
    assert {"tests/integrations/test_dspy.py", "tests/integrations/test_semantic_kernel.py"} <= set(run)
    assert run[-1] == "-q"

    monkeypatch.setattr(module, "run", lambda command: 1 if "-c" in command else 0)  # dspy does not import
    assert module.cmd_integrations_heavy([]) == 1
    assert "do not import in .venv-heavy" in capsys.readouterr().err


@pytest.mark.skipif(sys.platform == "win32", reason=".ci/run is a bash script")
def test_ci_run_fails_with_a_message_when_the_heavy_group_fails(tmp_path: Path) -> None:
    result = _ci_run(tmp_path, 1, step="integrations-heavy")

    assert result.returncode == 1
    assert "CI FAILED: the integrations-heavy group" in result.stderr
    assert "CI passed" not in result.stdout


def test_unknown_command_prints_usage_without_touching_the_venv(
    dev: tuple[ModuleType, list[list[str]]], capsys: pytest.CaptureFixture[str]
) -> None:
    module, commands = dev

    assert module.main(["nonsense"]) == 2
    assert module.main(["--help"]) == 0
    assert "python3 dev.py test" in capsys.readouterr().out
    assert commands == []


def _ci_run(tmp_path: Path, test_status: int, step: str = "test") -> subprocess.CompletedProcess[str]:
    """Run .ci/run with a stand-in for `python3 dev.py` whose `step` command exits with `test_status`."""
    fake = tmp_path / "fake-python"
    fake.write_text(f'#!/bin/sh\n[ "$2" = {step} ] && exit {test_status}\nexit 0\n')
    fake.chmod(0o755)
    env = {**os.environ, "PYTHON": str(fake)}
    return subprocess.run(["bash", str(ROOT / ".ci" / "run")], env=env, capture_output=True, text=True, check=False)


@pytest.mark.skipif(sys.platform == "win32", reason=".ci/run is a bash script")
@pytest.mark.parametrize(("test_status", "ci_status", "message"), [(0, 0, "CI passed"), (5, 1, "no tests"), (1, 1, "")])
def test_ci_run_fails_on_failures_and_on_no_tests(
    tmp_path: Path, test_status: int, ci_status: int, message: str
) -> None:
    result = _ci_run(tmp_path, test_status)

    assert result.returncode == ci_status
    assert message in result.stdout + result.stderr


def test_lint_checks_run_at_once_and_report_in_order(
    dev: tuple[ModuleType, list[list[str]]], capfd: pytest.CaptureFixture[str]
) -> None:
    module, _ = dev
    slow = [sys.executable, "-c", "import time; time.sleep(0.3); print('first')"]
    failing = [sys.executable, "-c", "import sys; print('second'); sys.exit(3)"]

    assert module.run_concurrently([slow, failing]) == [0, 3]
    captured = capfd.readouterr()
    assert captured.out.index("first") < captured.out.index("second"), "outputs are printed in command order"
    assert "failed (exit code 3)" in captured.err
    assert module.label([sys.executable, "codegen/generate.py", "--check"]) == "codegen/generate.py --check"
    assert module.label([sys.executable, "-m", "mypy", "--strict", "x"]) == "mypy --strict x"
