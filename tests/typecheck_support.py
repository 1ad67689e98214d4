"""One `mypy --strict` run over every script in tests/typecheck/ and one pyright strict run, shared by a session.

Type-checking is the suite's costliest step, so each checker runs once per test session, in a background process
started as soon as collection selects a test that needs it (it then uses the second core while the other tests
run); each test looks up its own file's errors in the shared report, so one script's errors never count against
another's. mypy writes to `.mypy_cache`, the cache `dev.py lint` fills, so tests run after the lint start warm.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "tests" / "typecheck"
MYPY_CACHE = ROOT / ".mypy_cache"
"""The default cache of `mypy --strict openrouter_compat` (the lint): same options, so its entries are reused."""
PYRIGHT_SCRIPTS = (SCRIPTS / "newer_values_script.py", SCRIPTS / "responses_unions_script.py")
"""The scripts pyright strict must accept (pyright has no cache: each file it checks costs seconds)."""
TIMEOUT = 900
"""Seconds a checker may take: generous, a cold run on a loaded 2-core machine takes minutes."""


def mypy_scripts() -> list[Path]:
    """Every script in tests/typecheck/, checked in the one mypy run (a new script is picked up by itself)."""
    return sorted(SCRIPTS.glob("*.py"))


def marked_lines(path: Path) -> dict[str, int]:
    """Name -> line number of every deliberate misuse in `path`, each marked `# expect-error: <name>`."""
    return {
        match.group(1): lineno
        for lineno, line in enumerate(path.read_text().splitlines(), start=1)
        if (match := re.search(r"# expect-error: (\w+)$", line))
    }


@dataclass(frozen=True)
class MypyReport:
    """What the shared mypy run printed, looked up per script."""

    output: str

    def errors(self, path: Path) -> dict[int, str]:
        """Line number -> message of every error mypy reported in `path` (it may print it relative or absolute)."""
        pattern = rf"^(?:.*/)?{re.escape(path.name)}:(\d+): error: (.*)$"
        return {int(m.group(1)): m.group(2) for m in re.finditer(pattern, self.output, re.M)}


@dataclass(frozen=True)
class PyrightReport:
    """pyright's `--outputjson` report of the shared run, looked up per script."""

    report: dict[str, Any]

    def errors(self, path: Path) -> list[str]:
        """`line: message` of every error pyright reported in `path`."""
        return [
            f"{d['range']['start']['line'] + 1}: {d['message']}"
            for d in self.report["generalDiagnostics"]
            if d["severity"] == "error" and Path(d["file"]).resolve() == path.resolve()
        ]

    @property
    def files_analyzed(self) -> int:
        return int(self.report["summary"]["filesAnalyzed"])


class _Job:
    """A checker running in the background; its output goes to temporary files, so it never blocks on a pipe."""

    def __init__(self, command: list[str]) -> None:
        self.command = command
        # the files outlive this call (the checker writes to them in the background): closed by result/stop
        self._stdout: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115
        self._stderr: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115
        # its own process group, so `stop` also ends what it started (the pyright wrapper runs node)
        self._process = subprocess.Popen(
            command, cwd=ROOT, stdout=self._stdout, stderr=self._stderr, start_new_session=os.name == "posix"
        )
        self._result: tuple[str, str, int] | None = None

    def result(self) -> tuple[str, str, int]:
        """Wait for the checker: its stdout, stderr and exit status."""
        if self._result is None:
            status = self._process.wait(timeout=TIMEOUT)
            stdout, stderr = (self._read(stream) for stream in (self._stdout, self._stderr))
            self._close()
            self._result = stdout, stderr, status
        return self._result

    @staticmethod
    def _read(stream: IO[bytes]) -> str:
        stream.seek(0)
        return stream.read().decode(errors="replace")

    def stop(self) -> None:
        """Kill the checker if the session ends before a test waited for it."""
        if self._process.poll() is None:
            if os.name == "posix":
                os.killpg(self._process.pid, signal.SIGKILL)
            else:
                self._process.kill()
            self._process.wait()
        self._close()

    def _close(self) -> None:
        self._stdout.close()
        self._stderr.close()


def _pyright() -> str | None:
    return shutil.which("pyright", path=str(Path(sys.executable).parent)) or shutil.which("pyright")


class Checkers:
    """The session's mypy and pyright runs: started early by `start`, waited for (once) by the fixtures."""

    def __init__(self) -> None:
        self._jobs: dict[str, _Job] = {}
        self._mypy: MypyReport | None = None
        self._pyright: PyrightReport | None = None

    def start(self, *, mypy: bool, pyright: bool) -> None:
        """Start the checkers the selected tests need, in the background."""
        if mypy and "mypy" not in self._jobs:
            self._jobs["mypy"] = _Job(
                [
                    sys.executable,
                    "-m",
                    "mypy",
                    "--strict",
                    "--config-file",
                    str(ROOT / "pyproject.toml"),
                    "--cache-dir",
                    str(MYPY_CACHE),
                    "--no-error-summary",
                    "--show-error-codes",
                    *map(str, mypy_scripts()),
                ]
            )
        pyright_path = _pyright()
        if pyright and pyright_path is not None and "pyright" not in self._jobs:
            command = [pyright_path, "--outputjson", "--pythonpath", sys.executable, *map(str, PYRIGHT_SCRIPTS)]
            self._jobs["pyright"] = _Job(command)

    def mypy(self) -> MypyReport:
        """The mypy report (started now if collection did not start it); a crash fails every test that asks."""
        if self._mypy is None:
            self.start(mypy=True, pyright=False)
            stdout, stderr, status = self._jobs["mypy"].result()
            assert "error: INTERNAL" not in stderr, stderr
            assert status in (0, 1), f"mypy exited with {status}:\n{stderr}\n{stdout[:4000]}"
            self._mypy = MypyReport(stdout)
        return self._mypy

    def pyright(self) -> PyrightReport:
        """The pyright report (started now if collection did not start it); skips when pyright is not installed."""
        if self._pyright is None:
            if _pyright() is None:
                pytest.skip("pyright is not installed")
            self.start(mypy=False, pyright=True)
            stdout, stderr, status = self._jobs["pyright"].result()
            assert stdout.strip(), f"pyright exited with {status} and printed no report:\n{stderr}"
            self._pyright = PyrightReport(json.loads(stdout))
        return self._pyright

    def stop(self) -> None:
        for job in self._jobs.values():
            job.stop()
