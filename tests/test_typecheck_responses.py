"""Responses static types: `mypy --strict` and pyright strict accept tests/typecheck/responses_unions_script.py
(echoed `openrouter:*` input items; `ResponseServerToolItem`, `UnknownResponseOutputItem` and
`UnknownResponseStreamEvent` in the static unions, narrowed with `isinstance`/`match`; `openai`-typed code
unchanged), and mypy reports every misuse marked in tests/typecheck/responses_misuse.py."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mypy import api

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "tests" / "typecheck" / "responses_unions_script.py"
MISUSE = ROOT / "tests" / "typecheck" / "responses_misuse.py"
MARKED = {
    match.group(1): lineno
    for lineno, line in enumerate(MISUSE.read_text().splitlines(), start=1)
    if (match := re.search(r"# expect-error: (\w+)$", line))
}


def _errors(output: str, path: Path) -> dict[int, str]:
    pattern = rf"^(?:.*/)?{re.escape(path.name)}:(\d+): error: (.*)$"
    return {int(m.group(1)): m.group(2) for m in re.finditer(pattern, output, re.M)}


@pytest.fixture(scope="module")
def mypy_output() -> str:
    stdout, stderr, status = api.run(
        [
            "--strict",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(ROOT / ".mypy_cache" / "typecheck"),
            "--no-error-summary",
            str(SCRIPT),
            str(MISUSE),
        ]
    )
    assert "error: INTERNAL" not in stderr, stderr
    assert status in (0, 1)
    return stdout


def test_mypy_strict_accepts_the_script(mypy_output: str) -> None:
    assert _errors(mypy_output, SCRIPT) == {}


@pytest.mark.parametrize("name", sorted(MARKED))
def test_mypy_reports_each_misuse(mypy_output: str, name: str) -> None:
    reported = _errors(mypy_output, MISUSE)
    assert MARKED[name] in reported, f"mypy accepted the misuse {name!r}:\n{mypy_output[:4000]}"
    assert set(reported) <= set(MARKED.values()), f"errors on unmarked lines:\n{mypy_output[:4000]}"


def test_pyright_strict_accepts_the_script() -> None:
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
