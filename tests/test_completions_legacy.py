"""Legacy `client.completions` (`POST /completions`) against the emulator: typed OpenRouter extras on the
wire, typed results (`provider`, `usage.cost`, `native_finish_reason`) and streams, validation before sending,
typed errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import vcr

from openrouter_compat import (
    AsyncOpenRouter,
    OpenRouter,
    OpenRouterValidationError,
    ProviderError,
    RateLimitError,
)
from openrouter_compat._streaming import AsyncCompletionStream, CompletionStream
from openrouter_compat.testing import Emulator, Fault
from openrouter_compat.types import Completion, CompletionChoice
from openrouter_compat.types.shared import Usage

MODEL = "openai/gpt-3.5-turbo-instruct"

EXTRAS: dict[str, Any] = {
    "provider": {"only": ["openai"], "data_collection": "deny", "max_price": {"prompt": 1, "completion": 2}},
    "models": [MODEL, "mistralai/mistral-7b-instruct"],
    "route": "fallback",
    "plugins": [{"id": "response-healing"}],
    "reasoning": {"max_tokens": 128, "exclude": True},
    "usage": {"include": True},
    "transforms": ["middle-out"],
    "top_k": 40,
    "top_a": 0.2,
    "min_p": 0.05,
    "repetition_penalty": 1.1,
    "session_id": "legacy-1",
    "trace": {"trace_id": "t-2", "generation_name": "legacy"},
}

INVALID: list[tuple[str, dict[str, Any]]] = [
    ("top_k", {"top_k": -1}),
    ("top_a", {"top_a": 1.5}),
    ("min_p", {"min_p": -0.1}),
    ("repetition_penalty", {"repetition_penalty": 0}),
    ("transforms", {"transforms": "middle-out"}),
    ("usage.include", {"usage": {"include": "yes"}}),
    ("reasoning.efort", {"reasoning": {"efort": "low"}}),
    ("provider.only", {"provider": {"only": "openai"}}),
    ("trace.trace_id", {"trace": {"trace_id": 7}}),
]


def _is_typed(completion: Completion) -> None:
    assert isinstance(completion, Completion)
    assert completion.provider == "OpenAI"
    assert isinstance(completion.choices[0], CompletionChoice)
    assert completion.choices[0].native_finish_reason == "stop"
    assert isinstance(completion.usage, Usage)
    assert isinstance(completion.usage.cost, float) and completion.usage.cost > 0
    assert completion.usage.is_byok is False


def test_create_sends_typed_extras(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    completion = client.completions.create(model=MODEL, prompt="Say hi", max_tokens=20, **EXTRAS)
    sent = openrouter_emulator.requests_to("/completions")[-1].json
    assert {key: sent[key] for key in EXTRAS} == EXTRAS
    assert sent["prompt"] == "Say hi" and sent["max_tokens"] == 20
    _is_typed(completion)
    assert completion.choices[0].text


async def test_create_sends_typed_extras_async(async_client: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    completion = await async_client.completions.create(model=MODEL, prompt=["Say hi"], **EXTRAS)
    sent = openrouter_emulator.requests_to("/completions")[-1].json
    assert {key: sent[key] for key in EXTRAS} == EXTRAS
    _is_typed(completion)


def test_stream(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    stream = client.completions.create(model=MODEL, prompt="Say hello world", stream=True, top_k=5)
    assert isinstance(stream, CompletionStream)
    chunks = list(stream)
    assert openrouter_emulator.requests_to("/completions")[-1].json["top_k"] == 5
    assert all(isinstance(chunk, Completion) for chunk in chunks)
    text = "".join(choice.text for chunk in chunks for choice in chunk.choices)
    assert "hello world" in text
    finishes = [c.native_finish_reason for chunk in chunks for c in chunk.choices if c.finish_reason]
    assert finishes == ["stop"]
    costs = [chunk.usage.cost for chunk in chunks if chunk.usage is not None]
    assert len(costs) == 1 and isinstance(costs[0], float) and costs[0] > 0


async def test_stream_async(async_client: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    stream = await async_client.completions.create(model=MODEL, prompt="Say hi", stream=True, provider={"zdr": True})
    assert isinstance(stream, AsyncCompletionStream)
    chunks = [chunk async for chunk in stream]
    assert openrouter_emulator.requests_to("/completions")[-1].json["provider"] == {"zdr": True}
    assert all(chunk.provider == "OpenAI" for chunk in chunks)
    assert any(chunk.usage is not None and chunk.usage.cost for chunk in chunks)


@pytest.mark.parametrize(("field", "extras"), INVALID, ids=[field for field, _ in INVALID])
def test_invalid_extras_raise_before_sending(
    client: OpenRouter, openrouter_emulator: Emulator, field: str, extras: dict[str, Any]
) -> None:
    with pytest.raises(OpenRouterValidationError) as info:
        client.completions.create(model=MODEL, prompt="hi", **extras)
    assert info.value.field == field
    assert openrouter_emulator.requests_to("/completions") == []


@pytest.mark.parametrize("stream", [False, True])
async def test_invalid_extras_raise_before_sending_async(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator, stream: bool
) -> None:
    with pytest.raises(OpenRouterValidationError) as info:
        await async_client.completions.create(model=MODEL, prompt="hi", stream=stream, repetition_penalty=3.0)
    assert info.value.field == "repetition_penalty"
    assert openrouter_emulator.requests_to("/completions") == []


def test_error_body_with_status_200_raises_typed(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    openrouter_emulator.queue("/completions", Fault.error_body_200(429, "Rate limit exceeded"))
    with pytest.raises(RateLimitError):
        client.completions.create(model=MODEL, prompt="hi")


async def test_midstream_error_raises_typed_async(async_client: AsyncOpenRouter, openrouter_emulator: Emulator) -> None:
    openrouter_emulator.queue("/completions", Fault.midstream_error(after_chunks=2, code=502))
    stream = await async_client.completions.create(model=MODEL, prompt="Say hello world", stream=True)
    texts: list[str] = []
    with pytest.raises(ProviderError) as info:
        async for chunk in stream:
            texts.extend(choice.text for choice in chunk.choices)
    assert texts and info.value.status_code == 502


def test_with_raw_response_parses_ours(client: OpenRouter, openrouter_emulator: Emulator) -> None:
    raw = client.with_raw_response.completions.create(model=MODEL, prompt="hi", extra_body={"top_k": 2})
    assert raw.headers["x-generation-id"].startswith("gen-")
    parsed = raw.parse()
    assert isinstance(parsed, Completion)
    _is_typed(parsed)
    assert openrouter_emulator.requests_to("/completions")[-1].json["top_k"] == 2


async def test_with_streaming_response_parses_ours_async(
    async_client: AsyncOpenRouter, openrouter_emulator: Emulator
) -> None:
    async with async_client.with_streaming_response.completions.create(
        model=MODEL, prompt="hi", extra_body={"min_p": 0.1}
    ) as raw:
        parsed = await raw.parse()
    assert isinstance(parsed, Completion)
    _is_typed(parsed)
    assert openrouter_emulator.requests_to("/completions")[-1].json["min_p"] == 0.1


# ------------------------------------------------------------------------------------ cassette replay

CASSETTE = Path(__file__).resolve().parents[1] / "cassettes" / "completions" / "completions_create.yaml"
CASSETTE_URL = "http://emulator.invalid/api/v1"  # the cassette's rewritten emulator origin (see its header)
PLAIN: dict[str, Any] = {
    "model": MODEL,
    "prompt": "Once upon a time",
    "max_tokens": 16,
    "provider": {"sort": "price"},
    "top_k": 20,
    "repetition_penalty": 1.05,
    "transforms": ["middle-out"],
}


def _cassette() -> Any:
    return vcr.use_cassette(str(CASSETTE), record_mode="none", match_on=["method", "uri", "body"])


def test_cassette_replay() -> None:
    with _cassette() as cassette, OpenRouter(api_key="test", base_url=CASSETTE_URL, max_retries=0) as client:
        completion = client.completions.create(**PLAIN)
        chunks = list(client.completions.create(model=MODEL, prompt="Say hello", stream=True))
        assert cassette.all_played
    _is_typed(completion)
    assert "".join(c.text for chunk in chunks for c in chunk.choices)
    assert chunks[-1].usage is not None and chunks[-1].usage.cost


async def test_cassette_replay_async() -> None:
    with _cassette() as cassette:
        async with AsyncOpenRouter(api_key="test", base_url=CASSETTE_URL, max_retries=0) as client:
            completion = await client.completions.create(**PLAIN)
            stream = await client.completions.create(model=MODEL, prompt="Say hello", stream=True)
            chunks = [chunk async for chunk in stream]
        assert cassette.all_played
    _is_typed(completion)
    assert chunks[-1].usage is not None and chunks[-1].usage.cost
