"""docs/testing.md: its test files run through pytest exactly as written, its scripts run as shown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

PAGE = Path(__file__).resolve().parents[1] / "docs" / "testing.md"
_BLOCK = re.compile(r'^```python(?: title="(?P<title>[^"]+)")?\n(?P<code>.*?)^```', re.DOTALL | re.MULTILINE)
_TEST = re.compile(r"^(?:async )?def test_", re.MULTILINE)


def _blocks() -> list[tuple[str | None, str]]:
    return [(match["title"], match["code"]) for match in _BLOCK.finditer(PAGE.read_text())]


def test_the_page_shows_a_streamed_tool_call_test() -> None:
    files = {title: code for title, code in _blocks() if title}
    assert "conftest.py" in files
    code = files["test_streamed_tool_call.py"]
    assert "Reply.tool_call(" in code and "stream=True" in code and "openrouter_emulator" in code


def test_the_page_test_files_pass_as_written(pytester: pytest.Pytester, request: pytest.FixtureRequest) -> None:
    files = {title: code for title, code in _blocks() if title}
    assert all(title == "conftest.py" or re.fullmatch(r"test_\w+\.py", title) for title in files), files.keys()
    for title, code in files.items():
        pytester.makepyfile(**{title.removesuffix(".py"): code})
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")  # quiets pytest-asyncio
    expected = sum(len(_TEST.findall(code)) for code in files.values())
    assert expected >= 12
    loaded = request.config.pluginmanager.get_plugin("openrouter_compat") is not None
    args = [] if loaded else ["-p", "openrouter_compat.testing.pytest_plugin"]
    # a fresh interpreter: the page's test_errors.py must not meet our own tests/test_errors.py in sys.modules
    result = pytester.runpytest_subprocess(*args, "-p", "no:cacheprovider", "--strict-markers", timeout=300)
    result.assert_outcomes(passed=expected)


def test_the_page_scripts_run(capsys: pytest.CaptureFixture[str]) -> None:
    scripts = [code for title, code in _blocks() if title is None]
    assert scripts
    for number, code in enumerate(scripts):
        exec(compile(code, f"{PAGE}:script{number}", "exec"), {"__name__": "__docs__"})
    assert "Hello from a script" in capsys.readouterr().out
