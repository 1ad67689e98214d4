"""Open literals: `mypy --strict` and pyright strict accept a script passing values newer than our Literals
(tests/typecheck/newer_values_script.py), so a new OpenRouter value needs no new release to type-check.

Both checkers run once per session (the `mypy_report` and `pyright_report` fixtures, see typecheck_support)."""

from __future__ import annotations

from typecheck_support import PYRIGHT_SCRIPTS, SCRIPTS, MypyReport, PyrightReport

SCRIPT = SCRIPTS / "newer_values_script.py"


def test_mypy_strict_accepts_newer_values(mypy_report: MypyReport) -> None:
    errors = mypy_report.errors(SCRIPT)
    assert errors == {}, "\n".join(f"{line}: {message}" for line, message in sorted(errors.items()))


def test_pyright_strict_accepts_newer_values(pyright_report: PyrightReport) -> None:
    assert SCRIPT in PYRIGHT_SCRIPTS
    errors = pyright_report.errors(SCRIPT)
    assert errors == [], "\n".join(errors)
    assert pyright_report.files_analyzed >= 1
