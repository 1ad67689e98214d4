"""`mypy --strict` on tests/typecheck/models_script.py: the catalogue/providers/embeddings API is typed as
documented, and each misuse marked `# expect-error: <name>` there is reported on its own line.
mypy runs once per session over all of tests/typecheck/ (the `mypy_report` fixture, see typecheck_support)."""

from __future__ import annotations

import pytest
from typecheck_support import SCRIPTS, MypyReport, marked_lines

SCRIPT = SCRIPTS / "models_script.py"
MARKED = marked_lines(SCRIPT)


@pytest.fixture(scope="module")
def reported(mypy_report: MypyReport) -> dict[int, str]:
    """Line -> message of every mypy error in the script (errors elsewhere in the package are ignored)."""
    return mypy_report.errors(SCRIPT)


def test_only_the_marked_lines_fail(reported: dict[int, str]) -> None:
    assert len(MARKED) == 4
    unexpected = {line: message for line, message in reported.items() if line not in MARKED.values()}
    assert unexpected == {}


@pytest.mark.parametrize("name", sorted(MARKED))
def test_misuse_is_reported(reported: dict[int, str], name: str) -> None:
    assert MARKED[name] in reported, f"mypy accepted {name!r}"
