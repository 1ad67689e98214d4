"""Replay the emulator-recorded chat cassettes (cassettes/chat/, see tests/cassette_tools.py) through the clients
with vcrpy in `record_mode="none"`: no emulator and no network needed, sync and async."""

from __future__ import annotations

import re
from typing import Any

import openai
import pytest
import yaml
from cassette_tools import BASE_URL, SCENARIOS, cassette_path, replay_vcr

from openrouter_compat import AsyncOpenRouter, OpenRouter
from openrouter_compat.types.chat import ChatCompletion, ChatCompletionChunk
from openrouter_compat.types.shared import ReasoningDetailEncrypted, ReasoningDetailSummary, ReasoningDetailText

Result = ChatCompletion | list[ChatCompletionChunk]


def _replay_sync(name: str) -> list[Result]:
    results: list[Result] = []
    with replay_vcr().use_cassette(str(cassette_path(name))) as cassette:
        with OpenRouter(api_key="sk-or-replay", base_url=BASE_URL, max_retries=0) as client:
            for kwargs in SCENARIOS[name]:
                result: Any = client.chat.completions.create(**kwargs)
                results.append(list(result) if kwargs.get("stream") else result)
        assert cassette.all_played
    return results


async def _replay_async(name: str) -> list[Result]:
    results: list[Result] = []
    with replay_vcr().use_cassette(str(cassette_path(name))) as cassette:
        async with AsyncOpenRouter(api_key="sk-or-replay", base_url=BASE_URL, max_retries=0) as client:
            for kwargs in SCENARIOS[name]:
                result: Any = await client.chat.completions.create(**kwargs)
                results.append([chunk async for chunk in result] if kwargs.get("stream") else result)
        assert cassette.all_played
    return results


def _text(chunks: list[ChatCompletionChunk]) -> str:
    return "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)


def _check_basic(results: list[Result]) -> None:
    [completion] = results
    assert isinstance(completion, ChatCompletion)
    assert isinstance(completion, openai.types.chat.ChatCompletion)
    assert completion.choices[0].message.content == "Echo: Say hello"
    assert completion.provider == "OpenAI"
    assert completion.choices[0].native_finish_reason == "stop"
    assert completion.usage is not None and completion.usage.cost and completion.usage.is_byok is False


def _check_stream(results: list[Result]) -> None:
    [chunks] = results
    assert isinstance(chunks, list) and all(isinstance(c, ChatCompletionChunk) for c in chunks)
    assert _text(chunks) == "Echo: Count to three"
    assert chunks[-1].usage is not None and chunks[-1].usage.cost
    assert [c.choices[0].native_finish_reason for c in chunks if c.choices and c.choices[0].finish_reason] == ["stop"]


def _check_tool_call(results: list[Result]) -> None:
    completion, chunks = results
    assert isinstance(completion, ChatCompletion) and isinstance(chunks, list)
    assert completion.choices[0].finish_reason == "tool_calls"
    [call] = completion.choices[0].message.tool_calls or []
    assert call.type == "function" and call.function.name == "get_weather"
    assert "city" in call.function.arguments
    pieces = [t for c in chunks if c.choices for t in c.choices[0].delta.tool_calls or []]
    assert pieces[0].function is not None and pieces[0].function.name == "get_weather"
    assert "city" in "".join(p.function.arguments or "" for p in pieces if p.function)


def _check_reasoning(results: list[Result]) -> None:
    completion, chunks = results
    assert isinstance(completion, ChatCompletion) and isinstance(chunks, list)
    message = completion.choices[0].message
    assert message.reasoning and "Why is the sky blue?" in message.reasoning
    [detail] = message.reasoning_details or []
    assert isinstance(detail, ReasoningDetailText) and detail.signature
    streamed = [d for c in chunks if c.choices for d in c.choices[0].delta.reasoning_details or []]
    assert any(isinstance(d, ReasoningDetailSummary) for d in streamed)
    assert any(isinstance(d, ReasoningDetailEncrypted) and d.data for d in streamed)
    assert "Why is the sea salty?" in "".join(c.choices[0].delta.reasoning or "" for c in chunks if c.choices)


CHECKS = {"basic": _check_basic, "stream": _check_stream, "tool_call": _check_tool_call, "reasoning": _check_reasoning}


def test_every_scenario_has_a_cassette_and_a_check() -> None:
    assert set(CHECKS) == set(SCENARIOS)
    for name in SCENARIOS:
        text = cassette_path(name).read_text()
        assert text.startswith("# source: recorded from the local openrouter_compat emulator, not real traffic")
        assert re.search(r"sk-[\w-]{8,}", text) is None, "a key-shaped string in a cassette"
        assert "authorization:" not in text.lower()
        recorded = yaml.safe_load(text)["interactions"]
        assert len(recorded) == len(SCENARIOS[name])


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_replay(name: str) -> None:
    CHECKS[name](_replay_sync(name))


@pytest.mark.parametrize("name", sorted(SCENARIOS))
async def test_replay_async(name: str) -> None:
    CHECKS[name](await _replay_async(name))


def test_unrecorded_request_fails() -> None:
    """Replay really is replay-only: a request the cassette lacks is refused, never sent."""
    cassette = replay_vcr().use_cassette(str(cassette_path("basic")))
    client = OpenRouter(api_key="sk-or-replay", base_url=BASE_URL, max_retries=0)
    with cassette, client, pytest.raises(Exception, match=r"(?i)cassette"):
        client.chat.completions.create(model="openai/gpt-4o-mini", messages=[{"role": "user", "content": "x"}])
