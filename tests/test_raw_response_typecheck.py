"""`mypy --strict` on tests/typecheck/raw_response_script.py: `with_raw_response` / `with_streaming_response`
(client-level and per resource, sync and async) take OpenRouter's typed fields and `.parse()` into our types;
each misuse marked `# expect-error: <name>` there is reported on its own line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mypy import api

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "tests" / "typecheck" / "raw_response_script.py"
MARKED = {
    match.group(1): lineno
    for lineno, line in enumerate(SCRIPT.read_text().splitlines(), start=1)
    if (match := re.search(r"# expect-error: (\w+)$", line))
}


@pytest.fixture(scope="module")
def reported() -> dict[int, str]:
    """Line -> message of every mypy error in the script (errors elsewhere in the package are ignored)."""
    stdout, stderr, _ = api.run(
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
    pattern = rf"^(?:.*/)?{re.escape(SCRIPT.name)}:(\d+): error: (.*)$"
    return {int(m.group(1)): m.group(2) for m in re.finditer(pattern, stdout, re.M)}


def test_only_the_marked_lines_fail(reported: dict[int, str]) -> None:
    assert len(MARKED) == 9
    unexpected = {line: message for line, message in reported.items() if line not in MARKED.values()}
    assert unexpected == {}


@pytest.mark.parametrize("name", sorted(MARKED))
def test_misuse_is_reported(reported: dict[int, str], name: str) -> None:
    assert MARKED[name] in reported, f"mypy accepted {name!r}"
