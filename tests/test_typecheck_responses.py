"""Responses static types: `mypy --strict` and pyright strict accept tests/typecheck/responses_unions_script.py
(echoed `openrouter:*` input items; `ResponseServerToolItem`, `UnknownResponseOutputItem` and
`UnknownResponseStreamEvent` in the static unions, narrowed with `isinstance`/`match`; `openai`-typed code
unchanged), and mypy reports every misuse marked in tests/typecheck/responses_misuse.py.
Both checkers run once per session (the `mypy_report` and `pyright_report` fixtures, see typecheck_support)."""

from __future__ import annotations

import pytest
from typecheck_support import PYRIGHT_SCRIPTS, SCRIPTS, MypyReport, PyrightReport, marked_lines

SCRIPT = SCRIPTS / "responses_unions_script.py"
MISUSE = SCRIPTS / "responses_misuse.py"
MARKED = marked_lines(MISUSE)


def test_mypy_strict_accepts_the_script(mypy_report: MypyReport) -> None:
    assert mypy_report.errors(SCRIPT) == {}


@pytest.mark.parametrize("name", sorted(MARKED))
def test_mypy_reports_each_misuse(mypy_report: MypyReport, name: str) -> None:
    reported = mypy_report.errors(MISUSE)
    assert MARKED[name] in reported, f"mypy accepted the misuse {name!r}:\n{mypy_report.output[:4000]}"
    assert set(reported) <= set(MARKED.values()), f"errors on unmarked lines:\n{mypy_report.output[:4000]}"


def test_pyright_strict_accepts_the_script(pyright_report: PyrightReport) -> None:
    assert SCRIPT in PYRIGHT_SCRIPTS
    errors = pyright_report.errors(SCRIPT)
    assert errors == [], "\n".join(errors)
    assert pyright_report.files_analyzed >= 1
