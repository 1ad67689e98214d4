"""The type-checking promise: `openai` programs still type-check with our import, and misuse is caught.

`mypy --strict` (the project's config) checks the scripts in `tests/typecheck/` once per session (the
`mypy_report` fixture, see typecheck_support). Only errors reported in each script count, so in-progress work
elsewhere in the package cannot make this flaky.
"""

from __future__ import annotations

import pytest
from typecheck_support import SCRIPTS, MypyReport, marked_lines

EXPECTED_ERRORS = SCRIPTS / "expected_errors.py"
"""Deliberate misuses, one per line, each marked `# expect-error: <name>`."""
MARKED = marked_lines(EXPECTED_ERRORS)


def test_openai_style_script_typechecks(mypy_report: MypyReport) -> None:
    assert mypy_report.errors(SCRIPTS / "openai_style_script.py") == {}


def test_typed_extras_script_typechecks(mypy_report: MypyReport) -> None:
    assert mypy_report.errors(SCRIPTS / "typed_extras_script.py") == {}


def test_misuse_file_is_not_empty() -> None:
    assert len(MARKED) >= 8


@pytest.mark.parametrize("name", sorted(MARKED))
def test_wrong_use_is_reported(mypy_report: MypyReport, name: str) -> None:
    """Each deliberate misuse must produce a mypy error on its own line (so the checks above can fail)."""
    reported = set(mypy_report.errors(EXPECTED_ERRORS))
    assert MARKED[name] in reported, f"mypy accepted the misuse {name!r}:\n{mypy_report.output[:4000]}"
    unexpected = reported - set(MARKED.values())
    assert not unexpected, f"errors on unmarked lines {sorted(unexpected)}:\n{mypy_report.output[:4000]}"
