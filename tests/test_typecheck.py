"""The type-checking promise: `openai` programs still type-check with our import, and misuse is caught.

Runs `mypy --strict` (the project's config) in-process on the scripts in `tests/typecheck/`. Only errors
reported in those scripts count, so in-progress work elsewhere in the package cannot make this flaky.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mypy import api

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "tests" / "typecheck"
CACHE = ROOT / ".mypy_cache" / "typecheck"

EXPECTED_ERRORS = SCRIPTS / "expected_errors.py"
"""Deliberate misuses, one per line, each marked `# expect-error: <name>`."""
MARKED = {
    match.group(1): lineno
    for lineno, line in enumerate(EXPECTED_ERRORS.read_text().splitlines(), start=1)
    if (match := re.search(r"# expect-error: (\w+)$", line))
}


def _mypy(*paths: Path) -> tuple[str, int]:
    stdout, stderr, status = api.run(
        [
            "--strict",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(CACHE),
            "--no-error-summary",
            "--show-error-codes",
            *map(str, paths),
        ]
    )
    assert "error: INTERNAL" not in stderr, stderr
    return stdout, status


def _error_lines(output: str, path: Path) -> dict[int, str]:
    """Line number -> message of every error mypy reported in `path` (mypy may print it relative or absolute)."""
    pattern = rf"^(?:.*/)?{re.escape(path.name)}:(\d+): error: (.*)$"
    return {int(m.group(1)): m.group(2) for m in re.finditer(pattern, output, re.M)}


@pytest.fixture(scope="module")
def mypy_output() -> str:
    """One mypy run over both good scripts and the misuse file (a single run keeps it fast)."""
    output, _ = _mypy(SCRIPTS / "openai_style_script.py", SCRIPTS / "typed_extras_script.py", EXPECTED_ERRORS)
    return output


def test_openai_style_script_typechecks(mypy_output: str) -> None:
    assert _error_lines(mypy_output, SCRIPTS / "openai_style_script.py") == {}


def test_typed_extras_script_typechecks(mypy_output: str) -> None:
    assert _error_lines(mypy_output, SCRIPTS / "typed_extras_script.py") == {}


def test_misuse_file_is_not_empty() -> None:
    assert len(MARKED) >= 8


@pytest.mark.parametrize("name", sorted(MARKED))
def test_wrong_use_is_reported(mypy_output: str, name: str) -> None:
    """Each deliberate misuse must produce a mypy error on its own line (so the checks above can fail)."""
    reported = set(_error_lines(mypy_output, EXPECTED_ERRORS))
    assert MARKED[name] in reported, f"mypy accepted the misuse {name!r}:\n{mypy_output[:4000]}"
    unexpected = reported - set(MARKED.values())
    assert not unexpected, f"errors on unmarked lines {sorted(unexpected)}:\n{mypy_output[:4000]}"
