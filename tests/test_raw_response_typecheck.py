"""`mypy --strict` on tests/typecheck/raw_response_script.py: `with_raw_response` / `with_streaming_response`
(client-level and per resource, sync and async) take OpenRouter's typed fields and `.parse()` into our types;
each misuse marked `# expect-error: <name>` there is reported on its own line.
mypy runs once per session over all of tests/typecheck/ (the `mypy_report` fixture, see typecheck_support)."""

from __future__ import annotations

import pytest
from typecheck_support import SCRIPTS, MypyReport, marked_lines

SCRIPT = SCRIPTS / "raw_response_script.py"
MARKED = marked_lines(SCRIPT)


@pytest.fixture(scope="module")
def reported(mypy_report: MypyReport) -> dict[int, str]:
    """Line -> message of every mypy error in the script (errors elsewhere in the package are ignored)."""
    return mypy_report.errors(SCRIPT)


def test_only_the_marked_lines_fail(reported: dict[int, str]) -> None:
    assert len(MARKED) == 9
    unexpected = {line: message for line, message in reported.items() if line not in MARKED.values()}
    assert unexpected == {}


@pytest.mark.parametrize("name", sorted(MARKED))
def test_misuse_is_reported(reported: dict[int, str], name: str) -> None:
    assert MARKED[name] in reported, f"mypy accepted {name!r}"
