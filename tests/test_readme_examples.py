"""The README's Python blocks, run against the emulator: the README never shows code that does not work."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from openrouter_compat.testing import Emulator

README = Path(__file__).resolve().parents[1] / "README.md"
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def _blocks() -> list[tuple[int, str]]:
    text = README.read_text()
    return [(text.count("\n", 0, match.start()) + 1, match.group(1)) for match in _BLOCK.finditer(text)]


BLOCKS = _blocks()


def test_readme_has_runnable_examples() -> None:
    assert len(BLOCKS) >= 5, "the README's quick tour lost its Python examples"


@pytest.mark.parametrize(("line", "code"), BLOCKS, ids=[f"README.md:{line}" for line, _ in BLOCKS])
def test_readme_block_runs(
    line: int,
    code: str,
    openrouter_emulator: Emulator,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("OPENROUTER_API_KEY", openrouter_emulator.api_key)
    monkeypatch.setenv("OPENROUTER_BASE_URL", openrouter_emulator.base_url)
    # Where the README's management-key examples keep that key (the library itself reads only the two above).
    monkeypatch.setenv("OPENROUTER_MANAGEMENT_KEY", openrouter_emulator.management_key)
    for name in ("OPENROUTER_APP_URL", "OPENROUTER_APP_TITLE", "OPENROUTER_APP_CATEGORIES"):
        monkeypatch.delenv(name, raising=False)

    exec(compile(code, f"{README}:{line}", "exec"), {"__name__": "__readme__"})

    printed = capsys.readouterr().out
    assert printed.strip(), "every README example prints what it shows"
    sent = openrouter_emulator.requests_to("/chat/completions")
    if "OpenRouterValidationError" in code:
        assert sent == [], "an invalid OpenRouter field must be rejected before anything is sent"
    elif "Emulator()" not in code:  # that block starts its own emulator
        if "chat.completions" in code:
            assert sent, "the example should have called the API"
            assert all(request.bearer == openrouter_emulator.api_key for request in sent)
        everything = openrouter_emulator.requests  # the platform examples call other endpoints
        assert everything, "the example should have called the API"
        keys = {openrouter_emulator.api_key, openrouter_emulator.management_key}
        assert all(request.bearer in keys for request in everything), "only the emulator's keys were given"


def test_readme_extras_block_sends_the_typed_fields(
    openrouter_emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENROUTER_API_KEY", openrouter_emulator.api_key)
    monkeypatch.setenv("OPENROUTER_BASE_URL", openrouter_emulator.base_url)
    line, code = next(block for block in BLOCKS if "models=[" in block[1])

    exec(compile(code, f"{README}:{line}", "exec"), {"__name__": "__readme__"})

    request = openrouter_emulator.last_request("/chat/completions")
    assert request.json["provider"]["order"] == ["anthropic", "google-vertex"]
    assert request.json["reasoning"] == {"effort": "low"}
    assert request.json["models"][0] == "anthropic/claude-sonnet-4.5"
    assert request.headers["X-OpenRouter-Title"] == "My App"
