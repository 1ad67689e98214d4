"""docs/testing.md: its test files run through pytest exactly as written, its scripts run as shown."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

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


class _Outcomes:
    """A plugin for the inner run: how many tests passed, failed or errored, by pytest's own count."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        for outcome in ("passed", "failed", "error", "skipped", "xfailed", "xpassed"):
            if terminalreporter.stats.get(outcome):
                self.counts[outcome] = len(terminalreporter.stats[outcome])


def test_the_page_test_files_pass_as_written(
    tmp_path: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {title: code for title, code in _blocks() if title}
    assert all(title == "conftest.py" or re.fullmatch(r"test_\w+\.py", title) for title in files), files.keys()
    for title, code in files.items():
        (tmp_path / title).write_text(code)
    (tmp_path / "pytest.ini").write_text("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    expected = sum(len(_TEST.findall(code)) for code in files.values())
    assert expected >= 12
    loaded = request.config.pluginmanager.get_plugin("openrouter_compat") is not None
    args = [] if loaded else ["-p", "openrouter_compat.testing.pytest_plugin"]
    # In this process (a fresh interpreter costs seconds), as a user's project would run them: the page's modules
    # (its test_errors.py, its conftest.py) stand in for ours in sys.modules only for the inner run.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "path", list(sys.path))
    for title in files:
        monkeypatch.delitem(sys.modules, title.removesuffix(".py"), raising=False)
    outcomes = _Outcomes()
    code = pytest.main([*args, "-p", "no:cacheprovider", "--strict-markers", "-q", str(tmp_path)], plugins=[outcomes])
    for title in files:
        sys.modules.pop(title.removesuffix(".py"), None)
    assert (code, outcomes.counts) == (pytest.ExitCode.OK, {"passed": expected})


def test_the_page_scripts_run(capsys: pytest.CaptureFixture[str]) -> None:
    scripts = [code for title, code in _blocks() if title is None]
    assert scripts
    for number, code in enumerate(scripts):
        exec(compile(code, f"{PAGE}:script{number}", "exec"), {"__name__": "__docs__"})
    assert "Hello from a script" in capsys.readouterr().out
