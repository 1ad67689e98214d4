"""Open literals: `mypy --strict` and pyright strict accept a script passing values newer than our Literals
(tests/typecheck/newer_values_script.py), so a new OpenRouter value needs no new release to type-check."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mypy import api

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "tests" / "typecheck" / "newer_values_script.py"


def test_mypy_strict_accepts_newer_values() -> None:
    stdout, stderr, status = api.run(
        [
            "--strict",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(ROOT / ".mypy_cache" / "typecheck"),
            "--no-error-summary",
            str(SCRIPT),
        ]
    )
    assert "error: INTERNAL" not in stderr, stderr
    errors = [line for line in stdout.splitlines() if SCRIPT.name in line and ": error:" in line]
    assert errors == [], "\n".join(errors)
    assert status in (0, 1)


def test_pyright_strict_accepts_newer_values() -> None:
    pyright = shutil.which("pyright", path=str(Path(sys.executable).parent)) or shutil.which("pyright")
    if pyright is None:
        pytest.skip("pyright is not installed")
    result = subprocess.run(
        [pyright, "--outputjson", "--pythonpath", sys.executable, str(SCRIPT)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=900,
        check=False,
    )
    report = json.loads(result.stdout)
    errors = [
        f"{d['range']['start']['line'] + 1}: {d['message']}"
        for d in report["generalDiagnostics"]
        if d["severity"] == "error"
    ]
    assert errors == [], "\n".join(errors)
    assert report["summary"]["filesAnalyzed"] >= 1
