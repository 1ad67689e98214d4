"""docs/forward-compatibility.md's Python blocks run offline (each starts its own emulator) and print what
they show: the contract's page never shows code that does not work."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from openrouter_compat import _extras

PAGE = Path(__file__).resolve().parents[1] / "docs" / "forward-compatibility.md"
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)
BLOCKS = [
    (PAGE.read_text().count("\n", 0, match.start()) + 1, match.group(1)) for match in _BLOCK.finditer(PAGE.read_text())
]


@pytest.fixture(autouse=True)
def _fresh_warnings() -> None:
    """Each run sees its first warning again (the page's readers run each example once)."""
    _extras._WARNED.clear()


def test_page_shows_each_outcome() -> None:
    assert len(BLOCKS) >= 4


@pytest.mark.parametrize(("line", "code"), BLOCKS, ids=[f"forward-compatibility.md:{line}" for line, _ in BLOCKS])
def test_block_runs(line: int, code: str, capsys: pytest.CaptureFixture[str]) -> None:
    exec(compile(code, f"{PAGE}:{line}", "exec"), {"__name__": "__docs__"})
    assert capsys.readouterr().out.strip(), "every example prints what it shows"


def test_outcomes_print_what_the_page_says(capsys: pytest.CaptureFixture[str]) -> None:
    for _, code in BLOCKS[:3]:
        exec(compile(code, str(PAGE), "exec"), {"__name__": "__docs__"})
    printed = capsys.readouterr().out
    assert "plugins[0].pin_model ->" in printed and "top_k -> top_k: invalid value inf" in printed
    assert "did you mean 'sort'?" in printed
    assert "unknown value 'jev-router'" in printed and "[{'id': 'jev-router', 'level': 2}]" in printed
