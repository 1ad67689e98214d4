"""The examples run offline against the bundled emulator and print what they promise (sync and async ones)."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

# example -> lines (or fragments) its output must contain when run against the emulator
EXPECTED = {
    "demo": [
        "== Offline: talking to the bundled emulator",
        "[answer]    Echo: In one sentence: why route requests across providers?",
        "provider: Anthropic  generation id: gen-",
        "completion.provider                 = 'OpenAI'",
        "usage.completion_tokens_details.reasoning_tokens = ",
        "key.label=",
        "provider='Anthropic'  total_cost=$0.",
        "2 generations, total $0.",
        "images.generate -> 1 image(s), cost: $0.040000",
        "presets.create_from_chat -> slug='demo-preset'",
        "rerank.create -> best document #0",
        "== demo finished",
    ],
    "basic_chat": ["Echo: Say hello to OpenRouter.", "served by OpenAI, cost: $0.0"],
    "streaming": ["Echo: Count from one to five in words.", "next-turn message keys: ['content', 'reasoning'"],
    "typed_extras": ["openai/gpt-4o-mini via OpenAI: Echo:", "rejected before sending: provider.sort"],
    "cost_ledger": ["sync:  9 results, ledger total $0.", "budget: stopped before sending", "async: 9 results"],
    "async_chat": ["What is 2 + 2? -> Echo: What is 2 + 2? (Google AI Studio)", "streamed generation gen-"],
}


def test_every_example_is_covered() -> None:
    assert {path.stem for path in EXAMPLES.glob("[!_]*.py")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_runs_offline(name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("OPENROUTER_API_KEY", raising=False)
    monkeypatch.delenv("OPENROUTER_BASE_URL", raising=False)
    monkeypatch.syspath_prepend(str(EXAMPLES))

    try:
        runpy.run_path(str(EXAMPLES / f"{name}.py"), run_name="__main__")
    except SystemExit as exit_:
        assert exit_.code in (0, None)

    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("== Offline: talking to the bundled emulator at http://127.0.0.1:")
    for expected in EXPECTED[name]:
        assert expected in out, f"{name}: {expected!r} missing from:\n{out}"


def test_connect_announces_openrouter_when_a_key_is_set(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OPENROUTER_API_KEY", "sk-or-v1-not-used")
    monkeypatch.delenv("OPENROUTER_BASE_URL", raising=False)
    monkeypatch.syspath_prepend(str(EXAMPLES))
    connect = runpy.run_path(str(EXAMPLES / "_connect.py"))["connect"]

    with connect() as client:  # builds the client; sends nothing
        assert str(client.base_url) == "https://openrouter.ai/api/v1/"
        assert client.api_key == "sk-or-v1-not-used"

    assert capsys.readouterr().out.startswith("== Talking to OpenRouter (OPENROUTER_API_KEY is set)")
