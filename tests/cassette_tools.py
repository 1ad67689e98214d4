"""Record the chat cassettes under cassettes/chat/ from the local emulator (not from real OpenRouter traffic).

Run `.venv/bin/python tests/cassette_tools.py` to re-record. The replay tests (`test_chat_cassettes.py`) import
`SCENARIOS` and `replay_vcr` from here, so recording and replay always make the same calls.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import vcr

ROOT = Path(__file__).resolve().parents[1]
CASSETTES = ROOT / "cassettes" / "chat"
HOST = "http://emulator.local"
"""The emulator's random 127.0.0.1 port is replaced by this placeholder, which replay clients use."""
BASE_URL = f"{HOST}/api/v1"
HEADER = (
    "# source: recorded from the local openrouter_compat emulator, not real traffic\n"
    "# (re-record with: .venv/bin/python tests/cassette_tools.py; the Authorization header is filtered)\n"
)

WEATHER_TOOL: dict[str, Any] = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Current weather for a city.",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    },
}

SCENARIOS: dict[str, list[dict[str, Any]]] = {
    "basic": [{"model": "openai/gpt-4o-mini", "messages": [{"role": "user", "content": "Say hello"}]}],
    "stream": [
        {
            "model": "openai/gpt-4o-mini",
            "messages": [{"role": "user", "content": "Count to three"}],
            "stream": True,
        }
    ],
    "tool_call": [
        {
            "model": "openai/gpt-4o-mini",
            "messages": [{"role": "user", "content": "What is the weather in Paris?"}],
            "tools": [WEATHER_TOOL],
        },
        {
            "model": "openai/gpt-4o-mini",
            "messages": [{"role": "user", "content": "And the weather in Rome?"}],
            "tools": [WEATHER_TOOL],
            "stream": True,
        },
    ],
    "reasoning": [
        {
            "model": "anthropic/claude-sonnet-4.5",
            "messages": [{"role": "user", "content": "Why is the sky blue?"}],
            "reasoning": {"effort": "high"},
        },
        {
            "model": "openai/o3",
            "messages": [{"role": "user", "content": "Why is the sea salty?"}],
            "reasoning": {"effort": "low"},
            "stream": True,
        },
    ],
}
"""Cassette name -> the `chat.completions.create` calls it holds, in order."""


def cassette_path(name: str) -> Path:
    return CASSETTES / f"{name}.yaml"


def replay_vcr() -> vcr.VCR:
    """A VCR that only replays (a missing or unmatched request is an error), matching method, path and body."""
    return vcr.VCR(record_mode="none", match_on=["method", "scheme", "host", "path", "body"])


def _recording_vcr(emulator_root: str) -> vcr.VCR:
    def rewrite_request(request: Any) -> Any:
        request.uri = request.uri.replace(emulator_root, HOST)
        return request

    return vcr.VCR(
        record_mode="all",
        filter_headers=["authorization", "user-agent", "host"],
        before_record_request=rewrite_request,
        decode_compressed_response=True,
    )


def record() -> list[Path]:
    """Re-record every scenario from a fresh emulator; returns the files written."""
    from openrouter_compat import OpenRouter
    from openrouter_compat.testing import Emulator

    CASSETTES.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with Emulator() as emu:
        root = emu.base_url.split("/api/", 1)[0]
        recorder = _recording_vcr(root)
        with OpenRouter(api_key=emu.api_key, base_url=emu.base_url, max_retries=0) as client:
            for name, calls in SCENARIOS.items():
                path = cassette_path(name)
                path.unlink(missing_ok=True)
                with recorder.use_cassette(str(path)):
                    for kwargs in calls:
                        result = client.chat.completions.create(**kwargs)
                        if kwargs.get("stream"):
                            for _ in result:  # type: ignore[union-attr]
                                pass
                path.write_text(HEADER + path.read_text())
                assert emu.api_key not in path.read_text()
                written.append(path)
    return written


if __name__ == "__main__":
    for written_path in record():
        sys.stdout.write(f"wrote {written_path.relative_to(ROOT)}\n")
